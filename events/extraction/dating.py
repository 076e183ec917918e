"""Links an occurrence to the date its sentence gives, using the temporal parser's mentions.

Plain Python: no Django. The rules, in order:

1. A date mention in the occurrence's own clause, else the nearest one before it in the
   sentence ("3月11日，农历二月初二，以…为主题的…科技节…开幕"). A mention after the trigger
   in another clause is not used: it usually dates the next statement.
2. Vague mentions (近日, 近年来, 周末) never date an occurrence: their precision is VAGUE,
   or the parser doubts them (confidence below 0.5: it reads a bare "周末" as the last
   weekend with day precision, which is too sure for "周末的博物馆内").
3. In a cumulative or habitual statement ("目前…已举办各类技术培训220余场", "开展3年来")
   a day-precision mention is the reporting day, not the occurrence: not used.
4. "当天", "同日" are not read as the parser reads them (the last day it saw, or the
   publication day): the caller (``extract.py``) looks up the discourse date from such
   clause-initial anaphors ("开幕式上", "当天"), within the same report only.
5. A date before a reporting verb dates the reporting: "5月18日，记者从市科技局了解到，
   …在深圳揭牌" and "记者昨日从…获悉，…已于近日揭牌" leave the unveiling undated.
6. A mention the parser gives a ``role`` never dates an occurrence: the publication line
   ("2022-11-08 09:30 来源：…"), a dateline's day ("5月9日讯") and a year inside an event's
   name ("2022年全国科技活动周" leaves the day printed for it to date it).
"""

from __future__ import annotations

import re
from bisect import bisect_left
from dataclasses import dataclass
from datetime import date, time
from functools import lru_cache

from events.temporal import Mention, Precision
from events.temporal.normalize import normalize

from . import patterns as P
from .text import Document, Sentence

# Mentions the parser is less sure of than this do not date events (see rule 2).
MIN_MENTION_CONFIDENCE = 0.5

# A weekday or lunar date printed beside a day: "3月11日（周一）", "星期六", "农历二月初二".
_CLUE_RE = re.compile(r"周[一二三四五六日天]|星期|礼拜|禮拜|农历|農曆|阴历|陰曆|初[一二三四五六七八九十]")
# Below this parser confidence a clue is taken to disagree even without a note.
CLUE_AGREES_MIN = 0.6


@dataclass(frozen=True, slots=True)
class DateLink:
    """The date given to an occurrence and where it came from ("sentence", "discourse")."""

    start: date
    end: date
    precision: str
    edtf: str
    date_text: str
    source: str
    time: time | None = None
    open_end: bool = False
    # What a printed weekday or lunar date beside the date says: "agrees", "disagrees" or "" (none printed).
    clue: str = ""
    # When the event ends on its last day: a time range ("9:00-17:00") or a closing clause
    # ("12月19日下午5时闭幕"); None when the text gives none.
    end_time: time | None = None


@dataclass(frozen=True, slots=True)
class FlatMention:
    """A parser mention with its span in the flat text."""

    start: int
    end: int
    mention: Mention


def flatten_mentions(doc: Document, mentions: list[Mention]) -> list[FlatMention]:
    """The usable mentions (valid, with a start) located in the flat text, in order."""
    out = []
    for m in mentions:
        if not m.valid or m.start is None or m.span[1] <= m.span[0]:
            continue
        start = doc.flat_offset(m.span[0])
        end = max(start + 1, doc.flat_offset(m.span[1]))
        out.append(FlatMention(start, end, m))
    out.sort(key=lambda f: f.start)
    return out


