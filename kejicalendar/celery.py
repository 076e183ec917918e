"""The Celery app; the broker comes from CELERY_BROKER_URL, and with none tasks run in-process."""

import os
import time

from celery import Celery
from celery.signals import before_task_publish, task_postrun, task_prerun

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


@task_prerun.connect
@task_postrun.connect
def reuse_database_connections(task: object = None, **_: object) -> None:
    """Keep a worker's database connection across tasks, as a web process keeps it across requests.

    Celery's Django fixup closes every connection before and after each task unless
    ``CELERY_DB_REUSE_MAX`` is set (settings.py sets it), ignoring ``CONN_MAX_AGE``: each task then
    paid for a new PostgreSQL connection, which made a worker ingest at a third of the command's
    rate (bench/ingest_workers.py). Django's own rule instead: close a connection only when it is
    broken or older than ``CONN_MAX_AGE``. Not for a task run in-process (no broker, tests): it runs
    inside its caller's request or transaction, whose connection is not ours to close.
    """
    from django.db import close_old_connections

    if getattr(getattr(task, "request", None), "is_eager", False):
        return

    close_old_connections()
