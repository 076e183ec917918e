"""Finding article files: paths, folders (walked once each, symlink loops cut) and globs.

Reads the file system only; nothing here touches the database.
"""

from __future__ import annotations

import glob
import os
from collections.abc import Callable, Iterable
from pathlib import Path

from .text import ARTICLE_SUFFIXES, IngestError

# A manifest gives publication dates for the files beside it; it is not an article.
MANIFEST_NAME = "manifest.json"


def collect_files(
    paths: Iterable[str], *, missing: Callable[[str], None] | None = None, within: Path | None = None
) -> list[Path]:
    """Article files named by ``paths`` (files, folders searched recursively, globs), sorted, no duplicates.

    Symlinked folders are followed once each, so a link back up the tree (a loop) ends the walk
    there instead of repeating it. A path that matches nothing is passed to ``missing``; without
    one, it raises IngestError. With ``within``, folders that resolve outside it (a symlink to ``/``)
    are not walked; files are returned as found and checked by the caller (``roots.file_key``).
    """
    found: dict[Path, None] = {}
    visited: set[tuple[int, int]] = set()
    for raw in paths:
        pattern = glob.has_magic(raw)
        matches = _glob(raw) if pattern else [Path(raw)] if Path(raw).exists() else []
        if not matches:
            if missing is None:
                raise IngestError(f"{raw}: no such file or folder")
            missing(raw)
            continue
        for match in matches:
            for path in _walk(match, visited, within) if match.is_dir() else [match]:
                # A file named on its own is read whatever its suffix; found by a folder or glob, it must look like one.
                if path.is_file() and _is_article(path, explicit=not pattern and path == match):
                    found.setdefault(path.resolve(), None)
    return list(found)


def _glob(pattern: str) -> list[Path]:
    """Existing paths matching ``pattern``. ``**`` does not descend into symlinked folders (that is
    ``_walk``'s job, which stops at loops); ``glob.glob`` would follow a loop about 40 levels deep.
    """
    parts = Path(pattern).expanduser().parts
    fixed = next(i for i, part in enumerate(parts) if glob.has_magic(part))
    base = Path(*parts[:fixed]) if fixed else Path(".")
    rest = str(Path(*parts[fixed:]))
    if not base.is_dir():
        return []
    return sorted(p for p in base.glob(rest) if p.exists() and not _hidden(p.relative_to(base)))


def _hidden(relative: Path) -> bool:
    """True for ".git/x.txt" or "a/.cache": folders and files whose name starts with a dot are not articles."""
    return any(part.startswith(".") and part not in (".", "..") for part in relative.parts)


def _walk(folder: Path, visited: set[tuple[int, int]], within: Path | None = None) -> list[Path]:
    """Every file under ``folder``, sorted; each real folder once (by device and inode), hidden folders
    skipped, and with ``within``, folders resolving outside it skipped."""
    files: list[Path] = []
    for root, dirs, names in os.walk(folder, followlinks=True):
        info = os.stat(root)
        if (info.st_dev, info.st_ino) in visited or (
            within and not Path(root).resolve().is_relative_to(within)
        ):
            dirs[:] = []
            continue
        visited.add((info.st_dev, info.st_ino))
        dirs[:] = sorted(d for d in dirs if not d.startswith("."))
        files.extend(Path(root) / name for name in names)
    return sorted(files)


def _is_article(path: Path, *, explicit: bool) -> bool:
    if path.name == MANIFEST_NAME or path.name.startswith("."):
        return False
    return explicit or path.suffix.lower() in ARTICLE_SUFFIXES
