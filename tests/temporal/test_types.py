"""Mention, Precision and Kind: the values the parser returns (events/temporal/types.py)."""

from datetime import date, time

from events.temporal import Kind, Mention, Precision


def test_mention_to_dict_gives_the_shared_json_shape():
    mention = Mention("3月11日上午9时", (0, 9), date(2024, 3, 11), date(2024, 3, 11), Precision.DAY, "2024-03-11",
                      Kind.PARTIAL, 0.85, time=time(9, 0))  # fmt: skip

    assert mention.to_dict() == {
        "text": "3月11日上午9时",
        "span": [0, 9],
        "start": "2024-03-11",
        "end": "2024-03-11",
        "precision": "day",
        "edtf": "2024-03-11",
        "kind": "partial",
        "confidence": 0.85,
        "time": "09:00",
    }


def test_mention_to_dict_flags_invalid_and_open_mentions():
    invalid = Mention(
        "2月30日", (0, 5), None, None, Precision.DAY, "", Kind.PARTIAL, 0.0, valid=False, note="no day"
    )

    assert (invalid.to_dict()["valid"], invalid.to_dict()["start"], invalid.to_dict()["note"]) == (
        False,
        None,
        "no day",
    )


def test_precision_ranks_run_from_day_to_vague():
    assert [p.rank for p in Precision] == list(range(7))
    assert (Precision.DAY.rank < Precision.MONTH.rank < Precision.VAGUE.rank, f"{Precision.SEASON}") == (
        True,
        "season",
    )
