"""Reads the figures of an event: counts with their measure words and money amounts. Plain Python."""

from __future__ import annotations

import re

import cn2an

from . import patterns as P

_FIGURE_RES = tuple((name, re.compile(rx)) for name, rx in P.FIGURES)
# Every row needs a numeral next to a measure word or unit: one cheap search skips most sentences.
_COUNTED_RE = re.compile(r"[\d零〇一二两三四五六七八九十百千][余多]?[个家人名支户所场期项次万亿元平大]")


def find_figures(sentence: str) -> list[tuple[int, str, int | float]]:
    """(offset, name, value) of each figure in a flat sentence; the first match of a name wins.

    "总投资16.7亿元" → investment_yuan 1670000000 (亿 = 1e8, 万 = 1e4); values are ints
    where exact. Years ("2024年"), editions ("第二十一届") and areas ("21万亩") match no row.
    """
    found: list[tuple[int, str, int | float]] = []
    if not _COUNTED_RE.search(sentence):
        return found
    seen: set[str] = set()
    numbers: set[int] = set()  # one printed number is one figure: the first (most specific) row wins
    for name, regex in _FIGURE_RES:
        if name in seen:
            continue
        match = regex.search(sentence)
        if not match or match.start(1) in numbers:
            continue
        value = parse_number(match.group(1))
        if value is None:
            continue
        unit = match.groupdict().get("unit")
        if unit:
            value = _exact(value * P.UNIT_MULTIPLIERS[unit])
        found.append((match.start(), name, value))
        seen.add(name)
        numbers.add(match.start(1))
    return sorted(found, key=lambda f: f[0])


def parse_number(text: str) -> int | float | None:
    """An Arabic or Chinese numeral as int (or float with a fraction); None if unreadable."""
    try:
        value = float(text) if text[0].isdigit() else float(cn2an.cn2an(text, "smart"))
    except (ValueError, KeyError, IndexError):
        return None
    return _exact(value)


def _exact(value: float) -> int | float:
    """An int when the float is a whole number ("16.7亿" is exactly 1670000000)."""
    rounded = round(value, 6)
    return int(rounded) if rounded == int(rounded) else rounded
