"""Tests for the iCal feeds (events/feeds.py): contents, escaping, dates, status, HTTP behaviour, two parsers."""

from __future__ import annotations

import gzip
from datetime import UTC, date, datetime, time, timedelta

import icalendar
import pytest
import vobject
from django.core.cache import cache
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone
from hypothesis import HealthCheck, given
from hypothesis import settings as hypothesis_settings
from hypothesis import strategies as st

from events import feeds
from events.models import Event, Evidence
from events.selectors import feed_events, with_sources
from events.services.site import DEFAULT_UID_DOMAIN
from tests.factories import make_article, make_event

pytestmark = pytest.mark.django_db
TODAY = timezone.localdate()
SOON = TODAY + timedelta(days=10)  # inside the default window whatever day the suite runs


@pytest.fixture(autouse=True)
def fresh_cache():
    cache.clear()
    yield
    cache.clear()


def fetch(client, url: str = "/calendar.ics", **headers):
    response = client.get(url, **headers)
    assert response.status_code == 200, (response.status_code, response.get("Location"))
    return response


def parse(body: bytes) -> icalendar.Calendar:
    return icalendar.Calendar.from_ical(body)


def vevents(body: bytes) -> dict[str, icalendar.Event]:
    """VEVENTs by their UID's event uid (``kejical-<uid>@kejicalendar.local``: KEJICAL_SITE_URL is unset)."""
    found = {}
    for component in parse(body).walk("VEVENT"):
        uid = str(component["UID"])
        assert uid.startswith("kejical-") and uid.endswith(f"@{DEFAULT_UID_DOMAIN}")
        found[uid.removeprefix("kejical-").removesuffix(f"@{DEFAULT_UID_DOMAIN}")] = component
    return found


@pytest.fixture
def article():
    return make_article("https://news.example/taigu", title="太谷科技节开幕", source="晋中日报")


def test_feed_headers_and_calendar_properties(client, article):
    make_event("科技节开幕", article=article, start=SOON)

    response = fetch(client)

    assert response["Content-Type"] == "text/calendar; charset=utf-8"
    assert response["Access-Control-Allow-Origin"] == "*"
    cal = parse(response.content)
    assert str(cal["PRODID"]) == feeds.PRODID
    assert str(cal["VERSION"]) == "2.0"
    assert str(cal["NAME"]) == str(cal["X-WR-CALNAME"]) == "科技日历"
    assert "科技活动" in str(cal["DESCRIPTION"])
    assert cal["REFRESH-INTERVAL"].dt == timedelta(hours=6)
    assert cal["REFRESH-INTERVAL"].params["VALUE"] == "DURATION"
    assert b"\r\nREFRESH-INTERVAL;VALUE=DURATION:PT6H\r\n" in response.content
    assert b"\r\nX-PUBLISHED-TTL:PT6H\r\n" in response.content


def test_feed_event_properties(client, article):
    event = make_event(
        "项目集中签约",
        article=article,
        kind="signing",
        start=SOON,
        place="金谷广场",
        sentence="开幕式上，共有 15 个项目成功签约，\n总投资 16.7亿元。",
        figures={"projects_signed": 15, "investment_yuan": 1670000000},
        status="confirmed",
        sequence=3,
    )
    event.refresh_from_db()

    vevent = vevents(fetch(client).content)[event.uid]

    assert str(vevent["SUMMARY"]) == "项目集中签约"
    assert vevent["SEQUENCE"] == 3
    assert str(vevent["STATUS"]) == "CONFIRMED"
    assert vevent["DTSTAMP"].dt == vevent["LAST-MODIFIED"].dt == event.updated.replace(microsecond=0)
    assert str(vevent["LOCATION"]) == "金谷广场"
    assert vevent["CATEGORIES"].cats == ["签约", "金谷广场"]
    assert str(vevent["URL"]) == f"http://testserver/events/{event.uid}/"
    description = str(vevent["DESCRIPTION"])
    assert "数据：签约15个项目，总投资16.7亿元" in description.splitlines()
    assert "原文：“开幕式上，共有 15 个项目成功签约，总投资 16.7亿元。”" in description.splitlines()
    assert "来源：太谷科技节开幕 https://news.example/taigu" in description.splitlines()


