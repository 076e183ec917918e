"""URL map of the events app (pages, API, feeds)."""

from django.urls import path

urlpatterns: list = []
