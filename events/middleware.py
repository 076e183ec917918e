"""CORS for public data: the JSON API and the iCal feeds may be read from any origin."""

from __future__ import annotations

from collections.abc import Callable

from django.http import HttpRequest, HttpResponse

ALLOW_METHODS = "GET, HEAD, POST, OPTIONS"
ALLOW_HEADERS = "Authorization, Content-Type, If-None-Match, If-Modified-Since"
EXPOSE_HEADERS = "ETag, Last-Modified, Content-Disposition"


def is_public_path(path: str) -> bool:
    """The API under /api/ and every .ics feed."""
    return path.startswith("/api/") or path.endswith(".ics")


class PublicCorsMiddleware:
    """``Access-Control-Allow-Origin: *`` on public paths, and an answer to their preflight requests.

    No ``Allow-Credentials``: browsers never send cookies cross-origin with ``*``, so a staff session
    cannot be used from another site; API tokens in ``Authorization`` can.
    """

    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        if not is_public_path(request.path):
            return self.get_response(request)
        if request.method == "OPTIONS" and "HTTP_ACCESS_CONTROL_REQUEST_METHOD" in request.META:
            response = HttpResponse(status=204)
            response["Access-Control-Allow-Methods"] = ALLOW_METHODS
            response["Access-Control-Allow-Headers"] = ALLOW_HEADERS
            response["Access-Control-Max-Age"] = "86400"
        else:
            response = self.get_response(request)
        response["Access-Control-Allow-Origin"] = "*"
        response["Access-Control-Expose-Headers"] = EXPOSE_HEADERS
        return response
