"""Tests for events/extraction/tours.py: a tour told stop by stop."""

from datetime import date

from events.extraction import extract_events


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
