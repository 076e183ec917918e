"""Keyword search over events' titles, places and evidence sentences, one condition per database.

No join and no DISTINCT: the evidence side is an EXISTS per event (or, on PostgreSQL, an indexed
set of event ids), so an event found through three sentences is still one row.

On PostgreSQL a keyword of two or more characters first asks the character-pair GIN indexes
(``events/migrations/_search.py``) for up to ``INDEXED_BOUND`` matching events. A rare word
(most searches) ends there: the page reads those ids. A common word ("科技" in a 科技日历) has
more; then the page walks the date order and checks each event with ILIKE, which finds a page
of matches after reading not many more rows than the page holds. Either way no request reads
every event. SQLite, and one-character keywords, use ILIKE alone.
"""

from __future__ import annotations

from django.db import connection
from django.db.models import Exists, OuterRef, Q

from events.models import Event, Evidence

# Past this many indexed matches, the keyword is common enough to find by walking the date order.
INDEXED_BOUND = 2000


def matches_text(q: str) -> Q:
    """A condition on events: ``q`` (case-insensitive) in the title, the place or an evidence sentence."""
    if connection.vendor == "postgresql" and len(q) >= 2:
        ids = _indexed_matches(q)
        if ids is not None:
            return Q(pk__in=ids)
    sentences = Evidence.objects.filter(event=OuterRef("pk"), sentence__icontains=q)
    return Q(title__icontains=q) | Q(place__icontains=q) | Exists(sentences)


def pairs_query(q: str) -> str:
    """``q``'s overlapping character pairs (lower case) as a tsquery, each pair quoted: '人工' & '工智'."""
    text = q.lower()
    pairs = dict.fromkeys(text[i : i + 2] for i in range(len(text) - 1))
    return " & ".join("'" + pair.replace("\\", "\\\\").replace("'", "''") + "'" for pair in pairs)


def _indexed_matches(q: str) -> list[int] | None:
    """Ids of events (any status) whose title, place or evidence holds ``q``; None past ``INDEXED_BOUND``."""
    like = "%" + q.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%"
    event = Event._meta.db_table
    evidence = Evidence._meta.db_table
    sql = f"""
        SELECT id FROM {event}
        WHERE kejical_pairs(title || ' ' || place) @@ %(pairs)s::tsquery
          AND (title ILIKE %(like)s OR place ILIKE %(like)s)
        UNION
        SELECT event_id FROM {evidence}
        WHERE kejical_pairs(sentence) @@ %(pairs)s::tsquery AND sentence ILIKE %(like)s
        LIMIT %(limit)s
    """
    with connection.cursor() as cursor:
        cursor.execute(sql, {"pairs": pairs_query(q), "like": like, "limit": INDEXED_BOUND + 1})
        ids = [row[0] for row in cursor.fetchall()]
    return ids if len(ids) <= INDEXED_BOUND else None
