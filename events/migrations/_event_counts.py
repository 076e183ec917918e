"""Triggers that keep ``events_eventcount`` equal to the visible events grouped by start month, precision, kind.

Written by the database, not by the services, for the reason the data version is
(``_data_version.py``): ``QuerySet.update``, bulk inserts, cascades and the admin all write events,
and a count that missed one would be wrong until rebuilt. A row's visibility is the condition of
``EventQuerySet.visible`` (not hidden, not merged away); keep the three the same.
"""

from __future__ import annotations

from collections.abc import Callable

# Fewer slots than the data version's: readers sum slots × cells (a few thousand cells), and a
# slot only matters when two connections write events of the same month, kind and precision at once.
SLOTS = 8

PG_FUNCTION = f"""
CREATE OR REPLACE FUNCTION kejical_count_events() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
    s smallint := mod(pg_backend_pid(), {SLOTS});
BEGIN
    IF TG_OP = 'UPDATE'
       AND OLD.start IS NOT DISTINCT FROM NEW.start AND OLD.precision = NEW.precision
       AND OLD.kind = NEW.kind AND OLD.status = NEW.status
       AND OLD.merged_into_id IS NOT DISTINCT FROM NEW.merged_into_id THEN
        RETURN NULL;  -- a title or place edit moves no count
    END IF;
    IF TG_OP IN ('UPDATE', 'DELETE') AND OLD.merged_into_id IS NULL AND OLD.status <> 'hidden' THEN
        INSERT INTO events_eventcount (slot, year, month, precision, kind, n)
        VALUES (s, COALESCE(EXTRACT(YEAR FROM OLD.start)::int, 0), COALESCE(EXTRACT(MONTH FROM OLD.start)::int, 0),
                OLD.precision, OLD.kind, -1)
        ON CONFLICT (slot, year, month, precision, kind) DO UPDATE SET n = events_eventcount.n - 1;
    END IF;
    IF TG_OP IN ('UPDATE', 'INSERT') AND NEW.merged_into_id IS NULL AND NEW.status <> 'hidden' THEN
        INSERT INTO events_eventcount (slot, year, month, precision, kind, n)
        VALUES (s, COALESCE(EXTRACT(YEAR FROM NEW.start)::int, 0), COALESCE(EXTRACT(MONTH FROM NEW.start)::int, 0),
                NEW.precision, NEW.kind, 1)
        ON CONFLICT (slot, year, month, precision, kind) DO UPDATE SET n = events_eventcount.n + 1;
    END IF;
    RETURN NULL;
END
$$
"""

PG_TRUNCATE_FUNCTION = """
CREATE OR REPLACE FUNCTION kejical_clear_event_counts() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    DELETE FROM events_eventcount;
    RETURN NULL;
END
$$
"""

PG_FILL = """
INSERT INTO events_eventcount (slot, year, month, precision, kind, n)
SELECT 0, COALESCE(EXTRACT(YEAR FROM start)::int, 0), COALESCE(EXTRACT(MONTH FROM start)::int, 0),
       precision, kind, COUNT(*)
FROM events_event WHERE merged_into_id IS NULL AND status <> 'hidden' GROUP BY 2, 3, 4, 5
"""

# SQLite stores a date as 'YYYY-MM-DD' text; no strftime, whose % the schema editor would take
# for a parameter.
SQLITE_YEAR = "COALESCE(CAST(substr({row}.start, 1, 4) AS INTEGER), 0)"
SQLITE_MONTH = "COALESCE(CAST(substr({row}.start, 6, 2) AS INTEGER), 0)"
SQLITE_VISIBLE = "{row}.merged_into_id IS NULL AND {row}.status <> 'hidden'"
SQLITE_CHANGED = (
    "(OLD.start IS NOT NEW.start OR OLD.precision IS NOT NEW.precision OR OLD.kind IS NOT NEW.kind"
    " OR OLD.status IS NOT NEW.status OR OLD.merged_into_id IS NOT NEW.merged_into_id)"
)


def _sqlite_add(row: str, delta: int) -> str:
    year, month = SQLITE_YEAR.format(row=row), SQLITE_MONTH.format(row=row)
    return (
        "INSERT OR IGNORE INTO events_eventcount (slot, year, month, precision, kind, n) "
        f"VALUES (0, {year}, {month}, {row}.precision, {row}.kind, 0); "
        f"UPDATE events_eventcount SET n = n + ({delta}) WHERE slot = 0 AND year = {year} "
        f"AND month = {month} AND precision = {row}.precision AND kind = {row}.kind;"
    )


