"""Turns one matched expression into calendar days, following the conventions below.

Plain Python. Readings chosen where readers could differ:

* A year-less date takes the reference (publication) year: "3月11日" is in ref's year,
  unless a lunar date or weekday beside it says otherwise (see ``combine``). When that
  puts it more than half a year after ref ("12月28日" read on 5 January) the rule still
  holds, but confidence drops to 0.5 with a note: it is probably last year's.
* A bare day ("15日", "13号" after a dash) takes the month of the date before it in a range
  or list, else the month (and year) of the last date the text printed with a month
  ("3月11日至13日……11日上午" is 3月11日), else ref's month; a bare "下旬" the month of the
  last day the text mentioned. A bare day later than ref's day in a clause that reports the
  past ("27日，……举行/签署/召开", read on the 10th) is last month's, unless the clause speaks
  of the future ("将/拟/定于/届时", "27日起"): see ``surroundings.clause_tense``. The same
  future clause moves a year-less date that would already be past into the next year ("将于1月
  10日开幕" read on 20 December; confidence 0.8), and so does a clause that is only the date
  before one announcing the future ("1月10日，…将在…开幕"), when the date would be over two
  months past (``surroundings.leads_future``). Under a
  dated dateline ("东南网5月9日讯") the filing day stands in for ref, and the dateline's own
  month is not a printed month for the bare days after it.
* A publication line ("2022-11-08 09:30 来源：新华网", "发布时间：…", a stamp down to the
  second) gives a mention with ``role="page"``, a dateline's day ``role="dateline"``, and a printed year right before an event's name ("2022年全国科技活动周",
  "2021杭州数字经济周") one with ``role="name"``: the extractor dates no event by them.
* A range whose end has no year and comes before its start runs into the next year
  ("12月28日至1月3日"); the text's own words ("去年12月") always win over any default.
* A year-less lunar date falls in the lunar year that contains the reference day; a
  sexagenary year ("农历甲辰年") is the one of that name nearest ref; a year-less "闰四月"
  in a lunar year without one is the nearest year that has it.
* A festival or solar term with a year is the one inside that Gregorian year ("2023年除夕"
  is 2023-01-21, "2019年大寒" is 2019-01-20); a year-less one is the one inside ref's
  Gregorian year (so "元宵节" read in December is the past one: add a year to mean the next).
* Ranges are inclusive; weeks run Monday–Sunday ("下周三" is Wednesday of next week even on
  a Monday); a bare weekday ("周三") is that day of ref's week. "周末" is Saturday–Sunday:
  bare "周末" in news is the most recent weekend on or before ref (confidence 0.4);
  "本周末/上周末/下周末" are explicit. In a range, a bare end weekday is in the start's week,
  or the next when it would come first: "上周五至周日" is Fri–Sun of last week, "上周六至周二"
  Saturday to the Tuesday after it; "周五至下周一" keeps its own week.
* "国庆假期", "五一假期", "春节期间", "十一黄金周": the statutory holiday's days (precision day),
  from the State Council schedule where ``chinesecalendar`` has it, else the usual rule
  (see ``holidays``) at confidence 0.6. A bare "清明" (in context) is the solar term.
* "上旬/中旬/下旬" are days 1–10 / 11–20 / 21–end (precision day: the bounds are exact; a
  note says the text names no single day);
  "月初/月中/月底" the same days but vague. "年初" is January–February and "年中"
  June–July (precision season), "年底/年末" December (precision month); quarters are
  precision season, "上半年/下半年" half-year.
* "近日/日前" are ref-10..ref, "近期" ref-30..ref+30, "此前" ref-365..ref, "目前/如今/当前"
  ref (all vague). "月中" is days 11–20 and "上旬末" days 8–10 (vague).
  "近年来" and "近几年" are 1 January of ref.year-3 .. ref (vague); "N年来"/"近N年" are
  1 January of ref.year-N .. ref (multi-year); "今后N年/未来N年" ref .. ref + N years - 1 day.
* "N天前/后" is a day, "N个月前" that month, "N年前" that year, "N周前" that week.
* A year-less date before "以来/至今" is the latest one not after ref ("10月份以来" read in
  March is last October .. ref): the words say it is past.
* "2024年起" starts 2024-01-01 with an open end (edtf "2024/..", end = 2024-12-31 as the
  first unit); "2024年以来" and "“十四五”以来" run to ref (edtf "2021/2025-11-07").
* "十四五" is 2021–2025 (plan n starts in 1966 + 5(n-3)); "20世纪90年代" is 1990–1999 and
  "20世纪" 1900–1999 (the popular reading, not the strict 1901–2000).
* Two-digit years: "95年6月" is 1995; a year more than a year ahead of ref goes to the 1900s
  (the window is ref.year - 98 .. ref.year + 1). A two-digit year counts only before a month,
  a part of the year, a festival or 农历, except "09年"/"零九年" (a count never starts with a
  zero) and 85–99 before "以后/以前/以来" ("98年以后" is after 1998, not 98 years on).
* "2015年以后", "3月之后" open like "起": the start, with an open end.
* ROC (Taiwan) years: "民國113年", "中華民國一一三年" are 2024 (ROC year + 1911); a
  three-digit year without 民國 counts only as 100–129 right before a month ("113年3月");
  "民國70年代" is ROC 70–79, 1981–1990; "今（2024）年", "今（113）年" take the bracketed number. "本（3）月", "下(4)月" are the
  word's month checked against the printed one: on a disagreement the printed month wins,
  in the year nearest the word's month (confidence 0.5).
* A lone weekday character in brackets right after a day ("3月11日（一）", Taiwan's habit)
  is a weekday clue like "（星期一）"; "3/11" is a date only with such a clue after it.
* Seasons follow the solar terms (see ``calendars``); a year-less season is that season of
  ref's year, except that a winter word read before 立春 means the winter containing ref.
* "去年本月20日", "明年同月": the month word's month in the printed year. "明年的5月份",
  "2023年的春节": a year before "的" is the year of what follows it.
* "前年的今天", "三年前的今天", "上个月的今天": ref's day in that year, month or week.
* "下两个月", "上两周", "下三个季度": the whole months, weeks or quarters after (before) ref's;
  "前三年", "前两周" alone the whole years (weeks) before ref's (Duckling's "前两年");
  "30日内" is ref .. ref + 29.
* "当天/当日/次日/当晚", "当月/次月" and "当年/同年/次年" count from the last day, month or
  year the text mentioned, or from ref when there is none (then with lower confidence).
* Recurring times ("每周一至周五", "每月15日", "每年3月", "每天晚上8点") are no mention at all:
  after "每年/每天/每月…" the date or time right after it (and the end of its range) is dropped.
* "昨（14）日", "今（15）日": the word's day, checked against the printed day; on a
  disagreement the printed day wins, in the month nearest the word's day (confidence 0.5).
* "6月第3个星期日", "十月的第一个星期一": that day of that month; with no month before it,
  of the month of the last day mentioned, else ref's (confidence 0.5).
* "2024—2025学年" is 2024-09-01 .. 2025-08-31 (precision year, edtf "2024-09/2025-08").
* "X前夕" (X a festival) is the three days before it and "迎X" the 30 days before it (both
  vague; see ``patterns.FESTIVAL_LEAD_DAYS``); "X前后" is X and three days either side
  (vague); "X前一天" is the eve. "节前/节后" opening a
  clause are the week before / after the last festival the text named (vague); with no
  festival named before them they are no mention.
* Compact numeric dates: "2019.10" is October 2019 and "2019.10-2021.06" its months (CV
  style), "20190520" a day; "5.20", "5/20-5/26" are days of ref's year only after a word that
  introduces a date ("定于", "时间：", "展期") or before one that follows only a date (a
  bracketed weekday, "上午", "举行", "起"); otherwise they are numbers (versions, scores, prices).
* "元月" is January (Gregorian; "正月" is the lunar first month).
* A Chinese-numeral month and day without 日 ("五月二十", "二〇一九年十月八") is Gregorian;
  lunar only with a lunar cue (农历/阴历, 正/冬/腊月, 初X/廿X/卅 days, 闰) or for the month-days
  a festival made lunar by habit (``patterns.LUNAR_FESTIVAL_DAYS``: "八月十五", "三月三").
* Times of day: ``time`` is the start; a range ("上午9时至11时", "9:00-17:00") also gives
  ``end_time``, carrying the start's period word ("晚上9~11点" ends at 23:00).
"""

