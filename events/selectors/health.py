"""Readiness: is the database answering, is the broker reachable, is a worker taking queued tasks.

Every check is bounded by a short time-out, so a server that is down or never answers makes a
readiness probe or an admin page a second or two slower, never a hang or a 500. The queue check
reads the oldest message of the Redis list Celery's default queue lives in; its age comes from the
``ENQUEUED_AT_HEADER`` that ``kejicalendar.celery`` stamps on every task it sends.
"""

from __future__ import annotations

import base64
import json
import time
from dataclasses import dataclass

import redis
from django.db import DatabaseError, connection

ENQUEUED_AT_HEADER = "kejical_enqueued_at"
BROKER_TIMEOUT_SECONDS = 1.0
DATABASE_TIMEOUT_MS = 2000


@dataclass(frozen=True)
class Check:
    """One dependency: ``ok`` and, when not, a sentence saying what is wrong (Chinese, for people)."""

    ok: bool
    detail: str = ""


@dataclass(frozen=True)
class QueueState:
    """The broker as the admin sees it. ``oldest_wait`` is in seconds (None: empty queue or unknown)."""

    reachable: bool
    error: str = ""
    waiting: int = 0
    oldest_wait: float | None = None


def check_database() -> Check:
    """Run one query; on PostgreSQL it may take at most ``DATABASE_TIMEOUT_MS``."""
    try:
        with connection.cursor() as cursor:
            if connection.vendor == "postgresql":
                # SET (not SET LOCAL): autocommit has no transaction to scope it; reset below.
                cursor.execute(f"SET statement_timeout = {int(DATABASE_TIMEOUT_MS)}")
            cursor.execute("SELECT 1")
            cursor.fetchone()
            if connection.vendor == "postgresql":
                cursor.execute("RESET statement_timeout")
    except DatabaseError as exc:
        return Check(False, f"数据库无法访问：{type(exc).__name__}: {str(exc)[:200]}")
    return Check(True)


def _redis_client(url: str) -> redis.Redis:
    return redis.Redis.from_url(
        url,
        socket_connect_timeout=BROKER_TIMEOUT_SECONDS,
        socket_timeout=BROKER_TIMEOUT_SECONDS,
        retry_on_timeout=False,
    )


def _unreachable(url: str, exc: Exception) -> str:
    return f"任务队列（{_without_password(url)}）无法连接：{type(exc).__name__}"


def _without_password(url: str) -> str:
    """The broker URL with any password replaced, fit to show to a curator."""
    from urllib.parse import urlsplit, urlunsplit

    parts = urlsplit(url)
    if parts.password is None:
        return url
    host = parts.hostname or ""
    netloc = f"{parts.username or ''}:***@{host}" + (f":{parts.port}" if parts.port else "")
    return urlunsplit(parts._replace(netloc=netloc))


def queue_state(*, broker_url: str, queue: str, now: float | None = None) -> QueueState:
    """How many tasks wait in ``queue`` and how long the oldest has waited.

    Only Redis brokers can be looked into; any other URL is reported reachable without counts.
    ``now`` is a Unix time (defaults to the clock), so callers and tests can fix it.
    """
    if not broker_url.startswith(("redis://", "rediss://", "unix://")):
        return QueueState(reachable=True)
    client = _redis_client(broker_url)
    try:
        waiting = int(client.llen(queue))
        # kombu LPUSHes and workers BRPOP: the oldest message is the last element.
        oldest = client.lindex(queue, -1) if waiting else None
    except redis.RedisError as exc:
        return QueueState(reachable=False, error=_unreachable(broker_url, exc))
    finally:
        client.close()
    return QueueState(reachable=True, waiting=waiting, oldest_wait=_message_age(oldest, now or time.time()))


def _message_age(raw: bytes | None, now: float) -> float | None:
    if raw is None:
        return None
    try:
        sent = json.loads(raw)["headers"][ENQUEUED_AT_HEADER]
        return max(0.0, now - float(sent))
    except (ValueError, KeyError, TypeError):
        return None  # a message from a sender without the header: age unknown


def held_tasks(*, broker_url: str, queue: str) -> tuple[int, set[tuple[str, object]]] | None:
    """How many messages wait in ``queue``, and (task name, first argument, or each id of a list of
    them) of every message of it a worker has taken without acknowledging (running, waiting for a retry's ETA, or held by a worker
    that died, until the visibility timeout gives it back). None when the broker cannot be read.

    kombu keeps those in the Redis hash ``unacked`` as ``[message, exchange, routing key]``.
    """
    client = _redis_client(broker_url)
    try:
        waiting = int(client.llen(queue))
        held = set()
        for raw in client.hvals("unacked"):
            message, _exchange, routing_key = json.loads(raw)
            if routing_key != queue:
                continue
            args = json.loads(base64.b64decode(message["body"]))[0]
            first = args[0] if args else None
            # A batch task's first argument is a list of ids: each of them is held.
            for one in first if isinstance(first, list) else [first]:
                held.add((message["headers"]["task"], one))
    except (redis.RedisError, ValueError, KeyError, IndexError, TypeError):
        return None
    finally:
        client.close()
    return waiting, held


def check_broker(*, broker_url: str, queue: str) -> Check:
    """Reachable and answering (``PING``); not configured counts as fine (tasks run in-process)."""
    if not broker_url:
        return Check(True)
    state = queue_state(broker_url=broker_url, queue=queue)
    return Check(state.reachable, state.error)


def queue_warnings(*, broker_url: str, queue: str, stall_seconds: int, now: float | None = None) -> list[str]:
    """Plain sentences for the admin: the broker is down, or queued tasks wait with no worker taking them."""
    if not broker_url:
        return []
    state = queue_state(broker_url=broker_url, queue=queue, now=now)
    if not state.reachable:
        return [
            f"{state.error}。重新解析、重新读取来源等操作暂时无法安排，请检查 Redis 服务和 CELERY_BROKER_URL。"
        ]
    if state.oldest_wait is not None and state.oldest_wait > stall_seconds:
        minutes = int(state.oldest_wait // 60)
        return [
            f"队列中有 {state.waiting} 个任务在等待，最早的一个已等了 {minutes} 分钟，没有 worker 取走。"
            "请检查 Celery worker 是否在运行（make worker）。"
        ]
    return []
