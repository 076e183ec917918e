"""Joins neighbouring pieces: a date and its lunar or weekday clue, a date and its time, two ends of a range.

Corroboration: a lunar date or weekday printed beside a Gregorian date must agree with it.
When the Gregorian year is not printed and the clue disagrees with the reference-year
reading, the years ``ref.year - 30 .. ref.year + 1`` are searched for ones where both
agree and the one closest to ref wins (the earlier on a tie): "3月11日，农历二月初二" read
on 2025-06-01 is 2024-03-11. A year moved by a weekday alone is less sure (0.7, or 0.5 when
moved by more than a year) than one moved by a lunar date (0.9). When none agrees, or the
year is printed, the Gregorian reading stays with low confidence (0.3) and a note.
"""

from __future__ import annotations

import calendar
import re
from collections.abc import Callable
from datetime import date, timedelta
from functools import partial
from typing import TYPE_CHECKING

from . import calendars, patterns
from .reading import Reading, add_months, last_day, safe_date, shift_years
from .resolve_relative import nth_weekday, read_end_time, read_time
from .types import Kind, Precision

if TYPE_CHECKING:
    from .parser import Piece

_TOUCH = re.compile(patterns.GAP)
_TIME_GAP = re.compile(r"[ \t\r\n，,]{0,2}")
_GREGORIAN = {"cal_y", "cal_m", "iso", "bareday", "rangeday", "dotday", "numdate"}
# Relative words a printed date may restate in brackets: "昨天（3月14日）".
_RESTATABLE = {"rday", "aday", "week", "fest"}
SEARCH_BACK, SEARCH_AHEAD = 30, 1
_WEEKDAY_LIST = re.compile(r"[、,，和及](?:周|星期|礼拜)?[一二三四五六日天]")
_BRACKET_REST = re.compile(r"[^（）()\n]{0,12}[）)]")


def touching(norm: str, end: int, start: int) -> bool:
    """True when only a short run of whitespace separates two pieces."""
    return _TOUCH.fullmatch(norm, end, start) is not None


def linked(norm: str, end: int, start: int) -> bool:
    """True when two pieces are the ends of a range or items of a list ("11日至13日", "11日、12日").

    A short bracketed clue may sit between them: "11月1日（周五）至3日".
    """
    bracket = patterns.BRACKETED_CLUE.match(norm, end, start)
    if bracket is not None:
        end = bracket.end()
    return bool(
        patterns.RANGE_GAP.fullmatch(norm, end, start) or patterns.LIST_GAP.fullmatch(norm, end, start)
    )


def join(norm: str, pieces: list[Piece], ref: date | None = None) -> list[Piece]:
    """Merge clues, then times, then ranges; each pass keeps text order.

    ``ref`` (the publication day) lets a weekday pick the month of a bare "22日（星期日）".
    """
    pieces = _pairwise(norm, pieces, _nth_of_month)
    pieces = _pairwise(norm, pieces, _same_day_of)
    pieces = _pairwise(norm, pieces, _weekday_of_week)
    # A weekday moves a year only when the text prints none: a page line
    # ("发布时间：2024-06-17") or any printed year fixes it, and a disagreeing weekday is
    # then a misprint that only lowers confidence.
    printed_year = any(p.reading.clue for p in pieces) and any(_prints_year(p) for p in pieces)
    pieces = _pairwise(norm, pieces, partial(_corroborate, ref=ref, printed_year=printed_year))
    pieces = [_unit_end_day(norm, p) for p in pieces]
    pieces = _pairwise(norm, pieces, _attach_time)
    pieces = [p for p in pieces if p.family != "time" or p.reading.valid]
    return _pairwise(norm, pieces, _make_range)


def _pairwise(
    norm: str, pieces: list[Piece], merge: Callable[[str, Piece, Piece], Piece | None]
) -> list[Piece]:
    """Run ``merge`` on each piece and the one before it; a merged piece can merge again."""
    out: list[Piece] = []
    for piece in pieces:
        if out:
            merged = merge(norm, out[-1], piece)
            if merged is not None:
                out[-1] = merged
                continue
        out.append(piece)
    return out


# ---------------------------------------------------------------- "6月第3个星期日"

