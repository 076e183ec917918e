"""Lunar dates, festivals, solar terms and seasons checked against published calendars."""

from datetime import date, timedelta

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from events.temporal.calendars import (
    FESTIVAL_NAMES,
    SEASON_NAMES,
    SOLAR_TERM_NAMES,
    festival_date,
    lunar_to_solar,
    lunar_year_containing,
    season_edtf,
    season_span,
    solar_term_date,
    solar_to_lunar,
)


@pytest.mark.parametrize(
    ("lunar", "expected"),
    [
        ((2024, 2, 2, False), date(2024, 3, 11)),
        ((2024, 1, 15, False), date(2024, 2, 24)),
        ((2023, 2, 1, True), date(2023, 3, 22)),
        ((2023, 2, 29, True), date(2023, 4, 19)),
        ((2020, 4, 1, True), date(2020, 5, 23)),
        ((2025, 6, 1, True), date(2025, 7, 25)),
        ((2033, 11, 1, True), date(2033, 12, 22)),
        ((2022, 12, 23, False), date(2023, 1, 14)),
    ],
    ids=["longtaitou-2024", "yuanxiao-2024", "leap-2-2023", "leap-2-end-2023", "leap-4-2020", "leap-6-2025",
         "leap-11-2033", "layue-into-next-year"],
)  # fmt: skip
def test_lunar_to_solar_converts_known_days(lunar, expected):
    assert lunar_to_solar(*lunar) == expected


@pytest.mark.parametrize(
    "lunar",
    [
        (2024, 1, 30, False),  # 2024 正月 has 29 days
        (2024, 12, 30, False),  # no 大年三十 in lunar 2024
        (2023, 2, 30, True),  # 2023 闰二月 has 29 days
        (2023, 4, 1, True),  # 2023 has no 闰四月
        (2024, 13, 1, False),
        (2024, 0, 1, False),
        (2024, 1, 0, False),
        (2024, 1, 31, False),
        (1899, 1, 1, False),
        (2101, 1, 1, False),
    ],
    ids=["day-30-short-month", "no-nianchu-sanshi", "day-30-leap", "missing-leap", "month-13", "month-0",
         "day-0", "day-31", "before-range", "after-range"],
)  # fmt: skip
def test_lunar_to_solar_rejects_impossible_days(lunar):
    assert lunar_to_solar(*lunar) is None


@pytest.mark.parametrize(
    ("day", "expected"),
    [
        (date(2024, 3, 11), (2024, 2, 2, False)),
        (date(2023, 3, 22), (2023, 2, 1, True)),
        (date(2025, 1, 28), (2024, 12, 29, False)),
        (date(2024, 2, 10), (2024, 1, 1, False)),
        (date(2025, 11, 7), (2025, 9, 18, False)),
    ],
    ids=["longtaitou", "leap-month", "eve-29-day-layue", "new-year", "seed-2025"],
)
def test_solar_to_lunar_converts_known_days(day, expected):
    assert solar_to_lunar(day) == expected


def test_solar_to_lunar_round_trips_every_day_2000_to_2030():
    days = [date(2000, 1, 1) + timedelta(days=n) for n in range((date(2030, 12, 31) - date(2000, 1, 1)).days)]

    wrong = [d for d in days if lunar_to_solar(*solar_to_lunar(d)) != d]

    assert wrong == []


def test_solar_to_lunar_rejects_days_outside_the_range():
    with pytest.raises(ValueError):
        solar_to_lunar(date(1800, 6, 1))


@pytest.mark.parametrize(
    ("day", "expected"),
    [(date(2024, 2, 9), 2023), (date(2024, 2, 10), 2024), (date(2024, 12, 31), 2024)],
    ids=["eve", "new-year", "december"],
)
def test_lunar_year_containing_follows_spring_festival(day, expected):
    assert lunar_year_containing(day) == expected


