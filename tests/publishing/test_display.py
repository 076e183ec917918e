"""Tests for events.publishing.display: Chinese date labels and kind badges."""

from datetime import date, time, timedelta

import pytest
from hypothesis import given
from hypothesis import strategies as st

from events.models import Event
from events.publishing.display import KIND_BADGES, format_event_date, kind_badge

D = date


@pytest.mark.parametrize(
    ("start", "end", "precision", "edtf", "expected"),
    [
        (D(2024, 3, 11), D(2024, 3, 11), "day", "2024-03-11", "2024年3月11日"),
        (D(2024, 3, 11), D(2024, 3, 13), "day", "2024-03-11/2024-03-13", "2024年3月11日—13日"),
        (D(2024, 3, 30), D(2024, 4, 2), "day", "", "2024年3月30日—4月2日"),
        (D(2024, 12, 30), D(2025, 1, 2), "day", "", "2024年12月30日—2025年1月2日"),
        (D(2024, 3, 1), D(2024, 3, 31), "month", "2024-03", "2024年3月"),
        (D(2024, 3, 1), D(2024, 5, 31), "month", "", "2024年3月—5月"),
        (D(2024, 11, 1), D(2025, 2, 28), "month", "", "2024年11月—2025年2月"),
        (D(2025, 11, 7), D(2025, 12, 6), "season", "2025-11-07/2025-12-06", "2025年初冬"),
        (D(2025, 12, 7), D(2026, 1, 4), "season", "", "2025年仲冬"),
        (D(2026, 1, 5), D(2026, 2, 3), "season", "", "2025年冬末"),
        (D(2025, 11, 7), D(2026, 2, 3), "season", "2025-24", "2025年冬季"),
        (D(2024, 2, 4), D(2024, 5, 4), "season", "2024-21", "2024年春季"),
        (D(2024, 1, 1), D(2024, 6, 30), "half-year", "2024-01/2024-06", "2024年上半年"),
        (D(2024, 7, 1), D(2024, 12, 31), "half-year", "2024-07/2024-12", "2024年下半年"),
        (D(2023, 1, 1), D(2023, 12, 31), "year", "2023", "2023年"),
        (D(2021, 1, 1), D(2025, 12, 31), "multi-year", "2021/2025", "2021—2025年（“十四五”）"),
        (D(2026, 1, 1), D(2030, 12, 31), "multi-year", "2026/2030", "2026—2030年（“十五五”）"),
        (D(1966, 1, 1), D(1970, 12, 31), "multi-year", "1966/1970", "1966—1970年（“三五”）"),
        (D(2022, 1, 1), D(2026, 12, 31), "multi-year", "2022/2026", "2022—2026年"),
        (D(2021, 1, 1), D(2023, 12, 31), "multi-year", "2021/2023", "2021—2023年"),
        (D(2021, 1, 1), D(2025, 11, 7), "multi-year", "", "2021年—2025年11月7日"),
        (D(2024, 1, 1), D(2024, 12, 31), "year", "2024/..", "2024年起"),
        (D(2024, 3, 1), D(2024, 3, 31), "month", "2024-03/..", "2024年3月起"),
        (D(2024, 3, 5), D(2024, 3, 12), "vague", "", "约2024年3月"),
        (D(2021, 6, 1), D(2024, 3, 12), "vague", "", "约2021—2024年"),
        (None, None, None, "", "日期未知"),
    ],
    ids=[
        "day", "day-range", "day-range-months", "day-range-years", "month", "month-range",
        "month-range-years", "early-winter", "mid-winter", "late-winter-next-year", "winter-edtf",
        "spring-edtf", "first-half", "second-half", "year", "plan-14", "plan-15", "plan-3-after-gap",
        "not-a-plan-shifted", "three-years", "multi-year-unaligned-end", "open-year", "open-month",
        "vague-month", "vague-years", "undated",
    ],
)  # fmt: skip
def test_format_event_date_shows_known_precision(start, end, precision, edtf, expected):
    assert format_event_date(start=start, end=end, precision=precision, edtf=edtf) == expected


