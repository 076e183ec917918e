"""Near-duplicates: a story reposted by another outlet, or one page under two URLs, is one story:
the repost is stored pointing at the original, adds no events, and its outlet is listed."""

import pytest
from django.utils import timezone

from events.models import Article, Event, Source
from events.selectors import reporting_outlets
from events.services import fetch_source, reingest_stored_article
from tests.reading.news_pages import STORIES, gov_page, portal_page
from tests.webserver import Page

pytestmark = pytest.mark.django_db


def serve(web, path: str, page) -> str:
    web.pages[path] = Page(page.data, headers={"Content-Type": page.content_type})
    return web.url(path)


def url_source(name: str, url: str, outlet: str) -> Source:
    return Source.objects.create(name=name, kind=Source.Kind.URL, location=url, outlet=outlet)


def test_repost_by_another_outlet_is_one_story(web, allow_private):
    original = serve(web, "/kjj/2024-03/12/content_1.htm", gov_page(*STORIES[0]))
    repost = serve(web, "/news/2024-03/12/content_77.htm", portal_page(*STORIES[0]))
    other = serve(web, "/news/2024-03/16/content_78.htm", portal_page(*STORIES[1]))
    fetch_source(source=url_source("科技局", original, "晋中市科技局"), now=timezone.now())
    events_before = sorted(Event.objects.values_list("pk", flat=True))

    reposted = fetch_source(source=url_source("新闻网", repost, "晋中新闻网"), now=timezone.now())
    fetch_source(source=url_source("新闻网2", other, "晋中新闻网"), now=timezone.now())

    first, second, third = (Article.objects.get(url=u) for u in (original, repost, other))
    assert dict(reposted.articles) == {"new": 1}
    assert (second.duplicate_of_id, second.events_found, third.duplicate_of_id) == (first.pk, 0, None)
    festival = Event.objects.get(kind="festival")
    assert festival.pk in events_before and not Event.objects.for_article(second).exists()
    assert reporting_outlets(festival) == ["晋中市科技局", "晋中新闻网"]


def test_same_page_under_two_urls_and_refetch(web, allow_private):
    page = gov_page(*STORIES[2])
    first_url = serve(web, "/a/2024-03/21/content_5.htm", page)
    second_url = serve(web, "/a/2024-03/21/content_5.htm?from=weixin", page)
    fetch_source(source=url_source("一", first_url, ""), now=timezone.now())
    source = url_source("二", second_url, "")

    fetch_source(source=source, now=timezone.now())
    source.refresh_from_db()
    again = fetch_source(source=source, now=timezone.now())

    duplicate = Article.objects.get(key=second_url)
    assert (duplicate.duplicate_of.key, dict(again.articles)) == (first_url, {"unchanged": 1})
    assert reingest_stored_article(article=duplicate, force=True).status == "unchanged"
    assert not Event.objects.for_article(duplicate).exists()
