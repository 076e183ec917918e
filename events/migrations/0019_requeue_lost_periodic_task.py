"""Beat looks for queued re-reads the broker lost every five minutes (editable or disabled in the admin)."""

from django.db import migrations

NAME = "重新排队丢失的任务"
TASK = "events.requeue_lost"
EVERY_MINUTES = 5
EXPIRE_SECONDS = 240  # a tick left in the queue longer is dropped; the next one does its work


def create_periodic_task(apps, schema_editor) -> None:
    interval_model = apps.get_model("django_celery_beat", "IntervalSchedule")
    task_model = apps.get_model("django_celery_beat", "PeriodicTask")
    every, _ = interval_model.objects.get_or_create(every=EVERY_MINUTES, period="minutes")
    task_model.objects.get_or_create(
        name=NAME,
        defaults={"task": TASK, "interval": every, "enabled": True, "expire_seconds": EXPIRE_SECONDS},
    )


def delete_periodic_task(apps, schema_editor) -> None:
    apps.get_model("django_celery_beat", "PeriodicTask").objects.filter(name=NAME).delete()


class Migration(migrations.Migration):
    dependencies = [
        ("events", "0018_queued_at"),
        ("django_celery_beat", "0019_alter_periodictasks_options"),
    ]

    operations = [migrations.RunPython(create_periodic_task, delete_periodic_task)]
