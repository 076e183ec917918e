"""Near-duplicate articles: a repost or second URL of a stored story is stored pointing at it, without events.

The first article of a story to arrive is its original; it keeps the events. A later article whose
MinHash shares an LSH band with the original's and whose estimated Jaccard similarity reaches
``reading.near_dups.DUPLICATE_THRESHOLD`` is stored with ``duplicate_of`` set and no events, so a
festival reported by five outlets is one event, and its outlets are listed
(``selectors.reporting_outlets``). Only originals' band keys are stored: a repost of a repost finds
the original.
"""

from __future__ import annotations

from datetime import date
from typing import TYPE_CHECKING

from django.db import transaction
from django.utils import timezone

from events.models import Article, ArticleBand, Source
from events.reading.near_dups import DUPLICATE_THRESHOLD, band_keys, from_hex, similarity, to_hex

from .ingest import PARSER_VERSION, content_hash
from .text import check_article_text

if TYPE_CHECKING:
    from datasketch import MinHash  # imported on first use by reading.near_dups

# Candidates sharing a band that are compared in full, at most (the most alike come first in practice).
MAX_CANDIDATES = 50


def find_original(*, minhash: MinHash, key: str) -> Article | None:
    """The stored original (not itself a duplicate, not ``key``) most like ``minhash``, if any reaches the threshold."""
    candidates = (
        ArticleBand.objects.filter(key__in=band_keys(minhash))
        .exclude(article__key=key)
        .values_list("article_id", flat=True)
        .distinct()[:MAX_CANDIDATES]
    )
    best, best_score = None, DUPLICATE_THRESHOLD
    for article in Article.objects.filter(pk__in=list(candidates), duplicate_of__isnull=True).only(
        "pk", "key", "minhash"
    ):
        score = similarity(minhash, from_hex(article.minhash))
        if score >= best_score:
            best, best_score = article, score
    return best


def remember_original(*, article: Article, minhash: MinHash) -> None:
    """Store ``article``'s signature and band keys so later reposts find it."""
    Article.objects.filter(pk=article.pk).update(minhash=to_hex(minhash), duplicate_of=None)
    ArticleBand.objects.filter(article=article).delete()
    ArticleBand.objects.bulk_create([ArticleBand(article=article, key=key) for key in band_keys(minhash)])


@transaction.atomic
def store_duplicate(
    *,
    key: str,
    text: str,
    title: str,
    url: str,
    published: date | None,
    published_how: str | None,
    source: Source | None,
    encoding: str,
    original: Article,
    minhash: MinHash,
) -> str:
    """Store the article at ``key`` as a duplicate of ``original`` (no events); returns new/changed/unchanged.

    Raises IngestError for unusable text, before anything is written.
    """
    text = check_article_text(text, what=key)
    digest = content_hash(text)
    stored = Article.objects.filter(key=key).first()
    # Only a new article or one that is already a duplicate becomes one: an original keeps its events.
    if stored is not None and stored.content_hash == digest and stored.duplicate_of_id == original.pk:
        return "unchanged"
    article = stored or Article(key=key)
    article.title, article.url, article.text, article.encoding = title[:500], url[:1000], text, encoding[:40]
    article.published = published
    article.published_how = published_how or Article.PublishedHow.UNKNOWN
    article.source = source or article.source
    article.content_hash, article.parser_version = digest, PARSER_VERSION
    article.status, article.error, article.events_found = Article.Status.OK, "", 0
    article.duplicate_of, article.minhash, article.ingested = original, to_hex(minhash), timezone.now()
    article.note = f"与「{original.title or original.key}」为同一报道（转载或另一网址），事件只计入原文"
    article.save()
    return "new" if stored is None else "changed"
