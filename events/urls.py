"""URL map of the events app: the timeline pages and the iCal feeds (the API is mounted in kejicalendar/urls.py)."""

from django.urls import path

urlpatterns: list = [
    # Pages (events/views.py): "" name="timeline"; "events/<str:uid>/" name="event";
    # "articles/<int:pk>/" name="article".
    # Feeds (events/feeds.py): "calendar.ics" name="calendar"; "calendar/<str:kind>.ics" name="calendar-kind".
]
