"""`manage.py export_events [--output FILE]`: every visible event as JSON lines (the API's item shape)."""

from __future__ import annotations

import os
import sys

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
            return
        try:
            export_events(out=self.stdout)
        except BrokenPipeError:
            # The reader stopped early (`export_events | head`): that is not an error. Point stdout
            # at /dev/null so the interpreter's final flush does not raise again.
            if self.stdout._out is sys.stdout:
                os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
