"""RSS/Atom feeds -> entries (link, title, date, content) with feedparser."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

import feedparser


class NotAFeed(ValueError):
    """The bytes are not an RSS or Atom feed (or one too broken to read)."""


@dataclass(frozen=True, slots=True)
class FeedEntry:
    """One item: ``published`` is the entry's date (published, else updated) or None."""

    url: str
    title: str
    published: date | None
    content_html: str = ""


@dataclass(frozen=True, slots=True)
class Feed:
    title: str
    entries: list[FeedEntry]


def parse_feed(data: bytes, *, url: str = "", content_type: str = "") -> Feed:
    """The feed's title and entries (those without a link are left out); raises NotAFeed."""
    headers = {"content-type": content_type} if content_type else {}
    parsed = feedparser.parse(data, response_headers=headers, sanitize_html=True)
    if not parsed.version and (parsed.bozo or not parsed.entries):
        raise NotAFeed(f"{url or 'feed'}: 不是 RSS/Atom 订阅源")
    entries = []
    for entry in parsed.entries:
        link = entry.get("link", "").strip()
        if not link:
            continue
        when = entry.get("published_parsed") or entry.get("updated_parsed")
        content = entry.get("content", [{}])[0].get("value", "") if entry.get("content") else ""
        entries.append(
            FeedEntry(
                url=link,
                title=" ".join(entry.get("title", "").split()),
                published=date(*when[:3]) if when else None,
                content_html=content or entry.get("summary", ""),
            )
        )
    return Feed(title=" ".join(parsed.feed.get("title", "").split()), entries=entries)


def looks_like_feed(data: bytes) -> bool:
    """Whether the bytes are an RSS or Atom document (by feedparser's own reading)."""
    parsed = feedparser.parse(data)
    return bool(parsed.version) and parsed.version not in ("", "unknown")
