"""Ingesting one article: validate, date it, extract its events and store them in one transaction.

Choices worth knowing:

- Idempotent: an article whose text, publication date and ``PARSER_VERSION`` match what is stored
  is "unchanged" and nothing is written (``force=True`` re-reads it anyway).
- Undated candidates (``start is None``: "平台揭牌" with no date anywhere near) are NOT stored. The
  timeline, the API and the feeds all date what they show, and an Event without a day would have to
  be filtered out by every one of them; the sentence stays in the article for a curator who wants to
  add it by hand. ``IngestResult.undated`` says how many were skipped.
- An unknown publication date is recorded as unknown (``published=None``, ``published_how="unknown"``),
  and the text is read against the ingestion day, which the article's ``note`` names. The file's
  mtime is not used: copying a file changes it, so it says nothing about when the news was printed.
- A failure rolls the article's transaction back (its previous events stay whole) and records
  ``status=failed`` and the error on the article in a separate write. Database errors that are likely
  transient (``OperationalError``, ``InterfaceError``) are re-raised after that so a Celery task can
  retry; anything else is returned as a "failed" result.
"""

from __future__ import annotations

import hashlib
import importlib.metadata
import logging
from dataclasses import dataclass
from datetime import date, datetime

from django.db import IntegrityError, InterfaceError, OperationalError, connection, transaction
from django.utils import timezone

import events.extraction
import events.temporal
from events.extraction.types import EventCandidate
from events.models import Article, Event, MentionBlock, Source

from .article_rows import insert_row, lock_article, update_columns, write_mention_blocks
from .published import infer_published, infer_title
from .reconcile import reconcile_article_events
from .text import IngestError, check_article_text, unstorable_reason

log = logging.getLogger(__name__)

# Bump when storage rules change in a way that should re-read every article.
# 2: articles store their parser mentions; 3: events carry their place's administrative region
# (events.geography) and their series.
INGEST_VERSION = "3"
TRANSIENT_ERRORS = (OperationalError, InterfaceError)
KEY_MAX_LENGTH = Article._meta.get_field("key").max_length


# Data packages the parser reads tables from: a new release (chinesecalendar's yearly holiday
# table, OpenCC's dictionaries, lunar-python's calendar data) can change what an article says, so
# their versions are part of PARSER_VERSION and a new one re-reads stored articles.
DATA_PACKAGES = (("cc", "chinesecalendar"), ("oc", "opencc"), ("lp", "lunar-python"))
PARSER_VERSION_LENGTH = Article._meta.get_field("parser_version").max_length


def _package_version(name: str) -> str:
    try:
        return importlib.metadata.version(name)
    except importlib.metadata.PackageNotFoundError:
        return "-"  # optional data missing: the parser reads without it, and says so in its version


def _parser_version() -> str:
    """ "i<ingest>", the temporal ("t") and extraction ("x") versions when they declare one, and the
    data packages' versions ("cc1.11.0+oc1.4.2+lp1.4.8"; a short digest of them if that is too long)."""
    parts = [f"i{INGEST_VERSION}"]
    for tag, module in (("t", events.temporal), ("x", events.extraction)):
        version = getattr(module, "__version__", None)
        if version:
            parts.append(f"{tag}{version}")
    data = [f"{tag}{_package_version(name)}" for tag, name in DATA_PACKAGES]
    readable = "+".join(parts + data)
    if len(readable) <= PARSER_VERSION_LENGTH:
        return readable
    digest = hashlib.sha256("+".join(data).encode()).hexdigest()[:10]
    return "+".join([*parts, f"d{digest}"])[:PARSER_VERSION_LENGTH]


PARSER_VERSION = _parser_version()


@dataclass
class IngestResult:
    """What ingesting one article did. ``status`` is "new", "changed", "unchanged" or "failed".

    ``events`` (the article's events) is loaded on first access for unchanged articles, so a
    run over thousands of unchanged files makes no query per file for it.
    """

    article: Article | None
    status: str
    stored_events: list[Event] | None = None
    created: int = 0
    updated: int = 0
    unchanged: int = 0
    removed: int = 0
    undated: int = 0
    error: str = ""
    created_ids: frozenset[int] = frozenset()
    updated_ids: frozenset[int] = frozenset()

    @property
    def events(self) -> list[Event]:
        if self.stored_events is None:
            found = self.article is not None and self.article.pk is not None
            self.stored_events = list(Event.objects.for_article(self.article)) if found else []
        return self.stored_events


