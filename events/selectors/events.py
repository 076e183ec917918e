"""Reads events for display: the one filter every publication (page, API, feed) shares, and its parsing."""

from __future__ import annotations

import calendar
import re
from collections.abc import Iterator, Mapping
from dataclasses import dataclass, fields, replace
from datetime import date, datetime, timedelta

from django.db.models import DurationField, Exists, ExpressionWrapper, F, OuterRef, Q, QuerySet

from events.models import Event, Evidence

from .items import event_item, with_sources
from .region_counts import region_cells
from .search import matches_text

# The query parameters every publication takes, in their canonical order.
FILTER_PARAMS = ("kind", "from", "to", "place", "q", "precision", "source", "province", "city", "county")
# The region filters: each takes an adcode of its level or a name stored on events.
REGION_PARAMS = ("province", "city", "county")

# Free-text filters longer than this are refused rather than sent to the database.
MAX_TEXT_FILTER_CHARS = 200

_DATE_RE = re.compile(r"^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?$")
# Control characters (C0 and DEL): a search term never holds one, and a line break in a filter
# would end a line of the feed's calendar name; NUL is also refused by PostgreSQL.
_CONTROL_RE = re.compile(r"[\x00-\x1f\x7f]")


class FilterError(ValueError):
    """A filter parameter that cannot be used; ``field`` is the query parameter's name."""

    def __init__(self, field: str, message: str) -> None:
        super().__init__(f"{field}: {message}")
        self.field = field
        self.message = message


@dataclass(frozen=True)
class EventFilters:
    """The filters the timeline, the JSON API and the feeds all take (already validated)."""

    kind: str | None = None
    date_from: date | None = None  # events ending on or after this day
    date_to: date | None = None  # events starting on or before this day
    place: str | None = None  # substring of the place
    q: str | None = None  # text in title, place or evidence
    precision: str | None = None
    source: str | None = None  # Source.name
    province: str | None = None  # adcodes (the names given are looked up: the URL holds the code)
    city: str | None = None
    county: str | None = None

    def is_empty(self) -> bool:
        """True when no filter is set."""
        return all(getattr(self, f.name) is None for f in fields(self))


def _parse_date(field: str, raw: str, *, last: bool) -> date:
    """``YYYY-MM-DD``, or ``YYYY-MM`` / ``YYYY`` meaning the first (or, with ``last``, the last) day."""
    match = _DATE_RE.match(raw)
    if not match:
        raise FilterError(field, f"expected a date YYYY-MM-DD, got {raw!r}")
    year, month, day = int(match[1]), match[2], match[3]
    try:
        if month is None:
            return date(year, 12, 31) if last else date(year, 1, 1)
        if day is None:
            m = int(month)
            return date(year, m, calendar.monthrange(year, m)[1] if last else 1)
        return date(year, int(month), int(day))
    except (ValueError, calendar.IllegalMonthError):
        raise FilterError(field, f"not a calendar date: {raw!r}") from None


def _parse_text(field: str, raw: str) -> str:
    if len(raw) > MAX_TEXT_FILTER_CHARS:
        raise FilterError(field, f"at most {MAX_TEXT_FILTER_CHARS} characters")
    if control := _CONTROL_RE.search(raw):
        raise FilterError(field, f"contains a control character (U+{ord(control[0]):04X})")
    return raw


def region_level(code: str) -> str:
    """ "province", "city" or "county": the level an adcode names (140000, 140700, 140702)."""
    return "province" if code[2:] == "0000" else "city" if code[4:] == "00" else "county"


def _parse_region(field: str, raw: str) -> str:
    """The adcode a ``province``/``city``/``county`` value means: an adcode of that level, or a name.

    A name is looked up among the regions visible events are stored with ("山西" or "山西省"); a name no
    such event has, or that several divisions share (鼓楼区), is refused with the codes to use instead.
    """
    if raw.isascii() and raw.isdigit():
        if len(raw) != 6 or region_level(raw) != field:
            raise FilterError(field, f"expected a 6-digit {field} adcode, got {raw!r}")
        return raw
    name = _parse_text(field, raw)
    # From the region counts (cached per data version), not the events: no index serves a name's
    # prefix, and the scan of every event cost each request that gave a name.
    found = {
        (getattr(cell, f"{field}_code"), getattr(cell, field))
        for cell in region_cells()
        if getattr(cell, f"{field}_code") and getattr(cell, field).startswith(name)
    }
    codes = {code for code, stored in found if stored == name} or {code for code, _ in found}
    if len(name) < 2 or not codes:
        raise FilterError(field, f"no events in a {field} named {name!r}; use its 6-digit adcode")
    if len(codes) > 1:
        raise FilterError(
            field, f"{name!r} names several regions ({', '.join(sorted(codes))}); use an adcode"
        )
    return codes.pop()


