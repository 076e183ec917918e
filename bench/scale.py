"""Every read at 10k and 100k (and, with --million, 1M) events on PostgreSQL: p99 against the floor, and growth.

Run from the repository root: ``.venv/bin/python bench/scale.py [--million] [--db kc_scale] [--reuse]``.
Needs PostgreSQL on 127.0.0.1:5432 (user postgres) and ``wrk`` (apt). Heavy: stays out of ``make test``.

Each size has its own database (``kc_scale_10k``, ``kc_scale_100k``, ``kc_scale_1m``). It is dropped,
made again, migrated and filled with COPY, unless ``--reuse`` finds it already filled to that size
(then it is only migrated, so a 1M load made once serves several runs; ``--fill-only`` makes it):
realistic Chinese events (kinds, places, topics, ten years of dates, 85% day precision, some
month/season/year/period/undated, 2% hidden, 1% merged), half as many articles as events (each
with its text and the sentences its events cite) and 1.2 evidence rows per event. Then:

1. Cold reads in-process (Django test client, cache cleared before each, median of ``--repeat``):
   what a read costs the first time after a write, when no cached page or aggregate helps.
2. gunicorn with 2 sync workers, wrk from a second process: p99 of each read (warm: the data version
   unchanged, as between two writes) divided by the p99 of ``/api/health`` (no database), and
   the growth of each read's p99 from the smallest size to the largest.
3. EXPLAIN ANALYZE of the queries behind those reads at the largest size (``--explain``).
"""

from __future__ import annotations

import argparse
import json
import math
import os
import random
import shutil
import statistics
import subprocess
import sys
import time
import urllib.parse
import urllib.request
import uuid
from dataclasses import dataclass
from datetime import UTC, date, datetime, timedelta
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

PARSER = argparse.ArgumentParser(description=__doc__.splitlines()[0])
PARSER.add_argument("--db", default="kc_scale", help="prefix of the PostgreSQL databases (one per size)")
PARSER.add_argument("--sizes", default="10000,100000", help="event counts, comma-separated")
PARSER.add_argument("--million", action="store_true", help="also 1,000,000 events (takes long)")
PARSER.add_argument("--seconds", type=int, default=4, help="wrk duration per URL and round")
PARSER.add_argument("--rounds", type=int, default=3, help="interleaved wrk rounds (median kept)")
PARSER.add_argument("--connections", type=int, default=4, help="wrk concurrent connections")
PARSER.add_argument("--repeat", type=int, default=5, help="cold in-process reads per URL (median kept)")
PARSER.add_argument("--explain", action="store_true", help="print EXPLAIN ANALYZE at the largest size")
PARSER.add_argument("--reuse", action="store_true", help="keep a database already filled to its size")
PARSER.add_argument("--fill-only", action="store_true", help="fill (or reuse) the databases, measure nothing")
PARSER.add_argument(
    "--cold-only", action="store_true", help="only the cold in-process reads (no gunicorn, no wrk)"
)
PARSER.add_argument("--only", help="only these reads, by name, comma-separated (e.g. /,/calendar.ics)")
PARSER.add_argument(
    "--fill-db",
    type=int,
    metavar="N",
    help="only fill the migrated database named --db itself with N events (bench/ingest_workers.py --preload)",
)
ARGS = PARSER.parse_args()

SERVER = "postgres://postgres@127.0.0.1:5432"


def database_name(size: int) -> str:
    label = f"{size // 1_000_000}m" if size % 1_000_000 == 0 else f"{size // 1000}k"
    return f"{ARGS.db}_{label}"


# Django reads DATABASE_URL once at setup: each size's database is switched to by editing its NAME.
os.environ["DATABASE_URL"] = f"{SERVER}/{ARGS.db}_setup"
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "kejicalendar.settings")
os.environ["DEBUG"] = "False"
os.environ["SECRET_KEY"] = "bench-only-" + uuid.uuid4().hex
os.environ["ALLOWED_HOSTS"] = "127.0.0.1,localhost,testserver"
os.environ["KEJICAL_TASKS_IN_PROCESS"] = "True"  # no broker: the bench writes nothing through tasks

import django  # noqa: E402

