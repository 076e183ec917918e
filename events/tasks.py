"""Celery entry points: thin wrappers that load rows by id and call one service each.

Every task is safe to run twice: ingestion is idempotent (an unchanged article writes nothing).
``acks_late`` means a worker that dies mid-task leaves the message for another; transient errors
(database busy or gone, network) are retried with exponential backoff.
"""

from __future__ import annotations

import logging

from celery import shared_task
from django.db import InterfaceError, OperationalError
from django.utils import timezone

from events import services
from events.models import Article, Source
from events.reading.web import ServerError, Throttled, TimedOut, Unreachable

log = logging.getLogger(__name__)

TRANSIENT = (
    OperationalError,
    InterfaceError,
    Unreachable,  # never a refused address: that is RefusedAddress, not retried
    TimedOut,
    ServerError,
    Throttled,
    TimeoutError,  # socket.timeout is this class since Python 3.10
    ConnectionError,
)
RETRY = {
    "acks_late": True,
    "autoretry_for": TRANSIENT,
    "retry_backoff": True,
    "retry_backoff_max": 600,
    "retry_jitter": True,
    "max_retries": 5,
}


@shared_task(name="events.ingest_article", **RETRY)
def ingest_article_task(article_id: int, force: bool = False) -> dict:
    """Re-ingest a stored article from its stored text; returns the result's status and counts."""
    article = Article.objects.filter(pk=article_id).first()
    if article is None:
        log.info("article %s is gone; nothing to ingest", article_id)
        return {"status": "missing"}
    result = services.reingest_stored_article(article=article, force=force)
    return _result_dict(result)


@shared_task(name="events.ingest_source", **RETRY)
def ingest_source_task(source_id: int, force: bool = False) -> dict:
    """Re-read a file, folder or URL source; returns article and event counts."""
    source = Source.objects.filter(pk=source_id).first()
    if source is None:
        return {"status": "missing"}
    if source.is_web:
        return _run_dict(services.fetch_source(source=source, now=timezone.now(), force=force))
    summary = services.ingest_source(source=source, force=force)
    return {"articles": dict(summary.articles), "events": dict(summary.events), "failures": summary.failures}


@shared_task(name="events.ingest_active_sources", acks_late=True)
def ingest_active_sources_task() -> int:
    """Queue ``ingest_source_task`` for every active file or folder source (daily); returns how many.

    Web sources have their own interval: ``fetch_due_sources_task`` picks them."""
    return services.request_source_ingest(
        sources=Source.objects.filter(active=True).exclude(kind__in=Source.WEB_KINDS)
    )


@shared_task(
    name="events.fetch_source",
    acks_late=True,
    autoretry_for=(OperationalError, InterfaceError),
    retry_backoff=True,
    max_retries=5,
)
def fetch_source_task(source_id: int, force: bool = False) -> dict:
    """Fetch one web source now (skipped, ``busy``, when another worker is fetching it)."""
    source = Source.objects.filter(pk=source_id).first()
    if source is None:
        return {"status": "missing"}
    return _run_dict(services.fetch_source(source=source, now=timezone.now(), force=force))


# A tick that waited longer than this in the queue is dropped: the next one, minutes later, does its work.
FETCH_DUE_EXPIRES = 240


@shared_task(name="events.fetch_due_sources", acks_late=True, expires=FETCH_DUE_EXPIRES)
def fetch_due_sources_task() -> int:
    """Queue ``fetch_source_task`` for every web source whose interval has passed (beat runs this every
    few minutes); returns how many."""
    return services.request_due_fetches(now=timezone.now())


@shared_task(name="events.reingest_stale", acks_late=True)
def reingest_stale_task() -> int:
    """Queue re-ingestion of articles read by an older parser version (or failed); returns how many."""
    return services.request_stale_reingest()


def _run_dict(run: services.FetchRun) -> dict:
    if run.busy:
        return {"status": "busy"}
    return {
        "status": run.status,
        "articles": dict(run.articles),
        "requests": run.requests,
        "not_modified": run.not_modified,
        "failures": run.problems,
    }


def _result_dict(result: services.IngestResult) -> dict:
    return {
        "article_id": result.article.pk if result.article else None,
        "status": result.status,
        "created": result.created,
        "updated": result.updated,
        "unchanged": result.unchanged,
        "removed": result.removed,
        "error": result.error,
    }
