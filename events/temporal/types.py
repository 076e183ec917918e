"""The values the temporal parser returns: Mention, Precision and Kind (plain Python, no Django)."""

from __future__ import annotations

import enum
from dataclasses import dataclass, field
from datetime import date, time


class Precision(enum.StrEnum):
    """How finely a mention pins its time down, finest first."""

    DAY = "day"
    MONTH = "month"
    SEASON = "season"
    HALF_YEAR = "half-year"
    YEAR = "year"
    MULTI_YEAR = "multi-year"
    VAGUE = "vague"

    @property
    def rank(self) -> int:
        """0 for DAY up to 6 for VAGUE; a larger rank is coarser."""
        return list(Precision).index(self)


class Kind(enum.StrEnum):
    """What sort of expression a mention is."""

    ABSOLUTE = "absolute"  # the text gives the year: 2024年3月11日, 2023年末
    PARTIAL = "partial"  # year-less, resolved against the reference day: 3月11日
    LUNAR = "lunar"  # 农历二月初二, 正月十五
    FESTIVAL = "festival"  # 春节, 国庆节, 圣诞节
    SOLAR_TERM = "solar-term"  # 立冬, 冬至
    PLAN_PERIOD = "plan-period"  # “十四五”期间
    RELATIVE = "relative"  # 今年, 昨日, 下周三, 3年来
    RANGE = "range"  # 3月11日至13日, 2021年至2025年
    VAGUE = "vague"  # 近年来, 近日, 初冬时节


@dataclass(frozen=True, slots=True)
class Mention:
    """One temporal expression found in a text.

    ``span`` indexes the ORIGINAL text (``text == original[span[0]:span[1]]``).
    ``start``/``end`` are inclusive days; ``end`` may be ``None`` only for an open
    range such as 2024年起 (edtf ``2024/..``), where ``end`` is given as the end of the
    first unit and ``open_end`` is True.
    ``valid`` is False for an impossible date (2月30日): then start/end are None.
    ``role`` says when a date is not an event's: "page" for the publication line under a
    headline ("2022-11-08 09:30 来源：新华网"), "name" for a year inside an event's name
    ("2022年全国科技活动周"); "" otherwise.
    """

    text: str
    span: tuple[int, int]
    start: date | None
    end: date | None
    precision: Precision
    edtf: str
    kind: Kind
    confidence: float = 1.0
    time: time | None = None
    open_end: bool = False
    valid: bool = True
    note: str = ""
    parts: tuple[str, ...] = field(default=())
    end_time: time | None = None  # the end of a time-of-day range ("9:00-17:00"), after ``time``
    role: str = ""

    def to_dict(self) -> dict:
        """The JSON shape shared by the CLI, the API and the library (dates as YYYY-MM-DD)."""
        out = {
            "text": self.text,
            "span": [self.span[0], self.span[1]],
            "start": self.start.isoformat() if self.start else None,
            "end": self.end.isoformat() if self.end else None,
            "precision": self.precision.value,
            "edtf": self.edtf,
            "kind": self.kind.value,
            "confidence": round(self.confidence, 3),
        }
        if self.time is not None:
            out["time"] = self.time.strftime("%H:%M")
        if self.end_time is not None:
            out["end_time"] = self.end_time.strftime("%H:%M")
        if self.open_end:
            out["open_end"] = True
        if not self.valid:
            out["valid"] = False
        if self.note:
            out["note"] = self.note
        if self.role:
            out["role"] = self.role
        return out
