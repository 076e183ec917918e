"""The vocabulary tables and the master regex built from them (events/temporal/patterns.py)."""

import re
from datetime import date

import pytest

from events.temporal import extract, patterns
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


def test_word_lists_compile_to_tries_that_prefer_the_longest_word_and_fall_back():
    import re

    from events.temporal.patterns import _alternation

    rx = re.compile(f"(?:{_alternation(['后天', '大后天', '大后'])})天?x")
    assert _alternation(["元宵", "元宵节"]) == "元宵(?:节)?"
    assert re.match(_alternation(["后天", "大后天"]), "大后天").group() == "大后天"
    assert rx.match("大后天x").group() == "大后天x"  # "大后" + "天" only if the longer word fails


def test_the_master_scan_keeps_family_order_across_its_runs():
    from events.temporal.patterns import FAMILIES, MASTER

    assert [
        n[2:] for n in sorted(MASTER.groupindex, key=MASTER.groupindex.get) if n.startswith("F_")
    ] == list(FAMILIES)


@pytest.mark.parametrize(
    ("text", "want"),
    [
        ("5月头条新闻", [("5月", "2024-05")]),  # a headline, not early May
        ("三月头", [("三月头", "2024-03-01/2024-03-10")]),
        ("后日本时代", []),  # 后日 is not read as "the day after tomorrow"
        ("腊月18000吨物资", [("腊月", "2024-12-31/2025-01-28")]),  # 18 is part of a number
        ("腊月18，年味渐浓", [("腊月18", "2025-01-17")]),
        ("今周刊报道", []),
        ("复活节岛的石像", []),  # Easter Island
        ("圣诞老人来了", []),
        ("圣诞期间", [("圣诞", "2024-12-25")]),
        ("今个星期三", [("今个星期三", "2024-03-13")]),
        ("每个星期天早上9点一刻", []),  # recurring
        ("4月26日20时1刻", [("4月26日20时1刻", "2024-04-26")]),
        ("这年头", []),  # "these days", not early in a year
        ("今年头三个月", [("今年头三个月", "2024-01/2024-03")]),
        ("2021年后三月", [("2021年后三月", "2021-10/2021-12")]),
        ("年前两月", []),  # 年前 is before the New Year
        ("三年半后", [("三年半后", "2027-09")]),
        ("上周五至日", [("上周五至日", "2024-03-08/2024-03-10")]),
        ("周三至四十人", [("周三", "2024-03-13")]),  # 四十人 is a count
    ],
)
def test_peer_vocabulary_rows_and_their_guards(text, want):
    assert [(m.text, m.edtf) for m in extract(text, ref=date(2024, 3, 15)) if m.valid] == want
