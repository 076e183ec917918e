"""HTML pages: the timeline (`/`), one event (`/events/<uid>/`) and one article with its marks (`/articles/<pk>/`).

Readings chosen:

* Undated events are not on the timeline; the last page lists up to 20 of them in a small
  "未注明日期" box, so they are findable without pretending to a date.
* Hidden events are 404 for everyone (curators use the admin); a merged event's page
  redirects to the event it was merged into.
* ``year`` is a timeline-only filter: it fills ``from``/``to`` with that year when they are empty.
  The feed link carries the resulting ``from``/``to``, so it matches what the page shows.
* The 订阅日历 links point at the feed's one canonical URL for the current filters (``kind`` in
  the path). The default feed holds day-precision events only (see ``events/feeds.py``); a second
  link adds the coarse ones the timeline also shows.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import replace
from datetime import date, timedelta
from typing import NamedTuple
from urllib.parse import quote, urlencode

from django.core.paginator import Paginator
from django.http import Http404, HttpRequest, HttpResponse, QueryDict
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils import timezone

from events.conditional import answer_conditionally
from events.feeds import FeedQuery, feed_path, site_base
from events.models import Article, Event, Evidence
from events.publishing.charts import density_chart
from events.publishing.display import event_date_label, kind_badge, quoted
from events.publishing.figure_text import format_figures
from events.publishing.highlight import (
    EvidenceMark,
    MentionMark,
    collapse_line_breaks,
    highlight_text,
    join_wrapped_lines,
)
from events.publishing.jsonld import event_json_ld, json_ld_script
from events.publishing.share import google_calendar_link
from events.selectors import (
    FILTER_PARAMS,
    EventFilters,
    FilterError,
    article_mentions,
    article_outlet,
    cached_until_change,
    event_figures,
    event_organizers,
    event_years,
    filters_to_params,
    find_article,
    find_event,
    group_by_month,
    month_density,
    parse_filters,
    region_facet,
    region_level,
    region_name,
    region_overview,
    reporting_outlets,
    series_editions,
    timeline_page,
    undated_events,
    upcoming_events,
)
from events.selectors.events import FEED_WINDOW_DAYS

PAGE_SIZE = 50
UPCOMING = 5  # events in the timeline's "即将举行" box
# How much evidence a page quotes. A timeline card quotes one sentence and links to the event
# ("另有N处出处"); an event page quotes up to PAGE_EVIDENCE and lists every source article. A quoted
# sentence longer than EVIDENCE_CHARS is cut with "…" (the article page shows it whole).
CARD_EVIDENCE = 1
PAGE_EVIDENCE = 30
EVIDENCE_CHARS = 400
# A long article page shows its text in parts of this many characters (?part=2). The parts are cut at
# fixed offsets, not at paragraph ends, so a link to a piece of evidence knows its part from the
# evidence's offset alone, without reading the text.
ARTICLE_PART_CHARS = 20_000
GOOGLE_ADD_BY_URL = "https://calendar.google.com/calendar/r?cid="


def cached_page(request: HttpRequest, name: str, render: Callable[[], HttpResponse]) -> HttpResponse:
    """``render()``'s status, body and redirect target, made once per URL, host and data version.

    For pages that show stored data and nothing else (no user, no clock, no cookies set), so a
    reader between two writes gets the stored bytes, and a reader holding its ETag a 304 without
    even those (``events.conditional``). An Http404 from ``render`` is not stored.
    """
    parts = (request.get_full_path(), request.scheme, request.get_host())

    def freeze() -> tuple[int, bytes, str | None]:
        response = render()
        return response.status_code, response.content, response.get("Location")

    def respond() -> HttpResponse:
        status, body, location = cached_until_change(name, parts, freeze)
        response = HttpResponse(body, status=status)
        if location is not None:
            response["Location"] = location
        return response

    return answer_conditionally(request, name, parts, respond)


def read_timeline_filters(params: QueryDict) -> tuple[EventFilters, FilterError | None]:
    """The filters in ``params`` (plus the page's ``year``); on a bad value, no filters and the error."""
    values = {name: params.get(name, "") for name in FILTER_PARAMS}
    year = params.get("year", "").strip()
    if year:
        if not (year.isascii() and year.isdigit() and len(year) == 4):
            return EventFilters(), FilterError("year", f"expected a year YYYY, got {year!r}")
        values["from"] = values["from"].strip() or year
        values["to"] = values["to"].strip() or year
    try:
        return parse_filters(values), None
    except FilterError as error:
        return EventFilters(), error


def _time_datetime(event: Event) -> str:
    """The ``<time datetime>`` value at the event's precision (2024, 2024-03 or 2024-03-11)."""
    if event.precision == Event.Precision.MONTH:
        return event.start.isoformat()[:7]  # not strftime: its %Y writes the year 5 as "5"
    if event.precision in (Event.Precision.DAY, Event.Precision.SEASON):
        return event.start.isoformat()
    return f"{event.start.year:04d}"


def _quote(sentence: str) -> str:
    """An evidence sentence on one line, cut at ``EVIDENCE_CHARS`` with "…"."""
    cut = len(sentence) > EVIDENCE_CHARS
    return collapse_line_breaks(sentence[:EVIDENCE_CHARS]) + ("…" if cut else "")


class PagePaths(NamedTuple):
    """The paths cards link to, each made by one ``reverse()`` per page instead of several per card.

    ``reverse()`` of the path with a placeholder argument, cut around it: right for the arguments
    these pages take (hex uids, integer ids), which reverse() would leave unquoted anyway.
    """

    event: Callable[[str], str]
    event_ics: Callable[[str], str]
    article: Callable[[int], str]

    @classmethod
    def now(cls) -> PagePaths:
        """The paths under the current script prefix (it is per request: made once per page, not kept)."""
        return cls(_path_around("event", "~"), _path_around("event-ics", "~"), _path_around("article", 0))


def _path_around(name: str, placeholder: str | int) -> Callable[[str | int], str]:
    before, after = reverse(name, args=[placeholder]).rsplit(str(placeholder), 1)
    return lambda value: f"{before}{value}{after}"


def _event_card(request: HttpRequest, event: Event, *, limit: int, paths: PagePaths | None = None) -> dict:
    """What a template needs to show one event, quoting at most ``limit`` evidence sentences.

    The evidence must be prefetched; ``evidence_total`` (when annotated) counts what was not fetched.
    """
    paths = paths or PagePaths.now()
    evidence = getattr(event, "shown_evidence", None)
    evidence = list(event.evidence.all()) if evidence is None else evidence
    published = evidence[0].article.published if evidence else None
    href = paths.event(event.uid)
    url = site_base(request) + href
    label, color = kind_badge(event.kind)
    sentences = [
        {
            "item": ev,
            "sentence": _quote(ev.sentence),
            "date_text": quoted(collapse_line_breaks(ev.date_text)) if ev.date_text else "",
            "href": _evidence_href(ev, paths=paths),
        }
        for ev in evidence[:limit]
    ]
    total = getattr(event, "evidence_total", None) or len(evidence)
    return {
        "event": event,
        "href": href,
        "ics_href": paths.event_ics(event.uid),
        "date_label": event_date_label(event, published=published),
        "datetime": _time_datetime(event) if event.start else "",
        "kind_label": label,
        "kind_color": color,
        "figures": format_figures(event_figures(event)),
        "organizers": event_organizers(event),
        "evidence": sentences,
        "google": google_calendar_link(event, url=url, details=event.place),
        "evidence_total": total,
        "evidence_more": total - len(sentences),
        "json_ld": json_ld_script(
            event_json_ld(event, url=url, description=sentences[0]["sentence"] if sentences else "")
        ),
    }


def event_line(event: Event, *, published: date | None) -> dict:
    """An event as one line of a list: its date label and kind badge."""
    label, color = kind_badge(event.kind)
    date_label = event_date_label(event, published=published)
    return {"event": event, "date_label": date_label, "kind_label": label, "kind_color": color}


def _evidence_href(evidence: Evidence, *, paths: PagePaths) -> str:
    """The evidence's mark on its article page, in the part of the text that holds it."""
    part = evidence.span_start // ARTICLE_PART_CHARS + 1
    query = f"?part={part}" if part > 1 else ""
    return f"{paths.article(evidence.article_id)}{query}#ev-{evidence.pk}"


def _subscribe_links(request: HttpRequest, filters: EventFilters, *, years: list[int]) -> dict:
    """webcal://, http(s):// and Google Calendar links to the canonical feed URL for ``filters``.

    The path comes from ``feeds.feed_path`` (kind in the path, other filters in their canonical
    order) so the link never needs the feed's 301. ``coarse`` is the variant that also holds
    month, season, year and period events.
    """
    base = site_base(request)  # KEJICAL_SITE_URL: never the Host header in production
    https = base + feed_path(FeedQuery(filters=filters))
    webcal = "webcal://" + https.split("://", 1)[1]
    coarse = base + feed_path(FeedQuery(filters=filters, coarse=True))
    window_from = filters.date_from or timezone.localdate() - timedelta(days=FEED_WINDOW_DAYS)
    everything = None
    if years and filters.date_from is None:
        # The default window starts a year back; from the first year with events, with coarse
        # dates, the feed holds all the timeline shows (up to the feed's size limit).
        wide = replace(filters, date_from=date(min(years), 1, 1))
        everything = base + feed_path(FeedQuery(filters=wide, coarse=True))
    embed_params = filters_to_params(filters)
    embed = base + reverse("embed") + (f"?{urlencode(embed_params)}" if embed_params else "")
    return {
        "webcal": webcal,
        "https": https,
        "google": GOOGLE_ADD_BY_URL + quote(webcal, safe=""),
        "coarse": coarse,
        "window_from": window_from,
        "everything": everything,
        "embed": embed,
        "embed_query": urlencode(embed_params),
    }


def _year_choices(year: str, error: FilterError | None, years: list[int]) -> list[int]:
    """Years with events, newest first, plus the chosen year when it has none (so the select shows it)."""
    if year and error is None and int(year) not in years:
        years = sorted([*years, int(year)], reverse=True)
    return years


def timeline(request: HttpRequest) -> HttpResponse:
    """The timeline: filtered, grouped by year and month, 50 events a page, newest first unless ``order=asc``.

    Rendered once per URL, host, data version and day (``cached_page``): the 今天 marker, the
    即将举行 box and the feed's window move with the date.
    """
    newest_first = request.GET.get("order") != "asc"
    filters, error = read_timeline_filters(request.GET)
    return cached_page(
        request,
        f"timeline-{timezone.localdate().isoformat()}",
        lambda: _timeline(request, newest_first=newest_first, filters=filters, error=error),
    )


def _timeline(
    request: HttpRequest, *, newest_first: bool, filters: EventFilters, error: FilterError | None
) -> HttpResponse:
    page = timeline_page(
        filters=filters,
        newest_first=newest_first,
        page=request.GET.get("page"),
        after=request.GET.get("after"),
        size=PAGE_SIZE,
        evidence_per_event=CARD_EVIDENCE,
    )
    today = timezone.localdate()
    years_with_events = event_years()
    paths = PagePaths.now()
    cards = [_event_card(request, event, limit=CARD_EVIDENCE, paths=paths) for event in page.events]
    _mark_today(cards, today=today, newest_first=newest_first)
    by_id = {card["event"].pk: card for card in cards}
    years = group_by_month([card["event"] for card in cards], newest_first=newest_first)
    context = {
        "years": [
            {
                "year": y.year,
                "months": [{"month": m.month, "cards": [by_id[e.pk] for e in m.events]} for m in y.months],
            }
            for y in years
        ],
        "page": page,
        "newest_first": newest_first,
        "filters": filters,
        "error": error,
        "form": {name: request.GET.get(name, "") for name in (*FILTER_PARAMS, "year")},
        "kinds": Event.Kind.choices,
        "precisions": Event.Precision.choices,
        "year_choices": _year_choices(request.GET.get("year", "").strip(), error, years_with_events),
        "chart": density_chart(month_density(filters=filters)),
        "undated": undated_events(filters=filters) if not page.has_next else [],
        "subscribe": _subscribe_links(request, filters, years=years_with_events),
        "regions": _facet_links(filters),
        "today": today,
        "upcoming": [
            event_line(e, published=None)
            for e in upcoming_events(filters=filters, today=today, limit=UPCOMING)
        ]
        if page.number == 1
        else [],
        # On the first page of a timeline with events, "即将举行" says so when nothing is ahead.
        "upcoming_empty_note": page.number == 1 and bool(years),
        "region_trail": _region_trail(filters),
    }
    return render(request, "events/timeline.html", context)


def _mark_today(cards: list[dict], *, today: date, newest_first: bool) -> None:
    """Set ``today_marker`` on the first card past today in display order (the "今天" line goes before it)."""
    for card in cards:
        start = card["event"].start
        if (start <= today) if newest_first else (start >= today):
            card["today_marker"] = True
            return


def _timeline_href(filters: EventFilters) -> str:
    params = filters_to_params(filters)
    return reverse("timeline") + (f"?{urlencode(params)}" if params else "")


def _facet_links(filters: EventFilters) -> list[dict]:
    """The region facet's rows with the timeline link that picks each."""
    return [{**row, "href": _timeline_href(row["filters"])} for row in region_facet(filters=filters)]


def _region_trail(filters: EventFilters) -> list[dict]:
    """The picked regions, broadest first, each with the link that drops it and those below it."""
    trail = []
    for level, below in (("province", ("city", "county")), ("city", ("county",)), ("county", ())):
        code = getattr(filters, level)
        if code:
            wider = replace(filters, **{name: None for name in (level, *below)})
            trail.append(
                {"level": level, "code": code, "name": region_name(code), "drop": _timeline_href(wider)}
            )
    return trail


def region_index(request: HttpRequest) -> HttpResponse:
    """The "按地区" page: every region with events, its count and its feed and timeline links."""
    return cached_page(request, "regions", lambda: _region_index(request))


def _region_index(request: HttpRequest) -> HttpResponse:
    provinces = region_overview()
    for province in provinces:
        _add_region_links(request, province)
        for city in province["cities"]:
            _add_region_links(request, city)
            for county in city["counties"]:
                _add_region_links(request, county)
    return render(request, "events/regions.html", {"provinces": provinces})


def _add_region_links(request: HttpRequest, region: dict) -> None:
    filters = EventFilters(**{region_level(region["code"]): region["code"]})
    region["timeline"] = _timeline_href(filters)
    region["feed"] = site_base(request) + reverse("calendar-region", args=[region["code"]])
    region["webcal"] = "webcal://" + region["feed"].split("://", 1)[1]


def event_detail(request: HttpRequest, uid: str) -> HttpResponse:
    """One event with all its evidence; 404 when unknown or hidden, a redirect when merged."""
    return cached_page(request, "event", lambda: _event_detail(request, uid))


def _event_detail(request: HttpRequest, uid: str) -> HttpResponse:
    event = find_event(uid=uid)
    if event is None or event.status == Event.Status.HIDDEN:
        raise Http404("no such event")
    if event.merged_into_id:
        return redirect("event", uid=event.merged_into.uid)
    paths = PagePaths.now()
    card = _event_card(request, event, limit=PAGE_EVIDENCE, paths=paths)
    sources: dict[int, dict] = {}
    for ev in event.evidence.all():
        source = sources.setdefault(
            ev.article_id,
            {
                "article": ev.article,
                "href": _evidence_href(ev, paths=paths),
                "count": 0,
                "outlet": article_outlet(ev.article),
            },
        )
        source["count"] += 1
    context = {
        "card": card,
        "sources": list(sources.values()),
        # The same count as the API's outlet_count: reposts' outlets too, each outlet once.
        "outlets": len(reporting_outlets(event)),
        "editions": [event_line(other, published=None) for other in series_editions(event)],
    }
    return render(request, "events/event_detail.html", context)


def _mention_marks(article: Article, *, start: int, end: int) -> list[MentionMark]:
    """The parser's mentions in ``article`` overlapping ``[start, end)``, as marks titled
    ``2024-03-11 · day`` with offsets into that part."""
    mentions = article_mentions(article=article, start=start, end=end)
    return [
        MentionMark(m["span"][0] - start, m["span"][1] - start, f"{m['edtf']} · {m['precision']}")
        for m in mentions
        if m["span"][1] > start and m["span"][0] < end
    ]


def article_detail(request: HttpRequest, pk: int) -> HttpResponse:
    """An article's text, ``ARTICLE_PART_CHARS`` a page (``?part=``), with temporal mentions and
    visible events' evidence marked; 404 when unknown."""
    return cached_page(request, "article", lambda: _article_detail(request, pk))


def _article_detail(request: HttpRequest, pk: int) -> HttpResponse:
    article = find_article(pk=pk)
    if article is None:
        raise Http404("no such article")
    part = Paginator(article.text, ARTICLE_PART_CHARS).get_page(request.GET.get("part"))
    start = (part.number - 1) * ARTICLE_PART_CHARS
    end = start + len(part.object_list)
    evidence = article.visible_evidence
    marks = [
        EvidenceMark(
            ev.span_start - start,
            ev.span_end - start,
            f"ev-{ev.pk}",
            reverse("event", args=[ev.event.uid]),
            ev.event.title,
        )
        for ev in evidence
        if ev.span_end > start and ev.span_start < end
    ]
    events = {ev.event_id: ev.event for ev in evidence}.values()
    context = {
        "article": article,
        "events": [event_line(event, published=article.published) for event in events],
        "part": part,
        "text_html": highlight_text(
            join_wrapped_lines(part.object_list),
            mentions=_mention_marks(article, start=start, end=end),
            evidence=marks,
        ),
    }
    return render(request, "events/article_detail.html", context)
