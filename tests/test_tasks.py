"""Celery tasks: in-process (eager) for their logic, and once through a real worker over the local Redis."""

from __future__ import annotations

import http.server
import json
import os
import shutil
import subprocess
import sys
import threading
import urllib.error
import uuid
from datetime import date, timedelta
from pathlib import Path

import pytest
from celery.exceptions import SoftTimeLimitExceeded
from django.db import OperationalError

from events import tasks
from events.models import Article, Event, Evidence, Source
from events.reading.web import UNREACHABLE
from events.services import ingest_article, request_article_reingest
from tests.services.candidates import use_candidates, use_line_candidates
from tests.webserver import Page

ROOT = Path(__file__).resolve().parent.parent
TEXT = "科技节报道\n@fest festival 科技节开幕 2024-03-11 金谷广场\n@farm service 测土配肥 2024-03-08 东贾村\n"


@pytest.fixture
def line_extractor(monkeypatch):
    use_line_candidates(monkeypatch)


@pytest.mark.django_db
def test_ingest_article_task_rereads_on_new_parser_version(line_extractor, monkeypatch):
    article = ingest_article(key="a.txt", text=TEXT, published=date(2024, 3, 12)).article
    assert tasks.ingest_article_task.delay(article.pk).get()["status"] == "unchanged"
    monkeypatch.setattr("events.services.ingest.PARSER_VERSION", "i2")

    first = tasks.ingest_article_task.delay(article.pk).get()
    again = tasks.ingest_article_task.delay(article.pk).get()

    assert (first["status"], first["unchanged"], again["status"]) == ("changed", 2, "unchanged")
    article.refresh_from_db()
    assert (article.parser_version, article.published, article.published_how) == (
        "i2",
        date(2024, 3, 12),
        "given",
    )


@pytest.mark.django_db
def test_ingest_article_task_missing_article_is_not_an_error():
    assert tasks.ingest_article_task.delay(987654).get() == {"status": "missing"}


@pytest.mark.django_db
def test_ingest_articles_task_rereads_each_article_of_a_batch(line_extractor, monkeypatch):
    stored = [
        ingest_article(
            key=f"{name}.txt", text=TEXT.replace("@", f"@{name}"), published=date(2024, 3, 12)
        ).article
        for name in ("a", "b", "c")
    ]
    ids = [a.pk for a in stored]
    assert tasks.ingest_articles_task.delay([*ids, 987654]).get() == {"unchanged": 3, "missing": 1}
    monkeypatch.setattr("events.services.ingest.PARSER_VERSION", "i2")
    Article.objects.filter(pk=ids[2]).update(text=TEXT.replace("@", "@c").replace("金谷广场", "会展中心"))

    assert tasks.ingest_articles_task.delay(ids[1:]).get() == {"changed": 2}
    assert tasks.ingest_articles_task.delay(ids).get() == {"changed": 1, "unchanged": 2}
    assert [a.parser_version for a in Article.objects.filter(pk__in=ids).order_by("pk")] == ["i2"] * 3
    assert Evidence.objects.filter(article=ids[2], sentence__contains="会展中心").count() == 1


@pytest.mark.django_db
def test_request_article_reingest_queues_batches(
    line_extractor, django_capture_on_commit_callbacks, monkeypatch
):
    monkeypatch.setattr("events.services.queueing.REINGEST_BATCH", 2)
    stored = [
        ingest_article(key=f"{n}.txt", text=TEXT.replace("@", f"@{n}"), published=date(2024, 3, 12)).article
        for n in range(5)
    ]
    monkeypatch.setattr("events.services.ingest.PARSER_VERSION", "i4")
    sent = []
    monkeypatch.setattr(tasks.ingest_articles_task, "delay", lambda ids, force: sent.append((ids, force)))

    with django_capture_on_commit_callbacks(execute=True):
        assert request_article_reingest(articles=stored) == 5

    ids = [a.pk for a in stored]
    assert sent == [(ids[0:2], True), (ids[2:4], True), (ids[4:], True)]
    assert Article.objects.filter(pk__in=ids, queued_at__isnull=False).count() == 5


