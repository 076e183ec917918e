"""API input/output shapes for the JSON API (django-ninja schemas); no queries here."""

from __future__ import annotations

import re
from datetime import date
from typing import Annotated

from django.core.exceptions import ValidationError as DjangoValidationError
from django.core.validators import URLValidator
from ninja import Field, Schema
from pydantic import AfterValidator, BeforeValidator, StrictBool

from events.services.text import unstorable_reason

ISO_DATE = {"format": "date", "example": "2024-03-11"}

# Longest stored values (events.models.Article); longer input is refused, never truncated.
KEY_MAX_CHARS = 500
URL_MAX_CHARS = 1000
TITLE_MAX_CHARS = 500
SOURCE_MAX_CHARS = 200

_ISO_DATE_RE = re.compile(r"\d{4}-\d{2}-\d{2}")
_http_url = URLValidator(schemes=["http", "https"])


def _parse_iso_date(value: object) -> object:
    """Only ``YYYY-MM-DD`` strings: pydantic alone would take 0 (1970-01-01) or "2024-03-11T00:00"."""
    if value is None or (isinstance(value, date) and type(value) is date):
        return value
    if not isinstance(value, str) or not _ISO_DATE_RE.fullmatch(value):
        raise ValueError(f"expected a date YYYY-MM-DD, got {value!r:.40}")
    try:
        return date.fromisoformat(value)
    except ValueError:
        raise ValueError(f"not a calendar date: {value!r}") from None


def _check_storable(value: str) -> str:
    """Text a database can store: no NUL (PostgreSQL refuses it) and no lone surrogate (not UTF-8)."""
    if reason := unstorable_reason(value):
        raise ValueError(reason)
    return value


def _check_http_url(value: str) -> str:
    if value:
        try:
            _http_url(value)
        except DjangoValidationError:
            raise ValueError("expected an http:// or https:// URL") from None
    return value


IsoDate = Annotated[date, BeforeValidator(_parse_iso_date)]
StorableStr = Annotated[str, AfterValidator(_check_storable)]
HttpUrlStr = Annotated[str, AfterValidator(_check_storable), AfterValidator(_check_http_url)]


class SourceRefOut(Schema):
    """One piece of evidence for an event: the article and the sentence that supports it."""

    article: str = Field(description="The article's key (its URL or path)")
    article_id: int
    url: str
    title: str
    evidence: str = Field(description="The supporting sentence, as printed (line breaks kept)")
    span: list[int] = Field(description="[start, end) character offsets of the sentence in the article text")
    date_text: str = Field(description="The date expression that dated the event, as printed")


class DivisionOut(Schema):
    """One level of an administrative region."""

    name: str = Field(description="名称，如“晋中市”")
    adcode: str = Field(description="6位行政区划代码")


class RegionOut(Schema):
    """Where an event is held, as China's administrative divisions (GB/T 2260)."""

    adcode: str = Field(description="已知最深一级的行政区划代码")
    province: DivisionOut
    city: DivisionOut | None = Field(description="地级；港澳台只到省级")
    county: DivisionOut | None = Field(description="县级，未知时为 null")


class SeriesOut(Schema):
    """A recurring event's series: editions share ``key``."""

    key: str = Field(description="系列标识：省级代码与去掉届次、年份的名称，如 140000:太谷科技节")
    name: str = Field(description="系列名称，如“太谷科技节”")


class ReportOut(Schema):
    """One article that reports the event."""

    outlet: str = Field(description="发布媒体：来源名称，或网址的域名")
    article_id: int
    title: str
    url: str
    published: str | None = Field(description="发布日期 YYYY-MM-DD", json_schema_extra=ISO_DATE)
    evidence: list[str] = Field(description="文中支持该事件的句子")


class EventOut(Schema):
    """An event in the shape of `manage.py export_events` (dates ISO YYYY-MM-DD, inclusive end)."""

    uid: str = Field(description="Stable identifier; survives re-ingestion and curation")
    title: str
    kind: str
    start: str | None = Field(description="First day, or null when undated", json_schema_extra=ISO_DATE)
    end: str | None = Field(description="Last day (inclusive), or null", json_schema_extra=ISO_DATE)
    time: str | None = Field(description="Local start time HH:MM (Asia/Shanghai), when known")
    end_time: str | None = Field(
        description="Local end time HH:MM on the last day (Asia/Shanghai), when the text gives one "
        "(9:00-17:00, 下午5时闭幕); only with `time`"
    )
    precision: str = Field(description="day, month, season, half-year, year, multi-year or vague")
    edtf: str = Field(description="The date in Extended Date/Time Format, e.g. 2025-03 or 2021/2025")
    place: str
    region: RegionOut | None = Field(description="举办地所在行政区划；无法确定时为 null")
    organizers: dict[str, list[str]]
    figures: dict[str, int | float]
    status: str = Field(description="auto or confirmed (hidden events are never listed)")
    sequence: int = Field(description="iCal SEQUENCE: bumped when dates, title or place change")
    updated: str | None = Field(description="Last change, ISO 8601")
    sources: list[SourceRefOut]
    series: SeriesOut | None = Field(description="系列活动（如历届科技节）；非系列活动为 null")
    edition: int | None = Field(description="届次，如“第二十一届”为 21；标题未写届次时为 null")
    reports: list[ReportOut] = Field(description="报道该事件的每篇文章，含媒体、日期和原文句子")
    outlet_count: int = Field(description="报道该事件的不同媒体数（同一媒体的多篇文章只算一家）")


