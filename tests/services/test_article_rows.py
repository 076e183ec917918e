"""Ingestion's fixed-SQL reads and writes give what the ORM would (on SQLite and on PostgreSQL)."""

from __future__ import annotations

from datetime import date, time

import pytest
from django.db import DatabaseError, IntegrityError, connection, transaction
from django.db.models import Exists, OuterRef, signals
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from events.models import Article, Event, Evidence, MentionBlock
from events.services.article_rows import (
    events_on_dates,
    insert_row,
    load_article,
    lock_article,
    merged_match_keys,
    own_evidence,
    update_columns,
    write_mention_blocks,
)
from tests.factories import make_article, make_event

pytestmark = pytest.mark.django_db


def fields_of(instance) -> dict:
    return {f.attname: getattr(instance, f.attname) for f in type(instance)._meta.concrete_fields}


def test_load_article_equals_the_orm_with_its_source():
    article = make_article(
        "a.txt", source="科技局", published=date(2024, 3, 12), queued_at=timezone.now(), events_found=2
    )
    expected = Article.objects.select_related("source").get(pk=article.pk)

    with CaptureQueriesContext(connection) as queries:
        loaded = load_article(article.pk)
        source = loaded.source

    assert len(queries.captured_queries) == 1  # the source came with the article
    assert fields_of(loaded) == fields_of(expected)
    assert fields_of(source) == fields_of(expected.source)
    assert loaded._state.adding is False


def test_load_article_without_a_source_or_gone():
    article = make_article("b.txt")

    with CaptureQueriesContext(connection) as queries:
        loaded = load_article(article.pk)
        assert loaded.source is None
    assert len(queries.captured_queries) == 1
    assert fields_of(loaded) == fields_of(Article.objects.get(pk=article.pk))
    assert load_article(article.pk + 1000) is None


def test_lock_article_reads_the_named_columns_converted():
    queued = timezone.now()
    article = make_article("c.txt", published=date(2024, 3, 12), queued_at=queued, events_found=3)
    names = ("status", "published", "events_found", "queued_at")

    with transaction.atomic():
        state = lock_article(article.pk, names)

    assert state == Article.objects.filter(pk=article.pk).values(*names).get()
    assert state["published"] == date(2024, 3, 12) and state["queued_at"] == queued
    assert lock_article(article.pk + 1000, names) is None


def test_lock_article_locks_the_row_on_postgresql():
    if not connection.features.has_select_for_update:
        pytest.skip("SQLite has no row locks (its writer locks the whole database)")
    article = make_article("d.txt")

    with CaptureQueriesContext(connection) as queries, transaction.atomic():
        lock_article(article.pk, ("status",))

    assert queries.captured_queries[-2]["sql"].endswith("FOR UPDATE")


def orm_own_evidence(article: Article) -> list[tuple]:
    """What reconcile read through the ORM before: evidence, its event, whether shared."""
    elsewhere = Evidence.objects.filter(event=OuterRef("event_id")).exclude(article=article)
    rows = (
        Evidence.objects.filter(article=article)
        .select_related("event")
        .annotate(shared=Exists(elsewhere))
        .order_by("-event__start", "event__title", "event_id", "span_start")
    )
    return [(fields_of(r), fields_of(r.event), r.shared) for r in rows]


def test_own_evidence_equals_the_orm_in_its_order():
    article, other = make_article("e.txt"), make_article("f.txt")
    alone = make_event(
        "科技节开幕",
        article=article,
        start=date(2024, 3, 11),
        time=time(9, 30),
        organizers={"主办": ["科技局"]},
        confidence_reasons=["found twice"],
    )
    Evidence.objects.create(event=alone, article=article, sentence="又一句。", span_start=20, span_end=24)
    shared = make_event("签约仪式", article=article, start=date(2024, 5, 1))
    Evidence.objects.create(event=shared, article=other, sentence="签约。", span_start=0, span_end=3)
    make_event("同日活动", article=article, start=date(2024, 5, 1))
    make_event("别人的事件", article=other)

    rows = own_evidence(article.pk)

    assert [(fields_of(e), fields_of(ev), s) for e, ev, s in rows] == orm_own_evidence(article)
    assert [ev.title for _, ev, _ in rows] == ["同日活动", "签约仪式", "科技节开幕", "科技节开幕"]
    assert [s for _, ev, s in rows] == [False, True, False, False]
    assert rows[2][1] is rows[3][1]  # one instance per event
    assert rows[2][0].event is rows[2][1]  # and the evidence points at it without a query


def test_own_evidence_of_an_article_without_events():
    assert own_evidence(make_article("g.txt").pk) == []


