"""Turning bytes and files into article text: decoding (UTF-8, GBK/GB18030, Big5), refusing bad input.

Nothing here touches the database; every check runs before ingestion writes anything.
"""

from __future__ import annotations

import re
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
    if reason := unstorable_reason(text):
        raise IngestError(f"{what}: {reason}")
    ratio = printable_ratio(text)
    if ratio < MIN_PRINTABLE_RATIO:
        raise IngestError(f"{what}: looks binary (only {ratio:.0%} printable characters)")
    return text


_LONE_SURROGATE = re.compile("[\ud800-\udfff]")


def unstorable_reason(text: str) -> str | None:
    """Why ``text`` cannot be stored or sent as UTF-8 (a NUL, which PostgreSQL refuses, or a lone
    surrogate, which no UTF-8 encoder takes), else None. A JSON body can carry both as escapes."""
    if "\x00" in text:
        return f"contains a NUL character at position {text.index(chr(0))}"
    if found := _LONE_SURROGATE.search(text):
        return f"contains a lone surrogate at position {found.start()} (not valid Unicode)"
    return None


def printable_ratio(text: str) -> float:
    """Share of characters that are not control, surrogate or private-use characters (tab and newline are fine)."""
    sample = text[:20000]
    return 1 - len(_NOT_TEXT.findall(sample)) / len(sample)


# C0/C1 controls except tab and newline, lone surrogates, private use: what binary decoded as text looks like.
_NOT_TEXT = re.compile(r"[\x00-\x08\x0b-\x1f\x7f-\x9f\ud800-\udfff\ue000-\uf8ff]")


def decode_bytes(data: bytes, *, what: str = "file") -> tuple[str, str]:
    """(text, encoding): UTF-8 (with or without BOM) or UTF-16 with BOM first, then Chinese legacy encodings.

    GBK/GB2312 text is decoded as their superset GB18030. Big5 and GB18030 are told apart by which
    reading gives common characters (see ``chinese_score``); charset-normalizer decides the rest.
    Raises IngestError for empty, binary or undecodable bytes.
    """
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        return data.decode("utf-16", errors="replace"), "utf-16"
    if not data.strip():
        raise IngestError(f"{what}: empty file")
    if b"\x00" in data[:65536]:
        found = _utf16_without_bom(data)
        if found is None:
            raise IngestError(f"{what}: looks binary (contains NUL bytes), not an article")
        return found
    try:
        return data.decode("utf-8-sig"), "utf-8"
    except UnicodeDecodeError:
        pass
    found = _best_chinese_reading(data, errors="strict") or _best_chinese_reading(data, errors="replace")
    if found is not None:
        return found
    best = from_bytes(data).best()
    if best is None:
        raise IngestError(f"{what}: cannot tell the text encoding (not UTF-8, GB18030 or Big5?)")
    encoding = "gb18030" if best.encoding in ("gbk", "gb2312") else best.encoding
    return data.decode(encoding, errors="replace"), encoding


# Legacy encodings of Chinese news, tried in turn when a file is not UTF-8.
CHINESE_ENCODINGS = ("gb18030", "big5", "cp950")
# Scraped pages often carry a stray bad byte or a character cut at the end. A reading with at
# most one bad byte per this many characters is kept, the bad bytes shown as U+FFFD.
CHARS_PER_BAD_BYTE = 500


def _best_chinese_reading(data: bytes, *, errors: str) -> tuple[str, str] | None:
    """(text, encoding) of the reading (UTF-8, GB18030, Big5) with the most common Han characters.

    ``errors="replace"`` accepts readings with a few bad bytes (see ``CHARS_PER_BAD_BYTE``); the
    encoding then says how many were replaced. None when no reading looks like Chinese.
    """
    readings = []
    encodings = CHINESE_ENCODINGS if errors == "strict" else ("utf-8", *CHINESE_ENCODINGS)
    for encoding in encodings:
        try:
            text = data.decode(encoding, errors=errors)
        except UnicodeDecodeError:
            continue
        bad = text.count("\ufffd")
        if bad * CHARS_PER_BAD_BYTE > max(len(text), CHARS_PER_BAD_BYTE):
            continue
        label = f"{encoding} ({bad} bad bytes replaced)" if bad else encoding
        # Scored without the replacement characters, so one stray byte does not lose to a wrong
        # reading of the whole file; the bad bytes were already counted against the limit above.
        scripts = {"utf-8": ("gb18030", "big5"), "cp950": ("big5",)}.get(encoding, (encoding,))
        clean = text.replace("\ufffd", "")
        readings.append((max(chinese_score(clean, script) for script in scripts), text, label))
    if not readings:
        return None
    score, text, encoding = max(readings, key=lambda r: r[0])  # on a tie the earlier encoding wins
    return (text, encoding) if score > 0 else None


def _utf16_without_bom(data: bytes) -> tuple[str, str] | None:
    """(text, encoding) for UTF-16 saved without a byte-order mark, else None (binary).

    Only a strict decoding that is printable, NUL-free and mostly common Chinese counts.
    """
    for encoding in ("utf-16-le", "utf-16-be"):
        try:
            text = data.decode(encoding)
        except UnicodeDecodeError:
            continue
        if "\x00" in text or printable_ratio(text) < MIN_PRINTABLE_RATIO:
            continue
        if max(chinese_score(text, "gb18030"), chinese_score(text, "big5")) > 0.5:
            return text, encoding
    return None


# Characters a wrong reading of GB/Big5 bytes produces: kana, Hangul, private use, half-width forms.
_UNLIKELY = re.compile(r"[\u3040-\u30ff\uac00-\ud7af\ue000-\uf8ff\uff61-\uffdc\ufffd]")


def chinese_score(text: str, encoding: str) -> float:
    """Share of Han characters that are common in ``encoding``'s script, minus unlikely characters.

    Common means in GB2312 for GB18030 readings and in Big5 level 1 (A440–C67E) for Big5 readings;
    reading GB bytes as Big5 (or the reverse) yields mostly rare characters and kana, so the right
    reading scores clearly higher even on a one-line file.
    """
    sample = text[:5000]
    han = [ch for ch in sample if "\u4e00" <= ch <= "\u9fff"]
    if not han:
        return 0.0
    common = sum(1 for ch in han if _is_common(ch, encoding))
    return (common - 2 * len(_UNLIKELY.findall(sample))) / len(han)


def _is_common(ch: str, encoding: str) -> bool:
    try:
        if encoding == "gb18030":
            ch.encode("gb2312")
            return True
        return 0xA440 <= int.from_bytes(ch.encode("big5"), "big") <= 0xC67E
    except UnicodeEncodeError:
        return False


def read_article_file(path: Path) -> ArticleFile:
    """Read and decode an article file (.txt, .md, .html); raises IngestError for refused input.

    A file too big to be an article is refused from its size, without reading it.
    """
    what = str(path)
    size, limit = path.stat().st_size, max_article_chars() * MAX_BYTES_PER_CHAR
    if size > limit:
        raise IngestError(f"{what}: too big ({size} bytes) to be an article; the limit is {limit} bytes")
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
