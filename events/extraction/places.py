"""Finds where an event happened: "在太谷区金谷广场开幕" → "太谷区金谷广场". Plain Python."""

from __future__ import annotations

import re

from . import patterns as P
from .titles import is_name_char

_SUFFIX_RE = re.compile("|".join(map(re.escape, P.PLACE_SUFFIXES)))
_MARKER_RE = re.compile("|".join(map(re.escape, sorted(P.PLACE_MARKERS, key=len, reverse=True))))
# A place also ends where an occurrence verb starts: "在市委党校结业".
_STOP_RE = re.compile("|".join(map(re.escape, P.PLACE_STOPS + P.OCCURRENCE_VERBS)))
# A clause that opens with a named unit as the subject of an adverb-led predicate.
_SUBJECT_UNIT_RE = re.compile(
    r"(?:^|[，,])([\u4e00-\u9fff]{2}[省市区县])(?=" + "|".join(P.SUBJECT_ADVERBS) + ")"
)
# "在3月12日举行的…" puts a time, not a place, after "在".
_DATE_LIKE_RE = re.compile(r"\d\s*[年月日号时]|[0-9零〇一二三四五六七八九十]+[月日]")
# Characters no two-character unit name holds: "我市", "全市", "记者从市…" ("者从" + 市).
_NOT_IN_NAMES = "我全本该各每从在于到赴与和及的"
# "本报晋中4月28日讯", "新华社太原10月12日电": the city a report was filed from.
_DATELINE_PLACE_RE = re.compile(
    r"(?:" + "|".join(P.DATELINE_AGENCIES) + r")([\u4e00-\u9fff]{2,4}?)\d{1,2}月\d{1,2}日(?:讯|电)"
)
_UNIT_AFTER = set("镇村乡街路巷区县庄屯湾坊")
_MAX_PLACE = 40  # characters: a venue name is never longer, and the bound keeps scans linear
# A scene-setting clause: a time phrase, "的", then the place ("初冬时节的左权县麻田镇泽城村").
_SCENE_RE = re.compile(r"^([^，,。的]{1,12})的([\w·]{2,30}?)(?:内|里|中)?$")


def find_places(sentence: str) -> list[tuple[int, str]]:
    """(offset, place) for every place phrase in a flat sentence, in order.

    A place follows a marker (在/于/深入/走进/来到…) and ends with a place suffix (区, 村,
    广场, 中心…) before the verb that follows it; the marker itself is dropped. A clause
    that is only "<time>的<place>" sets the scene and counts as well.
    """
    found = []
    covered = 0  # a marker inside a place already read is part of its name: "在和田地区于田县"
    for match in _MARKER_RE.finditer(sentence):
        if match.start() < covered:
            continue
        place = _place_after(sentence, match.end())
        if place:
            covered = match.end() + len(place)
        if place and not place.startswith(("各", "全", "本", "该", "我")):  # "在各市进行": no one place
            found.append((match.end(), place))
    start = 0
    for clause in re.split(r"[，,]", sentence):
        scene = _SCENE_RE.match(clause)
        if scene and any(word in scene.group(1) for word in P.SCENE_TIME_WORDS):
            place = scene.group(2)
            if _trim_to_suffix(place) == place:
                found.append((start + scene.start(2), place))
        start += len(clause) + 1
    return sorted(found)


def best_place(sentence: str, near: int, places: list[tuple[int, str]] | None = None) -> str:
    """The place of an event whose trigger is at ``near``: one naming an administrative
    unit (县, 镇, 村…) is preferred over a bare "核桃园", then the nearest before the trigger.

    ``places`` is ``find_places(sentence)`` when the caller already has it.
    """
    places = find_places(sentence) if places is None else places
    if not places:
        return ""
    admin = [p for p in places if any(unit in p[1] for unit in P.ADMIN_UNITS)]
    pool = admin or places
    before = [p for p in pool if p[0] <= near]
    return (before[-1] if before else pool[0])[1]


