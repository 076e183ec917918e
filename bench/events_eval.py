"""Event accuracy on curated real-patterned articles: ingest, export, match one-to-one with gold, score.

    .venv/bin/python bench/events_eval.py GOLD.jsonl ARTICLES_DIR [--json] [--quiet]

Each gold line is ``{"file", "published", "events": [{"kind", "title", "start", "end", "precision",
"date_text", "evidence", "place", "figures", "notes"}]}``; ``file`` is relative to ARTICLES_DIR.
Every listed file is ingested into a fresh temporary SQLite database through the real ingest
service (``events.services.ingest_article``, with the gold publication date as given), then
exported exactly as ``manage.py export_events`` writes it. An exported event is scored once per
article among its sources (an event two articles report stands for one event in each).

Matching is one-to-one, best pairs first. An exported event may stand for a gold event of the same
article when one of its evidence sentences overlaps the gold evidence (character bigrams, at least
half of the shorter one's) or when it has the gold start and end and a similar title (the same
bigram test on titles). Pairs are taken by score, highest first, each side at most once; the score
adds to the overlap a bonus for the same kind, the same dates and title likeness, so a festival's
export pairs with the festival, not with the signing told in the same sentence.

Printed: recall (gold events matched), strict recall (matched with exactly the gold start and end),
date accuracy (strict / matched), precision (exported events matched to a gold event), then each
miss, wrong date and extra. The matching functions need no Django and are tested in
tests/bench/test_events_eval.py.
"""

from __future__ import annotations

import argparse
import io
import json
import logging
import os
import sys
import tempfile
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
# "at least half of the shorter one's bigrams", as the issue defines an evidence overlap.
MIN_OVERLAP = 0.5
_SPACE = str.maketrans("", "", " \t\r\n\u3000\xa0")


@dataclass(frozen=True)
class Gold:
    file: str
    kind: str
    title: str
    start: str
    end: str
    evidence: str
    raw: dict = field(default_factory=dict, compare=False, repr=False)


@dataclass(frozen=True)
class Exported:
    file: str
    kind: str
    title: str
    start: str
    end: str
    evidence: tuple[str, ...]
    uid: str = ""


@dataclass
class Score:
    gold: int
    exported: int
    pairs: list[tuple[Gold, Exported]]
    misses: list[Gold]
    extras: list[Exported]

    @property
    def strict(self) -> list[tuple[Gold, Exported]]:
        return [(g, e) for g, e in self.pairs if (g.start, g.end) == (e.start, e.end)]

    @property
    def wrong_dates(self) -> list[tuple[Gold, Exported]]:
        return [(g, e) for g, e in self.pairs if (g.start, g.end) != (e.start, e.end)]

    def numbers(self) -> dict[str, float | int]:
        matched, strict = len(self.pairs), len(self.strict)
        return {
            "gold": self.gold,
            "exported": self.exported,
            "matched": matched,
            "strict": strict,
            "recall": _ratio(matched, self.gold),
            "strict_recall": _ratio(strict, self.gold),
            "date_accuracy": _ratio(strict, matched),
            "precision": _ratio(matched, self.exported),
        }


def _ratio(part: int, whole: int) -> float:
    return part / whole if whole else 1.0


def bigrams(text: str) -> set[str]:
    """Character bigrams of ``text`` with white space removed (WeChat and PDF line breaks do not count)."""
    flat = text.translate(_SPACE)
    if len(flat) == 1:
        return {flat}
    return {flat[i : i + 2] for i in range(len(flat) - 1)}


def overlap(a: str, b: str) -> float:
    """Shared bigrams as a share of the shorter text's bigrams (0.0 when either is empty)."""
    ga, gb = bigrams(a), bigrams(b)
    if not ga or not gb:
        return 0.0
    return len(ga & gb) / min(len(ga), len(gb))


def pair_score(gold: Gold, exported: Exported) -> float | None:
    """How well ``exported`` stands for ``gold``, or None when it may not stand for it at all."""
    if gold.file != exported.file:
        return None
    evidence = max((overlap(gold.evidence, ev) for ev in exported.evidence), default=0.0)
    same_dates = (gold.start, gold.end) == (exported.start, exported.end)
    title = overlap(gold.title, exported.title)
    if evidence < MIN_OVERLAP and not (same_dates and title >= MIN_OVERLAP):
        return None
    return evidence + 0.5 * (gold.kind == exported.kind) + 0.5 * same_dates + 0.5 * title


def match(golds: list[Gold], exported: list[Exported]) -> Score:
    """One-to-one pairs, best first; what is left over is missed (gold) or extra (exported)."""
    scored = []
    for gi, gold in enumerate(golds):
        for ei, item in enumerate(exported):
            score = pair_score(gold, item)
            if score is not None:
                scored.append((-score, gi, ei))
    scored.sort()
    used_gold: set[int] = set()
    used_exported: set[int] = set()
    pairs = []
    for _, gi, ei in scored:
        if gi in used_gold or ei in used_exported:
            continue
        used_gold.add(gi)
        used_exported.add(ei)
        pairs.append((gi, ei))
    pairs.sort()
    return Score(
        gold=len(golds),
        exported=len(exported),
        pairs=[(golds[gi], exported[ei]) for gi, ei in pairs],
        misses=[g for gi, g in enumerate(golds) if gi not in used_gold],
        extras=[e for ei, e in enumerate(exported) if ei not in used_exported],
    )


