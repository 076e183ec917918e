"""Article text as paragraphs, reports, sentences and clauses, with offsets into the original.

The extractor matches its patterns against a *flat* view of the article: simplified
characters (same-length OpenCC conversion, shared with the temporal parser), with the
whitespace and the PDF line breaks inside a sentence removed. ``Document.index`` maps
every flat character back to its offset in the original, so an evidence span is always
``original[span[0]:span[1]]`` with the line breaks kept. Plain Python: no Django.
"""

from __future__ import annotations

import re
from bisect import bisect_left
from dataclasses import dataclass

from events.temporal.normalize import normalize

from . import patterns as P
from .layout import flatten, uncolumn

MAX_SENTENCE = 600  # characters
_DATELINE_RE = re.compile(P.DATELINE)
_LIST_ITEM_RE = re.compile(P.LIST_ITEM)
_PHRASE_JOIN_RE = re.compile(r"[^A-Za-z0-9 ] | [^A-Za-z0-9 ]")
_LABEL_RE = re.compile(r"[\u4e00-\u9fff]{0,6}(?:" + "|".join(P.NOTICE_LABEL_HEADS) + r")[:：]")
_QUOTE_RE = re.compile("[" + re.escape(P.OPEN_QUOTES + P.CLOSE_QUOTES) + "]")
_CLAUSE_MARK_RE = re.compile(
    "["
    + re.escape(
        P.OPEN_QUOTES + P.CLOSE_QUOTES + P.OPEN_BRACKETS + P.CLOSE_BRACKETS + P.CLAUSE_END + P.SENTENCE_END
    )
    + "]"
)
# The characters the sentence splitter has to look at; everything else is skipped over.
_MARK_RE = re.compile("[\n" + re.escape(P.OPEN_QUOTES + P.CLOSE_QUOTES + P.SENTENCE_END) + "…]")


@dataclass(frozen=True, slots=True)
class Sentence:
    """One sentence of the flat text: ``flat[start:end]``, in paragraph and report ``report``."""

    start: int
    end: int
    paragraph: int
    report: int
    headline: bool = False  # a headline paragraph: it names the event the report tells of


class Document:
    """The flat view of an article plus the way back to original offsets."""

    def __init__(self, original: str) -> None:
        self.original = original
        columns = uncolumn(original)
        if columns is None:
            pieces, index = flatten(original, normalize(original))
            self._order: list[tuple[int, int]] | None = None
        else:  # two columns printed side by side: read in column order, offsets still into the original
            reordered, back = columns
            pieces, index = flatten(reordered, normalize(reordered))
            last = max(len(original) - 1, 0)
            index = [min(back[i], last) for i in index]
            self._order = sorted((offset, flat) for flat, offset in enumerate(index))
        self.flat = "".join(pieces)
        self.index = index
        self.sentences = _split_sentences(self.flat)

    def original_span(self, start: int, end: int) -> tuple[int, int]:
        """The original ``(start, end)`` of the flat range ``[start, end)`` (``end > start``)."""
        if self._order is None:
            return self.index[start], self.index[end - 1] + 1
        part = self.index[start:end]  # column order: the range's printed extent
        return min(part), max(part) + 1

    def flat_offset(self, original_offset: int) -> int:
        """The first flat position at or after an original offset (for mapping parser spans)."""
        if self._order is None:
            return bisect_left(self.index, original_offset)
        at = bisect_left(self._order, (original_offset, -1))
        return self._order[at][1] if at < len(self._order) else len(self.index)

    def text(self, sentence: Sentence) -> str:
        """The flat text of a sentence."""
        return self.flat[sentence.start : sentence.end]


def _split_sentences(flat: str) -> list[Sentence]:
    """Sentences of the flat text, numbered by paragraph and report.

    Ends at "。！？；", at "……" and at paragraph breaks, but not inside quotes: "“…吗？…吗？”"
    is one sentence ending after the closing quote. An unclosed quote is given up after
    200 characters so a stray "“" cannot swallow the rest of the article.
    """
    splitter = _Splitter(flat)
    splitter.start_paragraph(0)
    start = para_start = 0
    depth = opened_at = 0
    for mark in _MARK_RE.finditer(flat):
        i = mark.start()
        if i < start:
            continue  # inside closing marks already taken by the previous sentence
        ch = flat[i]
        if ch == "\n":
            splitter.end_paragraph(para_start, start, i)
            start = para_start = i + 1
            splitter.start_paragraph(start)
            depth = 0
            continue
        if depth and i - opened_at > 200:
            depth = 0
        if ch in P.OPEN_QUOTES:
            depth, opened_at = depth + 1, i
        elif ch in P.CLOSE_QUOTES and depth:
            depth -= 1
        end = _sentence_end(flat, i, depth)
        if end:
            splitter.add(start, end)
            start = end
    splitter.end_paragraph(para_start, start, len(flat))
    return splitter.sentences


