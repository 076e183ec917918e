"""Ingestion service: idempotency, in-place updates, curation safety, rollback, input checks, seeds."""

from __future__ import annotations

from datetime import date, timedelta
from pathlib import Path

import pytest

from events.models import Article, Event, Evidence
from events.services import IngestError, ingest_article, update_event_fields
from events.services.ingest import PARSER_VERSION, find_mentions
from events.services.ingest import read_text as real_read_text
from tests.services.candidates import line_candidates, use_candidates, use_line_candidates

pytestmark = pytest.mark.django_db

ROOT = Path(__file__).resolve().parent.parent.parent


@pytest.fixture(autouse=True)
def _line_extractor(monkeypatch):
    use_line_candidates(monkeypatch)


REF = date(2024, 3, 12)
TEXT = (
    "太谷科技节报道\n"
    "@fest festival 太谷科技节开幕 2024-03-11 太谷区金谷广场\n"
    "@sign signing 项目集中签约 2024-03-11 太谷区金谷广场\n"
    "@farm service 测土配肥进大棚 2024-03-08 东贾村\n"
)


def ingest(text: str = TEXT, key: str = "a.txt", **kwargs):
    return ingest_article(key=key, text=text, published=kwargs.pop("published", REF), **kwargs)


def snapshot() -> list[tuple]:
    return list(
        Event.objects.order_by("pk").values_list(
            "pk", "uid", "title", "start", "end", "place", "sequence", "updated"
        )
    )


def test_ingest_article_stores_events_and_evidence():
    result = ingest()

    assert (result.status, result.created, result.updated, result.removed) == ("new", 3, 0, 0)
    article = Article.objects.get(key="a.txt")
    assert (article.status, article.parser_version, article.published_how) == ("ok", PARSER_VERSION, "given")
    assert article.title == "太谷科技节报道"
    assert sorted(Event.objects.values_list("match_key", "start", "place")) == [
        ("farm", date(2024, 3, 8), "东贾村"),
        ("fest", date(2024, 3, 11), "太谷区金谷广场"),
        ("sign", date(2024, 3, 11), "太谷区金谷广场"),
    ]
    evidence = Evidence.objects.get(event__match_key="fest")
    assert article.text[evidence.span_start : evidence.span_end] == evidence.sentence


def test_ingest_article_twice_changes_nothing():
    ingest()
    before = snapshot()

    result = ingest()

    assert (result.status, result.created, result.updated, result.unchanged, result.removed) == (
        "unchanged",
        0,
        0,
        3,
        0,
    )
    assert snapshot() == before


def test_ingest_article_changed_updates_in_place():
    ingest()
    fest = Event.objects.get(match_key="fest")

    result = ingest(TEXT.replace("2024-03-11 太谷区金谷广场\n@sign", "2024-03-12 太谷区金谷广场\n@sign"))

    changed = Event.objects.get(match_key="fest")
    assert (result.status, result.created, result.updated, result.removed) == ("changed", 0, 1, 0)
    assert (changed.pk, changed.uid, changed.start, changed.sequence) == (
        fest.pk,
        fest.uid,
        date(2024, 3, 12),
        1,
    )
    assert Event.objects.get(match_key="sign").sequence == 0


def test_ingest_article_new_parser_version_rereads_without_sequence_bump(monkeypatch):
    ingest()
    before = snapshot()
    monkeypatch.setattr("events.services.ingest.PARSER_VERSION", "i999")

    result = ingest()

    assert (result.status, result.unchanged) == ("changed", 3)
    assert Article.objects.get().parser_version == "i999"
    assert snapshot() == before


def test_ingest_article_shifted_text_moves_evidence_not_sequence():
    ingest()

    result = ingest("前言一段。\n" + TEXT)

    assert (result.created, result.updated, result.removed) == (0, 3, 0)
    assert set(Event.objects.values_list("sequence", flat=True)) == {0}
    ev = Evidence.objects.get(event__match_key="farm")
    assert Article.objects.get().text[ev.span_start : ev.span_end] == ev.sentence


