"""Triggers that keep ``events_eventregioncount`` equal to the visible events with a region, grouped by region, kind, precision.

The timeline's region facet and the "按地区" page grouped every visible event on each view (2 s at a
million events). Kept by the database for the reasons the event counts are (``_event_counts.py``):
every writer (services, ``QuerySet.update``, bulk inserts, cascades, the admin) is seen. Visibility
is ``EventQuerySet.visible``'s condition; only events with a province code are counted.
"""

from __future__ import annotations

from events.migrations._event_counts import create_pg_row_triggers, drop_row_triggers, sqlite_row_triggers

SLOTS = 8  # as the event counts: readers sum slots × cells, writers on different slots never wait

REGION = ("province_code", "province", "city_code", "city", "county_code", "county")
KEY = (*REGION, "kind", "precision")
CELL = ", ".join(KEY)
TABLE = "events_eventregioncount"


def _pg_add(row: str, delta: int) -> str:
    values = ", ".join(f"{row}.{column}" for column in KEY)
    sign = "+" if delta > 0 else "-"
    return (
        f"INSERT INTO {TABLE} (slot, {CELL}, n) VALUES (s, {values}, {delta}) "
        f"ON CONFLICT (slot, {CELL}) DO UPDATE SET n = {TABLE}.n {sign} 1;"
    )


def _counted(row: str) -> str:
    return f"{row}.merged_into_id IS NULL AND {row}.status <> 'hidden' AND {row}.province_code <> ''"


PG_UNCHANGED = " AND ".join(
    [f"OLD.{c} = NEW.{c}" for c in (*KEY, "status")]
    + ["OLD.merged_into_id IS NOT DISTINCT FROM NEW.merged_into_id"]
)

PG_FUNCTION = f"""
CREATE OR REPLACE FUNCTION kejical_count_event_regions() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
    s smallint := mod(pg_backend_pid(), {SLOTS});
BEGIN
    IF TG_OP = 'UPDATE' AND {PG_UNCHANGED} THEN
        RETURN NULL;  -- a title or date edit moves no region count
    END IF;
    IF TG_OP IN ('UPDATE', 'DELETE') AND {_counted("OLD")} THEN
        {_pg_add("OLD", -1)}
    END IF;
    IF TG_OP IN ('UPDATE', 'INSERT') AND {_counted("NEW")} THEN
        {_pg_add("NEW", 1)}
    END IF;
    RETURN NULL;
END
$$
"""

PG_TRUNCATE_FUNCTION = f"""
CREATE OR REPLACE FUNCTION kejical_clear_event_region_counts() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    DELETE FROM {TABLE};
    RETURN NULL;
END
$$
"""

FILL = (
    f"INSERT INTO {TABLE} (slot, {CELL}, n) SELECT 0, {CELL}, COUNT(*) FROM events_event "
    f"WHERE {_counted('events_event')} GROUP BY {CELL}"
)

SQLITE_CHANGED = (
    "(" + " OR ".join(f"OLD.{c} IS NOT NEW.{c}" for c in (*KEY, "status", "merged_into_id")) + ")"
)


def _sqlite_add(row: str, delta: int) -> str:
    values = ", ".join(f"{row}.{column}" for column in KEY)
    match = " AND ".join(f"{column} = {row}.{column}" for column in KEY)
    return (
        f"INSERT OR IGNORE INTO {TABLE} (slot, {CELL}, n) VALUES (0, {values}, 0); "
        f"UPDATE {TABLE} SET n = n + ({delta}) WHERE slot = 0 AND {match};"
    )


SQLITE_TRIGGERS = sqlite_row_triggers(
    "kejical_event_region_counts", counted=_counted, changed=SQLITE_CHANGED, add=_sqlite_add
)


def install_region_count_triggers(schema_editor) -> None:
    """Create the triggers and count the events already stored."""
    vendor = schema_editor.connection.vendor
    if vendor == "postgresql":
        schema_editor.execute(PG_FUNCTION)
        schema_editor.execute(PG_TRUNCATE_FUNCTION)
        create_pg_row_triggers(
            schema_editor,
            "kejical_event_region_counts",
            function="kejical_count_event_regions",
            clear_function="kejical_clear_event_region_counts",
        )
    elif vendor == "sqlite":
        for name, (when, body) in SQLITE_TRIGGERS.items():
            schema_editor.execute(f"CREATE TRIGGER {name} {when} BEGIN {body} END")
    else:
        raise NotImplementedError(
            f"kejicalendar keeps region counts with PostgreSQL or SQLite triggers, not {vendor}"
        )
    schema_editor.execute(FILL)


def drop_region_count_triggers(schema_editor) -> None:
    drop_row_triggers(
        schema_editor,
        "kejical_event_region_counts",
        functions=("kejical_count_event_regions", "kejical_clear_event_region_counts"),
        sqlite_triggers=SQLITE_TRIGGERS,
    )
