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
