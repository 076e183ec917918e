"""Ingest throughput on PostgreSQL: ``manage.py ingest --force`` in one process against Celery workers.

    .venv/bin/python bench/ingest_workers.py [--articles 400] [--concurrency 2] [--db kc_scale_ingest]

Needs PostgreSQL (127.0.0.1:5432, user postgres) and Redis (127.0.0.1:6379, db 14, a queue of its own).
The database ``--db`` is dropped and made again. The articles are bench/ingest.py's seed-like ones,
stored once; then both sides re-read all of them with ``force`` (parse, match, write: what a new
parser version costs), so both do the same work on the same rows:

1. the command's code (``services.ingest_paths``, force) in this process;
2. one ``events.ingest_article`` task per article (``services.request_article_reingest`` queues
   them), run by ``celery worker -c N`` (prefork) started afterwards.

Rates come from the articles' ``ingested`` stamps, first to last, so worker start-up is left out.
The worker children's peak resident memory (VmHWM) is read from /proc before they stop.
"""

from __future__ import annotations

import argparse
import os
import subprocess
import sys
import tempfile
import time
import uuid
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

PARSER = argparse.ArgumentParser(description=__doc__.splitlines()[0])
PARSER.add_argument("--articles", type=int, default=400)
PARSER.add_argument("--concurrency", type=int, default=2)
PARSER.add_argument("--db", default="kc_scale_ingest")
PARSER.add_argument("--seed", type=int, default=7)
ARGS = PARSER.parse_args()

SERVER = "postgres://postgres@127.0.0.1:5432"
QUEUE = f"bench-ingest-{uuid.uuid4().hex[:8]}"
os.environ["DATABASE_URL"] = f"{SERVER}/{ARGS.db}"
os.environ["CELERY_BROKER_URL"] = "redis://127.0.0.1:6379/14"
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "kejicalendar.settings")
os.environ["DEBUG"] = "False"
os.environ["SECRET_KEY"] = "bench-only-" + uuid.uuid4().hex

import django  # noqa: E402

django.setup()

import psycopg  # noqa: E402
from django.core.management import call_command  # noqa: E402
from django.db import connections  # noqa: E402
from django.db.models import Max, Min  # noqa: E402

from bench.ingest import generate  # noqa: E402
from events import tasks  # noqa: E402
from events.models import Article  # noqa: E402
from events.services import ingest_paths  # noqa: E402


def recreate_database() -> None:
    connections.close_all()
    with psycopg.connect(f"{SERVER}/postgres", autocommit=True) as conn:
        conn.execute(f'DROP DATABASE IF EXISTS "{ARGS.db}" WITH (FORCE)')
        conn.execute(f'CREATE DATABASE "{ARGS.db}"')
    call_command("migrate", verbosity=0)


def rate_since(began) -> tuple[float, int]:
    """Articles per second between the first and the last ``ingested`` stamp after ``began``."""
    done = Article.objects.filter(ingested__gte=began)
    span = done.aggregate(first=Min("ingested"), last=Max("ingested"))
    n = done.count()
    seconds = (span["last"] - span["first"]).total_seconds() if n > 1 else float("nan")
    return (n - 1) / seconds, n


def children_peak_rss_mib(pid: int) -> list[float]:
    out = []
    for child in Path(f"/proc/{pid}/task/{pid}/children").read_text().split():
        for line in Path(f"/proc/{child}/status").read_text().splitlines():
            if line.startswith("VmHWM:"):
                out.append(int(line.split()[1]) / 1024)
    return out


def main() -> None:
    from django.utils import timezone

    recreate_database()
    with tempfile.TemporaryDirectory(prefix="kejical-ingest-") as tmp:
        folder = Path(tmp)
        generate(folder, ARGS.articles, ARGS.seed)
        ingest_paths(paths=[str(folder)], base=folder.resolve())
        began = timezone.now()
        ingest_paths(paths=[str(folder)], force=True, base=folder.resolve())
        command_rate, n = rate_since(began)
        print(f"command (ingest_paths, force): {command_rate:.0f} articles/s over {n} articles", flush=True)

    began = timezone.now()
    for pk in Article.objects.values_list("pk", flat=True):
        tasks.ingest_article_task.apply_async((pk,), {"force": True}, queue=QUEUE)
    connections.close_all()
    worker = subprocess.Popen(
        [str(ROOT / ".venv/bin/celery"), "-A", "kejicalendar", "worker", "-Q", QUEUE, "-c",
         str(ARGS.concurrency), "--pool", "prefork", "-l", "warning", "--without-heartbeat",
         "--without-gossip", "--without-mingle"],
        cwd=ROOT,
        env=os.environ.copy(),
    )  # fmt: skip
    try:
        deadline = time.monotonic() + 600
        while Article.objects.filter(ingested__gte=began).count() < ARGS.articles:
            if time.monotonic() > deadline or worker.poll() is not None:
                raise RuntimeError("the worker did not finish")
            time.sleep(0.5)
        rss = children_peak_rss_mib(worker.pid)
    finally:
        worker.terminate()
        worker.wait(timeout=30)
    worker_rate, n = rate_since(began)
    print(
        f"celery worker -c {ARGS.concurrency} (one task per article, force): {worker_rate:.0f} articles/s"
        f" over {n} articles; children peak RSS {', '.join(f'{r:.0f}' for r in rss)} MiB"
    )
    print(f"worker / command: {worker_rate / command_rate:.2f}x")


if __name__ == "__main__":
    main()
