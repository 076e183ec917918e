"""Resolves expressions counted from the reference day (明天, 下周三, 15天后, 3年来, 近日) and times of day.

Conventions are listed in ``resolve``; the vocabulary lives in ``patterns``.
"""

from __future__ import annotations

from datetime import date, time, timedelta

from . import patterns
from .numerals import read_number
from .reading import (
    Context,
    Reading,
    add_months,
    day_reading,
    days_reading,
    last_day,
    month_reading,
    safe_date,
    week_monday,
    years_reading,
)
from .types import Kind, Precision


def _shift(d: date, days: int) -> date | None:
    try:
        return d + timedelta(days=days)
    except OverflowError:
        return None


def resolve_relative_day(g: dict[str, str], ctx: Context) -> Reading | None:
    """今天, 昨日, 明天, 大后天: the reference day plus the table's offset."""
    d = _shift(ctx.ref, patterns.RELATIVE_DAYS[g["rday"]])
    return day_reading(d, Kind.RELATIVE, 0.9) if d else None


def resolve_paren_day(g: dict[str, str], ctx: Context) -> Reading | None:
    """ "昨（14）日": the day the word points to, checked against the printed day of the month.

    When they disagree the printed day wins (it is the more specific), taken in the month
    nearest the word's day, with low confidence and a note.
    """
    d = _shift(ctx.ref, patterns.PAREN_DAY_WORDS[g["pd_w"]])
    n = read_number(g["pd_n"])
    if d is None or n is None:
        return None
    printed_month = int(g["pd_m"]) if "pd_m" in g else d.month
    if (d.month, d.day) == (printed_month, n):
        return day_reading(d, Kind.RELATIVE, 0.95)
    if "pd_m" in g:  # "今(5/14)日" printing another day: the printed one, in the year nearest
        found = [safe_date(y, printed_month, n) for y in (d.year - 1, d.year, d.year + 1) if 1 <= y <= 9999]
        found = [f for f in found if f is not None]
        if not found:
            return None
        best = min(found, key=lambda c: abs((c - d).days))
        note = f"the word before the bracket points to {d.isoformat()}; the printed day is kept"
        return day_reading(best, Kind.RELATIVE, 0.5, note=note)
    candidates = []
    for delta in (-1, 0, 1):
        year, month = add_months(d.year, d.month, delta)
        found = safe_date(year, month, n) if 1 <= year <= 9999 else None
        if found is not None:
            candidates.append(found)
    if not candidates:
        return None
    best = min(candidates, key=lambda c: abs((c - d).days))
    note = f"the word before the bracket points to {d.isoformat()}; the printed day is kept"
    return day_reading(best, Kind.RELATIVE, 0.5, note=note)


def resolve_nth_weekday(g: dict[str, str], ctx: Context) -> Reading | None:
    """ "第三个星期日" with no month before it: in the month of the last day mentioned, else ref's.

    ``combine`` joins it to a month printed right before it ("6月第3个星期日") instead.
    """
    base = ctx.anchor_day or ctx.ref
    d = nth_weekday(base.year, base.month, g)
    return day_reading(d, Kind.RELATIVE, 0.5) if d else None


def nth_weekday(year: int, month: int, g: dict[str, str]) -> date | None:
    """The n-th (or last) given weekday of a month; None when the month has no such day."""
    weekday = patterns.WEEKDAYS[g["nw_d"]]
    if "nw_last" in g:
        end = last_day(year, month)
        return end - timedelta(days=(end.weekday() - weekday) % 7)
    n = read_number(g["nw_n"])
    if n is None or not 1 <= year <= 9999:
        return None
    first = date(year, month, 1)
    d = first + timedelta(days=(weekday - first.weekday()) % 7 + 7 * (n - 1))
    return d if d.month == month else None


def resolve_anchored_day(g: dict[str, str], ctx: Context) -> Reading | None:
    """当天, 次日: counted from the last day the text mentioned, else from ref."""
    base = ctx.anchor_day or ctx.ref
    d = _shift(base, patterns.ANCHORED_DAYS[g["aday"]])
    return day_reading(d, Kind.RELATIVE, 0.8 if ctx.anchor_day else 0.5) if d else None


