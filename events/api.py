"""The JSON API's operations (django-ninja router): parse the input, call one selector or service, return."""

from __future__ import annotations

import hashlib
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
from events.conditional import add_validators, answer_conditionally, not_modified, version_validators
from events.feeds import site_base
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
from events.throttles import ANONYMOUS, THROTTLES, is_anonymous

router = Router(tags=["events"])
JSON_TYPE = "application/json; charset=utf-8"

ERRORS = {400: ErrorOut, 404: ErrorOut, 413: ErrorOut, 422: ErrorOut, 429: ErrorOut}
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
        # The caller's name for throttling (events/throttles.py): one count per token, never the token itself.
        return f"token-{hashlib.sha256(given).hexdigest()[:16]}" if matched and given else None


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


class OptionalToken:
    """Auth for operations open to everyone: a valid bearer token names the caller, else it is anonymous.

    Never refuses, and is not an OpenAPI security scheme (ninja lists only objects with
    ``openapi_security_schema``), so the published spec keeps the operation open.
    """

    token = ApiToken()

    def __call__(self, request: HttpRequest) -> str:
        return self.token(request) or ANONYMOUS


WRITE_AUTH = [ApiToken(), StaffSession()]
# /api/parse is open to everyone; a token lifts the anonymous limits (size, mentions, rate).
PARSE_AUTH = [OptionalToken()]


def json_bytes(data: object) -> bytes:
    """Compact UTF-8 JSON, Chinese written as itself rather than as escapes."""
    return json.dumps(data, ensure_ascii=False, separators=(",", ":")).encode()


def _body_error(field: str, msg: str, kind: str = "value_error") -> ValidationError:
    return ValidationError([{"loc": ["body", field], "msg": msg, "type": kind}])


def _check_text_size(text: str, limit: int | None = None) -> None:
    limit = min(limit or settings.KEJICAL_MAX_ARTICLE_CHARS, settings.KEJICAL_MAX_ARTICLE_CHARS)
    if len(text) > limit:
        raise _body_error("text", f"text has {len(text)} characters; at most {limit}", "string_too_long")


@router.get("/health", response=HealthOut, tags=["meta"], summary="存活检查（不访问数据库）")
def health(request: HttpRequest) -> dict:
    return {"ok": True}


@router.get(
    "/ready",
    response={200: ReadyOut, 503: ReadyOut},
    tags=["meta"],
    summary="就绪检查：数据库及（已配置时）消息队列可用，否则 503",
)
def ready(request: HttpRequest) -> Status:
    database = health_checks.check_database()
    broker = health_checks.check_broker(
        broker_url=settings.CELERY_BROKER_URL, queue=current_app.conf.task_default_queue
    )
    body = {"ok": database.ok and broker.ok, "database": vars(database), "broker": vars(broker)}
    return Status(200 if body["ok"] else 503, body)


