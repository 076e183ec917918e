"""The cached counts: the cube per data version, counts from it or bounded, year choices, kind counts."""

from __future__ import annotations

from datetime import date

import pytest
from django.db.models import Count as DbCount
from django.db.models.functions import ExtractMonth, ExtractYear

from events.models import Event
from events.selectors import EventFilters, aggregates, filter_events
from events.selectors.aggregates import Count, count_by_kind, count_matching, event_years
from events.selectors.timeline import YearDensity, month_density
from tests.factories import make_event
from tests.selectors.writes import WRITES

pytestmark = pytest.mark.django_db


@pytest.fixture
def events() -> list[Event]:
    return [
        make_event("a", start=date(2024, 3, 11)),
        make_event("b", start=date(2024, 3, 8), kind="signing"),
        make_event("c", start=date(2023, 1, 1), end=date(2023, 12, 31), precision="year"),
        make_event("d", start=None, end=None, precision="vague", kind="signing"),
        make_event("e", start=date(2022, 5, 1), status=Event.Status.HIDDEN),
    ]


def count(filters: EventFilters, *, dated: bool) -> Count:
    return count_matching(filter_events(filters=filters), filters=filters, dated=dated)


def test_event_years_are_the_visible_start_years_newest_first(events):
    assert event_years() == [2024, 2023]


def test_count_by_kind_counts_visible_events_including_undated(events):
    counts = {row["value"]: row["count"] for row in count_by_kind()}

    assert (counts["festival"], counts["signing"], counts["training"]) == (2, 2, 0)


@pytest.mark.parametrize(
    ("filters", "dated", "expected"),
    [
        (EventFilters(), True, Count(3)),
        (EventFilters(), False, Count(4)),
        (EventFilters(kind="signing"), False, Count(2)),
        (EventFilters(kind="signing", precision="day"), True, Count(1)),
        (EventFilters(q="a"), True, Count(1)),
        (EventFilters(date_from=date(2024, 1, 1)), True, Count(2)),
    ],
    ids=["all-dated", "all", "kind", "kind-precision", "keyword", "from"],
)
def test_count_matching_is_exact_below_the_bound(events, filters, dated, expected):
    assert count(filters, dated=dated) == expected


def test_count_matching_past_the_bound_says_at_least(events, monkeypatch):
    monkeypatch.setattr(aggregates, "COUNT_BOUND", 1)

    assert count(EventFilters(date_from=date(2024, 1, 1)), dated=True) == Count(1, capped=True)
    assert count(EventFilters(kind="festival"), dated=True) == Count(2)  # the cube has no bound


def test_cube_is_built_once_per_data_version(events, django_assert_num_queries):
    count_by_kind()
    with django_assert_num_queries(1):  # the version only
        count_by_kind()
    make_event("f", start=date(2024, 4, 1))

    assert {r["value"]: r["count"] for r in count_by_kind()}["festival"] == 3


def test_month_density_past_the_bound_uses_the_cube_for_a_date_range(events, monkeypatch):
    monkeypatch.setattr(aggregates, "COUNT_BOUND", 1)

    assert month_density(filters=EventFilters(date_from=date(2023, 6, 1))) == [
        YearDensity(year=2024, months=[0, 0, 2] + [0] * 9)
    ]
    assert month_density(filters=EventFilters(q="a")) == [YearDensity(year=2024, months=[0, 0, 1] + [0] * 9)]
    make_event("a2", start=date(2024, 4, 1))
    assert month_density(filters=EventFilters(q="a")) == []  # a keyword past the bound draws no chart


def cube_from_events() -> list[tuple]:
    """The cube counted the slow way, straight from the visible events."""
    rows = (
        Event.objects.visible()
        .annotate(y=ExtractYear("start"), m=ExtractMonth("start"))
        .values_list("y", "m", "precision", "kind")
        .annotate(n=DbCount("pk"))
        .order_by()
    )
    return sorted(rows, key=repr)


def cube_from_counts() -> list[tuple]:
    return sorted(((r.year, r.month, r.precision, r.kind, r.n) for r in aggregates._build_cube()), key=repr)


@pytest.mark.parametrize("write", WRITES.values(), ids=WRITES.keys())
def test_event_counts_follow_every_kind_of_write(stored, events, write):
    make_event("改期", start=date(2024, 5, 1), status=Event.Status.CONFIRMED)
    assert cube_from_counts() == cube_from_events()

    write(stored)

    assert cube_from_counts() == cube_from_events()


def test_event_counts_follow_dates_kinds_visibility_and_deletes(events):
    a, b, c, d, e = events
    Event.objects.filter(pk=a.pk).update(start=date(2025, 1, 2), end=date(2025, 1, 2))
    Event.objects.filter(pk=b.pk).update(kind="training", precision="month")
    Event.objects.filter(pk=c.pk).update(merged_into=a)
    Event.objects.filter(pk=d.pk).update(start=date(2020, 6, 1), end=date(2020, 6, 1), precision="day")
    Event.objects.filter(pk=e.pk).update(status=Event.Status.AUTO)
    assert cube_from_counts() == cube_from_events()

    Event.objects.filter(pk=a.pk).delete()  # c was merged into a: its merged_into is cleared

    assert cube_from_counts() == cube_from_events()
    assert len(cube_from_events()) == 4
