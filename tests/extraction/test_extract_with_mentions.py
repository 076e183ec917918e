"""``extract_with_mentions`` gives exactly what ``extract_events`` and ``temporal.extract`` give apart.

Ingestion stores the parser's mentions of the article as given (``temporal.extract(text, ref)``,
the old path) and now takes them from the extractor's own parse when it can. These tests hold the
shared path to the old path's output on the seeds, the real-patterned articles and the genre
corpus, and on texts built to take the other branch (furniture, parser workarounds, the cap).
"""

from __future__ import annotations

import json
from datetime import date
from pathlib import Path

import pytest

from events import temporal
from events.extraction import extract as extract_module
from events.extraction import extract_events, extract_with_mentions
from tests.conftest import SEEDS, load_seed

HERE = Path(__file__).resolve().parent
REAL = HERE / "real"
DATA = HERE / "data"


def real_articles() -> list[tuple[str, str, date]]:
    gold = [
        json.loads(line) for line in (REAL / "gold.jsonl").read_text(encoding="utf-8").splitlines() if line
    ]
    return [
        (g["file"], (REAL / g["file"]).read_text(encoding="utf-8"), date.fromisoformat(g["published"]))
        for g in gold
    ]


def corpus_articles() -> list[tuple[str, str, date]]:
    out = []
    for path in sorted(DATA.glob("*.txt")):
        meta = json.loads(path.with_suffix(".json").read_text(encoding="utf-8"))
        out.append((path.name, path.read_text(encoding="utf-8"), date.fromisoformat(meta["published"])))
    return out


def seed_articles() -> list[tuple[str, str, date]]:
    return [(p.name, *load_seed(p.name)) for p in sorted(SEEDS.glob("*.txt"))]


def assert_same_as_apart(text: str, ref: date) -> None:
    candidates, mentions = extract_with_mentions(text, ref)
    assert candidates == extract_events(text, ref)
    old = [m.to_dict() for m in temporal.extract(text, ref)]
    assert [m.to_dict() for m in mentions] == old  # same spans, values and order


@pytest.mark.parametrize("source", [seed_articles, real_articles, corpus_articles])
def test_extract_with_mentions_matches_the_two_parses_apart(source):
    articles = source()
    assert articles
    for _name, text, ref in articles:
        assert_same_as_apart(text, ref)


def test_both_branches_are_exercised_by_the_real_articles():
    """Some articles share the parse; a page with furniture is parsed again as given.

    Which side has the majority depends on the corpus mix (batch 18 is all portal, e-paper and WeChat
    pages with furniture), so only that both sides occur is asserted.
    """
    parsed_as_given = [extract_module._read_events(text, ref)[1] == text for _, text, ref in real_articles()]
    assert any(parsed_as_given)
    assert not all(parsed_as_given)


@pytest.mark.parametrize(
    "text",
    [
        "3月11日，第五届科技节在市民广场开幕。4月2日至4日举办培训班。",
        # publication line and a page header: the extractor blanks furniture, the stored mentions keep it
        "发布时间：2024-03-18 11:36　来源：县融媒体中心\n3月16日（星期六），科普讲座在图书馆举行。\n",
        "第3版 要闻\n2024年3月12日 星期二\n昨日，创新大赛决赛在会展中心落幕。\n",
        # the bracketed dateline the extractor may rewrite before parsing
        "本报讯 昨（11）日上午，人工智能产业园揭牌。明日将召开推进会。",
        # traditional script and 民國 years
        "民國113年3月9日，科技園區舉辦創新論壇，為期兩天。",
        "",
        "没有日期的一段话。",
    ],
)
def test_extract_with_mentions_matches_on_varied_texts(text):
    assert_same_as_apart(text, date(2024, 3, 12))


def test_text_beyond_the_cap_is_parsed_whole(monkeypatch):
    """Events read the first MAX_CHARS characters; the stored mentions still cover the whole text."""
    monkeypatch.setattr(extract_module, "MAX_CHARS", 40)
    text = "3月11日，第五届科技节在市民广场开幕。" * 2 + "5月20日，签约仪式在会议中心举行。"
    candidates, mentions = extract_with_mentions(text, date(2024, 3, 12))
    assert candidates == extract_events(text, date(2024, 3, 12))
    assert [m.to_dict() for m in mentions] == [m.to_dict() for m in temporal.extract(text, date(2024, 3, 12))]
    assert mentions[-1].span[0] >= 40  # the third sentence, which the events never read
