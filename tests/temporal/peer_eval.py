"""Runs the parser over other parsers' test cases (``data/peer_cases.jsonl``) and scores it.

The cases are short strings adapted from the public test suites of JioNLP
(test/test_time_parser.py, test/test_time_extractor.py), Duckling (Duckling/Time/ZH/Corpus.hs
and ZH/CN/Corpus.hs), Time_NLP (README examples, shinyke/Time-NLP and the chi-time-nlp-ts
port's test list), xk-time (TimeNLPUtilTest.java), dateparser (tests/test_languages.py) and
Microsoft Recognizers-Text (Specs/DateTime/Chinese/DateParser, HolidayParser, DatePeriodParser);
each row names its source. The expected days are re-derived under OUR
conventions (``events.temporal.resolve``), not copied: where a peer reads a phrase by
another convention the row says so in ``note``, and phrases with no unambiguous reading
under ours were left out. ``start: null`` means no mention is expected (recurring times).

    .venv/bin/python -m tests.temporal.peer_eval          # prints a table by source
    .venv/bin/python -m tests.temporal.peer_eval --news   # the held-out news cases
    .venv/bin/python -m tests.temporal.peer_eval --families   # the held-out date families
"""

from __future__ import annotations

import json
from collections import Counter
from datetime import date
from pathlib import Path

from events.temporal import extract

DATA = Path(__file__).parent / "data" / "peer_cases.jsonl"
# Held-out news forms (Taiwan, Hong Kong, Macau and mainland), written before the fixes for them.
NEWS = Path(__file__).parent / "data" / "news_cases.jsonl"
# Held-out date families of issue 11, written before the fixes for them; every mention is checked.
FAMILIES = Path(__file__).parent / "data" / "family_cases.jsonl"


def load(path: Path = DATA) -> list[dict]:
    with path.open(encoding="utf-8") as f:
        return [json.loads(line) for line in f if line.strip()]


def outcome(case: dict) -> str:
    """What the parser gave for one case, in the shape the case expects (for messages)."""
    mentions = [m for m in extract(case["text"], date.fromisoformat(case["ref"])) if m.valid]
    if not mentions:
        return "none"
    m = max(mentions, key=lambda m: m.span[1] - m.span[0])
    out = f"{m.start}..{m.end}"
    if m.time is not None:
        out += f" {m.time:%H:%M}"
    end_time = getattr(m, "end_time", None)
    if end_time is not None:
        out += f"-{end_time:%H:%M}"
    return out


def expected(case: dict) -> str:
    if case["start"] is None:
        return "none"
    out = f"{case['start']}..{case['end']}"
    if case.get("time"):
        out += f" {case['time']}"
    if case.get("end_time"):
        out += f"-{case['end_time']}"
    return out


def passes(case: dict) -> bool:
    """The longest mention has the expected days (and times, when the case gives them)."""
    got, want = outcome(case), expected(case)
    if case.get("time") is None and want != "none":
        got = got.split(" ")[0]
    return got == want


def listing(case: dict) -> list[str]:
    """Every valid mention of a case as "start..end", with "@role" when it has one ("@page")."""
    out = []
    for m in extract(case["text"], date.fromisoformat(case["ref"])):
        if m.valid:
            role = getattr(m, "role", "")
            out.append(f"{m.start}..{m.end}" + (f"@{role}" if role else ""))
    return out


def passes_all(case: dict) -> bool:
    """All mentions are the expected ones, in order, and no more sure than ``max_confidence``."""
    if listing(case) != case["want"]:
        return False
    cap = case.get("max_confidence")
    mentions = extract(case["text"], date.fromisoformat(case["ref"]))
    return cap is None or all(m.confidence <= cap for m in mentions if m.valid)


def family_table(cases: list[dict]) -> str:
    right, total = Counter(), Counter()
    for case in cases:
        total[case["family"]] += 1
        right[case["family"]] += passes_all(case)
    lines = ["| family | cases | right |", "|---|---:|---:|"]
    for family in total:
        lines.append(f"| {family} | {total[family]} | {right[family]} |")
    lines.append(f"| all | {sum(total.values())} | {sum(right.values())} |")
    return "\n".join(lines)


def table(cases: list[dict]) -> str:
    right, total = Counter(), Counter()
    for case in cases:
        source = case["source"].split(" ")[0]
        total[source] += 1
        right[source] += passes(case)
    lines = ["| source | cases | right |", "|---|---:|---:|"]
    for source in sorted(total):
        lines.append(f"| {source} | {total[source]} | {right[source]} |")
    lines.append(f"| all | {sum(total.values())} | {sum(right.values())} |")
    return "\n".join(lines)


if __name__ == "__main__":
    import sys

    if "--families" in sys.argv:
        cases = load(FAMILIES)
        print(family_table(cases))
        for case in cases:
            if not passes_all(case):
                print(f"  MISS {case['text']!r} ref={case['ref']} want {case['want']} got {listing(case)}")
        sys.exit(0)
    cases = load(NEWS if "--news" in sys.argv else DATA)
    print(table(cases))
    for case in cases:
        if not passes(case):
            print(f"  MISS {case['text']!r} ref={case['ref']} want {expected(case)} got {outcome(case)}")
