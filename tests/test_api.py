"""Tests for the JSON API (events/api.py, kejicalendar/api.py): endpoints, filters, errors, auth, CORS."""

from __future__ import annotations

import json
from datetime import date, time

import pytest
from django.contrib.auth.models import User
from django.core.cache import cache
from django.test import Client
from hypothesis import HealthCheck, given
from hypothesis import settings as hypothesis_settings
from hypothesis import strategies as st
from ninja.testing import TestClient

from events import selectors
from events.models import Article, Event, Source
from events.schemas import EventPageOut
from events.selectors import event_item, with_sources
from events.temporal import extract
from kejicalendar.api import api
from tests.factories import make_article, make_event

pytestmark = pytest.mark.django_db
TOKEN = "test-token-0123456789"


@pytest.fixture(autouse=True)
def fresh_cache():
    cache.clear()
    yield
    cache.clear()


@pytest.fixture
def ninja() -> TestClient:
    return TestClient(api)


@pytest.fixture
def world(db) -> dict:
    """Five visible events over two articles and one source, one hidden and one undated."""
    a1 = make_article(
        "https://news.example/a1", title="太谷科技节", source="晋中日报", published=date(2024, 3, 12)
    )
    a2 = make_article("local/a2.txt", title="项目签约", published=date(2025, 1, 5))
    return {
        "a1": a1,
        "a2": a2,
        "festival": make_event("科技节开幕", article=a1, kind="festival", place="金谷广场", time=time(9, 30)),
        "signing": make_event(
            "项目集中签约，涵盖新能源",
            article=a1,
            kind="signing",
            sentence="共有15个项目成功签约，总投资16.7亿元。",
            figures={"projects_signed": 15, "investment_yuan": 1670000000},
        ),
        "training": make_event(
            "实用技术培训",
            article=a2,
            kind="training",
            start=date(2025, 3, 1),
            end=date(2025, 3, 31),
            precision="month",
            edtf="2025-03",
            place="太谷区",
        ),
        "plan": make_event(
            "“十四五”科技规划",
            article=a2,
            kind="other",
            start=date(2021, 1, 1),
            end=date(2025, 12, 31),
            precision="multi-year",
            edtf="2021/2025",
            status="confirmed",
        ),
        "undated": make_event(
            "常年开放", article=a2, kind="opening", start=None, end=None, precision="vague"
        ),
        "hidden": make_event("被隐藏的事件", article=a1, kind="festival", status="hidden"),
    }


def uids(body: dict) -> list[str]:
    return [item["uid"] for item in body["items"]]


def test_list_events_items_have_the_export_shape(ninja, world):
    response = ninja.get("/events?ordering=start")

    assert response.status_code == 200
    body = response.json()
    expected = [
        event_item(e)
        for e in selectors.order_events(
            with_sources(Event.objects.exclude(status="hidden")), ordering="start"
        )
    ]
    assert body == {
        "count": 5,
        "count_capped": False,
        "limit": 50,
        "offset": 0,
        "next_after": None,
        "items": expected,
    }
    assert body["items"][-1]["uid"] == world["undated"].uid  # undated last


def test_list_events_matches_its_schema_and_writes_chinese_as_itself(ninja, world):
    response = ninja.get("/events")

    assert EventPageOut.model_validate(response.json()).count == 5
    assert "科技节开幕".encode() in response.content
    assert response["Content-Type"] == "application/json; charset=utf-8"


def test_list_events_sees_changes_despite_its_cache(ninja, world):
    before = ninja.get("/events?kind=festival").json()
    festival = world["festival"]
    festival.title = "科技节开幕（改期）"
    festival.save()
    Event.objects.create(title="新节会", kind="festival", start=date(2024, 5, 1), end=date(2024, 5, 1))
    after = ninja.get("/events?kind=festival").json()

    assert [i["title"] for i in before["items"]] == ["科技节开幕"]
    assert [i["title"] for i in after["items"]] == ["新节会", "科技节开幕（改期）"]


def test_list_events_orders_newest_first_by_default(ninja, world):
    body = ninja.get("/events").json()

    # Same start day (festival, signing): creation order; undated events last either way.
    assert uids(body) == [world[n].uid for n in ["training", "festival", "signing", "plan", "undated"]]


def test_list_events_paginates(ninja, world):
    first = ninja.get("/events?ordering=start&limit=2").json()
    second = ninja.get("/events?ordering=start&limit=2&offset=2").json()
    beyond = ninja.get("/events?limit=2&offset=10").json()

    assert (first["count"], first["limit"], first["offset"]) == (5, 2, 0)
    assert uids(first) == [world["plan"].uid, world["festival"].uid]
    assert uids(second) == [world["signing"].uid, world["training"].uid]
    assert beyond == {
        "count": 5,
        "count_capped": False,
        "limit": 2,
        "offset": 10,
        "next_after": None,
        "items": [],
    }


