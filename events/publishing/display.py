"""How events read to people: Chinese date labels and kind badges (pages and feeds share them).

Imports only ``events.models``, ``events.temporal.calendars`` (for the solar-term reading of
seasons) and ``times``; never views, feeds or selectors.
"""

from __future__ import annotations

import calendar
from datetime import date, time, timedelta

from events.models import Event
from events.temporal.calendars import season_span

from .times import clock, hours_label

UNKNOWN_DATE = "日期未知"
RANGE_DASH = "—"

# Five-year plans by first year. 一五 began in 1953 and 二五 in 1958; 1963–1965 were an
# adjustment period, so 三五 began in 1966 and every later plan five years after the one before.
_PLAN_NUMBERS = (
    "一", "二", "三", "四", "五", "六", "七", "八", "九", "十",
    "十一", "十二", "十三", "十四", "十五",
)  # fmt: skip  # up to 十五五 (2026–2030), the latest plan announced
FIVE_YEAR_PLANS: dict[int, str] = {
    (1953, 1958)[n] if n < 2 else 1966 + 5 * (n - 2): f"{numeral}五"
    for n, numeral in enumerate(_PLAN_NUMBERS)
}

# Season display names, as (season, part) -> name. Season numbers are EDTF's 21–24 (spring..winter);
# every name here is one ``events.temporal.calendars.SEASONS`` knows, so ``season_span`` can size it.
_SEASON_NAMES: dict[tuple[int, str], str] = {
    (21, "whole"): "春季", (21, "early"): "初春", (21, "middle"): "仲春", (21, "late"): "暮春",
    (22, "whole"): "夏季", (22, "early"): "初夏", (22, "middle"): "仲夏", (22, "late"): "夏末",
    (22, "peak"): "盛夏",
    (23, "whole"): "秋季", (23, "early"): "初秋", (23, "middle"): "仲秋", (23, "late"): "深秋",
    (24, "whole"): "冬季", (24, "early"): "初冬", (24, "middle"): "仲冬", (24, "late"): "冬末",
    (24, "peak"): "隆冬",
}  # fmt: skip

# A parser and this module may place a solar term a day apart; spans this close still get the name.
_SEASON_TOLERANCE = timedelta(days=3)

# Kind -> badge colour (background; text is white). Labels come from Event.Kind.
KIND_COLORS: dict[str, str] = {
    Event.Kind.FESTIVAL: "#b3261e",
    Event.Kind.SIGNING: "#8a5a00",
    Event.Kind.TRAINING: "#1b6e3a",
    Event.Kind.EXHIBITION: "#6a3d9a",
    Event.Kind.OPENING: "#0b5cad",
    Event.Kind.UNVEILING: "#a3287a",
    Event.Kind.COMPETITION: "#c2410c",
    Event.Kind.MEETING: "#37474f",
    Event.Kind.SERVICE: "#00727a",
    Event.Kind.LAUNCH: "#4338ca",
    Event.Kind.OTHER: "#5f6368",
}


def kind_badge(kind: str) -> tuple[str, str]:
    """(Chinese label, badge colour) of an event kind; an unknown kind reads as 其他."""
    if kind not in Event.Kind.values:
        kind = Event.Kind.OTHER
    return str(Event.Kind(kind).label), KIND_COLORS[kind]


KIND_BADGES: dict[str, tuple[str, str]] = {kind: kind_badge(kind) for kind in Event.Kind.values}


def _day(d: date) -> str:
    return f"{d.year}年{d.month}月{d.day}日"


def _month(d: date) -> str:
    return f"{d.year}年{d.month}月"


def _is_month_end(d: date) -> bool:
    return d.day == calendar.monthrange(d.year, d.month)[1]


def _aligned_start(d: date) -> str:
    """A range's first day at the coarsest unit it begins: 2021-01-01 → 2021年, 2021-03-01 → 2021年3月."""
    if d.month == 1 and d.day == 1:
        return f"{d.year}年"
    return _month(d) if d.day == 1 else _day(d)


