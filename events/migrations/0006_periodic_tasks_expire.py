"""Default periodic tasks expire: a message beat sent while no worker ran is dropped, not piled up.

Both run daily; one taken up to 6 hours late still does its job, and after that the next day's
run does it instead of a backlog of the same task running back to back when workers return.
"""

from django.db import migrations

EXPIRE_SECONDS = 6 * 3600
TASKS = ["events.ingest_active_sources", "events.reingest_stale"]


def set_expiry(apps, schema_editor) -> None:
    task_model = apps.get_model("django_celery_beat", "PeriodicTask")
    # Only where nobody chose an expiry yet: a curator's setting is kept.
    task_model.objects.filter(task__in=TASKS, expires__isnull=True, expire_seconds__isnull=True).update(
        expire_seconds=EXPIRE_SECONDS
    )


def clear_expiry(apps, schema_editor) -> None:
    task_model = apps.get_model("django_celery_beat", "PeriodicTask")
    task_model.objects.filter(task__in=TASKS, expire_seconds=EXPIRE_SECONDS).update(expire_seconds=None)


class Migration(migrations.Migration):
    dependencies = [
        ("events", "0005_chinese_labels"),
        ("django_celery_beat", "0019_alter_periodictasks_options"),
    ]

    operations = [migrations.RunPython(set_expiry, clear_expiry)]
