"""URL map of the events app: the timeline pages and the iCal feeds (the API is mounted in kejicalendar/urls.py)."""

from django.urls import path

from events import embed, exports, feeds, feeds_atom, views

urlpatterns: list = [
    path("", views.timeline, name="timeline"),
    path("events/<str:uid>/", views.event_detail, name="event"),
    path("events/<str:uid>.ics", feeds.event_calendar, name="event-ics"),
    path("articles/<int:pk>/", views.article_detail, name="article"),
    path("calendar.ics", feeds.calendar_feed, name="calendar"),
    path("calendar/region/<str:adcode>.ics", feeds.calendar_feed, name="calendar-region"),
    path("calendar/<str:kind>.ics", feeds.calendar_feed, name="calendar-kind"),
    path("regions/", views.region_index, name="regions"),
    path("feeds/events.atom", feeds_atom.atom_feed, name="atom"),
    path("embed/", embed.embed, name="embed"),
    path("events.csv", exports.events_csv, name="events-csv"),
]
