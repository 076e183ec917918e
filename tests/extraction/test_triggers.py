"""Tests for events/extraction/triggers.py: which sentences report which kinds of events."""

from datetime import date

import pytest

from events.extraction import extract_events
from events.extraction.triggers import find_occurrences


def found(sentence: str) -> list[tuple[str, str]]:
    return [(o.kind, o.title) for o in find_occurrences(sentence)]


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        (
            "3月11日，山西·太谷第二十一届科技节在太谷区金谷广场开幕。",
            [("festival", "山西·太谷第二十一届科技节")],
        ),
        ("开幕式上，共有15个项目成功签约，总投资16.7亿元。", [("signing", "项目签约(15个项目)")]),
        (
            "与太原理工大学、中北大学签署战略合作协议，助力发展。",
            [("signing", "与太原理工大学、中北大学签署战略合作协议")],
        ),
        (
            "3月8日，公司科技人员深入东贾村，开展测土配肥、优质菌肥进大棚惠农保春耕活动。",
            [("service", "测土配肥、优质菌肥进大棚惠农保春耕活动")],
        ),
        ("召开高企申报辅导宣讲会、培训会，组建专家团队。", [("training", "高企申报辅导宣讲会、培训会")]),
        ("山西农业科技成果转化平台揭牌。", [("unveiling", "山西农业科技成果转化平台揭牌")]),
        (
            "有机旱作农业国家重点实验室等三大实验室投运。",
            [("launch", "有机旱作农业国家重点实验室等三大实验室投运")],
        ),
        ("2024年起，我市将21所驻地高校校园全部向社会开放。", [("opening", "21所驻地高校校园向社会开放")]),
        (
            "第一届大学生科技节创新设计比赛决赛成功举办，点燃创新热情；",
            [("competition", "第一届大学生科技节创新设计比赛决赛")],
        ),
        ("大学生运动会上，运动员们挥洒汗水；", [("competition", "大学生运动会")]),
        ("咖啡节里，手冲咖啡的香气飘满街头；", [("festival", "咖啡节")]),
        (
            "音乐节上的放声歌唱、校友招商推介会上的热烈洽谈……",
            [("festival", "音乐节"), ("meeting", "校友招商推介会")],
        ),
        ("第五届中国国际农业博览会在北京开幕。", [("exhibition", "第五届中国国际农业博览会")]),
        ("全市中小学生科技创新大赛在市体育馆举行。", [("competition", "全市中小学生科技创新大赛")]),
        (
            "推荐3名高企高管入选2023年晋中市“青春榜样”。",
            [("other", "推荐3名高企高管入选2023年晋中市“青春榜样”")],
        ),
        (
            "率先在全省实现科技特派员县县全覆盖、县域主导产业全覆盖。",
            [("service", "科技特派员县县全覆盖、县域主导产业全覆盖")],
        ),
        (
            "市科协组织专家送科技下乡，在东阳镇开展科技咨询服务。",
            [("service", "送科技下乡"), ("service", "科技咨询服务")],
        ),
    ],
    ids=[
        "festival-opening",
        "signing-count",
        "signing-agreement",
        "service-activity",
        "training-list",
        "unveiling",
        "launch",
        "opening-to-public",
        "competition-final",
        "sports-meet-locative",
        "festival-locative",
        "list-of-locatives",
        "expo",
        "contest-held",
        "selected",
        "coverage",
        "services",
    ],
)
def test_find_occurrences_kinds_and_titles(sentence, expected):
    assert found(sentence) == expected