def resolve_week(g: dict[str, str], ctx: Context) -> Reading | None:
    """下周三, 上周, 本周末, 周日; bare 周末 is the latest weekend on or before ref."""
    prefix, day = g.get("wk_pre"), g.get("wk_d") or g.get("wk_d2") or g.get("wk_d3") or g.get("wk_d4")
    monday = week_monday(ctx.ref, patterns.WEEK_OFFSETS.get(prefix, 0) if prefix else 0)
    if day == "末":
        if prefix is None:
            saturday = ctx.ref - timedelta(days=(ctx.ref.weekday() - 5) % 7)
            return days_reading(
                saturday,
                saturday + timedelta(days=1),
                Precision.DAY,
                Kind.RELATIVE,
                0.4,
                note="bare 周末: the latest weekend on or before the reference day",
            )
        saturday = monday + timedelta(days=5)
        return days_reading(saturday, saturday + timedelta(days=1), Precision.DAY, Kind.RELATIVE, 0.85)
    if day is None:
        return days_reading(monday, monday + timedelta(days=6), Precision.DAY, Kind.RELATIVE, 0.85)
    weekday = patterns.WEEKDAYS[day]
    found = monday + timedelta(days=weekday)
    clue = ("weekday", weekday) if prefix is None else ()
    return day_reading(found, Kind.RELATIVE, 0.85 if prefix else 0.6, clue=clue)


def resolve_quarter(g: dict[str, str], ctx: Context) -> Reading | None:
    """上季度, 本季度, 下季度: whole quarters around ref's."""
    index = ctx.ref.year * 4 + (ctx.ref.month - 1) // 3 + patterns.QUARTER_OFFSETS[g["qrel"]]
    year, quarter = divmod(index, 4)
    return month_reading(
        year, quarter * 3 + 1, quarter * 3 + 3, Kind.RELATIVE, Precision.SEASON, confidence=0.9
    )


def resolve_relative_span(g: dict[str, str], ctx: Context) -> Reading | None:
    """ "今明两年" (this year and next), "今明两天" (today and tomorrow)."""
    unit, first, last = patterns.RELATIVE_SPANS[g["rspan"]]
    if unit == "year":
        return years_reading(ctx.ref.year + first, ctx.ref.year + last, Kind.RELATIVE, confidence=0.9)
    start, end = _shift(ctx.ref, first), _shift(ctx.ref, last)
    if start is None or end is None:
        return None
    return days_reading(start, end, Precision.DAY, Kind.RELATIVE, 0.9)


def resolve_vague(g: dict[str, str], ctx: Context) -> Reading | None:
    """近日 (ref-10..ref), 目前 (ref), 近年来 (1 January three years back .. ref): all vague."""
    word = g["vague"]
    if word in patterns.VAGUE_YEARS:
        start = date(max(1, ctx.ref.year - patterns.VAGUE_YEARS[word]), 1, 1)
        return Reading(
            start, ctx.ref, Precision.VAGUE, Kind.VAGUE, f"{start.year:04d}", ctx.ref.isoformat(), 0.5
        )
    before, after = patterns.VAGUE_DAYS[word]
    start, end = _shift(ctx.ref, before), _shift(ctx.ref, after)
    if start is None or end is None:
        return None
    reading = days_reading(start, end, Precision.VAGUE, Kind.VAGUE, 0.5)
    if start == end:
        reading.edtf_from = reading.edtf_to = f"{start.isoformat()}~"
    return reading


def _count(token: str) -> tuple[float | None, bool]:
    """(number, vague) for the count in a duration: "15", "两", "半" (0.5), "几"/"数" (about 3)."""
    if token == "半":
        return 0.5, False
    if token in ("几", "数"):
        return 3, True
    if "几" in token:  # "二十几" is read as 25, "几十" as 30, "十几" as 15
        base = read_number(token.replace("几", "")) or 0
        return (base + 5 if token.endswith("几") else base * 3), True
    return read_number(token), False


