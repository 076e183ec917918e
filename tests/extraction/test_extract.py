"""Tests for events/extraction/extract.py: date linking, merging, scripts and bad input."""

from datetime import date

import opencc
import pytest

from events.extraction import extract_events
from tests.conftest import load_seed
from tests.growth import cpu_growth

REF = date(2024, 3, 12)  # a Tuesday; every case counts from it


def dated(text: str) -> list[tuple]:
    return [(c.kind, c.title, c.start, c.end, c.precision) for c in extract_events(text, ref=REF)]


def test_extract_events_discourse_date_and_place_within_a_report():
    text = "本报讯 3月11日，第五届科技节在市民广场开幕。开幕式上，共有8个项目成功签约，总投资2.5亿元。"
    festival, signing = extract_events(text, ref=REF)

    assert (festival.title, festival.start, festival.place) == ("第五届科技节", date(2024, 3, 11), "市民广场")
    assert (signing.kind, signing.title, signing.start, signing.end, signing.place) == (
        "signing",
        "科技节开幕式项目签约(8个项目)",
        date(2024, 3, 11),
        date(2024, 3, 11),
        "市民广场",
    )
    assert signing.figures == {"projects_signed": 8, "investment_yuan": 250000000}
    assert [e.date_text for e in signing.evidence] == ["开幕式上"]
    assert festival.confidence > signing.confidence > 0.5


def test_extract_events_discourse_date_does_not_cross_a_dateline():
    text = "本报讯 3月11日，第五届科技节在市民广场开幕。\n本报讯 开幕式上，共有8个项目成功签约。"
    _, signing = extract_events(text, ref=REF)

    assert (signing.kind, signing.start, signing.precision, signing.place) == ("signing", None, None, "")


def test_extract_events_discourse_date_does_not_cross_a_headline():
    text = "科技节开幕\n\n3月11日，第五届科技节在市民广场开幕。\n\n农业项目签约\n\n开幕式上，共有8个项目成功签约。"
    signing = extract_events(text, ref=REF)[-1]

    assert (signing.kind, signing.start) == ("signing", None)


def test_extract_events_date_in_a_later_clause_dates_only_what_follows_it():
    text = "3月5日，山西农业科技成果转化平台揭牌，3月8日，新材料产业基地揭牌。科技中心揭牌，3月9日起试运行。"

    assert [(t, s) for _, t, s, _, _ in dated(text)] == [
        ("山西农业科技成果转化平台揭牌", date(2024, 3, 5)),
        ("新材料产业基地揭牌", date(2024, 3, 8)),
        ("科技中心揭牌", None),
    ]


@pytest.mark.parametrize(
    "text",
    [
        "近日，山西农业科技成果转化平台揭牌。",
        "周末的博物馆内，第三届青少年书画展开幕。",
        "目前，科技特派员已在各村举办技术培训。",
    ],
    ids=["recently", "weekend", "so-far"],
)
def test_extract_events_vague_or_cumulative_never_gives_a_day(text):
    events = extract_events(text, ref=REF)

    assert events
    assert all(c.precision != "day" for c in events)


@pytest.mark.parametrize(
    "text",
    [
        "近年来，有机旱作农业国家重点实验室等三大实验室投运，山西农业科技成果转化平台揭牌。",
        "惠农保春耕活动开展3年来，受益种植户达7000户。",
        "据了解，近3年来，全县累计开展各类科普活动200余场次，受益群众超过5万人次。",
        "截至目前，全区已累计建成科普示范基地23个，举办培训班12期。",
        "今年以来，我市先后赴长三角、珠三角等地开展招商活动12场次。",
        "目前，科技特派员已举办各类技术培训220余场。",
        "据了解，市农技中心今年已举办各类技术培训班14期，培训农民1200余人次。",
        "馆方将于本月中至下月中推出一系列庆祝活动，包括特备展览、开放日及天文讲座等。",
    ],
    ids=[
        "in-recent-years",
        "years-since",
        "total-3-years",
        "so-far-total",
        "since-new-year",
        "so-far-classes",
        "this-year-classes",
        "a-series",
    ],
)
def test_extract_events_totals_over_a_period_are_no_events(text):
    assert extract_events(text, ref=REF) == []


