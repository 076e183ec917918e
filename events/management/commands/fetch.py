"""`manage.py fetch [SOURCE…] [--all] [--force]`: fetch web sources now, with progress and a summary."""

from __future__ import annotations

from django.core.management.base import BaseCommand, CommandError, CommandParser
from django.db.models import Q
from django.utils import timezone

from events.models import Source
from events.services import due_sources
from events.services.fetching import Fetcher

from ._fetch_report import fetch_and_report


class Command(BaseCommand):
    help = "立即抓取网络来源（按名称或编号；不指定时抓取所有到期的来源）。"

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("sources", nargs="*", help="source names or ids (default: every due source)")
        parser.add_argument("--all", action="store_true", help="every active web source, due or not")
        parser.add_argument("--force", action="store_true", help="ignore ETag/Last-Modified and hashes")

    def handle(self, *args, sources: list[str], **options) -> None:
        now = timezone.now()
        chosen = self._chosen(sources, every=options["all"], now=now)
        if not chosen:
            self.stdout.write("没有需要抓取的来源")
            return
        failed = 0
        with Fetcher() as fetcher:
            for source in chosen:
                run = fetch_and_report(self, source, now=now, fetcher=fetcher, force=options["force"])
                failed += run.status in (Source.LastStatus.FAILED, Source.LastStatus.GONE)
        self.stdout.write(f"共抓取 {len(chosen)} 个来源，失败 {failed} 个")
        if failed == len(chosen):
            raise CommandError("所有来源都抓取失败")

    def _chosen(self, names: list[str], *, every: bool, now: object) -> list[Source]:
        if every:
            return list(Source.objects.filter(active=True, kind__in=Source.WEB_KINDS))
        if not names:
            return due_sources(now=now)
        chosen = []
        for name in names:
            match = Q(name=name) | (Q(pk=int(name)) if name.isdigit() else Q())
            source = Source.objects.filter(match, kind__in=Source.WEB_KINDS).first()
            if source is None:
                raise CommandError(f"没有名为「{name}」的网络来源")
            chosen.append(source)
        return chosen
