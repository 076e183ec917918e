"""A page's publication date and how it was known: metadata, <time>, dateline, URL."""

from datetime import date

import pytest

from events.reading.page_dates import PageDate, dateline_date, parse_date_string, published_of_page, url_date


@pytest.mark.parametrize(
    ("html", "url", "expected"),
    [
        (
            '<meta property="article:published_time" content="2024-03-12T08:00:00+08:00"><h1>标题</h1>',
            "",
            PageDate(
                date(2024, 3, 12),
                "page",
                "发布日期取自网页元数据 <meta article:published_time>（2024-03-12T08:00:00+08:00）",
            ),
        ),
        (
            '<meta name="PubDate" content="2024年3月9日 10:20">',
            "",
            PageDate(date(2024, 3, 9), "page", "发布日期取自网页元数据 <meta pubdate>（2024年3月9日 10:20）"),
        ),
        (
            '<meta name="pubdate" content="12 March 2024">',
            "",
            PageDate(date(2024, 3, 12), "page", "发布日期取自网页元数据 <meta pubdate>（12 March 2024）"),
        ),
        (
            '<time datetime="2024-03-08">3月8日</time>',
            "",
            PageDate(date(2024, 3, 8), "page", "发布日期取自网页的 <time> 标记（2024-03-08）"),
        ),
        (
            "<h1>科技节开幕</h1><div>发布时间：2024/03/11 09:00 来源：本站</div>",
            "",
            PageDate(date(2024, 3, 11), "dateline", "发布日期取自网页上的电头/发布时间（2024-03-11）"),
        ),
        (
            "<p>没有日期</p>",
            "http://news.example.cn/xwzx/202403/t20240310_123456.html",
            PageDate(date(2024, 3, 10), "url", "发布日期取自网址中的日期（2024-03-10）"),
        ),
        ("<p>没有日期</p>", "http://news.example.cn/a/123.html", PageDate(None)),
    ],
    ids=["og-meta", "chinese-meta", "english-meta-dateparser", "time", "dateline", "url", "none"],
)
def test_published_of_page(html, url, expected):
    assert published_of_page(f"<html><body>{html}</body></html>", url=url) == expected


@pytest.mark.parametrize(
    ("url", "day"),
    [
        ("http://x.cn/2024-03/12/c_1130.htm", date(2024, 3, 12)),
        ("http://x.cn/html/2024/03/12/content_5.htm", date(2024, 3, 12)),
        ("http://x.cn/gzdt/202403/t20240312_88.html", date(2024, 3, 12)),
        ("http://x.cn/news/20240312/1.shtml", date(2024, 3, 12)),
        ("http://x.cn/news/123456789.html", None),
        ("http://x.cn/2024-13/45/1.htm", None),
    ],
)
def test_url_date(url, day):
    assert url_date(url) == day


def test_dateline_needs_a_label_and_dates_parse_leniently():
    assert dateline_date("来源：晋中日报 2024年3月12日") == date(2024, 3, 12)
    assert dateline_date("2024年3月12日，科技节开幕") is None
    assert (parse_date_string(""), parse_date_string("不是日期")) == (None, None)
