"""Ingestion's per-article reads and its mention-block write as SQL composed once per process.

Why not the ORM here: these statements run for every article a worker re-reads, and compiling
them (select lists, joins, ordering, converters) cost a worker more CPU than running them: the
own-evidence query alone was ~1.3 ms of compiling per article, the task's article load ~0.6 ms,
out of ~8 ms (bench/ingest_workers.py, py-spy). The column lists come from the models' ``_meta``
and Django's own converters are applied to what is read, so the instances are those the ORM
would have made (tests/services/test_article_rows.py compares them on SQLite and PostgreSQL),
and a new column is picked up without editing this file. The writes go through ``save`` instead
when a model gets a ``save()`` of its own or a receiver of its save signals. Anything not run per
article stays with the ORM.
"""

from __future__ import annotations

import functools
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from django.db import DatabaseError, connection
from django.db.models import Model, signals

from events.models import Article, Event, Evidence, MentionBlock, Source


@dataclass(frozen=True)
class _Columns:
    """A model's concrete columns as read from table alias ``alias``, and how to convert them."""

    model: type[Model]
    attnames: tuple[str, ...]
    select: str
    converters: tuple[tuple[int, tuple[Callable, ...], Any], ...]  # (index, converters, expression)

    def convert(self, values: Sequence[Any]) -> list[Any]:
        """``values`` as read from the database, converted as a queryset would convert them."""
        values = list(values)
        for i, functions, expression in self.converters:
            for convert in functions:
                values[i] = convert(values[i], expression, connection)
        return values

    def load(self, values: Sequence[Any]) -> Model:
        """The model instance of these columns' ``values``, as a queryset would have built it."""
        return self.model.from_db(connection.alias, self.attnames, self.convert(values))


@functools.cache
def _columns(model: type[Model], alias: str, vendor: str, names: tuple[str, ...] | None = None) -> _Columns:
    """``model``'s concrete fields (or those named) under ``alias``, for the connection's ``vendor``."""
    fields = [f for f in model._meta.concrete_fields if names is None or f.attname in names]
    if names is not None:
        fields.sort(key=lambda f: names.index(f.attname))
    quote = connection.ops.quote_name
    converters = []
    for i, field in enumerate(fields):
        expression = field.get_col(alias)
        functions = (*connection.ops.get_db_converters(expression), *expression.get_db_converters(connection))
        if functions:
            converters.append((i, tuple(functions), expression))
    return _Columns(
        model=model,
        attnames=tuple(f.attname for f in fields),
        select=", ".join(f"{quote(alias)}.{quote(f.column)}" for f in fields),
        converters=tuple(converters),
    )


def _table(model: type[Model]) -> str:
    return connection.ops.quote_name(model._meta.db_table)


@functools.cache
def _article_sql(vendor: str) -> tuple[str, _Columns, _Columns]:
    article, source = _columns(Article, "a", vendor), _columns(Source, "s", vendor)
    sql = (
        f"SELECT {article.select}, {source.select} FROM {_table(Article)} a "
        f"LEFT OUTER JOIN {_table(Source)} s ON s.id = a.source_id WHERE a.id = %s"
    )
    return sql, article, source


def load_article(pk: int) -> Article | None:
    """The stored article ``pk`` with its source loaded with it (None when it is gone):
    ``Article.objects.select_related("source").filter(pk=pk).first()``."""
    sql, article_columns, source_columns = _article_sql(connection.vendor)
    with connection.cursor() as cursor:
        cursor.execute(sql, [pk])
        row = cursor.fetchone()
    if row is None:
        return None
    split = len(article_columns.attnames)
    article = article_columns.load(row[:split])
    source = source_columns.load(row[split:]) if article.source_id is not None else None
    Article._meta.get_field("source").set_cached_value(article, source)
    return article


@functools.cache
def _lock_sql(vendor: str, names: tuple[str, ...], relax: bool) -> tuple[str, _Columns]:
    columns = _columns(Article, "a", vendor, names)
    lock = " FOR UPDATE" if connection.features.has_select_for_update else ""
    # SET LOCAL as a function, decided on the locked row's own queued_at, with no round trip of its
    # own. When another transaction updated the row meanwhile, PostgreSQL evaluates this again on
    # the row's latest version once the lock is granted: the last value returned is the decision.
    # "reset" asks lock_article to put the default back, which an earlier evaluation of this same
    # statement may have turned off (reading the default here, from pg_settings, cost ~0.5 ms).
    extra = (
        ", CASE WHEN a.queued_at <= %s THEN set_config('synchronous_commit', 'off', true) "
        "WHEN current_setting('synchronous_commit') = 'off' THEN 'reset' END"
        if relax
        else ""
    )
    return f"SELECT {columns.select}{extra} FROM {_table(Article)} a WHERE a.id = %s{lock}", columns


