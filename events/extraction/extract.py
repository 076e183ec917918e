"""``extract_events(text, ref)``: article text → event candidates (plain Python, no Django).

Walks the sentences in order, finds occurrences (``triggers``), dates them (``dating``,
then the report's discourse date for "开幕式上"-style anaphors, ``discourse``), finds what
they refer back to (``referents``), reads place, organisers and figures, applies the
report-level rules (``reports``: durations, ranges, headlines) and merges what names the same event (same key, "本届科技节", a bare
"科技节") into one candidate with several pieces of evidence.
"""

from __future__ import annotations

import re
from dataclasses import replace
from datetime import date

from events import temporal

from . import patterns as P
from .dating import DateLink, FlatMention, date_in_sentence, flatten_mentions, link_from_mention
from .dayheadings import date_by_day_headings
from .daylists import day_list, split_by_day, split_into_stops
from .discourse import (
    anchor_relative_days,
    as_discourse,
    fix_for_parser,
    inherit_months,
    last_day_before,
    mention_link,
    report_starts,
    stretched,
)
from .drafts import Draft, attach, merge_drafts
from .endings import end_by_clause, end_by_sentence
from .figures import find_figures
from .furniture import mask_furniture, with_page_lines
from .labels import date_by_label
from .organizers import find_organizers
from .places import best_place, find_places, home_place, home_places
from .referents import anchor_of, clause_dated, referent_of
from .reports import (
    LOOKBACK,
    Reading,
    attach_to_report,
    ceremony_container,
    evidence_of,
    fitting_figures,
    fold_headlines,
    recent,
    stage_title,
    stretch_by_duration,
    widen_by_range,
)
from .segments import read_segment
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
# A coarse date ending this long before publication is background (see _is_background). A year
# keeps last year's "2023年…入选" in an article printed in the spring.
BACKGROUND_DAYS = 365
_BINARY_RE = re.compile("[\x01-\x08\x0b\x0c\x0e-\x1f\ufffd]")


def extract_events(text: str, ref: date) -> list[EventCandidate]:
    """The events an article reports, in reading order; [] for empty or binary input.

    ``ref`` is the publication date the temporal parser counts from. Undated occurrences
    are returned with ``start = end = precision = None`` and a low confidence; callers
    decide whether to store them. Only the first MAX_CHARS characters are read.
    """
    return _read_events(text, ref)[0]


def extract_with_mentions(text: str, ref: date) -> tuple[list[EventCandidate], list[temporal.Mention]]:
    """``extract_events(text, ref)`` and ``temporal.extract(text, ref)``, parsing the text once when it can.

    The events read a copy of the text with page furniture blanked and parser workarounds applied
    (and cut at MAX_CHARS); when that copy is the text itself, which is most articles, the
    parser's mentions of it are handed back rather than parsed again. Otherwise the whole text is
    parsed as given, so the mentions are always exactly ``temporal.extract(text, ref)``'s.
    """
    candidates, parsed, found = _read_events(text, ref)
    return candidates, found if parsed == text else temporal.extract(text, ref)


def _read_events(text: str, ref: date) -> tuple[list[EventCandidate], str | None, list[temporal.Mention]]:
    """The events, the text the temporal parser read for them (None if it read none) and its mentions."""
    if not isinstance(text, str) or not _looks_like_text(text):
        return [], None, []
    original = text[:MAX_CHARS]
    text = mask_furniture(original)
    doc = Document(text)
    # Publication lines stay visible to the parser (they tell it the page's year) but date nothing.
    parsed = fix_for_parser(with_page_lines(original, text, ref))
    found = temporal.extract(parsed, ref)
    mentions = flatten_mentions(doc, [m for m in found if text[m.span[0] : m.span[1]].strip()])
    mentions = inherit_months(doc, anchor_relative_days(doc, mentions, ref), ref)
    reading = Reading(doc, mentions, home_places(doc.flat), report_starts(doc.sentences))
    for sentence in doc.sentences:
        _read_sentence(reading, sentence)
    _venues_of_programme(reading.drafts)
    candidates = [c for c in merge_drafts(fold_headlines(reading.drafts)) if not _is_background(c, ref)]
    return candidates, parsed, found


def _is_background(candidate: EventCandidate, ref: date) -> bool:
    """A month or coarser date that ended over BACKGROUND_DAYS before publication: a project's history
    ("该项目于2022年5月签约，2023年3月开工建设"), a profile ("2019年，他获评…"), a first edition
    ("首届大会于去年9月举办"), told as background to today's news, not as news."""
    if candidate.start is None or candidate.precision == "day":
        return False
    return (ref - candidate.end).days > BACKGROUND_DAYS


