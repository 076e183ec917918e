"""What curators do to events in the admin: confirm, hide, un-hide, merge and edit."""

from __future__ import annotations

import calendar
from collections.abc import Iterable
from datetime import date
from typing import Any

from django.core.exceptions import ValidationError
from django.db import transaction
from django.db.models import F, QuerySet
from django.utils import timezone

from events.models import Article, Event, Evidence

from .reconcile import reconcile_article_events
from .regions import article_home, place_region_fields, region_fields_for_code


@transaction.atomic
def confirm_events(*, events: QuerySet[Event] | Iterable[Event]) -> int:
    """Mark events confirmed (re-ingestion will then never change or delete them); returns how many changed.

    A hidden event becomes visible again only through this explicit act; merged-away events stay hidden.
    """
    pks = [e.pk for e in events]
    return (
        Event.objects.filter(pk__in=pks, merged_into__isnull=True)
        .exclude(status=Event.Status.CONFIRMED)
        .update(status=Event.Status.CONFIRMED, sequence=F("sequence") + 1, updated=timezone.now())
    )


@transaction.atomic
def hide_events(*, events: QuerySet[Event] | Iterable[Event]) -> int:
    """Hide events; ``sequence`` and ``updated`` move so feeds announce them as STATUS:CANCELLED."""
    pks = [e.pk for e in events]
    return (
        Event.objects.filter(pk__in=pks)
        .exclude(status=Event.Status.HIDDEN)
        .update(status=Event.Status.HIDDEN, sequence=F("sequence") + 1, updated=timezone.now())
    )


@transaction.atomic
def unhide_events(*, events: QuerySet[Event] | Iterable[Event]) -> int:
    """Make hidden events automatic again; returns how many changed.

    ``sequence`` and ``updated`` move so feeds that announced them as cancelled show them again.
    Merged-away events are left alone: their evidence lives on in the merge target.
    """
    pks = [e.pk for e in events]
    return Event.objects.filter(pk__in=pks, status=Event.Status.HIDDEN, merged_into__isnull=True).update(
        status=Event.Status.AUTO, sequence=F("sequence") + 1, updated=timezone.now()
    )


@transaction.atomic
def unconfirm_events(*, events: QuerySet[Event] | Iterable[Event]) -> int:
    """Make confirmed events automatic again (re-ingestion may then update them); returns how many changed."""
    pks = [e.pk for e in events]
    return Event.objects.filter(pk__in=pks, status=Event.Status.CONFIRMED).update(
        status=Event.Status.AUTO, updated=timezone.now()
    )


@transaction.atomic
def delete_articles(*, articles: QuerySet[Article] | Iterable[Article]) -> int:
    """Delete articles and the automatic events only they reported; returns how many articles.

    Their other events lose these articles' evidence, as if the articles no longer reported them
    (confirmed, hidden and curated events stay even with no evidence left). Deleting the rows alone
    left their events on the timeline with no source.
    """
    count = 0
    for article in articles:
        reconcile_article_events(article=article, candidates=[])
        article.delete()
        count += 1
    return count


@transaction.atomic
def merge_events(*, target: Event, others: Iterable[Event]) -> Event:
    """Move the others' evidence to ``target``; mark them merged into it and hidden. Returns ``target``.

    Evidence for a span the target already holds is dropped rather than duplicated. Re-ingestion
    later finds the target through that evidence, so the merged events do not come back.
    """
    others = [e for e in others if e.pk != target.pk]
    for other in others:
        have = set(Evidence.objects.filter(event=target).values_list("article_id", "span_start", "span_end"))
        for ev in Evidence.objects.filter(event=other):
            if (ev.article_id, ev.span_start, ev.span_end) in have:
                ev.delete()
            else:
                ev.event = target
                ev.save(update_fields=["event"])
        Event.objects.filter(merged_into=other).update(merged_into=target)
        other.merged_into = target
        other.status = Event.Status.HIDDEN
        other.sequence += 1
        other.save(update_fields=["merged_into", "status", "sequence", "updated"])
    if others:
        target.confidence = max([target.confidence, *(o.confidence for o in others)])
        target.save(update_fields=["confidence", "updated"])
    return target


def pick_merge_target(events: Iterable[Event]) -> Event:
    """The event others merge into: confirmed first and hidden last, then highest confidence, then earliest created.

    A hidden target would hide the merged event from everyone, which is never what merging means.
    """
    rank = {Event.Status.CONFIRMED: 0, Event.Status.AUTO: 1, Event.Status.HIDDEN: 2}
    return min(events, key=lambda e: (rank.get(e.status, 1), -e.confidence, e.created, e.pk))


