"""A page's publication date and how it was known: metadata, <time>, the dateline, then the URL.

The order is by trust: a publisher's own metadata (``article:published_time``, ``PubDate``...) and
``<time datetime>`` are written by the CMS; the dateline ("发布时间：2024-03-12 10:20", "来源：… 2024年3月12日")
is printed by it near the headline; a date in the URL (``/2024-03/12/``, ``t20240312_``) is the CMS's
folder, which is usually but not always the day of publication. Metadata strings in other formats
or languages go through ``dateparser``. Returns no date rather than a guess from the body text,
which ``services.published`` already infers from the article itself.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date

import dateparser
import lxml.html

from .markup import parse_html

# <meta> names and properties that carry the publication time, most specific first.
META_NAMES = (
    "article:published_time",
    "og:article:published_time",
    "og:release_date",
    "pubdate",
    "publishdate",
    "publish_date",
    "publishtime",
    "pubtime",
    "datepublished",
    "dc.date.issued",
    "dc.date",
    "date",
    "firstpublishedtime",
    "contentpublishtime",
)
# "2024-03-12", "2024/3/12", "2024.03.12", "2024年3月12日": year, month and day at once.
FULL_DATE = re.compile(r"(20\d{2}|19\d{2})\s*[-/.年]\s*(\d{1,2})\s*[-/.月]\s*(\d{1,2})\s*日?")
# A dateline's label: the date that follows it (within a few characters) is the publication date.
DATELINE_LABELS = re.compile(r"(发布时间|发布日期|发表时间|时间|日期|来源|稿源|更新时间|编辑)\s*[:：]?")
URL_DATE = re.compile(
    r"(?:/|t|_)(20\d{2})[-_/]?(0[1-9]|1[0-2])[-_/]?([0-2]\d|3[01])(?=[/_.]|\d{2,}|$)"
    r"|/(20\d{2})[-_/]?(0[1-9]|1[0-2])/([0-2]\d|3[01])/"
)
# How far into the page text (characters) a dateline is looked for: it sits under the headline.
DATELINE_REACH = 600


@dataclass(frozen=True, slots=True)
class PageDate:
    """``how`` is one of "page" (metadata or <time>), "dateline", "url" or "" when no date was found."""

    published: date | None
    how: str = ""
    note: str = ""


def published_of_page(html: str, *, url: str = "", text: str = "", head_text: str = "") -> PageDate:
    """The publication date of an article page. ``head_text`` is the page's visible text before the
    body (title, dateline), ``text`` the extracted body; both are searched for a dateline."""
    tree = parse_html(html)
    if tree is not None:
        for found in (_from_meta(tree), _from_time(tree)):
            if found.published is not None:
                return found
        head_text = head_text or _visible_head(tree)
    for where, source in (("head", head_text), ("body", text[:DATELINE_REACH])):
        day = dateline_date(source)
        if day is None and where == "head":
            # Under the headline, a full date with no label ("2024年03月12日 来源：晋中日报") is the dateline.
            match = FULL_DATE.search(source)
            day = day_of(*match.groups()) if match else None
        if day is not None:
            return PageDate(day, "dateline", f"发布日期取自网页上的电头/发布时间（{day.isoformat()}）")
    day = url_date(url)
    if day is not None:
        return PageDate(day, "url", f"发布日期取自网址中的日期（{day.isoformat()}）")
    return PageDate(None)


def dateline_date(text: str) -> date | None:
    """The first full date after a dateline label ("发布时间：…"), else the first full date in ``text``
    when ``text`` is short enough to be only a dateline; None otherwise."""
    for label in DATELINE_LABELS.finditer(text):
        match = FULL_DATE.match(text, label.end(), label.end() + 40) or FULL_DATE.search(
            text[label.end() : label.end() + 40]
        )
        if match:
            return day_of(*match.groups())
    return None


def url_date(url: str) -> date | None:
    match = URL_DATE.search(url)
    if not match:
        return None
    groups = [g for g in match.groups() if g is not None]
    return day_of(*groups)


def _from_meta(tree: lxml.html.HtmlElement) -> PageDate:
    metas = {}
    for meta in tree.iter("meta"):
        key = (meta.get("property") or meta.get("name") or meta.get("itemprop") or "").strip().lower()
        if key and meta.get("content") and key not in metas:
            metas[key] = meta.get("content").strip()
    for name in META_NAMES:
        if name in metas:
            day = parse_date_string(metas[name])
            if day is not None:
                return PageDate(day, "page", f"发布日期取自网页元数据 <meta {name}>（{metas[name]}）")
    return PageDate(None)


def _from_time(tree: lxml.html.HtmlElement) -> PageDate:
    for element in tree.iter("time"):
        value = element.get("datetime") or element.text_content()
        day = parse_date_string(value or "")
        if day is not None:
            return PageDate(day, "page", f"发布日期取自网页的 <time> 标记（{value.strip()}）")
    return PageDate(None)


def parse_date_string(value: str) -> date | None:
    """A date from a metadata string: ISO and Chinese full dates directly, anything else by dateparser."""
    value = value.strip()
    if not value:
        return None
    match = FULL_DATE.search(value)
    if match:
        return day_of(*match.groups())
    parsed = dateparser.parse(
        value, settings={"PREFER_DAY_OF_MONTH": "first", "REQUIRE_PARTS": ["year", "month"]}
    )
    return parsed.date() if parsed else None


def _visible_head(tree: lxml.html.HtmlElement) -> str:
    """Visible text of the page outside scripts and styles, up to ``DATELINE_REACH`` characters after
    the <h1> (or from the start when there is none)."""
    body = tree.find("body") if tree.find("body") is not None else tree
    text = " ".join(
        t for t in body.xpath(".//text()[not(ancestor::script) and not(ancestor::style)]") if t.strip()
    )
    start = text.find(_headline(tree)) if _headline(tree) else -1
    return text[start : start + DATELINE_REACH] if start >= 0 else ""


def _headline(tree: lxml.html.HtmlElement) -> str:
    """The <h1>, else the <title> up to its site-name separator ("标题_某某网" -> "标题")."""
    for found in tree.xpath("//h1"):
        if found.text_content().strip():
            return " ".join(found.text_content().split())
    title = " ".join((tree.findtext(".//title") or "").split())
    return re.split(r"\s*[_|－—-]\s*", title)[0] if title else ""


def day_of(year: str, month: str, day: str) -> date | None:
    try:
        return date(int(year), int(month), int(day))
    except ValueError:
        return None
