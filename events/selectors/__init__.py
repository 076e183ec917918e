"""Everything that reads for display; one module per topic, re-exported here."""

from .events import EventFilters, filter_events
from .items import event_item, with_sources

__all__ = ["EventFilters", "event_item", "filter_events", "with_sources"]
