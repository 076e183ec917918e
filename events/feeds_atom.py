"""The Atom feed view, ``/feeds/events.atom``: new and changed events with the timeline's filters.

Thin edge: parse the filters (the same ``parse_filters`` as the timeline, API and calendars),
redirect other spellings to the canonical URL, read ``selectors.changed_events`` and write with
``publishing.atom.build_atom``. The body is cached until the data changes, like the calendars.
"""

from __future__ import annotations

from urllib.parse import urlencode

from django.http import HttpRequest, HttpResponse, HttpResponsePermanentRedirect
from django.urls import reverse
from django.utils import timezone
from django.utils.cache import patch_cache_control
from django.views.decorators.http import require_safe

from events import selectors, services
from events.feeds import bad_request, site_base
from events.publishing.atom import build_atom
from events.publishing.feed_text import calendar_name

MAX_ATOM_ENTRIES = 100


def atom_path(filters: selectors.EventFilters) -> str:
    """The canonical path and query string of the Atom feed for ``filters``."""
    params = selectors.filters_to_params(filters)
    path = reverse("atom")
    return f"{path}?{urlencode(params)}" if params else path


@require_safe
def atom_feed(request: HttpRequest) -> HttpResponse:
    try:
        filters = selectors.parse_filters(request.GET)
    except selectors.FilterError as error:
        return bad_request(error)
    canonical = atom_path(filters)
    if request.get_full_path() != canonical:
        return HttpResponsePermanentRedirect(canonical)
    site = site_base(request)  # KEJICAL_SITE_URL in production, never the Host header
    host = services.uid_domain()

    def render() -> bytes:
        events = selectors.changed_events(filters=filters, now=timezone.now(), limit=MAX_ATOM_ENTRIES)
        return build_atom(
            events,
            title=calendar_name(filters, coarse=True).replace("科技日历", "科技日历 · 新增与变动", 1),
            host=host,
            site_url=site + "/",
            feed_url=site + canonical,
            event_url=lambda e: site + reverse("event", args=[e.uid]),
            article_page=lambda pk: site + reverse("article", args=[pk]),
        )

    body = selectors.cached_until_change("atom", (canonical, site, host), render)
    response = HttpResponse(body, content_type="application/atom+xml; charset=utf-8")
    patch_cache_control(response, public=True, max_age=3600)
    return response
