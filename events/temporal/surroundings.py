"""Reads the words around a mention: the tense of a bare day's clause, page lines, years in names.

Plain Python. These are judgements about the sentence a date sits in, not about the date
expression itself, so they live apart from the resolvers: ``parser`` asks ``clause_tense``
before resolving a bare day, and ``role_of`` after joining, for the ``Mention.role`` field.
"""

from __future__ import annotations

import re

from . import patterns
from .reading import Reading
from .types import Kind, Precision

# How far a clause is looked for on either side of a bare day (characters).
CLAUSE_REACH = 200
_CLAUSE_END = re.compile(r"[。！？!?；;\n]")
_PAST = re.compile("|".join(map(re.escape, sorted(patterns.PAST_CUES, key=len, reverse=True))))
_FUTURE = re.compile("|".join(map(re.escape, sorted(patterns.FUTURE_CUES, key=len, reverse=True))))
_FUTURE_AFTER = re.compile("|".join(map(re.escape, patterns.FUTURE_AFTER)))
_PAGE = re.compile("|".join(map(re.escape, patterns.PAGE_LINE_CUES)))
_SENTENCE_MARK = re.compile(r"[。！？!?]")
_BREAK_BEFORE = frozenset("。！？!?；;：:\n 　\t”」』）)")
_BREAK_AFTER = frozenset(("", "\n", " ", "　", "\t", "\r", "\xa0"))
_HEADLINE_BREAKS = re.compile(r"[，,。！？!?；;：:]")
_SECONDS = re.compile(r"[0-9]{1,2}:[0-5][0-9]:[0-5][0-9]")
# A year, or a season or half of one, may open an event's name ("2024年春季科技节").
_NAME_PRECISIONS = frozenset({Precision.YEAR, Precision.SEASON, Precision.HALF_YEAR})
_NUMERALS = frozenset("0123456789〇零一二三四五六七八九")


def clause_tense(norm: str, start: int, end: int) -> str:
    """ "future", "past" or "" for the clause around ``norm[start:end]``.

    The clause runs from the last sentence break before the expression to the next one after
    it; a future word anywhere in it wins over a past verb ("将于27日举行"), since a schedule
    often names the verb it will happen by. "起", "前" count right after the expression
    ("27日起"); elsewhere "日前" means "recently".
    """
    floor = max(0, start - CLAUSE_REACH)  # bounded, so a text without stops stays linear
    before = max(norm.rfind(mark, floor, start) for mark in "\n。！？!?；;")
    while before > floor and _soft_break(norm, before):  # a PDF page's line broken mid-sentence
        before = max(norm.rfind(mark, floor, before) for mark in "\n。！？!?；;")
    before = before if before >= 0 else floor - 1
    limit = end + CLAUSE_REACH
    after = _CLAUSE_END.search(norm, end, limit)
    while after is not None and _soft_break(norm, after.start()):
        after = _CLAUSE_END.search(norm, after.end(), limit)
    clause = norm[before + 1 : after.start() if after else min(len(norm), limit)]
    if _FUTURE.search(clause) or _FUTURE_AFTER.match(norm, end):
        return "future"
    return "past" if _PAST.search(clause) else ""


_COMMA_CLAUSE_MARKS = "，,。！？!?；;\n"
_COMMA_CLAUSE_END = re.compile(f"[{_COMMA_CLAUSE_MARKS}]")


def speaks_of_future(norm: str, start: int, end: int) -> bool:
    """Whether the comma-bounded clause around ``norm[start:end]`` speaks of the future ("将于1月10日
    开幕", "1月10日将举行"): narrower than ``clause_tense``, so that in "根据3月10日出台的方案，科技节
    将于下月举行" the March date keeps its year."""
    floor = max(0, start - CLAUSE_REACH)
    before = max(norm.rfind(mark, floor, start) for mark in _COMMA_CLAUSE_MARKS)
    after = _COMMA_CLAUSE_END.search(norm, end, end + CLAUSE_REACH)
    clause = norm[
        before + 1 if before >= 0 else floor : after.start() if after else min(len(norm), end + CLAUSE_REACH)
    ]
    return _FUTURE.search(clause) is not None


_FUTURE_NEXT = re.compile(patterns.FUTURE_NEXT_CLAUSE)
# What may stand beside the date in a clause that is only a date: a dateline before it
# ("本报讯（记者 于洋）1月10日，"), a weekday or a time of day after it ("1月10日（周六）上午，").
_DATE_ONLY_LEAD = re.compile(r"\s*(?:[^，,。！？!?；;\n]{0,24}?(?:讯|电|[）)]))?\s*")
_DATE_ONLY_TAIL = re.compile(r"\s*(?:[（(][^）)]{1,4}[）)])?\s*(?:上午|下午|中午|晚上|晚间|早上|晚)?\s*")


