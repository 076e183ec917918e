"""Ingest throughput on PostgreSQL: ``manage.py ingest --force`` in one process against Celery workers.

    .venv/bin/python bench/ingest_workers.py [--articles 400] [--concurrency 2] [--db kc_scale_ingest]
                                             [--preload 0 | --template kc_scale_1m] [--rounds 1]

Needs PostgreSQL (127.0.0.1:5432, user postgres) and Redis (127.0.0.1:6379, db 14, a queue of its own).
The database ``--db`` is dropped and made again; with ``--preload N`` it is first filled with N
realistic events (and N/2 articles, 1.2N evidence rows) by ``bench/scale.py``'s loader, so the
ingest runs into a big database; ``--template NAME`` copies a database already filled that way
instead (``CREATE DATABASE … TEMPLATE kc_scale_1m``: seconds, where loading 1M events takes ~10 min;
nobody may be connected to the template meanwhile, and it is only read). The articles are bench/ingest.py's seed-like ones, stored once;
then both sides re-read all of them with ``force`` (parse, match, write: what a new parser
version costs), so both do the same work on the same rows, ``--rounds`` times, interleaved:

1. the command's code (``services.ingest_paths``, force) in this process;
2. ``services.request_article_reingest``: one ``events.ingest_articles`` message per 20 articles
   (with ``--per-article``, one ``events.ingest_article`` message per article, as before batches),
   run by one ``celery worker -c N`` (prefork), started once and warmed up with a few tasks
   first (a child loads the region table when it starts, and its first articles fill the lunar
   calendar caches: once per process, which a long-running worker pays rarely, not once per batch).

Rates come from the articles' ``ingested`` stamps, first to last. On a machine shared with other
work, wall rates measure the neighbours too, so CPU seconds are counted as well: this process's (or
the worker's, parent and children) plus the PostgreSQL backends serving it (read from /proc on the
same host), and shown as milliseconds of CPU per article, the client's and PostgreSQL's. The worker
children's peak resident memory (VmHWM) is read from /proc before they stop.
"""

from __future__ import annotations

import argparse
import os
import statistics
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
PARSER.add_argument("--preload", type=int, default=0, help="events loaded first (bench/scale.py's rows)")
PARSER.add_argument("--template", default="", help="copy this filled database instead of --preload")
PARSER.add_argument("--rounds", type=int, default=1, help="command and worker passes, interleaved")
PARSER.add_argument("--per-article", action="store_true", help="a task per article, not the batches")
ARGS = PARSER.parse_args()

SERVER = "postgres://postgres@127.0.0.1:5432"
QUEUE = f"bench-ingest-{uuid.uuid4().hex[:8]}"
os.environ["DATABASE_URL"] = f"{SERVER}/{ARGS.db}"
os.environ["CELERY_BROKER_URL"] = "redis://127.0.0.1:6379/14"
os.environ["CELERY_TASK_DEFAULT_QUEUE"] = QUEUE  # what the services queue goes where the worker reads
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "kejicalendar.settings")
os.environ["DEBUG"] = "False"
os.environ["SECRET_KEY"] = "bench-only-" + uuid.uuid4().hex
# Connections kept through the run, so the backends whose CPU is counted live from start to end.
os.environ["CONN_MAX_AGE"] = "600"

import django  # noqa: E402

django.setup()

import psycopg  # noqa: E402
from django.core.management import call_command  # noqa: E402
from django.db import connection, connections  # noqa: E402
from django.db.models import Max, Min  # noqa: E402

from bench.ingest import generate  # noqa: E402
from events import services  # noqa: E402
from events.models import Article, Event  # noqa: E402

TICK = os.sysconf("SC_CLK_TCK")


def recreate_database() -> None:
    """Drop ``--db`` and make it again: empty, or a copy of ``--template``; then migrate it."""
    if ARGS.template and ARGS.template == ARGS.db:
        raise SystemExit("--template must name another database than --db (which is dropped)")
    connections.close_all()
    template = f' TEMPLATE "{ARGS.template}"' if ARGS.template else ""
    with psycopg.connect(f"{SERVER}/postgres", autocommit=True) as conn:
        conn.execute(f'DROP DATABASE IF EXISTS "{ARGS.db}" WITH (FORCE)')
        conn.execute(f'CREATE DATABASE "{ARGS.db}"{template}')
    call_command("migrate", verbosity=0)