# One row per festival (canonical name), 2024, from the published 2024 calendar.
FESTIVALS_2024 = {
    "春节": date(2024, 2, 10),
    "元宵节": date(2024, 2, 24),
    "龙抬头": date(2024, 3, 11),
    "端午节": date(2024, 6, 10),
    "七夕节": date(2024, 8, 10),
    "中元节": date(2024, 8, 18),
    "中秋节": date(2024, 9, 17),
    "重阳节": date(2024, 10, 11),
    "腊八节": date(2024, 1, 18),
    "小年": date(2024, 2, 2),
    "除夕": date(2024, 2, 9),
    "清明节": date(2024, 4, 4),
    "元旦": date(2024, 1, 1),
    "情人节": date(2024, 2, 14),
    "妇女节": date(2024, 3, 8),
    "植树节": date(2024, 3, 12),
    "愚人节": date(2024, 4, 1),
    "劳动节": date(2024, 5, 1),
    "青年节": date(2024, 5, 4),
    "母亲节": date(2024, 5, 12),
    "儿童节": date(2024, 6, 1),
    "父亲节": date(2024, 6, 16),
    "建党节": date(2024, 7, 1),
    "建军节": date(2024, 8, 1),
    "教师节": date(2024, 9, 10),
    "国庆节": date(2024, 10, 1),
    "万圣节": date(2024, 10, 31),
    "双十一": date(2024, 11, 11),
    "618购物节": date(2024, 6, 18),
    "感恩节": date(2024, 11, 28),
    "双十二": date(2024, 12, 12),
    "平安夜": date(2024, 12, 24),
    "圣诞节": date(2024, 12, 25),
    "寒衣节": date(2024, 11, 1),
    "下元节": date(2024, 11, 15),
    "全国助残日": date(2024, 5, 19),
    "中国农民丰收节": date(2024, 9, 22),
    "中国人民警察节": date(2024, 1, 10),
    "世界水日": date(2024, 3, 22),
    "世界气象日": date(2024, 3, 23),
    "消费者权益日": date(2024, 3, 15),
    "全民国家安全教育日": date(2024, 4, 15),
    "世界地球日": date(2024, 4, 22),
    "世界读书日": date(2024, 4, 23),
    "中国航天日": date(2024, 4, 24),
    "世界知识产权日": date(2024, 4, 26),
    "护士节": date(2024, 5, 12),
    "世界电信和信息社会日": date(2024, 5, 17),
    "国际博物馆日": date(2024, 5, 18),
    "全国科技工作者日": date(2024, 5, 30),
    "世界无烟日": date(2024, 5, 31),
    "世界环境日": date(2024, 6, 5),
    "香港回归纪念日": date(2024, 7, 1),
    "世界标准日": date(2024, 10, 14),
    "记者节": date(2024, 11, 8),
    "世界艾滋病日": date(2024, 12, 1),
    "国家宪法日": date(2024, 12, 4),
    "澳门回归纪念日": date(2024, 12, 20),
    "圣瓦伦丁节": date(2024, 2, 14),
    "阳历新年": date(2024, 1, 1),
    "公历新年": date(2024, 1, 1),
    "老板节": date(2024, 10, 16),
    "女生节": date(2024, 3, 7),
    "光棍节": date(2024, 11, 11),
    "复活节": date(2024, 3, 31),
    "主复活日": date(2024, 3, 31),
    "复活节星期一": date(2024, 4, 1),
    "复活节前夜": date(2024, 3, 30),
    "圣周六": date(2024, 3, 30),
    "神圣周六": date(2024, 3, 30),
    "耶稣受难日": date(2024, 3, 29),
    "耶稣受难节": date(2024, 3, 29),
    "主受难日": date(2024, 3, 29),
    "主受难节": date(2024, 3, 29),
    "圣周五": date(2024, 3, 29),
    "神圣星期四": date(2024, 3, 28),
    "圣周星期四": date(2024, 3, 28),
    "圣周四": date(2024, 3, 28),
    "濯足节": date(2024, 3, 28),
    "设立圣餐日": date(2024, 3, 28),
    "棕枝主日": date(2024, 3, 24),
    "圣枝主日": date(2024, 3, 24),
    "圣树主日": date(2024, 3, 24),
    "基督苦难主日": date(2024, 3, 24),
    "大斋首日": date(2024, 2, 14),
    "圣灰星期三": date(2024, 2, 14),
    "圣灰礼仪日": date(2024, 2, 14),
    "圣灰日": date(2024, 2, 14),
    "忏悔节": date(2024, 2, 13),
    "耶稣升天节": date(2024, 5, 9),
    "圣灵降临节": date(2024, 5, 19),
    "圣灵降临日": date(2024, 5, 19),
    "五旬节": date(2024, 5, 19),
    "圣三一主日": date(2024, 5, 26),
    "天主圣三节": date(2024, 5, 26),
    "圣三主日": date(2024, 5, 26),
    "基督圣体节": date(2024, 5, 30),
    "基督圣体圣血节": date(2024, 5, 30),
    "东正教复活节": date(2024, 5, 5),
    "东正教复活节星期一": date(2024, 5, 6),
    "东正教主受难节": date(2024, 5, 3),
    "东正教耶稣受难日": date(2024, 5, 3),
    "东正教圣周五": date(2024, 5, 3),
    "东正教圣周六": date(2024, 5, 4),
    "东正教棕枝主日": date(2024, 4, 28),
    "东正教圣枝主日": date(2024, 4, 28),
    "开斋节": date(2024, 4, 10),
    "肉孜节": date(2024, 4, 10),
    "古尔邦节": date(2024, 6, 16),
    "宰牲节": date(2024, 6, 16),
    "伊斯兰新年": date(2024, 7, 7),
    "伊斯兰教新年": date(2024, 7, 7),
    "伊斯兰历新年": date(2024, 7, 7),
    "阿舒拉节": date(2024, 7, 16),
    "圣纪节": date(2024, 9, 15),
    "登霄节": date(2024, 2, 8),
    "双十节": date(2024, 10, 10),
    "二二八纪念日": date(2024, 2, 28),
}

