"""The one JSON item shape of an event, shared by `manage.py export_events` and the JSON API."""

from __future__ import annotations

import math
from collections.abc import Iterator
from dataclasses import dataclass, fields
from datetime import date, datetime, time

from django.db.models import Prefetch, QuerySet

from events.models import Event, Evidence

from .outlets import article_outlet, reporting_outlets, repost_rows


def with_sources(
    events: QuerySet[Event], *, per_event: int | None = None, reposts: bool = False
) -> QuerySet[Event]:
    """``events`` with their evidence and articles fetched in two queries, not one per event.

    The articles come without their text (it may be megabytes, and no list shows it). With
    ``per_event``, only that many evidence rows per event are fetched (a window query), as the list
    ``event.shown_evidence`` (Django prefetches a slice only into an attribute of its own).
    ``reposts`` also fetches the articles' reposts, which ``event_item`` reads for the outlet count
    (one more query; feeds and lists that show no count skip it: it cost the cold feed about a
    fifth of its CPU time).
    """
    evidence = (
        Evidence.objects.select_related("article__source")
        .defer("article__text")
        .order_by("article_id", "span_start")
    )
    if per_event is None:
        events = events.prefetch_related(Prefetch("evidence", queryset=evidence))
        if reposts:
            events = events.prefetch_related(
                Prefetch("evidence__article__duplicates", queryset=repost_rows())
            )
        return events
    return events.prefetch_related(
        Prefetch("evidence", queryset=evidence[:per_event], to_attr="shown_evidence")
    )


@dataclass(frozen=True)
class CitedArticle:
    """What a feed shows of an article that reports an event: its title (else key) and link."""

    pk: int
    key: str
    title: str
    url: str


@dataclass(frozen=True)
class Citation:
    """One evidence sentence of an event, as a feed quotes it, with its article."""

    sentence: str
    article_id: int
    article: CitedArticle


@dataclass(frozen=True, slots=True)
class FeedEvent:
    """An event as the calendar feeds read it: the fields they show and its cited evidence, as plain values.

    Not a model instance: a feed reads some 1,100 events and building ``Event`` objects for them was
    a third of a cold feed's CPU time. It has the names of ``Event``'s fields, so the publishing
    functions read either; a field not listed here fails loudly (AttributeError) instead of costing
    one query per event as a deferred model field would.
    """

    pk: int
    uid: str
    title: str
    kind: str
    start: date
    end: date
    time: time | None
    end_time: time | None
    open_end: bool
    precision: str
    edtf: str
    place: str
    organizers: object  # curator-editable JSON: read through event_organizers / event_figures
    figures: object
    status: str
    sequence: int
    updated: datetime
    cited_evidence: list[Citation]


# The fields of FeedEvent read from the database, in its order (all but cited_evidence).
FEED_FIELDS = tuple(f.name for f in fields(FeedEvent))[:-1]


def feed_events(events: QuerySet[Event], *, chunk: int) -> Iterator[FeedEvent]:
    """``events`` (ordered) one by one as ``FeedEvent``, read ``chunk`` at a time, each with its citations.

    For the calendar feeds, which read some 2,000 events and their articles and stop at a byte
    limit: only the columns a feed shows, as plain values (no model instances, no related
    managers), and chunks the caller never asks for are never fetched. Evidence in
    ``with_sources``' order (by article, then place in it).
    """
    batch: list[tuple] = []
    for row in events.values_list(*FEED_FIELDS).iterator(chunk_size=chunk):
        batch.append(row)
        if len(batch) == chunk:
            yield from _cite(batch)
            batch = []
    yield from _cite(batch)


def _cite(rows: list[tuple]) -> list[FeedEvent]:
    if not rows:
        return []
    evidence = (
        Evidence.objects.filter(event_id__in=[row[0] for row in rows])
        .order_by("article_id", "span_start")
        .values_list("event_id", "sentence", "article_id", "article__key", "article__title", "article__url")
    )
    cited: dict[int, list[Citation]] = {}
    articles: dict[int, CitedArticle] = {}
    for event_id, sentence, article_id, key, title, url in evidence:
        article = articles.get(article_id) or articles.setdefault(
            article_id, CitedArticle(article_id, key, title, url)
        )
        cited.setdefault(event_id, []).append(Citation(sentence, article_id, article))
    return [FeedEvent(*row, cited.get(row[0], [])) for row in rows]


