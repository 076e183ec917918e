"""The admin site: named after the service, with the curators' models first and periodic tasks last."""

from __future__ import annotations

from django.contrib import admin
from django.contrib.admin.apps import AdminConfig
from django.http import HttpRequest

# The order curators look for things: events they correct, the articles behind them, where articles
# come from; then everything else as Django lists it; periodic tasks (django_celery_beat) at the end.
MODEL_ORDER = {"event": 0, "article": 1, "source": 2}
LAST_APPS = ("django_celery_beat",)


class KejicalAdminSite(admin.AdminSite):
    site_header = "科技日历 · 管理"
    site_title = "科技日历管理"
    index_title = "内容管理"

    def get_app_list(self, request: HttpRequest, app_label: str | None = None) -> list[dict]:
        apps = super().get_app_list(request, app_label)
        for app in apps:
            if app["app_label"] == "events":
                app["models"].sort(key=lambda m: (MODEL_ORDER.get(m["object_name"].lower(), 9), m["name"]))
        return sorted(apps, key=lambda a: (a["app_label"] != "events", a["app_label"] in LAST_APPS))


class KejicalAdminConfig(AdminConfig):
    default_site = "kejicalendar.admin_site.KejicalAdminSite"
