"""``manage.py parse_dates``: show the temporal expressions the parser finds in text files or stdin."""

from __future__ import annotations

import json
import sys
import unicodedata
from datetime import date
from pathlib import Path
from typing import IO, Any

from charset_normalizer import from_bytes
from django.core.management.base import BaseCommand, CommandError, CommandParser
from django.utils import timezone

from events.services.text import unstorable_reason
from events.temporal import Mention, extract

# Tried in this order when a file is not UTF-8. Restricting detection to Chinese encodings
# matters: on a short GBK text charset-normalizer's open guess is often cp949 (Korean).
CHINESE_ENCODINGS = ["gb18030", "big5", "utf_16", "utf_32"]
TABLE_COLUMNS = ("text", "span", "start", "end", "precision", "edtf", "kind", "confidence", "time")


def decode_bytes(data: bytes, name: str) -> str:
    """The text of ``data``: UTF-8 if it is, else the encoding charset-normalizer detects.

    Raises CommandError for empty or binary-looking input.
    """
    if not data.strip():
        raise CommandError(f"{name}: empty input, no text to parse")
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError:
        pass
    best = from_bytes(data, cp_isolation=CHINESE_ENCODINGS).best() or from_bytes(data).best()
    text = str(best) if best is not None else ""
    if not text or _looks_binary(text):
        raise CommandError(f"{name}: looks like binary data, not text in a known encoding")
    return text


def _looks_binary(text: str) -> bool:
    controls = sum(1 for ch in text if unicodedata.category(ch) == "Cc" and ch not in "\t\n\r\f\v")
    return controls > len(text) // 100


def parse_ref(value: str) -> date:
    """A ``YYYY-MM-DD`` reference day, or CommandError."""
    try:
        return date.fromisoformat(value)
    except (TypeError, ValueError):
        raise CommandError(f"--ref must be a day as YYYY-MM-DD, not {value!r}") from None


def _display_width(text: str) -> int:
    return sum(2 if unicodedata.east_asian_width(ch) in "WF" else 1 for ch in text)


def _pad(text: str, width: int) -> str:
    return text + " " * (width - _display_width(text))


def format_table(mentions: list[Mention]) -> str:
    """A fixed-width table of mentions, one row each; line breaks in the text are shown as ⏎."""
    rows = [list(TABLE_COLUMNS)]
    for m in mentions:
        d = m.to_dict()
        rows.append(
            [
                m.text.replace("\r\n", "⏎").replace("\n", "⏎").replace("\r", "⏎"),
                f"{m.span[0]}-{m.span[1]}",
                d["start"] or "-",
                d["end"] or ("..." if m.open_end else "-"),
                d["precision"],
                d["edtf"],
                d["kind"] if m.valid else f"{d['kind']} (invalid)",
                f"{d['confidence']:.2f}",
                d.get("time", ""),
            ]
        )
    widths = [max(_display_width(row[i]) for row in rows) for i in range(len(TABLE_COLUMNS))]
    lines = ["  ".join(_pad(cell, w) for cell, w in zip(row, widths, strict=True)).rstrip() for row in rows]
    if not mentions:
        lines.append("(no temporal expressions found)")
    return "\n".join(lines)


