"""Writing every visible event as JSON lines, in the one item shape the JSON API also returns."""

from __future__ import annotations

import json
from collections.abc import Iterator
from typing import TextIO

from events.models import Event
from events.selectors import event_item, with_sources


def iter_event_items() -> Iterator[dict]:
    """Visible, dated, unmerged events as ``event_item`` dicts, oldest first (evidence fetched in bulk)."""
    events = Event.objects.visible().filter(start__isnull=False).order_by("start", "end", "pk")
    yield from (event_item(event) for event in with_sources(events).iterator(chunk_size=500))


def export_events(*, out: TextIO) -> int:
    """Write one JSON object per line to ``out`` (Chinese kept as is); returns how many were written."""
    count = 0
    for item in iter_event_items():
        out.write(json.dumps(item, ensure_ascii=False) + "\n")
        count += 1
    return count