@pytest.mark.django_db
def test_ingest_source_task_reads_folder_source(line_extractor, tmp_path, settings):
    settings.KEJICAL_SOURCE_ROOT = str(tmp_path)
    (tmp_path / "a.txt").write_bytes(TEXT.encode("gbk"))
    source = Source.objects.create(name="本地", kind=Source.Kind.FOLDER, location=str(tmp_path))

    result = tasks.ingest_source_task.delay(source.pk).get()

    assert result["articles"] == {"new": 1}
    assert result["events"]["created"] == 2
    source.refresh_from_db()
    assert source.last_run is not None and source.last_error == ""


@pytest.mark.django_db
def test_ingest_source_task_refuses_a_url_source_on_loopback(line_extractor, web):
    """SSRF: a source at 127.0.0.1 (or redirected there) is never fetched unless the setting allows it."""
    web.pages["/news/1.html"] = Page(f"<p>{TEXT}</p>".encode(), headers={"Content-Type": "text/html"})
    source = Source.objects.create(name="内网", kind=Source.Kind.URL, location=web.url("/news/1.html"))

    result = tasks.ingest_source_task.apply(args=[source.pk]).get()

    source.refresh_from_db()
    assert (result["status"], source.last_status, source.consecutive_failures) == ("failed", "failed", 1)
    assert (source.last_error, web.requests, Article.objects.count()) == (
        f"{source.location}: {UNREACHABLE}",
        [],
        0,
    )


@pytest.mark.django_db
def test_ingest_source_task_fetches_url_source(line_extractor, allow_private):
    paragraphs = "".join(f"<p>{line}</p>" for line in TEXT.splitlines())
    page = f"<html><head><title>科技节</title></head><body>{paragraphs}</body></html>".encode("gbk")

    class Handler(http.server.BaseHTTPRequestHandler):
        def do_GET(self) -> None:  # noqa: N802 (http.server's spelling)
            self.send_response(200)
            self.send_header("Content-Type", "text/html; charset=gbk")
            self.end_headers()
            self.wfile.write(page)

        def log_message(self, *args) -> None:
            pass

    server = http.server.HTTPServer(("127.0.0.1", 0), Handler)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    url = f"http://127.0.0.1:{server.server_port}/news/1.html"
    try:
        source = Source.objects.create(name="网页", kind=Source.Kind.URL, location=url)
        result = tasks.ingest_source_task.delay(source.pk).get()
    finally:
        server.shutdown()

    article = Article.objects.get()
    assert (result["articles"], article.key, article.url, article.title) == ({"new": 1}, url, url, "科技节")
    assert sorted(Event.objects.values_list("match_key", flat=True)) == ["farm", "fest"]


@pytest.mark.django_db
def test_ingest_source_task_records_url_error_and_raises(line_extractor, settings):
    source = Source.objects.create(name="坏网址", kind=Source.Kind.URL, location="ftp://example.invalid/x")

    result = tasks.ingest_source_task.apply(args=[source.pk]).get()

    source.refresh_from_db()
    assert (result["status"], source.last_error) == (
        "failed",
        "ftp://example.invalid/x: 只能抓取 http(s) 网址",
    )


@pytest.mark.django_db
def test_reingest_stale_task_rereads_old_and_failed_articles(
    line_extractor, django_capture_on_commit_callbacks
):
    ingest_article(key="old.txt", text=TEXT, published=date(2024, 3, 12))
    ingest_article(key="new.txt", text=TEXT.replace("@", "@n"), published=date(2024, 3, 12))
    Article.objects.filter(key="old.txt").update(parser_version="i0")

    with django_capture_on_commit_callbacks(execute=True):
        queued = tasks.reingest_stale_task.delay().get()

    assert queued == 1
    assert set(Article.objects.values_list("parser_version", flat=True)) == {tasks.services.PARSER_VERSION}


@pytest.mark.django_db
def test_ingest_active_sources_task_queues_only_active(
    line_extractor, tmp_path, django_capture_on_commit_callbacks, settings
):
    settings.KEJICAL_SOURCE_ROOT = str(tmp_path)
    (tmp_path / "a.txt").write_text(TEXT, encoding="utf-8")
    Source.objects.create(name="启用", kind=Source.Kind.FOLDER, location=str(tmp_path))
    Source.objects.create(name="停用", kind=Source.Kind.FOLDER, location=str(tmp_path / "nope"), active=False)

    with django_capture_on_commit_callbacks(execute=True):
        assert tasks.ingest_active_sources_task.delay().get() == 1
    assert Article.objects.count() == 1


