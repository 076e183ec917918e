"""Which web sources are due for a fetch, and the lease a fetch run takes on its source.

Apart from ``web_sources`` because this is all a worker needs at start (beat's periodic task asks
``due_sources``); the fetching code and the page-reading libraries behind it (lxml, trafilatura,
dateparser, feedparser, requests: about 16 MB) load only when a source is fetched.
"""

from __future__ import annotations

from datetime import datetime, timedelta

from django.db.models import Q

from events.models import Source

# A source still being fetched after this long is taken to belong to a dead worker.
LEASE = timedelta(minutes=30)


def due_sources(*, now: datetime) -> list[Source]:
    """Active web sources whose next fetch time has come (or was never set), gone ones left out."""
    return list(
        Source.objects.filter(active=True, kind__in=Source.WEB_KINDS)
        .exclude(last_status=Source.LastStatus.GONE)
        .filter(Q(next_fetch__isnull=True) | Q(next_fetch__lte=now))
        .filter(Q(lease_until__isnull=True) | Q(lease_until__lt=now))
    )


def claim_source(source: Source, *, now: datetime) -> bool:
    """Take the source for one run; False when another worker holds it (its lease has not run out)."""
    taken = (
        Source.objects.filter(pk=source.pk)
        .filter(Q(lease_until__isnull=True) | Q(lease_until__lt=now))
        .update(lease_until=now + LEASE)
    )
    return taken == 1
