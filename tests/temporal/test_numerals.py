"""Reading the short numbers in date expressions."""

import pytest

from events.temporal.numerals import read_number


@pytest.mark.parametrize(
    ("token", "value"),
    [
        ("11", 11), ("2024", 2024), ("三", 3), ("十", 10), ("十一", 11), ("二十", 20), ("二十三", 23),
        ("三十一", 31), ("廿三", 23), ("卅", 30), ("两", 2), ("初五", 5), ("初十", 10),
        ("二〇二四", 2024), ("二零二四", 2024), ("一九九五", 1995),
    ],
)  # fmt: skip
def test_read_number_reads_date_numerals(token, value):
    assert read_number(token) == value


@pytest.mark.parametrize("token", ["", "年", "十十", "三十四五", "abc", "一百二十"])
def test_read_number_returns_none_for_what_it_cannot_read(token):
    assert read_number(token) is None
