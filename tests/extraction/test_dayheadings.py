"""Tests for events/extraction/dayheadings.py: day headings date the event named above them."""

from datetime import date

import pytest

from events.extraction import extract_events


def found(text: str, ref: date) -> list[tuple]:
    return [(c.kind, c.title, c.start, c.end) for c in extract_events(text, ref=ref)]


@pytest.mark.parametrize(
    "headings",
    [
        ["▌Day 1｜8月5日", "▌Day 2｜8月6日", "▌Day 3｜8月7日"],
        ["DAY1 | 8月5日", "DAY2 | 8月6日", "DAY3 | 8月7日"],
        ["第一天（8月5日）", "第二天（8月6日）", "第三天（8月7日）"],
    ],
    ids=["day-bar", "day-pipe", "chinese-ordinal"],
)
def test_extract_events_day_headings_give_the_camp_its_span(headings):
    first, second, third = headings
    text = (
        "2024年“小小气象员”科学营\n\n顺利结营\n\n快来看看\n\n孩子们的精彩瞬间！\n\n"
        f"{first}\n\n开营仪式\n\n参观气象站\n\n{second}\n\n气象观测实践课\n\n{third}\n\n结营仪式"
    )

    assert found(text, date(2024, 8, 9)) == [
        ("training", "2024年“小小气象员”科学营", date(2024, 8, 5), date(2024, 8, 7))
    ]


def test_extract_events_day_headings_split_over_sentences_extend_one_span():
    text = (
        "2024年“陇原青少年科学营”\n\n圆满结营啦\n\n一起来回顾\n\n这三天的精彩瞬间吧！\n\n"
        "▌Day 1｜9月14日\n\n开营仪式\n\n▌Day 2｜9月15日\n\n参观研究装置\n\n\n晚上：黄河边观星\n\n\n"
        "▌Day 3｜9月16日\n\n结营仪式"
    )

    [camp] = extract_events(text, ref=date(2024, 9, 18))

    assert (camp.kind, camp.start, camp.end) == ("training", date(2024, 9, 14), date(2024, 9, 16))


def test_extract_events_day_headings_that_disagree_with_their_numbers_are_no_programme():
    text = "2024年科学营\n\n顺利结营\n\n快来看看\n\n精彩瞬间！\n\n▌Day 1｜8月5日\n\n开营仪式\n\n▌Day 2｜8月20日\n\n结营仪式"

    [camp] = extract_events(text, ref=date(2024, 8, 21))

    # Day 2 fifteen days after Day 1: the headings are not read, the camp keeps its name's year
    assert (camp.start, camp.end, camp.precision) == (date(2024, 1, 1), date(2024, 12, 31), "year")


def test_extract_events_day_headings_under_a_dated_camp_are_its_programme():
    text = (
        "8月5日至7日，2024年“小小气象员”科学营在汉中举办。\n\n"
        "▌Day 1｜8月5日\n\n开营仪式\n\n参观气象站\n\n▌Day 2｜8月6日\n\n气象观测实践课\n\n▌Day 3｜8月7日\n\n结营仪式"
    )

    assert [(c.kind, c.start, c.end) for c in extract_events(text, ref=date(2024, 8, 9))] == [
        ("training", date(2024, 8, 5), date(2024, 8, 7))
    ]


def test_extract_events_a_day_told_in_prose_is_no_heading():
    text = "2024年青少年科学营在兰州开营。DAY2｜8月6日，营员们走进研究所参观，晚上举行科普讲座。"

    found = [(c.kind, c.start, c.end) for c in extract_events(text, ref=date(2024, 8, 9))]

    # the camp keeps its name's year and the lecture its own day: the prose day is not a heading
    assert found == [
        ("training", date(2024, 1, 1), date(2024, 12, 31)),
        ("training", date(2024, 8, 6), date(2024, 8, 6)),
    ]
