"""Reading: EDTF strings and the date helpers the resolvers share."""

from datetime import date

import pytest

from events.temporal.reading import Reading, add_months, last_day, month_reading, safe_date, years_reading
from events.temporal.types import Kind, Precision


def test_reading_edtf_joins_its_two_ends():
    reading = Reading(
        date(2024, 3, 11), date(2024, 3, 13), Precision.DAY, Kind.RANGE, "2024-03-11", "2024-03-13"
    )

    assert reading.edtf == "2024-03-11/2024-03-13"


def test_reading_edtf_marks_an_open_end():
    reading = years_reading(2024, 2024, Kind.ABSOLUTE).but(open_end=True)

    assert reading.edtf == "2024/.."


def test_month_reading_writes_a_whole_year_as_a_year():
    reading = month_reading(2024, 1, 12, Kind.ABSOLUTE)

    assert (reading.edtf, reading.precision) == ("2024", Precision.YEAR)


@pytest.mark.parametrize(
    ("year", "month", "day", "expected"),
    [
        (2024, 2, 29, date(2024, 2, 29)),
        (2023, 2, 29, None),
        (2024, 2, 30, None),
        (2024, 13, 1, None),
        (0, 1, 1, None),
    ],
)
def test_safe_date_refuses_impossible_days(year, month, day, expected):
    assert safe_date(year, month, day) == expected


def test_add_months_and_last_day_cross_years():
    assert (add_months(2024, 1, -2), add_months(2024, 12, 1), last_day(2023, 2)) == (
        (2023, 11),
        (2025, 1),
        date(2023, 2, 28),
    )