@pytest.mark.django_db
def test_request_article_reingest_waits_for_commit(
    line_extractor, django_capture_on_commit_callbacks, monkeypatch
):
    article = ingest_article(key="a.txt", text=TEXT, published=date(2024, 3, 12)).article
    monkeypatch.setattr("events.services.ingest.PARSER_VERSION", "i3")

    with django_capture_on_commit_callbacks() as callbacks:
        request_article_reingest(articles=[article])
        article.refresh_from_db()
        assert article.parser_version != "i3"  # nothing ran before the commit

    assert len(callbacks) == 1
    callbacks[0]()
    article.refresh_from_db()
    assert article.parser_version == "i3"


def _http_error(code: int) -> urllib.error.HTTPError:
    return urllib.error.HTTPError("http://example.cn/", code, "status", {}, None)


class _FetchError(Exception):
    """Shaped like events.reading's fetch errors: they say whether they are worth retrying."""

    def __init__(self, transient: bool) -> None:
        self.transient = transient


@pytest.mark.parametrize(
    ("exc", "transient"),
    [
        (OperationalError("database is locked"), True),
        (TimeoutError("timed out"), True),
        (ConnectionResetError("reset"), True),
        (_http_error(503), True),
        (_http_error(429), True),
        (_http_error(404), False),
        (_http_error(403), False),
        (urllib.error.URLError(TimeoutError("timed out")), True),
        (urllib.error.URLError(ConnectionRefusedError("refused")), False),
        (urllib.error.URLError("unknown url type"), False),
        (ConnectionRefusedError("refused"), False),
        (_FetchError(transient=True), True),
        (_FetchError(transient=False), False),
        (SoftTimeLimitExceeded(), False),
        (ValueError("bad text"), False),
    ],
    ids=lambda v: type(v).__name__ if isinstance(v, BaseException) else str(v),
)
def test_is_transient_retries_only_errors_that_can_pass(exc, transient):
    assert tasks.is_transient(exc) is transient


def test_ingest_tasks_retry_with_backoff_and_limits(settings):
    for task in (tasks.ingest_article_task, tasks.ingest_source_task, tasks.fetch_source_task):
        limits = settings.KEJICAL_TASK_LIMITS[task.name]
        assert (task.acks_late, task.max_retries) == (True, 5)
        assert (task.time_limit, task.soft_time_limit) == (limits["time_limit"], limits["soft_time_limit"])
        assert task.soft_time_limit < task.time_limit


def test_every_task_has_time_limits(settings):
    from kejicalendar.celery import app

    assert {name for name in app.tasks if name.startswith("events.")} == set(settings.KEJICAL_TASK_LIMITS)


def test_ingest_source_task_does_not_retry_a_client_error(line_extractor, db, web, allow_private):
    """A web source's errors are recorded and retried by its own schedule (next_fetch), never by
    re-running the task at once: a 404 is asked for once."""
    source = Source.objects.create(name="网页", kind=Source.Kind.URL, location=web.url("/x"))

    result = tasks.ingest_source_task.apply(args=[source.pk]).get()

    source.refresh_from_db()
    assert (result["status"], source.last_status, web.paths()) == ("gone", "gone", ["/robots.txt", "/x"])


def test_fetch_source_task_backs_off_after_a_server_error(line_extractor, db, web, allow_private):
    web.pages["/x"] = Page(b"down", status=502)
    source = Source.objects.create(name="网页", kind=Source.Kind.URL, location=web.url("/x"))

    result = tasks.fetch_source_task.apply(args=[source.pk]).get()

    source.refresh_from_db()
    assert (result["status"], source.consecutive_failures, web.paths()) == (
        "failed",
        1,
        ["/robots.txt", "/x"],
    )
    assert source.next_fetch - source.last_run == 2 * source.fetch_interval
    assert source.last_error == f"{web.url('/x')}: 网站出错（HTTP 502）"


def test_default_periodic_tasks_exist(db):
    from django_celery_beat.models import PeriodicTask

    assert sorted(PeriodicTask.objects.filter(task__startswith="events.").values_list("task", "enabled")) == [
        ("events.fetch_due_sources", True),
        ("events.ingest_active_sources", True),
        ("events.reingest_stale", True),
        ("events.requeue_lost", True),
    ]


