"""The one JSON item shape of an event, shared by `manage.py export_events` and the JSON API."""

from __future__ import annotations

from django.db.models import Prefetch, QuerySet

from events.models import Event, Evidence


def with_sources(events: QuerySet[Event]) -> QuerySet[Event]:
    """``events`` with their evidence and articles fetched in two queries, not one per event."""
    return events.prefetch_related(
        Prefetch(
            "evidence",
            queryset=Evidence.objects.select_related("article").order_by("article_id", "span_start"),
        )
    )


def event_item(event: Event) -> dict:
    """An event as a JSON-ready dict; dates are ISO ``YYYY-MM-DD`` (or null when undated)."""
    return {
        "uid": event.uid,
        "title": event.title,
        "kind": event.kind,
        "start": event.start.isoformat() if event.start else None,
        "end": event.end.isoformat() if event.end else None,
        "time": event.time.strftime("%H:%M") if event.time else None,
        "precision": event.precision,
        "edtf": event.edtf,
        "place": event.place,
        "organizers": event.organizers,
        "figures": event.figures,
        "status": event.status,
        "sequence": event.sequence,
        "updated": event.updated.isoformat() if event.updated else None,
        "sources": [
            {
                "article": ev.article.key,
                "article_id": ev.article_id,
                "url": ev.article.url,
                "title": ev.article.title,
                "evidence": ev.sentence,
                "span": [ev.span_start, ev.span_end],
                "date_text": ev.date_text,
            }
            for ev in event.evidence.all()
        ],
    }
