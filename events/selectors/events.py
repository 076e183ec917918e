"""Reads events for display: the one filter every publication (page, API, feed) shares, and its parsing."""

from __future__ import annotations

import calendar
import re
from collections.abc import Mapping
from dataclasses import dataclass, fields
from datetime import date

from django.db.models import Q, QuerySet

from events.models import Event

# The query parameters every publication takes, in their canonical order.
FILTER_PARAMS = ("kind", "from", "to", "place", "q", "precision", "source")

# Free-text filters longer than this are refused rather than sent to the database.
MAX_TEXT_FILTER_CHARS = 200

_DATE_RE = re.compile(r"^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?$")


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
    if "\x00" in raw:
        raise FilterError(field, "contains a NUL character")
    return raw


def parse_filters(params: Mapping[str, str]) -> EventFilters:
    """Validate query parameters (``kind``, ``from``, ``to``, ``place``, ``q``, ``precision``, ``source``).

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
    }
    return {name: values[name] for name in FILTER_PARAMS if values[name] is not None}


def filter_events(*, filters: EventFilters, include_hidden: bool = False) -> QuerySet[Event]:
    """Visible events (or all, for feeds that must announce cancellations) matching ``filters``."""
    qs = Event.objects.all() if include_hidden else Event.objects.visible()
    qs = qs.filter(merged_into__isnull=True)
    if filters.kind:
        qs = qs.filter(kind=filters.kind)
    if filters.precision:
        qs = qs.filter(precision=filters.precision)
    if filters.date_from:
        qs = qs.filter(end__gte=filters.date_from)
    if filters.date_to:
        qs = qs.filter(start__lte=filters.date_to)
    if filters.place:
        qs = qs.filter(place__icontains=filters.place)
    if filters.source:
        qs = qs.filter(evidence__article__source__name=filters.source)
    if filters.q:
        qs = qs.filter(
            Q(title__icontains=filters.q) | Q(place__icontains=filters.q) | Q(evidence__sentence__icontains=filters.q)
        )
    if filters.source or filters.q:
        qs = qs.distinct()
    return qs
