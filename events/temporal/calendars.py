"""Lunar calendar, festivals, solar terms and seasons as Gregorian days (plain Python, wraps lunar-python).

Everything here is pure and cached; nothing imports Django or the rest of ``events``.
The lunar tables and solar-term instants come from lunar-python (寿星 algorithms); this
module only decides which occurrence a name means and how wide a season is.

Readings chosen (where readers could differ):

* Supported years are ``MIN_YEAR``..``MAX_YEAR`` (1900–2100, the span published lunar
  tables cover and news needs). Outside it the lookups return ``None``.
* Lunar months are numbered 1–12 with ``leap=True`` for the intercalary month
  (2023 闰二月 follows the ordinary 二月).
* A festival or solar term "in year Y" is the occurrence whose Gregorian day lies in Y:
  ``festival_date("除夕", 2023)`` is 2023-01-21, the eve of 2023's 春节 (so a 29-day 腊月
  needs no special case), and ``solar_term_date("大寒", 2019)`` is 2019-01-20.
  腊八 and 小年 fall in late December or January; if a year ever held two of them, the
  first (the one ending the previous lunar year) is returned. A Gregorian year after a
  13-month lunar year can hold none (no 腊八 in 2023): then the one ending lunar year Y
  is returned, in January of Y+1 (the only case where the day is outside ``year``).
* 小年 is the northern 腊月二十三 (the southern 腊月二十四 is not modelled).
* Solar-term days are the day of the term's instant in China Standard Time (UTC+8).
* Seasons follow the solar terms, not months: spring Y is 立春 Y .. the day before 立夏 Y;
  winter Y is 立冬 Y .. the day before 立春 Y+1 (so "2025年冬末" lies in 2026).
  Each season has three parts split at its 节 (the 1st, 3rd and 5th term):
  初/孟/早X (立X .. day before the 3rd term), 仲X (3rd .. day before the 5th term) and
  季/暮/晚/深/X末 (5th term .. day before the next season). For 2025: 初冬 is
  2025-11-07..2025-12-06, 仲冬 2025-12-07..2026-01-04, 冬末 2026-01-05..2026-02-03.
  盛夏 and 隆冬 ("the height of") are the middle plus last thirds. 金秋, 寒冬 and 严冬 are
  epithets for the whole season, so they get the whole span.
"""

from __future__ import annotations

from datetime import date, timedelta
from functools import lru_cache

from dateutil.easter import EASTER_ORTHODOX, EASTER_WESTERN, easter
from hijridate import Hijri
from lunar_python import Lunar, LunarYear, Solar

MIN_YEAR = 1900
MAX_YEAR = 2100

# Solar terms in the traditional order, 立春 first.
SOLAR_TERM_NAMES: tuple[str, ...] = (
    "立春", "雨水", "惊蛰", "春分", "清明", "谷雨",
    "立夏", "小满", "芒种", "夏至", "小暑", "大暑",
    "立秋", "处暑", "白露", "秋分", "寒露", "霜降",
    "立冬", "小雪", "大雪", "冬至", "小寒", "大寒",
)  # fmt: skip

# Lunar festivals: name -> (lunar month, lunar day).
LUNAR_FESTIVALS: dict[str, tuple[int, int]] = {
    "春节": (1, 1), "大年初一": (1, 1), "农历新年": (1, 1), "新春佳节": (1, 1),
    "元宵节": (1, 15), "元宵": (1, 15), "上元节": (1, 15),
    "龙抬头": (2, 2), "二月二": (2, 2),
    "端午节": (5, 5), "端午": (5, 5),
    "七夕节": (7, 7), "七夕": (7, 7),
    "中元节": (7, 15),
    "中秋节": (8, 15), "中秋": (8, 15),
    "重阳节": (9, 9), "重阳": (9, 9),
    "腊八节": (12, 8), "腊八": (12, 8),
    "小年": (12, 23),
    "寒衣节": (10, 1), "下元节": (10, 15),
}  # fmt: skip

# The eve of 春节: the day before 正月初一, whatever the length of 腊月.
NEW_YEAR_EVE_NAMES: tuple[str, ...] = ("除夕", "大年三十", "大年夜")

