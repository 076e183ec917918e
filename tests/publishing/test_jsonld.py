"""Tests for events.publishing.jsonld: schema.org Event dates at their precision, and safe script escaping."""

import json
from datetime import date, time

import pytest

from events.models import Event
from events.publishing.jsonld import event_json_ld, json_ld_script


def dates(**fields) -> tuple[str, str]:
    event = Event(title="t", **fields)
    data = event_json_ld(event, url="https://x/events/1/") if event.start else {}
    return data.get("startDate"), data.get("endDate")


@pytest.mark.parametrize(
    ("fields", "expected"),
    [
        ({"start": date(2024, 3, 11), "end": date(2024, 3, 11), "precision": "day"}, ("2024-03-11", "2024-03-11")),
        ({"start": date(2024, 3, 11), "end": date(2024, 3, 11), "precision": "day", "time": time(9, 30)},
         ("2024-03-11T09:30+08:00", "2024-03-11")),
        ({"start": date(2024, 3, 1), "end": date(2024, 3, 31), "precision": "month"}, ("2024-03", "2024-03")),
        ({"start": date(2023, 1, 1), "end": date(2023, 12, 31), "precision": "year"}, ("2023", "2023")),
        ({"start": date(2025, 11, 7), "end": date(2025, 12, 6), "precision": "season"}, ("2025-11-07", "2025-12-06")),
        ({"start": date(2021, 1, 1), "end": date(2025, 12, 31), "precision": "multi-year"},
         ("2021-01-01", "2025-12-31")),
    ],
    ids=["day", "timed", "month", "year", "season", "multi-year"],
)  # fmt: skip
def test_event_json_ld_dates_keep_their_precision(fields, expected):
    assert dates(**fields) == expected


@pytest.mark.django_db
def test_event_json_ld_describes_place_organizers_and_status():
    event = Event.objects.create(
        title="科技节", start=date(2024, 3, 11), end=date(2024, 3, 11), place="金谷广场",
        organizers={"hosts": ["区政府"], "undertakers": ["科协"]},
    )  # fmt: skip

    data = event_json_ld(event, url="https://x/events/1/")

    assert data == {
        "@context": "https://schema.org",
        "@type": "Event",
        "@id": "https://x/events/1/",
        "name": "科技节",
        "url": "https://x/events/1/",
        "eventStatus": "https://schema.org/EventScheduled",
        "startDate": "2024-03-11",
        "endDate": "2024-03-11",
        "location": {"@type": "Place", "name": "金谷广场", "address": "金谷广场"},
        "organizer": [{"@type": "Organization", "name": "区政府"}],
    }


def test_json_ld_script_escapes_markup_and_round_trips():
    data = {"name": "</script><!-- & 科技"}

    html = json_ld_script(data)

    body = html.removeprefix('<script type="application/ld+json">').removesuffix("</script>")
    assert "<" not in body and ">" not in body and "&" not in body
    assert json.loads(body) == data
