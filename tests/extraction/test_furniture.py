"""events/extraction/furniture.py: timestamp and source lines, captions, related lists and page headers are blanked."""

from datetime import date

import pytest

from events.extraction import extract_events
from events.extraction.furniture import is_furniture, mask_furniture, with_page_lines


@pytest.mark.parametrize(
    "line",
    [
        "2023-05-22 10:15　来源：晋中日报　作者：本报记者",
        "2024/06/13 05:30",
        "2024年06月07日 08:40　来源：县融媒体中心",
        "原创　青龙镇发布　2023-03-16 18:02　发表于山西",
        "责任编辑：王晓　【打印】【关闭】",
        "图为揭牌仪式现场。记者 李某 摄",
        "▲图为培训现场",
        "图说：智慧制造人才研习营学员合影。（记者林某摄）",
        "晋中日报　2024年4月18日　星期四　　3",
        "—3—",
        "首页 > 新闻中心 > 县区动态",
        "上一篇：金坛区召开2024年科技创新大会",
        "索 引 号：11451028MB1234567X/2024-01583　　　主题分类：科技、教育",
        "发布机构：县科学技术协会　　　成文日期：2024-06-02",
        "标　　题：我县举办2024年科技活动周",
        "索引号：000014349/2023-00412　文号：",
        "发布单位：农业局　点阅次数：412",  # simplified, as mask_furniture reads it
        "会同县人民政府门户网站",  # a site's name alone on its line
        "株洲新闻网",
        "平和县融媒体中心",
    ],
)
def test_is_furniture_page_lines(line):
    assert is_furniture(line)


@pytest.mark.parametrize(
    "line",
    [
        "5月20日上午，2023年和顺县科技活动周在县文化广场启动。",
        "时间：2024年5月20日上午9:00",
        "活动时间：5月20日至26日",
        "科技节开幕",
        "3月15日上午",
        "县政务服务网站正式上线",
        "会同县融媒体中心揭牌",
    ],
)
def test_is_furniture_leaves_report_lines(line):
    assert not is_furniture(line)


def test_mask_furniture_keeps_length_and_blanks_the_related_list():
    text = (
        "正文第一句。\n\n相关阅读：\n· 和顺县举办2022年科技活动周\n· 科技特派员走进田间地头\n\n正文又一句。"
    )

    masked = mask_furniture(text)

    assert len(masked) == len(text)
    assert masked.split("\n") == ["正文第一句。", "", " " * 5, " " * 17, " " * 13, "", "正文又一句。"]


def test_extract_events_timestamp_line_neither_dates_nor_swallows_the_event():
    text = "科技节开幕\n2024-10-19 09:30 来源：本报\n\n10月18日，第五届科技节在市民广场开幕。"

    found = [(c.title, c.start, c.end) for c in extract_events(text, ref=date(2024, 10, 19))]

    assert found == [("第五届科技节", date(2024, 10, 18), date(2024, 10, 18))]


def test_mask_furniture_blanks_a_traditional_related_list():
    text = "正文。\n相關報道：\n▶ 機場城市氫能加氣站明年動工\n"

    assert mask_furniture(text).split("\n") == ["正文。", " " * 5, " " * 15, ""]


def test_extract_events_a_publication_line_keeps_a_misprinted_weekday_in_its_year():
    text = (
        "县政府网站\n\n发布时间：2024-03-18 11:36　来源：县融媒体中心\n\n"
        "3月16日（星期五），果树春季管理技术培训会在乡文化活动中心举办。"
    )
    [event] = extract_events(text, ref=date(2024, 3, 18))

    assert (event.start, event.end) == (date(2024, 3, 16), date(2024, 3, 16))


def test_with_page_lines_restores_only_publication_lines():
    lines = [
        "相关阅读",
        "3月5日 科技周开幕",
        "发布时间：2024-03-18 11:36",
        "",
        "16日，培训会在乡文化活动中心举办。",
    ]
    original = "\n".join(lines)
    restored = with_page_lines(original, mask_furniture(original), date(2024, 3, 18)).split("\n")

    assert restored == [" " * len(lines[0]), " " * len(lines[1]), *lines[2:]]


@pytest.mark.parametrize(
    "line",
    [
        "索 引 号：11451028MB1234567X/2024-01583　　　主题分类：科技、教育",
        "发布机构：县科学技术协会　　　　　成文日期：2024-09-22",
        "标　　题：我县启动2024年全国科普日系列活动",
    ],
    ids=["index-number", "issuing-body", "title-copy"],
)
def test_is_furniture_government_information_table(line):
    assert is_furniture(line)


def test_mask_furniture_blanks_a_related_entry_on_the_heading_line():
    text = "往期回顾：第1期培训于3月14日举行，线上参训人数超2000人\n3月28日晚，第2期培训在线上举行。"

    assert [c.title for c in extract_events(text, ref=date(2024, 3, 29))] == ["第2期培训"]


def test_extract_events_metadata_table_neither_dates_nor_names_the_event():
    text = (
        "索 引 号：11409000/2024-00311　　主题分类：科技\n"
        "发布机构：平遥县科协　　　　　　成文日期：2024-05-20\n"
        "标　　题：平遥县科技活动周启动\n"
        "发布日期：2024-05-21\n\n"
        "5月19日上午，平遥县2024年科技活动周启动仪式在古城广场举行，副县长李明出席并宣布活动启动。\n"
    )

    found = [(c.title, c.start) for c in extract_events(text, ref=date(2024, 5, 21))]

    assert found == [("平遥县2024年科技活动周启动仪式", date(2024, 5, 19))]


def test_mask_furniture_blanks_an_epaper_continuation_mark():
    text = "平台接入停车场86个。（下转A05版）\n\n高新区首个加氢站建成投用\n（上接第1版）本报讯 22日，加氢站投用。"

    masked = mask_furniture(text)

    assert len(masked) == len(text)
    assert "下转" not in masked and "上接" not in masked
    assert "平台接入停车场86个。" in masked


def test_extract_events_a_continuation_mark_does_not_join_the_next_brief():
    text = (
        "本报讯 21日，“智慧停车”城市级平台正式上线运行。（下转A05版）\n\n"
        "高新区首个加氢站建成投用\n\n本报讯 22日，位于高新区的首个加氢站建成投用。\n"
    )

    found = [(c.kind, c.start) for c in extract_events(text, ref=date(2024, 5, 23))]

    assert found == [("launch", date(2024, 5, 21)), ("opening", date(2024, 5, 22))]
