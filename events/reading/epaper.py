"""E-paper PDF pages (数字报版面) -> reports: columns read in order, each report split out, the page's date.

pdfplumber gives every word with its position and font size. The layout work is ours, because no
library splits a Chinese newspaper page into reports:

- Columns: the x-ranges covered by body words, split where a vertical gap runs the page's height
  (``COLUMN_GAP`` points); columns are read left to right, each top to bottom.
- Reports: a line set larger than the body text (``HEADLINE_RATIO``) starts a new report and is its
  headline (consecutive headline lines join: 引题, 主题). A line opening with "本报讯" starts a report
  too when the current one already has text. A report flows on into the next column until the next
  headline, as print does.
- Lines are joined without a break (print wraps mid-sentence); a line indented by about two
  characters starts a new paragraph.
- The page's date: from the masthead band at the top (``MASTHEAD_BAND``), e.g. "2024年3月12日 星期二".
A page with no text layer (a scan) says so (``has_text``) and gives no reports: no OCR here.

pdfplumber is imported on first use (about 10 MB that a worker which never reads a PDF does not need).
"""

from __future__ import annotations

import io
import re
from dataclasses import dataclass, field
from datetime import date
from statistics import median
from typing import TYPE_CHECKING

from .page_dates import FULL_DATE, day_of

if TYPE_CHECKING:
    from pdfplumber.page import Page

COLUMN_GAP = 12.0  # points of empty x-range between two columns
HEADLINE_RATIO = 1.25  # a headline's font is at least this much larger than the body's
MASTHEAD_BAND = 0.12  # the top share of the page that holds the masthead
LINE_TOLERANCE = 2.0  # words whose tops differ by less are on one line
MAX_PAGES = 40  # a whole-issue PDF is read this far
NEWS_OPENERS = ("本报讯", "本报记者", "据新华社", "新华社")
BYLINE = re.compile(r"^[（(]?(记者|通讯员|本报记者|见习记者|实习生)")


class NotAPdf(ValueError):
    """The bytes are not a readable PDF."""


@dataclass
class Report:
    """One report on a page: headline, text (paragraphs on their own lines), byline ("" when none)."""

    headline: str = ""
    paragraphs: list[str] = field(default_factory=list)
    byline: str = ""

    @property
    def text(self) -> str:
        return "\n".join(self.paragraphs)


@dataclass(frozen=True)
class EPaperPage:
    number: int  # 1-based page of the PDF
    reports: list[Report]
    masthead_date: date | None
    has_text: bool


@dataclass(frozen=True)
class _Line:
    x0: float
    top: float
    size: float
    text: str


def read_epaper(data: bytes) -> list[EPaperPage]:
    """Every page of the PDF (up to ``MAX_PAGES``) split into reports; raises NotAPdf."""
    import pdfplumber
    from pdfminer.pdfparser import PDFSyntaxError
    from pdfplumber.utils.exceptions import PdfminerException

    try:
        pdf = pdfplumber.open(io.BytesIO(data))
    except (PdfminerException, PDFSyntaxError, ValueError, TypeError) as exc:
        raise NotAPdf(f"不是可读取的 PDF：{exc}") from exc
    with pdf:
        return [_read_page(number, page) for number, page in enumerate(pdf.pages[:MAX_PAGES], start=1)]


def _read_page(number: int, page: Page) -> EPaperPage:
    words = page.extract_words(extra_attrs=["size"], keep_blank_chars=False, use_text_flow=False)
    if not words:
        return EPaperPage(number, [], None, has_text=False)
    band = page.height * MASTHEAD_BAND
    masthead = [w for w in words if w["bottom"] <= band]
    body = [w for w in words if w["bottom"] > band]
    found = FULL_DATE.search("".join(w["text"] for w in sorted(masthead, key=lambda w: (w["top"], w["x0"]))))
    masthead_date = day_of(*found.groups()) if found else None
    body_size = median(w["size"] for w in body) if body else 0
    reports: list[Report] = []
    for column in _columns(body):
        _read_column(_lines(column), body_size, reports)
    return EPaperPage(number, [r for r in reports if r.paragraphs], masthead_date, has_text=True)


def _columns(words: list[dict]) -> list[list[dict]]:
    """Words grouped into columns by gaps in their x-coverage, left to right."""
    spans = sorted((w["x0"], w["x1"]) for w in words)
    edges: list[list[float]] = []
    for x0, x1 in spans:
        if edges and x0 <= edges[-1][1] + COLUMN_GAP:
            edges[-1][1] = max(edges[-1][1], x1)
        else:
            edges.append([x0, x1])
    columns: list[list[dict]] = [[] for _ in edges]
    for word in words:
        index = next(i for i, (x0, x1) in enumerate(edges) if x0 <= word["x0"] <= x1)
        columns[index].append(word)
    return columns


def _lines(words: list[dict]) -> list[_Line]:
    lines: list[list[dict]] = []
    for word in sorted(words, key=lambda w: (w["top"], w["x0"])):
        if lines and abs(lines[-1][0]["top"] - word["top"]) < LINE_TOLERANCE:
            lines[-1].append(word)
        else:
            lines.append([word])
    return [
        _Line(
            x0=min(w["x0"] for w in line),
            top=line[0]["top"],
            size=max(w["size"] for w in line),
            text=_join_words(sorted(line, key=lambda w: w["x0"])),
        )
        for line in lines
    ]


def _join_words(words: list[dict]) -> str:
    """A line's words: Chinese runs joined as they stand, a space kept where the gap is a space wide."""
    text = words[0]["text"]
    for before, word in zip(words, words[1:], strict=False):
        text += (" " if word["x0"] - before["x1"] > word["size"] * 0.2 else "") + word["text"]
    return text


def _read_column(lines: list[_Line], body_size: float, reports: list[Report]) -> None:
    """Append the column's lines to ``reports``: new reports at headlines and news openers."""
    left = min((line.x0 for line in lines if line.size < body_size * HEADLINE_RATIO), default=0)
    previous_headline = False
    for line in lines:
        if line.size >= body_size * HEADLINE_RATIO:
            if previous_headline and not reports[-1].paragraphs:
                reports[-1].headline += " " + line.text
            else:
                reports.append(Report(headline=line.text))
            previous_headline = True
            continue
        previous_headline = False
        if not reports or (line.text.startswith(NEWS_OPENERS) and reports[-1].paragraphs):
            reports.append(Report())
        report = reports[-1]
        if BYLINE.match(line.text) and len(line.text) < 40:
            report.byline = line.text.strip("（）() ")
            continue
        indented = line.x0 - left >= line.size * 1.5
        if not report.paragraphs or indented or line.text.startswith(NEWS_OPENERS):
            report.paragraphs.append(line.text)
        else:
            report.paragraphs[-1] += line.text
