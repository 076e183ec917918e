"""Feeds through feedparser; declared charsets (gb2312 and GBK read as GB18030)."""

from datetime import date

import pytest

from events.reading.charsets import declared_charset
from events.reading.feeds import FeedEntry, NotAFeed, looks_like_feed, parse_feed

ATOM = """<?xml version="1.0" encoding="gbk"?><feed xmlns="http://www.w3.org/2005/Atom"><title>晋中科技</title>
<entry><title>科技节 开幕</title><link href="http://news.example.cn/a/1.html"/><updated>2024-03-12T08:00:00+08:00</updated>
<content type="html">&lt;p&gt;3月11日，科技节开幕。&lt;/p&gt;</content></entry>
<entry><title>没有链接</title></entry></feed>""".encode("gbk")


def test_parse_atom_feed_in_gbk():
    feed = parse_feed(ATOM)

    assert feed.title == "晋中科技"
    assert feed.entries == [
        FeedEntry(
            "http://news.example.cn/a/1.html",
            "科技节 开幕",
            date(2024, 3, 12),
            "<p>3月11日，科技节开幕。</p>",
        )
    ]
    assert looks_like_feed(ATOM) and not looks_like_feed(b"<html><body>hi</body></html>")


def test_not_a_feed():
    with pytest.raises(NotAFeed):
        parse_feed(b"<html><body><p>just a page</p></body></html>")


@pytest.mark.parametrize(
    ("data", "header", "expected"),
    [
        (b"<meta charset=gb2312>", None, "gb18030"),
        (b"", "GBK", "gb18030"),
        (b"<meta charset=utf-8>", "gb2312", "gb18030"),  # the header wins
        (b'<meta http-equiv="Content-Type" content="text/html; charset=big5">', None, "big5hkscs"),
        (b"<meta charset=no-such-codec>", None, None),
        (b"<p>nothing declared</p>", None, None),
    ],
)
def test_declared_charset(data, header, expected):
    assert declared_charset(data, header=header) == expected


def test_gb2312_label_reads_gbk_only_characters():
    data = "朱镕基 <meta charset=gb2312>".encode("gbk")

    assert data.decode(declared_charset(data)).startswith("朱镕基")