# ``existing`` default: look the article up by key.
LOOK_UP = object()


def find_candidates(text: str, ref: date) -> list[EventCandidate]:
    """The extractor's candidates for ``text`` read against ``ref``."""
    from events.extraction import extract_events  # imported late: extraction may be reloaded or patched

    return list(extract_events(text, ref))


def find_mentions(text: str, ref: date) -> list[dict]:
    """The temporal parser's mentions in ``text`` read against ``ref``, as stored on the article."""
    return [m.to_dict() for m in events.temporal.extract(text, ref)]


def read_text(text: str, ref: date) -> tuple[list[EventCandidate], list[dict]]:
    """``find_candidates`` and ``find_mentions`` of ``text`` with one parse where the extractor can
    share it (the parser was ~22% of a worker's time per article when it ran twice)."""
    from events.extraction import extract_with_mentions  # imported late, as in find_candidates

    candidates, found = extract_with_mentions(text, ref)
    return list(candidates), [m.to_dict() for m in found]


def lead_title(candidates: list[EventCandidate]) -> str:
    """For an article with no headline: the title of the dated event it reports first, else ""."""
    dated = [c for c in candidates if c.dated and c.evidence]
    return min(dated, key=lambda c: c.evidence[0].span[0]).title[:500] if dated else ""


def content_hash(text: str) -> str:
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


def resolve_published(
    *, text: str, published: date | None, published_how: str | None, today: date
) -> tuple[date | None, str, str]:
    """(published, how, note): the given date wins (how "given" unless told), else one inferred from the text."""
    if published is not None:
        return published, published_how or Article.PublishedHow.GIVEN, ""
    guess = infer_published(text, today=today)
    if guess.published is not None:
        return guess.published, Article.PublishedHow.INFERRED, guess.note
    note = f"publication date unknown: relative dates were read against the ingestion day {today.isoformat()}"
    return None, Article.PublishedHow.UNKNOWN, note


def ingest_article(
    *,
    key: str,
    text: str,
    title: str = "",
    url: str = "",
    published: date | None = None,
    published_how: str | None = None,
    source: Source | None = None,
    force: bool = False,
    encoding: str = "",
    existing: Article | None | object = LOOK_UP,
    requested_before: datetime | None = None,
) -> IngestResult:
    """Store an article and its events; re-ingesting the same ``key`` updates them in place.

    ``existing`` lets a caller that already loaded the stored row for ``key`` (or knows there is
    none: ``None``) save the lookup; ``ingest_paths`` loads them in bulk. Only the columns ingestion
    owns are written to a stored row, so a column another process set meanwhile (``queued_at``,
    ``duplicate_of``, fetch validators) is kept even when ``existing`` is older than it.
    ``requested_before``: a queued re-read asked for at or before this time is done by this one, and
    its ``queued_at`` is cleared in the same write (a task passes when it started).
    Raises IngestError for refused input (empty key or text, binary-looking, too long) before
    anything is written. Returns a "failed" result, with the error recorded on the article, when
    extraction or storage fails.
    """
    key = key.strip()
    if not key:
        raise IngestError("article key is empty")
    if len(key) > KEY_MAX_LENGTH:
        raise IngestError(f"article key too long ({len(key)} characters, at most {KEY_MAX_LENGTH})")
    for name, value in (("key", key), ("title", title), ("url", url)):
        if reason := unstorable_reason(value):  # a feed's title or a caller's key; the text is checked below
            raise IngestError(f"article {name} {reason}")
    text = check_article_text(text, what=key)
    today = timezone.localdate()
    published, how, note = resolve_published(
        text=text, published=published, published_how=published_how, today=today
    )
    fields = {
        "title": (title.strip() or infer_title(text))[:500],
        "url": url[:1000],
        "published": published,
        "published_how": how,
        "note": note,
        "source": source,
        "encoding": encoding[:40],
    }
    digest = content_hash(text)
    if existing is LOOK_UP:
        existing = Article.objects.filter(key=key).first()
    if existing is not None and not force and _is_current(existing, digest, published):
        _refresh_metadata(existing, fields)
        return IngestResult(article=existing, status="unchanged", unchanged=existing.events_found)
    try:
        candidates, mentions = read_text(text, published or today)
        fields["mention_count"] = len(mentions)
        fields["title"] = fields["title"] or lead_title(candidates)
        # Only a transaction of its own may commit asynchronously: inside a caller's, the setting
        # would last until the caller's commit, which may hold writes nothing redoes.
        relax_by = None if connection.in_atomic_block else requested_before
        with transaction.atomic():
            # The article row is locked until commit, so a second worker ingesting the same article
            # waits here and then sees this one's events (select_for_update; SQLite locks the whole
            # database for a writer anyway). Once it has the lock, it finds the article current.
            locked = _lock(existing, commit_async_if_queued_by=relax_by)
            if locked is not None and not force and _is_current(locked, digest, published):
                return IngestResult(article=locked, status="unchanged", unchanged=locked.events_found)
            article = _set_fields(locked, key=key, text=text, digest=digest, fields=fields)
            if locked is None:
                insert_row(article)  # inserted first: the events' evidence points at it
            store_mentions(article, mentions, replace=locked is not None)
            counts = reconcile_article_events(article=article, candidates=candidates, new=existing is None)
            _save_stored(
                article,
                inserted=locked is None,
                events_found=len(counts.events),
                requested_before=requested_before,
            )
    except Exception as exc:
        if isinstance(exc, IntegrityError) and existing is None and Article.objects.filter(key=key).exists():
            # Another process stored this key between our lookup and our insert: go again, as an update.
            return ingest_article(
                key=key,
                text=text,
                title=title,
                url=url,
                published=published,
                published_how=published_how,
                source=source,
                force=force,
                encoding=encoding,
                requested_before=requested_before,
            )
        article = _record_failure(key=key, text=text, fields=fields, error=exc)
        if isinstance(exc, TRANSIENT_ERRORS):
            raise
        return IngestResult(article=article, status="failed", error=_describe(exc))
    return IngestResult(
        article=article,
        status="new" if existing is None else "changed",
        stored_events=counts.events,
        created=counts.created,
        updated=counts.updated,
        unchanged=counts.unchanged,
        removed=counts.removed,
        undated=counts.undated,
        created_ids=frozenset(counts.created_ids),
        updated_ids=frozenset(counts.updated_ids),
    )


