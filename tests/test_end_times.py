"""End to end: an event's end time, read from an article, in every form the site publishes.

From ingestion (``services.ingest_article``) through storage (``Event.end_time``, re-ingestion,
curation) to the feeds (iCal read back by icalendar and vobject, the one-event .ics, Atom read by
feedparser), the Google Calendar link, JSON-LD, CSV, the API and the pages.
"""

from __future__ import annotations

import csv
import io
import json
import re
from datetime import date, datetime, time, timedelta
from urllib.parse import parse_qs, urlparse

import feedparser
import icalendar
import pytest
import vobject
from django.core.cache import cache
from django.core.exceptions import ValidationError
from django.utils import timezone
from ninja.testing import TestClient

from events.models import Event
from events.services import ingest_article, update_event_fields
from kejicalendar.api import api

pytestmark = pytest.mark.django_db
TODAY = timezone.localdate()
SOON = TODAY + timedelta(days=10)  # inside the default feed window whatever day the suite runs
SHANGHAI = timedelta(hours=8)


def day(d: date) -> str:
    return f"{d.year}年{d.month}月{d.day}日"


@pytest.fixture(autouse=True)
def fresh_cache():
    cache.clear()
    yield
    cache.clear()


def ingest(text: str, key: str = "https://news.example/end-times") -> Event:
    ingest_article(key=key, text=text, title="科技节", url=key, published=TODAY)
    [event] = Event.objects.filter(evidence__article__key=key).distinct()
    return event


@pytest.fixture
def one_day() -> Event:
    return ingest(f"第十届科技节于{day(SOON)}上午9时在市民广场开幕，活动将于{day(SOON)}下午5时结束。")


@pytest.fixture
def span() -> Event:
    last = SOON + timedelta(days=2)
    return ingest(
        f"第五届科技成果展览会{day(SOON)}上午9时在市会展中心开幕，{day(last)}下午5时闭幕。",
        "https://news.example/span",
    )


def ical_times(body: bytes, uid: str) -> tuple[datetime, datetime]:
    [vevent] = [v for v in icalendar.Calendar.from_ical(body).walk("VEVENT") if uid in str(v["UID"])]
    assert (vevent["DTSTART"].params["TZID"], vevent["DTEND"].params["TZID"]) == ("Asia/Shanghai",) * 2
    return vevent["DTSTART"].dt, vevent["DTEND"].dt


def vobject_times(body: bytes, uid: str) -> tuple[datetime, datetime]:
    [vevent] = [v for v in vobject.readOne(body.decode("utf-8")).vevent_list if uid in v.uid.value]
    return vevent.dtstart.value, vevent.dtend.value


def local(d: date, at: time) -> tuple[date, time, timedelta]:
    return (d, at, SHANGHAI)


def as_local(value: datetime) -> tuple[date, time, timedelta]:
    return (value.date(), value.time(), value.utcoffset())


def test_ingest_stores_the_end_time_of_a_one_day_and_a_multi_day_event(one_day):
    assert (one_day.start, one_day.time, one_day.end, one_day.end_time) == (SOON, time(9), SOON, time(17))


def test_ingest_stores_a_timed_span(span):
    assert (span.start, span.time, span.end, span.end_time) == (
        SOON,
        time(9),
        SOON + timedelta(days=2),
        time(17),
    )


@pytest.mark.parametrize("url", ["/calendar.ics", "/events/{uid}.ics"], ids=["feed", "one-event"])
def test_ical_dtend_has_the_end_time_in_icalendar_and_vobject(client, one_day, span, url):
    for event in (one_day, span):
        body = client.get(url.format(uid=event.uid)).content
        for start, end in (ical_times(body, event.uid), vobject_times(body, event.uid)):
            assert (as_local(start), as_local(end)) == (
                local(event.start, time(9)),
                local(event.end, time(17)),
            )


def test_atom_entry_and_google_link_and_json_ld_carry_the_end(client, span):
    entry = feedparser.parse(client.get("/feeds/events.atom").content).entries[0]
    page = client.get(f"/events/{span.uid}/").content.decode()
    google = re.search(r'href="(https://calendar\.google\.com/[^"]+)"', page).group(1).replace("&amp;", "&")
    [ld] = [json.loads(m) for m in re.findall(r'<script type="application/ld\+json">(.*?)</script>', page)]

    label = f"{day(SOON)} 9:00—{day(span.end).removeprefix(f'{SOON.year}年').removeprefix(f'{SOON.month}月')} 17:00"
    assert f"日期：{label}" in entry.summary
    assert parse_qs(urlparse(google).query)["dates"] == [f"{SOON:%Y%m%d}T090000/{span.end:%Y%m%d}T170000"]
    assert (ld["startDate"], ld["endDate"]) == (
        f"{SOON.isoformat()}T09:00+08:00",
        f"{span.end.isoformat()}T17:00+08:00",
    )


def test_pages_show_the_hours(client, one_day):
    hours = f"{day(SOON)} 9:00—17:00"

    assert hours in client.get(f"/events/{one_day.uid}/").content.decode()
    assert hours in client.get(f"/?year={SOON.year}").content.decode()


def test_api_and_csv_give_the_end_time(client, one_day):
    [item] = TestClient(api).get("/events").json()["items"]
    rows = list(
        csv.DictReader(io.StringIO(b"".join(client.get("/events.csv").streaming_content).decode("utf-8-sig")))
    )

    assert (item["time"], item["end_time"]) == ("09:00", "17:00")
    assert [(row["时间"], row["结束时间"]) for row in rows] == [("09:00", "17:00")]


def test_reingestion_updates_the_end_time_and_keeps_a_curators(one_day):
    key = "https://news.example/end-times"
    assert ingest(
        f"第十届科技节于{day(SOON)}上午9时在市民广场开幕，活动将于{day(SOON)}下午4时结束。", key
    ).end_time == time(16)

    update_event_fields(event=Event.objects.get(), changes={"end_time": time(18)})
    again = ingest(f"第十届科技节于{day(SOON)}上午9时在市民广场开幕，活动将于{day(SOON)}下午3时结束。", key)

    assert (again.end_time, "end_time" in again.curated_fields) == (time(18), True)


def test_a_curator_cannot_end_a_one_day_event_before_it_starts(one_day):
    with pytest.raises(ValidationError):
        update_event_fields(event=one_day, changes={"end_time": time(8)})

    one_day.refresh_from_db()
    assert one_day.end_time == time(17)