def read_gold(path: Path) -> list[dict]:
    """The gold lines (blank lines and lines starting with # skipped); a bad line names its number."""
    lines = []
    for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
        if not line.strip() or line.lstrip().startswith("#"):
            continue
        try:
            entry = json.loads(line)
            date.fromisoformat(entry["published"])
            entry["file"], entry["events"]
        except (ValueError, KeyError, TypeError) as exc:
            raise SystemExit(f"{path}:{number}: not a gold line ({exc})") from exc
        lines.append(entry)
    return lines


def gold_events(lines: list[dict]) -> list[Gold]:
    return [
        Gold(
            file=entry["file"],
            kind=event.get("kind", ""),
            title=event.get("title", ""),
            start=event.get("start") or "",
            end=event.get("end") or event.get("start") or "",
            evidence=event.get("evidence", ""),
            raw=event,
        )
        for entry in lines
        for event in entry["events"]
    ]


def exported_events(items: list[dict], files_by_key: dict[str, str]) -> list[Exported]:
    """One Exported per (event, article among its sources); articles outside the gold are left out."""
    out = []
    for item in items:
        by_file: dict[str, list[str]] = {}
        for source in item.get("sources", []):
            name = files_by_key.get(source.get("article", ""))
            if name is not None:
                by_file.setdefault(name, []).append(source.get("evidence", ""))
        for name, evidence in by_file.items():
            out.append(
                Exported(
                    file=name,
                    kind=item.get("kind", ""),
                    title=item.get("title", ""),
                    start=item.get("start") or "",
                    end=item.get("end") or "",
                    evidence=tuple(evidence),
                    uid=item.get("uid", ""),
                )
            )
    return out


def ingest_and_export(lines: list[dict], articles: Path) -> tuple[list[dict], dict[str, str]]:
    """Ingest every gold file into a fresh SQLite database; returns the exported items and key → file."""
    tmp = tempfile.TemporaryDirectory(prefix="kejical-eval-")
    os.environ["DATABASE_URL"] = f"sqlite:///{tmp.name}/eval.sqlite3"
    os.environ.pop("CELERY_BROKER_URL", None)
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "kejicalendar.settings")
    sys.path.insert(0, str(ROOT))
    import django

    django.setup()
    from django.core.management import call_command

    from events.management.commands.export_events import export_events
    from events.models import Article
    from events.services import IngestError, ingest_article, read_article_file

    logging.disable(logging.WARNING)
    call_command("migrate", verbosity=0)
    files_by_key = {}
    for entry in lines:
        path = (articles / entry["file"]).resolve()
        try:
            article_file = read_article_file(path)
        except (IngestError, OSError) as exc:
            raise SystemExit(f"{entry['file']}: {exc}") from exc
        result = ingest_article(
            key=str(path),
            text=article_file.text,
            title=article_file.title,
            published=date.fromisoformat(entry["published"]),
            published_how=Article.PublishedHow.GIVEN,
        )
        if result.status == "failed":
            print(f"失败 {entry['file']}: {result.error}", file=sys.stderr)
        files_by_key[str(path)] = entry["file"]
    out = io.StringIO()
    export_events(out=out)
    tmp.cleanup()
    return [json.loads(line) for line in out.getvalue().splitlines()], files_by_key


def _short(text: str, width: int = 70) -> str:
    flat = " ".join(text.split())
    return flat if len(flat) <= width else flat[: width - 1] + "…"


def _dates(start: str, end: str) -> str:
    return start if start == end else f"{start}..{end}"


def report(score: Score, *, quiet: bool = False) -> str:
    """The numbers, then (unless ``quiet``) each miss, wrong date and extra, one per line."""
    n = score.numbers()
    lines = [
        f"gold {n['gold']}, exported {n['exported']}, matched {n['matched']}, strict {n['strict']}",
        f"recall         {n['recall']:.3f}",
        f"strict recall  {n['strict_recall']:.3f}",
        f"date accuracy  {n['date_accuracy']:.3f}",
        f"precision      {n['precision']:.3f}",
    ]
    if quiet:
        return "\n".join(lines)
    lines.append(f"\n## misses ({len(score.misses)})")
    for g in score.misses:
        lines.append(f"{g.file}  [{g.kind}] {g.title}  {_dates(g.start, g.end)}  «{_short(g.evidence)}»")
    lines.append(f"\n## wrong dates ({len(score.wrong_dates)})")
    for g, e in score.wrong_dates:
        lines.append(
            f"{g.file}  {g.title}: gold {_dates(g.start, g.end)}, exported {_dates(e.start, e.end)} ({e.title})"
        )
    lines.append(f"\n## extras ({len(score.extras)})")
    for e in score.extras:
        evidence = e.evidence[0] if e.evidence else ""
        lines.append(f"{e.file}  [{e.kind}] {e.title}  {_dates(e.start, e.end)}  «{_short(evidence)}»")
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("gold", type=Path, help="gold JSON lines")
    parser.add_argument("articles", type=Path, help="folder the gold 'file' names are relative to")
    parser.add_argument("--json", action="store_true", help="print the numbers as one JSON object")
    parser.add_argument("--quiet", action="store_true", help="print the numbers only")
    args = parser.parse_args(argv)
    lines = read_gold(args.gold)
    items, files_by_key = ingest_and_export(lines, args.articles)
    score = match(gold_events(lines), exported_events(items, files_by_key))
    if args.json:
        print(json.dumps(score.numbers()))
    else:
        print(report(score, quiet=args.quiet))


if __name__ == "__main__":
    main()