def test_ingest_article_removes_vanished_auto_events_but_keeps_confirmed():
    ingest()
    Event.objects.filter(match_key="sign").update(status=Event.Status.CONFIRMED)

    result = ingest("太谷科技节报道\n")

    assert result.removed == 2
    assert list(Event.objects.values_list("match_key", "status")) == [("sign", "confirmed")]


def test_ingest_article_curated_field_survives():
    ingest()
    update_event_fields(event=Event.objects.get(match_key="fest"), changes={"title": "第二十一届科技节"})

    ingest(TEXT.replace("太谷科技节开幕 2024-03-11 太谷区金谷广场", "科技节盛大开幕 2024-03-11 金谷广场"))

    fest = Event.objects.get(match_key="fest")
    assert (fest.title, fest.place, fest.curated_fields) == ("第二十一届科技节", "金谷广场", ["title"])


def test_ingest_article_never_revives_hidden():
    ingest()
    Event.objects.filter(match_key="farm").update(status=Event.Status.HIDDEN)

    ingest(TEXT.replace("测土配肥进大棚 2024-03-08", "测土配肥活动 2024-03-09"))
    ingest("太谷科技节报道\n")

    farm = Event.objects.get(match_key="farm")
    assert (farm.status, farm.title, farm.start) == ("hidden", "测土配肥进大棚", date(2024, 3, 8))


def test_ingest_article_matches_by_kind_and_dates_when_key_changes():
    ingest()
    uid = Event.objects.get(match_key="farm").uid

    ingest(TEXT.replace("@farm service 测土配肥进大棚", "@farm2 service 测土配肥活动"))

    assert Event.objects.get(match_key="farm2").uid == uid
    assert Event.objects.count() == 3


def test_ingest_article_same_event_in_two_articles_is_one_event():
    ingest()
    other = "另一报道\n@festival-21 festival 太谷第二十一届科技节开幕 2024-03-11\n"

    result = ingest(other, key="b.txt")

    fest = Event.objects.get(match_key="fest")
    assert (result.created, result.updated) == (0, 1)  # the event gained evidence; its fields stay
    assert Event.objects.count() == 3
    assert sorted(fest.evidence.values_list("article__key", flat=True)) == ["a.txt", "b.txt"]


def test_ingest_article_shared_event_loses_only_this_articles_evidence():
    ingest()
    ingest("另一报道\n@f festival 太谷科技节开幕 2024-03-11\n", key="b.txt")

    result = ingest("太谷科技节报道\n")

    fest = Event.objects.get(match_key="fest")
    assert (result.removed, result.updated, result.events) == (2, 1, [])
    assert list(fest.evidence.values_list("article__key", flat=True)) == ["b.txt"]
    assert Article.objects.get(key="a.txt").events_found == 0


def test_ingest_article_skips_undated_candidates():
    result = ingest(TEXT + "@plat unveiling 平台揭牌 undated\n")

    assert (result.created, result.undated) == (3, 1)
    assert not Event.objects.filter(start__isnull=True).exists()


def test_ingest_article_failure_rolls_back_and_records_error(monkeypatch):
    ingest()
    before = snapshot()

    def explode(**kwargs):
        Event.objects.filter(match_key="fest").update(title="半途写入")
        raise RuntimeError("extractor exploded mid-ingest")

    monkeypatch.setattr("events.services.ingest.reconcile_article_events", explode)
    result = ingest(TEXT.replace("2024-03-08", "2024-03-09"))

    article = Article.objects.get()
    assert (result.status, article.status) == ("failed", "failed")
    assert "extractor exploded mid-ingest" in article.error
    assert snapshot() == before


