"""An event's local start and end times, and its hours as people read them ("9:00—17:00").

Times are Asia/Shanghai wall-clock times, as the news prints them; callers add the zone. Only an
event with a start time has an end time: an end time alone (an untimed event that closed "下午5时")
says nothing a calendar could show, and an end that is not after the start (a curator's slip, or
"晚上9时至凌晨2时" read on one day) is left out rather than shown backwards.
"""

from __future__ import annotations

from datetime import datetime, time

from events.models import Event

HOURS_DASH = "—"


def local_start(event: Event) -> datetime | None:
    """The local start of a timed event (naive, Asia/Shanghai); None when it has no time or no day."""
    if event.start is None or event.time is None:
        return None
    return datetime.combine(event.start, event.time)


def local_end(event: Event) -> datetime | None:
    """The local end of a timed event with a known end time after its start, else None."""
    start = local_start(event)
    if start is None or event.end_time is None or event.end is None:
        return None
    end = datetime.combine(event.end, event.end_time)
    return end if end > start else None


def clock(at: time) -> str:
    """A time as Chinese print shows it: 9:00, 14:30 (no leading zero on the hour)."""
    return f"{at.hour}:{at.minute:02d}"


def hours_label(start: time | None, end: time | None) -> str:
    """ "9:00—17:00", or "9:00" without an end after the start; "" without a start."""
    if start is None:
        return ""
    if end is None or end <= start:
        return clock(start)
    return f"{clock(start)}{HOURS_DASH}{clock(end)}"
