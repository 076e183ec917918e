"""events/extraction/daylists.py: a list of separate days gives one event a day, with its own place."""

from datetime import date

import pytest

from events.extraction import extract_events


@pytest.mark.parametrize(
    ("text", "ref", "expected"),
    [
        (
            "澳門公共圖書館將於本月12日、19日及26日（周六）在紅街市圖書館舉辦「AI小創客」親子工作坊。",
            date(2024, 10, 3),
            [
                (date(2024, 10, 12), "红街市图书馆"),
                (date(2024, 10, 19), "红街市图书馆"),
                (date(2024, 10, 26), "红街市图书馆"),
            ],
        ),
        (
            "服务团将于4月3日和5日，分别在和顺县义兴镇南窑村、青城镇口则村开展春耕生产技术讲座。",
            date(2024, 3, 28),
            [(date(2024, 4, 3), "和顺县义兴镇南窑村"), (date(2024, 4, 5), "青城镇口则村")],
        ),
        (
            "县科协将于5月8日、9日、10日晚分别在练城镇、竖岗镇、孙营乡开展“科普电影进乡村”放映活动。",
            date(2024, 5, 6),
            [(date(2024, 5, 8), "练城镇"), (date(2024, 5, 9), "竖岗镇"), (date(2024, 5, 10), "孙营乡")],
        ),
        (
            "4月3日至5日，春耕生产技术培训班在县农广校举办。",
            date(2024, 3, 28),
            [(date(2024, 4, 3), "县农广校")],
        ),
    ],
    ids=["three-saturdays", "two-days-two-villages", "three-evenings-three-towns", "a-range-is-one-event"],
)
def test_extract_events_one_event_per_listed_day(text, ref, expected):
    found = extract_events(text, ref=ref)

    assert [(c.start, c.place) for c in found] == expected
    assert all(c.evidence[0].date_text in c.evidence[0].sentence for c in found)


def test_split_into_stops_one_event_per_stop_of_a_tour():
    text = (
        "近日，县科协组织科普大篷车深入山区学校开展科普巡展活动。"
        "13日走进分水镇中心小学，14日来到百江镇初级中学，15日在瑶琳镇中心小学收官。"
    )

    found = [(c.start, c.place) for c in extract_events(text, ref=date(2024, 11, 18))]

    assert found == [
        (date(2024, 11, 13), "分水镇中心小学"),
        (date(2024, 11, 14), "百江镇初级中学"),
        (date(2024, 11, 15), "瑶琳镇中心小学"),
    ]


def test_split_into_stops_needs_two_stops_and_an_event():
    assert extract_events("13日走进分水镇中心小学，14日来到百江镇初级中学。", ref=date(2024, 11, 18)) == []


def test_split_into_stops_a_dated_tour_told_one_stop_a_sentence():
    text = (
        "6月10日至12日，市科技馆“流动科技馆”巡展活动在我县举行。"
        "10日上午，巡展车首站来到城关镇第一小学，为师生带来20余件展品；"
        "11日，服务队走进马坊乡中心学校；12日在桥头村文化广场收官。"
    )

    found = [(c.start, c.end, c.place) for c in extract_events(text, ref=date(2024, 6, 14))]

    assert found == [
        (date(2024, 6, 10), date(2024, 6, 10), "城关镇第一小学"),
        (date(2024, 6, 11), date(2024, 6, 11), "马坊乡中心学校"),
        (date(2024, 6, 12), date(2024, 6, 12), "桥头村文化广场"),
    ]


def test_split_into_stops_leaves_a_dated_tour_whose_days_lie_outside_it():
    text = "6月10日至12日，市科技馆“流动科技馆”巡展活动在我县举行。15日走进城关镇第一小学，16日来到马坊乡中心学校。"

    found = [(c.start, c.end) for c in extract_events(text, ref=date(2024, 6, 20))]

    assert found == [(date(2024, 6, 10), date(2024, 6, 12))]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "本报讯 市科技局定于11月16日、17日在会展中心举办2024智能制造成果展。",
            [(date(2024, 11, 16), date(2024, 11, 17))],
        ),
        (
            "本報訊 「2024創客嘉年華」訂於8/24(六)、8/25(日)在文化中心廣場舉辦。",
            [(date(2024, 8, 24), date(2024, 8, 25))],
        ),
        (
            "本报讯 县科协定于11月16日、17日在城关镇举办科普讲座。",
            [(date(2024, 11, 16), date(2024, 11, 16)), (date(2024, 11, 17), date(2024, 11, 17))],
        ),
        (
            "本报讯 农科院定于本周六、周日（8月3日、4日）举办公众科学开放日活动。",
            [(date(2024, 8, 3), date(2024, 8, 4))],
        ),
        (
            "「城市科技開放日」將於本星期六及星期日（八月三及四日）在沙田舉行。",
            [(date(2024, 8, 3), date(2024, 8, 4))],
        ),
    ],
    ids=[
        "exhibition-two-days",
        "taiwan-slash-days",
        "lectures-stay-apart",
        "open-day-weekend",
        "hk-open-day-weekend",
    ],
)
def test_split_by_day_consecutive_days_of_a_show_are_one_span(text, expected):
    found = [(c.start, c.end) for c in extract_events(text, ref=date(2024, 8, 1))]

    assert found == expected


def test_split_into_stops_one_stop_a_sentence_after_the_tour():
    text = (
        "5月14日至17日，市科技馆“流动科技馆进基层”巡展活动在我县开展。\n\n"
        "14日，流动科技馆首站走进城关镇第二小学，为600余名师生带来互动展品；15日来到马店乡中学，"
        "科普辅导员现场演示了趣味实验；16日至17日，巡展在石门村文化广场举行，吸引村民800余人次。"
    )

    found = [(c.kind, c.start, c.end, c.place) for c in extract_events(text, ref=date(2024, 5, 20))]

    assert found == [
        ("exhibition", date(2024, 5, 14), date(2024, 5, 14), "城关镇第二小学"),
        ("exhibition", date(2024, 5, 15), date(2024, 5, 15), "马店乡中学"),
        ("exhibition", date(2024, 5, 16), date(2024, 5, 17), "石门村文化广场"),
    ]


def test_split_into_stops_another_event_on_a_day_of_a_festival_is_no_stop():
    text = "5月20日至26日，第五届科技节在市民广场举行。21日，机器人大赛在市体育馆举行。"

    found = [(c.title, c.start, c.end) for c in extract_events(text, ref=date(2024, 5, 27))]

    assert found == [
        ("第五届科技节", date(2024, 5, 20), date(2024, 5, 26)),
        ("机器人大赛", date(2024, 5, 21), date(2024, 5, 21)),
    ]
