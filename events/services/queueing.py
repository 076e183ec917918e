"""Asking Celery for (re-)ingestion: every request is queued after the current transaction commits.

Tasks import services, so ``events.tasks`` is imported inside each function: the one place where
a service looks "up" the import flow, and only at call time.
"""

from __future__ import annotations

from collections.abc import Iterable
from datetime import datetime

from django.db.models import Q

from events.models import Article, Event, Source

from .ingest import PARSER_VERSION
from .web_sources import due_sources


def request_article_reingest(*, articles: Iterable[Article], force: bool = True) -> int:
    """Queue ``ingest_article_task`` for each article once the transaction commits; returns how many."""
    from events import tasks

    pks = [a.pk for a in articles]
    for pk in pks:
        tasks.ingest_article_task.delay_on_commit(pk, force=force)
    return len(pks)


def request_event_reingest(*, events: Iterable[Event]) -> int:
    """Queue re-ingestion of every article that gave evidence for these events; returns how many."""
    pks = [e.pk for e in events]
    return request_article_reingest(articles=Article.objects.filter(evidence__event__in=pks).distinct())


def request_source_ingest(*, sources: Iterable[Source], force: bool = False) -> int:
    """Queue ``ingest_source_task`` for each source once the transaction commits; returns how many."""
    from events import tasks

    pks = [s.pk for s in sources]
    for pk in pks:
        tasks.ingest_source_task.delay_on_commit(pk, force=force)
    return len(pks)


def stale_articles() -> Iterable[Article]:
    """Articles read by another parser version, or whose last ingestion failed (and that have text)."""
    return Article.objects.filter(
        ~Q(parser_version=PARSER_VERSION) | Q(status=Article.Status.FAILED)
    ).exclude(text="")


def request_stale_reingest() -> int:
    """Queue re-ingestion (not forced: unchanged ones are skipped) of every stale article; returns how many."""
    return request_article_reingest(articles=stale_articles().only("pk"), force=False)


def request_due_fetches(*, now: datetime) -> int:
    """Queue ``fetch_source_task`` for every due web source once the transaction commits; returns how many."""
    from events import tasks

    pks = [s.pk for s in due_sources(now=now)]
    for pk in pks:
        tasks.fetch_source_task.delay_on_commit(pk)
    return len(pks)