def parse_filters(params: Mapping[str, str]) -> EventFilters:
    """Validate query parameters (``kind``, ``from``, ``to``, ``place``, ``q``, ``precision``, ``source``,
    ``province``, ``city``, ``county``).

    Missing or blank values mean "no filter"; other keys are ignored (pagination, ordering...).
    ``from``/``to`` take ``YYYY-MM-DD``; ``YYYY-MM`` and ``YYYY`` widen to the whole month or year
    (``from`` its first day, ``to`` its last). Raises ``FilterError`` naming the first bad parameter.
    """
    values: dict[str, str] = {}
    for name in FILTER_PARAMS:
        raw = params.get(name)
        if raw is None:
            continue
        raw = str(raw).strip()
        if raw:
            values[name] = raw

    kind = values.get("kind")
    if kind is not None and kind not in Event.Kind.values:
        raise FilterError("kind", f"unknown kind {kind!r}; one of {', '.join(Event.Kind.values)}")
    precision = values.get("precision")
    if precision is not None and precision not in Event.Precision.values:
        raise FilterError(
            "precision", f"unknown precision {precision!r}; one of {', '.join(Event.Precision.values)}"
        )
    date_from = _parse_date("from", values["from"], last=False) if "from" in values else None
    date_to = _parse_date("to", values["to"], last=True) if "to" in values else None
    if date_from and date_to and date_from > date_to:
        raise FilterError("to", f"'to' ({date_to}) is before 'from' ({date_from})")
    return EventFilters(
        kind=kind,
        date_from=date_from,
        date_to=date_to,
        place=_parse_text("place", values["place"]) if "place" in values else None,
        q=_parse_text("q", values["q"]) if "q" in values else None,
        precision=precision,
        source=_parse_text("source", values["source"]) if "source" in values else None,
        **{name: _parse_region(name, values[name]) for name in REGION_PARAMS if name in values},
    )


def filters_to_params(filters: EventFilters) -> dict[str, str]:
    """The canonical query parameters for ``filters``, in ``FILTER_PARAMS`` order; unset ones left out.

    ``parse_filters(filters_to_params(f)) == f`` for every valid ``f``, so equal filters give one URL.
    """
    values = {
        "kind": filters.kind,
        "from": filters.date_from.isoformat() if filters.date_from else None,
        "to": filters.date_to.isoformat() if filters.date_to else None,
        "place": filters.place,
        "q": filters.q,
        "precision": filters.precision,
        "source": filters.source,
        "province": filters.province,
        "city": filters.city,
        "county": filters.county,
    }
    return {name: values[name] for name in FILTER_PARAMS if values[name] is not None}


def filter_events(*, filters: EventFilters, include_hidden: bool = False) -> QuerySet[Event]:
    """Visible events (or also hidden and merged-away ones, for feeds announcing cancellations) matching ``filters``."""
    # Merged-away events are hidden, so only feeds (include_hidden) see them: as cancellations.
    qs = Event.objects.all() if include_hidden else Event.objects.visible()
    if filters.kind:
        qs = qs.filter(kind=filters.kind)
    if filters.precision:
        qs = qs.filter(precision=filters.precision)
    if filters.date_from:
        # An event with a start and no end (a curator may clear it) counts as its start day.
        qs = qs.filter(Q(end__gte=filters.date_from) | Q(end__isnull=True, start__gte=filters.date_from))
    if filters.date_to:
        qs = qs.filter(start__lte=filters.date_to)
    if filters.place:
        qs = qs.filter(place__icontains=filters.place)
    for name in REGION_PARAMS:
        if code := getattr(filters, name):
            qs = qs.filter(**{f"{name}_code": code})
    if filters.source:
        qs = qs.filter(
            Exists(Evidence.objects.filter(event=OuterRef("pk"), article__source__name=filters.source))
        )
    if filters.q:
        qs = qs.filter(matches_text(filters.q))
    return qs