def test_ingest_article_failed_article_is_retried_next_time(monkeypatch):
    use_candidates(monkeypatch, lambda text, ref: 1 / 0)
    assert ingest().status == "failed"
    use_candidates(monkeypatch, line_candidates)

    result = ingest()

    assert (result.status, result.created, Article.objects.get().status) == ("changed", 3, "ok")


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("", "empty"),
        (" \n\t ", "empty"),
        ("abc\x00def", "binary"),
        ("\x01\x02\x03\x04" * 50 + "字", "binary"),
    ],
    ids=["empty", "blank", "nul", "control-chars"],
)
def test_ingest_article_refuses_bad_text_before_writing(text, message):
    ingest()
    before = snapshot()

    with pytest.raises(IngestError, match=message):
        ingest(text)

    assert snapshot() == before
    assert Article.objects.get().status == "ok"


def test_ingest_article_refuses_huge_text(settings):
    settings.KEJICAL_MAX_ARTICLE_CHARS = 100

    with pytest.raises(IngestError, match="too long"):
        ingest("科" * 101)

    assert not Article.objects.exists()


def test_ingest_article_infers_publication_date():
    text = "本报讯 3月11日，农历二月初二，科技节开幕。2023 年末高企达54家。\n@x festival 科技节 2024-03-11\n"

    ingest_article(key="c.txt", text=text)

    article = Article.objects.get()
    assert (article.published, article.published_how) == (date(2024, 3, 11), "inferred")
    assert "2005, 2024" in article.note


def test_ingest_article_unknown_publication_date_is_recorded():
    ingest_article(key="d.txt", text="初冬时节，科技特派员来到村里。")

    article = Article.objects.get()
    assert (article.published, article.published_how) == (None, "unknown")
    assert "ingestion day" in article.note


# --- end to end: both seeds through the real extractor --------------------------------------

PRECISION_RANK = ["day", "month", "season", "half-year", "year", "multi-year", "vague"]


def _expected(expected_events: dict, tiers: tuple[str, ...]) -> list[tuple[str, dict]]:
    return [(a["file"], e) for a in expected_events["articles"] for e in a["events"] if e["tier"] in tiers]


@pytest.fixture
def seeds_ingested(monkeypatch) -> list[Event]:
    from events.services import ingest_paths

    monkeypatch.undo()  # the real extractor, not the line stand-in
    summary = ingest_paths(paths=[str(ROOT / "seeds")])
    assert (summary.articles["new"], summary.failures) == (2, [])
    return list(Event.objects.prefetch_related("evidence__article"))


def _found(events: list[Event], file: str, want: dict) -> list[Event]:
    precision = "multi-year" if want["precision"] == "period" else want["precision"]
    return [
        e
        for e in events
        if (e.kind, e.start.isoformat(), e.end.isoformat(), e.precision)
        == (want["kind"], want["start"], want["end"], precision)
        and any(ev.article.key.endswith(file) for ev in e.evidence.all())
    ]


def test_ingest_seeds_gives_every_must_event(seeds_ingested, expected_events):
    for file, want in _expected(expected_events, ("must",)):
        [event] = _found(seeds_ingested, file, want)
        assert (event.place, event.figures) == (want["place"], want["figures"]), want["title"]


def test_ingest_seeds_gives_every_should_event(seeds_ingested, expected_events):
    missing = [
        want["title"]
        for file, want in _expected(expected_events, ("should",))
        if not _found(seeds_ingested, file, want)
    ]

    assert missing == []


def test_ingest_seeds_dates_nothing_finer_than_the_text(seeds_ingested, expected_events):
    listed = _expected(expected_events, ("must", "should", "may"))
    undated = sum(len(a["undated"]) for a in expected_events["articles"])

    assert all(e.start is not None for e in seeds_ingested)
    assert len(seeds_ingested) <= len(listed) + 2, [e.title for e in seeds_ingested]
    for _file, want in _expected(expected_events, ("may",)):
        for event in seeds_ingested:
            if event.kind == want["kind"] and event.title == want["title"]:
                assert PRECISION_RANK.index(event.precision) >= PRECISION_RANK.index(
                    "multi-year" if want["precision"] == "period" else want["precision"]
                )
    assert undated > 0  # the seeds do hold undated occurrences, and none of them was stored with a date


