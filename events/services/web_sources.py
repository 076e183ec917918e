"""Fetching web sources (feed, list page or sitemap, single page): one run per source, logged for curators.

A run claims the source first (``claim_source``: an atomic update of ``lease_until``), so two workers
never fetch one source at once. Then it reads the source's document (the feed, list page or sitemap)
with a conditional GET, and every article page it links to, each with its own stored ETag and
Last-Modified. An unchanged page costs a 304, or, when the server sends no validators, one hash of its
bytes; neither re-reads the article. Errors never delete anything: a page that is gone (404/410) is
marked ``gone`` and keeps its events; a source whose document fails counts a consecutive failure and
waits longer (doubling, or the server's Retry-After) before the next try.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import datetime, timedelta

from django.conf import settings
from django.utils import timezone

from events.models import Article, FetchLog, Source
from events.reading.feeds import NotAFeed, parse_feed
from events.reading.links import Link, article_links, looks_like_sitemap, pdf_links, sitemap_links
from events.reading.web import Fetched, FetchError, Gone, Throttled

from .articles_web import decode_page, first_report, ingest_fetched_page, ingest_fetched_pdf, is_pdf
from .fetching import Fetcher
from .ingest import LOOK_UP
from .leases import claim_source
from .sources import _stored_articles  # one query per 500 keys, shared with file sources
from .text import IngestError

# Longest wait after repeated failures; a curator's "fetch now" skips it.
MAX_BACKOFF = timedelta(days=1)
# Nested sitemaps followed from a sitemap index, per run.
MAX_NESTED_SITEMAPS = 5
# Fetch log rows kept per source.
KEEP_LOGS = 50


@dataclass
class FetchRun:
    """What one run did: article counts (new/changed/unchanged/failed/gone), requests, 304s, problems."""

    source: Source
    status: str = Source.LastStatus.OK
    articles: Counter = field(default_factory=Counter)
    requests: int = 0
    not_modified: int = 0
    problems: list[str] = field(default_factory=list)
    busy: bool = False
    retry_after: float | None = None  # seconds the server asked us to wait (429/403 Retry-After)

    def problem(self, url: str, message: str) -> None:
        self.problems.append(f"{url}: {message}")


def fetch_source(
    *,
    source: Source,
    now: datetime,
    force: bool = False,
    fetcher: Fetcher | None = None,
    progress: Callable[[list[Link]], object] | None = None,
) -> FetchRun:
    """Fetch a web source once (see the module docstring); returns the run, ``busy`` if it was taken."""
    run = FetchRun(source=source)
    if not claim_source(source, now=now):
        run.busy = True
        return run
    log = FetchLog.objects.create(source=source, started=now)
    own = fetcher is None
    fetcher = fetcher or Fetcher()
    try:
        _run(run, fetcher, force=force, progress=progress)
    finally:
        run.requests = fetcher.requests
        if own:
            fetcher.session.close()
        _finish(run, log)
    return run


def _run(run: FetchRun, fetcher: Fetcher, *, force: bool, progress: Callable | None) -> None:
    source = run.source
    url = source.location.strip()
    try:
        if source.kind == Source.Kind.URL or (
            source.kind == Source.Kind.EPAPER and url.lower().endswith(".pdf")
        ):
            try:
                _fetch_article(run, fetcher, Link(url=url), force=force)
            except Throttled as exc:
                run.retry_after = exc.retry_after
            if run.articles["gone"] or run.articles["failed"]:
                run.status = Source.LastStatus.GONE if run.articles["gone"] else Source.LastStatus.FAILED
            return
        document = fetcher.get(
            url, etag="" if force else source.etag, last_modified="" if force else source.last_modified
        )
        if document.not_modified:
            run.not_modified += 1
            run.status = Source.LastStatus.NOT_MODIFIED
            return
        links = _links_of(run, fetcher, document)
        source.etag, source.last_modified = document.etag[:300], document.last_modified[:100]
    except Gone as exc:
        run.status = Source.LastStatus.GONE
        run.problem(url, str(exc))
        return
    except Throttled as exc:
        run.status = Source.LastStatus.FAILED
        run.problem(url, str(exc))
        run.retry_after = exc.retry_after
        return
    except (FetchError, NotAFeed) as exc:
        run.status = Source.LastStatus.FAILED
        run.problem(url, str(exc))
        return
    links = links[: settings.KEJICAL_FETCH_MAX_ARTICLES]
    stored = _stored_articles([link.url for link in links])
    for link in progress(links) if progress else links:
        try:
            _fetch_article(run, fetcher, link, force=force, stored=stored.get(link.url))
        except Throttled as exc:  # the site asks us to slow down: stop here, the rest wait for the next run
            run.retry_after = exc.retry_after
            break
    if run.articles["failed"]:
        run.status = Source.LastStatus.PARTIAL


def _links_of(run: FetchRun, fetcher: Fetcher, document: Fetched) -> list[Link]:
    """Article links of a feed, sitemap (following a sitemap index a little way) or list page."""
    if run.source.kind == Source.Kind.FEED:
        feed = parse_feed(
            document.content, url=document.url, content_type=document.headers.get("Content-Type", "")
        )
        return [Link(url=e.url, title=e.title, published=e.published) for e in feed.entries]
    if looks_like_sitemap(document.content):
        links, nested = sitemap_links(document.content)
        for url in nested[:MAX_NESTED_SITEMAPS]:
            try:
                links += sitemap_links(fetcher.get(url).content)[0]
            except FetchError as exc:
                run.problem(url, str(exc))
        return sorted(links, key=lambda link: link.published or datetime.min.date(), reverse=True)
    html, _encoding = decode_page(document)
    if run.source.kind == Source.Kind.EPAPER:
        # Only the PDFs: an e-paper's per-report HTML pages repeat what the PDF pages hold.
        return pdf_links(html, base_url=document.url)
    return article_links(html, base_url=document.url)


def _fetch_article(
    run: FetchRun, fetcher: Fetcher, link: Link, *, force: bool, stored: Article | None | object = LOOK_UP
) -> None:
    if stored is LOOK_UP:
        stored = Article.objects.filter(key=link.url).first()
    if stored is None and link.url.lower().endswith(".pdf"):
        stored = first_report(link.url)
    try:
        fetched = fetcher.get(
            link.url,
            etag="" if force or stored is None else stored.etag,
            last_modified="" if force or stored is None else stored.last_modified,
        )
    except Gone as exc:
        if stored is not None:
            Article.objects.filter(pk=stored.pk).update(gone=True)
        run.articles["gone"] += 1
        run.problem(link.url, str(exc))
        return
    except FetchError as exc:
        run.articles["failed"] += 1
        run.problem(link.url, str(exc))
        if isinstance(exc, Throttled):
            raise
        return
    if fetched.not_modified:
        run.not_modified += 1
    if is_pdf(fetched) or (fetched.not_modified and stored is not None and stored.key != link.url):
        try:
            run.articles.update(
                ingest_fetched_pdf(
                    fetched=fetched, key=link.url, stored=stored, source=run.source, force=force
                )
            )
        except IngestError as exc:
            run.articles["failed"] += 1
            run.problem(link.url, str(exc))
        return
    try:
        status = ingest_fetched_page(
            fetched=fetched, key=link.url, stored=stored, source=run.source, hint=link, force=force
        )
    except IngestError as exc:
        status = "failed"
        run.problem(link.url, str(exc))
    run.articles[status] += 1
    if status == "failed" and not run.problems[-1:]:
        run.problem(link.url, "解析失败")


def _finish(run: FetchRun, log: FetchLog) -> None:
    """Record the run on the source (health, next fetch time, lease released) and in its log."""
    source, now = run.source, timezone.now()
    failed = run.status in (Source.LastStatus.FAILED, Source.LastStatus.GONE)
    source.last_run = now
    source.last_status = run.status
    source.last_counts = dict(run.articles)
    source.last_error = "\n".join(run.problems)[:5000]
    source.consecutive_failures = source.consecutive_failures + 1 if failed else 0
    if not failed:
        source.last_success = now
    source.next_fetch = now + _wait(source, run.retry_after, failed=failed)
    source.lease_until = None
    source.save(
        update_fields=[
            "last_run",
            "last_status",
            "last_counts",
            "last_error",
            "consecutive_failures",
            "last_success",
            "next_fetch",
            "lease_until",
            "etag",
            "last_modified",
        ]
    )
    log.finished, log.status, log.counts = now, run.status, dict(run.articles)
    log.pages, log.not_modified, log.message = run.requests, run.not_modified, "\n".join(run.problems)
    log.save()
    stale = FetchLog.objects.filter(source=source).values_list("pk", flat=True)[KEEP_LOGS:]
    FetchLog.objects.filter(pk__in=list(stale)).delete()


def _wait(source: Source, retry_after: float | None, *, failed: bool) -> timedelta:
    """The interval after success; after failures it doubles each time (capped), or the server's Retry-After."""
    if retry_after:
        return min(timedelta(seconds=retry_after), MAX_BACKOFF)
    if not failed:
        return source.fetch_interval
    return min(source.fetch_interval * 2 ** min(source.consecutive_failures, 10), MAX_BACKOFF)
