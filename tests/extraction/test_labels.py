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


def test_date_by_label_on_the_line_under_a_wechat_label():
    text = (
        "🔧 活动名称\n\n2024“小小工程师”暑期创客营\n\n📅 活动时间\n\n7月15日—7月19日\n\n"
        "（周一至周五，每天9:00—16:00）\n\n📍 活动地点\n\n区青少年宫创客空间"
    )

    found = [(c.title, c.start, c.end) for c in extract_events(text, ref=date(2024, 7, 1))]

    assert found == [("2024“小小工程师”暑期创客营", date(2024, 7, 15), date(2024, 7, 19))]


def test_date_by_label_notice_section_dates_the_year_of_its_title():
    text = (
        "关于举办2025年全县农村电商骨干培训班的通知\n\n各乡镇人民政府：\n\n决定举办2025年全县农村电商骨干培训班。"
        "现将有关事项通知如下：\n\n一、培训时间\n\n2025年4月8日至10日（7日下午报到）\n\n二、培训地点\n\n县电商产业园"
    )

    found = [(c.title, c.start, c.end) for c in extract_events(text, ref=date(2025, 3, 20))]

    assert found == [("2025年全县农村电商骨干培训班", date(2025, 4, 8), date(2025, 4, 10))]


def test_date_by_label_reads_a_notice_section_heading_above_its_day():
    text = (
        "关于举办2024年全县农村电商带头人培训班的通知\n\n各乡镇人民政府：\n\n"
        "经研究，决定举办2024年全县农村电商带头人培训班。现将有关事项通知如下：\n\n"
        "一、培训时间\n\n2024年6月17日至21日（16日报到）\n\n二、培训地点\n\n县职业技术学校\n"
    )

    found = [(c.title, c.start, c.end) for c in extract_events(text, ref=date(2024, 6, 3))]

    assert found == [("2024年全县农村电商带头人培训班", date(2024, 6, 17), date(2024, 6, 21))]


def test_date_by_label_reads_a_wechat_label_one_line_above_its_day():
    text = (
        "🌟 招募啦\n\n🔭 活动名称\n\n“追光少年”天文夏令营\n\n🗓 活动时间\n\n8月2日—8月4日\n\n"
        "📍 活动地点\n\n县青少年活动中心\n"
    )

    found = [(c.title, c.kind, c.start, c.end) for c in extract_events(text, ref=date(2024, 7, 20))]

    assert found == [("“追光少年”天文夏令营", "training", date(2024, 8, 2), date(2024, 8, 4))]


def test_date_by_label_a_section_label_is_not_the_event_name():
    text = "欢迎报名\n\n（一）培训时间\n\n9月9日\n"

    assert extract_events(text, ref=date(2024, 9, 1)) == []


def test_date_by_label_bar_label_under_a_quoted_activity_name():
    text = (
        "一起来参加吧\n\n今年我们准备了\n\n🔭“星空下的课堂”亲子观星科普活动\n\n"
        "⏰ 时间｜8月10日（周六）20:00—21:30\n\n📍 地点｜县青少年宫楼顶平台\n"
    )

    found = [(c.title, c.start) for c in extract_events(text, ref=date(2024, 8, 1))]

    assert found == [("“星空下的课堂”亲子观星科普活动", date(2024, 8, 10))]