def test_ingest_seeds_titles_articles(seeds_ingested):
    titles = {Path(a.key).name: a.title for a in Article.objects.all()}

    assert titles == {
        "000_c6f11d6e7bb348de.txt": "科技赋能筑根基 创新驱动谱新篇",  # its headline
        "004_7846ad9f159734c1.txt": Event.objects.get(kind="festival").title,  # no headline: the lead event
    }


def test_ingest_seeds_twice_changes_nothing(seeds_ingested):
    from events.services import ingest_paths

    before = snapshot()

    summary = ingest_paths(paths=[str(ROOT / "seeds")])

    assert (summary.articles["unchanged"], summary.events["created"], summary.events["removed"]) == (2, 0, 0)
    assert snapshot() == before


def test_ingest_article_skips_candidates_ending_before_they_start(monkeypatch):
    from events.extraction.types import EventCandidate, EvidenceSpan

    def backwards(text: str, ref: date) -> list[EventCandidate]:
        ev = (EvidenceSpan(sentence=text, span=(0, len(text))),)
        good = EventCandidate("开幕", "festival", date(2024, 3, 11), None, "day", "2024-03-11", "", ev, "a")
        bad = EventCandidate("倒序", "festival", date(2024, 3, 11), date(2024, 3, 1), "day", "x", "", ev, "b")
        return [bad, good]

    use_candidates(monkeypatch, backwards)

    result = ingest("三月十一日开幕。")

    assert (result.status, result.created) == ("new", 1)
    assert list(Event.objects.values_list("title", "start", "end")) == [
        ("开幕", date(2024, 3, 11), date(2024, 3, 11))
    ]


def test_ingest_article_refuses_overlong_key():
    with pytest.raises(IngestError, match="key too long"):
        ingest(key="k" * 501)


def test_ingest_article_lost_insert_race_becomes_an_update():
    ingest()
    before = snapshot()

    # As if another process inserted the key after this one looked (existing=None) and before it wrote.
    result = ingest(existing=None)

    assert (result.status, Article.objects.get().status) == ("unchanged", "ok")
    assert snapshot() == before


def test_parser_version_combines_package_versions(monkeypatch):
    from events.services.ingest import _parser_version

    monkeypatch.setattr("events.temporal.__version__", "2.5", raising=False)
    monkeypatch.setattr("events.extraction.__version__", "0.9", raising=False)
    versions = {"chinesecalendar": "1.11.0", "opencc": "1.4.2", "lunar-python": "1.4.8"}
    monkeypatch.setattr("importlib.metadata.version", versions.__getitem__)

    assert _parser_version() == "i3+t2.5+x0.9+cc1.11.0+oc1.4.2+lp1.4.8"


def test_ingest_article_shared_event_takes_fields_from_one_article_only():
    # Two reports of one festival with different titles. The first report to carry the event gives
    # its fields; forced re-reads in any order must not flip the title (and SEQUENCE) between them.
    ingest()
    ingest("另一报道\n@festival-21 festival 太谷第二十一届科技节开幕 2024-03-11 金谷广场\n", key="b.txt")
    first = snapshot()

    for _ in range(2):
        ingest(
            key="b.txt",
            text="另一报道\n@festival-21 festival 太谷第二十一届科技节开幕 2024-03-11 金谷广场\n",
            force=True,
        )
        ingest(force=True)

    fest = Event.objects.get(match_key="fest")
    assert (fest.title, fest.sequence) == ("太谷科技节开幕", 0)
    assert [row[:7] for row in snapshot()] == [row[:7] for row in first]


def test_ingest_article_forced_rereads_keep_what_other_reports_filled_in():
    # a.txt leads the festival but names no place; b.txt names it. Re-reading both, in turn, must
    # neither clear the place nor put it back each time (SEQUENCE would climb forever).
    ingest("报道\n@fest festival 太谷科技节开幕 2024-03-11\n")
    other = "另一报道\n@f2 festival 太谷科技节开幕 2024-03-11 金谷广场\n"
    ingest(other, key="b.txt")
    first = snapshot()

    for _ in range(2):
        ingest("报道\n@fest festival 太谷科技节开幕 2024-03-11\n", force=True)
        ingest(other, key="b.txt", force=True)

    assert snapshot() == first
    assert Event.objects.get().place == "金谷广场"