# Gregorian festivals: name -> (month, day). Bare "十一" is left out: it is far more often
# the number eleven than 国庆节.
GREGORIAN_FESTIVALS: dict[str, tuple[int, int]] = {
    "元旦": (1, 1),
    "情人节": (2, 14),
    "妇女节": (3, 8), "三八节": (3, 8), "三八妇女节": (3, 8), "国际妇女节": (3, 8),
    "植树节": (3, 12),
    "愚人节": (4, 1),
    "劳动节": (5, 1), "五一": (5, 1), "五一劳动节": (5, 1), "国际劳动节": (5, 1),
    "青年节": (5, 4), "五四": (5, 4), "五四青年节": (5, 4),
    "儿童节": (6, 1), "六一": (6, 1), "六一儿童节": (6, 1), "国际儿童节": (6, 1),
    "建党节": (7, 1), "七一": (7, 1),
    "建军节": (8, 1), "八一": (8, 1), "八一建军节": (8, 1),
    "教师节": (9, 10),
    "国庆节": (10, 1), "国庆": (10, 1),
    "万圣节": (10, 31),
    "双十一": (11, 11), "618购物节": (6, 18),
    "双十二": (12, 12),
    "平安夜": (12, 24),
    "圣诞节": (12, 25), "圣诞": (12, 25), "圣瓦伦丁节": (2, 14),
    "阳历新年": (1, 1), "公历新年": (1, 1), "老板节": (10, 16),
    "女生节": (3, 7), "光棍节": (11, 11),
    # Observance days that tech and science news dates events by.
    "中国人民警察节": (1, 10), "世界水日": (3, 22), "世界气象日": (3, 23),
    "消费者权益日": (3, 15), "国际消费者权益日": (3, 15), "世界消费者权益日": (3, 15),
    "全民国家安全教育日": (4, 15), "国家安全教育日": (4, 15), "世界地球日": (4, 22),
    "世界读书日": (4, 23), "世界图书与版权日": (4, 23), "中国航天日": (4, 24),
    "世界知识产权日": (4, 26), "护士节": (5, 12), "国际护士节": (5, 12),
    "世界电信和信息社会日": (5, 17), "世界电信日": (5, 17), "国际博物馆日": (5, 18),
    "全国科技工作者日": (5, 30), "科技工作者日": (5, 30), "世界无烟日": (5, 31),
    "世界环境日": (6, 5), "香港回归纪念日": (7, 1), "世界标准日": (10, 14),
    "记者节": (11, 8), "中国记者节": (11, 8), "世界艾滋病日": (12, 1), "国家宪法日": (12, 4),
    "澳门回归纪念日": (12, 20),
    # Taiwan: 双十节 is the ROC National Day; 二二八 the 1947 memorial day.
    "双十节": (10, 10), "双十国庆": (10, 10), "二二八纪念日": (2, 28), "和平纪念日": (2, 28),
}  # fmt: skip

# Weekday-rule festivals: name -> (month, ISO weekday 1=Monday, which occurrence).
WEEKDAY_FESTIVALS: dict[str, tuple[int, int, int]] = {
    "母亲节": (5, 7, 2),
    "父亲节": (6, 7, 3),
    "感恩节": (11, 4, 4),
    "全国助残日": (5, 7, 3),
}

# Christian feasts counted from Easter: name -> (days after Easter Sunday, Orthodox). Easter
# comes from dateutil (the Gregorian computus; the Julian one, in Gregorian days, for 东正教).
_EASTER_OFFSETS: dict[str, int] = {
    "复活节": 0, "主复活日": 0, "复活节星期一": 1, "复活节前夜": -1, "圣周六": -1, "神圣周六": -1,
    "耶稣受难日": -2, "耶稣受难节": -2, "主受难日": -2, "主受难节": -2, "圣周五": -2,
    "神圣星期四": -3, "圣周星期四": -3, "圣周四": -3, "濯足节": -3, "设立圣餐日": -3,
    "棕枝主日": -7, "圣枝主日": -7, "圣树主日": -7, "基督苦难主日": -7,
    "大斋首日": -46, "圣灰星期三": -46, "圣灰礼仪日": -46, "圣灰日": -46, "忏悔节": -47,
    "耶稣升天节": 39, "圣灵降临节": 49, "圣灵降临日": 49, "五旬节": 49,
    "圣三一主日": 56, "天主圣三节": 56, "圣三主日": 56, "基督圣体节": 60, "基督圣体圣血节": 60,
}  # fmt: skip
_ORTHODOX_FEASTS = (
    "复活节",
    "复活节星期一",
    "主受难节",
    "耶稣受难日",
    "圣周五",
    "圣周六",
    "棕枝主日",
    "圣枝主日",
)
EASTER_FESTIVALS: dict[str, tuple[int, bool]] = {
    **{name: (days, False) for name, days in _EASTER_OFFSETS.items()},
    **{f"东正教{name}": (_EASTER_OFFSETS[name], True) for name in _ORTHODOX_FEASTS},
}