def event_figures(event: Event) -> dict[str, int | float]:
    """The event's figures that are finite numbers, by name; anything else stored is left out.

    ``Event.figures`` is a JSON field a curator can edit in the admin, so it may hold a list, text
    or nested objects; every publication (page, API, feed) reads it through here.
    """
    figures = event.figures if isinstance(event.figures, dict) else {}
    return {str(name): value for name, value in figures.items() if _is_finite_number(value)}


def _is_finite_number(value: object) -> bool:
    if isinstance(value, bool) or not isinstance(value, int | float):
        return False
    return not isinstance(value, float) or math.isfinite(value)  # an int may be too big for a float


def event_organizers(event: Event) -> dict[str, list[str]]:
    """The event's organizers as role → names; a lone name counts as a list of one, non-text is left out.

    Like ``event_figures``: ``Event.organizers`` is curator-editable JSON.
    """
    organizers = event.organizers if isinstance(event.organizers, dict) else {}
    roles = {}
    for role, names in organizers.items():
        names = [names] if isinstance(names, str) else names if isinstance(names, list) else []
        if kept := [name for name in names if isinstance(name, str) and name.strip()]:
            roles[str(role)] = kept
    return roles


def event_reports(event: Event) -> list[dict]:
    """Each article reporting the event (evidence prefetched), with its outlet, date and evidence."""
    reports: dict[int, dict] = {}
    for ev in event.evidence.all():
        article = ev.article
        report = reports.setdefault(
            article.pk,
            {
                "outlet": article_outlet(article),
                "article_id": article.pk,
                "title": article.title,
                "url": article.url,
                "published": article.published.isoformat() if article.published else None,
                "evidence": [],
            },
        )
        report["evidence"].append(ev.sentence)
    return list(reports.values())


def event_series(event: Event) -> dict | None:
    """The event's series (its key and name) or None when it is not a recurring event."""
    if not event.series_key:
        return None
    return {"key": event.series_key, "name": event.series_key.split(":", 1)[-1]}


def event_region(event: Event) -> dict | None:
    """The event's administrative region (names and adcodes by level), or None when unknown."""
    if not event.adcode:
        return None
    return {
        "adcode": event.adcode,
        "province": {"name": event.province, "adcode": event.province_code},
        "city": {"name": event.city, "adcode": event.city_code} if event.city_code else None,
        "county": {"name": event.county, "adcode": event.county_code} if event.county_code else None,
    }


def event_item(event: Event) -> dict:
    """An event as a JSON-ready dict; dates are ISO ``YYYY-MM-DD`` (or null when undated)."""
    return {
        "uid": event.uid,
        "title": event.title,
        "kind": event.kind,
        "start": event.start.isoformat() if event.start else None,
        "end": event.end.isoformat() if event.end else None,
        "time": event.time.strftime("%H:%M") if event.time else None,
        "end_time": event.end_time.strftime("%H:%M") if event.time and event.end_time else None,
        "precision": event.precision,
        "edtf": event.edtf,
        "place": event.place,
        "region": event_region(event),
        "organizers": event_organizers(event),
        "figures": event_figures(event),
        "status": event.status,
        "sequence": event.sequence,
        "updated": event.updated.isoformat() if event.updated else None,
        "series": event_series(event),
        "edition": event.edition,
        "reports": event_reports(event),
        "outlet_count": len(reporting_outlets(event)),
        "sources": [
            {
                "article": ev.article.key,
                "article_id": ev.article_id,
                "url": ev.article.url,
                "title": ev.article.title,
                "evidence": ev.sentence,
                "span": [ev.span_start, ev.span_end],
                "date_text": ev.date_text,
            }
            for ev in event.evidence.all()
        ],
    }


def iter_event_items() -> Iterator[dict]:
    """Visible, dated, unmerged events as ``event_item`` dicts, oldest first (evidence fetched in bulk)."""
    events = Event.objects.visible().filter(start__isnull=False).order_by("start", "end", "pk")
    yield from (event_item(event) for event in with_sources(events, reposts=True).iterator(chunk_size=500))