django.setup()

import psycopg  # noqa: E402
from django.core.cache import cache  # noqa: E402
from django.core.management import call_command  # noqa: E402
from django.db import connection, connections  # noqa: E402
from django.db.models import JSONField  # noqa: E402
from django.test import Client  # noqa: E402

import kejicalendar.wsgi  # noqa: E402, F401  (as gunicorn loads it, gc.freeze() included)
from bench.loadtest import free_port, run_wrk, wait_for  # noqa: E402
from events.models import Article, Event, Evidence, Source  # noqa: E402
from events.selectors import EventFilters, calendar_events, filter_events, order_events  # noqa: E402
from events.selectors.aggregates import _build_cube  # noqa: E402
from events.selectors.paging import after_by_start  # noqa: E402
from events.selectors.search import _indexed_matches, pairs_query  # noqa: E402
from events.selectors.timeline import after_on_timeline, timeline_events  # noqa: E402

PLACES = [
    "太谷区", "金谷广场", "晋中市", "榆次区", "平遥县", "祁县", "寿阳县", "杭州市滨江区", "深圳市南山区",
    "苏州工业园区", "合肥高新区", "成都天府新区", "武汉光谷", "西安高新区", "长沙岳麓山大学科技城",
    "宁波市鄞州区", "青岛西海岸新区", "厦门火炬高新区", "贵阳大数据中心", "昆明呈贡区", "南宁五象新区",
    "郑州航空港区", "济南高新区", "福州滨海新城", "哈尔滨新区", "沈阳浑南区", "大连高新区", "兰州新区",
    "银川阅海湾", "乌鲁木齐高新区", "拉萨经开区", "海口江东新区", "石家庄正定新区", "太原综改区",
    "呼和浩特金山", "南昌高新区", "长春净月区", "天津滨海新区", "重庆两江新区", "上海张江",
]  # fmt: skip
TOPICS = [
    "科技", "人工智能", "数字经济", "农业科技", "新能源", "生物医药", "智能制造", "科普", "创新创业",
    "低空经济", "集成电路", "新材料", "智慧农业", "氢能", "工业互联网", "北斗应用", "种业", "现代农业",
]  # fmt: skip
RARE_TOPIC = "量子通信"  # about one event in a thousand: the rare keyword searched below
KIND_WORDS = {
    "festival": ["科技节", "科技活动周", "科普日"],
    "signing": ["项目签约仪式", "战略合作签约", "产学研合作签约"],
    "training": ["技能培训班", "科技特派员培训", "专题培训"],
    "exhibition": ["博览会", "成果展", "展示会"],
    "opening": ["开馆仪式", "开园活动", "开放日"],
    "unveiling": ["揭牌仪式", "挂牌仪式"],
    "competition": ["创新创业大赛", "技能竞赛", "挑战赛"],
    "meeting": ["论坛", "推介会", "对接会", "研讨会"],
    "service": ["科技下乡服务", "技术服务活动"],
    "launch": ["新品发布会", "成果发布会"],
    "other": ["活动"],
}
KIND_WEIGHTS = [12, 14, 12, 10, 8, 6, 8, 18, 6, 4, 2]
PRECISIONS = [("day", 85), ("month", 7), ("season", 2), ("year", 3), ("multi-year", 1), ("undated", 2)]
FIRST_DAY = date(2016, 1, 1)
DAYS = (date(2026, 12, 31) - FIRST_DAY).days


def pg(dbname: str = "postgres") -> psycopg.Connection:
    return psycopg.connect(f"{SERVER}/{dbname}", autocommit=True)


def use_database(size: int) -> None:
    """Point Django (and the gunicorn started later) at the database of ``size`` events."""
    connections.close_all()
    name = database_name(size)
    connections.databases["default"]["NAME"] = name
    os.environ["DATABASE_URL"] = f"{SERVER}/{name}"


def filled_to(size: int) -> bool:
    """True when the size's database exists and holds ``size`` events."""
    with pg() as conn:
        found = conn.execute(
            "SELECT 1 FROM pg_database WHERE datname = %s", (database_name(size),)
        ).fetchone()
    if not found:
        return False
    try:
        return Event.objects.count() == size
    except Exception:  # an empty or half-made database: fill it again
        connections.close_all()
        return False