_OF_GAP = re.compile(rf"{patterns.GAP}的?{patterns.GAP}")


def _nth_of_month(norm: str, left: Piece, right: Piece) -> Piece | None:
    """A month and the n-th weekday after it ("十月的第一个星期一") are one day."""
    a = left.reading
    if right.family != "nthwd" or not a.valid or a.precision != Precision.MONTH:
        return None
    if (a.start.year, a.start.month) != (a.end.year, a.end.month) or not _OF_GAP.fullmatch(
        norm, left.end, right.start
    ):
        return None
    d = nth_weekday(a.start.year, a.start.month, right.groups)
    if d is None:
        left.reading = Reading(
            None,
            None,
            Precision.DAY,
            a.kind,
            "",
            valid=False,
            confidence=0.0,
            note="no such weekday in the month",
        )
    else:
        left.reading = a.but(
            start=d, end=d, precision=Precision.DAY, edtf_from=d.isoformat(), edtf_to=d.isoformat()
        )
    left.end = right.end
    return left


# ---------------------------------------------------------------- "前年的今天"

_TODAY = frozenset(w for w, offset in patterns.RELATIVE_DAYS.items() if offset == 0 and w[0] in "今本")


def _same_day_of(norm: str, left: Piece, right: Piece) -> Piece | None:
    """ "前年的今天", "三年前的今天", "上个月的今天", "下周的今天": today's date in that year,
    month or week (29 February falls back to the 28th)."""
    a = left.reading
    if (
        right.groups.get("rday") not in _TODAY
        or not a.valid
        or not _OF_GAP.fullmatch(norm, left.end, right.start)
    ):
        return None
    today = right.reading.start
    if a.precision == Precision.YEAR and a.start.year == a.end.year:
        d = _clamped(a.start.year, today.month, today.day)
    elif a.precision == Precision.MONTH and (a.start.year, a.start.month) == (a.end.year, a.end.month):
        d = _clamped(a.start.year, a.start.month, today.day)
    elif a.precision == Precision.DAY and (a.end - a.start).days == 6 and a.start.weekday() == 0:
        d = a.start + timedelta(days=today.weekday())
    else:
        return None
    if d is None:
        return None
    left.reading = Reading(
        d, d, Precision.DAY, Kind.RELATIVE, d.isoformat(), d.isoformat(), min(a.confidence, 0.9)
    )
    left.end = right.end
    return left


def _weekday_of_week(norm: str, left: Piece, right: Piece) -> Piece | None:
    """ "3周后周五", "下下周的周六": that weekday of the week named before it."""
    a, day = left.reading, right.groups.get("wk_d2")
    if (
        right.family != "week"
        or day not in patterns.WEEKDAYS
        or not a.valid
        or a.precision != Precision.DAY
        or (a.end - a.start).days != 6
        or a.start.weekday() != 0
        or not _OF_GAP.fullmatch(norm, left.end, right.start)
    ):
        return None
    d = a.start + timedelta(days=patterns.WEEKDAYS[day])
    left.reading = Reading(
        d, d, Precision.DAY, Kind.RELATIVE, d.isoformat(), d.isoformat(), min(a.confidence, 0.85)
    )
    left.end = right.end
    return left


def _clamped(year: int, month: int, day: int) -> date | None:
    if not 1 <= year <= 9999:
        return None
    return date(year, month, min(day, calendar.monthrange(year, month)[1]))


# ---------------------------------------------------------------- corroboration


def _prints_year(piece: Piece) -> bool:
    r = piece.reading
    return r.valid and r.kind == Kind.ABSOLUTE and not r.year_inferred and r.start is not None


