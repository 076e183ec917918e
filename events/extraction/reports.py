"""Report-level updates while an article is read: the Reading state, figures and organisers of
sentences naming no event, durations and ranges, headlines folded into their report. Plain Python.
"""

from __future__ import annotations

import re
from bisect import bisect_left
from dataclasses import dataclass, field, replace

from . import patterns as P
from .dating import DateLink, FlatMention
from .discourse import duration_days, duration_months, stretched
from .drafts import Draft, attach
from .figures import find_figures
from .organizers import find_organizers
from .text import Document, Sentence
from .triggers import Occurrence
from .types import EvidenceSpan

# How many earlier events a reference may reach back over. Real articles hold a few dozen;
# the bound keeps a junk file of thousands of event sentences linear, not quadratic.
LOOKBACK = 200


# The opening session of the event told, named on its own: "大会开幕式暨主论坛", "開幕式暨主旨論壇".
# An opening ceremony named by the event it opens: "科技活动周启动仪式", "科技节开幕式".
_OPENING_OF_RE = re.compile(r"^([\u4e00-\u9fff]{2,10}?)(?:开幕式|开幕典礼|开幕仪式|启动仪式|启动式|开幕礼)$")
_OPENING_SESSION_RE = re.compile(
    r"(?:大会|论坛|活动|博览会|展会|年会|峰会)?(?:开幕式|开幕典礼|开幕仪式|启动仪式|开幕礼)"
    r"暨(?:主论坛|主旨论坛|主旨演讲|主旨报告|主题论坛|高峰论坛)$"
)


@dataclass(slots=True)
class Reading:
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
    starts: list[int] = field(default_factory=list)  # the mentions' flat starts, for bisection
    # the last stop of a tour told one stop a sentence ("5日走进A…；6日来到B…"): the next stop copies it
    last_stop: Draft | None = None
    # the event dated by day headings ("▌Day 1｜9月14日"): later headings extend it
    headed: Draft | None = None

    def mentions_in(self, lo: int, hi: int) -> list[FlatMention]:
        """The mentions starting in the flat range [lo, hi): a slice, so long articles stay linear."""
        if len(self.starts) != len(self.mentions):
            self.starts = [f.start for f in self.mentions]
        return self.mentions[bisect_left(self.starts, lo) : bisect_left(self.starts, hi)]


def report_drafts(reading: Reading, report: int) -> list[Draft]:
    """The drafts made so far in one report, in order (within the last LOOKBACK drafts)."""
    return [d for d in recent(reading.drafts) if d.report == report and not d.headline]


def recent(drafts: list[Draft]) -> list[Draft]:
    """The last LOOKBACK drafts: what a mention may refer back to."""
    return drafts[-LOOKBACK:]


def attach_to_report(reading: Reading, sentence: Sentence, flat: str) -> None:
    """Figures and organisers of a sentence naming no event go to the report's event they fit.

    "开幕当天，共吸引观众5.6万人次" → the exhibition; "承办单位：…" → the report's first event.
    A figure only goes to a kind listed for it in FIGURE_KINDS.
    """
    drafts = report_drafts(reading, sentence.report)
    if not drafts:
        return
    evidence = evidence_of(reading.doc, sentence)
    organizers = find_organizers(flat)
    if organizers:
        attach(drafts[0], evidence, [], organizers)
    for figure in find_figures(flat):
        kinds = P.FIGURE_KINDS.get(figure[1], ())
        dated = [d for d in reversed(drafts) if d.link is not None]
        target = next((d for kind in kinds for d in dated if d.kind == kind), None)
        if target is not None:
            attach(target, evidence, [figure], {})


def stage_title(reading: Reading, report: int, title: str, kind: str) -> str:
    """A bare stage or part named after the report's event of its kind: "决赛" after "…大赛启动仪式"
    → "…大赛决赛"; "培训" after "…春耕技术培训" → that name. ``title`` itself when there is none."""
    base = next(
        (d for d in reversed(report_drafts(reading, report)) if d.kind == kind and not d.generic), None
    )
    if base is None:
        return title
    if base.title.endswith(title):
        return base.title
    name = next((base.title.removesuffix(h) for h in P.STAGE_HEADS if base.title.endswith(h)), base.title)
    staged = name != base.title  # the base named a stage or ceremony: the contest itself is before it
    if name and (staged or kind == "competition"):  # "…大赛" + "决赛" is a stage of that contest
        return name + title
    return title


