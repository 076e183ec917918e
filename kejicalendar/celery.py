"""The Celery app; the broker comes from CELERY_BROKER_URL, and with none tasks run in-process."""

import os
import time

from celery import Celery
from celery.signals import before_task_publish

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "kejicalendar.settings")

app = Celery("kejicalendar")
app.config_from_object("django.conf:settings", namespace="CELERY")
app.autodiscover_tasks()

# Kept in step with events.selectors.health.ENQUEUED_AT_HEADER (not imported: Django may not be
# set up yet when this module loads).
ENQUEUED_AT_HEADER = "kejical_enqueued_at"


@before_task_publish.connect
def stamp_enqueued_at(headers: dict | None = None, **_: object) -> None:
    """Record when a task was sent, so the admin can tell how long the oldest queued one has waited."""
    if headers is not None:
        headers.setdefault(ENQUEUED_AT_HEADER, time.time())
