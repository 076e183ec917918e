"""iCal feeds: ``build_calendar(events, *, site_url, uid_domain) -> bytes`` (no requests) and the views serving it.

What a feed holds, and why:

- Only dated events. By default, day-precision events spanning at most 14 days: a calendar shows
  every entry on a day, so a "2025年3月" or "“十四五”期间" event pinned to days would be a lie.
  ``?coarse=1`` (or a coarse ``precision=`` filter) adds month, season, half-year, year, period and
  vague events and long ranges, as all-day events over their whole span, and their SUMMARY says so:
  ``某事（2025年3月，整月）``, ``某事（2021—2025年“十四五”，期间）``. Undated events never appear, nor
  do events with a start and no end.
- The window: from 365 days ago (``from`` moves it) to the future; ``to`` closes it. At most
  ``MAX_FEED_EVENTS`` events and ``MAX_FEED_BYTES`` of events, newest first; the calendar's
  DESCRIPTION says when older events were left out. Some clients refuse feeds over 1 MB.
- Identity: ``UID`` is ``kejical-<Event.uid>@<domain>`` (a random id given at creation, never derived
  from title, date or text, so it survives re-ingestion and curation). The domain is stored once
  (``services.uid_domain``, from ``KEJICAL_SITE_URL``), never taken from the request's Host header,
  so a feed fetched as ``localhost`` and as ``127.0.0.1``, or through a proxy, gives the same UIDs; ``SEQUENCE`` is
  ``Event.sequence``; ``DTSTAMP`` = ``LAST-MODIFIED`` = ``Event.updated``, so equal events give equal bytes.
- Status: confirmed → CONFIRMED, automatic → TENTATIVE. A hidden (or merged-away) event stays for 30
  days after it was hidden as CANCELLED; hiding bumps SEQUENCE (``services.hide_events``), so
  subscribed calendars drop it instead of keeping a ghost.
- Dates: all-day events are ``VALUE=DATE`` with an exclusive DTEND (2024-03-11 → DTEND 20240312);
  an event ending on 9999-12-31, which has no next day, gives its DURATION instead.
  An event with a time starts at that time in ``TZID=Asia/Shanghai`` (with its VTIMEZONE) and ends
  at its end time on its last day when the text gave one (``Event.end_time``: "9:00-17:00",
  "…12月19日下午5时闭幕"). Without one, a one-day timed event has no DTEND (it ends when it starts,
  RFC 5545 3.6.1) and a timed multi-day event ends at midnight after its last day.
- Links (event and article pages) start with ``KEJICAL_SITE_URL``; only when it is unset
  (development) do they follow the request, whose scheme honours ``SECURE_PROXY_SSL_HEADER``.
- URLs: the same filters as the JSON API as query parameters; ``kind`` lives in the path
  (``/calendar/signing.ics``). Non-canonical spellings (order, blanks, unknown parameters, ``?kind=``
  on ``/calendar.ics``) get a 301 to the one canonical URL.
- HTTP: strong ETag (body hash), Last-Modified (newest event in the feed), 304 on a match; the body is
  rendered once per change of any event or article (Django cache) and per day (the window moves).
"""

from __future__ import annotations

import gzip
import hashlib
import re
from collections.abc import Callable, Iterable, Iterator, Mapping
from dataclasses import dataclass
from datetime import date, datetime, timedelta
from functools import lru_cache
from urllib.parse import urlencode

import icalendar
from django.conf import settings
from django.http import Http404, HttpRequest, HttpResponse, HttpResponsePermanentRedirect
from django.urls import reverse
from django.utils import timezone
from django.utils.cache import get_conditional_response, patch_cache_control, patch_vary_headers
from django.utils.http import http_date
from django.views.decorators.http import require_safe

from events import selectors, services
from events.models import Event
from events.publishing import ical
from events.publishing.feed_text import (
    calendar_name,
    event_categories,
    event_description,
    event_summary,
    feed_description,
)
from events.publishing.times import local_end

PRODID = "-//kejicalendar//科技日历 1.0//ZH"
FEED_TZ = "Asia/Shanghai"
MAX_FEED_EVENTS = 2000
MAX_FEED_BYTES = 800_000  # events only; the header and VTIMEZONE add about 2 KB
FEED_CHUNK = 200  # events read (with their evidence) at a time while a feed is built
DAY = timedelta(days=1)
TRUE_WORDS = frozenset({"1", "true", "yes", "on"})
FALSE_WORDS = frozenset({"0", "false", "no", "off"})

STATUS_WORDS = {
    Event.Status.CONFIRMED: "CONFIRMED",
    Event.Status.AUTO: "TENTATIVE",
    Event.Status.HIDDEN: "CANCELLED",
}


