"""The Atom feed of new and changed events: ``build_atom(events, ...) -> bytes`` (no requests).

Written with Django's own ``feedgenerator.Atom1Feed`` (a well-kept writer; nothing here builds XML
by hand). One entry per change subscribers should see: an entry's id carries the event's
``sequence``, which rises when its title, dates or place change (``Event.SEQUENCED_FIELDS``), so a
feed reader shows "已更新" as a new entry and keeps the earlier one; changes that leave the sequence
alone (figures, organisers) update the current entry in place (its ``updated`` moves). A hidden or
merged-away event gets a "已取消" entry.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable

from django.utils import feedgenerator

from events.models import Event
from events.publishing.feed_text import event_description, event_summary


def entry_title(event: Event) -> str:
    """ "新事件：…", "已更新：…" or "已取消：…" before the feed's summary of the event."""
    if not event.visible:
        word = "已取消"
    else:
        word = "新事件" if event.sequence == 0 else "已更新"
    return f"{word}：{event_summary(event)}"


def entry_id(event: Event, *, host: str) -> str:
    """A stable id per event and sequence: the same change always has the same id."""
    state = "cancelled" if not event.visible else str(event.sequence)
    return f"tag:{host},2024:event/{event.uid}/{state}"


def build_atom(
    events: Iterable[Event],
    *,
    title: str,
    host: str,
    site_url: str,
    feed_url: str,
    event_url: Callable[[Event], str],
    article_page: Callable[[int], str] | None = None,
) -> bytes:
    """The Atom document for ``events`` (newest change first, evidence prefetched), as UTF-8 bytes."""
    feed = feedgenerator.Atom1Feed(
        title=title,
        link=site_url,
        description="科技日历新收录和有变动的事件",
        language="zh-CN",
        feed_url=feed_url,
        feed_guid=feed_url,
    )
    for event in events:
        place = f"地点：{event.place}\n" if event.place else ""
        feed.add_item(
            title=entry_title(event),
            link=event_url(event),
            description=place + event_description(event, article_page=article_page),
            unique_id=entry_id(event, host=host),
            pubdate=event.created,
            updateddate=event.updated,
            categories=[str(Event.Kind(event.kind).label)] if event.kind in Event.Kind.values else [],
        )
    return feed.writeString("utf-8").encode("utf-8")
