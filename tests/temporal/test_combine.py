"""Joining pieces: lunar/weekday corroboration, times, ranges (events/temporal/combine.py)."""

from datetime import date, time

import pytest

from events.temporal import extract

REF = date(2024, 3, 12)


@pytest.mark.parametrize(
    ("text", "ref", "day", "confidence"),
    [
        ("3月11日，农历二月初二", date(2024, 3, 12), date(2024, 3, 11), 0.95),
        ("3月11日，农历二月初二", date(2025, 6, 1), date(2024, 3, 11), 0.9),
        ("3月\n11日，农历二月初二", date(2026, 1, 5), date(2024, 3, 11), 0.9),
        ("3月11日（星期一）", date(2024, 3, 12), date(2024, 3, 11), 0.95),
        # A weekday that moves the year is weaker evidence than a lunar date, more so further away.
        ("3月11日（星期一）", date(2025, 6, 1), date(2024, 3, 11), 0.7),
        ("3月11日 周一", date(2026, 3, 20), date(2024, 3, 11), 0.5),
        ("农历二月初二（3月11日）", date(2025, 6, 1), date(2024, 3, 11), 0.9),
        ("2024年3月11日（星期一）", date(2030, 1, 1), date(2024, 3, 11), 1.0),
    ],
)
def test_extract_merges_a_date_with_the_clue_beside_it(text, ref, day, confidence):
    [mention] = extract(text, ref=ref)

    assert (mention.text, mention.start, mention.end, mention.confidence) == (text, day, day, confidence)


@pytest.mark.parametrize(
    ("text", "day"),
    [
        ("昨天（3月11日）", date(2024, 3, 11)),
        ("下周一（3月18日）", date(2024, 3, 18)),
        ("国庆节（10月1日）", date(2024, 10, 1)),
    ],
)
def test_extract_merges_a_relative_word_with_the_date_restating_it(text, day):
    [mention] = extract(text, ref=REF)

    assert (mention.text, mention.start, mention.confidence, mention.note) == (text, day, 0.95, "")


def test_extract_trusts_the_printed_date_over_the_word_before_it():
    [mention] = extract("昨天（3月9日）", ref=REF)

    assert (mention.start, mention.confidence, bool(mention.note)) == (date(2024, 3, 9), 0.5, True)


def test_extract_takes_no_weekday_after_a_comma_for_a_clue():
    mentions = extract("3月11日，周三还将举行论坛", ref=REF)

    assert [(m.text, m.start) for m in mentions] == [
        ("3月11日", date(2024, 3, 11)),
        ("周三", date(2024, 3, 13)),
    ]


def test_extract_reads_a_bracketed_weekday_range_as_its_own_range():
    mentions = extract("2024年3月11日至13日（周一至周三）", ref=REF)

    assert [(m.text, m.edtf) for m in mentions] == [
        ("2024年3月11日至13日", "2024-03-11/2024-03-13"),
        ("周一至周三", "2024-03-11/2024-03-13"),
    ]


def test_extract_merges_a_newspaper_dateline_with_both_clues():
    [mention] = extract("2024年3月12日 星期二 农历甲辰年二月初三", ref=REF)

    assert (mention.start, mention.confidence) == (date(2024, 3, 12), 1.0)


def test_extract_keeps_a_printed_year_when_its_clue_disagrees():
    [mention] = extract("2024年3月11日（星期二）", ref=REF)

    assert (mention.start, mention.confidence < 0.5, bool(mention.note)) == (date(2024, 3, 11), True, True)


def test_extract_keeps_the_reference_year_when_no_year_fits_the_clue():
    [mention] = extract("2月29日（农历正月初一）", ref=REF)

    assert (mention.start, mention.confidence < 0.5, bool(mention.note)) == (date(2024, 2, 29), True, True)


@pytest.mark.parametrize(
    ("text", "start", "at"),
    [
        ("3月11日下午3点", date(2024, 3, 11), time(15, 0)),
        ("2024年3月11日上午9时30分", date(2024, 3, 11), time(9, 30)),
        ("3月11日（星期一）上午9时", date(2024, 3, 11), time(9, 0)),
        ("明天9:30", date(2024, 3, 13), time(9, 30)),
        ("今晚7时", date(2024, 3, 12), time(19, 0)),
        ("3月11日10时", date(2024, 3, 11), time(10, 0)),
        ("去年十一月廿九下午4点半", date(2024, 1, 10), time(16, 30)),
    ],
)
def test_extract_attaches_a_time_to_the_day_before_it(text, start, at):
    [mention] = extract(text, ref=REF)

    assert (mention.text, mention.start, mention.time) == (text, start, at)


