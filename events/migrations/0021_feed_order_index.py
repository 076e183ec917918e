from django.db import migrations

# The feeds' order (selectors.calendar_events: newest start first, then id) over every dated event,
# hidden ones included (a feed announces them as cancelled), so the visible-only order indexes of
# 0010 cannot serve it. With it a feed reads its events off the index in order and stops after the
# ones it holds; without it PostgreSQL gathered the whole window and sorted it (56 ms at 100,000
# events, growing with the window). PostgreSQL only: SQLite cannot say DESC NULLS LAST.
PG_INDEX = 'CREATE INDEX event_dated_newest ON events_event (start DESC, id) WHERE start IS NOT NULL AND "end" IS NOT NULL'


def install(apps, schema_editor):
    if schema_editor.connection.vendor == "postgresql":
        schema_editor.execute(PG_INDEX)


def uninstall(apps, schema_editor):
    if schema_editor.connection.vendor == "postgresql":
        schema_editor.execute("DROP INDEX IF EXISTS event_dated_newest")


class Migration(migrations.Migration):
    dependencies = [("events", "0020_event_regions_and_series")]

    operations = [migrations.RunPython(install, uninstall)]
