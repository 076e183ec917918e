"""Tests for events/extraction/triggers.py: which sentences report which kinds of events."""

from datetime import date

import pytest

from events.extraction import extract_events
from events.extraction.triggers import find_occurrences
from events.temporal.normalize import normalize


def found(sentence: str) -> list[tuple[str, str]]:
    return [(o.kind, o.title) for o in find_occurrences(sentence)]


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        (
            "3月11日，山西·太谷第二十一届科技节在太谷区金谷广场开幕。",
            [("festival", "山西·太谷第二十一届科技节")],
        ),
        ("开幕式上，共有15个项目成功签约，总投资16.7亿元。", [("signing", "项目签约(15个项目)")]),
        (
            "与太原理工大学、中北大学签署战略合作协议，助力发展。",
            [("signing", "与太原理工大学、中北大学签署战略合作协议")],
        ),
        (
            "3月8日，公司科技人员深入东贾村，开展测土配肥、优质菌肥进大棚惠农保春耕活动。",
            [("service", "测土配肥、优质菌肥进大棚惠农保春耕活动")],
        ),
        ("召开高企申报辅导宣讲会、培训会，组建专家团队。", [("training", "高企申报辅导宣讲会、培训会")]),
        ("山西农业科技成果转化平台揭牌。", [("unveiling", "山西农业科技成果转化平台揭牌")]),
        (
            "有机旱作农业国家重点实验室等三大实验室投运。",
            [("launch", "有机旱作农业国家重点实验室等三大实验室投运")],
        ),
        ("2024年起，我市将21所驻地高校校园全部向社会开放。", [("opening", "21所驻地高校校园向社会开放")]),
        (
            "第一届大学生科技节创新设计比赛决赛成功举办，点燃创新热情；",
            [("competition", "第一届大学生科技节创新设计比赛决赛")],
        ),
        ("大学生运动会上，运动员们挥洒汗水；", [("competition", "大学生运动会")]),
        ("咖啡节里，手冲咖啡的香气飘满街头；", [("festival", "咖啡节")]),
        (
            "音乐节上的放声歌唱、校友招商推介会上的热烈洽谈……",
            [("festival", "音乐节"), ("meeting", "校友招商推介会")],
        ),
        ("第五届中国国际农业博览会在北京开幕。", [("exhibition", "第五届中国国际农业博览会")]),
        ("全市中小学生科技创新大赛在市体育馆举行。", [("competition", "全市中小学生科技创新大赛")]),
        (
            "推荐3名高企高管入选2023年晋中市“青春榜样”。",
            [("other", "推荐3名高企高管入选2023年晋中市“青春榜样”")],
        ),
        (
            "率先在全省实现科技特派员县县全覆盖、县域主导产业全覆盖。",
            [("service", "科技特派员县县全覆盖、县域主导产业全覆盖")],
        ),
        (
            "市科协组织专家送科技下乡，在东阳镇开展科技咨询服务。",
            [("service", "送科技下乡"), ("service", "科技咨询服务")],
        ),
    ],
    ids=[
        "festival-opening",
        "signing-count",
        "signing-agreement",
        "service-activity",
        "training-list",
        "unveiling",
        "launch",
        "opening-to-public",
        "competition-final",
        "sports-meet-locative",
        "festival-locative",
        "list-of-locatives",
        "expo",
        "contest-held",
        "selected",
        "coverage",
        "services",
    ],
)
def test_find_occurrences_kinds_and_titles(sentence, expected):
    assert found(sentence) == expected


@pytest.mark.parametrize(
    "sentence",
    [
        "身旁的妈妈笑着回应，自驻市高校向社会开放以来，这已是她第3次来校园。",
        "“高校开放后，我先后带孩子去过太原理工大学。”李彩云说。",
        "市科技局组织科技特派员通过集中培训、田间教学等方式，把技术教给农民。",
        "校地活动的频繁开展，更让青春活力溢满全城。",
        "一场场活动轮番上演，让校园文化与城市文化紧紧相拥。",
        "构建布局合理、开放协作的科技创新平台体系。",
        "山西飞宇环境工程股份有限公司和西安交通大学签署技术合作。",
        "科技创新是引领发展的第一动力。",
        "该中心为企业提供技术服务，开展科技服务中心建设。",
    ],
    ids=[
        "since",
        "speech",
        "means",
        "frequent",
        "one-after-another",
        "open-as-modifier",
        "no-agreement",
        "none",
        "service-centre",
    ],
)
def test_find_occurrences_ignores_non_occurrences(sentence):
    assert found(sentence) == []


