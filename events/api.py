"""The JSON API's operations (django-ninja router): parse the input, call one selector or service, return."""

from __future__ import annotations

import hmac
import json
from typing import Literal

from celery import current_app
from django.conf import settings
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404
from django.urls import reverse
from django.utils import timezone
from ninja import Query, Router, Status
from ninja.errors import ValidationError
from ninja.security import HttpBearer, SessionAuthIsStaff

from events import selectors, services
from events.models import Article, Event, Source
from events.publishing.spreadsheet import build_csv
from events.schemas import (
    ArticleIn,
    ArticleOut,
    ArticlePageOut,
    ErrorOut,
    EventOut,
    EventPageOut,
    HealthOut,
    IngestOut,
    KindOut,
    ParseIn,
    ParseOut,
    ReadyOut,
)
from events.selectors import health as health_checks
from events.temporal import extract

router = Router(tags=["events"])
JSON_TYPE = "application/json; charset=utf-8"

ERRORS = {400: ErrorOut, 404: ErrorOut, 413: ErrorOut, 422: ErrorOut}
WRITE_ERRORS = {**ERRORS, 401: ErrorOut, 403: ErrorOut}
# Offsets past this are refused, not sent to the database (SQLite and PostgreSQL stop at 2**63 - 1).
MAX_OFFSET = 2**31 - 1


class ApiToken(HttpBearer):
    """``Authorization: Bearer <token>`` against ``settings.KEJICAL_API_TOKENS``, compared in constant time."""

    def authenticate(self, request: HttpRequest, token: str) -> str | None:
        given = token.strip().encode()
        # Compare against every configured token so the time taken does not say which one nearly matched.
        matched = False
        for allowed in settings.KEJICAL_API_TOKENS:
            matched |= hmac.compare_digest(given, allowed.encode())
        return "token" if matched and given else None


class StaffSession(SessionAuthIsStaff):
    """A staff member's session; CSRF is checked only once we know the session is staff.

    ninja's cookie auth checks CSRF before looking at the user, which would turn an anonymous
    write into a 403; anonymous callers must get 401, so non-staff requests fall through untouched.
    """

    def __call__(self, request: HttpRequest) -> object | None:
        user = getattr(request, "user", None)
        if user is None or not user.is_authenticated or not user.is_staff:
            return None
        return super().__call__(request)


WRITE_AUTH = [ApiToken(), StaffSession()]


def json_bytes(data: object) -> bytes:
    """Compact UTF-8 JSON, Chinese written as itself rather than as escapes."""
    return json.dumps(data, ensure_ascii=False, separators=(",", ":")).encode()


def _body_error(field: str, msg: str, kind: str = "value_error") -> ValidationError:
    return ValidationError([{"loc": ["body", field], "msg": msg, "type": kind}])


def _check_text_size(text: str) -> None:
    limit = settings.KEJICAL_MAX_ARTICLE_CHARS
    if len(text) > limit:
        raise _body_error("text", f"text has {len(text)} characters; at most {limit}", "string_too_long")


@router.get("/health", response=HealthOut, tags=["meta"], summary="Liveness (no database access)")
def health(request: HttpRequest) -> dict:
    return {"ok": True}


@router.get(
    "/ready",
    response={200: ReadyOut, 503: ReadyOut},
    tags=["meta"],
    summary="Readiness: the database and, when configured, the broker answer (503 when not)",
)
def ready(request: HttpRequest) -> Status:
    database = health_checks.check_database()
    broker = health_checks.check_broker(
        broker_url=settings.CELERY_BROKER_URL, queue=current_app.conf.task_default_queue
    )
    body = {"ok": database.ok and broker.ok, "database": vars(database), "broker": vars(broker)}
    return Status(200 if body["ok"] else 503, body)


