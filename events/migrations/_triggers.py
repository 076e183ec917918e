"""After every ``migrate``: put back SQLite triggers that a later migration's table rebuild dropped.

SQLite cannot alter most columns in place, so Django rebuilds the table (create, copy, drop, rename),
and the triggers on the old table go with it: the data version (``_data_version``) and the event
counts (``_event_counts``) would silently stop following writes. PostgreSQL alters in place and keeps
its triggers. Re-installing after migrate, rather than in each migration that alters a table, means a
future migration cannot forget it.
"""

from __future__ import annotations

from events.migrations._data_version import (
    SQLITE_EVENTS,
    drop_version_triggers,
    install_version_triggers,
)
from events.migrations._event_counts import SQLITE_TRIGGERS, drop_count_triggers, install_count_triggers
from events.migrations._region_counts import SQLITE_TRIGGERS as SQLITE_REGION_TRIGGERS
from events.migrations._region_counts import drop_region_count_triggers, install_region_count_triggers
from events.migrations._sqlite_search import EVENT_FTS, refill_sqlite_search
from events.migrations._sqlite_search import TRIGGERS as SQLITE_SEARCH_TRIGGERS

PUBLISHED_TABLES = ["events_event", "events_article", "events_evidence", "events_source"]


REGION_COUNTS = "events_eventregioncount"  # from migration 0021 on


def expected_sqlite_triggers(tables: set[str] | None = None) -> set[str]:
    """Every trigger name a migrated SQLite database has (of ``tables``' era, when given)."""
    version = {f"kejical_data_version_{t}_{e}" for t in PUBLISHED_TABLES for e in SQLITE_EVENTS}
    regions = set(SQLITE_REGION_TRIGGERS) if tables is None or REGION_COUNTS in tables else set()
    # The search tables exist only where SQLite has FTS5 (migration 0022).
    search = set(SQLITE_SEARCH_TRIGGERS) if tables is not None and EVENT_FTS in tables else set()
    return version | set(SQLITE_TRIGGERS) | regions | search


def recount_events(schema_editor) -> None:
    """Make the trigger-kept counts again from the stored events, triggers included.

    For after a write that went around the triggers: a table rebuild, or a bulk load run with
    ``ALTER TABLE … DISABLE TRIGGER USER`` (``bench/scale.py``).
    """
    drop_count_triggers(schema_editor)
    schema_editor.execute("DELETE FROM events_eventcount")
    install_count_triggers(schema_editor)  # counts the events already stored
    if REGION_COUNTS in schema_editor.connection.introspection.table_names():
        drop_region_count_triggers(schema_editor)
        schema_editor.execute(f"DELETE FROM {REGION_COUNTS}")
        install_region_count_triggers(schema_editor)


def ensure_sqlite_triggers(connection) -> bool:
    """Re-create every trigger (and recount events) when one is missing; True when it had to."""
    if connection.vendor != "sqlite":
        return False
    tables = set(connection.introspection.table_names())
    if not {"events_dataversion", "events_eventcount", *PUBLISHED_TABLES} <= tables:
        return False  # migrated back to before the triggers existed
    with connection.cursor() as cursor:
        cursor.execute("SELECT name FROM sqlite_master WHERE type = 'trigger'")
        present = {row[0] for row in cursor.fetchall()}
    if expected_sqlite_triggers(tables) <= present:
        return False
    with connection.schema_editor() as editor:
        drop_version_triggers(editor, PUBLISHED_TABLES)
        install_version_triggers(editor, PUBLISHED_TABLES)
        recount_events(editor)
        if EVENT_FTS in tables:
            refill_sqlite_search(editor)
        # The rebuild wrote without bumping: a new token, so no cache outlives it. (No row yet means
        # nothing was ever written since the version began, so nothing cached can be stale.)
        editor.execute("UPDATE events_dataversion SET token = lower(hex(randomblob(16)))")
    return True