def resolve_duration(g: dict[str, str], ctx: Context) -> Reading | None:
    """15天后, 两个月前, 3年来, 今后两年, 近三年, 前三季度."""
    prefix = g.get("dur_pre") or g.get("dur_pre4") or g.get("dur_pre7") or g.get("dur_nl")
    suffix = g.get("dur_suf") or g.get("dur_suf1") or g.get("dur_suf3") or g.get("dur_suf5")
    count, vague = _count(
        g.get("dur_n")
        or g.get("dur_n2")
        or g.get("dur_n3")
        or g.get("dur_n4")
        or g.get("dur_n5")
        or g.get("dur_n6")
        or g.get("dur_n7")
        or g.get("dur_n8")
        or ""
    )
    if count is not None and "dur_half" in g:
        count += 0.5
    if "dur_n4" in g and ctx.year is None:
        return None  # "年前两月" with no year before it: "年前" is before the New Year
    if "dur_n8" in g and count is not None and ctx.year is not None and 1 <= count <= 12:
        # "2021年后三月": the last N months of the year before it.
        return month_reading(ctx.year, 13 - int(count), 12, Kind.ABSOLUTE, Precision.MONTH, confidence=0.85)
    if "dur_n8" in g:
        return None
    if "dur_n3" in g or "dur_n4" in g or "dur_n5" in g or "dur_n7" in g:
        unit = "month" if "dur_n4" in g or "dur_n7" in g else "day"
    else:
        unit = patterns.DURATION_UNITS[g.get("dur_u") or g.get("dur_u6") or g["dur_u2"]]
    if count is None or count <= 0 or count > 500:
        return None
    direction = patterns.DURATION_SUFFIXES.get(suffix) if suffix else None
    direction = (
        direction
        or patterns.DURATION_PREFIXES.get(prefix or "")
        or patterns.NEXT_LAST_PREFIXES.get(prefix or "")
    )
    if direction is None:
        return None
    if direction in ("next", "last"):
        reading = _whole_units(ctx.ref, int(count), unit, 1 if direction == "next" else -1)
    elif direction == "first" and unit == "day" and ctx.year is None:
        reading = _whole_units(ctx.ref, int(count), unit, -1)  # "前两天": the two days before ref
    elif direction == "first" and unit in ("year", "week") and ctx.year is None:
        # "前三年", "前两周" alone: the whole years (weeks) before ref's, as Duckling reads
        # "前两年"; with no year before them they cannot be anyone's first years.
        if unit == "year":
            reading = years_reading(
                ctx.ref.year - int(count), ctx.ref.year - 1, Kind.RELATIVE, confidence=0.6
            )
        else:
            reading = _whole_units(ctx.ref, int(count), unit, -1)
    elif direction == "first":
        reading = _first_units(ctx, int(count), unit)
    elif direction in ("ago", "later"):
        reading = _point(ctx.ref, count if direction == "later" else -count, unit)
    else:
        reading = _span(ctx.ref, count, unit, direction)
    if reading is not None and vague:
        reading = reading.but(precision=Precision.VAGUE, kind=Kind.VAGUE, confidence=0.4)
    return reading


def _point(ref: date, count: float, unit: str) -> Reading | None:
    """The day, week, month, quarter or year ``count`` units from ref (negative: before it).

    "半个月前" counts 15 days; "半年前" six months (a month reading); whole years are years.
    """
    if unit == "month" and count != int(count):
        unit, count = "day", round(count * 30)
    if unit == "day":
        d = _shift(ref, int(count))
        return day_reading(d, Kind.RELATIVE, 0.9) if d else None
    if unit == "week":
        monday = week_monday(ref, int(count))
        return days_reading(monday, monday + timedelta(days=6), Precision.DAY, Kind.RELATIVE, 0.8)
    months = round(count * {"month": 1, "quarter": 3, "year": 12}[unit])
    year, month = add_months(ref.year, ref.month, months)
    if not 1 <= year <= 9999:
        return None
    if unit == "year" and count == int(count):
        return years_reading(year, year, Kind.RELATIVE, confidence=0.85)
    if unit == "quarter":
        first = (month - 1) // 3 * 3 + 1
        return month_reading(year, first, first + 2, Kind.RELATIVE, Precision.SEASON, confidence=0.85)
    return month_reading(year, month, month, Kind.RELATIVE, confidence=0.85)


