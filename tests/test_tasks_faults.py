"""Celery under faults: a real worker on the real Redis and PostgreSQL is killed with SIGKILL, twice.

A folder of 70 articles (the extraction corpus and the seeds) is registered as one file source per
article and queued through ``request_source_ingest``, as the admin and beat do. The worker (main
process and its prefork children) is killed with ``kill -9`` at random moments, restarted each time,
and then the test waits for the queue to drain. Nothing may be lost, duplicated, left pending or
failed, and the export must equal a clean in-process ingest of the same folder.

The worker runs with ``KEJICAL_TASK_TIME_LIMIT=10``: the visibility timeout is then 20 s, so a task
the whole worker took down with it comes back within half a minute (in production, ~16 minutes).
Figures from the run are printed (``pytest -s``) and recorded in docs/reliability.md.
"""

from __future__ import annotations

import json
import os
import random
import shutil
import signal
import subprocess
import sys
import time
import uuid
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
CORPUS = ROOT / "tests" / "extraction" / "data"
REDIS_URL = "redis://127.0.0.1:6379/15"  # the tests' Redis database; the queue name is per run
PG = {"host": "127.0.0.1", "port": 5432, "user": "postgres"}
DEADLINE_SECONDS = 150

pytestmark = [pytest.mark.redis, pytest.mark.postgres]

ENQUEUE = """
from django.db import transaction
from kejicalendar.celery import app
from events.services import ensure_source, request_source_ingest
app.conf.task_default_queue = QUEUE  # before the first message, so the router builds its queues from it
with transaction.atomic():
    sources = [ensure_source(name=path.rsplit("/", 1)[-1], paths=[path]) for path in PATHS]
    request_source_ingest(sources=sources)
"""

STATE = """
import json
from events.models import Article, Event
print(json.dumps({
    "statuses": sorted(Article.objects.values_list("status", flat=True)),
    "keys": Article.objects.count() - Article.objects.values("key").distinct().count(),
    "events": Event.objects.count(),
}))
"""


def _skip_unless_servers() -> None:
    import psycopg
    import redis

    try:
        redis.Redis.from_url(REDIS_URL, socket_connect_timeout=1).ping()
    except redis.RedisError:
        pytest.skip("no Redis on 127.0.0.1:6379")
    try:
        psycopg.connect(dbname="postgres", connect_timeout=2, **PG).close()
    except psycopg.Error:
        pytest.skip("no PostgreSQL on 127.0.0.1:5432 (user postgres)")


def _admin_sql(sql: str) -> None:
    import psycopg

    with psycopg.connect(dbname="postgres", autocommit=True, **PG) as conn:
        conn.execute(sql)


