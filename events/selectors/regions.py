"""Reads the regions events are in: the timeline's region facet and the "按地区" overview.

Both are sums over ``EventRegionCount`` (visible events per region, kind and precision, kept by
database triggers), read once per data version: grouping every event per view cost 2 s at a
million events. Filters the counts cannot answer (dates, place, keyword, source) are counted over
at most ``COUNT_BOUND`` matching events; past that the facet says "at least" (``capped``).
"""

from __future__ import annotations

from dataclasses import fields, replace

from django.db.models import Sum

from events.models import EventRegionCount

from .aggregates import COUNT_BOUND
from .caching import cached_until_change
from .events import REGION_PARAMS, EventFilters, filter_events, region_level
from .region_counts import region_totals

# The level below each region filter: the facet lists the divisions one level down.
NEXT_LEVEL = {None: "province", "province": "city", "city": "county"}
# Filters the region counts answer exactly; any other set filter means counting matching events.
COUNTED_FILTERS = frozenset({"kind", "precision", *REGION_PARAMS})


def _deepest(filters: EventFilters) -> str | None:
    return next((name for name in ("county", "city", "province") if getattr(filters, name)), None)


def _counts_answer(filters: EventFilters) -> bool:
    return all(getattr(filters, f.name) is None for f in fields(filters) if f.name not in COUNTED_FILTERS)


def region_facet(*, filters: EventFilters) -> list[dict]:
    """The divisions one level below the region filter (provinces without one), each with the number
    of events matching ``filters`` there and the filters that pick it; most events first.

    ``capped`` rows counted only the first ``COUNT_BOUND`` matching events: their ``count`` is a
    lower bound. Empty when ``filters`` already picks a county (nothing lies below) or no event
    has a region.
    """
    level = NEXT_LEVEL.get(_deepest(filters))
    if level is None:
        return []
    if _counts_answer(filters):
        counts = cached_until_change(
            "region-facet-sums", (filters, level), lambda: _summed_counts(filters, level)
        )
        capped = False
    else:
        counts, capped = _matching_counts(filters, level)
    rows = sorted(counts.items(), key=lambda item: (-item[1], item[0][0]))
    return [
        {
            "code": code,
            "name": name,
            "count": n,
            "capped": capped,
            "level": level,
            "filters": replace(filters, **{level: code}),
        }
        for (code, name), n in rows
    ]


def _summed_counts(filters: EventFilters, level: str) -> dict[tuple[str, str], int]:
    """Events matching ``filters`` (kind, precision, regions) per division of ``level``, summed by the database.

    A few dozen rows from the region counts' few thousand: summing every cell in Python (and first
    reading and caching all of them) was a sixth of a cold timeline page at 1M events.
    """
    # The counts' columns are named as the filters are (regions by their code).
    columns = {"kind": filters.kind, "precision": filters.precision}
    columns |= {f"{name}_code": getattr(filters, name) for name in REGION_PARAMS}
    cells = EventRegionCount.objects.filter(**{column: value for column, value in columns.items() if value})
    rows = (
        cells.exclude(**{f"{level}_code": ""})
        .values_list(f"{level}_code", level)
        .annotate(total=Sum("n"))
        .filter(total__gt=0)
        .order_by()
    )
    return {(code, name): n for code, name, n in rows}


def _matching_counts(filters: EventFilters, level: str) -> tuple[dict[tuple[str, str], int], bool]:
    """Events matching ``filters`` per division of ``level``, over at most ``COUNT_BOUND`` of them."""
    return cached_until_change(
        "region-facet", (filters, level, COUNT_BOUND), lambda: _count_matching(filters, level)
    )


def _count_matching(filters: EventFilters, level: str) -> tuple[dict[tuple[str, str], int], bool]:
    matching = filter_events(filters=filters).exclude(**{f"{level}_code": ""}).order_by()
    found = list(matching.values_list(f"{level}_code", level)[: COUNT_BOUND + 1])
    counts: dict[tuple[str, str], int] = {}
    for code, name in found[:COUNT_BOUND]:
        counts[code, name] = counts.get((code, name), 0) + 1
    return counts, len(found) > COUNT_BOUND


def region_overview() -> list[dict]:
    """Every province with visible events, its count and its cities (each with count and counties).

    For the "按地区" page: codes and names come from the events themselves, so a region appears
    exactly when something happened there.
    """
    provinces: dict[str, dict] = {}
    counties: dict[tuple[str, str], dict] = {}
    for cell in region_totals():
        province = provinces.setdefault(
            cell.province_code, {"code": cell.province_code, "name": cell.province, "count": 0, "cities": {}}
        )
        province["count"] += cell.n
        if not cell.city_code:
            continue
        city = province["cities"].setdefault(
            cell.city_code, {"code": cell.city_code, "name": cell.city, "count": 0, "counties": []}
        )
        city["count"] += cell.n
        if cell.county_code:
            county = counties.get((cell.city_code, cell.county_code))
            if county is None:
                county = {"code": cell.county_code, "name": cell.county, "count": 0}
                counties[cell.city_code, cell.county_code] = county
                city["counties"].append(county)
            county["count"] += cell.n
    out = sorted(provinces.values(), key=lambda p: (-p["count"], p["code"]))
    for province in out:
        province["cities"] = sorted(province["cities"].values(), key=lambda c: (-c["count"], c["code"]))
        for city in province["cities"]:
            city["counties"].sort(key=lambda k: k["code"])
    return out


def region_name(code: str) -> str:
    """The name visible events store for the region ``code`` ("晋中市"); the code itself when none has it.

    Asked of the database (one row of the region counts, cached per data version): the page or feed
    of one region needs one name, not every region cell read and cached.
    """
    level = region_level(code)
    return cached_until_change("region-name", (code,), lambda: _stored_name(code, level))


def _stored_name(code: str, level: str) -> str:
    named = (
        EventRegionCount.objects.filter(**{f"{level}_code": code})
        .values_list(level)
        .annotate(total=Sum("n"))
        .filter(total__gt=0)
        .order_by(level)
    )
    return next((name for name, _ in named[:1]), code)
