"""Running one source's fetch from a command, with a progress bar and a one-line summary."""

from __future__ import annotations

import sys
from datetime import datetime

from django.core.management.base import BaseCommand
from tqdm import tqdm

from events.models import Source
from events.services import FetchRun, fetch_source
from events.services.fetching import Fetcher


def fetch_and_report(
    command: BaseCommand, source: Source, *, now: datetime, fetcher: Fetcher, force: bool = False
) -> FetchRun:
    def progress(links: list) -> object:
        return tqdm(links, desc=source.name[:20], unit="篇", file=sys.stderr, disable=not sys.stderr.isatty())

    run = fetch_source(source=source, now=now, force=force, fetcher=fetcher, progress=progress)
    if run.busy:
        command.stdout.write(f"「{source.name}」正由其他进程抓取，跳过")
        return run
    for problem in run.problems:
        command.stderr.write(f"  问题 {problem}")
    a = run.articles
    command.stdout.write(
        f"「{source.name}」{Source.LastStatus(run.status).label}：新增 {a['new']}，变化 {a['changed']}，"
        f"未变 {a['unchanged']}，失败 {a['failed']}，已不存在 {a['gone']}；请求 {run.requests} 次，304 {run.not_modified} 次"
    )
    return run