def test_list_events_goes_on_after_a_cursor(ninja, world):
    first = ninja.get("/events?ordering=start&limit=2").json()
    second = ninja.get(f"/events?ordering=start&limit=2&after={first['next_after']}").json()
    last = ninja.get(f"/events?ordering=start&limit=2&after={second['next_after']}").json()

    assert first["next_after"] == world["festival"].uid
    assert uids(second) == [world["signing"].uid, world["training"].uid]
    assert uids(last) == [world["undated"].uid] and last["next_after"] is None


def test_list_events_refuses_a_cursor_outside_the_results_and_a_deep_offset(ninja, world):
    wrong = ninja.get(f"/events?kind=signing&after={world['festival'].uid}")
    deep = ninja.get("/events?offset=1001")

    assert wrong.status_code == 422 and wrong.json()["detail"][0]["loc"] == ["query", "after"]
    assert deep.status_code == 422 and deep.json()["detail"][0]["loc"] == ["query", "offset"]


@pytest.mark.parametrize(
    ("query", "expected"),
    [
        ("kind=signing", ["signing"]),
        ("from=2025-01-01", ["training", "plan"]),
        ("to=2023-12-31", ["plan"]),
        ("from=2024-03&to=2024-03", ["festival", "signing", "plan"]),
        ("place=%E9%87%91%E8%B0%B7", ["festival"]),
        ("q=%E6%8A%95%E8%B5%84", ["signing"]),
        ("precision=month", ["training"]),
        ("source=%E6%99%8B%E4%B8%AD%E6%97%A5%E6%8A%A5", ["festival", "signing"]),
        ("kind=festival&place=%E9%87%91%E8%B0%B7&from=2024-01-01", ["festival"]),
    ],
    ids=["kind", "from", "to", "month", "place", "q-evidence", "precision", "source", "combined"],
)
def test_list_events_filters(ninja, world, query, expected):
    body = ninja.get(f"/events?{query}").json()

    assert sorted(uids(body)) == sorted(world[name].uid for name in expected)
    assert body["count"] == len(expected)


@pytest.mark.parametrize(
    ("query", "loc"),
    [
        ("limit=0", ["query", "limit"]),
        ("limit=501", ["query", "limit"]),
        ("limit=ten", ["query", "limit"]),
        ("offset=-1", ["query", "offset"]),
        ("ordering=title", ["query", "ordering"]),
        ("kind=party", ["query", "kind"]),
        ("precision=hour", ["query", "precision"]),
        ("from=2024-02-30", ["query", "from"]),
        ("from=last-week", ["query", "from"]),
        ("from=2024-03-02&to=2024-03-01", ["query", "to"]),
    ],
    ids=[
        "limit-0",
        "limit-501",
        "limit-word",
        "offset",
        "ordering",
        "kind",
        "precision",
        "bad-day",
        "word",
        "reversed",
    ],
)
def test_list_events_invalid_input_names_the_field(ninja, world, query, loc):
    response = ninja.get(f"/events?{query}")

    assert response.status_code == 422
    [error] = response.json()["detail"]
    assert error["loc"] == loc
    assert error["msg"]


def test_get_event_returns_the_item(ninja, world):
    response = ninja.get(f"/events/{world['signing'].uid}")

    assert response.status_code == 200
    assert response.json() == event_item(with_sources(Event.objects.filter(pk=world["signing"].pk)).get())
    assert response.json()["figures"] == {"projects_signed": 15, "investment_yuan": 1670000000}


@pytest.mark.parametrize("name", ["hidden", None], ids=["hidden", "unknown"])
def test_get_event_hidden_or_unknown_is_404(ninja, world, name):
    uid = world[name].uid if name else "no-such-uid"

    response = ninja.get(f"/events/{uid}")

    assert response.status_code == 404
    assert response.json() == {"detail": [{"loc": [], "msg": "not found", "type": "not_found"}]}


def test_list_kinds_counts_visible_events_with_labels(ninja, world):
    body = ninja.get("/kinds").json()

    assert [k["value"] for k in body] == Event.Kind.values
    by_value = {k["value"]: (k["label"], k["count"]) for k in body}
    assert by_value["festival"] == ("节会", 1)  # the hidden festival is not counted
    assert by_value["signing"] == ("签约", 1)
    assert by_value["opening"] == ("开放/开幕", 1)
    assert by_value["exhibition"] == ("展览", 0)


