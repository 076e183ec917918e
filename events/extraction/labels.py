"""Events dated by a labelled line under their name: "📍 复赛" / "时间：5月11日（周六）8:30" (plain Python).

Notices, WeChat posts and lecture announcements name the event on one line, often without a verb
("【学术讲座】…", "第一场“创客开放日”来啦！"), and give its day on a labelled line below it
("时间：", "报告时间：", "营期：", "⏰ 时间："), the place on the next ("地点："). The label line
dates the event named nearest above it in the last few sentences: an undated draft of that name
takes the day; without one, a new event is made from the name. An event already dated is left
alone, so a notice that prints its dates twice still gives one event.
"""

from __future__ import annotations

import re
from bisect import bisect_left

from . import patterns as P
from .dating import DateLink, link_from_mention
from .drafts import Draft, attach
from .endings import with_hours
from .reports import Reading, evidence_of, recent
from .text import Sentence
from .titles import kind_of_name, walk_noun_phrase
from .triggers import noun_triggers

_LABELS = "|".join(sorted(P.TIME_LABELS, key=len, reverse=True))
_TIME_LABEL_RE = re.compile(r"^\W{0,4}(?:" + _LABELS + r")\s*[:：｜|]")
# An activity named by a quoted title at the end of a line: "🦕“博物馆奇妙夜”夜探恐龙科普活动". A bare
# "…活动" names nothing, so only a quoted one is taken as the name above a label.
_QUOTED_ACTIVITY_RE = re.compile(r"[“「][^”」]{2,20}[”」][\u4e00-\u9fff]{0,12}?活动$")
# A label standing alone on its line, the value on the next: a notice's section heading
# "一、培训时间" / "（二）活动时间", a WeChat label "📅 活动时间" one line above its day.
_BARE_LABEL_RE = re.compile(
    r"^\W{0,4}(?:[一二三四五六七八九十]{1,3}[、.．]|[（(][一二三四五六七八九十\d]{1,3}[）)]|\d{1,2}[、.．])?\s*(?:"
    + _LABELS
    + r")\s*[:：]?$"
)
# A label inside a line the WeChat layout joined: "…暑期创客营 📅活动时间 7月13日—7月17日".
_INNER_LABEL_RE = re.compile(r"(?:^|\s)\W{0,3}(?:" + _LABELS + r")(?:\s*[:：｜|]\s*|\s+)(?=\d)")
_PLACE_LABEL_RE = re.compile(r"^\W{0,4}(?:活动|报告|讲座|比赛|举办|培训)?地点\s*[:：]\s*([^，。；\s]{2,40})")
# How many sentences above the label line its event's name may stand.
NAME_LOOKBACK = 5
LABEL_STRENGTH = 0.6  # a name without a verb: weaker than "…举行"
_COARSE = ("month", "season", "half-year", "year", "multi-year", "vague")


def date_by_label(reading: Reading, sentence: Sentence, flat: str) -> bool:
    """Date (or make) the event named above a time-label line; True when the line was used."""
    value = _labelled_value(reading, sentence, flat)
    if value is None:
        return False
    dated, lo = value
    days = [f for f in reading.mentions_in(dated.start + lo, dated.end) if f.mention.precision.value == "day"]
    if not days:
        return False
    named = _name_before(reading, sentence, flat[:lo]) if dated is sentence else None
    named = named or name_above(reading, sentence)
    if named is None:
        return False
    name_sentence, kind, title, at = named
    link = link_from_mention(days[0], reading.doc.original)
    draft = next((d for d in reversed(recent(reading.drafts)) if title in d.title or d.title in title), None)
    if draft is not None and draft.link is not None and not _refines(link, draft.link):
        # Printed again with its hours ("时间：12月5日 9:00-17:00"): only the hours are new.
        hours = with_hours(draft.link, days[0].mention)
        if hours is None:
            return False
        draft.link = hours
        return True
    if draft is None:
        draft = Draft(kind, title, sentence.report, at, LABEL_STRENGTH)
        attach(draft, evidence_of(reading.doc, name_sentence), [], {})
        reading.drafts.append(draft)
    draft.link = link
    evidence = evidence_of(reading.doc, dated)
    attach(draft, type(evidence)(evidence.sentence, evidence.span, link.date_text), [], {})
    draft.place = draft.place or _place_below(reading, dated)
    return True


def _labelled_value(reading: Reading, sentence: Sentence, flat: str) -> tuple[Sentence, int] | None:
    """(the sentence holding a label's value, the flat offset in it where the value starts), or None."""
    if _TIME_LABEL_RE.match(flat):
        return sentence, 0
    inner = _INNER_LABEL_RE.search(flat)
    if inner:
        return sentence, inner.end()
    sentences = reading.doc.sentences
    at = _position(sentences, sentence)
    if at > 0 and _BARE_LABEL_RE.match(reading.doc.text(sentences[at - 1])):
        return sentence, 0  # the line under "一、培训时间"
    return None


def _refines(label: DateLink, old: DateLink) -> bool:
    """Whether a label's day refines a coarser date the event had, the year in its name
    ("2025年全市…培训班" + "一、培训时间 2025年3月24日至28日"), rather than contradicting a day."""
    return old.precision in _COARSE and old.start <= label.start <= old.end


def _name_before(reading: Reading, sentence: Sentence, text: str) -> tuple[Sentence, str, str, int] | None:
    """The last event noun in ``text``, the part of a joined line before its time label."""
    found = noun_triggers(text)
    if not found:
        return None
    start, end, kind = found[-1]
    begin = walk_noun_phrase(text, start)
    return sentence, kind, _unquoted(text[begin:end]), sentence.start + start


def name_above(reading: Reading, sentence: Sentence) -> tuple[Sentence, str, str, int] | None:
    """(sentence, kind, title, flat offset) of the last event noun in the few sentences above."""
    sentences = reading.doc.sentences
    at = _position(sentences, sentence)
    for above in reversed(sentences[max(0, at - NAME_LOOKBACK) : at]):
        text = reading.doc.text(above)
        if _BARE_LABEL_RE.match(text):
            continue  # "一、培训时间": a label, not the event's name
        found = noun_triggers(text)
        if found:
            start, end, kind = found[-1]
            begin = walk_noun_phrase(text, start)
            return above, kind, _unquoted(text[begin:end]), above.start + start
        quoted = _QUOTED_ACTIVITY_RE.search(text.rstrip())
        if quoted:
            name = quoted.group()
            return above, kind_of_name(name), name, above.start + quoted.start()
    return None


def _position(sentences: list[Sentence], sentence: Sentence) -> int:
    """The index of ``sentence`` (sentences are in text order: a bisection, not a scan)."""
    return bisect_left(sentences, sentence.start, key=lambda s: s.start)


def _place_below(reading: Reading, sentence: Sentence) -> str:
    """The place of an "地点：…" line right after the time label, or ""."""
    sentences = reading.doc.sentences
    at = _position(sentences, sentence)
    if at + 1 >= len(sentences):
        return ""
    match = _PLACE_LABEL_RE.match(reading.doc.text(sentences[at + 1]))
    return match.group(1) if match else ""


def _unquoted(name: str) -> str:
    """A name without the quotes around it; quotes inside it stay ("“追光少年”天文夏令营")."""
    name = name.strip()
    if len(name) > 2 and name[0] in "“「\"'" and name[-1] in "”」\"'" and name.count(name[0]) == 1:
        return name[1:-1]
    return name
