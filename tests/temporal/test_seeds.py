"""Every date-bearing expression in the seed articles resolves as seeds/expected_events.json implies."""

import json
from datetime import date
from pathlib import Path

import pytest

from events.temporal import extract

SEEDS = Path(__file__).resolve().parents[2] / "seeds"
MANIFEST = {
    a["file"]: date.fromisoformat(a["published"])
    for a in json.loads((SEEDS / "manifest.json").read_text())["articles"]
}

# (text as printed, start, end, precision, edtf) for every mention, in text order.
EXPECTED = {
    "004_7846ad9f159734c1.txt": [
        ("3月\n11日，农历二月初二", "2024-03-11", "2024-03-11", "day", "2024-03-11"),
        ("近年来", "2021-01-01", "2024-03-12", "vague", "2021/2024-03-12"),
        ("近年来", "2021-01-01", "2024-03-12", "vague", "2021/2024-03-12"),
        ("2023 年末", "2023-12-01", "2023-12-31", "month", "2023-12"),
        ("2023年", "2023-01-01", "2023-12-31", "year", "2023"),
        ("3\n月 8日", "2024-03-08", "2024-03-08", "day", "2024-03-08"),
        ("目前", "2024-03-12", "2024-03-12", "vague", "2024-03-12~"),
        ("3年来", "2021-01-01", "2024-03-12", "multi-year", "2021/2024-03-12"),
        ("今年起", "2024-01-01", "2024-12-31", "year", "2024/.."),
    ],
    "000_c6f11d6e7bb348de.txt": [
        ("“十四五”以来", "2021-01-01", "2025-11-07", "multi-year", "2021/2025-11-07"),
        ("周末", "2025-11-01", "2025-11-02", "day", "2025-11-01/2025-11-02"),
        ("2024年起", "2024-01-01", "2024-12-31", "year", "2024/.."),
        ("如今", "2025-11-07", "2025-11-07", "vague", "2025-11-07~"),
        ("近年来", "2022-01-01", "2025-11-07", "vague", "2022/2025-11-07"),
        ("初冬时节", "2025-11-07", "2025-12-06", "season", "2025-11-07/2025-12-06"),
        ("近年来", "2022-01-01", "2025-11-07", "vague", "2022/2025-11-07"),
        ("目前", "2025-11-07", "2025-11-07", "vague", "2025-11-07~"),
        ("“十四五”期间", "2021-01-01", "2025-12-31", "multi-year", "2021/2025"),
        ("近日", "2025-10-28", "2025-11-07", "vague", "2025-10-28/2025-11-07"),
        ("如今", "2025-11-07", "2025-11-07", "vague", "2025-11-07~"),
        ("近年来", "2022-01-01", "2025-11-07", "vague", "2022/2025-11-07"),
        ("截至目前", "2025-11-07", "2025-11-07", "vague", "2025-11-07~"),
        ("如今", "2025-11-07", "2025-11-07", "vague", "2025-11-07~"),
        ("2025", "2025-01-01", "2025-12-31", "year", "2025"),
        ("迎国庆", "2025-09-01", "2025-09-30", "vague", "2025-09-01/2025-09-30"),
    ],
}

NOT_DATES = {
    "004_7846ad9f159734c1.txt": [
        "16.7亿元",
        "131家",
        "21 块",
        "54\n家",
        "第十二届",
        "第二十一届",
        "15 个项目",
        "1.2 亿元",
        "60万吨",
        "7000 户",
    ],
    "000_c6f11d6e7bb348de.txt": [
        "6844人（次）",
        "JWF1576型",
        "34.6万名",
        "220余场",
        "21所",
        "第2",
        "116个",
        "396家",
        "170名",
    ],
}


def _read(name: str) -> str:
    return (SEEDS / name).read_text(encoding="utf-8")


@pytest.mark.parametrize("name", sorted(EXPECTED))
def test_extract_resolves_every_seed_expression(name):
    text = _read(name)

    mentions = extract(text, ref=MANIFEST[name])

    got = [(m.text, str(m.start), str(m.end), m.precision.value, m.edtf) for m in mentions]
    assert got == EXPECTED[name]
    assert all(text[m.span[0] : m.span[1]] == m.text for m in mentions)


@pytest.mark.parametrize("name", sorted(NOT_DATES))
def test_extract_takes_no_seed_number_for_a_date(name):
    text = _read(name)
    spans = [m.span for m in extract(text, ref=MANIFEST[name])]

    for number in NOT_DATES[name]:
        at = text.index(number)
        assert not [s for s in spans if s[0] < at + len(number) and at < s[1]], number


def test_extract_reads_the_festival_date_the_same_from_a_later_reference():
    text = _read("004_7846ad9f159734c1.txt")

    [first, *_] = extract(text, ref=date(2025, 6, 1))

    assert (first.text, first.start, first.kind.value) == (
        "3月\n11日，农历二月初二",
        date(2024, 3, 11),
        "lunar",
    )


def test_extract_marks_the_open_start_of_2024_qi():
    mention = next(
        m for m in extract(_read("000_c6f11d6e7bb348de.txt"), ref=date(2025, 11, 7)) if m.text == "2024年起"
    )

    assert (mention.start, mention.open_end, mention.precision.value) == (date(2024, 1, 1), True, "year")