def test_feed_source_without_url_links_to_article_page_not_its_key(client):
    article = make_article("/srv/news/taigu.txt", title="太谷科技节开幕")
    event = make_event(article=article, start=SOON)

    description = str(vevents(fetch(client).content)[event.uid]["DESCRIPTION"])

    assert f"来源：太谷科技节开幕 http://testserver/articles/{article.pk}/" in description.splitlines()
    assert "/srv/news" not in description


@pytest.mark.parametrize("site_url", ["", "https://kejical.example.cn"], ids=["unset", "set"])
def test_feed_uids_do_not_follow_the_host_header(client, settings, site_url):
    settings.KEJICAL_SITE_URL = site_url
    settings.ALLOWED_HOSTS = ["localhost", "127.0.0.1", "proxy.internal"]
    event = make_event("科技节开幕", start=SOON)

    uids = set()
    for host in ("localhost", "127.0.0.1:8000", "proxy.internal"):
        cache.clear()
        uids |= {str(v["UID"]) for v in parse(fetch(client, HTTP_HOST=host).content).walk("VEVENT")}

    assert uids == {f"kejical-{event.uid}@{'kejical.example.cn' if site_url else DEFAULT_UID_DOMAIN}"}


def test_feed_uid_domain_is_stored_once_and_survives_a_new_site_url(client, settings):
    settings.KEJICAL_SITE_URL = "https://old.example.cn"
    event = make_event("科技节开幕", start=SOON)
    first = parse(fetch(client).content)
    settings.KEJICAL_SITE_URL = "https://new.example.cn"
    cache.clear()

    [vevent] = parse(fetch(client).content).walk("VEVENT")

    assert (
        str(next(iter(first.walk("VEVENT")))["UID"])
        == str(vevent["UID"])
        == f"kejical-{event.uid}@old.example.cn"
    )
    assert str(vevent["URL"]) == f"https://new.example.cn/events/{event.uid}/"  # links follow the setting


def test_feed_links_use_the_site_url_not_the_host_header(client, settings):
    settings.KEJICAL_SITE_URL = "https://kejical.example.cn"
    settings.ALLOWED_HOSTS = ["evil.example"]
    event = make_event("科技节开幕", start=SOON)

    [vevent] = parse(fetch(client, HTTP_HOST="evil.example").content).walk("VEVENT")

    assert str(vevent["URL"]) == f"https://kejical.example.cn/events/{event.uid}/"


def test_feed_links_are_https_behind_a_tls_proxy_when_the_site_url_is_unset(client, settings):
    settings.SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
    settings.ALLOWED_HOSTS = ["dev.example"]
    event = make_event("科技节开幕", start=SOON)

    response = fetch(client, HTTP_X_FORWARDED_PROTO="https", HTTP_HOST="dev.example")

    [vevent] = parse(response.content).walk("VEVENT")
    assert str(vevent["URL"]) == f"https://dev.example/events/{event.uid}/"


def test_feed_automatic_events_are_tentative(client):
    event = make_event(start=SOON)

    assert str(vevents(fetch(client).content)[event.uid]["STATUS"]) == "TENTATIVE"


def test_feed_escapes_commas_semicolons_newlines_and_backslashes(client):
    title = "山西·太谷第二十一届科技节，暨成果推介会; 第二场\n晚会\\直播"
    place = "金谷广场,东区;南门"
    event = make_event(title, start=SOON, place=place)

    body = fetch(client).content
    vevent = vevents(body)[event.uid]

    assert str(vevent["SUMMARY"]) == title
    assert str(vevent["LOCATION"]) == place
    assert vevent["CATEGORIES"].cats == ["节会", place]
    unfolded = body.replace(b"\r\n ", b"").decode()
    assert "SUMMARY:山西·太谷第二十一届科技节，暨成果推介会\\; 第二场\\n晚会\\\\直播\r\n" in unfolded
    assert "CATEGORIES:节会,金谷广场\\,东区\\;南门\r\n" in unfolded


