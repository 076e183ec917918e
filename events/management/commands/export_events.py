"""`manage.py export_events [--output FILE]`: every visible event as JSON lines (the API's item shape)."""

from __future__ import annotations

import json
import os
import sys
from typing import TextIO

from django.core.management.base import BaseCommand, CommandParser

from events.selectors import iter_event_items


def export_events(*, out: TextIO) -> int:
    """Write one JSON object per line to ``out`` (Chinese kept as is); returns how many were written."""
    count = 0
    for item in iter_event_items():
        out.write(json.dumps(item, ensure_ascii=False) + "\n")
        count += 1
    return count


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
