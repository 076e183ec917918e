"""Newspaper forms, time ranges, nth weekdays, recurring times and festival lead-ups: one row per form."""

from datetime import date, time

import pytest

from events.temporal import Precision, extract

REF = date(2024, 3, 15)  # a Friday


def only(text):
    """The one mention in ``text``, read on REF."""
    mentions = extract(text, REF)
    assert len(mentions) == 1, mentions
    return mentions[0]


@pytest.mark.parametrize(
    ("text", "start", "end", "precision"),
    [
        ("昨（14）日，大会开幕", "2024-03-14", "2024-03-14", "day"),
        ("今（15）日上午举行", "2024-03-15", "2024-03-15", "day"),
        ("明（16）日将举行", "2024-03-16", "2024-03-16", "day"),
        ("昨(14)日", "2024-03-14", "2024-03-14", "day"),
        ("本月14日", "2024-03-14", "2024-03-14", "day"),
        ("上月底", "2024-02-21", "2024-02-29", "vague"),
        ("月底前完成", "2024-03-21", "2024-03-31", "vague"),
        ("月中召开", "2024-03-11", "2024-03-20", "vague"),
        ("日前，公司宣布", "2024-03-05", "2024-03-15", "vague"),
        ("近期", "2024-02-14", "2024-04-14", "vague"),
        ("此前", "2023-03-16", "2024-03-15", "vague"),
        ("3月上旬末", "2024-03-08", "2024-03-10", "vague"),
        ("3月中旬", "2024-03-11", "2024-03-20", "day"),
        ("第3个星期日", "2024-03-17", "2024-03-17", "day"),
        ("5月的第二个星期日", "2024-05-12", "2024-05-12", "day"),
        ("11月最后一个星期四", "2024-11-28", "2024-11-28", "day"),
        ("下周六", "2024-03-23", "2024-03-23", "day"),
        ("下周周六", "2024-03-23", "2024-03-23", "day"),
        ("本月最后一天", "2024-03-31", "2024-03-31", "day"),
        ("国庆前夕", "2024-09-28", "2024-09-30", "vague"),
        ("春节前夕", "2024-02-07", "2024-02-09", "vague"),
        ("喜迎国庆", "2024-09-01", "2024-09-30", "vague"),
        ("国庆节前一天", "2024-09-30", "2024-09-30", "day"),
        ("下週三", "2024-03-20", "2024-03-20", "day"),
        ("農曆正月初一", "2024-02-10", "2024-02-10", "day"),
        ("3月11號", "2024-03-11", "2024-03-11", "day"),
        ("3月11号", "2024-03-11", "2024-03-11", "day"),
        ("2024年度", "2024-01-01", "2024-12-31", "year"),
        ("2024-2025学年", "2024-09-01", "2025-08-31", "year"),
        ("2024—2025學年度", "2024-09-01", "2025-08-31", "year"),
        ("两日前", "2024-03-13", "2024-03-13", "day"),
        ("三日后", "2024-03-18", "2024-03-18", "day"),
        ("零六年端午", "2006-05-31", "2006-05-31", "day"),
        ("上上个月5日", "2024-01-05", "2024-01-05", "day"),
        ("下下个季度", "2024-07-01", "2024-09-30", "season"),
        ("12月月底", "2024-12-21", "2024-12-31", "vague"),
        ("今明两年", "2024-01-01", "2025-12-31", "multi-year"),
        ("今明两天", "2024-03-15", "2024-03-16", "day"),
        ("1月3至2月10", "2024-01-03", "2024-02-10", "day"),
        ("截至3月31，", "2024-03-31", "2024-03-31", "day"),
        ("2012年正月初8", "2012-01-30", "2012-01-30", "day"),
        ("年初以来", "2024-01-01", "2024-03-15", "season"),
        ("2024年Q1", "2024-01-01", "2024-03-31", "season"),
        ("今年Q3", "2024-07-01", "2024-09-30", "season"),
        ("2024Q3", "2024-07-01", "2024-09-30", "season"),
        ("Q3财报", "2024-07-01", "2024-09-30", "season"),
        ("3·15晚会", "2024-03-15", "2024-03-15", "day"),
        ("双11", "2024-11-11", "2024-11-11", "day"),
        ("世界读书日", "2024-04-23", "2024-04-23", "day"),
        ("3月上半月", "2024-03-01", "2024-03-15", "day"),
        ("下半月", "2024-03-16", "2024-03-31", "day"),
        ("1990年代", "1990-01-01", "1999-12-31", "multi-year"),
        ("上世纪八九十年代", "1980-01-01", "1999-12-31", "multi-year"),
        ("新春佳节", "2024-02-10", "2024-02-10", "day"),
        ("今年中秋节前后", "2024-09-14", "2024-09-20", "vague"),
        ("国庆前后", "2024-09-28", "2024-10-04", "vague"),
        ("今年中元节", "2024-08-18", "2024-08-18", "day"),
        ("Q1-Q3", "2024-01-01", "2024-09-30", "season"),
        ("11月1日（周五）至3日（周日）", "2024-11-01", "2024-11-03", "day"),
        ("11月1日（周五）至3日", "2024-11-01", "2024-11-03", "day"),
        ("昨夜", "2024-03-14", "2024-03-14", "day"),
        ("明早", "2024-03-16", "2024-03-16", "day"),
        ("10月份以来，", "2023-10-01", "2024-03-15", "multi-year"),
        ("3月以来", "2024-03-01", "2024-03-15", "month"),
        ("今年前3月", "2024-01-01", "2024-03-31", "month"),
        ("地铁3月3号线开通", "2024-03-01", "2024-03-31", "month"),
    ],
)
def test_news_form(text, start, end, precision):
    m = only(text)
    assert (str(m.start), str(m.end), m.precision.value) == (start, end, precision)