def lock_article(
    pk: int, names: tuple[str, ...], *, commit_async_if_queued_by: datetime | None = None
) -> dict[str, Any] | None:
    """The columns ``names`` (attnames) of article ``pk`` read under a row lock held until the
    transaction ends (SQLite: its writer's lock on the whole database); None when it is gone.

    With ``commit_async_if_queued_by``, on PostgreSQL, the same statement turns ``synchronous_commit``
    off for the rest of the transaction when the row's ``queued_at`` is at or before that time
    (see ``ingest._lock`` for when that is safe).
    """
    relax = commit_async_if_queued_by is not None and connection.vendor == "postgresql"
    sql, columns = _lock_sql(connection.vendor, names, relax)
    with connection.cursor() as cursor:
        cursor.execute(sql, [commit_async_if_queued_by, pk] if relax else [pk])
        row = cursor.fetchone()
        if relax and row is not None and row[-1] == "reset":
            cursor.execute("SET LOCAL synchronous_commit TO DEFAULT")
    if row is None:
        return None
    return dict(zip(columns.attnames, columns.convert(row[: len(names)]), strict=True))


@functools.cache
def _evidence_sql(vendor: str) -> tuple[str, _Columns, _Columns]:
    evidence, event = _columns(Evidence, "ev", vendor), _columns(Event, "e", vendor)
    table = _table(Evidence)
    # The events in Event's own order (newest first), their evidence in text order.
    sql = (
        f"SELECT {evidence.select}, {event.select}, EXISTS (SELECT 1 FROM {table} o "
        "WHERE o.event_id = ev.event_id AND o.article_id <> ev.article_id) "
        f"FROM {table} ev INNER JOIN {_table(Event)} e ON e.id = ev.event_id WHERE ev.article_id = %s "
        "ORDER BY e.start DESC, e.title ASC, ev.event_id ASC, ev.span_start ASC"
    )
    return sql, evidence, event


def own_evidence(article_id: int) -> list[tuple[Evidence, Event, bool]]:
    """Every piece of evidence from the article, with its event (one instance per event) and
    whether another article gives evidence for that event too; events newest first as
    ``Event.Meta.ordering``, each event's evidence in text order."""
    sql, evidence_columns, event_columns = _evidence_sql(connection.vendor)
    with connection.cursor() as cursor:
        cursor.execute(sql, [article_id])
        rows = cursor.fetchall()
    split = len(evidence_columns.attnames)
    events: dict[int, Event] = {}
    out = []
    for row in rows:
        evidence = evidence_columns.load(row[:split])
        event = events.get(evidence.event_id)
        if event is None:
            event = events[evidence.event_id] = event_columns.load(row[split:-1])
        Evidence._meta.get_field("event").set_cached_value(evidence, event)
        out.append((evidence, event, bool(row[-1])))
    return out


def write_mention_blocks(article: Article, blocks: list[MentionBlock], *, replace: bool) -> None:
    """Store ``blocks`` as the article's mention blocks, deleting its old ones first when ``replace``.

    On PostgreSQL the delete and the insert are one statement (a data-modifying WITH): one round
    trip where there were two, on a machine where each round trip waits for a core.
    """
    fields = [f for f in MentionBlock._meta.concrete_fields if not f.primary_key]
    table = _table(MentionBlock)
    columns = ", ".join(connection.ops.quote_name(f.column) for f in fields)
    row = "(" + ", ".join(["%s"] * len(fields)) + ")"
    size = max(1, connection.ops.bulk_batch_size(fields, blocks))  # SQLite caps a statement's parameters
    statements = []
    for i in range(0, len(blocks), size):
        batch = blocks[i : i + size]
        params = [f.get_db_prep_save(getattr(b, f.attname), connection) for b in batch for f in fields]
        statements.append((f"INSERT INTO {table} ({columns}) VALUES {', '.join([row] * len(batch))}", params))
    delete = f"DELETE FROM {table} WHERE article_id = %s"
    with connection.cursor() as cursor:
        if replace and statements and connection.vendor == "postgresql":
            sql, params = statements.pop(0)
            cursor.execute(f"WITH gone AS ({delete}) {sql}", [article.pk, *params])
        elif replace:
            cursor.execute(delete, [article.pk])
        for sql, params in statements:
            cursor.execute(sql, params)


@functools.cache
def _update_sql(model: type[Model], names: tuple[str, ...], vendor: str) -> str:
    quote = connection.ops.quote_name
    fields = [model._meta.get_field(name) for name in names]
    assignments = ", ".join(f"{quote(f.column)} = %s" for f in fields)
    return f"UPDATE {_table(model)} SET {assignments} WHERE {quote(model._meta.pk.column)} = %s"