@transaction.atomic
def update_event_fields(*, event: Event, changes: dict[str, Any]) -> Event:
    """Set fields as a curator did: each changed one joins ``curated_fields``; visible changes bump ``sequence``.

    Dates stay consistent with each other (see ``align_dates``): a new precision without new days
    widens the days to whole units, a missing end is the start day, and ``edtf`` is derived from
    the days and precision unless the curator set it too. Raises ValueError for a field curators
    may not set, and ValidationError for values the model refuses (an end before the start).
    """
    unknown = set(changes) - set(Event.CURATABLE_FIELDS)
    if unknown:
        raise ValueError(f"not curatable: {', '.join(sorted(unknown))}")
    asked = set(changes)
    changes = align_region(event, align_dates(event, changes))
    changed = [name for name, value in changes.items() if getattr(event, name) != value]
    if not changed:
        return event
    for name in changed:
        setattr(event, name, changes[name])
    # Region columns that follow a new place are not the curator's word; a place they set is.
    derived = set(Event.REGION_FIELDS) - asked
    curated = {name for name in changed if name in Event.CURATABLE_FIELDS and name not in derived}
    event.curated_fields = sorted(set(event.curated_fields or ()) | curated)
    update = [*changed, "curated_fields", "updated"]
    if set(changed) & set(Event.SEQUENCED_FIELDS):
        event.sequence += 1
        update.append("sequence")
    event.full_clean(exclude=["uid", "merged_into", "lead_article"])
    event.save(update_fields=update)
    return event


def align_region(event: Event, changes: dict[str, Any]) -> dict[str, Any]:
    """``changes`` plus the region columns that follow a new ``adcode`` or, without one, a new place.

    A new place is read against the region of the event's lead article (for "我市"); an adcode
    that names no region raises ValidationError.
    """
    if "adcode" in changes:
        try:
            return {**changes, **region_fields_for_code(changes["adcode"] or "")}
        except ValueError as exc:
            raise ValidationError({"adcode": str(exc)}) from None
    if "place" in changes and changes["place"] != event.place:
        home = article_home(event.lead_article) if event.lead_article_id else None
        return {**changes, **place_region_fields(changes["place"] or "", home=home)}
    return changes


DATE_CHANGES = ("start", "end", "precision", "open_end")


def align_dates(event: Event, changes: dict[str, Any]) -> dict[str, Any]:
    """``changes`` plus the date fields that must follow them.

    - precision changed, days not: the days widen to whole units of the new precision
      (day → month turns 2024-03-11 into 2024-03-01..2024-03-31);
    - an end left empty (or never set) is the start day;
    - edtf, unless the curator set it, is derived from the days, precision and open end.
    """
    if not set(changes) & set(DATE_CHANGES):
        return changes
    changes = dict(changes)
    value = {name: changes.get(name, getattr(event, name)) for name in DATE_CHANGES}
    start, end, precision = value["start"], value["end"], value["precision"]
    if start is not None and end is None:
        changes["end"] = end = start
    if "precision" in changes and start is not None and not {"start", "end"} & set(changes):
        changes["start"], changes["end"] = start, end = unit_bounds(start, end, precision)
    if "edtf" not in changes:
        changes["edtf"] = derive_edtf(start=start, end=end, precision=precision, open_end=value["open_end"])
    return changes


def unit_bounds(start: date, end: date, precision: str) -> tuple[date, date]:
    """``start`` and ``end`` widened to the whole month, half-year or year(s) ``precision`` names.

    Day, season and vague spans are returned as they are: a season's days come from solar terms,
    and a vague span has no unit to align to.
    """
    if precision in (Event.Precision.MONTH, Event.Precision.HALF_YEAR):
        first_month = start.month if precision == Event.Precision.MONTH else (1 if start.month <= 6 else 7)
        last_month = end.month if precision == Event.Precision.MONTH else (6 if end.month <= 6 else 12)
        return date(start.year, first_month, 1), _month_end(end.year, last_month)
    if precision in (Event.Precision.YEAR, Event.Precision.MULTI_YEAR):
        return date(start.year, 1, 1), date(end.year, 12, 31)
    return start, end


def derive_edtf(*, start: date | None, end: date | None, precision: str, open_end: bool = False) -> str:
    """EDTF for stored days at a precision: "2024-03-11", "2024-03", "2021/2025", "2024/.." ("" undated).

    Months for month and half-year precision, years for year, multi-year and vague spans, days
    otherwise (seasons too: their days come from solar terms, so no month range fits them).
    """
    if start is None:
        return ""
    end = end or start
    if precision in (Event.Precision.MONTH, Event.Precision.HALF_YEAR):
        first, last = f"{start.year:04d}-{start.month:02d}", f"{end.year:04d}-{end.month:02d}"
    elif precision in (Event.Precision.YEAR, Event.Precision.MULTI_YEAR, Event.Precision.VAGUE):
        first, last = f"{start.year:04d}", f"{end.year:04d}"
    else:
        first, last = start.isoformat(), end.isoformat()
    if open_end:
        return f"{first}/.."
    return first if first == last else f"{first}/{last}"


def _month_end(year: int, month: int) -> date:
    return date(year, month, calendar.monthrange(year, month)[1])
