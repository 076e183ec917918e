"""Event regions as stored: the fields a ``Region`` fills, and the region an article speaks from."""

from __future__ import annotations

from events.geography import Region, article_region, region_for_code, resolve_event_region
from events.models import Article, Event


def region_fields(region: Region | None) -> dict[str, str]:
    """The Event's region columns for ``region`` (all empty for None: unknown stays unknown)."""
    if region is None:
        return dict.fromkeys(Event.REGION_FIELDS, "")
    return {
        "adcode": region.code,
        "province": region.province,
        "province_code": region.province_code,
        "city": region.city,
        "city_code": region.city_code,
        "county": region.county,
        "county_code": region.county_code,
    }


def article_home(article: Article) -> Region | None:
    """The region ``article`` speaks from: its dateline, else its source's name, else a masthead."""
    outlet = article.source.name if article.source_id else ""
    return article_region(article.text, outlet=outlet)


def place_region_fields(place: str, *, home: Region | None) -> dict[str, str]:
    """The region columns for an event at ``place`` reported from ``home``."""
    return region_fields(resolve_event_region(place, home=home) if place.strip() else None)


def region_fields_for_code(code: str) -> dict[str, str]:
    """The region columns a curator's adcode stands for; ValueError for a code that names no region.

    An empty code clears the region (the curator says it is unknown).
    """
    if not code.strip():
        return region_fields(None)
    region = region_for_code(code.strip())
    if region is None:
        raise ValueError(f"未知的行政区划代码：{code}")
    return region_fields(region)
