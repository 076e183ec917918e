"""E-paper PDF pages for the tests, drawn with reportlab in two columns.

The Chinese text uses reportlab's built-in CID font STSong-Light (Adobe-GB1), which PDF readers map
back to Unicode without a font file, so no Debian font package is needed.
"""

from __future__ import annotations

import io

from reportlab.lib.pagesizes import A4
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.cidfonts import UnicodeCIDFont
from reportlab.pdfgen import canvas

FONT = "STSong-Light"
BODY, HEADLINE = 10.5, 16
COLUMNS = ((40, 280), (315, 555))  # x from/to of each column, in points
CHARS_PER_LINE = 22

pdfmetrics.registerFont(UnicodeCIDFont(FONT))


def epaper_pdf(masthead: str, reports: list[tuple[str, list[str], str]], *, scanned: bool = False) -> bytes:
    """One A4 page: ``masthead`` on top, then ``reports`` (headline, paragraphs, byline) flowing down
    the left column and on into the right one. ``scanned`` draws only a rectangle (no text layer)."""
    out = io.BytesIO()
    page = canvas.Canvas(out, pagesize=A4)
    if scanned:
        page.rect(40, 40, 500, 700, fill=1)
        page.save()
        return out.getvalue()
    page.setFont(FONT, 20)
    page.drawString(150, 800, masthead)
    column, y = 0, 740
    for headline, paragraphs, byline in reports:
        lines = [(HEADLINE, 0, headline)]
        for paragraph in paragraphs:
            chunks = [paragraph[i : i + CHARS_PER_LINE] for i in range(0, len(paragraph), CHARS_PER_LINE)]
            lines += [(BODY, 2 * BODY if n == 0 else 0, chunk) for n, chunk in enumerate(chunks)]
        if byline:
            lines.append((BODY, 0, f"（{byline}）"))
        for size, indent, text in lines:
            if y < 60:
                column, y = column + 1, 740
            page.setFont(FONT, size)
            page.drawString(COLUMNS[column][0] + indent, y, text)
            y -= size * 1.6
        y -= BODY
    page.save()
    return out.getvalue()
