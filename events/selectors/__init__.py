"""Everything that reads for display; one module per topic, re-exported here."""

from .events import FILTER_PARAMS, EventFilters, FilterError, filter_events, filters_to_params, parse_filters
from .items import event_item, with_sources

__all__ = [
    "FILTER_PARAMS",
    "EventFilters",
    "FilterError",
    "event_item",
    "filter_events",
    "filters_to_params",
    "parse_filters",
    "with_sources",
]
