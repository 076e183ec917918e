"""Who reported an event: the outlets of its articles and of their near-duplicate reposts.

One answer for every place that says "N 家媒体报道" (the event page, the API's ``outlet_count``,
the CSV's 报道媒体数, the admin): distinct outlet names, so an outlet's second article or its
repost of a story counts once, and a repost by another outlet counts that outlet.
"""

from __future__ import annotations

from collections.abc import Iterable
from urllib.parse import urlsplit

from django.db.models import Prefetch, QuerySet

from events.models import Article, Event, Evidence

UNNAMED_OUTLET = "未注明来源"


def article_outlet(article: Article) -> str:
    """Who published ``article``: its source's outlet (else name), else its web address's host, else "未注明来源"."""
    if article.source_id and (article.source.outlet or article.source.name):
        return article.source.outlet or article.source.name
    host = urlsplit(article.url).hostname if article.url else None
    return host.removeprefix("www.") if host else UNNAMED_OUTLET


def repost_rows() -> QuerySet[Article]:
    """Articles as a prefetch of reposts needs them: with what ``article_outlet`` reads."""
    return Article.objects.select_related("source").only("url", "duplicate_of", "source")


def reporting_outlets(event: Event) -> list[str]:
    """The outlets of the event's articles and of their reposts, each once, sorted.

    Reads the event's evidence, articles and reposts as ``with_sources(..., reposts=True)``
    prefetches them (without that, it queries). "Reported by N outlets" is ``len()`` of this.
    """
    names = set()
    for evidence in _evidence_with_reposts(event):
        article = evidence.article
        names.add(article_outlet(article))
        names.update(article_outlet(repost) for repost in article.duplicates.all())
    return sorted(names)


def _evidence_with_reposts(event: Event) -> Iterable[Evidence]:
    """The event's evidence with articles, sources and reposts: as prefetched, else in three queries."""
    # Django keeps prefetched rows in this dict; there is no public way to ask whether it holds them.
    if "evidence" in getattr(event, "_prefetched_objects_cache", {}):  # reposts: see with_sources
        return event.evidence.all()
    return (
        Evidence.objects.filter(event=event)
        .select_related("article__source")
        .defer("article__text")
        .prefetch_related(Prefetch("article__duplicates", queryset=repost_rows()))
    )
