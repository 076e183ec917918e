"""`manage.py ingest PATH… [--source NAME] [--published YYYY-MM-DD] [--force]`: read articles and store their events.

Prints a summary in Chinese, then the same in English. Exit status: 0 when every article was
read, 2 when some failed (the others are stored), 1 when all failed or the input was refused.
A PATH ending in ``.pdf`` is an e-paper page: each report on it is stored as its own article
(``services.epaper``), dated by ``--published``, else the date in its file name, else its masthead.
"""

from __future__ import annotations

import sys
from datetime import date
from pathlib import Path

from django.core.management.base import BaseCommand, CommandError, CommandParser
from tqdm import tqdm

from events.services import IngestError, IngestSummary, ensure_source, ingest_paths
from events.services.epaper import ingest_epaper
from events.services.roots import command_line_base, file_key

# A progress bar only pays for itself on runs longer than this many files.
PROGRESS_MIN_FILES = 20


class Command(BaseCommand):
    help = "读取文章文件（文件、文件夹、通配符），识别其中的事件并入库。"

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument(
            "paths", nargs="+", help="文件、文件夹（含子文件夹）或通配符 / files, folders or globs"
        )
        parser.add_argument("--source", help="来源名称（默认为所给路径）/ source name")
        parser.add_argument(
            "--published", type=date.fromisoformat, help="所有文件的发布日期 YYYY-MM-DD / publication date"
        )
        parser.add_argument(
            "--force", action="store_true", help="即使未改动也重新识别 / re-read articles even if unchanged"
        )

    def handle(
        self, *args, paths: list[str], source: str | None, published: date | None, force: bool, **options
    ) -> None:
        pdfs = [path for path in paths if path.lower().endswith(".pdf")]
        others = [path for path in paths if path not in pdfs]
        try:
            stored_source = ensure_source(name=source or " ".join(paths), paths=paths)
            summary = (
                ingest_paths(
                    paths=others,
                    source=stored_source,
                    published=published,
                    force=force,
                    progress=self._progress,
                )
                if others
                else IngestSummary()
            )
        except IngestError as exc:
            raise CommandError(str(exc)) from exc
        for pdf in pdfs:
            self._ingest_pdf(Path(pdf), summary, source=stored_source, published=published, force=force)
        self._report(summary)
        failed = summary.articles["failed"]
        if summary.all_failed:
            first = summary.failures[0] if summary.failures else ""
            raise CommandError(
                f"全部 {summary.total} 篇文章失败 / all {summary.total} articles failed (first: {first})"
            )
        if failed:
            # Partly failed: what could be read is stored, and the exit status says the rest was not,
            # so a script or cron job notices (2, where a run that stored nothing exits 1).
            raise CommandError(
                f"{failed} 篇文章失败（共 {summary.total} 篇），原因见上方“失败”各行 / "
                f"{failed} of {summary.total} articles failed",
                returncode=2,
            )

    def _ingest_pdf(
        self, path: Path, summary: IngestSummary, *, source: object, published: date | None, force: bool
    ) -> None:
        try:
            key = file_key(path, base=command_line_base())
            counts = ingest_epaper(
                data=path.read_bytes(), key=key, source=source, published=published, force=force
            )
        except (IngestError, OSError) as exc:
            summary.fail(str(path), str(exc))
            return
        summary.articles.update(counts)

    def _progress(self, files: list) -> object:
        show = len(files) >= PROGRESS_MIN_FILES and sys.stderr.isatty()
        return tqdm(files, desc="ingest", unit="篇", file=sys.stderr, disable=not show)

    def _report(self, summary: IngestSummary) -> None:
        for failure in summary.failures:
            self.stderr.write(f"失败 {failure}")
        a, e = summary.articles, summary.events
        self.stdout.write(
            f"文章：新增 {a['new']}，更新 {a['changed']}，未变 {a['unchanged']}，失败 {a['failed']}；"
            f"事件：新建 {e['created']}，更新 {e['updated']}，未变 {e['unchanged']}，删除 {e['removed']}"
            f"（无日期未入库 {e['undated']}）"
        )
        self.stdout.write(
            f"articles: {a['new']} new, {a['changed']} changed, {a['unchanged']} unchanged, {a['failed']} failed; "
            f"events: {e['created']} created, {e['updated']} updated, {e['unchanged']} unchanged, "
            f"{e['removed']} removed ({e['undated']} undated skipped)"
        )
