"""Ingestion benchmark: 1,000 generated seed-like articles into a fresh SQLite DB, then again unchanged.

    .venv/bin/python bench/ingest.py [--articles 1000] [--seed 7]

Articles are built from the seed sentences, recombined and with their dates shifted by a random
number of days and years (deterministic for a given --seed); half of them get a publication date
from a manifest, the rest have it inferred from the text. Both passes go through
``events.services.ingest_paths``, the code behind ``manage.py ingest``. Memory is the process's
peak resident size (``ru_maxrss``), so it includes Django itself; the baseline before ingesting is
printed beside it. Times are wall clock and process CPU time (user + system): on a shared machine
the CPU figure is the one-core throughput, and the gap to wall time is waiting (fsync, other load).
It runs twice, each in its own process: with SQLite as settings.py configures it (WAL,
synchronous=NORMAL), and with the rollback journal and synchronous=FULL (every commit fsynced) for
comparison. A third pass re-reads everything with ``force`` (what a new parser version does): with
the same parser it must update no event. Targets: >= 100 articles/s, unchanged re-ingest >= 10x faster.
"""

from __future__ import annotations

import argparse
import json
import os
import random
import re
import resource
import subprocess
import sys
import tempfile
import time
from datetime import date, timedelta
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SEEDS = ROOT / "seeds"
SENTENCE = re.compile(r"[^。！？]*[。！？]+[”’」]?\s*", re.S)
MONTH_DAY = re.compile(r"(\d{1,2})(\s*月\s*)(\d{1,2})(\s*日)")
YEAR = re.compile(r"(?<!\d)(20\d\d)(?=\s*年|“)")
BASE = date(2024, 3, 12)


def seed_sentences() -> list[str]:
    """Every sentence of the seed articles (line breaks kept, as the PDF text has them)."""
    out = []
    for path in sorted(SEEDS.glob("*.txt")):
        out += [s for s in SENTENCE.findall(path.read_text(encoding="utf-8")) if len(s.strip()) > 8]
    return out


def shift_dates(text: str, days: int, years: int) -> str:
    """Move every "M月D日" by ``days`` (read in 2024) and every "20YY年" by ``years``."""

    def month_day(m: re.Match) -> str:
        try:
            moved = date(2024, int(m.group(1)), int(m.group(3))) + timedelta(days=days)
        except ValueError:
            return m.group(0)
        return f"{moved.month}{m.group(2)}{moved.day}{m.group(4)}"

    text = MONTH_DAY.sub(month_day, text)
    return YEAR.sub(lambda m: str(int(m.group(1)) + years), text)


def generate(folder: Path, count: int, seed: int) -> None:
    """Write ``count`` articles and a manifest dating every other one."""
    rng = random.Random(seed)
    sentences = seed_sentences()
    manifest = []
    for i in range(count):
        days, years = rng.randint(-150, 150), rng.randint(-4, 1)
        picked = rng.sample(sentences, rng.randint(8, 20))
        text = f"科技动态 第{i}期\n\n" + "".join(shift_dates(s, days, years) for s in picked)
        name = f"{i:04d}.txt"
        (folder / name).write_text(text, encoding="utf-8")
        if i % 2 == 0:
            published = BASE.replace(year=BASE.year + years) + timedelta(days=days)
            manifest.append({"file": name, "published": published.isoformat(), "source": "bench"})
    (folder / "manifest.json").write_text(
        json.dumps({"articles": manifest}, ensure_ascii=False), encoding="utf-8"
    )


def peak_rss_mib() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024  # Linux reports KiB


