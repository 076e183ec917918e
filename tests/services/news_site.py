"""A small news site served by ``tests.webserver.PageServer``: a feed, a list page, a sitemap and robots.txt
over the article pages of ``tests.reading.news_pages`` (one story per template)."""

from __future__ import annotations

from html import escape

from tests.reading.news_pages import STORIES, TEMPLATES, NewsPage
from tests.webserver import Page, PageServer


def article_path(number: int, page: NewsPage) -> str:
    return f"/news/{page.published:%Y-%m/%d}/content_{1000 + number}.htm"


def serve_news_site(server: PageServer, *, validators: bool = True) -> list[tuple[str, NewsPage]]:
    """Register the site's pages on ``server``; returns (path, page) per article.

    With ``validators`` every page carries an ETag (so re-fetching costs a 304); without, the fetcher
    has only the content hash to go by.
    """
    articles = []
    for number, (story, template) in enumerate(zip(STORIES, TEMPLATES, strict=True)):
        page = template(*story)
        path = article_path(number, page)
        headers = {"Content-Type": page.content_type}
        if validators:
            headers["ETag"] = f'"a{number}-v1"'
        server.pages[path] = Page(page.data, headers=headers)
        articles.append((path, page))
    serve_indexes(server, articles)
    return articles


def serve_indexes(server: PageServer, articles: list[tuple[str, NewsPage]], *, version: str = "v1") -> None:
    """The feed, list page, sitemap and robots.txt for ``articles`` (``version`` goes into the feed's ETag)."""
    items = "".join(
        f"<item><title>{escape(p.title)}</title><link>{server.url(path)}</link>"
        f"<pubDate>{p.published:%a, %d %b %Y} 08:00:00 +0800</pubDate></item>"
        for path, p in articles
    )
    rss = f"""<?xml version="1.0" encoding="utf-8"?><rss version="2.0"><channel><title>晋中科技新闻</title>
<link>{server.url("/")}</link>{items}</channel></rss>"""
    server.pages["/feed.xml"] = Page(
        rss.encode(), headers={"Content-Type": "application/rss+xml", "ETag": f'"feed-{version}"'}
    )
    links = "".join(f'<li><a href="{path}">{escape(p.title)}</a></li>' for path, p in articles)
    listing = f"""<html><head><meta charset="utf-8"><title>科技动态</title>
<link rel="alternate" type="application/rss+xml" title="RSS" href="/feed.xml"></head>
<body><div class="nav"><a href="/">首页</a><a href="/news/">科技动态</a><a href="/about.html">关于我们</a></div>
<ul class="list">{links}</ul><div class="pages"><a href="/news/index_1.html">下一页</a></div></body></html>"""
    server.pages["/news/"] = Page(listing.encode(), headers={"Content-Type": "text/html; charset=utf-8"})
    urls = "".join(
        f"<url><loc>{server.url(path)}</loc><lastmod>{p.published.isoformat()}</lastmod></url>"
        for path, p in articles
    )
    sitemap = f'<?xml version="1.0" encoding="UTF-8"?><urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">{urls}</urlset>'
    server.pages["/sitemap.xml"] = Page(sitemap.encode(), headers={"Content-Type": "application/xml"})
    robots = f"User-agent: *\nDisallow: /private/\nSitemap: {server.url('/sitemap.xml')}\n"
    server.pages["/robots.txt"] = Page(robots.encode(), headers={"Content-Type": "text/plain"})
