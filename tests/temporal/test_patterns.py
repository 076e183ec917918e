"""The vocabulary tables and the master regex built from them (events/temporal/patterns.py)."""

import re

from events.temporal import patterns
from events.temporal.firstchars import first_chars


def test_every_family_has_a_start_set_so_the_scan_skips_ahead():
    assert [name for name, body in patterns._FAMILIES if first_chars(body) is None] == []


def test_master_regex_has_one_named_group_per_family():
    names = [name[2:] for name in patterns.MASTER.groupindex if name.startswith("F_")]

    assert names == list(patterns.FAMILIES)


def test_tables_agree_on_weekday_and_relative_words():
    assert (
        patterns.WEEKDAYS["日"],
        patterns.WEEKDAYS["天"],
        patterns.RELATIVE_DAYS["今天"],
        patterns.RELATIVE_DAYS["明天"],
    ) == (6, 6, 0, 1)


def test_plan_first_year_counts_five_year_plans():
    assert [patterns.plan_first_year(n) for n in (1, 2, 3, 13, 14, 15)] == [
        1953,
        1958,
        1966,
        2016,
        2021,
        2026,
    ]


def test_gap_allows_one_line_break_but_not_a_paragraph():
    gap = re.compile(patterns.GAP)

    assert (bool(gap.fullmatch(" \n ")), bool(gap.fullmatch("\n\n"))) == (True, False)
