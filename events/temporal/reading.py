"""The parser's working value for one expression (Reading) and the date arithmetic the resolvers share."""

from __future__ import annotations

import calendar
from dataclasses import dataclass, field, replace
from datetime import date, time, timedelta

from .types import Kind, Precision


@dataclass(slots=True)
class Reading:
    """What one expression means, before it becomes a Mention.

    ``edtf_from``/``edtf_to`` are the two ends of the EDTF string, so two readings can be
    joined into a range ("2024-03-11" + "2024-03-13" → "2024-03-11/2024-03-13").
    ``year_inferred`` is True when the year came from the reference day, not the text;
    corroboration may then move it. ``clue`` carries what a lunar date or weekday says about
    the day it sits beside: ("lunar", month, day, leap) or ("weekday", 0–6).
    """

    start: date | None
    end: date | None
    precision: Precision
    kind: Kind
    edtf_from: str
    edtf_to: str = ""
    confidence: float = 1.0
    open_end: bool = False
    valid: bool = True
    note: str = ""
    time: time | None = None
    end_time: time | None = None  # the end of a time range ("上午9时至11时")
    year_inferred: bool = False
    month: int | None = None  # the Gregorian month the text named, for "3月11日至13日"
    month_inferred: bool = False  # a bare "22日" whose month came from ref, not the text
    clue: tuple = field(default=())

    @property
    def edtf(self) -> str:
        """ "2024-03-11", "2021/2025", "2024/.." or "" for an invalid reading."""
        if not self.valid:
            return ""
        if self.open_end:
            return f"{self.edtf_from}/.."
        if self.edtf_to and self.edtf_to != self.edtf_from:
            return f"{self.edtf_from}/{self.edtf_to}"
        return self.edtf_from

    def but(self, **changes) -> Reading:
        """A copy with some fields changed."""
        return replace(self, **changes)


def invalid(kind: Kind, precision: Precision, note: str) -> Reading:
    """A reading for an impossible date (2月30日, 十三月): no days, flagged, never an exception."""
    return Reading(None, None, precision, kind, "", valid=False, confidence=0.0, note=note)


def last_day(year: int, month: int) -> date:
    return date(year, month, calendar.monthrange(year, month)[1])


def safe_date(year: int, month: int, day: int) -> date | None:
    """The day, or None when it does not exist (2月30日) or is outside 1..9999."""
    if not (1 <= year <= 9999 and 1 <= month <= 12 and 1 <= day <= 31):
        return None
    if day > calendar.monthrange(year, month)[1]:
        return None
    return date(year, month, day)


def add_months(year: int, month: int, delta: int) -> tuple[int, int]:
    index = year * 12 + (month - 1) + delta
    return index // 12, index % 12 + 1


def day_reading(d: date, kind: Kind, confidence: float = 1.0, **extra) -> Reading:
    return Reading(d, d, Precision.DAY, kind, d.isoformat(), d.isoformat(), confidence, **extra)


def days_reading(
    first: date, last: date, precision: Precision, kind: Kind, confidence: float = 1.0, **extra
) -> Reading:
    return Reading(first, last, precision, kind, first.isoformat(), last.isoformat(), confidence, **extra)


def month_reading(
    year: int, first: int, last: int, kind: Kind, precision: Precision = Precision.MONTH, **extra
) -> Reading:
    """Months ``first``..``last`` of ``year``: "2024-03" or "2024-01/2024-06"; the whole year is "2024"."""
    if first == 1 and last == 12:
        return Reading(date(year, 1, 1), date(year, 12, 31), Precision.YEAR, kind, f"{year:04d}", **extra)
    start, end = date(year, first, 1), last_day(year, last)
    return Reading(start, end, precision, kind, f"{year:04d}-{first:02d}", f"{year:04d}-{last:02d}", **extra)


def years_reading(first: int, last: int, kind: Kind, **extra) -> Reading:
    precision = Precision.YEAR if first == last else Precision.MULTI_YEAR
    return Reading(
        date(first, 1, 1), date(last, 12, 31), precision, kind, f"{first:04d}", f"{last:04d}", **extra
    )


def until_ref(start: Reading, ref: date, precision: Precision | None = None) -> Reading:
    """From the start of ``start`` up to the reference day ("2024年以来", "“十四五”以来")."""
    if precision is None:
        precision = start.precision if start.start and start.start.year == ref.year else Precision.MULTI_YEAR
    return start.but(end=ref, edtf_to=ref.isoformat(), precision=precision, open_end=False)


def week_monday(d: date, weeks: int = 0) -> date:
    return d - timedelta(days=d.weekday()) + timedelta(weeks=weeks)


def shift_years(reading: Reading, years: int) -> Reading | None:
    """The same reading ``years`` later (for a range end that runs into the next year)."""
    try:
        start = reading.start.replace(year=reading.start.year + years) if reading.start else None
        end = reading.end.replace(year=reading.end.year + years) if reading.end else None
    except ValueError:  # 2月29日 in a common year
        return None
    shifted = reading.but(start=start, end=end)
    shifted.edtf_from = _shift_edtf(reading.edtf_from, years)
    shifted.edtf_to = _shift_edtf(reading.edtf_to, years)
    return shifted


def _shift_edtf(text: str, years: int) -> str:
    if len(text) >= 4 and text[:4].isdigit():
        return f"{int(text[:4]) + years:04d}{text[4:]}"
    return text


@dataclass(slots=True)
class Context:
    """What earlier parts of the text (or a year printed just before) tell a resolver."""

    ref: date
    anchor_day: date | None = None  # the last single day the text mentioned
    anchor_year: int | None = None  # the last year the text mentioned
    year: int | None = None  # a year printed right before this expression ("2023年除夕")
    year_relative: bool = False  # that year was "今年/去年…", not a number
    inherit_year: int | None = None  # from the start of a range or list ("3月11日至13日")
    inherit_month: int | None = None
    anchor_festival: date | None = None  # the day of the last festival the text named
    anchor_month: tuple[int, int] | None = None  # (year, month) of the last date printed with a month
    tense: str = ""  # "past"/"future"/"" for the clause of a bare day ("27日…举行")
    dateline_day: date | None = None  # the filing day of the report ("东南网5月9日讯")
