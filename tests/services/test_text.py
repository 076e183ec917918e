"""Decoding and refusing article input (events/services/text.py); no database needed."""

from __future__ import annotations

import pytest

from events.services.text import (
    IngestError,
    check_article_text,
    decode_bytes,
    html_to_text,
    read_article_file,
)

SEED_LINE = "3月11日，农历二月初二，以“坚持科技创新驱动，发展新质生产力”为主题的山西·太谷第二十一届科技节在太谷区金谷广场开幕。"
TRADITIONAL = "3月11日，農曆二月初二，以「堅持科技創新驅動，發展新質生產力」為主題的山西·太谷第二十一屆科技節在太谷區金谷廣場開幕。"


@pytest.mark.parametrize(
    ("text", "encoding", "expected"),
    [
        (SEED_LINE, "gbk", "gb18030"),
        (SEED_LINE.replace("·", ""), "gb2312", "gb18030"),
        (SEED_LINE + "𠀀", "gb18030", "gb18030"),
        (TRADITIONAL, "big5", "big5"),
        ("科技节", "gbk", "gb18030"),
        ("科技節", "big5", "big5"),
        (SEED_LINE, "utf-8", "utf-8"),
        ("\ufeff" + SEED_LINE, "utf-8", "utf-8"),
        (SEED_LINE, "utf-16", "utf-16"),
    ],
    ids=[
        "gbk",
        "gb2312",
        "gb18030-4byte",
        "big5",
        "gbk-short",
        "big5-short",
        "utf8",
        "utf8-bom",
        "utf16-bom",
    ],
)
def test_decode_bytes_detects_chinese_encodings(text, encoding, expected):
    decoded, found = decode_bytes(text.encode(encoding))

    assert (decoded.removeprefix("\ufeff"), found) == (text.removeprefix("\ufeff"), expected)


@pytest.mark.parametrize(
    ("data", "message"),
    [(b"", "empty file"), (b"  \n\n", "empty file"), (b"PK\x03\x04\x00\x00binary", "NUL bytes")],
    ids=["empty", "blank", "zip"],
)
def test_decode_bytes_refuses_empty_and_binary(data, message):
    with pytest.raises(IngestError, match=message):
        decode_bytes(data)


def test_check_article_text_normalises_line_ends_and_bom():
    assert check_article_text("\ufeff第一行\r\n第二行\r第三行") == "第一行\n第二行\n第三行"


def test_read_article_file_html_keeps_paragraphs_and_title(tmp_path):
    page = tmp_path / "a.html"
    page.write_bytes(
        "<html><head><title>科技节 &amp; 签约</title><script>var x=1</script></head>"
        "<body><p>3月11日科技节开幕。</p><p>15个项目签约。</p></body></html>".encode("gbk")
    )

    article = read_article_file(page)

    assert (article.title, article.text, article.encoding) == (
        "科技节 & 签约",
        "3月11日科技节开幕。\n\n15个项目签约。",
        "gb18030",
    )


def test_read_article_file_refuses_huge_file_by_size(tmp_path, settings):
    settings.KEJICAL_MAX_ARTICLE_CHARS = 10
    (tmp_path / "big.txt").write_bytes(b"a" * 41)

    with pytest.raises(IngestError, match="too big"):
        read_article_file(tmp_path / "big.txt")


def test_html_to_text_drops_scripts():
    assert html_to_text("<div>甲<script>乙</script><style>丙</style>丁</div>") == ("", "甲丁")


def _with_bad_byte(data: bytes, at: int = 11) -> bytes:
    """A stray byte between two characters ("3月11日，农|历" in GB, "3月11日，農|曆" in Big5).

    One inside a two-byte character would shift every byte after it up to the next ASCII one;
    no decoder recovers from that, and then the file is refused (see the next test).
    """
    return data[:at] + b"\xff" + data[at:]


@pytest.mark.parametrize(
    ("data", "expected", "encoding"),
    [
        (SEED_LINE.encode("utf-16-le"), SEED_LINE, "utf-16-le"),
        (TRADITIONAL.encode("utf-16-be"), TRADITIONAL, "utf-16-be"),
        (
            _with_bad_byte(SEED_LINE.encode("gbk")),
            SEED_LINE[:7] + "\ufffd" + SEED_LINE[7:],
            "gb18030 (1 bad bytes replaced)",
        ),
        (
            _with_bad_byte(TRADITIONAL.encode("big5")),
            TRADITIONAL[:7] + "\ufffd" + TRADITIONAL[7:],
            "big5 (1 bad bytes replaced)",
        ),
        (SEED_LINE.encode("utf-8")[:-1], SEED_LINE[:-1] + "\ufffd", "utf-8 (1 bad bytes replaced)"),
    ],
    ids=["utf16le-no-bom", "utf16be-no-bom", "gbk-stray-byte", "big5-stray-byte", "utf8-cut-at-end"],
)
def test_decode_bytes_reads_damaged_and_bomless_chinese(data, expected, encoding):
    assert decode_bytes(data) == (expected, encoding)


def test_decode_bytes_still_refuses_many_bad_bytes():
    data = bytes(b if i % 7 else 0xFF for i, b in enumerate(SEED_LINE.encode("gbk")))

    with pytest.raises(IngestError, match="cannot tell the text encoding"):
        decode_bytes(data)


LONG_NEWS = (
    "3月11日，科技节在金谷广场开幕。" * 200
)  # long enough that one bad character stays above the printable ratio


@pytest.mark.parametrize(
    ("bad", "message"),
    [("\ud800", "lone surrogate"), ("\udfff", "lone surrogate"), ("\x00", "NUL")],
    ids=["high-surrogate", "low-surrogate", "nul"],
)
def test_check_article_text_refuses_one_unstorable_character_in_a_long_text(bad, message):
    with pytest.raises(IngestError, match=message):
        check_article_text(LONG_NEWS + bad + LONG_NEWS, what="k")
