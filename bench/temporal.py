"""Times our temporal parser against dateparser, JioNLP and a one-regex floor on ≥ 1 MB of seed text.

Run from the repository root: ``.venv/bin/python bench/temporal.py`` (or ``make bench``).
Speeds are KB/s of UTF-8 input (1 KB = 1000 bytes). The peers need the ``bench`` extra.
"""

from __future__ import annotations

import argparse
import io
import json
import logging
import os
import platform
import re
import sys
import time
from collections.abc import Callable
from contextlib import redirect_stdout
from dataclasses import dataclass
from datetime import date, datetime
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from events.temporal import extract  # noqa: E402

SEEDS = ROOT / "seeds"
TARGET_BYTES = 1_000_000
FLOOR_PATTERN = re.compile(r"\d{1,4}\s*[年月日]")
# Expected events whose date comes from context, not from a date expression in date_text.
CONTEXT_DATED = {"开幕式上", "第十二届中\n国创新创业大赛", "目前，科技特派员已举办各类技术培训220余场"}

# A found expression: (character span, first day, last day); days may be None.
Found = tuple[tuple[int, int], date | None, date | None]


@dataclass(frozen=True)
class Article:
    name: str
    text: str
    ref: date


@dataclass(frozen=True)
class Timing:
    name: str
    seconds: float
    nbytes: int
    note: str

    @property
    def kb_per_second(self) -> float:
        return self.nbytes / 1000 / self.seconds


def load_articles() -> list[Article]:
    """The seed articles with their publication days from the manifest."""
    manifest = json.loads((SEEDS / "manifest.json").read_text(encoding="utf-8"))
    return [
        Article(
            a["file"], (SEEDS / a["file"]).read_text(encoding="utf-8"), date.fromisoformat(a["published"])
        )
        for a in manifest["articles"]
    ]


