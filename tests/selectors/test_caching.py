"""The data version: every kind of write changes it, reads do not, and cached results follow it."""

from __future__ import annotations

from collections.abc import Callable

import pytest
from django.db import connection

from events.models import Article, Event, Evidence, Source
from events.selectors import cached_until_change, data_version
from events.services import (
    confirm_events,
    delete_articles,
    hide_events,
    ingest_article,
    merge_events,
    unhide_events,
    update_event_fields,
)
from tests.factories import make_article, make_event

pytestmark = pytest.mark.django_db

TEXT = "3月11日，太谷科技节在金谷广场开幕。3月15日，科技成果签约仪式在县会议中心举行。"


@pytest.fixture
def stored() -> dict:
    article = make_article(source="太谷新闻")
    first = make_event("科技节开幕", article=article)
    second = make_event("科技节开幕式", article=article, sentence="开幕式。")
    return {"article": article, "first": first, "second": second, "source": article.source}


WRITES: dict[str, Callable[[dict], object]] = {
    "ingest-new": lambda s: ingest_article(key="new.txt", text=TEXT, published=s["first"].start),
    "curate-fields": lambda s: update_event_fields(event=s["first"], changes={"title": "太谷科技节开幕"}),
    "confirm": lambda s: confirm_events(events=[s["first"]]),
    "hide": lambda s: hide_events(events=[s["first"]]),
    "merge": lambda s: merge_events(target=s["first"], others=[s["second"]]),
    "delete-article": lambda s: delete_articles(articles=[s["article"]]),
    "source-rename": lambda s: Source.objects.filter(pk=s["source"].pk).update(name="太谷日报"),
    "source-add": lambda s: Source.objects.create(name="晋中新闻", location="/srv/news"),
    "evidence-edit": lambda s: Evidence.objects.update(sentence="改过的句子。"),
    "event-bulk-update": lambda s: Event.objects.update(place="金谷广场"),
    "article-save": lambda s: Article.objects.get(pk=s["article"].pk).save(),
    "event-delete": lambda s: Event.objects.filter(pk=s["second"].pk).delete(),
}


@pytest.mark.parametrize("write", WRITES.values(), ids=WRITES.keys())
def test_data_version_changes_on_every_kind_of_write(stored, write) -> None:
    before = data_version()

    write(stored)

    assert data_version() != before


def test_data_version_changes_on_unhide_after_hide(stored) -> None:
    hide_events(events=[stored["first"]])
    before = data_version()

    unhide_events(events=[stored["first"]])

    assert data_version() != before


def test_data_version_stays_when_only_reading(stored, client) -> None:
    before = data_version()

    client.get("/")
    client.get("/api/events")
    client.get("/calendar.ics")
    client.get(f"/events/{stored['first'].uid}/")

    assert data_version() == before


def test_data_version_is_one_query(stored, django_assert_num_queries) -> None:
    with django_assert_num_queries(1):
        data_version()


def test_cached_until_change_rebuilds_after_a_write(stored) -> None:
    builds = []

    def build() -> int:
        builds.append(1)
        return Event.objects.count()

    assert cached_until_change("test-count", (), build) == 2
    assert cached_until_change("test-count", (), build) == 2
    make_event("第三个事件")

    assert cached_until_change("test-count", (), build) == 3
    assert len(builds) == 2


def test_data_version_survives_an_emptied_table(stored) -> None:
    """A version table emptied (a restore, a flush) starts a new token, so old cache keys never return."""
    before = data_version()
    with connection.cursor() as cursor:
        cursor.execute("DELETE FROM events_dataversion")

    make_event("清空后的事件")

    assert data_version() != before
    assert data_version().split(".")[1] != before.split(".")[1]