def test_feed_folds_long_chinese_lines_without_splitting_characters(client, article):
    long_sentence = "太谷区围绕农业科技现代化先行县建设，组织专家开展实用技术培训，" * 12
    make_event("长说明的活动", article=article, start=SOON, sentence=long_sentence)

    body = fetch(client).content

    assert body.endswith(b"END:VCALENDAR\r\n")
    lines = body.split(b"\r\n")
    assert b"\n" not in body.replace(b"\r\n", b"")  # no bare LF
    assert max(len(line) for line in lines) <= 75
    for line in lines:
        line.decode("utf-8")  # raises if a fold split a multi-byte character
    assert any(line.startswith(b" ") for line in lines)


def test_feed_all_day_dtend_is_exclusive(client):
    day = make_event("一天", start=SOON)
    three = make_event("三天", start=SOON, end=SOON + timedelta(days=2))

    found = vevents(fetch(client).content)

    assert found[day.uid]["DTSTART"].dt == SOON
    assert found[day.uid]["DTEND"].dt == SOON + timedelta(days=1)
    assert found[day.uid]["DTSTART"].params["VALUE"] == "DATE"
    assert found[three.uid]["DTEND"].dt == SOON + timedelta(days=3)


def test_feed_timed_event_has_tzid_and_vtimezone(client):
    event = make_event("开幕式", start=SOON, time=time(9, 30))

    body = fetch(client).content
    vevent = vevents(body)[event.uid]

    assert vevent["DTSTART"].params["TZID"] == "Asia/Shanghai"
    assert vevent["DTSTART"].dt.utcoffset() == timedelta(hours=8)
    assert (vevent["DTSTART"].dt.date(), vevent["DTSTART"].dt.time()) == (SOON, time(9, 30))
    assert "DTEND" not in vevent
    [tz] = parse(body).walk("VTIMEZONE")
    assert str(tz["TZID"]) == "Asia/Shanghai"
    assert f"DTSTART;TZID=Asia/Shanghai:{SOON:%Y%m%d}T093000".encode() in body


def test_feed_without_timed_events_has_no_vtimezone(client):
    make_event(start=SOON)

    assert parse(fetch(client).content).walk("VTIMEZONE") == []


def test_feed_default_holds_only_day_events_and_short_ranges(client):
    day = make_event("一天", start=SOON)
    fortnight = make_event("两周", start=SOON, end=SOON + timedelta(days=13))
    long_range = make_event("三周", start=SOON, end=SOON + timedelta(days=20))
    month = make_event(
        "整月", start=date(2099, 3, 1), end=date(2099, 3, 31), precision="month", edtf="2099-03"
    )
    make_event("无日期", start=None, end=None, precision="vague")

    assert set(vevents(fetch(client).content)) == {day.uid, fortnight.uid}
    assert long_range.uid and month.uid


def test_feed_coarse_adds_coarse_events_that_say_their_precision(client):
    month = make_event(
        "实用技术培训", start=date(2099, 3, 1), end=date(2099, 3, 31), precision="month", edtf="2099-03"
    )
    period = make_event(
        "示范县建设",
        start=TODAY.replace(month=1, day=1) - timedelta(days=366 * 2),
        end=date(2099, 12, 31),
        precision="multi-year",
        edtf="",
    )
    plan = make_event(
        "科技规划", start=date(2096, 1, 1), end=date(2100, 12, 31), precision="multi-year", edtf="2096/2100"
    )
    undated = make_event("无日期", start=None, end=None, precision="vague")

    found = vevents(fetch(client, "/calendar.ics?coarse=1").content)

    assert set(found) == {month.uid, period.uid, plan.uid}
    assert undated.uid not in found
    assert str(found[month.uid]["SUMMARY"]) == "实用技术培训（2099年3月，整月）"
    assert (found[month.uid]["DTSTART"].dt, found[month.uid]["DTEND"].dt) == (
        date(2099, 3, 1),
        date(2099, 4, 1),
    )
    assert str(found[plan.uid]["SUMMARY"]) == "科技规划（2096—2100年，期间）"


