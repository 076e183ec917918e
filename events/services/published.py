"""Guessing what an article does not say outright: its publication date and its title.

The publication date is the reference day the parser counts "3月11日" and "昨日" from, so a wrong
guess shifts every relative date. The rule, in order (``--published`` and a manifest win over all
of this; see ``ingest.resolve_published``):

1. every explicit full date with a year ("2024年3月11日", "2024-03-11") up to ``today``;
2. a year-less date fixed by the lunar date printed beside it ("3月11日，农历二月初二"): the solar
   and lunar days agree only in a few years (here 2005 and 2024); we keep the one at or just after
   the latest year the text mentions ("2023 年末" → 2024), else the latest one not after ``today``;
3. the latest of those is the guess ("inferred"). With none, the date is unknown: ingestion then
   reads the text against the ingestion day and says so in the article's note.

This is a shortcut that reads only the patterns above; it stops being good enough for pages that
print future dates of announced events (the latest date is then later than publication).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date
from functools import lru_cache

from events.temporal.calendars import solar_to_lunar

EARLIEST_YEAR = 1990
_SP = r"[ \t\r\n\u3000]*"  # PDF text breaks lines and spaces inside dates: "3\n月 8日"
_FULL_DATE = re.compile(
    rf"(?<!\d)((?:19|20)\d\d){_SP}年{_SP}(\d{{1,2}}){_SP}月{_SP}(\d{{1,2}}){_SP}[日号]"
    r"|(?<!\d)((?:19|20)\d\d)[-/.](\d{1,2})[-/.](\d{1,2})(?!\d)"
)
_LUNAR_MONTHS = {"正": 1, "一": 1, "二": 2, "三": 3, "四": 4, "五": 5, "六": 6, "七": 7, "八": 8, "九": 9}
_LUNAR_MONTHS |= {"十": 10, "十一": 11, "冬": 11, "十二": 12, "腊": 12}
_DIGITS = "一二三四五六七八九"
_LUNAR_DAYS = {f"初{d}": i for i, d in enumerate(_DIGITS + "十", 1)}
_LUNAR_DAYS |= {f"十{d}": 10 + i for i, d in enumerate(_DIGITS, 1)} | {"二十": 20, "三十": 30}
_LUNAR_DAYS |= {f"廿{d}": 20 + i for i, d in enumerate(_DIGITS, 1)}
_SOLAR_WITH_LUNAR = re.compile(
    rf"(?<!\d)(\d{{1,2}}){_SP}月{_SP}(\d{{1,2}}){_SP}[日号][，,、（(\s]*(?:农历|農曆|阴历|陰曆){_SP}"
    rf"(闰|閏)?(十[一二]|[正一二三四五六七八九十冬腊臘])月{_SP}(初[一二三四五六七八九十]|[十廿][一二三四五六七八九]|二十|三十)"
)
_YEAR_MENTION = re.compile(rf"(?<!\d)((?:19|20)\d\d){_SP}年")


@dataclass(frozen=True, slots=True)
class PublishedGuess:
    """A guessed publication date (None when nothing in the text fixes it) and how it was found."""

    published: date | None
    note: str


def infer_published(text: str, *, today: date) -> PublishedGuess:
    """The latest day the text fixes on its own (explicit full date or lunar agreement), not after today."""
    found: list[tuple[date, str]] = []
    for m in _FULL_DATE.finditer(text):
        y, mo, d = (int(g) for g in (m.group(1, 2, 3) if m.group(1) else m.group(4, 5, 6)))
        day = _safe_date(y, mo, d)
        if day and day <= today:
            found.append((day, f"explicit date “{_flat(m.group(0))}”"))
    mentioned = [int(y) for y in _YEAR_MENTION.findall(text) if int(y) <= today.year]
    for m in _SOLAR_WITH_LUNAR.finditer(text):
        lunar_month = _LUNAR_MONTHS[m.group(4).replace("臘", "腊")] * (-1 if m.group(3) else 1)
        years = agreeing_years(
            int(m.group(1)), int(m.group(2)), lunar_month, _LUNAR_DAYS[m.group(5)], today.year
        )
        year = _pick_year(years, mentioned)
        if year is not None:
            agreed = date(year, int(m.group(1)), int(m.group(2)))
            if agreed <= today:
                why = f"“{_flat(m.group(0))}” agrees only in {', '.join(map(str, years))}; chose {year}"
                found.append((agreed, why))
    if not found:
        return PublishedGuess(None, "")
    day, why = max(found)
    return PublishedGuess(day, f"inferred {day.isoformat()} from the text: {why}")


@lru_cache(maxsize=1024)
def agreeing_years(month: int, day: int, lunar_month: int, lunar_day: int, last_year: int) -> tuple[int, ...]:
    """Years (EARLIEST_YEAR..last_year) in which solar month/day falls on the lunar month/day (leap < 0)."""
    years = []
    for year in range(EARLIEST_YEAR, last_year + 1):
        if _safe_date(year, month, day) is None:
            continue
        _, month_found, day_found, leap = solar_to_lunar(date(year, month, day))
        if (-month_found if leap else month_found, day_found) == (lunar_month, lunar_day):
            years.append(year)
    return tuple(years)


def _pick_year(years: tuple[int, ...], mentioned: list[int]) -> int | None:
    """The agreeing year at or one after the latest mentioned year, else the latest agreeing year."""
    if not years:
        return None
    if mentioned:
        latest = max(mentioned)
        near = [y for y in years if latest <= y <= latest + 1]
        if near:
            return near[0]
    return years[-1]


def infer_title(text: str) -> str:
    """A title for an untitled article: its first line when that reads like a headline, else "".

    A dateline ("2024年3月12日 星期二") is not a headline: the line after it is looked at instead.
    """
    for line in text.splitlines():
        line = " ".join(line.split())
        if not line or _DATELINE.fullmatch(line):
            continue
        looks_like_headline = len(line) <= 40 and not re.search(r"[。！？；]|本报讯|记者", line)
        return line if looks_like_headline else ""
    return ""


# A line of nothing but a date, a weekday and punctuation, as page headers print them.
_DATELINE = re.compile(r"[\d\s年月日号.\-/:：,，()（）]*(?:(?:星期|周|礼拜)[一二三四五六日天])?[\s()（）]*")


def _safe_date(year: int, month: int, day: int) -> date | None:
    try:
        return date(year, month, day)
    except ValueError:
        return None


def _flat(fragment: str) -> str:
    return "".join(fragment.split())
