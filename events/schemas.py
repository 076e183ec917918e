"""API input/output shapes for the JSON API (django-ninja schemas); no queries here."""

from __future__ import annotations

from datetime import date

from ninja import Field, Schema

ISO_DATE = {"format": "date", "example": "2024-03-11"}


class SourceRefOut(Schema):
    """One piece of evidence for an event: the article and the sentence that supports it."""

    article: str = Field(description="The article's key (its URL or path)")
    article_id: int
    url: str
    title: str
    evidence: str = Field(description="The supporting sentence, as printed (line breaks kept)")
    span: list[int] = Field(description="[start, end) character offsets of the sentence in the article text")
    date_text: str = Field(description="The date expression that dated the event, as printed")


class EventOut(Schema):
    """An event in the shape of `manage.py export_events` (dates ISO YYYY-MM-DD, inclusive end)."""

    uid: str = Field(description="Stable identifier; survives re-ingestion and curation")
    title: str
    kind: str
    start: str | None = Field(description="First day, or null when undated", json_schema_extra=ISO_DATE)
    end: str | None = Field(description="Last day (inclusive), or null", json_schema_extra=ISO_DATE)
    time: str | None = Field(description="Local start time HH:MM (Asia/Shanghai), when known")
    precision: str = Field(description="day, month, season, half-year, year, multi-year or vague")
    edtf: str = Field(description="The date in Extended Date/Time Format, e.g. 2025-03 or 2021/2025")
    place: str
    organizers: dict[str, list[str]]
    figures: dict[str, int | float]
    status: str = Field(description="auto or confirmed (hidden events are never listed)")
    sequence: int = Field(description="iCal SEQUENCE: bumped when dates, title or place change")
    updated: str | None = Field(description="Last change, ISO 8601")
    sources: list[SourceRefOut]


class EventPageOut(Schema):
    """One page of events: ``count`` is the total matching the filters."""

    count: int
    limit: int
    offset: int
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
    time: str | None = None
    open_end: bool | None = None
    valid: bool | None = None
    note: str | None = None


class ParseIn(Schema):
    """Text to parse and the day relative expressions count from (default: today in Asia/Shanghai)."""

    text: str = Field(description="Chinese text, at most KEJICAL_MAX_ARTICLE_CHARS characters")
    ref: date | None = Field(None, description="Reference day, e.g. the publication date")


class ParseOut(Schema):
    """The parser's mentions, in text order."""

    mentions: list[MentionOut]


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

    text: str = Field(description="Article text, at most KEJICAL_MAX_ARTICLE_CHARS characters")
    title: str = ""
    url: str = ""
    key: str = Field("", description="Identity across re-ingestion; defaults to the URL")
    published: date | None = Field(None, description="Publication date; relative dates count from it")
    source: str | None = Field(None, description="Name of an existing source (see the admin)")
    force: bool = Field(False, description="Re-extract even if the text is unchanged")


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
