"""PostgreSQL indexes: the API's orders over visible events, and keyword search by character pairs.

The order indexes are partial (visible events only: the condition of ``EventQuerySet.visible``,
keep the two the same) and say NULLS LAST, which SQLite cannot index; so they are PostgreSQL's.

Chinese has no spaces, so word-based full-text search finds nothing, and pg_trgm cannot serve the
most common searches: a two-character word such as "科技" has no trigram inside it, so its index
answers "every row". Every substring of two or more characters is made of overlapping pairs of
characters, so an index of each text's pairs (as a tsvector, GIN-indexed) finds the rows holding
all the query's pairs; an ILIKE then checks the pairs are adjacent (events/selectors/search.py).
SQLite gets no index (``LIKE`` over the rows; fine at the sizes SQLite serves here).
"""

from __future__ import annotations

PG_FUNCTION = r"""
CREATE OR REPLACE FUNCTION kejical_pairs(t text) RETURNS tsvector
LANGUAGE sql IMMUTABLE PARALLEL SAFE STRICT AS $$
    SELECT COALESCE(array_to_tsvector(array_agg(DISTINCT substr(lower(t), i, 2))), ''::tsvector)
    FROM generate_series(1, char_length(t) - 1) AS i
$$
"""

# One event's evidence holds the ILIKE pattern: PL/pgSQL so the planner keeps it a per-row index
# lookup (evidence by event_id). As a plain EXISTS inside an OR it turns into a hash of every
# matching sentence, read in full before the first row: 230 ms at 100k events for "科技".
PG_EVIDENCE_FUNCTION = r"""
CREATE OR REPLACE FUNCTION kejical_evidence_like(eid bigint, pattern text) RETURNS boolean
LANGUAGE plpgsql STABLE PARALLEL SAFE STRICT AS $$
BEGIN
    RETURN EXISTS (SELECT 1 FROM events_evidence WHERE event_id = eid AND sentence ILIKE pattern);
END
$$
"""

VISIBLE = "merged_into_id IS NULL AND NOT (status = 'hidden')"

PG_INDEXES = {
    # selectors.order_events: newest first, oldest first, and newest first of one kind.
    "event_visible_newest": f"events_event (start DESC NULLS LAST, id) WHERE {VISIBLE}",
    "event_visible_oldest": f"events_event (start ASC NULLS LAST, id) WHERE {VISIBLE}",
    "event_visible_kind_newest": f"events_event (kind, start DESC NULLS LAST, id) WHERE {VISIBLE}",
    "event_search_pairs": "events_event USING gin (kejical_pairs(title || ' ' || place))",
    "evidence_search_pairs": "events_evidence USING gin (kejical_pairs(sentence))",
}


def install_search(schema_editor) -> None:
    if schema_editor.connection.vendor != "postgresql":
        return
    schema_editor.execute(PG_FUNCTION)
    schema_editor.execute(PG_EVIDENCE_FUNCTION)
    for name, target in PG_INDEXES.items():
        schema_editor.execute(f"CREATE INDEX {name} ON {target}")


def drop_search(schema_editor) -> None:
    if schema_editor.connection.vendor != "postgresql":
        return
    for name in PG_INDEXES:
        schema_editor.execute(f"DROP INDEX IF EXISTS {name}")
    schema_editor.execute("DROP FUNCTION IF EXISTS kejical_pairs(text)")
    schema_editor.execute("DROP FUNCTION IF EXISTS kejical_evidence_like(bigint, text)")
