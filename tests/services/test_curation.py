"""Curation services: confirm, hide, merge, edit; and how re-ingestion respects each of them."""

from __future__ import annotations

from datetime import date

import pytest

from events.models import Event, Evidence
from events.services import (
    confirm_events,
    hide_events,
    ingest_article,
    merge_events,
    pick_merge_target,
    update_event_fields,
)
from tests.services.candidates import use_line_candidates

pytestmark = pytest.mark.django_db

REF = date(2024, 3, 12)
TEXT = (
    "科技节报道\n"
    "@fest festival 科技节开幕 2024-03-11 金谷广场\n"
    "@open opening 科技节开幕式 2024-03-11 金谷广场\n"
    "@farm service 测土配肥 2024-03-08 东贾村\n"
)


@pytest.fixture(autouse=True)
def stored(monkeypatch) -> None:
    use_line_candidates(monkeypatch)
    ingest_article(key="a.txt", text=TEXT, published=REF)


def get(key: str) -> Event:
    return Event.objects.get(match_key=key)


def test_hide_events_bumps_sequence_and_updated():
    before = get("farm")

    assert hide_events(events=[before]) == 1
    assert hide_events(events=[before]) == 0

    after = get("farm")
    assert (after.status, after.sequence) == ("hidden", 1)
    assert after.updated > before.updated


def test_confirm_events_then_reingest_keeps_fields_and_event():
    confirm_events(events=Event.objects.filter(match_key="farm"))

    ingest_article(
        key="a.txt", text=TEXT.replace("测土配肥 2024-03-08", "测土配肥活动 2024-03-09"), published=REF
    )
    ingest_article(key="a.txt", text="科技节报道\n", published=REF)

    farm = get("farm")
    assert (farm.status, farm.title, farm.start) == ("confirmed", "测土配肥", date(2024, 3, 8))


def test_update_event_fields_marks_curated_and_bumps_sequence_for_visible_fields():
    event = get("fest")

    update_event_fields(event=event, changes={"figures": {"exhibitors": 131}})
    assert (event.curated_fields, event.sequence) == (["figures"], 0)
    update_event_fields(event=event, changes={"place": "太谷区金谷广场", "figures": {"exhibitors": 131}})

    event.refresh_from_db()
    assert (event.curated_fields, event.sequence, event.place) == (["figures", "place"], 1, "太谷区金谷广场")


def test_update_event_fields_refuses_unknown_fields():
    with pytest.raises(ValueError, match="not curatable: status"):
        update_event_fields(event=get("fest"), changes={"status": "confirmed"})


def test_curated_dates_move_together_on_reingest():
    update_event_fields(event=get("fest"), changes={"start": date(2024, 3, 10)})

    ingest_article(
        key="a.txt", text=TEXT.replace("科技节开幕 2024-03-11", "科技节开幕 2024-03-09"), published=REF
    )

    fest = get("fest")
    assert (fest.start, fest.end) == (date(2024, 3, 10), date(2024, 3, 11))


def test_merge_events_moves_evidence_and_survives_reingest():
    fest, opening = get("fest"), get("open")
    target = pick_merge_target([fest, opening])

    merge_events(target=target, others=[fest, opening])
    ingest_article(key="a.txt", text="前言。\n" + TEXT, published=REF)

    other = opening if target == fest else fest
    other.refresh_from_db()
    assert (other.merged_into_id, other.status) == (target.pk, "hidden")
    assert Evidence.objects.filter(event=other).count() == 0
    assert Evidence.objects.filter(event=target).count() == 2
    assert Event.objects.count() == 3  # no duplicate came back


def test_merged_candidate_never_overwrites_target_fields():
    fest, opening = get("fest"), get("open")
    merge_events(target=opening, others=[fest])

    ingest_article(
        key="a.txt", text="前言。\n" + TEXT.replace("科技节开幕 2024", "科技节隆重开幕 2024"), published=REF
    )

    opening.refresh_from_db()
    assert (opening.title, opening.kind, Event.objects.count()) == ("科技节开幕式", "opening", 3)
    assert Evidence.objects.filter(event=opening).count() == 2


def test_pick_merge_target_prefers_confirmed_then_confidence():
    fest, opening, farm = get("fest"), get("open"), get("farm")
    Event.objects.filter(pk=opening.pk).update(confidence=0.95)
    assert pick_merge_target(Event.objects.all()) == opening
    confirm_events(events=[farm])
    assert pick_merge_target(Event.objects.all()) == farm
    assert pick_merge_target([fest]) == fest