# Islamic festivals (public holidays in Xinjiang and Ningxia): name -> (Hijri month, day), on
# the Umm al-Qura calendar (hijridate; 1343–1500 AH, 1924–2077). A Gregorian year can hold two
# of one festival (every 32–33 years); the first is taken.
ISLAMIC_FESTIVALS: dict[str, tuple[int, int]] = {
    "开斋节": (10, 1), "肉孜节": (10, 1), "古尔邦节": (12, 10), "宰牲节": (12, 10),
    "伊斯兰新年": (1, 1), "伊斯兰教新年": (1, 1), "伊斯兰历新年": (1, 1),
    "圣纪节": (3, 12), "登霄节": (7, 27), "阿舒拉节": (1, 10),
}  # fmt: skip

# Festivals that are a solar term's day.
SOLAR_TERM_FESTIVALS: dict[str, str] = {
    "清明节": "清明", "清明": "清明", "中国农民丰收节": "秋分", "农民丰收节": "秋分",
}  # fmt: skip

FESTIVAL_NAMES: tuple[str, ...] = tuple(
    sorted(
        {
            *LUNAR_FESTIVALS,
            *NEW_YEAR_EVE_NAMES,
            *GREGORIAN_FESTIVALS,
            *WEEKDAY_FESTIVALS,
            *SOLAR_TERM_FESTIVALS,
            *EASTER_FESTIVALS,
            *ISLAMIC_FESTIVALS,
        },
        key=lambda name: (-len(name), name),
    )
)

# Season parts as (first term, term that ends it, exclusive). "next:" terms belong to
# Gregorian year Y+1 (winter runs into the next year).
_SPRING, _SUMMER, _AUTUMN, _WINTER = (
    ("立春", "惊蛰", "清明", "立夏"),
    ("立夏", "芒种", "小暑", "立秋"),
    ("立秋", "白露", "寒露", "立冬"),
    ("立冬", "大雪", "next:小寒", "next:立春"),
)


def _parts(bounds: tuple[str, str, str, str]) -> dict[str, tuple[str, str]]:
    first, third, fifth, end = bounds
    return {
        "whole": (first, end),
        "early": (first, third),
        "middle": (third, fifth),
        "late": (fifth, end),
        "peak": (third, end),
    }


# name -> (season number for EDTF 21–24, part)
SEASONS: dict[str, tuple[int, str]] = {
    "春": (21, "whole"), "春季": (21, "whole"), "春天": (21, "whole"),
    "初春": (21, "early"), "早春": (21, "early"), "孟春": (21, "early"),
    "仲春": (21, "middle"),
    "暮春": (21, "late"), "晚春": (21, "late"), "季春": (21, "late"), "春末": (21, "late"),
    "夏": (22, "whole"), "夏季": (22, "whole"), "夏天": (22, "whole"),
    "初夏": (22, "early"), "孟夏": (22, "early"),
    "仲夏": (22, "middle"),
    "盛夏": (22, "peak"),
    "晚夏": (22, "late"), "季夏": (22, "late"), "夏末": (22, "late"),
    "秋": (23, "whole"), "秋季": (23, "whole"), "秋天": (23, "whole"), "金秋": (23, "whole"),
    "初秋": (23, "early"), "孟秋": (23, "early"),
    "仲秋": (23, "middle"),
    "深秋": (23, "late"), "晚秋": (23, "late"), "季秋": (23, "late"), "秋末": (23, "late"),
    "冬": (24, "whole"), "冬季": (24, "whole"), "冬天": (24, "whole"),
    "寒冬": (24, "whole"), "严冬": (24, "whole"),
    "初冬": (24, "early"), "孟冬": (24, "early"),
    "仲冬": (24, "middle"),
    "隆冬": (24, "peak"),
    "深冬": (24, "late"), "晚冬": (24, "late"), "季冬": (24, "late"), "冬末": (24, "late"),
}  # fmt: skip

