"""Keyset pages: walking "after the last event" page by page gives exactly the full order, both ways."""

from __future__ import annotations

from datetime import date

import pytest

from events.models import Event
from events.selectors import EventFilters, filter_events, order_events
from events.selectors.paging import event_page
from events.selectors.timeline import timeline_events, timeline_page
from tests.factories import make_event

pytestmark = pytest.mark.django_db


@pytest.fixture
def events() -> None:
    rows = [
        ("b", date(2024, 3, 11), date(2024, 3, 11)),
        ("a", date(2024, 3, 11), date(2024, 3, 11)),
        ("a", date(2024, 3, 11), date(2024, 3, 11)),
        ("c", date(2024, 3, 11), date(2024, 3, 15)),
        ("d", date(2024, 3, 11), None),
        ("e", date(2024, 3, 11), None),
        ("f", date(2024, 3, 9), date(2024, 3, 20)),
        ("g", date(2023, 1, 1), None),
        ("h", None, None),
        ("i", None, None),
    ]
    for title, start, end in rows:
        event = make_event(title, start=start, end=start, precision="day" if start else "vague")
        if end != start:  # make_event cannot leave the end empty while giving a start
            Event.objects.filter(pk=event.pk).update(end=end)
    make_event("hidden", start=date(2024, 3, 10), status=Event.Status.HIDDEN)


def walk_timeline(newest_first: bool, size: int) -> list[int]:
    pks, after = [], None
    while True:
        page = timeline_page(
            filters=EventFilters(), newest_first=newest_first, page=None, after=after, size=size
        )
        pks += [e.pk for e in page.events]
        if not page.has_next:
            return pks
        after = str(page.last_pk)


@pytest.mark.parametrize("newest_first", [True, False], ids=["newest-first", "oldest-first"])
@pytest.mark.parametrize("size", [1, 2, 3])
def test_timeline_keyset_pages_follow_the_full_order(events, newest_first, size):
    full = [e.pk for e in timeline_events(filters=EventFilters(), newest_first=newest_first)]

    assert walk_timeline(newest_first, size) == full
    assert len(full) == 8


@pytest.mark.parametrize("ordering", ["-start", "start"])
@pytest.mark.parametrize("size", [1, 2, 3])
def test_api_keyset_pages_follow_the_full_order(events, ordering, size):
    full = [e.uid for e in order_events(filter_events(filters=EventFilters()), ordering=ordering)]
    uids, after = [], None
    while True:
        page = event_page(filters=EventFilters(), ordering=ordering, limit=size, offset=0, after=after)
        uids += [item["uid"] for item in page["items"]]
        if (after := page["next_after"]) is None:
            break

    assert uids == full and len(full) == 10


def test_timeline_page_numbers_stop_at_the_offset_bound_and_go_on_by_cursor(events, monkeypatch):
    import events.selectors.timeline as timeline

    monkeypatch.setattr(timeline, "MAX_OFFSET", 2)
    third = timeline_page(filters=EventFilters(), newest_first=True, page="99", after=None, size=1)

    assert third.number == 3 and third.has_next and third.next_number is None
    assert third.last_pk == [e.pk for e in timeline_events(filters=EventFilters())][2]


def test_timeline_page_ignores_a_cursor_naming_no_visible_event(events):
    hidden = Event.objects.get(title="hidden")

    page = timeline_page(filters=EventFilters(), newest_first=True, page=None, after=str(hidden.pk), size=2)

    assert page.number == 1
