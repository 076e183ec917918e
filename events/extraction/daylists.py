"""One event per day of a printed list of days ("本月12日、19日及26日", "5月8日、9日、10日晚分别在…"),
and one per stop of a tour told clause by clause ("13日走进A小学，14日来到B中学，15日在C小学收官"). Plain Python.

A report that gives an activity a list of separate days ("将于4月3日和5日，分别在南窑村、口则村开展讲座")
tells of one occurrence a day; a range ("4月3日至5日") is one event and never comes here. With
"分别在A、B" and as many places as days, each day is held at its own place.
"""

from __future__ import annotations

import re
from bisect import bisect_left
from dataclasses import replace

from . import patterns as P
from .dating import DateLink, FlatMention, link_from_mention
from .drafts import Draft, attach
from .reports import Reading, evidence_of, report_drafts
from .text import Sentence, split_clauses

_SEPARATOR_RE = re.compile("(?:" + "|".join(P.DAY_LIST_SEPARATORS) + ")")
# A stop of a tour: a clause opening with its day and where it went ("14日来到百江镇初级中学").
# A short subject may stand between the day and the verb: "5日，大篷车首站走进双龙营镇中心学校".
_STOP_RE = re.compile(
    r"^(?:\d{1,2}月)?\d{1,2}日(?:上午|下午|晚上|晚)?[，,]?(?:[\u4e00-\u9fff]{1,8}?)??(?:"
    + "|".join(P.STOP_VERBS)
    + r")了?([\u4e00-\u9fff]{2,20}?)(?:"
    + "|".join(P.STOP_ENDS)
    + r"|$)"
)
# A clause that is only a day ("5日", "6日上午"): the stop is told in the clause after it.
_DAY_ONLY_RE = re.compile(r"^(?:\d{1,2}月)?\d{1,2}日(?:上午|下午|晚上|晚)?$")
_RESPECTIVELY_RE = re.compile(
    r"分别(?:在|于|赴|走进|到)([^，。；]{2,60}?)(?:开展|举办|举行|进行|放映|开讲|巡演|巡展)"
)


def day_list(mentions: list[FlatMention], found: FlatMention, flat: str) -> list[FlatMention]:
    """The mentions of the day list ``found`` belongs to, in order; [found] alone when it is in none.

    Members are day mentions of one day each, printed one after the other with only a list
    separator ("、", "和", "及") between them.
    """
    if not _single_day(found):
        return [found]
    # The mentions are in text order: bisect to ``found`` (a scan made long files quadratic).
    at = bisect_left(mentions, found.start, key=lambda f: f.start)
    while at < len(mentions) and mentions[at] is not found and mentions[at].start == found.start:
        at += 1
    if at >= len(mentions) or mentions[at] is not found:
        return [found]
    lo = hi = at
    while lo > 0 and _joined(mentions[lo - 1], mentions[lo], flat):
        lo -= 1
    while hi + 1 < len(mentions) and _joined(mentions[hi], mentions[hi + 1], flat):
        hi += 1
    return mentions[lo : hi + 1]


def split_by_day(draft: Draft, days: list[FlatMention], original: str, flat: str) -> list[Draft]:
    """Copies of ``draft`` for the other days of its list (the draft itself takes the first day).

    Places come from "分别在A、B…" when it names one per day.
    """
    if len(days) < 2:
        return []
    links = [link_from_mention(day, original) for day in days]
    places = _respective_places(flat)
    if len(places) != len(days):
        if _stays_open(draft) and _consecutive(links):
            # "10/19(六)、10/20(日)在駁二舉辦…應用展": one show open on two days running
            first, last = days[0].mention, days[-1].mention
            draft.link = replace(
                links[0],
                end=links[-1].end,
                edtf=f"{links[0].start.isoformat()}/{links[-1].end.isoformat()}",
                date_text=original[first.span[0] : last.span[1]],
            )
            return []
        places = [draft.place] * len(days)
    _set(draft, links[0], places[0])
    copies = []
    for link, place in zip(links[1:], places[1:], strict=True):
        copy = _copy(draft)
        _set(copy, link, place)
        copies.append(copy)
    return copies


