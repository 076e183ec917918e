"""Undoes a PDF's layout: which line breaks are wraps, and the flat text with its offset map.

A newline inside a sentence is not a boundary; a blank line or a line ending in "。！？"
ends a paragraph, except where the text plainly runs on across a column break. The flat
text drops whitespace and the wraps but keeps, for every character, its offset in the
original, so evidence spans can always be cut from the original. Plain Python: no Django.
"""

from __future__ import annotations

import re

from . import patterns as P

_SPACES = " \t\r\u3000\xa0\u2002\u2003"
_WHITESPACE_RE = re.compile(r"\s+")
_DATELINE_RE = re.compile(P.DATELINE)
_LIST_ITEM_RE = re.compile(P.LIST_ITEM)
_BARE_LABEL_RE = re.compile(P.BARE_LABEL)
_TERMINALS = "。！？!?"
# A line ending in one of these is still inside its sentence, even before a blank line.
_CONTINUING = "，、：:；（“‘《"
# A WeChat phrase line is at most this wide (full-width cells), and a run has at least this many.
WECHAT_MAX_PHRASE = 24
WECHAT_MIN_PHRASES = 3
# Phrases of one post stand at most this many blank lines apart (one within a sentence, more between).
WECHAT_MAX_GAP = 3
# What stands in the flat text where two WeChat phrases meet (mapped to the newline between them).
PHRASE_JOINER = " "


def _line_ranges(original: str) -> list[tuple[int, int]]:
    """(start, end) of each line's content with surrounding whitespace trimmed; blank lines give end == start."""
    ranges = []
    pos = 0
    for line in original.split("\n"):
        left = len(line) - len(line.lstrip(_SPACES))
        right = len(line.rstrip(_SPACES))
        ranges.append((pos + left, pos + max(left, right)))
        pos += len(line) + 1
    return ranges


def _ends_paragraph(norm: str, start: int, end: int) -> bool:
    """Whether a line's last printed character closes a paragraph ("。", "！", "？", or one in a closing quote)."""
    if _is_table_row(norm[start:end]):
        return True  # "| 親子科學日 | 10月19日 | … |": a table row is a paragraph of its own
    tail = norm[start:end].rstrip(P.CLOSE_QUOTES + "）)")
    if tail.endswith(P.ELLIPSIS):
        return True
    if tail and tail[-1] in _TERMINALS:
        return True
    # A byline such as "（孙泰雁）" or a headline-like bracketed line stands alone.
    line = norm[start:end]
    return line.startswith(("（", "(")) and line.endswith(("）", ")"))


def _paragraph_breaks(original: str, norm: str) -> tuple[set[int], set[int]]:
    """Offsets of the newlines that end a paragraph, and of those that join WeChat phrases;
    every other newline is a PDF line wrap.

    Inside a block of non-blank lines a newline is a wrap unless the line ends a sentence
    ("。", "！", "？") or the next one opens a report ("本报讯"). A blank line ends the
    paragraph too, except where the text plainly runs on: PDF column breaks leave blank
    lines in mid-sentence ("…精神，借助\n\n良好的产业优势"). It runs on when the line
    before the gap is itself a wrap of a longer block, ends in a continuing mark ("，", "、"),
    leaves a quote open, or is as wide as the column that follows it (a short headline is not).
    """
    blocks, gaps = _blocks(_line_ranges(original))
    phrases = _phrase_runs(norm, blocks, gaps)
    breaks: set[int] = set()
    joins: set[int] = set()
    quote_depth = 0
    wrapped = False  # the current paragraph has already wrapped onto another line
    prev: tuple[int, int] | None = None
    for b, block in enumerate(blocks):
        for position, (start, end) in enumerate(block):
            if prev is not None:
                if (
                    _ends_paragraph(norm, *prev)
                    or _DATELINE_RE.match(norm, start)
                    or _LIST_ITEM_RE.match(norm, start)
                    or _is_table_row(norm[start:end])
                ):
                    brk = True
                elif position > 0:
                    brk = False
                elif b in phrases and b - 1 in phrases and gaps[b] == 1:
                    brk = None  # the next phrase of a WeChat sentence: joined, but not a wrap,
                    # so two blank lines after it still end the paragraph
                    joins.add(_line_start(original, start) - 1)
                else:
                    brk = not (
                        wrapped
                        or norm[prev[1] - 1] in _CONTINUING
                        or quote_depth > 0
                        or _as_wide_as(norm, prev, block)
                    )
                if brk:
                    breaks.add(_line_start(original, start) - 1)
                    wrapped, quote_depth = False, 0
                elif brk is not None:
                    wrapped = True
            quote_depth = max(0, quote_depth + _quote_balance(norm[start:end]))
            prev = (start, end)
    return breaks, joins