def date_in_sentence(
    mentions: list[FlatMention],
    sentence: Sentence,
    clause: tuple[int, int],
    trigger: tuple[int, int],
    *,
    habitual: bool,
    text: str = "",
) -> FlatMention | None:
    """The mention dating an occurrence, or None.

    ``clause`` is the flat (start, end) of the occurrence's clause and ``trigger`` the flat
    span of its trigger or name; ``text`` is the sentence's flat text (for rule 5). A year
    inside the name ("2024年晋中市青少年科技创新大赛") names the edition: it dates the event
    only when nothing else in the sentence does.
    """
    lo = bisect_left(mentions, sentence.start, key=_start_of)
    hi = bisect_left(mentions, sentence.end, lo=lo, key=_start_of)
    usable = [f for f in mentions[lo:hi] if _usable(f.mention, habitual=habitual)]
    in_name = [f for f in usable if trigger[0] <= f.start and f.end <= trigger[1]]
    usable = [f for f in usable if f not in in_name]
    in_clause = [f for f in usable if clause[0] <= f.start < clause[1]]
    if in_clause:
        before = [f for f in in_clause if f.start <= trigger[0]]
        return before[-1] if before else in_clause[0]
    earlier = [f for f in usable if f.end <= clause[0] and not _reported_after(text, sentence, f, clause)]
    if earlier:
        return earlier[-1]
    return in_name[0] if in_name else None


def link_from_mention(found: FlatMention, original: str) -> DateLink:
    """A DateLink carrying a mention's dates and its text as printed (line breaks kept)."""
    m = found.mention
    return DateLink(
        start=m.start,
        end=m.end or m.start,
        precision=m.precision.value,
        edtf=m.edtf,
        date_text=original[m.span[0] : m.span[1]],
        source="sentence",
        time=m.time,
        open_end=m.open_end,
        clue=clue_of(m),
        end_time=m.end_time,
    )


def clue_of(m: Mention) -> str:
    """Whether a weekday or lunar date printed with the mention agrees with its day ("" when none is).

    The parser keeps a reading a clue disagrees with at a lower confidence and says so in its note
    ("the weekday beside it…", "the lunar date beside this date disagrees").
    """
    if not _CLUE_RE.search(m.text):
        return ""
    return "disagrees" if "beside" in m.note or m.confidence < CLUE_AGREES_MIN else "agrees"


def _start_of(f: FlatMention) -> int:
    """A mention's flat start (the bisection key)."""
    return f.start


def _reported_after(text: str, sentence: Sentence, found: FlatMention, clause: tuple[int, int]) -> bool:
    """Whether a reporting verb stands between a mention and the occurrence's clause (rule 5)."""
    between = text[found.end - sentence.start : clause[0] - sentence.start]
    return any(verb in between for verb in P.REPORTING_VERBS)


# A date anaphor the parser read together with its hour ("当天上午9时30分", "开幕当日下午四时"):
# still the day of the event told before, never the last date printed.
_ANAPHOR_WITH_HOUR_RE = re.compile(
    "(?:"
    + "|".join(sorted(map(re.escape, P.DATE_ANAPHORS), key=len, reverse=True))
    + ")"
    + P.ANAPHOR_TIME
)


@lru_cache(maxsize=4096)
def is_date_anaphor(text: str) -> bool:
    """Whether a mention's text is a date anaphor ("当天", "开幕当日"), or one with its hour
    ("當日下午四時", in either script). A bare traditional "當日" stays a date of its own: the
    clause-initial anaphor rules read simplified text only, and "頒獎禮當日起" needs it."""
    text = text.strip()
    return text in P.DATE_ANAPHORS or _ANAPHOR_WITH_HOUR_RE.fullmatch(normalize(text)) is not None


def _usable(m: Mention, *, habitual: bool) -> bool:
    """Whether a mention may date an occurrence (see the module rules 2 and 3)."""
    if m.precision is Precision.VAGUE or m.confidence < MIN_MENTION_CONFIDENCE:
        return False
    if is_date_anaphor(m.text):
        return False  # rule 4
    if m.role:
        return False  # rule 6: a publication line, a dateline or a year inside a name
    return not (habitual and m.precision is Precision.DAY)
