"""Tests for events/migrations/_triggers.py: SQLite triggers survive migrations that rebuild tables."""

from datetime import date

import pytest
from django.db import connection

from events.migrations._sqlite_search import EVENT_FTS
from events.migrations._sqlite_search import TRIGGERS as SEARCH_TRIGGERS
from events.migrations._triggers import ensure_sqlite_triggers, expected_sqlite_triggers
from events.models import Event
from events.selectors.caching import data_version
from events.selectors.search import matches_text
from tests.factories import make_event

pytestmark = [
    pytest.mark.django_db(transaction=True),
    pytest.mark.skipif(
        connection.vendor != "sqlite", reason="only SQLite rebuilds tables and loses triggers"
    ),
]


def _triggers() -> set[str]:
    with connection.cursor() as cursor:
        cursor.execute("SELECT name FROM sqlite_master WHERE type = 'trigger'")
        return {row[0] for row in cursor.fetchall()}


def test_a_migrated_database_has_every_trigger():
    assert expected_sqlite_triggers() <= _triggers()
    assert ensure_sqlite_triggers(connection) is False  # nothing to do


def test_triggers_a_table_rebuild_dropped_come_back_with_the_counts():
    make_event("f", start=date(2024, 4, 1))
    with connection.cursor() as cursor:  # what a rebuild leaves: the table without its triggers
        for name in _triggers():
            if "events_event" in name or name.startswith("kejical_event_counts"):
                cursor.execute(f"DROP TRIGGER {name}")

    assert ensure_sqlite_triggers(connection) is True
    before = data_version()
    make_event("g", start=date(2024, 4, 2))

    assert expected_sqlite_triggers() <= _triggers()
    with connection.cursor() as cursor:
        cursor.execute("SELECT SUM(n) FROM events_eventcount")
        assert cursor.fetchone()[0] == Event.objects.visible().count() == 2
    assert data_version() != before


def test_search_triggers_a_rebuild_dropped_come_back_with_the_copies():
    if EVENT_FTS not in connection.introspection.table_names():
        pytest.skip("this SQLite has no FTS5: keyword search uses LIKE")
    make_event("量子通信论坛", start=date(2024, 4, 1))
    with connection.cursor() as cursor:
        for name in SEARCH_TRIGGERS:
            cursor.execute(f"DROP TRIGGER {name}")
        cursor.execute(f"DELETE FROM {EVENT_FTS}")  # and the copies went stale

    assert ensure_sqlite_triggers(connection) is True
    make_event("量子通信展览", start=date(2024, 4, 2))

    assert set(SEARCH_TRIGGERS) <= _triggers()
    assert sorted(Event.objects.filter(matches_text("量子通信")).values_list("title", flat=True)) == [
        "量子通信展览",
        "量子通信论坛",
    ]