def test_extract_events_undated_occurrence_has_no_date_and_low_confidence():
    [c] = extract_events("山西农业科技成果转化平台揭牌。", ref=REF)

    assert (c.start, c.end, c.precision, c.edtf, c.dated) == (None, None, None, "", False)
    assert c.confidence <= 0.35
    assert c.key == "unveiling:山西农业科技成果转化平台揭牌"


def test_extract_events_coarse_dates_keep_their_precision():
    opening, coverage = extract_events(
        "2024年起，我市将21所驻地高校校园全部向社会开放。“十四五”期间，率先在全省实现科技特派员县县全覆盖。",
        ref=date(2025, 11, 7),
    )

    assert (opening.start, opening.end, opening.precision, opening.edtf, opening.open_end) == (
        date(2024, 1, 1),
        date(2024, 12, 31),
        "year",
        "2024/..",
        True,
    )
    assert opening.figures == {"universities": 21}
    assert (coverage.start, coverage.end, coverage.precision) == (
        date(2021, 1, 1),
        date(2025, 12, 31),
        "multi-year",
    )


def test_extract_events_one_event_once_with_all_its_evidence():
    text = (
        "太谷区第五届科技节盛大举行\n\n"
        "本报讯 3月11日，太谷第五届科技节在金谷广场开幕。此次活动由太谷区委、太谷区人民政府主办，"
        "山西农业大学（省农科院）协办。本届科技节设置五大功能展区，有131家企事业单位踊跃参展。"
    )
    [festival] = extract_events(text, ref=REF)

    assert (festival.title, festival.start, festival.key) == (
        "太谷第五届科技节",
        date(2024, 3, 11),
        "festival:太谷第五届科技节",
    )
    assert len(festival.evidence) == 4
    assert festival.organizers == {
        "hosts": ["太谷区委", "太谷区人民政府"],
        "co_organizers": ["山西农业大学（省农科院）"],
    }
    assert festival.figures == {"exhibition_zones": 5, "exhibitors": 131}


def test_extract_events_figures_stay_with_their_own_sentence():
    text = "3月8日，公司科技人员深入东贾村，开展惠农保春耕活动。该公司项目总投资1.2亿元。"
    [service] = extract_events(text, ref=REF)

    assert service.figures == {}


@pytest.mark.parametrize("name", ["004_7846ad9f159734c1.txt", "000_c6f11d6e7bb348de.txt"])
def test_extract_events_traditional_seed_gives_the_same_events(name):
    text, published = load_seed(name)
    traditional = opencc.OpenCC("s2t").convert(text)
    assert traditional != text

    def summary(t: str) -> list[tuple]:
        return [
            (c.key, c.kind, c.start, c.end, c.precision, c.title, c.place, c.figures, c.organizers)
            for c in extract_events(t, ref=published)
        ]

    assert summary(traditional) == summary(text)
    first = extract_events(traditional, ref=published)[0]
    assert (
        first.evidence[0].sentence == traditional[slice(*first.evidence[0].span)]
    )  # the article's own script


def test_extract_events_keys_are_stable_under_layout_changes():
    text, published = load_seed("004_7846ad9f159734c1.txt")
    relaid = text.replace("\n", "").replace(" ", "")

    assert {c.key for c in extract_events(relaid, ref=published)} >= {
        "festival:太谷第二十一届科技节",
        "signing:科技节开幕式项目签约",
        "service:测土配肥、优质菌肥进大棚惠农保春耕活动",
    }


@pytest.mark.parametrize(
    "text",
    ["", "   \n\n ", "\x00\x01\x02binary\x00", "\ufffd" * 500, None, b"3\xe6\x9c\x88"],
    ids=["empty", "blank", "nul", "replacement", "none", "bytes"],
)
def test_extract_events_bad_input_gives_nothing(text):
    assert extract_events(text, ref=REF) == []


