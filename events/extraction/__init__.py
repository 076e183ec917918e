"""Turns article text into event candidates (plain Python: no Django, no events.models)."""

from .extract import extract_events
from .types import EVENT_KINDS, EventCandidate, EvidenceSpan

__all__ = ["EVENT_KINDS", "EventCandidate", "EvidenceSpan", "extract_events"]
