"""Reads the regions events are in: the timeline's region facet and the "按地区" overview."""

from __future__ import annotations

from dataclasses import replace

from django.db.models import Count

from events.models import Event

from .events import EventFilters, filter_events, region_level

# The level below each region filter: the facet lists the divisions one level down.
NEXT_LEVEL = {None: "province", "province": "city", "city": "county"}


def _deepest(filters: EventFilters) -> str | None:
    return next((name for name in ("county", "city", "province") if getattr(filters, name)), None)


def region_facet(*, filters: EventFilters) -> list[dict]:
    """The divisions one level below the region filter (provinces without one), each with the number
    of events matching ``filters`` there and the filters that pick it; most events first.

    Empty when ``filters`` already picks a county (nothing lies below) or no event has a region.
    """
    level = NEXT_LEVEL.get(_deepest(filters))
    if level is None:
        return []
    rows = (
        filter_events(filters=filters)
        .exclude(**{f"{level}_code": ""})
        .values_list(f"{level}_code", level)
        .annotate(n=Count("pk", distinct=True))
        .order_by("-n", f"{level}_code")
    )
    return [
        {"code": code, "name": name, "count": n, "level": level, "filters": replace(filters, **{level: code})}
        for code, name, n in rows
    ]


def region_overview() -> list[dict]:
    """Every province with visible events, its count and its cities (each with count and counties).

    For the "按地区" page: codes and names come from the events themselves, so a region appears
    exactly when something happened there.
    """
    rows = (
        filter_events(filters=EventFilters())
        .exclude(province_code="")
        .values_list("province_code", "province", "city_code", "city", "county_code", "county")
        .annotate(n=Count("pk"))
        .order_by("province_code", "city_code", "county_code")
    )
    provinces: dict[str, dict] = {}
    for p_code, p_name, c_code, c_name, k_code, k_name, n in rows:
        province = provinces.setdefault(p_code, {"code": p_code, "name": p_name, "count": 0, "cities": {}})
        province["count"] += n
        if not c_code:
            continue
        city = province["cities"].setdefault(
            c_code, {"code": c_code, "name": c_name, "count": 0, "counties": []}
        )
        city["count"] += n
        if k_code:
            city["counties"].append({"code": k_code, "name": k_name, "count": n})
    out = sorted(provinces.values(), key=lambda p: (-p["count"], p["code"]))
    for province in out:
        province["cities"] = sorted(province["cities"].values(), key=lambda c: (-c["count"], c["code"]))
    return out


def region_name(code: str) -> str:
    """The name events store for the region ``code`` ("晋中市"); the code itself when none has it."""
    level = region_level(code)
    name = Event.objects.filter(**{f"{level}_code": code}).values_list(level, flat=True).first()
    return name or code
