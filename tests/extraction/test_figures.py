"""Tests for events/extraction/figures.py: figures and non-figures."""

import pytest

from events.extraction.figures import find_figures, parse_number


def figures(sentence: str) -> dict:
    return {name: value for _, name, value in find_figures(sentence)}


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        (
            "开幕式上，共有15个项目成功签约，总投资16.7亿元。",
            {"projects_signed": 15, "investment_yuan": 1670000000},
        ),
        ("设置了五大功能展区，有131家企事业单位踊跃参展。", {"exhibition_zones": 5, "exhibitors": 131}),
        (
            "已举办各类技术培训220余场，培训农民6844人（次），培养“土专家”170名。",
            {"trainings": 220, "trainees": 6844, "local_experts": 170},
        ),
        ("活动开展3年来，受益种植户达7000户。", {"beneficiary_households": 7000}),
        ("我市将21所驻地高校校园全部向社会开放。", {"universities": 21}),
        ("推荐3名高企高管入选2023年晋中市“青春榜样”。", {"selected": 3}),
        ("协议投资2500万元。", {"investment_yuan": 25000000}),
        ("总投资1.25亿元。", {"investment_yuan": 125000000}),
    ],
    ids=["signing", "exhibition", "training", "households", "universities", "selected", "wan", "fraction"],
)
def test_find_figures_reads_counts_and_amounts(sentence, expected):
    assert figures(sentence) == expected


@pytest.mark.parametrize(
    "sentence",
    [
        "2024年起，我市高校向社会开放。",
        "山西·太谷第二十一届科技节开幕。",
        "21万亩核桃林褪去翠绿。",
        "惠农保春耕活动开展3年来成效显著。",
    ],
    ids=["year", "edition", "area", "years-since"],
)
def test_find_figures_ignores_non_figures(sentence):
    assert figures(sentence) == {}


def test_parse_number_reads_arabic_and_chinese_numerals():
    assert [parse_number(t) for t in ("15", "16.7", "五", "二十一", "两")] == [15, 16.7, 5, 21, 2]