def test_feed_precision_filter_brings_coarse_events_in(client):
    month = make_event(
        "整月", start=date(2099, 3, 1), end=date(2099, 3, 31), precision="month", edtf="2099-03"
    )
    make_event("一天", start=SOON)

    assert set(vevents(fetch(client, "/calendar.ics?precision=month").content)) == {month.uid}


def test_feed_window_starts_a_year_back_unless_from_is_given(client):
    recent = make_event("最近", start=TODAY - timedelta(days=300))
    old = make_event("两年前", start=TODAY - timedelta(days=800))
    since = (TODAY - timedelta(days=900)).isoformat()

    assert set(vevents(fetch(client).content)) == {recent.uid}
    assert set(vevents(fetch(client, f"/calendar.ics?from={since}").content)) == {recent.uid, old.uid}


def test_feed_hidden_event_is_cancelled_for_thirty_days(client):
    from events.services import hide_events

    shown = make_event("被撤下", start=SOON, sequence=1)
    gone = make_event("早已撤下", start=SOON)
    hide_events(events=[shown, gone])
    Event.objects.filter(pk=gone.pk).update(updated=timezone.now() - timedelta(days=31))

    found = vevents(fetch(client).content)

    assert set(found) == {shown.uid}
    assert str(found[shown.uid]["STATUS"]) == "CANCELLED"
    assert found[shown.uid]["SEQUENCE"] == 2
    assert Event.objects.get(pk=shown.pk).sequence == 2


def test_feed_merged_away_event_is_cancelled_and_the_target_stays(client, article):
    from events.services import merge_events

    target = make_event("科技节开幕", article=article, start=SOON)
    duplicate = make_event("第二十一届科技节开幕", start=SOON)
    merge_events(target=target, others=[duplicate])

    found = vevents(fetch(client).content)

    assert set(found) == {target.uid, duplicate.uid}
    assert str(found[duplicate.uid]["STATUS"]) == "CANCELLED"
    assert found[duplicate.uid]["SEQUENCE"] == 1
    assert str(found[target.uid]["STATUS"]) == "TENTATIVE"


def test_feed_kind_path_filters(client):
    festival = make_event("科技节", kind="festival", start=SOON)
    make_event("签约", kind="signing", start=SOON)

    response = fetch(client, "/calendar/festival.ics")

    assert set(vevents(response.content)) == {festival.uid}
    assert str(parse(response.content)["X-WR-CALNAME"]) == "科技日历 · 节会"


def test_feed_name_reflects_filters(client):
    body = fetch(client, "/calendar/signing.ics?from=2024-03-01&place=%E9%87%91%E8%B0%B7&coarse=1").content

    assert str(parse(body)["NAME"]) == "科技日历 · 签约 · 金谷 · 2024-03-01起 · 含粗略日期"


@pytest.mark.parametrize(
    ("url", "location"),
    [
        ("/calendar.ics?kind=signing", "/calendar/signing.ics"),
        ("/calendar.ics?kind=", "/calendar.ics"),
        ("/calendar.ics?place=&q=", "/calendar.ics"),
        ("/calendar.ics?utm_source=x", "/calendar.ics"),
        ("/calendar.ics?to=2024-12&from=2024-03", "/calendar.ics?from=2024-03-01&to=2024-12-31"),
        ("/calendar.ics?coarse=true&kind=festival", "/calendar/festival.ics?coarse=1"),
        ("/calendar.ics?coarse=0", "/calendar.ics"),
        ("/calendar.ics?precision=month&coarse=1", "/calendar.ics?precision=month"),
        ("/calendar/signing.ics?kind=signing", "/calendar/signing.ics"),
        ("/calendar.ics?place=+%E9%87%91%E8%B0%B7+", "/calendar.ics?place=%E9%87%91%E8%B0%B7"),
    ],
    ids=[
        "kind-param",
        "empty-kind",
        "empty",
        "unknown",
        "order-and-months",
        "coarse",
        "coarse-off",
        "coarse-implied",
        "kind-twice",
        "space",
    ],
)
def test_feed_redirects_to_the_canonical_url(client, url, location):
    response = client.get(url)

    assert response.status_code == 301
    assert response["Location"] == location
    assert client.get(location).status_code == 200  # the canonical URL does not redirect again


