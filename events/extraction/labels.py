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
from .titles import walk_noun_phrase
from .triggers import noun_triggers

_TIME_LABEL_RE = re.compile(r"^\W{0,4}(?:" + "|".join(P.TIME_LABELS) + r")\s*[:：]")
_BARE_TIME_LABEL_RE = re.compile(
    r"^\W{0,4}(?:[一二三四五六七八九十]{1,3}、|[（(][一二三四五六七八九十]{1,3}[）)])?\s*(?:"
    + "|".join(P.TIME_LABELS)
    + r")\s*[:：]?$"
)
_PLACE_LABEL_RE = re.compile(r"^\W{0,4}(?:活动|报告|讲座|比赛|举办|培训)?地点\s*[:：]\s*([^，。；\s]{2,40})")
# How many sentences above the label line its event's name may stand.
NAME_LOOKBACK = 5
LABEL_STRENGTH = 0.6  # a name without a verb: weaker than "…举行"


def date_by_label(reading: Reading, sentence: Sentence, flat: str) -> bool:
    """Date (or make) the event named above a time-label line; True when the line was used.

    The label may stand alone on the line above ("📅 活动时间" / "7月13日—7月17日").
    """
    if not _TIME_LABEL_RE.match(flat) and not _under_time_label(reading, sentence):
        return False
    days = [
        f for f in reading.mentions_in(sentence.start, sentence.end) if f.mention.precision.value == "day"
    ]
    if not days:
        return False
    named = _name_above(reading, sentence)
    if named is None:
        return False
    name_sentence, kind, title, at = named
    link = link_from_mention(days[0], reading.doc.original)
    draft = next((d for d in reversed(recent(reading.drafts)) if title in d.title or d.title in title), None)
    if draft is not None and draft.link is not None and not _within_coarser(draft.link, link):
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
    evidence = evidence_of(reading.doc, sentence)
    attach(draft, type(evidence)(evidence.sentence, evidence.span, link.date_text), [], {})
    draft.place = draft.place or _place_below(reading, sentence)
    return True


def _under_time_label(reading: Reading, sentence: Sentence) -> bool:
    """Whether the sentence just above is a bare time label ("一、培训时间", "📅 活动时间")."""
    at = _position(reading.doc.sentences, sentence)
    if at == 0:
        return False
    above = reading.doc.text(reading.doc.sentences[at - 1])
    return _BARE_TIME_LABEL_RE.match(above) is not None


def _within_coarser(old: DateLink, new: DateLink) -> bool:
    """Whether ``new`` is a day inside ``old``, a coarser date: a notice's "2025年…培训班" is only its year."""
    return old.precision != "day" and new.precision == "day" and old.start <= new.start <= old.end


def _name_above(reading: Reading, sentence: Sentence) -> tuple[Sentence, str, str, int] | None:
    """(sentence, kind, title, flat offset) of the last event noun in the few sentences above."""
    sentences = reading.doc.sentences
    at = _position(sentences, sentence)
    for above in reversed(sentences[max(0, at - NAME_LOOKBACK) : at]):
        text = reading.doc.text(above)
        if _BARE_TIME_LABEL_RE.match(text):
            continue  # "一、培训时间": the label's own word names no event
        found = noun_triggers(text)
        if found:
            start, end, kind = found[-1]
            begin = walk_noun_phrase(text, start)
            return above, kind, text[begin:end].strip("“”「」\"'"), above.start + start
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
