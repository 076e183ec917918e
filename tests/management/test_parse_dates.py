"""The parse_dates command: stdin, files in several encodings, table, --json and --jsonl output."""

import io
import json
import re
from datetime import date

import pytest
from django.core.management import call_command
from django.core.management.base import CommandError
from django.utils import timezone

from events.management.commands import parse_dates
from events.temporal import Kind, Mention, Precision

SENTENCE = "3月11日，农历二月初二，科技节在金谷广场开幕"


def fake_extract(text: str, ref: date) -> list[Mention]:
    """Stands in for the parser: every 'M月D日' in ``ref``'s year, so the command is tested alone."""
    if "boom" in text:
        raise RuntimeError("boom")
    mentions = []
    for match in re.finditer(r"(\d+)月\s*(\d+)日", text):
        day = date(ref.year, int(match[1]), int(match[2]))
        mentions.append(
            Mention(match[0], match.span(), day, day, Precision.DAY, day.isoformat(), Kind.PARTIAL, 0.9)
        )
    return mentions


@pytest.fixture
def fake_parser(monkeypatch):
    monkeypatch.setattr(parse_dates, "extract", fake_extract)


def run(*args, stdin=None) -> tuple[str, str]:
    out, err = io.StringIO(), io.StringIO()
    call_command("parse_dates", *args, stdin=stdin, stdout=out, stderr=err)
    return out.getvalue(), err.getvalue()


def test_parse_dates_prints_a_table_from_stdin(fake_parser):
    out, err = run("--ref", "2024-03-12", stdin=io.StringIO("开幕：3月\n11日。"))

    assert (out, err) == (
        "text      span  start       end         precision  edtf        kind     confidence  time\n"
        "3月⏎11日  3-9   2024-03-11  2024-03-11  day        2024-03-11  partial  0.90\n",
        "",
    )


def test_parse_dates_says_when_nothing_is_found(fake_parser):
    out, _ = run("--ref", "2024-03-12", stdin=io.StringIO("没有日期"))

    assert out.splitlines()[1:] == ["(no temporal expressions found)"]


def test_parse_dates_prints_json_for_a_file(fake_parser, tmp_path):
    path = tmp_path / "a.txt"
    path.write_text(SENTENCE, encoding="utf-8")

    out, _ = run("--ref", "2024-03-12", "--json", str(path))

    assert json.loads(out) == [
        {
            "text": "3月11日",
            "span": [0, 5],
            "start": "2024-03-11",
            "end": "2024-03-11",
            "precision": "day",
            "edtf": "2024-03-11",
            "kind": "partial",
            "confidence": 0.9,
        }
    ]


def test_parse_dates_keeps_chinese_unescaped_in_json(fake_parser):
    out, _ = run("--ref", "2024-03-12", "--json", stdin=io.StringIO(SENTENCE))

    assert '"text": "3月11日"' in out


def test_parse_dates_names_the_file_of_each_mention_with_several_files(fake_parser, tmp_path):
    first, second = tmp_path / "a.txt", tmp_path / "b.txt"
    first.write_text("3月11日", encoding="utf-8")
    second.write_text("5月1日", encoding="utf-8")

    out, _ = run("--ref", "2024-03-12", "--json", str(first), str(second))

    assert [(m["file"], m["start"]) for m in json.loads(out)] == [
        (str(first), "2024-03-11"),
        (str(second), "2024-05-01"),
    ]


@pytest.mark.parametrize(
    ("encoding", "text"),
    [("gbk", SENTENCE), ("gb18030", SENTENCE), ("big5", "3月11日，農曆二月初二，科技節在金谷廣場開幕")],
    ids=["gbk", "gb18030", "big5"],
)
def test_parse_dates_detects_the_encoding_of_a_file(monkeypatch, tmp_path, encoding, text):
    seen = []
    monkeypatch.setattr(parse_dates, "extract", lambda t, ref: seen.append(t) or fake_extract(t, ref))
    path = tmp_path / f"{encoding}.txt"
    path.write_bytes(text.encode(encoding))

    run("--ref", "2024-03-12", "--json", str(path))

    assert seen == [text]


def test_parse_dates_decodes_gbk_bytes_from_a_pipe(monkeypatch):
    seen = []
    monkeypatch.setattr(parse_dates, "extract", lambda t, ref: seen.append(t) or [])
    pipe = io.TextIOWrapper(io.BytesIO(SENTENCE.encode("gbk")))

    run("--ref", "2024-03-12", stdin=pipe)

    assert seen == [SENTENCE]


