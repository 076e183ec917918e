"""Times publishing with 10,000 events: feed render vs django-ical, the 304 path, and API latency under load.

Run from the repository root: ``.venv/bin/python bench/publish.py`` (or ``make bench``). Needs the
``bench`` extra (django-ical) and ``wrk`` (apt) for the load test; everything stays on 127.0.0.1
and every phase is time-bounded. The database is a temporary SQLite file, deleted afterwards.

1. Cold render of 10,000 events: ``feeds.build_calendar`` (size caps lifted) against django-ical's
   ``ICalFeed`` rendering the same events with the same text, both from the same prefetched list.
2. The served feed over Django's test client: cold (query + render), cached 200, and 304.
3. ``GET /api/events`` against gunicorn (2 sync workers) under wrk from a second process, next to
   ``GET /api/health`` (no database) on the same server as the floor: p50 and p99 latency.
"""

from __future__ import annotations

import argparse
import io
import os
import platform
import random
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
import urllib.request
import uuid
from collections.abc import Callable
from datetime import date, datetime, timedelta
from datetime import time as dtime
from pathlib import Path
from zoneinfo import ZoneInfo

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

WORKDIR = Path(tempfile.mkdtemp(prefix="kejical-bench-"))
DB_URL = f"sqlite:///{WORKDIR / 'bench.sqlite3'}"
os.environ["DATABASE_URL"] = DB_URL
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "kejicalendar.settings")
os.environ["DEBUG"] = "False"
os.environ["SECRET_KEY"] = "bench-only-" + uuid.uuid4().hex
os.environ["ALLOWED_HOSTS"] = "127.0.0.1,localhost,testserver,kejicalendar.example"

import django  # noqa: E402

django.setup()

from django.core.cache import cache  # noqa: E402
from django.core.management import call_command  # noqa: E402
from django.test import Client, RequestFactory  # noqa: E402
from django.utils import timezone  # noqa: E402

from bench.loadtest import free_port, run_wrk, wait_for  # noqa: E402
from events import feeds  # noqa: E402
from events.models import Article, Event, Evidence, Source  # noqa: E402
from events.publishing import feed_text  # noqa: E402
from events.publishing.times import local_end  # noqa: E402
from events.selectors import with_sources  # noqa: E402

N_EVENTS = 10_000
N_ARTICLES = 500
HOST = "kejicalendar.example"
PLACES = ["金谷广场", "太谷区农业科技园", "晋中市会展中心,东区", "山西农业大学;南校区", ""]
KINDS = Event.Kind.values
TITLE_WORDS = [
    "科技节开幕",
    "项目集中签约",
    "实用技术培训",
    "成果展览",
    "创新中心揭牌",
    "创新创业大赛",
    "科普宣传",
]
SENTENCE = "开幕式上，共有 15 个项目成功签约，\n总投资 16.7亿元，涵盖玛钢铸造、现代农业、新能源等多个领域，进一步深化了校地、校企合作。"


def create_events(rng: random.Random) -> None:
    """10,000 events over two years around today: mostly days, some timed, some coarse; one evidence each."""
    source = Source.objects.create(name="基准来源")
    articles = Article.objects.bulk_create(
        Article(
            key=f"https://news.example/{n}",
            url=f"https://news.example/{n}",
            title=f"太谷新闻第{n}期",
            text=SENTENCE * 3,
            source=source,
            status="ok",
        )
        for n in range(N_ARTICLES)
    )
    today = timezone.localdate()
    events = []
    for n in range(N_EVENTS):
        start = today + timedelta(days=rng.randint(-700, 365))
        roll = rng.random()
        precision, end, edtf, at, until = "day", start, start.isoformat(), None, None
        if roll < 0.15:
            end = start + timedelta(days=rng.randint(1, 5))
            edtf = f"{start.isoformat()}/{end.isoformat()}"
        elif roll < 0.30:
            at = dtime(rng.choice([9, 10, 14, 15]), rng.choice([0, 30]))
            if roll < 0.22:  # about half the timed events print their end ("9:00-17:00")
                until = dtime(at.hour + rng.choice([1, 2, 3]), at.minute)
        elif roll < 0.40:
            start = start.replace(day=1)
            end = (start + timedelta(days=32)).replace(day=1) - timedelta(days=1)
            precision, edtf = "month", start.strftime("%Y-%m")
        elif roll < 0.43:
            start, end, precision, edtf = (
                date(start.year, 1, 1),
                date(start.year, 12, 31),
                "year",
                str(start.year),
            )
        events.append(
            Event(
                uid=uuid.uuid4().hex,
                title=f"山西·太谷第{n}届{rng.choice(TITLE_WORDS)}，暨成果推介会",
                kind=rng.choice(KINDS),
                start=start,
                end=end,
                time=at,
                end_time=until,
                precision=precision,
                edtf=edtf,
                place=rng.choice(PLACES),
                figures={"projects_signed": 15, "investment_yuan": 1670000000} if n % 3 == 0 else {},
                organizers={"hosts": ["太谷区人民政府"]} if n % 4 == 0 else {},
                status="confirmed" if n % 5 == 0 else ("hidden" if n % 97 == 0 else "auto"),
                sequence=n % 3,
            )
        )
    Event.objects.bulk_create(events, batch_size=1000)
    stored = list(Event.objects.values_list("pk", flat=True))
    Evidence.objects.bulk_create(
        (
            Evidence(
                event_id=pk,
                article=articles[i % N_ARTICLES],
                sentence=SENTENCE,
                span_start=0,
                span_end=len(SENTENCE),
            )
            for i, pk in enumerate(stored)
        ),
        batch_size=1000,
    )


