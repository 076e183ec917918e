"""Tests for events/extraction/places.py."""

import pytest

from events.extraction.places import best_place, find_places, home_place, home_places


@pytest.mark.parametrize(
    ("sentence", "place"),
    [
        ("3月11日，科技节在太谷区金谷广场开幕。", "太谷区金谷广场"),
        ("科技人员深入太谷区任村乡东贾村千亩设施蔬菜园，开展惠农活动。", "太谷区任村乡东贾村千亩设施蔬菜园"),
        ("初冬时节的左权县麻田镇泽城村，专家在核桃园里给果农们现场授课。", "左权县麻田镇泽城村"),
        ("论坛于北京国际会展中心隆重举行。", "北京国际会展中心"),
        ("志愿者走进榆次区东阳镇，开展义诊。", "榆次区东阳镇"),
        ("专家在核桃园里给果农们现场授课。", "核桃园"),
        ("大赛决赛在太谷区科创中心落下帷幕。", "太谷区科创中心"),
        ("博览会在太原举行。", "太原"),
    ],
    ids=[
        "zai-square",
        "shenru-garden",
        "scene-clause",
        "yu-centre",
        "zoujin-town",
        "bare-garden",
        "curtain",
        "bare-city",
    ],
)
def test_best_place_reads_the_venue(sentence, place):
    assert best_place(sentence, near=len(sentence) - 3) == place


@pytest.mark.parametrize(
    "sentence",
    [
        "太谷区委深入贯彻落实市委“156”战略举措。",
        "率先在全省实现科技特派员县县全覆盖。",
        "这款融合了数智化技术的新产品已全面上市。",
        "科技创新是引领发展的第一动力。",
    ],
    ids=["verb-after-shenru", "no-suffix-at-end", "relative-clause-not-scene", "no-marker"],
)
def test_find_places_ignores_non_places(sentence):
    assert find_places(sentence) == []


def test_home_places_picks_the_unit_the_article_names_most():
    text = "晋中市召开会议。在晋中，活力晋中建设加快。太原市技术中心参与。我市将高校向社会开放。城市更新。"

    assert home_places(text) == {"市": "晋中市"}


def test_home_place_reads_our_city_and_a_unit_as_subject():
    homes = {"市": "晋中市", "区": "太谷区"}

    assert home_place("我市将21所驻地高校全部向社会开放", homes) == "晋中市"
    assert home_place("全区高企数达54家", homes) == "太谷区"
    assert home_place("“十四五”期间，晋中市持续在服务上下功夫", {}) == "晋中市"
    assert home_place("科技特派员实现全覆盖", homes) == ""


@pytest.mark.parametrize("agency", ["本报", "新华社", "中新网", "人民网"])
def test_home_places_the_dateline_city_is_home(agency):
    text = agency + "晋中4月28日讯 太原市、太原市的企业来了。我市持续推进农高区建设。"

    assert home_places(text)["市"] == "晋中市"


@pytest.mark.parametrize(
    ("sentence", "place"),
    [
        ("自治区科技厅在和田地区于田县举办培训班。", "和田地区于田县"),  # 于 inside the name is no marker
        ("工研院在新竹工研院中兴院区与美国麻省理工学院签署备忘录。", "新竹工研院中兴院区"),
        ("科博会将于下月在绵阳国际会展中心举行。", "绵阳国际会展中心"),
    ],
)
def test_best_place_stops_at_names_partners_and_times(sentence, place):
    assert best_place(sentence, len(sentence) - 3) == place
