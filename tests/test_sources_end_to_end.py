"""From the outside: add_source on a local news site's feed, then the events are on the timeline and in
/calendar.ics; fetching again changes nothing; a changed page updates its events in place."""

from io import StringIO

import icalendar
import pytest
from django.core.cache import cache
from django.core.management import call_command

from tests.services.news_site import serve_indexes, serve_news_site
from tests.webserver import Page

pytestmark = pytest.mark.django_db
ICS = "/calendar.ics?from=2024-01-01"


def calendar(client) -> dict[str, tuple[str, str, int]]:
    """UID -> (summary, DTEND, SEQUENCE) of every VEVENT the feed serves now."""
    cache.clear()
    body = client.get(ICS).content
    return {
        str(e["UID"]): (str(e["SUMMARY"]), e["DTEND"].to_ical().decode(), int(e.get("SEQUENCE", 0)))
        for e in icalendar.Calendar.from_ical(body).walk("VEVENT")
    }


def test_subscribe_fetch_again_and_change_a_page(client, web, allow_private):
    articles = serve_news_site(web)
    call_command("add_source", web.url("/news/"), "--name", "晋中科技", stdout=StringIO(), stderr=StringIO())
    first = calendar(client)
    timeline = client.get("/").content.decode()

    call_command("fetch", "晋中科技", stdout=StringIO(), stderr=StringIO())
    second = calendar(client)
    path, page = articles[0]
    changed = page.data.replace("持续到3月13日".encode(), "持续到3月14日".encode())
    web.pages[path] = Page(changed, headers={"Content-Type": page.content_type, "ETag": '"a0-v2"'})
    serve_indexes(web, articles, version="v2")
    call_command("fetch", "晋中科技", stdout=StringIO(), stderr=StringIO())
    third = calendar(client)

    [festival] = [uid for uid, (summary, _end, _seq) in first.items() if "科技节" in summary]
    assert len(first) >= 4 and first == second
    assert first[festival][0] in timeline
    assert third[festival][1:] == ("20240315", first[festival][2] + 1)  # DTEND is exclusive
    assert {uid: v for uid, v in third.items() if uid != festival} == {
        uid: v for uid, v in first.items() if uid != festival
    }