def test_find_occurrences_verb_without_subject_takes_the_acting_organisation():
    sentence = (
        "初冬时节的左权县麻田镇泽城村，左权农业科技特派团团长王勇手持修枝剪，在核桃园里给果农们现场授课。"
    )

    assert found(sentence) == [("training", "左权农业科技特派团现场授课")]


def test_find_occurrences_anaphoric_sentence_refers_back_only():
    sentence = "本届科技节以“坚持创新”为主题，涵盖科技项目签约、实用技术培训等，有131家企事业单位踊跃参展。"
    [occ] = find_occurrences(sentence)

    assert (occ.kind, occ.title, occ.anaphoric) == ("festival", "本届科技节", True)


def test_find_occurrences_marks_date_anaphors_and_habits():
    [signing] = find_occurrences("开幕式上，共有15个项目成功签约。")
    [training] = find_occurrences("目前，科技特派员已举办各类技术培训220余场。")

    assert (signing.date_anaphor, signing.habitual) == ("开幕式上", False)
    assert (training.date_anaphor, training.habitual) == ("", True)


def test_find_occurrences_same_day_after_a_quoted_name_is_its_date_anaphor():
    [show] = find_occurrences("中心首档特展「南岛星空」同日开展，展至11月30日止。")

    assert (show.kind, show.date_anaphor) == ("exhibition", "同日")


def test_find_occurrences_generic_name_is_marked():
    [occ] = find_occurrences("举办科技节，推介农业关键技术科技成果。")

    assert (occ.kind, occ.title, occ.generic) == ("festival", "科技节", True)


@pytest.mark.parametrize(
    ("sentence", "kind"),
    [
        ("晋中市首届文化节在榆次开幕。", "festival"),
        ("第三届太行山音乐节在左权举办。", "festival"),
        ("全市科技活动周启动。", "festival"),
        ("首届创科体验周在沙田开幕。", "festival"),
        ("38组家庭参加“星空露营科普营”。", "training"),
        ("3家企业与山西大学签署合作协议。", "signing"),
        ("山西农业大学专家为果农授课。", "training"),
        ("市科协举办科普讲座。", "training"),
        ("区农业农村局召开春耕宣讲会。", "training"),
        ("第十届中国国际农业博览会在北京开幕。", "exhibition"),
        ("131家企业参展。", "exhibition"),
        ("市博物馆举办“晋商文化”展览。", "exhibition"),
        ("太谷区新图书馆正式开放。", "opening"),
        ("山西农谷农产品交易中心开业。", "opening"),
        ("晋中大道正式通车。", "opening"),
        ("山西大学晋中研究院揭牌。", "unveiling"),
        ("市科协为10个科普示范基地授牌。", "unveiling"),
        ("全市职业技能大赛在晋中学院举行。", "competition"),
        ("第五届全民运动会开幕。", "competition"),
        ("全省农业科技工作会议在太原召开。", "meeting"),
        ("首届晋商论坛在平遥举行。", "meeting"),
        ("市委召开民营企业家座谈会。", "meeting"),
        ("市卫健委开展义诊活动。", "service"),
        ("专家们送科技下乡。", "service"),
        ("新能源汽车生产线投产。", "launch"),
        ("市科技局发布《晋中市科技创新白皮书》。", "launch"),
    ],
)
def test_find_occurrences_kind_vocabulary(sentence, kind):
    assert [o.kind for o in find_occurrences(sentence)] == [kind]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "3月28日，全市一季度重大项目集中开工仪式在高新区举行。",
            ("全市一季度重大项目集中开工仪式", "other"),
        ),
        ("4月2日，科技园二期项目破土动工。", ("科技园二期项目破土动工", "other")),
        ("5月8日，实验楼项目顺利封顶。", ("实验楼项目封顶", "other")),
        ("6月6日，和顺县数字乡村服务中心揭牌成立。", ("和顺县数字乡村服务中心揭牌成立", "unveiling")),
        ("3月5日，市人工智能产业联盟正式成立。", ("市人工智能产业联盟成立", "unveiling")),
        ("南科將於6月20日舉辦「半導體產業講習會」。", ("半导体产业讲习会", "training")),
        ("6月20日，县消防救援大队举办无人机训练班。", ("无人机训练班", "training")),
    ],
    ids=[
        "groundbreaking",
        "break-ground",
        "topping-out",
        "founded-unveiled",
        "founded",
        "tw-lecture",
        "drill-class",
    ],
)
def test_extract_events_construction_founding_and_training_vocabulary(text, expected):
    [c] = extract_events(text, ref=date(2024, 6, 13))

    assert (c.title, c.kind) == expected
    assert c.dated


