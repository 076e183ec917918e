"""The genre corpus (tests/extraction/data) gives its curated events, as test_seeds does for seeds/."""

import opencc
import pytest

from events.extraction import extract_events
from tests.extraction.corpus import (
    articles,
    candidates,
    dates_of,
    day_ok,
    evidence_span,
    extras,
    matching,
)

MAX_EXTRAS = 3  # per article: each one a real occurrence the curator did not list


def gap_marks(events: tuple[dict, ...] | list[dict]) -> list:
    """An xfail mark when the curator noted a temporal-parser gap (``parser_gap``) the extractor cannot fix."""
    gaps = [e["parser_gap"] for e in events if "parser_gap" in e]
    return [pytest.mark.xfail(reason="; ".join(gaps), strict=True)] if gaps else []


def event_cases(tiers: tuple[str, ...]) -> list:
    return [
        pytest.param(a.name, e, id=f"{a.name}-{e['title_has']}", marks=gap_marks([e]))
        for a in articles()
        for e in a.events
        if e["tier"] in tiers
    ]


@pytest.mark.parametrize(("name", "event"), event_cases(("must",)))
def test_corpus_must_event(name, event):
    [c] = [c for c in matching(name, event["evidence"]) if c.kind == event["kind"]]

    assert (c.start, c.end, c.precision) == dates_of(event)
    assert c.place in [event["place"], *event.get("place_alt", [])], c.place
    assert event["title_has"] in c.title, c.title
    assert {k: c.figures.get(k) for k in event["figures"]} == event["figures"]
    for role, names in event.get("organizers", {}).items():
        assert c.organizers.get(role) == names


@pytest.mark.parametrize(("name", "event"), event_cases(("should",)))
def test_corpus_should_event(name, event):
    found = [c for c in matching(name, event["evidence"]) if c.kind == event["kind"] and c.dated]

    # A sentence may also be evidence of the event it refers back to ("本届大赛…，决赛定于…"):
    # one of the dated candidates there has the dates; test_corpus_day_dates_are_in_the_text
    # checks that none has wrong ones.
    assert dates_of(event) in [(c.start, c.end, c.precision) for c in found]


@pytest.mark.parametrize(
    ("name", "item"),
    [pytest.param(a.name, u, id=f"{a.name}-{u['title'][:12]}") for a in articles() for u in a.undated],
)
def test_corpus_undated_is_never_dated_to_a_day(name, item):
    assert [c.title for c in matching(name, item["evidence"]) if c.precision == "day"] == []


@pytest.mark.parametrize("name", [pytest.param(a.name, marks=gap_marks(a.events)) for a in articles()])
def test_corpus_day_dates_are_in_the_text(name):
    assert [c.title for c in candidates(name) if c.precision == "day" and not day_ok(name, c)] == []


@pytest.mark.parametrize("name", [a.name for a in articles()])
def test_corpus_extras_are_few(name):
    assert len(extras(name)) <= MAX_EXTRAS, [c.title for c in extras(name)]


@pytest.mark.parametrize("name", [a.name for a in articles()])
def test_corpus_evidence_is_the_original_text(name):
    [a] = [a for a in articles() if a.name == name]
    for event in a.events + a.undated:
        evidence_span(a, event["evidence"])
    for c in candidates(name):
        for e in c.evidence:
            assert a.text[e.span[0] : e.span[1]] == e.sentence


@pytest.mark.parametrize("name", [a.name for a in articles()])
def test_corpus_traditional_print_gives_the_same_events(name):
    [a] = [a for a in articles() if a.name == name]
    traditional = opencc.OpenCC("s2t").convert(a.text)

    def summary(text: str) -> list[tuple]:
        return [
            (c.key, c.kind, c.start, c.end, c.title, c.place, c.figures)
            for c in extract_events(text, ref=a.published)
        ]

    assert summary(traditional) == summary(a.text)