def sqlite_row_triggers(
    prefix: str, *, counted: Callable[[str], str], changed: str, add: Callable[[str, int], str]
) -> dict:
    """The four SQLite triggers of a count kept over events: name -> (when, body).

    ``counted(row)`` says whether ``row`` (NEW or OLD) is counted, ``changed`` whether an update
    moves a count, ``add(row, delta)`` is the SQL adding ``delta`` to ``row``'s cell.
    """
    return {
        f"{prefix}_insert": (f"AFTER INSERT ON events_event WHEN {counted('NEW')}", add("NEW", 1)),
        f"{prefix}_delete": (f"AFTER DELETE ON events_event WHEN {counted('OLD')}", add("OLD", -1)),
        f"{prefix}_update_old": (
            f"AFTER UPDATE ON events_event WHEN {changed} AND {counted('OLD')}",
            add("OLD", -1),
        ),
        f"{prefix}_update_new": (
            f"AFTER UPDATE ON events_event WHEN {changed} AND {counted('NEW')}",
            add("NEW", 1),
        ),
    }


def create_pg_row_triggers(schema_editor, name: str, *, function: str, clear_function: str) -> None:
    """PostgreSQL: ``function()`` after every row written to events, ``clear_function()`` after a TRUNCATE."""
    schema_editor.execute(
        f"CREATE TRIGGER {name} AFTER INSERT OR UPDATE OR DELETE ON events_event "
        f"FOR EACH ROW EXECUTE FUNCTION {function}()"
    )
    schema_editor.execute(
        f"CREATE TRIGGER {name}_truncate AFTER TRUNCATE ON events_event "
        f"FOR EACH STATEMENT EXECUTE FUNCTION {clear_function}()"
    )


SQLITE_TRIGGERS = sqlite_row_triggers(
    "kejical_event_counts",
    counted=lambda row: SQLITE_VISIBLE.format(row=row),
    changed=SQLITE_CHANGED,
    add=_sqlite_add,
)


def install_count_triggers(schema_editor) -> None:
    """Create the triggers and count the events already stored."""
    vendor = schema_editor.connection.vendor
    if vendor == "postgresql":
        schema_editor.execute(PG_FUNCTION)
        schema_editor.execute(PG_TRUNCATE_FUNCTION)
        create_pg_row_triggers(
            schema_editor,
            "kejical_event_counts",
            function="kejical_count_events",
            clear_function="kejical_clear_event_counts",
        )
        schema_editor.execute(PG_FILL)
    elif vendor == "sqlite":
        for name, (when, body) in SQLITE_TRIGGERS.items():
            schema_editor.execute(f"CREATE TRIGGER {name} {when} BEGIN {body} END")
        year, month = SQLITE_YEAR.format(row="events_event"), SQLITE_MONTH.format(row="events_event")
        schema_editor.execute(
            "INSERT INTO events_eventcount (slot, year, month, precision, kind, n) "
            f"SELECT 0, {year}, {month}, precision, kind, COUNT(*) FROM events_event "
            f"WHERE {SQLITE_VISIBLE.format(row='events_event')} GROUP BY 2, 3, 4, 5"
        )
    else:
        raise NotImplementedError(
            f"kejicalendar keeps event counts with PostgreSQL or SQLite triggers, not {vendor}"
        )


def drop_row_triggers(schema_editor, name: str, *, functions: tuple[str, ...], sqlite_triggers: dict) -> None:
    """Remove what ``create_pg_row_triggers`` (and ``functions``) or ``sqlite_triggers`` created."""
    vendor = schema_editor.connection.vendor
    if vendor == "postgresql":
        schema_editor.execute(f"DROP TRIGGER IF EXISTS {name} ON events_event")
        schema_editor.execute(f"DROP TRIGGER IF EXISTS {name}_truncate ON events_event")
        for function in functions:
            schema_editor.execute(f"DROP FUNCTION IF EXISTS {function}()")
    elif vendor == "sqlite":
        for trigger in sqlite_triggers:
            schema_editor.execute(f"DROP TRIGGER IF EXISTS {trigger}")


def drop_count_triggers(schema_editor) -> None:
    drop_row_triggers(
        schema_editor,
        "kejical_event_counts",
        functions=("kejical_count_events", "kejical_clear_event_counts"),
        sqlite_triggers=SQLITE_TRIGGERS,
    )
