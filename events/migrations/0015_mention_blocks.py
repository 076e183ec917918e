"""Parser mentions move from one JSON column of the article (0012) into blocks of 500 (MentionBlock).

A part of a long article's page then reads only the blocks it shows. Mentions already stored
are moved, not recomputed; articles without them keep ``mention_count`` None (parsed on view until
re-ingested).
"""

import django.db.models.deletion
from django.db import migrations, models

from events.migrations._data_version import drop_version_triggers, install_version_triggers

# The tables 0009 put data-version triggers on. SQLite drops a table's triggers whenever a migration
# rebuilds the table (RemoveField here on events_article; 0009_event_confidence_reasons on
# events_event when it runs after 0009_data_version), so they are put back, once, at the end.
from events.migrations._triggers import PUBLISHED_TABLES

BLOCK = 500  # MentionBlock.SIZE when this migration was written


def move_mentions_into_blocks(apps, schema_editor):
    Article = apps.get_model("events", "Article")
    MentionBlock = apps.get_model("events", "MentionBlock")
    stored = Article.objects.filter(mentions__isnull=False).only("pk", "mentions")
    for article in stored.iterator(chunk_size=50):
        mentions = article.mentions if isinstance(article.mentions, list) else []
        MentionBlock.objects.bulk_create(
            MentionBlock(
                article_id=article.pk,
                start=block[0]["span"][0],
                end=max(m["span"][1] for m in block),
                mentions=block,
            )
            for block in (mentions[i : i + BLOCK] for i in range(0, len(mentions), BLOCK))
        )
        Article.objects.filter(pk=article.pk).update(mention_count=len(mentions))


def reinstall_version_triggers(apps, schema_editor):
    drop_version_triggers(schema_editor, PUBLISHED_TABLES)
    install_version_triggers(schema_editor, PUBLISHED_TABLES)


class Migration(migrations.Migration):
    dependencies = [
        ("events", "0014_merge_event_counts_and_mentions"),
    ]

    operations = [
        migrations.AddField(
            model_name="article",
            name="mention_count",
            field=models.PositiveIntegerField(
                blank=True, editable=False, null=True, verbose_name="时间表达数"
            ),
        ),
        migrations.CreateModel(
            name="MentionBlock",
            fields=[
                (
                    "id",
                    models.BigAutoField(
                        auto_created=True, primary_key=True, serialize=False, verbose_name="ID"
                    ),
                ),
                ("start", models.PositiveIntegerField(verbose_name="起")),
                ("end", models.PositiveIntegerField(verbose_name="止")),
                ("mentions", models.JSONField(default=list, verbose_name="时间表达")),
                (
                    "article",
                    models.ForeignKey(
                        on_delete=django.db.models.deletion.CASCADE,
                        related_name="mention_blocks",
                        to="events.article",
                        verbose_name="文章",
                    ),
                ),
            ],
            options={
                "verbose_name": "时间表达块",
                "verbose_name_plural": "时间表达块",
                "ordering": ["article_id", "start"],
                "indexes": [models.Index(fields=["article", "start"], name="events_ment_article_7f884e_idx")],
            },
        ),
        migrations.RunPython(move_mentions_into_blocks, migrations.RunPython.noop),
        migrations.RemoveField(
            model_name="article",
            name="mentions",
        ),
        migrations.RunPython(reinstall_version_triggers, migrations.RunPython.noop),
    ]
