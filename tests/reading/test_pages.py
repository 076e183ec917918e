"""Main text of article pages: trafilatura, and the fallback where it keeps the furniture."""

import pytest

from events.reading.charsets import declared_charset
from events.reading.pages import extract_article, fallback_main_text, page_title, prose_score
from tests.reading.news_pages import all_pages


def decoded(page) -> str:
    return page.data.decode(declared_charset(page.data, header=page.content_type.partition("charset=")[2]))


@pytest.mark.parametrize("page", all_pages()[:4], ids=lambda p: p.template)
def test_extract_article_keeps_the_body_and_drops_menus_and_footers(page):
    result = extract_article(decoded(page))

    assert all(line in result.text for line in page.body)
    assert [
        f
        for f in page.furniture
        if f in result.text and f not in ("分享到：微信 微博 QQ空间 打印本页 关闭窗口",)
    ] == []
    assert result.title == page.title


def test_fallback_reads_br_separated_lines_inside_one_div():
    html = "<div class=menu><a>首页</a><a>新闻</a></div><div class=TRS_Editor>第一段，科技节开幕。<br>第二段，展览开展。</div>"

    assert fallback_main_text(html) == "第一段，科技节开幕。\n第二段，展览开展。"


def test_empty_and_broken_pages():
    assert (fallback_main_text(""), page_title("   "), extract_article("<html></html>").text) == ("", "", "")


def test_prose_score_prefers_sentences_over_menus():
    assert prose_score("首页 新闻 科技\n科技节在金谷广场开幕。") == 10 - 6