from __future__ import annotations

from datetime import date

from . import patterns
from .holidays import resolve_holiday
from .numerals import read_number
from .reading import (
    Context,
    Reading,
    add_months,
    day_reading,
    days_reading,
    invalid,
    last_day,
    month_reading,
    safe_date,
    shift_years,
    until_ref,
    years_reading,
)
from .resolve_named import NAMED_RESOLVERS
from .resolve_relative import RELATIVE_RESOLVERS
from .types import Kind, Precision

# Words that run a date up to the reference day ("2024年以来", "3月至今").
SINCE_WORDS = ("以来", "至今", "起至今", "迄今", "起迄今")
# A year-less date more than this many days after ref keeps ref's year but loses confidence.
FAR_AHEAD_DAYS = 183


def resolve(family: str, g: dict[str, str], ctx: Context) -> Reading | None:
    """The reading of one matched expression, or None when the match is not a date after all."""
    return _RESOLVERS[family](g, ctx)


# ---------------------------------------------------------------- years, months, days


def read_year(g: dict[str, str], ctx: Context) -> tuple[int | None, Kind, float]:
    """(year, kind, confidence) from the year groups of a "cal_y" match; year None if unreadable."""
    if "y4" in g:
        return int(g["y4"]), Kind.ABSOLUTE, 1.0
    if "y4p" in g:
        return int(g["y4p"]), Kind.ABSOLUTE, 1.0
    if "yroc" in g or "yroc3" in g or "yrocp" in g:
        roc = _read_roc(g.get("yroc") or g.get("yroc3") or g["yrocp"])
        return (roc + patterns.ROC_OFFSET, Kind.ABSOLUTE, 1.0) if roc else (None, Kind.PARTIAL, 0.0)
    if "ycn" in g:
        return read_number(g["ycn"]), Kind.ABSOLUTE, 1.0
    if "y2" in g or "ycn2" in g or "y2z" in g or "y2r" in g or "ycn2z" in g or "y2p" in g:
        digits = g.get("y2") or g.get("y2z") or g.get("y2r") or g.get("y2p")
        yy = int(digits) if digits else read_number(g.get("ycn2") or g["ycn2z"])
        year = 2000 + yy if 2000 + yy <= ctx.ref.year + 1 else 1900 + yy
        if ctx.inherit_year is not None:
            # The end of a range or list keeps to its start: "18年10月1日到19年2月3日" read in
            # 2017 ends in 2019, not 1919.
            year = min(
                (1900 + yy, 2000 + yy), key=lambda y: (y < ctx.inherit_year, abs(y - ctx.inherit_year))
            )
        return year, Kind.ABSOLUTE, 0.8
    word = g.get("yrel", "")
    if word in patterns.RELATIVE_YEARS:
        return ctx.ref.year + patterns.RELATIVE_YEARS[word], Kind.RELATIVE, 0.95
    if word in patterns.ANCHORED_YEARS:
        base = ctx.anchor_year
        confidence = 0.7 if base is not None else 0.4
        return (
            (base if base is not None else ctx.ref.year) + patterns.ANCHORED_YEARS[word],
            Kind.RELATIVE,
            confidence,
        )
    return None, Kind.PARTIAL, 0.0


