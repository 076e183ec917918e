"""Region filters (name or adcode → one canonical code), the timeline's facet, the overview, region feeds."""

from __future__ import annotations

from datetime import date

import icalendar
import pytest
import vobject

from events.selectors import FilterError, filters_to_params, parse_filters, region_facet, region_overview
from events.selectors.events import EventFilters, filter_events
from events.services.regions import region_fields_for_code
from tests.factories import make_event

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
