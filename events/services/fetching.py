"""Polite fetching for sources: the policy from settings, robots.txt, crawl-delay and a per-host rate limit.

The rate limit is shared by every worker through Django's cache (``cache.add`` is atomic on Redis and
in local memory): a host gets at most one request per ``KEJICAL_FETCH_HOST_INTERVAL`` seconds, or per
its robots.txt Crawl-delay when that is longer. robots.txt is read with the standard library's
``urllib.robotparser`` once per host per ``Fetcher`` (one fetch run).
"""

from __future__ import annotations

import math
import time
import urllib.robotparser
from urllib.parse import urlsplit

import requests
from django.conf import settings
from django.core.cache import cache

from events.reading.web import Fetched, FetchError, FetchPolicy, Gone, Throttled, fetch, new_session

USER_AGENT = "kejicalendar/0.1 (+{contact})"  # header values are Latin-1: no Chinese here
ROBOTS_AGENT = "kejicalendar"
# How often the rate limiter looks again whether a host's turn has come.
TURN_POLL_SECONDS = 0.05


class DisallowedByRobots(FetchError):
    """robots.txt forbids this URL to us: skipped, never retried."""


def fetch_policy() -> FetchPolicy:
    """The limits every fetch runs under, from settings (``KEJICAL_FETCH_*``)."""
    return FetchPolicy(
        user_agent=USER_AGENT.format(contact=settings.KEJICAL_FETCH_CONTACT_URL),
        allow_private=settings.KEJICAL_FETCH_ALLOW_PRIVATE,
        max_bytes=settings.KEJICAL_FETCH_MAX_BYTES,
    )


class Fetcher:
    """One fetch run's connection pool, robots.txt cache and rate limiting. Use as a context manager."""

    def __init__(self, *, policy: FetchPolicy | None = None, host_interval: float | None = None) -> None:
        self.policy = policy or fetch_policy()
        self.host_interval = settings.KEJICAL_FETCH_HOST_INTERVAL if host_interval is None else host_interval
        self.session: requests.Session = new_session(self.policy)
        self.requests = 0
        self._robots: dict[str, urllib.robotparser.RobotFileParser | None] = {}

    def __enter__(self) -> Fetcher:
        return self

    def __exit__(self, *exc: object) -> None:
        self.session.close()

    def get(self, url: str, *, etag: str = "", last_modified: str = "") -> Fetched:
        """GET ``url`` if robots.txt allows it, after waiting for the host's turn."""
        robots = self._robots_for(url)
        if robots is not None and not robots.can_fetch(ROBOTS_AGENT, url):
            raise DisallowedByRobots("robots.txt 不允许抓取该网址", url=url)
        delay = (robots.crawl_delay(ROBOTS_AGENT) if robots is not None else None) or 0
        self._wait_turn(url, max(self.host_interval, float(delay)))
        self.requests += 1
        return fetch(url, policy=self.policy, session=self.session, etag=etag, last_modified=last_modified)

    def _robots_for(self, url: str) -> urllib.robotparser.RobotFileParser | None:
        """The host's robots.txt rules; None when it has none (404) or refuses it to us (403): all allowed.

        Other failures (5xx, unreachable) propagate, so the run fails and is retried, as RFC 9309 asks.
        """
        parts = urlsplit(url)
        origin = f"{parts.scheme}://{parts.netloc}"
        if origin not in self._robots:
            self._wait_turn(url, self.host_interval)
            self.requests += 1
            try:
                fetched = fetch(f"{origin}/robots.txt", policy=self.policy, session=self.session)
                parser = urllib.robotparser.RobotFileParser()
                parser.parse(fetched.content.decode("utf-8", errors="replace").splitlines())
                self._robots[origin] = parser
            except (Gone, Throttled):
                self._robots[origin] = None
        return self._robots[origin]

    def robots_text(self, url: str) -> str:
        """The raw robots.txt of ``url``'s site ("" when it has none), for sitemap discovery."""
        parts = urlsplit(url)
        try:
            return self.get(f"{parts.scheme}://{parts.netloc}/robots.txt").content.decode("utf-8", "replace")
        except (Gone, Throttled, DisallowedByRobots):
            return ""

    def _wait_turn(self, url: str, interval: float) -> None:
        if interval <= 0:
            return
        key = f"kejical:fetch-turn:{urlsplit(url).hostname}"
        # Whole seconds: the Redis cache takes no fractions, so 0.5 s becomes 1 s there and here alike.
        while not cache.add(key, 1, timeout=math.ceil(interval)):
            time.sleep(TURN_POLL_SECONDS)
