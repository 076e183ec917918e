"""Resolves named calendar expressions: lunar dates, festivals, solar terms, seasons, plans, decades.

The lunar, festival, solar-term and season arithmetic lives in ``calendars``; this module
only picks the year (see the conventions in ``resolve``) and builds the reading.
"""

from __future__ import annotations

from datetime import date, timedelta

from . import calendars, patterns
from .numerals import read_number
from .reading import Context, Reading, day_reading, days_reading, invalid, until_ref, years_reading
from .types import Kind, Precision

LUNAR_MONTH_WORDS = {"正": 1, "冬": 11, "腊": 12}


def _lunar_month(token: str) -> int | None:
    return LUNAR_MONTH_WORDS.get(token) or read_number(token)


def _lunar_tokens(g: dict[str, str]) -> tuple[str, str | None] | None:
    """(month text, day text or None) from whichever lunar branch matched."""
    for tag in ("1", "2", "3", "4"):
        if g.get(f"l_m{tag}"):
            return g[f"l_m{tag}"], g.get(f"l_d{tag}")
    if "l_d5" in g:
        return "正", g["l_d5"]  # "大年初十" is 正月初十
    if "l_fd" in g:
        month, _, day = g["l_fd"].partition("月")  # "八月十五"
        return month, day
    return None


def resolve_lunar(g: dict[str, str], ctx: Context) -> Reading | None:
    """农历二月初二, 正月十五, 腊月二十三, 闰四月, 八月十五: in the lunar year containing ref."""
    tokens = _lunar_tokens(g)
    if tokens is None:
        return None
    month, day = _lunar_month(tokens[0]), read_number(tokens[1]) if tokens[1] else None
    leap = "l_leap" in g or "l_m2" in g
    if month is None or not 1 <= month <= 12 or (day is not None and not 1 <= day <= 30):
        return invalid(Kind.LUNAR, Precision.DAY, "no such lunar date")
    # Marked lunar (农历, 闰, 正/冬/腊月, 初X) is sure; "八月十五" without a marker less so.
    marked = "l_pre" in g or leap or "l_m3" in g or "l_d5" in g or (tokens[1] or "")[:1] in ("初", "廿", "卅")
    confidence, note = (0.9 if marked else 0.7), ""
    printed = g.get("l_y")
    given = (int(printed) if printed.isdigit() else read_number(printed)) if printed else ctx.year
    if "l_gz" in g:
        given = sexagenary_year(g["l_gz"], ctx.ref)
    # A year-less lunar date in a range or list takes the year of the date before it.
    year = given if given is not None else ctx.inherit_year or calendars.lunar_year_containing(ctx.ref)
    if leap and given is None and calendars.lunar_to_solar(year, month, 1, True) is None:
        # "闰四月" in a year without one means the nearest year that has it (the past first).
        year = _nearest_leap_year(year, month)
        confidence = min(confidence, 0.6)
        note = f"no leap month {month} in the lunar year of the reference day; read as {year}'s"
    leap_word = "leap " if leap else ""
    if day is None:
        return _lunar_month_reading(year, month, leap, confidence, note)
    found = calendars.lunar_to_solar(year, month, day, leap)
    if found is None:
        return invalid(Kind.LUNAR, Precision.DAY, f"lunar year {year} has no {leap_word}{month}/{day}")
    clue = ("lunar", month, day, leap)
    return day_reading(found, Kind.LUNAR, confidence, clue=clue, year_inferred=given is None, note=note)


def sexagenary_year(name: str, ref: date) -> int:
    """The year named by a stem-branch pair ("甲辰" → 2024) nearest ref, the earlier on a tie.

    1984 was 甲子, the first of the cycle; the pair repeats every 60 years.
    """
    index = next(i for i in range(60) if patterns.STEMS[i % 10] + patterns.BRANCHES[i % 12] == name)
    base = ref.year - (ref.year - 1984 - index) % 60
    return min((base, base + 60), key=lambda year: (abs(year - ref.year), year))


def _lunar_month_reading(year: int, month: int, leap: bool, confidence: float, note: str) -> Reading:
    """A whole lunar month ("农历十月"): its first to its last (29th or 30th) day."""
    first = calendars.lunar_to_solar(year, month, 1, leap)
    last = calendars.lunar_to_solar(year, month, 30, leap) or calendars.lunar_to_solar(year, month, 29, leap)
    if first is None or last is None:
        return invalid(
            Kind.LUNAR, Precision.MONTH, f"lunar year {year} has no {'leap ' if leap else ''}month {month}"
        )
    clue = ("lunar", month, None, leap)
    return days_reading(first, last, Precision.MONTH, Kind.LUNAR, confidence, clue=clue, note=note)


def _nearest_leap_year(year: int, month: int) -> int:
    """The lunar year nearest ``year`` (within 20, earlier on a tie) with a leap ``month``, else ``year``."""
    for distance in range(1, 21):
        for candidate in (year - distance, year + distance):
            if calendars.lunar_to_solar(candidate, month, 1, True) is not None:
                return candidate
    return year


