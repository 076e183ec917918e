"""Held-out date families of issue 11, each row written and scored before the fixes for it.

Every valid mention of a row is checked, in text order, as "start..end" (with "@page" for a
timestamp or source line and "@name" for a year that is part of an event's name); an empty
``want`` means no date may be found (versions, scores, prices, ratios). ``family`` groups the
rows as the issue does; scored by ``peer_eval.passes_all`` (``--families`` prints the table).
"""

import pytest

from tests.temporal.peer_eval import FAMILIES, listing, load, passes_all

# Rows we do not yet get right; strict, so fixing one flags it here.
KNOWN_GAPS = {}

CASES = load(FAMILIES)


@pytest.mark.parametrize(
    "case",
    [
        pytest.param(
            c,
            id=f"{c['family']}-{c['text']}-{c['ref']}",
            marks=[pytest.mark.xfail(strict=True)] if c["text"] in KNOWN_GAPS else [],
        )
        for c in CASES
    ],
)
def test_family_case(case):
    assert passes_all(case), f"want {case['want']}, got {listing(case)}"


def test_family_cases_are_unique_and_name_a_family():
    keys = [(c["text"], c["ref"]) for c in CASES]
    assert len(keys) == len(set(keys))
    assert all(c["family"] and c["source"] in {"cn", "tw", "hk", "mo"} for c in CASES)