class Command(BaseCommand):
    help = (
        "Find the temporal expressions in text files (or stdin) and resolve them against --ref. "
        "Prints a table, or JSON with --json. With --jsonl, reads JSON lines "
        '{"id", "text", "ref"} from stdin and writes one {"id", "mentions"} line each.'
    )
    # call_command(..., stdin=io.StringIO(...)) in tests.
    stealth_options = ("stdin",)

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument(
            "files", nargs="*", metavar="FILE", help="text files (UTF-8, GBK, Big5…); stdin if none"
        )
        parser.add_argument("--ref", help="publication day YYYY-MM-DD the text counts from (default: today)")
        output = parser.add_mutually_exclusive_group()
        output.add_argument(
            "--json",
            action="store_true",
            help="print a JSON array of mentions (with several files, each gets a 'file' field)",
        )
        output.add_argument("--jsonl", action="store_true", help="batch mode: JSON lines in, JSON lines out")

    def handle(self, *args: Any, **options: Any) -> None:
        stdin: IO = options.get("stdin") or sys.stdin
        ref = parse_ref(options["ref"]) if options["ref"] else None
        if options["jsonl"]:
            if options["files"]:
                raise CommandError("--jsonl reads its JSON lines from stdin; do not give files")
            self.run_jsonl(stdin, ref)
            return
        if ref is None:
            ref = timezone.localdate()
            self.stderr.write(f"No --ref given; counting from today, {ref.isoformat()}.")
        inputs = [(name, self.read_file(name)) for name in options["files"]] or [
            ("<stdin>", read_stdin(stdin))
        ]
        if options["json"]:
            self.write_json(inputs, ref)
        else:
            self.write_tables(inputs, ref)

    def read_file(self, name: str) -> str:
        """The decoded text of file ``name``; CommandError if it is missing, empty or binary."""
        try:
            data = Path(name).read_bytes()
        except OSError as error:
            raise CommandError(f"{name}: cannot read ({error.strerror or error})") from None
        return decode_bytes(data, name)

    def write_json(self, inputs: list[tuple[str, str]], ref: date) -> None:
        found = []
        for name, text in inputs:
            for mention in extract(text, ref):
                item = mention.to_dict()
                if len(inputs) > 1:
                    item["file"] = name
                found.append(item)
        self.stdout.write(json.dumps(found, ensure_ascii=False, indent=2))

    def write_tables(self, inputs: list[tuple[str, str]], ref: date) -> None:
        for name, text in inputs:
            if len(inputs) > 1:
                self.stdout.write(f"== {name} (ref {ref.isoformat()})")
            self.stdout.write(format_table(extract(text, ref)))

    def run_jsonl(self, stdin: IO, default_ref: date | None) -> None:
        """One output line per non-blank input line; a bad line gives an error line, not a stop."""
        warned = False
        # A real pipe is read as bytes, so one line that is not UTF-8 is an error line, not a crash.
        for line in getattr(stdin, "buffer", stdin):
            if not line.strip():
                continue
            record, error = parse_jsonl_record(line)
            if error:
                self.stdout.write(json_line({"id": record.get("id"), "error": error}))
                continue
            ref = record["ref"] or default_ref
            if ref is None:
                ref = timezone.localdate()
                if not warned:
                    self.stderr.write(
                        f"A line has no 'ref' and no --ref was given; using today, {ref.isoformat()}."
                    )
                    warned = True
            self.stdout.write(json_line(resolve_record(record, ref)))


def json_line(data: dict) -> str:
    """``data`` as one JSON line, Chinese as itself; a lone surrogate (from a ``\\ud800`` escape in the
    input, e.g. in an ``id``) stays an escape, since no UTF-8 output can carry it raw."""
    line = json.dumps(data, ensure_ascii=False)
    return json.dumps(data) if unstorable_reason(line) else line


def read_stdin(stdin: IO) -> str:
    """Text from stdin; raw bytes (a real pipe) are decoded like a file."""
    buffer = getattr(stdin, "buffer", None)
    if buffer is not None:
        return decode_bytes(buffer.read(), "<stdin>")
    text = stdin.read()
    if not text.strip():
        raise CommandError("<stdin>: empty input, no text to parse")
    return text


def parse_jsonl_record(line: str | bytes) -> tuple[dict, str]:
    """(record with id, text and ref as a date or None, error message or "")."""
    if isinstance(line, bytes):
        try:
            line = line.decode("utf-8-sig")
        except UnicodeDecodeError:
            return {}, "line is not UTF-8"
    try:
        record = json.loads(line)
    except json.JSONDecodeError as error:
        return {}, f"not valid JSON: {error.msg} at column {error.colno}"
    if not isinstance(record, dict):
        return {}, "each line must be a JSON object with 'id', 'text' and 'ref'"
    if not isinstance(record.get("text"), str):
        return record, "'text' must be a string"
    if reason := unstorable_reason(record["text"]):
        return record, f"'text' {reason}"
    ref = record.get("ref")
    if ref is None or ref == "":
        return {**record, "ref": None}, ""
    try:
        return {**record, "ref": date.fromisoformat(ref)}, ""
    except (TypeError, ValueError):
        return record, f"'ref' must be a day as YYYY-MM-DD, not {ref!r}"


def resolve_record(record: dict, ref: date) -> dict:
    """The output line for one record; a parser failure becomes an error line."""
    try:
        mentions = extract(record["text"], ref)
    except Exception as error:  # one bad record must not stop a batch
        return {"id": record.get("id"), "error": f"parser failed: {type(error).__name__}: {error}"}
    return {"id": record.get("id"), "mentions": [m.to_dict() for m in mentions]}
