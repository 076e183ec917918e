"""Year/month/day expressions and their conventions (events/temporal/resolve.py)."""

from datetime import date, time

import pytest

from events.temporal import extract

REF = date(2024, 3, 15)  # a Friday; every case counts from it


def _one(text: str, ref: date = REF):
    [mention] = extract(text, ref=ref)
    return mention


@pytest.mark.parametrize(
    ("text", "edtf", "precision", "kind"),
    [
        ("2024年3月11日", "2024-03-11", "day", "absolute"),
        ("二〇二四年三月十一日", "2024-03-11", "day", "absolute"),
        ("二零二三年十二月三十一日", "2023-12-31", "day", "absolute"),
        ("３月１１日", "2024-03-11", "day", "partial"),
        ("2024-03-11", "2024-03-11", "day", "absolute"),
        ("2024/3/11", "2024-03-11", "day", "absolute"),
        ("2024.3.11", "2024-03-11", "day", "absolute"),
        ("3月5号", "2024-03-05", "day", "partial"),
        ("2024年3月", "2024-03", "month", "absolute"),
        ("十二月", "2024-12", "month", "partial"),
        ("2023年", "2023", "year", "absolute"),
        ("2023年度", "2023", "year", "absolute"),
        ("95年6月", "1995-06", "month", "absolute"),
        ("05年6月", "2005-06", "month", "absolute"),
        ("去年12月", "2023-12", "month", "relative"),
        ("今年3月11日", "2024-03-11", "day", "relative"),
        ("下月5日", "2024-04-05", "day", "relative"),
        ("上个月", "2024-02", "month", "relative"),
        ("零七年八月二十九号", "2007-08-29", "day", "absolute"),
        ("九零年9月十号", "1990-09-10", "day", "absolute"),
        ("19年底", "2019-12", "month", "absolute"),
        ("07年第三季度", "2007-07/2007-09", "season", "absolute"),
        ("2022年首季度", "2022-01/2022-03", "season", "absolute"),
        ("去年暑假", "2023-07/2023-08", "season", "relative"),
        ("2018年12月九号到十五号", "2018-12-09/2018-12-15", "day", "range"),
        ("11日至13号", "2024-03-11/2024-03-13", "day", "range"),
    ],
)
def test_extract_resolves_calendar_dates(text, edtf, precision, kind):
    mention = _one(text)

    assert (mention.text, mention.edtf, mention.precision.value, mention.kind.value) == (
        text,
        edtf,
        precision,
        kind,
    )


@pytest.mark.parametrize(
    ("text", "start", "end", "precision"),
    [
        ("3月11日至13日", date(2024, 3, 11), date(2024, 3, 13), "day"),
        ("3月11—13日", date(2024, 3, 11), date(2024, 3, 13), "day"),
        ("3月11日-4月2日", date(2024, 3, 11), date(2024, 4, 2), "day"),
        ("12月28日至1月3日", date(2024, 12, 28), date(2025, 1, 3), "day"),
        ("2021年至2025年", date(2021, 1, 1), date(2025, 12, 31), "multi-year"),
        ("2019年到2021年", date(2019, 1, 1), date(2021, 12, 31), "multi-year"),
        ("2021—2025年", date(2021, 1, 1), date(2025, 12, 31), "multi-year"),
        ("3—5月", date(2024, 3, 1), date(2024, 5, 31), "month"),
        ("3月上旬", date(2024, 3, 1), date(2024, 3, 10), "day"),
        ("2月下旬", date(2024, 2, 21), date(2024, 2, 29), "day"),
        ("3月中旬", date(2024, 3, 11), date(2024, 3, 20), "day"),
        ("4月底", date(2024, 4, 21), date(2024, 4, 30), "vague"),
        ("上半年", date(2024, 1, 1), date(2024, 6, 30), "half-year"),
        ("2023年下半年", date(2023, 7, 1), date(2023, 12, 31), "half-year"),
        ("第一季度", date(2024, 1, 1), date(2024, 3, 31), "season"),
        ("2024年三季度", date(2024, 7, 1), date(2024, 9, 30), "season"),
        ("年初", date(2024, 1, 1), date(2024, 2, 29), "season"),
        ("年底", date(2024, 12, 1), date(2024, 12, 31), "month"),
        ("2023 年末", date(2023, 12, 1), date(2023, 12, 31), "month"),
        ("今年年中", date(2024, 6, 1), date(2024, 7, 31), "season"),
        ("月底", date(2024, 3, 21), date(2024, 3, 31), "vague"),
        ("下旬", date(2024, 3, 21), date(2024, 3, 31), "day"),
        ("年内", date(2024, 1, 1), date(2024, 12, 31), "year"),
        ("2024年内", date(2024, 1, 1), date(2024, 12, 31), "year"),
    ],
)
def test_extract_resolves_ranges_and_parts(text, start, end, precision):
    mention = _one(text)

    assert (mention.start, mention.end, mention.precision.value) == (start, end, precision)


