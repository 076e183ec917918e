"""An event's last day and end time, or its hours, printed in a later clause about it. Plain Python.

"…12月17日上午9时开幕，12月19日下午5时闭幕" runs from the 17th 09:00 to the 19th 17:00;
"…12月19日上午9时开幕。活动将于12月19日下午5时结束" ends at 17:00 the same day; "科技节将持续至13日"
ends on the 13th. The rules:

- the day is printed before an ending verb ("闭幕", "结束", ``ENDING_VERBS``) in its clause, with
  no clause punctuation between, and not as a point of reference ("结束后", ``ENDING_NOT_END``);
  or after "持续至"/"截止到" (``UNTIL``);
- a clause about registering or applying ("报名截止12月10日", ``ENDING_NOT_EVENT``) ends
  something else;
- the end is not before the event's current last day, nor over a year after its first
  (``MAX_SPAN``: a museum show runs for months, a festival for days); on the same day it only
  gives an end time, later than the start time when there is one;
- a time printed with the end day ends the event ("下午5时"; of a range "下午3时至5时", its end);
  a last day printed without a time leaves the end time unknown;
- the event's own day printed again with hours gives an untimed event its hours
  ("…12月5日举办科普讲座，时间：12月5日 9:00-17:00"; ``with_hours``), and so does a bare clock
  range labelled as its time ("活动时间为9:30~15:00"; ``hours_by_clock``).
"""

from __future__ import annotations

import re
from dataclasses import replace
from datetime import date, time, timedelta

from events.temporal import Mention

from . import patterns as P
from .dating import DateLink, FlatMention
from .drafts import Draft
from .reports import Reading, report_drafts
from .text import Sentence

MAX_SPAN = timedelta(days=366)
# An ending verb after a day, with at most a few words between: no clause punctuation, and no
# "起"/"至" that would make the day the start of a span ("12月10日起至活动结束").
_ENDING_RE = re.compile(
    r"[^，。；！？,;!?：:起至到从]{0,12}?(?:"
    + "|".join(P.ENDING_VERBS)
    + r")(?!"
    + "|".join(P.ENDING_NOT_END)
    + ")"
)
_CLAUSE_MARKS = "，。；！？,;!?"
# "时间为9:30~15:00", "开放时间：9:00-17:00": a bare clock range labelled as a time.
_CLOCK_RANGE_RE = re.compile(
    r"时间(?:为|是|[:：])?\s*(?P<h1>[0-2]?\d)[:：∶](?P<m1>[0-5]\d)\s*[-—–~～至到]\s*"
    r"(?P<h2>[0-2]?\d)[:：∶](?P<m2>[0-5]\d)(?![\d:：∶])"
)
# Characters of a day or of a word counting days; a mention with none of them prints a time alone.
_DAY_CHARS = frozenset("日号號月年天周週星期礼禮拜今明昨前后後")


def end_by_clause(reading: Reading, sentence: Sentence, draft: Draft, after: int) -> None:
    """End ``draft`` at the first day in the sentence, after flat offset ``after`` within it, that a
    clause prints as its end (see the module rules); leave it alone when there is none."""
    link = draft.link
    if link is None or link.precision != "day":
        return
    flat = reading.doc.flat
    for f in reading.mentions_in(sentence.start + after, sentence.end):
        m = f.mention
        if m.precision.value != "day":
            continue
        hours = with_hours(link, m)
        if hours is not None:
            draft.link = link = hours
            continue
        if not _prints_an_end(flat, sentence, f):
            continue
        end_time = m.end_time or m.time
        day = link.end if time_only(m) else m.start  # "…上午9时开幕，下午5时闭幕"
        if _fits(link, day, end_time):
            draft.link = ended(link, day, end_time)
            return
    hours_by_clock(reading, sentence, draft, after)


def hours_by_clock(reading: Reading, sentence: Sentence, draft: Draft, after: int) -> None:
    """Give an untimed day event the hours of a bare clock range its sentence labels as its time
    ("…举行，活动时间为9:30~15:00"). The temporal parser leaves "9:30~15:00" alone (without a day or a
    period word it could be a score or a ratio), so only a range after "时间" is read here."""
    link = draft.link
    if link is None or link.precision != "day" or link.time is not None:
        return
    flat = reading.doc.flat
    found = _CLOCK_RANGE_RE.search(flat, sentence.start + after, sentence.end)
    if found is None:
        return
    start, end = _clock(found["h1"], found["m1"]), _clock(found["h2"], found["m2"])
    if start is not None and end is not None and end > start:
        draft.link = replace(link, time=start, end_time=end)


def _clock(hour: str, minute: str) -> time | None:
    """``time(hour, minute)``, or None when the digits are not a time of day."""
    h, m = int(hour), int(minute)
    return time(h, m) if h < 24 and m < 60 else None


def end_by_sentence(reading: Reading, sentence: Sentence) -> None:
    """A sentence naming no event that prints an end ("活动将于12月19日下午5时结束") ends the report's
    latest day-dated event it fits."""
    for draft in reversed(report_drafts(reading, sentence.report)):
        if draft.link is not None and draft.link.precision == "day" and not draft.habitual:
            end_by_clause(reading, sentence, draft, 0)
            return


def with_hours(link: DateLink, m: Mention) -> DateLink | None:
    """An untimed day ``link`` with the time (and end time) of a mention of the same day(s), or of a
    time alone ("下午2点半至4点"), or None."""
    if link.time is not None or m.time is None or link.precision != "day":
        return None
    if not time_only(m) and (m.start, m.end or m.start) != (link.start, link.end):
        return None
    return replace(link, time=m.time, end_time=m.end_time)


def time_only(m: Mention) -> bool:
    """Whether a mention prints a time of day and no day ("下午5时", "上午9时至下午5时"): the parser puts
    it on the publication day, but in a clause about an event it is that event's day."""
    return m.time is not None and not any(ch in _DAY_CHARS for ch in m.text)


def ended(link: DateLink, day: date, end_time: time | None) -> DateLink:
    """``link`` ending on ``day`` at ``end_time`` (None: unknown)."""
    edtf = link.start.isoformat() if day == link.start else f"{link.start.isoformat()}/{day.isoformat()}"
    return replace(link, end=day, end_time=end_time, edtf=edtf)


def _prints_an_end(flat: str, sentence: Sentence, f: FlatMention) -> bool:
    """Whether the text around a day mention makes it the end of an event (see the module rules)."""
    clause_start = max((flat.rfind(mark, sentence.start, f.start) for mark in _CLAUSE_MARKS), default=-1)
    before = flat[max(clause_start + 1, sentence.start) : f.start]
    if any(word in before for word in P.ENDING_NOT_EVENT):
        return False
    if flat.endswith(P.UNTIL, sentence.start, f.start):
        return True
    verb = _ENDING_RE.match(flat, f.end, sentence.end)
    return verb is not None and not any(word in verb.group() for word in P.ENDING_NOT_EVENT)


def _fits(link: DateLink, day: date, end_time: time | None) -> bool:
    """Whether ``day`` at ``end_time`` can end the event ``link`` dates (see the module rules)."""
    if day < link.end or day > link.start + MAX_SPAN:
        return False
    if day > link.end:
        return True
    # The same last day: only an end time adds anything, and it must come after the start.
    if end_time is None or end_time == link.end_time:
        return False
    return link.start < link.end or link.time is None or end_time > link.time