@router.get("/events", response={200: EventPageOut, **ERRORS}, summary="Visible events matching the filters")
def list_events(
    request: HttpRequest,
    kind: str | None = Query(None, description=f"One of: {', '.join(Event.Kind.values)}"),
    date_from: str | None = Query(
        None, alias="from", description="Events ending on/after: YYYY-MM-DD, YYYY-MM or YYYY"
    ),
    date_to: str | None = Query(
        None, alias="to", description="Events starting on/before: YYYY-MM-DD, YYYY-MM or YYYY"
    ),
    place: str | None = Query(None, description="Text in the place"),
    q: str | None = Query(None, description="Text in the title, place or evidence"),
    precision: str | None = Query(None, description=f"One of: {', '.join(Event.Precision.values)}"),
    source: str | None = Query(None, description="Source name"),
    province: str | None = Query(None, description="省级地区：6位代码（140000）或名称（山西、山西省）"),
    city: str | None = Query(None, description="地级地区：6位代码（140700）或名称（晋中市）"),
    county: str | None = Query(None, description="县级地区：6位代码（140702）或名称（榆次区）"),
    limit: int = Query(50, ge=1, le=500),
    offset: int = Query(
        0, ge=0, le=selectors.MAX_OFFSET, description="Skip this many; deeper pages go on with after"
    ),
    after: str | None = Query(
        None, description="Start after the event with this uid (next_after of the previous page)"
    ),
    ordering: Literal["start", "-start"] = Query(
        "-start", description="start: earliest first; -start: newest"
    ),
    year: str | None = Query(None, description="时间线的年份条件（YYYY）：未给 from/to 时取该年全年"),
    order: Literal["asc", "desc"] | None = Query(
        None, description="时间线的排序参数：asc 同 ordering=start，desc 同 ordering=-start"
    ),
    format: Literal["json", "csv"] = Query(
        "json", description="csv：同一页事件的 CSV（UTF-8 带 BOM，列见 /events.csv 的说明）"
    ),
) -> HttpResponse:
    _refuse_unknown_parameters(request, EVENT_LIST_PARAMS)
    if order is not None:
        ordering = "start" if order == "asc" else "-start"
    date_from, date_to = _year_span(year, date_from, date_to)
    filters = selectors.parse_filters(
        {
            "kind": kind,
            "from": date_from,
            "to": date_to,
            "place": place,
            "q": q,
            "precision": precision,
            "source": source,
            "province": province,
            "city": city,
            "county": county,
        }
    )

    # The CSV holds absolute event links, so its bytes also depend on the host.
    host = request.get_host() if format == "csv" else ""

    # Rendered once per distinct query and data version: the bytes are cached, not the rows.
    def render() -> bytes:
        page = selectors.event_page(
            filters=filters, ordering=ordering, limit=limit, offset=offset, after=after
        )
        if format == "csv":
            prefix, suffix = request.build_absolute_uri(reverse("event", args=["~"])).split("~")
            return build_csv(page["items"], event_url=lambda uid: prefix + uid + suffix)
        return json_bytes(page)

    body = selectors.cached_until_change(
        "api-events", (filters, ordering, limit, offset, after, format, host), render
    )
    if format == "csv":
        response = HttpResponse(body, content_type="text/csv; charset=utf-8")
        response["Content-Disposition"] = 'attachment; filename="kejicalendar-events.csv"'
        return response
    return HttpResponse(body, content_type=JSON_TYPE)


# Every query parameter GET /api/events reads; any other is a mistake worth a 422, not silence.
EVENT_LIST_PARAMS = frozenset(
    (*selectors.FILTER_PARAMS, "limit", "offset", "after", "ordering", "year", "order", "format")
)


def _refuse_unknown_parameters(request: HttpRequest, known: frozenset[str]) -> None:
    unknown = sorted(set(request.GET) - known)
    if unknown:
        raise ValidationError(
            [
                {
                    "loc": ["query", name],
                    "msg": f"unknown parameter; known: {', '.join(sorted(known))}",
                    "type": "extra_forbidden",
                }
                for name in unknown
            ]
        )


def _year_span(year: str | None, date_from: str | None, date_to: str | None) -> tuple[str | None, str | None]:
    """The timeline's ``year``: it fills ``from``/``to`` with that year where they are empty."""
    year = (year or "").strip()
    if not year:
        return date_from, date_to
    if not (year.isascii() and year.isdigit() and len(year) == 4):
        raise selectors.FilterError("year", f"expected a year YYYY, got {year!r}")
    return (date_from or "").strip() or year, (date_to or "").strip() or year