def recreate_database(size: int) -> None:
    connections.close_all()
    name = database_name(size)
    with pg() as conn:
        conn.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
        conn.execute(f'CREATE DATABASE "{name}"')
    call_command("migrate", verbosity=0)


def event_dates(rng: random.Random) -> tuple[date | None, date | None, str, str]:
    """start, end, precision and EDTF of one event."""
    precision = rng.choices([p for p, _ in PRECISIONS], [w for _, w in PRECISIONS])[0]
    day = FIRST_DAY + timedelta(days=rng.randrange(DAYS))
    if precision == "undated":
        return None, None, "vague", ""
    if precision == "day":
        end = day + timedelta(days=rng.choice([0, 0, 0, 0, 1, 2, 6]))
        return day, end, "day", day.isoformat() if end == day else f"{day}/{end}"
    if precision == "month":
        first = day.replace(day=1)
        end = (first + timedelta(days=32)).replace(day=1) - timedelta(days=1)
        return first, end, "month", first.isoformat()[:7]
    if precision == "season":
        first = day.replace(day=1)
        return first, first + timedelta(days=89), "season", f"{first.year}-{21 + (first.month - 1) // 3}"
    if precision == "year":
        return date(day.year, 1, 1), date(day.year, 12, 31), "year", str(day.year)
    return date(day.year, 1, 1), date(day.year + 4, 12, 31), "multi-year", f"{day.year}/{day.year + 4}"


def copy_rows(cur, model, names: tuple[str, ...], rows) -> None:
    """COPY ``rows`` (values for the columns ``names``) into ``model``'s table; other columns get their defaults.

    Defaults come from the model, so a column added later (with a default) needs no change here.
    """
    given = set(names)
    rest = [f for f in model._meta.concrete_fields if f.column not in given and not f.null]
    defaults = []
    for field in rest:
        value = field.get_default()
        defaults.append(json.dumps(value) if isinstance(field, JSONField) else value)
    columns = ", ".join(connection.ops.quote_name(c) for c in (*names, *(f.column for f in rest)))
    with cur.copy(f"COPY {model._meta.db_table} ({columns}) FROM STDIN") as copy:
        for row in rows:
            copy.write_row((*row, *defaults))


def make_events(rng: random.Random, n_events: int) -> list[tuple]:
    """(id, title, kind, start, end, precision, edtf, place, status, merged_into) of each event."""
    events = []
    for i in range(1, n_events + 1):
        kind = rng.choices(list(KIND_WORDS), KIND_WEIGHTS)[0]
        topic = RARE_TOPIC if rng.random() < 0.001 else rng.choice(TOPICS)
        place = rng.choice(PLACES)
        start, end, precision, edtf = event_dates(rng)
        title = f"{place}{topic}{rng.choice(KIND_WORDS[kind])}"
        roll = rng.random()
        status = "hidden" if roll < 0.02 else "confirmed" if roll < 0.12 else "auto"
        merged = rng.randrange(1, i) if i > 1 and 0.02 <= roll < 0.03 else None
        events.append(
            (i, title, kind, start, end, precision, edtf, place, "hidden" if merged else status, merged)
        )
    return events


def make_articles(rng: random.Random, events: list[tuple], n_articles: int, now: datetime):
    """Article rows (each citing its two events, 40% also an earlier one) and the evidence rows."""
    sentences = {}
    for i, title, _kind, start, *_ in events:
        when = f"{start.month}月{start.day}日，" if start else "近日，"
        sentences[i] = f"{when}{title}举行，来自各地的专家和企业代表参加。"
    articles, evidence = [], []
    for a in range(1, n_articles + 1):
        cited = [e for e in (2 * a - 1, 2 * a) if e <= len(events)]
        if a > 1 and rng.random() < 0.4:  # another report of an earlier article's event
            cited.append(2 * (a - 1) - 1)
        parts, text_len = [], 0
        for e in cited:
            parts.append("记者从有关部门获悉，")
            text_len += len(parts[-1])
            evidence.append((len(evidence) + 1, e, a, sentences[e], text_len, text_len + len(sentences[e]),
                             sentences[e].split("，")[0]))  # fmt: skip
            parts.append(sentences[e])
            text_len += len(sentences[e])
        parts.append("下一步，当地将继续推动科技成果转化，服务地方经济高质量发展。")
        url = f"https://news{1 + a % 40}.example/{a}.html"
        published = events[cited[0] - 1][3] or FIRST_DAY
        articles.append((a, url, url, events[cited[0] - 1][1], published, "given", "".join(parts), f"{a:064x}",
                         "bench", "ok", now, now, now, 1 + a % 40, len(cited)))  # fmt: skip
    return articles, evidence


