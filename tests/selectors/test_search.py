"""Keyword search: title, place and evidence, adjacent characters only, literal % and _, both strategies."""

from __future__ import annotations

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from events.models import Event, Evidence
from events.selectors import search
from events.selectors.search import matches_text, pairs_query
from tests.factories import make_article, make_event

pytestmark = pytest.mark.django_db


@pytest.fixture
def events() -> None:
    article = make_article()
    make_event("人工智能大会", place="太谷")
    make_event("科技节", place="金谷广场")
    make_event("签约仪式", article=article, sentence="人工智能产业园项目签约。")
    make_event("人工 智能", place="")  # the pairs are there, but not adjacent
    make_event("100%_达标", place="")
    make_event("AI Day", place="")


def found(q: str) -> list[str]:
    return sorted(Event.objects.filter(matches_text(q)).values_list("title", flat=True))


CASES = {
    "title-and-evidence": ("人工智能", ["人工智能大会", "签约仪式"]),
    "place": ("金谷", ["科技节"]),
    "one-character": ("谷", ["人工智能大会", "科技节"]),
    "literal-percent": ("%_", ["100%_达标"]),
    "case": ("ai d", ["AI Day"]),
    "nothing": ("不存在", []),
    "quote": ("智'能", []),
}


@pytest.mark.parametrize(("q", "expected"), CASES.values(), ids=CASES.keys())
def test_matches_text_finds_the_keyword(events, q, expected):
    assert found(q) == expected


@pytest.mark.parametrize(("q", "expected"), CASES.values(), ids=CASES.keys())
def test_matches_text_common_words_give_the_same_events(events, q, expected, monkeypatch):
    monkeypatch.setattr(search, "INDEXED_BOUND", 0)  # every keyword counts as common

    assert found(q) == expected


def test_pairs_query_quotes_each_pair():
    assert pairs_query("人工智能") == "'人工' & '工智' & '智能'"
    assert pairs_query("a'b\\") == "'a''' & '''b' & 'b\\\\'"


def test_indexed_bound_grows_with_the_store_up_to_a_cap(events, monkeypatch):
    """A word in one event of WALK_DENSITY is still read by id in a large store; the floor and cap hold."""
    monkeypatch.setattr(search, "INDEXED_BOUND", 1)
    monkeypatch.setattr(search, "WALK_DENSITY", 2)

    grown = search.indexed_bound()  # six visible events
    monkeypatch.setattr(search, "MAX_INDEXED", 2)
    capped = search.indexed_bound()
    monkeypatch.setattr(search, "INDEXED_BOUND", 5)
    monkeypatch.setattr(search, "MAX_INDEXED", 100)
    floor = search.indexed_bound()

    assert (grown, capped, floor) == (3, 2, 5)


sqlite_only = pytest.mark.skipif(connection.vendor != "sqlite", reason="the FTS5 tables are SQLite's")


@sqlite_only
@pytest.mark.parametrize(("q", "expected"), CASES.values(), ids=CASES.keys())
def test_matches_text_without_fts5_gives_the_same_events(events, q, expected, monkeypatch):
    monkeypatch.setattr(connection, "_kejical_fts", False, raising=False)  # an SQLite built without FTS5

    assert found(q) == expected


@sqlite_only
def test_sqlite_uses_the_trigram_tables_from_three_characters(events):
    if not search.sqlite_fts(connection):
        pytest.skip("this SQLite has no FTS5 trigram tokenizer")
    long_sql = str(Event.objects.filter(matches_text("人工智")).query)
    short_sql = str(Event.objects.filter(matches_text("人工")).query)

    assert "events_event_fts" in long_sql and "LIKE" not in long_sql
    assert "events_event_fts" not in short_sql and "LIKE" in short_sql


@sqlite_only
def test_trigram_tables_follow_every_write(events):
    if not search.sqlite_fts(connection):
        pytest.skip("this SQLite has no FTS5 trigram tokenizer")
    festival = Event.objects.get(title="科技节")
    signing = Event.objects.get(title="签约仪式")
    Event.objects.filter(pk=festival.pk).update(title="量子科技节", place="综改区")
    Evidence.objects.filter(event=signing).update(sentence="新能源项目签约。")
    make_event("新增事件", article=make_article("https://news.example/b"), sentence="低空经济论坛举行。")
    Event.objects.filter(title="人工智能大会").delete()

    assert (found("量子科"), found("综改区"), found("金谷广")) == (["量子科技节"], ["量子科技节"], [])
    assert (found("新能源"), found("人工智能"), found("低空经济")) == (["签约仪式"], [], ["新增事件"])


postgres_only = pytest.mark.skipif(
    connection.vendor != "postgresql", reason="the pair indexes are PostgreSQL's"
)


@postgres_only
def test_estimated_rows_follows_the_planners_statistics():
    for n in range(300):
        make_event(f"科技活动{n}", place="太谷")
    make_event("量子通信讲座", place="")
    with connection.cursor() as cursor:
        cursor.execute("ANALYZE events_event")

    common, rare = (
        search._estimated_rows(pairs_query("科技")),
        search._estimated_rows(pairs_query("量子通信")),
    )

    assert common >= 150  # 300 events hold 科技 (a statistics sample, so not exactly)
    assert rare < 50


@postgres_only
@pytest.mark.parametrize(("q", "expected"), CASES.values(), ids=CASES.keys())
def test_keyword_the_statistics_call_common_is_walked_with_the_same_events(events, q, expected, monkeypatch):
    monkeypatch.setattr(search, "_estimated_rows", lambda pairs: 10**9)

    with CaptureQueriesContext(connection) as queries:
        ids = search._indexed_matches(q)

    assert ids is None
    assert not any("UNION ALL" in query["sql"] for query in queries.captured_queries)  # no index probe
    assert found(q) == expected