def _span(ref: date, count: float, unit: str, direction: str) -> Reading | None:
    """ "3年来"/"近3年": 1 January of ref.year-3 .. ref; "今后两年": ref .. ref + 2 years - 1 day."""
    months = {"day": 0, "week": 0, "month": count, "quarter": count * 3, "year": count * 12}[unit]
    days = count * (7 if unit == "week" else 1) if unit in ("day", "week") else 0
    sign = -1 if direction == "back" else 1
    if months:
        year, month = add_months(ref.year, ref.month, int(sign * months))
        if not 1 <= year <= 9999:
            return None
        other = safe_date(year, month, min(ref.day, last_day(year, month).day))
    else:
        other = _shift(ref, int(sign * days))
    if other is None:
        return None
    whole_years = unit == "year" and count == int(count)
    precision = _span_precision(unit, whole_years)
    if direction == "back":
        if whole_years:
            other = date(ref.year - int(count), 1, 1) if ref.year - int(count) >= 1 else None
        if other is None:
            return None
        edtf_from = f"{other.year:04d}" if whole_years else other.isoformat()
        return Reading(other, ref, precision, Kind.RELATIVE, edtf_from, ref.isoformat(), 0.8)
    end = _shift(other, -1) or other
    return days_reading(ref, end, precision, Kind.RELATIVE, 0.7)


def _whole_units(ref: date, count: int, unit: str, sign: int) -> Reading | None:
    """ "下两个月": the two whole months after ref's; "上两周": the two whole weeks before ref's week."""
    if count != int(count) or count < 1 or unit not in ("month", "week", "quarter", "day", "year"):
        return None
    if unit == "day":
        first = ref + timedelta(days=1 if sign > 0 else -count)
        return days_reading(first, first + timedelta(days=count - 1), Precision.DAY, Kind.RELATIVE, 0.8)
    if unit == "year":
        first_year = ref.year + 1 if sign > 0 else ref.year - count
        return years_reading(first_year, first_year + count - 1, Kind.RELATIVE, confidence=0.8)
    if unit == "week":
        first = week_monday(ref, 1 if sign > 0 else -count)
        return days_reading(first, first + timedelta(days=7 * count - 1), Precision.DAY, Kind.RELATIVE, 0.8)
    size = 3 if unit == "quarter" else 1
    base = ref.year * 12 + (ref.month - 1) // size * size
    first = base + size if sign > 0 else base - size * count
    (y1, m1), (y2, m2) = divmod(first, 12), divmod(first + size * count - 1, 12)
    if not 1 <= y1 <= y2 <= 9999:
        return None
    start, end = date(y1, m1 + 1, 1), last_day(y2, m2 + 1)
    precision = Precision.SEASON if unit == "quarter" else Precision.MONTH
    return Reading(
        start, end, precision, Kind.RELATIVE, f"{y1:04d}-{m1 + 1:02d}", f"{y2:04d}-{m2 + 1:02d}", 0.8
    )


def _span_precision(unit: str, whole_years: bool) -> Precision:
    """Whole years back or ahead are multi-year; "半年来" and months are month; days and weeks day."""
    if whole_years:
        return Precision.MULTI_YEAR
    return Precision.DAY if unit in ("day", "week") else Precision.MONTH


def _first_units(ctx: Context, count: int, unit: str) -> Reading | None:
    """ "前三季度" = January .. September of the year (given, or ref's); "前两个月" = Jan–Feb."""
    year = ctx.year or ctx.ref.year
    months = {"quarter": 3 * count, "month": count}.get(unit)
    if months is None or not 1 <= months <= 12:
        return None
    precision = Precision.SEASON if unit == "quarter" else Precision.MONTH
    return month_reading(
        year, 1, months, Kind.RELATIVE if ctx.year is None else Kind.ABSOLUTE, precision, confidence=0.85
    )