@pytest.mark.parametrize(
    ("text", "start", "end"),
    [
        ("明天到元旦", date(2024, 3, 13), date(2025, 1, 1)),
        ("从3月11日到4月2日", date(2024, 3, 11), date(2024, 4, 2)),
        ("周一至周五", date(2024, 3, 11), date(2024, 3, 15)),
        ("2024年3月11日至2024年3月13日", date(2024, 3, 11), date(2024, 3, 13)),
        ("春节到元宵节", date(2024, 2, 10), date(2024, 2, 24)),
        ("3月11日（周一）至15日（周五）", date(2024, 3, 11), date(2024, 3, 15)),
        ("自3月11日起至15日", date(2024, 3, 11), date(2024, 3, 15)),
        ("去年春节到元宵节", date(2023, 1, 22), date(2023, 2, 5)),
    ],
)
def test_extract_joins_any_two_expressions_into_a_range(text, start, end):
    [mention] = extract(text, ref=REF)

    assert (mention.start, mention.end, mention.kind.value) == (start, end, "range")


def test_extract_lets_a_listed_day_take_the_month_before_it():
    mentions = extract("3月11日、12日", ref=REF)

    assert [(m.text, m.start) for m in mentions] == [
        ("3月11日", date(2024, 3, 11)),
        ("12日", date(2024, 3, 12)),
    ]


def test_extract_counts_dang_wan_from_the_day_before_it():
    mentions = extract("3月11日，科技节开幕。当晚8时，焰火表演开始", ref=REF)

    assert [(m.text, m.start, m.time) for m in mentions] == [
        ("3月11日", date(2024, 3, 11), None),
        ("当晚8时", date(2024, 3, 11), time(20, 0)),
    ]


def test_extract_drops_a_bare_hour_with_no_day_beside_it():
    assert extract("共有3点建议", ref=REF) == []


WEEK_REF = date(2024, 10, 15)  # a Tuesday


@pytest.mark.parametrize(
    ("text", "start", "end"),
    [
        ("上周五至周日", date(2024, 10, 11), date(2024, 10, 13)),
        ("上星期五至星期日", date(2024, 10, 11), date(2024, 10, 13)),
        ("上礼拜五到礼拜天", date(2024, 10, 11), date(2024, 10, 13)),
        ("上周五至周末", date(2024, 10, 11), date(2024, 10, 13)),
        ("上周六至周二", date(2024, 10, 12), date(2024, 10, 15)),
        ("下周三至周五", date(2024, 10, 23), date(2024, 10, 25)),
        ("周一至周五", date(2024, 10, 14), date(2024, 10, 18)),
        ("周五至周一", date(2024, 10, 18), date(2024, 10, 21)),
        ("周五至下周一", date(2024, 10, 18), date(2024, 10, 21)),
        ("本周三至下周五", date(2024, 10, 16), date(2024, 10, 25)),
    ],
    ids=[
        "last-fri-to-sun",
        "xingqi",
        "libai",
        "to-weekend",
        "sat-to-tue-next-week",
        "next-wed-to-fri",
        "bare-mon-to-fri",
        "bare-fri-to-mon-wraps",
        "qualified-end-keeps-its-week",
        "qualified-end-next-week",
    ],
)
def test_extract_keeps_a_weekday_range_within_the_start_week(text, start, end):
    [mention] = extract(text, ref=WEEK_REF)

    assert (mention.text, mention.start, mention.end) == (text, start, end)


@pytest.mark.parametrize(
    ("text", "ref", "start", "end"),
    [
        ("即日起至本月底", date(2024, 9, 5), date(2024, 9, 5), date(2024, 9, 30)),
        ("3月5日至月末", date(2024, 3, 1), date(2024, 3, 5), date(2024, 3, 31)),
    ],
)
def test_extract_runs_a_range_to_the_last_day_of_a_month_end(text, ref, start, end):
    [mention] = extract(text, ref=ref)

    assert (mention.start, mention.end, mention.precision) == (start, end, "day")


@pytest.mark.parametrize(
    ("text", "day"),
    [
        ("前年的今天", date(2019, 6, 14)),
        ("三年前的今天", date(2018, 6, 14)),
        ("上个月的今天", date(2021, 5, 14)),
        ("3周后周五", date(2021, 7, 9)),
        ("下下周的周六", date(2021, 7, 3)),
        ("2年后3月5号", date(2023, 3, 5)),
        ("两年后的春节", date(2023, 1, 22)),
    ],
)
def test_extract_composes_a_relative_unit_with_the_day_inside_it(text, day):
    [mention] = extract(text, ref=date(2021, 6, 14))

    assert (mention.text, mention.start, mention.end) == (text, day, day)


