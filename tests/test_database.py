"""The default SQLite store under two writers: the second waits for the first instead of failing."""

import threading
import time

import pytest
from django.conf import settings
from django.db.backends.sqlite3.base import DatabaseWrapper

SQLITE = settings.DATABASES["default"]["ENGINE"] == "django.db.backends.sqlite3"


def _connect(path: str) -> DatabaseWrapper:
    """A connection to ``path`` with the OPTIONS settings.py gives the default SQLite store."""
    config = {**settings.DATABASES["default"], "NAME": path}
    connection = DatabaseWrapper(config, alias=f"writer-{threading.get_ident()}")
    connection.ensure_connection()
    return connection


def _read_then_write(path: str, name: str, hold: float, errors: list[BaseException]) -> None:
    """What ingestion does in its transaction: read a row, then write, then commit after a while."""
    connection = _connect(path)
    try:
        # The same call transaction.atomic() makes: it begins the transaction the backend's way.
        connection.set_autocommit(False, force_begin_transaction_with_broken_autocommit=True)
        with connection.cursor() as cursor:
            cursor.execute("SELECT COUNT(*) FROM article")
            time.sleep(hold)  # both writers have now read (with a deferred BEGIN, both hold a snapshot)
            cursor.execute("INSERT INTO article (key) VALUES (%s)", [name])
        connection.commit()
    except BaseException as exc:  # noqa: BLE001 - the test reports whatever the writer met
        errors.append(exc)
    finally:
        connection.close()


@pytest.mark.skipif(not SQLITE, reason="the default store is SQLite only when DATABASE_URL is unset")
def test_sqlite_two_writers_wait_instead_of_failing(tmp_path, django_db_blocker):
    django_db_blocker.unblock()  # our own database file, not the test database
    path = str(tmp_path / "writers.sqlite3")
    setup = _connect(path)
    with setup.cursor() as cursor:
        cursor.execute("CREATE TABLE article (id INTEGER PRIMARY KEY, key TEXT UNIQUE)")
    setup.close()
    errors: list[BaseException] = []
    writers = [threading.Thread(target=_read_then_write, args=(path, f"a{i}", 0.3, errors)) for i in range(2)]

    for writer in writers:
        writer.start()
    for writer in writers:
        writer.join()

    check = _connect(path)
    with check.cursor() as cursor:
        cursor.execute("SELECT key FROM article ORDER BY key")
        keys = [row[0] for row in cursor.fetchall()]
        cursor.execute("PRAGMA journal_mode")
        mode = cursor.fetchone()[0]
    check.close()
    django_db_blocker.restore()
    assert (errors, keys, mode) == ([], ["a0", "a1"], "wal")


@pytest.mark.django_db
def test_every_published_table_keeps_its_data_version_triggers_after_all_migrations():
    """SQLite drops a table's triggers when a migration rebuilds it; a stale cache would follow."""
    from django.db import connection

    tables = ["events_article", "events_event", "events_evidence", "events_source"]
    with connection.cursor() as cursor:
        if connection.vendor == "sqlite":
            cursor.execute(
                "SELECT tbl_name FROM sqlite_master WHERE type = 'trigger' AND name LIKE 'kejical_data_version_%'"
            )
        else:
            cursor.execute(
                "SELECT DISTINCT c.relname FROM pg_trigger t JOIN pg_class c ON c.oid = t.tgrelid "
                "WHERE t.tgname = 'kejical_data_version'"
            )
        found = sorted({row[0] for row in cursor.fetchall()})

    assert found == tables