def _saves_plainly(model: type[Model]) -> bool:
    """True when saving ``model`` is only its INSERT or UPDATE: no ``save()`` of its own and no
    receiver of its save signals, which the SQL below would silently skip."""
    return (
        model.save is Model.save
        and not signals.pre_save.has_listeners(model)
        and not signals.post_save.has_listeners(model)
    )


def update_columns(instance: Model, names: Sequence[str]) -> None:
    """``instance.save(update_fields=names)``: the same UPDATE (``auto_now`` fields stamped too),
    from SQL composed once per set of ``names`` (through ``save`` itself if the model has its own
    or someone listens to its save signals). Raises DatabaseError, as ``save`` does, when the row
    is gone."""
    if not _saves_plainly(type(instance)):
        instance.save(update_fields=list(names))
        return
    fields = [instance._meta.get_field(name) for name in names]
    params = [f.get_db_prep_save(f.pre_save(instance, False), connection) for f in fields]
    with connection.cursor() as cursor:
        cursor.execute(_update_sql(type(instance), tuple(names), connection.vendor), [*params, instance.pk])
        if cursor.rowcount == 0:
            raise DatabaseError("Save with update_fields did not affect any rows.")


@functools.lru_cache(maxsize=64)  # one per number of events; an article has a few
def _merged_sql(vendor: str, count: int) -> str:
    table, placeholders = _table(Event), ", ".join(["%s"] * count)
    return f"SELECT match_key, merged_into_id FROM {table} WHERE merged_into_id IN ({placeholders}) AND match_key <> ''"


def merged_match_keys(event_ids: Sequence[int]) -> list[tuple[str, int]]:
    """(``match_key``, the event it was merged into) of the events merged into one of ``event_ids``
    that have a key."""
    if not event_ids:
        return []
    with connection.cursor() as cursor:
        cursor.execute(_merged_sql(connection.vendor, len(event_ids)), list(event_ids))
        return [(key, target) for key, target in cursor.fetchall()]


@functools.cache
def _insert_sql(model: type[Model], vendor: str) -> tuple[str, tuple]:
    quote = connection.ops.quote_name
    fields = tuple(f for f in model._meta.concrete_fields if not f.primary_key)
    columns = ", ".join(quote(f.column) for f in fields)
    returning = f" RETURNING {quote(model._meta.pk.column)}" if vendor == "postgresql" else ""
    placeholders = ", ".join(["%s"] * len(fields))
    return f"INSERT INTO {_table(model)} ({columns}) VALUES ({placeholders}){returning}", fields


def insert_row(instance: Model) -> None:
    """``instance.save()`` of a new row whose primary key the database assigns: the same INSERT
    (``auto_now`` and ``auto_now_add`` stamped), from SQL composed once; the key is set on
    ``instance`` (through ``save`` itself if the model has its own or someone listens to its save
    signals). A duplicate unique value raises IntegrityError."""
    if instance.pk is not None:
        raise ValueError(f"{instance!r} has a primary key already: insert_row stores new rows")
    if not _saves_plainly(type(instance)):
        instance.save(force_insert=True)
        return
    sql, fields = _insert_sql(type(instance), connection.vendor)
    params = [f.get_db_prep_save(f.pre_save(instance, True), connection) for f in fields]
    with connection.cursor() as cursor:
        cursor.execute(sql, params)
        instance.pk = cursor.fetchone()[0] if connection.vendor == "postgresql" else cursor.lastrowid
    instance._state.adding = False
    instance._state.db = connection.alias


@functools.lru_cache(maxsize=64)  # one per number of (kind, start, end) asked for
def _same_dates_sql(vendor: str, count: int) -> tuple[str, _Columns]:
    event = _columns(Event, "e", vendor)
    rows = ", ".join(["(%s, %s, %s)"] * count)
    # VALUES columns are column1, column2… on both PostgreSQL and SQLite.
    sql = (
        f"SELECT {event.select} FROM {_table(Event)} e INNER JOIN (VALUES {rows}) w "
        'ON e.kind = w.column1 AND e.start = w.column2 AND e."end" = w.column3 '
        "WHERE e.merged_into_id IS NULL ORDER BY e.id"
    )
    return sql, event


def events_on_dates(wanted: Sequence[tuple[str, Any, Any]]) -> list[Event]:
    """Unmerged events with one of these (kind, start, end), in primary-key order."""
    if not wanted:
        return []
    sql, columns = _same_dates_sql(connection.vendor, len(wanted))
    adapt = connection.ops.adapt_datefield_value
    params = [value for kind, start, end in wanted for value in (kind, adapt(start), adapt(end))]
    with connection.cursor() as cursor:
        cursor.execute(sql, params)
        return [columns.load(row) for row in cursor.fetchall()]