def leads_future(norm: str, start: int, end: int) -> bool:
    """Whether ``norm[start:end]`` is the whole of a comma clause ("1月10日，") before one that
    announces the future ("第三届冰雪科技嘉年华将在镜泊湖开幕"): the date is when that will happen."""
    floor = max(0, start - CLAUSE_REACH)
    before = max(norm.rfind(mark, floor, start) for mark in _COMMA_CLAUSE_MARKS)
    after = _COMMA_CLAUSE_END.search(norm, end, end + CLAUSE_REACH)
    if after is None or after.group() not in "，,":
        return False
    lead = norm[before + 1 if before >= 0 else floor : start]
    if not (_DATE_ONLY_LEAD.fullmatch(lead) and _DATE_ONLY_TAIL.fullmatch(norm, end, after.start())):
        return False
    following = _COMMA_CLAUSE_END.search(norm, after.end(), after.end() + CLAUSE_REACH)
    return _FUTURE_NEXT.search(norm, after.end(), following.start() if following else len(norm)) is not None


def _soft_break(norm: str, at: int) -> bool:
    """A line break inside a sentence: "我县在\n县行政中心……举行" (newspaper PDF text), not
    one after a stop or before an indented paragraph or a blank line."""
    if norm[at] != "\n" or at == 0:
        return False
    return norm[at - 1] not in _BREAK_BEFORE and norm[at + 1 : at + 2] not in _BREAK_AFTER


def on_headline(norm: str, start: int, end: int) -> bool:
    """True when the expression sits on a short line with no sentence punctuation (a headline)."""
    line_start = norm.rfind("\n", max(0, start - patterns.PAGE_LINE_MAX), start) + 1
    line_end = norm.find("\n", end, end + patterns.PAGE_LINE_MAX)
    line_end = len(norm) if line_end < 0 and len(norm) - end <= patterns.PAGE_LINE_MAX else line_end
    if (line_start == 0 and start > patterns.PAGE_LINE_MAX) or line_end < 0:
        return False
    return _HEADLINE_BREAKS.search(norm, line_start, line_end) is None


def role_of(norm: str, start: int, end: int, reading: Reading) -> str:
    """ "page" for the date of a publication line, "dateline" for the filing day of a report
    ("东南网5月9日讯"), "name" for a year inside an event's name, else ""."""
    if reading.precision == Precision.DAY:
        if is_dateline(norm, end):
            return "dateline"
        return "page" if on_page_line(norm, start, end, reading) else ""
    if (
        reading.precision in _NAME_PRECISIONS
        and norm[start : start + 1] in _NUMERALS
        and patterns.EVENT_NAME.match(norm, end)
    ):
        return "name"
    return ""


def is_dateline(norm: str, end: int) -> bool:
    """True when a day is followed by "讯" or "电": the day a report was filed."""
    return patterns.DATELINE_AFTER.match(norm, end) is not None


def on_page_line(norm: str, start: int, end: int, reading: Reading) -> bool:
    """A short line, no sentence in it, that carries a publication word, or nothing but a stamp.

    A stamp is a full date with its time ("2024-05-08 09:30"): a day alone on a line is as
    often a WeChat post's own "5月18日" heading a paragraph about that day.
    """
    reach = patterns.PAGE_LINE_MAX
    line_start = norm.rfind("\n", max(0, start - reach), start) + 1
    if line_start == 0 and start > reach:
        return False  # the line is longer than a publication line
    line_end = norm.find("\n", end, end + reach + 1)
    line_end = len(norm) if line_end < 0 and len(norm) - end <= reach else line_end
    if line_end < 0 or line_end - line_start > reach:
        return False
    line = norm[line_start:line_end]
    if _SENTENCE_MARK.search(line):
        return False
    if _PAGE.search(line) or _SECONDS.search(norm, start, end):
        return True  # a publication word, or a stamp down to the second ("2020-10-03 15:16:00")
    if _is_masthead(norm, start, end, line, reading):
        return True
    # A line holding only a timestamp ("2024-05-08 09:30") above the report dates the page.
    if reading.time is None or reading.kind != Kind.ABSOLUTE:
        return False
    rest = (norm[line_start:start] + norm[end:line_end]).strip(" \t\r\xa0【】[]")
    return rest == "" and "\n" in norm[line_end:]


def _is_masthead(norm: str, start: int, end: int, line: str, reading: Reading) -> bool:
    """A dated masthead or page head: a date with its year, set apart by spaces, on a line that
    names a paper, a page ("第3版", "A03") or the weekday. A headline's date is not set apart."""
    if reading.kind != Kind.ABSOLUTE or reading.year_inferred:
        return False
    before = norm[start - 1 : start]
    after = norm[end : end + 1]
    if before not in ("", "\n", " ", "\t") or after not in ("", "\n", " ", "\t", "\r"):
        return False
    return patterns.MASTHEAD_CUE.search(line) is not None