def test_paren_day_that_disagrees_keeps_the_printed_day_with_low_confidence():
    m = only("昨（13）日")  # yesterday is the 14th
    assert m.start == date(2024, 3, 13) and m.confidence == 0.5 and m.note


def test_a_day_before_a_range_of_days_is_still_a_day_before_it():
    assert [str(m.start) for m in extract("3月15日前完成", REF)] == ["2024-03-15"]


@pytest.mark.parametrize(
    ("text", "at", "until"),
    [
        ("3月15日上午9时至11时", time(9), time(11)),
        ("3月15日9:00-17:00", time(9), time(17)),
        ("3月15日14:30", time(14, 30), None),
        ("3月15日下午2点半", time(14, 30), None),
        ("3月15日晚上8点", time(20), None),
        ("3月15日凌晨3点", time(3), None),
        ("3月15日中午12时", time(12), None),
        ("3月15日傍晚6点", time(18), None),
        ("3月15日下午2点至4点", time(14), time(16)),
        ("3月15日晚上9~11点", time(21), time(23)),
        ("3月15日上午9时至下午5时", time(9), time(17)),
        ("3月15日9点20", time(9, 20), None),
        ("今早8点", time(8), None),
        ("今夜8点", time(20), None),
        ("今晚7时至9时", time(19), time(21)),
    ],
)
def test_time_of_day_and_its_range(text, at, until):
    m = only(text)
    assert (m.start, m.time, m.end_time) == (date(2024, 3, 15), at, until)


def test_end_time_is_in_the_json_only_when_present():
    assert only("3月15日9:00-17:00").to_dict()["end_time"] == "17:00"
    assert "end_time" not in only("3月15日9:00").to_dict()


@pytest.mark.parametrize(
    "text",
    [
        "每年3月举办",
        "每年的3月",
        "每天晚上8点",
        "每年9月到11月",
        "每周六上午9点到11点",
        "每月15日",
        "每年母亲节",
    ],
)
def test_recurring_times_are_no_mention(text):
    assert extract(text, REF) == []


@pytest.mark.parametrize(
    "text",
    [
        "3号线",
        "1号楼",
        "2号文件",
        "5号令",
        "3号院",
        "2号馆",
        "1号机",
        "版本3.0",
        "增长3.11%",
        "比分3:1",
        "电话13812345678",
        "售价3.11元",
        "16.7亿元",
        "131家",
        "JWF1576型",
        "第2",
        "岁月中",
        "增长了2点35个百分点",
        "第1-3点",
        "1-3点",
        "两会期间",
        "荣耀Q1手机",
        "SQ3",
        "1·2·3",
        "双110",
        "五八十年代",
        "1号楼至5号楼",
        "1号线到3号线",
        "2号文件至5号文件",
        "1至3号展厅",
        "占比1·2成",
        "比分定格在3:1",
        "以2-1战胜对手",
        "每天8-10小时",
        "9-10点钟方向",
        "3点共识",
        "年前两月",
    ],
)
def test_not_a_date(text):
    assert extract(text, REF) == []