@pytest.mark.parametrize(
    "text",
    [
        "该项目总投资35亿元，计划于2025年底竣工投产。",
        "3月5日，市里成立了工作专班。",
        "项目预计将于年内建成投用。",
    ],
    ids=["planned-completion", "task-force", "expected-in-use"],
)
def test_extract_events_goals_and_task_forces_are_no_events(text):
    assert extract_events(text, ref=date(2024, 6, 13)) == []


@pytest.mark.parametrize(
    "text",
    [
        "11月2日，2024年全市科普日活动新闻发布会在市政府新闻中心召开。",
        "主辦方上月舉行記者會介紹展覽安排。",
        "活动期间，全市将开展科普讲座、科技展览等200余场活动。",
        "届时将开展科普展览、科技咨询等活动50余场。",
        "据介绍，2023年淄博科技节共举办各类科技活动210余场。",
        "记者提问：今年科技节什么时候举办？",
    ],
    ids=[
        "press-conference",
        "tw-press-conference",
        "programme-count",
        "programme-count-after",
        "held-count",
        "question",
    ],
)
def test_extract_events_press_conferences_and_programme_summaries_are_no_events(text):
    assert extract_events(text, ref=date(2024, 11, 3)) == []


def test_extract_events_press_conference_leaves_the_announced_event():
    text = (
        "11月2日，科普日活动新闻发布会召开。记者获悉，2024年全市科普日活动将于11月9日至15日在市科技馆举行。"
    )

    found = [(c.title, c.start, c.end) for c in extract_events(text, ref=date(2024, 11, 3))]

    assert found == [("2024年全市科普日活动", date(2024, 11, 9), date(2024, 11, 15))]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "10月12日下午，“小小飞手”无人机编程体验营在社区党群服务中心开营。",
            ("training", date(2024, 10, 12), date(2024, 10, 12)),
        ),
        (
            "「葵青區STEM同樂日」將於11月23日在葵青劇院廣場舉行。",
            ("festival", date(2024, 11, 23), date(2024, 11, 23)),
        ),
        (
            "10月30日起，智能网联汽车测试场正式对社会开放。",
            ("opening", date(2024, 10, 30), date(2024, 10, 30)),
        ),
        ("縣府昨（17）日在教育館舉行揭牌典禮。", ("unveiling", date(2024, 10, 17), date(2024, 10, 17))),
        (
            "3月6日上午，县科技特派员服务团授旗出征仪式在县广场举行。",
            ("other", date(2024, 3, 6), date(2024, 3, 6)),
        ),
        (
            "「2024沙田創新科技嘉年華」10月19日起一連三日在沙田大會堂舉行。",
            ("festival", date(2024, 10, 19), date(2024, 10, 21)),
        ),
    ],
    ids=[
        "camp-opens",
        "hk-fun-day",
        "open-to-society",
        "tw-unveiling-ceremony",
        "send-off",
        "three-days-in-a-row",
    ],
)
def test_extract_events_more_vocabulary_and_durations(text, expected):
    [c] = extract_events(text, ref=date(2024, 10, 18))

    assert (c.kind, c.start, c.end) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("3月8日，女科技工作者沙龙在市科技馆举行。", ("meeting", date(2024, 3, 8))),
        ("12月13日，县科技特派员工作总结会召开。", ("meeting", date(2024, 12, 13))),
        ("5月28日，砀山县第三届直播电商节在县电商产业园开幕。", ("festival", date(2024, 5, 28))),
        ("5月10日，全省首条跨市低空物流航线首飞成功。", ("launch", date(2024, 5, 10))),
        ("9月20日，实验室将迎来首个公众开放日。", ("opening", date(2024, 9, 20))),
    ],
    ids=["salon", "summary-meeting", "ecommerce-festival", "first-flight", "open-day-ahead"],
)
def test_extract_events_salons_summaries_festivals_first_flights(text, expected):
    [c] = extract_events(text, ref=date(2024, 9, 1))

    assert (c.kind, c.start) == expected


