"""The region an article speaks from: its dateline ("新华社太原10月12日电", "本报晋中4月28日讯") or outlet."""

from __future__ import annotations

import re

from events.temporal.normalize import normalize

from .regions import Region
from .resolve import resolve_place

# Where a dateline names its city: "新华社太原10月12日电", "本报晋中4月28日讯", "中新网深圳3月1日电",
# and Taiwan's "【记者林志明／台中报导】" (read after traditional → simplified).
DATELINE_RES = (
    re.compile(
        r"(?:新华社|中新社|中新网|人民网|本报|央视网|光明网|澎湃新闻)(?:记者)?\s*"
        r"([\u4e00-\u9fff]{2,8}?)\s*\d{1,2}月\d{1,2}日\s*(?:电|讯)"
    ),
    re.compile(r"[／/]\s*([\u4e00-\u9fff]{2,6}?)\s*报导"),
)
# An outlet's name printed at the head of an article ("湖州日报", "新疆日报讯", "和顺县融媒体中心").
OUTLET_RE = re.compile(r"([\u4e00-\u9fff]{2,10}?)(?:日报|晚报|融媒体中心|广播电视台|电视台|新闻网)")
# How much of the article's beginning is searched: datelines and mastheads come first.
HEAD_CHARS = 300


def article_region(text: str, *, outlet: str = "") -> Region | None:
    """The region an article speaks from, or None.

    In order: the dateline's city; the region named by the outlet (``outlet``: the source's name,
    such as "长治日报" or "临县农业农村局"); an outlet named at the head of the text. A dateline
    wins because a provincial paper's reporter files from the city where it happened.
    """
    head = normalize(text[:HEAD_CHARS])
    for pattern in DATELINE_RES:
        for match in pattern.finditer(head):
            region = resolve_place(match[1])
            if region is not None:
                return region
    if outlet.strip():
        region = resolve_place(outlet)
        if region is not None:
            return region
    for match in OUTLET_RE.finditer(head):
        region = resolve_place(match[1])
        if region is not None:
            return region
    return None
