"""schema.org ``Event`` JSON-LD for an event, and its escaping for an inline ``<script>`` element."""

from __future__ import annotations

import json
from datetime import date

from django.utils.safestring import SafeString, mark_safe

from events.models import Event
from events.selectors import event_organizers

from .times import local_end, local_start

# The same escapes as django.utils.html.json_script: no "</script>" or "<!--" can close the element.
_SCRIPT_ESCAPES = {ord(">"): "\\u003E", ord("<"): "\\u003C", ord("&"): "\\u0026"}

SCHEDULED = "https://schema.org/EventScheduled"
CANCELLED = "https://schema.org/EventCancelled"


def _iso(day: date, precision: str) -> str:
    """ISO 8601 at the event's precision: "2023" for a year, "2024-03" for a month, else the full day.

    A coarse event keeps its coarseness (ISO 8601 allows reduced precision) instead of a made-up day.
    """
    if precision == Event.Precision.YEAR:
        return f"{day.year:04d}"
    if precision == Event.Precision.MONTH:
        return f"{day.year:04d}-{day.month:02d}"
    return day.isoformat()


def event_json_ld(event: Event, *, url: str, description: str = "", tz_offset: str = "+08:00") -> dict:
    """The schema.org Event for a dated event; ``url`` is the event page's absolute URL (also its ``@id``).

    ``description`` (e.g. the evidence sentence) is left out when empty. Reads no related rows.

    ``startDate``/``endDate`` are ISO 8601; a timed single-day event, or one with an end time, gets
    local datetimes with ``tz_offset`` (news times are China Standard Time). Organizers are the hosts (主办).
    """
    data: dict = {
        "@context": "https://schema.org",
        "@type": "Event",
        "@id": url,
        "name": event.title,
        "url": url,
        "eventStatus": CANCELLED if event.status == Event.Status.HIDDEN else SCHEDULED,
    }
    if event.start:
        end = event.end or event.start
        starts, ends = local_start(event), local_end(event)
        if starts is not None and (end == event.start or ends is not None):
            data["startDate"] = f"{starts:%Y-%m-%dT%H:%M}{tz_offset}"
        else:
            data["startDate"] = _iso(event.start, event.precision)
        data["endDate"] = (
            f"{ends:%Y-%m-%dT%H:%M}{tz_offset}" if ends is not None else _iso(end, event.precision)
        )
    if event.place:
        data["location"] = {"@type": "Place", "name": event.place, "address": event.place}
    hosts = event_organizers(event).get("hosts", [])
    if hosts:
        data["organizer"] = [{"@type": "Organization", "name": name} for name in hosts]
    if description:
        data["description"] = description
    return data


def json_ld_script(data: dict) -> SafeString:
    """``data`` as a ``<script type="application/ld+json">`` element, safe to put in HTML."""
    body = json.dumps(data, ensure_ascii=False, sort_keys=True).translate(_SCRIPT_ESCAPES)
    return mark_safe(f'<script type="application/ld+json">{body}</script>')
