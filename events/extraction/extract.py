"""``extract_events(text, ref)``: article text → event candidates (plain Python, no Django).

Walks the sentences in order, finds occurrences (``triggers``), dates them (``dating``,
then the report's discourse date for "开幕式上"-style anaphors), reads place, organisers
and figures, and merges what names the same event (same key, "本届科技节", a bare
"科技节") into one candidate with several pieces of evidence.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import date

from events import temporal

from . import patterns as P
from .dating import DateLink, FlatMention, date_in_sentence, flatten_mentions, link_from_mention
from .drafts import Draft, attach, merge_drafts
from .figures import find_figures
from .organizers import find_organizers
from .places import best_place, find_places, home_place, home_places
from .text import Document, Sentence
from .titles import generic_head
from .triggers import Occurrence, find_occurrences
from .types import EventCandidate, EvidenceSpan

# Longer texts are cut here: a news page is a few thousand characters, and the cap keeps
# a runaway file from stalling ingestion. Raise it if real inputs ever come near.
MAX_CHARS = 200_000
# Control characters and U+FFFD (what a wrong decoding leaves behind) mark binary input.
# "成功研发出JWF1576型快装式平台细纱机": what a later "这款新产品" refers to.
_PRODUCT_RE = re.compile(
    "(?:"
    + "|".join(P.PRODUCT_VERBS)
    + r")了?([\w“”·-]{2,30}?(?:"
    + "|".join(P.PRODUCT_SUFFIXES)
    + r"))(?=[，。；,]|$)"
)
_BINARY_RE = re.compile("[\x01-\x08\x0b\x0c\x0e-\x1f\ufffd]")


def extract_events(text: str, ref: date) -> list[EventCandidate]:
    """The events an article reports, in reading order; [] for empty or binary input.

    ``ref`` is the publication date the temporal parser counts from. Undated occurrences
    are returned with ``start = end = precision = None`` and a low confidence; callers
    decide whether to store them. Only the first MAX_CHARS characters are read.
    """
    if not isinstance(text, str) or not _looks_like_text(text):
        return []
    text = text[:MAX_CHARS]
    doc = Document(text)
    reading = _Reading(doc, flatten_mentions(doc, temporal.extract(text, ref)), home_places(doc.flat))
    for sentence in doc.sentences:
        _read_sentence(reading, sentence)
    return merge_drafts(reading.drafts)


@dataclass(slots=True)
class _Reading:
    """What is known while an article is read, sentence by sentence."""

    doc: Document
    mentions: list[FlatMention]
    homes: dict[str, str]  # "市" → "晋中市": what "我市" means here
    drafts: list[Draft] = field(default_factory=list)
    # paragraph → the last thing made there ("研发出JWF1576型…细纱机") and its evidence
    products: dict[int, tuple[str, EvidenceSpan]] = field(default_factory=dict)


def _looks_like_text(text: str) -> bool:
    """Not empty, not binary: no NUL and few control or replacement characters."""
    if not text.strip() or "\x00" in text:
        return False
    sample = text[:4096]
    return len(_BINARY_RE.findall(sample)) <= len(sample) * 0.05


def _read_sentence(reading: _Reading, sentence: Sentence) -> None:
    """Add the drafts a sentence reports, or its evidence to the event it refers back to."""
    doc, drafts = reading.doc, reading.drafts
    flat = doc.text(sentence)
    product = _PRODUCT_RE.search(flat)
    if product:
        reading.products[sentence.paragraph] = (product.group(1), _evidence(doc, sentence))
    occurrences = find_occurrences(flat)
    if not occurrences:
        return
    evidence = _evidence(doc, sentence)
    figures = find_figures(flat)
    organizers = find_organizers(flat)
    places = find_places(flat)
    for occ in occurrences:
        referent = _referent(drafts, occ, sentence.report)
        if referent is not None:
            attach(referent, evidence, figures, organizers)
            continue
        if occ.anaphoric:
            continue  # "本届科技节" with nothing named before it: nothing to add to
        draft = _new_draft(doc, sentence, occ, reading.mentions, drafts, places)
        draft.place = draft.place or home_place(flat, reading.homes)
        if occ.demonstrative and sentence.paragraph in reading.products:
            _name_the_product(draft, occ, *reading.products[sentence.paragraph])
        own = [f for f in figures if _figure_owner(occurrences, f[0]) is occ]
        attach(draft, _with_date_text(evidence, draft.link), own, organizers if occ is occurrences[0] else {})
        drafts.append(draft)


def _name_the_product(draft: Draft, occ: Occurrence, product: str, evidence: EvidenceSpan) -> None:
    """Title "这款…新产品已全面上市" by the thing made earlier in the paragraph, with that sentence as evidence."""
    verb = next((v for v in P.LAUNCH_VERBS if occ.title.endswith(v)), "")
    if occ.kind == "launch" and verb:
        draft.title = product + verb
        attach(draft, evidence, [], {})


def _new_draft(
    doc: Document,
    sentence: Sentence,
    occ: Occurrence,
    mentions: list[FlatMention],
    drafts: list[Draft],
    places: list[tuple[int, str]],
) -> Draft:
    """A draft for a new occurrence, dated by its sentence or by the report's discourse."""
    flat = doc.text(sentence)
    clause = (sentence.start + occ.clause[0], sentence.start + occ.clause[1])
    trigger = (sentence.start + occ.start, sentence.start + occ.end)
    found = date_in_sentence(mentions, sentence, clause, trigger, habitual=occ.habitual)
    draft = Draft(occ.kind, occ.title, sentence.report, sentence.start + occ.start, occ.strength)
    draft.habitual, draft.generic = occ.habitual, occ.generic
    draft.place = best_place(flat, occ.start, places)
    if found is not None:
        draft.link = link_from_mention(found, doc.original)
    elif occ.date_anaphor:
        anchor = next((d for d in reversed(drafts) if d.report == sentence.report and d.link), None)
        if anchor is not None:
            _date_by_anchor(draft, anchor, occ.date_anaphor, doc, sentence)
    return draft