def test_list_articles_paginates_newest_first(ninja, world):
    body = ninja.get("/articles?limit=1").json()

    assert body["count"] == 2
    assert [a["key"] for a in body["items"]] == ["local/a2.txt"]
    assert body["items"][0] == {
        "id": world["a2"].pk,
        "key": "local/a2.txt",
        "url": "",
        "title": "项目签约",
        "published": "2025-01-05",
        "published_how": "unknown",
        "source": None,
        "status": "ok",
        "ingested": None,
    }
    assert [
        a["key"] for a in ninja.get("/articles?source=%E6%99%8B%E4%B8%AD%E6%97%A5%E6%8A%A5").json()["items"]
    ] == ["https://news.example/a1"]


def test_list_articles_limit_out_of_range_is_422(ninja, world):
    response = ninja.get("/articles?limit=1000")

    assert response.status_code == 422
    assert response.json()["detail"][0]["loc"] == ["query", "limit"]


def test_get_article_has_mentions_and_events(ninja, world):
    article = world["a1"]
    article.text = "3月11日，科技节在金谷广场开幕。"
    article.save()

    body = ninja.get(f"/articles/{article.pk}").json()

    assert body["text"] == article.text
    assert body["mentions"] == [m.to_dict() for m in extract(article.text, date(2024, 3, 12))]
    assert body["mentions"][0]["start"] == "2024-03-11"
    assert [e["uid"] for e in body["events"]] == [world["festival"].uid, world["signing"].uid]


def test_get_article_unknown_is_404(ninja, world):
    assert ninja.get("/articles/999999").status_code == 404


def test_parse_returns_the_cli_json_shape(ninja):
    text = "2024年3月11日上午9时至11时，科技节开幕；“十四五”期间建成示范县。"

    response = ninja.post("/parse", json={"text": text, "ref": "2024-03-12"})

    assert response.status_code == 200
    expected = [m.to_dict() for m in extract(text, date(2024, 3, 12))]
    assert response.json() == {"mentions": expected}
    assert response.json()["mentions"][0]["start"] == "2024-03-11"
    assert (response.json()["mentions"][0]["time"], response.json()["mentions"][0]["end_time"]) == (
        "09:00",
        "11:00",
    )


@pytest.mark.parametrize(
    ("payload", "loc"),
    [
        ({"ref": "2024-03-12"}, ["body", "text"]),
        ({"text": "明天", "ref": "2024-13-01"}, ["body", "ref"]),
        ({"text": 5}, ["body", "text"]),
    ],
    ids=["missing-text", "bad-ref", "text-not-string"],
)
def test_parse_invalid_body_names_the_field(ninja, payload, loc):
    response = ninja.post("/parse", json=payload)

    assert response.status_code == 422
    assert [e["loc"] for e in response.json()["detail"]] == [loc]


def test_parse_malformed_json_is_4xx_json(client):
    response = client.post("/api/parse", data=b'{"text": "3\xe6\x9c\x88', content_type="application/json")

    assert 400 <= response.status_code < 500
    assert response.json()["detail"][0]["loc"][0] == "body"


def test_parse_oversized_text_is_422(ninja, settings):
    settings.KEJICAL_MAX_ARTICLE_CHARS = 10

    response = ninja.post("/parse", json={"text": "科技" * 6})

    assert response.status_code == 422
    assert response.json()["detail"][0]["loc"] == ["body", "text"]
    assert "科技" not in json.dumps(response.json(), ensure_ascii=False)  # the input is not echoed back


def test_health_needs_no_database(client, django_assert_num_queries):
    with django_assert_num_queries(0):
        response = client.get("/api/health")

    assert response.json() == {"ok": True}


def test_openapi_and_docs_are_served(client):
    schema = client.get("/api/openapi.json").json()
    docs = client.get("/api/docs")

    assert schema["info"]["version"] == "1.0.0"
    assert "科技日历" in schema["info"]["title"]
    assert {"/api/events", "/api/events/{uid}", "/api/articles", "/api/kinds", "/api/parse"} <= set(
        schema["paths"]
    )
    assert docs.status_code == 200


def test_unexpected_error_is_json_500(client, monkeypatch, caplog):
    def broken() -> list:
        raise RuntimeError("boom")

    monkeypatch.setattr(selectors, "count_by_kind", broken)

    response = client.get("/api/kinds")

    assert response.status_code == 500
    assert response.json() == {"detail": [{"loc": [], "msg": "internal error", "type": "server_error"}]}
    assert "boom" in caplog.text


