"""`manage.py add_source URL [--kind …] [--name …]`: subscribe to a web source, detecting its kind, and fetch it once."""

from __future__ import annotations

from datetime import timedelta
from urllib.parse import urlsplit

from django.core.management.base import BaseCommand, CommandError, CommandParser
from django.utils import timezone

from events.models import Source
from events.reading.web import FetchError
from events.services.discovery import DetectedSource, detect_source
from events.services.fetching import Fetcher

from ._fetch_report import fetch_and_report

WEB_KINDS = [kind.value for kind in Source.WEB_KINDS]


class Command(BaseCommand):
    help = "添加网络来源（RSS/Atom 订阅、列表页或站点地图、单个网页、数字报），自动识别类型并立即抓取一次。"

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("url", help="feed, list page, sitemap, article page or site address")
        parser.add_argument("--kind", choices=WEB_KINDS, help="skip detection: " + ", ".join(WEB_KINDS))
        parser.add_argument("--name", help="source name (default: the page or feed title, else the host)")
        parser.add_argument("--outlet", default="", help="outlet name for its articles")
        parser.add_argument("--region", default="", help="default region of its articles")
        parser.add_argument("--interval", type=int, default=60, help="minutes between fetches (default 60)")
        parser.add_argument("--no-fetch", action="store_true", help="only add it; beat fetches it when due")

    def handle(self, *args, url: str, kind: str | None, name: str | None, **options) -> None:
        if options["interval"] < 1:
            raise CommandError("--interval 至少为 1 分钟")
        with Fetcher() as fetcher:
            try:
                found = DetectedSource(kind, url, "", "指定") if kind else detect_source(url, fetcher=fetcher)
            except FetchError as exc:
                raise CommandError(f"{url}: {exc}") from exc
            source, created = Source.objects.update_or_create(
                name=(name or found.title or urlsplit(found.location).hostname or url)[:200],
                defaults={
                    "kind": found.kind,
                    "location": found.location[:1000],
                    "outlet": options["outlet"],
                    "region": options["region"],
                    "fetch_interval": timedelta(minutes=options["interval"]),
                    "active": True,
                    "next_fetch": None,
                },
            )
            verb = "已添加" if created else "已更新"
            self.stdout.write(
                f"{verb}来源「{source.name}」：{source.get_kind_display()}（{found.how}）{source.location}"
            )
            if not options["no_fetch"]:
                fetch_and_report(self, source, now=timezone.now(), fetcher=fetcher)
