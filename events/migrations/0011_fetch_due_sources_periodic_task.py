"""Beat fetches due web sources every five minutes (django-celery-beat; editable or disabled in the admin)."""

from django.db import migrations

NAME = "抓取到期的网络来源"
TASK = "events.fetch_due_sources"
EVERY_MINUTES = 5
# A tick left in the queue longer than this is dropped; the next tick does its work (tasks.FETCH_DUE_EXPIRES).
EXPIRE_SECONDS = 240


def create_periodic_task(apps, schema_editor) -> None:
    interval_model = apps.get_model("django_celery_beat", "IntervalSchedule")
    task_model = apps.get_model("django_celery_beat", "PeriodicTask")
    every, _ = interval_model.objects.get_or_create(every=EVERY_MINUTES, period="minutes")
    # get_or_create by name: a curator's later edits to the schedule are never overwritten.
    task_model.objects.get_or_create(
        name=NAME,
        defaults={"task": TASK, "interval": every, "enabled": True, "expire_seconds": EXPIRE_SECONDS},
    )


def delete_periodic_task(apps, schema_editor) -> None:
    apps.get_model("django_celery_beat", "PeriodicTask").objects.filter(name=NAME).delete()


class Migration(migrations.Migration):
    dependencies = [
        ("events", "0010_order_and_search_indexes"),
        ("django_celery_beat", "0019_alter_periodictasks_options"),
    ]

    operations = [migrations.RunPython(create_periodic_task, delete_periodic_task)]