def test_ingest_article_kept_event_evidence_follows_the_new_text():
    ingest()
    update_event_fields(event=Event.objects.get(match_key="farm"), changes={"title": "测土配肥活动"})
    Event.objects.filter(match_key="sign").update(status=Event.Status.CONFIRMED)
    farm_line = "@farm service 测土配肥进大棚 2024-03-08 东贾村"
    # The farm sentence moved down and is no longer a candidate (not at the start of its line);
    # the signing sentence is gone altogether.
    text = (
        "太谷科技节报道\n前言。\n@fest festival 太谷科技节开幕 2024-03-11 太谷区金谷广场\n"
        f"另据报道：{farm_line}\n"
    )

    result = ingest(text)

    farm, sign = Event.objects.get(match_key="farm"), Event.objects.get(match_key="sign")
    article = Article.objects.get(key="a.txt")
    [farm_evidence] = farm.evidence.all()
    assert (farm_evidence.span_start, farm_evidence.sentence) == (text.index(farm_line), farm_line)
    assert article.text[farm_evidence.span_start : farm_evidence.span_end] == farm_line
    assert (sign.status, sign.evidence.count()) == ("confirmed", 0)  # kept, no longer backed by the text
    assert (result.removed, result.updated, sorted(e.match_key for e in result.events)) == (
        0,
        3,
        ["farm", "fest"],
    )


def test_ingest_stores_the_parser_mentions_so_pages_never_reparse(client, monkeypatch):
    from events.selectors import articles as article_selectors
    from events.temporal import extract

    text = "3月11日，科技节在金谷广场开幕。\n@fest festival 科技节开幕 2024-03-11 金谷广场\n"
    article = ingest(text).article

    def no_parsing(*args, **kwargs):
        raise AssertionError("the article was parsed again")

    monkeypatch.setattr(article_selectors, "extract", no_parsing)
    page = client.get(f"/articles/{article.pk}/")
    api = client.get(f"/api/articles/{article.pk}")

    article.refresh_from_db()
    expected = [m.to_dict() for m in extract(text, date(2024, 3, 12))]
    stored = [m for block in article.mention_blocks.values_list("mentions", flat=True) for m in block]
    assert (article.mention_count, stored, api.json()["mentions"]) == (len(expected), expected, expected)
    assert page.status_code == 200 and 'class="mention" title="2024-03-11 · day"' in page.content.decode()


def test_parser_version_records_the_data_packages_it_reads(monkeypatch):
    from events.services import ingest

    versions = {"chinesecalendar": "1.11.0", "opencc": "1.4.2", "lunar-python": "1.4.8"}
    monkeypatch.setattr(ingest.importlib.metadata, "version", lambda name: versions[name])
    before = ingest._parser_version()
    versions["chinesecalendar"] = "1.12.0"  # the yearly holiday table

    after = ingest._parser_version()

    assert before.endswith("+cc1.11.0+oc1.4.2+lp1.4.8")
    assert after.endswith("+cc1.12.0+oc1.4.2+lp1.4.8")
    assert len(after) <= ingest.PARSER_VERSION_LENGTH


def test_parser_version_too_long_keeps_a_digest_of_the_data_versions(monkeypatch):
    from events.services import ingest

    versions = {"chinesecalendar": "1.11.0", "opencc": "1.4.2", "lunar-python": "1.4.8"}
    monkeypatch.setattr(ingest.importlib.metadata, "version", lambda name: versions[name] + ".post20260101")
    first = ingest._parser_version()
    versions["opencc"] = "1.4.3"

    second = ingest._parser_version()

    assert first != second
    assert len(first) <= ingest.PARSER_VERSION_LENGTH and "+d" in first


