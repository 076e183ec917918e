"""One event per day of a printed list of days ("本月12日、19日及26日", "5月8日、9日、10日晚分别在…"),
and one per stop of a tour told clause by clause ("13日走进A小学，14日来到B中学，15日在C小学收官"). Plain Python.

A report that gives an activity a list of separate days ("将于4月3日和5日，分别在南窑村、口则村开展讲座")
tells of one occurrence a day; a range ("4月3日至5日") is one event and never comes here. With
"分别在A、B" and as many places as days, each day is held at its own place.
"""

from __future__ import annotations

import re
from dataclasses import replace

from . import patterns as P
from .dating import DateLink, FlatMention, link_from_mention
from .drafts import Draft

_SEPARATOR_RE = re.compile("(?:" + "|".join(P.DAY_LIST_SEPARATORS) + ")")
# A stop of a tour: a clause opening with its day and where it went ("14日来到百江镇初级中学").
_STOP_RE = re.compile(
    r"^(?:\d{1,2}月)?\d{1,2}日(?:上午|下午|晚上|晚)?(?:" + "|".join(P.STOP_VERBS) + r")了?"
    r"([\u4e00-\u9fff]{2,20}?)(?:" + "|".join(P.STOP_ENDS) + r"|$)"
)
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
    at = next((i for i, m in enumerate(mentions) if m is found), None)
    if at is None:
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
        places = [draft.place] * len(days)
    _set(draft, links[0], places[0])
    copies = []
    for link, place in zip(links[1:], places[1:], strict=True):
        copy = replace(
            draft, evidence=list(draft.evidence), spans=set(draft.spans), figures=dict(draft.figures)
        )
        _set(copy, link, place)
        copies.append(copy)
    return copies


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
