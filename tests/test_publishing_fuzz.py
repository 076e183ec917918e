"""Fuzzing the feeds, the timeline and the event list with any query string, and the edge cases it found.

Every publication takes the same filters from the URL, so every one of them must answer any query
string without a 5xx: repeated parameters, unknown ones, very long or random Unicode values, and
percent-escapes that are not UTF-8. The database holds events at the ends of the calendar
(0001-01-01 and 9999-12-31), a start without an end, a timed event, and titles full of the
characters iCalendar escapes. Example counts are small; raise them locally when hunting.
"""

from __future__ import annotations

from datetime import date, time
from urllib.parse import quote

import icalendar
import pytest
import vobject
from django.core.cache import cache
from django.db import connection
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from events.models import Event
from tests.factories import make_article, make_event

pytestmark = pytest.mark.django_db
FUZZ = settings(max_examples=60, deadline=None, suppress_health_check=list(HealthCheck))

ESCAPED_TITLE = "签约\r\n仪式;第一场,第二场\\备注 🎉 \u0301"  # \r\n ; , \ emoji and a lone combining mark


@pytest.fixture
def extremes(db) -> dict[str, Event]:
    """Events the feed, the pages and the API must all survive, keyed by a short name."""
    cache.clear()
    article = make_article("https://news.example/edge", title="边界", published=date(2024, 3, 12))
    events = {
        "first-day": make_event("公元元年", article=article, start=date(1, 1, 1)),
        "last-day": make_event("最后一天", article=article, start=date(9999, 12, 31)),
        "last-month": make_event(
            "最后一个月",
            article=article,
            start=date(9999, 12, 1),
            end=date(9999, 12, 31),
            precision="month",
            edtf="9999-12",
        ),
        "all-time": make_event(
            "全部时间",
            article=article,
            start=date(1, 1, 1),
            end=date(9999, 12, 31),
            precision="multi-year",
            edtf="0001/9999",
        ),
        "last-days-timed": make_event(
            "最后两天", article=article, start=date(9999, 12, 30), end=date(9999, 12, 31), time=time(23, 0)
        ),
        "last-minute": make_event("最后一分钟", article=article, start=date(9999, 12, 31), time=time(23, 59)),
        "first-minute": make_event("第一分钟", article=article, start=date(1, 1, 1), time=time(0, 0)),
        "no-end": make_event("只有开始", article=article, start=date(2024, 5, 1), end=None),
        "timed": make_event("开幕式", article=article, start=date(2024, 3, 11), time=time(9, 30)),
        "escaped": make_event(ESCAPED_TITLE, article=article, place="金谷广场;东区,北门\\2号"),
        "undated": make_event("常年开放", article=article, start=None, end=None, precision="vague"),
        "hidden": make_event("已隐藏", article=article, status="hidden"),
    }
    yield events
    cache.clear()


PARAM_NAMES = ["kind", "from", "to", "place", "q", "precision", "source", "coarse", "page", "order", "year"]
PARAM_VALUES = st.one_of(
    st.sampled_from(
        ["", " ", "1", "0", "asc", "signing", "month", "2024", "2024-03", "2024-02-30", "0001-01-01"]
    ),
    st.sampled_from(
        ["9999-12-31", "0000", "9999", "-1", "１２３４", "2024-13", "1e3", "99999999999999999999"]
    ),
    st.text(st.characters(codec="utf-8"), max_size=30),
    st.text(st.characters(codec="utf-8"), min_size=190, max_size=260).map(lambda s: s),
    st.integers(min_value=200, max_value=5000).map(lambda n: "明" * n),
)


def _escape(value: str) -> str:
    return quote(value.encode("utf-8"), safe="")


# A raw query string: names may repeat or be unknown, and a value may be bytes that are not UTF-8.
QUERY_PARTS = st.tuples(
    st.one_of(st.sampled_from(PARAM_NAMES), st.text(st.characters(codec="utf-8"), max_size=8)),
    st.one_of(PARAM_VALUES.map(_escape), st.binary(max_size=6).map(lambda b: quote(b, safe=""))),
)
QUERY_STRINGS = st.lists(QUERY_PARTS, max_size=6).map(
    lambda parts: "&".join(f"{_escape(name)}={value}" for name, value in parts)
)


def _get(client, path: str, query: str):
    return client.get(f"{path}?{query}" if query else path)


@FUZZ
@given(query=QUERY_STRINGS, path=st.sampled_from(["/calendar.ics", "/calendar/festival.ics"]))
def test_feed_any_query_string_is_a_feed_a_redirect_or_a_400(client, extremes, query, path):
    response = _get(client, path, query)

    assert response.status_code in (200, 301, 400), response.content[:200]
    if response.status_code == 301:  # the canonical URL is served as it is, never redirected again
        response = client.get(response["Location"])
        assert response.status_code == 200
    if response.status_code == 200:
        assert response.content.endswith(b"END:VCALENDAR\r\n")
        icalendar.Calendar.from_ical(response.content)
    else:
        assert response["Content-Type"].startswith("text/plain") and b": " in response.content


