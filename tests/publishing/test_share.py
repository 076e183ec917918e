"""Adding one event to a calendar: the Google Calendar template link and the one-event .ics."""

from __future__ import annotations

from datetime import date, time
from urllib.parse import parse_qs, urlsplit

import icalendar
import pytest
import vobject

from events.publishing.share import google_calendar_link
from tests.factories import make_article, make_event

pytestmark = pytest.mark.django_db


def query(link: str) -> dict[str, str]:
    return {k: v[0] for k, v in parse_qs(urlsplit(link).query).items()}


def test_google_link_for_all_day_and_timed_events():
    fest = make_event("科技节", start=date(2024, 3, 11), end=date(2024, 3, 13), place="金谷广场")
    talk = make_event("讲座", start=date(2024, 12, 19), time=time(14, 30))

    assert query(google_calendar_link(fest, url="https://k.example/e/1")) == {
        "action": "TEMPLATE",
        "text": "科技节",
        "dates": "20240311/20240314",
        "details": "https://k.example/e/1",
        "location": "金谷广场",
        "ctz": "Asia/Shanghai",
    }
    assert query(google_calendar_link(talk, url="u"))["dates"] == "20241219T143000/20241219T153000"
    assert google_calendar_link(make_event("无日期", start=None, end=None), url="u") == ""
    last = make_event("最后一天", start=date.max, time=time(23, 30))
    assert google_calendar_link(last, url="u") == ""


def test_one_event_ics_reads_in_icalendar_and_vobject(client):
    event = make_event("科技节", article=make_article(), start=date(2024, 3, 11))

    response = client.get(f"/events/{event.uid}.ics")

    assert response.status_code == 200
    assert response["Content-Disposition"] == f'attachment; filename="event-{event.uid}.ics"'
    [vevent] = icalendar.Calendar.from_ical(response.content).walk("VEVENT")
    assert (str(vevent["SUMMARY"]), vevent["DTSTART"].dt) == ("科技节", date(2024, 3, 11))
    assert vobject.readOne(response.content.decode()).vevent.summary.value == "科技节"
    assert client.get("/events/nope.ics").status_code == 404


def test_event_page_and_timeline_cards_offer_add_to_calendar(client):
    event = make_event("科技节", article=make_article(), start=date(2024, 3, 11))

    page = client.get(f"/events/{event.uid}/").content.decode()
    timeline = client.get("/").content.decode()

    for html in (page, timeline):
        assert f'href="/events/{event.uid}.ics"' in html
        assert "https://calendar.google.com/calendar/render?action=TEMPLATE" in html
