"""App configuration for events: its Chinese name, deploy checks, and the trigger check after every migrate."""

from django.apps import AppConfig
from django.db.models.signals import post_migrate


def _ensure_triggers(sender, using, **kwargs) -> None:
    from django.db import connections

    from events.migrations._triggers import ensure_sqlite_triggers

    ensure_sqlite_triggers(connections[using])


class EventsConfig(AppConfig):
    default_auto_field = "django.db.models.BigAutoField"
    name = "events"
    verbose_name = "科技日历"

    def ready(self) -> None:
        from events import checks  # noqa: F401 - registers the deploy checks

        post_migrate.connect(_ensure_triggers, sender=self, dispatch_uid="events.ensure_triggers")