def _read_roc(token: str) -> int | None:
    """An ROC year: "113", "一一三", "八十九", "一百一十三", "一百零一", "元" (1)."""
    if token == "元":
        return 1
    if token.startswith("一百"):
        rest = token[2:].removeprefix("零")
        return 100 + (read_number(rest) or 0) if rest else 100
    return read_number(token)


def _restated_month(word: str, printed: int | None, ctx: Context) -> tuple[int, int, float]:
    """(year, month, confidence) of "下（4）月": the word's month, checked against the printed one.

    On a disagreement the printed month wins, in the year that puts it nearest the word's month.
    """
    year, month = add_months(ctx.ref.year, ctx.ref.month, patterns.RELATIVE_MONTHS[word])
    if printed is None or not 1 <= printed <= 12 or printed == month:
        return year, month, 0.95
    best = min((year - 1, year, year + 1), key=lambda y: abs(y * 12 + printed - (year * 12 + month)))
    return best, printed, 0.5


def _read_month(token: str | None) -> int | None:
    """ "3", "三", "十二"; "元月" is January."""
    if token == "元":
        return 1
    return read_number(token) if token else None


def resolve_calendar(g: dict[str, str], ctx: Context) -> Reading | None:
    """Year/month/day expressions: 2024年3月11日, 3月11—13日, 今年年底, 下月初, 2021—2025年, 2024年起."""
    year, kind, confidence = read_year(g, ctx) if g.get("_family") == "cal_y" else (None, Kind.PARTIAL, 0.85)
    if year is None and ctx.year is not None:  # "明年的5月份": a year folded in over "的"
        year, kind, confidence = ctx.year, Kind.RELATIVE if ctx.year_relative else Kind.ABSOLUTE, 0.9
    inferred = False
    if g.get("mrel"):
        word = g["mrel"]
        offset = patterns.ANCHORED_MONTHS.get(word, patterns.RELATIVE_MONTHS.get(word, 0))
        base = (ctx.anchor_day or ctx.ref) if word in patterns.ANCHORED_MONTHS else ctx.ref
        if year is not None and offset == 0:
            # "去年本月20日", "去年同月": this month's number in the year the text printed.
            month = base.month
        else:
            year, month = add_months(base.year, base.month, offset)
        kind, confidence = Kind.RELATIVE, 0.9
        month2 = month
    elif g.get("mpw"):
        year, month, confidence = _restated_month(g["mpw"] + "月", _read_month(g["mp"]), ctx)
        kind, month2 = Kind.RELATIVE, month
    else:
        month, month2 = _read_month(g.get("m1") or g.get("mcn")), _read_month(g.get("m2"))
    if year is None:
        if month is None:
            return None
        # The year is not printed: from the start of a range or list, else from ref. Either
        # way it is inferred, so a range end may move on a year and a clue may re-date it.
        year, inferred = (ctx.inherit_year or ctx.ref.year), True
    if month is None:
        reading = _year_reading(year, g, kind, confidence)
    else:
        reading = _month_reading(year, month, month2 or month, g, kind, confidence)
        if reading is not None and reading.valid:
            reading.year_inferred = inferred
            if inferred and ctx.inherit_year is None and (reading.start - ctx.ref).days > FAR_AHEAD_DAYS:
                # "12月28日" read on 5 January is probably last December: keep the rule, say so.
                reading.confidence = min(reading.confidence, 0.5)
                reading.note = "year taken from the reference day; the date is months after it"
    if reading is None or not reading.valid:
        return reading
    moved_on = ctx.anchor_month is None or ctx.anchor_month[0] > ctx.ref.year
    future = ctx.tense == "future" or (
        # "1月10日，…将在…开幕" read on 22 December: the date-only clause before a future one
        ctx.tense == "leads-future" and (ctx.ref - reading.end).days > patterns.FUTURE_NEXT_MIN_PAST_DAYS
    )
    if inferred and ctx.inherit_year is None and future and reading.end < ctx.ref and moved_on:
        # "将于1月10日开幕" read on 20 December is next January: a clause that speaks of the
        # future puts a year-less date that would already be past in the next year, unless the
        # text has already printed a date of ref's year ("4月23日开幕，展会将持续至4月26日" in a
        # repost read in September stays in April).
        later = shift_years(reading, 1)
        if later is not None:
            reading = later.but(
                confidence=0.8, note="year after the reference day's: the clause speaks of the future"
            )
    word = g.get("open")
    if word in SINCE_WORDS and inferred and reading.start > ctx.ref:
        # "10月份以来" read in March is last October: "以来" says the start is past.
        earlier = shift_years(reading, -1)
        if earlier is not None:
            reading = earlier.but(confidence=0.8, note="")
    return _open(reading, word, ctx.ref)