ALIASES = {
    "双十节": ["双十国庆"],
    "二二八纪念日": ["和平纪念日"],
    "春节": ["大年初一", "农历新年", "新春佳节"],
    "元宵节": ["元宵", "上元节"],
    "龙抬头": ["二月二"],
    "端午节": ["端午"],
    "七夕节": ["七夕"],
    "中秋节": ["中秋"],
    "重阳节": ["重阳"],
    "腊八节": ["腊八"],
    "除夕": ["大年三十", "大年夜"],
    "清明节": ["清明"],
    "妇女节": ["三八节", "三八妇女节", "国际妇女节"],
    "劳动节": ["五一", "五一劳动节", "国际劳动节"],
    "青年节": ["五四", "五四青年节"],
    "儿童节": ["六一", "六一儿童节", "国际儿童节"],
    "建党节": ["七一"],
    "建军节": ["八一", "八一建军节"],
    "国庆节": ["国庆"],
    "圣诞节": ["圣诞"],
    "中国农民丰收节": ["农民丰收节"],
    "消费者权益日": ["国际消费者权益日", "世界消费者权益日"],
    "全民国家安全教育日": ["国家安全教育日"],
    "世界读书日": ["世界图书与版权日"],
    "护士节": ["国际护士节"],
    "世界电信和信息社会日": ["世界电信日"],
    "全国科技工作者日": ["科技工作者日"],
    "记者节": ["中国记者节"],
}


@pytest.mark.parametrize(("name", "expected"), FESTIVALS_2024.items(), ids=list(FESTIVALS_2024))
def test_festival_date_finds_every_festival_in_2024(name, expected):
    assert festival_date(name, 2024) == expected


