"""Reads the words around a mention: the tense of a bare day's clause, page lines, years in names.

Plain Python. These are judgements about the sentence a date sits in, not about the date
expression itself, so they live apart from the resolvers: ``parser`` asks ``clause_tense``
before resolving a bare day, and ``role_of`` after joining, for the ``Mention.role`` field.
"""

from __future__ import annotations

import re

from . import patterns
from .reading import Reading
from .types import Precision

_CLAUSE_END = re.compile(r"[。！？!?；;\n]")
_PAST = re.compile("|".join(map(re.escape, sorted(patterns.PAST_CUES, key=len, reverse=True))))
_FUTURE = re.compile("|".join(map(re.escape, sorted(patterns.FUTURE_CUES, key=len, reverse=True))))
_FUTURE_AFTER = re.compile("|".join(map(re.escape, patterns.FUTURE_AFTER)))
_PAGE = re.compile("|".join(map(re.escape, patterns.PAGE_LINE_CUES)))
_SENTENCE_MARK = re.compile(r"[。！？!?]")


def clause_tense(norm: str, start: int, end: int) -> str:
    """ "future", "past" or "" for the clause around ``norm[start:end]``.

    The clause runs from the last sentence break before the expression to the next one after
    it; a future word anywhere in it wins over a past verb ("将于27日举行"), since a schedule
    often names the verb it will happen by. "起", "前" count right after the expression
    ("27日起"); elsewhere "日前" means "recently".
    """
    before = norm.rfind("\n", 0, start)
    for mark in "。！？!?；;":
        before = max(before, norm.rfind(mark, 0, start))
    after = _CLAUSE_END.search(norm, end)
    clause = norm[before + 1 : after.start() if after else len(norm)]
    if _FUTURE.search(clause) or _FUTURE_AFTER.match(norm, end):
        return "future"
    return "past" if _PAST.search(clause) else ""


def role_of(norm: str, start: int, end: int, reading: Reading) -> str:
    """ "page" for the date of a publication line, "name" for a year inside an event's name, else ""."""
    if reading.precision == Precision.DAY and _on_page_line(norm, start, end):
        return "page"
    if (
        reading.precision not in (Precision.DAY, Precision.VAGUE)
        and norm[start : start + 1].isdigit()
        and patterns.EVENT_NAME.match(norm, end)
    ):
        return "name"
    return ""


def _on_page_line(norm: str, start: int, end: int) -> bool:
    """A short line, no sentence in it, that carries a publication word or nothing but the date."""
    line_start = norm.rfind("\n", 0, start) + 1
    line_end = norm.find("\n", end)
    line_end = len(norm) if line_end < 0 else line_end
    line = norm[line_start:line_end]
    if len(line) > patterns.PAGE_LINE_MAX or _SENTENCE_MARK.search(line):
        return False
    if _PAGE.search(line):
        return True
    # A line holding only a timestamp ("2024-05-08 09:30") above the report dates the page.
    rest = (norm[line_start:start] + norm[end:line_end]).strip(" \t\r\xa0【】[]")
    return rest == "" and "\n" in norm[line_end:]
