"""Tests for events.publishing.highlight: escaping, overlapping marks and PDF line-break collapsing."""

import html
import re

import pytest
from hypothesis import given
from hypothesis import strategies as st

from events.publishing.highlight import EvidenceMark, MentionMark, collapse_line_breaks, highlight_text


def ev(start: int, end: int, n: int = 1) -> EvidenceMark:
    return EvidenceMark(start, end, f"ev-{n}", f"/events/e{n}/", f"事件{n}")


def link(n: int = 1) -> str:
    return f'<a class="ev-link" href="/events/e{n}/" title="事件{n}" aria-label="事件{n}">↗</a>'


def test_highlight_text_without_marks_is_the_escaped_text():
    assert highlight_text('a<b> & "c"\n x', mentions=[], evidence=[]) == "a&lt;b&gt; &amp; &quot;c&quot;\n x"


def test_highlight_text_mention_inside_evidence_is_nested():
    html = highlight_text(
        "今天3月11日开幕。后来", mentions=[MentionMark(2, 7, "2024-03-11 · day")], evidence=[ev(0, 10)]
    )

    assert html == (
        '<mark class="evidence" id="ev-1">今天</mark>'
        '<mark class="evidence"><mark class="mention" title="2024-03-11 · day">3月11日</mark></mark>'
        '<mark class="evidence">开幕。</mark>' + link() + "后来"
    )


def test_highlight_text_mention_crossing_evidence_start_is_split():
    html = highlight_text("ab3月cd", mentions=[MentionMark(1, 4, "m")], evidence=[ev(2, 6)])

    assert html == (
        'a<mark class="mention" title="m">b</mark>'
        '<mark class="evidence" id="ev-1"><mark class="mention" title="m">3月</mark></mark>'
        '<mark class="evidence">cd</mark>' + link()
    )


def test_highlight_text_overlapping_evidence_keeps_ids_unique():
    html = highlight_text("0123456789", mentions=[], evidence=[ev(0, 6, 1), ev(4, 10, 2)])

    assert html == (
        '<mark class="evidence" id="ev-1">0123</mark>'
        '<mark class="evidence"><mark class="evidence" id="ev-2">45</mark></mark>' + link(1)
        + '<mark class="evidence">6789</mark>' + link(2)
    )  # fmt: skip
    assert html.count('id="ev-1"') == html.count('id="ev-2"') == 1


def test_highlight_text_escapes_every_piece_and_attribute():
    html = highlight_text(
        "<script>x</script>",
        mentions=[MentionMark(0, 8, '"><img src=x>')],
        evidence=[EvidenceMark(8, 18, 'a"b', 'javascript:"x"', "<t>")],
    )

    assert "<script>" not in html and "<img" not in html and "<t>" not in html
    assert '<mark class="mention" title="&quot;&gt;&lt;img src=x&gt;">&lt;script&gt;</mark>' in html
    assert '<mark class="evidence" id="a&quot;b">x&lt;/script&gt;</mark>' in html


def test_highlight_text_clips_spans_outside_the_text_and_drops_empty_ones():
    html = highlight_text(
        "abc", mentions=[MentionMark(2, 99, "m"), MentionMark(5, 9, "gone")], evidence=[ev(1, 1)]
    )

    assert html == 'ab<mark class="mention" title="m">c</mark>'


def test_highlight_text_drops_blank_lines_around_the_text_but_keeps_offsets():
    html = highlight_text("\n\n  ab\ncd \n\n", mentions=[MentionMark(5, 6, "m")], evidence=[])

    assert html == 'a<mark class="mention" title="m">b</mark>\ncd'


def test_highlight_text_keeps_leading_space_that_a_mark_covers():
    assert (
        highlight_text(" ab", mentions=[MentionMark(0, 2, "m")], evidence=[])
        == '<mark class="mention" title="m"> a</mark>b'
    )


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("3月\n11日，农历二月初二", "3月11日，农历二月初二"),
        ("坚持科技创新驱\n动，发展", "坚持科技创新驱动，发展"),
        ("签约，\n总投资 16.7亿元", "签约，总投资 16.7亿元"),
        ("PDF\nfile", "PDF file"),
        ("  a \r\n\r\n b  ", "a b"),
        ("共有 15\n个项目", "共有 15个项目"),
    ],
    ids=["date", "word", "punctuation", "latin", "crlf-blank-lines", "digit-then-cjk"],
)
def test_collapse_line_breaks(text, expected):
    assert collapse_line_breaks(text) == expected


SPANS = st.lists(st.tuples(st.integers(-5, 45), st.integers(-5, 45)), max_size=4)


@given(text=st.text(max_size=40), mentions=SPANS, evidence=SPANS)
def test_highlight_text_keeps_the_text_whatever_the_spans(text, mentions, evidence):
    """Reversed, empty, overlapping and out-of-range spans never fail, and never lose or add text."""
    marked = highlight_text(
        text,
        mentions=[MentionMark(a, b, "<t>") for a, b in mentions],
        evidence=[ev(a, b, n) for n, (a, b) in enumerate(evidence)],
    )

    shown = html.unescape(re.sub(r"<[^>]*>", "", re.sub(r"<a [^>]*>↗</a>", "", marked)))
    assert text.strip() in shown and shown in text


def test_join_wrapped_lines_keeps_offsets_and_paragraphs():
    from events.publishing.highlight import join_wrapped_lines

    text = "科技创新驱\n动，发展\n\n第二段 PDF\nfile 3月\r\n11日"

    joined = join_wrapped_lines(text)

    assert len(joined) == len(text)
    assert joined == "科技创新驱\u200b动，发展\n\n第二段 PDF\nfile 3月\u200b\u200b11日"
