"""Blanks page furniture (timestamp and source lines, captions, related-article lists, page headers).

A reposted page, a WeChat post or a PDF page prints lines around the report that carry dates and
event names of their own: "2023-05-22 10:15 来源：晋中日报", "图为揭牌仪式现场。记者 李某 摄",
"相关阅读：· 和顺县举办2022年科技活动周". They date or name the page, never an event. The lines are
replaced by spaces of the same length, so every offset into the text stays an offset into the
original and the evidence of real events is cut from the original unchanged. Plain Python: no Django.
"""

from __future__ import annotations

import re
from datetime import date

from events import temporal
from events.temporal.normalize import normalize

from . import patterns as P

# A line longer than this is body text, whatever it holds.
MAX_FURNITURE_LINE = 80
_STAMP_RE = re.compile(P.STAMP_DATETIME)
# Letter-spaced labels count too: "索 引 号：", "标　　题：".
_LABEL_RE = re.compile(
    r"(?:^|[\s|｜/])(?:"
    + "|".join(r"\s*".join(label) for label in sorted(P.STAMP_LABELS, key=len, reverse=True))
    + r")\s*[:：]"
)
_PAGE_RE = re.compile(P.PAGE_HEADER + "|" + P.PAGE_FOLIO + "|" + P.BREADCRUMB + "|" + P.SITE_NAME)
_RELATED_RE = re.compile(r"^[【\[]?(?:" + "|".join(P.RELATED_HEADINGS) + r")[】\]]?\s*[:：]?\s*$")
_RELATED_INLINE_RE = re.compile(r"^[【\[]?(?:" + "|".join(P.RELATED_HEADINGS) + r")[】\]]?\s*[:：]\s*\S")
_SPACES = " \t\r\u3000\xa0"
_OPENERS = P.CAPTION_OPENERS + P.LINK_OPENERS
_CONTINUATION_RE = re.compile(P.CONTINUATION_MARK)
_WORDS_RE = re.compile("|".join(map(re.escape, P.FURNITURE_WORDS)))


def mask_furniture(text: str) -> str:
    """``text`` with its furniture lines replaced by spaces (line breaks kept); the same length.

    An e-paper's continuation marks ("（下转A05版）", "（上接第1版）") are blanked where they stand.
    """
    text = _CONTINUATION_RE.sub(lambda m: " " * len(m.group()), text)
    lines = text.split("\n")
    norms = normalize(text).split("\n")  # same length as text: the simplified view of each line
    out = []
    in_related = False
    for line, norm in zip(lines, norms, strict=True):
        stripped = norm.strip(_SPACES)
        if in_related:
            # The link list runs until a line that reads as a sentence of the report.
            in_related = not stripped.endswith(("。", "！", "？")) and len(stripped) <= 40
        if _RELATED_RE.match(stripped):
            in_related = True
        # "往期回顾：第1期培训于3月14日举行…": a related list whose first entry shares the heading's line
        inline = _RELATED_INLINE_RE.match(stripped) is not None
        masked = in_related or inline or is_furniture(stripped)
        out.append(" " * len(line) if masked else line)
    return "\n".join(out)


_PRINTS_YEAR = re.compile(r"(?:19|20)[0-9]{2}|[12１][0-9０-９]{2}年|民[國国]")
# A publication word, a masthead's page or paper, or a clock time: what the parser's page lines carry.
_PAGE_CUE = re.compile(
    "|".join(map(re.escape, temporal.patterns.PAGE_LINE_CUES))
    + "|"
    + temporal.patterns.MASTHEAD_CUE.pattern
    + r"|[0-9]:[0-5][0-9]"
)


def with_page_lines(original: str, masked: str, ref: date) -> str:
    """``masked`` with its publication lines ("发布时间：2024-03-18 11:36　来源：…") put back.

    The parser reads them as the page's own date (``role="page"``, dating no event) and needs
    them to know the text prints a year: a weekday that disagrees with "3月16日（星期五）" is
    then a misprint, not a reason to move the day to 2018. Other furniture stays blank.
    """
    out = []
    for line, blank in zip(original.split("\n"), masked.split("\n"), strict=True):
        page = (
            line != blank
            and _PRINTS_YEAR.search(line) is not None  # cheap: most furniture prints no year
            and _PAGE_CUE.search(normalize(line)) is not None
            and any(m.role == "page" for m in temporal.extract(line, ref))
        )
        out.append(line if page else blank)
    return "\n".join(out)


def is_furniture(line: str) -> bool:
    """Whether a stripped, simplified line is page furniture rather than part of a report."""
    if not line or len(line) > MAX_FURNITURE_LINE:
        return False
    if line.startswith(_OPENERS) or line.rstrip("）)").endswith(P.CAPTION_CREDITS) or _WORDS_RE.search(line):
        return True
    if "。" in line or "，" in line:
        return False  # a sentence of the report that happens to hold a time or a label
    return bool(_PAGE_RE.match(line) or _STAMP_RE.search(line) or _LABEL_RE.search(line))
