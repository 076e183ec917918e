"""Tests for events/extraction/text.py: sentences, reports, clauses, quotes and offsets."""

import pytest

from events.extraction.text import Document, quoted_ranges, split_clauses


def sentences(text: str) -> list[str]:
    doc = Document(text)
    return [doc.text(s) for s in doc.sentences]


def test_document_spans_index_the_original_text_with_line_breaks_kept():
    text = "  标题\n\n3月\n11日，科技节在金谷\n广场开幕。后文。"
    doc = Document(text)
    spans = [doc.original_span(s.start, s.end) for s in doc.sentences]

    assert [text[a:b] for a, b in spans] == ["标题", "3月\n11日，科技节在金谷\n广场开幕。", "后文。"]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "他说：“能看清吗？能看动画片吗？”周末的博物馆内人很多。",
            ["他说:“能看清吗？能看动画片吗？”", "周末的博物馆内人很多。"],
        ),
        ("“用健康肥，吃健康食品”。3月8日开展活动。", ["“用健康肥，吃健康食品”。", "3月8日开展活动。"]),
        (
            "决赛成功举办；运动会上热闹非凡……咖啡节里香气四溢！",
            ["决赛成功举办；", "运动会上热闹非凡……", "咖啡节里香气四溢！"],
        ),
    ],
    ids=["question-in-quote", "quote-then-period", "semicolon-ellipsis-exclamation"],
)
def test_document_splits_sentences_around_quotes(text, expected):
    assert sentences(text) == expected


def test_document_cuts_a_run_without_full_stops_into_bounded_sentences():
    doc = Document("科技节开幕，" * 300)

    assert max(s.end - s.start for s in doc.sentences) <= 600
    assert doc.flat == "".join(doc.text(s) for s in doc.sentences)


def test_document_unclosed_quote_does_not_swallow_the_article():
    text = "“" + "很长的引语没有结束" * 30 + "。下一句。"

    assert len(sentences(text)) >= 2


def test_document_reports_start_at_datelines_headlines_and_after_bylines():
    text = (
        "本报讯 第一篇报道。第二句。\n（记者甲）\n标题\n\n本报讯 第二篇报道。\n"
        "本报讯 第三篇报道。\n第四篇的标题\n\n副标题\n\n正文第一句。"
    )
    doc = Document(text)

    assert [(doc.text(s), s.report) for s in doc.sentences] == [
        ("本报讯第一篇报道。", 0),
        ("第二句。", 0),
        ("（记者甲）", 0),
        ("标题", 1),
        ("本报讯第二篇报道。", 1),
        ("本报讯第三篇报道。", 2),
        ("第四篇的标题", 3),
        ("副标题", 3),
        ("正文第一句。", 3),
    ]


def test_document_converts_traditional_characters_in_place():
    text = "3月11日，科技節在金谷廣場開幕。"
    doc = Document(text)
    [sentence] = doc.sentences

    assert doc.text(sentence) == "3月11日，科技节在金谷广场开幕。"
    assert doc.original_span(sentence.start, sentence.end) == (0, len(text))


def test_document_handles_empty_text():
    assert Document("").sentences == []
    assert Document("\n \n").sentences == []


def test_split_clauses_ignores_commas_inside_quotes_and_brackets():
    text = "以“坚持创新，发展生产力”为主题的活动在广场开幕，山西农业大学（省农科院，太谷）协办"

    assert [text[a:b] for a, b in split_clauses(text)] == [
        "以“坚持创新，发展生产力”为主题的活动在广场开幕",
        "山西农业大学（省农科院，太谷）协办",
    ]


def test_quoted_ranges_finds_top_level_quotes():
    text = "种植户说：“科技是‘及时雨’。”入选“青春榜样”"

    assert [text[a:b] for a, b in quoted_ranges(text)] == ["科技是‘及时雨’。", "青春榜样"]


def test_split_clauses_keeps_the_colon_of_a_time_inside_its_clause():
    text = "讲座于12月6日14:00-16:00在县图书馆举行，地点：三楼报告厅，时间9：30"

    assert [text[a:b] for a, b in split_clauses(text)] == [
        "讲座于12月6日14:00-16:00在县图书馆举行",
        "地点",
        "三楼报告厅",
        "时间9：30",
    ]