@pytest.mark.parametrize(
    "sentence",
    [
        "身旁的妈妈笑着回应，自驻市高校向社会开放以来，这已是她第3次来校园。",
        "“高校开放后，我先后带孩子去过太原理工大学。”李彩云说。",
        "市科技局组织科技特派员通过集中培训、田间教学等方式，把技术教给农民。",
        "校地活动的频繁开展，更让青春活力溢满全城。",
        "一场场活动轮番上演，让校园文化与城市文化紧紧相拥。",
        "构建布局合理、开放协作的科技创新平台体系。",
        "山西飞宇环境工程股份有限公司和西安交通大学签署技术合作。",
        "科技创新是引领发展的第一动力。",
        "该中心为企业提供技术服务，开展科技服务中心建设。",
    ],
    ids=[
        "since",
        "speech",
        "means",
        "frequent",
        "one-after-another",
        "open-as-modifier",
        "no-agreement",
        "none",
        "service-centre",
    ],
)
def test_find_occurrences_ignores_non_occurrences(sentence):
    assert found(sentence) == []


def test_find_occurrences_verb_without_subject_takes_the_acting_organisation():
    sentence = (
        "初冬时节的左权县麻田镇泽城村，左权农业科技特派团团长王勇手持修枝剪，在核桃园里给果农们现场授课。"
    )

    assert found(sentence) == [("training", "左权农业科技特派团现场授课")]


def test_find_occurrences_anaphoric_sentence_refers_back_only():
    sentence = "本届科技节以“坚持创新”为主题，涵盖科技项目签约、实用技术培训等，有131家企事业单位踊跃参展。"
    [occ] = find_occurrences(sentence)

    assert (occ.kind, occ.title, occ.anaphoric) == ("festival", "本届科技节", True)


def test_find_occurrences_marks_date_anaphors_and_habits():
    [signing] = find_occurrences("开幕式上，共有15个项目成功签约。")
    [training] = find_occurrences("目前，科技特派员已举办各类技术培训220余场。")

    assert (signing.date_anaphor, signing.habitual) == ("开幕式上", False)
    assert (training.date_anaphor, training.habitual) == ("", True)


def test_find_occurrences_generic_name_is_marked():
    [occ] = find_occurrences("举办科技节，推介农业关键技术科技成果。")

    assert (occ.kind, occ.title, occ.generic) == ("festival", "科技节", True)


@pytest.mark.parametrize(
    ("sentence", "kind"),
    [
        ("晋中市首届文化节在榆次开幕。", "festival"),
        ("第三届太行山音乐节在左权举办。", "festival"),
        ("全市科技活动周启动。", "festival"),
        ("3家企业与山西大学签署合作协议。", "signing"),
        ("山西农业大学专家为果农授课。", "training"),
        ("市科协举办科普讲座。", "training"),
        ("区农业农村局召开春耕宣讲会。", "training"),
        ("第十届中国国际农业博览会在北京开幕。", "exhibition"),
        ("131家企业参展。", "exhibition"),
        ("市博物馆举办“晋商文化”展览。", "exhibition"),
        ("太谷区新图书馆正式开放。", "opening"),
        ("山西农谷农产品交易中心开业。", "opening"),
        ("晋中大道正式通车。", "opening"),
        ("山西大学晋中研究院揭牌。", "unveiling"),
        ("市科协为10个科普示范基地授牌。", "unveiling"),
        ("全市职业技能大赛在晋中学院举行。", "competition"),
        ("第五届全民运动会开幕。", "competition"),
        ("全省农业科技工作会议在太原召开。", "meeting"),
        ("首届晋商论坛在平遥举行。", "meeting"),
        ("市委召开民营企业家座谈会。", "meeting"),
        ("市卫健委开展义诊活动。", "service"),
        ("专家们送科技下乡。", "service"),
        ("新能源汽车生产线投产。", "launch"),
        ("市科技局发布《晋中市科技创新白皮书》。", "launch"),
    ],
)
def test_find_occurrences_kind_vocabulary(sentence, kind):
    assert [o.kind for o in find_occurrences(sentence)] == [kind]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "3月28日，全市一季度重大项目集中开工仪式在高新区举行。",
            ("全市一季度重大项目集中开工仪式", "other"),
        ),
        ("4月2日，科技园二期项目破土动工。", ("科技园二期项目破土动工", "other")),
        ("5月8日，实验楼项目顺利封顶。", ("实验楼项目封顶", "other")),
        ("6月6日，和顺县数字乡村服务中心揭牌成立。", ("和顺县数字乡村服务中心揭牌成立", "unveiling")),
        ("3月5日，市人工智能产业联盟正式成立。", ("市人工智能产业联盟成立", "unveiling")),
        ("南科將於6月20日舉辦「半導體產業講習會」。", ("半导体产业讲习会", "training")),
        ("6月20日，县消防救援大队举办无人机训练班。", ("无人机训练班", "training")),
    ],
    ids=[
        "groundbreaking",
        "break-ground",
        "topping-out",
        "founded-unveiled",
        "founded",
        "tw-lecture",
        "drill-class",
    ],
)
def test_extract_events_construction_founding_and_training_vocabulary(text, expected):
    [c] = extract_events(text, ref=date(2024, 6, 13))

    assert (c.title, c.kind) == expected
    assert c.dated