@pytest.mark.parametrize("field", ["key", "title", "url"])
def test_ingest_article_refuses_a_lone_surrogate_in_key_title_or_url(field):
    values = {"key": "a.txt", "title": "标题", "url": "https://news.example/a"}
    values[field] += "\ud800"

    with pytest.raises(IngestError, match=f"article {field} contains a lone surrogate"):
        ingest(TEXT, **{k: v for k, v in values.items() if k != "key"}, key=values["key"])

    assert Article.objects.count() == 0


def test_ingest_stores_mentions_in_blocks_a_part_of_the_text_reads_alone(
    monkeypatch, django_assert_num_queries
):
    from events.models import MentionBlock
    from events.selectors import article_mentions

    monkeypatch.setattr(MentionBlock, "SIZE", 3)
    text = (
        "".join(f"3月{day}日开幕。" for day in range(1, 11)) + "\n"
    )  # ten mentions, 7 or 8 characters apart
    article = ingest(text).article
    spans = [m["span"] for m in article_mentions(article=article)]

    with django_assert_num_queries(1):
        middle = article_mentions(article=article, start=spans[4][0], end=spans[5][1])

    assert (article.mention_blocks.count(), len(spans)) == (4, 10)
    assert [m["span"] for m in middle] == spans[4:6]


def test_ingest_writes_mention_blocks_with_one_insert_and_deletes_only_a_stored_articles():
    """One INSERT for a new article; a stored one's DELETE and INSERT, one statement on PostgreSQL."""
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    def mention_block_writes() -> list[str]:
        return [
            q["sql"].split()[0]
            for q in queries.captured_queries
            if "events_mentionblock" in q["sql"] and not q["sql"].startswith("SELECT")
        ]

    with CaptureQueriesContext(connection) as queries:
        article = ingest(TEXT).article
    assert mention_block_writes() == ["INSERT"]  # a new article has no blocks to delete

    with CaptureQueriesContext(connection) as queries:
        ingest(TEXT, force=True)
    one_statement = connection.vendor == "postgresql"
    assert mention_block_writes() == (["WITH"] if one_statement else ["DELETE", "INSERT"])
    assert article.mention_blocks.count() == 1
    assert [b.mentions for b in article.mention_blocks.all()] == [find_mentions(TEXT, REF)]


@pytest.mark.parametrize(
    "path",
    [
        *sorted((ROOT / "seeds").glob("*.txt")),
        ROOT / "tests/extraction/real/r001_taojiang_keji_week.txt",
        ROOT / "tests/extraction/real/r002_xinfeng_epaper_page.txt",
        ROOT / "tests/extraction/real/r006_hk_shatin_carnival.txt",
    ],
    ids=lambda p: p.name,
)
def test_ingest_stores_the_mentions_the_parser_gives_for_the_whole_text(monkeypatch, path):
    """The mentions come from the extractor's parse when it shares it; stored, they are the old path's."""
    from events.selectors import article_mentions

    monkeypatch.setattr("events.services.ingest.read_text", real_read_text)  # the real extractor
    text = path.read_text(encoding="utf-8")

    article = ingest(text, key=path.name).article

    expected = find_mentions(text, REF)
    assert expected  # every one of these articles dates something
    assert (article.mention_count, article_mentions(article=article)) == (len(expected), expected)


# --- commits of queued re-reads ------------------------------------------------------------------


def _commit_modes(monkeypatch) -> list[str]:
    """``synchronous_commit`` as each ingestion's transaction sees it while writing its events."""
    from django.db import connection

    from events.services import ingest as ingest_module

    seen: list[str] = []
    reconcile = ingest_module.reconcile_article_events

    def watching(**kwargs):
        with connection.cursor() as cursor:
            cursor.execute("SHOW synchronous_commit")
            seen.append(cursor.fetchone()[0])
        return reconcile(**kwargs)

    monkeypatch.setattr(ingest_module, "reconcile_article_events", watching)
    return seen


