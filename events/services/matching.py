"""Matching an article's candidates to stored events: which event each candidate is (or none yet).

The order of the tests, and why, is in ``reconcile``'s docstring; this module only reads.
"""

from __future__ import annotations

import zlib
from dataclasses import dataclass, field
from difflib import SequenceMatcher

from django.db import connection

from events.extraction.types import EventCandidate, EvidenceSpan
from events.models import Event

from .article_rows import events_on_dates, merged_match_keys

TITLE_SIMILARITY = 0.6


@dataclass
class Plan:
    """What one stored (or new) event becomes: its first candidate and all evidence from this article."""

    candidate: EventCandidate
    event: Event | None
    own: bool
    evidence: list[EvidenceSpan] = field(default_factory=list)


def merged_keys(own: dict[int, Event]) -> dict[str, Event]:
    """``match_key`` of events a curator merged into one of ``own`` → the event they live on in."""
    if not own:
        return {}
    return {key: own[target] for key, target in merged_match_keys(list(own))}


def plan_candidates(
    candidates: list[EventCandidate], own: dict[int, Event], merged: dict[str, Event]
) -> list[Plan]:
    """Assign each candidate to a stored event (or a new one); candidates meeting on one event merge."""
    plans: dict[object, Plan] = {}
    rest: list[EventCandidate] = []
    for c in candidates:
        event = _match_by_key(c, own)
        # A merged-away candidate adds its evidence to the merge target but never its fields, even
        # when its sentence is the one the target already holds (the merge moved that evidence there).
        alias = None if event else merged.get(c.key[:300])
        event = event or (None if alias else _match_by_span(c, own))
        if event is not None:
            _join(plans, event.pk, c, event, own=True)
        elif alias is not None:
            _join(plans, alias.pk, c, alias, own=False)
        else:
            rest.append(c)
    lock_dates(rest)
    pool = _same_dates_elsewhere(rest, exclude=set(own))
    for c in rest:
        if ("new", c.key) in plans:
            _join(plans, ("new", c.key), c, None, own=False)
            continue
        taken = {k for k in plans if isinstance(k, int)}
        event = _match_by_overlap(c, own, taken) or _match_elsewhere(c, pool, exclude=taken)
        if event is None:
            _join(plans, ("new", c.key), c, None, own=False)
        else:
            event = _follow_merges(event)
            _join(plans, event.pk, c, event, own=event.pk in own)
    return list(plans.values())


def _join(plans: dict, key: object, c: EventCandidate, event: Event | None, *, own: bool) -> None:
    """Add ``c`` to the plan for ``key``; the first candidate that owns the event gives its fields."""
    plan = plans.setdefault(key, Plan(candidate=c, event=event, own=own))
    if own and not plan.own:
        plan.candidate, plan.own = c, True
    plan.evidence.extend(c.evidence)


def _match_by_key(c: EventCandidate, own: dict[int, Event]) -> Event | None:
    return next((e for e in own.values() if e.match_key and e.match_key == c.key[:300]), None)


def _match_by_span(c: EventCandidate, own: dict[int, Event]) -> Event | None:
    spans = {tuple(ev.span) for ev in c.evidence}
    for event in own.values():
        if any((ev.span_start, ev.span_end) in spans for ev in event.own_evidence):
            return event
    return None


def _match_by_overlap(c: EventCandidate, own: dict[int, Event], taken: set) -> Event | None:
    for event in own.values():
        if event.pk in taken or event.kind != c.kind or event.start is None:
            continue
        if event.start <= c.end and c.start <= event.end:
            return event
    return None


def lock_dates(candidates: list[EventCandidate]) -> None:
    """On PostgreSQL, hold a transaction lock per (kind, start, end) the candidates may create.

    Two workers ingesting two reports of one new event would each find no event with those dates
    and each create one. With the lock the second waits for the first to commit, then finds its
    event. Locks are taken in sorted order, so two workers never wait on each other in a circle.
    SQLite needs nothing: it lets one writer in at a time, and a stale reader fails and retries.
    """
    if connection.vendor != "postgresql" or not candidates:
        return
    keys = sorted({zlib.crc32(f"{c.kind}|{c.start}|{c.end}".encode()) for c in candidates})
    with connection.cursor() as cursor:
        for key in keys:
            cursor.execute("SELECT pg_advisory_xact_lock(%s, %s)", [ADVISORY_LOCK_CLASS, key - 2**31])


# The first key of this module's advisory locks, so they never collide with other users' locks.
ADVISORY_LOCK_CLASS = 0x6B6A  # "kj"


def _same_dates_elsewhere(candidates: list[EventCandidate], *, exclude: set) -> dict[tuple, list[Event]]:
    """Unmerged events with a candidate's kind and exact dates, by (kind, start, end): one query for all."""
    wanted = sorted({(c.kind, c.start, c.end) for c in candidates})
    pool: dict[tuple, list[Event]] = {}
    for event in events_on_dates(
        wanted
    ):  # SQL composed once: an OR per date cost more to compile than to run
        if event.pk not in exclude:
            pool.setdefault((event.kind, event.start, event.end), []).append(event)
    return pool


def _match_elsewhere(c: EventCandidate, pool: dict[tuple, list[Event]], *, exclude: set) -> Event | None:
    """Another article's event for the same occurrence: same kind and dates, similar title or key."""
    for event in pool.get((c.kind, c.start, c.end), ()):
        if event.pk not in exclude and (
            event.match_key == c.key[:300] or titles_similar(event.title, c.title)
        ):
            return event
    return None


def titles_similar(a: str, b: str) -> bool:
    """True when one title contains the other or they share most characters in order."""
    if not a or not b:
        return False
    return a in b or b in a or SequenceMatcher(None, a, b).ratio() >= TITLE_SIMILARITY


def _follow_merges(event: Event) -> Event:
    seen = {event.pk}
    while event.merged_into_id is not None and event.merged_into_id not in seen:
        seen.add(event.merged_into_id)
        event = event.merged_into
    return event
