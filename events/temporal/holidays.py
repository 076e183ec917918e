"""Statutory holiday periods ("国庆假期", "“五一”假期期间", "春节期间"): the days off around a festival.

The days off are set each year by the State Council. ``chinesecalendar`` (a maintained
package that carries the official schedules) gives them for the years it covers; other
years fall back to the usual rule in ``patterns.HOLIDAYS`` with lower confidence. Plain
Python: no Django.
"""

from __future__ import annotations

from datetime import date, timedelta

from . import calendars, patterns
from .reading import Context, Reading, days_reading
from .types import Kind, Precision

try:  # optional at import time, so the parser still works without the schedules
    import chinese_calendar
    from chinese_calendar.constants import holidays as _SCHEDULE
except ImportError:  # pragma: no cover - the package is a declared dependency
    chinese_calendar, _SCHEDULE = None, {}

# Labelled holiday days are looked for this many days either side of the festival day.
_WINDOW = 10
# Weekend days joined on to a holiday's labelled days ("端午" 2024: 06-10 plus 06-08/09).
_MAX_WEEKEND_DAYS = 3


def holiday_span(festival: str, year: int) -> tuple[date, date, bool] | None:
    """(first, last, from the official schedule) of ``festival``'s holiday in ``year``."""
    if festival in patterns.JOINED_HOLIDAYS:
        spans = [holiday_span(part, year) for part in patterns.JOINED_HOLIDAYS[festival]]
        if any(span is None for span in spans):
            return None
        return min(s[0] for s in spans), max(s[1] for s in spans), all(s[2] for s in spans)
    label, before, after = patterns.HOLIDAYS[festival]
    day = calendars.festival_date(festival, year)
    if day is None:
        return None
    labelled = [
        d
        for offset in range(-_WINDOW, _WINDOW + 1)
        if _SCHEDULE.get(d := day + timedelta(days=offset)) == label
    ]
    if not labelled:
        return day + timedelta(days=before), day + timedelta(days=after), False
    return _widen(labelled[0], -1), _widen(labelled[-1], 1), True


def _widen(d: date, step: int) -> date:
    """Join the days off next to ``d`` (a weekend, or a neighbouring holiday: 2023's 中秋 and 国庆)."""
    weekend_days = 0
    for _ in range(2 * _WINDOW):
        following = d + timedelta(days=step)
        if following not in _SCHEDULE:
            try:
                if chinese_calendar.is_workday(following) or weekend_days == _MAX_WEEKEND_DAYS:
                    break
            except NotImplementedError:  # past the years the schedule covers
                break
            weekend_days += 1
        d = following
    return d


def resolve_holiday(g: dict[str, str], ctx: Context) -> Reading | None:
    """ "国庆假期", "2024年五一假期", "春节期间": the holiday's days (precision day, kind festival)."""
    festival = patterns.HOLIDAY_NAMES[g.get("hol") or g["hol_q"]]
    year = ctx.year or ctx.inherit_year or ctx.ref.year
    span = holiday_span(festival, year)
    if span is None:
        return None
    first, last, official = span
    note = (
        "State Council holiday schedule"
        if official
        else "usual holiday rule; this year's schedule is not known"
    )
    return days_reading(
        first,
        last,
        Precision.DAY,
        Kind.FESTIVAL,
        0.9 if official else 0.6,
        year_inferred=ctx.year is None,
        note=note,
    )