@pytest.mark.parametrize(
    ("url", "field"),
    [
        ("/calendar.ics?from=2024-02-30", "from"),
        ("/calendar.ics?from=2024-03-02&to=2024-03-01", "to"),
        ("/calendar.ics?kind=party", "kind"),
        ("/calendar/signing.ics?kind=festival", "kind"),
        ("/calendar.ics?coarse=maybe", "coarse"),
    ],
    ids=["bad-date", "reversed", "kind", "kind-conflict", "coarse"],
)
def test_feed_invalid_filters_are_400_naming_the_field(client, url, field):
    response = client.get(url)

    assert response.status_code == 400
    assert response.content.decode().startswith(f"{field}: ")


def test_feed_unknown_kind_in_path_is_404(client):
    assert client.get("/calendar/party.ics").status_code == 404


def test_feed_conditional_get_answers_304(client):
    event = make_event(start=SOON)
    first = fetch(client)
    etag, last_modified = first["ETag"], first["Last-Modified"]

    by_etag = client.get("/calendar.ics", HTTP_IF_NONE_MATCH=etag)
    by_date = client.get("/calendar.ics", HTTP_IF_MODIFIED_SINCE=last_modified)
    Event.objects.filter(pk=event.pk).update(
        title="改过的标题", updated=timezone.now() + timedelta(seconds=5)
    )
    changed = client.get("/calendar.ics", HTTP_IF_NONE_MATCH=etag)

    assert etag.startswith('"') and not etag.startswith("W/")
    assert (by_etag.status_code, by_date.status_code) == (304, 304)
    assert by_etag.content == b""
    assert changed.status_code == 200
    assert changed["ETag"] != etag
    assert "改过的标题" in str(vevents(changed.content)[event.uid]["SUMMARY"])


def test_feed_gzipped_for_clients_that_accept_it(client, monkeypatch):
    """Calendar clients send Accept-Encoding: gzip: the same bytes compressed, once per version, with
    their own strong ETag (a 304 for it), and Vary on both answers so a cache never mixes them."""
    event = make_event(start=SOON)
    plain = fetch(client)
    calls = []
    real = feeds.build_calendar
    monkeypatch.setattr(feeds, "build_calendar", lambda *a, **k: calls.append(1) or real(*a, **k))

    packed = [client.get("/calendar.ics", HTTP_ACCEPT_ENCODING="gzip, deflate, br") for _ in range(2)]
    again = client.get("/calendar.ics", HTTP_ACCEPT_ENCODING="gzip", HTTP_IF_NONE_MATCH=packed[0]["ETag"])
    stale = client.get("/calendar.ics", HTTP_ACCEPT_ENCODING="gzip", HTTP_IF_NONE_MATCH=plain["ETag"])
    Event.objects.filter(pk=event.pk).update(title="改过的标题", updated=timezone.now() + timedelta(seconds=5))
    changed = client.get("/calendar.ics", HTTP_ACCEPT_ENCODING="gzip")

    assert calls == [1]  # the compressed feed reuses the rendered one
    assert packed[0]["Content-Encoding"] == "gzip" and "Content-Encoding" not in plain
    assert gzip.decompress(packed[0].content) == plain.content
    assert packed[0].content == packed[1].content and len(packed[0].content) < len(plain.content)
    assert packed[0]["ETag"] != plain["ETag"] and not packed[0]["ETag"].startswith("W/")
    assert "Accept-Encoding" in plain["Vary"] and "Accept-Encoding" in packed[0]["Vary"]
    assert (again.status_code, stale.status_code) == (304, 200)
    assert "改过的标题" in str(vevents(gzip.decompress(changed.content))[event.uid]["SUMMARY"])


