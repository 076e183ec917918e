"""Tests for events/extraction/dating.py: which mention dates an occurrence."""

from datetime import date

from events.extraction.dating import FlatMention, date_in_sentence
from events.extraction.text import Sentence
from events.temporal import Kind, Mention, Precision

SENTENCE = Sentence(start=0, end=60, paragraph=0, report=0)


def mention(at: int, day: date, precision: Precision = Precision.DAY, confidence: float = 1.0) -> FlatMention:
    m = Mention("x", (at, at + 2), day, day, precision, day.isoformat(), Kind.PARTIAL, confidence=confidence)
    return FlatMention(at, at + 2, m)


MARCH_5, MARCH_8, MARCH_9 = (
    mention(0, date(2024, 3, 5)),
    mention(20, date(2024, 3, 8)),
    mention(45, date(2024, 3, 9)),
)


def test_date_in_sentence_prefers_its_own_clause():
    found = date_in_sentence([MARCH_5, MARCH_8, MARCH_9], SENTENCE, (18, 40), (30, 32), habitual=False)

    assert found is MARCH_8


def test_date_in_sentence_falls_back_to_the_nearest_earlier_clause_never_a_later_one():
    assert date_in_sentence([MARCH_5, MARCH_9], SENTENCE, (10, 30), (25, 27), habitual=False) is MARCH_5
    assert date_in_sentence([MARCH_9], SENTENCE, (10, 30), (25, 27), habitual=False) is None


def test_date_in_sentence_skips_vague_doubtful_and_habitual_day_mentions():
    vague = mention(0, date(2024, 3, 1), Precision.VAGUE)
    weekend = mention(3, date(2024, 3, 9), Precision.DAY, confidence=0.4)
    year = mention(6, date(2024, 1, 1), Precision.YEAR)

    assert date_in_sentence([vague, weekend], SENTENCE, (10, 30), (25, 27), habitual=False) is None
    assert date_in_sentence([MARCH_5, year], SENTENCE, (10, 30), (25, 27), habitual=True) is year


def test_date_in_sentence_uses_a_year_inside_the_name_only_as_a_last_resort():
    in_name = mention(22, date(2024, 1, 1), Precision.YEAR)

    assert date_in_sentence([MARCH_5, in_name], SENTENCE, (20, 40), (20, 35), habitual=False) is MARCH_5
    assert date_in_sentence([in_name], SENTENCE, (20, 40), (20, 35), habitual=False) is in_name


def test_date_in_sentence_ignores_mentions_outside_the_sentence():
    other = Sentence(start=100, end=150, paragraph=1, report=0)

    assert date_in_sentence([MARCH_5, MARCH_8], other, (100, 150), (120, 122), habitual=False) is None