def test_a_month_part_stays_coarse_and_honest():
    m = only("3月底")
    assert m.precision == Precision.VAGUE and m.confidence < 1


@pytest.mark.parametrize(("text", "edtf"), [("3月5家企业", "2024-03"), ("1-3月20%", "2024-01/2024-03")])
def test_a_number_after_a_month_is_no_day_unless_it_ends_a_phrase(text, edtf):
    assert only(text).edtf == edtf


@pytest.mark.parametrize(
    ("text", "at"),
    [("2019-05-27 09:36:46", time(9, 36)), ("2024年3月15日 10:30:00", time(10, 30))],
)
def test_a_clock_time_with_seconds_keeps_its_minute(text, at):
    assert only(text).time == at


def test_a_ten_day_part_keeps_day_bounds_and_says_it_names_no_day():
    m = only("3月中旬")
    assert (m.precision, m.start, m.end) == (Precision.DAY, date(2024, 3, 11), date(2024, 3, 20))
    assert "no single day" in m.note


def test_festival_sides_lean_on_the_festival_named_before():
    [fest, side] = extract("春节将至，节前各地加紧备货", REF)
    assert (side.text, side.start, side.end, side.precision) == (
        "节前",
        date(2024, 2, 3),
        date(2024, 2, 9),
        Precision.VAGUE,
    )
    assert extract("节前，各地加紧备货", REF) == []
    assert extract("该环节后进入下一阶段", REF) == []


@pytest.mark.parametrize(
    ("text", "edtf"),
    [("2024年元月", "2024-01"), ("元月15日", "2024-01-15"), ("元月至三月", "2024-01/2024-03")],
)
def test_yuanyue_is_january(text, edtf):
    assert only(text).edtf == edtf


@pytest.mark.parametrize("text", ["美元月均汇率", "单元月考"])
def test_yuan_in_a_word_is_no_month(text):
    assert extract(text, REF) == []


@pytest.mark.parametrize(
    ("text", "start", "end"),
    [
        # ROC (Taiwan) years: ROC year + 1911.
        ("民國113年3月11日", "2024-03-11", "2024-03-11"),
        ("民國元年", "1912-01-01", "1912-12-31"),
        ("民國八十九年", "2000-01-01", "2000-12-31"),
        ("民國一百零一年", "2012-01-01", "2012-12-31"),
        ("中華民國一一二年五月二十日", "2023-05-20", "2023-05-20"),
        ("民國112至113年", "2023-01-01", "2024-12-31"),
        ("113年3月至114年2月", "2024-03-01", "2025-02-28"),
        ("中華民國113年第1季", "2024-01-01", "2024-03-31"),
        # The year restated in brackets wins.
        ("今（2024）年", "2024-01-01", "2024-12-31"),
        ("明（2025）年", "2025-01-01", "2025-12-31"),
        ("2019年迄今", "2019-01-01", "2024-03-15"),
        ("去年年終", "2023-12-01", "2023-12-31"),
        ("今年歲末", "2024-12-01", "2024-12-31"),
        ("2024年第3季", "2024-07-01", "2024-09-30"),
        ("隔天", "2024-03-16", "2024-03-16"),
        ("隔日", "2024-03-16", "2024-03-16"),
        ("前一天", "2024-03-14", "2024-03-14"),
        ("前一日", "2024-03-14", "2024-03-14"),
        ("即日起至4月30日", "2024-03-15", "2024-04-30"),
        ("今天起到月底", "2024-03-15", "2024-03-31"),
        ("3月11日（週一）至15日（週五）", "2024-03-11", "2024-03-15"),
        ("3月11日（一）至15日（五）", "2024-03-11", "2024-03-15"),
        # A lone weekday in brackets is a clue for the day before it; "3/11" needs one to be a date.
        ("3/11（一）", "2024-03-11", "2024-03-11"),
        ("3/11（一）至3/15（五）", "2024-03-11", "2024-03-15"),
        ("3月11日（一）", "2024-03-11", "2024-03-11"),
        # Bracketed restatements: ROC years after 今/去/明, months after 本/上/下.
        ("今（113）年", "2024-01-01", "2024-12-31"),
        ("去（112）年底", "2023-12-01", "2023-12-31"),
        ("本(3)月", "2024-03-01", "2024-03-31"),
        ("下（4）月10日", "2024-04-10", "2024-04-10"),
        ("民國113年度第2季", "2024-04-01", "2024-06-30"),
        ("2024年度上半年", "2024-01-01", "2024-06-30"),
        ("民國70年代", "1981-01-01", "1990-12-31"),
        ("民國七十年代初", "1981-01-01", "1984-12-31"),
        ("雙十節", "2024-10-10", "2024-10-10"),
        ("二二八紀念日", "2024-02-28", "2024-02-28"),
        ("翌（16）日", "2024-03-16", "2024-03-16"),
    ],
)
def test_taiwan_and_hong_kong_forms(text, start, end):
    m = only(text)
    assert (str(m.start), str(m.end)) == (start, end)


