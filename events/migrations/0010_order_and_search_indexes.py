from django.db import migrations

from events.migrations._search import drop_search, install_search


def install(apps, schema_editor):
    install_search(schema_editor)


def uninstall(apps, schema_editor):
    drop_search(schema_editor)


class Migration(migrations.Migration):
    """PostgreSQL only: indexes for the API's orders over visible events, and keyword search indexes."""

    dependencies = [("events", "0009_data_version")]

    operations = [migrations.RunPython(install, uninstall)]
