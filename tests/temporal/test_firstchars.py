"""First-character sets for fast scanning (events/temporal/firstchars.py)."""

import re

import pytest

from events.temporal.firstchars import first_chars


def test_first_chars_lists_what_a_pattern_can_start_with():
    assert first_chars(r"(?<!x)(?:今天|明天|[0-9]{2})") == "[0123456789今明]"


def test_first_chars_gives_up_on_patterns_that_can_start_anywhere():
    assert first_chars(r"a?.b") is None


@pytest.mark.parametrize("pattern", [r"[0-9]+年", r"(?:农历|阴历)?[一二]月", r"(?P<x>今|明)天?日"])
def test_first_chars_never_misses_a_start(pattern):
    prefix = re.compile(first_chars(pattern))

    for text in ("2024年", "农历一月", "二月", "今天日", "明日"):
        match = re.match(pattern, text)
        if match:
            assert prefix.match(text)