@dataclass(frozen=True)
class FeedQuery:
    """What one feed URL asks for: the shared filters plus whether coarse events come in."""

    filters: selectors.EventFilters
    coarse: bool = False


def parse_feed_query(
    params: Mapping[str, str], *, kind: str | None = None, adcode: str | None = None
) -> FeedQuery:
    """Validate a feed's query parameters; ``kind`` or a region's ``adcode`` may come from the path.

    Raises ``FilterError``.
    """
    if kind is not None and (params.get("kind") or "").strip() not in ("", kind):
        raise selectors.FilterError("kind", "the kind is in the path; leave the kind parameter out")
    values = {**{k: params.get(k) for k in params}, "kind": kind or params.get("kind")}
    if adcode is not None:
        level = selectors.region_level(adcode)
        if any((params.get(name) or "").strip() for name in selectors.REGION_PARAMS):
            raise selectors.FilterError(
                level, "the region is in the path; leave province, city and county out"
            )
        values[level] = adcode
    filters = selectors.parse_filters(values)
    raw = (params.get("coarse") or "").strip().lower()
    if raw and raw not in TRUE_WORDS | FALSE_WORDS:
        raise selectors.FilterError("coarse", "use coarse=1 to include month, season, year and period events")
    # A coarse precision filter already brings coarse events in; coarse=1 beside it would only
    # make a second URL for the same feed.
    coarse = raw in TRUE_WORDS and filters.precision not in selectors.COARSE_PRECISIONS
    return FeedQuery(filters=filters, coarse=coarse)


def feed_path(query: FeedQuery) -> str:
    """The canonical path and query string for ``query``: kind in the path, other filters in order."""
    params = selectors.filters_to_params(query.filters)
    kind = params.pop("kind", None)
    if query.coarse:
        params["coarse"] = "1"
    regions = [name for name in selectors.REGION_PARAMS if name in params]
    if kind:
        path = reverse("calendar-kind", kwargs={"kind": kind})
    elif len(regions) == 1:  # one region and no kind: the region's own feed
        path = reverse("calendar-region", kwargs={"adcode": params.pop(regions[0])})
    else:
        path = reverse("calendar")
    return f"{path}?{urlencode(params)}" if params else path


def _date_lines(event: Event | selectors.FeedEvent) -> list[bytes]:
    """All-day with an exclusive DTEND, or a local time in Asia/Shanghai (see the module docstring).

    An event ending on 9999-12-31 has no day after it to be its exclusive DTEND (iCalendar years
    have four digits, and so do Python's), so it says how long it lasts with DURATION instead.
    """
    start = event.start
    if event.time is None:
        if event.end == date.max:
            return [ical.date_line("DTSTART", start), ical.duration_line("DURATION", event.end - start + DAY)]
        return [ical.date_line("DTSTART", start), ical.date_line("DTEND", event.end + DAY)]
    lines = [ical.local_line("DTSTART", datetime.combine(start, event.time), FEED_TZ)]
    end = local_end(event)
    if end is not None:  # "9:00-17:00", "…12月19日下午5时闭幕": the end the text gives
        lines.append(ical.local_line("DTEND", end, FEED_TZ))
    elif event.end > start:
        # Until midnight after the last day; worked out as a length so 9999-12-31 cannot overflow.
        length = event.end - start + DAY - timedelta(hours=event.time.hour, minutes=event.time.minute)
        if event.end == date.max:
            lines.append(ical.duration_line("DURATION", length))
        else:
            lines.append(ical.local_line("DTEND", datetime.combine(start, event.time) + length, FEED_TZ))
    return lines


# Lines every VEVENT ends with but its URL, and STATUS by status: written once, not per event.
TRANSPARENT = ical.raw_line("TRANSP", "TRANSPARENT")  # news events never make the subscriber look busy
STATUS_LINES = {status: ical.raw_line("STATUS", word) for status, word in STATUS_WORDS.items()}
TENTATIVE_LINE = ical.raw_line("STATUS", "TENTATIVE")


def build_event(
    event: Event | selectors.FeedEvent,
    *,
    uid_domain: str,
    url: str,
    article_page: Callable[[int], str] | None = None,
) -> bytes:
    """One VEVENT as bytes, from a ``FeedEvent`` or an ``Event`` with its evidence prefetched (``selectors.with_sources``).

    ``url`` is the event page's absolute URL. DTSTAMP is the last change, not the time of writing,
    so the same event always gives the same bytes.
    """
    stamp = ical.utc_value(event.updated)  # whole seconds: DTSTAMP and LAST-MODIFIED
    # icalendar's own property order (RFC 5545 examples first, then by name), so that icalendar
    # re-serialises a parsed feed to exactly these bytes (tests/test_feeds.py checks it).
    lines = [
        b"BEGIN:VEVENT\r\n",
        ical.text_line("SUMMARY", event_summary(event)),
        *_date_lines(event),
        b"DTSTAMP:" + stamp,
        ical.text_line("UID", f"kejical-{event.uid}@{uid_domain}"),
        b"SEQUENCE:%d\r\n" % event.sequence,
        ical.list_line("CATEGORIES", event_categories(event)),
        ical.text_line("DESCRIPTION", event_description(event, article_page=article_page)),
        b"LAST-MODIFIED:" + stamp,
    ]
    if event.place:
        lines.append(ical.text_line("LOCATION", event.place))
    lines += [
        STATUS_LINES.get(event.status, TENTATIVE_LINE),
        TRANSPARENT,
        ical.raw_line("URL", url),
        b"END:VEVENT\r\n",
    ]
    return b"".join(lines)