@pytest.mark.parametrize(
    "text",
    ["我馆将于7月1日至7月15日闭馆，期间暂停对外开放。", "7月16日起恢复正常开放。"],
    ids=["closed", "reopening-after-closure"],
)
def test_extract_events_closure_notices_are_no_openings(text):
    assert extract_events(text, ref=date(2024, 6, 20)) == []


@pytest.mark.parametrize(
    "text",
    [
        "市妇联今年将计划开展女科技工作者培训、交流活动10场以上。",
        "今年县科协将组织科技下乡活动20场以上。",
        "全县将加强科技教育，2026年底前实现中小学科技辅导员培训全覆盖。",
    ],
    ids=["planned-activities", "target-count", "deadline-target"],
)
def test_extract_events_plans_and_target_counts_are_no_events(text):
    assert extract_events(text, ref=date(2024, 3, 9)) == []


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("11月6日，理工学院第五届创新周在主校区开幕。", ("理工学院第五届创新周", "festival")),
        ("7月15日，省青少年科学工作营在大学城开营。", ("省青少年科学工作营", "training")),
        ("4月20日，全市中学生机器人选拔赛在市体育馆举行。", ("全市中学生机器人选拔赛", "competition")),
        ("5月9日，县科协举办的无人机植保初赛在农业园举行。", ("无人机植保初赛", "competition")),
        ("3月2日，高新区举办科技人才专场招聘会。", ("科技人才专场招聘会", "meeting")),
        ("9月3日，市科技局举办青年科技工作者分享会。", ("市科技局青年科技工作者分享会", "meeting")),
        ("8月12日，县农业农村局在党校举办数字农业学习班。", ("县农业农村局数字农业学习班", "training")),
        ("縣教育處訂於7月22日在竹北國中辦理「STEAM教師研習營」。", ("STEAM教师研习营", "training")),
        ("8月16日，“黄河少年科学营”在兰州圆满结营。", ("黄河少年科学营", "training")),
        ("5月22日，位于经开区的首个加氢站建成投用。", ("首个加氢站建成投用", "opening")),
    ],
    ids=[
        "innovation-week",
        "work-camp",
        "selection-contest",
        "first-round",
        "job-fair",
        "sharing",
        "study-class",
        "tw-held",
        "camp-closes",
        "put-into-use",
    ],
)
def test_extract_events_weeks_camps_rounds_and_fairs(text, expected):
    [c] = extract_events(text, ref=date(2024, 12, 1))

    assert (c.title, c.kind) == expected
    assert c.dated


@pytest.mark.parametrize(
    "text",
    [
        "經發局表示，育成中心預計115年底完工、116年上半年啟用。",
        "项目预计明年底竣工投产。",
        "大桥预计于2026年建成通车。",
    ],
    ids=["roc-years", "next-year", "with-year"],
)
def test_extract_events_an_expected_completion_is_a_plan(text):
    assert extract_events(text, ref=date(2023, 11, 9)) == []


