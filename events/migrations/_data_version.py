"""Triggers that bump ``events_dataversion`` on every write to a published table (used by migrations).

Triggers rather than Django signals: a signal misses ``QuerySet.update``, ``bulk_create``,
cascading deletes and raw SQL, and a cache keyed on a version that missed a write serves stale
data until the next one. Later migrations that add a published table call
``install_version_triggers`` for it (and ``drop_version_triggers`` to undo).
"""

from __future__ import annotations

SLOTS = 64  # events.models.DataVersion.SLOTS; repeated because migrations must not import models

PG_FUNCTION = f"""
CREATE OR REPLACE FUNCTION kejical_bump_data_version() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    INSERT INTO events_dataversion (slot, counter, token)
    VALUES (mod(pg_backend_pid(), {SLOTS}), 1, md5(random()::text || clock_timestamp()::text))
    ON CONFLICT (slot) DO UPDATE SET counter = events_dataversion.counter + 1;
    RETURN NULL;
END
$$;
"""

SQLITE_BODY = """
    INSERT OR IGNORE INTO events_dataversion (slot, counter, token) VALUES (0, 0, lower(hex(randomblob(16))));
    UPDATE events_dataversion SET counter = counter + 1 WHERE slot = 0;
"""

SQLITE_EVENTS = ("insert", "update", "delete")


def install_version_triggers(schema_editor, tables: list[str]) -> None:
    """Create the bump triggers on ``tables`` for the connection's vendor (PostgreSQL or SQLite)."""
    vendor = schema_editor.connection.vendor
    if vendor == "postgresql":
        schema_editor.execute(PG_FUNCTION)
        for table in tables:
            # Once per statement, not per row: a bulk insert of 10,000 evidence rows bumps once.
            schema_editor.execute(
                f"CREATE TRIGGER kejical_data_version AFTER INSERT OR UPDATE OR DELETE ON {table} "
                "FOR EACH STATEMENT EXECUTE FUNCTION kejical_bump_data_version()"
            )
            schema_editor.execute(
                f"CREATE TRIGGER kejical_data_version_truncate AFTER TRUNCATE ON {table} "
                "FOR EACH STATEMENT EXECUTE FUNCTION kejical_bump_data_version()"
            )
    elif vendor == "sqlite":
        # SQLite has row triggers only, one per kind of write; one writer at a time, so slot 0.
        for table in tables:
            for event in SQLITE_EVENTS:
                schema_editor.execute(
                    f"CREATE TRIGGER kejical_data_version_{table}_{event} AFTER {event.upper()} "
                    f"ON {table} BEGIN {SQLITE_BODY} END"
                )
    else:
        raise NotImplementedError(
            f"kejicalendar keeps its data version with PostgreSQL or SQLite triggers, not {vendor}"
        )


def drop_version_triggers(schema_editor, tables: list[str]) -> None:
    """Remove what ``install_version_triggers`` created on ``tables``."""
    vendor = schema_editor.connection.vendor
    for table in tables:
        if vendor == "postgresql":
            schema_editor.execute(f"DROP TRIGGER IF EXISTS kejical_data_version ON {table}")
            schema_editor.execute(f"DROP TRIGGER IF EXISTS kejical_data_version_truncate ON {table}")
        elif vendor == "sqlite":
            for event in SQLITE_EVENTS:
                schema_editor.execute(f"DROP TRIGGER IF EXISTS kejical_data_version_{table}_{event}")
