"""The trigger-kept region counts (``EventRegionCount``) summed over their slots, once per data version."""

from __future__ import annotations

from typing import NamedTuple

from django.db.models import Sum

from events.models import EventRegionCount

from .caching import cached_until_change


class RegionCell(NamedTuple):
    """Visible events in one region (a level it does not reach is "") with one kind and precision.

    A named tuple for the reason ``aggregates.CubeRow`` is one: cheap to pickle and read back.
    """

    province_code: str
    province: str
    city_code: str
    city: str
    county_code: str
    county: str
    kind: str
    precision: str
    n: int


def region_cells() -> tuple[RegionCell, ...]:
    """The region counts summed over their slots; cached per data version."""
    return cached_until_change("region-cells", (), lambda: _summed(by_kind=True))


def region_totals() -> tuple[RegionCell, ...]:
    """The region counts summed over slots, kinds and precisions (those two ""); cached per data version.

    What the "按地区" page draws: one row per region, where the cells are one per region, kind and
    precision (2,574 at 1M events, 1,299 at 10k), summed by the database instead of in Python.
    """
    return cached_until_change("region-totals", (), lambda: _summed(by_kind=False))


REGION_COLUMNS = ("province_code", "province", "city_code", "city", "county_code", "county")


def _summed(*, by_kind: bool) -> tuple[RegionCell, ...]:
    key = (*REGION_COLUMNS, "kind", "precision") if by_kind else REGION_COLUMNS
    rows = EventRegionCount.objects.values_list(*key).annotate(total=Sum("n")).filter(total__gt=0).order_by()
    every = () if by_kind else ("", "")  # kind and precision: all of them
    words: dict[str, str] = {}  # each name, code, kind and precision once in the pickle
    return tuple(RegionCell(*(words.setdefault(v, v) for v in row[:-1]), *every, row[-1]) for row in rows)
