"""Reads the organisers of an event: "由A、B主办，C协办，D承办". Plain Python."""

from __future__ import annotations

import re

from . import patterns as P
from .titles import split_top_level

# Lists are bounded (120 characters) so a long unpunctuated run cannot make matching quadratic.
_ROLE_RE = re.compile(
    r"([^，,。；;：:]{1,120}?)(?:共同)?(" + "|".join(P.ORGANIZER_ROLES) + r")(?:单位)?(?=[，,。；;、的]|$)"
)
_LABELLED_RE = re.compile(
    r"(" + "|".join(P.ORGANIZER_ROLES) + r")单位(?:为|是|:|：)([^。；;]{1,120}?)(?=[，,。；;]|$)"
)


_DATELINE_RE = re.compile(P.DATELINE)
_TAIL_RE = re.compile(r"(?:等\w{0,6}?单位)?(?:联合|共同)?$")


def find_organizers(sentence: str) -> dict[str, list[str]]:
    """``{"hosts": [...], "co_organizers": [...], "undertakers": [...]}`` for the roles named; {} if none.

    Names are split at "、" but not inside brackets: "山西农业大学（省农科院）" stays whole.
    """
    found: dict[str, list[str]] = {}
    if "办" not in sentence:  # every role word ends in "办": most sentences stop here
        return found
    for match in _ROLE_RE.finditer(sentence):
        names = _DATELINE_RE.sub("", match.group(1))  # "【记者…报导】教育部主办的…"
        if "由" in names:
            names = names.rsplit("由", 1)[1]
        _add(found, P.ORGANIZER_ROLES[match.group(2)], names)
    for match in _LABELLED_RE.finditer(sentence):
        _add(found, P.ORGANIZER_ROLES[match.group(1)], match.group(2))
    return found


def _add(found: dict[str, list[str]], role: str, names: str) -> None:
    """Add the names of a list to a role, keeping order and dropping repeats."""
    names = _TAIL_RE.sub("", names)  # "省科协、省科技厅等18家单位联合" → "省科协、省科技厅"
    for name in split_names(names):
        if name and name not in found.setdefault(role, []):
            found[role].append(name)


def split_names(names: str) -> list[str]:
    """Split "A（x、y）、B" at "、" outside brackets."""
    return [p.strip() for p in split_top_level(names) if p.strip()]
