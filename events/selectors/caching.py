"""Caches what publications read until the data changes: one version token for all events and articles."""

from __future__ import annotations

import hashlib
from collections.abc import Callable
from typing import TypeVar

from django.core.cache import cache
from django.db import connection

from events.models import Article, Event

T = TypeVar("T")

CACHE_SECONDS = 24 * 3600


def events_version() -> str:
    """A token that changes whenever any event or article is added, changed or deleted.

    Count plus newest ``updated`` of both tables. It relies on every write moving ``updated``
    forward (``auto_now``, and the curation services' bulk updates set it too); a write that set
    ``updated`` into the past without adding or deleting a row would go unseen.

    Raw SQL because this runs on every API and feed request: four scalar subqueries in one round
    trip, each answered from an index (MAX from the ``updated`` index, COUNT from the smallest one),
    where one ORM ``aggregate(Count, Max)`` per table reads every row.
    """
    quote = connection.ops.quote_name
    parts = []
    for model in (Event, Article):
        table = quote(model._meta.db_table)
        parts += [f"(SELECT MAX({quote('updated')}) FROM {table})", f"(SELECT COUNT(*) FROM {table})"]
    with connection.cursor() as cursor:
        cursor.execute("SELECT " + ", ".join(parts))
        row = cursor.fetchone()
    return ":".join(str(value) for value in row)


def cached_until_change(name: str, parts: tuple, build: Callable[[], T]) -> T:
    """``build()``, computed once per distinct ``parts`` and data version, then served from the cache.

    ``parts`` must hold everything the result depends on besides the stored data (filters,
    paging, host, the day when a window moves); their ``repr`` goes into the key.
    """
    source = f"{name}|{parts!r}|{events_version()}"
    key = f"kejical:{name}:" + hashlib.sha256(source.encode()).hexdigest()
    hit = cache.get(key)
    if hit is None:
        hit = build()
        cache.set(key, hit, timeout=CACHE_SECONDS)
    return hit
