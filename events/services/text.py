"""Turning bytes and files into article text: decoding (UTF-8, GBK/GB18030, Big5), refusing bad input.

Nothing here touches the database; every check runs before ingestion writes anything.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from html.parser import HTMLParser
from pathlib import Path

from charset_normalizer import from_bytes
from django.conf import settings

# Files we read as articles; everything else in a folder (manifest.json, images, PDFs) is skipped.
ARTICLE_SUFFIXES = (".txt", ".md", ".html", ".htm")
# A text where fewer than this share of characters is printable is binary that happened to decode.
MIN_PRINTABLE_RATIO = 0.95
# Bytes per character at worst (UTF-8 CJK is 3, a few emoji 4): used to refuse a huge file before reading it.
MAX_BYTES_PER_CHAR = 4


class IngestError(ValueError):
    """Input refused before anything was stored: empty, binary, undecodable or too long."""


@dataclass(frozen=True, slots=True)
class ArticleFile:
    """A decoded article file: its text, the title found in HTML (else ""), and the encoding used."""

    text: str
    encoding: str
    title: str = ""


def max_article_chars() -> int:
    return int(settings.KEJICAL_MAX_ARTICLE_CHARS)


def check_article_text(text: str, *, what: str = "article") -> str:
    """``text`` with a BOM dropped and line ends made ``\\n``; raises IngestError if it is unusable."""
    if not isinstance(text, str):
        raise IngestError(f"{what}: text must be a string, not {type(text).__name__}")
    text = text.removeprefix("\ufeff").replace("\r\n", "\n").replace("\r", "\n")
    if not text.strip():
        raise IngestError(f"{what}: empty text (nothing but whitespace)")
    limit = max_article_chars()
    if len(text) > limit:
        raise IngestError(f"{what}: too long ({len(text)} characters, the limit is {limit})")
    if "\x00" in text:
        raise IngestError(f"{what}: looks binary (contains NUL characters)")
    ratio = printable_ratio(text)
    if ratio < MIN_PRINTABLE_RATIO:
        raise IngestError(f"{what}: looks binary (only {ratio:.0%} printable characters)")
    return text


def printable_ratio(text: str) -> float:
    """Share of characters that are printable or ordinary whitespace (control and unassigned are not)."""
    sample = text[:20000]
    bad = sum(
        1 for ch in sample if ch not in "\n\t " and unicodedata.category(ch) in ("Cc", "Cn", "Co", "Cs")
    )
    return 1 - bad / len(sample)


def decode_bytes(data: bytes, *, what: str = "file") -> tuple[str, str]:
    """(text, encoding): UTF-8 (with or without BOM) first, else what charset-normalizer finds.

    GBK is decoded as its superset GB18030. Raises IngestError for empty, binary or undecodable bytes.
    """
    if not data.strip():
        raise IngestError(f"{what}: empty file")
    if b"\x00" in data[:65536]:
        raise IngestError(f"{what}: looks binary (contains NUL bytes), not an article")
    try:
        return data.decode("utf-8-sig"), "utf-8"
    except UnicodeDecodeError:
        pass
    best = from_bytes(data).best()
    if best is None:
        raise IngestError(f"{what}: cannot tell the text encoding (not UTF-8, GB18030 or Big5?)")
    encoding = "gb18030" if best.encoding in ("gbk", "gb2312") else best.encoding
    return data.decode(encoding, errors="replace"), encoding


def read_article_file(path: Path) -> ArticleFile:
    """Read and decode an article file (.txt, .md, .html); raises IngestError for refused input.

    A file too big to be an article is refused from its size, without reading it.
    """
    what = str(path)
    size = path.stat().st_size
    if size > max_article_chars() * MAX_BYTES_PER_CHAR:
        raise IngestError(f"{what}: too big ({size} bytes) to be an article")
    text, encoding = decode_bytes(path.read_bytes(), what=what)
    title = ""
    if path.suffix.lower() in (".html", ".htm"):
        title, text = html_to_text(text)
    return ArticleFile(text=check_article_text(text, what=what), encoding=encoding, title=title)


class _TextOfHtml(HTMLParser):
    """Collects visible text (no script/style) with block elements as line breaks, and the <title>."""

    BLOCKS = {"p", "div", "br", "li", "h1", "h2", "h3", "h4", "h5", "h6", "tr", "section", "article"}
    SKIP = {"script", "style", "noscript", "template"}

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.parts: list[str] = []
        self.title: list[str] = []
        self._skip = 0
        self._in_title = False

    def handle_starttag(self, tag: str, attrs: list) -> None:
        if tag in self.SKIP:
            self._skip += 1
        elif tag == "title":
            self._in_title = True
        elif tag in self.BLOCKS:
            self.parts.append("\n")

    def handle_endtag(self, tag: str) -> None:
        if tag in self.SKIP:
            self._skip = max(0, self._skip - 1)
        elif tag == "title":
            self._in_title = False
        elif tag in self.BLOCKS:
            self.parts.append("\n")

    def handle_data(self, data: str) -> None:
        if self._in_title:
            self.title.append(data)
        elif not self._skip:
            self.parts.append(data)


def html_to_text(markup: str) -> tuple[str, str]:
    """(title, text) of an HTML page: visible text with paragraphs on their own lines."""
    parser = _TextOfHtml()
    parser.feed(markup)
    parser.close()
    text = re.sub(r"[ \t\u00a0]+\n", "\n", "".join(parser.parts))
    text = re.sub(r"\n{3,}", "\n\n", text).strip()
    return " ".join("".join(parser.title).split()), text