def test_extract_events_huge_text_is_bounded():
    assert extract_events("啊" * 2_000_000, ref=REF) == []
    # ten times the text costs at most about ten times the CPU (quadratic would be a hundred)
    assert (
        cpu_growth(lambda text: extract_events(text, ref=REF), "啊" * 200_000, "啊" * 2_000_000, repeat=1)
        < 20
    )


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "明天上午9时，2024年晋中市青少年科技创新大赛将在榆次区举行。",
            ("competition", "2024年晋中市青少年科技创新大赛", date(2024, 3, 13), "榆次区"),
        ),
        (
            "4月20日至22日，第五届中国（太原）煤炭交易博览会在太原举行。",
            ("exhibition", "第五届中国（太原）煤炭交易博览会", date(2024, 4, 20), "太原"),
        ),
        (
            "3月8日上午，太谷区2024年春季农业技术培训班开班。",
            ("training", "太谷区2024年春季农业技术培训班", date(2024, 3, 8), ""),
        ),
        (
            "2月28日，晋中市与山西大学签署战略合作框架协议。",
            ("signing", "晋中市与山西大学签署战略合作框架协议", date(2024, 2, 28), ""),
        ),
    ],
    ids=["year-in-name-is-not-the-date", "range-and-bare-city", "class-opens", "agreement-with-subject"],
)
def test_extract_events_general_news_sentences(text, expected):
    [c] = extract_events(text, ref=REF)

    assert (c.kind, c.title, c.start, c.place) == expected


def test_extract_events_same_day_anaphor_names_the_unveiled_thing():
    text = "2月28日，晋中市与山西大学签署战略合作框架协议。当天，双方还为“山西大学晋中研究院”揭牌。"
    _, unveiling = extract_events(text, ref=REF)

    assert (unveiling.kind, unveiling.title, unveiling.start) == (
        "unveiling",
        "山西大学晋中研究院揭牌",
        date(2024, 2, 28),
    )
    assert unveiling.evidence[0].date_text == "当天"


def test_extract_events_dense_text_without_full_stops_stays_linear():
    unit = "3月11日科技节在广场开幕由区委主办共有15个项目成功签约"

    # four times the text costs about four times the CPU (quadratic would be sixteen)
    assert cpu_growth(lambda text: extract_events(text, ref=REF), unit * 250, unit * 1000) < 8


def test_extract_events_programme_items_during_the_event_take_its_day_and_place():
    text = (
        "本报讯 3月11日，第五届科技节在市民广场开幕。在开幕式上，10个重点项目集中签约。"
        "活动期间，还将举办农产品展销会、科技讲座等。"
    )
    events = extract_events(text, ref=REF)

    assert [(c.kind, c.title, c.start, c.place) for c in events] == [
        ("festival", "第五届科技节", date(2024, 3, 11), "市民广场"),
        ("signing", "科技节开幕式重点项目签约(10个重点项目)", date(2024, 3, 11), "市民广场"),
        ("exhibition", "农产品展销会", date(2024, 3, 11), "市民广场"),
        ("training", "科技讲座", date(2024, 3, 11), "市民广场"),
    ]


def test_extract_events_traditional_report_with_corner_quotes_and_bracketed_dateline():
    text = (
        "【本報訊】3月15日，臺中市政府在市民廣場舉辦「2024臺中科技嘉年華」，吸引逾5萬人次參觀。"
        "活動由臺中市政府經濟發展局主辦，逢甲大學協辦。"
    )
    [c] = extract_events(text, ref=REF)

    assert (c.kind, c.title, c.start, c.place) == (
        "festival",
        "2024台中科技嘉年华",
        date(2024, 3, 15),
        "市民广场",
    )
    assert c.figures == {"visitors": 50000}
    assert c.organizers == {"hosts": ["台中市政府经济发展局"], "co_organizers": ["逢甲大学"]}
    assert len(c.evidence) == 2


def test_extract_events_bare_name_opening_a_sentence_refers_back():
    text = "昨日下午，全省农业科技工作会议在太原召开。会议总结了2023年工作，部署了2024年重点任务。"
    [meeting] = extract_events(text, ref=REF)

    assert (meeting.title, meeting.start, len(meeting.evidence)) == (
        "全省农业科技工作会议",
        date(2024, 3, 11),
        2,
    )


@pytest.mark.parametrize(
    "text",
    [
        "当天，山西农业科技成果转化平台揭牌。",
        "本报讯 3月5日，科技节开幕。\n本报讯 当天，山西农业科技成果转化平台揭牌。",
    ],
    ids=["no-earlier-day", "earlier-day-in-another-report"],
)
def test_extract_events_same_day_anaphor_without_an_anchor_in_the_report_is_undated(text):
    unveiling = extract_events(text, ref=REF)[-1]

    assert (unveiling.kind, unveiling.start) == ("unveiling", None)