def _is_table_row(line: str) -> bool:
    """A row of a table as text converters print it: "| 活動名稱 | 日期 |"."""
    return len(line) > 2 and line[0] in "|｜" and line[-1] in "|｜"


def _blocks(lines: list[tuple[int, int]]) -> tuple[list[list[tuple[int, int]]], list[int]]:
    """Runs of consecutive non-blank lines, and how many blank lines stand before each run."""
    blocks: list[list[tuple[int, int]]] = []
    gaps: list[int] = []
    current: list[tuple[int, int]] = []
    blank = 0
    for start, end in lines:
        if start == end:
            if current:
                blocks.append(current)
                current = []
            blank += 1
        else:
            if not current:
                gaps.append(blank)
                blank = 0
            current.append((start, end))
    if current:
        blocks.append(current)
    return blocks, gaps


def _phrase_runs(norm: str, blocks: list[list[tuple[int, int]]], gaps: list[int]) -> set[int]:
    """Indexes of the blocks that are phrases of a WeChat-style post: one short line each, no sentence end.

    WeChat posts print one phrase per line with a blank line between ("3月15日上午" / "由镇…主办的" /
    "…培训班" / "正式开班"); in a run of at least WECHAT_MIN_PHRASES such blocks (at most WECHAT_MAX_GAP
    blank lines apart), phrases one blank line apart join into a sentence and two or more end one.
    A headline over a paragraph is not a run: the paragraph under it is long.
    """
    short = [len(block) == 1 and _is_phrase(norm, *block[0]) for block in blocks]
    runs: set[int] = set()
    i = 0
    while i < len(blocks):
        j = i + 1
        while j < len(blocks) and short[i] and short[j] and gaps[j] <= WECHAT_MAX_GAP:
            j += 1
        # The phrase that ends the sentence ("热闹开场啦！", "正式上线运行！") belongs to it.
        closer = j < len(blocks) and gaps[j] == 1 and len(blocks[j]) == 1
        end = j + 1 if short[i] and closer and _is_phrase(norm, *blocks[j][0], last=True) else j
        if short[i] and end - i >= WECHAT_MIN_PHRASES:
            runs.update(range(i, end))
        i = j
    return runs


def _is_phrase(norm: str, start: int, end: int, *, last: bool = False) -> bool:
    """A short line that ends no sentence and is no list item or labelled line ("主办单位：…").

    ``last``: the phrase that ends its sentence instead ("在泉州海峡体育中心举办！").
    """
    line = norm[start:end]
    if not any(ch.isalnum() for ch in line):
        return False  # "🚀", "——": a decoration line ends the sentence above it
    return (
        _display_width(line) <= WECHAT_MAX_PHRASE
        and _ends_paragraph(norm, start, end) == last
        and not any(mark in line for mark in "：:")
        and not _LIST_ITEM_RE.match(line)
        and not _BARE_LABEL_RE.match(line)
    )


