"""Fetching web sources end to end against a real local HTTP server: feeds, list pages, sitemaps,
conditional GETs and hashes, gone pages, throttling and server errors, leases, robots.txt."""

from datetime import date, timedelta

import pytest
from django.utils import timezone

from events.models import Article, Event, FetchLog, Source
from events.services import claim_source, due_sources, fetch_source
from tests.services.news_site import serve_indexes, serve_news_site
from tests.webserver import Page

pytestmark = pytest.mark.django_db


def source_for(web, kind: str, path: str, **fields) -> Source:
    return Source.objects.create(name=f"{kind}{path}", kind=kind, location=web.url(path), **fields)


def test_fetch_feed_source_stores_articles_with_dates_and_events(web, allow_private):
    articles = serve_news_site(web)
    source = source_for(web, Source.Kind.FEED, "/feed.xml")

    run = fetch_source(source=source, now=timezone.now())

    stored = {a.url: a for a in Article.objects.all()}
    assert (run.status, dict(run.articles)) == ("ok", {"new": 4})
    assert {(a.published, a.published_how, a.title) for a in stored.values()} == {
        (p.published, how, p.title)
        for (_path, p), how in zip(articles, ["dateline", "page", "page", "dateline"], strict=True)
    }
    assert all(line in stored[web.url(path)].text for path, page in articles for line in page.body)
    assert all(
        Event.objects.for_article(a).exists() for a in stored.values()
    )  # which events: extraction's tests
    source.refresh_from_db()
    assert (source.last_status, source.consecutive_failures, source.last_counts) == ("ok", 0, {"new": 4})
    assert source.next_fetch - source.last_run == source.fetch_interval
    assert FetchLog.objects.get().counts == {"new": 4}


def test_fetch_again_costs_one_304_and_changes_nothing(web, allow_private):
    serve_news_site(web)
    source = source_for(web, Source.Kind.FEED, "/feed.xml")
    fetch_source(source=source, now=timezone.now())
    events_before = list(Event.objects.values_list("uid", "sequence", "start").order_by("uid"))
    web.requests.clear()

    source.refresh_from_db()
    run = fetch_source(source=source, now=timezone.now())

    assert (run.status, dict(run.articles), run.not_modified) == ("unchanged", {}, 1)
    assert web.paths() == ["/robots.txt", "/feed.xml"]
    assert list(Event.objects.values_list("uid", "sequence", "start").order_by("uid")) == events_before


def test_changed_page_updates_its_events_in_place(web, allow_private):
    articles = serve_news_site(web)
    source = source_for(web, Source.Kind.FEED, "/feed.xml")
    fetch_source(source=source, now=timezone.now())
    festival = Event.objects.get(kind="festival", start=date(2024, 3, 11))
    path, page = articles[0]
    changed = page.data.replace("持续到3月13日".encode(), "持续到3月14日".encode())
    web.pages[path] = Page(changed, headers={"Content-Type": page.content_type, "ETag": '"a0-v2"'})
    serve_indexes(web, articles, version="v2")

    source.refresh_from_db()
    run = fetch_source(source=source, now=timezone.now())

    after = Event.objects.get(pk=festival.pk)
    assert dict(run.articles) == {"changed": 1, "unchanged": 3}
    assert (after.uid, after.end, after.sequence) == (festival.uid, date(2024, 3, 14), festival.sequence + 1)


def test_list_page_without_validators_is_unchanged_by_its_hash(web, allow_private):
    serve_news_site(web, validators=False)
    source = source_for(web, Source.Kind.LISTING, "/news/")

    first = fetch_source(source=source, now=timezone.now())
    source.refresh_from_db()
    second = fetch_source(source=source, now=timezone.now())

    assert (dict(first.articles), dict(second.articles), second.not_modified) == (
        {"new": 4},
        {"unchanged": 4},
        0,
    )


def test_sitemap_source_reads_every_url(web, allow_private):
    articles = serve_news_site(web)
    source = source_for(web, Source.Kind.LISTING, "/sitemap.xml")

    run = fetch_source(source=source, now=timezone.now())

    assert dict(run.articles) == {"new": 4}
    assert set(Article.objects.values_list("url", flat=True)) == {web.url(path) for path, _ in articles}


def test_gone_page_is_marked_and_keeps_its_events(web, allow_private):
    articles = serve_news_site(web)
    source = source_for(web, Source.Kind.FEED, "/feed.xml")
    fetch_source(source=source, now=timezone.now())
    events_before = Event.objects.count()
    del web.pages[articles[1][0]]
    serve_indexes(web, articles, version="v2")

    source.refresh_from_db()
    run = fetch_source(source=source, now=timezone.now())

    gone = Article.objects.get(url=web.url(articles[1][0]))
    assert (dict(run.articles), run.status, gone.gone, gone.text != "") == (
        {"gone": 1, "unchanged": 3},
        "ok",
        True,
        True,
    )
    assert Event.objects.count() == events_before


@pytest.mark.parametrize(
    ("page", "status", "wait"),
    [
        (Page(b"busy", status=429, headers={"Retry-After": "900"}), "failed", timedelta(seconds=900)),
        (Page(b"oops", status=500), "failed", timedelta(hours=2)),
        (Page(b"", status=410), "gone", timedelta(hours=2)),
    ],
    ids=["429-retry-after", "500-backoff", "410-gone"],
)
def test_failing_source_backs_off_and_loses_nothing(web, allow_private, page, status, wait):
    serve_news_site(web)
    source = source_for(web, Source.Kind.FEED, "/feed.xml")
    fetch_source(source=source, now=timezone.now())
    web.pages["/feed.xml"] = page

    source.refresh_from_db()
    run = fetch_source(source=source, now=timezone.now())

    source.refresh_from_db()
    assert (run.status, source.last_status, source.consecutive_failures) == (status, status, 1)
    assert abs(source.next_fetch - source.last_run - wait) < timedelta(seconds=1)
    assert (Article.objects.count(), source.last_success is not None) == (4, True)
    assert source.last_error.startswith(web.url("/feed.xml") + ": ")


def test_due_sources_and_claims(web, allow_private):
    now = timezone.now()
    due = Source.objects.create(name="到期", kind=Source.Kind.FEED, location="http://a.example/feed")
    Source.objects.create(
        name="未到期",
        kind=Source.Kind.FEED,
        location="http://b.example/feed",
        next_fetch=now + timedelta(minutes=5),
    )
    Source.objects.create(name="暂停", kind=Source.Kind.FEED, location="http://c.example/feed", active=False)
    Source.objects.create(name="文件夹", kind=Source.Kind.FOLDER, location="/tmp")

    assert due_sources(now=now) == [due]
    assert (claim_source(due, now=now), claim_source(due, now=now)) == (True, False)
    assert due_sources(now=now) == []
    busy = fetch_source(source=due, now=now)
    assert (busy.busy, web.requests) == (True, [])
    assert claim_source(due, now=now + timedelta(hours=1))  # a dead worker's lease runs out


def test_robots_txt_disallowed_page_is_skipped(web, allow_private):
    serve_news_site(web)
    web.pages["/private/1.htm"] = Page("<p>内部文章。</p>".encode(), headers={"Content-Type": "text/html"})
    source = source_for(web, Source.Kind.URL, "/private/1.htm")

    run = fetch_source(source=source, now=timezone.now())

    assert (run.status, dict(run.articles), web.paths()) == ("failed", {"failed": 1}, ["/robots.txt"])
    assert run.problems == [f"{web.url('/private/1.htm')}: robots.txt 不允许抓取该网址"]
