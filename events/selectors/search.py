"""Keyword search over events' titles, places and evidence sentences, one condition per database.

No join and no DISTINCT: the evidence side is an EXISTS per event (or, on PostgreSQL, an indexed
set of event ids), so an event found through three sentences is still one row.

On PostgreSQL a keyword of two or more characters first asks the character-pair GIN indexes
(``events/migrations/_search.py``) for up to ``INDEXED_BOUND`` matching events. A rare word
(most searches) ends there: the page reads those ids. A common word ("科技" in a 科技日历) has
more; then the page walks the date order and checks each event with ILIKE, which finds a page
of matches after reading not many more rows than the page holds (a word the planner's statistics
already put far past the bound is not even looked up: ``_estimated_rows``). Either way no request reads
every event. One-character keywords use ILIKE alone. SQLite asks its FTS5 trigram tables
(``events/migrations/_sqlite_search.py``) for keywords of three or more characters, where it has
FTS5; shorter ones, and SQLite without FTS5, use LIKE over the rows.
"""

from __future__ import annotations

import json

from django.db import connection
from django.db.backends.base.base import BaseDatabaseWrapper
from django.db.models import BooleanField, Exists, F, Func, OuterRef, Q, Sum, Value
from django.db.models.expressions import RawSQL

from events.migrations._sqlite_search import EVENT_FTS, EVIDENCE_FTS
from events.models import Event, EventCount, Evidence

from .caching import cached_until_change

# Past this many indexed matches, the keyword is common enough to find by walking the date order...
INDEXED_BOUND = 2000
# ...or, in a larger store, past one match in WALK_DENSITY events (the walk reads about WALK_DENSITY
# events per match it shows: 20 × a page of 50 = 1,000 rows), up to MAX_INDEXED ids. A fixed 2,000
# made a word in one event of a thousand "common" at a million events, and its walk read 50,000
# rows for a page (8.8 s for the region facet of 量子通信).
WALK_DENSITY = 20
MAX_INDEXED = 20_000
# A keyword PostgreSQL's own statistics already count as this many times the bound is common without
# asking the indexes: gathering 20,000 ids of "科技" to find it common cost 46 ms of a cold page at 1M.
ESTIMATE_MARGIN = 4


def matches_text(q: str) -> Q:
    """A condition on events: ``q`` (case-insensitive) in the title, the place or an evidence sentence."""
    if connection.vendor == "postgresql":
        # In a tuple: None ("common word") is a result to keep, where the cache reads None as a miss.
        ids = (
            cached_until_change("search-ids", (q,), lambda: (_indexed_matches(q),))[0]
            if len(q) >= 2
            else None
        )
        if ids is not None:
            return Q(pk__in=ids)
        # Walking the date order: each event's evidence is looked up by its id (see _search.py).
        in_evidence = Func(
            F("pk"), Value(_like_pattern(q)), function="kejical_evidence_like", output_field=BooleanField()
        )
        return Q(title__icontains=q) | Q(place__icontains=q) | Q(in_evidence)
    if len(q) >= FTS_MIN_CHARS and sqlite_fts(connection):
        # Trigram phrase: the rows holding ``q`` as a substring, case-insensitively, from the index.
        phrase = '"' + q.replace('"', '""') + '"'
        found = RawSQL(
            f"SELECT rowid FROM {EVENT_FTS} WHERE {EVENT_FTS} MATCH %s "
            f"UNION SELECT event_id FROM {EVIDENCE_FTS} WHERE {EVIDENCE_FTS} MATCH %s",
            (phrase, phrase),
        )
        return Q(pk__in=found)
    sentences = Evidence.objects.filter(event=OuterRef("pk"), sentence__icontains=q)
    return Q(title__icontains=q) | Q(place__icontains=q) | Exists(sentences)


# A trigram index cannot look up fewer than three characters: shorter keywords use LIKE.
FTS_MIN_CHARS = 3


def sqlite_fts(connection: BaseDatabaseWrapper) -> bool:
    """True when ``connection`` is SQLite with the FTS search tables (migration 0022 made them: FTS5 was there).

    Asked once per connection object; a database migrated while connected is asked again after
    ``forget_sqlite_fts``.
    """
    if connection.vendor != "sqlite":
        return False
    known = getattr(connection, "_kejical_fts", None)
    if known is None:
        with connection.cursor() as cursor:
            cursor.execute(
                "SELECT COUNT(*) FROM sqlite_master WHERE name IN (%s, %s)", (EVENT_FTS, EVIDENCE_FTS)
            )
            known = cursor.fetchone()[0] == 2
        connection._kejical_fts = known
    return known


