"""E-paper PDF pages: columns in order, reports split with headline and byline, masthead date."""

from datetime import date

import pytest

from events.reading.epaper import NotAPdf, Report, read_epaper
from tests.reading.epaper_pdf import epaper_pdf

# No "·" in the text: STSong-Light maps it to a glyph PDF readers cannot map back.
FESTIVAL = [
    "本报讯 3月11日，山西太谷第二十一届科技节在太谷区金谷广场开幕，现场展示农业科技成果一百余项。",
    "科技节期间，各乡镇还将组织科技下乡、专家咨询等活动，持续到3月13日。",
]
SIGNING = [
    "3月15日上午，市科技局与山西农业大学科技合作签约仪式在晋中举行，双方将在种业创新、农机装备、食品加工等领域共建研发平台。"
    * 3,
    "根据协议，双方每年联合组织一次成果对接会。",
]
TRAINING = ["本报讯 3月20日至22日，全市科技特派员能力提升培训班在市委党校举办。"]
PAGE = [
    ("太谷区第二十一届科技节开幕", FESTIVAL, ""),
    ("市科技局与山西农业大学签约", SIGNING, "记者 王芳"),
    ("科技特派员培训班开班", TRAINING, "通讯员 李明"),
]


def test_read_epaper_splits_reports_in_column_order():
    [page] = read_epaper(epaper_pdf("晋中日报 2024年3月12日 星期二 第3版", PAGE))

    assert (page.number, page.masthead_date, page.has_text) == (1, date(2024, 3, 12), True)
    assert page.reports == [
        Report("太谷区第二十一届科技节开幕", FESTIVAL, ""),
        Report("市科技局与山西农业大学签约", SIGNING, "记者 王芳"),
        Report("科技特派员培训班开班", TRAINING, "通讯员 李明"),
    ]


def test_read_epaper_reports_a_scan_without_text():
    [page] = read_epaper(epaper_pdf("", [], scanned=True))

    assert (page.has_text, page.reports, page.masthead_date) == (False, [], None)


def test_read_epaper_refuses_other_bytes():
    with pytest.raises(NotAPdf):
        read_epaper(b"<html>not a pdf</html>")