def _year_reading(year: int, g: dict[str, str], kind: Kind, confidence: float) -> Reading | None:
    if not 1 <= year <= 9999:
        return None
    if "y4b" in g or "yrocb" in g:
        roc_last = _read_roc(g["yrocb"]) if "yrocb" in g else None
        last = int(g["y4b"]) if "y4b" in g else (roc_last or 0) + patterns.ROC_OFFSET
        if last < year:
            return None
        return years_reading(year, last, Kind.RANGE, confidence=confidence)
    part = g.get("ypart")
    if part is None:
        return years_reading(year, year, kind, confidence=confidence)
    return year_part_reading(year, part, kind, confidence)


def year_part_reading(year: int, part: str, kind: Kind, confidence: float) -> Reading:
    """上半年 → Jan–Jun (half-year), 第一季度 → Jan–Mar (season), 年末 → December (month)."""
    first, last = patterns.YEAR_PARTS[part]
    if last - first == 5:
        precision = Precision.HALF_YEAR
    elif first == last:
        precision = Precision.MONTH
    else:
        precision = Precision.SEASON
    return month_reading(year, first, last, kind, precision, confidence=confidence)


def _month_reading(
    year: int, month: int, month2: int, g: dict[str, str], kind: Kind, confidence: float
) -> Reading | None:
    if not (1 <= month <= 12 and 1 <= month2 <= 12):
        return invalid(kind, Precision.MONTH, f"no month {max(month, month2)}")
    d1, d2 = g.get("d1") or g.get("d1b") or g.get("d1c"), g.get("d2") or g.get("d2c")
    if month2 < month:
        if d1 is not None or g.get("mpart") is not None:
            return None
        # "十二至一月": a month range that ends before it starts runs into the next year.
        first, last = month_reading(year, month, month, kind), month_reading(year + 1, month2, month2, kind)
        return first.but(end=last.end, kind=Kind.RANGE, edtf_to=last.edtf_from, confidence=confidence)
    if "d1b" in g or "d1c" in g:  # "1月3至2月10", "五月二十": a day printed without 日
        confidence = min(confidence, 0.8)
    if d1 is not None:
        if month2 != month:
            return None
        return _days_in_month(year, month, read_number(d1), read_number(d2) if d2 else None, kind, confidence)
    part = g.get("mpart")
    if part is not None and month2 == month:
        return month_part_reading(year, month, part, kind, confidence)
    reading = month_reading(
        year, month, month2, Kind.RANGE if month2 != month else kind, confidence=confidence
    )
    reading.month = month
    return reading


