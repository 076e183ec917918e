"""Who reported an event: the outlets of its articles and of their near-duplicate reposts."""

from __future__ import annotations

from urllib.parse import urlsplit

from django.db.models import Q

from events.models import Article, Event


def reporting_outlets(event: Event) -> list[str]:
    """Outlet names (a source's outlet, else its name, else the article's host), each once, sorted.

    "Reported by N outlets" is ``len()`` of this: reposts add outlets without adding events.
    """
    # A list, not a subquery: "pk IN (subquery) OR duplicate_of IN (subquery)" made PostgreSQL scan
    # every article (500 ms at 500,000); with the few ids inline both sides are index lookups.
    originals = list(Article.objects.filter(evidence__event=event).values_list("pk", flat=True).order_by().distinct())
    articles = (
        Article.objects.filter(Q(pk__in=originals) | Q(duplicate_of__in=originals))
        .select_related("source")
        .only("url", "key", "source__outlet", "source__name")
    )
    names = set()
    for article in articles:
        source = article.source
        name = (source.outlet or source.name) if source is not None else ""
        names.add(name or urlsplit(article.url or article.key).hostname or article.key)
    return sorted(names)