@pytest.mark.parametrize(
    "text",
    ["12月1日，第五届博览会开幕，预计吸引观众5万人次。", "3日，科技馆新馆开馆，预计全年接待观众50万人次。"],
    ids=["expo-visitors", "museum-visitors"],
)
def test_extract_events_an_expected_count_beside_an_event_keeps_it(text):
    assert len(extract_events(text, ref=date(2023, 11, 9))) == 1


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("1月17日，市政府新闻办举行新闻发布会，市科协负责同志介绍2023年科技活动周工作开展情况。", []),
        ("——2024年1月8日在某市第十六届人民代表大会第四次会议上", []),
        (
            "由市科技局主办的2024科技交流周将于本月21日至25日举行，活动包括开幕式暨主旨论坛、科技成果展、项目对接会等。",
            [("2024科技交流周", date(2024, 10, 21))],
        ),
        (
            "9月21日上午，县2024年全国科普日活动启动仪式在中心广场举行，县委常委韦某出席并宣布活动启动。",
            [("县2024年全国科普日活动启动仪式", date(2024, 9, 21))],
        ),
    ],
    ids=["briefing-at-a-press-conference", "congress-session", "what-it-includes", "declared-open"],
)
def test_extract_events_briefings_sessions_programmes_and_declarations_add_nothing(text, expected):
    assert [(c.title, c.start) for c in extract_events(text, ref=date(2024, 10, 1))] == expected


def test_extract_events_display_boards_are_no_exhibition():
    text = "9月21日，科普日活动在中心广场举行。活动现场，各成员单位设置了科普展板、咨询台和互动体验区。"

    assert [c.title for c in extract_events(text, ref=date(2024, 9, 22))] == ["科普日活动"]


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        (
            "5月19日，县科技活动周启动仪式在人民广场举行，副县长王强出席并宣布活动启动。",
            [("festival", "县科技活动周启动仪式")],
        ),
        ("仪式上，市长宣布“智慧社区”服务平台正式上线。", [("launch", "“智慧社区”服务平台上线")]),
    ],
    ids=["declared-start", "declared-launch-stays"],
)
def test_find_occurrences_a_declaration_is_not_an_event(sentence, expected):
    assert found(sentence) == expected


@pytest.mark.parametrize(
    ("sentence", "reason"),
    [
        ("颁奖典礼上，8名教师获评“优秀科技辅导员”。", "award"),
        ("开班仪式上，3家企业荣获“先进单位”称号。", "award"),
        ("今年科技周预计开展科普活动600余场，覆盖全市各区县。", "plan"),
        ("由市科协主办的第五届青少年机器人大赛即日起接受报名，截止日期为4月30日。", "registration"),
        ("今年以来，县农技中心已举办各类实用技术培训班22期。", "total"),
        ("明年，区科技局将谋划举办首届智能制造产业对接活动。", "plan"),
    ],
)
def test_find_occurrences_awards_forecasts_registrations_and_totals_are_not_events(sentence, reason):
    assert {o.not_event for o in find_occurrences(sentence)} == {reason}


def test_find_occurrences_an_edition_number_is_no_count():
    [occ] = find_occurrences("5月12日，县科协已举办第三期农技培训班。")

    assert (occ.title, occ.not_event) == ("第三期农技培训班", "")


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        (
            "为期5天的2024年全市家政服务技能培训班，18日在市职教中心结业。",
            [("training", "2024年全市家政服务技能培训班")],
        ),
        ("第三届青年创业大赛，昨日在高新区创业大厦落幕。", [("competition", "第三届青年创业大赛")]),
        ("“云端授课”体验区前排起了长队。", []),
    ],
    ids=["topic-then-day", "topic-then-yesterday", "verb-inside-a-quoted-name"],
)
def test_find_occurrences_a_name_asserted_by_the_clause_after_it(sentence, expected):
    assert found(sentence) == expected


def test_extract_events_sections_of_a_festival_are_its_programme():
    text = (
        "为期五天的\n\n实验小学第三届科技节\n\n于5月17日下午\n\n圆满落幕！\n\n"
        "本届科技节\n\n从5月13日开始\n\n设置了\n\n🛩 航模竞速赛\n\n🧪 小实验展示\n\n三大板块\n"
    )

    found = [(c.title, c.start, c.end) for c in extract_events(text, ref=date(2024, 5, 20))]

    assert found == [("实验小学第三届科技节", date(2024, 5, 13), date(2024, 5, 17))]