def _corroborate(
    norm: str, left: Piece, right: Piece, ref: date | None = None, printed_year: bool = False
) -> Piece | None:
    if left.family in _RESTATABLE and right.family in _GREGORIAN and _is_day(left) and _is_day(right):
        return _restate(norm, left, right)
    if right.reading.clue and _is_day(left) and left.family in _GREGORIAN:
        date_piece, clue_piece = left, right
    elif left.reading.clue and _is_day(right) and right.family in _GREGORIAN:
        date_piece, clue_piece = right, left
    else:
        return None
    if not patterns.CLUE_GAP.fullmatch(norm, left.end, right.start):
        return None
    if patterns.RANGE_GAP.match(norm, right.end):
        return None  # "13日（周一至周三）": the weekday starts a range of its own, it is no clue
    clue = clue_piece.reading.clue
    if clue[0] == "weekday" and clue_piece is right and _WEEKDAY_LIST.match(norm, right.end):
        # "27、28日（星期六、日）": the weekdays of the whole list, the first of them the first
        # day's; the bracket is taken in without a check rather than left as a day of its own.
        close = _BRACKET_REST.match(norm, right.end)
        left.reading = date_piece.reading.but(clue=())
        left.end = close.end() if close else right.end
        return left
    if clue[0] == "weekday" and ("，" in norm[left.end : right.start] or "," in norm[left.end : right.start]):
        # "3月11日，周三将……" may start the next statement; a weekday clue sits right beside
        # its date or in brackets ("3月11日（星期一）"). "，农历二月初二" is the usual lunar form.
        return None
    if clue[0] == "lunar" and clue[2] is None:
        return None
    end = right.end
    close = patterns.CLUE_CLOSE.match(norm, end)
    if close and "(" in norm[left.end : right.start] or close and "（" in norm[left.end : right.start]:
        end = close.end()
    left.reading = _agree(
        date_piece.reading,
        clue,
        kind=Kind.LUNAR if clue[0] == "lunar" else date_piece.reading.kind,
        ref=ref,
        printed_year=printed_year,
    )
    left.end = end
    left.family = date_piece.family
    return left


def _restate(norm: str, left: Piece, right: Piece) -> Piece | None:
    """ "昨天（3月14日）", "下周一（3月18日）": one mention; the printed date wins a disagreement."""
    gap = norm[left.end : right.start]
    close = patterns.CLUE_CLOSE.match(norm, right.end)
    if (
        not ("（" in gap or "(" in gap)
        or close is None
        or not patterns.CLUE_GAP.fullmatch(norm, left.end, right.start)
    ):
        return None
    printed = right.reading
    if right.family == "bareday":
        # "下周二（10日）": the bracket gives only the day; its month is the word's, not that
        # of some earlier "11月份" (the nearest month to the word's day that has the 10th).
        printed = _nearest_same_day(printed, left.reading.start)
    if printed.start == left.reading.start:
        reading = printed.but(confidence=max(printed.confidence, 0.95), note="")
    else:
        note = f"the word before this date points to {left.reading.start.isoformat()}"
        reading = printed.but(confidence=min(printed.confidence, 0.5), note=note)
    left.reading, left.end, left.family = reading, close.end(), right.family
    return left


def _nearest_same_day(printed: Reading, near: date) -> Reading:
    """The printed day of the month in the month nearest ``near`` (its own, the one before or after)."""
    found = []
    for delta in (-1, 0, 1):
        year, month = add_months(near.year, near.month, delta)
        d = safe_date(year, month, printed.start.day)
        if d is not None:
            found.append(d)
    if not found:
        return printed
    best = min(found, key=lambda d: abs((d - near).days))
    return printed.but(
        start=best, end=best, edtf_from=best.isoformat(), edtf_to=best.isoformat(), month=best.month
    )


def _is_day(piece: Piece) -> bool:
    r = piece.reading
    return r.valid and r.precision == Precision.DAY and r.start == r.end


def _matches(d: date, clue: tuple) -> bool:
    if clue[0] == "weekday":
        return d.weekday() == clue[1]
    try:
        _, month, day, leap = calendars.solar_to_lunar(d)
    except ValueError:
        return False
    return (month, day, leap) == (clue[1], clue[2], clue[3])


