"""Everything that writes: ingestion, curation and queueing; one module per topic, re-exported here.

``FetchRun`` and ``fetch_source`` are looked up on first use (``__getattr__``): importing them means
importing the page-reading libraries (lxml, trafilatura, dateparser, feedparser, requests: ~16 MB per
process), which a worker that only re-reads stored articles never needs.
"""

from .curation import (
    confirm_events,
    delete_articles,
    derive_edtf,
    hide_events,
    merge_events,
    pick_merge_target,
    unconfirm_events,
    unhide_events,
    unit_bounds,
    update_event_fields,
)
from .files import collect_files
from .ingest import PARSER_VERSION, IngestResult, ingest_article, reingest_stored_article, resolve_published
from .leases import claim_source, due_sources
from .queueing import (
    mark_queued_work_done,
    request_article_reingest,
    request_due_fetches,
    request_event_reingest,
    request_source_ingest,
    request_stale_reingest,
    requeue_lost,
    stale_articles,
)
from .regions import region_fields_for_code
from .roots import FILE_KINDS, ForeignKeyError, OutsideRootError, check_api_write, normalize_location
from .site import uid_domain
from .sources import IngestSummary, ensure_source, ingest_paths, ingest_source
from .text import IngestError, decode_bytes, read_article_file

__all__ = [
    "PARSER_VERSION",
    "ForeignKeyError",
    "OutsideRootError",
    "FILE_KINDS",
    "check_api_write",
    "normalize_location",
    "IngestError",
    "IngestResult",
    "IngestSummary",
    "FetchRun",
    "claim_source",
    "collect_files",
    "confirm_events",
    "decode_bytes",
    "delete_articles",
    "derive_edtf",
    "due_sources",
    "ensure_source",
    "fetch_source",
    "hide_events",
    "ingest_article",
    "ingest_paths",
    "ingest_source",
    "merge_events",
    "pick_merge_target",
    "read_article_file",
    "region_fields_for_code",
    "reingest_stored_article",
    "request_article_reingest",
    "request_due_fetches",
    "request_event_reingest",
    "request_source_ingest",
    "requeue_lost",
    "mark_queued_work_done",
    "request_stale_reingest",
    "resolve_published",
    "stale_articles",
    "unconfirm_events",
    "unhide_events",
    "uid_domain",
    "unit_bounds",
    "update_event_fields",
]

_FETCHING = {"FetchRun", "fetch_source"}


def __getattr__(name: str):
    if name in _FETCHING:
        from . import web_sources

        return getattr(web_sources, name)
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