def test_extract_events_rows_of_a_programme_table():
    text = (
        "活动详情如下：\n\n| 活动名称 | 日期 | 时间 | 地点 |\n"
        "| 3D打印工作坊 | 11月2日 | 14:00-16:00 | 青少年宫 |\n"
        "| 天文观测讲座 | 11月9日 | 19:00-20:30 | 科技馆报告厅 |\n"
        "| 公众科学日 | 11月16日 | 09:00-17:00 | 科技馆 |\n\n报名由即日起至10月30日。\n"
    )

    found = [(c.title, c.start) for c in extract_events(text, ref=date(2024, 10, 20))]

    assert found == [
        ("3D打印工作坊", date(2024, 11, 2)),
        ("天文观测讲座", date(2024, 11, 9)),
        ("公众科学日", date(2024, 11, 16)),
    ]


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        ("22日，位于经开区的首个加氢站建成投用。", [("opening", "首个加氢站建成投用")]),
        ("3月1日，县第二污水处理厂正式投入使用。", [("opening", "县第二污水处理厂投入使用")]),
    ],
)
def test_find_occurrences_a_facility_put_into_service(sentence, expected):
    assert found(sentence) == expected


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        (
            "縣府訂於8月12日至14日在縣立圖書館辦理「智慧農業研習營」。",
            [("training", "智慧農業研習營")],
        ),
        ("市人社局将于6月开设直播电商技能培训班。", [("training", "直播电商技能培训班")]),
    ],
    ids=["taiwan-banli", "kaishe"],
)
def test_find_occurrences_banli_and_kaishe_assert_a_named_event(sentence, expected):
    assert [(k, t) for k, t in found(normalize(sentence))] == [(k, normalize(t)) for k, t in expected]


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        (
            "昨日，高新区举行智能装备招商推介会暨项目签约仪式，与5家企业签订投资协议。",
            [("meeting", "智能装备招商推介会暨项目签约仪式")],
        ),
        ("市民可即日起报名参加科普工作坊，名额有限。", [("training", "科普工作坊")]),
        (
            "展会期间，还将举办智能制造高峰论坛、工业软件成果发布会等5项重大活动和10余项专项活动。",
            [("meeting", "智能制造高峰论坛"), ("launch", "工业软件成果发布会")],
        ),
        (
            "展会期间还将举办10余场专题论坛和对接活动。",
            [("meeting", "10余场专题论坛"), ("other", "对接活动")],
        ),
    ],
    ids=["signing-part-of-a-joined-name", "sign-up", "named-during-with-a-count", "counted-sessions"],
)
def test_find_occurrences_joined_names_sign_ups_and_counted_lists(sentence, expected):
    assert found(sentence) == expected


@pytest.mark.parametrize(
    ("sentence", "reasons"),
    [
        ("市民可即日起报名参加科普工作坊，名额有限。", ["registration"]),
        ("展会期间，还将举办智能制造高峰论坛、工业软件成果发布会等5项重大活动和10余项专项活动。", ["", ""]),
        ("展会期间还将举办10余场专题论坛和对接活动。", ["programme", "programme"]),
    ],
)
def test_find_occurrences_which_list_items_are_events(sentence, reasons):
    assert [o.not_event for o in find_occurrences(sentence)] == reasons


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "本月19日（星期二）為館慶開放日，當日全館免費開放予公眾。",
            [("opening", "馆庆开放日", date(2024, 11, 19))],
        ),
        ("5月20日是我校第三届科技节，全校师生参加。", [("festival", "我校第三届科技节", date(2024, 5, 20))]),
        ("县科技馆今年十二月开馆十周年。", []),
        ("6月1日，县科技馆新馆开馆，恰逢建馆三十周年。", [("opening", "县科技馆新馆开馆", date(2024, 6, 1))]),
    ],
    ids=["tw-day-is-an-open-day", "day-is-a-festival", "anniversary", "opening-on-an-anniversary"],
)
def test_extract_events_a_day_said_to_be_an_event_and_anniversaries(text, expected):
    found = [(c.kind, c.title, c.start) for c in extract_events(text, ref=date(2024, 11, 12)) if c.dated]

    assert found == expected


