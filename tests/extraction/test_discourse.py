"""Report-level readings: dated datelines, durations, "持续至", ceremony days, headlines, reporting dates."""

from datetime import date

import pytest

from events.extraction import extract_events
from events.extraction.discourse import duration_days, duration_months, fix_for_parser

REF = date(2024, 5, 20)


def dates(text: str, ref: date = REF) -> list[tuple]:
    return [(c.kind, c.start, c.end) for c in extract_events(text, ref=ref)]


def test_extract_events_today_under_a_dated_dateline_is_the_dateline_day():
    text = "本报太原5月18日讯（记者 赵磊）今天，第三届青少年机器人大赛在太原市科技馆落下帷幕。"

    assert dates(text) == [("competition", date(2024, 5, 18), date(2024, 5, 18))]


@pytest.mark.parametrize(
    "dateline",
    ["中新网合肥5月18日电（记者 吴兰）", "人民网合肥5月18日电 （记者 吴兰）", "新华社合肥5月18日电（记者吴兰）"],
)
def test_extract_events_an_agency_dateline_dates_today_and_stays_out_of_the_title(dateline):
    text = dateline + "今天，第二届江淮低空经济博览会在合肥滨湖国际会展中心开幕。"

    [expo] = extract_events(text, ref=REF)

    assert (expo.title, expo.start) == ("第二届江淮低空经济博览会", date(2024, 5, 18))


@pytest.mark.parametrize(
    ("text", "ref", "expected"),
    [
        (
            "第二届能博会5月14日在会展中心开幕，展期至5月17日。开幕当天上午9时30分，12个项目集中签约。",
            REF,
            ("signing", date(2024, 5, 14)),
        ),
        (
            "「極地探索」科普展今（28）日下午在科學館開幕，展期至明年三月一日。"
            "開幕當日下午四時，學會會長於館內會議中心主講「從冰芯讀懂氣候變化」專題講座。",
            date(2025, 11, 28),
            ("training", date(2025, 11, 28)),
        ),
    ],
    ids=["hour-after-anaphor", "traditional-lecture"],
)
def test_extract_events_an_anaphor_with_its_hour_is_the_opening_day_not_the_last_date(text, ref, expected):
    *_, last = extract_events(text, ref=ref)

    assert (last.kind, last.start) == expected
    assert last.start == last.end


@pytest.mark.parametrize(
    ("text", "end"),
    [
        ("5月14日，全市农技人员培训班在市农校开班。培训为期三天。", date(2024, 5, 16)),
        ("5月14日，全市科技活动周在人民广场启动。本届科技活动周持续至5月20日。", date(2024, 5, 20)),
        ("本报讯 5月14日，第二届能博会在会展中心开幕。本届能博会展期为5月14日至17日。", date(2024, 5, 17)),
    ],
    ids=["duration", "until", "range-in-anaphor"],
)
def test_extract_events_the_report_gives_the_last_day(text, end):
    [event] = extract_events(text, ref=REF)

    assert (event.start, event.end) == (date(2024, 5, 14), end)


def test_extract_events_a_ceremony_is_the_first_day_of_a_multi_day_event():
    text = "5月14日至16日，第二届能博会在会展中心举办。开幕式上，12个项目集中签约。"
    expo, signing = extract_events(text, ref=REF)

    assert (expo.start, expo.end) == (date(2024, 5, 14), date(2024, 5, 16))
    assert (signing.kind, signing.start, signing.end) == ("signing", date(2024, 5, 14), date(2024, 5, 14))


def test_extract_events_a_headline_is_folded_into_its_report():
    text = "晋城集中签约23个项目\n\n本报讯 4月18日，晋城市重点项目集中签约仪式在晋城国际会展中心举行。"
    [signing] = extract_events(text, ref=REF)

    assert (signing.start, signing.figures) == (date(2024, 4, 18), {"projects_signed": 23})
    assert len(signing.evidence) == 2


@pytest.mark.parametrize(
    "text",
    [
        "记者昨日从市科技局获悉，山西省氢能研究院已于近日揭牌。",
        "5月18日，记者从市科技局了解到，该市首个科创飞地在深圳揭牌。",
    ],
    ids=["yesterday-reporting", "dated-reporting"],
)
def test_extract_events_a_reporting_date_does_not_date_the_report(text):
    [unveiling] = extract_events(text, ref=REF)

    assert (unveiling.start, unveiling.place) == (None, "深圳" if "深圳" in text else "")


