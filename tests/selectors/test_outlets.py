"""events/selectors/outlets.py: one count of reporting outlets for the event page, the API and CSV."""

import pytest
from django.core.cache import cache

from events.models import Event, Evidence
from events.selectors import event_item, reporting_outlets, with_sources
from tests.factories import make_article, make_event

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def fresh_cache():
    cache.clear()
    yield
    cache.clear()


@pytest.fixture
def festival() -> Event:
    """Reported by 晋中日报 twice and by a county site; reposted by 山西日报, by 晋中日报 itself and by
    an unnamed page of a news portal."""
    first = make_article("https://jzrb.example/1", source="晋中日报")
    second = make_article("https://jzrb.example/2", source="晋中日报")
    county = make_article("https://www.taigu.gov.example/kjj/3")
    event = make_event("太谷科技节开幕", article=first)
    for article in (second, county):
        Evidence.objects.create(
            event=event, article=article, sentence="太谷科技节开幕。", span_start=0, span_end=8
        )
    make_article("https://sxrb.example/9", source="山西日报", duplicate_of=first)
    make_article("https://jzrb.example/repost", source="晋中日报", duplicate_of=first)
    make_article("https://portal.example/a/77", duplicate_of=county)
    return event


EXPECTED = ["portal.example", "山西日报", "晋中日报", "taigu.gov.example"]


def test_reporting_outlets_counts_each_outlet_once_reposts_included(festival):
    assert reporting_outlets(festival) == sorted(EXPECTED)


def test_reporting_outlets_reads_the_prefetch_in_a_fixed_number_of_queries(
    festival, django_assert_num_queries
):
    make_event("另一个事件", article=make_article("https://jzrb.example/4", source="晋中日报"))
    events = list(with_sources(Event.objects.order_by("pk"), reposts=True))

    with django_assert_num_queries(0):
        counts = [event_item(event)["outlet_count"] for event in events]

    assert counts == [4, 1]


def test_event_page_and_api_and_csv_give_the_same_count(client, festival):
    item = client.get(f"/api/events/{festival.uid}").json()
    page = client.get(f"/events/{festival.uid}/").content.decode()
    csv_text = b"".join(client.get("/events.csv?coarse=1").streaming_content).decode("utf-8-sig")

    assert item["outlet_count"] == len(EXPECTED)
    assert f"{len(EXPECTED)} 家媒体报道</h2>" in page
    header, row = csv_text.splitlines()[:2]
    assert row.split(",")[header.split(",").index("报道媒体数")] == str(len(EXPECTED))