@pytest.mark.parametrize(
    ("alias", "name"), [(a, n) for n, aliases in ALIASES.items() for a in aliases], ids=lambda v: v
)
def test_festival_date_treats_aliases_as_their_festival(alias, name):
    assert festival_date(alias, 2024) == festival_date(name, 2024)


def test_festival_names_are_all_tested_and_longest_first():
    tested = set(FESTIVALS_2024) | {a for aliases in ALIASES.values() for a in aliases}

    assert (set(FESTIVAL_NAMES), [len(n) for n in FESTIVAL_NAMES]) == (
        tested,
        sorted((len(n) for n in FESTIVAL_NAMES), reverse=True),
    )


# 除夕 is the eve of that Gregorian year's 春节; 2025–2029 have a 29-day 腊月 (no 年三十).
@pytest.mark.parametrize(
    ("year", "expected"),
    [
        (2023, date(2023, 1, 21)),
        (2024, date(2024, 2, 9)),
        (2025, date(2025, 1, 28)),
        (2026, date(2026, 2, 16)),
    ],
    ids=["2023", "2024", "2025-29-day", "2026-29-day"],
)
def test_festival_date_puts_new_year_eve_before_spring_festival(year, expected):
    assert festival_date("除夕", year) == expected


@pytest.mark.parametrize(
    ("name", "year", "expected"),
    [
        ("腊八", 2022, date(2022, 1, 10)),
        ("腊八", 2023, date(2024, 1, 18)),  # no 腊八 in 2023: lunar 2022's fell on 2022-12-30
        ("小年", 2023, date(2023, 1, 14)),
        ("中秋", 2023, date(2023, 9, 29)),
        ("端午", 2023, date(2023, 6, 22)),
        ("春节", 2025, date(2025, 1, 29)),
        ("复活节", 2013, date(2013, 3, 31)),
        ("东正教复活节星期一", 2013, date(2013, 5, 6)),
        ("开斋节", 2013, date(2013, 8, 8)),  # Umm al-Qura, as Duckling's corpus has it
        ("伊斯兰新年", 2013, date(2013, 11, 4)),
    ],
    ids=[
        "laba-2022",
        "laba-none-in-2023",
        "xiaonian-2023",
        "midautumn-2023",
        "duanwu-2023",
        "spring-2025",
        "easter-2013",
        "orthodox-easter-monday-2013",
        "eid-al-fitr-2013",
        "hijri-new-year-2013",
    ],  # fmt: skip
)
def test_festival_date_picks_the_occurrence_in_the_year(name, year, expected):
    assert festival_date(name, year) == expected


@pytest.mark.parametrize(
    ("name", "year"), [("十一", 2024), ("开学日", 2024), ("春节", 1800), ("开斋节", 1900)], ids=str
)
def test_festival_date_returns_none_for_unknown(name, year):
    assert festival_date(name, year) is None


# Published Beijing-time dates (中国天文年历 / 中央气象台 tables).
@pytest.mark.parametrize(
    ("name", "year", "expected"),
    [
        ("大寒", 2019, date(2019, 1, 20)),
        ("立冬", 2025, date(2025, 11, 7)),
        ("大雪", 2025, date(2025, 12, 7)),
        ("冬至", 2025, date(2025, 12, 21)),
        ("小寒", 2024, date(2024, 1, 6)),
        ("立春", 2024, date(2024, 2, 4)),
        ("春分", 2024, date(2024, 3, 20)),
        ("清明", 2023, date(2023, 4, 5)),
        ("夏至", 2024, date(2024, 6, 21)),
        ("立秋", 2024, date(2024, 8, 7)),
        ("秋分", 2024, date(2024, 9, 22)),
        ("冬至", 2024, date(2024, 12, 21)),
        ("立春", 2025, date(2025, 2, 3)),
        ("立夏", 2025, date(2025, 5, 5)),
        ("白露", 2025, date(2025, 9, 7)),
        ("冬至", 2015, date(2015, 12, 22)),
    ],
    ids=lambda v: str(v),
)
def test_solar_term_date_matches_published_tables(name, year, expected):
    assert solar_term_date(name, year) == expected