def place_regions() -> dict[str, tuple[str, ...]]:
    """Each bench place's region columns (as ingest stores them), read with the project's own resolver."""
    from events.geography import resolve_place

    out = {}
    for place in PLACES:
        region = resolve_place(place)
        codes = ("", "", "", "", "", "", "")
        if region is not None:
            codes = (region.code, region.province, region.province_code, region.city, region.city_code,
                     region.county, region.county_code)  # fmt: skip
        out[place] = codes
    return out


# Loading a million rows through per-row triggers and GIN indexes is what made a 1M load take hours:
# the event counts are re-made with one GROUP BY after the COPY, the search indexes built once.
BULK_INDEXES = ("event_search_pairs", "evidence_search_pairs")


def fill(n_events: int, seed: int = 20240311) -> None:
    """COPY ``n_events`` events, n/2 articles, 1.2n evidence rows and 40 sources, timing each phase."""
    from events.migrations._search import PG_INDEXES
    from events.migrations._triggers import recount_events

    began = time.perf_counter()
    rng = random.Random(seed)
    now = datetime(2026, 12, 1, tzinfo=UTC)
    n_articles = max(1, n_events // 2)
    Source.objects.bulk_create(
        Source(name=f"{place}新闻网", kind="url", location=f"https://news{i}.example/rss")
        for i, place in enumerate(PLACES, start=1)
    )
    first_source = Source.objects.order_by("pk").values_list("pk", flat=True).first()
    regions = place_regions()
    events = make_events(rng, n_events)
    articles, evidence = make_articles(rng, events, n_articles, now)
    articles = [(*row[:-2], first_source - 1 + row[-2], row[-1]) for row in articles]
    made = time.perf_counter()
    raw = connection.cursor().connection  # the psycopg connection under Django's
    with raw.cursor() as cur:
        cur.execute("SET maintenance_work_mem = '512MB'")
        for name in BULK_INDEXES:
            cur.execute(f"DROP INDEX {name}")
        cur.execute("ALTER TABLE events_event DISABLE TRIGGER USER")
        copy_rows(cur, Article, ("id", "key", "url", "title", "published", "published_how", "text",
                  "content_hash", "parser_version", "status", "created", "updated", "ingested", "source_id",
                  "events_found"), articles)  # fmt: skip
        event_columns = ("id", "title", "kind", "start", "end", "precision", "edtf", "place", "status",
                         "merged_into_id", "uid", "match_key", "confidence", "created", "updated",
                         "lead_article_id", "adcode", "province", "province_code", "city", "city_code",
                         "county", "county_code")  # fmt: skip
        event_rows = (
            (
                *e,
                uuid.UUID(int=rng.getrandbits(128)).hex,
                e[1],
                0.7,
                now,
                now,
                min(n_articles, (e[0] + 1) // 2),
                *regions[e[7]],
            )
            for e in events
        )
        copy_rows(cur, Event, event_columns, event_rows)
        copy_rows(cur, Evidence, ("id", "event_id", "article_id", "sentence", "span_start", "span_end",
                  "date_text"), evidence)  # fmt: skip
        for table in ("events_article", "events_event", "events_evidence"):
            cur.execute(
                f"SELECT setval(pg_get_serial_sequence('{table}', 'id'), (SELECT MAX(id) FROM {table}))"
            )
        cur.execute("ALTER TABLE events_event ENABLE TRIGGER USER")
        copied = time.perf_counter()
        for name in BULK_INDEXES:
            cur.execute(f"CREATE INDEX {name} ON {PG_INDEXES[name]}")
    with connection.schema_editor() as editor:
        recount_events(editor)
    indexed = time.perf_counter()
    with connection.cursor() as cur:
        cur.execute("VACUUM ANALYZE")
    print(
        f"# load: rows made in {made - began:.0f} s, COPY {copied - made:.0f} s, search indexes and"
        f" counts {indexed - copied:.0f} s, VACUUM ANALYZE {time.perf_counter() - indexed:.0f} s",
        flush=True,
    )


def sample() -> dict:
    """Sizes and the keys the reads use: an event a third deep, one in the middle, an article."""
    n_events = Event.objects.count()
    n_articles = Article.objects.count()
    middle = Event.objects.visible().filter(start__isnull=False).order_by("-start", "pk")[n_events // 3]
    return {
        "articles": n_articles,
        "evidence": Evidence.objects.count(),
        "middle_uid": middle.uid,
        "middle_pk": middle.pk,
        "event_uid": Event.objects.visible().order_by("pk").values_list("uid", flat=True)[n_events // 2],
        "article_pk": n_articles // 2,
    }


def reads(sample: dict) -> dict[str, str]:
    """The URLs measured, by name."""
    return {
        "/": "/",
        "/?kind=signing": "/?kind=signing",
        "/?province=140000": "/?province=140000",
        "/?q=科技": "/?q=科技",
        f"/?q={RARE_TOPIC}": f"/?q={RARE_TOPIC}",
        "/?page=20": "/?page=20",
        "/?after=(1/3 deep)": f"/?after={sample['middle_pk']}",
        "/api/events?limit=50": "/api/events?limit=50",
        "/api/events?kind&from": "/api/events?kind=signing&from=2024-01-01&limit=50",
        "/api/events?after=(1/3)": f"/api/events?limit=50&after={sample['middle_uid']}",
        "/calendar.ics": "/calendar.ics",
        "/regions/": "/regions/",
        "event page": f"/events/{sample['event_uid']}/",
        "article page": f"/articles/{sample['article_pk']}/",
    }


def quoted(url: str) -> str:
    return urllib.parse.quote(url, safe="/?=&")


@dataclass
class Cold:
    """One read's cold cost, medians of ``--repeat``: wall, CPU of this process, SQL (wall, in the driver)."""

    wall: float
    cpu: float
    sql: float
    queries: int


def cold_reads(urls: dict[str, str]) -> dict[str, Cold]:
    """Median cost of each read in-process with the cache cleared first (nothing cached helps)."""
    client = Client()
    out = {}
    for name, url in urls.items():
        runs = []
        for _ in range(ARGS.repeat):
            cache.clear()
            sql = [0.0, 0]

            def timed(execute, query, params, many, context, sql=sql):
                began = time.perf_counter()
                try:
                    return execute(query, params, many, context)
                finally:
                    sql[0] += time.perf_counter() - began
                    sql[1] += 1

            cpu, began = time.process_time(), time.perf_counter()
            with connection.execute_wrapper(timed):
                response = client.get(url)
            runs.append(
                (
                    (time.perf_counter() - began) * 1000,
                    (time.process_time() - cpu) * 1000,
                    sql[0] * 1000,
                    sql[1],
                )
            )
            assert response.status_code == 200, (url, response.status_code)
        out[name] = Cold(*(statistics.median(run[i] for run in runs) for i in range(3)), runs[0][3])
    return out


def print_cold(cold: dict[str, Cold]) -> None:
    print(f"# load average {' '.join(f'{x:.2f}' for x in os.getloadavg())}")
    print(f"{'read':28} {'wall ms':>8} {'CPU ms':>8} {'SQL ms':>8} {'queries':>7}")
    for name, c in cold.items():
        print(f"{name:28} {c.wall:8.1f} {c.cpu:8.1f} {c.sql:8.1f} {c.queries:7d}")


def served_reads(urls: dict[str, str]) -> dict[str, dict]:
    """wrk p50/p99 per read against gunicorn -w 2, the floor (``/api/health``) first."""
    port = free_port()
    server = subprocess.Popen(
        [str(ROOT / ".venv/bin/gunicorn"), "kejicalendar.wsgi", "-w", "2", "-b", f"127.0.0.1:{port}",
         "--log-level", "warning"],
        cwd=ROOT,
        env=os.environ.copy(),
    )  # fmt: skip
    try:
        wait_for(port, time.monotonic() + 30)
        base = f"http://127.0.0.1:{port}"
        targets = {"floor /api/health": (base + "/api/health", ())}
        targets.update({name: (base + quoted(url), ()) for name, url in urls.items()})
        # As calendar clients ask for it (Google, Apple, Outlook and Thunderbird accept gzip).
        targets["/calendar.ics gzip"] = (base + "/calendar.ics", ("Accept-Encoding: gzip",))
        # Conditional GETs of a client that holds the answer (ETags keyed on the data version).
        for name, url in (
            ("/calendar.ics", "/calendar.ics"),
            ("/", "/"),
            ("/api/events", "/api/events?limit=50"),
        ):
            with urllib.request.urlopen(base + url, timeout=60) as response:
                etag = response.headers["ETag"]
            targets[f"{name} 304"] = (base + url, (f"If-None-Match: {etag}",))
        for url, headers in targets.values():  # both workers fill their caches
            run_wrk(url, seconds=1, connections=ARGS.connections, headers=headers)
        # Interleaved rounds, median per read: a burst of load from the other engineers' work on
        # the same 2 cores then spoils one round of every read, not the whole of one read (or the floor).
        runs: dict[str, list[dict]] = {name: [] for name in targets}
        for _ in range(ARGS.rounds):
            for name, (url, headers) in targets.items():
                runs[name].append(
                    run_wrk(url, seconds=ARGS.seconds, connections=ARGS.connections, headers=headers)
                )
        return {
            name: {k: statistics.median(r[k] for r in rows) for k in rows[0]} for name, rows in runs.items()
        }
    finally:
        server.terminate()
        server.wait(timeout=10)


def explain(sample: dict) -> None:
    """EXPLAIN ANALYZE of the queries behind the reads (main query of each; prefetches are by id)."""
    visible = filter_events(filters=EventFilters())
    anchor = Event.objects.get(pk=sample["middle_pk"])
    plans = {
        "API default page": order_events(visible, ordering="-start")[:51],
        "API kind=signing page": order_events(
            filter_events(filters=EventFilters(kind="signing")), ordering="-start"
        )[:51],
        "API after a cursor 1/3 deep": order_events(visible, ordering="-start").filter(
            after_by_start(anchor, newest_first=True)[0]
        )[:51],
        "timeline page 1": timeline_events(filters=EventFilters()).prefetch_related(None)[:51],
        "timeline after a cursor 1/3 deep": timeline_events(filters=EventFilters())
        .prefetch_related(None)
        .filter(after_on_timeline(anchor, newest_first=True))[:51],
        "timeline ?q=科技 (common: date order walk)": timeline_events(
            filters=EventFilters(q="科技")
        ).prefetch_related(None)[:51],
        "feed /calendar.ics": calendar_events(
            filters=EventFilters(),
            coarse=False,
            today=date(2026, 12, 1),
            now=datetime(2026, 12, 1, tzinfo=UTC),
            limit=2001,
        ).prefetch_related(None),
        "feed evidence of one chunk (200 events)": Evidence.objects.filter(
            event_id__in=list(
                calendar_events(
                    filters=EventFilters(),
                    coarse=False,
                    today=date(2026, 12, 1),
                    now=datetime(2026, 12, 1, tzinfo=UTC),
                    limit=200,
                ).values_list("pk", flat=True)
            )
        )
        .order_by("article_id", "span_start")
        .values_list("event_id", "sentence", "article_id", "article__key", "article__title", "article__url"),
        "timeline 即将举行 (upcoming)": filter_events(filters=EventFilters())
        .filter(start__isnull=False, end__gte=date(2026, 12, 5))
        .order_by("start", "end", "title", "pk")[:5],
    }
    for name, qs in plans.items():
        print(f"\n### {name}\n```\n{qs.explain(analyze=True, costs=False)}\n```")
    with connection.cursor() as cur:
        cur.execute(
            "EXPLAIN (ANALYZE, COSTS OFF) SELECT COALESCE(SUM(counter), 0), MIN(token) FROM events_dataversion"
        )
        print("\n### data version\n```\n" + "\n".join(r[0] for r in cur.fetchall()) + "\n```")
    began = time.perf_counter()
    ids = _indexed_matches(RARE_TOPIC)
    print(
        f"\n### ?q={RARE_TOPIC} (rare: pair index) {len(ids or [])} ids in {(time.perf_counter() - began) * 1000:.1f} ms"
    )
    print(f"(tsquery {pairs_query(RARE_TOPIC)})")
    began = time.perf_counter()
    cube = _build_cube()
    print(
        f"\n### cube (summed from the trigger-kept counts, once per data version): {len(cube)} rows in {(time.perf_counter() - began) * 1000:.0f} ms"
    )


def main() -> None:
    if ARGS.fill_db:
        began = time.perf_counter()
        connections.close_all()
        connections.databases["default"]["NAME"] = ARGS.db
        fill(ARGS.fill_db)
        keys = sample()
        print(f"filled {ARGS.fill_db:,} events, {keys['articles']:,} articles, {keys['evidence']:,}"
              f" evidence rows in {time.perf_counter() - began:.0f} s", flush=True)  # fmt: skip
        return
    if shutil.which("wrk") is None and not ARGS.cold_only:
        sys.exit("wrk not found: apt-get install -y wrk")
    sizes = [int(s) for s in ARGS.sizes.split(",")] + ([1_000_000] if ARGS.million else [])
    results = {}
    for size in sizes:
        began = time.perf_counter()
        use_database(size)
        if ARGS.reuse and filled_to(size):
            call_command("migrate", verbosity=0)
            print(f"# {size:,} events: reusing {database_name(size)}", flush=True)
        else:
            recreate_database(size)
            fill(size)
        keys = sample()
        print(
            f"# {size:,} events, {keys['articles']:,} articles, {keys['evidence']:,} evidence rows:"
            f" ready in {time.perf_counter() - began:.0f} s",
            flush=True,
        )
        if ARGS.fill_only:
            continue
        urls = reads(keys)
        if ARGS.only:
            urls = {name: url for name, url in urls.items() if name in ARGS.only.split(",")}
        cold = cold_reads(urls)
        print_cold(cold)
        served = {} if ARGS.cold_only else served_reads(urls)
        results[size] = (cold, served)
        if served:
            floor = served["floor /api/health"]["p99"]
            floor50 = served["floor /api/health"]["p50"]
            print(f"{'read':28} {'cold ms':>8} {'p50 ms':>8} {'p99 ms':>8} {'p50/floor':>9} {'p99/floor':>9}")
            for name, row in served.items():
                c = f"{cold[name].wall:8.1f}" if name in cold else " " * 8
                errors = f"  ({row['errors']} errors)" if row["errors"] else ""
                print(
                    f"{name:28} {c} {row['p50']:8.2f} {row['p99']:8.2f} {row['p50'] / floor50:8.1f}x"
                    f" {row['p99'] / floor:8.1f}x{errors}"
                )
        if ARGS.explain and size == sizes[-1]:
            explain(keys)
    if len(results) > 1:
        small, large = sizes[0], sizes[-1]
        log_growth = math.log(large) / math.log(small)
        print(f"\n# growth {small:,} → {large:,} (log n grows {log_growth:.2f}x)")
        print(f"{'read':28} {'cold':>7} {'cold CPU':>8} {'p99':>7}")
        for name in {**results[small][0], **results[small][1]}:
            cold = results[small][0].get(name), results[large][0].get(name)
            wall = f"{cold[1].wall / cold[0].wall:6.2f}x" if all(cold) else " " * 7
            cpu = f"{cold[1].cpu / cold[0].cpu:7.2f}x" if all(cold) else " " * 8
            served = results[small][1].get(name), results[large][1].get(name)
            p99 = f"{served[1]['p99'] / served[0]['p99']:6.2f}x" if all(served) else ""
            print(f"{name:28} {wall} {cpu} {p99}")


if __name__ == "__main__":
    main()