def best_of(fn: Callable[[], object], *, repeat: int) -> tuple[float, object]:
    """The fastest of ``repeat`` runs in seconds (the least disturbed by the machine), and the last result."""
    times, result = [], None
    for _ in range(repeat):
        began = time.perf_counter()
        result = fn()
        times.append(time.perf_counter() - began)
    return min(times), result


def django_ical_render(events: list[Event]) -> bytes:
    """django-ical's ICalFeed over the same events, with the same SUMMARY, DESCRIPTION and dates."""
    from django_ical.views import ICalFeed

    class BenchFeed(ICalFeed):
        product_id = feeds.PRODID
        title = "科技日历"
        description = "科技日历：本地新闻中的科技活动"
        timezone = feeds.FEED_TZ
        ttl = "PT6H"

        def items(self) -> list[Event]:
            return events

        def item_guid(self, item: Event) -> str:
            return f"kejical-{item.uid}@{HOST}"

        def item_title(self, item: Event) -> str:
            return feed_text.event_summary(item)

        def item_description(self, item: Event) -> str:
            return feed_text.event_description(item)

        def item_link(self, item: Event) -> str:
            return f"/events/{item.uid}/"

        def item_start_datetime(self, item: Event) -> date | datetime:
            if item.time is None:
                return item.start
            return datetime.combine(item.start, item.time, tzinfo=ZoneInfo(feeds.FEED_TZ))

        def item_end_datetime(self, item: Event) -> date | datetime:
            end = local_end(item)
            if end is not None:  # the same DTEND as ours for an event with an end time
                return end.replace(tzinfo=ZoneInfo(feeds.FEED_TZ))
            return item.end + timedelta(days=1)

        def item_updateddate(self, item: Event) -> datetime:
            return item.updated

        def item_timestamp(self, item: Event) -> datetime:
            return item.updated

        def item_location(self, item: Event) -> str:
            return item.place

        def item_categories(self, item: Event) -> list[str]:
            return [str(Event.Kind(item.kind).label)] + ([item.place] if item.place else [])

        def item_status(self, item: Event) -> str:
            return feeds.STATUS_WORDS[item.status]

        def item_sequence(self, item: Event) -> int:
            return item.sequence

    request = RequestFactory().get("/calendar.ics", HTTP_HOST=HOST)
    out = io.BytesIO()  # django-ical writes bytes, so Django's writeString() cannot be used
    BenchFeed().get_feed(None, request).write(out, "utf-8")
    return out.getvalue()


def bench_render(events: list[Event], repeat: int) -> dict:
    feeds.MAX_FEED_EVENTS, feeds.MAX_FEED_BYTES = 10**9, 10**12  # render everything, like django-ical
    ours_s, ours = best_of(
        lambda: feeds.build_calendar(events, site_url=f"https://{HOST}", uid_domain=HOST), repeat=repeat
    )
    theirs_s, theirs = best_of(lambda: django_ical_render(events), repeat=repeat)
    assert ours.count(b"BEGIN:VEVENT") == theirs.count(b"BEGIN:VEVENT") == len(events)
    return {"ours": ours_s, "theirs": theirs_s, "ours_bytes": len(ours), "theirs_bytes": len(theirs)}


def bench_served_feed(repeat: int) -> dict:
    """The real /calendar.ics (caps on) through Django: cold, cached and 304, in milliseconds."""
    feeds.MAX_FEED_EVENTS, feeds.MAX_FEED_BYTES = 2000, 800_000
    client = Client(HTTP_HOST="127.0.0.1")

    def cold() -> object:
        cache.clear()
        return client.get("/calendar.ics")

    cold_s, response = best_of(cold, repeat=repeat)
    assert response.status_code == 200
    etag = response["ETag"]
    warm = [best_of(lambda: client.get("/calendar.ics"), repeat=1)[0] for _ in range(200)]
    not_modified = [
        best_of(lambda: client.get("/calendar.ics", HTTP_IF_NONE_MATCH=etag), repeat=1)[0] for _ in range(200)
    ]
    assert client.get("/calendar.ics", HTTP_IF_NONE_MATCH=etag).status_code == 304
    return {
        "cold_ms": cold_s * 1000,
        "warm_ms": statistics.median(warm) * 1000,
        "not_modified_ms": statistics.median(not_modified) * 1000,
        "bytes": len(response.content),
        "events": response.content.count(b"BEGIN:VEVENT"),
    }