def preload(n_events: int) -> None:
    """Fill the fresh database with ``n_events`` of bench/scale.py's events (COPY), in a child process."""
    command = [sys.executable, str(ROOT / "bench/scale.py"), "--db", ARGS.db, "--fill-db", str(n_events)]
    connections.close_all()
    subprocess.run(command, check=True, cwd=ROOT)


def rate_since(began) -> tuple[float, int]:
    """Articles per second between the first and the last ``ingested`` stamp after ``began``."""
    done = Article.objects.filter(ingested__gte=began)
    span = done.aggregate(first=Min("ingested"), last=Max("ingested"))
    n = done.count()
    seconds = (span["last"] - span["first"]).total_seconds() if n > 1 else float("nan")
    return (n - 1) / seconds, n


def cpu_ticks(pids: list[int]) -> dict[int, int]:
    """User + system CPU clock ticks of each of these processes that is still running."""
    ticks = {}
    for pid in pids:
        try:
            fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
        except FileNotFoundError:
            continue
        ticks[pid] = int(fields[11]) + int(fields[12])  # utime, stime (fields 14 and 15 of stat)
    return ticks


def cpu_since(before: dict[int, int], now: list[int] | None = None) -> float:
    """CPU seconds used since ``before`` by the processes it lists that are still running, plus
    all of those in ``now`` it does not list (started since: a worker child's connection opened
    during the pass when that child took none of the warm-up messages)."""
    after = cpu_ticks(list(before) + [pid for pid in now or () if pid not in before])
    return sum(after[pid] - before.get(pid, 0) for pid in after) / TICK


def backends(*, other_than_mine: bool) -> list[int]:
    """Pids of the PostgreSQL client backends on the bench database (ours, or everyone else's), and
    of the WAL writer: an asynchronous commit leaves its WAL flush to it, so without it a side that
    commits asynchronously would look cheaper than it is (it serves the whole server: on a shared
    machine this counts a little of the neighbours' writes too, on both sides alike)."""
    with connection.cursor() as cursor:
        cursor.execute(
            "SELECT pid FROM pg_stat_activity WHERE (datname = %s AND backend_type = 'client backend' "
            f"AND pid {'<>' if other_than_mine else '='} pg_backend_pid()) OR backend_type = 'walwriter'",
            [ARGS.db],
        )
        return [row[0] for row in cursor.fetchall()]


def worker_pids(pid: int) -> list[int]:
    return [pid, *map(int, Path(f"/proc/{pid}/task/{pid}/children").read_text().split())]


def children_peak_rss_mib(pid: int) -> list[float]:
    out = []
    for child in worker_pids(pid)[1:]:
        for line in Path(f"/proc/{child}/status").read_text().splitlines():
            if line.startswith("VmHWM:"):
                out.append(int(line.split()[1]) / 1024)
    return out


def queue_reingest(pks: list[int]) -> None:
    """Queue a forced re-read of ``pks`` as the admin and beat do (or a task per article)."""
    from django.utils import timezone

    from events import tasks

    if not ARGS.per_article:
        services.request_article_reingest(articles=Article.objects.filter(pk__in=pks).order_by("pk"))
        return
    Article.objects.filter(pk__in=pks).update(queued_at=timezone.now())
    for pk in pks:
        tasks.ingest_article_task.apply_async((pk,), {"force": True}, queue=QUEUE)


def wait_for(began, n: int, worker: subprocess.Popen) -> None:
    deadline = time.monotonic() + 900
    while Article.objects.filter(ingested__gte=began, queued_at__isnull=True).count() < n:
        if time.monotonic() > deadline or worker.poll() is not None:
            raise RuntimeError("the worker did not finish")
        time.sleep(0.2)


def command_pass(folder: Path) -> dict:
    from django.utils import timezone

    began, db_before = timezone.now(), cpu_ticks(backends(other_than_mine=False))
    cpu = time.process_time()
    services.ingest_paths(paths=[str(folder)], force=True, base=folder.resolve())
    cpu, db_cpu = time.process_time() - cpu, cpu_since(db_before)
    rate, n = rate_since(began)
    return {"rate": rate, "n": n, "cpu": n / cpu, "cpu_db": n / (cpu + db_cpu), "ms": 1000 * cpu / n,
            "ms_db": 1000 * db_cpu / n}  # fmt: skip


