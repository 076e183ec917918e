"""``extract_events(text, ref)``: article text → event candidates (plain Python, no Django).

Walks the sentences in order, finds occurrences (``triggers``), dates them (``dating``,
then the report's discourse date for "开幕式上"-style anaphors), reads place, organisers
and figures, and merges what names the same event (same key, "本届科技节", a bare
"科技节") into one candidate with several pieces of evidence.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field, replace
from datetime import date, timedelta

from events import temporal

from . import patterns as P
from .dating import DateLink, FlatMention, date_in_sentence, flatten_mentions, link_from_mention
from .discourse import (
    anchor_relative_days,
    as_discourse,
    duration_days,
    fix_for_parser,
    last_day_before,
    mention_link,
    report_starts,
    stretched,
)
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
    mentions = flatten_mentions(doc, temporal.extract(fix_for_parser(text), ref))
    mentions = anchor_relative_days(doc, mentions, ref)
    reading = _Reading(doc, mentions, home_places(doc.flat), report_starts(doc.sentences))
    for sentence in doc.sentences:
        _read_sentence(reading, sentence)
    return merge_drafts(_fold_headlines(reading.drafts))


@dataclass(slots=True)
class _Reading:
    """What is known while an article is read, sentence by sentence."""

    doc: Document
    mentions: list[FlatMention]
    homes: dict[str, str]  # "市" → "晋中市": what "我市" means here
    reports: dict[int, int]  # report → flat offset of its first sentence
    drafts: list[Draft] = field(default_factory=list)
    # the link of the previous sentence's first dated draft, when it ended with "；"
    carried: tuple[int, DateLink, str] | None = None
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
    carried, reading.carried = reading.carried, None
    if not occurrences:
        _attach_to_report(reading, sentence, flat)
        _stretch_by_duration(reading, sentence, flat, [])
        return
    evidence = _evidence(doc, sentence)
    figures = find_figures(flat)
    organizers = find_organizers(flat)
    places = find_places(flat)
    made: list[Draft] = []
    for occ in occurrences:
        dated = _clause_dated(reading, sentence, occ)
        if occ.anaphoric and occ.generic and occ.title in P.CEREMONY_NAMES and dated:
            occ.anaphoric = False  # "颁奖仪式将于9月上旬举行": a ceremony of its own day
        referent = _referent(drafts, occ, sentence.report, flat, dated)
        if referent is not None:
            attach(referent, evidence, figures, organizers)
            _widen_by_range(reading, sentence, referent)
            _widen_until(reading, sentence, referent, 0)
            continue
        if occ.anaphoric:
            continue  # "本届科技节" with nothing named before it: nothing to add to
        draft = _new_draft(reading, sentence, occ, places)
        _widen_until(reading, sentence, draft, occ.end)
        if (
            draft.link is None
            and carried is not None
            and carried[0] == sentence.paragraph
            and not occ.habitual
        ):
            # "签约仪式上，A与B签订…；C与D签约…": one setting for both halves
            draft.link, draft.place = carried[1], draft.place or carried[2]
        draft.headline, draft.organiser = sentence.headline, occ.organiser
        if not draft.place and occ.kind == "opening":
            draft.place = _venue_of_opening(draft.title, flat[occ.start : occ.end])
        draft.place = draft.place or home_place(flat, reading.homes)
        if occ.demonstrative and sentence.paragraph in reading.products:
            _name_the_product(draft, occ, *reading.products[sentence.paragraph])
        own = [f for f in figures if _figure_owner(occurrences, f[0]) is occ]
        attach(draft, _with_date_text(evidence, draft.link), own, organizers if occ is occurrences[0] else {})
        drafts.append(draft)
        made.append(draft)
    _stretch_by_duration(reading, sentence, flat, made)
    dated = next((d for d in made if d.link is not None), None)
    if dated is not None and flat.endswith("；"):
        reading.carried = (sentence.paragraph, as_discourse(dated.link, dated.link.date_text), dated.place)


def _report_drafts(reading: _Reading, report: int) -> list[Draft]:
    """The drafts made so far in one report, in order."""
    return [d for d in reading.drafts if d.report == report and not d.headline]


def _attach_to_report(reading: _Reading, sentence: Sentence, flat: str) -> None:
    """Figures and organisers of a sentence naming no event go to the report's event they fit.

    "开幕当天，共吸引观众5.6万人次" → the exhibition; "承办单位：…" → the report's first event.
    A figure only goes to a kind listed for it in FIGURE_KINDS.
    """
    drafts = _report_drafts(reading, sentence.report)
    if not drafts:
        return
    evidence = _evidence(reading.doc, sentence)
    organizers = find_organizers(flat)
    if organizers:
        attach(drafts[0], evidence, [], organizers)
    for figure in find_figures(flat):
        kinds = P.FIGURE_KINDS.get(figure[1], ())
        dated = [d for d in reversed(drafts) if d.link is not None]
        target = next((d for kind in kinds for d in dated if d.kind == kind), None)
        if target is not None:
            attach(target, evidence, [figure], {})


def _stretch_by_duration(reading: _Reading, sentence: Sentence, flat: str, made: list[Draft]) -> None:
    """Stretch by "培训为期三天" the event dated in this sentence, else the report's main one."""
    days = duration_days(flat)
    if not days:
        return
    if made:
        target = next((d for d in reversed(made) if d.link is not None and not d.habitual), None)
    else:  # "培训为期三天" on its own: the report's main (first dated) event
        target = next(
            (d for d in _report_drafts(reading, sentence.report) if d.link and not d.habitual), None
        )
    if target is not None:
        target.link = stretched(target.link, days)


