"""Keyset ("after this event") conditions for the two orders events are listed in, and the bound on offsets.

An offset makes the database read and drop every row before the page, so deep pages of a
million events cost a sort of everything (the issue measured an on-disk sort). After a cursor,
the database starts from the anchor's place in an index and reads one page. Offsets stay for
shallow pages (page numbers a reader clicks) up to ``MAX_OFFSET``; deeper needs ``after``.
"""

from __future__ import annotations

from django.db.models import Q

from events.models import Event

from .aggregates import count_matching
from .events import EventFilters, FilterError, filter_events, order_events
from .items import event_item, with_sources

UID_MAX_CHARS = Event._meta.get_field("uid").max_length

# Offsets past this are refused: the next link carries a cursor instead.
MAX_OFFSET = 1000


def after_by_start(anchor: Event, *, newest_first: bool) -> tuple[Q, bool]:
    """Events after ``anchor`` in the API's order (start newest or oldest first, undated last, then pk).

    Returns a condition and whether every undated event comes after those it matches. The two
    parts are read as two queries: written as one condition (``... OR start IS NULL``) the
    database cannot start its index scan at the anchor and reads every row before it.
    """
    if anchor.start is None:
        return Q(start__isnull=True, pk__gt=anchor.pk), False
    same_start = Q(start=anchor.start, pk__gt=anchor.pk)
    if newest_first:
        return Q(start__lte=anchor.start) & (Q(start__lt=anchor.start) | same_start), True
    return Q(start__gte=anchor.start) & (Q(start__gt=anchor.start) | same_start), True


def after_on_timeline(anchor: Event, *, newest_first: bool) -> Q:
    """Events after ``anchor`` in the timeline's order (``timeline.timeline_events``), dated ones only.

    Newest first is start, end (descending, a missing end first), title, pk; oldest first is
    start, end (ascending, a missing end last), title, pk. The extra bound on start alone lets
    the database begin its index scan at the anchor.
    """
    same_end_after = Q(title__gt=anchor.title) | Q(title=anchor.title, pk__gt=anchor.pk)
    if anchor.end is None:
        # Newest first, a missing end comes before every end of that start day; oldest first, after.
        after_end = same_end_after & Q(end__isnull=True)
        if newest_first:
            after_end |= Q(end__isnull=False)
    else:
        further = Q(end__lt=anchor.end) if newest_first else Q(end__gt=anchor.end) | Q(end__isnull=True)
        after_end = further | (Q(end=anchor.end) & same_end_after)
    if newest_first:
        return Q(start__lte=anchor.start) & (Q(start__lt=anchor.start) | Q(start=anchor.start) & after_end)
    return Q(start__gte=anchor.start) & (Q(start__gt=anchor.start) | Q(start=anchor.start) & after_end)


def event_page(
    *, filters: EventFilters, ordering: str, limit: int, offset: int, after: str | None = None
) -> dict:
    """One page of visible events as JSON-ready data: ``items`` (``event_item``), ``count`` and the next cursor.

    ``count`` is exact unless ``count_capped`` (then "at least"; see ``aggregates.count_matching``).
    ``after`` is the uid of an event in these results: the page starts right after it (``offset``
    must then be 0). ``next_after`` is the uid to pass for the next page, None at the end. Raises
    ``FilterError`` when ``after`` names no visible event matching ``filters``, or comes with an offset.
    """
    matching = filter_events(filters=filters)
    qs = order_events(matching, ordering=ordering)
    count = count_matching(qs, filters=filters, dated=False)
    if after is None:
        rows = list(with_sources(qs, reposts=True)[offset : offset + limit + 1])
    elif offset:
        raise FilterError("offset", "give offset or after, not both")
    else:
        anchor = (
            matching.filter(uid=after[:UID_MAX_CHARS]).only("pk", "start").first()
            if "\x00" not in after
            else None
        )
        if anchor is None:
            raise FilterError("after", "no visible event with this uid matches the filters")
        condition, then_undated = after_by_start(anchor, newest_first=ordering == "-start")
        rows = list(with_sources(qs.filter(condition), reposts=True)[: limit + 1])
        if then_undated and len(rows) <= limit:
            rows += with_sources(qs.filter(start__isnull=True), reposts=True)[: limit + 1 - len(rows)]
    items = rows[:limit]
    return {
        "count": count.n,
        "count_capped": count.capped,
        "limit": limit,
        "offset": offset,
        "next_after": items[-1].uid if len(rows) > limit else None,
        "items": [event_item(e) for e in items],
    }
