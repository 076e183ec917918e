"""Region filters (name or adcode → one canonical code), the timeline's facet, the overview, region feeds."""

from __future__ import annotations

from datetime import date

import icalendar
import pytest
import vobject
from django.db import connection
from django.db.models import Count
from django.test.utils import CaptureQueriesContext

from events.models import Event
from events.selectors import (
    FilterError,
    filters_to_params,
    parse_filters,
    region_counts,
    region_facet,
    region_name,
    region_overview,
    regions,
    same_version,
)
from events.selectors.events import EventFilters, filter_events
from events.services.regions import region_fields_for_code
from tests.factories import make_event
from tests.selectors.writes import WRITES

pytestmark = pytest.mark.django_db


@pytest.fixture
def placed():
    """Two events in 晋中 (one in 榆次区), one in 太原, one in 福州鼓楼区, one in 南京鼓楼区, one unknown."""
    today = date.today()
    for title, code in [
        ("榆次科技节", "140702"),
        ("晋中培训", "140700"),
        ("太原博览会", "140100"),
        ("福州签约", "350102"),
        ("南京论坛", "320106"),
        ("无地点", ""),
    ]:
        make_event(title, start=today, **region_fields_for_code(code))


def titles(filters: EventFilters) -> list[str]:
    return sorted(filter_events(filters=filters).values_list("title", flat=True))


def test_region_filters_take_names_or_adcodes_and_give_one_url(placed):
    by_name = parse_filters({"province": "山西"})
    by_full = parse_filters({"province": "山西省"})
    by_code = parse_filters({"province": "140000"})

    assert by_name == by_full == by_code
    assert filters_to_params(by_name) == {"province": "140000"}
    assert titles(by_code) == ["太原博览会", "晋中培训", "榆次科技节"]
    assert titles(parse_filters({"city": "晋中市"})) == ["晋中培训", "榆次科技节"]
    assert titles(parse_filters({"county": "140702"})) == ["榆次科技节"]


@pytest.mark.parametrize(
    ("params", "field", "message"),
    [
        ({"county": "鼓楼区"}, "county", "names several regions"),
        ({"province": "火星"}, "province", "no events"),
        ({"city": "140000"}, "city", "6-digit city adcode"),
        ({"county": "12345"}, "county", "6-digit county adcode"),
    ],
)
def test_region_filters_refuse_ambiguous_unknown_and_wrong_level(placed, params, field, message):
    with pytest.raises(FilterError) as caught:
        parse_filters(params)

    assert caught.value.field == field
    assert message in caught.value.message


def test_region_facet_lists_the_level_below_with_counts(placed):
    top = [(r["name"], r["count"]) for r in region_facet(filters=EventFilters())]
    cities = [(r["name"], r["count"]) for r in region_facet(filters=EventFilters(province="140000"))]

    assert top == [("山西省", 3), ("江苏省", 1), ("福建省", 1)]
    assert cities == [("晋中市", 2), ("太原市", 1)]
    assert region_facet(filters=EventFilters(county="140702")) == []


def test_region_overview_nests_cities_and_counties(placed):
    shanxi = region_overview()[0]

    assert (shanxi["name"], shanxi["count"]) == ("山西省", 3)
    assert [(c["name"], c["count"], [k["name"] for k in c["counties"]]) for c in shanxi["cities"]] == [
        ("晋中市", 2, ["榆次区"]),
        ("太原市", 1, []),
    ]


def test_region_feed_holds_the_regions_events_and_is_canonical(client, placed):
    response = client.get("/calendar/region/140700.ics")
    by_query = client.get("/calendar.ics?city=晋中")

    assert response.status_code == 200
    summaries = sorted(
        str(e["SUMMARY"]) for e in icalendar.Calendar.from_ical(response.content).walk("VEVENT")
    )
    assert summaries == ["晋中培训", "榆次科技节"]
    assert len(list(vobject.readOne(response.content.decode()).vevent_list)) == 2
    assert (by_query.status_code, by_query["Location"]) == (301, "/calendar/region/140700.ics")
    assert client.get("/calendar/region/140700.ics?city=140100").status_code == 400
    assert client.get("/calendar/region/abc.ics").status_code == 404


def test_region_page_and_timeline_facet(client, placed):
    page = client.get("/regions/").content.decode()
    timeline = client.get("/", {"province": "山西"}).content.decode()

    assert "山西省" in page and "/calendar/region/140702.ics" in page and "webcal://" in page
    assert 'href="/?province=140000&amp;city=140700"' in timeline
    assert "福州签约" not in timeline and "太原博览会" in timeline


def test_api_filters_by_region_and_exposes_it(client, placed):
    body = client.get("/api/events", {"county": "榆次区"}).json()

    assert [item["title"] for item in body["items"]] == ["榆次科技节"]
    assert body["items"][0]["region"] == {
        "adcode": "140702",
        "province": {"name": "山西省", "adcode": "140000"},
        "city": {"name": "晋中市", "adcode": "140700"},
        "county": {"name": "榆次区", "adcode": "140702"},
    }


def cells_from_counts() -> list[tuple]:
    return sorted((*cell_key(c), c.n) for c in region_counts._summed(by_kind=True))


def cell_key(cell) -> tuple:
    return tuple(getattr(cell, name) for name in REGION_KEY)


