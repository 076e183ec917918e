"""File sources stay under KEJICAL_SOURCE_ROOT and their articles are keyed relative to it (events/services/roots.py)."""

from __future__ import annotations

import importlib
import os
from pathlib import Path

import pytest
from django.apps import apps
from django.core.management import CommandError, call_command

from events.models import Article, Source
from events.services import ingest_paths, ingest_source
from events.services.roots import ForeignKeyError, OutsideRootError, check_api_write, normalize_location
from tests.factories import make_article
from tests.services.candidates import use_line_candidates

pytestmark = pytest.mark.django_db

TEXT = "科技节开幕。\n@fest festival 科技节开幕 2024-03-11 金谷广场\n"
SECRET = "root:x:0:0:root:/root:/bin/bash\n@leak festival 机密 2024-03-11\n"


@pytest.fixture(autouse=True)
def _line_extractor(monkeypatch):
    use_line_candidates(monkeypatch)


@pytest.fixture
def tree(tmp_path: Path, settings) -> dict[str, Path]:
    """root/news/a.txt inside the root, outside/secret.txt beside it, the root set."""
    root, outside = tmp_path / "root", tmp_path / "outside"
    (root / "news").mkdir(parents=True)
    outside.mkdir()
    (root / "news" / "a.txt").write_text(TEXT, encoding="utf-8")
    (outside / "secret.txt").write_text(SECRET, encoding="utf-8")
    settings.KEJICAL_SOURCE_ROOT = str(root)
    return {"root": root, "outside": outside}


def test_folder_source_keys_are_relative_to_the_root(tree):
    source = Source.objects.create(name="本地", kind=Source.Kind.FOLDER, location="news")

    summary = ingest_source(source=source)

    assert (summary.articles, list(Article.objects.values_list("key", flat=True))) == (
        {"new": 1},
        ["news/a.txt"],
    )


def test_symlink_out_of_the_root_is_refused_and_never_read(tree):
    os.symlink(tree["outside"] / "secret.txt", tree["root"] / "news" / "passwd.txt")
    os.symlink(tree["outside"], tree["root"] / "news" / "linked")  # a folder link: not walked at all
    source = Source.objects.create(name="本地", kind=Source.Kind.FOLDER, location="news")

    summary = ingest_source(source=source)

    assert summary.articles == {"new": 1, "failed": 1}
    assert summary.failures == [f"{tree['outside'] / 'secret.txt'}: outside the source root, refused"]
    assert not Article.objects.filter(text__contains="root:x").exists()


@pytest.mark.parametrize("location", ["../outside", "{outside}", "{outside}/*.txt", "news/../../outside"])
def test_source_location_outside_the_root_is_refused(tree, location):
    source = Source.objects.create(
        name="越界", kind=Source.Kind.FOLDER, location=location.format(outside=tree["outside"])
    )

    summary = ingest_source(source=source)

    source.refresh_from_db()
    assert (summary.articles, Article.objects.count()) == ({"failed": 1}, 0)
    assert "outside the source root" in source.last_error


def test_stored_file_source_is_not_read_without_a_root(tree, settings):
    settings.KEJICAL_SOURCE_ROOT = None
    source = Source.objects.create(
        name="本地", kind=Source.Kind.FILE, location=str(tree["root"] / "news" / "a.txt")
    )

    summary = ingest_source(source=source)

    source.refresh_from_db()
    assert (summary.articles, Article.objects.count()) == ({"failed": 1}, 0)
    assert "KEJICAL_SOURCE_ROOT is not set" in source.last_error


def test_command_line_without_root_refuses_files_outside_the_current_folder(tree, settings, monkeypatch):
    settings.KEJICAL_SOURCE_ROOT = None
    monkeypatch.chdir(tree["root"])

    call_command("ingest", "news", stdout=open(os.devnull, "w"), stderr=open(os.devnull, "w"))  # noqa: SIM115
    with pytest.raises(CommandError, match="outside the source root"):
        call_command("ingest", str(tree["outside"] / "secret.txt"), stdout=open(os.devnull, "w"))  # noqa: SIM115

    assert list(Article.objects.values_list("key", flat=True)) == ["news/a.txt"]


def test_ingest_paths_with_root_refuses_an_explicit_outside_file(tree):
    summary = ingest_paths(paths=[str(tree["outside"] / "secret.txt")])

    assert (summary.articles, Article.objects.count()) == ({"failed": 1}, 0)


def test_normalize_location_stores_lines_relative_to_the_root(tree):
    location = f"{tree['root'] / 'news'}\nnews/*.txt"

    assert normalize_location(location) == "news\nnews/*.txt"
    with pytest.raises(OutsideRootError):
        normalize_location(str(tree["outside"]))


@pytest.mark.parametrize(
    "key", ["/etc/passwd", "~/x.txt", "C:\\news\\a.txt", "file:///etc/passwd", "\\\\srv\\a"]
)
def test_check_api_write_refuses_server_paths(key):
    with pytest.raises(ForeignKeyError) as refused:
        check_api_write(key=key, source=None)

    assert refused.value.field == "key"


def test_check_api_write_refuses_a_file_sources_key_and_source(tree):
    source = Source.objects.create(name="本地", kind=Source.Kind.FOLDER, location="news")
    ingest_source(source=source)

    with pytest.raises(ForeignKeyError, match="belongs to an article read from source '本地'"):
        check_api_write(key="news/a.txt", source=None)
    with pytest.raises(ForeignKeyError, match="reads files"):
        check_api_write(key="https://news.example/new", source=source)
    check_api_write(key="https://news.example/new", source=None)  # a fresh URL key is fine


def test_migration_makes_absolute_keys_relative(settings, tmp_path):
    migration = importlib.import_module("events.migrations.0006_relative_file_keys")
    settings.KEJICAL_SOURCE_ROOT = str(tmp_path)
    project = Path(settings.BASE_DIR).resolve()
    make_article(str(tmp_path / "2024" / "a.txt"))
    make_article(str(project / "seeds" / "b.txt"))
    make_article("/srv/other/c.txt")
    make_article("2024/a.txt")  # already taken: the migrated one keeps its row id
    source = Source.objects.create(name="本地", kind=Source.Kind.FOLDER, location=str(tmp_path / "2024"))

    migration.forwards(apps, None)

    keys = sorted(Article.objects.values_list("key", flat=True))
    source.refresh_from_db()
    assert [k for k in keys if not k.startswith("outside-root/")] == sorted(
        ["2024/a.txt", f"2024/a.txt~{Article.objects.order_by('pk').first().pk}", "seeds/b.txt"]
    )
    assert [k.rsplit("/", 1)[1] for k in keys if k.startswith("outside-root/")] == ["c.txt"]
    assert source.location == "2024"
