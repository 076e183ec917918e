"""The curation admin, through Django's test client as a superuser: pages, search, filters, actions, edits."""

from __future__ import annotations

from datetime import date

import pytest
from django.contrib.admin import helpers
from django.urls import reverse

from events.admin import highlight
from events.models import Article, Event, Evidence, Source
from events.services import ingest_article
from tests.services.candidates import use_line_candidates

pytestmark = pytest.mark.django_db

TEXT = (
    "科技节报道\n"
    "@fest festival 科技节开幕 2024-03-11 金谷广场\n"
    "@sign signing 项目集中签约 2024-03-11 金谷广场\n"
    "@farm service 测土配肥 2023-03-08 东贾村\n"
)


@pytest.fixture
def stored(monkeypatch) -> Article:
    use_line_candidates(monkeypatch)
    source = Source.objects.create(name="种子", kind=Source.Kind.FOLDER, location="/tmp/seeds")
    return ingest_article(key="a.txt", text=TEXT, published=date(2024, 3, 12), source=source).article


@pytest.fixture
def client(client, django_user_model):
    user = django_user_model.objects.create_superuser("admin", "admin@example.com", "pw")
    client.force_login(user)
    return client


def changelist(model: str) -> str:
    return reverse(f"admin:events_{model}_changelist")


def titles(response) -> list[str]:
    return sorted(e.title for e in response.context["cl"].result_list)


@pytest.mark.parametrize(
    ("query", "expected"),
    [
        ({}, ["测土配肥", "科技节开幕", "项目集中签约"]),
        ({"q": "签约"}, ["项目集中签约"]),
        ({"q": "东贾村"}, ["测土配肥"]),
        ({"q": "@fest"}, ["科技节开幕"]),  # evidence sentence
        ({"kind": "festival"}, ["科技节开幕"]),
        ({"precision": "day"}, ["测土配肥", "科技节开幕", "项目集中签约"]),
        ({"status": "hidden"}, []),
        ({"year": "2023"}, ["测土配肥"]),
        ({"start__year": "2024"}, ["科技节开幕", "项目集中签约"]),
    ],
    ids=[
        "all",
        "search-title",
        "search-place",
        "search-evidence",
        "kind",
        "precision",
        "status",
        "year",
        "hierarchy",
    ],
)
def test_event_admin_changelist_search_and_filters(client, stored, query, expected):
    response = client.get(changelist("event"), query)

    assert response.status_code == 200
    assert titles(response) == expected


def test_event_admin_source_filter(client, stored):
    other = Source.objects.create(name="别的", kind=Source.Kind.URL, location="http://example.invalid/")

    mine = client.get(changelist("event"), {"source": Source.objects.get(name="种子").pk})
    theirs = client.get(changelist("event"), {"source": other.pk})

    assert (len(titles(mine)), titles(theirs)) == (3, [])


def test_event_admin_change_page_highlights_date_text(client, stored):
    event = Event.objects.get(match_key="fest")

    response = client.get(reverse("admin:events_event_change", args=[event.pk]))

    assert response.status_code == 200
    assert "<mark>2024-03-11</mark>" in response.content.decode()


def test_highlight_escapes_html():
    assert highlight("<b>3月8日</b>开展", "3月8日") == "&lt;b&gt;<mark>3月8日</mark>&lt;/b&gt;开展"


def action(client, name: str, events: list[Event]):
    return client.post(
        changelist("event"),
        {"action": name, helpers.ACTION_CHECKBOX_NAME: [e.pk for e in events]},
        follow=True,
    )


def test_event_admin_confirm_and_hide_actions(client, stored):
    fest, farm = Event.objects.get(match_key="fest"), Event.objects.get(match_key="farm")

    assert action(client, "confirm", [fest]).status_code == 200
    assert action(client, "hide", [farm]).status_code == 200

    fest.refresh_from_db()
    farm.refresh_from_db()
    assert (fest.status, farm.status, farm.sequence) == ("confirmed", "hidden", 1)


def test_event_admin_merge_action(client, stored):
    fest, sign = Event.objects.get(match_key="fest"), Event.objects.get(match_key="sign")
    Event.objects.filter(pk=sign.pk).update(confidence=0.9)

    action(client, "merge", [fest, sign])

    fest.refresh_from_db()
    assert (fest.merged_into_id, fest.status) == (sign.pk, "hidden")
    assert sorted(Evidence.objects.filter(event=sign).values_list("span_start", flat=True)) == [
        TEXT.index("@fest"),
        TEXT.index("@sign"),
    ]


def test_event_admin_reingest_action_runs_task(
    client, stored, monkeypatch, django_capture_on_commit_callbacks
):
    monkeypatch.setattr("events.services.ingest.PARSER_VERSION", "i9")

    with django_capture_on_commit_callbacks(execute=True):
        action(client, "reingest", [Event.objects.get(match_key="fest")])

    assert Article.objects.get().parser_version == "i9"


def test_event_admin_edit_marks_curated_and_survives_reingest(client, stored):
    event = Event.objects.get(match_key="fest")
    url = reverse("admin:events_event_change", args=[event.pk])
    form = client.get(url).context["adminform"].form
    data = {name: form.initial.get(name) for name in form.fields}
    data.update(
        {
            "title": "第二十一届科技节",
            "organizers": "{}",
            "figures": "{}",
            "time": "",
            "evidence-TOTAL_FORMS": "1",
            "evidence-INITIAL_FORMS": "1",
            "evidence-0-id": str(event.evidence.get().pk),
            "evidence-0-event": str(event.pk),
        }
    )
    data = {k: ("" if v is None else v) for k, v in data.items() if v is not False}

    response = client.post(url, data)

    assert response.status_code == 302, response.context["adminform"].form.errors if response.context else ""
    event.refresh_from_db()
    assert (event.title, event.curated_fields, event.sequence) == ("第二十一届科技节", ["title"], 1)
    ingest_article(
        key="a.txt", text=TEXT.replace("科技节开幕", "科技节盛大开幕"), published=date(2024, 3, 12)
    )
    event.refresh_from_db()
    assert event.title == "第二十一届科技节"


def test_article_and_source_admin_pages_and_actions(
    client, stored, monkeypatch, django_capture_on_commit_callbacks
):
    assert client.get(changelist("article"), {"status": "ok", "published_how": "given"}).status_code == 200
    assert client.get(reverse("admin:events_article_change", args=[stored.pk])).status_code == 200
    assert client.get(changelist("source"), {"active__exact": "1"}).status_code == 200
    monkeypatch.setattr("events.services.ingest.PARSER_VERSION", "i8")

    with django_capture_on_commit_callbacks(execute=True):
        client.post(changelist("article"), {"action": "reingest", helpers.ACTION_CHECKBOX_NAME: [stored.pk]})

    assert Article.objects.get().parser_version == "i8"


def test_source_admin_reingest_action_records_last_run(
    client, stored, tmp_path, django_capture_on_commit_callbacks
):
    (tmp_path / "b.txt").write_text(TEXT.replace("@", "@b"), encoding="utf-8")
    source = Source.objects.create(name="临时", kind=Source.Kind.FOLDER, location=str(tmp_path))

    with django_capture_on_commit_callbacks(execute=True):
        client.post(changelist("source"), {"action": "reingest", helpers.ACTION_CHECKBOX_NAME: [source.pk]})

    source.refresh_from_db()
    assert source.last_run is not None
    assert Article.objects.filter(source=source).count() == 1