def test_extract_events_ceremony_setting_is_not_a_second_event():
    [signing] = extract_events("在3月12日举行的签约仪式上，12个项目集中签约，协议总投资45亿元。", ref=REF)

    assert (signing.title, signing.start, signing.place) == ("项目签约(12个项目)", date(2024, 3, 12), "")
    assert signing.figures == {"projects_signed": 12, "investment_yuan": 4500000000}


def test_extract_events_bare_name_after_the_full_one_is_the_same_event():
    text = "3月14日至15日，全市基层农技人员能力提升培训班在太谷区举办，来自11个县（区、市）的150余名农技人员参加培训。"
    [training] = extract_events(text, ref=REF)

    assert (training.title, training.start, training.end, training.place) == (
        "全市基层农技人员能力提升培训班",
        date(2024, 3, 14),
        date(2024, 3, 15),
        "太谷区",
    )
    assert training.figures == {"trainees": 150}


def test_extract_events_this_new_product_is_the_one_made_before():
    text = "经纬公司与山西大学共建创新中心，成功研发出JWF1576型快装式平台细纱机。如今，这款新产品已全面上市。"
    [launch] = extract_events(text, ref=REF)

    assert (launch.kind, launch.title, launch.key) == (
        "launch",
        "JWF1576型快装式平台细纱机上市",
        "launch:JWF1576型快装式平台细纱机上市",
    )
    assert len(launch.evidence) == 2


def test_extract_events_this_activity_does_not_reach_into_another_report():
    text = "本报讯 3月11日，第五届科技节在市民广场开幕。\n本报讯 此次活动由区委主办。本届科技节设置五大功能展区。"
    [festival] = extract_events(text, ref=REF)

    assert festival.organizers == {}
    assert festival.figures == {"exhibition_zones": 5}


def test_extract_events_a_huge_file_of_event_sentences_stays_linear():
    line = "本报讯 5月14日，全市农技人员培训班在市农校开班。开班仪式上，12个项目签约。培训为期三天。\n"

    # four times the lines cost about four times the CPU (quadratic was minutes)
    assert cpu_growth(lambda text: extract_events(text, ref=REF), line * 1250, line * 5000, repeat=1) < 8


def test_extract_events_closing_ceremony_is_the_last_day_of_the_event():
    text = "本报讯 3月9日至10日，第三届创新大赛决赛在市科技馆举行。颁奖典礼上，高新区与5个获奖项目签订了落地协议。"
    signing = next(c for c in extract_events(text, ref=REF) if c.kind == "signing")

    assert (signing.start, signing.end) == (date(2024, 3, 10), date(2024, 3, 10))


def test_extract_events_notice_sections_and_labels_stay_with_the_event():
    text = (
        "关于举办科技成果对接会的通知\n\n各有关单位：\n\n定于2024年5月18日至20日在市会展中心举办科技成果对接会。"
        "现将有关事项通知如下：\n\n一、组织单位\n\n主办单位：市科技局、市财政局\n\n承办单位：市技术市场协会\n\n"
        "二、活动内容\n\n5月18日上午举行开幕式暨项目集中签约仪式。\n"
    )
    events = extract_events(text, ref=REF)
    meeting = next(c for c in events if c.kind == "meeting")

    assert meeting.organizers == {"hosts": ["市科技局", "市财政局"], "undertakers": ["市技术市场协会"]}
    assert ("signing", date(2024, 5, 18)) in [(c.kind, c.start) for c in events]


def test_extract_events_exhibitors_of_a_named_meeting_are_its_figures():
    text = "本报讯 产业联盟媒合会将于3月23日在世贸中心举行，预计有120家新创企业参展。"

    assert [(c.kind, c.figures) for c in extract_events(text, ref=REF)] == [("meeting", {"exhibitors": 120})]


def test_extract_events_ceremony_on_the_opening_day_takes_that_day():
    text = (
        "2023世界智能制造博览会20日在合肥滨湖国际会展中心开幕，为期4天。"
        "开幕当天举行的重大项目签约仪式上，共有56个项目集中签约。"
    )

    found = [(c.kind, c.start, c.end) for c in extract_events(text, ref=date(2023, 9, 20))]

    assert found == [
        ("exhibition", date(2023, 9, 20), date(2023, 9, 23)),
        ("signing", date(2023, 9, 20), date(2023, 9, 20)),
    ]


