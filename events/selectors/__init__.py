"""Everything that reads for display; one module per topic, re-exported here."""

from .aggregates import COUNT_BOUND, Count, count_by_kind, count_matching, event_cube, event_years
from .articles import article_events, article_item, article_mentions, article_page, list_articles
from .caching import cached_until_change, data_version, same_version
from .events import (
    COARSE_PRECISIONS,
    FILTER_PARAMS,
    REGION_PARAMS,
    EventFilters,
    FilterError,
    calendar_events,
    changed_events,
    filter_events,
    filters_to_params,
    order_events,
    parse_filters,
    region_level,
)
from .items import event_figures, event_item, event_organizers, iter_event_items, with_sources
from .paging import MAX_OFFSET, event_page
from .regions import region_facet, region_name, region_overview
from .timeline import (
    find_article,
    find_event,
    group_by_month,
    month_density,
    timeline_events,
    timeline_page,
    undated_events,
    upcoming_events,
)

__all__ = [
    "COARSE_PRECISIONS",
    "COUNT_BOUND",
    "MAX_OFFSET",
    "Count",
    "count_matching",
    "event_cube",
    "FILTER_PARAMS",
    "REGION_PARAMS",
    "EventFilters",
    "FilterError",
    "article_events",
    "article_item",
    "article_mentions",
    "article_page",
    "cached_until_change",
    "calendar_events",
    "changed_events",
    "count_by_kind",
    "data_version",
    "same_version",
    "event_figures",
    "event_item",
    "event_organizers",
    "event_page",
    "filter_events",
    "filters_to_params",
    "iter_event_items",
    "list_articles",
    "order_events",
    "parse_filters",
    "region_facet",
    "region_level",
    "region_name",
    "region_overview",
    "with_sources",
    # the timeline pages (timeline.py)
    "event_years",
    "find_article",
    "find_event",
    "group_by_month",
    "month_density",
    "timeline_events",
    "timeline_page",
    "undated_events",
    "upcoming_events",
]