@FUZZ
@given(query=QUERY_STRINGS)
def test_timeline_any_query_string_is_a_page(client, extremes, query):
    response = _get(client, "/", query)

    assert response.status_code == 200


@FUZZ
@given(query=QUERY_STRINGS)
def test_api_events_any_query_string_is_a_page_or_names_the_parameter(client, extremes, query):
    response = _get(client, "/api/events", query)

    assert response.status_code in (200, 422), response.content[:200]
    if response.status_code == 422:
        assert [e["loc"][0] for e in response.json()["detail"]] == ["query"]


# --- the edge cases, by hand -----------------------------------------------------------------------


def _feed_events(client, url: str = "/calendar.ics?from=0001-01-01&coarse=1") -> dict[str, icalendar.Event]:
    response = client.get(url)
    assert response.status_code == 200, response.status_code
    return {
        str(e["SUMMARY"]).split("（")[0]: e
        for e in icalendar.Calendar.from_ical(response.content).walk("VEVENT")
    }


PARSED_TITLE = ESCAPED_TITLE.replace("\r\n", "\n")  # iCalendar has one line break, \n


def test_feed_events_at_the_ends_of_the_calendar(client, extremes):
    found = _feed_events(client)  # was a 500: DTEND 9999-12-31 + 1 day overflowed

    # An all-day event ending on 9999-12-31 has no day after it: it says its length instead.
    assert found["最后一天"]["DTSTART"].dt == date(9999, 12, 31)
    assert "DTEND" not in found["最后一天"]
    assert found["最后一天"]["DURATION"].dt.days == 1
    assert found["全部时间"]["DTSTART"].dt == date(1, 1, 1)
    assert found["全部时间"]["DURATION"].dt.days == (date(9999, 12, 31) - date(1, 1, 1)).days + 1
    assert found["最后一个月"]["DURATION"].dt.days == 31
    # Timed: until midnight after the last day, 25 hours from 9999-12-30 23:00.
    assert found["最后两天"]["DURATION"].dt.total_seconds() == 25 * 3600
    assert "DTEND" not in found["最后一分钟"] and "DURATION" not in found["最后一分钟"]
    # The year 1 has four digits (strftime's %Y wrote "10101").
    assert found["公元元年"]["DTEND"].dt == date(1, 1, 2)
    assert found["第一分钟"]["DTSTART"].to_ical() == b"00010101T000000"


def test_feed_default_window_survives_events_near_9999(client, extremes):
    # Was a 500 on SQLite: "start + 14 days" in SQL overflowed for 9999-12-31 (DataError).
    found = _feed_events(client, "/calendar.ics")

    assert {"最后一天", "最后一分钟", "最后两天"} <= set(found)
    assert "最后一个月" not in found and "全部时间" not in found  # coarse: not in the default feed


def test_feed_leaves_out_an_event_without_an_end(client, extremes):
    assert "只有开始" not in _feed_events(client)


def test_feed_keeps_escaped_title_and_place(client, extremes):
    found = _feed_events(client)

    assert str(found[PARSED_TITLE]["SUMMARY"]) == PARSED_TITLE
    assert found[PARSED_TITLE]["LOCATION"] == "金谷广场;东区,北门\\2号"


@pytest.mark.parametrize(
    "name", ["first-day", "last-day", "all-time", "last-minute", "no-end", "timed", "escaped"]
)
def test_event_page_and_api_item_for_edge_events(client, extremes, name):
    event = extremes[name]

    page = client.get(f"/events/{event.uid}/")
    item = client.get(f"/api/events/{event.uid}")

    assert page.status_code == 200
    assert item.status_code == 200 and item.json()["title"] == event.title


def test_timeline_and_api_list_at_the_ends_of_the_calendar(client, extremes):
    for query in ["", "from=0001-01-01&to=9999-12-31&order=asc", "year=9999", "year=0001", "to=0001"]:
        assert client.get(f"/?{query}").status_code == 200, query
    api = client.get("/api/events?from=0001-01-01&to=9999-12-31&ordering=start&limit=500").json()
    assert api["items"][0]["start"] == "0001-01-01"
    assert api["count"] == len(extremes) - 2  # neither the undated nor the hidden event


def test_timeline_time_element_has_a_four_digit_year(client, extremes):
    body = client.get("/?to=0001").content.decode()

    assert 'datetime="0001-01-01"' in body


@pytest.mark.parametrize("uid", ["%00", "x" * 101])
def test_event_page_with_impossible_uid_is_404(client, extremes, uid):
    assert client.get(f"/events/{uid}/").status_code == 404  # NUL was a 500 on PostgreSQL


@pytest.mark.skipif(connection.vendor == "postgresql", reason="PostgreSQL cannot store a NUL in text")
def test_article_with_nul_in_its_text_shows_everywhere(client, db):
    article = make_article(
        "https://news.example/nul", text="3月11日\x00科技节开幕。", published=date(2024, 3, 12)
    )
    event = make_event("科技节开幕", article=article, sentence="3月11日\x00科技节开幕。")

    assert client.get(f"/articles/{article.pk}/").status_code == 200
    assert client.get(f"/api/articles/{article.pk}").status_code == 200
    assert client.get(f"/events/{event.uid}/").status_code == 200
    assert client.get("/calendar.ics?from=2024-01-01").status_code == 200


