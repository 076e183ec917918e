"""Links to follow: article links on list pages, sitemaps, feed autodiscovery, sitemaps named in robots.txt."""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date
from urllib.parse import urldefrag, urljoin, urlsplit

from lxml import etree

from .markup import parse_html
from .page_dates import parse_date_string, url_date

FEED_TYPES = ("application/rss+xml", "application/atom+xml", "application/rdf+xml", "application/xml")
# Article URLs in Chinese news CMSs end in a page name with digits ("t20240312_123.html",
# "content_123.htm", "/2024-03/12/c_123.shtml", "?id=123") rather than a section folder.
ARTICLE_PATH = re.compile(
    r"(\d{4,}.*\.(s?html?|jsp|aspx?|php)$)|(/\d{5,}/?$)|([?&](id|aid|articleid)=\d+)", re.I
)
SITEMAP_NS = "{http://www.sitemaps.org/schemas/sitemap/0.9}"
# Sitemaps can be huge; entries past this are left for the next run (newest first where dated).
MAX_SITEMAP_ENTRIES = 50_000


@dataclass(frozen=True, slots=True)
class Link:
    """A link to an article: ``published`` from the sitemap's lastmod or the URL, when known."""

    url: str
    title: str = ""
    published: date | None = None


def feed_links(html: str, *, base_url: str) -> list[str]:
    """Feeds a page announces with ``<link rel="alternate" type="application/rss+xml" href=…>``."""
    tree = parse_html(html)
    if tree is None:
        return []
    found = []
    for link in tree.iter("link"):
        rel = (link.get("rel") or "").lower().split()
        kind = (link.get("type") or "").lower().split(";")[0].strip()
        if "alternate" in rel and kind in FEED_TYPES and link.get("href"):
            found.append(urljoin(base_url, link.get("href").strip()))
    return list(dict.fromkeys(found))


def article_links(html: str, *, base_url: str) -> list[Link]:
    """Links on a list page that look like articles on the same site, in page order, each once."""
    tree = parse_html(html)
    if tree is None:
        return []
    host = urlsplit(base_url).hostname
    found: dict[str, Link] = {}
    for anchor in tree.iter("a"):
        href = (anchor.get("href") or "").strip()
        if not href or href.startswith(("javascript:", "mailto:", "#")):
            continue
        url = urldefrag(urljoin(base_url, href))[0]
        parts = urlsplit(url)
        if parts.scheme not in ("http", "https") or parts.hostname != host:
            continue
        if ARTICLE_PATH.search(parts.path + ("?" + parts.query if parts.query else "")) and url not in found:
            title = " ".join(anchor.text_content().split()) or anchor.get("title", "")
            found[url] = Link(url=url, title=title, published=url_date(url))
    return list(found.values())


def pdf_links(html: str, *, base_url: str) -> list[Link]:
    """Links to PDF files on a page (an e-paper's page list: one PDF per printed page), each once."""
    tree = parse_html(html)
    if tree is None:
        return []
    found: dict[str, Link] = {}
    for anchor in tree.iter("a"):
        url = urldefrag(urljoin(base_url, (anchor.get("href") or "").strip()))[0]
        if urlsplit(url).path.lower().endswith(".pdf") and urlsplit(url).scheme in ("http", "https"):
            found.setdefault(
                url, Link(url=url, title=" ".join(anchor.text_content().split()), published=url_date(url))
            )
    return list(found.values())


def sitemap_links(data: bytes) -> tuple[list[Link], list[str]]:
    """(article links, nested sitemap URLs) of a sitemap or sitemap index; ([], []) if it is not one."""
    try:
        root = etree.fromstring(
            data, parser=etree.XMLParser(resolve_entities=False, no_network=True, huge_tree=False)
        )
    except etree.XMLSyntaxError:
        return [], []
    tag = etree.QName(root).localname
    locs = []
    for item in root:
        if not isinstance(item.tag, str):
            continue
        loc = item.findtext(f"{SITEMAP_NS}loc") or item.findtext("loc") or ""
        lastmod = item.findtext(f"{SITEMAP_NS}lastmod") or item.findtext("lastmod") or ""
        if loc.strip():
            locs.append((loc.strip(), lastmod.strip()))
        if len(locs) >= MAX_SITEMAP_ENTRIES:
            break
    if tag == "sitemapindex":
        return [], [loc for loc, _ in locs]
    if tag != "urlset":
        return [], []
    return [Link(url=loc, published=parse_date_string(mod) or url_date(loc)) for loc, mod in locs], []


def robots_sitemaps(robots_txt: str) -> list[str]:
    """Sitemap URLs named by ``Sitemap:`` lines in a robots.txt."""
    found = []
    for line in robots_txt.splitlines():
        name, _, value = line.partition(":")
        if name.strip().lower() == "sitemap" and value.strip():
            found.append(value.strip())
    return found


def looks_like_sitemap(data: bytes) -> bool:
    head = data[:2000].lower()
    return b"<urlset" in head or b"<sitemapindex" in head