def _as_wide_as(norm: str, line: tuple[int, int], block: list[tuple[int, int]]) -> bool:
    """Whether ``line`` is about as wide as the wrapped lines of the following ``block``.

    A line cut by a column break fills the column; a headline usually does not, and one
    with an inner space ("坚持科技创新驱动 发展新质生产力") is a headline.
    """
    if len(block) < 2 or " " in norm[line[0] : line[1]].strip():
        return False
    widths = sorted(_display_width(norm[start:end]) for start, end in block[:-1])
    column = widths[len(widths) // 2]
    width = _display_width(norm[line[0] : line[1]])
    return 0.8 * column <= width <= column + 2


def _display_width(line: str) -> float:
    """Printed width in full-width cells: ASCII letters, digits and marks take half a cell."""
    return sum(0.5 if ch.isascii() else 1.0 for ch in line)


def _line_start(original: str, pos: int) -> int:
    """Offset of the first character of the line holding ``pos``."""
    return original.rfind("\n", 0, pos) + 1


def _quote_balance(segment: str) -> int:
    """Opened minus closed double quotes in a segment."""
    return segment.count("“") - segment.count("”")


def flatten(original: str, norm: str) -> tuple[list[str], list[int]]:
    """The flat text in pieces and, for each flat character, its original offset.

    Whitespace goes, except one space between two ASCII letters or digits ("JWF 1576")
    when not both are digits ("1 2 0 人" is a PDF's letter spacing for "120人");
    a paragraph break becomes one "\\n".
    """
    breaks, joins = _paragraph_breaks(original, norm)
    pieces: list[str] = []
    index: list[int] = []
    pos = 0
    last = ""
    for run in _WHITESPACE_RE.finditer(norm):
        if run.start() > pos:
            pieces.append(norm[pos : run.start()])
            index.extend(range(pos, run.start()))
            last = norm[run.start() - 1]
        newline = -1
        if "\n" in run.group():
            newline = next((k for k in range(run.start(), run.end()) if k in breaks), -1)
        after = norm[run.end() : run.end() + 1]
        joined = next((k for k in range(run.start(), run.end()) if k in joins), -1) if newline < 0 else -1
        if newline >= 0:
            if last and last != "\n":
                pieces.append("\n")
                index.append(newline)
                last = "\n"
        elif joined >= 0 and last and last not in P.CLAUSE_END + P.SENTENCE_END:
            # WeChat phrases read as the clauses they are: "5月18日，我校第六届科技节，在操场拉开帷幕"
            pieces.append(PHRASE_JOINER)
            index.append(joined)
            last = PHRASE_JOINER
        elif (
            _is_latin(last) and _is_latin(after) and not (last + after).isdigit() and run.group().strip("\n")
        ):
            pieces.append(" ")
            index.append(run.start() + len(run.group()) - len(run.group().lstrip("\n")))
        pos = run.end()
    pieces.append(norm[pos:])
    index.extend(range(pos, len(norm)))
    return pieces, index


def _is_latin(ch: str) -> bool:
    """An ASCII letter or digit."""
    return bool(ch) and ch.isascii() and ch.isalnum()


# A gutter between two printed columns: a wide run of spaces between printed characters.
_GUTTER_RE = re.compile(r"(?<=\S)(?: {3,}|[\u3000\t]{2,}| *\t *)(?=\S)")
_MIN_COLUMN_LINES = 3


def uncolumn(original: str) -> tuple[str, list[int]] | None:
    """Two columns a PDF printed side by side, read one after the other; None when there are none.

    A run of three or more lines that each have one wide gutter at about the same place
    ("…2024湖南       本报讯（记者 刘洋）…") is two columns interleaved line by line: the
    left parts are read first, a blank line, then the right parts. Returns the reordered
    text and, for each of its characters, the offset in ``original`` it came from.
    """
    if "   " not in original and "\u3000\u3000" not in original and "\t" not in original:
        return None
    lines: list[tuple[int, str]] = []
    pos = 0
    for line in original.split("\n"):
        lines.append((pos, line))
        pos += len(line) + 1
    out: list[str] = []
    index: list[int] = []
    changed = False
    i = 0
    while i < len(lines):
        j = i
        while j < len(lines) and len(_GUTTER_RE.findall(lines[j][1].strip())) == 1:
            j += 1
        if j - i >= _MIN_COLUMN_LINES:
            changed = True
            block = lines[i:j]
            rights = []
            for start, line in block:
                gutter = _GUTTER_RE.search(line, len(line) - len(line.lstrip()))
                _emit(out, index, line[: gutter.start()], start)
                _emit(out, index, "\n", start + gutter.start())
                rights.append((start + gutter.end(), line[gutter.end() :]))
            # the blank line between the columns stands where the last left part ended
            _emit(out, index, "\n", index[-1])
            for start, part in rights:
                end = start + len(part)
                _emit(out, index, part + ("\n" if end < len(original) else ""), start)
            i = j
            continue
        start, line = lines[i]
        _emit(out, index, line + ("\n" if i < len(lines) - 1 else ""), start)
        i += 1
    return ("".join(out), index) if changed else None


def _emit(out: list[str], index: list[int], text: str, start: int) -> None:
    """Append ``text``, which stands at ``start`` in the original (a newline past a part maps to its end)."""
    out.append(text)
    index.extend(range(start, start + len(text)))
