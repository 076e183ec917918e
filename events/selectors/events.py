"""Reads events for display: the one filter every publication (page, API, feed) shares."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from django.db.models import Q, QuerySet

from events.models import Event


@dataclass(frozen=True)
class EventFilters:
    """The filters the timeline, the JSON API and the feeds all take (already validated)."""

    kind: str | None = None
    date_from: date | None = None  # events ending on or after this day
    date_to: date | None = None  # events starting on or before this day
    place: str | None = None  # substring of the place
    q: str | None = None  # text in title, place or evidence
    precision: str | None = None
    source: str | None = None  # Source.name


def filter_events(*, filters: EventFilters, include_hidden: bool = False) -> QuerySet[Event]:
    """Visible events (or all, for feeds that must announce cancellations) matching ``filters``."""
    qs = Event.objects.all() if include_hidden else Event.objects.visible()
    qs = qs.filter(merged_into__isnull=True)
    if filters.kind:
        qs = qs.filter(kind=filters.kind)
    if filters.precision:
        qs = qs.filter(precision=filters.precision)
    if filters.date_from:
        qs = qs.filter(end__gte=filters.date_from)
    if filters.date_to:
        qs = qs.filter(start__lte=filters.date_to)
    if filters.place:
        qs = qs.filter(place__icontains=filters.place)
    if filters.source:
        qs = qs.filter(evidence__article__source__name=filters.source)
    if filters.q:
        qs = qs.filter(
            Q(title__icontains=filters.q) | Q(place__icontains=filters.q) | Q(evidence__sentence__icontains=filters.q)
        )
    if filters.source or filters.q:
        qs = qs.distinct()
    return qs
