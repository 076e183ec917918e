"""Article text as safe HTML with temporal mentions and event evidence marked, and PDF line breaks collapsed.

Pure functions over strings and spans (no database): every text piece is escaped here, so the
result can be marked safe. Imports only Django's escaping helpers.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from django.utils.html import escape, format_html
from django.utils.safestring import SafeString, mark_safe

# A line break next to a CJK ideograph or CJK / full-width punctuation is the PDF's line width,
# not a space: "驱\n动" is one word and "3月\n11日" one date, so those breaks vanish. Breaks
# between two Latin letters or digits become one space ("PDF\nfile").
_CJK = r"\u2e80-\u9fff\uf900-\ufaff\u3000-\u303f\uff00-\uffef\u201c\u201d\u2018\u2019\u2014\u2026"
_BREAK_BETWEEN_CJK = re.compile(rf"(?<=[{_CJK}])[ \t]*\r?\n[ \t\r\n]*|[ \t]*\r?\n[ \t\r\n]*(?=[{_CJK}])")
_OTHER_BREAK = re.compile(r"[ \t]*(?:\r?\n[ \t]*)+")


def collapse_line_breaks(text: str) -> str:
    """One line of display text: breaks beside Chinese characters vanish, other breaks become a space."""
    if "\n" not in text:  # both patterns need a line feed; most sentences have none
        return text.strip()
    return _OTHER_BREAK.sub(" ", _BREAK_BETWEEN_CJK.sub("", text)).strip()


# One line break (not a blank line) with a Chinese character or punctuation on either side.
_WRAP = re.compile(rf"(?<=[{_CJK}])[ \t]*\r?\n[ \t]*(?=[^\r\n])|(?<=[^\r\n])[ \t]*\r?\n[ \t]*(?=[{_CJK}])")
ZERO_WIDTH_SPACE = "\u200b"


def join_wrapped_lines(text: str) -> str:
    """``text`` of the same length with the PDF's line wraps beside Chinese text made invisible.

    Each character of a wrap ("\n", "\r\n" and the spaces around it) becomes a zero-width space,
    so every span into the article still points at the same characters; blank lines (paragraph
    breaks) stay. ``highlight_text`` then leaves them out of the HTML, so text copied from the page
    holds no invisible characters. For the article page (``white-space: pre-wrap``).
    """
    return _WRAP.sub(lambda m: ZERO_WIDTH_SPACE * len(m[0]), text)


@dataclass(frozen=True)
class MentionMark:
    """A temporal mention to mark: span into the text and its tooltip (``2024-03-11 · day``)."""

    start: int
    end: int
    title: str


@dataclass(frozen=True)
class EvidenceMark:
    """An evidence span to mark: ``anchor`` becomes the element id; a "↗" link to ``href`` named ``label`` follows."""

    start: int
    end: int
    anchor: str
    href: str
    label: str


def _clamp(start: int, end: int, length: int) -> tuple[int, int] | None:
    start, end = max(0, min(start, length)), max(0, min(end, length))
    return (start, end) if start < end else None


def _segment_html(
    piece: str, *, at: int, evidence: Sequence[EvidenceMark], mentions: Sequence[MentionMark]
) -> str:
    """One segment: escaped text inside its mention marks, inside its evidence marks.

    Only the segment where an evidence span begins carries its id, so ids stay unique when
    mentions split an evidence span into several marks.
    """
    html = escape(piece.replace(ZERO_WIDTH_SPACE, ""))  # a joined wrap leaves nothing to copy
    for mention in mentions:
        html = format_html('<mark class="mention" title="{}">{}</mark>', mention.title, mark_safe(html))
    for ev in reversed(evidence):
        if ev.start == at:
            html = format_html('<mark class="evidence" id="{}">{}</mark>', ev.anchor, mark_safe(html))
        else:
            html = format_html('<mark class="evidence">{}</mark>', mark_safe(html))
    return html


def _evidence_link(ev: EvidenceMark) -> str:
    return format_html(
        '<a class="ev-link" href="{}" title="{}" aria-label="{}">↗</a>', ev.href, ev.label, ev.label
    )


def highlight_text(
    text: str, *, mentions: Iterable[MentionMark], evidence: Iterable[EvidenceMark]
) -> SafeString:
    """``text`` as HTML with mentions and evidence marked; overlapping spans are split into segments.

    Spans outside the text are clipped and empty ones dropped. After the last character of
    each evidence span comes a small link (``href``, ``label``) to its event. The text's own
    whitespace is kept (show it with ``white-space: pre-wrap``), except blank lines before the
    first and after the last visible character.
    """
    length = len(text)
    marks_m = [MentionMark(*span, m.title) for m in mentions if (span := _clamp(m.start, m.end, length))]
    marks_e = [
        EvidenceMark(*span, e.anchor, e.href, e.label)
        for e in evidence
        if (span := _clamp(e.start, e.end, length))
    ]
    # Blank lines before the first and after the last character (PDF extraction leaves them) are
    # not shown; offsets still count from the start of ``text``.
    first = min([len(text) - len(text.lstrip()), *(m.start for m in marks_m), *(e.start for e in marks_e)])
    last = max([len(text.rstrip()), *(m.end for m in marks_m), *(e.end for e in marks_e)])
    points = {p for mark in (*marks_m, *marks_e) for p in (mark.start, mark.end)}
    cuts = sorted({first, last, *points})
    # Sweep the cuts once, keeping the marks that cover the current segment (earliest start outermost).
    starts: dict[int, list[MentionMark | EvidenceMark]] = {}
    for mark in sorted((*marks_m, *marks_e), key=lambda m: (m.start, -m.end)):
        starts.setdefault(mark.start, []).append(mark)
    ends: dict[int, list[EvidenceMark]] = {}
    for ev in marks_e:
        ends.setdefault(ev.end, []).append(ev)
    active: dict[int, MentionMark | EvidenceMark] = {}  # insertion-ordered by start
    out: list[str] = []
    for a, b in zip(cuts, cuts[1:], strict=False):
        active = {key: mark for key, mark in active.items() if mark.end > a}
        active.update((id(mark), mark) for mark in starts.get(a, ()))
        covering_e = [m for m in active.values() if isinstance(m, EvidenceMark)]
        covering_m = [m for m in active.values() if isinstance(m, MentionMark)]
        out.append(_segment_html(text[a:b], at=a, evidence=covering_e, mentions=covering_m))
        for ev in ends.get(b, ()):
            out.append(_evidence_link(ev))
    return mark_safe("".join(out))
