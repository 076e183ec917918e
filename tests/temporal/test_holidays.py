from datetime import date

import pytest

from events.temporal import Kind, Precision, extract
from events.temporal.holidays import holiday_span

REF = date(2024, 10, 15)


@pytest.mark.parametrize(
    ("text", "span", "start", "end", "confidence"),
    [
        ("“五一”假期期间", "“五一”假期期间", date(2024, 5, 1), date(2024, 5, 5), 0.9),
        ("五一假期", "五一假期", date(2024, 5, 1), date(2024, 5, 5), 0.9),
        ("国庆假期", "国庆假期", date(2024, 10, 1), date(2024, 10, 7), 0.9),
        ("国庆黄金周", "国庆黄金周", date(2024, 10, 1), date(2024, 10, 7), 0.9),
        ("十一黄金周", "十一黄金周", date(2024, 10, 1), date(2024, 10, 7), 0.9),
        ("春节假期", "春节假期", date(2024, 2, 10), date(2024, 2, 17), 0.9),
        ("春节期间", "春节期间", date(2024, 2, 10), date(2024, 2, 17), 0.9),
        ("中秋假期", "中秋假期", date(2024, 9, 15), date(2024, 9, 17), 0.9),
        ("端午假期", "端午假期", date(2024, 6, 8), date(2024, 6, 10), 0.9),
        ("清明假期", "清明假期", date(2024, 4, 4), date(2024, 4, 6), 0.9),
        ("元旦假期", "元旦假期", date(2023, 12, 30), date(2024, 1, 1), 0.9),
        ("2023年中秋假期", "2023年中秋假期", date(2023, 9, 29), date(2023, 10, 6), 0.9),
        ("2025年国庆长假", "2025年国庆长假", date(2025, 10, 1), date(2025, 10, 8), 0.9),
        ("2030年国庆假期", "2030年国庆假期", date(2030, 10, 1), date(2030, 10, 7), 0.6),
        ("2030年五一小长假", "2030年五一小长假", date(2030, 5, 1), date(2030, 5, 5), 0.6),
        ("2030年春节假期", "2030年春节假期", date(2030, 2, 2), date(2030, 2, 8), 0.6),
        ("2030年端午假期", "2030年端午假期", date(2030, 6, 5), date(2030, 6, 5), 0.6),
    ],
    ids=[
        "quoted-labour-day",
        "labour-day",
        "national-day",
        "golden-week",
        "shi-yi-golden-week",
        "spring-festival",
        "spring-festival-qijian",
        "mid-autumn",
        "dragon-boat-with-weekend",
        "qingming",
        "new-year-from-last-year",
        "mid-autumn-joined-to-national-day",
        "national-day-2025-eight-days",
        "fallback-national-day",
        "fallback-labour-day",
        "fallback-spring-festival",
        "fallback-one-day",
    ],
)
def test_extract_reads_a_holiday_period(text, span, start, end, confidence):
    [mention] = extract(text, ref=REF)

    assert (mention.text, mention.start, mention.end, mention.confidence) == (span, start, end, confidence)
    assert (mention.precision, mention.kind) == (Precision.DAY, Kind.FESTIVAL)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("国庆节当天", [("国庆节", "2024-10-01"), ("当天", "2024-10-01")]),
        ("春节", [("春节", "2024-02-10")]),
        ("十一个景区", []),
        ("二十一期间", []),
        ("政治清明", []),
    ],
    ids=["festival-day-stays-a-day", "bare-festival", "eleven", "twenty-one", "clean-politics"],
)
def test_extract_reads_no_holiday_without_a_holiday_word(text, expected):
    assert [(m.text, m.edtf) for m in extract(text, ref=REF)] == expected


def test_holiday_span_says_when_it_comes_from_the_schedule():
    assert holiday_span("国庆节", 2024) == (date(2024, 10, 1), date(2024, 10, 7), True)
    assert holiday_span("国庆节", 2030) == (date(2030, 10, 1), date(2030, 10, 7), False)
