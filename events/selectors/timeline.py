"""Reads for the timeline pages: dated events grouped by year and month, month density, event and article pages."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import date

from django.db.models import Count, F, Prefetch, QuerySet
from django.db.models.functions import ExtractMonth, ExtractYear

from events.models import Article, Event, Evidence

from .events import EventFilters, filter_events
from .items import with_sources

UID_MAX_CHARS = Event._meta.get_field("uid").max_length

# Events this coarse have no month of their own: they are grouped under their start year, not January.
YEAR_LEVEL_PRECISIONS = frozenset(
    {Event.Precision.HALF_YEAR, Event.Precision.YEAR, Event.Precision.MULTI_YEAR, Event.Precision.VAGUE}
)


@dataclass
class MonthGroup:
    """Events of one month (``month`` 1–12), or of the whole year or longer (``month`` None)."""

    month: int | None
    events: list[Event] = field(default_factory=list)


@dataclass
class YearGroup:
    """One year of the timeline, its month groups in display order."""

    year: int
    months: list[MonthGroup] = field(default_factory=list)


@dataclass
class YearDensity:
    """Visible dated events per start month of one year; ``year_level`` counts the coarse ones."""

    year: int
    months: list[int]  # 12 counts, January first
    year_level: int = 0

    @property
    def total(self) -> int:
        return sum(self.months) + self.year_level


def timeline_events(*, filters: EventFilters, newest_first: bool = True) -> QuerySet[Event]:
    """Visible dated events matching ``filters``, by start day (newest first unless told), with evidence."""
    qs = filter_events(filters=filters).filter(start__isnull=False)
    if newest_first:
        qs = qs.order_by(F("start").desc(), F("end").desc(), "title", "pk")
    else:
        qs = qs.order_by("start", "end", "title", "pk")
    return with_sources(qs)


def upcoming_events(*, filters: EventFilters, today: date, limit: int) -> list[Event]:
    """Visible events matching ``filters`` that have not ended by ``today``, soonest first (no evidence).

    Coarse events count too ("2025年3月" is upcoming all March); an event going on today is listed.
    """
    qs = filter_events(filters=filters).filter(start__isnull=False, end__gte=today)
    return list(qs.order_by("start", "end", "title", "pk")[:limit])


def undated_events(*, filters: EventFilters, limit: int = 20) -> list[Event]:
    """Visible events matching ``filters`` that have no date at all (at most ``limit``, by title)."""
    return list(filter_events(filters=filters).filter(start__isnull=True).order_by("title", "pk")[:limit])


def group_by_month(events: Iterable[Event], *, newest_first: bool = True) -> list[YearGroup]:
    """Group dated events (in display order) into years and months; within a group, that order is kept.

    Day-, month- and season-precise events go under their start month; coarser ones (year,
    half-year, multi-year, vague) under their start year as a whole (``month`` None), since
    putting "2023年" in January would claim a month the text never gave. The whole-year group
    comes after the months when newest first (it reads as "and earlier this year") and before
    them when oldest first.
    """
    buckets: dict[int, dict[int | None, list[Event]]] = {}
    for event in events:
        month = None if event.precision in YEAR_LEVEL_PRECISIONS else event.start.month
        buckets.setdefault(event.start.year, {}).setdefault(month, []).append(event)

    def month_order(month: int | None) -> int:
        if month is None:
            return -1 if newest_first else 0
        return month

    years = []
    for year in sorted(buckets, reverse=newest_first):
        months = sorted(buckets[year], key=month_order, reverse=newest_first)
        years.append(
            YearGroup(year=year, months=[MonthGroup(month=m, events=buckets[year][m]) for m in months])
        )
    return years


def month_density(*, filters: EventFilters) -> list[YearDensity]:
    """Counts of visible dated events matching ``filters`` per start year and month, newest year first.

    Only years that have events are listed. Coarse events count in their year's ``year_level``.
    """
    rows = (
        filter_events(filters=filters)
        .filter(start__isnull=False)
        .annotate(y=ExtractYear("start"), m=ExtractMonth("start"))
        .values_list("y", "m", "precision")
        .annotate(n=Count("pk", distinct=True))
        .order_by()
    )
    years: dict[int, YearDensity] = {}
    for year, month, precision, n in rows:
        density = years.setdefault(year, YearDensity(year=year, months=[0] * 12))
        if precision in YEAR_LEVEL_PRECISIONS:
            density.year_level += n
        else:
            density.months[month - 1] += n
    return [years[y] for y in sorted(years, reverse=True)]


def event_years() -> list[int]:
    """Start years of visible dated events, newest first (the timeline's year choices)."""
    years = (
        Event.objects.visible()
        .filter(start__isnull=False)
        .annotate(y=ExtractYear("start"))
        .values_list("y", flat=True)
        .distinct()
        .order_by("-y")
    )
    return list(years)


def find_event(*, uid: str) -> Event | None:
    """The event with ``uid`` (hidden or merged ones too: the caller decides), with its evidence; else None.

    ``uid`` comes straight from a URL: one no event could have (too long, or with a NUL, which
    PostgreSQL refuses even to compare) is None without a query.
    """
    if len(uid) > UID_MAX_CHARS or "\x00" in uid:
        return None
    return with_sources(Event.objects.filter(uid=uid)).select_related("merged_into").first()


def find_article(*, pk: int) -> Article | None:
    """The article with ``pk`` with its visible events' evidence prefetched as ``visible_evidence``; else None."""
    evidence = (
        Evidence.objects.filter(event__merged_into__isnull=True)
        .exclude(event__status=Event.Status.HIDDEN)
        .select_related("event")
        .order_by("span_start", "span_end", "pk")
    )
    articles = Article.objects.select_related("source").prefetch_related(
        Prefetch("evidence", queryset=evidence, to_attr="visible_evidence")
    )
    return articles.filter(pk=pk).first()