def reingest_stored_article(
    *,
    article: Article,
    force: bool = False,
    source: Source | None = None,
    requested_before: datetime | None = None,
) -> IngestResult:
    """Read a stored article's own text again (a newer parser, a curator's request), keeping its date.

    A near-duplicate (``duplicate_of`` set) is not read: its story's events belong to the original.
    ``requested_before`` as for ``ingest_article``.
    """
    if article.duplicate_of_id is not None:
        return IngestResult(article=article, status="unchanged", stored_events=[])
    return ingest_article(
        key=article.key,
        text=article.text,
        title=article.title,
        url=article.url,
        published=article.published,
        published_how=article.published_how if article.published else None,
        source=source or article.source,
        force=force,
        encoding=article.encoding,
        existing=article,
        requested_before=requested_before,
    )


def _is_current(article: Article, digest: str, published: date | None) -> bool:
    return (
        article.status == Article.Status.OK
        and article.content_hash == digest
        and article.parser_version == PARSER_VERSION
        and article.published == published
    )


def _refresh_metadata(article: Article, fields: dict) -> None:
    """Write title/url/source/how when only they differ (the events do not depend on them)."""
    changed = [
        name
        for name in ("title", "url", "source", "published_how", "note", "encoding")
        if fields[name] != getattr(article, name) and (fields[name] or name in ("note",))
    ]
    for name in changed:
        setattr(article, name, fields[name])
    if changed:
        article.save(update_fields=[*changed, "updated"])


# What the locked row is read again for: whether it is current, and whether a re-read is queued.
LOCKED_STATE = ("status", "content_hash", "parser_version", "published", "events_found", "queued_at")
# The columns ingestion writes on a stored article: the ``fields`` of ``ingest_article``, and these.
ARTICLE_FIELDS = ("title", "url", "published", "published_how", "note", "source", "encoding", "mention_count")
INGESTED_COLUMNS = ["text", "content_hash", "parser_version", "status", "error", "ingested", "events_found"]


