"""The values the extractor returns: EventCandidate and EvidenceSpan (plain Python, no Django)."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, time

EVENT_KINDS = (
    "festival",
    "signing",
    "training",
    "exhibition",
    "opening",
    "unveiling",
    "competition",
    "meeting",
    "service",
    "launch",
    "other",
)


@dataclass(frozen=True, slots=True)
class EvidenceSpan:
    """A sentence of the ORIGINAL article text (line breaks kept) and its character span there."""

    sentence: str
    span: tuple[int, int]
    date_text: str = (
        ""  # the temporal expression that dated the event, as printed ("3月\n11日，农历二月初二")
    )


@dataclass(frozen=True, slots=True)
class EventCandidate:
    """One event found in an article, before storage.

    ``start``/``end``/``precision``/``edtf`` come from the temporal parser; an undated
    occurrence has ``start = end = None``, ``precision = None`` and ``edtf = ""``.
    ``key`` identifies the candidate within its article across parser versions and small
    text changes (kind plus the core name, never the date), so re-ingestion can update the
    same stored event instead of creating a new one.
    """

    title: str
    kind: str
    start: date | None
    end: date | None
    precision: str | None
    edtf: str
    place: str
    evidence: tuple[EvidenceSpan, ...]
    key: str
    confidence: float = 0.5
    time: time | None = None
    end_time: time | None = None  # when it ends on its last day ("9:00-17:00", "12月19日下午5时闭幕")
    open_end: bool = False
    organizers: dict[str, list[str]] = field(
        default_factory=dict
    )  # {"hosts": [], "co_organizers": [], "undertakers": []}
    figures: dict[str, int | float] = field(default_factory=dict)
    # Why ``confidence`` is what it is, one short Chinese phrase each (shown to curators).
    confidence_reasons: tuple[str, ...] = ()

    @property
    def dated(self) -> bool:
        return self.start is not None