def read_time(g: dict[str, str]) -> tuple[time | None, bool]:
    """(time of day, weak) from a "time" match; weak means a bare "9时" that needs a date beside it.

    A bare start hour ("9~11点") is a time only with the end of its range.
    """
    for suffix, weak in (("", False), ("2", False), ("3", True), ("4", True), ("5", True)):
        hour_text = g.get(f"t_h{suffix}")
        if hour_text is None:
            continue
        if suffix == "5" and "te_h" not in g:
            return None, weak
        period = g.get("t_per") or g.get("t_per5")
        at = _clock(hour_text, g.get(f"t_m{suffix}"), g.get(f"t_half{suffix}"), g.get(f"t_q{suffix}"), period)
        return at, weak
    return None, True


def read_end_time(g: dict[str, str], start: time | None) -> time | None:
    """The end of a time range ("至11时", "-17:00"); the start's period word carries over
    ("晚上9~11点" ends at 23:00). None when there is no end or it is not after the start.
    """
    if start is None or "te_h" not in g:
        return None
    period = g.get("te_per") or g.get("t_per") or g.get("t_per5")
    end = _clock(
        g["te_h"], g.get("te_m") or g.get("te_m2") or g.get("te_m3"), g.get("te_half"), g.get("te_q"), period
    )
    if end is not None and end < start and end.hour < 12 and "te_per" not in g:
        end = end.replace(hour=end.hour + 12)  # "今晚8点至8点半": the evening carries over
    return end if end is not None and end > start else None


def _clock(
    hour_text: str, minute_text: str | None, half: str | None, quarter: str | None, period: str | None
) -> time | None:
    hour, minute = read_number(hour_text), 0
    if minute_text:
        minute = read_number(minute_text)
    elif half:
        minute = 30
    elif quarter:
        minute = 15 if quarter[0] in "一1" else 45
    if hour is None or minute is None:
        return None
    if period is not None:
        hour = _with_period(hour, period)
    if not (0 <= hour <= 23 and 0 <= minute <= 59):
        return None
    return time(hour, minute)


def _with_period(hour: int, period: str) -> int:
    """ "下午3点" is 15:00; "中午12点" stays 12:00, "中午1点" is 13:00; "凌晨/夜里12点" are 0:00."""
    if patterns.DAY_PERIODS[period] == 12:
        if period in ("中午", "午间"):
            return hour + 12 if hour < 11 else hour
        if hour == 12 and period not in ("下午", "傍晚"):
            return 0  # "夜里12点", "晚上12点" are midnight; kept on the same day
        if hour < 6 and period in ("半夜", "午夜", "深夜", "夜里"):
            return hour  # "半夜1点" is in the small hours
        return hour + 12 if hour < 12 else hour
    return 0 if hour == 12 and period == "凌晨" else hour


def resolve_time(g: dict[str, str], ctx: Context) -> Reading | None:
    """A time of day with no date: on the last day the text mentioned, or ref (low confidence)."""
    at, weak = read_time(g)
    if at is None:
        return None
    end_time = read_end_time(g, at)
    if weak:
        # A bare "9时" or "9:30" counts only beside a day; ``combine`` drops it otherwise.
        return Reading(
            None,
            None,
            Precision.DAY,
            Kind.RELATIVE,
            "",
            valid=False,
            time=at,
            end_time=end_time,
            note="bare time",
        )
    day = ctx.anchor_day or ctx.ref
    return day_reading(day, Kind.RELATIVE, 0.6 if ctx.anchor_day else 0.4, time=at, end_time=end_time)


RELATIVE_RESOLVERS = {
    "rday": resolve_relative_day,
    "aday": resolve_anchored_day,
    "pday": resolve_paren_day,
    "rspan": resolve_relative_span,
    "nthwd": resolve_nth_weekday,
    "week": resolve_week,
    "qrel": resolve_quarter,
    "vague": resolve_vague,
    "dur": resolve_duration,
    "time": resolve_time,
}
