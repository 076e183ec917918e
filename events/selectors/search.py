"""Keyword search over events' titles, places and evidence sentences, one condition per database.

No join and no DISTINCT: the evidence side is an EXISTS per event (or, on PostgreSQL, an indexed
set of event ids), so an event found through three sentences is still one row.
"""

from __future__ import annotations

from django.db.models import Exists, OuterRef, Q

from events.models import Evidence


def matches_text(q: str) -> Q:
    """A condition on events: ``q`` (case-insensitive) in the title, the place or an evidence sentence."""
    sentences = Evidence.objects.filter(event=OuterRef("pk"), sentence__icontains=q)
    return Q(title__icontains=q) | Q(place__icontains=q) | Exists(sentences)