@lru_cache(maxsize=1)
def _vtimezone() -> bytes:
    return icalendar.Timezone.from_tzid(FEED_TZ).to_ical()


def _header(*, name: str, description: str) -> icalendar.Calendar:
    cal = icalendar.Calendar()
    cal.add("prodid", PRODID)
    cal.add("version", "2.0")
    cal.add("calscale", "GREGORIAN")
    cal.add("method", "PUBLISH")
    # icalendar writes NAME and the X-WR- properties as they come (it does not know them as TEXT):
    # typed as TEXT, a "," or ";" from a filter is escaped as RFC 7986 wants.
    cal.add("name", icalendar.vText(name))
    cal.add("x-wr-calname", icalendar.vText(name))
    cal.add("description", description)
    cal.add("x-wr-caldesc", icalendar.vText(description))
    cal.add("x-wr-timezone", FEED_TZ)
    cal.add("refresh-interval", timedelta(hours=6), parameters={"VALUE": "DURATION"})
    cal.add("x-published-ttl", icalendar.vDuration(timedelta(hours=6)))  # an X- property: typed by hand
    return cal


def build_calendar(
    events: Iterable[Event],
    *,
    site_url: str,
    uid_domain: str,
    name: str = "科技日历",
    description: str = "科技日历：本地新闻中的科技活动",
) -> bytes:
    """The iCalendar bytes (UTF-8, CRLF, folded by octets) for ``events``, in the order given.

    Stops before ``MAX_FEED_EVENTS`` events or ``MAX_FEED_BYTES`` of events, whichever comes
    first, and then says so in DESCRIPTION (pass newest first). Same events, same bytes.
    ``site_url`` (``https://host``) starts every link; ``uid_domain`` ends every UID.
    """
    # reverse() once, not per event: the event page URL is a prefix, the uid and a suffix.
    url_prefix, url_suffix = f"{site_url}{reverse('event', kwargs={'uid': '~'})}".split("~")
    article_path, article_suffix = reverse("article", kwargs={"pk": 0}).rsplit("0", 1)
    article_prefix = f"{site_url}{article_path}"
    chunks: list[bytes] = []
    size = 0
    timed = False
    truncated = False
    for event in events:
        chunk = build_event(
            event,
            uid_domain=uid_domain,
            url=url_prefix + event.uid + url_suffix,
            article_page=lambda pk: f"{article_prefix}{pk}{article_suffix}",
        )
        if len(chunks) >= MAX_FEED_EVENTS or size + len(chunk) > MAX_FEED_BYTES:
            truncated = True
            break
        chunks.append(chunk)
        size += len(chunk)
        timed = timed or event.time is not None
    if truncated:
        description += f"（为控制大小，只含最新的{len(chunks)}个事件；更早的事件可用 from、to 参数选取）"
    head = _header(name=name, description=description).to_ical()
    end = b"END:VCALENDAR\r\n"
    assert head.endswith(end)
    # The events are serialised once each (to measure them) and spliced in rather than serialised again.
    return head[: -len(end)] + (_vtimezone() if timed else b"") + b"".join(chunks) + end


@dataclass(frozen=True)
class RenderedFeed:
    """A rendered feed with its validators, cached together so a 304 never hashes the body."""

    body: bytes
    etag: str  # strong: a hash of the exact bytes
    last_modified: int | None  # newest event change in the feed, as a Unix time


def _render(query: FeedQuery, *, site_url: str, today: date, now: datetime) -> RenderedFeed:
    events = selectors.feed_events(
        selectors.calendar_events(
            filters=query.filters, coarse=query.coarse, today=today, now=now, limit=MAX_FEED_EVENTS + 1
        ),
        chunk=FEED_CHUNK,
    )
    changes: list[datetime] = []

    def noting_changes(events: Iterable[selectors.FeedEvent]) -> Iterator[selectors.FeedEvent]:
        for event in events:
            changes.append(event.updated)
            yield event

    # Read in chunks, each with its evidence, and only as far as build_calendar goes: the byte limit
    # usually stops it near 1,100 events of the 2,001 asked for, and what it never reads is never fetched.
    body = build_calendar(
        noting_changes(events),
        site_url=site_url,
        uid_domain=services.uid_domain(),
        name=calendar_name(query.filters, coarse=query.coarse),
        description=feed_description(
            coarse=query.coarse, precision=query.filters.precision, date_from=query.filters.date_from
        ),
    )
    # The event build_calendar read but had no room for is not in the feed.
    newest = max(changes[: body.count(b"BEGIN:VEVENT")], default=None)
    return RenderedFeed(
        body=body,
        etag='"' + hashlib.sha256(body).hexdigest()[:40] + '"',
        last_modified=int(newest.timestamp()) if newest else None,
    )


