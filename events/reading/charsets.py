"""The charset a page declares: the Content-Type header first, then <meta charset> / http-equiv."""

from __future__ import annotations

import codecs
import re

# Labels whose real-world content is wider than the label: gb2312 pages carry GBK characters, and
# GBK is a subset of GB18030, so both are read as GB18030 (it decodes everything they can hold).
WIDER = {
    "gb2312": "gb18030",
    "gbk": "gb18030",
    "x-gbk": "gb18030",
    "gb_2312-80": "gb18030",
    "big5": "big5hkscs",
}
META_CHARSET = re.compile(rb"""<meta[^>]+charset\s*=\s*["']?\s*([A-Za-z0-9_\-:.]+)""", re.I)


def declared_charset(data: bytes, *, header: str | None = None) -> str | None:
    """The encoding to decode ``data`` with, as a Python codec name, or None when none is declared
    (or the declared one is unknown): the caller then detects it."""
    for label in (header, _meta_charset(data)):
        name = normalize_charset(label or "")
        if name:
            return name
    return None


def normalize_charset(label: str) -> str | None:
    label = label.strip().strip("\"'").lower()
    if not label:
        return None
    label = WIDER.get(label, label)
    try:
        return codecs.lookup(label).name
    except LookupError:
        return None


def _meta_charset(data: bytes) -> str | None:
    match = META_CHARSET.search(data[:4096])
    return match.group(1).decode("ascii", "ignore") if match else None