def worker_pass(worker: subprocess.Popen, pks: list[int]) -> dict:
    from django.utils import timezone

    began = timezone.now()
    theirs = backends(other_than_mine=True)
    cpu_before, db_before = cpu_ticks(worker_pids(worker.pid)), cpu_ticks(theirs)
    queue_reingest(pks)
    wait_for(began, len(pks), worker)
    cpu, db_cpu = cpu_since(cpu_before), cpu_since(db_before, backends(other_than_mine=True))
    rate, n = rate_since(began)
    return {"rate": rate, "n": n, "cpu": n / cpu, "cpu_db": n / (cpu + db_cpu), "ms": 1000 * cpu / n,
            "ms_db": 1000 * db_cpu / n}  # fmt: skip


def start_worker(warm: list[int]) -> subprocess.Popen:
    from django.utils import timezone

    from events import tasks

    connections.close_all()
    worker = subprocess.Popen(
        [str(ROOT / ".venv/bin/celery"), "-A", "kejicalendar", "worker", "-Q", QUEUE, "-c",
         str(ARGS.concurrency), "--pool", "prefork", "-l", "warning", "--without-heartbeat",
         "--without-gossip", "--without-mingle"],
        cwd=ROOT,
        env=os.environ.copy(),
    )  # fmt: skip
    began = timezone.now()
    Article.objects.filter(pk__in=warm).update(queued_at=began)
    for pk in warm:  # one message each, so that every child takes some
        tasks.ingest_article_task.apply_async((pk,), {"force": True}, queue=QUEUE)
    wait_for(began, len(warm), worker)
    return worker


def line(name: str, r: dict) -> str:
    return (
        f"{name:44} {r['rate']:6.0f} articles/s | {r['cpu']:6.0f} articles/CPU-s"
        f" | {r['cpu_db']:6.0f} articles/CPU-s with PostgreSQL's"
        f" | {r['ms']:5.2f} + {r['ms_db']:4.2f} ms CPU per article | load {os.getloadavg()[0]:.1f}"
    )


def main() -> None:
    recreate_database()
    if ARGS.preload:
        preload(ARGS.preload)
    filled = f"a copy of {ARGS.template}" if ARGS.template else f"{ARGS.preload} events preloaded"
    print(
        f"{ARGS.articles} articles, {filled}, worker -c {ARGS.concurrency}",
        flush=True,
    )
    with tempfile.TemporaryDirectory(prefix="kejical-ingest-") as tmp:
        folder = Path(tmp)
        generate(folder, ARGS.articles, ARGS.seed)
        services.ingest_paths(paths=[str(folder)], base=folder.resolve())
        pks = list(Article.objects.filter(key__regex=r"^\d{4}\.txt$").values_list("pk", flat=True))
        print(f"stored: {len(pks)} articles, {Event.objects.count()} events in the database", flush=True)
        worker = start_worker(pks[: 4 * ARGS.concurrency])
        results = {"command": [], "worker": []}
        kind = "a task per article" if ARGS.per_article else "batches of 20"
        try:
            for _ in range(ARGS.rounds):
                results["command"].append(command_pass(folder))
                print(line("command (ingest_paths, force)", results["command"][-1]), flush=True)
                results["worker"].append(worker_pass(worker, pks))
                print(
                    line(f"worker -c {ARGS.concurrency} ({kind})", results["worker"][-1]),
                    flush=True,
                )
            rss = children_peak_rss_mib(worker.pid)
        finally:
            worker.terminate()
            worker.wait(timeout=30)
    median = {side: {k: statistics.median(r[k] for r in rs) for k in ("rate", "cpu", "cpu_db", "ms", "ms_db")}
              for side, rs in results.items()}  # fmt: skip
    print(f"children peak RSS {', '.join(f'{r:.0f}' for r in rss)} MiB")
    print(
        f"worker / command (median of {ARGS.rounds}): {median['worker']['rate'] / median['command']['rate']:.2f}x"
        f" wall, {median['worker']['cpu_db'] / median['command']['cpu_db']:.2f}x per CPU-second"
    )
    for side, m in median.items():
        print(
            f"{side} (median): {m['rate']:.0f} articles/s, {m['cpu_db']:.0f} articles/CPU-s with PostgreSQL's,"
            f" {m['ms']:.2f} ms CPU per article + {m['ms_db']:.2f} ms PostgreSQL's"
        )


if __name__ == "__main__":
    main()