def test_feed_renders_once_per_change(client, monkeypatch):
    make_event(start=SOON)
    calls = []
    real = feeds.build_calendar
    monkeypatch.setattr(feeds, "build_calendar", lambda *a, **k: calls.append(1) or real(*a, **k))

    bodies = {fetch(client).content for _ in range(3)}
    make_event("新事件", start=SOON)
    fetch(client)

    assert len(bodies) == 1
    assert len(calls) == 2


def test_build_calendar_is_deterministic():
    make_event("甲", start=SOON, time=time(9, 0))
    make_event("乙", start=SOON)
    events = list(with_sources(Event.objects.order_by("pk")))

    first = feeds.build_calendar(events, site_url="https://example.org", uid_domain="example.org")
    again = feeds.build_calendar(
        list(with_sources(Event.objects.order_by("pk"))),
        site_url="https://example.org",
        uid_domain="example.org",
    )

    assert first == again
    assert b"UID:kejical-" in first and b"@example.org\r\n" in first


def test_build_calendar_same_bytes_from_feed_events_and_models():
    first = make_article("https://news.example/a1", title="第一篇；报道")
    second = make_article("store/second.txt", title="")
    timed = make_event(
        "甲,乙;丙\\丁",
        article=first,
        sentence="3月\n11日，科技节\r\n开幕",
        start=SOON,
        end=SOON + timedelta(days=2),
        time=time(9, 30),
        end_time=time(17, 0),
        place="金谷广场",
        organizers={"hosts": ["县科技局", "县农业局"], "undertakers": "某公司"},
        figures={"projects_signed": 15, "investment_yuan": 1_670_000_000},
        status=Event.Status.CONFIRMED,
        sequence=3,
    )
    Evidence.objects.create(event=timed, article=second, sentence="又一句", span_start=5, span_end=8)
    make_event("乙", article=second, start=SOON - timedelta(days=1), status=Event.Status.HIDDEN)
    make_event("丙", start=SOON - timedelta(days=2), end=date.max - timedelta(days=1))
    ordered = Event.objects.order_by("-start", "pk")
    site = {"site_url": "https://example.org", "uid_domain": "example.org"}

    from_models = feeds.build_calendar(list(with_sources(ordered)), **site)
    from_rows = feeds.build_calendar(list(feed_events(ordered, chunk=2)), **site)

    assert from_rows == from_models
    assert from_rows.count(b"BEGIN:VEVENT") == 3
    assert "甲,乙;丙\\丁" in {str(e["SUMMARY"]) for e in parse(from_rows).walk("VEVENT")}


def test_feed_events_reads_evidence_per_chunk_and_only_as_far_as_asked():
    article = make_article()
    for n in range(5):
        make_event(f"事件{n}", article=article, start=SOON - timedelta(days=n))
    events = feed_events(Event.objects.order_by("-start", "pk"), chunk=2)

    with CaptureQueriesContext(connection) as queries:
        first = next(events)
        second = next(events)
    with CaptureQueriesContext(connection) as more:
        third = next(events)
    events.close()

    assert [e.title for e in (first, second, third)] == ["事件0", "事件1", "事件2"]
    assert [c.sentence for c in first.cited_evidence] == ["事件0。"]
    assert first.cited_evidence[0].article.url == "https://news.example/a1"
    assert sum("events_evidence" in q["sql"] for q in queries.captured_queries) == 1
    assert sum("events_evidence" in q["sql"] for q in more.captured_queries) == 1


