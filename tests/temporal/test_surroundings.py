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