def test_the_day_before_a_date_counts_from_it():
    [day, before] = extract("3月11日前一天", REF)
    assert before.start == date(2024, 3, 10)


@pytest.mark.parametrize(
    "text",
    [
        "擁有113年歷史",
        "售價113年",
        "113年度預算",
        "該劇第3季",
        "《中國好聲音》第3季",
        "發放年終獎金",
        "80後",
        "7×24小時",
    ],
)
def test_taiwan_lookalikes_are_no_dates(text):
    assert extract(text, REF) == []


def test_a_bracketed_weekday_that_disagrees_moves_the_year_and_says_so():
    m = only("3月11日（三）")
    assert m.start == date(2020, 3, 11) and "weekday" in m.note


@pytest.mark.parametrize("text", ["比例1/3", "3/11", "第1條（一）", "表1（一）"])
def test_slashes_and_bracketed_numerals_alone_are_no_dates(text):
    assert extract(text, REF) == []


def test_a_restated_month_that_disagrees_takes_the_printed_one_nearest_the_word():
    m = only("上(5)月")
    assert (m.start, m.confidence) == (date(2024, 5, 1), 0.5)


def test_a_year_end_bonus_is_no_december():
    assert [m.text for m in extract("今年年終獎金", REF)] == ["今年"]


def test_range_across_days_ends_at_the_end_day_time():
    m = only("12月17日上午9时至12月19日下午5时")

    assert (m.start, m.time, m.end, m.end_time) == (date(2024, 12, 17), time(9), date(2024, 12, 19), time(17))


def test_ratio_colon_reads_as_a_time_colon():
    m = only("12月6日下午14∶00-16∶00")

    assert (m.time, m.end_time) == (time(14), time(16))


@pytest.mark.parametrize(
    ("text", "said", "ref", "expected"),
    [
        (
            "第三届科技节将于1月10日在市民广场开幕。",
            "1月10日",
            date(2025, 12, 20),
            (date(2026, 1, 10), date(2026, 1, 10)),
        ),
        ("科技节定于5月18日举行。", "5月18日", date(2025, 11, 28), (date(2026, 5, 18), date(2026, 5, 18))),
        ("创新大赛决赛拟于3月举办。", "3月", date(2025, 11, 20), (date(2026, 3, 1), date(2026, 3, 31))),
        # a past report keeps ref's year; so does a date in a clause of its own beside a future one
        (
            "第三届科技节于1月10日在市民广场开幕。",
            "1月10日",
            date(2025, 12, 20),
            (date(2025, 1, 10), date(2025, 1, 10)),
        ),
        (
            "根据3月10日出台的方案，科技节将于下月举行。",
            "3月10日",
            date(2025, 11, 20),
            (date(2025, 3, 10), date(2025, 3, 10)),
        ),
        # a date the text already printed in ref's year anchors the rest (a repost read months later)
        (
            "博览会4月23日在成都开幕，展会将持续至4月26日。",
            "4月26日",
            date(2025, 9, 10),
            (date(2025, 4, 26), date(2025, 4, 26)),
        ),
    ],
    ids=["january-preview", "may-preview", "month-preview", "past-report", "own-clause", "repost"],
)
def test_a_future_clause_puts_a_past_looking_date_in_the_next_year(text, said, ref, expected):
    mention = next(m for m in extract(text, ref) if m.text == said)
    assert (mention.start, mention.end) == expected
