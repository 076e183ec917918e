"""Guessing publication dates and titles (events/services/published.py); no database needed."""

from __future__ import annotations

from datetime import date

import pytest

from events.services.published import agreeing_years, infer_published, infer_title

TODAY = date(2026, 11, 22)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("2024年3月11日，科技节开幕。2023年5月1日另一事。", date(2024, 3, 11)),
        ("发布于 2024-03-02", date(2024, 3, 2)),
        ("2024\n年 3\n月 8日", date(2024, 3, 8)),
        ("3月11日，农历二月初二，开幕。2023 年末高企54家。", date(2024, 3, 11)),
        ("3月11日，农历二月初二，开幕。", date(2024, 3, 11)),
        ("3月11日，农历二月初二，开幕。2005年首届。", date(2005, 3, 11)),
        ("2030年5月1日将举办。", None),
        ("初冬时节，核桃林褪去翠绿。", None),
        ("2024年2月30日", None),
    ],
    ids=[
        "latest-full",
        "iso",
        "line-breaks",
        "lunar-near-mention",
        "lunar-latest",
        "lunar-2005",
        "future",
        "none",
        "invalid",
    ],
)
def test_infer_published(text, expected):
    assert infer_published(text, today=TODAY).published == expected


def test_agreeing_years_for_the_seed_festival():
    assert agreeing_years(3, 11, 2, 2, 2030) == (2005, 2024)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("\n\n科技赋能筑根基 创新驱动谱新篇\n\n正文……", "科技赋能筑根基 创新驱动谱新篇"),
        (" 本报讯 春回大地，生机盎然。3月\n11日", ""),
        ("这是一个很长的第一句话，它以句号结尾并且说明它不是标题。", ""),
        ("2024年3月12日 星期二\n太谷科技节开幕\n正文", "太谷科技节开幕"),
        ("2024-03-12\n\n本报讯 3月11日……", ""),
    ],
    ids=["headline", "report-lead", "sentence", "dateline-then-headline", "dateline-then-lead"],
)
def test_infer_title(text, expected):
    assert infer_title(text) == expected
