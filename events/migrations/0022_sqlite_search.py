from django.db import migrations

from events.migrations._sqlite_search import drop_sqlite_search, install_sqlite_search


def install(apps, schema_editor):
    install_sqlite_search(schema_editor)


def uninstall(apps, schema_editor):
    drop_sqlite_search(schema_editor)


class Migration(migrations.Migration):
    """SQLite with FTS5 only: trigram full-text tables for keyword search (PostgreSQL has 0010's indexes)."""

    dependencies = [("events", "0021_event_region_counts")]

    operations = [migrations.RunPython(install, uninstall)]
