"""Tests for events/extraction/layout.py: which line breaks are wraps, and the flat text."""

from datetime import date

import pytest

from events.extraction import extract_events
from events.extraction.layout import flatten, uncolumn
from events.temporal.normalize import normalize


def flat(text: str) -> str:
    pieces, index = flatten(text, normalize(text))
    joined = "".join(pieces)
    assert len(joined) == len(index)
    return joined


def test_flatten_joins_pdf_line_breaks_inside_a_sentence():
    text = "本报讯 春回大地。3月\n11日，科技节在太谷区金谷\n广场开幕。此\n次活动由区委主办。"

    assert flat(text) == "本报讯春回大地。3月11日，科技节在太谷区金谷广场开幕。此次活动由区委主办。"


def test_flatten_line_ending_a_sentence_ends_the_paragraph():
    assert flat("第一段结束。\n第二段开始，\n继续。") == "第一段结束。\n第二段开始，继续。"


def test_flatten_blank_line_inside_a_wrapped_block_is_a_column_break():
    text = "近年来，太谷区深入学习贯彻，全面落\n实有关精神，借助\n\n良好的产业优势，打造创新城。\n"

    assert flat(text) == "近年来，太谷区深入学习贯彻，全面落实有关精神，借助良好的产业优势，打造创新城。"


def test_flatten_line_as_wide_as_the_next_column_runs_on_across_a_blank_line():
    text = "活动取得圆满成功。\n\n全国农业科技现代化先行县成果推\n\n介、市校协同创新发展成果展示活动是本\n届科技节的一项重要内容，先行县共建\n以来成效显著。"

    assert flat(text) == (
        "活动取得圆满成功。\n全国农业科技现代化先行县成果推介、市校协同创新发展成果展示活动是本届科技节的一项重要内容，"
        "先行县共建以来成效显著。"
    )


def test_flatten_short_headline_before_a_blank_line_stands_alone():
    text = "太谷区科技节盛大举行\n\n本报讯 科技是第一生产力、人才是第一\n资源。"

    assert flat(text) == "太谷区科技节盛大举行\n本报讯科技是第一生产力、人才是第一资源。"


def test_flatten_keeps_a_space_between_latin_letters_and_digits_only():
    assert flat("共有 15 个项目 签约，型号 JWF 1576。") == "共有15个项目签约，型号JWF 1576。"


def test_flatten_open_quote_runs_on_across_a_blank_line():
    text = "种植户说：“科技惠农服务是送到田间地头的\n\n‘及时雨’。”"

    assert flat(text) == "种植户说:“科技惠农服务是送到田间地头的‘及时雨’。”"


def test_uncolumn_reads_two_interleaved_columns_one_after_the_other():
    text = (
        "本报讯 10月16日，博览会      本报讯 记者从省科技\n"
        "在长沙国际会展中心开幕。    厅获悉，全省发布项目\n"
        "共有420家企业参展。         56项。\n"
    )
    reordered, back = uncolumn(text)

    assert (
        flat(reordered)
        == "本报讯10月16日，博览会在长沙国际会展中心开幕。\n共有420家企业参展。\n本报讯记者从省科技厅获悉，全省发布项目56项。"
    )
    assert all(ch == text[back[i]] for i, ch in enumerate(reordered) if ch != "\n")


def test_uncolumn_leaves_ordinary_text_alone():
    assert uncolumn("3月11日，科技节在太谷区金谷广场开幕。\n此次活动由区委主办。") is None
    assert uncolumn("坚持科技创新驱动   发展新质生产力\n3月11日，科技节开幕。") is None


def test_flatten_wechat_phrases_one_blank_line_apart_join_into_a_sentence():
    text = "3月15日上午\n\n由镇农业服务中心主办的\n\n高素质农民培训班\n\n正式开班\n\n\n本次培训为期5天\n\n邀请了专家\n\n现场授课"

    assert (
        flat(text)
        == "3月15日上午 由镇农业服务中心主办的 高素质农民培训班 正式开班\n本次培训为期5天 邀请了专家 现场授课"
    )


def test_flatten_notice_labels_are_no_wechat_phrases():
    text = "一、组织单位\n\n主办单位：省科技厅\n\n承办单位：技术市场协会\n\n二、活动内容"

    assert flat(text) == "一、组织单位\n主办单位:省科技厅\n承办单位:技术市场协会\n二、活动内容"


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "10月12日上午\n\n由区科协主办的\n\n青少年航模体验营\n\n在区体育馆开营啦！\n\n\n报名截止：10月8日",
            "10月12日上午 由区科协主办的 青少年航模体验营 在区体育馆开营啦！\n报名截止:10月8日",
        ),
        (
            "第三届智慧农业论坛\n\n将于6月8日\n\n在农科院举办！\n\n欢迎报名参加。",
            "第三届智慧农业论坛 将于6月8日 在农科院举办！\n欢迎报名参加。",
        ),
        (
            "3月1日\n\n我区首个科普驿站\n\n正式揭牌。\n\n驿站面积200平方米，由区科协和街道共同建设，免费向居民开放。",
            "3月1日 我区首个科普驿站 正式揭牌。\n驿站面积200平方米，由区科协和街道共同建设，免费向居民开放。",
        ),
    ],
    ids=["camp-exclaims", "forum-two-phrases", "unveiling-full-stop"],
)
def test_flatten_wechat_phrase_ending_the_sentence_joins_it(text, expected):
    assert flat(text) == expected


def test_flatten_short_sentence_after_a_headline_pair_stays_apart():
    text = "科技节开幕\n\n万人参与\n\n本报讯 3月11日，科技节在太谷区金谷广场开幕，吸引市民万余人次参与。"

    assert (
        flat(text)
        == "科技节开幕\n万人参与\n本报讯3月11日，科技节在太谷区金谷广场开幕，吸引市民万余人次参与。"
    )


def test_extract_events_a_decoration_line_ends_a_wechat_sentence():
    text = (
        "6月1日\n\n第二届“小小工程师”科技节\n\n在城南小学\n\n开幕啦\n\n🎈\n\n科技节期间\n\n"
        "“飞鹰杯”纸飞机竞速赛\n\n于6月3日上午\n\n在学校操场举行\n\n56名同学参赛\n"
    )

    found = [(c.title, c.start) for c in extract_events(text, ref=date(2024, 6, 5))]

    assert found == [
        ("第二届“小小工程师”科技节", date(2024, 6, 1)),
        ("“飞鹰杯”纸飞机竞速赛", date(2024, 6, 3)),
    ]
