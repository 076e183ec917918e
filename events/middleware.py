"""Public endpoints: CORS for the JSON API and the iCal feeds, and JSON bodies for the API's routing errors."""

from __future__ import annotations

import json
from collections.abc import Callable

from django.http import HttpRequest, HttpResponse

ALLOW_METHODS = "GET, HEAD, POST, OPTIONS"
ALLOW_HEADERS = "Authorization, Content-Type, If-None-Match, If-Modified-Since"
EXPOSE_HEADERS = "ETag, Last-Modified, Content-Disposition"
ROUTING_ERRORS = {404: ("not found", "not_found"), 405: ("method not allowed", "method_not_allowed")}


def is_public_path(path: str) -> bool:
    """The API under /api/ and every .ics feed."""
    return path.startswith("/api/") or path.endswith(".ics")


def _json_routing_error(response: HttpResponse) -> HttpResponse:
    """Django's HTML 404/405 for a path the API has no route for, rewritten in the API's error shape."""
    msg, kind = ROUTING_ERRORS[response.status_code]
    body = {"detail": [{"loc": [], "msg": msg, "type": kind}]}
    replacement = HttpResponse(json.dumps(body), status=response.status_code, content_type="application/json")
    if response.has_header("Allow"):
        replacement["Allow"] = response["Allow"]
    return replacement


class PublicCorsMiddleware:
    """``Access-Control-Allow-Origin: *`` on public paths, and an answer to their preflight requests.

    No ``Allow-Credentials``: browsers never send cookies cross-origin with ``*``, so a staff session
    cannot be used from another site; API tokens in ``Authorization`` can. Under /api/, a 404 or 405
    that routing produced as HTML (an unknown path, a wrong method) is answered as JSON instead, so
    every API error has the one shape (``kejicalendar/api.py``).
    """

    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def _head_as_get(self, request: HttpRequest) -> HttpResponse:
        """django-ninja routes GET only; HEAD is answered as the GET would be, headers only (RFC 9110 9.3.2)."""
        request.method = "GET"
        try:
            response = self.get_response(request)
        finally:
            request.method = "HEAD"
        if not response.streaming:
            response["Content-Length"] = str(len(response.content))
            response.content = b""
        return response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        if not is_public_path(request.path):
            return self.get_response(request)
        if request.method == "OPTIONS" and "HTTP_ACCESS_CONTROL_REQUEST_METHOD" in request.META:
            response = HttpResponse(status=204)
            response["Access-Control-Allow-Methods"] = ALLOW_METHODS
            response["Access-Control-Allow-Headers"] = ALLOW_HEADERS
            response["Access-Control-Max-Age"] = "86400"
        elif request.method == "HEAD" and request.path.startswith("/api/"):
            response = self._head_as_get(request)
        else:
            response = self.get_response(request)
        if (
            request.path.startswith("/api/")
            and response.status_code in ROUTING_ERRORS
            and not response.get("Content-Type", "").startswith("application/json")
        ):
            response = _json_routing_error(response)
        response["Access-Control-Allow-Origin"] = "*"
        response["Access-Control-Expose-Headers"] = EXPOSE_HEADERS
        return response
