"""Ingesting many articles at once: files, folders and globs from the command line, and stored sources.

A ``manifest.json`` beside the files (``{"articles": [{"file", "published", "source"}]}``) gives
publication dates; ``--published`` wins over it. One failing file never stops the others.
"""

from __future__ import annotations

import glob
import json
import logging
from collections import Counter
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path

from django.utils import timezone

from events.models import Article, Evidence, Source

from .files import MANIFEST_NAME, collect_files
from .ingest import IngestResult, ingest_article
from .roots import (
    OutsideRootError,
    command_line_base,
    file_key,
    location_paths,
    relative_location,
    require_root,
)
from .text import (
    IngestError,
    read_article_file,
)

log = logging.getLogger(__name__)


@dataclass
class IngestSummary:
    """Totals over many articles, plus one line per failure ("path: reason").

    ``articles`` counts articles. ``events`` counts distinct events: one festival reported by five
    articles and created by the first is "1 created", not "1 created, 4 updated".
    """

    articles: Counter = field(default_factory=Counter)  # new / changed / unchanged / failed
    failures: list[str] = field(default_factory=list)
    removed: int = 0
    undated: int = 0
    _created: set[int] = field(default_factory=set, repr=False)
    _updated: set[int] = field(default_factory=set, repr=False)
    _seen: set[int] = field(default_factory=set, repr=False)
    _unchanged_articles: list[int] = field(default_factory=list, repr=False)

    def add(self, result: IngestResult) -> None:
        self.articles[result.status] += 1
        self.removed += result.removed
        self.undated += result.undated
        self._created |= result.created_ids
        self._updated |= result.updated_ids
        if result.status == "failed":
            self.failures.append(f"{result.article.key if result.article else '?'}: {result.error}")
        elif result.status == "unchanged":
            self._unchanged_articles.append(result.article.pk)  # its events are looked up once, at the end
        else:
            self._seen.update(event.pk for event in result.events)

    def fail(self, where: str, reason: str) -> None:
        """Count a refused file; ``reason`` may already start with ``where`` (IngestError messages do)."""
        self.articles["failed"] += 1
        self.failures.append(reason if reason.startswith(f"{where}: ") else f"{where}: {reason}")

    @property
    def events(self) -> Counter:
        """created / updated / unchanged / removed / undated, each event counted once (one query per 500 unchanged articles)."""
        if self._unchanged_articles:
            self._seen |= _event_ids_of(self._unchanged_articles)
            self._unchanged_articles = []
        updated = self._updated - self._created
        return Counter(
            created=len(self._created),
            updated=len(updated),
            unchanged=len(self._seen - self._created - updated),
            removed=self.removed,
            undated=self.undated,
        )

    @property
    def total(self) -> int:
        return sum(self.articles.values())

    @property
    def all_failed(self) -> bool:
        return self.total > 0 and self.articles["failed"] == self.total


def _event_ids_of(article_ids: list[int], chunk: int = 500) -> set[int]:
    found: set[int] = set()
    for i in range(0, len(article_ids), chunk):
        rows = Evidence.objects.filter(article_id__in=article_ids[i : i + chunk]).values_list(
            "event_id", flat=True
        )
        found.update(rows)
    return found


def load_manifest(folder: Path, cache: dict[Path, dict]) -> dict:
    """``{file name: entry}`` from ``folder/manifest.json`` ({} without one; a broken one is logged)."""
    if folder not in cache:
        cache[folder] = {}
        manifest = folder / MANIFEST_NAME
        if manifest.is_file():
            try:
                entries = json.loads(manifest.read_text(encoding="utf-8"))["articles"]
                cache[folder] = {e["file"]: e for e in entries if isinstance(e, dict) and "file" in e}
            except (ValueError, KeyError, TypeError) as exc:
                log.warning("ignoring unreadable %s: %s", manifest, exc)
    return cache[folder]


