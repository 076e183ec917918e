"""`manage.py ingest` and `manage.py export_events`: files, folders, globs, manifests, encodings, bad files."""

from __future__ import annotations

import json
from datetime import date
from io import StringIO
from pathlib import Path

import pytest
from django.core.management import CommandError, call_command

from events.models import Article, Event, Source
from events.selectors import event_item, with_sources
from tests.services.candidates import use_line_candidates

pytestmark = pytest.mark.django_db

SIMPLIFIED = "科技节在金谷广场开幕。\n@fest festival 科技节开幕 2024-03-11 金谷广场\n"
TRADITIONAL = (
    "科技節在金谷廣場開幕，農業技術培訓同日舉行。\n@train training 農業技術培訓 2024-03-11 金谷廣場\n"
)


@pytest.fixture(autouse=True)
def _line_extractor(monkeypatch):
    use_line_candidates(monkeypatch)


@pytest.fixture(autouse=True)
def _source_root(settings, tmp_path):
    """The files these tests write live in tmp_path: it is the source root."""
    settings.KEJICAL_SOURCE_ROOT = str(tmp_path)


def run(*args: str, partly_failed: bool = False) -> str:
    """The command's output; with ``partly_failed``, it must exit with status 2 (some files refused)."""
    out = StringIO()
    if not partly_failed:
        call_command("ingest", *args, stdout=out, stderr=StringIO())
        return out.getvalue()
    with pytest.raises(CommandError, match="篇文章失败") as failed:
        call_command("ingest", *args, stdout=out, stderr=StringIO())
    assert failed.value.returncode == 2
    return out.getvalue()


@pytest.fixture
def folder(tmp_path: Path) -> Path:
    (tmp_path / "gbk.txt").write_bytes(SIMPLIFIED.encode("gbk"))
    (tmp_path / "big5.txt").write_bytes(TRADITIONAL.encode("big5"))
    (tmp_path / "bom.txt").write_bytes(("\ufeff" + SIMPLIFIED.replace("@fest ", "@fest2 ")).encode("utf-8"))
    (tmp_path / "notes.json").write_text("{}", encoding="utf-8")
    manifest = {"articles": [{"file": "gbk.txt", "published": "2024-03-12", "source": "晋中日报"}]}
    (tmp_path / "manifest.json").write_text(json.dumps(manifest, ensure_ascii=False), encoding="utf-8")
    return tmp_path


def test_ingest_command_reads_gbk_big5_and_bom(folder):
    output = run(str(folder), "--source", "测试")

    texts = {Path(a.key).name: (a.text, a.encoding) for a in Article.objects.all()}
    assert sorted(texts) == ["big5.txt", "bom.txt", "gbk.txt"]
    assert texts["gbk.txt"] == (SIMPLIFIED, "gb18030")
    assert texts["big5.txt"] == (TRADITIONAL, "big5")
    assert texts["bom.txt"] == (SIMPLIFIED.replace("@fest ", "@fest2 "), "utf-8")
    assert "articles: 3 new, 0 changed, 0 unchanged, 0 failed" in output
    # The BOM copy reports the same festival: two events in all, each counted once.
    assert "events: 2 created, 0 updated, 0 unchanged, 0 removed" in output


def test_ingest_command_dates_from_manifest_then_given(folder):
    run(str(folder))
    gbk = Article.objects.get(key__endswith="gbk.txt")
    assert (gbk.published, gbk.published_how) == (date(2024, 3, 12), "manifest")

    run(str(folder / "gbk.txt"), "--published", "2024-03-13")

    gbk.refresh_from_db()
    assert (gbk.published, gbk.published_how) == (date(2024, 3, 13), "given")


def test_ingest_command_second_run_is_unchanged(folder):
    run(str(folder))
    before = list(Event.objects.values_list("uid", "sequence", "updated"))

    output = run(str(folder))

    assert "articles: 0 new, 0 changed, 3 unchanged, 0 failed" in output
    assert list(Event.objects.values_list("uid", "sequence", "updated")) == before


def test_ingest_command_records_source_kind(folder):
    run(str(folder), "--source", "文件夹来源")
    run(str(folder / "gbk.txt"), "--source", "单个文件")

    assert sorted(Source.objects.values_list("name", "kind")) == [
        ("单个文件", "file"),
        ("文件夹来源", "folder"),
    ]
    # Relative to the source root (tmp_path here), so a worker mounting it elsewhere finds the file.
    assert Source.objects.get(name="单个文件").location == "gbk.txt"


def test_ingest_command_glob_skips_manifest(folder):
    run(str(folder / "*"))

    assert Article.objects.count() == 3