@pytest.mark.parametrize(
    ("content", "message"),
    [
        (b"", "empty input"),
        (b"  \n", "empty input"),
        (bytes(range(256)) * 8, "looks like binary"),
        (b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00\x01\x00" * 40, "looks like binary"),
    ],
    ids=["empty", "blank", "all-bytes", "png-like"],
)
def test_parse_dates_refuses_empty_or_binary_files(fake_parser, tmp_path, content, message):
    path = tmp_path / "bad.bin"
    path.write_bytes(content)

    with pytest.raises(CommandError, match=message):
        run("--ref", "2024-03-12", str(path))


def test_parse_dates_refuses_a_missing_file(fake_parser, tmp_path):
    with pytest.raises(CommandError, match="cannot read"):
        run("--ref", "2024-03-12", str(tmp_path / "missing.txt"))


def test_parse_dates_refuses_a_bad_ref(fake_parser):
    with pytest.raises(CommandError, match="YYYY-MM-DD"):
        run("--ref", "2024-13-01", stdin=io.StringIO(SENTENCE))


def test_parse_dates_counts_from_today_without_ref(fake_parser):
    today = timezone.localdate()

    out, err = run("--json", stdin=io.StringIO("3月11日"))

    assert (json.loads(out)[0]["start"], err) == (
        f"{today.year}-03-11",
        f"No --ref given; counting from today, {today.isoformat()}.\n",
    )


def test_parse_dates_answers_each_jsonl_line(fake_parser):
    lines = "\n".join(
        [
            json.dumps({"id": 1, "text": "3月11日", "ref": "2024-03-12"}),
            "",
            "{not json",
            json.dumps({"id": 2, "text": 5, "ref": "2024-03-12"}),
            json.dumps({"id": 3, "text": "3月11日", "ref": "yesterday"}),
            json.dumps(["a", "list"]),
            json.dumps({"id": 4, "text": "boom", "ref": "2024-03-12"}),
            json.dumps({"id": "五", "text": "12月1日", "ref": "2023-11-30"}),
        ]
    )

    out, err = run("--jsonl", stdin=io.StringIO(lines))

    assert ([json.loads(line) for line in out.splitlines()], err) == (
        [
            {"id": 1, "mentions": [fake_extract("3月11日", date(2024, 3, 12))[0].to_dict()]},
            {
                "id": None,
                "error": "not valid JSON: Expecting property name enclosed in double quotes at column 2",
            },
            {"id": 2, "error": "'text' must be a string"},
            {"id": 3, "error": "'ref' must be a day as YYYY-MM-DD, not 'yesterday'"},
            {"id": None, "error": "each line must be a JSON object with 'id', 'text' and 'ref'"},
            {"id": 4, "error": "parser failed: RuntimeError: boom"},
            {"id": "五", "mentions": [fake_extract("12月1日", date(2023, 11, 30))[0].to_dict()]},
        ],
        "",
    )


def test_parse_dates_jsonl_reports_a_line_that_is_not_utf8(fake_parser):
    lines = '{"id": 1, "text": "3月11日", "ref": "2024-03-12"}\n'.encode() + SENTENCE.encode("gbk") + b"\n"
    pipe = io.TextIOWrapper(io.BytesIO(lines + b'{"id": 3, "text": "", "ref": "2024-03-12"}\n'))

    out, _ = run("--jsonl", stdin=pipe)

    assert [json.loads(line) for line in out.splitlines()] == [
        {"id": 1, "mentions": [fake_extract("3月11日", date(2024, 3, 12))[0].to_dict()]},
        {"id": None, "error": "line is not UTF-8"},
        {"id": 3, "mentions": []},
    ]


def test_parse_dates_jsonl_uses_ref_option_when_a_line_has_none(fake_parser):
    out, err = run("--jsonl", "--ref", "2023-01-01", stdin=io.StringIO('{"id": 1, "text": "3月11日"}\n'))

    assert (json.loads(out)["mentions"][0]["start"], err) == ("2023-03-11", "")


def test_parse_dates_jsonl_warns_once_when_it_uses_today(fake_parser):
    today = timezone.localdate()
    lines = '{"id": 1, "text": "3月11日"}\n{"id": 2, "text": "3月12日"}\n'

    out, err = run("--jsonl", stdin=io.StringIO(lines))

    assert ([json.loads(line)["mentions"][0]["start"] for line in out.splitlines()], err) == (
        [f"{today.year}-03-11", f"{today.year}-03-12"],
        f"A line has no 'ref' and no --ref was given; using today, {today.isoformat()}.\n",
    )


def test_parse_dates_jsonl_refuses_files(fake_parser, tmp_path):
    with pytest.raises(CommandError, match="stdin"):
        run("--jsonl", str(tmp_path / "a.txt"), stdin=io.StringIO(""))


def test_parse_dates_runs_the_real_parser():
    out, _ = run("--ref", "2024-03-12", "--json", stdin=io.StringIO(SENTENCE))

    assert [(m["start"], m["end"], m["edtf"]) for m in json.loads(out)] == [
        ("2024-03-11", "2024-03-11", "2024-03-11")
    ]


def test_parse_dates_jsonl_answers_lone_surrogates_with_error_lines_on_a_real_stdout(fake_parser):
    """A JSON line may carry "\\ud800" escapes; a UTF-8 stdout cannot print one, so nothing echoes it raw."""
    lines = '{"id": "\\ud800", "text": "3月11日", "ref": "2024-03-12"}\n{"id": 2, "text": "3月11日\\udc00"}\n'
    stdout = io.TextIOWrapper(io.BytesIO(), encoding="utf-8")  # strict, like a real pipe

    call_command("parse_dates", "--jsonl", stdin=io.StringIO(lines), stdout=stdout, stderr=io.StringIO())

    stdout.flush()
    printed = stdout.buffer.getvalue().decode("utf-8")
    assert [json.loads(line) for line in printed.splitlines()] == [
        {"id": "\ud800", "mentions": [fake_extract("3月11日", date(2024, 3, 12))[0].to_dict()]},
        {"id": 2, "error": "'text' contains a lone surrogate at position 5 (not valid Unicode)"},
    ]
