"""What curators do to events in the admin: confirm, hide, merge and edit."""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from django.db import transaction
from django.db.models import F, QuerySet
from django.utils import timezone

from events.models import Event, Evidence


@transaction.atomic
def confirm_events(*, events: QuerySet[Event] | Iterable[Event]) -> int:
    """Mark events confirmed (re-ingestion will then never change or delete them); returns how many changed.

    A hidden event becomes visible again only through this explicit act; merged-away events stay hidden.
    """
    pks = [e.pk for e in events]
    return (
        Event.objects.filter(pk__in=pks, merged_into__isnull=True)
        .exclude(status=Event.Status.CONFIRMED)
        .update(status=Event.Status.CONFIRMED, sequence=F("sequence") + 1, updated=timezone.now())
    )


@transaction.atomic
def hide_events(*, events: QuerySet[Event] | Iterable[Event]) -> int:
    """Hide events; ``sequence`` and ``updated`` move so feeds announce them as STATUS:CANCELLED."""
    pks = [e.pk for e in events]
    return (
        Event.objects.filter(pk__in=pks)
        .exclude(status=Event.Status.HIDDEN)
        .update(status=Event.Status.HIDDEN, sequence=F("sequence") + 1, updated=timezone.now())
    )


@transaction.atomic
def merge_events(*, target: Event, others: Iterable[Event]) -> Event:
    """Move the others' evidence to ``target``; mark them merged into it and hidden. Returns ``target``.

    Evidence for a span the target already holds is dropped rather than duplicated. Re-ingestion
    later finds the target through that evidence, so the merged events do not come back.
    """
    others = [e for e in others if e.pk != target.pk]
    for other in others:
        have = set(Evidence.objects.filter(event=target).values_list("article_id", "span_start", "span_end"))
        for ev in Evidence.objects.filter(event=other):
            if (ev.article_id, ev.span_start, ev.span_end) in have:
                ev.delete()
            else:
                ev.event = target
                ev.save(update_fields=["event"])
        Event.objects.filter(merged_into=other).update(merged_into=target)
        other.merged_into = target
        other.status = Event.Status.HIDDEN
        other.sequence += 1
        other.save(update_fields=["merged_into", "status", "sequence", "updated"])
    if others:
        target.confidence = max([target.confidence, *(o.confidence for o in others)])
        target.save(update_fields=["confidence", "updated"])
    return target


def pick_merge_target(events: Iterable[Event]) -> Event:
    """The event others merge into: confirmed first, then highest confidence, then earliest created."""
    return min(events, key=lambda e: (e.status != Event.Status.CONFIRMED, -e.confidence, e.created, e.pk))


@transaction.atomic
def update_event_fields(*, event: Event, changes: dict[str, Any]) -> Event:
    """Set fields as a curator did: each changed one joins ``curated_fields``; visible changes bump ``sequence``.

    Raises ValueError for a field curators may not set.
    """
    unknown = set(changes) - set(Event.CURATABLE_FIELDS)
    if unknown:
        raise ValueError(f"not curatable: {', '.join(sorted(unknown))}")
    changed = [name for name, value in changes.items() if getattr(event, name) != value]
    if not changed:
        return event
    for name in changed:
        setattr(event, name, changes[name])
    event.curated_fields = sorted(set(event.curated_fields or ()) | set(changed))
    update = [*changed, "curated_fields", "updated"]
    if set(changed) & set(Event.SEQUENCED_FIELDS):
        event.sequence += 1
        update.append("sequence")
    event.full_clean(exclude=["uid", "merged_into"])
    event.save(update_fields=update)
    return event