def cells_from_events() -> list[tuple]:
    rows = (
        Event.objects.visible()
        .exclude(province_code="")
        .values_list(*REGION_KEY)
        .annotate(n=Count("pk"))
        .order_by()
    )
    return sorted(rows)


def totals_from_counts() -> list[tuple]:
    return sorted((*cell_key(c)[:6], c.kind, c.precision, c.n) for c in region_counts._summed(by_kind=False))


def totals_from_events() -> list[tuple]:
    rows = (
        Event.objects.visible().exclude(province_code="").values_list(*REGION_KEY[:6]).annotate(n=Count("pk"))
    )
    return sorted((*row[:6], "", "", row[6]) for row in rows.order_by())


REGION_KEY = ("province_code", "province", "city_code", "city", "county_code", "county", "kind", "precision")


def test_region_counts_follow_region_kind_visibility_and_deletes(placed):
    yuci, jinzhong, taiyuan, fuzhou, nanjing, nowhere = Event.objects.order_by("pk")
    assert cells_from_counts() == cells_from_events() != []

    Event.objects.filter(pk=nowhere.pk).update(**region_fields_for_code("140702"))  # gains a region
    Event.objects.filter(pk=taiyuan.pk).update(**region_fields_for_code("350102"))  # moves
    Event.objects.filter(pk=jinzhong.pk).update(kind="training", precision="month")
    Event.objects.filter(pk=fuzhou.pk).update(status=Event.Status.HIDDEN)
    Event.objects.filter(pk=nanjing.pk).update(merged_into=yuci)
    Event.objects.filter(pk=yuci.pk).update(title="改名不动计数")
    assert cells_from_counts() == cells_from_events()

    Event.objects.filter(pk=yuci.pk).delete()  # nanjing was merged into it: its merged_into is cleared
    Event.objects.filter(pk=jinzhong.pk).update(**region_fields_for_code(""))  # loses its region

    assert cells_from_counts() == cells_from_events()
    assert totals_from_counts() == totals_from_events() != []
    assert region_facet(filters=EventFilters()) == [
        {**row, "filters": EventFilters(province=row["code"])} for row in _expected_top()
    ]


def _expected_top() -> list[dict]:
    counts: dict = {}
    for province_code, province, *_ in (
        Event.objects.visible().exclude(province_code="").values_list(*REGION_KEY)
    ):
        counts[province_code, province] = counts.get((province_code, province), 0) + 1
    return [
        {"code": code, "name": name, "count": n, "capped": False, "level": "province"}
        for (code, name), n in sorted(counts.items(), key=lambda item: (-item[1], item[0][0]))
    ]


@pytest.mark.parametrize("write", WRITES.values(), ids=WRITES.keys())
def test_region_counts_follow_every_kind_of_write(stored, placed, write):
    Event.objects.filter(pk__in=[stored["first"].pk, stored["second"].pk]).update(
        **region_fields_for_code("140702")
    )

    write(stored)

    assert cells_from_counts() == cells_from_events()


def test_region_facet_with_a_keyword_counts_the_matching_events(placed):
    rows = region_facet(filters=EventFilters(q="科技"))
    dated = region_facet(filters=EventFilters(province="140000", date_from=date.today()))

    assert [(r["name"], r["count"], r["capped"]) for r in rows] == [("山西省", 1, False)]
    assert [(r["name"], r["count"]) for r in dated] == [("晋中市", 2), ("太原市", 1)]


def test_region_facet_past_the_bound_counts_a_sample_and_says_so(placed, monkeypatch, client):
    monkeypatch.setattr(regions, "COUNT_BOUND", 2)

    rows = region_facet(filters=EventFilters(date_from=date.today()))
    page = client.get("/", {"from": date.today().isoformat()}).content.decode()

    assert sum(r["count"] for r in rows) == 2
    assert all(r["capped"] for r in rows)
    assert f'<span class="muted">{rows[0]["count"]}+</span>' in page


def test_region_overview_and_facet_read_no_event_once_counted(placed, django_assert_num_queries):
    region_overview()
    with CaptureQueriesContext(connection) as first:
        region_facet(filters=EventFilters(kind="festival"))

    with django_assert_num_queries(1), same_version():  # the version; the summed counts are cached
        region_overview()
        region_facet(filters=EventFilters(kind="festival"))

    [summed] = [q["sql"] for q in first.captured_queries if "events_dataversion" not in q["sql"]]
    assert "events_eventregioncount" in summed and '"events_event"' not in summed  # counts, not events


def test_region_names_are_looked_up_in_the_counts_not_the_events(placed, django_assert_num_queries):
    parse_filters({"province": "山西"})  # the counts are summed and cached

    with django_assert_num_queries(1):  # the data version; no scan of the events for a name
        assert parse_filters({"city": "晋中"}).city == "140700"


def test_region_name_is_the_stored_name_of_visible_events_else_the_code(placed):
    named = (region_name("140000"), region_name("140700"), region_name("350102"))
    Event.objects.filter(title="太原博览会").update(status=Event.Status.HIDDEN)

    assert named == ("山西省", "晋中市", "鼓楼区")
    assert region_name("140100") == "140100"  # its only event is hidden now
    assert region_name("990000") == "990000"
