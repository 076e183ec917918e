"""The words around a mention: a bare day's tense, publication lines and years inside names."""

from datetime import date

import pytest

from events.temporal import Precision, extract
from events.temporal.reading import Reading
from events.temporal.surroundings import clause_tense, role_of
from events.temporal.types import Kind


@pytest.mark.parametrize(
    ("text", "tense"),
    [
        ("27日，会议在北京召开", "past"),
        ("会议将于27日召开", "future"),
        ("27日起免费开放", "future"),
        ("27日前完成签约", "future"),
        ("27日晴", ""),
        ("日前，27日举行的大会", "past"),  # "日前" far from the day is "recently", no future
    ],
)
def test_clause_tense_reads_the_clause_of_the_day(text, tense):
    at = text.index("27日")
    assert clause_tense(text, at, at + 3) == tense


def test_clause_tense_stops_at_the_sentence_break():
    text = "27日，展会开幕。下月将举行论坛"
    assert clause_tense(text, 0, 3) == "past"


def _year(text: str) -> Reading:
    return Reading(date(2022, 1, 1), date(2022, 12, 31), Precision.YEAR, Kind.ABSOLUTE, "2022")


@pytest.mark.parametrize(
    ("text", "role"),
    [
        ("2022年全国科技活动周", "name"),
        ("2022年，全市新增企业200家", ""),
        ("2022年全市共举办展会30场", ""),
    ],
)
def test_role_of_a_year_before_an_event_name(text, role):
    assert role_of(text, 0, 5, _year(text)) == role


def test_extract_marks_the_publication_line_and_not_the_event():
    text = "发布时间：2024-05-08 09:30 来源：市科技局\n6日，开园仪式举行。时间：2024年5月18日 地点：科技馆"
    roles = [(m.text, m.role) for m in extract(text, date(2024, 5, 8))]
    assert roles == [("2024-05-08 09:30", "page"), ("6日", ""), ("2024年5月18日", "")]


def test_extract_puts_the_role_in_the_json_shape():
    [m] = extract("2022-11-08 来源：新华网", date(2022, 11, 8))
    assert m.to_dict()["role"] == "page"


@pytest.mark.parametrize(
    ("text", "dateline"),
    [
        ("新华社北京5月9日电（记者 张三）", True),
        ("东南网5月9日讯 27日", True),
        ("5月9日电子产品展开幕", False),
        ("5月9日讯息发布", False),
    ],
)
def test_is_dateline_needs_the_report_mark_alone(text, dateline):
    from events.temporal.surroundings import is_dateline

    assert is_dateline(text, text.index("日") + 1) is dateline


def test_extract_counts_bare_days_from_the_dateline():
    text = "东南网5月9日讯 27日，培训班在福州举办；9日下午，结业仪式举行。"
    got = [(m.start, m.role) for m in extract(text, date(2024, 5, 10))]
    assert got == [(date(2024, 5, 9), "dateline"), (date(2024, 4, 27), ""), (date(2024, 5, 9), "")]


@pytest.mark.parametrize(
    ("text", "ref", "want"),
    [
        ("江城日报　2024年3月2日　星期六　第3版\n28日，签约仪式举行。", date(2024, 3, 2), ["page", ""]),
        ("滨海晚报　2023-09-01　第03版：经济\n29日，平台正式上线运行。", date(2023, 9, 1), ["page", ""]),
        ("香港經濟日報　2024年4月17日　A18\n展覽今日開幕。", date(2024, 4, 17), ["page", ""]),
        # A headline's date is not set apart by spaces: it dates the event.
        ("新版规划2024年3月1日起施行", date(2024, 3, 2), [""]),
    ],
    ids=["masthead-weekday-page", "masthead-iso", "masthead-hk", "headline"],
)
def test_role_of_masthead_dates_the_page(text, ref, want):
    assert [m.role for m in extract(text, ref)] == want


def test_extract_newspaper_names_are_not_tomorrow():
    assert [m.text for m in extract("据光明日报、昆明日报报道，活动明日开幕", date(2024, 5, 20))] == ["明日"]


