"""A tiny stand-in extractor for service tests: each "@key kind title start[/end] [place]" line is a candidate.

It builds real EventCandidates with real spans into the text, so the service is tested on its own;
the end-to-end tests in test_ingest.py use the real extractor on the seeds.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from datetime import date

import pytest

from events.extraction.types import EventCandidate, EvidenceSpan
from events.services.ingest import find_mentions

LINE = re.compile(r"^@(\S+) (\S+) (\S+) (undated|\d{4}-\d\d-\d\d)(?:/(\d{4}-\d\d-\d\d))?(?: (.*))?$", re.M)


def line_candidates(text: str, ref: date) -> list[EventCandidate]:
    """One candidate per "@key kind title start[/end] [place]" line; "undated" gives start None."""
    out = []
    for m in LINE.finditer(text):
        key, kind, title, start, end, place = m.groups()
        first = None if start == "undated" else date.fromisoformat(start)
        last = date.fromisoformat(end) if end else first
        out.append(
            EventCandidate(
                title=title,
                kind=kind,
                start=first,
                end=last,
                precision="day" if first else None,
                edtf=(first.isoformat() if first == last else f"{first}/{last}") if first else "",
                place=place or "",
                evidence=(EvidenceSpan(sentence=m.group(0), span=m.span(), date_text=start),),
                key=key,
                confidence=0.8,
            )
        )
    return out


def reading_with(candidates_of: Callable[[str, date], list[EventCandidate]]) -> Callable:
    """A stand-in for ``ingest.read_text``: ``candidates_of``'s candidates, the real parser's mentions."""

    def read_text(text: str, ref: date) -> tuple[list[EventCandidate], list[dict]]:
        return candidates_of(text, ref), find_mentions(text, ref)

    return read_text


def use_candidates(monkeypatch: pytest.MonkeyPatch, candidates_of: Callable[[str, date], list]) -> None:
    """Make ingestion take its candidates from ``candidates_of`` instead of the real extractor."""
    monkeypatch.setattr("events.services.ingest.read_text", reading_with(candidates_of))


def use_line_candidates(monkeypatch: pytest.MonkeyPatch) -> None:
    """Make ingestion use ``line_candidates`` instead of the real extractor for this test."""
    use_candidates(monkeypatch, line_candidates)
