"""Which series an event belongs to: its title's series name, qualified by the event's region."""

from __future__ import annotations

import re

from events.extraction.editions import series_of

# Suffixes dropped to get a division's short name ("太谷区" → "太谷", "内蒙古自治区" → "内蒙古").
_SUFFIX_RE = re.compile(
    r"(?:特别行政区|维吾尔自治区|壮族自治区|回族自治区|自治区|自治州|地区|省|市|区|县|盟|旗)$"
)


def short_name(name: str) -> str:
    """A division's name without its level word, kept whole when that would leave one character."""
    short = _SUFFIX_RE.sub("", name)
    return short if len(short) >= 2 else name


def series_fields(title: str, region: dict[str, str]) -> dict:
    """``series_key`` and ``edition`` for an event titled ``title`` with the region columns ``region``.

    No series without a region: "第二十一届科技节" alone could be any town's. The key is the
    province's code and the series name without the province's name; a name that does not say
    its town takes the county's (or city's) short name, so "山西·太谷第二十一届科技节" and
    "第二十二届科技节" held in 太谷区 are one series, "太谷科技节", and 榆次's is another.
    """
    edition = series_of(title)
    if edition is None or not region.get("province_code"):
        return {"series_key": "", "edition": None}
    name = edition.series
    province = short_name(region["province"])
    if name.startswith(province) and len(name) > len(province) + 1:
        name = name[len(province) :]
    local = region.get("county") or (region.get("city") if region.get("city") != region["province"] else "")
    if local and short_name(local) not in name and short_name(region.get("city", "")) not in name:
        name = short_name(local) + name
    return {"series_key": f"{region['province_code']}:{name}"[:220], "edition": edition.number}
