"""The NinjaAPI instance mounted at /api/, and the one JSON error shape every failure answers with.

Every error body is ``{"detail": [{"loc": [...], "msg": "...", "type": "..."}]}``: ``loc`` names the
field (``["query", "from"]``, ``["body", "text"]``) or is empty for errors about the whole request.
"""

from __future__ import annotations

import logging
from json import JSONDecodeError

from django.conf import settings
from django.core.exceptions import RequestDataTooBig, SuspiciousOperation, TooManyFieldsSent
from django.http import Http404, HttpRequest, HttpResponse
from ninja import NinjaAPI
from ninja.errors import AuthenticationError, HttpError, Throttled, ValidationError
from ninja.renderers import JSONRenderer

from events.api import router as events_router
from events.selectors import FilterError

logger = logging.getLogger("kejicalendar.api")


class ChineseJSONRenderer(JSONRenderer):
    """UTF-8 JSON with Chinese written as itself ("节会"), not as ``\\u8282\\u4f1a`` escapes."""

    media_type = "application/json"  # ninja adds "; charset=utf-8" itself
    json_dumps_params = {"ensure_ascii": False}


api = NinjaAPI(
    renderer=ChineseJSONRenderer(),
    title="科技日历 kejicalendar API",
    version="1.0.0",
    description=(
        "科技日历从本地新闻中找出带日期的科技活动（科技节、项目签约、培训、展览、揭牌等），"
        "以时间线、JSON 接口和 iCal 订阅发布。\n\n"
        "读取接口公开；`POST /api/articles` 需要 `Authorization: Bearer <token>` 或管理员会话。"
        '所有错误都返回 `{"detail": [{"loc", "msg", "type"}]}`，`loc` 指出出错的字段。'
    ),
    docs_url="/docs",
    openapi_url="/openapi.json",
    urls_namespace="api",
)
api.add_router("/", events_router)


def error_response(
    request: HttpRequest, status: int, msg: str, *, loc: list | None = None, kind: str = "error"
) -> HttpResponse:
    """A response in the one error shape."""
    return api.create_response(
        request, {"detail": [{"loc": loc or [], "msg": msg, "type": kind}]}, status=status
    )


def _clean_error(error: dict) -> dict:
    """ninja/pydantic error → our shape: drop ``input`` (it may echo megabytes back) and ``ctx``.

    ``loc`` names the field as the client sent it: ninja's ``["body", "payload", "ref"]`` (``payload``
    is the Python parameter's name) becomes ``["body", "ref"]``, as in the errors the operations raise.
    """
    loc = [part for part in error.get("loc", ()) if isinstance(part, str | int)]
    if loc[:2] == ["body", "payload"]:
        loc = ["body", *loc[2:]]
    msg = str(error.get("msg", "invalid")).removeprefix("Value error, ")  # pydantic's prefix for ValueError
    return {"loc": loc, "msg": msg, "type": str(error.get("type", "value_error"))}


@api.exception_handler(ValidationError)
def on_validation_error(request: HttpRequest, exc: ValidationError) -> HttpResponse:
    return api.create_response(request, {"detail": [_clean_error(e) for e in exc.errors]}, status=422)


@api.exception_handler(FilterError)
def on_filter_error(request: HttpRequest, exc: FilterError) -> HttpResponse:
    return error_response(request, 422, exc.message, loc=["query", exc.field], kind="value_error")


@api.exception_handler(RequestDataTooBig)
def on_too_big(request: HttpRequest, exc: RequestDataTooBig) -> HttpResponse:
    limit = settings.DATA_UPLOAD_MAX_MEMORY_SIZE
    return error_response(request, 413, f"request body over {limit} bytes", loc=["body"], kind="too_large")


@api.exception_handler(SuspiciousOperation)
def on_suspicious(request: HttpRequest, exc: SuspiciousOperation) -> HttpResponse:
    """Django's refusals of a malformed request (RequestDataTooBig has its own 413 above): a 400, as
    Django answers them outside the API, instead of the last-resort 500."""
    if isinstance(exc, TooManyFieldsSent):
        limit = settings.DATA_UPLOAD_MAX_NUMBER_FIELDS
        return error_response(request, 400, f"more than {limit} parameters", loc=["query"], kind="too_many")
    return error_response(request, 400, "bad request", kind="bad_request")


@api.exception_handler(AuthenticationError)
def on_unauthenticated(request: HttpRequest, exc: AuthenticationError) -> HttpResponse:
    response = error_response(
        request, 401, "an API token or a staff session is required", kind="unauthorized"
    )
    response["WWW-Authenticate"] = 'Bearer realm="kejicalendar"'
    return response


@api.exception_handler(Throttled)
def on_throttled(request: HttpRequest, exc: Throttled) -> HttpResponse:
    """429 in the one error shape; ninja adds ``Retry-After`` (whole seconds) to this response."""
    return error_response(request, 429, "too many requests; wait for Retry-After seconds", kind="throttled")


@api.exception_handler(HttpError)
def on_http_error(request: HttpRequest, exc: HttpError) -> HttpResponse:
    cause = exc.__cause__
    if exc.status_code == 400 and cause is not None and str(exc).startswith("Cannot parse request body"):
        # ninja wraps any body-parsing failure in HttpError(400) "Cannot parse request body".
        if isinstance(cause, JSONDecodeError):
            msg = f"malformed JSON body: {cause.msg} (character {cause.pos})"
        elif isinstance(cause, RecursionError):  # valid JSON, but nested deeper than Python's json reads
            msg = "request body is nested too deeply"
        else:
            msg = "request body is not valid JSON"
        return error_response(request, 400, msg, loc=["body"], kind="json_invalid")
    return error_response(request, exc.status_code, str(exc), kind="http_error")


@api.exception_handler(Http404)
def on_not_found(request: HttpRequest, exc: Http404) -> HttpResponse:
    return error_response(request, 404, "not found", kind="not_found")


@api.exception_handler(Exception)
def on_unexpected(request: HttpRequest, exc: Exception) -> HttpResponse:
    """Last resort: log the traceback, answer 500 in the error shape without leaking internals."""
    logger.exception("unhandled error in %s %s", request.method, request.path)
    return error_response(request, 500, "internal error", kind="server_error")
