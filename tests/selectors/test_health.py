"""Readiness checks: database, broker reachability with short time-outs, and the oldest queued task."""

from __future__ import annotations

import socket
import threading
import time
import uuid

import pytest
import redis

from events.selectors import health

REDIS_URL = "redis://127.0.0.1:6379/15"
CLOSED = "redis://:secret@127.0.0.1:1/0"  # port 1: nothing listens, the connection is refused


def _redis_reachable() -> bool:
    try:
        return bool(redis.Redis.from_url(REDIS_URL, socket_connect_timeout=1).ping())
    except redis.RedisError:
        return False


@pytest.fixture
def silent_broker():
    """A TCP server that accepts connections and never answers (a hung Redis); its URL."""
    server = socket.socket()
    server.bind(("127.0.0.1", 0))
    server.listen(8)
    accepted: list[socket.socket] = []
    stop = threading.Event()

    def accept() -> None:
        server.settimeout(0.2)
        while not stop.is_set():
            try:
                accepted.append(server.accept()[0])
            except OSError:
                continue

    thread = threading.Thread(target=accept, daemon=True)
    thread.start()
    yield f"redis://127.0.0.1:{server.getsockname()[1]}/0"
    stop.set()
    thread.join()
    for conn in accepted:
        conn.close()
    server.close()


@pytest.mark.django_db
def test_check_database_answers():
    assert health.check_database() == health.Check(True)


def test_check_broker_not_configured_is_fine():
    assert health.check_broker(broker_url="", queue="celery") == health.Check(True)


def test_check_broker_refused_says_so_without_the_password():
    check = health.check_broker(broker_url=CLOSED, queue="celery")

    assert check == health.Check(False, "任务队列（redis://:***@127.0.0.1:1/0）无法连接：ConnectionError")


def test_check_broker_that_never_answers_gives_up_instead_of_hanging(silent_broker):
    started = time.monotonic()

    check = health.check_broker(broker_url=silent_broker, queue="celery")

    # The time-out is one second; a hang would be kombu's 30 s or forever.
    assert (check.ok, time.monotonic() - started < 10) == (False, True)
    assert "无法连接：TimeoutError" in check.detail


@pytest.fixture
def queue_of(request):
    """A function sending ``events.ingest_article`` for each id to a fresh queue on the real Redis
    (as ``.delay()`` would, with the enqueue-time header); returns the open connection and queue."""
    if not _redis_reachable():
        pytest.skip("no Redis on 127.0.0.1:6379")
    from kombu import Connection

    from kejicalendar.celery import app

    queue = f"kejical-test-{uuid.uuid4().hex}"
    conn = Connection(REDIS_URL, transport_options={"visibility_timeout": 3600})

    def send(*pks: int | list[int]) -> tuple:
        with conn.Producer() as producer:
            for pk in pks:
                name = "events.ingest_articles" if isinstance(pk, list) else "events.ingest_article"
                app.send_task(name, args=[pk], queue=queue, producer=producer)
        return conn, queue

    yield send
    conn.close()
    redis.Redis.from_url(REDIS_URL).delete(queue)


@pytest.mark.redis
@pytest.mark.filterwarnings("ignore::celery.exceptions.AlwaysEagerIgnored")  # send_task is the point
def test_queue_warnings_name_a_task_no_worker_took(queue_of):
    _, queue = queue_of(0)
    sent = time.time()

    fresh = health.queue_warnings(broker_url=REDIS_URL, queue=queue, stall_seconds=300, now=sent + 10)
    stalled = health.queue_warnings(broker_url=REDIS_URL, queue=queue, stall_seconds=300, now=sent + 420)
    state = health.queue_state(broker_url=REDIS_URL, queue=queue, now=sent + 420)

    assert fresh == []
    assert stalled == [
        "队列中有 1 个任务在等待，最早的一个已等了 7 分钟，没有 worker 取走。请检查 Celery worker 是否在运行（make worker）。"
    ]
    assert (state.reachable, state.waiting, round(state.oldest_wait / 10)) == (True, 1, 42)


def test_queue_warnings_broker_down():
    [warning] = health.queue_warnings(broker_url=CLOSED, queue="celery", stall_seconds=300)

    assert warning.startswith("任务队列（redis://:***@127.0.0.1:1/0）无法连接：ConnectionError。")


@pytest.mark.redis
@pytest.mark.filterwarnings("ignore::celery.exceptions.AlwaysEagerIgnored")  # send_task is the point
def test_held_tasks_reads_what_a_worker_took_without_acknowledging(queue_of):
    conn, queue = queue_of(7, 8)
    channel = conn.default_channel
    taken = channel.basic_get(queue, no_ack=False)  # taken by "a worker", not acknowledged
    try:
        seen = health.held_tasks(broker_url=REDIS_URL, queue=queue)
    finally:
        channel.basic_reject(taken.delivery_tag, requeue=False)

    assert seen == (1, {("events.ingest_article", 7)})


@pytest.mark.redis
@pytest.mark.filterwarnings("ignore::celery.exceptions.AlwaysEagerIgnored")  # send_task is the point
def test_held_tasks_names_every_article_of_a_held_batch(queue_of):
    conn, queue = queue_of([3, 4], 9)
    channel = conn.default_channel
    taken = channel.basic_get(queue, no_ack=False)
    try:
        seen = health.held_tasks(broker_url=REDIS_URL, queue=queue)
    finally:
        channel.basic_reject(taken.delivery_tag, requeue=False)

    assert seen == (1, {("events.ingest_articles", 3), ("events.ingest_articles", 4)})