def _place_after(sentence: str, start: int) -> str:
    """The place phrase starting at ``start``, cut before the verb that follows it, or ""."""
    end = start
    limit = min(len(sentence), start + _MAX_PLACE)
    while end < limit and (is_name_char(sentence[end]) or sentence[end] in "（）()"):
        end += 1
    run = sentence[start:end]
    stop = next((m for m in _STOP_RE.finditer(run, 1) if not _inside_name(run, m)), None)
    if stop:
        run = run[: stop.start()]
    if _DATE_LIKE_RE.search(run):
        return ""  # "在3月12日举行的…": a time, not a place
    if run in P.NOT_PLACE_TIMES or run.startswith(P.NOT_PLACE_TIMES):
        return ""  # "已于近日揭牌": a time
    if run in P.PLACE_SUFFIXES:
        return ""  # "在广场为群众开展义诊": the square named before, not a place of its own
    # The phrase must end on its suffix: "深入贯彻落实市委…" has a 市 but is no place.
    if _trim_to_suffix(run) == run:
        return run
    # "国家会展中心（上海）": a venue with its city in brackets
    bracket = run.find("（")
    if bracket > 0 and run.endswith("）") and _trim_to_suffix(run[:bracket]) == run[:bracket]:
        return run
    # A short name straight before the event's verb is a place even without a suffix:
    # "在太原举行", "在平遥古城隆重开幕".
    if 2 <= len(run) <= 8 and sentence.startswith(P.VENUE_VERBS, start + len(run)):
        return run
    # A longer one before a verb that only venues take: "在太原晋创谷创新驱动平台举行".
    if 2 <= len(run) <= 16 and sentence.startswith(("举行", "举办", "召开"), start + len(run)):
        return run
    return ""


def _inside_name(run: str, stop: re.Match) -> bool:
    """Whether a one-character stop ("里", "内") is part of a name: "南里镇", "城内村"."""
    return stop.group() in "里内" and run[stop.end() : stop.end() + 1] in _UNIT_AFTER


def _trim_to_suffix(run: str) -> str:
    """The longest prefix of ``run`` that ends with a place suffix and is a name (2+ characters)."""
    best = 0
    for match in _SUFFIX_RE.finditer(run):
        best = max(best, match.end())
    return run[:best] if best >= 2 else ""


def home_places(text: str) -> dict[str, str]:
    """The article's own city, district and county, for "我市", "全区", "我县".

    The unit named most often (counting the bare name too: "晋中" as well as "晋中市")
    is taken as home; {} for a level the article never names. A shortcut that trusts
    local papers to talk mostly about their own place; it fails for a report about
    another city, which is why it is only used when the sentence says "我市" or "全市".
    A dateline that names its city ("本报晋中4月28日讯") settles the city, whatever else
    the article names more often.
    """
    homes: dict[str, str] = {}
    dateline = _DATELINE_PLACE_RE.search(text)
    for unit in "市区县":
        names = {m.group(1) for m in re.finditer(r"([\u4e00-\u9fff]{2})" + unit, text)}
        # "我市", "全市" name no place, and neither does "以来全市" read as "来全" + 市.
        names = {n for n in names if n + unit not in P.NOT_PLACE_WORDS and not set(n) & set(_NOT_IN_NAMES)}
        if names:
            best = max(sorted(names), key=text.count)
            homes[unit] = best + unit
    if dateline:
        city = dateline.group(1).removesuffix("市")
        homes["市"] = city + "市"
    return homes


def home_place(sentence: str, homes: dict[str, str]) -> str:
    """The place a sentence is about when it names no venue, or "".

    "我市"/"全市" (or 区, 县) is the article's home unit; a clause opening with a named
    unit as its subject ("晋中市持续在…上下功夫") is that unit.
    """
    for unit, place in homes.items():
        if "我" + unit in sentence or "全" + unit in sentence:
            return place
    subject = _SUBJECT_UNIT_RE.search(sentence)
    if subject and subject.group(1) not in P.NOT_PLACE_WORDS and subject.group(1)[0] not in "我全本该各每":
        return subject.group(1)
    return ""
