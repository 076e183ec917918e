"""Tests for events.selectors.timeline: grouping, ordering, density, feed query, page lookups."""

from datetime import date

import pytest

from events.models import Article, Event, Evidence, Source
from events.selectors import EventFilters
from events.selectors.timeline import (
    YearDensity,
    find_article,
    find_event,
    group_by_month,
    month_density,
    timeline_events,
    undated_events,
)


def make(title: str, start: date | None, end: date | None = None, precision: str = "day", **fields) -> Event:
    return Event.objects.create(title=title, start=start, end=end or start, precision=precision, **fields)


@pytest.fixture
def events() -> list[Event]:
    return [
        make("a-day", date(2024, 3, 11)),
        make("b-day", date(2024, 3, 8)),
        make("c-month", date(2024, 1, 1), date(2024, 1, 31), "month"),
        make("d-year", date(2024, 1, 1), date(2024, 12, 31), "year"),
        make("e-plan", date(2021, 1, 1), date(2025, 12, 31), "multi-year"),
        make("f-undated", None, precision="vague"),
        make("g-hidden", date(2024, 3, 9), status=Event.Status.HIDDEN),
    ]


def shape(years) -> list:
    return [(y.year, [(m.month, [e.title for e in m.events]) for m in y.months]) for y in years]


@pytest.mark.django_db
def test_group_by_month_newest_first_puts_coarse_events_under_the_year(events):
    grouped = group_by_month(timeline_events(filters=EventFilters()))

    assert shape(grouped) == [
        (2024, [(3, ["a-day", "b-day"]), (1, ["c-month"]), (None, ["d-year"])]),
        (2021, [(None, ["e-plan"])]),
    ]


@pytest.mark.django_db
def test_group_by_month_oldest_first(events):
    grouped = group_by_month(timeline_events(filters=EventFilters(), newest_first=False), newest_first=False)

    assert shape(grouped) == [
        (2021, [(None, ["e-plan"])]),
        (2024, [(None, ["d-year"]), (1, ["c-month"]), (3, ["b-day", "a-day"])]),
    ]


@pytest.mark.django_db
def test_timeline_events_same_start_longer_first_when_newest_first():
    make("short", date(2024, 1, 1), date(2024, 1, 1))
    make("long", date(2024, 1, 1), date(2024, 1, 31), "month")

    assert [e.title for e in timeline_events(filters=EventFilters())] == ["long", "short"]


@pytest.mark.django_db
def test_undated_events_are_only_the_visible_undated_ones(events):
    make("z-undated-hidden", None, precision="vague", status=Event.Status.HIDDEN)

    assert [e.title for e in undated_events(filters=EventFilters())] == ["f-undated"]


@pytest.mark.django_db
def test_month_density_counts_months_and_year_level(events):
    assert month_density(filters=EventFilters()) == [
        YearDensity(year=2024, months=[1, 0, 2, 0, 0, 0, 0, 0, 0, 0, 0, 0], year_level=1),
        YearDensity(year=2021, months=[0] * 12, year_level=1),
    ]


@pytest.mark.django_db
def test_month_density_follows_filters_and_counts_each_event_once(events):
    article = Article.objects.create(key="k", text="a-day a-day")
    for start in (0, 6):
        Evidence.objects.create(
            event=events[0], article=article, sentence="a-day", span_start=start, span_end=start + 5
        )

    density = month_density(filters=EventFilters(q="a-day"))

    assert density == [YearDensity(year=2024, months=[0, 0, 1] + [0] * 9)]


@pytest.mark.django_db
def test_find_event_and_find_article_return_none_when_missing():
    assert find_event(uid="missing") is None
    assert find_article(pk=12345) is None


@pytest.mark.django_db
def test_find_article_prefetches_only_visible_unmerged_evidence(events):
    source = Source.objects.create(name="报")
    article = Article.objects.create(key="k", text="0123456789", source=source)
    for event, start in ((events[0], 5), (events[6], 0), (events[1], 2)):
        Evidence.objects.create(
            event=event, article=article, sentence="x", span_start=start, span_end=start + 1
        )
    merged = make("merged", date(2024, 3, 1), merged_into=events[0])
    Evidence.objects.create(event=merged, article=article, sentence="x", span_start=7, span_end=8)

    found = find_article(pk=article.pk)

    assert [(ev.event.title, ev.span_start) for ev in found.visible_evidence] == [("b-day", 2), ("a-day", 5)]


@pytest.mark.django_db
def test_group_by_month_keeps_one_whole_year_group_however_coarse_events_interleave():
    make("vague-summer", date(2024, 6, 1), date(2024, 8, 31), "vague")
    make("april", date(2024, 4, 2))
    make("year", date(2024, 1, 1), date(2024, 12, 31), "year")
    make("january", date(2024, 1, 3))

    grouped = group_by_month(timeline_events(filters=EventFilters()))

    assert shape(grouped) == [(2024, [(4, ["april"]), (1, ["january"]), (None, ["vague-summer", "year"])])]
