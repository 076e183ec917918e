"""Curation services: confirm, hide, merge, edit; and how re-ingestion respects each of them."""

from __future__ import annotations

from datetime import date

import pytest

from events.models import Event, Evidence
from events.services import (
    confirm_events,
    derive_edtf,
    hide_events,
    ingest_article,
    merge_events,
    pick_merge_target,
    unconfirm_events,
    unhide_events,
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


def test_merge_then_reingest_same_text_keeps_target_fields():
    fest, opening = get("fest"), get("open")
    merge_events(target=opening, others=[fest])  # fest's line comes first in the text

    result = ingest_article(key="a.txt", text=TEXT, published=REF, force=True)

    opening.refresh_from_db()
    assert (opening.title, opening.kind, opening.sequence) == ("科技节开幕式", "opening", 0)
    assert (result.created, Event.objects.count(), get("fest").merged_into_id) == (0, 3, opening.pk)


OTHER = "农机展报道\n@expo exhibition 新型农机具展示展销 2024-03-11 金谷广场\n"


def test_merge_across_articles_survives_reingesting_both():
    ingest_article(key="b.txt", text=OTHER, published=REF)
    fest, expo = get("fest"), get("expo")
    merge_events(target=fest, others=[expo])

    for key, text in (("a.txt", TEXT), ("b.txt", OTHER), ("b.txt", "前言。\n" + OTHER)):
        ingest_article(key=key, text=text, published=REF, force=True)

    fest, expo = get("fest"), get("expo")
    assert (fest.title, fest.kind, fest.sequence, fest.lead_article.key) == (
        "科技节开幕",
        "festival",
        0,
        "a.txt",
    )
    assert (expo.merged_into_id, expo.status, expo.evidence.count()) == (fest.pk, "hidden", 0)
    assert sorted(fest.evidence.values_list("article__key", flat=True)) == ["a.txt", "b.txt"]
    assert Event.objects.count() == 4


def test_shared_event_lead_passes_to_remaining_article():
    ingest_article(key="b.txt", text="另一报道\n@fest-b festival 科技节开幕 2024-03-11\n", published=REF)
    ingest_article(key="a.txt", text="科技节报道\n", published=REF)  # a.txt no longer reports it
    assert get("fest").lead_article.key == "b.txt"

    ingest_article(
        key="b.txt", text="另一报道\n@fest-b festival 第二十一届科技节 2024-03-11\n", published=REF
    )

    fest = get("fest-b")
    assert (fest.title, fest.sequence, fest.place) == ("第二十一届科技节", 1, "")  # the lead's own words


def test_update_event_fields_day_to_month_widens_days_and_derives_edtf():
    event = get("fest")

    update_event_fields(event=event, changes={"precision": "month"})

    event.refresh_from_db()
    assert (event.start, event.end, event.precision, event.edtf) == (
        date(2024, 3, 1),
        date(2024, 3, 31),
        "month",
        "2024-03",
    )
    assert event.curated_fields == ["edtf", "end", "precision", "start"]
    ingest_article(key="a.txt", text=TEXT, published=REF, force=True)
    event.refresh_from_db()
    assert (event.start, event.end, event.precision, event.edtf) == (
        date(2024, 3, 1),
        date(2024, 3, 31),
        "month",
        "2024-03",
    )


def test_update_event_fields_new_day_derives_edtf_and_fills_end():
    event = get("farm")

    update_event_fields(event=event, changes={"start": date(2024, 3, 7)})
    assert (event.start, event.end, event.edtf) == (
        date(2024, 3, 7),
        date(2024, 3, 8),
        "2024-03-07/2024-03-08",
    )
    update_event_fields(event=event, changes={"start": date(2024, 3, 9), "end": None})
    assert (event.start, event.end, event.edtf) == (date(2024, 3, 9), date(2024, 3, 9), "2024-03-09")


def test_update_event_fields_keeps_an_edtf_the_curator_set():
    event = get("fest")

    update_event_fields(event=event, changes={"precision": "season", "edtf": "2024-21"})

    assert (event.start, event.end, event.edtf) == (date(2024, 3, 11), date(2024, 3, 11), "2024-21")


def test_update_event_fields_refuses_end_before_start():
    from django.core.exceptions import ValidationError

    with pytest.raises(ValidationError):
        update_event_fields(event=get("fest"), changes={"start": date(2024, 3, 12)})
    assert get("fest").start == date(2024, 3, 11)


@pytest.mark.parametrize(
    ("start", "end", "precision", "open_end", "edtf"),
    [
        (date(2024, 3, 11), date(2024, 3, 11), "day", False, "2024-03-11"),
        (date(2024, 3, 11), date(2024, 3, 13), "day", False, "2024-03-11/2024-03-13"),
        (date(2024, 3, 1), date(2024, 4, 30), "month", False, "2024-03/2024-04"),
        (date(2024, 1, 1), date(2024, 6, 30), "half-year", False, "2024-01/2024-06"),
        (date(2024, 2, 4), date(2024, 5, 4), "season", False, "2024-02-04/2024-05-04"),
        (date(2021, 1, 1), date(2025, 12, 31), "multi-year", False, "2021/2025"),
        (date(2024, 1, 1), date(2024, 12, 31), "year", True, "2024/.."),
        (date(2021, 1, 1), date(2024, 3, 12), "vague", False, "2021/2024"),
        (date(987, 3, 1), date(987, 3, 31), "month", False, "0987-03"),
        (None, None, "day", False, ""),
    ],
    ids=["day", "days", "months", "half-year", "season", "plan", "open-year", "vague", "year-987", "undated"],
)
def test_derive_edtf(start, end, precision, open_end, edtf):
    assert derive_edtf(start=start, end=end, precision=precision, open_end=open_end) == edtf


def test_unhide_events_bumps_sequence_and_skips_merged():
    fest, farm, opening = get("fest"), get("farm"), get("open")
    hide_events(events=[farm])
    merge_events(target=opening, others=[fest])

    assert unhide_events(events=[farm, fest, opening]) == 1

    farm, fest = get("farm"), get("fest")
    assert (farm.status, farm.sequence) == ("auto", 2)
    assert (fest.status, fest.merged_into_id) == ("hidden", opening.pk)


def test_unhidden_event_updates_again_on_reingest():
    hide_events(events=[get("farm")])
    unhide_events(events=[get("farm")])

    ingest_article(
        key="a.txt", text=TEXT.replace("测土配肥 2024-03-08", "测土配肥 2024-03-09"), published=REF
    )

    farm = get("farm")
    assert (farm.status, farm.start, farm.sequence) == ("auto", date(2024, 3, 9), 3)


def test_unconfirm_events():
    confirm_events(events=[get("farm")])

    assert unconfirm_events(events=[get("farm"), get("fest")]) == 1
    assert get("farm").status == "auto"
