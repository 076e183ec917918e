"""Normalising keeps every offset: traditional → simplified, full-width → ASCII."""

import pytest

from events.temporal.normalize import normalize


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("農曆臘月二十三", "农历腊月二十三"),
        ("週末簽約", "周末签约"),
        ("國慶節後一天", "国庆节后一天"),
        ("３月１１日", "3月11日"),
        ("２０２４／３／１１", "2024/3/11"),
        ("二○二四年", "二〇二四年"),
        ("plain ascii 2024", "plain ascii 2024"),
    ],
)
def test_normalize_converts_without_moving_characters(text, expected):
    out = normalize(text)

    assert (out, len(out)) == (expected, len(text))


def test_normalize_keeps_the_length_of_any_text():
    text = "鬱鬱蔥蔥的後花園裡，乾隆年間的臺灣\x00\ufffd𠀀"

    assert len(normalize(text)) == len(text)