@pytest.mark.parametrize(
    "etag", ["garbage", '"', "W/", '""', ",,,", "\x00", 'W/"x", *', '"' + "a" * 5000 + '"']
)
@pytest.mark.parametrize("path", ["/calendar.ics", "/api/events", "/"])
def test_garbage_if_none_match_is_ignored(client, extremes, etag, path):
    assert client.get(path, HTTP_IF_NONE_MATCH=etag).status_code == 200


@pytest.mark.parametrize("since", ["garbage", "Sat, 01 Jan 0001 00:00:00 GMT", "99999999999999999999"])
def test_garbage_if_modified_since_is_ignored(client, extremes, since):
    assert client.get("/calendar.ics", HTTP_IF_MODIFIED_SINCE=since).status_code == 200


@pytest.mark.parametrize(
    "path", ["/calendar.ics", "/calendar/festival.ics", "/", "/api/events", "/api/kinds"]
)
def test_head_and_preflight_never_fail(client, extremes, path):
    head = client.head(path)
    preflight = client.options(
        path, HTTP_ORIGIN="https://example.org", HTTP_ACCESS_CONTROL_REQUEST_METHOD="GET"
    )

    assert head.status_code == 200 and head.content == b""
    assert preflight.status_code in (200, 204)


# Event.figures and Event.organizers are JSON a curator can edit in the admin: any shape may be stored.
@pytest.mark.parametrize(
    ("fields", "figures", "organizers"),
    [
        ({"figures": {"participants": "about 100"}}, {}, {}),  # API 500 (response validation)
        ({"figures": [1, 2]}, {}, {}),  # IndexError on every page and the feed
        ({"figures": {"a": {"b": 1}}, "organizers": {"hosts": ["甲"]}}, {}, {"hosts": ["甲"]}),
        ({"figures": {"investment_yuan": 10**40}}, {"investment_yuan": 10**40}, {}),  # InvalidOperation
        ({"organizers": ["甲"]}, {}, {}),  # AttributeError on every page and the feed
        ({"organizers": {"hosts": "甲乙"}}, {}, {"hosts": ["甲乙"]}),  # API 500
        ({"organizers": {"hosts": [1, None, "甲", " "]}}, {}, {"hosts": ["甲"]}),  # TypeError in the feed
    ],
    ids=[
        "figure-text",
        "figures-list",
        "figure-nested",
        "figure-huge",
        "organizers-list",
        "host-text",
        "hosts-mixed",
    ],
)
def test_malformed_figures_and_organizers_are_published_without_them(client, db, fields, figures, organizers):
    cache.clear()
    article = make_article("https://news.example/json", published=date(2024, 3, 12))
    event = make_event("签约仪式", article=article, start=date.today(), **fields)

    for path in ["/", f"/events/{event.uid}/", f"/articles/{article.pk}/", "/calendar.ics"]:
        assert client.get(path).status_code == 200, path
    item = client.get(f"/api/events/{event.uid}").json()
    assert (item["figures"], item["organizers"]) == (figures, organizers)
    assert client.get("/api/events").json()["items"][0]["figures"] == figures
    assert client.get(f"/api/articles/{article.pk}").status_code == 200


@pytest.mark.parametrize("query", ["q=%E9%87%91%0A%E8%B0%B7", "place=a%0D%0Ab", "source=a%09b"])
def test_feed_filter_with_a_control_character_is_400(client, extremes, query):
    response = client.get(f"/calendar.ics?{query}")  # a line break was a 500: it reached NAME unescaped

    assert response.status_code == 400
    assert b"control character" in response.content


def test_feed_name_escapes_commas_and_semicolons_from_filters(client, extremes):
    response = client.get("/calendar.ics?place=" + _escape("金谷,广场;东区"))

    assert response.status_code == 200
    assert "NAME:科技日历 · 金谷\\,广场\\;东区\r\n".encode() in response.content
    assert (
        vobject.readOne(response.content.decode()).contents["x-wr-calname"][0].value
        == "科技日历 · 金谷,广场;东区"
    )


def test_feed_leaves_control_characters_out_of_text(client, db):
    cache.clear()
    article = make_article("https://news.example/ctl", published=date(2024, 3, 12))
    make_event(
        "签约\x0b仪式\x1b",
        article=article,
        start=date.today(),
        place="金谷\x7f广场",
        sentence="原文\x0c句子。",
    )

    body = client.get("/calendar.ics").content

    assert set(body) & (set(range(0x20)) - {0x09, 0x0A, 0x0D} | {0x7F}) == set()
    [event] = icalendar.Calendar.from_ical(body).walk("VEVENT")
    assert (str(event["SUMMARY"]), str(event["LOCATION"])) == ("签约仪式", "金谷广场")
