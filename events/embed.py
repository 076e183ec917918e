"""The embeddable list, ``/embed/?…filters…``: for an ``<iframe>`` on a county or bureau website.

No JavaScript and no site chrome: a compact list of the upcoming events matching the timeline's
filters (the most recent ones when nothing is upcoming), each linking to its full page in a new tab
(``target="_blank"``: inside a frame, a link would otherwise open in the small frame). Framing is
allowed from any site (no ``X-Frame-Options``; CSP ``frame-ancestors *``): the page holds no
form, no session and nothing a click-jacker could make a visitor do.
"""

from __future__ import annotations

from datetime import date
from urllib.parse import urlencode

from csp.decorators import csp_replace
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.urls import reverse
from django.utils import timezone
from django.views.decorators.clickjacking import xframe_options_exempt

from events.feeds import site_base
from events.selectors import filters_to_params, timeline_events, upcoming_events
from events.views import cached_page, event_line, read_timeline_filters

EMBED_EVENTS = 10


@xframe_options_exempt
@csp_replace({"frame-ancestors": ["*"]})  # the rest of the site's policy stays as it is
def embed(request: HttpRequest) -> HttpResponse:
    """Made once per URL, host, data version and day (what is upcoming moves with the date)."""
    today = timezone.localdate()
    return cached_page(request, f"embed-{today.isoformat()}", lambda: _embed(request, today=today))


def _embed(request: HttpRequest, *, today: date) -> HttpResponse:
    filters, error = read_timeline_filters(request.GET)
    events = upcoming_events(filters=filters, today=today, limit=EMBED_EVENTS)
    upcoming = bool(events)
    if not upcoming:
        events = list(timeline_events(filters=filters)[:EMBED_EVENTS])
    params = filters_to_params(filters)
    site = site_base(request)  # KEJICAL_SITE_URL in production, never the Host header
    rows = [
        {
            **event_line(event, published=None),
            "href": site + reverse("event", args=[event.uid]),
        }
        for event in events
    ]
    context = {
        "rows": rows,
        "upcoming": upcoming,
        "error": error,
        "more": site + reverse("timeline") + (f"?{urlencode(params)}" if params else ""),
    }
    return render(request, "events/embed.html", context)