@pytest.mark.parametrize(
    ("text", "ref", "day", "confidence"),
    [
        # The text prints a year (a page line, a headline): a disagreeing weekday is a misprint.
        (
            "发布时间：2024-06-17 16:02\n6月15日（星期五）上午，活动举行。",
            date(2024, 6, 17),
            date(2024, 6, 15),
            0.5,
        ),
        (
            "我县举办2024年科技下乡活动\n6月15日（周五），活动举行。",
            date(2024, 6, 17),
            date(2024, 6, 15),
            0.5,
        ),
        # No year anywhere: the weekday may still move it (a year back here).
        ("5月12日（周五），活动举行。", date(2024, 5, 10), date(2023, 5, 12), 0.7),
        # A bare day with its weekday: the month around ref where they agree.
        ("決賽於22日（星期日）上午舉行", date(2024, 9, 20), date(2024, 9, 22), 0.9),
        ("28日（星期四），签约仪式举行", date(2024, 12, 2), date(2024, 11, 28), 0.95),
        ("1日（周日）开幕", date(2024, 11, 28), date(2024, 12, 1), 0.9),
    ],
    ids=[
        "page-line-year",
        "headline-year",
        "no-year-moves",
        "bare-day-month",
        "bare-day-agrees",
        "next-month",
    ],
)
def test_join_weekday_moves_a_year_only_when_the_text_prints_none(text, ref, day, confidence):
    days = [m for m in extract(text, ref) if m.start == day]

    assert len(days) == 1 and days[0].confidence == confidence


@pytest.mark.parametrize(
    ("text", "ref", "day"),
    [
        ("下周二（10日）起举办", date(2024, 12, 6), date(2024, 12, 10)),
        ("11月份数据公布。下周二（10日）起举办", date(2024, 12, 6), date(2024, 12, 10)),
        ("本周六（14日）上午", date(2024, 12, 12), date(2024, 12, 14)),
        ("上周五（29日）", date(2024, 12, 2), date(2024, 11, 29)),
    ],
    ids=["next-week", "after-another-month", "this-week", "across-month"],
)
def test_join_restated_bare_day_takes_the_words_month(text, ref, day):
    mention = extract(text, ref)[-1]

    assert (mention.start, mention.confidence) == (day, 0.95)


@pytest.mark.parametrize(
    ("text", "day"),
    [
        ("今年最后一天", date(2024, 12, 31)),
        ("下个月的第一天", date(2024, 4, 1)),
        ("下周的第一天", date(2024, 3, 18)),
        ("2023年的最后一天", date(2023, 12, 31)),
        ("2月最后一天", date(2024, 2, 29)),
    ],
    ids=["year-last", "next-month-first", "next-week-first", "printed-year-last", "february-last"],
)
def test_join_first_or_last_day_of_a_named_unit(text, day):
    [mention] = extract(text, date(2024, 3, 12))

    assert (mention.start, mention.end) == (day, day)


@pytest.mark.parametrize(
    ("text", "start", "end"),
    [
        ("展览从一月八日持续到20日", date(2024, 1, 8), date(2024, 1, 20)),
        ("活动自5月1日一直持续至5月3日", date(2024, 5, 1), date(2024, 5, 3)),
        ("2023年中秋国庆假期", date(2023, 9, 29), date(2023, 10, 6)),
        ("2024年国庆中秋假期", date(2024, 9, 15), date(2024, 10, 7)),
    ],
    ids=["lasting-to", "lasting-until", "joined-holiday-2023", "joined-holiday-2024"],
)
def test_join_ranges_told_with_a_verb_or_a_joined_holiday(text, start, end):
    [mention] = extract(text, date(2024, 3, 12))

    assert (mention.start, mention.end) == (start, end)


@pytest.mark.parametrize(
    ("text", "days"),
    [
        ("將於本月27、28日（星期六、日）舉行", [date(2024, 4, 27), date(2024, 4, 28)]),
        ("將於本月廿七、廿八日（星期六、日）舉行", [date(2024, 4, 27), date(2024, 4, 28)]),
        ("4月27、28日舉行", [date(2024, 4, 27), date(2024, 4, 28)]),
        ("5月8、15日分别举行", [date(2024, 5, 8), date(2024, 5, 15)]),
    ],
    ids=["arabic-weekday-list", "nian-weekday-list", "shared-ri", "apart"],
)
def test_join_days_sharing_one_ri_and_a_weekday_list(text, days):
    assert [m.start for m in extract(text, date(2024, 4, 10))] == days


@pytest.mark.parametrize(
    ("text", "start", "end"),
    [
        ("今年最后一个月", date(2024, 12, 1), date(2024, 12, 31)),
        ("明年首月", date(2025, 1, 1), date(2025, 1, 31)),
        ("2023年的第一个月", date(2023, 1, 1), date(2023, 1, 31)),
    ],
    ids=["this-year-last", "next-year-first", "printed-year-first"],
)
def test_join_first_or_last_month_of_a_year(text, start, end):
    [mention] = extract(text, date(2024, 3, 12))

    assert (mention.start, mention.end) == (start, end)
