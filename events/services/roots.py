"""Where file and folder sources may live (``KEJICAL_SOURCE_ROOT``) and the article keys of their files.

Rules, and why:

- A stored file or folder source is read only under ``KEJICAL_SOURCE_ROOT``, and only when it is
  set: without it, file sources come only from the command line (``manage.py ingest``), whose
  operator already has the machine; the admin, the API and the workers never read a server file.
- Everything is checked after resolving symlinks, so a link inside the root to ``/etc/passwd`` (or
  a location such as ``../../etc``) is refused like the target itself.
- An article key of a file is its path relative to the root (``2024/03/taigu.txt``), never an
  absolute path: any worker that mounts the root elsewhere reads the same key, and the API, which
  shows keys, never shows a server path. Without a root, ``manage.py ingest`` keys files relative
  to its current folder and refuses files outside it, for the same reason.
- Source locations are stored relative to the root too; an absolute location is accepted when it
  resolves inside the root.
"""

from __future__ import annotations

import glob
import re
from pathlib import Path, PurePosixPath

from django.conf import settings

from events.models import Article, Source

from .text import IngestError

NO_ROOT = "KEJICAL_SOURCE_ROOT is not set: file and folder sources can only be read with `manage.py ingest`"
# Keys an API client may not write: absolute POSIX or Windows paths, home folders, file: URLs.
_PATH_LIKE_KEY = re.compile(r"^(?:[/\\~]|[A-Za-z]:[/\\]|file:)", re.IGNORECASE)


FILE_KINDS = (Source.Kind.FILE, Source.Kind.FOLDER)


class OutsideRootError(IngestError):
    """A path that resolves outside the folder file sources may be read from."""


class ForeignKeyError(IngestError):
    """An API write that would take over an article read from a file, or write into a file source.

    ``field`` names the input at fault ("key" or "source").
    """

    def __init__(self, field: str, message: str) -> None:
        super().__init__(message)
        self.field = field


def source_root() -> Path | None:
    """``KEJICAL_SOURCE_ROOT`` resolved (symlinks followed), or None when it is unset."""
    raw = getattr(settings, "KEJICAL_SOURCE_ROOT", None)
    return Path(raw).expanduser().resolve() if raw else None


def require_root() -> Path:
    """The source root; raises IngestError when it is unset (stored file sources cannot be read)."""
    root = source_root()
    if root is None:
        raise IngestError(NO_ROOT)
    return root


def command_line_base() -> Path:
    """What ``manage.py ingest`` keys files against: the source root, else the current folder."""
    return source_root() or Path.cwd().resolve()


def file_key(path: Path, *, base: Path) -> str:
    """``path`` (symlinks resolved) relative to ``base`` in POSIX form; raises OutsideRootError outside it."""
    resolved = path.resolve()
    try:
        return resolved.relative_to(base).as_posix()
    except ValueError:
        raise OutsideRootError(f"{path}: outside the source root, refused") from None


def location_paths(location: str, *, base: Path) -> list[str]:
    """The absolute paths (or globs) of a source's location lines, each checked to stay under ``base``.

    A relative line is read from ``base``; a glob's fixed part (before its first wildcard) must stay
    under ``base``, and each file it matches is checked again when it is read. Raises OutsideRootError.
    """
    paths = []
    for line in location.splitlines():
        line = line.strip()
        if not line:
            continue
        joined = base / Path(line).expanduser()
        fixed = _fixed_part(joined)
        file_key(fixed, base=base)  # raises when the line leaves the root (``..``, absolute, symlink)
        paths.append(str(joined))
    return paths


def relative_location(paths: list[str], *, base: Path) -> str:
    """Location lines for ``paths`` as stored on a Source: relative to ``base``; raises OutsideRootError."""
    lines = []
    for raw in paths:
        full = Path(raw).expanduser().absolute()
        fixed = _fixed_part(full)
        lines.append(
            (PurePosixPath(file_key(fixed, base=base)) / full.relative_to(fixed).as_posix()).as_posix()
        )
    return "\n".join(lines)


def normalize_location(location: str) -> str:
    """A file or folder source's location as stored: lines relative to the root, each checked.

    Raises IngestError when the root is unset and OutsideRootError when a line leaves it.
    """
    root = require_root()
    return relative_location(location_paths(location, base=root), base=root)


def _fixed_part(path: Path) -> Path:
    """The folders of ``path`` before its first glob wildcard (the whole path when it has none)."""
    parts = path.parts
    for i, part in enumerate(parts):
        if glob.has_magic(part):
            return Path(*parts[:i])
    return path


def is_path_like_key(key: str) -> bool:
    """True for keys that name a server file (``/etc/passwd``, ``C:\\x``, ``~/x``, ``file:///x``)."""
    return bool(_PATH_LIKE_KEY.match(key.strip()))


def check_api_write(*, key: str, source: Source | None) -> None:
    """Refuse an API write that would take over a file's article; raises ForeignKeyError.

    Files belong to their source: an API client may not post a server path as a key, post under
    the key of an article read from a file or folder source (it would replace the file's text
    until the next read), or name a file or folder source for its own article.
    """
    if is_path_like_key(key):
        raise ForeignKeyError(
            "key", "a key may not be a server path (articles from files come from their source)"
        )
    if source is not None and source.kind in FILE_KINDS:
        raise ForeignKeyError("source", f"source {source.name!r} reads files; the API cannot write into it")
    owner = Article.objects.filter(key=key, source__kind__in=FILE_KINDS).values_list(
        "source__name", flat=True
    )
    if name := owner.first():
        raise ForeignKeyError(
            "key", f"key belongs to an article read from source {name!r}; choose another key"
        )