def _venues_of_programme(drafts: list[Draft]) -> None:
    """A placeless event on a day within an earlier multi-day event of its report is held at its venue:
    "定于5月18日至20日在郑州国际会展中心举办对接会…5月18日上午举行开幕式暨项目集中签约仪式"."""
    for i, draft in enumerate(drafts):
        link = draft.link
        if draft.place or link is None or link.precision != "day":
            continue
        host = next(
            (
                d
                for d in reversed(drafts[max(0, i - LOOKBACK) : i])
                if d.report == draft.report
                and d.place
                and d.link is not None
                and d.link.precision == "day"
                and d.link.start < d.link.end
                and d.link.start <= link.start <= link.end <= d.link.end
            ),
            None,
        )
        if host is not None:
            draft.place = host.place


def _looks_like_text(text: str) -> bool:
    """Not empty, not binary: no NUL and few control or replacement characters."""
    if not text.strip() or "\x00" in text:
        return False
    sample = text[:4096]
    return len(_BINARY_RE.findall(sample)) <= len(sample) * 0.05


def _read_sentence(reading: Reading, sentence: Sentence) -> None:
    """Add the drafts a sentence reports, or its evidence to the event it refers back to."""
    doc, drafts = reading.doc, reading.drafts
    flat = doc.text(sentence)
    product = _PRODUCT_RE.search(flat)
    if product:
        reading.products[sentence.paragraph] = (product.group(1), evidence_of(doc, sentence))
    if read_segment(reading, sentence, flat):  # "第二期于3月12日至14日在…举办", "（三）复赛：10月12日…"
        return
    if date_by_day_headings(reading, sentence, flat):  # "▌Day 1｜9月14日 开营仪式 …": the camp's days
        return
    occurrences = find_occurrences(flat)
    carried, reading.carried = reading.carried, None
    if not occurrences:
        if date_by_label(reading, sentence, flat):  # "📍 复赛" / "时间：5月11日（周六）8:30"
            return
        if split_into_stops(reading, sentence, flat):  # "13日走进A小学，14日来到B中学，…"
            return
        attach_to_report(reading, sentence, flat)
        end_by_sentence(reading, sentence)  # "活动将于12月19日下午5时结束"
        stretch_by_duration(reading, sentence, flat, [])
        return
    evidence = evidence_of(doc, sentence)
    figures = find_figures(flat)
    organizers = find_organizers(flat)
    places = find_places(flat)
    made: list[Draft] = []
    subject: Draft | None = None  # the event an anaphoric head ("大会", "本届科技节") refers to
    for occ in occurrences:
        if occ.not_event:
            continue
        dated = clause_dated(reading, sentence, occ)
        if occ.part and not dated:
            continue  # "…涵盖科技项目签约、实用技术培训…": the programme of the event referred to
        if occ.anaphoric and occ.generic and occ.title in P.CEREMONY_NAMES and dated:
            occ.anaphoric = False  # "颁奖仪式将于9月上旬举行": a ceremony of its own day
        referent = referent_of(recent(drafts), occ, sentence.report, flat, dated)
        if referent is not None:
            if occ.anaphoric:  # "大会还设置了乳业装备展": what the sentence adds is at this event
                subject = referent
            if dated:  # "日前…揭牌。…揭牌仪式于4月22日…举行", "培训班于3月4日开班"
                evidence = _date_referent(reading, sentence, occ, places, referent, evidence)
            attach(referent, evidence, fitting_figures(figures, referent.kind), organizers)
            widen_by_range(reading, sentence, referent)
            end_by_clause(reading, sentence, referent, 0)
            continue
        if occ.anaphoric:
            continue  # "本届科技节" with nothing named before it: nothing to add to
        draft = _new_draft(reading, sentence, occ, places, subject)
        end_by_clause(reading, sentence, draft, occ.end)
        if (
            draft.link is None
            and carried is not None
            and carried[0] == sentence.paragraph
            and not occ.habitual
        ):
            # "签约仪式上，A与B签订…；C与D签约…": one setting for both halves
            draft.link, draft.place = carried[1], draft.place or carried[2]
        container = ceremony_container(reading, sentence, occ, draft)
        if container is not None:  # "…科技周…昨（19）日…举行开幕典礼": the festival's opening
            attach(container, evidence, figures, {})
            continue
        draft.headline, draft.organiser = sentence.headline, occ.organiser
        if occ.generic and occ.named:  # "决赛定于6月18日…举行" → "…职工技术创新大赛决赛"
            draft.title = stage_title(reading, sentence.report, occ.title, occ.kind)
        if not draft.place and occ.kind == "opening":
            draft.place = _venue_of_opening(draft.title, flat[occ.start : occ.end])
        draft.place = draft.place or home_place(flat, reading.homes)
        if occ.demonstrative and sentence.paragraph in reading.products:
            _name_the_product(draft, occ, *reading.products[sentence.paragraph])
        own = fitting_figures([f for f in figures if _figure_owner(occurrences, f[0], f[1]) is occ], occ.kind)
        copies = split_by_day(draft, draft.listed_days, doc.original, flat)  # "12日、19日及26日"
        attach(draft, _with_date_text(evidence, draft.link), own, organizers if occ is occurrences[0] else {})
        drafts.append(draft)
        made.append(draft)
        for copy in copies:
            attach(copy, _with_date_text(evidence, copy.link), own, {})
            drafts.append(copy)
            made.append(copy)
    stretch_by_duration(reading, sentence, flat, made)
    dated = next((d for d in made if d.link is not None), None)
    if dated is not None and flat.endswith("；"):
        reading.carried = (sentence.paragraph, as_discourse(dated.link, dated.link.date_text), dated.place)