@pytest.mark.parametrize("replace", [False, True])
def test_write_mention_blocks_in_batches_the_database_allows(monkeypatch, replace):
    article = make_article("h.txt")
    MentionBlock.objects.create(article=article, start=0, end=1, mentions=[{"old": True}])
    other = MentionBlock.objects.create(article=make_article("i.txt"), start=0, end=1, mentions=[])
    blocks = [
        MentionBlock(article=article, start=i, end=i + 2, mentions=[{"text": "3月11日", "span": [i, i + 2]}])
        for i in range(5)
    ]
    monkeypatch.setattr(connection.ops, "bulk_batch_size", lambda fields, objs: 2)

    with transaction.atomic():
        write_mention_blocks(article, blocks, replace=replace)

    stored = list(
        MentionBlock.objects.filter(article=article)
        .order_by("start", "pk")
        .values("start", "end", "mentions")
    )
    kept = [{"start": 0, "end": 1, "mentions": [{"old": True}]}] if not replace else []
    assert stored == sorted(
        kept + [{"start": b.start, "end": b.end, "mentions": b.mentions} for b in blocks],
        key=lambda row: row["start"],
    )
    assert MentionBlock.objects.filter(pk=other.pk).exists()  # another article's blocks stay


def test_write_mention_blocks_of_no_mentions_deletes_the_old_ones():
    article = make_article("j.txt")
    MentionBlock.objects.create(article=article, start=0, end=1, mentions=[])

    write_mention_blocks(article, [], replace=True)

    assert not MentionBlock.objects.filter(article=article).exists()


def test_update_columns_writes_what_save_with_update_fields_writes():
    article = make_article("k.txt", source="科技局", events_found=1)
    before = Article.objects.get(pk=article.pk)
    article.title, article.events_found, article.queued_at = "新标题", 4, None
    article.text = "not written: not named"

    with CaptureQueriesContext(connection) as queries:
        update_columns(article, ["title", "events_found", "source", "queued_at", "updated"])

    stored = Article.objects.get(pk=article.pk)
    assert len(queries.captured_queries) == 1
    assert (stored.title, stored.events_found, stored.source_id) == ("新标题", 4, article.source_id)
    assert stored.text == before.text
    assert stored.updated > before.updated
    assert stored.updated == article.updated  # auto_now stamped on the instance too, as save() does


def test_update_columns_of_a_deleted_row_fails_as_save_does():
    article = make_article("l.txt")
    Article.objects.filter(pk=article.pk).delete()

    with pytest.raises(DatabaseError, match="did not affect any rows"):
        update_columns(article, ["title"])


def test_merged_match_keys_names_the_events_merged_into_these():
    target, other = make_event("科技节开幕"), make_event("签约仪式")
    make_event("科技节", match_key="festival|2024-03-11", merged_into=target)
    make_event("无键", match_key="", merged_into=target)
    make_event("别处", match_key="signing|2024-03-11", merged_into=other)

    assert merged_match_keys([target.pk]) == [("festival|2024-03-11", target.pk)]
    assert sorted(merged_match_keys([target.pk, other.pk])) == [
        ("festival|2024-03-11", target.pk),
        ("signing|2024-03-11", other.pk),
    ]
    assert merged_match_keys([]) == []


def test_insert_row_stores_what_save_stores():
    source = make_article("m.txt", source="科技局").source
    article = Article(key="n.txt", text="正文", title="标题", published=date(2024, 3, 12), source=source)

    with CaptureQueriesContext(connection) as queries:
        insert_row(article)

    assert len(queries.captured_queries) == 1
    assert article.pk is not None and article._state.adding is False
    stored = Article.objects.get(pk=article.pk)
    assert fields_of(stored) == fields_of(article)  # created and updated stamped on both
    assert (stored.source_id, stored.status, stored.events_found) == (source.pk, "pending", 0)
    with pytest.raises(ValueError, match="primary key already"):
        insert_row(article)


def test_insert_row_of_a_taken_key_raises_integrity_error():
    make_article("o.txt")

    with pytest.raises(IntegrityError), transaction.atomic():
        insert_row(Article(key="o.txt", text="别的"))


def test_events_on_dates_finds_unmerged_events_of_those_kinds_and_days():
    day, other_day = date(2024, 3, 11), date(2024, 3, 12)
    first = make_event("科技节开幕", kind="festival", start=day)
    make_event("签约", kind="signing", start=day)
    make_event("两天", kind="festival", start=day, end=other_day)
    make_event("合并掉的", kind="festival", start=day, merged_into=first)
    second = make_event("又一个", kind="festival", start=day)
    signing = make_event("签约二", kind="signing", start=other_day)

    found = events_on_dates([("festival", day, day), ("signing", other_day, other_day)])

    assert [e.pk for e in found] == [first.pk, second.pk, signing.pk]
    assert fields_of(found[0]) == fields_of(Event.objects.get(pk=first.pk))
    assert events_on_dates([]) == []


def test_update_columns_and_insert_row_go_through_save_when_someone_listens():
    seen: list[tuple[str, bool]] = []

    def listen(sender, instance, created, **kwargs):
        seen.append((instance.key, created))

    signals.post_save.connect(listen, sender=Article)
    try:
        article = Article(key="p.txt", text="正文")
        insert_row(article)
        article.title = "改了"
        update_columns(article, ["title", "updated"])
    finally:
        signals.post_save.disconnect(listen, sender=Article)

    assert seen == [("p.txt", True), ("p.txt", False)]
    assert Article.objects.get(pk=article.pk).title == "改了"