def site_base(request: HttpRequest) -> str:
    """``KEJICAL_SITE_URL``, or (unset, in development) the request's own scheme and host."""
    return settings.KEJICAL_SITE_URL or request.build_absolute_uri("/").rstrip("/")


def cached_feed(query: FeedQuery, *, site_url: str, compressed: bool = False) -> RenderedFeed:
    """The feed, rendered at most once per change of the data and per day (the window moves daily).

    ``compressed``: the same feed gzipped, with its own strong ETag, compressed once per version on
    the first request that accepts it. Calendar clients (Google, Apple, Outlook, Thunderbird) send
    ``Accept-Encoding: gzip`` and poll often; an 800 KB feed is ~90 KB gzipped (level 6, ~8 ms once).
    Not Django's GZipMiddleware: it would compress the same bytes again on every request.
    """
    now = timezone.now()
    today = timezone.localdate(now)
    parts = (feed_path(query), site_url, today.isoformat())

    def plain() -> RenderedFeed:
        return _render(query, site_url=site_url, today=today, now=now)

    if not compressed:
        return selectors.cached_until_change("feed", parts, plain)

    def squeeze() -> RenderedFeed:
        feed = selectors.cached_until_change("feed", parts, plain)
        return RenderedFeed(
            body=gzip.compress(feed.body, compresslevel=6, mtime=0),
            etag=feed.etag[:-1] + '-gzip"',
            last_modified=feed.last_modified,
        )

    return selectors.cached_until_change("feed-gzip", parts, squeeze)


ACCEPTS_GZIP = re.compile(r"\bgzip\b")  # as Django's GZipMiddleware reads Accept-Encoding


def bad_request(error: selectors.FilterError) -> HttpResponse:
    return HttpResponse(
        f"{error.field}: {error.message}\n", status=400, content_type="text/plain; charset=utf-8"
    )


@require_safe
def calendar_feed(request: HttpRequest, kind: str | None = None, adcode: str | None = None) -> HttpResponse:
    """Serve a feed: redirect to the canonical URL, then answer 304 or the cached body."""
    if kind is not None and kind not in Event.Kind.values:
        raise Http404("unknown kind")
    if adcode is not None and not (len(adcode) == 6 and adcode.isascii() and adcode.isdigit()):
        raise Http404("not an adcode")
    try:
        query = parse_feed_query(request.GET, kind=kind, adcode=adcode)
    except selectors.FilterError as error:
        return bad_request(error)
    canonical = feed_path(query)
    if request.get_full_path() != canonical:
        return HttpResponsePermanentRedirect(canonical)
    compressed = bool(ACCEPTS_GZIP.search(request.headers.get("Accept-Encoding", "")))
    feed = cached_feed(query, site_url=site_base(request), compressed=compressed)
    response = get_conditional_response(request, etag=feed.etag, last_modified=feed.last_modified)
    if response is None:
        response = HttpResponse(feed.body, content_type="text/calendar; charset=utf-8")
        response["Content-Disposition"] = 'inline; filename="kejicalendar.ics"'
        if compressed:
            response["Content-Encoding"] = "gzip"
    response["ETag"] = feed.etag
    patch_vary_headers(response, ("Accept-Encoding",))
    if feed.last_modified is not None:
        response["Last-Modified"] = http_date(feed.last_modified)
    patch_cache_control(response, public=True, max_age=3600)
    return response


@require_safe
def event_calendar(request: HttpRequest, uid: str) -> HttpResponse:
    """One event as an .ics file to download ("加入日历"); 404 when unknown, hidden or undated."""
    event = selectors.find_event(uid=uid)
    if event is None or not event.visible or event.start is None or event.end is None:
        raise Http404("no such event")
    body = build_calendar(
        selectors.with_sources(Event.objects.filter(pk=event.pk)),
        site_url=site_base(request),
        uid_domain=services.uid_domain(),
        name=f"科技日历 · {event.title}",
        description="科技日历：单个事件",
    )
    response = HttpResponse(body, content_type="text/calendar; charset=utf-8")
    response["Content-Disposition"] = f'attachment; filename="event-{event.uid}.ics"'
    return response
