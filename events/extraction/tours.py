"""A tour told stop by stop: one event per stop, each on its day at its place (plain Python).

    近日，县科协组织科普大篷车深入山区学校开展科普巡展活动。13日走进分水镇中心小学，14日来到
    百江镇初级中学，15日在瑶琳镇中心小学收官。
    11月5日至8日，“科普大篷车乡村行”巡展活动在我县开展。5日，大篷车首站走进双龙营镇中心学校，…；
    6日来到八道哨乡民族中学，…；7日至8日，巡展在树皮乡文化广场举行，…

A stop is a clause that opens with its day, then (after a short subject such as "大篷车首站" or
"巡展") a verb of going or being somewhere and the place. The tour is the report's event the stops
belong to: a touring event (巡展, 大篷车, 下乡…) whose dates hold the stop's day, or, when a
sentence lists two stops or more, the report's last event without a day of its own. The tour is
covered by its stops: it becomes the first stop and each later stop is an event of its own.
"""

from __future__ import annotations

import re
from dataclasses import replace

from . import patterns as P
from .dating import FlatMention, link_from_mention
from .drafts import Draft, attach
from .reports import Reading, evidence_of, report_drafts
from .text import Sentence, split_clauses
from .triggers import noun_triggers

_DAY = r"(?:\d{1,2}月)?\d{1,2}日"
_CLAUSE_DAY_RE = re.compile(r"(?:^|[，,；;])" + _DAY)
_DAY_ALONE_RE = re.compile("^" + _DAY + "(?:至" + _DAY + r")?(?:上午|下午|晚上|晚)?$")
_STOP_RE = re.compile(
    "^" + _DAY + "(?:至" + _DAY + r")?(?:上午|下午|晚上|晚)?[，,]?"
    r"(?P<subject>[\u4e00-\u9fff]{1,8}?)??"
    r"(?:" + "|".join(P.STOP_VERBS) + r")了?"
    r"(?P<place>[\u4e00-\u9fff]{2,20}?)(?:" + "|".join(P.STOP_ENDS) + r"|$)"
)


def split_into_stops(reading: Reading, sentence: Sentence, flat: str) -> bool:
    """Make the stops a sentence tells, as events of the report's tour; whether it was read so."""
    if not _CLAUSE_DAY_RE.search(flat):
        return False  # most sentences: no clause opens with a day
    stops = _stops(reading, sentence, flat)
    if not stops:
        return False
    tour = _tour(reading, sentence.report, stops)
    if tour is None:
        return False
    evidence = evidence_of(reading.doc, sentence)
    for day, place in stops:
        if tour.segment_of:  # the tour is a stop already: each new stop is an event of its own
            draft = replace(tour, evidence=[], spans=set(), figures={}, organizers={})
            reading.drafts.append(draft)
        else:
            draft, draft.segment_of = tour, tour.title
        draft.link = link_from_mention(day, reading.doc.original)
        draft.title, draft.place, draft.headline = f"{draft.segment_of}（{place}）", place, False
        attach(draft, type(evidence)(evidence.sentence, evidence.span, draft.link.date_text), [], {})
        tour = draft
    return True


def _stops(reading: Reading, sentence: Sentence, flat: str) -> list[tuple[FlatMention, str]]:
    """(day, place) of the stops told clause by clause; a lone stop only as the sentence's first clause."""
    stops = []
    for n, (start, end) in enumerate(_clauses(flat)):
        clause = flat[start:end].strip()
        match = _STOP_RE.match(clause)
        days = [m for m in reading.mentions_in(sentence.start + start, sentence.start + end) if _dated(m)]
        subject = match.group("subject") or "" if match else ""
        if noun_triggers(subject) and not any(word in subject for word in P.TOUR_WORDS):
            continue  # "21日，机器人大赛在体育馆举行": another event, not a stop
        if match and days:
            stops.append((days[0], match.group("place"), n))
    if len(stops) == 1 and stops[0][2] > 0:
        return []
    return [(day, place) for day, place, _ in stops]


def _clauses(flat: str) -> list[tuple[int, int]]:
    """The sentence's clauses, a clause of a day alone joined to the next: "5日，大篷车首站走进…"."""
    out: list[tuple[int, int]] = []
    for start, end in split_clauses(flat):
        if out and _DAY_ALONE_RE.match(flat[out[-1][0] : out[-1][1]].strip()):
            out[-1] = (out[-1][0], end)
        else:
            out.append((start, end))
    return out


def _tour(reading: Reading, report: int, stops: list[tuple[FlatMention, str]]) -> Draft | None:
    """The event the stops belong to: the report's last stop, a touring event holding their days,
    or (two stops or more) the report's last event without a day of its own."""
    drafts = report_drafts(reading, report)
    if not drafts:
        return None
    last = drafts[-1]
    if last.segment_of and any(w in last.segment_of for w in P.TOUR_WORDS):
        return last
    first = stops[0][0].mention
    for draft in reversed(drafts):
        link = draft.link
        touring = any(word in draft.title for word in P.TOUR_WORDS)
        if touring and (link is None or link.precision != "day" or link.start <= first.start <= link.end):
            return draft
    if len(stops) >= 2 and (last.link is None or last.link.precision != "day"):
        return last
    return None


def _dated(found: FlatMention) -> bool:
    """A day, or a few days ("7日至8日"), not a coarser date."""
    return found.mention.precision.value == "day"