# --- work the broker lost ---------------------------------------------------------------------


@pytest.mark.django_db
def test_queued_work_is_recorded_until_a_task_does_it(line_extractor, django_capture_on_commit_callbacks):
    article = ingest_article(key="a.txt", text=TEXT, published=date(2024, 3, 12)).article

    with django_capture_on_commit_callbacks() as callbacks:
        request_article_reingest(articles=[article])
    article.refresh_from_db()
    assert article.queued_at is not None

    callbacks[0]()  # the task runs (in-process)

    article.refresh_from_db()
    assert article.queued_at is None


@pytest.mark.django_db
def test_a_request_made_while_the_task_runs_stays_queued(line_extractor):
    from django.utils import timezone

    from events.services import mark_queued_work_done

    article = ingest_article(key="a.txt", text=TEXT, published=date(2024, 3, 12)).article
    started = timezone.now()
    Article.objects.filter(pk=article.pk).update(queued_at=started + timedelta(seconds=1))

    mark_queued_work_done(model=Article, pks=[article.pk], started=started)

    assert Article.objects.get(pk=article.pk).queued_at == started + timedelta(seconds=1)


@pytest.mark.django_db
def test_requeue_lost_queues_only_what_nobody_holds(line_extractor, django_capture_on_commit_callbacks):
    from django.utils import timezone

    from events.services import requeue_lost

    now = timezone.now()
    old, recent = now - timedelta(minutes=10), now - timedelta(seconds=30)
    lost, held, fresh, done = (
        ingest_article(
            key=f"{name}.txt", text=TEXT.replace("@", f"@{name}"), published=date(2024, 3, 12)
        ).article
        for name in ("lost", "held", "fresh", "done")
    )
    for article, queued in ((lost, old), (held, old), (fresh, recent), (done, None)):
        Article.objects.filter(pk=article.pk).update(queued_at=queued)
    holding = {("events.ingest_article", held.pk)}

    with django_capture_on_commit_callbacks() as callbacks:
        backlog = requeue_lost(now=now, older_than=timedelta(minutes=5), waiting=3, held=holding)
        requeued = requeue_lost(now=now, older_than=timedelta(minutes=5), waiting=0, held=holding)

    assert (backlog, requeued, len(callbacks)) == (0, 1, 1)
    assert Article.objects.get(pk=lost.pk).queued_at > now - timedelta(seconds=5)  # queued anew
    assert Article.objects.get(pk=held.pk).queued_at == old


@pytest.mark.django_db
def test_requeue_lost_leaves_articles_a_held_batch_holds(line_extractor, django_capture_on_commit_callbacks):
    from django.utils import timezone

    from events.services import requeue_lost

    now = timezone.now()
    stored = [
        ingest_article(key=f"{n}.txt", text=TEXT.replace("@", f"@{n}"), published=date(2024, 3, 12)).article
        for n in range(3)
    ]
    Article.objects.filter(pk__in=[a.pk for a in stored]).update(queued_at=now - timedelta(minutes=10))
    holding = {("events.ingest_articles", stored[0].pk), ("events.ingest_article", stored[1].pk)}

    with django_capture_on_commit_callbacks() as callbacks:
        requeued = requeue_lost(now=now, older_than=timedelta(minutes=5), waiting=0, held=holding)

    assert (requeued, len(callbacks)) == (1, 1)
    assert [Article.objects.get(pk=a.pk).queued_at > now - timedelta(seconds=5) for a in stored] == [
        False,
        False,
        True,
    ]


# --- two workers on one article ------------------------------------------------------------


def _run_in_threads(count: int, target) -> list:
    """Run ``target()`` in ``count`` threads at once (each with its own connection); their results."""
    from django.db import connection

    results: list = [None] * count

    def run(i: int) -> None:
        try:
            results[i] = target()
        except Exception as exc:  # reported by the assertion below, not lost in the thread
            results[i] = exc
        finally:
            connection.close()

    threads = [threading.Thread(target=run, args=(i,)) for i in range(count)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=60)
    return results


def _require_postgresql() -> None:
    from django.db import connection

    if connection.vendor != "postgresql":
        pytest.skip("needs PostgreSQL: SQLite has no row locks and serializes every writer")