@pytest.mark.parametrize(
    "text",
    [
        "该项目总投资35亿元，计划于2025年底竣工投产。",
        "3月5日，市里成立了工作专班。",
        "项目预计将于年内建成投用。",
    ],
    ids=["planned-completion", "task-force", "expected-in-use"],
)
def test_extract_events_goals_and_task_forces_are_no_events(text):
    assert extract_events(text, ref=date(2024, 6, 13)) == []


@pytest.mark.parametrize(
    "text",
    [
        "11月2日，2024年全市科普日活动新闻发布会在市政府新闻中心召开。",
        "主辦方上月舉行記者會介紹展覽安排。",
        "活动期间，全市将开展科普讲座、科技展览等200余场活动。",
        "届时将开展科普展览、科技咨询等活动50余场。",
        "据介绍，2023年淄博科技节共举办各类科技活动210余场。",
        "记者提问：今年科技节什么时候举办？",
    ],
    ids=[
        "press-conference",
        "tw-press-conference",
        "programme-count",
        "programme-count-after",
        "held-count",
        "question",
    ],
)
def test_extract_events_press_conferences_and_programme_summaries_are_no_events(text):
    assert extract_events(text, ref=date(2024, 11, 3)) == []


def test_extract_events_press_conference_leaves_the_announced_event():
    text = (
        "11月2日，科普日活动新闻发布会召开。记者获悉，2024年全市科普日活动将于11月9日至15日在市科技馆举行。"
    )

    found = [(c.title, c.start, c.end) for c in extract_events(text, ref=date(2024, 11, 3))]

    assert found == [("2024年全市科普日活动", date(2024, 11, 9), date(2024, 11, 15))]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "10月12日下午，“小小飞手”无人机编程体验营在社区党群服务中心开营。",
            ("training", date(2024, 10, 12), date(2024, 10, 12)),
        ),
        (
            "「葵青區STEM同樂日」將於11月23日在葵青劇院廣場舉行。",
            ("festival", date(2024, 11, 23), date(2024, 11, 23)),
        ),
        (
            "10月30日起，智能网联汽车测试场正式对社会开放。",
            ("opening", date(2024, 10, 30), date(2024, 10, 30)),
        ),
        ("縣府昨（17）日在教育館舉行揭牌典禮。", ("unveiling", date(2024, 10, 17), date(2024, 10, 17))),
        (
            "3月6日上午，县科技特派员服务团授旗出征仪式在县广场举行。",
            ("other", date(2024, 3, 6), date(2024, 3, 6)),
        ),
        (
            "「2024沙田創新科技嘉年華」10月19日起一連三日在沙田大會堂舉行。",
            ("festival", date(2024, 10, 19), date(2024, 10, 21)),
        ),
    ],
    ids=[
        "camp-opens",
        "hk-fun-day",
        "open-to-society",
        "tw-unveiling-ceremony",
        "send-off",
        "three-days-in-a-row",
    ],
)
def test_extract_events_more_vocabulary_and_durations(text, expected):
    [c] = extract_events(text, ref=date(2024, 10, 18))

    assert (c.kind, c.start, c.end) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("3月8日，女科技工作者沙龙在市科技馆举行。", ("meeting", date(2024, 3, 8))),
        ("12月13日，县科技特派员工作总结会召开。", ("meeting", date(2024, 12, 13))),
        ("5月28日，砀山县第三届直播电商节在县电商产业园开幕。", ("festival", date(2024, 5, 28))),
        ("5月10日，全省首条跨市低空物流航线首飞成功。", ("launch", date(2024, 5, 10))),
        ("9月20日，实验室将迎来首个公众开放日。", ("opening", date(2024, 9, 20))),
    ],
    ids=["salon", "summary-meeting", "ecommerce-festival", "first-flight", "open-day-ahead"],
)
def test_extract_events_salons_summaries_festivals_first_flights(text, expected):
    [c] = extract_events(text, ref=date(2024, 9, 1))

    assert (c.kind, c.start) == expected


