"""Every kind of write the publications must notice, and the stored data they start from (a fixture)."""

from __future__ import annotations

from collections.abc import Callable

import pytest

from events.models import Article, Event, Evidence, Source
from events.services import (
    confirm_events,
    delete_articles,
    hide_events,
    ingest_article,
    merge_events,
    update_event_fields,
)
from tests.factories import make_article, make_event

TEXT = "3月11日，太谷科技节在金谷广场开幕。3月15日，科技成果签约仪式在县会议中心举行。"


@pytest.fixture
def stored() -> dict:
    article = make_article(source="太谷新闻")
    first = make_event("科技节开幕", article=article)
    second = make_event("科技节开幕式", article=article, sentence="开幕式。")
    return {"article": article, "first": first, "second": second, "source": article.source}


WRITES: dict[str, Callable[[dict], object]] = {
    "ingest-new": lambda s: ingest_article(key="new.txt", text=TEXT, published=s["first"].start),
    "curate-fields": lambda s: update_event_fields(event=s["first"], changes={"title": "太谷科技节开幕"}),
    "confirm": lambda s: confirm_events(events=[s["first"]]),
    "hide": lambda s: hide_events(events=[s["first"]]),
    "merge": lambda s: merge_events(target=s["first"], others=[s["second"]]),
    "delete-article": lambda s: delete_articles(articles=[s["article"]]),
    "source-rename": lambda s: Source.objects.filter(pk=s["source"].pk).update(name="太谷日报"),
    "source-add": lambda s: Source.objects.create(name="晋中新闻", location="/srv/news"),
    "evidence-edit": lambda s: Evidence.objects.update(sentence="改过的句子。"),
    "event-bulk-update": lambda s: Event.objects.update(place="金谷广场"),
    "article-save": lambda s: Article.objects.get(pk=s["article"].pk).save(),
    "event-delete": lambda s: Event.objects.filter(pk=s["second"].pk).delete(),
}
