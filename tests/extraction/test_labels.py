"""events/extraction/labels.py: a labelled time line dates the event named above it."""

from datetime import date

from events.extraction import extract_events


def test_date_by_label_dates_each_stage_under_its_name():
    text = (
        "赛程安排如下\n\n📍 复赛\n\n时间：5月11日（周六）8:30\n\n地点：宁波科学探索中心报告厅\n\n"
        "📍 决赛\n\n时间：5月25日（周六）14:00\n\n地点：宁波文化广场大剧院\n"
    )

    found = [(c.title, c.kind, c.start, c.place) for c in extract_events(text, ref=date(2024, 5, 6))]

    assert found == [
        ("复赛", "competition", date(2024, 5, 11), "宁波科学探索中心报告厅"),
        ("决赛", "competition", date(2024, 5, 25), "宁波文化广场大剧院"),
    ]


def test_date_by_label_leaves_an_event_already_dated():
    text = "5月20日至26日，科技活动周在县文化广场举行。\n活动时间：5月20日至26日\n"

    found = [(c.start, c.end) for c in extract_events(text, ref=date(2024, 5, 6))]

    assert found == [(date(2024, 5, 20), date(2024, 5, 26))]


def test_date_by_label_needs_an_event_name_above():
    assert extract_events("欢迎大家参加\n\n时间：5月11日（周六）8:30\n", ref=date(2024, 5, 6)) == []
