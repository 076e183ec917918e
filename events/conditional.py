"""HTTP validators (ETag, Last-Modified) and 304s for answers made only from the stored data and the URL.

Between two writes such an answer does not change, so its ETag is a hash of the data version and of
what else the answer depends on (path and query, host, the day when a window moves), not of the
body: a conditional GET that matches costs the one query reading the version and renders nothing.
Any write moves the version (database triggers, ``selectors.caching``), so every ETag changes with it.

Readings chosen:

* The ETag is weak (``W/"…"``): it names the answer for one data version, and a body rendered again
  after the cache lost it need not be byte for byte the same.
* ``Last-Modified`` is when this site first served the version (kept in the cache beside it). It is
  sent, but a request carrying only ``If-Modified-Since`` gets the full answer: HTTP dates count
  whole seconds, and two writes in one second would otherwise leave a reader with the older page.
  The ETag tells every write apart. (RFC 9110 13.1.3 lets a server ignore If-Modified-Since.)
* ``Cache-Control: no-cache``: clients may keep the answer but must ask again, which is a 304 when
  nothing was written.
"""

from __future__ import annotations

import hashlib
import time
from collections.abc import Callable
from dataclasses import dataclass

from django.core.cache import cache
from django.http import HttpRequest, HttpResponse
from django.utils.cache import get_conditional_response, patch_cache_control
from django.utils.http import http_date

from events.selectors import data_version, same_version
from events.selectors.caching import CACHE_SECONDS


@dataclass(frozen=True)
class Validators:
    """The ETag and Last-Modified (Unix seconds) of one answer at one data version."""

    etag: str
    last_modified: int


def version_validators(name: str, parts: tuple) -> Validators:
    """The validators of the answer ``name`` for ``parts`` (their ``repr`` is hashed) at the current data version.

    Read the version before the data the answer shows, as this does: the answer is then at least
    as new as its ETag says.
    """
    version = data_version()
    digest = hashlib.sha256(f"{name}|{parts!r}|{version}".encode()).hexdigest()[:32]
    return Validators(etag=f'W/"{digest}"', last_modified=_first_served(version))


def _first_served(version: str) -> int:
    key = f"kejical:version-seen:{version}"
    seen = cache.get(key)
    if seen is None:
        cache.add(key, int(time.time()), timeout=CACHE_SECONDS)  # the first process to get here wins
        seen = cache.get(key) or int(time.time())
    return seen


def not_modified(request: HttpRequest, validators: Validators) -> HttpResponse | None:
    """A 304 (412 for an unsafe method) when the request's If-None-Match matches, else None."""
    response = get_conditional_response(request, etag=validators.etag)
    if response is not None:
        add_validators(response, validators)
    return response


def add_validators(response: HttpResponse, validators: Validators) -> HttpResponse:
    """Set ETag, Last-Modified and ``Cache-Control: no-cache`` on a 200 or 304; other answers are left alone."""
    if response.status_code in (200, 304):
        response["ETag"] = validators.etag
        response["Last-Modified"] = http_date(validators.last_modified)
        patch_cache_control(response, no_cache=True)
    return response


def answer_conditionally(
    request: HttpRequest, name: str, parts: tuple, respond: Callable[[], HttpResponse]
) -> HttpResponse:
    """304 when the client holds the answer ``name`` for ``parts`` at this data version, else ``respond()``.

    The version is read once and pinned (``same_version``) for ``respond``, so caches inside it
    key on the version the ETag names.
    """
    with same_version():
        validators = version_validators(name, parts)
        response = not_modified(request, validators)
        if response is None:
            response = add_validators(respond(), validators)
    return response
