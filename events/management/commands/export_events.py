"""`manage.py export_events [--output FILE]`: every visible event as JSON lines (the API's item shape)."""

from __future__ import annotations

from django.core.management.base import BaseCommand, CommandParser

from events.services import export_events


class Command(BaseCommand):
    help = "把所有可见事件导出为 JSON Lines（每行一个事件）。"

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("--output", "-o", help="write to this file instead of standard output")

    def handle(self, *args, output: str | None, **options) -> None:
        if output:
            with open(output, "w", encoding="utf-8") as out:
                count = export_events(out=out)
            self.stderr.write(f"{count} events → {output}")
        else:
            export_events(out=self.stdout)