def test_ingest_command_bad_files_fail_alone(folder):
    (folder / "empty.txt").write_bytes(b"")
    (folder / "binary.txt").write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" * 10)
    err = StringIO()

    with pytest.raises(CommandError, match="2 篇文章失败（共 5 篇）") as failed:
        call_command("ingest", str(folder), stdout=(out := StringIO()), stderr=err)

    assert failed.value.returncode == 2
    assert "文章：新增 3，更新 0，未变 0，失败 2；" in out.getvalue()
    assert "3 new, 0 changed, 0 unchanged, 2 failed" in out.getvalue()
    assert "empty.txt: " in err.getvalue() and "empty file" in err.getvalue()
    assert "binary.txt: " in err.getvalue() and "looks binary" in err.getvalue()
    assert Article.objects.count() == 3


def test_ingest_command_huge_file_refused(tmp_path, settings):
    settings.KEJICAL_MAX_ARTICLE_CHARS = 50
    (tmp_path / "huge.txt").write_text("科" * 51, encoding="utf-8")
    (tmp_path / "bigger.txt").write_text("科" * 500, encoding="utf-8")

    with pytest.raises(CommandError, match="全部 2 篇文章失败 / all 2 articles failed"):
        run(str(tmp_path))

    assert not Article.objects.exists()


def test_ingest_command_missing_path_is_an_error(tmp_path):
    with pytest.raises(CommandError, match="all 1 articles failed .*nope.txt: no such file or folder"):
        run(str(tmp_path / "nope.txt"))


def test_export_events_writes_visible_items_as_json_lines(folder, tmp_path):
    run(str(folder))
    Event.objects.filter(match_key="train").update(status=Event.Status.HIDDEN)
    target = tmp_path / "out.jsonl"

    call_command("export_events", "--output", str(target), stderr=StringIO())

    lines = target.read_text(encoding="utf-8").splitlines()
    expected = [event_item(e) for e in with_sources(Event.objects.filter(title="科技节开幕"))]
    assert [json.loads(line) for line in lines] == expected
    assert "科技节开幕" in lines[0]  # ensure_ascii=False


def test_export_events_to_stdout(folder):
    run(str(folder))
    out = StringIO()

    call_command("export_events", stdout=out)

    assert sorted(json.loads(line)["title"] for line in out.getvalue().splitlines()) == [
        "科技节开幕",
        "農業技術培訓",
    ]


@pytest.fixture
def mixed(folder: Path) -> Path:
    """``folder`` plus UTF-16, empty, binary, a 30 MB file, an impossible date and a symlink loop."""
    (folder / "utf16.txt").write_bytes(SIMPLIFIED.replace("@fest ", "@fest16 ").encode("utf-16"))
    (folder / "feb30.txt").write_text("2024年2月30日，太谷区举办农业技术培训会。\n", encoding="utf-8")
    (folder / "empty.txt").write_bytes(b"")
    (folder / "binary.txt").write_bytes(bytes(range(256)) * 16)
    with open(folder / "huge.txt", "wb") as huge:
        huge.truncate(30 * 1024 * 1024)  # sparse: refused from its size, never read
    (folder / "sub").mkdir()
    (folder / "sub" / "loop").symlink_to(folder, target_is_directory=True)
    return folder


def test_ingest_command_mixed_folder_reports_each_file(mixed, settings):
    err = StringIO()
    limit = settings.KEJICAL_MAX_ARTICLE_CHARS * 4

    with pytest.raises(CommandError):
        call_command(
            "ingest",
            str(mixed),
            str(mixed / "nope.txt"),
            str(mixed / "*.txt"),
            stdout=(out := StringIO()),
            stderr=err,
        )

    failures = sorted(line.split(": ", 1)[0].removeprefix("失败 ") for line in err.getvalue().splitlines())
    assert failures == [str(mixed / name) for name in ("binary.txt", "empty.txt", "huge.txt", "nope.txt")]
    for path, reason in [
        ("binary.txt", "looks binary"),
        ("empty.txt", "empty file"),
        ("huge.txt", f"too big (31457280 bytes) to be an article; the limit is {limit} bytes"),
        ("nope.txt", "no such file or folder"),
    ]:
        [line] = [line for line in err.getvalue().splitlines() if f"{mixed / path}: " in line]
        assert reason in line and line.count(str(mixed / path)) == 1, line
    assert out.getvalue().splitlines() == [
        "文章：新增 5，更新 0，未变 0，失败 4；事件：新建 2，更新 0，未变 0，删除 0（无日期未入库 0）",
        "articles: 5 new, 0 changed, 0 unchanged, 4 failed; "
        "events: 2 created, 0 updated, 0 unchanged, 0 removed (0 undated skipped)",
    ]
    assert sorted(Path(key).name for key in Article.objects.values_list("key", flat=True)) == [
        "big5.txt",
        "bom.txt",
        "feb30.txt",
        "gbk.txt",
        "utf16.txt",
    ]
    assert Article.objects.get(key__endswith="utf16.txt").encoding == "utf-16"
    # "2024年2月30日" is no day: it neither dates the article nor fails it.
    assert Article.objects.get(key__endswith="feb30.txt").published_how == "unknown"


