"""events/extraction/endings.py: an event's end day and time, or its hours, from a later clause."""

from datetime import date, time

import pytest

from events.extraction import extract_events

REF = date(2026, 12, 4)  # a Friday; every case counts from it


def timed(text: str) -> list[tuple]:
    return [(c.start, c.time, c.end, c.end_time) for c in extract_events(text, ref=REF)]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "第十届科技节于12月19日上午9时开幕，活动将于12月19日下午5时结束。",
            (date(2026, 12, 19), time(9), date(2026, 12, 19), time(17)),
        ),
        (
            "第十届科技节于12月19日上午9时开幕。活动将于12月19日下午5时结束。",
            (date(2026, 12, 19), time(9), date(2026, 12, 19), time(17)),
        ),
        (
            "2026年科技成果展览会12月17日上午9时开幕，12月19日下午5时闭幕。",
            (date(2026, 12, 17), time(9), date(2026, 12, 19), time(17)),
        ),
        (
            "县农业技术培训班于12月14日上午9时在县党校开班，12月16日下午4点半结业。",
            (date(2026, 12, 14), time(9), date(2026, 12, 16), time(16, 30)),
        ),
        (
            "第三届农产品博览会将于12月10日9时拉开序幕，持续到12月14日。",
            (date(2026, 12, 10), time(9), date(2026, 12, 14), None),
        ),
        (
            "第十届科技节于12月19日上午9时开幕，下午5时闭幕。",
            (date(2026, 12, 19), time(9), date(2026, 12, 19), time(17)),
        ),
        (
            "第五届科技创新成果展于12月1日开幕，于12月8日下午在主展厅圆满闭幕。",
            (date(2026, 12, 1), None, date(2026, 12, 8), None),
        ),
        (
            "区科技馆“太空探索”主题展览12月1日起对外开放，展期截止到明年2月28日。",
            (date(2026, 12, 1), None, date(2027, 2, 28), None),
        ),
    ],
    ids=[
        "same-day-clause",
        "same-day-next-sentence",
        "span-closing",
        "training-graduation",
        "until-without-time",
        "time-alone-closing",
        "closing-after-words",
        "until-deadline",
    ],
)
def test_end_by_clause_reads_the_end_day_and_time(text, expected):
    assert timed(text) == [expected]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "市科协将于12月5日举办科普讲座，时间：12月5日 9:00-17:00。",
            (date(2026, 12, 5), time(9), date(2026, 12, 5), time(17)),
        ),
        (
            "市科协将于12月5日举办“人工智能与生活”科普讲座，讲座时间为下午2点半至4点。",
            (date(2026, 12, 5), time(14, 30), date(2026, 12, 5), time(16)),
        ),
        (
            "全市青少年机器人竞赛12月12日在市体育馆举行，比赛时间为上午8时30分至下午5时30分。",
            (date(2026, 12, 12), time(8, 30), date(2026, 12, 12), time(17, 30)),
        ),
        (
            "“防范电信诈骗”专题讲座于12月6日下午14∶00-16∶00在县图书馆举行。",
            (date(2026, 12, 6), time(14), date(2026, 12, 6), time(16)),
        ),
        (
            "12月12日14:30—16:00，人工智能专题讲座在区图书馆举办。",
            (date(2026, 12, 12), time(14, 30), date(2026, 12, 12), time(16)),
        ),
        (
            "科技创新论坛将于12月10日上午9时至下午5时在市会议中心举行。",
            (date(2026, 12, 10), time(9), date(2026, 12, 10), time(17)),
        ),
    ],
    ids=[
        "label-in-clause",
        "half-hour-range",
        "time-alone-range",
        "ratio-colons",
        "dash-range",
        "period-words-range",
    ],
)
def test_time_ranges_give_the_hours(text, expected):
    assert timed(text) == [expected]


def test_end_by_label_line_gives_the_hours_of_the_event_named_above():
    text = (
        "市科协将于12月5日举办“人工智能与生活”科普讲座。\n时间：12月5日下午2点半至4点\n地点：市科技馆报告厅\n"
    )

    assert timed(text) == [(date(2026, 12, 5), time(14, 30), date(2026, 12, 5), time(16))]


@pytest.mark.parametrize(
    "text",
    [
        "第五届科技周活动于12月15日启动，报名截止12月10日。",
        "第五届科技周活动于12月15日启动，报名12月20日截止。",
        "第十二届科技节于12月3日上午开幕，12月3日下午结束后，学生们将参观科技馆。",
        "第十届科技节于12月19日下午3时开幕，上午9时结束。",
    ],
    ids=["registration-deadline-before", "registration-deadline-after", "after-the-end", "end-before-start"],
)
def test_end_by_clause_leaves_other_ends_alone(text):
    [candidate] = extract_events(text, ref=REF)

    assert (candidate.end, candidate.end_time) == (candidate.start, None)


def test_end_by_clause_keeps_a_far_end_out():
    text = "2026年全县科技培训12月8日开班，2028年12月9日结束。"

    [candidate] = extract_events(text, ref=REF)

    assert (candidate.start, candidate.end) == (date(2026, 12, 8), date(2026, 12, 8))


@pytest.mark.parametrize(
    ("text", "hours"),
    [
        ("全市青少年机器人竞赛12月12日在市体育馆举行，比赛时间为8:30~17:30。", (time(8, 30), time(17, 30))),
        ("12月12日，科技馆开放日活动在市科技馆举行。活动时间：9:00-16:00。", (time(9), time(16))),
        ("县篮球联赛12月12日举行，比分3:1。", (None, None)),
        ("12月12日，科普讲座在区图书馆举行，时间为25:00-26:00。", (None, None)),
        ("12月12日，科普讲座在区图书馆举行，时间为16:00-9:00。", (None, None)),
    ],
    ids=["labelled-range", "labelled-next-sentence", "score-not-time", "not-a-time", "end-before-start"],
)
def test_hours_by_clock_reads_a_labelled_bare_clock_range(text, hours):
    [candidate] = extract_events(text, ref=REF)

    assert (candidate.time, candidate.end_time) == hours


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "12月17日上午9时，第三届数字农业博览会在县会展中心开幕，展会将于12月19日下午5时闭幕。",
            ("第三届数字农业博览会", date(2026, 12, 17), date(2026, 12, 19)),
        ),
        (
            "12月17日，第三届数字农业博览会开幕，大会将持续至12月19日结束。",
            ("第三届数字农业博览会", date(2026, 12, 17), date(2026, 12, 19)),
        ),
        (
            "5月8日，全市科普讲解大赛在科技馆举行，比赛于当天下午圆满结束。",
            ("全市科普讲解大赛", date(2026, 5, 8), date(2026, 5, 8)),  # a report: this May
        ),
    ],
    ids=["exhibition-closes", "other-kind-word-ends", "contest-ends-same-day"],
)
def test_a_bare_name_that_closes_is_the_event_told_before_it(text, expected):
    assert [(c.title, c.start, c.end) for c in extract_events(text, ref=REF)] == [expected]
