"""Day headings of a programme ("▌Day 1｜9月14日", "DAY2 | 9月15日", "第一天（7月15日）") date the event above them.

WeChat reviews and previews of camps and study tours often print no date in their sentences: the
post names the camp ("2024年“陇原青少年科学营” / 圆满结营啦"), then gives each day a heading line with
its number and date, and under it that day's items ("开营仪式", "参观…"). The headings are the camp's
days: it runs from the first day to the last. Day N printed with a date says the event began N-1 days
before it, so headings split over several sentences (or broken by a line the layout took for a
headline) extend the same span. The items under the headings are the camp's own programme, not
events of their own. Plain Python: no Django.
"""

from __future__ import annotations

import re
from datetime import date, timedelta

from .dating import DateLink, FlatMention
from .drafts import Draft, attach
from .reports import Reading, evidence_of, recent
from .text import Sentence
from .types import EvidenceSpan

# "▌Day 1｜", "DAY2 | ", "第一天（", "第3天：": a day's number, then its date. It opens the sentence or
# follows a space (where WeChat phrases were joined).
_HEADING_RE = re.compile(
    r"(?:^|(?<=\s))[^\w\s]{0,2}\s*(?:(?:Day|DAY|day)\s*(?P<n>\d{1,2})|第(?P<cn>[一二三四五六七八九十]{1,2}|\d{1,2})天)"
    r"\s*[｜|丨:：·]?\s*[（(]?"
)
_HEADING_END_RE = re.compile(r"[）)]?(?:\s|$)")
_CHINESE_DIGITS = {"一": 1, "二": 2, "三": 3, "四": 4, "五": 5, "六": 6, "七": 7, "八": 8, "九": 9}
# A programme of days is at most this long: a camp, a study tour, a training week.
MAX_DAYS = 15
_COARSE = ("month", "season", "half-year", "year", "multi-year", "vague")


def date_by_day_headings(reading: Reading, sentence: Sentence, flat: str) -> bool:
    """Give the event named above its day headings their span; True when the sentence was headings.

    A sentence holding day headings is read as the programme of that event and nothing else is
    made of it. Returns False (the sentence is read as usual) when it holds none, when the
    numbers and dates disagree, or when no event stands above to be dated.
    """
    headings = _headings(reading, sentence, flat)
    if not headings:
        return False
    starts = {day.mention.start - timedelta(days=number - 1) for number, day in headings}
    if len(starts) != 1:
        return False  # "Day 1｜9月14日 … Day 2｜9月20日": not one programme's days
    start = starts.pop()
    end = max(day.mention.start for _, day in headings)
    headed = reading.headed
    if headed is not None and headed.link is not None and headed.link.start == start:
        target = headed  # "▌Day 3｜9月16日" a few lines after Day 1 and Day 2: the same camp
        if end <= headed.link.end:
            return True
    else:
        target = _event_above(reading, start)
        if target is None:
            return False
        link = target.link
        if link is not None and link.precision == "day":
            if not (link.start <= start and end <= link.end):
                return False
            reading.headed = target  # dated already ("9月14日至16日，…"): the headings are its programme
            return True
    original = reading.doc.original
    first, last = headings[0][1].mention, headings[-1][1].mention
    text = (
        original[first.span[0] : last.span[1]]
        if len(headings) > 1
        else original[first.span[0] : first.span[1]]
    )
    if target is headed:
        text = f"{headed.link.date_text} … {text}"
    target.link = DateLink(start, end, "day", _edtf(start, end), text, "sentence")
    reading.headed = target
    evidence = evidence_of(reading.doc, sentence)
    attach(target, EvidenceSpan(evidence.sentence, evidence.span, text), [], {})
    return True


def _headings(reading: Reading, sentence: Sentence, flat: str) -> list[tuple[int, FlatMention]]:
    """(the day's number, its date mention) of each heading in the sentence, in order."""
    found = []
    for match in _HEADING_RE.finditer(flat):
        number = int(match.group("n")) if match.group("n") else _number(match.group("cn"))
        at = sentence.start + match.end()
        days = [
            f
            for f in reading.mentions_in(at, at + 1)
            if f.mention.precision.value == "day"
            and (f.mention.end is None or f.mention.end == f.mention.start)
        ]
        if number and 1 <= number <= MAX_DAYS and days and _ends_heading(flat, days[0].end - sentence.start):
            found.append((number, days[0]))
    return found


def _ends_heading(flat: str, at: int) -> bool:
    """Whether the date ends its heading line: a space (where WeChat phrases were joined) or the end
    follows it, not a clause ("第二天（5月19日），大赛进入决赛阶段" is prose, not a heading)."""
    return _HEADING_END_RE.match(flat, at) is not None


def _event_above(reading: Reading, start: date) -> Draft | None:
    """The last event told before the headings: undated, dated no finer than a month around their
    first day, or already dated by days that hold them (checked by the caller)."""
    drafts = [d for d in recent(reading.drafts) if not d.generic]
    if not drafts:
        return None
    draft = drafts[-1]
    link = draft.link
    if link is None or link.precision == "day":
        return draft
    return draft if link.precision in _COARSE and link.start <= start <= link.end else None


def _number(text: str) -> int:
    """1 for "一", 10 for "十", 12 for "十二", 3 for "3"; 0 when unreadable."""
    if text.isdigit():
        return int(text)
    if text == "十":
        return 10
    if text.startswith("十"):
        return 10 + _CHINESE_DIGITS.get(text[1:], 0)
    if text.endswith("十"):
        return 10 * _CHINESE_DIGITS.get(text[:-1], 0)
    return _CHINESE_DIGITS.get(text, 0)


def _edtf(start: date, end: date) -> str:
    """The EDTF of a day or a span of days."""
    return start.isoformat() if start == end else f"{start.isoformat()}/{end.isoformat()}"
