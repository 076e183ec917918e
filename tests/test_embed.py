"""The embeddable list: no script, no site chrome, links open a new tab, any site may frame it."""

from __future__ import annotations

from datetime import date, timedelta

import pytest

from events.services.regions import region_fields_for_code
from tests.factories import make_event

pytestmark = pytest.mark.django_db


def test_embed_lists_upcoming_events_of_the_filters_and_may_be_framed(client):
    today = date.today()
    soon = make_event("榆次科技节", start=today + timedelta(days=3), **region_fields_for_code("140702"))
    make_event("太原博览会", start=today + timedelta(days=1), **region_fields_for_code("140100"))
    make_event("去年的论坛", start=today - timedelta(days=400), **region_fields_for_code("140702"))

    response = client.get("/embed/", {"county": "140702"})
    html = response.content.decode()

    assert response.status_code == 200
    assert "X-Frame-Options" not in response
    policy = dict(part.strip().split(" ", 1) for part in response["Content-Security-Policy"].split(";"))
    assert policy["frame-ancestors"] == "*" and policy["script-src"] == "'self'"
    assert "<script" not in html and "<header" not in html and "<nav" not in html
    assert "即将举行的科技活动" in html
    assert f'href="http://testserver/events/{soon.uid}/" target="_blank" rel="noopener"' in html
    assert "太原博览会" not in html and "去年的论坛" not in html
    assert 'href="http://testserver/?county=140702" target="_blank"' in html


def test_embed_without_upcoming_events_shows_the_latest(client):
    make_event("去年的论坛", start=date.today() - timedelta(days=400))

    html = client.get("/embed/").content.decode()

    assert "最近的科技活动" in html and "去年的论坛" in html