def _agree(
    reading: Reading, clue: tuple, kind: Kind, ref: date | None = None, printed_year: bool = False
) -> Reading:
    """The Gregorian reading checked against (or re-dated by) its lunar or weekday clue."""
    d = reading.start
    if _matches(d, clue):
        return reading.but(kind=kind, confidence=max(reading.confidence, 0.95), clue=())
    label = "lunar date" if clue[0] == "lunar" else "weekday"
    if reading.month_inferred and ref is not None:
        # "22日（星期日）" read on 2024-09-20: the month around ref where the 22nd is a Sunday
        # (September), before any year is moved; the past-tense guess of last month yields.
        near = _month_fitting(d.day, clue, ref)
        if near is not None:
            return reading.but(
                start=near, end=near, edtf_from=near.isoformat(), edtf_to=near.isoformat(),
                month=near.month, kind=kind, confidence=0.9, clue=(),
            )  # fmt: skip
    if reading.year_inferred and clue[0] == "weekday" and printed_year:
        note = f"the {label} beside this date disagrees with it; the year the text gives stands"
        return reading.but(confidence=min(reading.confidence, 0.5), clue=(), note=note)
    if reading.year_inferred:
        ref_year = d.year
        candidates = []
        for year in range(ref_year - SEARCH_BACK, ref_year + SEARCH_AHEAD + 1):
            try:
                other = d.replace(year=year)
            except ValueError:
                continue
            if _matches(other, clue):
                candidates.append(other)
        if candidates:
            best = min(candidates, key=lambda c: (abs(c.year - ref_year), c.year))
            moved = reading.but(start=best, end=best, edtf_from=best.isoformat(), edtf_to=best.isoformat())
            # A weekday fits one year in seven, a lunar date one in about thirty: a weekday that
            # moves the date is weaker evidence, the more so the further it moves it.
            confidence = 0.9 if clue[0] == "lunar" else (0.7 if abs(best.year - ref_year) <= 1 else 0.5)
            return moved.but(
                kind=kind,
                confidence=confidence,
                year_inferred=False,
                clue=(),
                note=f"year {best.year} chosen: the {label} beside it fits no nearer year",
            )
    return reading.but(confidence=0.3, clue=(), note=f"the {label} beside this date disagrees with it")


def _month_fitting(day: int, clue: tuple, ref: date) -> date | None:
    """The ``day`` in ref's month, the one before or the one after that fits the clue, nearest ref."""
    found = []
    for delta in (-1, 0, 1):
        year, month = add_months(ref.year, ref.month, delta)
        d = safe_date(year, month, day)
        if d is not None and _matches(d, clue):
            found.append(d)
    return min(found, key=lambda d: abs((d - ref).days)) if found else None


# A whole month, year or week (not a vague span, not a season) before "的第一天"/"最后一天".
_UNIT_PRECISIONS = frozenset({Precision.MONTH, Precision.YEAR})


def _unit_end_day(norm: str, piece: Piece) -> Piece:
    """ "今年最后一天" is 31 December, "下个月的第一天" the 1st, "下周的第一天" Monday."""
    r = piece.reading
    if not r.valid or r.start is None or r.open_end:
        return piece
    week = r.precision == Precision.DAY and (r.end - r.start).days == 6 and r.start.weekday() == 0
    if not (week or r.precision in _UNIT_PRECISIONS):
        return piece
    match = patterns.UNIT_END_DAY.match(norm, piece.end)
    if match is None:
        return piece
    if match["month"]:  # "今年最后一个月", "明年首月": a year's first or last month
        if r.precision != Precision.YEAR or r.start.year != r.end.year:
            return piece
        month = 12 if match["month"] == "最后一个月" else 1
        first, last = date(r.start.year, month, 1), last_day(r.start.year, month)
        piece.reading = r.but(
            start=first, end=last, precision=Precision.MONTH, edtf_from=first.isoformat()[:7],
            edtf_to=first.isoformat()[:7], month=month,
        )  # fmt: skip
        piece.end = match.end()
        return piece
    d = r.start if match["which"] in ("第一天", "第一日", "头一天", "首日") else r.end
    piece.reading = r.but(
        start=d, end=d, precision=Precision.DAY, edtf_from=d.isoformat(), edtf_to=d.isoformat(), month=d.month
    )
    piece.end = match.end()
    return piece


# ---------------------------------------------------------------- times of day


