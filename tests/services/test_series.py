"""Series at ingest (editions of one festival linked, other towns' kept apart) and provenance by outlet."""

from __future__ import annotations

from datetime import date

import pytest

from events.models import Event, Source
from events.services import ingest_article
from events.services.series import series_fields
from tests.services.candidates import use_line_candidates

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def _line_extractor(monkeypatch):
    use_line_candidates(monkeypatch)


def test_series_fields_qualify_the_name_by_region():
    taigu = {"province": "山西省", "province_code": "140000", "city": "晋中市", "county": "太谷区"}
    yuci = {**taigu, "county": "榆次区"}

    assert series_fields("山西·太谷第二十一届科技节", taigu) == {
        "series_key": "140000:太谷科技节",
        "edition": 21,
    }
    assert series_fields("第二十二届科技节", taigu) == {"series_key": "140000:太谷科技节", "edition": 22}
    assert series_fields("第五届科技节", yuci)["series_key"] == "140000:榆次科技节"
    assert series_fields("第五届科技节", {"province_code": ""}) == {"series_key": "", "edition": None}


def test_editions_are_linked_and_listed_with_their_outlets(client):
    jz = Source.objects.create(name="晋中日报", kind="url")
    sx = Source.objects.create(name="山西日报", kind="url")
    reports = [
        ("a", "山西·太谷第二十一届科技节 2024-03-11 太谷区金谷广场", jz, date(2024, 3, 12)),
        ("b", "第二十二届太谷科技节 2025-03-10 太谷区金谷广场", jz, date(2025, 3, 11)),
        ("c", "第二十二届太谷科技节 2025-03-10 太谷区金谷广场", jz, date(2025, 3, 12)),
        ("d", "第二十二届太谷科技节 2025-03-10 太谷区金谷广场", sx, date(2025, 3, 12)),
        ("e", "第五届科技节 2025-05-01 榆次区", jz, date(2025, 5, 1)),
    ]
    for key, line, source, published in reports:
        ingest_article(key=key, text=f"@f festival {line}\n", source=source, published=published)

    editions = dict(Event.objects.values_list("title", "series_key"))
    assert editions == {
        "山西·太谷第二十一届科技节": "140000:太谷科技节",
        "第二十二届太谷科技节": "140000:太谷科技节",
        "第五届科技节": "140000:榆次科技节",
    }
    latest = Event.objects.get(edition=22)
    item = client.get(f"/api/events/{latest.uid}").json()
    assert (item["series"], item["edition"]) == ({"key": "140000:太谷科技节", "name": "太谷科技节"}, 22)
    assert [(r["outlet"], r["published"]) for r in item["reports"]] == [
        ("晋中日报", "2025-03-11"),
        ("晋中日报", "2025-03-12"),
        ("山西日报", "2025-03-12"),
    ]
    assert item["outlet_count"] == 2  # 晋中日报's second article is not a second outlet

    page = client.get(f"/events/{latest.uid}/").content.decode()
    assert "2 家媒体报道（3 篇文章）" in page
    assert "历届（本届为第 22 届）" in page and "第 21 届 · " in page and "第五届科技节" not in page
