"""Reinstall the data-version and event-count triggers on SQLite after earlier migrations rebuilt tables.

On SQLite, adding a column with a default (``Event.confidence_reasons``, ``Article``'s mention
fields) makes Django copy the table into a new one, and the copy has none of the old table's
triggers. Depending on the order the graph runs the parallel 0009–0013 migrations in, the data
version and event counts stopped following writes to ``events_event`` and ``events_article``.
PostgreSQL adds columns in place and keeps its triggers, so nothing is done there.
"""

from django.db import migrations

from events.migrations._data_version import drop_version_triggers, install_version_triggers
from events.migrations._event_counts import drop_count_triggers, install_count_triggers
from events.migrations._triggers import PUBLISHED_TABLES


def reinstall(apps, schema_editor):
    if schema_editor.connection.vendor != "sqlite":
        return
    drop_version_triggers(schema_editor, PUBLISHED_TABLES)
    install_version_triggers(schema_editor, PUBLISHED_TABLES)
    drop_count_triggers(schema_editor)
    schema_editor.execute("DELETE FROM events_eventcount")  # install_count_triggers counts afresh
    install_count_triggers(schema_editor)


class Migration(migrations.Migration):
    dependencies = [
        ("events", "0014_merge_event_counts"),
    ]

    operations = [
        migrations.RunPython(reinstall, migrations.RunPython.noop),
    ]
