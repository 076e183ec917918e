"""Politeness: the User-Agent, robots.txt rules and Crawl-delay, the per-host turn shared through the cache."""

import pytest
from django.core.cache import cache

from events.services import fetching
from events.services.fetching import DisallowedByRobots, Fetcher
from tests.webserver import Page


@pytest.fixture(autouse=True)
def fresh_cache():
    cache.clear()
    yield
    cache.clear()


def test_fetcher_names_itself_and_follows_robots(web, allow_private, settings):
    settings.KEJICAL_FETCH_CONTACT_URL = "https://kejical.example.cn/about"
    web.pages["/robots.txt"] = Page(
        b"User-agent: kejicalendar\nDisallow: /private/\n\nUser-agent: *\nDisallow: /"
    )
    web.pages["/news/1.htm"] = Page(b"<p>ok</p>")

    with Fetcher() as fetcher:
        fetched = fetcher.get(web.url("/news/1.htm"))
        with pytest.raises(DisallowedByRobots):
            fetcher.get(web.url("/private/2.htm"))

    assert (fetched.status, web.paths()) == (200, ["/robots.txt", "/news/1.htm"])
    assert {headers["User-Agent"] for _m, _p, headers in web.requests} == {
        "kejicalendar/0.1 (+https://kejical.example.cn/about)"
    }


def test_second_worker_waits_for_the_hosts_turn_and_crawl_delay(web, allow_private, monkeypatch):
    web.pages["/robots.txt"] = Page(b"User-agent: *\nCrawl-delay: 3\n")
    web.pages["/a.htm"] = Page(b"a")
    turns, waits = [], []
    real_add = fetching.cache.add

    def add(key, value, timeout):  # the real cache.add, with its timeouts noted
        turns.append(timeout)
        return real_add(key, value, timeout=timeout)

    def sleep(seconds):  # instead of waiting out the turn, let it pass
        waits.append(seconds)
        cache.clear()

    monkeypatch.setattr(fetching.cache, "add", add)
    monkeypatch.setattr(fetching.time, "sleep", sleep)
    with Fetcher(host_interval=1) as one, Fetcher(host_interval=1) as other:
        one.get(web.url("/a.htm"))
        other.get(web.url("/a.htm"))

    assert turns[:2] == [1, 3]  # robots.txt at the host interval, then the page at its Crawl-delay
    assert waits and web.paths() == ["/robots.txt", "/a.htm", "/robots.txt", "/a.htm"]


def test_missing_robots_allows_everything(web, allow_private):
    web.pages["/a.htm"] = Page(b"a")

    with Fetcher() as fetcher:
        assert fetcher.get(web.url("/a.htm")).content == b"a"
