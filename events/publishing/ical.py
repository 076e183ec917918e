"""Writes iCalendar content lines quickly: RFC 5545 TEXT escaping and folding at 75 octets.

Plain Python (no Django). It writes the same bytes the ``icalendar`` library writes for the few
property types a VEVENT in our feeds uses (TEXT, DATE, DATE-TIME, INTEGER, URI, a list of TEXT);
tests/test_ical.py checks that byte for byte against icalendar. It exists because building a
component with icalendar costs about half a millisecond per event, which is most of a 10,000-event
feed; the calendar header and VTIMEZONE are still written by icalendar.

Two deliberate differences: icalendar turns a literal ``\\N`` in text into a line break; we escape
it as the two characters it is. And icalendar writes control characters (U+0000–U+001F but tab and
line breaks, U+007F) as they are, which RFC 5545 3.3.11 does not allow in TEXT; we leave them out.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from datetime import UTC, date, datetime, timedelta
from functools import lru_cache

FOLD_OCTETS = 74  # content per physical line, so a continuation line (space + content) is at most 75
_NOT_AFTER_FOLD = b"\\^"  # never end a physical line on an escape's first character (icalendar #1501)
_CONTROL_RE = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]")  # controls but TAB, LF and CR
# What escape_text changes: control characters but TAB, and \\ ; ,
_ESCAPED_RE = re.compile("[\x00-\x08\x0a-\x1f\x7f\\\\;,]")


def escape_text(value: str) -> str:
    """A TEXT value escaped per RFC 5545 3.3.11: ``\\ ; ,`` get a backslash, line breaks become ``\\n``.

    Other control characters are dropped: TEXT cannot carry them, and a strict parser may refuse them.
    """
    if not _ESCAPED_RE.search(value):  # most titles and places: one scan instead of seven
        return value
    return (
        _CONTROL_RE.sub("", value)
        .replace("\\", "\\\\")
        .replace(";", "\\;")
        .replace(",", "\\,")
        .replace("\r\n", "\\n")
        .replace("\n", "\\n")
        .replace("\r", "\\n")
    )


def fold(line: str) -> bytes:
    """One content line as UTF-8 bytes ending in CRLF, folded so no physical line exceeds 75 octets.

    Folds only between characters (never inside a UTF-8 sequence) and never right after a
    backslash or caret, so an escape such as ``\\,`` stays on one physical line.
    """
    data = line.encode("utf-8")
    if len(data) <= FOLD_OCTETS:
        return data + b"\r\n"
    parts: list[bytes] = []
    start, size = 0, len(data)
    while size - start > FOLD_OCTETS:
        cut = start + FOLD_OCTETS
        while data[cut] & 0xC0 == 0x80:  # a continuation byte: back up to the character's first byte
            cut -= 1
        if cut - start >= 2 and data[cut - 1] in _NOT_AFTER_FOLD:
            cut -= 1
        parts.append(data[start:cut])
        start = cut
    parts.append(data[start:])
    return b"\r\n ".join(parts) + b"\r\n"


def text_line(name: str, value: str) -> bytes:
    """``NAME:escaped value``, folded."""
    return fold(f"{name}:{escape_text(value)}")


def list_line(name: str, values: Iterable[str]) -> bytes:
    """A multi-valued TEXT property such as CATEGORIES: each value escaped, joined by commas."""
    return fold(f"{name}:{','.join(escape_text(v) for v in values)}")


def raw_line(name: str, value: str) -> bytes:
    """A value written as is (URI, INTEGER, status words), folded."""
    return fold(f"{name}:{value}")


def _ymd(day: date) -> str:
    """``YYYYMMDD`` with a four-digit year: strftime's ``%Y`` writes the year 1 as "1" on Linux."""
    return f"{day.year:04d}{day.month:02d}{day.day:02d}"


@lru_cache(maxsize=4096)  # a feed's ~1,100 events fall on a few hundred days
def date_line(name: str, day: date) -> bytes:
    """``NAME;VALUE=DATE:YYYYMMDD``."""
    return f"{name};VALUE=DATE:{_ymd(day)}\r\n".encode()


def utc_line(name: str, moment: datetime) -> bytes:
    """``NAME:YYYYMMDDTHHMMSSZ`` for an aware datetime, written in UTC."""
    return name.encode() + b":" + utc_value(moment)


def utc_value(moment: datetime) -> bytes:
    """``YYYYMMDDTHHMMSSZ`` and the line's CRLF for an aware datetime, in UTC (fractions of a second dropped)."""
    utc = moment.astimezone(UTC)
    return b"%04d%02d%02dT%02d%02d%02dZ\r\n" % utc.timetuple()[:6]


def local_line(name: str, moment: datetime, tzid: str) -> bytes:
    """``NAME;TZID=<tzid>:YYYYMMDDTHHMMSS``; the calendar must carry that zone's VTIMEZONE."""
    return f"{name};TZID={tzid}:{_ymd(moment)}T{moment:%H%M%S}\r\n".encode()


def duration_line(name: str, length: timedelta) -> bytes:
    """``NAME:P<n>DT<h>H<m>M<s>S`` for a positive length, zero parts left out as icalendar does.

    RFC 5545 3.3.6 lets hours be followed only by minutes, so ``1H0M1S`` keeps its zero minutes.
    """
    hours, rest = divmod(length.seconds, 3600)
    minutes, seconds = divmod(rest, 60)
    clock = f"{hours}H" if hours else ""
    clock += f"{minutes}M" if minutes or (hours and seconds) else ""
    clock += f"{seconds}S" if seconds else ""
    days = f"{length.days}D" if length.days or not clock else ""
    return f"{name}:P{days}{'T' + clock if clock else ''}\r\n".encode()
