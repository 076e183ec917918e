"""Other parsers' test cases (JioNLP, Duckling, Time_NLP), re-derived under our conventions.

See ``peer_eval`` for where the cases come from and how they are scored.
"""

import pytest

from tests.temporal.peer_eval import expected, load, outcome, passes

# Cases we do not yet get right; strict, so fixing one flags it here.
KNOWN_GAPS = {
    "他在10月22出生",  # a day without 日 counts only before a dash, punctuation or the end
}

CASES = load()


@pytest.mark.parametrize(
    "case",
    [
        pytest.param(
            c,
            id=f"{c['source'].split(' ')[0]}-{c['text']}-{c['ref']}",
            marks=[pytest.mark.xfail(strict=True)] if c["text"] in KNOWN_GAPS else [],
        )
        for c in CASES
    ],
)
def test_peer_case(case):
    assert passes(case), f"want {expected(case)}, got {outcome(case)}"


def test_peer_cases_name_their_source_and_are_unique():
    assert all(
        c["source"].split(" ")[0] in {"jionlp", "duckling", "Time_NLP", "dateparser", "xk-time"}
        for c in CASES
    )
    keys = [(c["text"], c["ref"]) for c in CASES]
    assert len(keys) == len(set(keys))