def bench_api_uncached(repeat: int) -> dict:
    """``GET /api/events`` in-process with the cache emptied before each request (the first reader after a change)."""
    client = Client(HTTP_HOST="127.0.0.1")
    urls = {"events": "/api/events", "events_filtered": "/api/events?kind=signing&from=2025-01-01&limit=20"}
    result = {}
    for name, url in urls.items():
        times = []
        for _ in range(max(repeat, 20)):
            cache.clear()
            times.append(best_of(lambda url=url: client.get(url), repeat=1)[0])
        result[name] = statistics.median(times) * 1000
    return result


def bench_api(seconds: int, connections: int, rounds: int) -> dict:
    if shutil.which("wrk") is None:
        return {}
    port = free_port()
    env = {**os.environ, "DATABASE_URL": DB_URL}
    server = subprocess.Popen(
        [
            str(ROOT / ".venv/bin/gunicorn"),
            "kejicalendar.wsgi",
            "-w",
            "2",
            "-b",
            f"127.0.0.1:{port}",
            "--log-level",
            "warning",
        ],
        cwd=ROOT,
        env=env,
    )
    try:
        wait_for(port, time.monotonic() + 30)
        base = f"http://127.0.0.1:{port}"
        urls = {
            "health": f"{base}/api/health",
            "events": f"{base}/api/events",
            "events_filtered": f"{base}/api/events?kind=signing&from=2025-01-01&limit=20",
            "feed": f"{base}/calendar.ics",
        }
        for url in urls.values():  # warm up both workers
            run_wrk(url, seconds=1, connections=2)
        with urllib.request.urlopen(urls["feed"], timeout=10) as response:
            etag = response.headers["ETag"]
        conditional = {"feed_304": (urls["feed"], (f"If-None-Match: {etag}",))}
        # Interleaved rounds, median per URL: a burst of load from elsewhere on the machine then
        # spoils one round of every URL rather than all of one URL's measurement.
        runs: dict[str, list[dict]] = {name: [] for name in urls}
        for _ in range(rounds):
            for name, url in urls.items():
                runs[name].append(run_wrk(url, seconds=seconds, connections=connections))
            for name, (url, headers) in conditional.items():
                runs.setdefault(name, []).append(
                    run_wrk(url, seconds=seconds, connections=connections, headers=headers)
                )
        return {
            name: {key: statistics.median(r[key] for r in rows) for key in rows[0]}
            for name, rows in runs.items()
        }
    finally:
        server.terminate()
        server.wait(timeout=10)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeat", type=int, default=3, help="renders per contender (best is kept)")
    parser.add_argument("--seconds", type=int, default=5, help="wrk duration per URL and round")
    parser.add_argument("--connections", type=int, default=8, help="wrk concurrent connections")
    parser.add_argument("--rounds", type=int, default=3, help="interleaved wrk rounds per URL (median kept)")
    args = parser.parse_args()
    try:
        began = time.perf_counter()
        call_command("migrate", verbosity=0)
        create_events(random.Random(20240311))
        print(
            f"# migrated and {N_EVENTS} events created in {time.perf_counter() - began:.1f} s ({platform.python_version()})"
        )
        events = list(with_sources(Event.objects.order_by("-start", "pk")))
        render = bench_render(events, args.repeat)
        print(
            f"cold render, {len(events)} events: build_calendar {render['ours'] * 1000:.0f} ms "
            f"({render['ours_bytes'] / 1e6:.1f} MB), django-ical {render['theirs'] * 1000:.0f} ms "
            f"({render['theirs_bytes'] / 1e6:.1f} MB): {render['theirs'] / render['ours']:.1f}x faster"
        )
        served = bench_served_feed(args.repeat)
        print(
            f"served /calendar.ics ({served['events']} events, {served['bytes'] / 1000:.0f} KB): "
            f"cold {served['cold_ms']:.0f} ms, cached 200 {served['warm_ms']:.2f} ms, "
            f"304 {served['not_modified_ms']:.2f} ms (medians in-process)"
        )
        uncached = bench_api_uncached(args.repeat)
        print(
            f"GET /api/events with an empty cache: {uncached['events']:.1f} ms, "
            f"filtered {uncached['events_filtered']:.1f} ms (medians in-process)"
        )
        api = bench_api(args.seconds, args.connections, args.rounds)
        if not api:
            print("wrk not found: skipped the load test (apt-get install wrk)")
            return
        floor = api["health"]
        print(
            f"gunicorn -w 2, wrk -t2 -c{args.connections} -d{args.seconds}s, median of {args.rounds} rounds:"
        )
        for name, row in api.items():
            print(
                f"  {name:16} p50 {row['p50']:7.2f} ms  p99 {row['p99']:7.2f} ms  {row['rps']:8.0f} req/s"
                f"  errors {row['errors']}  p99/floor {row['p99'] / floor['p99']:.1f}x"
            )
    finally:
        shutil.rmtree(WORKDIR, ignore_errors=True)


if __name__ == "__main__":
    main()
