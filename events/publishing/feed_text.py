"""What a feed says in Chinese: event SUMMARY (with the precision of coarse dates), DESCRIPTION, names.

Text only; the iCalendar writing is in events/feeds.py and events/ical.py.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date

from events.models import Event
from events.publishing.display import event_date_label, format_event_date, quoted
from events.publishing.figure_text import format_figures
from events.publishing.highlight import collapse_line_breaks
from events.selectors import EventFilters, FeedEvent, event_figures, event_organizers, region_name
from events.selectors.events import SHORT_RANGE_DAYS

MAX_EVIDENCE_CHARS = 300  # per DESCRIPTION, so one long sentence cannot crowd out other events
# The SUMMARY suffix word per precision, for events that are not short day ranges.
PRECISION_WORDS = {
    Event.Precision.DAY: "持续",
    Event.Precision.MONTH: "整月",
    Event.Precision.SEASON: "季节",
    Event.Precision.HALF_YEAR: "半年",
    Event.Precision.YEAR: "全年",
    Event.Precision.MULTI_YEAR: "期间",
    Event.Precision.VAGUE: "大致时间",
}

ORGANIZER_LABELS = {"hosts": "主办", "co_organizers": "协办", "undertakers": "承办"}


def calendar_name(filters: EventFilters, *, coarse: bool) -> str:
    """A Chinese calendar name that says what the filters select: 科技日历 · 签约 · 金谷 · 2024-03-01起."""
    f = filters
    parts = ["科技日历"]
    if f.kind:
        parts.append(str(Event.Kind(f.kind).label))
    if f.place:
        parts.append(f.place)
    if f.q:
        parts.append(quoted(f.q))
    if f.source:
        parts.append(f"来源：{f.source}")
    parts.extend(region_name(code) for code in (f.province, f.city, f.county) if code)
    if f.precision:
        parts.append(f"精度：{Event.Precision(f.precision).label}")
    if f.date_from or f.date_to:
        span = f"{f.date_from.isoformat() if f.date_from else ''}{'—' if f.date_from and f.date_to else ''}"
        span += f.date_to.isoformat() if f.date_to else ""
        parts.append(span + ("起" if not f.date_to else "" if f.date_from else "止"))
    if coarse:
        parts.append("含粗略日期")
    return " · ".join(parts)


def _is_short_day_event(event: Event | FeedEvent) -> bool:
    return event.precision == Event.Precision.DAY and (event.end - event.start).days < SHORT_RANGE_DAYS


def event_summary(event: Event | FeedEvent) -> str:
    """The title; a coarse or long event says its span and precision: 某事（2025年3月，整月）."""
    if _is_short_day_event(event):
        return event.title
    label = format_event_date(start=event.start, end=event.end, precision=event.precision, edtf=event.edtf)
    label = label.replace("（", "").replace("）", "")  # 2021—2025年（“十四五”） → 2021—2025年“十四五”
    return f"{event.title}（{label}，{PRECISION_WORDS.get(event.precision, '大致时间')}）"


def feed_evidence(event: Event | FeedEvent) -> list:
    """The event's evidence as ``selectors.feed_events`` read it (``cited_evidence``), else all of it."""
    cited = getattr(event, "cited_evidence", None)
    return cited if cited is not None else list(event.evidence.all())


def event_description(event: Event | FeedEvent, *, article_page: Callable[[int], str] | None = None) -> str:
    """Date, figures, organizers, the first evidence sentence and 来源 lines with article URLs.

    An article with no URL of its own is linked to its page on this site (``article_page(pk)``),
    never to its storage key, which may be a server path.
    """
    lines = ["日期：" + event_date_label(event)]
    figures = format_figures(event_figures(event))
    if figures:
        lines.append(f"数据：{figures}")
    organizers = event_organizers(event)
    for key, label in ORGANIZER_LABELS.items():
        names = organizers.get(key, [])
        if names:
            lines.append(f"{label}：{'、'.join(names)}")
    evidence = feed_evidence(event)
    if evidence:
        sentence = collapse_line_breaks(evidence[0].sentence)
        if len(sentence) > MAX_EVIDENCE_CHARS:
            sentence = sentence[:MAX_EVIDENCE_CHARS] + "……"
        lines.append(f"原文：{quoted(sentence)}")
    seen: set[int] = set()
    for ev in evidence:
        if ev.article_id in seen:
            continue
        seen.add(ev.article_id)
        article = ev.article
        link = article.url or (article_page(article.pk) if article_page else "")
        lines.append(f"来源：{article.title or article.key} {link}".rstrip())
    return "\n".join(lines)


# Once, not per event: ``Event.Kind.values`` builds a new list at every call (a tenth of a feed's time).
KIND_LABELS = {value: str(label) for value, label in Event.Kind.choices}


def event_categories(event: Event | FeedEvent) -> list[str]:
    """The kind's Chinese label, then the place when there is one."""
    label = KIND_LABELS.get(event.kind, event.kind)
    return [label, event.place] if event.place else [label]


def feed_description(*, coarse: bool, precision: str | None = None, date_from: date | None = None) -> str:
    """The calendar's DESCRIPTION: what the feed holds, matching its filters.

    A ``precision`` filter decides which events are in it (a multi-year feed holds no day events,
    whatever ``coarse`` says); a ``from`` filter replaces the default 12-month window.
    """
    if precision == Event.Precision.DAY:
        held = "只含精确到日的事件" if coarse else "只含精确到日、不超过14天的事件"
    elif precision:
        held = f"只含日期精度为“{Event.Precision(precision).label}”的事件，按整段时间显示"
    elif coarse:
        held = "含月份、季节、年份和时期等粗略日期的事件"
    else:
        held = "只含精确到日、不超过14天的事件"
    window = (
        f"含{date_from.year}年{date_from.month}月{date_from.day}日以后的事件"
        if date_from
        else "默认含近12个月及以后的事件"
    )
    return f"科技日历：本地新闻中带日期的科技活动（{held}；{window}）。"
