"""Turns article text into event candidates (plain Python: no Django, no events.models).

    >>> from datetime import date
    >>> from events.extraction import extract_events
    >>> [c.title for c in extract_events("3月11日，第五届科技节在市民广场开幕。", ref=date(2024, 3, 12))]
    ['第五届科技节']

The pipeline, one module each: ``layout`` (PDF line breaks, the flat text and its offset
map) → ``text`` (sentences, reports, clauses) → ``triggers`` (occurrences, their kinds and
titles, from the tables in ``patterns``) → ``dating`` (the parser's mentions; discourse
dates in ``extract``) → ``places`` / ``organizers`` / ``figures`` → ``drafts`` (merging by
key into ``EventCandidate``). Titles, places and organisers are in simplified characters
whatever the article's script; evidence sentences are the original text.
"""

from .extract import extract_events, extract_with_mentions
from .types import EVENT_KINDS, EventCandidate, EvidenceSpan

__all__ = [
    "EVENT_KINDS",
    "EventCandidate",
    "EvidenceSpan",
    "__version__",
    "extract_events",
    "extract_with_mentions",
]

# Part of the ingest PARSER_VERSION: raising it re-reads stored articles. 2: page furniture, WeChat
# phrases, not-events (totals, press conferences, programmes), day lists, sub-events, confidence reasons.
__version__ = "2"
