"""Storing one fetched article page: decode, extract main text and date, ingest, keep its validators.

An unchanged page (304, or the same bytes as last time) is not read again: the article's events
stay as they are and only its fetch time and validators are written.
"""

from __future__ import annotations

import hashlib
from collections import Counter

from django.utils import timezone

from events.models import Article, Source
from events.reading.charsets import declared_charset
from events.reading.links import Link
from events.reading.near_dups import signature
from events.reading.page_dates import published_of_page
from events.reading.pages import extract_article
from events.reading.web import Fetched

from .epaper import ingest_epaper
from .ingest import PARSER_VERSION, ingest_article, reingest_stored_article
from .near_dups import find_original, remember_original, store_duplicate
from .text import decode_bytes

HTML_TYPES = ("text/html", "application/xhtml+xml", "")
# How the page's date was known -> Article.PublishedHow.
HOW = {
    "page": Article.PublishedHow.PAGE,
    "dateline": Article.PublishedHow.DATELINE,
    "url": Article.PublishedHow.URL,
}


def decode_page(fetched: Fetched) -> tuple[str, str]:
    """(text, encoding): the charset the header or <meta> declares (gb2312/GBK read as GB18030),
    else detected by ``services.text.decode_bytes``."""
    charset = declared_charset(fetched.content, header=fetched.charset)
    if charset:
        return fetched.content.decode(charset, errors="replace"), charset
    return decode_bytes(fetched.content, what=fetched.url)


def ingest_fetched_page(
    *,
    fetched: Fetched,
    key: str,
    stored: Article | None,
    source: Source | None,
    hint: Link,
    force: bool = False,
) -> str:
    """Store the page under ``key``; returns "new", "changed", "unchanged" or "failed".

    ``hint`` carries what the feed or sitemap said (title, date), used when the page says less.
    Raises IngestError for a page with no usable text (nothing is written then).
    """
    now = timezone.now()
    digest = hashlib.sha256(fetched.content).hexdigest()
    if stored is not None and not force and _unchanged(stored, fetched, digest):
        validators = {
            "etag": fetched.etag[:300] or stored.etag,
            "last_modified": fetched.last_modified[:100] or stored.last_modified,
        }
        Article.objects.filter(pk=stored.pk).update(fetched=now, gone=False, **validators)
        return "unchanged"
    if fetched.not_modified and stored is not None:  # same page, newer parser: read the stored text again
        return reingest_stored_article(article=stored, force=force, source=source).status
    html, encoding = decode_page(fetched)
    if fetched.content_type in HTML_TYPES:
        page = extract_article(html, url=fetched.url)
        title, text = page.title or hint.title, page.text
        dated = published_of_page(html, url=fetched.url, text=text)
    else:  # text/plain and the like: the body is the article
        title, text, dated = hint.title, html, published_of_page("", url=fetched.url)
    published, how, note = dated.published, HOW.get(dated.how), dated.note
    if published is None and hint.published is not None:
        published, how, note = hint.published, Article.PublishedHow.FEED, "发布日期取自订阅源或站点地图"
    article = {
        "key": key,
        "text": text,
        "title": title,
        "url": fetched.url,
        "published": published,
        "published_how": how,
        "source": source,
        "encoding": encoding,
    }
    minhash = signature(text)
    original = find_original(minhash=minhash, key=key) if minhash is not None else None
    if original is not None and (stored is None or stored.duplicate_of_id is not None):
        status = store_duplicate(**article, original=original, minhash=minhash)
        _keep_validators(key, fetched, digest, note="")
        return status
    result = ingest_article(**article, force=force, existing=stored)
    if minhash is not None and result.article is not None and result.article.pk is not None:
        remember_original(article=result.article, minhash=minhash)
    if result.article is not None and result.article.pk is not None:
        _keep_validators(key, fetched, digest, note=note)
    return result.status


def _keep_validators(key: str, fetched: Fetched, digest: str, *, note: str) -> None:
    """Record what a conditional GET and the hash check need next time (and how the date was known)."""
    Article.objects.filter(key=key).update(
        etag=fetched.etag[:300],
        last_modified=fetched.last_modified[:100],
        fetch_hash=digest,
        fetched=timezone.now(),
        gone=False,
        **({"note": note} if note else {}),
    )


def is_pdf(fetched: Fetched) -> bool:
    return fetched.content_type == "application/pdf" or fetched.content.startswith(b"%PDF-")


def ingest_fetched_pdf(
    *, fetched: Fetched, key: str, stored: Article | None, source: Source | None, force: bool = False
) -> Counter:
    """Store an e-paper PDF's reports (``services.epaper``); ``stored`` is one of its report articles,
    whose validators and hash say whether the PDF changed. Returns counts by status."""
    now = timezone.now()
    digest = hashlib.sha256(fetched.content).hexdigest()
    reports = Article.objects.filter(key__startswith=f"{key}#")
    if stored is not None and not force and _unchanged(stored, fetched, digest):
        reports.update(fetched=now, gone=False)
        return Counter(unchanged=reports.count())
    if fetched.not_modified:  # validators kept, but a newer parser: fetch it whole next time
        reports.update(etag="", last_modified="", fetch_hash="")
        return Counter(unchanged=reports.count())
    counts = ingest_epaper(data=fetched.content, key=key, url=fetched.url, source=source, force=force)
    reports.update(
        etag=fetched.etag[:300],
        last_modified=fetched.last_modified[:100],
        fetch_hash=digest,
        fetched=now,
        gone=False,
    )
    return counts


def first_report(key: str) -> Article | None:
    """One stored report article of the PDF at ``key`` (they share its validators), or None."""
    return Article.objects.filter(key__startswith=f"{key}#").order_by("key").first()


def _unchanged(stored: Article, fetched: Fetched, digest: str) -> bool:
    """A 304, or the same bytes as last time, for an article read by this parser version without error."""
    current = stored.status == Article.Status.OK and stored.parser_version == PARSER_VERSION
    return current and (fetched.not_modified or stored.fetch_hash == digest)