def test_cors_header_on_api_and_preflight(client, world):
    response = client.get("/api/events")
    preflight = client.options(
        "/api/articles", HTTP_ORIGIN="https://example.org", HTTP_ACCESS_CONTROL_REQUEST_METHOD="POST"
    )

    assert response["Access-Control-Allow-Origin"] == "*"
    assert preflight.status_code == 204
    assert preflight["Access-Control-Allow-Origin"] == "*"
    assert "Authorization" in preflight["Access-Control-Allow-Headers"]
    assert "Access-Control-Allow-Credentials" not in preflight


# Writes: POST /api/articles


ARTICLE = {
    "text": "本报讯 3月11日，山西·太谷第二十一届科技节在金谷广场开幕。开幕式上，共有15个项目成功签约，总投资16.7亿元。",
    "title": "太谷科技节开幕",
    "url": "https://news.example/taigu",
    "published": "2024-03-12",
}


@pytest.fixture
def token(settings) -> str:
    settings.KEJICAL_API_TOKENS = ["another-token", TOKEN]
    return TOKEN


def test_create_article_anonymous_is_401(client, token):
    response = client.post("/api/articles", data=ARTICLE, content_type="application/json")

    assert response.status_code == 401
    assert response["WWW-Authenticate"].startswith("Bearer")
    assert response.json()["detail"][0]["type"] == "unauthorized"
    assert not Article.objects.exists()


@pytest.mark.parametrize("header", ["Bearer wrong", "Bearer ", f"Basic {TOKEN}", TOKEN], ids=str)
def test_create_article_bad_token_is_401(client, token, header):
    response = client.post(
        "/api/articles", data=ARTICLE, content_type="application/json", HTTP_AUTHORIZATION=header
    )

    assert response.status_code == 401


def test_create_article_non_staff_session_is_401(client, token):
    client.force_login(User.objects.create_user("reader", password="x"))

    response = client.post("/api/articles", data=ARTICLE, content_type="application/json")

    assert response.status_code == 401


def test_create_article_with_token_ingests_and_returns_events(client, token):
    auth = {"HTTP_AUTHORIZATION": f"Bearer {TOKEN}"}

    first = client.post("/api/articles", data=ARTICLE, content_type="application/json", **auth)
    again = client.post("/api/articles", data=ARTICLE, content_type="application/json", **auth)

    assert first.status_code == 201
    body = first.json()
    article = Article.objects.get(key="https://news.example/taigu")
    assert body["article"]["id"] == article.pk
    assert body["status"] == "new"
    assert body["events"] and body["created"] == len(body["events"])
    assert any(e["start"] == "2024-03-11" for e in body["events"])
    assert again.status_code == 200
    assert again.json()["status"] == "unchanged"
    assert [e["uid"] for e in again.json()["events"]] == [e["uid"] for e in body["events"]]


def test_create_article_staff_session_needs_csrf(token):
    client = Client(enforce_csrf_checks=True)
    client.force_login(User.objects.create_user("curator", password="x", is_staff=True))
    secret = "k" * 32  # a CSRF cookie value the browser would have; the header must repeat it

    refused = client.post("/api/articles", data=ARTICLE, content_type="application/json")
    client.cookies["csrftoken"] = secret
    accepted = client.post(
        "/api/articles", data=ARTICLE, content_type="application/json", HTTP_X_CSRFTOKEN=secret
    )

    assert refused.status_code == 403
    assert refused.json()["detail"][0]["msg"] == "CSRF check Failed"
    assert accepted.status_code == 201


@pytest.mark.parametrize(
    ("change", "loc"),
    [
        ({"url": "", "key": ""}, ["body", "key"]),
        ({"published": "2024-02-30"}, ["body", "published"]),
        ({"text": "   "}, ["body", "text"]),
        ({"source": "没有这个来源"}, ["body", "source"]),
    ],
    ids=["no-key", "bad-date", "blank-text", "unknown-source"],
)
def test_create_article_invalid_input_names_the_field(client, token, change, loc):
    response = client.post(
        "/api/articles",
        data={**ARTICLE, **change},
        content_type="application/json",
        HTTP_AUTHORIZATION=f"Bearer {TOKEN}",
    )

    assert response.status_code == 422
    assert response.json()["detail"][0]["loc"] == loc
    assert not Article.objects.exists()


def test_create_article_oversized_text_is_422(client, token, settings):
    settings.KEJICAL_MAX_ARTICLE_CHARS = 20

    response = client.post(
        "/api/articles", data=ARTICLE, content_type="application/json", HTTP_AUTHORIZATION=f"Bearer {TOKEN}"
    )

    assert response.status_code == 422
    assert response.json()["detail"][0]["loc"] == ["body", "text"]


