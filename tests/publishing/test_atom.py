"""The Atom feed of new and changed events, read back with feedparser."""

from __future__ import annotations

from datetime import date

import feedparser
import pytest

from events.services import hide_events, update_event_fields
from events.services.regions import region_fields_for_code
from tests.factories import make_article, make_event

pytestmark = pytest.mark.django_db


def entries(client, url: str = "/feeds/events.atom") -> list:
    response = client.get(url)
    assert response.status_code == 200, response.content
    assert response["Content-Type"] == "application/atom+xml; charset=utf-8"
    parsed = feedparser.parse(response.content)
    assert not parsed.bozo, parsed.bozo_exception
    return parsed.entries


def test_atom_feed_has_one_entry_per_change_and_cancellations(client):
    article = make_article(title="晋中日报报道")
    fest = make_event("科技节", article=article, start=date(2024, 3, 11), **region_fields_for_code("140702"))
    sign = make_event("项目签约", article=article, start=date(2024, 3, 12))
    first = {e.title: e.id for e in entries(client)}

    update_event_fields(event=fest, changes={"title": "第二十一届科技节"})
    hide_events(events=[sign])
    second = entries(client)

    assert set(first) == {"新事件：科技节", "新事件：项目签约"}
    assert [e.title for e in second] == ["已取消：项目签约", "已更新：第二十一届科技节"]
    assert second[1].id != first["新事件：科技节"]  # a change is a new entry, the old one stays read
    assert second[1].link.endswith(f"/events/{fest.uid}/")
    assert "晋中日报报道" in second[1].summary


def test_atom_feed_takes_the_timelines_filters_canonically(client):
    make_event("榆次科技节", **region_fields_for_code("140702"))
    make_event("太原博览会", **region_fields_for_code("140100"))

    assert [e.title for e in entries(client, "/feeds/events.atom?county=140702")] == ["新事件：榆次科技节"]
    moved = client.get("/feeds/events.atom?county=榆次区")
    assert (moved.status_code, moved["Location"]) == (301, "/feeds/events.atom?county=140702")
    assert client.get("/feeds/events.atom?from=2024-13").status_code == 400
