"""Re-reading two reports of one event leaves its confidence (and reasons) where the higher one put it."""

from datetime import date

import pytest

from events.models import Event
from events.services import ingest_article

pytestmark = pytest.mark.django_db

ONCE = "3月11日，第五届科技节在金谷广场开幕。"
TWICE = "3月11日，第五届科技节在金谷广场开幕。第五届科技节为期一天。"  # found twice: a higher confidence


def test_forced_reread_of_a_shared_event_changes_nothing():
    for key, text in (("once.txt", ONCE), ("twice.txt", TWICE)):
        ingest_article(key=key, text=text, published=date(2024, 3, 12))
    event = Event.objects.get()

    again = [
        ingest_article(key=key, text=text, published=date(2024, 3, 12), force=True)
        for key, text in (("once.txt", ONCE), ("twice.txt", TWICE))
    ]

    assert [r.updated for r in again] == [0, 0]
    assert Event.objects.get().confidence == event.confidence
    assert "文中2处提及" in event.confidence_reasons
