"""CSV downloads, ``/events.csv?…filters…``: the timeline's events for a spreadsheet (thin edge).

The columns are documented in ``events/publishing/spreadsheet.py`` and the README. Streamed, so a
large export never sits whole in memory.
"""

from __future__ import annotations

from django.http import HttpRequest, HttpResponse, StreamingHttpResponse
from django.urls import reverse
from django.views.decorators.http import require_safe

from events import selectors
from events.feeds import bad_request, site_base
from events.publishing.spreadsheet import iter_csv
from events.views import read_timeline_filters

CSV_TYPE = "text/csv; charset=utf-8"


@require_safe
def events_csv(request: HttpRequest) -> HttpResponse:
    filters, error = read_timeline_filters(request.GET)
    if error is not None:
        return bad_request(error)
    event_url = (site_base(request) + reverse("event", args=["~"])).split("~")
    rows = iter_csv(
        selectors.export_items(filters=filters), event_url=lambda uid: event_url[0] + uid + event_url[1]
    )
    response = StreamingHttpResponse((row.encode("utf-8") for row in rows), content_type=CSV_TYPE)
    response["Content-Disposition"] = 'attachment; filename="kejicalendar-events.csv"'
    return response