def ensure_source(*, name: str, paths: list[str], base: Path | None = None) -> Source:
    """The named Source, created or updated to point at ``paths`` (kind "file" for one plain file).

    The location is stored relative to ``base`` (default: ``roots.command_line_base()``); a path
    outside it raises OutsideRootError and nothing is stored.
    """
    single_file = len(paths) == 1 and not glob.has_magic(paths[0]) and Path(paths[0]).is_file()
    kind = Source.Kind.FILE if single_file else Source.Kind.FOLDER
    location = relative_location(paths, base=base or command_line_base())[:1000]
    source, created = Source.objects.get_or_create(
        name=name[:200], defaults={"kind": kind, "location": location}
    )
    if not created and (source.kind, source.location) != (kind, location) and not source.is_web:
        source.kind, source.location = kind, location
        source.save(update_fields=["kind", "location"])
    return source


def ingest_paths(
    *,
    paths: list[str],
    source: Source | None = None,
    published: date | None = None,
    force: bool = False,
    progress: Callable[[Iterable[Path]], Iterable[Path]] | None = None,
    base: Path | None = None,
) -> IngestSummary:
    """Ingest every article file under ``paths``; refused or failing files, and paths that match
    nothing, are counted as failures, not raised. Nothing stored is deleted for a missing file.

    Keys are paths relative to ``base`` (default: ``roots.command_line_base()``); a file that
    resolves outside it (a symlink to ``/etc/passwd``) is refused as a failure and never read.
    With a ``source``, its ``last_run`` and ``last_error`` (the failures, "" when none) are recorded.
    """
    summary = IngestSummary()
    manifests: dict[Path, dict] = {}
    base = base or command_line_base()
    found = collect_files(paths, missing=lambda raw: summary.fail(raw, "no such file or folder"), within=base)
    files = []
    for path in found:
        try:
            files.append((path, file_key(path, base=base)))
        except OutsideRootError as exc:
            summary.fail(str(path), str(exc))
    stored = _stored_articles([key for _, key in files])
    for path, key in progress(files) if progress else files:
        entry = load_manifest(path.parent, manifests).get(path.name, {})
        when, how = _published_for(entry, published)
        try:
            article_file = read_article_file(path)
            result = ingest_article(
                key=key,
                text=article_file.text,
                title=article_file.title,
                published=when,
                published_how=how,
                source=source,
                force=force,
                encoding=article_file.encoding,
                existing=stored.get(key),
            )
        except (IngestError, OSError) as exc:
            summary.fail(str(path), str(exc))
            continue
        summary.add(result)
    if source is not None:
        _mark_source(source, error="; ".join(summary.failures)[:5000])
    return summary


def _stored_articles(keys: list[str], chunk: int = 500) -> dict[str, Article]:
    """The stored articles for ``keys``, loaded a chunk at a time instead of one query per file."""
    found: dict[str, Article] = {}
    for i in range(0, len(keys), chunk):
        found.update(Article.objects.in_bulk(keys[i : i + chunk], field_name="key"))
    return found


def _published_for(entry: dict, given: date | None) -> tuple[date | None, str | None]:
    if given is not None:
        return given, Article.PublishedHow.GIVEN
    try:
        return date.fromisoformat(entry["published"]), Article.PublishedHow.MANIFEST
    except (KeyError, TypeError, ValueError):
        return None, None


def ingest_source(*, source: Source, force: bool = False) -> IngestSummary:
    """Re-read a stored file or folder source (files, folders or globs one per line in ``location``).

    Records ``last_run`` and ``last_error`` on the source. Web sources are fetched by
    ``web_sources.fetch_source`` instead (the task routes them there); given one, this raises IngestError.
    """
    if source.is_web:
        raise IngestError(f"{source.name}: 网络来源由 fetch_source 抓取，不在这里读取")
    try:
        summary = _ingest_file_source(source=source, force=force)
    except Exception as exc:
        _mark_source(source, error=f"{type(exc).__name__}: {exc}")
        raise
    return summary


def _ingest_file_source(*, source: Source, force: bool) -> IngestSummary:
    """A stored file or folder source, read only under KEJICAL_SOURCE_ROOT (see ``roots``); an unset
    root or a location outside it is recorded on the source as a failure and nothing is read."""
    try:
        root = require_root()
        paths = location_paths(source.location, base=root)
    except IngestError as exc:
        summary = IngestSummary()
        summary.fail(source.name, str(exc))
        _mark_source(source, error=str(exc))
        return summary
    return ingest_paths(paths=paths, source=source, force=force, base=root)


def _mark_source(source: Source, *, error: str) -> None:
    source.last_run = timezone.now()
    source.last_error = error
    source.save(update_fields=["last_run", "last_error"])