SEASON_NAMES: tuple[str, ...] = tuple(sorted(SEASONS, key=lambda name: (-len(name), name)))

_SEASON_BOUNDS = {21: _parts(_SPRING), 22: _parts(_SUMMER), 23: _parts(_AUTUMN), 24: _parts(_WINTER)}


def _in_range(year: int) -> bool:
    return MIN_YEAR <= year <= MAX_YEAR


@lru_cache(maxsize=512)
def _lunar_months(year: int) -> dict[tuple[int, bool], tuple[date, int]]:
    """Lunar year ``year``'s months: (month, is_leap) -> (first Gregorian day, day count)."""
    months: dict[tuple[int, bool], tuple[date, int]] = {}
    # A LunarYear lists 15 months from the 十一月 before, which nearly always reach 腊月;
    # the next year's list is read only when it does not.
    for source in (year, year + 1):
        if (12, False) in months:
            break
        for month in LunarYear.fromYear(source).getMonths():
            if month.getYear() != year:
                continue
            first = Solar.fromJulianDay(month.getFirstJulianDay())
            months.setdefault(
                (abs(month.getMonth()), month.isLeap()),
                (date(first.getYear(), first.getMonth(), first.getDay()), month.getDayCount()),
            )
    return months


@lru_cache(maxsize=8192)
def lunar_to_solar(year: int, month: int, day: int, leap: bool = False) -> date | None:
    """The Gregorian day of a lunar date, or None when that day does not exist.

    None for a day past the month's 29 or 30 days, a leap month the year does not have,
    a month outside 1–12 or a year outside MIN_YEAR..MAX_YEAR. Never raises.
    """
    if not _in_range(year) or not 1 <= month <= 12 or day < 1:
        return None
    found = _lunar_months(year).get((month, bool(leap)))
    if found is None:
        return None
    first, length = found
    if day > length:
        return None
    return first + timedelta(days=day - 1)


@lru_cache(maxsize=8192)
def solar_to_lunar(d: date) -> tuple[int, int, int, bool]:
    """(lunar year, month, day, is_leap_month) of a Gregorian day.

    Raises ValueError outside the supported years (MIN_YEAR+1 .. MAX_YEAR).
    """
    for year in (d.year, d.year - 1):
        if not _in_range(year):
            continue
        for (month, leap), (first, length) in _lunar_months(year).items():
            if first <= d < first + timedelta(days=length):
                return year, month, (d - first).days + 1, leap
    raise ValueError(f"{d.isoformat()} is outside the supported lunar years {MIN_YEAR}–{MAX_YEAR}")


def lunar_year_containing(d: date) -> int:
    """The lunar year (numbered by the Gregorian year its 正月初一 falls in) that contains ``d``."""
    return solar_to_lunar(d)[0]


_PINYIN_TERMS = {
    "DA_XUE": "大雪", "DONG_ZHI": "冬至", "XIAO_HAN": "小寒", "DA_HAN": "大寒",
    "LI_CHUN": "立春", "YU_SHUI": "雨水", "JING_ZHE": "惊蛰",
}  # fmt: skip


@lru_cache(maxsize=512)
def _solar_terms(year: int) -> dict[str, date]:
    """Day (China Standard Time) of each of the 24 terms inside Gregorian ``year``."""
    julian_days = LunarYear.fromYear(year).getJieQiJulianDays()
    terms: dict[str, date] = {}
    # JIE_QI_IN_USE runs from the previous 大雪 to the next 惊蛰; the terms outside the lunar
    # year are spelled in pinyin there (DONG_ZHI). Keep the ones whose day is in `year`.
    for key, julian_day in zip(Lunar.JIE_QI_IN_USE, julian_days, strict=True):
        name = _PINYIN_TERMS.get(key, key)
        solar = Solar.fromJulianDay(julian_day)
        if solar.getYear() == year and name in SOLAR_TERM_NAMES:
            terms[name] = date(solar.getYear(), solar.getMonth(), solar.getDay())
    return terms