def test_extract_events_same_day_anaphor_opens_another_event():
    text = "3月28日，全市重大项目集中开工仪式在高新区举行。同日，智能传感器产业园项目举行奠基仪式。"

    found = [(c.start, c.evidence[0].sentence[:2]) for c in extract_events(text, ref=date(2024, 3, 29))]

    assert found == [(date(2024, 3, 28), "3月"), (date(2024, 3, 28), "同日")]


@pytest.mark.parametrize(
    "text",
    [
        "27日上午，市科技馆新馆开馆仪式在滨河西路举行。新馆首个临时展览“深海探秘科普展”同日开展，展期至12月31日。",
        "市圖書館科學分館昨(27)日上午舉行啟用典禮。分館首檔特展「海洋能源」同日開展，展至12月31日止。",
    ],
    ids=["simplified", "traditional"],
)
def test_extract_events_same_day_after_the_name_dates_its_subject(text):
    opening, show = extract_events(text, ref=date(2024, 9, 28))

    assert (opening.start, opening.end) == (date(2024, 9, 27), date(2024, 9, 27))
    assert (show.kind, show.start, show.end) == ("exhibition", date(2024, 9, 27), date(2024, 12, 31))


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "5月18日，第六届科技节在学校操场开幕，本届科技节为期一周。",
            [(date(2024, 5, 18), date(2024, 5, 24))],
        ),
        (
            "9月8日，招商引资项目推介会在深圳举行。签约现场，12个项目集中签约。",
            [(date(2024, 9, 8), date(2024, 9, 8)), (date(2024, 9, 8), date(2024, 9, 8))],
        ),
        (
            "第三届数字经济博览会4月23日在成都开幕，展会将持续至4月26日。开幕式上，主办方发布了《2024数字经济发展白皮书》。",
            [(date(2024, 4, 23), date(2024, 4, 26)), (date(2024, 4, 23), date(2024, 4, 23))],
        ),
    ],
    ids=["a-week", "at-the-signing", "published-at-the-opening"],
)
def test_extract_events_week_durations_and_sub_events(text, expected):
    assert [(c.start, c.end) for c in extract_events(text, ref=date(2024, 9, 10))] == expected


def test_extract_events_wechat_post_keeps_titles_and_durations():
    text = (
        "5月18日\n\n我校第六届科技节\n\n在学校操场拉开帷幕\n\n\n本届科技节为期一周\n\n设置了多个板块\n\n\n"
        "5月20日\n\n机器人编程比赛\n\n在实验楼三楼举行\n\n30支队伍同台竞技"
    )

    found = [(c.title, c.start, c.end) for c in extract_events(text, ref=date(2024, 5, 26))]

    assert found == [
        ("我校第六届科技节", date(2024, 5, 18), date(2024, 5, 24)),
        ("机器人编程比赛", date(2024, 5, 20), date(2024, 5, 20)),
    ]


@pytest.mark.parametrize(
    ("text", "ref", "expected"),
    [
        (
            "2024崖州湾种业科技周6日开幕，为期3天。科技周期间，21个种业项目集中签约。",
            date(2024, 12, 7),
            ("signing", date(2024, 12, 6), date(2024, 12, 8)),
        ),
        (
            "9月26日，全地区棉花机械化采收现场观摩会在沙雅县举行。观摩会上，推广站与两家企业签订了技术合作协议。",
            date(2024, 9, 27),
            ("signing", date(2024, 9, 26), date(2024, 9, 26)),
        ),
        (
            "1月18日，数字经济产业园开园仪式举行。开园当天，园区还举行了“两岸数字经济人才交流会”。",
            date(2024, 1, 19),
            ("meeting", date(2024, 1, 18), date(2024, 1, 18)),
        ),
    ],
    ids=["during-a-week", "at-a-meeting", "on-the-opening-day"],
)
def test_extract_events_sub_event_takes_the_named_parent_day_or_span(text, ref, expected):
    sub = extract_events(text, ref=ref)[-1]

    assert (sub.kind, sub.start, sub.end) == expected


def test_extract_events_counted_sessions_are_a_programme():
    text = "9月20日，智能制造博览会在合肥开幕。博览会期间还将举办20余场专题论坛。"

    assert [c.kind for c in extract_events(text, ref=date(2024, 9, 20))] == ["exhibition"]


