"""Events while an article is read (Draft), and how drafts become EventCandidates.

Drafts that name the same event (same key) merge into one candidate with all their
evidence; the best-dated draft gives the date and the title. Plain Python: no Django.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date

from .dating import DateLink
from .titles import event_key
from .types import EventCandidate, EvidenceSpan


@dataclass(slots=True)
class Draft:
    """An event while the article is read; several drafts may merge into one candidate."""

    kind: str
    title: str
    report: int
    trigger: int  # flat offset, for ordering
    strength: float
    link: DateLink | None = None
    place: str = ""
    habitual: bool = False
    generic: bool = False
    headline: bool = False  # from a headline: folded into the report's own telling of the event
    organiser: str = ""  # put before the title of the candidate, never into its key
    days: int = 0  # "为期5天": how long the event lasts once a day is known
    months: int = 0  # "为期三个月", counted from its first day
    closing: bool = False  # its day is the last one ("…闭幕", "…结业")
    segment_of: str = ""  # the event a stage or session is part of ("…巡回培训" of "（第二期）")
    listed_days: list = field(default_factory=list)  # FlatMentions of its day list ("12日、19日及26日")
    evidence: list[EvidenceSpan] = field(default_factory=list)
    spans: set[tuple[int, int]] = field(default_factory=set)  # of ``evidence``, to skip repeats
    figures: dict[str, int | float] = field(default_factory=dict)
    organizers: dict[str, list[str]] = field(default_factory=dict)


def attach(draft: Draft, evidence: EvidenceSpan, figures: list, organizers: dict[str, list[str]]) -> None:
    """Add a piece of evidence, figures (first value wins) and organisers to a draft."""
    if evidence.span not in draft.spans:
        draft.spans.add(evidence.span)
        draft.evidence.append(evidence)
    for _, name, value in figures:
        draft.figures.setdefault(name, value)
    for role, names in organizers.items():
        current = draft.organizers.setdefault(role, [])
        current.extend(n for n in names if n not in current)


def merge_drafts(drafts: list[Draft]) -> list[EventCandidate]:
    """One candidate per event, in order of first mention; the best-dated draft gives date and title.

    Drafts with the same key are one event, unless their own sentences date them to
    different days ("3月5日…培训班开班" and "3月9日…培训班开班" in two reports): those stay
    apart, the later ones keyed "key#2", "key#3".
    """
    groups: dict[str, list[list[Draft]]] = {}
    for draft in drafts:
        clusters = groups.setdefault(event_key(draft.kind, draft.title), [])
        own = _own_dates(draft)
        if own is None:
            target = clusters[-1] if clusters else None
        else:
            target = next((c for c in clusters if _cluster_dates(c) in (None, own)), None)
        if target is None:
            clusters.append([draft])
        else:
            target.append(draft)
    keyed = [
        (cluster[0].trigger, key if n == 0 else f"{key}#{n + 1}", cluster)
        for key, clusters in groups.items()
        for n, cluster in enumerate(clusters)
    ]
    return [_candidate(key, cluster) for _, key, cluster in sorted(keyed, key=lambda k: k[0])]


def _own_dates(draft: Draft) -> tuple[date, date] | None:
    """(start, end) when the draft's own sentence dates it, else None."""
    link = draft.link
    return (link.start, link.end) if link is not None and link.source == "sentence" else None


def _cluster_dates(cluster: list[Draft]) -> tuple[date, date] | None:
    """The first own-sentence dates in a cluster of drafts, or None."""
    return next((d for d in map(_own_dates, cluster) if d is not None), None)


def _candidate(key: str, group: list[Draft]) -> EventCandidate:
    """An EventCandidate from the drafts that share a key."""
    best = min(group, key=_date_rank)
    merged = Draft(best.kind, best.title, best.report, best.trigger, best.strength, best.link, best.place)
    organiser = next((d.organiser for d in group if d.organiser), "")
    merged.habitual, merged.generic = best.habitual, all(d.generic for d in group)
    for draft in group:
        for evidence in draft.evidence:
            attach(merged, evidence, [(0, k, v) for k, v in draft.figures.items()], draft.organizers)
        merged.place = merged.place or draft.place
    link = merged.link
    confidence, reasons = confidence_of(merged)
    return EventCandidate(
        title=organiser + merged.title,
        kind=merged.kind,
        start=link.start if link else None,
        end=link.end if link else None,
        precision=link.precision if link else None,
        edtf=link.edtf if link else "",
        place=merged.place,
        evidence=tuple(sorted(merged.evidence, key=lambda e: e.span)),
        key=key,
        confidence=confidence,
        confidence_reasons=reasons,
        time=link.time if link else None,
        end_time=link.end_time if link else None,
        open_end=link.open_end if link else False,
        organizers=merged.organizers,
        figures=merged.figures,
    )


_PRECISION_ORDER = ("day", "month", "season", "half-year", "year", "multi-year", "vague")


def _date_rank(draft: Draft) -> tuple[int, int, int]:
    """Sort key: own-sentence dates first, then discourse ones, then undated; finer first."""
    if draft.link is None:
        return (2, 0, draft.trigger)
    source = 0 if draft.link.source == "sentence" else 1
    fine = _PRECISION_ORDER.index(draft.link.precision) if draft.link.precision in _PRECISION_ORDER else 9
    return (source, fine, draft.trigger)


def confidence_of(draft: Draft) -> tuple[float, tuple[str, ...]]:
    """0..1 and its reasons: date precision and where the date came from, trigger strength,
    how often the article tells of it, and whether a printed weekday or lunar date agrees.

    An own-sentence day is the strongest link; a coarse or discourse date less; undated
    occurrences stay low (≤ 0.35) so ingestion can drop them by threshold.
    """
    link = draft.link
    reasons = []
    if link is None:
        factor = 0.35
        reasons.append("未找到日期")
    else:
        label = PRECISION_LABELS.get(link.precision, link.precision)
        if link.source == "discourse":
            factor = 0.85
            reasons.append(f"日期由上下文推断（{link.date_text}）" if link.date_text else "日期由上下文推断")
        else:
            factor = 1.0 if link.precision == "day" else 0.8
            reasons.append(f"本句给出日期，精确到{label}")
        if link.clue == "agrees":
            factor *= 1.05
            reasons.append("星期或农历与日期相符")
        elif link.clue == "disagrees":
            factor *= 0.7
            reasons.append("星期或农历与日期不符")
    reasons.append("事件词明确" if draft.strength >= STRONG_TRIGGER else "事件词较弱")
    if len(draft.evidence) >= 2:
        factor *= 1.1
        reasons.append(f"文中{len(draft.evidence)}处提及")
    if draft.habitual:
        factor *= 0.8
        reasons.append("惯常或累计的表述")
    if draft.generic:
        factor *= 0.8
        reasons.append("名称泛指")
    return round(max(0.05, min(0.99, draft.strength * factor)), 2), tuple(reasons)


# A trigger at least this strong names an event plainly ("签约仪式", "开幕"); below, it may not ("服务").
STRONG_TRIGGER = 0.8
PRECISION_LABELS = {
    "day": "日",
    "month": "月",
    "season": "季节",
    "half-year": "半年",
    "year": "年",
    "multi-year": "数年",
    "vague": "模糊时间",
}