@pytest.mark.parametrize(
    ("text", "tense"),
    [
        # A PDF line broken mid-sentence: the verb on the next line still tells the tense.
        ("28日，我县在\n县行政中心举行签约仪式", "past"),
        ("28日，我县将在\n县行政中心举行签约仪式", "future"),
        # A stop, an indented paragraph or a blank line ends the clause.
        ("28日，大会闭幕。\n29日将举行颁奖", "past"),
        ("28日，天气晴\n　　会议举行", ""),
        ("28日，天气晴\n\n会议举行", ""),
    ],
    ids=["soft-break-past", "soft-break-future", "stop", "indent", "blank-line"],
)
def test_clause_tense_reads_across_a_soft_line_break(text, tense):
    assert clause_tense(text, 0, 3) == tense


@pytest.mark.parametrize(
    ("text", "day"),
    [
        ("大会26日开幕\n本报讯 20日，发布会举行。大会将于11月26日至28日举办。", date(2024, 11, 26)),
        ("博览会下月3日启幕\n记者获悉，博览会定于12月3日至5日举行。", date(2024, 12, 3)),
        # In a sentence the clause decides: "26日，大会开幕" is last month's 26th.
        ("26日，大会开幕。大会将于11月26日至28日举办。", date(2024, 10, 26)),
    ],
    ids=["headline", "headline-next-month", "sentence"],
)
def test_extract_headline_bare_day_takes_the_month_the_body_prints(text, day):
    assert extract(text, date(2024, 11, 20))[0].start == day


@pytest.mark.parametrize(
    ("text", "ref", "day"),
    [
        # The end of a span told alone lends its month to no bare day after it.
        ("冰雪嘉年华开幕 持续至2月底\n本报讯 13日，嘉年华开幕。", date(2024, 1, 14), date(2024, 1, 13)),
        ("截至3月底，累计培训2000人。12日，活动举行。", date(2024, 4, 15), date(2024, 4, 12)),
        # A range's start still does.
        ("3月11日至13日，科技节举办。11日上午，开幕式举行。", date(2024, 4, 15), date(2024, 3, 11)),
    ],
    ids=["until-end-of-month", "as-of", "range-start"],
)
def test_extract_bare_day_month_not_from_a_span_end(text, ref, day):
    assert extract(text, ref)[-1].start == day


@pytest.mark.parametrize(
    ("text", "role"),
    [
        ("2024年春季青年教师沙龙在图书馆举行", "name"),
        ("2024年秋季科普讲座开讲", "name"),
        ("2024年共培训农民3000人次", ""),
        ("2023年全市开展讲座50场", ""),
    ],
    ids=["salon", "lecture-series", "count", "count-of-lectures"],
)
def test_role_of_a_season_or_year_before_a_training_or_lecture_name(text, role):
    assert extract(text, date(2024, 3, 4))[0].role == role


@pytest.mark.parametrize(
    ("text", "ref", "start"),
    [
        ("1月10日，第三届冰雪科技嘉年华将在镜泊湖开幕。", date(2025, 12, 22), date(2026, 1, 10)),
        ("本报讯（记者 于洋）1月10日，嘉年华将于上午9时开幕。", date(2025, 12, 22), date(2026, 1, 10)),
        ("1月10日（周六）上午，第二届科普大会将在会展中心召开。", date(2025, 12, 22), date(2026, 1, 10)),
        ("3月10日，县科协将300册科普图书送到城关小学。", date(2025, 12, 22), date(2025, 3, 10)),
        ("1月10日，组委会宣布，大会将于明年3月举行。", date(2025, 12, 22), date(2025, 1, 10)),
        ("12月10日，第三届冰雪科技嘉年华将在镜泊湖开幕。", date(2025, 12, 22), date(2025, 12, 10)),
    ],
    ids=[
        "next-clause-opens",
        "after-a-dateline",
        "weekday-and-hour",
        "jiang-as-ba",
        "announcement",
        "recent-past",
    ],
)
def test_extract_a_date_only_clause_takes_the_next_clauses_future(text, ref, start):
    first = extract(text, ref=ref)[0]

    assert first.start == start