@pytest.mark.parametrize(
    ("sentence", "reason"),
    [
        ("据悉，第三期培训班计划于10月开班。", "plan"),
        ("科技馆表示，9月还将推出“秋分观星”线上讲座，具体时间将另行通知。", "plan"),
        ("活动期间，每周六上午还将举办少儿编程体验课和科普讲座。", "recurring"),
        ("活动期间，每逢周日下午举办亲子工作坊。", "recurring"),
    ],
    ids=["planned-month", "date-to-come", "every-saturday", "every-sunday"],
)
def test_find_occurrences_plans_and_recurring_activities_are_not_events(sentence, reason):
    assert {o.not_event for o in find_occurrences(sentence) if o.named} == {reason}


@pytest.mark.parametrize(
    "text",
    [
        "3月5日，育成中心动土。经发局表示，中心预计明年底完工、后年第一季启用。",
        "4月8日，科创产业园项目开工仪式在高新区举行。项目预计2026年6月建成投产。",
    ],
    ids=["tw-expected-opening", "expected-completion"],
)
def test_extract_events_expected_completion_is_no_event(text):
    assert len(extract_events(text, ref=date(2024, 4, 9))) == 1


@pytest.mark.parametrize(
    ("text", "title"),
    [
        ("晋中科技成果展览会于12月19日开幕。", "晋中科技成果展览会"),
        ("全市农业成果展销会12月19日在榆次区举行。", "全市农业成果展销会"),
        ("第三届科普展12月19日在市科技馆开幕。", "第三届科普展"),
    ],
    ids=["exhibition-hall-fair", "sales-fair", "plain-show"],
)
def test_noun_trigger_ending_in_zhan_takes_the_longer_noun(text, title):
    assert [c.title for c in extract_events(text, ref=date(2026, 12, 4))] == [title]


@pytest.mark.parametrize(
    ("sentence", "reasons"),
    [
        ("闭幕式上，组委会宣布下届科博会将于明年9月举办。", ["plan"]),
        ("闭幕式上，举行了会旗交接仪式，第十届大赛将在宜宾举办。", ["plan"]),
        ("闭幕式上，第三届创新论坛同时举行。", [""]),
    ],
    ids=["next-edition", "next-numbered-edition", "held-at-the-closing"],
)
def test_find_occurrences_an_edition_to_come_is_a_plan(sentence, reasons):
    assert [o.not_event for o in find_occurrences(sentence)] == reasons


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "科学技术发展基金与青少年科技协会合办的「第十届青少年科技创新大赛」，将于十二月六日上午十时在科学馆举行颁奖礼。",
            ("第十届青少年科技创新大赛", date(2025, 12, 6)),
        ),
        (
            "由县农业农村局主办的《数字乡村》培训班，定于12月3日在县党校开班。",
            ("《数字乡村》培训班", date(2025, 12, 3)),
        ),
    ],
    ids=["quoted-contest", "titled-class"],
)
def test_a_quoted_name_ending_its_clause_is_dated_by_the_next(text, expected):
    assert [(c.title, c.start) for c in extract_events(text, ref=date(2025, 11, 28))][0] == expected


@pytest.mark.parametrize(
    ("sentence", "reason"),
    [
        ("获奖作品将推荐参加市级比赛。", "plan"),
        ("其中14支队伍将代表我县参加怀化市青少年机器人竞赛。", "plan"),
        ("其中6件作品将推荐参加8月在太原举行的省青少年科技创新大赛。", ""),
    ],
    ids=["recommended-entry", "team-entry", "dated-contest-stays"],
)
def test_find_occurrences_a_later_entry_into_a_contest_is_a_plan(sentence, reason):
    [contest] = find_occurrences(sentence)

    assert (contest.kind, contest.not_event) == ("competition", reason)