def resolve_festival(g: dict[str, str], ctx: Context) -> Reading | None:
    """春节, 2023年除夕, 六一, 元宵节后一天: the occurrence inside the (given or ref's) Gregorian year."""
    name = patterns.FESTIVAL_ALIASES.get(g["fest"], (g["fest"], ""))[0]
    year = ctx.year or ctx.inherit_year or ctx.ref.year
    found = calendars.festival_date(name, year)
    if found is None:
        return None
    shift = 0
    if "fest_ying" in g or g.get("fest_eve") == "前夕":
        # "国庆前夕" is the few days before the festival; "迎国庆" (events held to greet it)
        # the month before it. Neither is a single day.
        before = patterns.FESTIVAL_LEAD_DAYS["迎" if "fest_ying" in g else "前夕"]
        start, end = found - timedelta(days=before), found - timedelta(days=1)
        return days_reading(
            start,
            end,
            Precision.VAGUE,
            Kind.FESTIVAL,
            0.6,
            year_inferred=ctx.year is None,
            note=f"the days before {name}",
        )
    if g.get("fest_eve") == "前后":
        around = timedelta(days=patterns.FESTIVAL_AROUND_DAYS)
        return days_reading(
            found - around,
            found + around,
            Precision.VAGUE,
            Kind.FESTIVAL,
            0.6,
            year_inferred=ctx.year is None,
            note=f"around {name}",
        )
    if "fest_dir" in g:
        n = read_number(g.get("fest_n", ""))
        if n is None:
            return None
        shift = n if g["fest_dir"] == "后" else -n
    elif "fest_eve" in g:
        shift = -1 if g["fest_eve"] == "前一天" else 1
    confidence = 0.7 if name in patterns.AMBIGUOUS_FESTIVALS else 0.9
    if shift == 0 and name in patterns.TERM_FESTIVALS:
        # "清明时节", "2024年清明": the solar term ("清明节" is the festival on the same day).
        return day_reading(found, Kind.SOLAR_TERM, confidence, year_inferred=ctx.year is None)
    return day_reading(
        found + timedelta(days=shift), Kind.FESTIVAL, confidence, year_inferred=ctx.year is None
    )


def resolve_festival_side(g: dict[str, str], ctx: Context) -> Reading | None:
    """ "节前"/"节后": the week before / after the last festival the text named, else nothing."""
    if ctx.anchor_festival is None:
        return None
    first, last = patterns.FESTIVAL_SIDES[g["fside"]]
    return days_reading(
        ctx.anchor_festival + timedelta(days=first),
        ctx.anchor_festival + timedelta(days=last),
        Precision.VAGUE,
        Kind.FESTIVAL,
        0.5,
        note=f"the week {'before' if first < 0 else 'after'} the festival named earlier",
    )


def resolve_solar_term(g: dict[str, str], ctx: Context) -> Reading | None:
    """立冬, 2019年大寒: the day the term falls on inside the (given or ref's) Gregorian year."""
    found = calendars.solar_term_date(g["term"], ctx.year or ctx.inherit_year or ctx.ref.year)
    if found is None:
        return None
    return day_reading(found, Kind.SOLAR_TERM, 0.9, year_inferred=ctx.year is None)


def resolve_season(g: dict[str, str], ctx: Context) -> Reading | None:
    """初冬时节, 2024年春, 今年夏天: a span following the solar terms (see ``calendars``)."""
    name = g.get("season") or g.get("season_b") or g.get("season_c")
    year = ctx.year
    if "season_rel" in g:
        year = ctx.ref.year + patterns.SEASON_YEAR_WORDS[g["season_rel"]]
        if name == "冬" and ctx.ref.month <= 2:
            year -= 1  # "今冬" said in January is the winter that began last year
        return _season_reading(name, year, Kind.RELATIVE, 0.85)
    if year is None:
        year = ctx.ref.year
        before = calendars.season_span(name, year - 1)
        if before is not None and before[0] <= ctx.ref <= before[1]:
            year -= 1  # "冬天" read in January is the winter that began last year
    kind = Kind.VAGUE if ctx.year is None else (Kind.RELATIVE if ctx.year_relative else Kind.ABSOLUTE)
    return _season_reading(name, year, kind, 0.8 if ctx.year is None else 0.9)


def _season_reading(name: str, year: int, kind: Kind, confidence: float) -> Reading | None:
    span = calendars.season_span(name, year)
    edtf = calendars.season_edtf(name, year)
    if span is None or edtf is None:
        return None
    first, _, last = edtf.partition("/")
    return Reading(span[0], span[1], Precision.SEASON, kind, first, last, confidence)