def forget_sqlite_fts(connection: BaseDatabaseWrapper) -> None:
    """Make ``sqlite_fts`` look again (after a migration added or removed the tables)."""
    connection.__dict__.pop("_kejical_fts", None)


def pairs_query(q: str) -> str:
    """``q``'s overlapping character pairs (lower case) as a tsquery, each pair quoted: '人工' & '工智'."""
    text = q.lower()
    pairs = dict.fromkeys(text[i : i + 2] for i in range(len(text) - 1))
    return " & ".join("'" + pair.replace("\\", "\\\\").replace("'", "''") + "'" for pair in pairs)


def _like_pattern(q: str) -> str:
    """An ILIKE pattern finding ``q`` anywhere, its own %, _ and backslash taken literally."""
    return "%" + q.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%"


def _indexed_matches(q: str) -> list[int] | None:
    """Ids of events (any status) whose title, place or evidence holds ``q``; None past ``INDEXED_BOUND``.

    None too, without reading the indexes, when the planner's statistics put ``q``'s pairs in more
    than ``ESTIMATE_MARGIN`` times the bound of rows. Either answer finds the same events (by id or
    by the walk); only the speed depends on it, so a stale statistic costs time, never results.
    """
    like = _like_pattern(q)
    event = Event._meta.db_table
    evidence = Evidence._meta.db_table
    bound = indexed_bound()
    if _estimated_rows(pairs_query(q)) > ESTIMATE_MARGIN * bound:
        return None
    sql = f"""
        SELECT id FROM {event}
        WHERE kejical_pairs(title || ' ' || place) @@ %(pairs)s::tsquery
          AND (title ILIKE %(like)s OR place ILIKE %(like)s)
        UNION ALL
        SELECT event_id FROM {evidence}
        WHERE kejical_pairs(sentence) @@ %(pairs)s::tsquery AND sentence ILIKE %(like)s
        LIMIT %(limit)s
    """
    with connection.cursor() as cursor:
        cursor.execute(sql, {"pairs": pairs_query(q), "like": like, "limit": bound + 1})
        rows = cursor.fetchall()
    # UNION ALL, not UNION: the LIMIT then stops both scans early for a common word, where UNION
    # would first gather every match to drop duplicates. An event found twice counts twice
    # towards the bound, which at worst treats a borderline word as common.
    return sorted({row[0] for row in rows}) if len(rows) <= bound else None


def _estimated_rows(pairs: str) -> int:
    """How many event and evidence rows PostgreSQL expects the pair indexes to hold for ``pairs``.

    Its estimate from ANALYZE's statistics of the indexed expressions (most common pairs and their
    frequencies): for a two-character keyword, within a few percent of the truth (科技 at 1M: 261,279
    expected, 262,797 found); for a pair the statistics do not list, a handful. Two EXPLAINs, ~1 ms.
    A table never analyzed has no statistics and PostgreSQL guesses 0.5 % of its rows for any
    keyword, which past ~7M events would call every keyword common (slow walks for rare words, same
    results); autovacuum analyzes a table that large long before, and the bench's fill does too.
    """
    total = 0
    with connection.cursor() as cursor:
        for table, text in (
            (Event._meta.db_table, "title || ' ' || place"),
            (Evidence._meta.db_table, "sentence"),
        ):
            cursor.execute(
                f"EXPLAIN (FORMAT JSON) SELECT 1 FROM {table} WHERE kejical_pairs({text}) @@ %s::tsquery",
                [pairs],
            )
            plan = cursor.fetchone()[0]
            total += int((json.loads(plan) if isinstance(plan, str) else plan)[0]["Plan"]["Plan Rows"])
    return total


def indexed_bound() -> int:
    """How many indexed matches a keyword may have and still be read by id (see ``WALK_DENSITY``)."""
    total = cached_until_change("event-total", (), _count_events)
    return min(MAX_INDEXED, max(INDEXED_BOUND, total // WALK_DENSITY))


def _count_events() -> int:
    """Visible events, from the trigger-kept counts (a few thousand rows, not every event)."""
    return EventCount.objects.aggregate(total=Sum("n"))["total"] or 0