@pytest.mark.parametrize(
    "text",
    ["我馆将于7月1日至7月15日闭馆，期间暂停对外开放。", "7月16日起恢复正常开放。"],
    ids=["closed", "reopening-after-closure"],
)
def test_extract_events_closure_notices_are_no_openings(text):
    assert extract_events(text, ref=date(2024, 6, 20)) == []


@pytest.mark.parametrize(
    "text",
    ["市妇联今年将计划开展女科技工作者培训、交流活动10场以上。", "今年县科协将组织科技下乡活动20场以上。"],
    ids=["planned-activities", "target-count"],
)
def test_extract_events_plans_and_target_counts_are_no_events(text):
    assert extract_events(text, ref=date(2024, 3, 9)) == []


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("11月6日，理工学院第五届创新周在主校区开幕。", ("理工学院第五届创新周", "festival")),
        ("7月15日，省青少年科学工作营在大学城开营。", ("省青少年科学工作营", "training")),
        ("4月20日，全市中学生机器人选拔赛在市体育馆举行。", ("全市中学生机器人选拔赛", "competition")),
        ("5月9日，县科协举办的无人机植保初赛在农业园举行。", ("无人机植保初赛", "competition")),
        ("3月2日，高新区举办科技人才专场招聘会。", ("科技人才专场招聘会", "meeting")),
        ("9月3日，市科技局举办青年科技工作者分享会。", ("市科技局青年科技工作者分享会", "meeting")),
        ("8月12日，县农业农村局在党校举办数字农业学习班。", ("县农业农村局数字农业学习班", "training")),
    ],
    ids=[
        "innovation-week",
        "work-camp",
        "selection-contest",
        "first-round",
        "job-fair",
        "sharing",
        "study-class",
    ],
)
def test_extract_events_weeks_camps_rounds_and_fairs(text, expected):
    [c] = extract_events(text, ref=date(2024, 12, 1))

    assert (c.title, c.kind) == expected
    assert c.dated


@pytest.mark.parametrize(
    "text",
    [
        "經發局表示，育成中心預計115年底完工、116年上半年啟用。",
        "项目预计明年底竣工投产。",
        "大桥预计于2026年建成通车。",
    ],
    ids=["roc-years", "next-year", "with-year"],
)
def test_extract_events_an_expected_completion_is_a_plan(text):
    assert extract_events(text, ref=date(2023, 11, 9)) == []


@pytest.mark.parametrize(
    "text",
    ["12月1日，第五届博览会开幕，预计吸引观众5万人次。", "3日，科技馆新馆开馆，预计全年接待观众50万人次。"],
    ids=["expo-visitors", "museum-visitors"],
)
def test_extract_events_an_expected_count_beside_an_event_keeps_it(text):
    assert len(extract_events(text, ref=date(2023, 11, 9))) == 1
