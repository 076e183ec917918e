"""Editions of recurring events: "第二十一届科技节" is edition 21 of the series "科技节".

``series_of(title)`` gives the series name (the title without its edition and year) and the
edition number, or None when the title names neither: only a title that says it recurs ("第N届",
or a year before the name, "2024中国（太原）国际能源产业博览会") is put in a series.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

import cn2an

# "第二十一届", "第21届", "（第三届）"; 届 only: "第二次签约" counts occurrences, not editions.
EDITION_RE = re.compile(r"[（(]?第\s*([0-9一二三四五六七八九十百零〇两]+)\s*届[）)]?")
# A year naming the edition: "2024年", "2024", "2024—2025年度" at the start or before the name.
YEAR_RE = re.compile(r"(?<![0-9])(?:19|20)[0-9]{2}(?:\s*[—\-－至]\s*(?:19|20)?[0-9]{2})?\s*(?:年度|年)?")
# Characters that do not tell two series apart: spaces, separators, quotes.
NOISE_RE = re.compile(r"[\s·•・“”\"'‘’《》〈〉]")


@dataclass(frozen=True)
class Edition:
    """Where an event stands in its series: the series name and the edition number (None if unnumbered)."""

    series: str
    number: int | None


def _number(text: str) -> int | None:
    if text.isdigit():
        return int(text)
    try:
        value = cn2an.cn2an(text, "smart")
    except (ValueError, KeyError):
        return None
    return int(value) if value == int(value) else None


def series_of(title: str) -> Edition | None:
    """The series and edition ``title`` names, or None for a one-off title.

    The series name keeps everything but the edition and the year, so "第二十一届科技节" and
    "2025年第二十二届科技节" share "科技节"; callers qualify it with a region, since many towns
    hold a 科技节. Of a joint event ("第二十一届科技节暨…成果推介活动"), the series is the part
    that carries the edition.
    """
    title = _numbered_part(title)
    edition = EDITION_RE.search(title)
    year = YEAR_RE.search(title)
    if edition is None and year is None:
        return None
    name = EDITION_RE.sub("", title)
    name = YEAR_RE.sub("", name)
    name = NOISE_RE.sub("", name).strip("（）()，,：:、")
    if len(name) < 2:
        return None
    return Edition(series=name, number=_number(edition[1]) if edition else None)


def _numbered_part(title: str) -> str:
    """Of "A暨B" (two events held as one), the part naming the edition ("第N届", else a year); else
    the whole title. "第二十一届科技节暨…成果推介活动" recurs as the 科技节, and "…推介会暨第三届…
    大会" as the 大会; the other part is what this edition was held together with."""
    parts = title.split("暨")
    if len(parts) == 1:
        return title
    for pattern in (EDITION_RE, YEAR_RE):
        numbered = [part for part in parts if pattern.search(part)]
        if numbered:
            return numbered[0]
    return title