@router.get(
    "/events",
    response={200: EventPageOut, **ERRORS},
    summary="按条件列出事件（时间线的全部筛选条件，JSON 或 CSV）",
    # format=csv answers text/csv: documented beside the JSON body so clients (and schemathesis) know it.
    openapi_extra={
        "responses": {
            200: {
                "content": {"text/csv": {"schema": {"type": "string", "description": "UTF-8 带 BOM 的 CSV"}}}
            }
        }
    },
)
def list_events(
    request: HttpRequest,
    kind: str | None = Query(None, description=f"事件类型，取值：{', '.join(Event.Kind.values)}"),
    date_from: str | None = Query(
        None, alias="from", description="结束于该日或之后：YYYY-MM-DD、YYYY-MM 或 YYYY"
    ),
    date_to: str | None = Query(
        None, alias="to", description="开始于该日或之前：YYYY-MM-DD、YYYY-MM 或 YYYY"
    ),
    place: str | None = Query(None, description="地点包含的文字"),
    q: str | None = Query(None, description="标题、地点或原文句子中的关键词"),
    precision: str | None = Query(None, description=f"日期精度，取值：{', '.join(Event.Precision.values)}"),
    source: str | None = Query(None, description="来源名称"),
    province: str | None = Query(None, description="省级地区：6位代码（140000）或名称（山西、山西省）"),
    city: str | None = Query(None, description="地级地区：6位代码（140700）或名称（晋中市）"),
    county: str | None = Query(None, description="县级地区：6位代码（140702）或名称（榆次区）"),
    limit: int = Query(50, ge=1, le=500),
    offset: int = Query(0, ge=0, le=selectors.MAX_OFFSET, description="跳过的条数；更深的页用 after 继续"),
    after: str | None = Query(None, description="从该 uid 的事件之后开始（上一页的 next_after）"),
    ordering: Literal["start", "-start"] = Query("-start", description="start：最早在前；-start：最新在前"),
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
    host = site_base(request) if format == "csv" else ""

    # Rendered once per distinct query and data version: the bytes are cached, not the rows.
    def render() -> bytes:
        page = selectors.event_page(
            filters=filters, ordering=ordering, limit=limit, offset=offset, after=after
        )
        if format == "csv":
            prefix, suffix = (host + reverse("event", args=["~"])).split("~")
            return build_csv(page["items"], event_url=lambda uid: prefix + uid + suffix)
        return json_bytes(page)

    parts = (filters, ordering, limit, offset, after, format, host)

    def respond() -> HttpResponse:
        body = selectors.cached_until_change("api-events", parts, render)
        if format == "csv":
            response = HttpResponse(body, content_type="text/csv; charset=utf-8")
            response["Content-Disposition"] = 'attachment; filename="kejicalendar-events.csv"'
            return response
        return HttpResponse(body, content_type=JSON_TYPE)

    # A client holding this page's ETag for the current data version gets a 304, rendered from nothing.
    return answer_conditionally(request, "api-events", parts, respond)


# Every query parameter GET /api/events reads; any other is a mistake worth a 422, not silence.
EVENT_LIST_PARAMS = frozenset(
    (*selectors.FILTER_PARAMS, "limit", "offset", "after", "ordering", "year", "order", "format")
)


def _refuse_unknown_parameters(request: HttpRequest, known: frozenset[str]) -> None:
    """422 naming the first parameter nobody reads (the message lists all of them and the known ones)."""
    unknown = sorted(set(request.GET) - known)
    if unknown:
        names, known_names = "、".join(unknown), ", ".join(sorted(known))
        msg = f"未知参数：{names}；可用参数：{known_names}（unknown parameter(s) {', '.join(unknown)})"
        raise ValidationError([{"loc": ["query", unknown[0]], "msg": msg, "type": "extra_forbidden"}])


def _year_span(year: str | None, date_from: str | None, date_to: str | None) -> tuple[str | None, str | None]:
    """The timeline's ``year``: it fills ``from``/``to`` with that year where they are empty."""
    year = (year or "").strip()
    if not year:
        return date_from, date_to
    if not (year.isascii() and year.isdigit() and len(year) == 4):
        raise selectors.FilterError("year", f"expected a year YYYY, got {year!r}")
    return (date_from or "").strip() or year, (date_to or "").strip() or year


@router.get("/events/{uid}", response={200: EventOut, **ERRORS}, summary="单个事件（含地区、系列、报道媒体）")
def get_event(request: HttpRequest, response: HttpResponse, uid: str) -> dict | HttpResponse:
    # The version is read before the event, so the ETag never claims newer data than the body holds.
    validators = version_validators("api-event", (uid,))
    if (unchanged := not_modified(request, validators)) is not None:
        return unchanged
    event = selectors.find_event(uid=uid)
    if event is None or not event.visible:
        raise Http404("no such event")
    add_validators(response, validators)
    return selectors.event_item(event)


@router.get("/kinds", response=list[KindOut], summary="事件类型及其中文名和数量")
def list_kinds(request: HttpRequest) -> list[dict]:
    return selectors.count_by_kind()


@router.get("/articles", response={200: ArticlePageOut, **ERRORS}, tags=["articles"], summary="文章列表")
def list_articles(
    request: HttpRequest,
    source: str | None = Query(None, description="来源名称"),
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
    summary="单篇文章：识别出的日期和事件",
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


@router.post(
    "/parse",
    response={200: ParseOut, **ERRORS},
    tags=["parser"],
    exclude_unset=True,
    summary="识别文本中的日期表达",
    auth=PARSE_AUTH,
    throttle=THROTTLES,
)
def parse_text(request: HttpRequest, payload: ParseIn) -> dict:
    """Find the date expressions in ``text``, counting relative ones from ``ref``.

    Without a token: at most ``KEJICAL_ANON_PARSE_MAX_CHARS`` characters and
    ``KEJICAL_ANON_PARSE_MAX_MENTIONS`` mentions (``truncated`` says when more were found).
    """
    anonymous_caller = is_anonymous(request)
    _check_text_size(payload.text, settings.KEJICAL_ANON_PARSE_MAX_CHARS if anonymous_caller else None)
    ref = payload.ref or timezone.localdate()
    mentions = extract(payload.text, ref)
    cap = settings.KEJICAL_ANON_PARSE_MAX_MENTIONS if anonymous_caller else len(mentions)
    body: dict = {"mentions": [m.to_dict() for m in mentions[:cap]]}
    if len(mentions) > cap:
        body["truncated"] = True
    return body


@router.post(
    "/articles",
    response={200: IngestOut, 201: IngestOut, **WRITE_ERRORS},
    auth=WRITE_AUTH,
    throttle=THROTTLES,
    tags=["articles"],
    summary="提交文章入库（需 API 令牌或管理员会话）",
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
    events = selectors.with_sources(Event.objects.filter(pk__in=[e.pk for e in result.events]), reposts=True)
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