def _widen_by_range(reading: _Reading, sentence: Sentence, referent: Draft) -> None:
    """Widen a one-day event to a range its anaphor's sentence gives ("本届能博会…展期为10月20日至22日")."""
    link = referent.link
    if link is None or link.precision != "day" or link.start != link.end:
        return
    for f in reading.mentions:
        m = f.mention
        if sentence.start <= f.start < sentence.end and m.precision.value == "day" and m.start == link.start:
            if m.end and m.end > link.end:
                referent.link = replace(link, end=m.end, edtf=m.edtf)
                return


def _widen_until(reading: _Reading, sentence: Sentence, draft: Draft, after: int) -> None:
    """ "…在山西省科学技术馆启动。活动…持续至9月26日": a later last day stretches a one-day event.

    Only a day printed after "持续至"/"展期至" (UNTIL) in the sentence, after the trigger at
    ``after``, within 60 days of the start.
    """
    link = draft.link
    if link is None or link.precision != "day" or link.start != link.end:
        return
    flat = reading.doc.flat
    for f in reading.mentions:
        m = f.mention
        if not (sentence.start + after <= f.start < sentence.end) or m.precision.value != "day":
            continue
        if flat.endswith(P.UNTIL, sentence.start, f.start) and link.start < m.start <= link.start + _MAX_SPAN:
            draft.link = replace(link, end=m.start, edtf=f"{link.start.isoformat()}/{m.start.isoformat()}")
            return


def _venue_of_opening(title: str, verb: str) -> str:
    """The place of "晋中国家农高区科创园开园": what opened, when its name ends like a place; else ""."""
    core = title.removesuffix(verb)
    return core if len(core) >= 3 and core.endswith(P.PLACE_SUFFIXES) and core != title else ""


def _fold_headlines(drafts: list[Draft]) -> list[Draft]:
    """A headline's event is the one its report tells: fold it into the report's first draft of its kind.

    "晋城集中签约23个项目" over "…重点项目集中签约仪式在…举行": one signing, the headline's
    figures and evidence included. A headline whose report tells no such event stays.
    """
    out = []
    for draft in drafts:
        body = None
        if draft.headline:
            body = next(
                (d for d in drafts if not d.headline and d.report == draft.report and d.kind == draft.kind),
                None,
            )
        if body is None:
            out.append(draft)
            continue
        for evidence in draft.evidence:
            attach(body, evidence, [(0, k, v) for k, v in draft.figures.items()], draft.organizers)
    return out


def _name_the_product(draft: Draft, occ: Occurrence, product: str, evidence: EvidenceSpan) -> None:
    """Title "这款…新产品已全面上市" by the thing made earlier in the paragraph, with that sentence as evidence."""
    verb = next((v for v in P.LAUNCH_VERBS if occ.title.endswith(v)), "")
    if occ.kind == "launch" and verb:
        draft.title = product + verb
        attach(draft, evidence, [], {})


def _new_draft(
    reading: _Reading, sentence: Sentence, occ: Occurrence, places: list[tuple[int, str]]
) -> Draft:
    """A draft for a new occurrence, dated by its sentence or by the report's discourse."""
    doc, mentions, drafts = reading.doc, reading.mentions, reading.drafts
    flat = doc.text(sentence)
    clause = (sentence.start + occ.clause[0], sentence.start + occ.clause[1])
    trigger = (sentence.start + occ.start, sentence.start + occ.end)
    found = date_in_sentence(mentions, sentence, clause, trigger, habitual=occ.habitual, text=flat)
    draft = Draft(occ.kind, occ.title, sentence.report, sentence.start + occ.start, occ.strength)
    draft.habitual, draft.generic = occ.habitual, occ.generic
    draft.place = best_place(flat, occ.start, places)
    if found is not None:
        draft.link = link_from_mention(found, doc.original)
    elif occ.date_anaphor:
        anchor = _anchor(drafts, sentence.report, occ.date_anaphor)
        if anchor is not None:
            _date_by_anchor(draft, anchor, occ.date_anaphor, doc, sentence)
        else:  # "3月5日是学雷锋纪念日。当天上午，…开展…活动": the last day the report named
            day = last_day_before(mentions, reading.reports[sentence.report], sentence.start)
            if day is not None:
                a_start, a_end = doc.original_span(sentence.start, sentence.start + len(occ.date_anaphor))
                draft.link = replace(mention_link(day, doc.original), date_text=doc.original[a_start:a_end])
    return draft


