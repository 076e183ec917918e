"""CSV for spreadsheets: BOM, Chinese headers, one row per event, formulas defused; read back with csv."""

from __future__ import annotations

import csv
import io
from datetime import date

import pytest

from events.models import Event
from events.publishing.spreadsheet import HEADERS, build_csv
from events.selectors import event_item, with_sources
from events.services.regions import region_fields_for_code
from tests.factories import make_article, make_event

pytestmark = pytest.mark.django_db


def rows(body: bytes) -> list[dict]:
    assert body.startswith("\ufeff".encode())
    return list(csv.DictReader(io.StringIO(body.decode("utf-8-sig"))))


def test_build_csv_writes_one_row_per_event_with_every_column():
    article = make_article(source="晋中日报")
    make_event(
        "第二十一届科技节",
        article=article,
        start=date(2024, 3, 11),
        place="太谷区金谷广场",
        organizers={"hosts": ["太谷区人民政府", "山西农业大学"]},
        figures={"exhibitors": 131},
        series_key="140000:太谷科技节",
        edition=21,
        **region_fields_for_code("140703"),
    )
    make_event('=HYPERLINK("http://evil")', start=date(2024, 3, 12))
    items = [event_item(e) for e in with_sources(Event.objects.order_by("start"))]

    got = rows(build_csv(items, event_url=lambda uid: f"https://k.example/events/{uid}/"))

    assert list(got[0]) == HEADERS
    first = got[0]
    assert (first["标题"], first["类型"], first["开始日期"], first["结束日期"]) == (
        "第二十一届科技节",
        "节会",
        "2024-03-11",
        "2024-03-11",
    )
    assert (first["省级"], first["地级"], first["县级"], first["行政区划代码"]) == (
        "山西省",
        "晋中市",
        "太谷区",
        "140703",
    )
    assert (first["系列"], first["届次"], first["主办"]) == (
        "太谷科技节",
        "21",
        "太谷区人民政府、山西农业大学",
    )
    assert (first["报道媒体数"], first["来源"]) == ("1", "https://news.example/a1")
    assert first["事件页"] == f"https://k.example/events/{items[0]['uid']}/"
    assert got[1]["标题"] == '\'=HYPERLINK("http://evil")'  # a spreadsheet shows it, never runs it
