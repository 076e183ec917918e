"""Top-level URL map: admin, the JSON API, the timeline pages and the iCal feeds."""

from django.contrib import admin
from django.urls import include, path

from kejicalendar.api import api

urlpatterns = [
    path("admin/", admin.site.urls),
    path("api/", api.urls),
    path("", include("events.urls")),
]
