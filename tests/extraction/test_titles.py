"""Tests for events/extraction/titles.py: noun phrases, kinds of names, keys."""

from datetime import date

import pytest

from events.extraction import extract_events
from events.extraction.titles import clean_subject, counted_title, event_key, kind_of_name, walk_noun_phrase


def phrase(text: str, head: str) -> str:
    start = text.index(head)
    return text[walk_noun_phrase(text, start) : start + len(head)]


@pytest.mark.parametrize(
    ("text", "head", "expected"),
    [
        (
            "以“坚持创新”为主题的山西·太谷第二十一届科技节暨成果展示活动在广场开幕",
            "活动",
            "山西·太谷第二十一届科技节暨成果展示活动",
        ),
        (
            "多次举办国家技术转移专业人员能力等级（初、中级技术经纪人）培训班",
            "培训班",
            "国家技术转移专业人员能力等级（初、中级技术经纪人）培训班",
        ),
        ("召开高企申报辅导宣讲会、培训会", "培训会", "高企申报辅导宣讲会、培训会"),
        ("荣获第十二届中国创新创业大赛山西赛区一等奖", "大赛", "第十二届中国创新创业大赛"),
        ("①2025“青春之约”大学生迎国庆文艺展演现场", "展演", "2025“青春之约”大学生迎国庆文艺展演"),
    ],
    ids=["before-zai", "brackets", "list", "after-verb", "caption-number"],
)
def test_walk_noun_phrase_stops_at_verbs_and_prepositions(text, head, expected):
    assert phrase(text, head) == expected


@pytest.mark.parametrize(
    ("name", "kind"),
    [
        ("山西·太谷第二十一届科技节暨全国成果展示活动", "festival"),
        ("第一届大学生科技节创新设计比赛决赛", "competition"),
        ("测土配肥、优质菌肥进大棚惠农保春耕活动", "service"),
        ("高企申报辅导宣讲会、培训会", "training"),
        ("中国国际农业博览会", "exhibition"),
        ("校友招商推介会", "meeting"),
        ("高级技术经理人培训活动", "training"),
    ],
)
def test_kind_of_name_uses_the_head_of_the_first_name(name, kind):
    assert kind_of_name(name) == kind


def test_kind_of_name_activity_without_clue_depends_on_the_verb():
    assert kind_of_name("双百活动", verb="开展") == "service"
    assert kind_of_name("双百活动") == "other"


@pytest.mark.parametrize(
    ("subject", "expected"),
    [
        ("我市将21所驻地高校校园及校内综合性场馆全部", "21所驻地高校校园及校内综合性场馆"),
        ("共有15个项目成功", "15个项目"),
        ("山西农业科技成果转化平台", "山西农业科技成果转化平台"),
        ("这款融合了数智化技术的新产品已全面", "新产品"),
        ("新材料产业基地在太谷区", "新材料产业基地"),
    ],
)
def test_clean_subject_keeps_the_core(subject, expected):
    assert clean_subject(subject) == expected


def test_counted_title_moves_a_short_count_into_brackets():
    assert counted_title("15个项目", "签约") == "项目签约(15个项目)"
    assert counted_title("21所驻地高校校园", "开放") == "21所驻地高校校园开放"


def test_event_key_is_stable_under_prefixes_suffixes_and_quotes():
    long_name = "山西·太谷第二十一届科技节暨全国农业科技现代化先行县成果推介活动"

    assert event_key("festival", long_name) == "festival:太谷第二十一届科技节"
    assert event_key("festival", "太谷区第二十一届科技节") == "festival:太谷第二十一届科技节"
    assert event_key("signing", "科技节开幕式项目签约(15个项目)") == "signing:科技节开幕式项目签约"
    assert event_key("other", "入选“青春榜样”") == "other:入选青春榜样"
    assert (
        event_key("competition", "2024年晋中市青少年科技创新大赛") == "competition:晋中市青少年科技创新大赛"
    )
    assert event_key("opening", "21所驻地高校校园向社会开放") == "opening:驻地高校校园向社会开放"
    assert event_key("launch", "JWF1576型细纱机上市") == "launch:JWF1576型细纱机上市"


@pytest.mark.parametrize(
    ("text", "title"),
    [
        ("5月20日，2023年和顺县科技活动周在县文化广场启动。", "2023年和顺县科技活动周"),
        ("5月20日，和平区第三届科技节在区文化馆开幕。", "和平区第三届科技节"),
        ("5月20日，太谷县和祁县科技节在金谷广场开幕。", "祁县科技节"),
    ],
    ids=["after-a-year", "at-the-start", "conjunction-between-names"],
)
def test_walk_noun_phrase_keeps_a_place_that_opens_with_he(text, title):
    [c] = extract_events(text, ref=date(2023, 5, 22))

    assert c.title == title


@pytest.mark.parametrize(
    ("text", "head", "expected"),
    [
        ("举办“星空下的课堂”亲子观星活动", "活动", "“星空下的课堂”亲子观星活动"),
        ("开展「我的家乡我的梦」科普讲座", "讲座", "「我的家乡我的梦」科普讲座"),
        ("举办了县里的科普讲座", "讲座", "科普讲座"),
    ],
)
def test_walk_noun_phrase_goes_through_a_stop_inside_a_quoted_name(text, head, expected):
    head_start = text.rfind(head)

    assert text[walk_noun_phrase(text, head_start) : head_start + len(head)] == expected
