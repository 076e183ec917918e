"""extract(): spans, order, robustness and speed (events/temporal/parser.py)."""

from datetime import date, datetime

import pytest

from events.temporal import extract
from tests.growth import cpu_growth

REF = date(2024, 3, 15)


def test_extract_returns_spans_into_the_original_text_in_order():
    text = "本报讯 ３月\n11日，農曆二月初二，科技節開幕；2023 年末，高企達54家。"

    mentions = extract(text, ref=REF)

    assert [(m.text, m.edtf) for m in mentions] == [
        ("３月\n11日，農曆二月初二", "2024-03-11"),
        ("2023 年末", "2023-12"),
    ]
    assert all(text[m.span[0] : m.span[1]] == m.text for m in mentions)


@pytest.mark.parametrize(
    "text",
    ["16.7亿元", "131家", "21块", "21 块", "6844人（次）", "JWF1576型", "34.6万名", "第2", "220余场",
     "第十二届", "第二十一届", "共 15 个项目", "1.2 亿元", "3.5%", "12.3万", "V2.0.1版", "电话0351-1234567",
     "地铁3号线", "1号楼", "7×24小时", "2024届毕业生", "建校70周年", "为期3天", "每月15日", "每周一至周五", "每天9时开馆",
     "每逢周六下午", "逢周四休館", "每逢星期一至星期三"],
)  # fmt: skip
def test_extract_takes_no_plain_number_for_a_date(text):
    assert extract(text, ref=REF) == []


@pytest.mark.parametrize(
    "text",
    [
        "",
        " ",
        "\x00\x01\x02",
        "年年年",
        "月日号",
        "农历",
        "闰",
        "“”",
        "\ud800",
        "🎉" * 10,
        "9" * 50,
        "2024年" * 3,
    ],
)
def test_extract_never_raises(text):
    assert isinstance(extract(text, ref=REF), list)


def test_extract_accepts_a_datetime_reference():
    [mention] = extract("明天", ref=datetime(2024, 3, 15, 23, 0))

    assert mention.start == date(2024, 3, 16)


@pytest.mark.parametrize("unit", ["3月", "年年年", "农历二月", "3\n", "“十四五”", "周周周", "1月1日至"])
def test_extract_stays_linear_on_pathological_input(unit):
    small, large = (unit * (n // len(unit)) for n in (50_000, 200_000))

    # four times the text costs about four times the CPU (quadratic would be sixteen)
    assert cpu_growth(lambda text: extract(text, ref=REF), small, large, repeat=1) < 8


def test_extract_survives_ten_megabytes_of_binary_looking_text():
    text = bytes(range(256)).decode("latin-1") * 40_000

    assert extract(text, ref=REF) == []


def test_extract_survives_reference_days_at_the_ends_of_the_calendar():
    assert (extract("正月十五", ref=date(1, 1, 1)), extract("明天", ref=date(9999, 12, 31))) == ([], [])


def test_extract_keeps_a_year_whose_following_words_are_no_date():
    [mention] = extract("2024年前十三个月", ref=REF)

    assert (mention.text, mention.edtf) == ("2024年", "2024")