class _Splitter:
    """Numbers sentences by paragraph and report while the text is walked.

    A new report starts at a dateline ("本报讯"), at a headline (a short paragraph with no
    sentence end: "太谷区第二十一届科技节盛大举行") and after a byline ("（孙泰雁）"), but
    only once the current report has body text, so a headline and the dateline under it
    open one report together.
    """

    def __init__(self, flat: str) -> None:
        self.flat = flat
        self.sentences: list[Sentence] = []
        self.paragraph = self.report = 0
        self.body = False

    def start_paragraph(self, start: int) -> None:
        """A paragraph opens at ``start``: a dateline there opens a new report."""
        if self.body and _DATELINE_RE.match(self.flat, start):
            self._new_report()

    def add(self, start: int, end: int) -> None:
        """Record the body sentence ``flat[start:end]``."""
        if self.flat[start:end].strip():
            self._append(start, end)
            self.body = True

    def _append(self, start: int, end: int, *, headline: bool = False) -> None:
        """Append a sentence, cut at a comma into pieces of at most MAX_SENTENCE characters.

        Real sentences are far shorter; the cut keeps the per-sentence work linear on
        junk input (a whole file without a full stop).
        """
        while end - start > MAX_SENTENCE:
            cut = self.flat.rfind("，", start + 1, start + MAX_SENTENCE)
            cut = cut + 1 if cut > start else start + MAX_SENTENCE
            self.sentences.append(Sentence(start, cut, self.paragraph, self.report, headline))
            start = cut
        self.sentences.append(Sentence(start, end, self.paragraph, self.report, headline))

    def end_paragraph(self, para_start: int, start: int, end: int) -> None:
        """Close the paragraph ``flat[para_start:end]`` whose last sentence is ``flat[start:end]``."""
        text = self.flat[para_start:end]
        if _is_headline(text) and not _is_section(text):
            if self.body:
                self._new_report()
            if text.strip():
                self._append(start, end, headline=True)
        else:
            self.add(start, end)
        if _is_byline(text):
            self._new_report()
        self.paragraph += 1

    def _new_report(self) -> None:
        self.report += 1
        self.body = False


def _sentence_end(flat: str, i: int, depth: int) -> int:
    """The end of a sentence closing at ``i`` (after trailing closing quotes/brackets), or 0."""
    ch = flat[i]
    if flat.startswith(P.ELLIPSIS, i) and depth == 0:
        j = i + len(P.ELLIPSIS)
    elif ch in P.SENTENCE_END and depth == 0:
        j = i + 1
    elif ch in P.CLOSE_QUOTES and depth == 0 and i and flat[i - 1] in P.SENTENCE_END:
        j = i + 1
    else:
        return 0
    while j < len(flat) and flat[j] in P.CLOSE_QUOTES + P.ELLIPSIS[0]:
        j += 1
    return j


def _is_byline(paragraph: str) -> bool:
    """A short paragraph wholly in brackets ends a report: "（孙泰雁）", "（太谷区融媒体中心供稿）"."""
    return len(paragraph) <= 24 and paragraph.startswith(("（", "(")) and paragraph.endswith(("）", ")"))


def _is_section(paragraph: str) -> bool:
    """A numbered section heading or a labelled line of a notice ("一、组织单位", "主办单位:…"):
    part of the report it stands in, not the headline of another."""
    text = paragraph.strip()
    return bool(_LIST_ITEM_RE.match(text)) or bool(_LABEL_RE.match(text))


def _is_headline(paragraph: str) -> bool:
    """A short paragraph with no sentence end and no continuing mark: a headline or a byline.

    WeChat phrases joined into one paragraph ("5月18日 我校第六届科技节 在操场拉开帷幕") are a
    sentence, not a headline: the flat text keeps a space only where phrases meet or between
    two Latin letters or digits.
    """
    text = paragraph.strip()
    return (
        0 < len(text) <= 30
        and not any(ch in text for ch in P.SENTENCE_END + "…，,")
        and not _is_byline(text)
        and not _PHRASE_JOIN_RE.search(text)
    )


def split_clauses(text: str) -> list[tuple[int, int]]:
    """(start, end) of the clauses of a sentence: split at "，：" outside quotes and brackets."""
    clauses = []
    depth = 0
    start = 0
    for mark in _CLAUSE_MARK_RE.finditer(text):
        i, ch = mark.start(), mark.group()
        if ch in P.OPEN_QUOTES or ch in P.OPEN_BRACKETS:
            depth += 1
        elif ch in P.CLOSE_QUOTES or ch in P.CLOSE_BRACKETS:
            depth = max(0, depth - 1)
        elif depth == 0 and not _time_colon(text, i):
            if i > start:
                clauses.append((start, i))
            start = i + 1
    if len(text) > start:
        clauses.append((start, len(text)))
    return clauses


def _time_colon(text: str, i: int) -> bool:
    """Whether the colon at ``i`` is inside a time of day ("14:00", "9：30"), not between clauses."""
    return text[i] in ":：" and 0 < i < len(text) - 1 and text[i - 1].isdigit() and text[i + 1].isdigit()


def quoted_ranges(text: str) -> list[tuple[int, int]]:
    """(start, end) of the text inside each top-level “…” or ‘…’ quote of a sentence."""
    ranges = []
    depth = 0
    start = 0
    for mark in _QUOTE_RE.finditer(text):
        i, ch = mark.start(), mark.group()
        if ch in P.OPEN_QUOTES:
            if depth == 0:
                start = i + 1
            depth += 1
        elif depth:
            depth -= 1
            if depth == 0:
                ranges.append((start, i))
    if depth:
        ranges.append((start, len(text)))
    return ranges