def _aligned_end(d: date) -> str:
    """A range's last day at the coarsest unit it ends: 2025-12-31 → 2025年, 2025-11-30 → 2025年11月."""
    if d.month == 12 and d.day == 31:
        return f"{d.year}年"
    return _month(d) if _is_month_end(d) else _day(d)


def _day_range(start: date, end: date) -> str:
    """2024年3月11日, 2024年3月11日—13日, 2024年3月30日—4月2日, 2024年12月30日—2025年1月2日."""
    if start == end:
        return _day(start)
    if start.year != end.year:
        return f"{_day(start)}{RANGE_DASH}{_day(end)}"
    if start.month != end.month:
        return f"{_day(start)}{RANGE_DASH}{end.month}月{end.day}日"
    return f"{_day(start)}{RANGE_DASH}{end.day}日"


def _month_range(start: date, end: date) -> str:
    """2024年3月, 2024年3月—5月, 2024年11月—2025年2月."""
    if (start.year, start.month) == (end.year, end.month):
        return _month(start)
    if start.year == end.year:
        return f"{_month(start)}{RANGE_DASH}{end.month}月"
    return f"{_month(start)}{RANGE_DASH}{_month(end)}"


def _year_range(start: date, end: date) -> str:
    """2023年 or 2021—2025年."""
    if start.year == end.year:
        return f"{start.year}年"
    return f"{start.year}{RANGE_DASH}{end.year}年"


def _aligned_range(start: date, end: date) -> str:
    """A range shown at the units its edges fall on: 2021—2025年, 2021年3月—2022年5月, 2021年—2025年11月7日."""
    if (start.month, start.day, end.month, end.day) == (1, 1, 12, 31):
        return _year_range(start, end)
    if start.day == 1 and _is_month_end(end):
        return _month_range(start, end)
    if start.day != 1 and not _is_month_end(end):
        return _day_range(start, end)
    return f"{_aligned_start(start)}{RANGE_DASH}{_aligned_end(end)}"


def five_year_plan(start: date, end: date) -> str | None:
    """The 五年规划 a span is exactly (2021-01-01..2025-12-31 → "十四五"), else None."""
    if (start.month, start.day, end.month, end.day) != (1, 1, 12, 31) or end.year != start.year + 4:
        return None
    return FIVE_YEAR_PLANS.get(start.year)


def _season_by_terms(start: date, end: date) -> tuple[int, str] | None:
    """(year, name) of the solar-term season part ``start..end`` is, within a few days; None if none."""
    best: tuple[timedelta, int, str] | None = None
    for year in (start.year, start.year - 1):
        for name in _SEASON_NAMES.values():
            span = season_span(name, year)
            if span is None:
                continue
            off = max(abs(span[0] - start), abs(span[1] - end))
            if off <= _SEASON_TOLERANCE and (best is None or off < best[0]):
                best = (off, year, name)
    if best is not None:
        return best[1], best[2]
    # Not a named part: name the whole season it lies in (coarser than the dates, never finer).
    for year in (start.year, start.year - 1):
        for number in (21, 22, 23, 24):
            span = season_span(_SEASON_NAMES[(number, "whole")], year)
            if span and span[0] - _SEASON_TOLERANCE <= start and end <= span[1] + _SEASON_TOLERANCE:
                return year, _SEASON_NAMES[(number, "whole")]
    return None


def _season_label(start: date, end: date, edtf: str) -> str:
    """2025年初冬, 2024年春季; falls back to months when no season fits."""
    code = edtf.rsplit("-", 1)[-1] if "/" not in edtf else ""
    if code.isdigit() and 21 <= int(code) <= 28 and edtf[:4].isdigit():
        number = 21 + (int(code) - 21) % 4  # 25–28 (northern hemisphere) read as 21–24
        return f"{int(edtf[:4])}年{_SEASON_NAMES[(number, 'whole')]}"
    found = _season_by_terms(start, end)
    if found is None:
        return _month_range(start, end)
    return f"{found[0]}年{found[1]}"


def _half_year_label(start: date, end: date) -> str:
    if start.year == end.year and (start.month, start.day) == (1, 1) and (end.month, end.day) == (6, 30):
        return f"{start.year}年上半年"
    if start.year == end.year and (start.month, start.day) == (7, 1) and (end.month, end.day) == (12, 31):
        return f"{start.year}年下半年"
    return _month_range(start, end)