def _days_in_month(
    year: int, month: int, first: int | None, last: int | None, kind: Kind, confidence: float
) -> Reading:
    start = safe_date(year, month, first or 0)
    end = safe_date(year, month, last) if last is not None else start
    if start is None or end is None or end < start:
        return invalid(kind, Precision.DAY, f"no day {last or first} in {year}-{month:02d}")
    if end != start:
        kind = Kind.RANGE
    return days_reading(start, end, Precision.DAY, kind, confidence, month=month)


def month_part_reading(year: int, month: int, part: str, kind: Kind, confidence: float) -> Reading:
    """上旬 = days 1–10, 中旬 11–20, 下旬 21–end (day bounds); 月初/月底 the same but vague."""
    first, last = patterns.MONTH_PARTS[part]
    end = last_day(year, month) if last >= 28 else date(year, month, last)
    first = min(first, end.day)  # "2月最后一天" is the 28th or 29th
    precision = Precision.DAY if part in patterns.EXACT_MONTH_PARTS else Precision.VAGUE
    if part == "份":
        return month_reading(year, month, month, kind, confidence=confidence, month=month)
    note = ""
    if precision == Precision.DAY and end.day != first:
        # "3月中旬" has exact bounds but names no single day: say so, so that no reader
        # mistakes the first day of the span for the day of the event.
        note = f"days {first}–{end.day} of the month; the text names no single day"
    return days_reading(date(year, month, first), end, precision, kind, confidence, month=month, note=note)


