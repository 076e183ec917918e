"""Tests for events/extraction/drafts.py: merging drafts into candidates, keys and confidence."""

from datetime import date

from events.extraction import extract_events
from events.extraction.dating import DateLink
from events.extraction.drafts import Draft, attach, merge_drafts
from events.extraction.types import EvidenceSpan

MARCH_11 = DateLink(date(2024, 3, 11), date(2024, 3, 11), "day", "2024-03-11", "3月11日", "sentence")


def draft(title: str, at: int, link: DateLink | None = None, place: str = "", **figures: int) -> Draft:
    d = Draft("festival", title, report=0, trigger=at, strength=0.9, link=link, place=place)
    attach(
        d,
        EvidenceSpan(f"…{title}…", (at, at + 10), link.date_text if link else ""),
        [(0, k, v) for k, v in figures.items()],
        {},
    )
    return d


def test_merge_drafts_one_event_with_all_evidence_dated_by_its_best_draft():
    headline = draft("太谷区第二十一届科技节", 0)
    lead = draft("山西·太谷第二十一届科技节暨成果展示活动", 50, MARCH_11, "金谷广场", exhibitors=131)
    [c] = merge_drafts([headline, lead])

    assert (c.title, c.start, c.place, c.key) == (
        "山西·太谷第二十一届科技节暨成果展示活动",
        date(2024, 3, 11),
        "金谷广场",
        "festival:太谷第二十一届科技节",
    )
    assert [e.span for e in c.evidence] == [(0, 10), (50, 60)]
    assert c.figures == {"exhibitors": 131}


def test_merge_drafts_same_key_on_different_days_stays_apart():
    march_9 = DateLink(date(2024, 3, 9), date(2024, 3, 9), "day", "2024-03-09", "3月9日", "sentence")
    first, second = merge_drafts(
        [
            draft("农业技术培训班", 0, MARCH_11),
            draft("农业技术培训班", 40, march_9),
            draft("农业技术培训班", 80),
        ]
    )

    assert (first.key, first.start, len(first.evidence)) == ("festival:农业技术培训班", date(2024, 3, 11), 1)
    assert (second.key, second.start, len(second.evidence)) == (
        "festival:农业技术培训班#2",
        date(2024, 3, 9),
        2,
    )


def test_merge_drafts_confidence_follows_the_date_link():
    discourse = DateLink(date(2024, 3, 11), date(2024, 3, 11), "day", "2024-03-11", "开幕式上", "discourse")
    year = DateLink(date(2024, 1, 1), date(2024, 12, 31), "year", "2024", "2024年", "sentence")
    own, anaphor, coarse, undated = (
        merge_drafts([draft(title, 0, link)])[0].confidence
        for title, link in (("甲节", MARCH_11), ("乙节", discourse), ("丙节", year), ("丁节", None))
    )

    assert 1 >= own > anaphor > coarse > undated > 0
    assert undated <= 0.35


def test_confidence_of_a_weekday_that_agrees_or_disagrees():
    [agrees] = extract_events("3月11日（周一），第五届科技节在金谷广场开幕。", ref=date(2024, 3, 12))
    [disagrees] = extract_events("3月11日（周三），第五届科技节在金谷广场开幕。", ref=date(2024, 3, 12))

    assert agrees.confidence_reasons == ("本句给出日期，精确到日", "星期或农历与日期相符", "事件词明确")
    assert "星期或农历与日期不符" in disagrees.confidence_reasons
    assert disagrees.confidence < agrees.confidence