def _date_by_anchor(draft: Draft, anchor: Draft, anaphor: str, doc: Document, sentence: Sentence) -> None:
    """Give a draft the date (and, lacking its own, the place) of the report's last dated event.

    A ceremony anaphor names the occasion in the title: "开幕式上…项目签约" becomes
    "科技节开幕式项目签约".
    """
    a_start, a_end = doc.original_span(sentence.start, sentence.start + len(anaphor))
    link = anchor.link
    draft.link = DateLink(
        link.start,
        link.end,
        link.precision,
        link.edtf,
        doc.original[a_start:a_end],
        "discourse",
        link.time,
        link.open_end,
    )
    draft.place = draft.place or anchor.place
    occasion = (
        anaphor.removeprefix("在")
        .removesuffix("上")
        .removesuffix("现场")
        .removesuffix("当天")
        .removesuffix("当日")
    )
    if occasion.endswith(("式", "会", "仪式")):
        head = generic_head(anchor.title)
        # "启动仪式上" after a "…启动仪式": the occasion already names the event.
        draft.title = (occasion if head in occasion else head + occasion) + draft.title


def _referent(drafts: list[Draft], occ: Occurrence, report: int) -> Draft | None:
    """The earlier draft an anaphoric or bare mention refers to, or None for a new event.

    "本届科技节" refers to the last festival of the report (else of the article: a
    sub-headline may stand between), "此次活动" to the report's last event of any kind; a
    bare "科技节" refers to the last fuller name of that kind in the article that contains it.
    """
    if occ.anaphoric:
        head = generic_head(occ.title)
        if head == "活动":  # "此次活动" is whatever this report is about, never another report's event
            return next((d for d in reversed(drafts) if d.report == report), None)
        same_head = [d for d in drafts if generic_head(d.title) == head]
        in_report = [d for d in same_head if d.report == report]
        return (in_report or same_head or [None])[-1]
    if occ.generic:  # "参加培训" after "…培训班在太谷区举办": the same training
        return next(
            (d for d in reversed(drafts) if d.kind == occ.kind and occ.title in d.title != occ.title), None
        )
    return None


def _figure_owner(occurrences: list[Occurrence], offset: int) -> Occurrence:
    """The occurrence a figure belongs to: the one whose clause holds it, else the last before it."""
    for occ in occurrences:
        if occ.clause[0] <= offset < occ.clause[1]:
            return occ
    before = [o for o in occurrences if o.start <= offset]
    return before[-1] if before else occurrences[0]


def _evidence(doc: Document, sentence: Sentence) -> EvidenceSpan:
    """The sentence as printed in the original, line breaks kept."""
    start, end = doc.original_span(sentence.start, sentence.end)
    return EvidenceSpan(sentence=doc.original[start:end], span=(start, end))


def _with_date_text(evidence: EvidenceSpan, link: DateLink | None) -> EvidenceSpan:
    """The evidence with the printed date expression that dated the event."""
    if link is None:
        return evidence
    return EvidenceSpan(evidence.sentence, evidence.span, link.date_text)