def _open(reading: Reading, word: str | None, ref: date) -> Reading:
    """ "起/开始" leaves the end open; "以来/至今" runs to the reference day."""
    if word in ("起", "开始", "以后", "之后"):
        return reading.but(open_end=True)
    if word in SINCE_WORDS:
        if reading.start is None or reading.start > ref:
            return reading
        return until_ref(reading, ref)
    return reading


def resolve_iso(g: dict[str, str], ctx: Context) -> Reading | None:
    """2024-03-11, 2024/3/11, 2024.3.11."""
    year, month, day = int(g["iso_y"]), int(g["iso_m"]), int(g["iso_d"])
    d = safe_date(year, month, day)
    if d is None:
        return invalid(Kind.ABSOLUTE, Precision.DAY, f"no day {year}-{month}-{day}")
    return day_reading(d, Kind.ABSOLUTE, month=month)


def resolve_numeric_date(g: dict[str, str], ctx: Context) -> Reading | None:
    """ "2019.10" (a month), "2019.10-2021.06", "20190520", and "5.20"/"5/20-5/26" in ref's year."""
    if "ym_y" in g:
        first = month_reading(int(g["ym_y"]), int(g["ym_m"]), int(g["ym_m"]), Kind.ABSOLUTE, confidence=0.8)
        if "ym_now" in g:
            return until_ref(first, ctx.ref) if first.start <= ctx.ref else None
        if "ym_y3" in g:  # "2010.09-2014": to the end of that year
            last = years_reading(int(g["ym_y3"]), int(g["ym_y3"]), Kind.ABSOLUTE)
        elif "ym_y2" in g:
            last = month_reading(int(g["ym_y2"]), int(g["ym_m2"]), int(g["ym_m2"]), Kind.ABSOLUTE)
        else:
            return first
        if last.end < first.start:
            return None
        return first.but(end=last.end, edtf_to=last.edtf_from, kind=Kind.RANGE)
    if "c8_y" in g:
        d = safe_date(int(g["c8_y"]), int(g["c8_m"]), int(g["c8_d"]))
        return day_reading(d, Kind.ABSOLUTE, 0.8, month=d.month) if d else None
    tag = "dd" if "dd_m" in g else "de"
    start = safe_date(ctx.ref.year, int(g[f"{tag}_m"]), int(g[f"{tag}_d"]))
    if start is None:
        return None
    reading = day_reading(start, Kind.PARTIAL, 0.7, month=start.month, year_inferred=True)
    if f"{tag}_d2" not in g:
        return reading
    end = safe_date(ctx.ref.year, int(g[f"{tag}_m2"]), int(g[f"{tag}_d2"]))
    if end is not None and end < start:
        end = safe_date(ctx.ref.year + 1, end.month, end.day)  # "12.28-1.3" runs into the next year
    if end is None:
        return None
    return days_reading(start, end, Precision.DAY, Kind.RANGE, 0.7)


def resolve_year_span(g: dict[str, str], ctx: Context) -> Reading | None:
    """ "从2015到2017": the years 2015–2017 (within a century; else they are numbers)."""
    first, last = int(g["ys1"]), int(g["ys2"])
    if not 0 < last - first <= 100:
        return None
    return years_reading(first, last, Kind.RANGE, confidence=0.8)


def resolve_bare_day(g: dict[str, str], ctx: Context) -> Reading | None:
    """A bare "15日" (or "十五号" after a range dash): that day of the month before it in a range
    or list, else of the last month the text printed ("3月11日至13日……11日上午"), else of ref's."""
    if ctx.inherit_month:
        year, month, confidence = ctx.inherit_year or ctx.ref.year, ctx.inherit_month, 0.8
    elif ctx.anchor_month:
        (year, month), confidence = ctx.anchor_month, 0.7
    else:
        base = ctx.dateline_day or ctx.ref
        year, month, confidence = base.year, base.month, 0.6
    day = read_number(g.get("bd") or g.get("bdc") or g.get("rd") or g.get("rdl") or "")
    base = ctx.dateline_day or ctx.ref
    if not (ctx.inherit_month or ctx.anchor_month) and ctx.tense == "past" and (day or 0) > base.day:
        # "27日，……举行" read on the 10th reports last month's 27th; "将于27日" stays ahead.
        earlier = add_months(year, month, -1)
        if safe_date(*earlier, day or 0) is not None:
            (year, month), confidence = earlier, 0.7
    d = safe_date(year, month, day or 0)
    if d is None:
        return invalid(Kind.PARTIAL, Precision.DAY, f"no day {day} in {year}-{month:02d}")
    from_ref = not (ctx.inherit_month or ctx.anchor_month)
    return day_reading(d, Kind.PARTIAL, confidence, month=month, year_inferred=True, month_inferred=from_ref)


