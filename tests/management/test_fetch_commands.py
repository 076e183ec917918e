"""`manage.py add_source` (kind detection) and `manage.py fetch` against a real local news site."""

from io import StringIO

import pytest
from django.core.management import CommandError, call_command

from events.models import Article, Source
from tests.services.news_site import serve_news_site
from tests.webserver import Page

pytestmark = pytest.mark.django_db


def run(*args: str) -> str:
    out = StringIO()
    call_command(*args, stdout=out, stderr=StringIO())
    return out.getvalue()


@pytest.mark.parametrize(
    ("path", "kind", "location"),
    [
        ("/news/", "feed", "/feed.xml"),  # the list page announces its feed
        ("/feed.xml", "feed", "/feed.xml"),
        ("/sitemap.xml", "listing", "/sitemap.xml"),
        ("/", "listing", "/sitemap.xml"),  # the home page has no feed: robots.txt names the sitemap
        ("/news/2024-03/16/content_1001.htm", "url", "/news/2024-03/16/content_1001.htm"),
        ("/epaper/node_3.htm", "epaper", "/epaper/node_3.htm"),
        ("/epaper/page3.pdf", "epaper", "/epaper/page3.pdf"),
    ],
    ids=["autodiscovery", "feed", "sitemap", "robots-sitemap", "single-page", "epaper-list", "epaper-pdf"],
)
def test_add_source_detects_kind(web, allow_private, path, kind, location):
    serve_news_site(web)
    web.pages["/"] = Page(
        "<html><head><title>晋中科技</title></head><body><p>欢迎</p></body></html>".encode()
    )
    web.pages["/epaper/node_3.htm"] = Page(b'<html><body><a href="page3.pdf">3</a></body></html>')
    web.pages["/epaper/page3.pdf"] = Page(b"%PDF-1.4 ...", headers={"Content-Type": "application/pdf"})

    out = run("add_source", web.url(path), "--no-fetch")

    source = Source.objects.get()
    assert (source.kind, source.location, source.next_fetch) == (kind, web.url(location), None)
    assert out.startswith("已添加来源「")


def test_add_source_then_fetch_again_changes_nothing(web, allow_private):
    serve_news_site(web)

    first = run(
        "add_source", web.url("/news/"), "--name", "晋中科技", "--interval", "30", "--outlet", "晋中日报"
    )
    second = run("fetch", "晋中科技")

    source = Source.objects.get()
    assert (source.fetch_interval.total_seconds(), source.outlet, Article.objects.count()) == (
        1800,
        "晋中日报",
        4,
    )
    assert "「晋中科技」正常：新增 4，变化 0，未变 0，失败 0，已不存在 0" in first
    assert "「晋中科技」未变化：新增 0，变化 0，未变 0，失败 0，已不存在 0；请求 2 次，304 1 次" in second


def test_fetch_without_names_takes_due_sources_only(web, allow_private):
    serve_news_site(web)
    run("add_source", web.url("/feed.xml"), "--name", "订阅")

    assert run("fetch") == "没有需要抓取的来源\n"
    assert "共抓取 1 个来源，失败 0 个" in run("fetch", "--all")


def test_fetch_and_add_source_errors(web, allow_private, settings):
    with pytest.raises(CommandError, match="没有名为「无此来源」的网络来源"):
        run("fetch", "无此来源")
    settings.KEJICAL_FETCH_ALLOW_PRIVATE = False
    with pytest.raises(CommandError, match="无法连接到该网址"):
        run("add_source", web.url("/feed.xml"))
    assert Source.objects.count() == 0
