"""Tests for events/ical.py: our content lines are byte for byte what the icalendar library writes."""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta
from zoneinfo import ZoneInfo

import icalendar
import pytest
from hypothesis import given
from hypothesis import settings as hypothesis_settings
from hypothesis import strategies as st

from events.publishing import ical

# Text with the characters that matter: escapes, line breaks, CJK (3 octets), emoji (4 octets).
TRICKY = st.text(
    alphabet=st.sampled_from(list('ab ,;\\^:"\n\r科技节，；、') + ["😀", "é"]), min_size=0, max_size=300
).filter(lambda s: "\\N" not in s)  # icalendar reads a literal \N as a line break; we do not (see module)


def icalendar_line(name: str, value: object) -> bytes:
    """The property line icalendar writes for ``value`` in a VEVENT (folded, with CRLF)."""
    component = icalendar.Event()
    component.add(name, value)
    return component.to_ical().removeprefix(b"BEGIN:VEVENT\r\n").removesuffix(b"END:VEVENT\r\n")


@given(TRICKY)
def test_text_line_matches_icalendar(value):
    assert ical.text_line("SUMMARY", value) == icalendar_line("summary", value)


@given(st.lists(TRICKY.filter(bool), min_size=1, max_size=4))
def test_list_line_matches_icalendar_categories(values):
    assert ical.list_line("CATEGORIES", values) == icalendar_line("categories", values)


@given(TRICKY)
def test_fold_never_splits_a_character_or_exceeds_75_octets(value):
    folded = ical.fold("DESCRIPTION:" + ical.escape_text(value))

    lines = folded.removesuffix(b"\r\n").split(b"\r\n")
    assert all(len(line) <= 75 for line in lines)
    assert all(line.startswith(b" ") for line in lines[1:])
    assert b"".join([lines[0], *(line[1:] for line in lines[1:])]).decode("utf-8") == (
        "DESCRIPTION:" + ical.escape_text(value)
    )
    for line in lines:
        line.decode("utf-8")


@pytest.mark.parametrize("length", [73, 74, 75, 76, 148, 149, 150])
def test_fold_at_the_limit_matches_icalendar(length):
    value = "x" * (length - len("SUMMARY:"))

    assert ical.text_line("SUMMARY", value) == icalendar_line("summary", value)


def test_escape_text_escapes_each_special_character():
    assert ical.escape_text("a,b;c\\d\ne\r\nf\rg") == "a\\,b\\;c\\\\d\\ne\\nf\\ng"


def test_date_and_time_lines_match_icalendar():
    shanghai = ZoneInfo("Asia/Shanghai")
    moment = datetime(2024, 3, 11, 9, 30, tzinfo=shanghai)

    assert ical.date_line("DTSTART", date(2024, 3, 11)) == icalendar_line("dtstart", date(2024, 3, 11))
    assert ical.utc_line("DTSTAMP", moment) == icalendar_line("dtstamp", moment.astimezone(UTC))
    assert ical.utc_line("DTSTAMP", moment) == b"DTSTAMP:20240311T013000Z\r\n"
    assert ical.local_line("DTSTART", moment.replace(tzinfo=None), "Asia/Shanghai") == icalendar_line(
        "dtstart", moment
    )
    assert ical.raw_line("SEQUENCE", "3") == icalendar_line("sequence", 3)
    assert ical.raw_line("URL", "https://x.example/events/a,b/") == icalendar_line(
        "url", "https://x.example/events/a,b/"
    )
    assert ical.date_line("DTEND", date(2024, 3, 11) + timedelta(days=1)) == b"DTEND;VALUE=DATE:20240312\r\n"


@given(st.dates())
def test_date_line_matches_icalendar_for_every_year(day):
    # strftime's %Y wrote the year 1 as "1" (DTSTART;VALUE=DATE:10101) on Linux.
    assert ical.date_line("DTSTART", day) == icalendar_line("dtstart", day)


@given(st.datetimes(min_value=datetime(1, 1, 2), max_value=datetime(9999, 12, 30)))
def test_local_and_utc_lines_match_icalendar_for_every_year(moment):
    moment = moment.replace(microsecond=0)
    shanghai = moment.replace(tzinfo=ZoneInfo("Asia/Shanghai"))
    assert ical.local_line("DTSTART", moment, "Asia/Shanghai") == icalendar_line("dtstart", shanghai)
    assert ical.utc_line("DTSTAMP", moment.replace(tzinfo=UTC)) == icalendar_line(
        "dtstamp", moment.replace(tzinfo=UTC)
    )


@hypothesis_settings(max_examples=300)
@given(st.timedeltas(min_value=timedelta(seconds=1), max_value=timedelta(days=3_652_059)))
def test_duration_line_matches_icalendar(length):
    length -= timedelta(microseconds=length.microseconds)
    assert ical.duration_line("DURATION", length) == icalendar_line("duration", length)


def test_escape_text_drops_control_characters_but_keeps_tab_and_line_breaks():
    assert ical.escape_text("a\x00b\x0bc\x1bd\x7fe\tf\r\ng") == "abcde\tf\\ng"