def test_solar_term_date_covers_every_term_in_order():
    days = [solar_term_date(name, 2024) for name in SOLAR_TERM_NAMES]

    assert (len(SOLAR_TERM_NAMES), days[:-2] == sorted(days[:-2]), days[-2:]) == (
        24,
        True,
        [date(2024, 1, 6), date(2024, 1, 20)],
    )


@pytest.mark.parametrize(("name", "year"), [("立秋节", 2024), ("立春", 1800)], ids=str)
def test_solar_term_date_returns_none_for_unknown(name, year):
    assert solar_term_date(name, year) is None


@pytest.mark.parametrize(
    ("name", "year", "span", "edtf"),
    [
        ("冬", 2025, (date(2025, 11, 7), date(2026, 2, 3)), "2025-24"),
        ("冬季", 2025, (date(2025, 11, 7), date(2026, 2, 3)), "2025-24"),
        ("初冬", 2025, (date(2025, 11, 7), date(2025, 12, 6)), "2025-11-07/2025-12-06"),
        ("仲冬", 2025, (date(2025, 12, 7), date(2026, 1, 4)), "2025-12-07/2026-01-04"),
        ("冬末", 2025, (date(2026, 1, 5), date(2026, 2, 3)), "2026-01-05/2026-02-03"),
        ("隆冬", 2025, (date(2025, 12, 7), date(2026, 2, 3)), "2025-12-07/2026-02-03"),
        ("春天", 2024, (date(2024, 2, 4), date(2024, 5, 4)), "2024-21"),
        ("早春", 2024, (date(2024, 2, 4), date(2024, 3, 4)), "2024-02-04/2024-03-04"),
        ("暮春", 2024, (date(2024, 4, 4), date(2024, 5, 4)), "2024-04-04/2024-05-04"),
        ("夏季", 2025, (date(2025, 5, 5), date(2025, 8, 6)), "2025-22"),
        ("盛夏", 2025, (date(2025, 6, 5), date(2025, 8, 6)), "2025-06-05/2025-08-06"),
        ("秋", 2025, (date(2025, 8, 7), date(2025, 11, 6)), "2025-23"),
        ("金秋", 2025, (date(2025, 8, 7), date(2025, 11, 6)), "2025-23"),
        ("深秋", 2025, (date(2025, 10, 8), date(2025, 11, 6)), "2025-10-08/2025-11-06"),
    ],
    ids=lambda v: str(v),
)
def test_season_span_follows_solar_terms(name, year, span, edtf):
    assert (season_span(name, year), season_edtf(name, year)) == (span, edtf)


def test_season_span_knows_every_name_longest_first():
    spans = {name: season_span(name, 2024) for name in SEASON_NAMES}

    assert ([n for n, s in spans.items() if s is None], [len(n) for n in SEASON_NAMES]) == (
        [],
        sorted((len(n) for n in SEASON_NAMES), reverse=True),
    )


@pytest.mark.parametrize(("name", "year"), [("季节", 2024), ("冬", 2100)], ids=str)
def test_season_span_returns_none_for_unknown(name, year):
    assert (season_span(name, year), season_edtf(name, year)) == (None, None)


@settings(max_examples=300, deadline=None)
@given(st.integers(-10_000, 10_000), st.integers(-5, 20), st.integers(-5, 40), st.booleans())
def test_lunar_to_solar_never_raises_and_round_trips(year, month, day, leap):
    found = lunar_to_solar(year, month, day, leap)

    assert found is None or solar_to_lunar(found) == (year, month, day, leap)


@settings(max_examples=200, deadline=None)
@given(st.text(max_size=6), st.integers(-10_000, 10_000))
def test_named_day_lookups_never_raise(name, year):
    results = (festival_date(name, year), solar_term_date(name, year), season_span(name, year))

    assert all(r is None or isinstance(r, (date, tuple)) for r in results)