def _attach_time(norm: str, left: Piece, right: Piece) -> Piece | None:
    if (
        right.family != "time"
        or left.family == "time"
        or not left.reading.valid
        or left.reading.start is None
    ):
        return None
    if left.reading.start != left.reading.end or left.reading.time is not None:
        return None
    if not _TIME_GAP.fullmatch(norm, left.end, right.start):
        return None
    at, _ = read_time(right.groups)
    if at is None:
        return None
    if norm[left.end - 1] in ("晚", "夜") and "t_per" not in right.groups and at.hour < 12:
        at = at.replace(hour=at.hour + 12)  # "今晚7时" and "今夜8点" are 19:00 and 20:00
    left.reading = left.reading.but(time=at, end_time=read_end_time(right.groups, at))
    left.end = right.end
    return left


# ---------------------------------------------------------------- ranges


def _weekday_end(left: Piece, right: Piece) -> Reading | None:
    """The end of "上周五至周日": a bare weekday after a weekday is in the start's week, or the next.

    "上周五至周日" is Friday–Sunday of last week, and "上周六至周二" Saturday to the Tuesday
    after it. A qualified end ("周五至下周一") keeps its own week: None.
    """
    end_day = patterns.RANGE_END_WEEKDAYS.get(right.groups.get("wk_d2") or right.groups.get("wk_d4") or "")
    if left.family != "week" or right.family != "week" or end_day is None or not _is_day(left):
        return None
    start = left.reading.start
    d = start + timedelta(days=(end_day - start.weekday()) % 7)
    return right.reading.but(
        start=d, end=d, edtf_from=d.isoformat(), edtf_to=d.isoformat(), confidence=left.reading.confidence
    )


def _next_month_day(reading: Reading) -> Reading | None:
    year, month = add_months(reading.start.year, reading.start.month, 1)
    d = safe_date(year, month, reading.start.day)
    return reading.but(start=d, end=d, edtf_from=d.isoformat(), edtf_to=d.isoformat()) if d else None


def _ends_a_month(piece: Piece) -> bool:
    """ "月底", "本月底", "3月末": a month's end word (the range runs through its last day)."""
    part = piece.groups.get("mpart") or piece.groups.get("mpart_s") or ""
    return part.removeprefix("月") in ("底", "末", "尾")


def _make_range(norm: str, left: Piece, right: Piece) -> Piece | None:
    a, b = left.reading, right.reading
    # "自3月11日起至15日": the start's "起" opens a range the "至" then closes.
    if not (a.valid and b.valid) or b.open_end:
        return None
    if Precision.VAGUE in (a.precision, b.precision) and not _is_day(left):
        return None
    # "3月11日（一）至15日（五）": a short bracketed clue may sit before the dash.
    bracket = patterns.BRACKETED_CLUE.match(norm, left.end, right.start)
    gap_start = bracket.end() if bracket is not None else left.end
    between = patterns.LIST_GAP.fullmatch(norm, left.end, right.start) and patterns.BETWEEN.match(
        norm, right.end
    )
    if not (patterns.RANGE_GAP.fullmatch(norm, gap_start, right.start) or between):
        return None
    b = _weekday_end(left, right) or b
    if b.precision == Precision.VAGUE and _ends_a_month(right):
        # "即日起至本月底", "3月5日至月末": the end of a range is the month's last day, exactly.
        b = b.but(start=b.end, precision=Precision.DAY)
    if b.end < a.start and right.family in ("rangeday", "bareday"):
        b = _next_month_day(b)  # "12日到3日": a bare end day before the start is next month's
    elif b.end < a.start and b.year_inferred:
        b = shift_years(b, 1)  # "12月28日至1月3日": the end runs into the next year
    if b is None or b.end < a.start:
        return None
    precision = max(a.precision, b.precision, key=lambda p: p.rank)
    if precision == Precision.YEAR and a.start.year != b.end.year:
        precision = Precision.MULTI_YEAR
    edtf_to = b.edtf_to or b.edtf_from
    reading = Reading(
        a.start,
        b.end,
        precision,
        Kind.RANGE,
        a.edtf_from,
        edtf_to,
        min(a.confidence, b.confidence),
        time=a.time,
        # "12月17日上午9时至12月19日下午5时": the end day's own time ends the range.
        end_time=(b.end_time or b.time) if b.time is not None else None,
    )
    left.reading = reading
    left.end = between.end() if between else right.end
    return left
