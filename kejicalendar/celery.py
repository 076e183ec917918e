"""The Celery app; the broker comes from CELERY_BROKER_URL, and with none tasks run in-process."""

import os

from celery import Celery

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "kejicalendar.settings")

app = Celery("kejicalendar")
app.config_from_object("django.conf:settings", namespace="CELERY")
app.autodiscover_tasks()
