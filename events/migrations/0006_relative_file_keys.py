"""Article keys and source locations that are absolute server paths become relative (see services/roots.py).

A key under ``KEJICAL_SOURCE_ROOT`` (as set when migrating) becomes its path relative to the root;
one under the project folder (the seeds of ``make run``) its path relative to the project, as
``manage.py ingest`` run there now writes it. Any other absolute key would still show a server
path in the API, so it becomes ``outside-root/<hash of its folder>/<file name>``: unique, stable,
and showing nothing of the server; reading that file again under a root stores it as a new article.
Source locations are rewritten only when under the root (others are refused when run, with a message).
"""

import hashlib
from pathlib import Path, PurePosixPath

from django.conf import settings
from django.db import migrations

PROJECT = Path(settings.BASE_DIR).resolve()


def _bases() -> list[Path]:
    root = getattr(settings, "KEJICAL_SOURCE_ROOT", None)
    return [Path(root).expanduser().resolve(), PROJECT] if root else [PROJECT]


def relative_key(key: str, bases: list[Path]) -> str:
    """The relative key for an absolute path ``key`` (unchanged when not absolute)."""
    if not key.startswith("/"):
        return key
    path = PurePosixPath(key)
    for base in bases:
        if path.is_relative_to(base):
            return path.relative_to(base).as_posix()
    folder = hashlib.sha256(str(path.parent).encode()).hexdigest()[:12]
    return f"outside-root/{folder}/{path.name}"


def forwards(apps, schema_editor):
    Article = apps.get_model("events", "Article")
    Source = apps.get_model("events", "Source")
    bases = _bases()
    taken = set(Article.objects.exclude(key__startswith="/").values_list("key", flat=True))
    for article in Article.objects.filter(key__startswith="/").only("pk", "key").iterator():
        key = relative_key(article.key, bases)
        if key in taken:  # never merge two articles: keep them apart with the row id
            key = f"{key}~{article.pk}"
        taken.add(key)
        Article.objects.filter(pk=article.pk).update(key=key[:500])
    if len(bases) == 2:
        root = bases[0]
        for source in Source.objects.filter(kind__in=["file", "folder"]):
            lines = source.location.splitlines()
            if all(PurePosixPath(line).is_relative_to(root) for line in lines if line.startswith("/")):
                source.location = "\n".join(relative_key(line, [root]) for line in lines)
                source.save(update_fields=["location"])


class Migration(migrations.Migration):
    dependencies = [
        ("events", "0005_chinese_labels"),
    ]

    operations = [migrations.RunPython(forwards, migrations.RunPython.noop)]
