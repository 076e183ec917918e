"""The data version: every kind of write changes it, reads do not, and cached results follow it."""

from __future__ import annotations

import pytest
from django.core.cache import cache
from django.db import connection

from events.models import Event
from events.selectors import cached_until_change, data_version, same_version
from events.services import (
    hide_events,
    unhide_events,
)
from tests.factories import make_event
from tests.selectors.writes import WRITES

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize("write", WRITES.values(), ids=WRITES.keys())
def test_data_version_changes_on_every_kind_of_write(stored, write) -> None:
    before = data_version()

    write(stored)

    assert data_version() != before


def test_data_version_changes_on_unhide_after_hide(stored) -> None:
    hide_events(events=[stored["first"]])
    before = data_version()

    unhide_events(events=[stored["first"]])

    assert data_version() != before


def test_data_version_stays_when_only_reading(stored, client) -> None:
    before = data_version()

    client.get("/")
    client.get("/api/events")
    client.get("/calendar.ics")
    client.get(f"/events/{stored['first'].uid}/")

    assert data_version() == before


def test_data_version_is_one_query(stored, django_assert_num_queries) -> None:
    with django_assert_num_queries(1):
        data_version()


def test_cached_until_change_rebuilds_after_a_write(stored) -> None:
    builds = []

    def build() -> int:
        builds.append(1)
        return Event.objects.count()

    assert cached_until_change("test-count", (), build) == 2
    assert cached_until_change("test-count", (), build) == 2
    make_event("第三个事件")

    assert cached_until_change("test-count", (), build) == 3
    assert len(builds) == 2


def test_data_version_survives_an_emptied_table(stored) -> None:
    """A version table emptied (a restore, a flush) starts a new token, so old cache keys never return."""
    before = data_version()
    with connection.cursor() as cursor:
        cursor.execute("DELETE FROM events_dataversion")

    make_event("清空后的事件")

    assert data_version() != before
    assert data_version().split(".")[1] != before.split(".")[1]


@pytest.mark.skipif(connection.vendor != "postgresql", reason="PostgreSQL only: SQLite commits synchronously")
def test_data_version_names_the_server_start(stored) -> None:
    """A crash can lose an asynchronous commit readers saw; the restarted server's start time keeps
    the counters' return to an old sum from meeting keys cached before the crash."""
    with connection.cursor() as cursor:
        cursor.execute("SELECT pg_postmaster_start_time()")
        (started,) = cursor.fetchone()

    assert data_version().endswith(f".{started.timestamp()}")


def test_cached_until_change_reads_the_cache_once_per_key_inside_same_version(stored, monkeypatch) -> None:
    cached_until_change("test-total", (), lambda: 2)
    cached_until_change("test-other", (), lambda: 3)
    reads = []
    real_get = cache.get
    monkeypatch.setattr(cache, "get", lambda key, *a, **k: reads.append(key) or real_get(key, *a, **k))

    with same_version():
        inside = [cached_until_change("test-total", (), lambda: 0) for _ in range(3)]
        other = cached_until_change("test-other", (), lambda: 0)
    read_inside = len(reads)
    outside = [cached_until_change("test-total", (), lambda: 0) for _ in range(2)]

    assert (inside, other, outside) == ([2, 2, 2], 3, [2, 2])
    assert read_inside == 2  # one read per key, however often it was asked for
    assert len(reads) == 4  # outside same_version every call reads the cache


def test_cached_until_change_inside_same_version_still_follows_a_new_version(stored) -> None:
    """A block pinned to one version never hands its results to a block pinned to the next one."""
    with same_version():
        before = cached_until_change("test-count", (), Event.objects.count)
    make_event("第三个事件")
    with same_version():
        after = cached_until_change("test-count", (), Event.objects.count)

    assert (before, after) == (2, 3)
