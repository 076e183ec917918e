"""The admin and the task queue: warnings shown on every admin page, and queueing that never 500s.

A broker that is down or never answers must cost a curator a plain message, not a 500 or a hang:
the warnings are read with the one-second time-outs of ``events.selectors.health`` and kept for
``WARNINGS_CACHE_SECONDS``, and an action checks the broker before it queues anything.
"""

from __future__ import annotations

from collections.abc import Callable

import kombu.exceptions
from celery import current_app
from django.conf import settings
from django.contrib import admin, messages
from django.core.cache import cache
from django.db import transaction
from django.http import HttpRequest

from events.selectors import health

WARNINGS_CACHE_SECONDS = 15
_CACHE_KEY = "kejical:admin:queue-warnings"


def queue_warnings() -> list[str]:
    """The queue's warnings for the admin banner (empty when tasks run in-process or all is well)."""
    if not settings.CELERY_BROKER_URL:
        return []
    found = cache.get(_CACHE_KEY)
    if found is None:
        found = health.queue_warnings(
            broker_url=settings.CELERY_BROKER_URL,
            queue=current_app.conf.task_default_queue,
            stall_seconds=settings.KEJICAL_QUEUE_STALL_SECONDS,
        )
        cache.set(_CACHE_KEY, found, WARNINGS_CACHE_SECONDS)
    return found


def queue_from_admin(
    model_admin: admin.ModelAdmin, request: HttpRequest, request_work: Callable[[], int], done: str
) -> None:
    """Call ``request_work`` (a queueing service; returns how many) and tell the curator the outcome.

    ``done`` is a message with ``{count}``. With the broker down nothing is queued and the message
    says so; the action's rows are untouched.
    """
    check = health.check_broker(
        broker_url=settings.CELERY_BROKER_URL, queue=current_app.conf.task_default_queue
    )
    if not check.ok:
        model_admin.message_user(request, f"{check.detail}。未安排任何任务，请稍后再试。", messages.ERROR)
        return
    try:
        with transaction.atomic():  # the services queue on commit: the commit is here, inside the try
            count = request_work()
    except (kombu.exceptions.OperationalError, OSError) as exc:
        cache.delete(_CACHE_KEY)
        model_admin.message_user(
            request,
            f"任务队列无法连接（{type(exc).__name__}），未能安排全部任务，请稍后再试。",
            messages.ERROR,
        )
        return
    model_admin.message_user(request, done.format(count=count), messages.SUCCESS)