def test_extract_events_when_day_is_carried_from_the_last_day_named():
    text = "5月5日是学雷锋纪念日。当天上午，市科协在峪口村开展科技下乡志愿服务活动。"
    [service] = extract_events(text, ref=REF)

    assert (service.kind, service.start) == ("service", date(2024, 5, 5))


@pytest.mark.parametrize(
    ("text", "end"),
    [
        ("16日上午，县第九届中小学生机器人竞赛在县体育馆开赛，赛期两天。", date(2024, 5, 17)),
        ("第七届数字产品博览会16日在会展中心开幕，展期共5天。", date(2024, 5, 20)),
        ("「2024智慧醫療論壇」今(16)日上午在竹北開幕，會期兩天。", date(2024, 5, 17)),
    ],
    ids=["contest-period", "show-period-in-all", "traditional-meeting-period"],
)
def test_extract_events_a_period_word_counts_days_from_the_first(text, end):
    [event] = extract_events(text, ref=REF)

    assert (event.start, event.end) == (date(2024, 5, 16), end)


def test_fix_for_parser_keeps_offsets():
    text = "昨（14）日上午，论坛召开"

    assert len(fix_for_parser(text)) == len(text)


@pytest.mark.parametrize(
    ("text", "days"),
    [
        ("为期三天", 3),
        ("展期5天", 5),
        ("会期两天", 2),
        ("历时一天", 0),
        ("赛期3天", 3),
        ("营期5天", 5),
        ("展期共6天", 6),
        ("会期为两天", 2),
        ("展期为20日至22日", 0),
        ("会期为5日—7日", 0),
    ],
)
def test_duration_days_reads_the_count(text, days):
    assert duration_days(text) == days


@pytest.mark.parametrize(
    ("text", "months"),
    [
        ("为期三个月", 3),
        ("为期两个月", 2),
        ("展期半年", 6),
        ("为期一年", 12),
        ("历时三年", 0),
        ("为期三天", 0),
    ],
)
def test_duration_months_reads_the_count(text, months):
    assert duration_months(text) == months


@pytest.mark.parametrize(
    ("text", "ref", "start", "end"),
    [
        (
            "9月2日，青年科技人才研修班在会展中心开班。研修班为期三个月。",
            date(2024, 9, 4),
            date(2024, 9, 2),
            date(2024, 12, 1),
        ),
        (
            "5月6日，青年创新训练营在科技园开营，训练营为期两周。",
            date(2024, 5, 8),
            date(2024, 5, 6),
            date(2024, 5, 19),
        ),
        ("3月1日，数字技术研修班开班，为期半年。", date(2024, 3, 4), date(2024, 3, 1), date(2024, 8, 31)),
        ("1月31日，人工智能培训班开班，为期一个月。", date(2024, 2, 2), date(2024, 1, 31), date(2024, 2, 29)),
    ],
    ids=["three-months", "two-weeks", "half-year", "month-end"],
)
def test_extract_events_a_duration_runs_from_the_first_day(text, ref, start, end):
    [event] = extract_events(text, ref=ref)

    assert (event.start, event.end) == (start, end)


def test_extract_events_a_bare_day_keeps_the_month_named_before_it():
    text = "「2024台中智慧科技博览会」3月11日至13日在台中国际会展中心举办。13日下午将举办「AI应用创新竞赛」决赛。"
    expo, final = extract_events(text, ref=date(2024, 10, 15))

    assert (final.kind, final.start) == ("competition", date(2024, 3, 13))


@pytest.mark.parametrize(
    ("text", "ref", "expected"),
    [
        (
            "市科技馆恐龙化石展开展\n\n本报讯 9日，恐龙化石展在市科技馆开展，展期至明年2月28日。\n\n"
            "县里办起电商培训\n\n本报讯 7日至9日，县农村电商培训班在县职教中心举办。\n",
            date(2024, 11, 12),
            (date(2024, 11, 7), date(2024, 11, 9)),
        ),
        (
            "科技周闭幕\n\n本报讯 科技周展览展期至8月30日。\n\n农技培训开班\n\n本报讯 3日，县农技培训班开班。\n",
            date(2024, 6, 5),
            (date(2024, 6, 3), date(2024, 6, 3)),
        ),
    ],
    ids=["range-after-next-years-end", "day-after-a-far-month"],
)
def test_extract_events_a_brief_does_not_take_the_month_of_the_brief_before(text, ref, expected):
    training = next(c for c in extract_events(text, ref=ref) if c.kind == "training")

    assert (training.start, training.end) == expected