def fitting_figures(figures: list, kind: str) -> list:
    """The figures that may belong to an event of ``kind`` (FIGURE_KINDS; unlisted figures may)."""
    return [f for f in figures if kind in P.FIGURE_KINDS.get(f[1], (kind,))]


def ceremony_container(reading: Reading, sentence: Sentence, occ: Occurrence, draft: Draft) -> Draft | None:
    """The report's event a dated bare ceremony falls within, or None.

    "「2024澳门科技周」昨（19）日…举行开幕典礼" is the festival opening, part of it; "颁奖仪式将于
    9月上旬举行" after a final on 8月15日 is a day of its own.
    """
    link = draft.link
    if link is None:
        return None
    opening = _OPENING_OF_RE.match(occ.title)
    if opening and not occ.generic:
        # "1.5月18日上午，科技活动周启动仪式（县文化广场）" under "2024年信丰县科技活动周将于5月18日至24日举行":
        # the week's own opening, on its first day
        head = opening.group(1)
        return next(
            (
                d
                for d in reversed(report_drafts(reading, sentence.report))
                if d.link
                and d is not draft
                and head in d.title
                and d.title != occ.title
                and d.link.start == link.start
            ),
            None,
        )
    if not (occ.generic and occ.title in P.CEREMONY_NAMES or _OPENING_SESSION_RE.match(occ.title)):
        return None
    # A programme under its own heading ("日程安排") reads as a report of its own: the event it is
    # the programme of was told above it.
    told = report_drafts(reading, sentence.report) if not occ.programme else recent(reading.drafts)
    return next(
        (d for d in reversed(told) if d.link and d.link.start <= link.start and link.end <= d.link.end),
        None,
    )


def stretch_by_duration(reading: Reading, sentence: Sentence, flat: str, made: list[Draft]) -> None:
    """Stretch by "培训为期三天" the event dated in this sentence, else the report's main one."""
    days, months = duration_days(flat), duration_months(flat)
    if not (days or months):
        return
    if made:
        target = next((d for d in reversed(made) if not d.habitual), None)
    else:  # "培训为期三天" on its own: the report's main (first dated) event
        target = next((d for d in report_drafts(reading, sentence.report) if d.link and not d.habitual), None)
    if target is None:
        return
    target.days, target.months = days, months  # kept for a day printed later ("…结业。培训班于3月4日开班")
    if target.link is not None:
        target.link = stretched(target.link, days, closing=target.closing, months=months)


def widen_by_range(reading: Reading, sentence: Sentence, referent: Draft) -> None:
    """Widen a one-day event to a range its anaphor's sentence gives ("本届能博会…展期为10月20日至22日")."""
    link = referent.link
    if link is None or link.precision != "day" or link.start != link.end:
        return
    for f in reading.mentions_in(sentence.start, sentence.end):
        m = f.mention
        if m.precision.value == "day" and m.start == link.start:
            if m.end and m.end > link.end:
                referent.link = replace(link, end=m.end, edtf=m.edtf, end_time=m.end_time)
                return


def fold_headlines(drafts: list[Draft]) -> list[Draft]:
    """A headline's event is the one its report tells: fold it into the report's first draft of its kind.

    "晋城集中签约23个项目" over "…重点项目集中签约仪式在…举行": one signing, the headline's
    figures and evidence included. Without one of its kind, it folds into the report's first dated
    event. A headline whose report tells no event stays.
    """
    out = []
    for draft in drafts:
        body = None
        if draft.headline:
            body = next(
                (d for d in drafts if not d.headline and d.report == draft.report and d.kind == draft.kind),
                None,
            )
            told = [d for d in drafts if not d.headline and d.report == draft.report and d.link is not None]
            if body is None and told and len(draft.evidence) == 1:
                # Of another kind, the report's first dated event still is what the headline tells
                # ("「探索深空」特備展科學館開幕" over "…科普展…在科學館開幕"), unless the body
                # referred back to the headline's event and so told it there.
                body = told[0]
        if body is None:
            out.append(draft)
            continue
        for evidence in draft.evidence:
            attach(body, evidence, [(0, k, v) for k, v in draft.figures.items()], draft.organizers)
    return out


def evidence_of(doc: Document, sentence: Sentence) -> EvidenceSpan:
    """The sentence as printed in the original, line breaks kept."""
    start, end = doc.original_span(sentence.start, sentence.end)
    return EvidenceSpan(sentence=doc.original[start:end], span=(start, end))