@pytest.mark.parametrize(
    ("text", "start", "edtf", "open_end"),
    [
        ("2024年起", date(2024, 1, 1), "2024/..", True),
        ("今年起", date(2024, 1, 1), "2024/..", True),
        ("7月1日起", date(2024, 7, 1), "2024-07-01/..", True),
        ("2022年以来", date(2022, 1, 1), "2022/2024-03-15", False),
        ("2001年起至今", date(2001, 1, 1), "2001/2024-03-15", False),
    ],
)
def test_extract_reads_open_and_since_ranges(text, start, edtf, open_end):
    mention = _one(text)

    assert (mention.start, mention.edtf, mention.open_end) == (start, edtf, open_end)


@pytest.mark.parametrize("text", ["2月30日", "十三月", "2023年2月29日", "4月31日", "农历三月三十"])
def test_extract_flags_impossible_dates(text):
    mention = _one(text)

    assert (mention.valid, mention.start, mention.end, mention.edtf) == (False, None, None, "")


@pytest.mark.parametrize(
    ("text", "at"),
    [("上午9时30分", time(9, 30)), ("下午3点", time(15, 0)), ("晚7时", time(19, 0)), ("中午12点", time(12, 0)),
     ("下午3点半", time(15, 30)), ("凌晨2时许", time(2, 0)), ("晚上八点", time(20, 0)), ("夜里12点", time(0, 0)),
     ("晚上九点一刻", time(21, 15))],
)  # fmt: skip
def test_extract_reads_times_of_day(text, at):
    mention = _one(text)

    assert (mention.text, mention.time, mention.start) == (text, at, REF)


def test_extract_doubts_a_year_less_date_months_after_the_reference_day():
    [mention] = extract("12月28日", ref=date(2024, 1, 5))

    assert (mention.start, mention.confidence, bool(mention.note)) == (date(2024, 12, 28), 0.5, True)


def test_extract_reads_a_year_before_a_quoted_title():
    mention = _one("2025“青春之约”")

    assert (mention.text, mention.edtf, mention.precision.value) == ("2025", "2025", "year")


BARE_DAY_REF = date(2024, 10, 15)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "3月11日至13日举行……11日上午举行开幕式",
            [("3月11日至13日", "2024-03-11/2024-03-13"), ("11日", "2024-03-11")],
        ),
        ("3月11日至13日举行，12日闭幕", [("3月11日至13日", "2024-03-11/2024-03-13"), ("12日", "2024-03-12")]),
        (
            "3月11日至13日举行，13日下午离开",
            [("3月11日至13日", "2024-03-11/2024-03-13"), ("13日", "2024-03-13")],
        ),
        ("2023年12月1日发布，15日实施", [("2023年12月1日", "2023-12-01"), ("15日", "2023-12-15")]),
        (
            "3月11日开幕。13日闭幕，次日返程",
            [("3月11日", "2024-03-11"), ("13日", "2024-03-13"), ("次日", "2024-03-14")],
        ),
        (
            "3月11日开幕，11日当天",
            [("3月11日", "2024-03-11"), ("11日", "2024-03-11"), ("当天", "2024-03-11")],
        ),
        ("15日实施", [("15日", "2024-10-15")]),
        ("昨天发布，15日实施", [("昨天", "2024-10-14"), ("15日", "2024-10-15")]),
    ],
    ids=[
        "day-after-range",
        "middle-day",
        "last-day-with-period",
        "printed-year-carries",
        "next-day-after-bare-day",
        "same-day-after-bare-day",
        "no-printed-month-refs-month",
        "relative-word-is-no-printed-month",
    ],
)
def test_extract_reads_a_bare_day_in_the_last_printed_month(text, expected):
    assert [(m.text, m.edtf) for m in extract(text, ref=BARE_DAY_REF)] == expected


@pytest.mark.parametrize(
    ("text", "start", "end"),
    [
        ("二月十三到十五", date(2024, 2, 13), date(2024, 2, 15)),
        ("五月二十至二十二举行", date(2024, 5, 20), date(2024, 5, 22)),
        ("二〇一九年十月八到十", date(2019, 10, 8), date(2019, 10, 10)),
        ("二月十三到三月一", date(2024, 2, 13), date(2024, 3, 1)),
    ],
    ids=["feb", "may-held", "with-year", "into-next-month"],
)
def test_extract_chinese_numeral_day_ranges_without_ri(text, start, end):
    [mention] = extract(text, date(2024, 3, 12))

    assert (mention.start, mention.end) == (start, end)


@pytest.mark.parametrize(
    ("text", "start", "end"),
    [
        ("預計115年底完工", date(2026, 12, 1), date(2026, 12, 31)),
        ("116年上半年啟用", date(2027, 1, 1), date(2027, 6, 30)),
        ("113年第一季", date(2024, 1, 1), date(2024, 3, 31)),
    ],
    ids=["year-end", "first-half", "first-quarter"],
)
def test_extract_roc_year_before_a_part_of_the_year(text, start, end):
    [mention] = extract(text, date(2023, 11, 9))

    assert (mention.start, mention.end) == (start, end)


def test_extract_a_count_of_years_is_no_roc_year():
    assert extract("建校100年", date(2023, 11, 9)) == []
