"""Times the pages that list events when one stored article is huge (1.9M characters), against a small one.

Run from the repository root: ``.venv/bin/python bench/big_article.py``. The database is a temporary
SQLite file, deleted afterwards. The peer is the same data with the article cut to 2,000
characters: the ratio says how much the article's size costs each request. ``/`` (the timeline),
``/api/events``, ``/calendar.ics`` and the article's own page are requested through Django's test
client with the cache cleared before every request, best of ``--repeat``.
"""

from __future__ import annotations

import argparse
import os
import shutil
import statistics
import sys
import tempfile
import time
import uuid
from datetime import date, timedelta
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

WORKDIR = Path(tempfile.mkdtemp(prefix="kejical-big-"))
os.environ["DATABASE_URL"] = f"sqlite:///{WORKDIR / 'bench.sqlite3'}"
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "kejicalendar.settings")
os.environ["DEBUG"] = "False"
os.environ["SECRET_KEY"] = "bench-only-" + uuid.uuid4().hex
os.environ["ALLOWED_HOSTS"] = "testserver"
os.environ["KEJICAL_TASKS_IN_PROCESS"] = "True"

import django  # noqa: E402

django.setup()

from django.core.cache import cache  # noqa: E402
from django.core.management import call_command  # noqa: E402
from django.test import Client  # noqa: E402

from events.models import Article, Event, Evidence  # noqa: E402
from events.services.ingest import find_mentions, store_mentions  # noqa: E402

BIG_CHARS = 1_900_000
SMALL_CHARS = 2_000
EVENTS = 60
SENTENCE = "3月11日，山西·太谷第二十一届科技节在金谷广场开幕，共有15个项目成功签约。"


def store(chars: int) -> Article:
    """One article of ``chars`` characters and ``EVENTS`` upcoming events citing it, two sentences each."""
    Evidence.objects.all().delete()
    Event.objects.all().delete()
    Article.objects.all().delete()
    text = (SENTENCE * (chars // len(SENTENCE) + 1))[:chars]
    # Mentions stored as ingestion stores them (services.ingest.find_mentions), so the article page
    # is timed as it is served after ingestion, not as a row from before mentions were stored.
    mentions = find_mentions(text, date.today())
    article = Article.objects.create(
        key="big.txt",
        title="长文",
        text=text,
        mention_count=len(mentions),
        status="ok",
        published=date.today(),
    )
    store_mentions(article, mentions)
    for n in range(EVENTS):
        day = date.today() + timedelta(days=n)
        event = Event.objects.create(
            title=f"科技节{n}", kind="festival", start=day, end=day, edtf=day.isoformat()
        )
        for k in range(2):
            at = (n * 2 + k) * len(SENTENCE) % (chars - len(SENTENCE))
            Evidence.objects.create(
                event=event, article=article, sentence=SENTENCE, span_start=at, span_end=at + len(SENTENCE)
            )
    return article


def best(client: Client, path: str, repeat: int) -> float:
    """Fastest of ``repeat`` uncached GETs of ``path``, in milliseconds."""
    times = []
    for _ in range(repeat):
        cache.clear()
        started = time.perf_counter()
        response = client.get(path)
        times.append((time.perf_counter() - started) * 1000)
        assert response.status_code == 200, (path, response.status_code)
    return min(times)


def measure(chars: int, repeat: int) -> dict[str, float]:
    article = store(chars)
    client = Client()
    paths = ["/", "/api/events?limit=50", "/calendar.ics", f"/articles/{article.pk}/"]
    return {path.replace(str(article.pk), "<id>"): best(client, path, repeat) for path in paths}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeat", type=int, default=3)
    args = parser.parse_args()
    try:
        call_command("migrate", verbosity=0)
        small = measure(SMALL_CHARS, args.repeat)
        big = measure(BIG_CHARS, args.repeat)
    finally:
        shutil.rmtree(WORKDIR, ignore_errors=True)
    print(f"{EVENTS} events citing one article; best of {args.repeat}, cache cleared before each request")
    print(f"{'path':<24}{'2,000 chars':>14}{'1.9M chars':>14}{'ratio':>8}")
    for path, fast in small.items():
        print(f"{path:<24}{fast:>11.1f} ms{big[path]:>11.1f} ms{big[path] / fast:>8.1f}")
    print(f"median ratio {statistics.median(big[p] / small[p] for p in small):.1f}")


if __name__ == "__main__":
    main()