@pytest.mark.parametrize(
    "text",
    [
        "据介绍，新馆于2021年3月开工建设，项目总投资5.6亿元。",
        "该项目于2022年5月签约，2023年3月开工建设，总投资32亿元。",
        "2019年，他获评全国“最美科技工作者”。",
        "5月19日，科技活动周启动。启动仪式上，县科协为5所“科普示范学校”授牌。",
    ],
    ids=["building-history", "project-history", "profile", "plaques-at-a-ceremony"],
)
def test_extract_events_background_and_awards_are_no_new_events(text):
    found = extract_events(text, ref=date(2024, 5, 20))

    assert [c.kind for c in found] == (["festival"] if "活动周" in text else [])


def test_extract_events_last_years_coarse_event_stays():
    [c] = extract_events("推荐3名高企高管入选2023年晋中市“青春榜样”。", ref=date(2024, 3, 12))

    assert (c.start, c.end) == (date(2023, 1, 1), date(2023, 12, 31))


def test_extract_events_during_a_short_named_fair_takes_the_body_span_not_the_headline_day():
    text = (
        "第五届旱农会下月8日开幕\n\n记者获悉，第五届关中旱作农业科技博览会（简称旱农会）将于下月8日至10日在杨凌举办。\n"
        "旱农会期间，将同期举办旱区农业科技创新论坛。\n"
    )

    forum = next(c for c in extract_events(text, ref=date(2024, 8, 20)) if c.kind == "meeting")

    assert (forum.start, forum.end) == (date(2024, 9, 8), date(2024, 9, 10))


@pytest.mark.parametrize(
    ("text", "ref", "expected"),
    [
        (
            "5月10日至12日，第二届乡村振兴农产品电商节在县体育馆举行。此外，电商节还举办了“富硒茶”品牌推介会、"
            "乡村主播技能大赛等活动。",
            date(2024, 5, 13),
            [
                ("festival", "第二届乡村振兴农产品电商节", date(2024, 5, 10), date(2024, 5, 12)),
                ("meeting", "“富硒茶”品牌推介会", date(2024, 5, 10), date(2024, 5, 12)),
                ("competition", "乡村主播技能大赛", date(2024, 5, 10), date(2024, 5, 12)),
            ],
        ),
        (
            "8日上午，县科技企业孵化器揭牌仪式在科创中心举行。孵化器还与两所职业院校签订了人才培养合作协议。",
            date(2024, 7, 9),
            [
                ("unveiling", "县科技企业孵化器揭牌仪式", date(2024, 7, 8), date(2024, 7, 8)),
                ("signing", "孵化器与两所职业院校签订了人才培养合作协议", date(2024, 7, 8), date(2024, 7, 8)),
            ],
        ),
        (
            "「2024智慧物流展」今日起一連三日在會展中心舉行。主辦單位表示，展覽首日同場舉行「物流科技論壇」。",
            date(2024, 6, 12),
            [
                ("exhibition", "2024智慧物流展", date(2024, 6, 12), date(2024, 6, 14)),
                ("meeting", "物流科技论坛", date(2024, 6, 12), date(2024, 6, 12)),
            ],
        ),
        (
            "第三届青年创业大赛决赛11月8日在科创园举行。颁奖典礼将于11月20日在市民中心举行，典礼同场将举办"
            "「创投媒合会」，邀请20家投资机构参加。",
            date(2024, 11, 9),
            [
                ("competition", "第三届青年创业大赛决赛", date(2024, 11, 8), date(2024, 11, 8)),
                ("competition", "第三届青年创业大赛颁奖典礼", date(2024, 11, 20), date(2024, 11, 20)),
                ("meeting", "创投媒合会", date(2024, 11, 20), date(2024, 11, 20)),
            ],
        ),
        (
            "8月16日至17日，2024乳业科技大会在呼和浩特举行。开幕式上，与会企业签订了联合育种协议。"
            "大会还设置了智慧农机展，展出无人驾驶拖拉机等新装备。",
            date(2024, 8, 18),
            [
                ("meeting", "2024乳业科技大会", date(2024, 8, 16), date(2024, 8, 17)),
                ("signing", "与会企业签订了联合育种协议", date(2024, 8, 16), date(2024, 8, 16)),
                ("exhibition", "智慧农机展", date(2024, 8, 16), date(2024, 8, 17)),
            ],
        ),
    ],
    ids=[
        "also-held-at-a-festival",
        "also-signed-at-an-unveiling",
        "same-venue-first-day",
        "same-venue-ceremony",
        "also-set-up-at-the-conference",
    ],
)
def test_extract_events_what_a_report_adds_happens_at_its_event(text, ref, expected):
    found = [(c.kind, c.title, c.start, c.end) for c in extract_events(text, ref=ref)]

    assert found == expected


