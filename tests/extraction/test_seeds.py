"""The seed articles give the events of seeds/expected_events.json (tiers must/should/may/undated).

Expected events are matched to candidates by evidence: a candidate matches when one of
its evidence spans overlaps where the expected evidence stands in the article. Precision
"period" in the expected file (a span of years: "3年来", "“十四五”期间") is the parser's
"multi-year". Season edges come from the parser's solar-term reading of 初冬 (立冬 to the
day before 大雪), which is the reading the expected file gives.
"""

import json
from datetime import date
from functools import cache

import pytest

from events.extraction import extract_events
from tests.conftest import SEEDS, load_seed

EXPECTED = json.loads((SEEDS / "expected_events.json").read_text(encoding="utf-8"))
PRECISION_RANK = {
    p: i for i, p in enumerate(("day", "month", "season", "half-year", "year", "multi-year", "vague"))
}
MAX_EXTRAS = 2  # per article: each one a real occurrence the curator did not list


def precision_of(expected: str) -> str:
    return "multi-year" if expected == "period" else expected


@cache
def candidates(name: str) -> tuple:
    text, published = load_seed(name)
    return tuple(extract_events(text, ref=published))


def evidence_span(name: str, evidence: str) -> tuple[int, int]:
    text, _ = load_seed(name)
    start = text.find(evidence)
    assert start >= 0, f"expected evidence not in {name}: {evidence!r}"
    return start, start + len(evidence)


def matching(name: str, evidence: str) -> list:
    start, end = evidence_span(name, evidence)
    return [c for c in candidates(name) if any(e.span[0] < end and start < e.span[1] for e in c.evidence)]


def seed_cases(tiers: tuple[str, ...]) -> list:
    cases = []
    for article in EXPECTED["articles"]:
        for event in article["events"]:
            if event["tier"] in tiers:
                cases.append(
                    pytest.param(article["file"], event, id=f"{article['file'][:3]}-{event['title'][:14]}")
                )
    return cases


@pytest.mark.parametrize(("name", "event"), seed_cases(("must", "should", "may")))
def test_seed_event(name, event):
    found = matching(name, event["evidence"])
    start, end = date.fromisoformat(event["start"]), date.fromisoformat(event["end"])
    precision = precision_of(event["precision"])
    if event["tier"] == "must":
        [c] = [c for c in found if c.kind == event["kind"]]
        assert (c.start, c.end, c.precision, c.place) == (start, end, precision, event["place"])
        assert event["date_text"] in {e.date_text for e in c.evidence}
    elif event["tier"] == "should":
        assert [(c.start, c.end, c.precision) for c in found if c.dated] == [(start, end, precision)]
    else:  # may: fine to leave out; if dated, never finer than given
        for c in found:
            assert not c.dated or PRECISION_RANK[c.precision] >= PRECISION_RANK[precision], c


@pytest.mark.parametrize(
    ("name", "item"),
    [
        pytest.param(a["file"], u, id=f"{a['file'][:3]}-{u['title'][:14]}")
        for a in EXPECTED["articles"]
        for u in a["undated"]
    ],
)
def test_seed_undated_is_never_dated_to_a_day(name, item):
    assert [c.title for c in matching(name, item["evidence"]) if c.precision == "day"] == []


@pytest.mark.parametrize("article", EXPECTED["articles"], ids=lambda a: a["file"][:3])
def test_seed_extras_are_few(article):
    name = article["file"]
    listed = [e["evidence"] for e in article["events"] + article["undated"]]
    matched = {c.key for evidence in listed for c in matching(name, evidence)}
    extras = [c for c in candidates(name) if c.key not in matched]

    assert len(extras) <= MAX_EXTRAS, [c.title for c in extras]
    assert all(c.precision != "day" for c in extras), [c.title for c in extras]


@pytest.mark.parametrize("article", EXPECTED["articles"], ids=lambda a: a["file"][:3])
def test_seed_evidence_is_the_original_text(article):
    text, _ = load_seed(article["file"])
    for c in candidates(article["file"]):
        for e in c.evidence:
            assert text[e.span[0] : e.span[1]] == e.sentence
            assert e.date_text in e.sentence
