"""Links for adding one event to a calendar: a Google Calendar template URL (no requests)."""

from __future__ import annotations

from datetime import date, datetime, timedelta
from urllib.parse import urlencode

from events.models import Event

from .times import local_end, local_start

GOOGLE_TEMPLATE = "https://calendar.google.com/calendar/render"
GOOGLE_DETAILS_CHARS = 800  # the URL stays well under the ~2 KB browsers and Google accept
FEED_TZ = "Asia/Shanghai"


def google_dates(event: Event) -> str:
    """Google's ``dates`` value: all-day ``YYYYMMDD/YYYYMMDD`` (end exclusive) or local times.

    A timed event ends at its end time (``publishing.times.local_end``); with no known end it is
    given one hour, the length Google itself proposes, or its start time on its last day.
    """
    start = local_start(event)
    if start is None:
        return f"{event.start:%Y%m%d}/{event.end + timedelta(days=1):%Y%m%d}"
    end = local_end(event)
    if end is None:
        end = (
            start + timedelta(hours=1)
            if event.end == event.start
            else datetime.combine(event.end, event.time)
        )
    return f"{start:%Y%m%dT%H%M%S}/{end:%Y%m%dT%H%M%S}"


def google_calendar_link(event: Event, *, url: str, details: str = "") -> str:
    """A "添加到 Google 日历" link that opens a filled-in new event; "" for an undated event.

    Also "" for an event ending on 9999-12-31, which has no day after it for Google's exclusive end.
    """
    if event.start is None or event.end is None or event.end >= date.max:
        return ""
    text = f"{details}\n{url}".strip() if details else url
    params = {
        "action": "TEMPLATE",
        "text": event.title,
        "dates": google_dates(event),
        "details": text[:GOOGLE_DETAILS_CHARS],
        "location": event.place,
        "ctz": FEED_TZ,
    }
    return f"{GOOGLE_TEMPLATE}?{urlencode({k: v for k, v in params.items() if v})}"
