"""Caches what publications read until the data changes: one version token for all events and articles."""

from __future__ import annotations

import hashlib
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from contextvars import ContextVar
from typing import TypeVar

from django.core.cache import cache
from django.db import connection

from events.models import DataVersion

T = TypeVar("T")

CACHE_SECONDS = 24 * 3600


_pinned: ContextVar[list[str] | None] = ContextVar("kejical_pinned_version", default=None)
# Inside same_version: what cached_until_change already returned, by cache key.
_memo: ContextVar[dict[str, object] | None] = ContextVar("kejical_version_memo", default=None)


@contextmanager
def same_version() -> Iterator[None]:
    """Inside, ``data_version`` is read at most once: a page made of several cached parts asks once.

    And ``cached_until_change`` reads each of its results from the cache at most once: a timeline
    page asks for the event counts several times, and unpickling them each time was a fifth of a
    cold page. For reads only: a write inside would not be seen by the pinned version. Nested, the outer
    pin holds: an ETag and the cached body inside its block name the same version.
    """
    if _pinned.get() is not None:
        yield
        return
    token, memo = _pinned.set([]), _memo.set({})
    try:
        yield
    finally:
        _memo.reset(memo)
        _pinned.reset(token)


def data_version() -> str:
    """A token that changes with every committed write to events, articles, evidence or sources.

    Database triggers (migration 0009) bump a counter row in the writing transaction, so a reader
    sees the new version exactly when it can see the new data, whatever wrote it (services,
    ``QuerySet.update``, bulk inserts, cascades, the admin, raw SQL). One query over at most
    ``DataVersion.SLOTS`` rows of a tiny table: nothing here grows with the events, where the old
    check counted both tables and read their newest ``updated`` on every request.
    """
    pinned = _pinned.get()
    if pinned:
        return pinned[0]
    table = connection.ops.quote_name(DataVersion._meta.db_table)
    # On PostgreSQL the server's start time is part of the version: a queued re-read commits
    # asynchronously (services.ingest._lock), and a crash can lose such a commit after readers saw
    # it; the counters then fall back and would reach the same sum again with other rows. A
    # restarted server has another start time, so nothing cached before the crash is served after it.
    started = ", pg_postmaster_start_time()" if connection.vendor == "postgresql" else ", ''"
    with connection.cursor() as cursor:
        cursor.execute(f"SELECT COALESCE(SUM(counter), 0), COALESCE(MIN(token), ''){started} FROM {table}")
        total, token, since = cursor.fetchone()
    version = f"{total}.{token}.{since.timestamp() if since else ''}"
    if pinned is not None:
        pinned.append(version)
    return version


def cached_until_change(name: str, parts: tuple, build: Callable[[], T]) -> T:
    """``build()``, computed once per distinct ``parts`` and data version, then served from the cache.

    ``parts`` must hold everything the result depends on besides the stored data (filters,
    paging, host, the day when a window moves); their ``repr`` goes into the key. Inside
    ``same_version`` callers share one result per key: treat it as read-only.
    """
    source = f"{name}|{parts!r}|{data_version()}"
    key = f"kejical:{name}:" + hashlib.sha256(source.encode()).hexdigest()
    memo = _memo.get()
    if memo is not None and key in memo:
        return memo[key]  # type: ignore[return-value]
    hit = cache.get(key)
    if hit is None:
        hit = build()
        cache.set(key, hit, timeout=CACHE_SECONDS)
    if memo is not None:
        memo[key] = hit
    return hit