def build_corpus(articles: list[Article], target: int = TARGET_BYTES) -> str:
    """Both articles, repeated until the UTF-8 text is at least ``target`` bytes."""
    unit = "\n".join(a.text for a in articles) + "\n"
    copies = -(-target // len(unit.encode("utf-8")))
    return unit * copies


def best_time(run: Callable[[], object], repeat: int) -> float:
    """The fastest of ``repeat`` runs, in seconds."""
    best = float("inf")
    for _ in range(repeat):
        started = time.perf_counter()
        run()
        best = min(best, time.perf_counter() - started)
    return best


def quiet(run: Callable[[], object]) -> Callable[[], object]:
    """``run`` with its stdout swallowed (JioNLP prints banners and warnings)."""

    def wrapped() -> object:
        with redirect_stdout(io.StringIO()):
            return run()

    return wrapped


def _day(value: object) -> date | None:
    text = str(value)
    return date.fromisoformat(text[:10]) if re.match(r"\d{4}-\d\d-\d\d", text) else None


def ours(text: str, ref: date) -> list[Found]:
    return [(m.span, m.start, m.end) for m in extract(text, ref)]


def jionlp_times(text: str, ref: date) -> list[Found]:
    """JioNLP's extract_time, which already runs parse_time on every entity (with_parsing=True)."""
    import jionlp

    with redirect_stdout(io.StringIO()):
        found = jionlp.ner.extract_time(text, time_base=datetime(ref.year, ref.month, ref.day))
    result = []
    for item in found:
        times = item.get("detail", {}).get("time")
        first, last = (times[0], times[-1]) if isinstance(times, list) and times else (None, None)
        result.append((tuple(item["offset"]), _day(first), _day(last)))
    return result


def dateparser_times(text: str, ref: date) -> list[Found]:
    """dateparser's search_dates; it gives substrings, located here in text order."""
    from dateparser.search import search_dates

    base = datetime(ref.year, ref.month, ref.day)
    found = search_dates(text, languages=["zh"], settings={"RELATIVE_BASE": base}) or []
    result, cursor = [], 0
    for substring, moment in found:
        at = text.find(substring, cursor)
        if at < 0:
            continue
        cursor = at + len(substring)
        result.append(((at, cursor), moment.date(), moment.date()))
    return result


def floor(text: str) -> list[str]:
    return FLOOR_PATTERN.findall(text)


def expected_expressions(articles: list[Article]) -> list[tuple[Article, tuple[int, int], date, date]]:
    """Each expected date expression of the seeds: (article, its span, first day, last day)."""
    expected = json.loads((SEEDS / "expected_events.json").read_text(encoding="utf-8"))
    by_name = {a.name: a for a in articles}
    rows = []
    for entry in expected["articles"]:
        article = by_name[entry["file"]]
        for event in entry["events"]:
            if event["date_text"] in CONTEXT_DATED:
                continue
            at = article.text.find(event["date_text"])
            span = (at, at + len(event["date_text"]))
            rows.append((article, span, date.fromisoformat(event["start"]), date.fromisoformat(event["end"])))
    return rows


def check_seeds(
    tool: Callable[[str, date], list[Found]], articles: list[Article]
) -> list[tuple[str, bool, str]]:
    """For each expected expression: (its text, found with the right days?, the days the tool gave).

    A tool finds an expression when one of its results overlaps the expected text and
    spans exactly the expected first and last day.
    """
    results = {a.name: tool(a.text, a.ref) for a in articles}
    checks = []
    for article, (start, end), first, last in expected_expressions(articles):
        days = [(f, last_) for (s, e), f, last_ in results[article.name] if s < end and start < e]
        given = ", ".join(f"{f}..{last_}" for f, last_ in days) or "not found"
        checks.append((article.text[start:end], (first, last) in days, given))
    return checks


def measure(articles: list[Article], dateparser_bytes: int, slow_repeat: int) -> dict[str, Timing]:
    """Time every tool over the ≥ 1 MB corpus; dateparser over a prefix, since it is far slower.

    Ours is timed two ways: one call per article (how the service calls it, and the
    figure the ratios use) and one call over the whole corpus. The parser caches
    readings of repeated expressions within one call, so the single call over 57 copies
    of the same two articles flatters it; per-article calls do not share that cache.
    """
    corpus = build_corpus(articles)
    ref = articles[0].ref
    nbytes = len(corpus.encode("utf-8"))
    copies = corpus.count(articles[0].text)
    calls = [(a.text, a.ref) for a in articles] * copies
    call_bytes = sum(len(text.encode("utf-8")) for text, _ in calls)
    slow = f"best of {slow_repeat}"
    timings = {
        "ours": Timing(
            "ours, one call per article",
            best_time(lambda: [extract(text, day) for text, day in calls], 3),
            call_bytes,
            f"best of 3; {len(calls)} calls",
        ),
        "ours-whole": Timing(
            "ours, one call on all of it",
            best_time(lambda: extract(corpus, ref), 3),
            nbytes,
            "best of 3; repeats hit its cache",
        ),
        "floor": Timing(
            "floor (one compiled regex)", best_time(lambda: floor(corpus), 3), nbytes, "best of 3"
        ),
        "JioNLP": Timing(
            "JioNLP (extract_time, parsing)",
            best_time(quiet(lambda: jionlp_times(corpus, ref)), slow_repeat),
            nbytes,
            slow,
        ),
    }
    prefix = corpus.encode("utf-8")[:dateparser_bytes].decode("utf-8", errors="ignore")
    prefix_bytes = len(prefix.encode("utf-8"))
    timings["dateparser"] = Timing(
        "dateparser (search_dates, zh)",
        best_time(lambda: dateparser_times(prefix, ref), slow_repeat),
        prefix_bytes,
        f"{slow} on the first {prefix_bytes / 1000:.0f} KB (too slow for all)",
    )
    return timings


def describe_machine() -> str:
    cpu = platform.processor() or platform.machine()
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                cpu = line.split(":", 1)[1].strip()
                break
    except OSError:
        pass
    return f"{cpu}, {os.cpu_count()} CPUs, Python {platform.python_version()}, {platform.system()}"


def report_details(checks: dict[str, list[tuple[str, bool, str]]], articles: list[Article]) -> str:
    """One line per expected expression and tool: right or not, and the days given."""
    lines = ["expected expression / tool: days given (✓ right, ✗ wrong)"]
    for index, (_, _, first, last) in enumerate(expected_expressions(articles)):
        text = checks["ours"][index][0].replace("\n", "⏎")
        lines.append(f"  {text}  expected {first}..{last}")
        for tool, rows in checks.items():
            _, right, given = rows[index]
            lines.append(f"      {'✓' if right else '✗'} {tool:10} {given}")
    return "\n".join(lines)


def report(timings: dict[str, Timing], correct: dict[str, tuple[int, int]]) -> str:
    """The printed results: speeds, ratios, and seed correctness."""
    lines = [f"machine: {describe_machine()}", ""]
    lines.append(f"{'tool':32} {'KB/s':>9} {'seconds':>8}  {'seeds right':>11}  note")
    for key, t in timings.items():
        right = correct.get(key.removesuffix("-whole"))
        right_text = f"{right[0]}/{right[1]}" if right else "n/a"
        lines.append(f"{t.name:32} {t.kb_per_second:9.0f} {t.seconds:8.3f}  {right_text:>11}  {t.note}")
    speed = timings["ours"].kb_per_second
    lines.append("")
    for peer in ("JioNLP", "dateparser", "floor"):
        lines.append(f"ours / {peer}: {speed / timings[peer].kb_per_second:.2f}x")
    met = "met" if speed >= 4 * timings["JioNLP"].kb_per_second else "NOT met"
    lines.append(f"target ours / JioNLP >= 4x: {met}")
    return "\n".join(lines)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--dateparser-kb", type=int, default=100, help="KB of the corpus given to dateparser")
    parser.add_argument("--slow-repeat", type=int, default=1, help="runs of the slow peers (best is kept)")
    parser.add_argument(
        "--details", action="store_true", help="show each seed expression and what each tool gave"
    )
    args = parser.parse_args()
    logging.disable(logging.WARNING)

    articles = load_articles()
    corpus = build_corpus(articles)
    ref = articles[0].ref
    size = len(corpus.encode("utf-8")) / 1000
    print(f"corpus: {size:.0f} KB ({len(corpus)} characters); whole-corpus runs count from {ref},")
    print("per-article calls and the seed check from each article's own publication day")
    # Warm up caches and lazy imports so no tool pays its start-up inside the timing.
    for tool in (ours, jionlp_times, dateparser_times):
        quiet(lambda tool=tool: tool(articles[0].text[:500], ref))()
    checks = {
        "ours": check_seeds(ours, articles),
        "JioNLP": check_seeds(jionlp_times, articles),
        "dateparser": check_seeds(dateparser_times, articles),
    }
    correct = {tool: (sum(right for _, right, _ in rows), len(rows)) for tool, rows in checks.items()}
    timings = measure(articles, args.dateparser_kb * 1000, args.slow_repeat)
    print(report(timings, correct))
    if args.details:
        print("\n" + report_details(checks, articles))


if __name__ == "__main__":
    main()