def resolve_year_quote(g: dict[str, str], ctx: Context) -> Reading | None:
    """A year printed straight before a quoted title or an event's name: 2025“青春之约”, 2021杭州数字经济周."""
    year = int(g.get("yq") or g["yqn"])
    return years_reading(year, year, Kind.ABSOLUTE, confidence=0.7)


def resolve_year_part(g: dict[str, str], ctx: Context) -> Reading | None:
    """上半年, 年底, 第一季度 with no year: of ref's year ("年初以来" runs to ref)."""
    reading = year_part_reading(ctx.ref.year, g["ypart_s"], Kind.PARTIAL, 0.8)
    return _open(reading, g.get("open_p"), ctx.ref)


def resolve_q_quarter(g: dict[str, str], ctx: Context) -> Reading | None:
    """ "2024Q3" (July–September 2024); a bare "Q3" is of ref's year."""
    if "qq_y" in g:
        return year_part_reading(int(g["qq_y"]), f"Q{g['qq_n']}", Kind.ABSOLUTE, 1.0)
    return year_part_reading(ctx.ref.year, f"Q{g['qq_b']}", Kind.PARTIAL, 0.7)


def resolve_dot_day(g: dict[str, str], ctx: Context) -> Reading | None:
    """ "3·15": that day of ref's year, as a year-less "3月15日" (lower confidence: often a name)."""
    return _days_in_month(ctx.ref.year, int(g["dt_m"]), int(g["dt_d"]), None, Kind.PARTIAL, 0.7)


def resolve_month_part(g: dict[str, str], ctx: Context) -> Reading | None:
    """月初, 下旬 with no month: of the month the text last named a day in, else of ref's month."""
    word = g["mpart_s"]
    part = word[1:] if word.startswith("月") else word
    base = ctx.anchor_day or ctx.ref
    return month_part_reading(base.year, base.month, part, Kind.PARTIAL, 0.7 if ctx.anchor_day else 0.6)


def resolve_school_year(g: dict[str, str], ctx: Context) -> Reading | None:
    """ "2024—2025学年": 1 September of the first year .. 31 August of the second."""
    first, second = int(g["ac_y1"]), int(g["ac_y2"])
    if second != first + 1:
        return None
    return days_reading(
        date(first, 9, 1), date(second, 8, 31), Precision.YEAR, Kind.RANGE, 1.0, note="school year"
    ).but(edtf_from=f"{first:04d}-09", edtf_to=f"{second:04d}-08")


def resolve_recurring(g: dict[str, str], ctx: Context) -> Reading | None:
    """ "每周一至周五", "每月15日": a recurring time names no day, so it is no mention."""
    return None


_RESOLVERS = {
    "recurring": resolve_recurring,
    "recur_pre": resolve_recurring,
    "acad": resolve_school_year,
    "qq": resolve_q_quarter,
    "dotday": resolve_dot_day,
    "iso": resolve_iso,
    "numdate": resolve_numeric_date,
    "yspan": resolve_year_span,
    "cal_y": resolve_calendar,
    "cal_m": resolve_calendar,
    "bareday": resolve_bare_day,
    "rangeday": resolve_bare_day,
    "yq": resolve_year_quote,
    "ypart": resolve_year_part,
    "mpart": resolve_month_part,
    "holiday": resolve_holiday,
}


_RESOLVERS.update(NAMED_RESOLVERS)
_RESOLVERS.update(RELATIVE_RESOLVERS)