def test_create_article_huge_body_is_413(client, token, settings):
    settings.DATA_UPLOAD_MAX_MEMORY_SIZE = 1000

    response = client.post(
        "/api/articles",
        data={**ARTICLE, "text": "科" * 2000},
        content_type="application/json",
        HTTP_AUTHORIZATION=f"Bearer {TOKEN}",
    )

    assert response.status_code == 413
    assert response.json()["detail"][0]["loc"] == ["body"]


@pytest.mark.parametrize(
    ("method", "path", "status"),
    [
        ("get", "/api/nope", 404),
        ("get", "/api/events/", 404),
        ("put", "/api/events", 405),
        ("delete", "/api/articles", 405),
    ],
    ids=["unknown", "trailing-slash", "put", "delete"],
)
def test_routing_errors_are_json(client, method, path, status):
    response = getattr(client, method)(path)

    assert response.status_code == status
    assert response.json()["detail"][0]["type"] in ("not_found", "method_not_allowed")
    assert response["Access-Control-Allow-Origin"] == "*"


PARAM_VALUES = st.one_of(
    st.sampled_from(
        ["", "2024-03-11", "2024-02-30", "2024", "2024-13", "signing", "day", "-start", "0", "-1", "501"]
    ),
    st.text(alphabet=st.characters(codec="utf-8"), max_size=30),
)


@hypothesis_settings(
    max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(
    st.dictionaries(
        st.sampled_from(
            ["kind", "from", "to", "place", "q", "precision", "source", "limit", "offset", "ordering"]
        ),
        PARAM_VALUES,
        max_size=5,
    )
)
def test_list_events_never_answers_500(client, world, params):
    response = client.get("/api/events", params)

    assert response.status_code in (200, 422)
    assert response.json()


# --- readiness --------------------------------------------------------------------------------


@pytest.mark.django_db
def test_ready_without_broker_checks_the_database(ninja, settings):
    settings.CELERY_BROKER_URL = ""

    response = ninja.get("/ready")

    assert (response.status_code, response.json()) == (
        200,
        {"ok": True, "database": {"ok": True, "detail": ""}, "broker": {"ok": True, "detail": ""}},
    )


@pytest.mark.django_db
def test_ready_with_broker_down_is_503_and_says_why(ninja, settings):
    settings.CELERY_BROKER_URL = "redis://127.0.0.1:1/0"  # nothing listens on port 1

    response = ninja.get("/ready")

    assert response.status_code == 503
    assert response.json()["database"] == {"ok": True, "detail": ""}
    assert response.json()["broker"] == {
        "ok": False,
        "detail": "任务队列（redis://127.0.0.1:1/0）无法连接：ConnectionError",
    }


def test_health_touches_no_database(ninja, django_assert_max_num_queries):
    with django_assert_max_num_queries(0):
        assert ninja.get("/health").json() == {"ok": True}


@pytest.mark.parametrize("path", ["/api/articles", "/api/parse"])
def test_post_text_with_lone_surrogate_is_422_not_500(client, settings, path):
    settings.KEJICAL_API_TOKENS = [TOKEN]
    body = {"text": "3月11日，科技节在金谷广场开幕。" * 200 + "\ud800", "key": "surrogate"}

    response = client.post(
        path, data=json.dumps(body), content_type="application/json", HTTP_AUTHORIZATION=f"Bearer {TOKEN}"
    )

    assert (response.status_code, response.json()["detail"][0]["loc"]) == (422, ["body", "text"])
    assert not Article.objects.filter(key="surrogate").exists()


@pytest.mark.parametrize("key", ["/etc/passwd", "local/file.txt"])
def test_create_article_cannot_take_over_a_file_sources_key(client, settings, key):
    settings.KEJICAL_API_TOKENS = [TOKEN]
    folder = Source.objects.create(name="本地文件", kind=Source.Kind.FOLDER, location="local")
    make_article("local/file.txt", source=folder, text="原文")
    body = {"text": "3月11日，科技节在金谷广场开幕。", "key": key}

    response = client.post(
        "/api/articles",
        data=json.dumps(body),
        content_type="application/json",
        HTTP_AUTHORIZATION=f"Bearer {TOKEN}",
    )

    assert (response.status_code, response.json()["detail"][0]["loc"]) == (422, ["body", "key"])
    assert list(Article.objects.values_list("key", "text")) == [("local/file.txt", "原文")]
