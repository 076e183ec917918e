"""Tests for events/publishing/feed_text.py: calendar names, SUMMARY precision notes and DESCRIPTION lines."""

from __future__ import annotations

from datetime import date

import pytest

from events.models import Event
from events.publishing.display import quoted
from events.publishing.feed_text import calendar_name, event_summary, feed_description
from events.selectors import parse_filters


@pytest.mark.parametrize(
    ("params", "coarse", "name"),
    [
        ({}, False, "科技日历"),
        ({"from": "2024-03-01", "to": "2024-03-31"}, False, "科技日历 · 2024-03-01—2024-03-31"),
        ({"to": "2024"}, False, "科技日历 · 2024-12-31止"),
        (
            {"q": "签约", "source": "晋中日报", "precision": "month"},
            False,
            "科技日历 · “签约” · 来源：晋中日报 · 精度：月",
        ),
        ({"kind": "training"}, True, "科技日历 · 培训 · 含粗略日期"),
    ],
    ids=["none", "range", "until", "text-source-precision", "kind-coarse"],
)
def test_calendar_name_says_what_the_filters_select(params, coarse, name):
    assert calendar_name(parse_filters(params), coarse=coarse) == name


@pytest.mark.parametrize(
    ("start", "end", "precision", "edtf", "summary"),
    [
        (date(2024, 3, 11), date(2024, 3, 11), "day", "2024-03-11", "活动"),
        (date(2024, 3, 11), date(2024, 3, 24), "day", "", "活动"),
        (date(2024, 3, 1), date(2024, 5, 31), "day", "", "活动（2024年3月1日—5月31日，持续）"),
        (date(2025, 3, 1), date(2025, 3, 31), "month", "2025-03", "活动（2025年3月，整月）"),
        (date(2023, 1, 1), date(2023, 12, 31), "year", "2023", "活动（2023年，全年）"),
        (date(2024, 1, 1), date(2024, 6, 30), "half-year", "", "活动（2024年上半年，半年）"),
        (
            date(2021, 1, 1),
            date(2025, 12, 31),
            "multi-year",
            "2021/2025",
            "活动（2021—2025年“十四五”，期间）",
        ),
    ],
    ids=["day", "two-weeks", "long-range", "month", "year", "half-year", "plan"],
)
def test_event_summary_states_coarse_precision(start, end, precision, edtf, summary):
    event = Event(title="活动", start=start, end=end, precision=precision, edtf=edtf)

    assert event_summary(event) == summary


@pytest.mark.parametrize(
    ("coarse", "precision", "date_from", "held"),
    [
        (False, None, None, "（只含精确到日、不超过14天的事件；默认含近12个月及以后的事件）"),
        (True, None, None, "（含月份、季节、年份和时期等粗略日期的事件；默认含近12个月及以后的事件）"),
        (
            False,
            "multi-year",
            None,
            "（只含日期精度为“多年”的事件，按整段时间显示；默认含近12个月及以后的事件）",
        ),
        (True, "day", date(2020, 1, 1), "（只含精确到日的事件；含2020年1月1日以后的事件）"),
    ],
)
def test_feed_description_matches_what_the_feed_holds(coarse, precision, date_from, held):
    text = feed_description(coarse=coarse, precision=precision, date_from=date_from)

    assert text == f"科技日历：本地新闻中带日期的科技活动{held}。"


def test_quotes_nest_instead_of_doubling():
    assert quoted("“十四五”期间") == "“‘十四五’期间”"
    assert quoted("3月11日") == "“3月11日”"