def test_ingest_command_mixed_folder_twice_changes_nothing(mixed):
    run(str(mixed), partly_failed=True)
    before = (snapshot_articles(), list(Event.objects.values_list("uid", "title", "sequence", "updated")))

    output = run(str(mixed), partly_failed=True)

    assert output.splitlines() == [
        "文章：新增 0，更新 0，未变 5，失败 3；事件：新建 0，更新 0，未变 2，删除 0（无日期未入库 0）",
        "articles: 0 new, 0 changed, 5 unchanged, 3 failed; "
        "events: 0 created, 0 updated, 2 unchanged, 0 removed (0 undated skipped)",
    ]
    assert (
        snapshot_articles(),
        list(Event.objects.values_list("uid", "title", "sequence", "updated")),
    ) == before


def snapshot_articles() -> list[tuple]:
    return list(Article.objects.order_by("key").values_list("key", "content_hash", "status", "updated"))


def test_ingest_command_edited_file_updates_in_place(folder):
    (folder / "more.txt").write_text(
        "报道\n@farm service 测土配肥 2024-03-08 东贾村\n@kept service 农技培训 2024-03-09 范村镇\n",
        encoding="utf-8",
    )
    run(str(folder))
    farm, kept = Event.objects.get(match_key="farm"), Event.objects.get(match_key="kept")
    Event.objects.filter(pk=kept.pk).update(status=Event.Status.CONFIRMED)
    (folder / "more.txt").write_text("报道\n@farm service 测土配肥 2024-03-10 东贾村\n", encoding="utf-8")

    output = run(str(folder))

    # Updated: the farm event moved, and the confirmed one lost its (vanished) evidence.
    assert output.splitlines()[1].startswith(
        "articles: 0 new, 1 changed, 3 unchanged, 0 failed; events: 0 created, 2 updated, 2 unchanged, "
    )
    moved = Event.objects.get(match_key="farm")
    assert (moved.uid, moved.start, moved.sequence) == (farm.uid, date(2024, 3, 10), farm.sequence + 1)
    kept = Event.objects.get(pk=kept.pk)
    assert (kept.status, kept.evidence.count()) == ("confirmed", 0)  # gone from the text, but confirmed


def test_ingest_command_removed_event_is_deleted(folder):
    (folder / "more.txt").write_text("报道\n@farm service 测土配肥 2024-03-08 东贾村\n", encoding="utf-8")
    run(str(folder))
    (folder / "more.txt").write_text("报道，今日无事。\n", encoding="utf-8")

    output = run(str(folder))

    assert "1 removed" in output
    assert not Event.objects.filter(match_key="farm").exists()
    assert Article.objects.filter(key__endswith="more.txt").exists()


def test_ingest_command_glob_does_not_loop_through_symlinks(mixed):
    (mixed / "sub" / "loop2").symlink_to(mixed / "sub", target_is_directory=True)

    run(str(mixed / "**" / "*.txt"), partly_failed=True)

    assert Article.objects.count() == 5


def test_export_events_round_trips_as_the_api_items(tmp_path, monkeypatch, client, settings):
    from django.core.cache import cache

    monkeypatch.undo()  # the real extractor, on the real seeds
    settings.KEJICAL_SOURCE_ROOT = str(Path(__file__).resolve().parents[2])
    call_command(
        "ingest", str(Path(__file__).resolve().parents[2] / "seeds"), stdout=StringIO(), stderr=StringIO()
    )
    first, second, third = Event.objects.order_by("start", "pk")[:3]
    Event.objects.filter(pk=first.pk).update(status=Event.Status.HIDDEN)
    Event.objects.filter(pk=second.pk).update(merged_into=third)
    target = tmp_path / "events.jsonl"
    cache.clear()

    call_command("export_events", "--output", str(target), stderr=StringIO())
    api = client.get("/api/events", {"ordering": "start", "limit": 500}).json()

    exported = [json.loads(line) for line in target.read_text(encoding="utf-8").splitlines()]
    assert len(exported) == api["count"] == Event.objects.visible().count() > 5
    assert sorted(exported, key=lambda i: i["uid"]) == sorted(api["items"], key=lambda i: i["uid"])
    assert {first.uid, second.uid}.isdisjoint(item["uid"] for item in exported)
    assert all(item["sources"] and item["sources"][0]["evidence"] for item in exported)


def test_export_events_stops_quietly_when_the_reader_does(folder):
    run(str(folder))

    class ClosedPipe(StringIO):
        def write(self, text: str) -> int:
            raise BrokenPipeError(32, "Broken pipe")

    call_command("export_events", stdout=ClosedPipe())  # `export_events | head`: no traceback
