"""Celery entry points: thin wrappers that load rows by id and call one service each.

Every task is safe to run twice: ingestion is idempotent (an unchanged article writes nothing).
Acks are late and a lost worker's message is rejected back to the queue (settings.py), and time
limits per task come from ``KEJICAL_TASK_LIMITS``. Only errors that can pass on their own are
retried, with exponential backoff: a busy or lost database, time-outs, lost connections, 5xx and
429 answers. A 4xx answer, a refused address or refused content fails at once: retrying changes
nothing and would only hide the error from the curator for an hour.
"""

from __future__ import annotations

import logging
import urllib.error
from collections import Counter
from datetime import datetime, timedelta

from celery import shared_task
from celery.contrib.django.task import DjangoTask
from celery.exceptions import Retry, SoftTimeLimitExceeded
from celery.signals import worker_process_init
from celery.utils.time import get_exponential_backoff_interval
from django.conf import settings
from django.db import InterfaceError, OperationalError
from django.utils import timezone

from events import services
from events.models import Article, Source
from events.selectors.health import held_tasks

log = logging.getLogger(__name__)

TRANSIENT = (
    OperationalError,
    InterfaceError,
    TimeoutError,  # socket.timeout is this class since Python 3.10
    ConnectionError,  # reset, aborted, broken pipe (ConnectionRefusedError: see is_transient)
)
RETRY_STATUSES = frozenset({408, 429, 500, 502, 503, 504})
MAX_RETRIES = 5
BACKOFF_MAX_SECONDS = 600


def is_transient(exc: BaseException) -> bool:
    """True for an error that may pass if the task runs again later.

    Fetch errors that say so themselves (a ``transient`` attribute, as ``events.reading``'s do) are
    taken at their word; an HTTP answer is transient only for 5xx, 408 and 429; a refused
    connection is not: a closed port or a refused address stays so for the next hour too.
    """
    if isinstance(exc, SoftTimeLimitExceeded):
        return False  # the same work would hit the same limit
    marked = getattr(exc, "transient", None)
    if isinstance(marked, bool):
        return marked
    if isinstance(exc, urllib.error.HTTPError):
        return exc.code in RETRY_STATUSES
    if isinstance(exc, urllib.error.URLError):
        return is_transient(exc.reason) if isinstance(exc.reason, BaseException) else False
    if isinstance(exc, ConnectionRefusedError):
        return False
    return isinstance(exc, TRANSIENT)


class RetryTransient(DjangoTask):
    """A task that retries ``is_transient`` errors with jittered exponential backoff, others never."""

    acks_late = True
    max_retries = MAX_RETRIES
    # The model whose row (the first argument is its id) records this task's queued work, if any.
    queued_model: type[Article] | type[Source] | None = None

    def __call__(self, *args, **kwargs):
        started = timezone.now()
        try:
            result = super().__call__(*args, **kwargs)
        except Retry:
            raise
        except Exception as exc:
            if not is_transient(exc):
                self._done(args, started)  # failed for good: recorded, not worth queueing again
                raise
            countdown = get_exponential_backoff_interval(
                factor=1, retries=self.request.retries, maximum=BACKOFF_MAX_SECONDS, full_jitter=True
            )
            # A server that said when to come back (429/503 Retry-After, as Throttled carries) is obeyed.
            retry_after = getattr(exc, "retry_after", None)
            if isinstance(retry_after, int | float):
                countdown = max(countdown, min(int(retry_after), BACKOFF_MAX_SECONDS))
            log.warning("%s: %s; retry %s in %ss", self.name, exc, self.request.retries + 1, countdown)
            raise self.retry(exc=exc, countdown=countdown) from exc
        self._done(args, started)
        return result

    def _done(self, args: tuple, started: datetime) -> None:
        if self.queued_model is not None and args:
            pks = args[0] if isinstance(args[0], list | tuple) else [args[0]]  # a batch task's ids
            services.mark_queued_work_done(model=self.queued_model, pks=pks, started=started)


@worker_process_init.connect
def load_reading_tables(**_: object) -> None:
    """Load what every ingestion reads (the divisions table behind ``resolve_place``: 0.47 s of CPU,
    several seconds on a loaded machine) when a worker child starts, not inside its first task's
    time limit: with the fault test's 5 s soft limit, children restarted after a kill failed their
    first article with SoftTimeLimitExceeded while loading it."""
    from events.geography import resolve_place

    resolve_place("北京市海淀区")


@shared_task(name="events.ingest_article", base=RetryTransient, queued_model=Article)
def ingest_article_task(article_id: int, force: bool = False) -> dict:
    """Re-ingest a stored article from its stored text; returns the result's status and counts."""
    started = timezone.now()  # requests queued before this are done by this run (cleared in its write)
    # The source with it (one query, not a second one when the service reads ``article.source``).
    article = services.load_article(article_id)
    if article is None:
        log.info("article %s is gone; nothing to ingest", article_id)
        return {"status": "missing"}
    result = services.reingest_stored_article(article=article, force=force, requested_before=started)
    return _result_dict(result)


@shared_task(name="events.ingest_articles", base=RetryTransient, queued_model=Article)
def ingest_articles_task(article_ids: list[int], force: bool = False) -> dict:
    """Re-ingest stored articles from their stored text, each in its own transaction (what
    ``services.request_article_reingest`` queues); returns how many ended in each status.

    One message for a batch of articles: a message's own cost (the broker's round trips, the pool's
    hand-over, the task's set-up) was a quarter of a worker's CPU per article when each article had
    its own (bench/ingest_workers.py). Articles are loaded one at a time, so a batch of long texts
    holds one in memory, not all. A transient database error retries the whole batch; the articles
    done before it are then current and re-read again only when ``force`` says so.
    """
    started = timezone.now()  # requests queued before this are done by this run (cleared in its writes)
    statuses: Counter[str] = Counter()
    for article_id in article_ids:
        article = services.load_article(article_id)  # with its source; composed once, not per article
        if article is None:
            statuses["missing"] += 1
            continue
        result = services.reingest_stored_article(article=article, force=force, requested_before=started)
        statuses[result.status] += 1
    return dict(statuses)


@shared_task(name="events.ingest_source", base=RetryTransient, queued_model=Source)
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


@shared_task(name="events.fetch_source", base=RetryTransient)
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


@shared_task(name="events.requeue_lost", acks_late=True, expires=FETCH_DUE_EXPIRES)
def requeue_lost_task() -> int:
    """Queue again the re-reads the broker lost (beat runs this every few minutes); returns how many."""
    if not settings.CELERY_BROKER_URL:
        return 0  # tasks run in-process: nothing can be lost on the way
    seen = held_tasks(
        broker_url=settings.CELERY_BROKER_URL, queue=requeue_lost_task.app.conf.task_default_queue
    )
    if seen is None:
        return 0  # the broker cannot be read now; the next tick tries again
    waiting, held = seen
    return services.requeue_lost(
        now=timezone.now(),
        older_than=timedelta(seconds=settings.KEJICAL_REQUEUE_AFTER_SECONDS),
        waiting=waiting,
        held=held,
    )


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