def _both_read_before_either_writes(monkeypatch, *, extra_text: str = "") -> None:
    """Ingestion's extractor (the line extractor, on the text plus ``extra_text``) waits for a second worker."""
    from tests.services.candidates import line_candidates

    both_read = threading.Barrier(2, timeout=30)

    def slow_candidates(text, ref):
        found = line_candidates(text + extra_text, ref)
        both_read.wait()
        return found

    use_candidates(monkeypatch, slow_candidates)


@pytest.mark.postgres
@pytest.mark.django_db(transaction=True)
def test_ingest_article_task_twice_at_once_stores_one_copy(line_extractor, monkeypatch):
    _require_postgresql()
    article = ingest_article(key="a.txt", text=TEXT, published=date(2024, 3, 12)).article
    # A new parser version finds one more event.
    _both_read_before_either_writes(monkeypatch, extra_text="@new training 农技培训 2024-03-11 金谷广场\n")
    monkeypatch.setattr("events.services.ingest.PARSER_VERSION", "i9")

    results = _run_in_threads(2, lambda: tasks.ingest_article_task.apply(args=[article.pk]).get())

    assert sorted(r["status"] if isinstance(r, dict) else repr(r) for r in results) == [
        "changed",
        "unchanged",
    ]
    assert sorted(Event.objects.values_list("match_key", "sequence")) == [
        ("farm", 0),
        ("fest", 0),
        ("new", 0),
    ]
    article.refresh_from_db()
    assert (article.status, article.parser_version, article.events_found) == ("ok", "i9", 3)


@pytest.mark.postgres
@pytest.mark.django_db(transaction=True)
def test_ingest_article_twice_at_once_for_a_new_key_stores_one_article(monkeypatch):
    _require_postgresql()
    _both_read_before_either_writes(monkeypatch)

    results = _run_in_threads(
        2, lambda: ingest_article(key="a.txt", text=TEXT, published=date(2024, 3, 12), existing=None).status
    )

    assert sorted(map(str, results)) == ["new", "unchanged"]
    assert (Article.objects.count(), Event.objects.count()) == (1, 2)


@pytest.mark.postgres
@pytest.mark.django_db(transaction=True)
def test_two_reports_of_one_new_event_at_once_store_one_event(monkeypatch):
    _require_postgresql()
    _both_read_before_either_writes(monkeypatch)
    reports = {
        "a.txt": "甲报\n@fest festival 科技节开幕 2024-03-11 金谷广场\n",
        "b.txt": "乙报\n@festival festival 第二十一届科技节开幕 2024-03-11\n",
    }
    keys = iter(sorted(reports))

    def ingest_next() -> str:
        key = next(keys)
        return ingest_article(key=key, text=reports[key], published=date(2024, 3, 12)).status

    results = _run_in_threads(2, ingest_next)

    assert results == ["new", "new"]
    [event] = Event.objects.all()
    assert sorted(event.evidence.values_list("article__key", flat=True)) == ["a.txt", "b.txt"]


def test_ingest_article_task_records_transient_error_then_retries(line_extractor, db, monkeypatch):
    from celery.exceptions import Retry
    from django.db import OperationalError

    from tests.services.candidates import line_candidates

    article = ingest_article(key="a.txt", text=TEXT, published=date(2024, 3, 12)).article
    calls = []

    def flaky(text, ref):
        calls.append(ref)
        if len(calls) == 1:
            raise OperationalError("database is locked")
        return line_candidates(text, ref)

    use_candidates(monkeypatch, flaky)

    with pytest.raises(Retry):  # eager mode raises what a worker would turn into a delayed retry
        tasks.ingest_article_task.apply(args=[article.pk], kwargs={"force": True})
    article.refresh_from_db()
    assert (article.status, article.error) == ("failed", "OperationalError: database is locked")
    assert Event.objects.count() == 2  # the previous events are whole

    retried = tasks.ingest_article_task.apply(args=[article.pk], kwargs={"force": True}).get()

    article.refresh_from_db()
    assert (retried["status"], article.status, article.error) == ("changed", "ok", "")


# --- a real worker over the real Redis --------------------------------------------------------

REDIS_URL = (
    "redis://127.0.0.1:6379/15"  # a database of its own, and a queue per run (several runs may share Redis)
)