@pytest.mark.parametrize(
    "text",
    [
        "3月8日，市数字经济产业园揭牌。近日，市人工智能产业联盟也在高新区揭牌成立。",
        "3月8日，市数字经济产业园揭牌。产业园还将与5所高校签订人才培养协议。",
    ],
    ids=["likewise-elsewhere", "future-addition"],
)
def test_extract_events_a_like_or_future_event_does_not_take_the_day(text):
    found = [(c.title, c.start) for c in extract_events(text, ref=date(2024, 3, 9))]

    assert found[0] == ("市数字经济产业园揭牌", date(2024, 3, 8))
    assert all(start is None for _, start in found[1:])


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "第五届智能装备博览会将于6月12日至14日举行。博览会期间，将举办工业软件创新论坛、智能装备成果对接会等活动。",
            [
                ("exhibition", "第五届智能装备博览会"),
                ("meeting", "工业软件创新论坛"),
                ("meeting", "智能装备成果对接会"),
            ],
        ),
        (
            "第五届智能装备博览会将于6月12日至14日举行。博览会期间，将举办工业软件创新论坛、青年工匠技能大赛等系列活动。",
            [
                ("exhibition", "第五届智能装备博览会"),
                ("meeting", "工业软件创新论坛"),
                ("competition", "青年工匠技能大赛"),
            ],
        ),
        (
            "6月12日，县农业农村局召开春播技术宣讲会、培训会。",
            [("training", "县农业农村局春播技术宣讲会、培训会")],
        ),
    ],
    ids=["two-meetings-named-in-full", "series-of-two-kinds", "one-session-two-heads"],
)
def test_extract_events_list_of_events_named_in_full(text, expected):
    found = [(c.kind, c.title) for c in extract_events(text, ref=date(2024, 6, 1))]

    assert found == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "第五届智能装备博览会将于6月12日至14日举行。博览会期间，将举办工业软件创新论坛、青年工匠技能大赛等活动。"
            "其中，创新论坛定于12日下午举行，技能大赛将于13日在3号馆举行。",
            [
                ("第五届智能装备博览会", date(2024, 6, 12), date(2024, 6, 14)),
                ("工业软件创新论坛", date(2024, 6, 12), date(2024, 6, 12)),
                ("青年工匠技能大赛", date(2024, 6, 13), date(2024, 6, 13)),
            ],
        ),
        (
            "2024年全市科技活动周将于5月18日启动。据悉，科技活动周为期一周，设主会场和12个分会场。",
            [("2024年全市科技活动周", date(2024, 5, 18), date(2024, 5, 24))],
        ),
    ],
    ids=["short-names-dated-later", "short-name-with-duration"],
)
def test_extract_events_short_form_refers_to_the_full_name(text, expected):
    found = [(c.title, c.start, c.end) for c in extract_events(text, ref=date(2024, 5, 1))]

    assert found == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "【記者林某臺中報導】市教育局主辦的「2024全市中小學機器人競賽」決賽，將於十二月七日至八日在市立體育館舉行。",
            [("competition", "「2024全市中小学机器人竞赛」决赛", date(2024, 12, 7), date(2024, 12, 8))],
        ),
        (
            "由市科协主办的第三届青少年科普节，定于11月16日在市青少年宫举办，现面向全市中小学征集作品。",
            [("festival", "第三届青少年科普节", date(2024, 11, 16), date(2024, 11, 16))],
        ),
    ],
    ids=["tw-final-then-when", "festival-then-when"],
)
def test_extract_events_name_asserted_by_the_next_clause(text, expected):
    found = [(c.kind, c.title, c.start, c.end) for c in extract_events(text, ref=date(2024, 11, 1))]

    assert found == expected


def test_extract_events_bare_ceremony_is_the_one_just_named():
    text = "科技周期间，将同期举行“青少年创新大赛”颁奖典礼，典礼定于10月13日下午在市民中心举行。"
    earlier = "「2023青少年科技周」将于10月10日至13日在会展中心举行。"

    found = [(c.title, c.start, c.end) for c in extract_events(earlier + text, ref=date(2023, 9, 26))]

    assert found == [
        ("2023青少年科技周", date(2023, 10, 10), date(2023, 10, 13)),
        ("“青少年创新大赛”颁奖典礼", date(2023, 10, 13), date(2023, 10, 13)),
    ]


