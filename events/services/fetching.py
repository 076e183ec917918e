"""Fetching from the web for sources: the fetch policy from settings, wrapped around ``reading.web.fetch``."""

from __future__ import annotations

from django.conf import settings

from events.reading.web import Fetched, FetchPolicy, fetch

USER_AGENT = "kejicalendar/0.1 (+{contact})"  # header values are Latin-1: no Chinese here


def fetch_policy() -> FetchPolicy:
    """The limits every fetch runs under, from settings (``KEJICAL_FETCH_*``)."""
    return FetchPolicy(
        user_agent=USER_AGENT.format(contact=settings.KEJICAL_FETCH_CONTACT_URL),
        allow_private=settings.KEJICAL_FETCH_ALLOW_PRIVATE,
        max_bytes=settings.KEJICAL_FETCH_MAX_BYTES,
    )


def fetch_url(url: str, *, etag: str = "", last_modified: str = "") -> Fetched:
    """GET ``url`` under ``fetch_policy()``; raises ``reading.web.FetchError`` subclasses."""
    return fetch(url, policy=fetch_policy(), etag=etag, last_modified=last_modified)
