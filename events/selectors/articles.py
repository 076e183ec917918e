"""Reads articles for display: pages of articles, one article with its mentions, and their JSON shape."""

from __future__ import annotations

from datetime import date

from django.db.models import F, QuerySet

from events.models import Article, Event, MentionBlock
from events.temporal import extract

from .items import with_sources


def list_articles(*, source: str | None = None) -> QuerySet[Article]:
    """Articles, newest publication first (undated last), optionally from one source (by name)."""
    qs = Article.objects.select_related("source").defer("text")
    if source:
        qs = qs.filter(source__name=source)
    return qs.order_by("-published", "key")


def article_page(*, source: str | None, limit: int, offset: int) -> dict:
    """One page of articles (``article_item``) with ``count``, the number of all matches."""
    qs = list_articles(source=source)
    items = [article_item(a) for a in qs[offset : offset + limit]]
    return {"count": qs.count(), "limit": limit, "offset": offset, "items": items}


def article_events(*, article: Article) -> QuerySet[Event]:
    """The visible events that cite ``article``, earliest first (undated last), with their evidence."""
    qs = Event.objects.visible().for_article(article)
    return with_sources(qs.order_by(F("start").asc(nulls_last=True), "title"))


def article_ref_day(article: Article) -> date:
    """The day relative expressions in ``article`` count from: its publication, else when it was stored."""
    if article.published:
        return article.published
    return (article.ingested or article.created).date()


def article_mentions(*, article: Article, start: int = 0, end: int | None = None) -> list[dict]:
    """The parser's mentions in the article text overlapping ``[start, end)`` (all by default), as
    ``Mention.to_dict()``, in text order: those stored at ingestion, read from the blocks that overlap.

    Rows stored before mentions were (``mention_count`` None) are parsed here until they are
    re-ingested (``INGEST_VERSION`` 2 marks them stale, so ``reingest_stale`` stores theirs).
    """
    if article.mention_count is None:
        found = [m.to_dict() for m in extract(article.text, article_ref_day(article))]
    else:
        blocks = MentionBlock.objects.filter(article=article, end__gt=start)
        if end is not None:
            blocks = blocks.filter(start__lt=end)
        found = [m for block in blocks.order_by("start").values_list("mentions", flat=True) for m in block]
    return [m for m in found if m["span"][1] > start and (end is None or m["span"][0] < end)]


def article_item(article: Article) -> dict:
    """An article without its text, as a JSON-ready dict."""
    return {
        "id": article.pk,
        "key": article.key,
        "url": article.url,
        "title": article.title,
        "published": article.published.isoformat() if article.published else None,
        "published_how": article.published_how,
        "source": article.source.name if article.source_id else None,
        "status": article.status,
        "ingested": article.ingested.isoformat() if article.ingested else None,
    }