@pytest.mark.parametrize(
    ("text", "ref", "expected"),
    [
        (
            "本报讯 11月8日至10日，第六届数字乡村博览会在县会展中心举行。博览会期间，主办方还举办了"
            "“数商兴农”论坛，论坛于9日上午在会展中心二楼召开。",
            date(2024, 11, 11),
            ("“数商兴农”论坛", date(2024, 11, 9), date(2024, 11, 9)),
        ),
        (
            "本報訊 「2024創新科技週」今日（5日）起一連四日在會議中心舉行。科技週期間亦舉辦「青年創業分享會」，"
            "分享會將於7日（星期六）晚上舉行。",
            date(2024, 12, 5),
            ("青年创业分享会", date(2024, 12, 7), date(2024, 12, 7)),
        ),
    ],
    ids=["forum-own-day", "hk-sharing-own-day"],
)
def test_extract_events_a_sub_event_keeps_its_own_day_inside_the_parent_span(text, ref, expected):
    sub = next(c for c in extract_events(text, ref=ref) if c.title == expected[0])

    assert (sub.title, sub.start, sub.end) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "本报讯 10月9日至11日，第三届智慧农业博览会在农博园举行。博览会首日还发布了《智慧农业发展报告》。",
            ("launch", date(2024, 10, 9)),
        ),
        (
            "本報訊 「智慧城市展」訂於10月19日至20日舉辦。展覽首日下午3時將舉行「無人機產業聯盟」成立大會。",
            ("unveiling", date(2024, 10, 19)),
        ),
    ],
    ids=["first-day-also", "first-day-at-an-hour"],
)
def test_extract_events_first_day_without_a_comma_takes_the_parent_first_day(text, expected):
    sub = next(c for c in extract_events(text, ref=date(2024, 9, 26)) if c.kind == expected[0])

    assert (sub.kind, sub.start, sub.end) == (expected[0], expected[1], expected[1])


def test_extract_events_during_points_to_the_multi_day_event_not_a_later_one_day_launch():
    text = (
        "本报讯 第八届科技博览会将于9月19日开幕，为期4天。开幕式上，组委会将发布《城市创新指数报告》。"
        "博览会期间，还将举办国际先进制造业大会。"
    )

    conference = next(c for c in extract_events(text, ref=date(2025, 9, 15)) if "制造业大会" in c.title)

    assert (conference.start, conference.end) == (date(2025, 9, 19), date(2025, 9, 22))


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "本报讯 为期三天的第五届智能制造博览会12日在会展中心闭幕。闭幕式上，组委会发布了《智能制造发展报告》。",
            ("launch", date(2024, 6, 12)),
        ),
        (
            "本报讯 8日，县政府与省农科院签署科技合作框架协议。签约后，双方召开科技合作座谈会。",
            ("meeting", date(2024, 6, 8)),
        ),
    ],
    ids=["at-the-closing", "after-the-signing"],
)
def test_extract_events_closing_ceremony_and_after_signing_anaphors(text, expected):
    sub = next(c for c in extract_events(text, ref=date(2024, 6, 14)) if c.kind == expected[0])

    assert (sub.start, sub.end) == (expected[1], expected[1])


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "6月12日至14日，2024滨江机器人产业大会在会展中心举行。开幕式上，15个项目集中签约。"
            "同期举办的2024滨江智能装备展览会在会展中心1号馆展出，共有210家企业参展。",
            ("2024滨江智能装备展览会", date(2024, 6, 12), date(2024, 6, 14)),
        ),
        (
            "科學園將於十一月九日（星期六）舉行「科學園開放日2024」。開放日當天下午亦會舉行「初創企業路演」。",
            ("初创企业路演", date(2024, 11, 9), date(2024, 11, 9)),
        ),
    ],
    ids=["concurrent-fair-spans-the-conference", "tw-same-day-afternoon"],
)
def test_extract_events_concurrent_and_same_day_events(text, expected):
    found = [(c.title, c.start, c.end) for c in extract_events(text, ref=date(2024, 6, 1))]

    assert found[-1] == expected
