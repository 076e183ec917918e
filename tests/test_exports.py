"""/events.csv and the API's format=csv, year, order and its 422 for unknown parameters."""

from __future__ import annotations

import csv
import io
from datetime import date

import pytest

from events.services.regions import region_fields_for_code
from tests.factories import make_event

pytestmark = pytest.mark.django_db


@pytest.fixture
def placed():
    make_event("榆次科技节", start=date(2024, 3, 11), **region_fields_for_code("140702"))
    make_event("太原博览会", start=date(2024, 5, 1), **region_fields_for_code("140100"))
    make_event("去年的论坛", start=date(2023, 5, 1))


def titles(body: bytes) -> list[str]:
    return [row["标题"] for row in csv.DictReader(io.StringIO(body.decode("utf-8-sig")))]


def test_events_csv_takes_the_timeline_filters(client, placed):
    response = client.get("/events.csv", {"province": "山西", "year": "2024"})

    assert response["Content-Type"] == "text/csv; charset=utf-8"
    assert response["Content-Disposition"] == 'attachment; filename="kejicalendar-events.csv"'
    assert titles(b"".join(response.streaming_content)) == ["榆次科技节", "太原博览会"]
    assert client.get("/events.csv", {"from": "2024-13"}).status_code == 400


def test_api_csv_year_order_and_unknown_parameters(client, placed):
    csv_page = client.get("/api/events", {"format": "csv", "year": "2024", "order": "asc"})
    json_page = client.get("/api/events", {"year": "2023"}).json()
    unknown = client.get("/api/events", {"yaer": "2024"})

    assert csv_page["Content-Type"] == "text/csv; charset=utf-8"
    assert titles(csv_page.content) == ["榆次科技节", "太原博览会"]
    assert [item["title"] for item in json_page["items"]] == ["去年的论坛"]
    assert unknown.status_code == 422
    assert unknown.json()["detail"][0]["loc"] == ["query", "yaer"]
    assert unknown.json()["detail"][0]["msg"].startswith("未知参数：yaer；可用参数：after, city, county,")
    assert unknown["Content-Type"] == "application/json; charset=utf-8"
    assert "\\u" not in client.get("/api/events").content.decode()  # Chinese as itself, not escapes