def _date_referent(
    reading: Reading,
    sentence: Sentence,
    occ: Occurrence,
    places: list[tuple[int, str]],
    referent: Draft,
    evidence: EvidenceSpan,
) -> EvidenceSpan:
    """Give an undated (or only year-dated) event the finer date a later sentence prints for it.

    "日前，为期5天的2024年…培训班在市委党校结业。培训班于3月4日开班" → 3月4日, stretched by the
    duration read before. Returns the evidence with the date text that dated it.
    """
    new = _new_draft(reading, sentence, occ, places)
    own, old = new.link, referent.link
    if own is None or own.source != "sentence":
        return evidence
    if old is not None:
        # a span known only from "博览会期间" narrows to the day printed later
        narrows = old.source == "discourse" and own.end <= old.end
        if not (old.start <= own.start <= old.end and (_finer(own, old) or narrows)):
            return evidence
    referent.closing = occ.closing
    referent.link = stretched(own, referent.days, closing=occ.closing, months=referent.months)
    referent.place = referent.place or new.place
    return _with_date_text(evidence, own)


def _finer(a: DateLink, b: DateLink) -> bool:
    """Whether link ``a`` is of a finer precision than ``b``."""
    order = ("day", "month", "season", "half-year", "year", "multi-year", "vague")
    rank = {p: i for i, p in enumerate(order)}
    return rank.get(a.precision, 9) < rank.get(b.precision, 9)


def _venue_of_opening(title: str, verb: str) -> str:
    """The place of "晋中国家农高区科创园开园": what opened, when its name ends like a place; else ""."""
    core = title.removesuffix(verb)
    return core if len(core) >= 3 and core.endswith(P.PLACE_SUFFIXES) and core != title else ""


def _name_the_product(draft: Draft, occ: Occurrence, product: str, evidence: EvidenceSpan) -> None:
    """Title "这款…新产品已全面上市" by the thing made earlier in the paragraph, with that sentence as evidence."""
    verb = next((v for v in P.LAUNCH_VERBS if occ.title.endswith(v)), "")
    if occ.kind == "launch" and verb:
        draft.title = product + verb
        attach(draft, evidence, [], {})


