"""Whole-table counts the timeline and the API show (per month, year, kind, totals), once per data version.

Counting a million events on every view cost seconds (the density chart alone spilled to disk).
Database triggers keep the visible events counted by start year × month × precision × kind
(``EventCount``, the "cube"); it is summed once per data version and cached. Density, year
choices, kind counts and totals for views filtered only by kind and precision are sums over
its few thousand rows. Other filters (dates,
place, keyword, source) are counted directly but only up to ``COUNT_BOUND`` rows: past that a
page says "很多" (``Count.capped``) instead of counting on, as large sites do.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from typing import NamedTuple

from django.db.models import QuerySet, Sum

from events.models import Event, EventCount

from .caching import cached_until_change
from .events import EventFilters, filter_events

# Filtered views count at most this many rows; past it they say "more than this".
COUNT_BOUND = 1000

# Filters the cube cannot answer exactly (it is grouped by kind and precision, and by start month only).
NON_CUBE_FIELDS = ("date_from", "date_to", "place", "q", "source")
# Of those, the ones a start-month range of the cube cannot even approximate.
TEXT_FIELDS = ("place", "q", "source")


class CubeRow(NamedTuple):
    """Visible events with this start year and month (None when undated), precision and kind.

    A named tuple, not a dataclass: the cube's ~4,600 rows are pickled into the cache and read back
    by every page that counts, and tuples unpickle several times faster.
    """

    year: int | None
    month: int | None
    precision: str
    kind: str
    n: int


@dataclass(frozen=True)
class Count:
    """How many events match: exactly ``n``, or at least ``n`` when ``capped``."""

    n: int
    capped: bool = False


def event_cube() -> tuple[CubeRow, ...]:
    """The counts of visible events by start year, month, precision and kind; cached per data version."""
    return cached_until_change("event-cube", (), _build_cube)


def _build_cube() -> tuple[CubeRow, ...]:
    """The cube summed over the trigger-kept counts (``EventCount``): a few thousand rows, not every event."""
    rows = (
        EventCount.objects.values_list("year", "month", "precision", "kind")
        .annotate(total=Sum("n"))
        .filter(total__gt=0)
        .order_by()
    )
    # One string per kind and precision, so the cached pickle refers to it instead of repeating it.
    words: dict[str, str] = {}
    return tuple(
        CubeRow(
            year or None,
            month or None,
            words.setdefault(precision, precision),
            words.setdefault(kind, kind),
            n,
        )
        for year, month, precision, kind, n in rows
    )


def cube_answers(filters: EventFilters) -> bool:
    """True when ``filters`` set nothing but kind and precision, so the cube counts them exactly."""
    return all(getattr(filters, name) is None for name in NON_CUBE_FIELDS)


def cube_rows(filters: EventFilters, *, dated: bool) -> list[CubeRow]:
    """The cube's rows matching ``filters``' kind and precision (only dated ones when ``dated``)."""
    return [
        row
        for row in event_cube()
        if (filters.kind is None or row.kind == filters.kind)
        and (filters.precision is None or row.precision == filters.precision)
        and (row.year is not None or not dated)
    ]


def count_matching(events: QuerySet[Event], *, filters: EventFilters, dated: bool) -> Count:
    """How many of ``events`` (``filters`` applied already) there are: from the cube, or up to ``COUNT_BOUND``."""
    if cube_answers(filters):
        return Count(_summed_count(kind=filters.kind, precision=filters.precision, dated=dated))
    if dated:
        found = dated_matches(filters)
        return Count(COUNT_BOUND, capped=True) if found is None else Count(len(found))
    found = len(events.order_by().values_list("pk", flat=True)[: COUNT_BOUND + 1])
    return Count(COUNT_BOUND, capped=True) if found > COUNT_BOUND else Count(found)


def _summed_count(*, kind: str | None, precision: str | None, dated: bool) -> int:
    """The cube's count for a kind and precision, summed by the database; cached per data version.

    One number from one query (1 ms at 1M events): an API page needs the total and nothing else of
    the cube, whose ~4,600 rows cost a cold page 8 ms to read and 4 ms to pickle into the cache.
    """

    def total() -> int:
        # The counts' columns are named as the filters are; undated events are counted as year 0.
        columns = {"kind": kind, "precision": precision}
        counts = EventCount.objects.filter(**{column: value for column, value in columns.items() if value})
        counts = counts.exclude(year=0) if dated else counts
        return counts.aggregate(total=Sum("n"))["total"] or 0

    return cached_until_change("event-count", (kind, precision, dated), total)


def dated_matches(filters: EventFilters) -> list[tuple[date, str]] | None:
    """Start and precision of each visible dated event matching ``filters``; None past ``COUNT_BOUND``.

    Read once per data version for both the count and the density chart of a filtered timeline.
    """
    return cached_until_change("dated-matches", (filters, COUNT_BOUND), lambda: (_dated_matches(filters),))[0]


def _dated_matches(filters: EventFilters) -> list[tuple[date, str]] | None:
    matching = filter_events(filters=filters).filter(start__isnull=False).order_by()
    found = list(matching.values_list("start", "precision")[: COUNT_BOUND + 1])
    return None if len(found) > COUNT_BOUND else found


def count_by_kind() -> list[dict]:
    """Every event kind, in declaration order, with its Chinese label and its number of visible events."""
    counts: dict[str, int] = {}
    for row in event_cube():
        counts[row.kind] = counts.get(row.kind, 0) + row.n
    return [
        {"value": value, "label": label, "count": counts.get(value, 0)} for value, label in Event.Kind.choices
    ]


def event_years() -> list[int]:
    """Start years of visible dated events, newest first (the timeline's year choices)."""
    return sorted({row.year for row in event_cube() if row.year is not None}, reverse=True)
