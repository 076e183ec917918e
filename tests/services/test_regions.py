"""Event regions at ingest: read from the place and the article's dateline; a curator's region stays."""

from __future__ import annotations

from datetime import date

import pytest
from django.core.exceptions import ValidationError

from events.models import Event
from events.services import ingest_article, update_event_fields
from events.services.regions import region_fields_for_code
from tests.services.candidates import use_line_candidates

pytestmark = pytest.mark.django_db

TEXT = (
    "本报晋中4月28日讯（记者 孙丽）\n"
    "@fest festival 科技节开幕 2024-04-27 榆次区文化广场\n"
    "@train training 农技培训 2024-04-26 我市\n"
    "@expo exhibition 成果展 2024-04-25 会展中心\n"
    "@tw exhibition 智慧科技博览会 2024-04-24 台中国际会展中心\n"
)


@pytest.fixture(autouse=True)
def _line_extractor(monkeypatch):
    use_line_candidates(monkeypatch)


def regions() -> dict[str, tuple[str, str, str, str]]:
    return {e.match_key: (e.adcode, e.province, e.city, e.county) for e in Event.objects.all()}


def test_ingest_stores_each_events_region():
    ingest_article(key="a", text=TEXT, published=date(2024, 4, 28))

    assert regions() == {
        "fest": ("140702", "山西省", "晋中市", "榆次区"),
        "train": ("140700", "山西省", "晋中市", ""),  # "我市": the dateline's city
        "expo": ("", "", "", ""),  # a venue alone: unknown stays unknown
        "tw": ("710000", "台湾省", "", ""),
    }


def test_curators_region_survives_reingestion():
    ingest_article(key="a", text=TEXT, published=date(2024, 4, 28))
    expo = Event.objects.get(match_key="expo")
    update_event_fields(event=expo, changes={"adcode": "140727"})

    ingest_article(key="a", text=TEXT + "\n补记", published=date(2024, 4, 28), force=True)

    expo.refresh_from_db()
    assert (expo.adcode, expo.city, expo.county, expo.curated_fields) == (
        "140727",
        "晋中市",
        "祁县",
        ["adcode"],
    )
    assert regions()["fest"][0] == "140702"


def test_curators_place_brings_its_region():
    ingest_article(key="a", text=TEXT, published=date(2024, 4, 28))
    expo = Event.objects.get(match_key="expo")

    update_event_fields(event=expo, changes={"place": "市科技馆"})

    expo.refresh_from_db()
    assert (expo.adcode, expo.curated_fields) == ("140700", ["place"])


def test_unknown_adcode_is_refused_and_nothing_changes():
    ingest_article(key="a", text=TEXT, published=date(2024, 4, 28))
    fest = Event.objects.get(match_key="fest")

    with pytest.raises(ValidationError):
        update_event_fields(event=fest, changes={"adcode": "999999"})

    fest.refresh_from_db()
    assert (fest.adcode, fest.curated_fields) == ("140702", [])


def test_region_fields_for_code_clears_on_empty():
    assert set(region_fields_for_code("").values()) == {""}
    with pytest.raises(ValueError, match="未知的行政区划代码"):
        region_fields_for_code("12345x")