ENQUEUE_AND_WAIT = """
import json, time
from django.db import transaction
from events.models import Article, Event, Evidence, Source
from events.services import ensure_source, request_source_ingest
from kejicalendar.celery import app
app.conf.task_default_queue = QUEUE  # before the first message, so the router builds its queues from it
with transaction.atomic():
    source = ensure_source(name="worker-test", paths=[FOLDER])
    request_source_ingest(sources=[source])
deadline = time.monotonic() + 90
while time.monotonic() < deadline and not Article.objects.exclude(status="pending").exists():
    time.sleep(0.2)
article = Article.objects.first()
print(json.dumps({"status": article and article.status, "error": article and article.error,
                  "events": Event.objects.count()}))
"""


def _redis_reachable() -> bool:
    import redis

    try:
        return bool(redis.Redis.from_url(REDIS_URL, socket_connect_timeout=1).ping())
    except redis.RedisError:
        return False


@pytest.mark.redis
def test_worker_ingests_source_through_redis(tmp_path):
    if not _redis_reachable():
        pytest.skip("no Redis on 127.0.0.1:6379")
    queue = f"kejical-test-{uuid.uuid4().hex}"
    # The worker is another process: both sides use one SQLite file, migrated here.
    env = {
        **os.environ,
        "DATABASE_URL": f"sqlite:///{tmp_path / 'db.sqlite3'}",
        "CELERY_BROKER_URL": REDIS_URL,
        "KEJICAL_SOURCE_ROOT": str(tmp_path),
    }
    env["CELERY_RESULT_BACKEND"] = REDIS_URL
    manage = [sys.executable, str(ROOT / "manage.py")]
    subprocess.run([*manage, "migrate", "-v0"], env=env, cwd=ROOT, check=True, timeout=120)
    folder = tmp_path / "articles"
    folder.mkdir()
    shutil.copy(ROOT / "seeds" / "004_7846ad9f159734c1.txt", folder)
    shutil.copy(ROOT / "seeds" / "manifest.json", folder)
    celery = str(Path(sys.executable).with_name("celery"))
    worker = subprocess.Popen(
        [
            celery,
            "-A",
            "kejicalendar",
            "worker",
            "-P",
            "solo",
            "--without-gossip",
            "--without-mingle",
            "-Q",
            queue,
            "-l",
            "info",
        ],
        env=env,
        cwd=ROOT,
        stdout=(log_file := open(tmp_path / "worker.log", "w")),  # noqa: SIM115 (closed below)
        stderr=subprocess.STDOUT,
    )
    try:
        done = subprocess.run(
            [*manage, "shell", "-c", f"FOLDER, QUEUE = {str(folder)!r}, {queue!r}\n" + ENQUEUE_AND_WAIT],
            env=env,
            cwd=ROOT,
            capture_output=True,
            text=True,
            timeout=150,
        )
    finally:
        worker.terminate()
        worker.wait(timeout=30)
        log_file.close()
    log = (tmp_path / "worker.log").read_text(encoding="utf-8", errors="replace")
    assert done.returncode == 0, done.stderr
    outcome = json.loads(done.stdout.strip().splitlines()[-1])
    assert outcome["status"] == "ok", (outcome, log[-3000:])
    assert outcome["events"] >= 3
    assert "events.ingest_source" in log and "succeeded" in log
    exported = subprocess.run(
        [*manage, "export_events"], env=env, cwd=ROOT, capture_output=True, text=True, check=True, timeout=60
    )
    starts = {json.loads(line)["start"] for line in exported.stdout.splitlines()}
    assert {"2024-03-11", "2024-03-08"} <= starts


def test_fetch_due_sources_task_fetches_each_due_source_once(
    db, web, allow_private, django_capture_on_commit_callbacks
):
    from tests.services.news_site import serve_news_site

    serve_news_site(web)
    due = Source.objects.create(name="到期", kind=Source.Kind.FEED, location=web.url("/feed.xml"))
    Source.objects.create(name="文件夹", kind=Source.Kind.FOLDER, location="news")

    with django_capture_on_commit_callbacks(execute=True):
        queued = tasks.fetch_due_sources_task.delay().get()
    with django_capture_on_commit_callbacks(execute=True):
        again = tasks.fetch_due_sources_task.delay().get()  # not due until its interval has passed

    due.refresh_from_db()
    assert (queued, again, due.last_status, Article.objects.filter(source=due).count()) == (1, 0, "ok", 4)
    assert web.paths().count("/feed.xml") == 1
