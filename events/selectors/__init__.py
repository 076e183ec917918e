"""Everything that reads for display; one module per topic, re-exported here."""

from .events import EventFilters, filter_events

__all__ = ["EventFilters", "filter_events"]
