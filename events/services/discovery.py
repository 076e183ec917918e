"""What kind of source a URL is: a feed, a sitemap, a list page, a single article page or an e-paper PDF.

Feeds are found through a page's ``<link rel="alternate">`` (autodiscovery) and sitemaps through a
site's robots.txt, so a curator can paste the address of a site's home or section page.
"""

from __future__ import annotations

from dataclasses import dataclass
from urllib.parse import urlsplit

from events.models import Source
from events.reading.feeds import NotAFeed, looks_like_feed, parse_feed
from events.reading.links import article_links, feed_links, looks_like_sitemap, pdf_links, robots_sitemaps
from events.reading.pages import page_title
from events.reading.web import FetchError

from .articles_web import decode_page
from .fetching import Fetcher

# A page linking to at least this many article-like pages of its own site is a list page.
MIN_LIST_LINKS = 3


@dataclass(frozen=True, slots=True)
class DetectedSource:
    """``location`` may differ from the URL given: the feed a page announced, the sitemap robots.txt named."""

    kind: str
    location: str
    title: str
    how: str


def detect_source(url: str, *, fetcher: Fetcher) -> DetectedSource:
    """Fetch ``url`` and tell its kind; raises ``reading.web.FetchError`` when it cannot be fetched."""
    fetched = fetcher.get(url)
    data = fetched.content
    if fetched.content_type == "application/pdf" or data.startswith(b"%PDF-"):
        return DetectedSource(Source.Kind.EPAPER, fetched.url, "", "PDF 版面")
    if looks_like_feed(data):
        return DetectedSource(Source.Kind.FEED, fetched.url, _feed_title(data), "RSS/Atom 订阅源")
    if looks_like_sitemap(data):
        return DetectedSource(Source.Kind.LISTING, fetched.url, "", "站点地图")
    html, _encoding = decode_page(fetched)
    title = page_title(html)
    for feed_url in feed_links(html, base_url=fetched.url):
        try:
            feed = fetcher.get(feed_url)
        except FetchError:
            continue
        if looks_like_feed(feed.content):
            return DetectedSource(
                Source.Kind.FEED, feed.url, _feed_title(feed.content) or title, "网页声明的订阅源"
            )
    if urlsplit(fetched.url).path in ("", "/"):
        for sitemap in robots_sitemaps(fetcher.robots_text(fetched.url)):
            return DetectedSource(Source.Kind.LISTING, sitemap, title, "robots.txt 中的站点地图")
    articles = article_links(html, base_url=fetched.url)
    if pdf_links(html, base_url=fetched.url) and len(articles) < MIN_LIST_LINKS:
        return DetectedSource(Source.Kind.EPAPER, fetched.url, title, "数字报版面目录（PDF 版面）")
    if len(articles) >= MIN_LIST_LINKS:
        return DetectedSource(Source.Kind.LISTING, fetched.url, title, "文章列表页")
    return DetectedSource(Source.Kind.URL, fetched.url, title, "单个网页")


def _feed_title(data: bytes) -> str:
    try:
        return parse_feed(data).title
    except NotAFeed:
        return ""