@pytest.fixture
def databases():
    """Two fresh PostgreSQL databases (chaos, clean), dropped afterwards; their URLs."""
    _skip_unless_servers()
    names = [f"kc_faults_{uuid.uuid4().hex[:12]}" for _ in range(2)]
    for name in names:
        _admin_sql(f'CREATE DATABASE "{name}"')
    yield [f"postgres://{PG['user']}@{PG['host']}:{PG['port']}/{name}" for name in names]
    for name in names:
        _admin_sql(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')


@pytest.fixture
def folder(tmp_path) -> Path:
    """The corpus articles and the seeds in one folder, with a manifest of their publication days."""
    out = tmp_path / "articles"
    out.mkdir()
    entries = []
    for txt in sorted(CORPUS.glob("*.txt")):
        shutil.copy(txt, out / txt.name)
        published = json.loads(txt.with_suffix(".json").read_text(encoding="utf-8"))["published"]
        entries.append({"file": txt.name, "published": published})
    seeds = json.loads((ROOT / "seeds" / "manifest.json").read_text(encoding="utf-8"))["articles"]
    for entry in seeds:
        shutil.copy(ROOT / "seeds" / entry["file"], out / entry["file"])
        entries.append({"file": entry["file"], "published": entry["published"]})
    (out / "manifest.json").write_text(
        json.dumps({"articles": entries}, ensure_ascii=False), encoding="utf-8"
    )
    return out


def _env(database_url: str, *, broker: str = "", folder: Path) -> dict[str, str]:
    clean = {k: v for k, v in os.environ.items() if k not in ("DATABASE_URL", "CELERY_BROKER_URL", "DEBUG")}
    return {
        **clean,
        "DATABASE_URL": database_url,
        "CELERY_BROKER_URL": broker,
        "KEJICAL_TASK_TIME_LIMIT": "10",
        "KEJICAL_SOURCE_ROOT": str(folder),
        "PYTHONUNBUFFERED": "1",
    }


def _manage(env: dict[str, str], *args: str, code: str | None = None) -> str:
    command = [sys.executable, str(ROOT / "manage.py"), *args] + (["shell", "-c", code] if code else [])
    done = subprocess.run(command, env=env, cwd=ROOT, capture_output=True, text=True, timeout=300)
    assert done.returncode == 0, done.stderr[-3000:]
    return done.stdout


def _enqueue(env: dict[str, str], folder: Path, queue: str) -> int:
    paths = sorted(str(p) for p in folder.glob("*.txt"))
    _manage(env, code=f"PATHS, QUEUE = {paths!r}, {queue!r}\n" + ENQUEUE)
    return len(paths)


def _state(env: dict[str, str]) -> dict:
    return json.loads(_manage(env, code=STATE).strip().splitlines()[-1])


def _export(env: dict[str, str]) -> list[str]:
    """Every event as JSON, without what differs between two databases holding the same facts:
    ids and UIDs (new rows draw new numbers), and ``updated`` times."""
    items = []
    for line in _manage(env, "export_events").splitlines():
        item = json.loads(line)
        for name in ("uid", "updated"):
            item.pop(name)
        for source in item["sources"]:
            source.pop("article_id")
            source["article"] = source["article"].rsplit("/", 1)[-1]
        items.append(json.dumps(item, ensure_ascii=False, sort_keys=True))
    return sorted(items)


def _clean_ingest(env: dict[str, str], folder: Path, queue: str) -> tuple[list[str], int]:
    """Migrate, ingest the folder in one process, and return its export and event count."""
    _manage(env, "migrate", "-v0")
    _enqueue(env, folder, queue)
    return _export(env), _state(env)["events"]


class Worker:
    """A celery worker in its own process group, so ``kill -9`` reaches the main process and children."""

    def __init__(self, env: dict[str, str], queue: str, log: Path) -> None:
        self.env, self.queue, self.log = env, queue, log
        self.process: subprocess.Popen | None = None

    def start(self) -> None:
        celery = str(Path(sys.executable).with_name("celery"))
        command = [celery, "-A", "kejicalendar", "worker", "-P", "prefork", "-c", "2"]
        command += [
            "--without-gossip",
            "--without-mingle",
            "--without-heartbeat",
            "-Q",
            self.queue,
            "-l",
            "info",
        ]
        with open(self.log, "a", encoding="utf-8") as out:
            out.write(f"\n=== start {time.strftime('%H:%M:%S')}\n")
            self.process = subprocess.Popen(
                command, env=self.env, cwd=ROOT, stdout=out, stderr=subprocess.STDOUT, start_new_session=True
            )

    def kill(self) -> int:
        """SIGKILL to the whole process group; how many processes it held."""
        assert self.process is not None
        children = subprocess.run(
            ["pgrep", "-g", str(self.process.pid)], capture_output=True, text=True
        ).stdout.split()
        os.killpg(self.process.pid, signal.SIGKILL)
        self.process.wait(timeout=30)
        return len(children)

    def stop(self) -> None:
        if self.process is not None and self.process.poll() is None:
            os.killpg(self.process.pid, signal.SIGTERM)
            try:
                self.process.wait(timeout=30)
            except subprocess.TimeoutExpired:
                os.killpg(self.process.pid, signal.SIGKILL)


def _queue_drained(queue: str) -> bool:
    """Nothing waits in ``queue`` and no message of it is held unacknowledged."""
    import redis

    client = redis.Redis.from_url(REDIS_URL)
    try:
        return client.llen(queue) == 0 and _unacked(queue) == 0
    finally:
        client.close()


def _unacked(queue: str) -> int:
    """How many messages of ``queue`` a worker holds without having acknowledged them."""
    import redis

    client = redis.Redis.from_url(REDIS_URL)
    try:
        return sum(json.loads(raw)[2] == queue for raw in client.hvals("unacked"))
    finally:
        client.close()


def _succeeded(log: Path) -> int:
    return log.read_text(encoding="utf-8", errors="replace").count("succeeded in")


def test_worker_killed_twice_loses_and_duplicates_nothing(databases, folder, tmp_path):
    chaos_url, clean_url = databases
    queue = f"kejical-faults-{uuid.uuid4().hex}"
    chaos = _env(chaos_url, broker=REDIS_URL, folder=folder)
    clean = _env(clean_url, folder=folder)
    # The clean reference runs alongside (its own database, no broker: tasks run in its one process).
    reference = ThreadPoolExecutor(1)
    clean_export = reference.submit(_clean_ingest, clean, folder, queue)
    _manage(chaos, "migrate", "-v0")
    rng = random.Random()
    seed = rng.randrange(1 << 30)
    rng.seed(seed)

    log = tmp_path / "worker.log"
    worker = Worker(chaos, queue, log)
    started = time.monotonic()
    kills = []
    try:
        worker.start()
        total = _enqueue(chaos, folder, queue)
        # Two random moments while work remains: after a random number of tasks has succeeded.
        first = rng.randrange(5, total // 2)
        for target in (first, rng.randrange(first + 5, total - 5)):
            while _succeeded(log) < target:
                assert worker.process.poll() is None, log.read_text()[-3000:]
                assert time.monotonic() - started < DEADLINE_SECONDS, log.read_text()[-3000:]
                time.sleep(0.02)
            time.sleep(rng.uniform(0, 0.2))
            kill = {"at": round(time.monotonic() - started, 1), "processes": worker.kill()}
            kill.update(tasks_done_before=_succeeded(log), in_flight=_unacked(queue))
            kills.append(kill)
            worker.start()
        while time.monotonic() - started < DEADLINE_SECONDS:
            state = _state(chaos)
            if state["statuses"].count("ok") == total and _queue_drained(queue):
                break
            time.sleep(1)
        recovered = round(time.monotonic() - started, 1)
    finally:
        worker.stop()

    state = _state(chaos)
    print(
        f"\nseed={seed} kills={kills} articles={total} recovered_in={recovered}s tasks_run={_succeeded(log)}"
    )
    assert _queue_drained(queue), "tasks left in the queue or unacknowledged"
    assert state["statuses"] == ["ok"] * total, state["statuses"]  # 0 lost, 0 pending, 0 failed
    assert state["keys"] == 0  # no article stored twice
    assert all(kill["processes"] >= 3 for kill in kills), kills  # main process and two children
    assert sum(kill["in_flight"] for kill in kills) >= 1, kills  # some task died with a worker

    expected, expected_events = clean_export.result()
    reference.shutdown()
    assert state["events"] == expected_events  # no event duplicated or lost
    assert _export(chaos) == expected