@router.get("/events/{uid}", response={200: EventOut, **ERRORS}, summary="One visible event")
def get_event(request: HttpRequest, uid: str) -> dict:
    event = selectors.find_event(uid=uid)
    if event is None or not event.visible:
        raise Http404("no such event")
    return selectors.event_item(event)


@router.get("/kinds", response=list[KindOut], summary="Event kinds with Chinese labels and counts")
def list_kinds(request: HttpRequest) -> list[dict]:
    return selectors.count_by_kind()


@router.get("/articles", response={200: ArticlePageOut, **ERRORS}, tags=["articles"], summary="Articles")
def list_articles(
    request: HttpRequest,
    source: str | None = Query(None, description="Source name"),
    limit: int = Query(50, ge=1, le=500),
    offset: int = Query(0, ge=0, le=MAX_OFFSET),
) -> dict:
    # The same checks as the event filters' source (length, NUL): FilterError names the parameter.
    source = selectors.parse_filters({"source": source}).source
    return selectors.article_page(source=source, limit=limit, offset=offset)


@router.get(
    "/articles/{int:article_id}",
    response={200: ArticleOut, **ERRORS},
    tags=["articles"],
    summary="One article with its parser mentions and its events",
    exclude_unset=True,
)
def get_article(request: HttpRequest, article_id: int) -> dict:
    article = get_object_or_404(Article.objects.select_related("source"), pk=article_id)
    return {
        **selectors.article_item(article),
        "text": article.text,
        "mentions": selectors.article_mentions(article=article),
        "events": [selectors.event_item(e) for e in selectors.article_events(article=article)],
    }


@router.post("/parse", response={200: ParseOut, **ERRORS}, tags=["parser"], exclude_unset=True)
def parse_text(request: HttpRequest, payload: ParseIn) -> dict:
    """Find the date expressions in ``text``, counting relative ones from ``ref``."""
    _check_text_size(payload.text)
    ref = payload.ref or timezone.localdate()
    return {"mentions": [m.to_dict() for m in extract(payload.text, ref)]}


@router.post(
    "/articles",
    response={200: IngestOut, 201: IngestOut, **WRITE_ERRORS},
    auth=WRITE_AUTH,
    tags=["articles"],
    summary="Ingest an article (API token or staff session)",
)
def create_article(request: HttpRequest, payload: ArticleIn) -> Status:
    """Store the article and the events found in it: 201 when the key is new, else 200.

    ``status`` is "new", "changed", "unchanged" or "failed"; a failed extraction is recorded on the
    article (re-ingest to retry) and answered 200 with ``error`` set, since the input was accepted.
    """
    _check_text_size(payload.text)
    key = (payload.key or payload.url).strip()
    if not key:
        raise _body_error("key", "give a key or a url", "missing")
    source = None
    if payload.source and payload.source.strip():
        source = Source.objects.filter(name=payload.source.strip()).first()
        if source is None:  # sources are configured by curators; the API does not invent them
            raise _body_error(
                "source", f"unknown source {payload.source.strip()!r}; add it in the admin first"
            )
    try:
        services.check_api_write(key=key, source=source)
    except services.ForeignKeyError as exc:
        raise _body_error(exc.field, str(exc), "refused") from exc
    try:
        result = services.ingest_article(
            key=key,
            text=payload.text,
            title=payload.title,
            url=payload.url,
            published=payload.published,
            published_how=Article.PublishedHow.GIVEN if payload.published else None,
            source=source,
            force=payload.force,
        )
    except services.IngestError as exc:  # refused input (empty, binary-looking, too long): nothing stored
        raise _body_error("text", str(exc), "refused") from exc
    events = selectors.with_sources(Event.objects.filter(pk__in=[e.pk for e in result.events]))
    body = {
        "article": selectors.article_item(result.article) if result.article else None,
        "status": result.status,
        "error": result.error,
        "events": [selectors.event_item(e) for e in selectors.order_events(events, ordering="start")],
        "created": result.created,
        "updated": result.updated,
        "unchanged": result.unchanged,
        "removed": result.removed,
    }
    return Status(201 if result.status == "new" else 200, body)
