"""Expressions counted from the reference day (events/temporal/resolve_relative.py)."""

from datetime import date

import pytest

from events.temporal import extract

REF = date(2024, 3, 15)  # a Friday; every case counts from it


@pytest.mark.parametrize(
    ("text", "start", "end"),
    [
        ("今天", date(2024, 3, 15), date(2024, 3, 15)),
        ("昨日", date(2024, 3, 14), date(2024, 3, 14)),
        ("昨天", date(2024, 3, 14), date(2024, 3, 14)),
        ("明天", date(2024, 3, 16), date(2024, 3, 16)),
        ("后天", date(2024, 3, 17), date(2024, 3, 17)),
        ("大后天", date(2024, 3, 18), date(2024, 3, 18)),
        ("当天", date(2024, 3, 15), date(2024, 3, 15)),
        ("当日", date(2024, 3, 15), date(2024, 3, 15)),
        ("下周三", date(2024, 3, 20), date(2024, 3, 20)),
        ("上周", date(2024, 3, 4), date(2024, 3, 10)),
        ("本周", date(2024, 3, 11), date(2024, 3, 17)),
        ("上上周", date(2024, 2, 26), date(2024, 3, 3)),
        ("周日", date(2024, 3, 17), date(2024, 3, 17)),
        ("星期天", date(2024, 3, 17), date(2024, 3, 17)),
        ("礼拜天", date(2024, 3, 17), date(2024, 3, 17)),
        ("本周末", date(2024, 3, 16), date(2024, 3, 17)),
        ("上周末", date(2024, 3, 9), date(2024, 3, 10)),
        ("下周末", date(2024, 3, 23), date(2024, 3, 24)),
        ("周末", date(2024, 3, 9), date(2024, 3, 10)),
        ("週末", date(2024, 3, 9), date(2024, 3, 10)),
        ("15天后", date(2024, 3, 30), date(2024, 3, 30)),
        ("三天前", date(2024, 3, 12), date(2024, 3, 12)),
        ("两周前", date(2024, 2, 26), date(2024, 3, 3)),
        ("两个月前", date(2024, 1, 1), date(2024, 1, 31)),
        ("3年前", date(2021, 1, 1), date(2021, 12, 31)),
        ("半年前", date(2023, 9, 1), date(2023, 9, 30)),
        ("半个月后", date(2024, 3, 30), date(2024, 3, 30)),
        ("两个季度前", date(2023, 7, 1), date(2023, 9, 30)),
        ("上季度", date(2023, 10, 1), date(2023, 12, 31)),
        ("本季度", date(2024, 1, 1), date(2024, 3, 31)),
        ("下月初", date(2024, 4, 1), date(2024, 4, 10)),
        ("今后两年", date(2024, 3, 15), date(2026, 3, 14)),
        ("未来三年", date(2024, 3, 15), date(2027, 3, 14)),
        ("3年来", date(2021, 1, 1), date(2024, 3, 15)),
        ("近三年", date(2021, 1, 1), date(2024, 3, 15)),
        ("两个月来", date(2024, 1, 15), date(2024, 3, 15)),
        ("半年来", date(2023, 9, 15), date(2024, 3, 15)),
        ("今年前三季度", date(2024, 1, 1), date(2024, 9, 30)),
        ("今年", date(2024, 1, 1), date(2024, 12, 31)),
        ("去年", date(2023, 1, 1), date(2023, 12, 31)),
        ("明年", date(2025, 1, 1), date(2025, 12, 31)),
        ("前年", date(2022, 1, 1), date(2022, 12, 31)),
    ],
)
def test_extract_resolves_relative_expressions(text, start, end):
    [mention] = extract(text, ref=REF)

    assert (mention.text, mention.start, mention.end) == (text, start, end)


@pytest.mark.parametrize(
    ("text", "start", "end"),
    [
        ("近日", date(2024, 3, 5), date(2024, 3, 15)),
        ("日前", date(2024, 3, 5), date(2024, 3, 15)),
        ("目前", date(2024, 3, 15), date(2024, 3, 15)),
        ("近年来", date(2021, 1, 1), date(2024, 3, 15)),
        ("几年前", date(2021, 1, 1), date(2021, 12, 31)),
        ("二十几年前", date(1999, 1, 1), date(1999, 12, 31)),
    ],
)
def test_extract_marks_vague_expressions_vague(text, start, end):
    [mention] = extract(text, ref=REF)

    assert (mention.start, mention.end, mention.precision.value) == (start, end, "vague")


def test_extract_counts_dang_tian_from_the_last_day_mentioned():
    mentions = extract("3月11日，科技节开幕。当天，15个项目签约", ref=REF)

    assert [(m.text, m.start) for m in mentions] == [
        ("3月11日", date(2024, 3, 11)),
        ("当天", date(2024, 3, 11)),
    ]


def test_extract_counts_tong_nian_from_the_last_year_mentioned():
    mentions = extract("2019年开工，同年12月投产", ref=REF)

    assert [(m.text, m.edtf) for m in mentions] == [("2019年", "2019"), ("同年12月", "2019-12")]


def test_extract_counts_ci_yue_from_the_last_day_mentioned():
    mentions = extract("2023年5月8日签约，次月开工", ref=REF)

    assert [(m.text, m.edtf) for m in mentions] == [("2023年5月8日", "2023-05-08"), ("次月", "2023-06")]


@pytest.mark.parametrize(
    "text", ["一周三次", "每周三", "3个月", "5年", "15天", "上周期", "共创美好的明天", "今日头条", "先天后天"]
)
def test_extract_leaves_counts_without_a_direction(text):
    assert extract(text, ref=REF) == []


@pytest.mark.parametrize(
    ("text", "start", "end"),
    [
        ("前两天，记者来到现场", date(2024, 5, 8), date(2024, 5, 9)),
        ("上两天", date(2024, 5, 8), date(2024, 5, 9)),
        ("下三天", date(2024, 5, 11), date(2024, 5, 13)),
        ("后三天将有降雨", date(2024, 5, 11), date(2024, 5, 13)),
        ("下三个周", date(2024, 5, 13), date(2024, 6, 2)),
        ("下三年", date(2025, 1, 1), date(2027, 12, 31)),
        ("上两年", date(2022, 1, 1), date(2023, 12, 31)),
    ],
    ids=["before-two-days", "last-two-days", "next-three-days", "after-three-days", "next-three-weeks",
         "next-three-years", "last-two-years"],
)  # fmt: skip
def test_extract_whole_days_and_years_after_or_before_ref(text, start, end):
    [mention] = extract(text, date(2024, 5, 10))

    assert (mention.start, mention.end) == (start, end)


@pytest.mark.parametrize(
    "text", ["上3天班", "最后三天", "开幕后三天", "3年以上7年以下", "以下两天", "上两年学", "落后三年"]
)
def test_extract_work_school_and_after_an_event_are_no_window(text):
    assert extract(text, date(2024, 5, 10)) == []


@pytest.mark.parametrize(
    ("text", "day"),
    [
        ("昨（27日）下午在展廳開幕", date(2024, 11, 27)),
        ("今(28日)舉行", date(2024, 11, 28)),
        ("前（26号）晚", date(2024, 11, 26)),
        ("恰逢周六，市民踊跃参观", date(2024, 11, 30)),
    ],
    ids=["hk-yesterday", "hk-today", "day-before", "one-saturday"],
)
def test_extract_hong_kong_brackets_hold_the_day_sign(text, day):
    [mention] = extract(text, date(2024, 11, 28))

    assert mention.start == day