@pytest.mark.postgres
@pytest.mark.django_db(transaction=True)
def test_ingest_commits_only_a_queued_reread_asynchronously(monkeypatch):
    from django.db import connection, transaction
    from django.utils import timezone

    from events.services import reingest_stored_article

    if connection.vendor != "postgresql":
        pytest.skip("needs PostgreSQL: synchronous_commit is PostgreSQL's")
    seen = _commit_modes(monkeypatch)
    started = timezone.now()
    article = ingest().article  # a new article: nothing would redo it

    def reread(queued_at) -> None:
        Article.objects.filter(pk=article.pk).update(queued_at=queued_at)
        stored = Article.objects.get(pk=article.pk)
        reingest_stored_article(article=stored, force=True, requested_before=started)

    reread(None)  # a forced re-read nobody queued
    reread(started + timedelta(seconds=1))  # queued after the task started: still to do
    with transaction.atomic():  # inside a caller's transaction: its commit is not ingestion's to relax
        reread(started - timedelta(seconds=1))
    reread(started - timedelta(seconds=1))  # the queued re-read this task does

    assert seen == ["on", "on", "on", "on", "off"]
    assert Article.objects.get(pk=article.pk).queued_at is None
    ingest(TEXT.replace("东贾村", "西贾村"))  # the next write commits synchronously again
    assert seen[-1] == "on"


def test_a_lost_commit_of_a_queued_reread_is_queued_again(django_capture_on_commit_callbacks):
    """What a database crash leaves of an asynchronous commit: the row as before the re-read,
    still queued, which ``requeue_lost`` queues again once nothing holds it."""
    from django.db import transaction
    from django.utils import timezone

    from events.services import reingest_stored_article, requeue_lost

    class LostCommit(Exception):
        pass

    now = timezone.now()
    article = ingest().article
    queued = now - timedelta(minutes=10)
    Article.objects.filter(pk=article.pk).update(queued_at=queued)

    with pytest.raises(LostCommit), transaction.atomic():
        stored = Article.objects.get(pk=article.pk)
        reingest_stored_article(article=stored, force=True, requested_before=now - timedelta(minutes=9))
        assert Article.objects.get(pk=article.pk).queued_at is None  # done, in the same transaction
        raise LostCommit

    assert Article.objects.get(pk=article.pk).queued_at == queued
    with django_capture_on_commit_callbacks() as callbacks:
        requeued = requeue_lost(now=now, older_than=timedelta(minutes=5), waiting=0, held=set())
    assert (requeued, len(callbacks)) == (1, 1)
    assert Article.objects.get(pk=article.pk).queued_at > queued


@pytest.mark.postgres
@pytest.mark.django_db(transaction=True)
def test_a_reread_whose_request_another_cleared_while_it_waited_commits_synchronously(monkeypatch):
    """The locking statement is evaluated again on the row another transaction changed meanwhile:
    the request it saw queued is done by then, so its commit is synchronous after all."""
    import threading

    from django.db import connection, transaction
    from django.utils import timezone

    from events.services import reingest_stored_article

    if connection.vendor != "postgresql":
        pytest.skip("needs PostgreSQL: synchronous_commit is PostgreSQL's")
    seen = _commit_modes(monkeypatch)
    article = ingest().article
    started = timezone.now()
    Article.objects.filter(pk=article.pk).update(queued_at=started - timedelta(seconds=1))
    stored = Article.objects.get(pk=article.pk)
    holding, release = threading.Event(), threading.Event()

    def another_worker_clears_it() -> None:
        try:
            with transaction.atomic():
                Article.objects.filter(pk=article.pk).update(queued_at=None)  # holds the row lock
                holding.set()
                release.wait(30)
        finally:
            connection.close()

    thread = threading.Thread(target=another_worker_clears_it)
    thread.start()
    assert holding.wait(30)
    threading.Timer(0.5, release.set).start()  # lets go while the re-read below waits for the lock
    reingest_stored_article(article=stored, force=True, requested_before=started)
    thread.join(30)

    assert seen[-1] == "on"
