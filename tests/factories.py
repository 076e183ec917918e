"""Helpers for the publishing tests (API and feeds): events and articles created directly with the ORM."""

from __future__ import annotations

from datetime import date

from events.models import Article, Event, Evidence, Source


def make_article(key: str = "https://news.example/a1", **fields) -> Article:
    """An ingested-looking article; ``source`` may be given as a name."""
    source = fields.pop("source", None)
    if isinstance(source, str):
        source = Source.objects.get_or_create(name=source)[0]
    defaults = {
        "url": key if key.startswith("http") else "",
        "title": "太谷科技节",
        "text": "……",
        "status": "ok",
    }
    return Article.objects.create(key=key, source=source, **{**defaults, **fields})


def make_event(
    title: str = "科技节开幕", *, article: Article | None = None, sentence: str = "", **fields
) -> Event:
    """A day-precision event on 2024-03-11 unless told otherwise; with evidence when ``article`` is given."""
    start = fields.pop("start", date(2024, 3, 11))
    values = {"kind": "festival", "start": start, "end": fields.pop("end", start), "edtf": "", **fields}
    if not values["edtf"] and values["start"]:
        values["edtf"] = values["start"].isoformat()
    event = Event.objects.create(title=title, **values)
    if article is not None:
        text = sentence or f"{title}。"
        Evidence.objects.create(event=event, article=article, sentence=text, span_start=0, span_end=len(text))
    return event
