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