def resolve_plan(g: dict[str, str], ctx: Context) -> Reading | None:
    """“十四五”期间 = 2021–2025; “十四五”以来 = 2021-01-01 .. ref; 十四五末 = 2025."""
    number = read_number(g.get("plan_q") or g.get("plan_b") or g.get("plan_c") or "")
    if number is None or not 1 <= number <= 30:
        return None
    first = patterns.plan_first_year(number)
    part = patterns.PLAN_SUFFIXES.get(g.get("plan_suf", ""), "whole")
    confidence = 1.0 if "plan_suf" in g else 0.85
    if part == "first":
        return years_reading(first, first, Kind.PLAN_PERIOD, confidence=confidence)
    if part == "last":
        return years_reading(first + 4, first + 4, Kind.PLAN_PERIOD, confidence=confidence)
    whole = years_reading(first, first + 4, Kind.PLAN_PERIOD, confidence=confidence)
    if part == "since" and whole.start <= ctx.ref:
        return until_ref(whole, ctx.ref, Precision.MULTI_YEAR)
    return whole


# Parts of a decade or century as (first, last) offsets in years.
DECADE_PARTS = {
    "初": (0, 3),
    "初期": (0, 3),
    "前期": (0, 3),
    "中期": (4, 6),
    "末": (7, 9),
    "末期": (7, 9),
    "后期": (7, 9),
}
CENTURY_PARTS = {
    "初": (0, 19), "初期": (0, 19), "前期": (0, 29), "中期": (40, 69), "中叶": (40, 69),
    "末": (80, 99), "末期": (80, 99), "后期": (70, 99), "上半叶": (0, 49), "下半叶": (50, 99),
}  # fmt: skip


def resolve_decade(g: dict[str, str], ctx: Context) -> Reading | None:
    """20世纪90年代 = 1990–1999 (edtf 199X); 90年代 alone = the latest 1990s not after ref; 上世纪."""
    if "dec_roc" in g:
        start = (read_number(g["dec_roc"]) or 0) + patterns.ROC_OFFSET
        first, last = DECADE_PARTS.get(g.get("dec_part"), (0, 9))
        return years_reading(start + first, start + last, Kind.ABSOLUTE, confidence=0.95)
    if "dec4" in g:
        start = int(g["dec4"])
        first, last = DECADE_PARTS.get(g.get("dec_part"), (0, 9))
        reading = years_reading(start + first, start + last, Kind.ABSOLUTE, confidence=0.95)
        if "dec_part" not in g:
            reading.edtf_from, reading.edtf_to = f"{start // 10:03d}X", ""
        return reading
    pair = (g.get("dp1"), g.get("dp2")) if "dp1" in g else (g.get("dq1"), g.get("dq2"))
    if pair[0] is not None:
        return _decade_pair(g, ctx, read_number(pair[0]), read_number(pair[1]))
    decade_text = g.get("dec") or g.get("dec_b")
    decade = read_number(decade_text.rstrip("0")) if decade_text and decade_text[-1] == "0" else None
    if decade_text and decade is None:
        decade = (read_number(decade_text) or 0) // 10
    part = g.get("dec_part")
    base = _century_base(g, ctx, decade or 0)
    if base is None:
        return None
    if decade is None:
        first, last = CENTURY_PARTS.get(part, (0, 99))
        reading = years_reading(base + first, base + last, Kind.ABSOLUTE, confidence=0.9)
        if part is None:
            reading.edtf_from, reading.edtf_to = f"{base // 100:02d}XX", ""
        return reading if base + first >= 1 else None
    start = base + decade * 10
    first, last = DECADE_PARTS.get(part, (0, 9))
    if start + first < 1:
        return None
    reading = years_reading(
        start + first, start + last, Kind.ABSOLUTE, confidence=0.9 if "cent" in g else 0.75
    )
    if part is None:
        reading.edtf_from, reading.edtf_to = f"{start // 10:03d}X", ""
    return reading


def _decade_pair(g: dict[str, str], ctx: Context, first: int | None, second: int | None) -> Reading | None:
    """ "八九十年代" is the 1980s and 1990s together (of the century given, else the latest)."""
    if first is None or second != first + 1:
        return None
    base = _century_base(g, ctx, second)
    if base is None:
        return None
    return years_reading(base + first * 10, base + second * 10 + 9, Kind.ABSOLUTE, confidence=0.75)


def _century_base(g: dict[str, str], ctx: Context, decade: int) -> int | None:
    """The first year of the century a decade belongs to: printed, relative, or the latest one."""
    if "cent_rel" in g:
        return (ctx.ref.year // 100 + patterns.CENTURY_OFFSETS[g["cent_rel"]]) * 100
    if "cent" in g:
        century = read_number(g["cent"])
        return (century - 1) * 100 if century is not None and 1 <= century <= 99 else None
    base = ctx.ref.year // 100 * 100
    return base - 100 if base + decade * 10 > ctx.ref.year else base


NAMED_RESOLVERS = {
    "lunar": resolve_lunar,
    "fest": resolve_festival,
    "festside": resolve_festival_side,
    "term": resolve_solar_term,
    "season": resolve_season,
    "plan": resolve_plan,
    "decade": resolve_decade,
}