def test_build_calendar_stops_at_the_byte_budget(monkeypatch):
    for n in range(5):
        make_event(f"事件{n}", start=SOON - timedelta(days=n))
    events = list(with_sources(Event.objects.order_by("-start")))
    url = f"https://example.org/events/{events[0].uid}/"
    one_event = len(feeds.build_event(events[0], uid_domain="example.org", url=url))
    monkeypatch.setattr(feeds, "MAX_FEED_BYTES", 2 * one_event + 10)

    body = feeds.build_calendar(events, site_url="https://example.org", uid_domain="example.org")

    assert [str(e["SUMMARY"]) for e in parse(body).walk("VEVENT")] == ["事件0", "事件1"]
    assert "只含最新的2个事件" in str(parse(body)["DESCRIPTION"])


def test_build_calendar_stops_at_the_cap(monkeypatch):
    for n in range(5):
        make_event(f"事件{n}", start=SOON - timedelta(days=n))
    monkeypatch.setattr(feeds, "MAX_FEED_EVENTS", 3)
    events = list(with_sources(Event.objects.order_by("-start")))

    cal = parse(feeds.build_calendar(events, site_url="https://example.org", uid_domain="example.org"))

    assert [str(e["SUMMARY"]) for e in cal.walk("VEVENT")] == ["事件0", "事件1", "事件2"]
    assert "只含最新的3个事件；更早的事件可用 from、to 参数选取" in str(cal["DESCRIPTION"])


def test_feed_parses_in_vobject_with_days_and_full_titles(client):
    day = make_event("山西·太谷第二十一届科技节，暨全国农业科技现代化先行县成果推介会", start=SOON)
    timed = make_event("开幕式；签约仪式", start=SOON, time=time(9, 30))
    month = make_event(
        "培训,整月", start=date(2099, 3, 1), end=date(2099, 3, 31), precision="month", edtf="2099-03"
    )

    body = fetch(client, "/calendar.ics?coarse=1").content
    cal = vobject.readOne(body.decode("utf-8"))

    by_uid = {v.uid.value: v for v in cal.vevent_list}
    host = f"@{DEFAULT_UID_DOMAIN}"
    assert by_uid[f"kejical-{day.uid}{host}"].summary.value == day.title
    assert by_uid[f"kejical-{day.uid}{host}"].dtstart.value == SOON
    assert by_uid[f"kejical-{day.uid}{host}"].dtend.value == SOON + timedelta(days=1)
    assert by_uid[f"kejical-{timed.uid}{host}"].summary.value == "开幕式；签约仪式"
    start = by_uid[f"kejical-{timed.uid}{host}"].dtstart.value
    assert start.astimezone(UTC) == datetime(SOON.year, SOON.month, SOON.day, 1, 30, tzinfo=UTC)
    assert by_uid[f"kejical-{month.uid}{host}"].summary.value == "培训,整月（2099年3月，整月）"
    assert by_uid[f"kejical-{month.uid}{host}"].dtend.value == date(2099, 4, 1)


def test_feed_round_trips_through_icalendar_byte_for_byte(client, article):
    make_event(
        "开幕式；签约,仪式\\直播", article=article, start=SOON, time=time(9, 30), place="金谷广场,东区"
    )
    make_event("整月", start=date(2099, 3, 1), end=date(2099, 3, 31), precision="month", edtf="2099-03")

    body = fetch(client, "/calendar.ics?coarse=1").content

    assert parse(body).to_ical() == body


def test_feed_uid_survives_reingestion_and_sequence_is_bumped(client):
    from events.services import ingest_article

    def text(day: date) -> str:
        return (
            f"本报讯 {day.year}年{day.month}月{day.day}日，山西·太谷第二十一届科技节在金谷广场开幕。"
            "开幕式上，共有15个项目成功签约，总投资16.7亿元。"
        )

    later = SOON + timedelta(days=2)
    ingest_article(key="https://news.example/taigu", text=text(SOON), published=TODAY)
    before = {str(v["SUMMARY"]): v for v in parse(fetch(client).content).walk("VEVENT")}
    result = ingest_article(key="https://news.example/taigu", text=text(later), published=TODAY)
    after = {str(v["SUMMARY"]): v for v in parse(fetch(client).content).walk("VEVENT")}

    assert result.status == "changed"
    festival = "山西·太谷第二十一届科技节"
    assert festival in before
    assert set(after) == set(before)
    for title, vevent in after.items():
        assert str(vevent["UID"]) == str(before[title]["UID"])
        assert vevent["SEQUENCE"] == before[title]["SEQUENCE"] + 1
        assert vevent["DTSTART"].dt == later
    assert before[festival]["DTSTART"].dt == SOON


