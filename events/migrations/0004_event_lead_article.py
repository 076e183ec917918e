"""Event.lead_article: the one article whose candidate gives an automatic event its fields.

Existing events get the oldest article with evidence for them, the rule ingestion used to break ties.
"""

import django.db.models.deletion
from django.db import migrations, models
from django.db.models import OuterRef, Subquery


def set_lead_articles(apps, schema_editor) -> None:
    Event = apps.get_model("events", "Event")
    Evidence = apps.get_model("events", "Evidence")
    oldest = Evidence.objects.filter(event=OuterRef("pk")).order_by("article_id").values("article_id")[:1]
    Event.objects.update(lead_article=Subquery(oldest))


class Migration(migrations.Migration):
    dependencies = [
        ("events", "0003_article_events_found"),
    ]

    operations = [
        migrations.AddField(
            model_name="event",
            name="lead_article",
            field=models.ForeignKey(
                blank=True,
                null=True,
                on_delete=django.db.models.deletion.SET_NULL,
                related_name="led_events",
                to="events.article",
                verbose_name="主要来源",
            ),
        ),
        migrations.RunPython(set_lead_articles, migrations.RunPython.noop),
    ]
