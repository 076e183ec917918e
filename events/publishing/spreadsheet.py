"""CSV of events for spreadsheets: UTF-8 with a byte-order mark, one row per event (no requests).

Written with the standard ``csv`` module. The BOM is what makes Excel read the file as UTF-8
(without it, Chinese comes out garbled on Windows); other readers skip it. Headers are Chinese,
the values those of the JSON API (``selectors.event_item``). Columns, in order:

| 列 | 内容 |
|---|---|
| UID | 事件的稳定标识（与 API、iCal 相同） |
| 标题 | 事件标题 |
| 类型 | 中文类型名（节会、签约……） |
| 开始日期、结束日期 | YYYY-MM-DD，结束日期含当天 |
| 时间 | 开始时间 HH:MM（北京时间），未知为空 |
| 结束时间 | 最后一天的结束时间 HH:MM（北京时间），未知为空 |
| 日期精度 | 日、月、季节、半年、年、多年、模糊 |
| EDTF | 扩展日期格式，如 2025-03、2021/2025 |
| 地点 | 原文中的地点 |
| 省级、地级、县级、行政区划代码 | 举办地所在行政区划，未知为空 |
| 系列、届次 | 系列活动名称与届次 |
| 主办、协办、承办 | 多个单位以“、”分隔 |
| 数据 | 如“签约15个项目，总投资16.7亿元” |
| 报道媒体数 | 不同媒体的数量 |
| 来源 | 报道文章的网址，以空格分隔 |
| 状态 | 自动识别或已确认 |
| 事件页 | 本站事件页面的网址 |
"""

from __future__ import annotations

import csv
import io
from collections.abc import Callable, Iterable, Iterator

from events.models import Event
from events.publishing.figure_text import format_figures

BOM = "\ufeff"
HEADERS = (
    "UID 标题 类型 开始日期 结束日期 时间 结束时间 日期精度 EDTF 地点 省级 地级 县级 行政区划代码 系列 届次 "
    "主办 协办 承办 数据 报道媒体数 来源 状态 事件页"
).split()
KIND_LABELS = dict(Event.Kind.choices)
PRECISION_LABELS = dict(Event.Precision.choices)
STATUS_LABELS = {"auto": "自动识别", "confirmed": "已确认"}
# A cell starting with one of these is read as a formula by spreadsheet programs; a quote before
# it keeps a title like "=HYPERLINK(…)" from running when the file is opened (OWASP CSV injection).
FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")


def _cell(value: object) -> str:
    text = "" if value is None else str(value)
    return "'" + text if text.startswith(FORMULA_STARTS) else text


def csv_row(item: dict, *, event_url: Callable[[str], str]) -> list[str]:
    """One event item (``selectors.event_item``) as the row under ``HEADERS``."""
    region = item.get("region") or {}
    level = lambda name: (region.get(name) or {}).get("name", "")  # noqa: E731
    organizers = item["organizers"]
    links = {report["url"] for report in item["reports"] if report["url"]}
    values = [
        item["uid"],
        item["title"],
        KIND_LABELS.get(item["kind"], item["kind"]),
        item["start"],
        item["end"],
        item["time"],
        item["end_time"],
        PRECISION_LABELS.get(item["precision"], item["precision"]),
        item["edtf"],
        item["place"],
        level("province"),
        level("city"),
        level("county"),
        region.get("adcode", ""),
        (item["series"] or {}).get("name", ""),
        item["edition"],
        "、".join(organizers.get("hosts", [])),
        "、".join(organizers.get("co_organizers", [])),
        "、".join(organizers.get("undertakers", [])),
        format_figures(item["figures"]),
        item["outlet_count"],
        " ".join(sorted(links)),
        STATUS_LABELS.get(item["status"], item["status"]),
        event_url(item["uid"]),
    ]
    return [_cell(v) for v in values]


def iter_csv(items: Iterable[dict], *, event_url: Callable[[str], str]) -> Iterator[str]:
    """The CSV text in pieces (BOM and header first, then one line per event), for streaming."""
    buffer = io.StringIO()
    writer = csv.writer(buffer)
    writer.writerow(HEADERS)
    yield BOM + buffer.getvalue()
    for item in items:
        buffer.seek(0)
        buffer.truncate()
        writer.writerow(csv_row(item, event_url=event_url))
        yield buffer.getvalue()


def build_csv(items: Iterable[dict], *, event_url: Callable[[str], str]) -> bytes:
    """The whole CSV as UTF-8 bytes (with the BOM)."""
    return "".join(iter_csv(items, event_url=event_url)).encode("utf-8")