def order_events(events: QuerySet[Event], *, ordering: str) -> QuerySet[Event]:
    """``events`` by start day (``"start"``) or newest first (``"-start"``); undated events always last.

    Ties go by primary key (creation order), which every database orders the same way.
    """
    start = F("start").desc(nulls_last=True) if ordering == "-start" else F("start").asc(nulls_last=True)
    return events.order_by(start, "pk")


# Feeds: how far back the default window reaches, how long a hidden event is announced as cancelled,
# and the longest day-precision range a default feed holds. See events/feeds.py for the reasons.
FEED_WINDOW_DAYS = 365
CANCELLED_KEPT_DAYS = 30
SHORT_RANGE_DAYS = 14
COARSE_PRECISIONS = frozenset(Event.Precision.values) - {Event.Precision.DAY}


def calendar_events(
    *, filters: EventFilters, coarse: bool, today: date, now: datetime, limit: int
) -> QuerySet[Event]:
    """The events a calendar feed holds, newest start first, at most ``limit`` (``feed_events`` reads them).

    Dated events only. The window starts ``FEED_WINDOW_DAYS`` before ``today`` unless ``filters``
    gives ``from``. Without ``coarse`` (and without a coarse ``precision`` filter) only day-precision
    events spanning at most ``SHORT_RANGE_DAYS`` days. Hidden events stay for ``CANCELLED_KEPT_DAYS``
    after their last change (``updated``), so subscribers learn they were cancelled.
    """
    window_from = filters.date_from or today - timedelta(days=FEED_WINDOW_DAYS)
    # The window is said as the one condition "ends on or after window_from", not through
    # filter_events' date_from (whose "or, without an end, starts after" branch cannot hold here):
    # beside "start > …" PostgreSQL multiplies the two ranges' odds as if unrelated, expects a
    # tenth of the rows, and gathers and sorts the whole window (880 ms at 1M events) instead of
    # walking the start index newest first and stopping after ``limit`` (34 ms).
    qs = filter_events(filters=replace(filters, date_from=None), include_hidden=True)
    qs = qs.filter(start__isnull=False, end__isnull=False, end__gte=window_from)
    qs = qs.exclude(status=Event.Status.HIDDEN, updated__lt=now - timedelta(days=CANCELLED_KEPT_DAYS))
    if not coarse and filters.precision not in COARSE_PRECISIONS:
        # Compare the span (end - start), not end with start + 14 days: date arithmetic on the
        # column overflows for events near 9999-12-31 (SQLite's date functions raise DataError).
        span = ExpressionWrapper(F("end") - F("start"), output_field=DurationField())
        qs = qs.alias(span=span).filter(
            precision=Event.Precision.DAY, span__lt=timedelta(days=SHORT_RANGE_DAYS)
        )
    return qs.order_by(F("start").desc(), "pk")[:limit]


def export_items(*, filters: EventFilters) -> Iterator[dict]:
    """Visible dated events matching ``filters`` as ``event_item`` dicts, oldest first, read in chunks."""
    events = filter_events(filters=filters).filter(start__isnull=False).order_by("start", "end", "pk")
    yield from (event_item(event) for event in with_sources(events, reposts=True).iterator(chunk_size=500))


def changed_events(*, filters: EventFilters, now: datetime, limit: int) -> QuerySet[Event]:
    """Events matching ``filters`` by last change, newest first, at most ``limit``, with their evidence.

    Dated events only (as in the calendar feeds); hidden and merged-away ones stay for
    ``CANCELLED_KEPT_DAYS`` after their last change, so a reader learns they were cancelled.
    """
    qs = filter_events(filters=filters, include_hidden=True).filter(start__isnull=False)
    qs = qs.exclude(
        Q(status=Event.Status.HIDDEN) | Q(merged_into__isnull=False),
        updated__lt=now - timedelta(days=CANCELLED_KEPT_DAYS),
    )
    return with_sources(qs.order_by("-updated", "-pk")[:limit])