def _new_draft(
    reading: Reading,
    sentence: Sentence,
    occ: Occurrence,
    places: list[tuple[int, str]],
    subject: Draft | None = None,
) -> Draft:
    """A draft for a new occurrence, dated by its sentence or by the report's discourse.

    ``subject``: the event the sentence is about ("大会还设置了…"), which "还" refers to.
    """
    doc, mentions, drafts = reading.doc, reading.mentions, reading.drafts
    flat = doc.text(sentence)
    clause = (sentence.start + occ.clause[0], sentence.start + occ.clause[1])
    trigger = (sentence.start + occ.start, sentence.start + occ.end)
    found = date_in_sentence(mentions, sentence, clause, trigger, habitual=occ.habitual, text=flat)
    if found is not None and _inside_anaphor(found, occ, sentence, flat):
        found = None  # "展览首日下午3时将举行…": the hour of the day the anaphor names
    draft = Draft(occ.kind, occ.title, sentence.report, sentence.start + occ.start, occ.strength)
    draft.habitual, draft.generic, draft.closing = occ.habitual, occ.generic, occ.closing
    # A place in the occurrence's own clause first: "初赛于5月在各市进行，决赛定于…在山西工程技术学院举行"
    own = [p for p in places if occ.clause[0] <= p[0] < occ.clause[1]]
    draft.place = best_place(flat, occ.start, own or places)
    if found is not None:
        draft.link = link_from_mention(found, doc.original)
        draft.listed_days = day_list(mentions, found, doc.flat)
    elif occ.programme:  # "14:00—17:30　…发布会" under "6月13日": the day printed above
        day = last_day_before(mentions, reading.reports[sentence.report], sentence.start)
        if day is not None:
            draft.link = mention_link(day, doc.original)
    elif occ.date_anaphor in P.ALSO_WORDS and reading.mentions_in(sentence.start, sentence.end):
        pass  # "近日，…还…": a time of its own, however vague, is not the event just told
    elif occ.date_anaphor:
        anchor = anchor_of(recent(drafts), sentence.report, occ.date_anaphor)
        if subject is not None and subject.link is not None and occ.date_anaphor in P.ALSO_WORDS:
            anchor = subject
        if anchor is not None:
            _date_by_anchor(draft, anchor, occ.date_anaphor, doc, sentence, occ.anaphor_at)
        else:  # "3月5日是学雷锋纪念日。当天上午，…开展…活动": the last day the report named
            day = last_day_before(mentions, reading.reports[sentence.report], sentence.start)
            if day is not None:
                at = sentence.start + occ.anaphor_at
                a_start, a_end = doc.original_span(at, at + len(occ.date_anaphor))
                draft.link = replace(mention_link(day, doc.original), date_text=doc.original[a_start:a_end])
    return draft


def _inside_anaphor(found: FlatMention, occ: Occurrence, sentence: Sentence, flat: str) -> bool:
    """Whether a mention stands inside the occurrence's date anaphor ("首日下午3时")."""
    if not occ.date_anaphor:
        return False
    at = flat.find(occ.date_anaphor, occ.clause[0] if occ.anaphor_at == 0 else occ.anaphor_at)
    lo = sentence.start + at
    return at >= 0 and lo <= found.start and found.end <= lo + len(occ.date_anaphor)


def _date_by_anchor(
    draft: Draft, anchor: Draft, anaphor: str, doc: Document, sentence: Sentence, at: int = 0
) -> None:
    """Give a draft the date (and, lacking its own, the place) of the report's last dated event.

    A ceremony anaphor names the occasion in the title: "开幕式上…项目签约" becomes
    "科技节开幕式项目签约".
    """
    a_start, a_end = doc.original_span(sentence.start + at, sentence.start + at + len(anaphor))
    link = anchor.link
    # "期间", "还", "同期举办的…展览会": over the event's whole span, not its first day
    during = "期间" in anaphor or anaphor in P.ALSO_WORDS or anaphor.startswith("同期")
    if not during and link.precision == "day" and link.end != link.start:
        if anaphor.startswith(P.CLOSING_CEREMONIES):
            # "颁奖典礼上", "闭幕式上": a closing ceremony is the last day of a multi-day event
            link = replace(link, start=link.end, edtf=link.end.isoformat())
        else:
            # "开幕式上", "签约仪式上": a ceremony is one day, the first of a multi-day event,
            # and does not end when the event does.
            link = replace(link, end=link.start, edtf=link.start.isoformat(), end_time=None)
    draft.link = DateLink(
        link.start,
        link.end,
        link.precision,
        link.edtf,
        doc.original[a_start:a_end],
        "discourse",
        link.time,
        link.open_end,
        link.clue,
        link.end_time,
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
    if (
        occasion.endswith(("式", "会", "仪式"))
        and "与" not in draft.title
        and head != "活动"
        and len(occasion) <= 8
    ):
        # "启动仪式上" after a "…启动仪式": the occasion already names the event.
        draft.title = (occasion if head in occasion else head + occasion) + draft.title


def _figure_owner(occurrences: list[Occurrence], offset: int, name: str = "") -> Occurrence:
    """The occurrence a figure belongs to: the one whose clause holds it, else the last before it.

    Of two in one clause ("博览会开幕 18个项目签约"), the one of a kind the figure fits.
    """
    holding = [occ for occ in occurrences if occ.clause[0] <= offset < occ.clause[1]]
    if holding:
        fits = [occ for occ in holding if occ.kind in P.FIGURE_KINDS.get(name, (occ.kind,))]
        return (fits or holding)[0]
    before = [o for o in occurrences if o.start <= offset]
    return before[-1] if before else occurrences[0]


def _with_date_text(evidence: EvidenceSpan, link: DateLink | None) -> EvidenceSpan:
    """The evidence with the printed date expression that dated the event."""
    if link is None:
        return evidence
    return EvidenceSpan(evidence.sentence, evidence.span, link.date_text)
