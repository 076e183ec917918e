"""Parsing HTML leniently with lxml, shared by the page readers."""

from __future__ import annotations

import re

import lxml.html
from lxml import etree


def parse_html(html: str) -> lxml.html.HtmlElement | None:
    """The document tree, or None for an empty or unparsable page."""
    if not html.strip():
        return None
    try:
        # lxml refuses a str that still carries an XML encoding declaration (XHTML pages do).
        return lxml.html.fromstring(re.sub(r"^\s*<\?xml[^>]*>", "", html))
    except (etree.ParserError, ValueError):
        return None