class EventPageOut(Schema):
    """One page of events: ``count`` matching the filters (at least that many when ``count_capped``).

    ``next_after``: pass it as ``after`` for the next page (None on the last page); deep pages go
    on this way because ``offset`` is bounded.
    """

    count: int
    count_capped: bool
    limit: int
    offset: int
    next_after: str | None
    items: list[EventOut]


class KindOut(Schema):
    """An event kind with its Chinese label and how many visible events have it."""

    value: str
    label: str
    count: int


class MentionOut(Schema):
    """A temporal expression found by the parser: the shape of `manage.py parse_dates --json`."""

    text: str
    span: list[int] = Field(description="[start, end) offsets into the text sent")
    start: str | None = Field(json_schema_extra=ISO_DATE)
    end: str | None = Field(json_schema_extra=ISO_DATE)
    precision: str
    edtf: str
    kind: str
    confidence: float
    time: str | None = Field(None, description="HH:MM when the text gives a time of day")
    end_time: str | None = Field(None, description="HH:MM when the text gives a time range (上午9时至11时)")
    open_end: bool | None = None
    valid: bool | None = None
    note: str | None = None
    role: str | None = Field(
        None, description="page: the date of a publication line; name: a year inside an event's name"
    )


class ParseIn(Schema):
    """Text to parse and the day relative expressions count from (default: today in Asia/Shanghai)."""

    text: StorableStr = Field(description="Chinese text, at most KEJICAL_MAX_ARTICLE_CHARS characters")
    ref: IsoDate | None = Field(None, description="Reference day YYYY-MM-DD, e.g. the publication date")


class ParseOut(Schema):
    """The parser's mentions, in text order."""

    mentions: list[MentionOut]
    truncated: bool | None = Field(
        None, description="True when more mentions were found than an anonymous caller gets"
    )


class ArticleSummaryOut(Schema):
    """An article without its text."""

    id: int
    key: str
    url: str
    title: str
    published: str | None = Field(json_schema_extra=ISO_DATE)
    published_how: str
    source: str | None = Field(description="Source name, when the article came from one")
    status: str
    ingested: str | None


class ArticlePageOut(Schema):
    """One page of articles, newest publication first."""

    count: int
    limit: int
    offset: int
    items: list[ArticleSummaryOut]


class ArticleOut(ArticleSummaryOut):
    """An article with its text, the parser's mentions in it and the visible events it supports."""

    text: str
    mentions: list[MentionOut]
    events: list[EventOut]


class ArticleIn(Schema):
    """An article to ingest; ``key`` defaults to ``url``, and one of them is required."""

    text: StorableStr = Field(description="Article text, at most KEJICAL_MAX_ARTICLE_CHARS characters")
    title: StorableStr = Field("", max_length=TITLE_MAX_CHARS)
    url: HttpUrlStr = Field("", max_length=URL_MAX_CHARS, description="The article's http(s) URL")
    key: StorableStr = Field(
        "", max_length=KEY_MAX_CHARS, description="Identity across re-ingestion; defaults to the URL"
    )
    published: IsoDate | None = Field(None, description="Publication date; relative dates count from it")
    source: Annotated[StorableStr, Field(max_length=SOURCE_MAX_CHARS)] | None = Field(
        None, description="Name of an existing source (see the admin)"
    )
    force: StrictBool = Field(False, description="Re-extract even if the text is unchanged")


class IngestOut(Schema):
    """What ingesting an article did: its status, its events and how many changed."""

    article: ArticleSummaryOut | None
    status: str = Field(description="new, changed, unchanged or failed")
    error: str = Field(description="Why extraction failed (status failed), else empty")
    events: list[EventOut]
    created: int
    updated: int
    unchanged: int
    removed: int


class ErrorDetail(Schema):
    """One problem: ``loc`` names where (e.g. ["query", "from"], ["body", "text"]); empty when general."""

    loc: list[str | int]
    msg: str
    type: str


class ErrorOut(Schema):
    """Every error response has this shape, whatever the status."""

    detail: list[ErrorDetail]


class HealthOut(Schema):
    """Liveness: answered without touching the database."""

    ok: bool


class CheckOut(Schema):
    """One dependency of readiness; ``detail`` says what is wrong when ``ok`` is false."""

    ok: bool
    detail: str = ""


class ReadyOut(Schema):
    """Readiness: the database and (when configured) the broker answered within their time-outs."""

    ok: bool
    database: CheckOut
    broker: CheckOut
