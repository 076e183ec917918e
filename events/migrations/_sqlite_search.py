"""SQLite keyword search: FTS5 tables of trigrams over events' title + place and evidence sentences, kept by triggers.

PostgreSQL has its character-pair GIN indexes (``_search.py``). SQLite's FTS5 with the trigram
tokenizer (SQLite 3.34 or later) finds any substring of three or more characters, case-insensitively,
through an index; shorter keywords, and SQLite builds without FTS5, keep ``LIKE`` over the rows
(``events/selectors/search.py`` checks which). The tables hold a copy of the text, keyed by the row's
id (``rowid``), which triggers keep in step with every write, as the other trigger-kept tables.
"""

from __future__ import annotations

import sqlite3

from django.db import DatabaseError

EVENT_FTS = "events_event_fts"
EVIDENCE_FTS = "events_evidence_fts"

TABLES = {
    EVENT_FTS: f"CREATE VIRTUAL TABLE {EVENT_FTS} USING fts5(text, tokenize = 'trigram')",
    EVIDENCE_FTS: f"CREATE VIRTUAL TABLE {EVIDENCE_FTS} USING fts5(sentence, event_id UNINDEXED, tokenize = 'trigram')",
}

_EVENT_ROW = f"INSERT INTO {EVENT_FTS} (rowid, text) VALUES (NEW.id, NEW.title || ' ' || NEW.place);"
_EVIDENCE_ROW = (
    f"INSERT INTO {EVIDENCE_FTS} (rowid, sentence, event_id) VALUES (NEW.id, NEW.sentence, NEW.event_id);"
)

TRIGGERS = {
    "kejical_event_fts_insert": f"AFTER INSERT ON events_event BEGIN {_EVENT_ROW} END",
    "kejical_event_fts_update": (
        f"AFTER UPDATE OF title, place ON events_event BEGIN "
        f"DELETE FROM {EVENT_FTS} WHERE rowid = OLD.id; {_EVENT_ROW} END"
    ),
    "kejical_event_fts_delete": f"AFTER DELETE ON events_event BEGIN DELETE FROM {EVENT_FTS} WHERE rowid = OLD.id; END",
    "kejical_evidence_fts_insert": f"AFTER INSERT ON events_evidence BEGIN {_EVIDENCE_ROW} END",
    "kejical_evidence_fts_update": (
        f"AFTER UPDATE OF sentence, event_id ON events_evidence BEGIN "
        f"DELETE FROM {EVIDENCE_FTS} WHERE rowid = OLD.id; {_EVIDENCE_ROW} END"
    ),
    "kejical_evidence_fts_delete": (
        f"AFTER DELETE ON events_evidence BEGIN DELETE FROM {EVIDENCE_FTS} WHERE rowid = OLD.id; END"
    ),
}

FILLS = (
    f"INSERT INTO {EVENT_FTS} (rowid, text) SELECT id, title || ' ' || place FROM events_event",
    f"INSERT INTO {EVIDENCE_FTS} (rowid, sentence, event_id) SELECT id, sentence, event_id FROM events_evidence",
)


def trigram_fts_available(connection) -> bool:
    """True when this SQLite has FTS5 with the trigram tokenizer (3.34 or later, FTS5 compiled in)."""
    if connection.vendor != "sqlite" or sqlite3.sqlite_version_info < (3, 34, 0):
        return False
    try:
        with connection.cursor() as cursor:
            cursor.execute("CREATE VIRTUAL TABLE temp.kejical_fts_probe USING fts5(x, tokenize = 'trigram')")
            cursor.execute("DROP TABLE temp.kejical_fts_probe")
    except DatabaseError:
        return False
    return True


def install_sqlite_search(schema_editor) -> None:
    """Create the FTS tables, fill them from the stored rows and add the triggers (SQLite with FTS5 only)."""
    if not trigram_fts_available(schema_editor.connection):
        return
    for sql in TABLES.values():
        schema_editor.execute(sql)
    for sql in FILLS:
        schema_editor.execute(sql)
    install_fts_triggers(schema_editor)


def install_fts_triggers(schema_editor) -> None:
    for name, body in TRIGGERS.items():
        schema_editor.execute(f"CREATE TRIGGER {name} {body}")


def refill_sqlite_search(schema_editor) -> None:
    """Triggers again and the copies made afresh: after a table rebuild dropped the triggers."""
    drop_fts_triggers(schema_editor)
    for table in TABLES:
        schema_editor.execute(f"DELETE FROM {table}")
    for sql in FILLS:
        schema_editor.execute(sql)
    install_fts_triggers(schema_editor)


def drop_fts_triggers(schema_editor) -> None:
    for name in TRIGGERS:
        schema_editor.execute(f"DROP TRIGGER IF EXISTS {name}")


def drop_sqlite_search(schema_editor) -> None:
    if schema_editor.connection.vendor != "sqlite":
        return
    drop_fts_triggers(schema_editor)
    for table in TABLES:
        schema_editor.execute(f"DROP TABLE IF EXISTS {table}")
