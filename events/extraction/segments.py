"""Numbered stages and sessions with days of their own: one event each (plain Python).

Notices and reports split one event into parts and give each its own line and day:

    培训分三期在茶叶主产区举办：第一期于3月5日至7日在石阡县龙塘镇举办；第二期于3月12日至14日…
    一、赛程安排 （二）初赛：9月10日至20日…（三）复赛：10月12日（星期六）在…举行
    ▍場次一：5/25(六) 09:00-12:00  ▍場次二：6/1(六) 14:00-17:00

A sentence that opens with such a label (after a list mark) and prints a date is a part of the
event named before it: a new event titled by that event and the label, dated by the sentence,
held at the place it names. When the event itself was dated no finer than a month (a season,
"本月起") or not at all, it was only the umbrella of its parts: it becomes the first part instead
of standing beside them. A parent with its own days (a three-day fair and its 分论坛) stays. With no event told before the
part, the name a few lines above it (a WeChat preview's camp, printed without a verb) is the parent.
"""

from __future__ import annotations

import re

from . import patterns as P
from .dating import date_in_sentence, link_from_mention
from .drafts import Draft, attach
from .labels import LABEL_STRENGTH, name_above
from .places import best_place, find_places
from .reports import Reading, evidence_of, recent
from .text import Sentence
from .types import EvidenceSpan

_NUMERAL = "[一二三四五六七八九十0-9]+"
# "（二）", "2.", "一、", "▍", "📍 ": what may open a list line before its label.
_LIST_MARK = r"(?:[（(]" + _NUMERAL + r"[）)]|" + _NUMERAL + r"[、.．]|[^\w\s“「（(]{1,3})?\s*"
_SEGMENT_RE = re.compile(  # used with .match: anchored where it is tried
    _LIST_MARK
    + r"(?P<label>第"
    + _NUMERAL
    + r"(?:期|阶段|站|场次|场|批|轮)|首(?:站|场|期)|场次"
    + _NUMERAL
    + r"|(?P<stage>"
    + "|".join(P.CONTEST_STAGES)
    + r")(?:暨颁奖(?:典礼|仪式))?)"
    # then its day or where it is held: "：", "于", "将于", "定于", "在", or the date itself
    + r"(?=\s*[:：]|将于|定于|于|在|\d|[（(])"
)
_CLAUSE_MARK_RE = re.compile(r"[:：，,；;]")
# A numbered part opening a later clause with its day: "首场于4月9日…", "第二期将于…". A contest
# round there ("…比赛」決賽，決賽定於…") is the round named just before, read as a named event.
_PART_CLAUSE_RE = re.compile(
    r"(?P<label>第"
    + _NUMERAL
    + r"(?:期|阶段|站|场次|场|批|轮)|首(?:站|场|期))(?P<stage>(?!))?(?=将于|定于|于|[:：])"
)
# A parent's date no finer than this makes it only the umbrella of its parts.
_UMBRELLA_PRECISIONS = ("month", "season", "half-year", "year", "multi-year", "vague")


def read_segment(reading: Reading, sentence: Sentence, flat: str) -> bool:
    """Make the event of a stage or session line, or date the umbrella event as its first part.

    Returns whether the whole sentence was read as a part (then nothing else is made of it); a
    part opening a later clause ("大赛分两个阶段：第一阶段于10月12日…", "共8场，首场于4月9日…登场")
    leaves the words before it to be read.
    """
    match = _SEGMENT_RE.match(flat)
    if match is not None:
        return _make_segment(reading, sentence, flat, match)
    # "…系列，共8场，首场于4月9日（三）下午2时登场": parts opening later clauses
    for mark in _CLAUSE_MARK_RE.finditer(flat):
        match = _PART_CLAUSE_RE.match(flat, mark.end())
        if match is not None:
            _make_segment(reading, sentence, flat, match)
    return False


def _make_segment(reading: Reading, sentence: Sentence, flat: str, match: re.Match) -> bool:
    """The part ``match`` opens, dated by a date after its label; whether one was made."""
    label = match.group("label")
    at = sentence.start + match.start("label")
    found = date_in_sentence(
        reading.mentions,
        sentence,
        (sentence.start + match.start(), sentence.end),
        (at, sentence.start + match.end("label")),
        habitual=False,
        text=flat,
    )
    if (
        found is None
        or found.start < sentence.start + match.start()
        or found.mention.precision.value == "vague"
    ):
        return False
    stage = match.groupdict().get("stage") is not None
    parent = _parent(reading, stage=stage) or _named_above(reading, sentence)
    if parent is None:
        return False
    link = link_from_mention(found, reading.doc.original)
    base = parent.segment_of or _base_title(parent.title)
    title = base + label if match.groupdict().get("stage") else f"{base}（{label}）"
    evidence = evidence_of(reading.doc, sentence)
    evidence = EvidenceSpan(evidence.sentence, evidence.span, link.date_text)
    place = best_place(flat, match.end(), [p for p in find_places(flat) if p[0] >= match.start()])
    kind = "competition" if match.groupdict().get("stage") else parent.kind
    if parent.link is None or parent.link.precision in _UMBRELLA_PRECISIONS:
        draft = parent  # the umbrella ("培训分三期…") is its first part
        draft.kind, draft.title, draft.headline = kind, title, False
    else:
        draft = Draft(kind, title, sentence.report, at, parent.strength)
        reading.drafts.append(draft)
    draft.segment_of, draft.link, draft.place = base, link, place or parent.place
    attach(draft, evidence, [], {})
    return True


def _parent(reading: Reading, *, stage: bool) -> Draft | None:
    """The event the part belongs to: the last one named before it (a contest for a contest stage).

    A part made earlier stands for its event ("第二期" after "第一期"): its base title is reused.
    """
    drafts = [d for d in recent(reading.drafts) if not d.generic]
    if stage:
        drafts = [d for d in drafts if d.kind == "competition"] or drafts
    return drafts[-1] if drafts else None


def _named_above(reading: Reading, sentence: Sentence) -> Draft | None:
    """An undated event made from the name printed a few lines above the part, when no event was told.

    A WeChat preview names its camp without a verb ("“追星少年”天文体验营 / 等你来！") and lists the
    sessions under a label ("🌟 营期安排 / 第一期：7月19日—7月21日"); the name is the parent, and
    becomes the first session.
    """
    named = name_above(reading, sentence)
    if named is None:
        return None
    name_sentence, kind, title, at = named
    draft = Draft(kind, title, sentence.report, at, LABEL_STRENGTH)
    attach(draft, evidence_of(reading.doc, name_sentence), [], {})
    reading.drafts.append(draft)
    return draft


def _base_title(title: str) -> str:
    """The event's name without a stage or ceremony it was told by ("…大赛启动仪式" → "…大赛")."""
    for head in (*P.STAGE_HEADS, *P.CONTEST_STAGES):
        if title.endswith(head) and len(title) > len(head):
            return title.removesuffix(head)
    return title
