"""App configuration for events."""

from django.apps import AppConfig


class EventsConfig(AppConfig):
    default_auto_field = "django.db.models.BigAutoField"
    name = "events"
    verbose_name = "科技日历"

    def ready(self) -> None:
        from events import checks  # noqa: F401 - registers the deploy checks
