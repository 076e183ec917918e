"""Tests for events/extraction/segments.py: stages and sessions with days of their own."""

from datetime import date

import pytest

from events.extraction import extract_events


def found(text: str, ref: date) -> list[tuple]:
    return [(c.kind, c.title, c.start, c.end, c.place) for c in extract_events(text, ref=ref)]


@pytest.mark.parametrize(
    ("text", "ref", "expected"),
    [
        (
            "县农业农村局决定举办2024年夏季果树管理技术培训，培训分两期进行：\n\n"
            "第一期于6月4日至5日在城关镇举办；\n\n第二期于6月11日至12日在石门乡举办。",
            date(2024, 6, 1),
            [
                (
                    "training",
                    "2024年夏季果树管理技术培训（第一期）",
                    date(2024, 6, 4),
                    date(2024, 6, 5),
                    "城关镇",
                ),
                (
                    "training",
                    "2024年夏季果树管理技术培训（第二期）",
                    date(2024, 6, 11),
                    date(2024, 6, 12),
                    "石门乡",
                ),
            ],
        ),
        (
            "关于举办第三届“明湖杯”智能硬件创新大赛的通知\n\n一、赛程安排\n\n（一）报名：即日起至8月31日。\n\n"
            "（二）初赛：9月5日至15日，采取线上评审方式。\n\n（三）决赛：9月28日（星期六）在市科技馆举行。",
            date(2024, 8, 1),
            [
                (
                    "competition",
                    "第三届“明湖杯”智能硬件创新大赛初赛",
                    date(2024, 9, 5),
                    date(2024, 9, 15),
                    "",
                ),
                (
                    "competition",
                    "第三届“明湖杯”智能硬件创新大赛决赛",
                    date(2024, 9, 28),
                    date(2024, 9, 28),
                    "市科技馆",
                ),
            ],
        ),
        (
            "本館本月推出「3D列印親子工作坊」，帶領親子動手設計。\n\n▍場次一：6/8(六) 09:00-12:00\n\n"
            "▍場次二：6/15(六) 14:00-17:00\n\n▍地點：2樓創客教室",
            date(2024, 6, 3),
            [
                ("training", "3D列印亲子工作坊（场次一）", date(2024, 6, 8), date(2024, 6, 8), ""),
                ("training", "3D列印亲子工作坊（场次二）", date(2024, 6, 15), date(2024, 6, 15), ""),
            ],
        ),
    ],
    ids=["training-in-two-sessions", "contest-rounds-in-a-notice", "tw-workshop-sessions"],
)
def test_extract_events_each_stage_is_an_event_of_its_own(text, ref, expected):
    assert found(text, ref) == expected


def test_extract_events_a_dated_parent_keeps_its_days_beside_its_stages():
    text = (
        "第二届青年创客大赛于10月12日至20日举行。大赛分两个阶段：第一阶段于10月12日在线上进行；"
        "第二阶段于10月20日在市青少年宫举行。"
    )

    assert found(text, date(2024, 10, 1)) == [
        ("competition", "第二届青年创客大赛", date(2024, 10, 12), date(2024, 10, 20), ""),
        ("competition", "第二届青年创客大赛（第一阶段）", date(2024, 10, 12), date(2024, 10, 12), ""),
        (
            "competition",
            "第二届青年创客大赛（第二阶段）",
            date(2024, 10, 20),
            date(2024, 10, 20),
            "市青少年宫",
        ),
    ]


def test_extract_events_a_numbered_line_without_a_date_is_no_stage():
    text = "3月5日，县科技特派员培训班开班。第一期学员来自全县12个乡镇。"

    assert [c.title for c in extract_events(text, ref=date(2024, 3, 6))] == ["县科技特派员培训班"]


def test_extract_events_a_numbered_part_later_in_the_sentence():
    text = (
        "科技局数字转型讲座4月开讲\n\n科技局订于4月起每周三下午在第一会议室举办「数字转型」讲座，共6场，"
        "首场于4月10日（三）下午2时登场，由大学教授主讲。"
    )

    found = [(c.title, c.start) for c in extract_events(text, ref=date(2024, 3, 30))]

    assert found == [("科技局数字转型讲座（首场）", date(2024, 4, 10))]


def test_extract_events_sessions_under_a_label_take_the_name_printed_above():
    text = (
        "暑假想学点不一样的？\n\n县科技馆\n\n“小小创客”机器人夏令营\n\n开始报名啦！\n\n"
        "📅 开营时间\n\n第一期：7月8日—7月12日\n\n第二期：7月22日—7月26日\n\n（每期5天）"
    )

    assert [(c.kind, c.title, c.start, c.end) for c in extract_events(text, ref=date(2024, 6, 20))] == [
        ("training", "“小小创客”机器人夏令营（第一期）", date(2024, 7, 8), date(2024, 7, 12)),
        ("training", "“小小创客”机器人夏令营（第二期）", date(2024, 7, 22), date(2024, 7, 26)),
    ]