def _date_by_anchor(draft: Draft, anchor: Draft, anaphor: str, doc: Document, sentence: Sentence) -> None:
    """Give a draft the date (and, lacking its own, the place) of the report's last dated event.

    A ceremony anaphor names the occasion in the title: "开幕式上…项目签约" becomes
    "科技节开幕式项目签约".
    """
    a_start, a_end = doc.original_span(sentence.start, sentence.start + len(anaphor))
    link = anchor.link
    if "期间" not in anaphor and link.precision == "day" and link.end != link.start:
        # "开幕式上", "签约仪式上": a ceremony is one day, the first of a multi-day event
        link = replace(link, end=link.start, edtf=link.start.isoformat())
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
    head = generic_head(anchor.title)
    if occasion.endswith(("式", "会", "仪式")) and "与" not in draft.title and head != "活动":
        # "启动仪式上" after a "…启动仪式": the occasion already names the event.
        draft.title = (occasion if head in occasion else head + occasion) + draft.title


_MAX_SPAN = timedelta(days=60)


def _anchor(drafts: list[Draft], report: int, anaphor: str) -> Draft | None:
    """The report's dated event an anaphor such as "开幕典礼上" points to: the last one its
    occasion names ("开幕典礼"), else the last dated one."""
    dated = [d for d in reversed(drafts) if d.report == report and d.link]
    occasion = re.sub(
        r"^在|(?:上|期间|现场|当天|当日|结束后|后)(?:上午|下午|中午|晚上|晚间|早上)?$", "", anaphor
    )
    return next((d for d in dated if occasion and occasion in d.title), dated[0] if dated else None)


def _clause_dated(reading: _Reading, sentence: Sentence, occ: Occurrence) -> bool:
    """Whether the occurrence's clause prints a date of its own ("颁奖仪式将于9月上旬举行")."""
    lo, hi = sentence.start + occ.clause[0], sentence.start + occ.clause[1]
    return any(lo <= f.start < hi and f.mention.precision.value != "vague" for f in reading.mentions)


def _referent(
    drafts: list[Draft], occ: Occurrence, report: int, flat: str = "", dated: bool = False
) -> Draft | None:
    """The earlier draft an anaphoric or bare mention refers to, or None for a new event.

    "本届科技节" refers to the last festival of the report (else of the article: a
    sub-headline may stand between), "此次活动" to the report's last event of any kind; a
    bare "科技节" refers to the last fuller name of that kind in the article that contains it.
    """
    if occ.anaphoric:
        head = generic_head(occ.title)
        if head == "活动":  # "此次活动" is whatever this report is about, never another report's event
            return next((d for d in reversed(drafts) if d.report == report), None)
        same_head = [d for d in drafts if head and generic_head(d.title) == head]
        in_report = [d for d in same_head if d.report == report]
        found = (in_report or same_head or [None])[-1]
        # "本届能博会" after "…能源产业博览会", "此次集中签约": the report's last event of that kind
        return found or next((d for d in reversed(drafts) if d.report == report and d.kind == occ.kind), None)
    if (
        occ.generic and occ.title in P.CEREMONY_NAMES and not dated
    ):  # "举行开幕典礼": part of the report's event
        return next((d for d in reversed(drafts) if d.report == report and d.link), None)
    if (occ.generic and occ.date_anaphor) or occ.occasion:
        # "活动现场，…开展义诊咨询", "开幕首日，农博会现场…": part of the report's event of that kind
        return next(
            (d for d in reversed(drafts) if d.report == report and d.kind == occ.kind and d.link), None
        )
    if occ.generic:  # "参加培训" after "…培训班在太谷区举办": the same training
        return next(
            (d for d in reversed(drafts) if d.kind == occ.kind and occ.title in d.title != occ.title), None
        )
    if not occ.named and occ.kind == "exhibition":  # "届时，我省将组织80余家企业参展": at the report's fair
        found = next(
            (d for d in reversed(drafts) if d.report == report and d.kind in ("exhibition", "festival")), None
        )
        if found is not None:
            return found
    if not occ.named and flat:
        return _verb_referent(drafts, occ, report, flat)
    return None


def _verb_referent(drafts: list[Draft], occ: Occurrence, report: int, flat: str) -> Draft | None:
    """The report's earlier event of the same kind whose title holds this verb event's subject, or None.

    "共同为研究院揭牌" after "…产业技术研究院揭牌仪式…举行" is that unveiling.
    """
    core = occ.title.removesuffix(flat[occ.start : occ.end])
    if len(core) < 2 or core == occ.title:
        return None
    return next(
        (
            d
            for d in reversed(drafts)
            if d.report == report and d.kind == occ.kind and core in d.title and len(d.title) > len(occ.title)
        ),
        None,
    )


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
