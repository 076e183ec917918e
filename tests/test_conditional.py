"""ETags keyed on the data version: every kind of write changes them, an unchanged store answers 304 unrendered."""

from __future__ import annotations

import pytest
from django.core.cache import cache
from django.utils.http import parse_http_date

from tests.selectors.writes import WRITES, stored

__all__ = ["stored"]

pytestmark = pytest.mark.django_db

# Each answer that takes its ETag from the data version, as a function of the stored rows.
URLS = {
    "timeline": lambda s: "/",
    "timeline-filtered": lambda s: "/?kind=festival&q=科技",
    "event-page": lambda s: f"/events/{s['first'].uid}/",
    "article-page": lambda s: f"/articles/{s['article'].pk}/",
    "api-events": lambda s: "/api/events?limit=10",
    "api-events-csv": lambda s: "/api/events?format=csv",
    "api-event": lambda s: f"/api/events/{s['first'].uid}",
    "embed": lambda s: "/embed/",
    "regions": lambda s: "/regions/",
}


@pytest.mark.parametrize("url", URLS.values(), ids=URLS.keys())
def test_unchanged_store_answers_304_without_rendering(client, stored, url, django_assert_num_queries):
    first = client.get(url(stored))
    etag = first["ETag"]
    cache.clear()  # nothing cached helps: the 304 comes from the version alone

    with django_assert_num_queries(1):  # the data version
        again = client.get(url(stored), HTTP_IF_NONE_MATCH=etag)

    assert first.status_code == 200
    assert etag.startswith('W/"')
    assert (again.status_code, again.content, again["ETag"]) == (304, b"", etag)
    # Last-Modified is when the site first served the version, kept in the cache just cleared: the
    # 304 may stamp it anew, never earlier (equal unless a second ticked between the two requests).
    assert parse_http_date(again["Last-Modified"]) >= parse_http_date(first["Last-Modified"])
    assert "no-cache" in again["Cache-Control"]


@pytest.mark.parametrize("write", WRITES.values(), ids=WRITES.keys())
@pytest.mark.parametrize("url", URLS.values(), ids=URLS.keys())
def test_every_kind_of_write_changes_the_etag(client, stored, url, write):
    path = url(stored)
    etag = client.get(path)["ETag"]

    write(stored)
    after = client.get(path, HTTP_IF_NONE_MATCH=etag)

    # A page the write removed (a hidden event) answers 404 without an ETag; any other, a new one.
    assert after.status_code in (200, 404)
    assert after.get("ETag") != etag


def test_etag_differs_between_queries_and_hosts(client, stored):
    etags = {
        client.get("/api/events?limit=10")["ETag"],
        client.get("/api/events?limit=11")["ETag"],
        client.get("/api/events?format=csv")["ETag"],
        client.get("/api/events?format=csv", HTTP_HOST="localhost")["ETag"],  # the CSV's links name the host
        client.get("/")["ETag"],
        client.get("/?kind=signing")["ETag"],
    }

    assert len(etags) == 6


def test_json_etag_is_the_same_for_every_host(client, stored):
    """The JSON holds no links, so it is one answer (and one cached body) whatever the Host."""
    assert client.get("/api/events")["ETag"] == client.get("/api/events", HTTP_HOST="localhost")["ETag"]


def test_if_modified_since_alone_gets_the_full_answer(client, stored):
    """Dates count whole seconds, so two writes in one second would look unchanged: only the ETag is trusted."""
    first = client.get("/api/events")

    again = client.get("/api/events", HTTP_IF_MODIFIED_SINCE=first["Last-Modified"])

    assert (again.status_code, again.content) == (200, first.content)


def test_a_missing_event_has_no_etag(client, stored):
    response = client.get("/api/events/no-such-uid")

    assert response.status_code == 404
    assert not response.has_header("ETag")


def test_last_modified_is_when_the_version_was_first_served(client, stored):
    first = client.get("/")["Last-Modified"]
    same = client.get("/api/events")["Last-Modified"]
    WRITES["confirm"](stored)
    later = client.get("/")

    assert same == first
    assert parse_http_date(later["Last-Modified"]) >= parse_http_date(first)
