"""Reinstall the data-version triggers on SQLite, where later migrations lost them.

SQLite cannot add a foreign key column in place: Django rebuilds the table (``_remake_table``), and the
rebuilt table has none of the old one's triggers. 0012_near_duplicate_articles (``duplicate_of``) did
that to events_article and another migration after 0009 to events_event, so their writes no longer
bumped the data version and cached pages went stale. PostgreSQL alters tables in place and keeps its
triggers; there this migration only drops and re-creates the same triggers.
"""

from django.db import migrations

from events.migrations._data_version import drop_version_triggers, install_version_triggers
from events.migrations._triggers import PUBLISHED_TABLES


def reinstall(apps, schema_editor) -> None:
    drop_version_triggers(schema_editor, PUBLISHED_TABLES)
    install_version_triggers(schema_editor, PUBLISHED_TABLES)


class Migration(migrations.Migration):
    dependencies = [("events", "0014_merge_event_counts_and_near_duplicates")]

    operations = [migrations.RunPython(reinstall, migrations.RunPython.noop)]
