"""``{% queue_warnings %}``: the task queue's warnings, for the admin's banner."""

from django import template

from events import admin_queue

register = template.Library()


@register.simple_tag
def queue_warnings() -> list[str]:
    return admin_queue.queue_warnings()