def test_feed_text_and_source_filters(client, article):
    signing = make_event(
        "项目签约", article=article, start=SOON, sentence="共有15个项目成功签约，总投资16.7亿元。"
    )
    make_event("科技节", start=SOON)

    by_text = fetch(client, "/calendar.ics?q=%E6%80%BB%E6%8A%95%E8%B5%84").content
    by_source = fetch(client, "/calendar.ics?source=%E6%99%8B%E4%B8%AD%E6%97%A5%E6%8A%A5").content

    assert set(vevents(by_text)) == {signing.uid}
    assert set(vevents(by_source)) == {signing.uid}


def test_feed_head_and_preflight(client):
    make_event(start=SOON)

    head = client.head("/calendar.ics")
    preflight = client.options(
        "/calendar.ics", HTTP_ORIGIN="https://example.org", HTTP_ACCESS_CONTROL_REQUEST_METHOD="GET"
    )

    assert head.status_code == 200 and head["ETag"]
    assert preflight.status_code == 204
    assert preflight["Access-Control-Allow-Origin"] == "*"
    assert client.post("/calendar.ics").status_code == 405


@hypothesis_settings(
    max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(
    st.dictionaries(
        st.sampled_from(["kind", "from", "to", "place", "q", "precision", "source", "coarse", "utm"]),
        st.one_of(
            st.sampled_from(["", "1", "2024-03", "2024-02-30", "signing", "month", "金谷,广场;"]),
            st.text(alphabet=st.characters(codec="utf-8"), max_size=20),
        ),
        max_size=4,
    )
)
def test_feed_never_answers_500_and_redirects_once(client, params):
    make_event(start=SOON)
    response = client.get("/calendar.ics", params)

    assert response.status_code in (200, 301, 400)
    if response.status_code == 301:
        assert client.get(response["Location"]).status_code == 200


def test_feed_reads_events_in_chunks_only_as_far_as_it_writes(client, article, monkeypatch):
    for n in range(12):
        make_event(f"事件{n}", article=article, start=SOON - timedelta(days=n))
    monkeypatch.setattr(feeds, "FEED_CHUNK", 3)
    monkeypatch.setattr(feeds, "MAX_FEED_EVENTS", 4)

    with CaptureQueriesContext(connection) as queries:
        body = fetch(client).content

    evidence_reads = [q for q in queries.captured_queries if '"events_evidence"' in q["sql"]]
    event_reads = [q for q in queries.captured_queries if 'FROM "events_event"' in q["sql"]]
    assert [str(e["SUMMARY"]) for e in parse(body).walk("VEVENT")] == ["事件0", "事件1", "事件2", "事件3"]
    assert len(evidence_reads) == 2  # chunks 事件0–2 and 事件3–5; the rest is never read
    assert len(event_reads) == 1  # one cursor over the events: no field of an event is read on its own
    assert all(
        str(e["DESCRIPTION"]).endswith("https://news.example/taigu") for e in parse(body).walk("VEVENT")
    )


def test_feed_last_modified_is_the_newest_change_among_the_events_it_holds(client, monkeypatch):
    held = make_event("新的", start=SOON)
    left_out = make_event("旧的", start=SOON - timedelta(days=3))
    Event.objects.filter(pk=held.pk).update(updated=datetime(2026, 1, 2, 3, 4, 5, tzinfo=UTC))
    Event.objects.filter(pk=left_out.pk).update(updated=datetime(2026, 6, 1, tzinfo=UTC))
    monkeypatch.setattr(feeds, "MAX_FEED_EVENTS", 1)

    response = fetch(client)

    assert response["Last-Modified"] == "Fri, 02 Jan 2026 03:04:05 GMT"