def solar_term_date(name: str, year: int) -> date | None:
    """The day of solar term ``name`` (立春 … 大寒) in Gregorian ``year``; None if unknown."""
    if name not in SOLAR_TERM_NAMES or not _in_range(year):
        return None
    return _solar_terms(year).get(name)


def _nth_weekday(year: int, month: int, weekday: int, nth: int) -> date:
    first = date(year, month, 1)
    return first + timedelta(days=(weekday - first.isoweekday()) % 7 + 7 * (nth - 1))


def _lunar_festival(month: int, day: int, year: int) -> date | None:
    if month != 12:
        return lunar_to_solar(year, month, day)
    # 腊月 days of lunar year Y-1 usually fall in January of Y; try that one first. After a
    # 13-month lunar year, Gregorian Y may hold none (no 腊八 in 2023): then take lunar
    # year Y's, which falls in January of Y+1 ("2023年腊八" as 癸卯年腊八, 2024-01-18).
    previous = lunar_to_solar(year - 1, month, day)
    if previous is not None and previous.year == year:
        return previous
    return lunar_to_solar(year, month, day)


@lru_cache(maxsize=4096)
def festival_date(name: str, year: int) -> date | None:
    """The day festival ``name`` (any alias in FESTIVAL_NAMES) falls on in Gregorian ``year``.

    None for an unknown name or a year outside MIN_YEAR..MAX_YEAR.
    """
    if not _in_range(year):
        return None
    if name in GREGORIAN_FESTIVALS:
        return date(year, *GREGORIAN_FESTIVALS[name])
    if name in WEEKDAY_FESTIVALS:
        return _nth_weekday(year, *WEEKDAY_FESTIVALS[name])
    if name in LUNAR_FESTIVALS:
        return _lunar_festival(*LUNAR_FESTIVALS[name], year)
    if name in NEW_YEAR_EVE_NAMES:
        new_year = lunar_to_solar(year, 1, 1)
        return new_year - timedelta(days=1) if new_year else None
    if name in SOLAR_TERM_FESTIVALS:
        return solar_term_date(SOLAR_TERM_FESTIVALS[name], year)
    if name in EASTER_FESTIVALS:
        days, orthodox = EASTER_FESTIVALS[name]
        return easter(year, EASTER_ORTHODOX if orthodox else EASTER_WESTERN) + timedelta(days=days)
    if name in ISLAMIC_FESTIVALS:
        return _islamic_festival(*ISLAMIC_FESTIVALS[name], year)
    return None


def _islamic_festival(month: int, day: int, year: int) -> date | None:
    """The first day of Hijri ``month``/``day`` in Gregorian ``year`` (None outside the table)."""
    # A Hijri year is about 354.37 days: Gregorian ``year`` overlaps these two or three.
    first = int((year - 622) * 365.2425 / 354.367)
    for hijri_year in range(first - 1, first + 3):
        try:
            day_in = Hijri(hijri_year, month, day).to_gregorian()
        except (OverflowError, ValueError):
            continue
        if day_in.year == year:
            return date(day_in.year, day_in.month, day_in.day)
    return None


def _term_day(term: str, year: int) -> date | None:
    if term.startswith("next:"):
        return solar_term_date(term.removeprefix("next:"), year + 1)
    return solar_term_date(term, year)


@lru_cache(maxsize=1024)
def season_span(name: str, year: int) -> tuple[date, date] | None:
    """Inclusive (first, last) days of season ``name`` of ``year``; None if unknown.

    Winter of ``year`` and its later parts end in ``year + 1`` (see the module notes).
    """
    if name not in SEASONS or not _in_range(year) or not _in_range(year + 1):
        return None
    season, part = SEASONS[name]
    first_term, end_term = _SEASON_BOUNDS[season][part]
    first, end = _term_day(first_term, year), _term_day(end_term, year)
    if first is None or end is None:
        return None
    return first, end - timedelta(days=1)


def season_edtf(name: str, year: int) -> str | None:
    """EDTF for a season: ``2025-24`` for a whole winter, a day interval for a part.

    None when ``season_span`` is None.
    """
    span = season_span(name, year)
    if span is None:
        return None
    season, part = SEASONS[name]
    if part == "whole":
        return f"{year:04d}-{season}"
    return f"{span[0].isoformat()}/{span[1].isoformat()}"