def measure(*, articles: int, seed: int, journal: str) -> dict:
    """One run in this process: generate, migrate a fresh SQLite file, ingest twice; returns the timings."""
    with tempfile.TemporaryDirectory(prefix="kejical-bench-") as tmp:
        os.environ["DATABASE_URL"] = f"sqlite:///{tmp}/bench.sqlite3"
        os.environ.pop("CELERY_BROKER_URL", None)
        os.environ.setdefault("DJANGO_SETTINGS_MODULE", "kejicalendar.settings")
        sys.path.insert(0, str(ROOT))
        import django
        from django.conf import settings

        django.setup()
        if journal == "rollback":
            # SQLite's own default, as settings.py had it before WAL: every commit is fsynced.
            settings.DATABASES["default"]["OPTIONS"]["init_command"] = (
                "PRAGMA journal_mode=DELETE; PRAGMA synchronous=FULL;"
            )
        import logging

        from django.core.management import call_command

        from events.models import Article, Event
        from events.services import ingest_paths
        from events.services.ingest import find_candidates

        logging.disable(logging.WARNING)
        call_command("migrate", verbosity=0)
        folder = Path(tmp) / "articles"
        folder.mkdir()
        generate(folder, articles, seed)
        texts = [p.read_text(encoding="utf-8") for p in sorted(folder.glob("*.txt"))]

        started, cpu = time.perf_counter(), time.process_time()
        for text in texts:
            find_candidates(text, BASE)
        extract_s, extract_cpu = time.perf_counter() - started, time.process_time() - cpu

        baseline = peak_rss_mib()
        started, cpu = time.perf_counter(), time.process_time()
        first = ingest_paths(paths=[str(folder)], base=folder.resolve())
        first_s, first_cpu = time.perf_counter() - started, time.process_time() - cpu
        peak = peak_rss_mib()

        started, cpu = time.perf_counter(), time.process_time()
        again = ingest_paths(paths=[str(folder)], base=folder.resolve())
        again_s, again_cpu = time.perf_counter() - started, time.process_time() - cpu

        started, cpu = time.perf_counter(), time.process_time()
        forced = ingest_paths(paths=[str(folder)], force=True, base=folder.resolve())
        forced_s, forced_cpu = time.perf_counter() - started, time.process_time() - cpu
        return {
            "chars": sum(map(len, texts)) / articles,
            "extract_s": extract_s,
            "first_s": first_s,
            "again_s": again_s,
            "extract_cpu": extract_cpu,
            "first_cpu": first_cpu,
            "again_cpu": again_cpu,
            "forced_s": forced_s,
            "forced_cpu": forced_cpu,
            "forced": dict(forced.articles),
            "forced_events": dict(forced.events),
            "first": dict(first.articles),
            "events": dict(first.events),
            "again": dict(again.articles),
            "rss": peak,
            "rss_before": baseline,
            "stored": [Article.objects.count(), Event.objects.count()],
        }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--articles", type=int, default=1000)
    parser.add_argument("--seed", type=int, default=7)
    parser.add_argument(
        "--journal", choices=["configured", "rollback"], help="run one configuration, print JSON"
    )
    args = parser.parse_args()
    if args.journal:
        print(json.dumps(measure(articles=args.articles, seed=args.seed, journal=args.journal)))
        return
    n = args.articles
    print(f"{n} generated articles (seed {args.seed}), one process each, fresh SQLite file each")
    for journal in ("configured", "rollback"):
        # A process per configuration: settings and peak memory start from scratch.
        command = [
            sys.executable,
            __file__,
            "--articles",
            str(n),
            "--seed",
            str(args.seed),
            "--journal",
            journal,
        ]
        r = json.loads(subprocess.run(command, check=True, capture_output=True, text=True).stdout)
        label = (
            "as configured (WAL, synchronous=NORMAL)"
            if journal == "configured"
            else "rollback journal, synchronous=FULL"
        )
        print(f"\n## SQLite {label}; {r['chars']:.0f} characters per article")
        print("                     wall s  articles/s |  CPU s  articles/CPU-s")
        for name, key in (
            ("extractor alone", "extract"),
            ("first ingest", "first"),
            ("unchanged re-ingest", "again"),
            ("forced re-read", "forced"),
        ):
            wall, cpu = r[f"{key}_s"], r[f"{key}_cpu"]
            print(f"{name + ':':20} {wall:7.2f} {n / wall:11.1f} | {cpu:6.2f} {n / cpu:14.1f}")
        print(f"first ingest:        {r['first']}; events {r['events']}")
        print(
            f"stored:              {r['stored'][0]} articles, {r['stored'][1]} events; re-ingest {r['again']}"
        )
        print(f"forced re-read:      {r['forced']}; events {r['forced_events']}")
        speedup = f"{r['first_s'] / r['again_s']:.1f}x wall, {r['first_cpu'] / r['again_cpu']:.1f}x CPU"
        print(f"re-ingest speed-up:  {speedup}")
        print(f"peak RSS:            {r['rss']:6.1f} MiB (before ingesting: {r['rss_before']:.1f} MiB)")


if __name__ == "__main__":
    main()
