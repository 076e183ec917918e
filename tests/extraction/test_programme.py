"""Tests for events/extraction/programme.py: programme lines that name an event without a verb."""

from datetime import date

import pytest

from events.extraction import extract_events
from events.extraction.programme import programme_item


@pytest.mark.parametrize(
    ("sentence", "name", "expected"),
    [
        ("14日下午，“数字乡村”分论坛；", "“数字乡村”分论坛", "“数字乡村”分论坛"),
        ("09:00—11:30产业项目对接会（会展中心B厅）", "30产业项目对接会", "产业项目对接会"),
        ("5月21日全天，智能装备成果展", "智能装备成果展", "智能装备成果展"),
        ("|少儿编程体验营|7月6日|青少年宫|", "少儿编程体验营", "少儿编程体验营"),
    ],
    ids=["day-and-half", "hours-with-venue", "whole-day", "table-row"],
)
def test_programme_item_names_the_event_of_the_line(sentence, name, expected):
    start = sentence.index(name)

    at = programme_item(sentence, start, start + len(name))

    assert sentence[at : start + len(name)] == expected


@pytest.mark.parametrize(
    ("sentence", "name"),
    [
        ("14日下午的分论坛吸引了200余名嘉宾。", "分论坛"),
        ("据介绍，“数字乡村”分论坛将在下午举行。", "“数字乡村”分论坛"),
        ("|少儿编程体验营|免费|青少年宫|", "少儿编程体验营"),
    ],
    ids=["told-in-prose", "no-day-first", "row-without-a-day"],
)
def test_programme_item_is_none_in_prose(sentence, name):
    start = sentence.index(name)

    assert programme_item(sentence, start, start + len(name)) is None


@pytest.mark.parametrize(
    ("text", "ref", "expected"),
    [
        (
            "2024滨江智能制造大会将于5月20日至21日在滨江会展中心举行。\n\n日程安排\n\n5月20日\n\n"
            "09:00—10:30　开幕式暨主旨演讲\n\n14:00—17:00　“工业软件”分论坛\n\n5月21日\n\n"
            "09:00—11:30　产业项目对接会（会展中心B厅）\n\n14:00—16:00　企业参观考察",
            date(2024, 5, 6),
            [
                ("2024滨江智能制造大会", date(2024, 5, 20), date(2024, 5, 21)),
                ("“工业软件”分论坛", date(2024, 5, 20), date(2024, 5, 20)),
                ("产业项目对接会", date(2024, 5, 21), date(2024, 5, 21)),
            ],
        ),
        (
            "2024年城关县科技活动周将于5月18日至24日举行。主要活动安排如下：\n\n"
            "1.5月18日上午，科技活动周启动仪式（县文化广场）；\n\n"
            "2.5月20日—22日，农业实用技术培训班（县农广校）；\n\n"
            "3.5月24日，科技成果对接会（县政务服务中心）。\n",
            date(2024, 5, 15),
            [
                ("2024年城关县科技活动周", date(2024, 5, 18), date(2024, 5, 24)),
                ("农业实用技术培训班", date(2024, 5, 20), date(2024, 5, 22)),
                ("科技成果对接会", date(2024, 5, 24), date(2024, 5, 24)),
            ],
        ),
    ],
    ids=["under-day-headings", "numbered-lines-glued-to-their-days"],
)
def test_extract_events_programme_lines_give_their_days(text, ref, expected):
    found = [(c.title, c.start, c.end) for c in extract_events(text, ref=ref)]

    assert found == expected


def test_extract_events_programme_lines_with_days_and_a_table():
    text = (
        "第三届数字乡村论坛定于9月12日至13日举行，主要日程如下：\n\n12日上午，开幕式暨主论坛；\n\n"
        "12日下午，“智慧农业”分论坛、“农村电商”成果推介会；\n\n13日上午，数字乡村项目签约仪式。\n\n"
        "同期活动：\n\n| 活动 | 日期 | 地点 |\n| 农机无人驾驶展示会 | 9月12日 | 东湖农场 |\n"
    )

    found = [(c.kind, c.title, c.start) for c in extract_events(text, ref=date(2024, 9, 1))]

    assert found == [
        ("meeting", "第三届数字乡村论坛", date(2024, 9, 12)),
        ("meeting", "“智慧农业”分论坛", date(2024, 9, 12)),
        ("meeting", "“农村电商”成果推介会", date(2024, 9, 12)),
        ("signing", "数字乡村项目签约仪式", date(2024, 9, 13)),
        ("exhibition", "农机无人驾驶展示会", date(2024, 9, 12)),
    ]
