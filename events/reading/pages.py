"""Article pages -> main text: trafilatura first, a fallback for Chinese news templates where it fails.

The fallback exists because trafilatura (tuned on Western news) loses the body of common Chinese
government and media templates: text laid out with ``<br>`` inside one ``<div class="TRS_Editor">``
or a ``<td>``, and keeps short menus it takes for a paragraph. It scores every element by the
Chinese characters in its own text blocks minus those in links, after dropping elements whose
class or id names them as navigation, sidebars, footers, related lists, comments or sharing bars;
the best-scoring element is the body. ``bench/fetch.py`` measures both on the test pages.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

import lxml.html
import trafilatura

from .markup import parse_html

# Class/id words of page furniture in Chinese news templates (English words and pinyin initials).
BOILERPLATE = re.compile(
    r"nav|menu|header|footer|foot|sidebar|side|aside|related|relate|xgxw|xgwz|comment|pinglun|pl_|"
    r"share|fenxiang|breadcrumb|crumb|position|location|weizhi|copyright|banquan|recommend|tuijian|"
    r"hot|rank|paihang|tags|pager|page-?nav|ad[-_s]|advert|login|search|toolbar|qrcode|erweima",
    re.I,
)
DROP_TAGS = ("script", "style", "noscript", "template", "nav", "header", "footer", "aside", "form", "iframe")
BLOCK_TAGS = {"p", "div", "br", "li", "h1", "h2", "h3", "h4", "h5", "h6", "tr", "td", "section", "article"}
CJK = re.compile(r"[\u4e00-\u9fff]")
# A line of prose ends a sentence; menus, breadcrumbs, related lists and footers do not. A line this
# long counts as prose even without punctuation.
SENTENCE_END = re.compile(r"[。！？；!?]")
PROSE_LINE_CHARS = 40


@dataclass(frozen=True, slots=True)
class PageText:
    """Main text of a page; ``method`` says which extractor gave it ("trafilatura" or "fallback")."""

    title: str
    text: str
    method: str
    author: str = ""


def extract_article(html: str, *, url: str = "") -> PageText:
    """Title and main text of an article page; text is "" when neither extractor finds a body."""
    # fast=True skips trafilatura's own second opinion (readability/justext, 2/3 of its time):
    # the fallback below plays that part, tuned for Chinese templates.
    document = trafilatura.bare_extraction(
        html, url=url or None, with_metadata=True, include_comments=False, include_tables=True, fast=True
    )
    main = (document.text or "") if document is not None else ""
    title = (document.title or "") if document is not None else ""
    author = (document.author or "") if document is not None else ""
    fallback = fallback_main_text(html)
    if prose_score(fallback) > prose_score(main):
        return PageText(title=title or page_title(html), text=fallback, method="fallback", author=author)
    return PageText(title=title or page_title(html), text=main, method="trafilatura", author=author)


def trafilatura_text(html: str, *, url: str = "") -> str:
    """Trafilatura's main text alone ("" when it finds none), for measuring it against the fallback."""
    return trafilatura.extract(html, url=url or None, include_comments=False) or ""


def page_title(html: str) -> str:
    """The <h1> if there is one, else the <title>, whitespace collapsed ("" if neither)."""
    tree = parse_html(html)
    if tree is None:
        return ""
    for path in ("//h1", "//title"):
        found = tree.xpath(path)
        if found:
            return " ".join(found[0].text_content().split())
    return ""


def fallback_main_text(html: str) -> str:
    """The text of the element that holds most of the page's own Chinese prose ("" if none)."""
    tree = parse_html(html)
    if tree is None:
        return ""
    _drop_furniture(tree)
    best, best_score = None, 0
    for element in tree.iter("div", "td", "article", "section", "body", "main"):
        score = _score(element)
        if score > best_score:
            best, best_score = element, score
    return _block_text(best) if best is not None else ""


def _drop_furniture(tree: lxml.html.HtmlElement) -> None:
    for element in list(tree.iter(*DROP_TAGS)):
        element.drop_tree()
    for element in list(tree.iter()):
        if not isinstance(element.tag, str) or element.getparent() is None:
            continue
        names = f"{element.get('class', '')} {element.get('id', '')}"
        if BOILERPLATE.search(names) and element.tag not in ("body", "html"):
            element.drop_tree()


def _score(element: lxml.html.HtmlElement) -> int:
    """Chinese characters in the element's own paragraphs (its text, <p> and <br>-separated text and
    direct children that hold no block of their own), minus those inside links."""
    own = _cjk_count(element.text or "")
    for child in element:
        if not isinstance(child.tag, str):
            continue
        if child.tag in ("p", "span", "font", "strong", "b", "br", "center") or child.tag not in BLOCK_TAGS:
            own += _cjk_count(child.text_content())
        own += _cjk_count(child.tail or "")
    links = sum(_cjk_count(a.text_content()) for a in element.iter("a"))
    return own - 2 * links


def _block_text(element: lxml.html.HtmlElement) -> str:
    parts: list[str] = []

    def walk(node: lxml.html.HtmlElement) -> None:
        if isinstance(node.tag, str) and node.tag in BLOCK_TAGS:
            parts.append("\n")
        parts.append(node.text or "")
        for child in node:
            if isinstance(child.tag, str):
                walk(child)
            parts.append(child.tail or "")
        if isinstance(node.tag, str) and node.tag in BLOCK_TAGS:
            parts.append("\n")

    walk(element)
    lines = (" ".join(line.split()) for line in "".join(parts).splitlines())
    return "\n".join(line for line in lines if line)


def prose_score(text: str) -> int:
    """Chinese characters in prose lines minus those in other lines: which extraction kept the body
    and left the furniture (trafilatura wins a tie)."""
    score = 0
    for line in text.splitlines():
        count = _cjk_count(line)
        score += count if SENTENCE_END.search(line) or count >= PROSE_LINE_CHARS else -count
    return score


def _cjk_count(text: str) -> int:
    return len(CJK.findall(text))