@pytest.mark.parametrize(
    ("start", "end", "precision", "published", "expected"),
    [
        (D(2021, 1, 1), D(2025, 11, 7), "multi-year", D(2025, 11, 7), "2021年至今"),
        (D(2023, 12, 1), D(2024, 3, 12), "month", D(2024, 3, 12), "2023年12月至今"),
        (D(2021, 6, 1), D(2024, 3, 12), "vague", D(2024, 3, 12), "约2021年6月至今"),
        (D(2024, 3, 11), D(2024, 3, 12), "day", D(2024, 3, 12), "2024年3月11日—12日"),
        (D(2021, 1, 1), D(2025, 12, 31), "multi-year", D(2025, 11, 7), "2021—2025年（“十四五”）"),
    ],
    ids=["since-year", "since-month", "vague-since", "day-range-not-since", "ends-after-publication"],
)
def test_format_event_date_reads_spans_ending_at_publication_as_since(
    start, end, precision, published, expected
):
    label = format_event_date(start=start, end=end, precision=precision, edtf="", published=published)

    assert label == expected


def test_format_event_date_shows_a_start_time_alone_on_a_single_day_only():
    one_day = format_event_date(start=D(2024, 3, 11), end=D(2024, 3, 11), precision="day", time=time(9, 30))
    two_days = format_event_date(start=D(2024, 3, 11), end=D(2024, 3, 12), precision="day", time=time(9, 30))

    assert (one_day, two_days) == ("2024年3月11日 9:30", "2024年3月11日—12日")


@pytest.mark.parametrize(
    ("start", "end", "at", "until", "label"),
    [
        (D(2024, 3, 11), D(2024, 3, 11), time(9), time(17), "2024年3月11日 9:00—17:00"),
        (D(2024, 3, 11), D(2024, 3, 11), time(14, 30), time(16), "2024年3月11日 14:30—16:00"),
        (D(2024, 3, 11), D(2024, 3, 13), time(9), time(17), "2024年3月11日 9:00—13日 17:00"),
        (D(2024, 3, 30), D(2024, 4, 2), time(9), time(17), "2024年3月30日 9:00—4月2日 17:00"),
        (D(2024, 12, 31), D(2025, 1, 1), time(20), time(2), "2024年12月31日 20:00—2025年1月1日 2:00"),
        (D(2024, 3, 11), D(2024, 3, 11), time(21), time(2), "2024年3月11日 21:00"),
        (D(2024, 3, 11), D(2024, 3, 11), None, time(17), "2024年3月11日"),
    ],
    ids=[
        "one-day",
        "half-hours",
        "days-of-a-month",
        "across-months",
        "across-years",
        "end-not-after",
        "end-without-start",
    ],
)
def test_format_event_date_shows_hours_and_timed_spans(start, end, at, until, label):
    assert format_event_date(start=start, end=end, precision="day", time=at, end_time=until) == label


def test_format_event_date_open_end_flag_reads_as_from():
    label = format_event_date(
        start=D(2024, 1, 1), end=D(2024, 12, 31), precision="year", edtf="2024", open_end=True
    )

    assert label == "2024年起"


def test_format_event_date_missing_end_is_the_start_day():
    assert format_event_date(start=D(2024, 3, 11), end=None, precision="day", edtf="") == "2024年3月11日"


def test_format_event_date_season_without_a_name_falls_back_to_the_whole_season():
    # 2025-11-20..2025-11-30 is inside 初冬 but is not a named part: say "winter", never a finer day.
    label = format_event_date(start=D(2025, 11, 20), end=D(2025, 11, 30), precision="season", edtf="")

    assert label == "2025年冬季"


def test_kind_badges_cover_every_kind_with_its_label():
    assert {kind: label for kind, (label, _) in KIND_BADGES.items()} == {
        kind: str(label) for kind, label in Event.Kind.choices
    }
    assert kind_badge("nonsense") == KIND_BADGES["other"]


@given(
    start=st.dates(),
    length=st.one_of(st.none(), st.integers(0, 4000)),
    precision=st.one_of(st.sampled_from(Event.Precision.values), st.none(), st.text(max_size=5)),
    edtf=st.one_of(st.sampled_from(["", "2021/2025", "2024/..", "2024-21", "2024-24"]), st.text(max_size=12)),
    at=st.one_of(st.none(), st.times()),
    published=st.one_of(st.none(), st.dates()),
    open_end=st.booleans(),
)
def test_format_event_date_labels_any_stored_event(start, length, precision, edtf, at, published, open_end):
    """Every date the database can hold, 0001-01-01 to 9999-12-31, gets a label, whatever its precision."""
    end = (
        None
        if length is None
        else min(start + timedelta(days=min(length, (date.max - start).days)), date.max)
    )

    label = format_event_date(
        start=start, end=end, precision=precision, edtf=edtf, time=at, published=published, open_end=open_end
    )

    assert isinstance(label, str) and label
