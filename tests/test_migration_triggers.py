"""Migrations leave every data-version and event-count trigger in place, even after SQLite table rebuilds."""

import pytest
from django.db import connection

pytestmark = pytest.mark.django_db

PUBLISHED_TABLES = ["events_event", "events_article", "events_evidence", "events_source"]


def test_migrated_database_keeps_its_version_and_count_triggers():
    if connection.vendor != "sqlite":
        pytest.skip("PostgreSQL adds columns in place; the rebuild that drops triggers is SQLite's")
    with connection.cursor() as cursor:
        cursor.execute("SELECT name, tbl_name FROM sqlite_master WHERE type = 'trigger'")
        found = set(cursor.fetchall())

    for table in PUBLISHED_TABLES:
        for write in ("insert", "update", "delete"):
            assert (f"kejical_data_version_{table}_{write}", table) in found
    assert {
        name for name, table in found if table == "events_event" and name.startswith("kejical_event_counts")
    } == {
        "kejical_event_counts_insert",
        "kejical_event_counts_delete",
        "kejical_event_counts_update_old",
        "kejical_event_counts_update_new",
    }