def _lock(existing: Article | None, *, commit_async_if_queued_by: datetime | None) -> Article | None:
    """``existing`` with its ``LOCKED_STATE`` read again under a row lock held until commit (None for
    a new article).

    Only those columns: reading the whole row again (its text above all) cost a worker as much as
    the rest of its queries together, and the other columns are not written back (``_save_stored``).

    When this transaction does a queued re-read (the row's ``queued_at`` is at or before
    ``commit_async_if_queued_by``, a task's start, so ``_save_stored`` clears it), PostgreSQL commits
    it asynchronously (``synchronous_commit`` off, set by the locking statement itself: no extra
    round trip). Why that loses nothing: the request was committed durably before
    (``request_article_reingest``) and the re-read is idempotent; a commit lost in a database crash
    (the last ~3 × ``wal_writer_delay`` of them) leaves the row as it was, ``queued_at`` included,
    and ``requeue_lost`` queues the re-read again (tests/services/test_ingest.py). Waiting for the
    WAL flush was ~1.1 ms of a re-read's ~8 ms here, with the worker's transaction open meanwhile.
    Readers can see such a commit before it is flushed, so a page cached in that window is keyed on
    a data version the crashed database could reach again with other rows; the version therefore
    includes the server's start time (``selectors.caching.data_version``), which a restart changes.
    Every other write (a new article, the command, the API, a fetch) commits synchronously:
    nothing would redo it.
    """
    if existing is None:
        return None
    state = lock_article(existing.pk, LOCKED_STATE, commit_async_if_queued_by=commit_async_if_queued_by)
    if state is None:
        raise Article.DoesNotExist(f"article {existing.pk} was deleted while it was being read")
    for name, value in state.items():
        setattr(existing, name, value)
    return existing


def _set_fields(locked: Article | None, *, key: str, text: str, digest: str, fields: dict) -> Article:
    """The article with what this ingestion read set on it (not saved)."""
    article = Article(key=key) if locked is None else locked
    for name, value in fields.items():
        if name != "source" or value is not None:
            setattr(article, name, value)
    article.text = text
    article.content_hash = digest
    article.parser_version = PARSER_VERSION
    article.status = Article.Status.OK
    article.error = ""
    article.ingested = timezone.now()
    return article


def _save_stored(
    article: Article, *, inserted: bool, events_found: int, requested_before: datetime | None
) -> None:
    """One UPDATE of the columns ingestion owns, ``events_found`` included, once the events are known
    (just ``events_found`` for an article ``inserted`` by this ingestion).

    A queued re-read asked for by ``requested_before`` is done: its ``queued_at`` is cleared here
    rather than in a second transaction after this one (``services.mark_queued_work_done``).
    """
    if inserted:
        if article.events_found != events_found:
            article.events_found = events_found
            update_columns(article, ["events_found"])
        return
    columns = [*(name for name in ARTICLE_FIELDS if name != "source" or article.source_id), *INGESTED_COLUMNS]
    queued = article.queued_at
    if queued is not None and requested_before is not None and queued <= requested_before:
        article.queued_at = None
        columns.append("queued_at")
    if article.events_found != events_found:
        article.events_found = events_found
    update_columns(article, [*columns, "updated"])  # save(update_fields=…), without compiling it each time


def store_mentions(article: Article, mentions: list[dict], *, replace: bool = True) -> None:
    """Replace the article's mention blocks with ``mentions`` (in text order), ``MentionBlock.SIZE`` a block:
    a DELETE (skipped with ``replace=False``, for an article inserted in this transaction) and a
    bulk INSERT, one statement on PostgreSQL (``article_rows.write_mention_blocks``)."""
    size = MentionBlock.SIZE
    blocks = [
        MentionBlock(
            article=article,
            start=block[0]["span"][0],
            end=max(m["span"][1] for m in block),
            mentions=block,
        )
        for block in (mentions[i : i + size] for i in range(0, len(mentions), size))
    ]
    write_mention_blocks(article, blocks, replace=replace)


def _record_failure(*, key: str, text: str, fields: dict, error: BaseException) -> Article | None:
    """Mark the article failed in its own write; the text is kept so a retry can re-read it."""
    log.warning("ingest of %s failed: %s", key, _describe(error))
    try:
        # No blocks were stored (the transaction rolled back): the count stays unknown, so pages parse it.
        stored = {name: value for name, value in fields.items() if name != "mention_count"}
        article = Article.objects.filter(key=key).first() or Article(key=key, text=text, **stored)
        article.status = Article.Status.FAILED
        article.error = _describe(error)[:5000]
        article.save()
        return article
    except Exception:  # the database itself may be what failed; the caller still gets the first error
        log.exception("could not record the failure of %s", key)
        return None


def _describe(error: BaseException) -> str:
    return f"{type(error).__name__}: {error}"