def _stays_open(draft: Draft) -> bool:
    """Whether the event is open day after day (a show, a festival, an open day), not held once a day."""
    return draft.kind in P.SPAN_KINDS or any(name in draft.title for name in P.SPAN_NAMES)


def _consecutive(links: list[DateLink]) -> bool:
    return all((b.start - a.end).days == 1 for a, b in zip(links, links[1:], strict=False))


def _set(draft: Draft, link: DateLink, place: str) -> None:
    draft.link, draft.place = link, place or draft.place


def _single_day(found: FlatMention) -> bool:
    m = found.mention
    return m.precision.value == "day" and (m.end is None or m.end == m.start)


def _joined(left: FlatMention, right: FlatMention, flat: str) -> bool:
    gap = flat[left.end : right.start]
    return _single_day(left) and _single_day(right) and bool(_SEPARATOR_RE.fullmatch(gap))


def _respective_places(flat: str) -> list[str]:
    match = _RESPECTIVELY_RE.search(flat)
    # "、" and "及" only: "和" opens place names too (和顺县)
    return [p for p in re.split("[、及]", match.group(1)) if p] if match else []


def split_into_stops(reading: Reading, sentence: Sentence, flat: str) -> bool:
    """Give the report's last event one copy per stop when a sentence lists them clause by clause.

    "近日，县科协组织科普大篷车深入山区学校开展科普巡展活动。13日走进分水镇中心小学，14日来到
    百江镇初级中学，15日在瑶琳镇中心小学收官": three events, each on its day at its school. A tour
    dated as a whole ("11月5日至8日，…巡展活动在我县开展") is told by its stops when they fall in its
    span, and stops may come one a sentence ("5日，大篷车首站走进A…；6日来到B…"). Returns whether
    the sentence was read as stops.
    """
    stops = _stops(reading, sentence, flat)
    if not stops:
        return False
    drafts = report_drafts(reading, sentence.report)
    if not drafts:
        return False
    tour = drafts[-1]
    if tour is reading.last_stop:
        copies = [_copy(tour) for _ in stops]
    elif _tour_of(tour, stops):
        copies = [tour] + [_copy(tour) for _ in stops[1:]]
    else:
        return False
    evidence = evidence_of(reading.doc, sentence)
    for draft, (day, place) in zip(copies, stops, strict=True):
        _set(draft, link_from_mention(day, reading.doc.original), place)
        draft.place = place
        attach(draft, type(evidence)(evidence.sentence, evidence.span, draft.link.date_text), [], {})
    reading.drafts.extend(c for c in copies if c is not tour)
    reading.last_stop = copies[-1]
    return True


def _stops(reading: Reading, sentence: Sentence, flat: str) -> list[tuple[FlatMention, str]]:
    """(day, place) of each clause of ``flat`` that tells a stop; a lone day clause joins the next."""
    stops = []
    held = None  # the span of a clause that is only a day
    for start, end in split_clauses(flat):
        text = flat[start:end].strip()
        if _DAY_ONLY_RE.match(text.rstrip("，,")):
            held = start
            continue
        start, held = (held if held is not None else start), None
        match = _STOP_RE.match(flat[start:end].strip())
        days = [
            m for m in reading.mentions_in(sentence.start + start, sentence.start + end) if _single_day(m)
        ]
        if match and days:
            stops.append((days[0], match.group(1)))
    return stops


def _tour_of(tour: Draft, stops: list[tuple[FlatMention, str]]) -> bool:
    """Whether ``tour`` is the tour the stops tell: undated or coarse with two stops or more, or a
    span of days holding every stop."""
    link = tour.link
    if link is None or link.precision != "day":
        return len(stops) >= 2
    return link.start < link.end and all(link.start <= day.mention.start <= link.end for day, _ in stops)


def _copy(draft: Draft) -> Draft:
    return replace(draft, evidence=list(draft.evidence), spans=set(draft.spans), figures=dict(draft.figures))
