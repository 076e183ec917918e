"""Backup and restore as README's "Backup and restore" documents them: a restored database serves
the same ``/calendar.ics`` and ``/api/events``, byte for byte.

SQLite goes through ``dumpdata``/``loaddata``; PostgreSQL through ``pg_dump``/``pg_restore`` (skipped
when the server or the client tools are missing). Each side runs in its own process with its own
``DATABASE_URL``, as an operator would run them.
"""

from __future__ import annotations

import base64
import json
import os
import shutil
import subprocess
import sys
import uuid
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
PG = {"host": "127.0.0.1", "port": 5432, "user": "postgres"}
# XML, not JSON: Django's JSON encoder cuts datetimes to milliseconds, so a JSON dump restores every
# event's `updated` 0.4 ms earlier on average and /api/events (and ETags built from it) change.
DUMPDATA = [
    "dumpdata",
    "--format=xml",
    "--natural-foreign",
    "--natural-primary",
    *("-e", "contenttypes", "-e", "auth.permission", "-e", "sessions", "-e", "admin.logentry"),
]
PAGES = [
    "/calendar.ics?from=2020",
    "/calendar.ics?from=2020&coarse=1",
    "/api/events",
    "/api/events?kind=signing",
]

# One process per side keeps the test short: Django starts once for all these steps.
POPULATE = """
from django.core.management import call_command
from events.models import Event
call_command("migrate", verbosity=0)
call_command("ingest", SEEDS, source="种子文章", verbosity=0)
Event.objects.filter(pk=Event.objects.order_by("pk").first().pk).update(status="hidden")  # a curator's edit
"""
RESTORE = """
from django.core.management import call_command
call_command("migrate", verbosity=0)
call_command("loaddata", DUMP, verbosity=0)
"""
FETCH = """
import base64, json
from django.test import Client
client = Client()
pages = {url: client.get(url, follow=True) for url in URLS}  # feeds redirect to their canonical URL
print(json.dumps({url: [r.status_code, base64.b64encode(r.content).decode()] for url, r in pages.items()}))
"""


def _env(database_url: str) -> dict[str, str]:
    clean = {k: v for k, v in os.environ.items() if k not in ("DATABASE_URL", "CELERY_BROKER_URL", "DEBUG")}
    return {**clean, "DATABASE_URL": database_url}


def _run(command: list[str], env: dict[str, str]) -> str:
    done = subprocess.run(command, env=env, cwd=ROOT, capture_output=True, text=True, timeout=300)
    assert done.returncode == 0, (command, done.stderr[-3000:])
    return done.stdout


def _manage(env: dict[str, str], *args: str) -> str:
    return _run([sys.executable, str(ROOT / "manage.py"), *args], env)


def _pages(env: dict[str, str], *, first: str = "") -> dict[str, list]:
    """The bodies of ``PAGES`` (after running ``first``, a script, in the same process)."""
    script = first + f"\nURLS = {PAGES!r}\n" + FETCH
    pages = json.loads(_manage(env, "shell", "-c", script).strip().splitlines()[-1])
    assert all(status == 200 for status, _ in pages.values()), pages
    return pages


def _populate(env: dict[str, str]) -> dict[str, list]:
    """A database as a site has it (migrated, the seeds ingested, one event hidden); its pages."""
    return _pages(env, first=f"SEEDS = {str(ROOT / 'seeds')!r}\n" + POPULATE)


def test_readme_documents_the_commands_tested_here():
    readme = (ROOT / "README.md").read_text(encoding="utf-8").replace("\\\n    ", "")
    assert "manage.py " + " ".join(DUMPDATA) in readme
    assert (
        "pg_dump --format=custom --no-owner" in readme and "pg_restore --no-owner --exit-on-error" in readme
    )


def test_sqlite_restore_serves_the_same_feed_and_api(tmp_path):
    original, restored = (
        _env(f"sqlite:///{tmp_path / 'site.sqlite3'}"),
        _env(f"sqlite:///{tmp_path / 'new.sqlite3'}"),
    )
    before = _populate(original)
    dump = tmp_path / "kejicalendar.xml"

    _manage(original, *DUMPDATA, "--output", str(dump))
    after = _pages(restored, first=f"DUMP = {str(dump)!r}\n" + RESTORE)

    assert base64.b64decode(before["/calendar.ics?from=2020"][1]).count(b"BEGIN:VEVENT") >= 3
    assert json.loads(base64.b64decode(before["/api/events"][1]))["items"]
    for url in PAGES:  # one page at a time, decoded, so a failure shows what differs
        assert base64.b64decode(after[url][1]).decode() == base64.b64decode(before[url][1]).decode(), url


def _pg_available() -> bool:
    import psycopg

    if not (shutil.which("pg_dump") and shutil.which("pg_restore")):
        return False
    try:
        psycopg.connect(dbname="postgres", connect_timeout=2, **PG).close()
    except psycopg.Error:
        return False
    return True


@pytest.fixture
def pg_databases():
    if not _pg_available():
        pytest.skip("needs PostgreSQL on 127.0.0.1:5432 and pg_dump/pg_restore on PATH")
    import psycopg

    names = [f"kc_backup_{uuid.uuid4().hex[:12]}" for _ in range(2)]
    with psycopg.connect(dbname="postgres", autocommit=True, **PG) as conn:
        for name in names:
            conn.execute(f'CREATE DATABASE "{name}"')
    yield [f"postgres://{PG['user']}@{PG['host']}:{PG['port']}/{name}" for name in names]
    with psycopg.connect(dbname="postgres", autocommit=True, **PG) as conn:
        for name in names:
            conn.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')


@pytest.mark.postgres
def test_postgresql_restore_serves_the_same_feed_and_api(pg_databases, tmp_path):
    original_url, restored_url = pg_databases
    original = _env(original_url)
    before = _populate(original)
    dump = tmp_path / "kejicalendar.dump"

    _run(
        ["pg_dump", "--format=custom", "--no-owner", "--dbname", original_url, "--file", str(dump)], original
    )
    _run(["pg_restore", "--no-owner", "--exit-on-error", "--dbname", restored_url, str(dump)], original)

    assert _pages(_env(restored_url)) == before
