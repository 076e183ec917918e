"""Storing e-paper PDF pages: each report on a page becomes an article keyed ``<pdf key>#<page>-<n>``.

The page's date is the one given, else the date in the PDF's URL or file name (e-paper systems
file pages under ``/2024-03/12/``), else the masthead's; the article records which.
"""

from __future__ import annotations

from collections import Counter
from datetime import date

from events.models import Article, Source
from events.reading.epaper import EPaperPage, read_epaper
from events.reading.page_dates import url_date

from .ingest import ingest_article
from .text import IngestError


def report_key(key: str, page: int, number: int) -> str:
    return f"{key}#{page}-{number}"


def ingest_epaper(
    *,
    data: bytes,
    key: str,
    url: str = "",
    source: Source | None = None,
    published: date | None = None,
    force: bool = False,
) -> Counter:
    """Store every report of the PDF; returns counts by status (new/changed/unchanged/failed).

    Raises IngestError for bytes that are not a PDF, or a PDF without a text layer (a scan: there is
    no OCR), before anything is written.
    """
    try:
        pages = read_epaper(data)
    except ValueError as exc:
        raise IngestError(f"{key}: {exc}") from exc
    if not any(page.has_text for page in pages):
        raise IngestError(f"{key}: PDF 没有文字层（扫描版），已跳过")
    counts: Counter = Counter()
    for page in pages:
        when, how = _page_date(page, given=published, url=url or key)
        for number, report in enumerate(page.reports, start=1):
            text = "\n".join(
                filter(None, [report.headline, report.text, report.byline and f"（{report.byline}）"])
            )
            result = ingest_article(
                key=report_key(key, page.number, number),
                text=text,
                title=report.headline,
                url=url,
                published=when,
                published_how=how,
                source=source,
                force=force,
                encoding="pdf",
            )
            counts[result.status] += 1
    return counts


def _page_date(page: EPaperPage, *, given: date | None, url: str) -> tuple[date | None, str | None]:
    if given is not None:
        return given, Article.PublishedHow.GIVEN
    from_url = url_date(url)
    if from_url is not None:
        return from_url, Article.PublishedHow.URL
    if page.masthead_date is not None:
        return page.masthead_date, Article.PublishedHow.DATELINE
    return None, None
