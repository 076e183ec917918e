"""Lunar dates, festivals, solar terms, seasons, plan periods, decades (events/temporal/resolve_named.py)."""

from datetime import date

import pytest

from events.temporal import extract
from events.temporal.resolve_named import sexagenary_year

REF = date(2024, 3, 15)  # a Friday; lunar year 2024 began on 2024-02-10


@pytest.mark.parametrize(
    ("text", "start", "end", "kind"),
    [
        ("农历二月初二", date(2024, 3, 11), date(2024, 3, 11), "lunar"),
        ("正月十五", date(2024, 2, 24), date(2024, 2, 24), "lunar"),
        ("腊月二十三", date(2025, 1, 22), date(2025, 1, 22), "lunar"),
        ("農曆臘月二十三", date(2025, 1, 22), date(2025, 1, 22), "lunar"),
        ("八月十五", date(2024, 9, 17), date(2024, 9, 17), "lunar"),
        ("去年五月初五", date(2023, 6, 22), date(2023, 6, 22), "lunar"),
        ("大年初十", date(2024, 2, 19), date(2024, 2, 19), "lunar"),
        ("农历十月", date(2024, 11, 1), date(2024, 11, 30), "lunar"),
        ("2020年闰四月初八", date(2020, 5, 30), date(2020, 5, 30), "lunar"),
        ("闰四月", date(2020, 5, 23), date(2020, 6, 20), "lunar"),
        ("闰4月", date(2020, 5, 23), date(2020, 6, 20), "lunar"),
        ("农历二〇二一年六月", date(2021, 7, 10), date(2021, 8, 7), "lunar"),
        ("农历癸卯兔年腊月二十三", date(2024, 2, 2), date(2024, 2, 2), "lunar"),
        ("春节", date(2024, 2, 10), date(2024, 2, 10), "festival"),
        ("2023年除夕", date(2023, 1, 21), date(2023, 1, 21), "festival"),
        ("中秋节", date(2024, 9, 17), date(2024, 9, 17), "festival"),
        ("国庆节", date(2024, 10, 1), date(2024, 10, 1), "festival"),
        ("國慶節", date(2024, 10, 1), date(2024, 10, 1), "festival"),
        ("圣诞节", date(2024, 12, 25), date(2024, 12, 25), "festival"),
        ("六一", date(2024, 6, 1), date(2024, 6, 1), "festival"),
        ("双十二", date(2024, 12, 12), date(2024, 12, 12), "festival"),
        ("今年五一", date(2024, 5, 1), date(2024, 5, 1), "festival"),
        ("明年元旦", date(2025, 1, 1), date(2025, 1, 1), "festival"),
        ("元宵节后一天", date(2024, 2, 25), date(2024, 2, 25), "festival"),
        ("春节前3天", date(2024, 2, 7), date(2024, 2, 7), "festival"),
        ("立冬", date(2024, 11, 7), date(2024, 11, 7), "solar-term"),
        ("2019年大寒", date(2019, 1, 20), date(2019, 1, 20), "solar-term"),
        ("冬至", date(2024, 12, 21), date(2024, 12, 21), "solar-term"),
    ],
)
def test_extract_resolves_lunar_dates_festivals_and_terms(text, start, end, kind):
    [mention] = extract(text, ref=REF)

    assert (mention.text, mention.start, mention.end, mention.kind.value) == (text, start, end, kind)


@pytest.mark.parametrize(
    ("text", "start", "end", "edtf"),
    [
        ("初冬时节", date(2024, 11, 7), date(2024, 12, 5), "2024-11-07/2024-12-05"),
        ("2024年冬季", date(2024, 11, 7), date(2025, 2, 2), "2024-24"),
        ("今年夏天", date(2024, 5, 5), date(2024, 8, 6), "2024-22"),
        ("2023年春", date(2023, 2, 4), date(2023, 5, 5), "2023-21"),
        ("金秋时节", date(2024, 8, 7), date(2024, 11, 6), "2024-23"),
        ("今冬", date(2024, 11, 7), date(2025, 2, 2), "2024-24"),
        ("明春", date(2025, 2, 3), date(2025, 5, 4), "2025-21"),
    ],
)
def test_extract_resolves_seasons_by_solar_terms(text, start, end, edtf):
    [mention] = extract(text, ref=REF)

    assert (mention.start, mention.end, mention.edtf, mention.precision.value) == (start, end, edtf, "season")


def test_extract_reads_shi_yi_as_national_day_only_beside_a_holiday_word():
    assert [(m.text, m.start, m.end) for m in extract("十一黄金周，十一个景区", ref=REF)] == [
        ("十一黄金周", date(2024, 10, 1), date(2024, 10, 7))
    ]


def test_extract_reads_a_winter_word_in_january_as_the_current_winter():
    [mention] = extract("冬天", ref=date(2025, 1, 10))

    assert mention.edtf == "2024-24"


@pytest.mark.parametrize(
    ("text", "edtf"),
    [
        ("“十四五”期间", "2021/2025"),
        ("“十四五”以来", "2021/2024-03-15"),
        ("十三五", "2016/2020"),
        ("十五五规划", "2026/2030"),
        ("“十五”期间", "2001/2005"),
        ("十四五末", "2025"),
        ("20世纪90年代", "199X"),
        ("90年代", "199X"),
        ("20年代", "202X"),
        ("20世纪", "19XX"),
        ("20世纪80年代末", "1987/1989"),
        ("上世纪80年代", "198X"),
        ("本世纪初", "2000/2019"),
    ],
)
def test_extract_resolves_plans_and_decades(text, edtf):
    [mention] = extract(text, ref=REF)

    assert (mention.text, mention.edtf) == (text, edtf)


@pytest.mark.parametrize(
    "text", ["大雪纷飞", "雨水充足", "元宵好吃", "八一队获胜", "二十四五岁", "十五个项目"]
)
def test_extract_leaves_words_that_only_look_like_names(text):
    assert extract(text, ref=REF) == []


@pytest.mark.parametrize(
    ("name", "ref", "year"),
    [
        ("甲辰", date(2024, 3, 1), 2024),
        ("癸卯", date(2024, 3, 1), 2023),
        ("乙巳", date(2024, 3, 1), 2025),
        ("甲子", date(2000, 1, 1), 1984),
    ],
)
def test_sexagenary_year_picks_the_cycle_nearest_the_reference_day(name, ref, year):
    assert sexagenary_year(name, ref) == year


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("清明时节", [("清明", "2024-04-04", "solar-term")]),
        ("2024年清明", [("2024年清明", "2024-04-04", "solar-term")]),
        ("清明节", [("清明节", "2024-04-04", "festival")]),
        ("政治清明", []),
        ("清明上河图", []),
    ],
    ids=["term-in-context", "term-with-year", "festival", "clean-politics", "painting"],
)
def test_extract_reads_bare_qingming_as_the_solar_term(text, expected):
    assert [(m.text, m.edtf, m.kind.value) for m in extract(text, ref=REF)] == expected