def _multi_year_label(start: date, end: date) -> str:
    plan = five_year_plan(start, end)
    if plan:
        return f"{_year_range(start, end)}（“{plan}”）"
    return _aligned_range(start, end)


def _vague_label(start: date, end: date) -> str:
    """Vague spans are shown coarser than their dates: 约2024年3月, 约2024年, 约2021—2024年."""
    if (start.year, start.month) == (end.year, end.month):
        return f"约{_month(start)}"
    return f"约{_year_range(start, end)}"


def _open_start_label(start: date, precision: str) -> str:
    """The first unit of an open range (2024年, 2024年3月, 2024年3月11日, 2025年初冬)."""
    if precision == Event.Precision.DAY:
        return _day(start)
    if precision == Event.Precision.MONTH:
        return _month(start)
    if precision == Event.Precision.SEASON:
        found = _season_by_terms(start, start)
        if found:
            return f"{found[0]}年{found[1]}"
    return f"{start.year}年"


def format_event_date(
    *,
    start: date | None,
    end: date | None,
    precision: str | None,
    edtf: str = "",
    time: time | None = None,
    published: date | None = None,
    open_end: bool = False,
    end_time: time | None = None,
) -> str:
    """An event's date in Chinese, as precisely as it is known and no more.

    ``precision`` is an ``Event.Precision`` value. ``open_end`` (or ``edtf`` ending in ``/..``)
    is an open range, shown from its first unit (``2024年起``). When ``published`` is given and a coarse span ends on it, the span
    reads "since" (``2021年至今``): the parser ends "近年来"/"以来" spans at the publication day.
    ``time`` (and ``end_time``, read only with it) is shown on a single day as hours
    (``2024年3月11日 9:00—17:00``); a timed span of days shows both ends
    (``2024年3月11日 9:00—13日 17:00``). Undated (``start`` is None) → ``日期未知``.
    """
    if start is None:
        return UNKNOWN_DATE
    end = end or start
    precision = precision or Event.Precision.DAY
    if open_end or edtf.endswith("/.."):
        return f"{_open_start_label(start, precision)}起"
    if published is not None and end == published and start < end and precision != Event.Precision.DAY:
        prefix = "约" if precision == Event.Precision.VAGUE else ""
        return f"{prefix}{_aligned_start(start)}至今"
    if precision == Event.Precision.DAY:
        if time is None:
            return _day_range(start, end)
        if start == end:
            return f"{_day(start)} {hours_label(time, end_time)}"
        if end_time is None:
            return _day_range(start, end)
        # "2024年3月11日 9:00—13日 17:00": the end written as _day_range writes it.
        last = _day_range(start, end).removeprefix(_day(start) + RANGE_DASH)
        return f"{_day(start)} {clock(time)}{RANGE_DASH}{last} {clock(end_time)}"
    if precision == Event.Precision.MONTH:
        return _month_range(start, end)
    if precision == Event.Precision.SEASON:
        return _season_label(start, end, edtf)
    if precision == Event.Precision.HALF_YEAR:
        return _half_year_label(start, end)
    if precision == Event.Precision.YEAR:
        return _year_range(start, end)
    if precision == Event.Precision.MULTI_YEAR:
        return _multi_year_label(start, end)
    return _vague_label(start, end)


def event_date_label(event: Event, *, published: date | None = None) -> str:
    """``format_event_date`` of a stored event, with its times: what pages, feeds and the admin show."""
    return format_event_date(
        start=event.start,
        end=event.end,
        precision=event.precision,
        edtf=event.edtf,
        time=event.time,
        end_time=event.end_time,
        published=published,
        open_end=event.open_end,
    )


def quoted(text: str) -> str:
    """``text`` in Chinese quotes; quotes inside become single ones, as Chinese nests them.

    "“十四五”期间" → "“‘十四五’期间”", never the doubled "““十四五”期间”".
    """
    return "“" + text.replace("“", "‘").replace("”", "’") + "”"
