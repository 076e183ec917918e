"""bench/events_eval.py: bigram overlap, one-to-one matching best pairs first, and a run end to end."""

import json
import subprocess
import sys
from pathlib import Path

import pytest

from bench.events_eval import Exported, Gold, match, overlap

ROOT = Path(__file__).resolve().parents[2]
SENTENCE = "10月18日，第五届科技节在市民广场开幕，开幕式上12个项目集中签约，总投资48亿元。"


def gold(
    title: str, kind: str, start: str, end: str = "", evidence: str = SENTENCE, file: str = "a.txt"
) -> Gold:
    return Gold(file=file, kind=kind, title=title, start=start, end=end or start, evidence=evidence)


def exported(
    title: str, kind: str, start: str, end: str = "", evidence: str = SENTENCE, file: str = "a.txt"
) -> Exported:
    return Exported(file=file, kind=kind, title=title, start=start, end=end or start, evidence=(evidence,))


def test_overlap_ignores_line_breaks_and_counts_against_the_shorter():
    assert overlap("科技节\n在市民\n广场开幕", "科技节在市民广场开幕") == 1.0
    assert overlap("科技节开幕", "今天科技节开幕了，现场人很多") == 1.0
    assert overlap("科技节开幕", "签约仪式举行") == 0.0
    assert overlap("", "科技节") == 0.0


def test_match_pairs_each_export_with_the_gold_of_its_kind():
    golds = [
        gold("第五届科技节", "festival", "2024-10-18"),
        gold("12个项目集中签约", "signing", "2024-10-18"),
    ]
    items = [
        exported("项目集中签约", "signing", "2024-10-18"),
        exported("第五届科技节", "festival", "2024-10-18"),
    ]

    score = match(golds, items)

    assert [(g.kind, e.kind) for g, e in score.pairs] == [("festival", "festival"), ("signing", "signing")]
    assert (score.misses, score.extras) == ([], [])


def test_match_one_export_stands_for_one_gold_only():
    golds = [
        gold("第五届科技节", "festival", "2024-10-18"),
        gold("12个项目集中签约", "signing", "2024-10-18"),
    ]

    score = match(golds, [exported("第五届科技节", "festival", "2024-10-18")])

    assert [g.kind for g, _ in score.pairs] == ["festival"]
    assert [g.kind for g in score.misses] == ["signing"]
    assert score.numbers()["recall"] == 0.5
    assert score.numbers()["precision"] == 1.0


def test_match_by_dates_and_similar_title_when_evidence_differs():
    headline = "市民共享创新盛宴"
    golds = [gold("第五届科技节", "festival", "2024-10-18")]

    same_dates = match(golds, [exported("第五届科技节", "festival", "2024-10-18", evidence=headline + "！")])
    other_dates = match(golds, [exported("第五届科技节", "festival", "2024-10-19", evidence=headline + "！")])

    assert len(same_dates.pairs) == 1
    assert (len(other_dates.pairs), len(other_dates.extras)) == (0, 1)


def test_match_never_pairs_across_files():
    score = match(
        [gold("第五届科技节", "festival", "2024-10-18")],
        [exported("第五届科技节", "festival", "2024-10-18", file="b.txt")],
    )

    assert (len(score.pairs), len(score.misses), len(score.extras)) == (0, 1, 1)


def test_match_counts_wrong_dates_apart_from_strict():
    golds = [
        gold("第五届科技节", "festival", "2024-10-18", "2024-10-20"),
        gold("培训班", "training", "2024-10-21", evidence="21日，培训班在县农广校开班。"),
    ]
    items = [
        exported("第五届科技节", "festival", "2024-10-18"),
        exported("培训班", "training", "2024-10-21", evidence="21日，培训班在县农广校开班。"),
        exported("慢性病讲座", "training", "2024-10-22", evidence="22日举办了慢性病防治讲座。"),
    ]

    n = match(golds, items).numbers()

    assert (n["matched"], n["strict"], n["recall"], n["strict_recall"]) == (2, 1, 1.0, 0.5)
    assert n["date_accuracy"] == 0.5
    assert n["precision"] == pytest.approx(2 / 3)


def test_events_eval_runs_ingest_and_export_end_to_end(tmp_path):
    (tmp_path / "one.txt").write_text(
        "科技节开幕\n\n10月18日，第五届科技节在市民广场开幕。", encoding="utf-8"
    )
    line = {
        "file": "one.txt",
        "published": "2024-10-19",
        "events": [
            {
                "kind": "festival",
                "title": "第五届科技节",
                "start": "2024-10-18",
                "end": "2024-10-18",
                "evidence": "10月18日，第五届科技节在市民广场开幕。",
            },
            {
                "kind": "training",
                "title": "农民培训班",
                "start": "2024-10-20",
                "end": "2024-10-20",
                "evidence": "20日，农民培训班开班。",
            },
        ],
    }
    (tmp_path / "gold.jsonl").write_text(json.dumps(line, ensure_ascii=False) + "\n", encoding="utf-8")

    run = subprocess.run(
        [
            sys.executable,
            str(ROOT / "bench" / "events_eval.py"),
            str(tmp_path / "gold.jsonl"),
            str(tmp_path),
            "--json",
        ],
        capture_output=True,
        text=True,
        check=True,
        cwd=ROOT,
    )
    numbers = json.loads(run.stdout)

    assert (numbers["gold"], numbers["matched"], numbers["strict"]) == (2, 1, 1)
    assert numbers["precision"] == 1.0
