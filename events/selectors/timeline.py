"""Reads for the timeline pages: dated events grouped by year and month, month density, event and article pages."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import date

from django.db.models import Count as CountRows
from django.db.models import F, OuterRef, Prefetch, QuerySet, Subquery

from events.models import Article, Event, Evidence

from .aggregates import TEXT_FIELDS, Count, CubeRow, count_matching, cube_answers, cube_rows, dated_matches
from .events import EventFilters, filter_events
from .items import with_sources
from .paging import MAX_OFFSET, after_on_timeline

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


def timeline_events(
    *, filters: EventFilters, newest_first: bool = True, evidence_per_event: int | None = None
) -> QuerySet[Event]:
    """Visible dated events matching ``filters``, by start day (newest first unless told), with evidence.

    With ``evidence_per_event``, only that many evidence rows come with each event, and
    ``evidence_total`` says how many it has.
    """
    qs = filter_events(filters=filters).filter(start__isnull=False)
    # One index on (start, end) serves both: read forwards oldest first, backwards newest first
    # (which is why a missing end comes first there and last here), and the database sorts
    # only the ties of a day by title.
    if newest_first:
        qs = qs.order_by(F("start").desc(), F("end").desc(nulls_first=True), "title", "pk")
    else:
        qs = qs.order_by("start", F("end").asc(nulls_last=True), "title", "pk")
    if evidence_per_event is not None:
        counted = Evidence.objects.filter(event=OuterRef("pk")).order_by().values("event")
        qs = qs.annotate(evidence_total=Subquery(counted.annotate(n=CountRows("pk")).values("n")))
    return with_sources(qs, per_event=evidence_per_event)


def upcoming_events(*, filters: EventFilters, today: date, limit: int) -> list[Event]:
    """Visible events matching ``filters`` that have not ended by ``today``, soonest first (no evidence).

    Coarse events count too ("2025年3月" is upcoming all March); an event going on today is listed.
    """
    qs = filter_events(filters=filters).filter(start__isnull=False, end__gte=today)
    return list(qs.order_by("start", "end", "title", "pk")[:limit])


@dataclass
class TimelinePage:
    """One page of the timeline: a numbered page (``number``) or the page after an event (``number`` None)."""

    events: list[Event]
    count: Count  # dated events matching the filters (at least, when capped)
    number: int | None
    num_pages: int | None  # None when the count is capped
    has_next: bool
    next_number: int | None  # the next numbered page, or None: go on after ``events[-1]``

    @property
    def has_previous(self) -> bool:
        return self.number is not None and self.number > 1

    @property
    def previous_number(self) -> int | None:
        return self.number - 1 if self.has_previous else None

    @property
    def last_pk(self) -> int | None:
        return self.events[-1].pk if self.events else None


def timeline_page(
    *,
    filters: EventFilters,
    newest_first: bool,
    page: str | None,
    after: str | None,
    size: int,
    evidence_per_event: int | None = None,
) -> TimelinePage:
    """The page of ``size`` events that ``page`` (a number) or ``after`` (an event's pk) asks for.

    Numbered pages go as deep as ``MAX_OFFSET`` rows; the next link of the last of them, and of
    every page after a cursor, carries ``after``. A page number that is not a number is page 1;
    one past the end is the last page (or the deepest numbered one when the count is capped).
    An ``after`` that names no visible dated event is ignored.
    """
    events = timeline_events(
        filters=filters, newest_first=newest_first, evidence_per_event=evidence_per_event
    )
    count = count_matching(events, filters=filters, dated=True)
    max_pages = MAX_OFFSET // size + 1
    num_pages = None if count.capped else max(1, -(-count.n // size))
    anchor = _anchor(events, after)
    if anchor is not None:
        rows = list(events.filter(after_on_timeline(anchor, newest_first=newest_first))[: size + 1])
        number = None
    else:
        number = int(page) if page and page.isascii() and page.isdigit() else 1
        number = max(1, min(number, num_pages or max_pages, max_pages))
        offset = (number - 1) * size
        rows = list(events[offset : offset + size + 1])
    has_next = len(rows) > size
    next_number = number + 1 if number is not None and number < max_pages and has_next else None
    return TimelinePage(
        events=rows[:size],
        count=count,
        number=number,
        num_pages=num_pages,
        has_next=has_next,
        next_number=next_number,
    )


def _anchor(events: QuerySet[Event], after: str | None) -> Event | None:
    if not after or not (after.isascii() and after.isdigit()) or len(after) > 18:
        return None
    return events.prefetch_related(None).filter(pk=int(after)).only("pk", "start", "end", "title").first()


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
    From the cached cube (``aggregates``) when only kind and precision are set; else counted over
    the matching events when there are at most ``COUNT_BOUND``. Past that, a date range is drawn
    from the cube's start months inside it (an event that started before ``from`` and runs into
    it is listed but not drawn), and text filters (place, keyword, source) draw no chart: [].
    """
    if cube_answers(filters):
        rows = [(r.year, r.month, r.precision, r.n) for r in cube_rows(filters, dated=True)]
    elif (found := dated_matches(filters)) is not None:
        rows = [(start.year, start.month, precision, 1) for start, precision in found]
    elif any(getattr(filters, name) is not None for name in TEXT_FIELDS):
        return []
    else:
        rows = [(r.year, r.month, r.precision, r.n) for r in _cube_rows_in_range(filters)]
    years: dict[int, YearDensity] = {}
    for year, month, precision, n in rows:
        density = years.setdefault(year, YearDensity(year=year, months=[0] * 12))
        if precision in YEAR_LEVEL_PRECISIONS:
            density.year_level += n
        else:
            density.months[month - 1] += n
    return [years[y] for y in sorted(years, reverse=True)]


def _cube_rows_in_range(filters: EventFilters) -> list[CubeRow]:
    """The cube's dated rows matching kind and precision whose start month lies in ``from``–``to``."""
    low = (filters.date_from.year, filters.date_from.month) if filters.date_from else (0, 0)
    high = (filters.date_to.year, filters.date_to.month) if filters.date_to else (10_000, 13)
    return [row for row in cube_rows(filters, dated=True) if low <= (row.year, row.month) <= high]


def find_event(*, uid: str) -> Event | None:
    """The event with ``uid`` (hidden or merged ones too: the caller decides), with its evidence; else None.

    ``uid`` comes straight from a URL: one no event could have (too long, or with a NUL, which
    PostgreSQL refuses even to compare) is None without a query.
    """
    if len(uid) > UID_MAX_CHARS or "\x00" in uid:
        return None
    return with_sources(Event.objects.filter(uid=uid), reposts=True).select_related("merged_into").first()


def series_editions(event: Event) -> list[Event]:
    """The other visible editions of ``event``'s series, by start day; empty when it has no series."""
    if not event.series_key:
        return []
    others = filter_events(filters=EventFilters()).filter(series_key=event.series_key).exclude(pk=event.pk)
    return list(others.order_by(F("start").asc(nulls_last=True), "edition", "pk"))


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
