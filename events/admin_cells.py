"""Read-only cells for the admin's lists and detail pages: highlighted sentences, date labels, short errors."""

from __future__ import annotations

from django.utils.html import format_html

from events.models import Event
from events.publishing.display import event_date_label as display_date_label


def highlight(sentence: str, marked: str) -> str:
    """``sentence`` as safe HTML with the first occurrence of ``marked`` wrapped in <mark>."""
    at = sentence.find(marked) if marked else -1
    if at < 0:
        return format_html("{}", sentence)
    return format_html("{}<mark>{}</mark>{}", sentence[:at], marked, sentence[at + len(marked) :])


def event_date_label(event: Event) -> str:
    """The event's date as readers see it on the site ("2024年3月11日", "2021—2025年（“十四五”）")."""
    return display_date_label(event)


def shorten(text: str, length: int) -> str:
    return text if len(text) <= length else text[: length - 1] + "…"


def error_cell(error: str, length: int) -> str:
    """An error cut to ``length`` characters, the whole text in the tooltip ("" when there is none)."""
    if not error:
        return ""
    return format_html('<span title="{}">{}</span>', error, shorten(error, length))
