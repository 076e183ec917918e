"""API throttles (django-ninja's): anonymous callers by address, token holders per token, rates from settings.

``KEJICAL_THROTTLE_ANON`` and ``KEJICAL_THROTTLE_TOKEN`` are ninja rate strings ("30/min"); empty
turns a throttle off. They are read at each request rather than when this module is imported, so a
changed setting (and a test's ``settings`` fixture) takes effect at once. A throttled request is
answered 429 with ``Retry-After`` (ninja adds it) in the API's one error shape. The counts live
in Django's cache: shared between processes only when ``CACHE_URL`` points at Redis.
"""

from __future__ import annotations

from django.conf import settings
from django.http import HttpRequest
from ninja.throttling import SimpleRateThrottle

# What ``request.auth`` holds for a caller without a token or staff session on operations open to everyone.
ANONYMOUS = "anonymous"


def is_anonymous(request: HttpRequest) -> bool:
    return getattr(request, "auth", ANONYMOUS) == ANONYMOUS


class SettingRateThrottle(SimpleRateThrottle):
    """A ninja rate throttle whose rate is the setting ``setting``, read at each request."""

    setting = ""

    def __init__(self) -> None:  # the rate is read per request, not here
        self.rate, self.num_requests, self.duration = None, None, None

    def allow_request(self, request: HttpRequest) -> bool:
        self.rate = getattr(settings, self.setting, "") or None
        if self.rate is None:
            return True
        self.num_requests, self.duration = self.parse_rate(self.rate)
        return super().allow_request(request)


class AnonymousThrottle(SettingRateThrottle):
    """Callers without a token or staff session, counted by address (ninja's ``NUM_PROXIES`` rule)."""

    scope = "kejical-anon"
    setting = "KEJICAL_THROTTLE_ANON"

    def get_cache_key(self, request: HttpRequest) -> str | None:
        if not is_anonymous(request):
            return None
        return self.cache_format % {"scope": self.scope, "ident": self.get_ident(request)}


class TokenThrottle(SettingRateThrottle):
    """Token holders and staff sessions, each counted on its own (``request.auth`` names the caller)."""

    scope = "kejical-token"
    setting = "KEJICAL_THROTTLE_TOKEN"

    def get_cache_key(self, request: HttpRequest) -> str | None:
        if is_anonymous(request):
            return None
        return self.cache_format % {"scope": self.scope, "ident": str(request.auth)}


THROTTLES = [AnonymousThrottle(), TokenThrottle()]
