"""Asking Celery for (re-)ingestion: every request is queued after the current transaction commits.

Tasks import services, so ``events.tasks`` is imported inside each function: the one place where
a service looks "up" the import flow, and only at call time.
"""

from __future__ import annotations

from collections.abc import Iterable
from datetime import datetime, timedelta

from django.db.models import Q
from django.utils import timezone

from events.models import Article, Event, Source

from .ingest import PARSER_VERSION
from .leases import due_sources

# Articles per ``ingest_articles_task`` message: enough that a message's own cost is small beside
# the articles' (bench/ingest_workers.py), few enough that two workers share a few hundred articles
# evenly and one slow article holds up only a short batch.
REINGEST_BATCH = 20


def request_article_reingest(*, articles: Iterable[Article], force: bool = True) -> int:
    """Queue ``ingest_articles_task`` for the articles, ``REINGEST_BATCH`` a message, once the
    transaction commits; returns how many articles.

    Each article's ``queued_at`` records the request until a task has done it (``requeue_lost``)."""
    from events import tasks

    pks = [a.pk for a in articles]
    Article.objects.filter(pk__in=pks, queued_at__isnull=True).update(queued_at=timezone.now())
    for i in range(0, len(pks), REINGEST_BATCH):
        tasks.ingest_articles_task.delay_on_commit(pks[i : i + REINGEST_BATCH], force=force)
    return len(pks)


def request_event_reingest(*, events: Iterable[Event]) -> int:
    """Queue re-ingestion of every article that gave evidence for these events; returns how many."""
    pks = [e.pk for e in events]
    return request_article_reingest(articles=Article.objects.filter(evidence__event__in=pks).distinct())


def request_source_ingest(*, sources: Iterable[Source], force: bool = False) -> int:
    """Queue ``ingest_source_task`` for each source once the transaction commits; returns how many.

    Each source's ``queued_at`` records the request until a task has done it (``requeue_lost``)."""
    from events import tasks

    pks = [s.pk for s in sources]
    Source.objects.filter(pk__in=pks, queued_at__isnull=True).update(queued_at=timezone.now())
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


# Which tasks do the queued work of each model (``requeue_lost`` asks the broker about these).
# ``events.ingest_article`` (one article a message) is what was queued before batches; messages of
# it may still wait in a broker after an upgrade.
QUEUED_WORK = {
    Source: ("events.ingest_source",),
    Article: ("events.ingest_articles", "events.ingest_article"),
}


def mark_queued_work_done(*, model: type[Source] | type[Article], pks: list[int], started: datetime) -> None:
    """A task that started at ``started`` did the queued work of these rows: clear ``queued_at``, unless
    another request came after the task started (that one still has to run).

    Looked at before it is written: an ingest clears it in its own transaction, and an UPDATE that
    changes no row still costs a commit and moves the data version (its trigger runs per statement).
    """
    pending = model.objects.filter(pk__in=pks, queued_at__lte=started)
    if pending.exists():
        pending.update(queued_at=None)


def requeue_lost(*, now: datetime, older_than: timedelta, waiting: int, held: set[tuple[str, object]]) -> int:
    """Queue again the re-reads the broker lost; returns how many.

    Redis has no atomic "take and remember": kombu pops a message, then records it as unacknowledged,
    and a worker killed in between loses it for good (celery/kombu#305, celery/celery#7950). A row
    whose ``queued_at`` is older than ``older_than`` is lost when nothing waits in the queue
    (``waiting``; with a backlog the sweep waits for the next tick) and no worker holds a message for
    it (``held``: (task name, id) pairs, see ``selectors.health.held_tasks``). A message still in
    flight would be queued twice: harmless, every task is idempotent.
    """
    if waiting:
        return 0
    count = 0
    for model, task_names in QUEUED_WORK.items():
        lost = [
            pk
            for pk in model.objects.filter(queued_at__lt=now - older_than).values_list("pk", flat=True)
            if not any((name, pk) in held for name in task_names)
        ]
        if not lost:
            continue
        model.objects.filter(pk__in=lost).update(queued_at=None)  # the request below sets it anew
        if model is Source:
            count += request_source_ingest(sources=Source.objects.filter(pk__in=lost))
        else:
            count += request_article_reingest(articles=Article.objects.filter(pk__in=lost))
    return count
