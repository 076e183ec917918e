"""Default periodic re-ingestion (django-celery-beat): both editable, or disabled, in the admin."""

from django.db import migrations

DEFAULTS = [
    # (name, task, hour, minute)
    ("重新读取启用的来源", "events.ingest_active_sources", "3", "0"),
    ("重新解析旧版本文章", "events.reingest_stale", "3", "30"),
]


def create_periodic_tasks(apps, schema_editor) -> None:
    crontab_model = apps.get_model("django_celery_beat", "CrontabSchedule")
    task_model = apps.get_model("django_celery_beat", "PeriodicTask")
    for name, task, hour, minute in DEFAULTS:
        schedule, _ = crontab_model.objects.get_or_create(
            minute=minute,
            hour=hour,
            day_of_week="*",
            day_of_month="*",
            month_of_year="*",
            timezone="Asia/Shanghai",
        )
        # get_or_create by name: a curator's later edits to the schedule are never overwritten.
        task_model.objects.get_or_create(
            name=name, defaults={"task": task, "crontab": schedule, "enabled": True}
        )


def delete_periodic_tasks(apps, schema_editor) -> None:
    apps.get_model("django_celery_beat", "PeriodicTask").objects.filter(
        name__in=[d[0] for d in DEFAULTS]
    ).delete()


class Migration(migrations.Migration):
    dependencies = [
        ("events", "0001_initial"),
        ("django_celery_beat", "0019_alter_periodictasks_options"),
    ]

    operations = [migrations.RunPython(create_periodic_tasks, delete_periodic_tasks)]
