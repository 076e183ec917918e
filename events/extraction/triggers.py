"""Finds event occurrences in one sentence from the trigger tables in ``patterns.py``.

An occurrence is either a named event (a noun phrase headed by 科技节, 大赛, 培训班…,
asserted by an occurrence verb or a locative: "…决赛成功举办", "咖啡节里") or a verb
event (揭牌, 签约, 投运…) titled from its subject. Plain Python: no Django.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from . import patterns as P
from .programme import programme_item
from .text import quoted_ranges, split_clauses
from .titles import (
    clean_subject,
    counted_title,
    generic_head,
    kind_of_name,
    split_top_level,
    strip_adverbs,
    trim_list,
    walk_noun_phrase,
)

# A quoted name ending in "展" is an exhibition ("「香港秋季電子產品展」"); a bare "展" is not a
# trigger ("发展", "开展").
# A trigger ending in "展" is not the whole noun when "览/销/洽/会" follows: "科技成果展览会" is a
# 展览会 (the title keeps its whole name), not a 成果展 with "览会" left over.
_LONGER_EXHIBITION = "(?![览销洽会])"
_NOUN_RE = re.compile(
    "|".join(
        re.escape(t) + (_LONGER_EXHIBITION if t.endswith("展") else "")
        for t in sorted(P.NOUN_TRIGGERS, key=len, reverse=True)
    )
    # and so is an unquoted one straight before its date, place or verb ("…科技展今（5）日起…")
    # a bare ceremony, not the end of a longer name ("，典禮定於10月13日…")
    + "|(?<![\u4e00-\u9fff“”「」『』])(?:"
    + "|".join(P.BARE_CEREMONIES)
    + ")"
    # or a clause's object ("大会还设置了乳业装备展，集中展示…")
    + "|(?<![发开进拓扩伸施参布筹撤办会延舒])展(?=[」”』，。；、]|$|今|昨|于|在|将|\\d|开幕|举办|举行|登场|亮相)"
)
_VERB_RES = tuple((re.compile(rx), kind, mode, strength) for rx, kind, mode, strength in P.VERB_TRIGGERS)
# One pass to skip the many sentences that hold no trigger at all.
_ANY_TRIGGER_RE = re.compile("|".join([_NOUN_RE.pattern] + [rx for rx, *_ in P.VERB_TRIGGERS]))
_DATELINE_RE = re.compile(P.DATELINE)
_PROGRAMME_SUMMARY_RE = re.compile(P.PROGRAMME_SUMMARY)
_HELD_COUNT_RE = re.compile(P.HELD_COUNT)
_COUNTED_RE = re.compile(P.COUNTED_EVENTS)
MAX_TITLE = 60
_FORECAST_RE = re.compile(P.FORECAST)
_DEADLINE_RE = re.compile(P.DEADLINE)
# "…将在赣州举办", "…将于明年5月举行": an edition still to come, told at this one's close.
_FUTURE_HOST_RE = re.compile(r"将(?:在|于)?[^，。；]{0,12}?(?:举办|举行)")
# "结业仪式上，", "颁奖典礼上，", "大会上，": at a ceremony of the event reported.
_AT_CEREMONY_RE = re.compile(r"[^，。；]{0,16}?(?:仪式|典礼|会)上[，,]")
# The comment of a topic clause: it opens with a day or a "于/在/将于" and says what happened.
_COMMENT_RE = re.compile(
    r"(?:[0-9０-９]{1,2}日|[0-9]{1,2}月[0-9]{1,2}日|[昨今明]日|[昨今明]天|将于|定于|于|在)[^，。；]{0,30}?(?:"
    + "|".join(P.OCCURRENCE_VERBS)
    + r")"
)
_VERB_ANY_RE = re.compile("|".join(rx for rx, *_ in P.VERB_TRIGGERS))
# "开幕式上，", "在签约仪式上，", "论坛期间，", "当天上午，": clause-initial, before a comma.
_DATE_ANAPHOR_RE = re.compile(
    r"在?(?:"
    + "|".join(sorted(P.DATE_ANAPHORS, key=len, reverse=True))
    + "|"
    + P.DATE_ANAPHOR_RE
    + r")"
    + P.ANAPHOR_TIME  # and its time: "当天上午，", "开幕当日下午四时，", "活动当天19:30，"
    + r"?(?=[，,]|$)"
    # "期间将举办展览、讲座…", "届时还将…": no comma, straight into what happens during it
    + r"|(?:期间|届时)(?=将|还|共|举办|举行|开展|组织)"
)
# "創新周期間，", "观摩会上，", "开园当天，", "大赛期间还举办了…", "旱农会期间，" (any …会): at an
# event named before. Tried only when a clause's first words hold one of these endings (a long
# alternation behind a lazy prefix is slow to fail on every clause).
_EVENT_ANAPHOR_ENDS_RE = re.compile(r"期间|现场|当天|当日|首日|会上")
_EVENT_ANAPHOR_RE = re.compile(
    r"[\u4e00-\u9fff“”「」]{0,12}?(?:"
    + "|".join(sorted(set(P.NOUN_TRIGGERS) - {"活动"} | set(P.OCCASION_VERBS), key=len, reverse=True))
    + r"|会)(?:(?:期间|现场|当天|当日|首日)(?:"
    + "|".join(P.TIMES_OF_DAY)
    + r")?(?=[，,])|期间(?=将|还|共|举办|举行|开展|组织)"
    # "展览首日下午3时将举行…成立大会", "论坛首日还发布了…": no comma, straight into what happened
    + r"|(?:当天|当日|首日)(?:"
    + "|".join(P.TIMES_OF_DAY)
    + r")?(?:\d{1,2}[时点](?:\d{1,2}分|半)?)?(?=将|还|举行|举办|召开))"
    # "观摩会上，": a meeting's "上"; "运动会上，运动员们…" is only being at a contest
    + r"|[\u4e00-\u9fff“”「」]{0,12}?(?<!运动)会上(?=[，,])"
)
# "同日举行", "当天召开": a same-day anaphor straight before the occurrence verb, mid-clause.
_INNER_ANAPHOR_RE = re.compile(
    r"(?:同日|同一天|当天|当日|同期|同场)(?:上午|下午|中午|晚上|晚间)?(?=举行|举办|召开|开展|还|也|又|将|亦)"
)
# The same-day anaphor after the name it dates, its subject: "首个临时展览“天宫之旅”同日开展",
# "首檔特展「海洋能源」同日開展，展至6月30日止" opens on the day of the event just told. A quoted
# name may stand between the trigger and the anaphor.
_ANAPHOR_AFTER_RE = re.compile(
    r"(?:[“「『《][^”」』》]{1,40}[”」』》]|[”」』》])?(同日|同一天|当天|当日)(?:上午|下午|中午|晚上|晚间)?"
    r"(?=开展|开幕|开放|展出|开馆|揭幕|亮相|启动|开班|开营|举行|举办|召开|上线)"
)
# A contest someone will enter later, named as what they enter: "获奖作品将推荐参加市级比赛", "14支队伍将代表
# 我县参加怀化市青少年机器人竞赛". A plan of the entrants, not an event of the report (unless the sentence
# dates it: then it is read as usual).
_LATER_ENTRY_RE = re.compile(r"(?:将|推荐|选送|拟|有望)[^，。；]{0,10}?(?:参加|参赛|角逐|晋级)$")
_DAY_AFTER_RE = re.compile(r"\d{1,2}[月日]|[一二三四五六七八九十]{1,2}月|明年|下月")
# "开馆十五周年", "成立10周年": an anniversary of the verb's event.
_ANNIVERSARY_RE = re.compile(r"[\d一二三四五六七八九十百]{1,4}周年")
# "预计明年底完工、后年第一季启用": an expected completion, not an occurrence.
_EXPECTED_RE = re.compile(r"预计[^，。；]{0,10}?(?:完工|竣工|启用|投用|投产|开业|建成|开放|运营)")
# A day said to be the event: "本月19日（星期二）為館慶開放日", "5月20日是…科技活动日".
_DAY_IS_RE = re.compile(r"[\d一二三四五六七八九十]{1,3}[日号](?:[（(][^）)]{1,6}[）)])?(?:为|是)[“「]?$")
# A day printed in a clause ("将于11月20日", "本月十四日"): enough to tell a dated ceremony.
_DAY_RE = re.compile(r"[\d一二三四五六七八九十]{1,3}\s*[日号]")
# "…等活动", "…等系列活动": what closes a list of events.
_LIST_TAIL_RE = re.compile(
    r"等(?:系列|多项|一系列|各类)?活动$"
    # "…推介会等6项重大活动和20余项专项活动": a counted tail
    r"|等[\d一二三四五六七八九十百千]+[余多]?(?:项|场|个|类)[^、，。；]{0,24}活动$"
)
# "展览首日", "大会当天": a bare name followed by one of its days is a time, not an occurrence.
_DAY_OF_EVENT = ("首日", "当天", "当日", "次日", "首天", "最后一天")
# "孵化器还与…签订了…": an addition to the event just told (see ALSO_RE).
_ALSO_RE = re.compile(P.ALSO_RE)
_ORDINAL_RE = re.compile(r"第[0-9零〇一二两三四五六七八九十百]+(?:届|次|期)|首届")
_PLACE_PP_RE = re.compile(r"^(?:在|于)[^给为向对]{1,20}?(?:里|内|上|中)")
_BENEFACTIVE_RE = re.compile(r"^(?:给|为|向)\w{1,6}?(?:们|群众|农户|村民|居民|学生|企业)")
_DEMONSTRATIVE_RE = re.compile(r"(?:如今|目前|现在)?[，,]?(?:这款|这个|这些|这项|这一|该|此)")
_VENUE_BEFORE_VERB_RE = re.compile(r"(?:在|于)[\w·]{1,15}?(?=签署|签订)")
# What stands between a signer and its partner but names neither: the day and the venue
# ("工研院今（8）日在新竹工研院中興院區與…簽署" → "工研院与…签署").
_ASIDE_BEFORE_PARTNER_RE = re.compile(r"(?:" + "|".join(P.TITLE_TIME_WORDS) + r"|(?:在|于)[\w·（）]{2,20}$)")
# What a signing is for, straight after the verb: "签约共建煤化工新材料联合实验室", "签约落户".
_PURPOSE_RE = re.compile(r"(?:共建|合建|共同建设|落户|入驻|合作建设)[\w“”·（）]{0,24}")
# The counted object after a verb with no subject: "签约项目120个", "揭牌平台3家".
_COUNT_AFTER_RE = re.compile(r"(\w{0,4}?(?:项目|平台|企业|基地))" + P.NUMBER + r"(个|家|项)")
# A clause opening with an organisation: the subject that holds the event ("吕梁市科协联合…").
_ORGANISER_RE = re.compile(r"([\u4e00-\u9fff·]{1,12}?(?:" + "|".join(P.ORGANISER_SUFFIXES) + r"))")
# "今年全市科协系统将开展…": a time or a "whole city" is no organiser's name.
_NOT_ORGANISER_STARTS = ("全", "各", "本", "该", "我", *P.NOT_PLACE_TIMES)
_CLAUSE_START_RE = re.compile(r"[，,]")
# A name that already says whose or where it is: a year, a quote-less national/provincial word.
_OWNED_NAME_RE = re.compile(r"(?:19|20)\d\d|全国|全省|全市|全区|全县|中国|首届|第")
_YEAR_AFTER_RE = re.compile(r"(?:19|20)\d\d(?!\d|年)")
# A verb event whose subject is only where it happened ("现场签约项目8个") is part of the named event before it.
_SCENE_SUBJECTS = ("现场", "当场", "会上", "同时", "")
_ORG_RE = re.compile(r"[\w·]{0,14}?(?:" + "|".join(P.ORG_SUFFIXES) + ")")


@dataclass(slots=True)
class Occurrence:
    """One event occurrence in a sentence; offsets are relative to the sentence text."""

    kind: str
    title: str
    start: int  # the trigger (or the named phrase) in the sentence
    end: int
    clause: tuple[int, int]
    strength: float
    anaphoric: bool = False  # "本届科技节", "此次活动": the event named before in the report
    generic: bool = False  # a bare "科技节": refers to a fuller name in the article
    habitual: bool = False  # "多次举办", "已举办各类…": never a single day
    # Why this is neither an event nor evidence of one ("total", "press", "programme"), or "".
    not_event: str = ""
    date_anaphor: str = ""  # "开幕式上": on the day of the last dated event of the report
    occasion: bool = False  # a named event one is at ("签约仪式上"), not asserted by a verb
    demonstrative: bool = False  # "这款…新产品已全面上市": the subject points back to a thing named before
    named: bool = False  # a named event ("…培训班"), not a verb event ("…揭牌")
    scene: bool = False  # a verb event with no subject but the scene: "现场签约项目8个"
    organiser: str = ""  # shown before the title ("榆次区人社局"), kept out of the key
    part: bool = False  # named in a sentence about an earlier event: a part of it unless dated
    anaphor_at: int = 0  # where ``date_anaphor`` stands in the sentence (0: it opens it)
    closing: bool = False  # reported by a closing verb ("闭幕", "结业"): its day is the last
    programme: bool = False  # a programme line's item ("14:00—17:30　…发布会"): dated by the day above


def find_occurrences(sentence: str) -> list[Occurrence]:
    """The occurrences a sentence reports, in order; [] for speech, means and non-events.

    A sentence that refers back to an event ("本届科技节以…为主题，涵盖…签约、…培训")
    yields the anaphoric occurrence first; the named events after it are marked ``part``:
    that event's programme, unless their own clause dates them ("决赛定于6月18日…举行").
    """
    if not _ANY_TRIGGER_RE.search(sentence) or sentence.rstrip().endswith(("？", "?")):
        return []  # nothing to report, or a question ("今年科技节什么时候举办？")
    quotes = [q for q in quoted_ranges(sentence) if _is_speech(sentence[q[0] : q[1]])]
    # A dateline opens the report, not the sentence: "本报讯（记者 张三）开幕式上，…".
    lead = _DATELINE_RE.match(sentence)
    lead_end = lead.end() if lead else 0
    if sentence.startswith(P.PLAN_OPENERS, lead_end):
        return []  # "下一步，全市将建立…": a plan, not an occurrence
    anaphor = _date_anaphor(sentence[lead_end:])
    found: list[Occurrence] = []
    head: Occurrence | None = None  # an anaphoric occurrence: the sentence is about that event
    head_clause = ""
    for c_start, c_end in _topic_clauses(sentence, split_clauses(sentence)):
        c_start = max(c_start, lead_end)
        if c_start >= c_end:
            continue
        clause = sentence[c_start:c_end]
        if clause.startswith(P.MEANS_OPENERS) or _has_any(clause, P.GENERAL_MARKERS):
            continue
        for occ in _clause_occurrences(sentence, c_start, c_end, opening=c_start == lead_end):
            if any(q0 <= occ.start < q1 for q0, q1 in quotes):
                continue
            # "典礼同场将举办…", "电商节还举办了…": an event of its own at the one just told
            inner = _INNER_ANAPHOR_RE.search(sentence, c_start, occ.start) or _ALSO_RE.search(
                sentence, c_start, occ.start
            )
            if head is not None and not (
                inner and (_ALSO_RE.match(inner.group()) or _DAY_RE.search(head_clause))
            ):
                # "本届大赛设置…，决赛定于6月18日…举行": kept only with a date of its own; what the
                # event "还" held is an event of its own ("电商节还举办了…推介会"), and so is one held
                # "同场" with a dated ceremony ("颁奖典礼将于11月20日举行，典礼同场将举办…媒合会")
                occ.part = True
            elif (
                occ.anaphoric and found and (found[-1].kind == occ.kind or (occ.generic and _closes(clause)))
            ):
                # "第六届科技节在操场开幕，本届科技节为期一周": the one just named; so is a bare name
                # that closes after it ("博览会开幕，大会将持续至19日结束"), whose end dates that event
                continue
            elif occ.anaphoric:
                head, found = occ, []
                head_clause = sentence[c_start:c_end]
                continue
            # Markers up to the end of the occurrence's clause: "…将于6月1日至3日举办，报名截止…"
            # is one event with a deadline after it, not a cumulative statement.
            occ.not_event = _not_event(sentence, c_start, c_end, occ)
            occ.habitual = _has_any(sentence[:c_end], P.CUMULATIVE_MARKERS)
            occ.closing = _has_any(sentence[occ.end : c_end], P.CLOSING_VERBS)
            occ.date_anaphor = anaphor or _date_anaphor(sentence[c_start:c_end])
            if not occ.date_anaphor and inner:  # "贸发局同日举行「创新科技研讨会」": inside the clause
                occ.date_anaphor, occ.anaphor_at = inner.group(), inner.start()
            after = _ANAPHOR_AFTER_RE.match(sentence, occ.end, c_end)
            if not occ.date_anaphor and after:  # "…特展「…」同日开展": after the name it dates
                occ.date_anaphor, occ.anaphor_at = after.group(1), after.start(1)
            found.append(occ)
    if head is not None:
        return [head] + [o for o in found if o.named]
    return _drop_verbs_of_named(_drop_occasions_of_verbs(found))


def _topic_clauses(sentence: str, clauses: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """Clauses, with a name that ends its clause joined to the clause that dates and asserts it:
    "为期10天的…骨干培训班，30日在拉萨市农牧科学研究所结业" is one clause (a topic and its comment)."""
    out: list[tuple[int, int]] = []
    for start, end in clauses:
        if out and _is_topic(sentence, *out[-1]) and _COMMENT_RE.match(sentence, start, end):
            out[-1] = (out[-1][0], end)
        else:
            out.append((start, end))
    return out


def _is_topic(sentence: str, start: int, end: int) -> bool:
    """Whether a clause ends with an event name and holds no verb of its own."""
    # a quoted name ends it too: "…合办的「第十届青少年科技创新大赛」，将于…举行颁奖礼"
    clause = sentence[start:end].rstrip().rstrip("」』”》")
    # the last name, not the first: "「…竞赛」决赛" ends with 决赛, though 竞赛 is found first
    ends = any(m.end() == len(clause) for m in _NOUN_RE.finditer(clause, max(0, len(clause) - 6)))
    return ends and not _has_any(clause, P.OCCURRENCE_VERBS)


def _not_event(sentence: str, c_start: int, c_end: int, occ: Occurrence) -> str:
    """Why an occurrence in ``sentence[c_start:c_end]`` is no event of its own, or "".

    - "total": a total over a period ("今年以来，已累计举办各类科技培训班46期").
    - "press": a press conference that announces an event ("科普日活动新闻发布会召开", "上月举行记者会");
      the event it announces is reported in its own sentence.
    - "plan": a year's plan of activities ("计划开展…培训").
    - "award": plaques handed to someone at a ceremony ("为首批10个…基地授牌").
    - "programme": a summary of an event's programme ("开展科普讲座、科技展览等200余场活动"), a class
      of events ("各类技术培训班", "一系列庆祝活动"), or the parts an event includes ("活动包括…").
    - "session": a session of a people's congress or political consultative conference.
    - "recurring": a weekly or daily activity ("每周六晚还将举办…讲座").
    """
    if _has_any(sentence[:c_end], P.TOTAL_MARKERS) or _HELD_COUNT_RE.search(sentence, c_start, c_end):
        return "total"
    if _has_any(sentence[c_start:c_end], P.PRESS_CONFERENCES):
        return "press"
    if _has_any(sentence[c_start : occ.start], P.BRIEFING_VERBS) and _has_any(sentence, P.PRESS_CONFERENCES):
        return "press"  # "…举行新闻发布会，市科协负责同志介绍2023年科技节工作开展情况"
    if occ.title.startswith(P.NEXT_EDITION) or (
        _date_anaphor(sentence).startswith(P.CLOSING_CEREMONIES)
        and _FUTURE_HOST_RE.match(sentence, occ.end, c_end)
    ):
        return "plan"  # "宣布下届数博会将于明年5月举办", "闭幕式上，…第40届大赛将在赣州举办"
    if _has_any(sentence[c_start : occ.start], P.PLAN_VERBS):
        return "plan"  # "计划开展女科技工作者培训、交流活动10场以上"
    if _LATER_ENTRY_RE.search(sentence, c_start, occ.start) and not _DAY_AFTER_RE.search(sentence, occ.end):
        return "plan"  # "获奖作品将推荐参加市级比赛": the winners' later entry
    if occ.title.startswith(P.EVENT_CLASSES) or _has_any(sentence[c_start : occ.start], P.INCLUDING_WORDS):
        return "programme"  # "今年已举办各类技术培训班14期", "活动包括开幕式暨主旨论坛、科技成果展…"
    if _has_any(occ.title, P.POLITICAL_SESSIONS):
        return "session"  # "在萍乡市第十六届人民代表大会第四次会议上"
    if sentence.startswith(P.AWARD_VERBS, occ.end - 2) and "为" in sentence[c_start : occ.start]:
        return "award"  # "启动仪式上，县科协为5所“科普示范学校”授牌": plaques handed out at the ceremony
    if _AT_CEREMONY_RE.match(sentence) and _has_any(occ.title, P.AWARD_RECEIVED):
        return "award"  # "结业仪式上，12名学员获评“优秀学员”"
    if _FORECAST_RE.search(sentence, c_start, c_end):
        return "plan"  # "今年活动周预计开展各类科普活动1200余项"
    if _DEADLINE_RE.search(sentence, c_start, occ.start):
        return "plan"  # "2026年底前实现中小学科技辅导员培训全覆盖": a target with its deadline
    if _has_any(sentence[occ.end : c_end], P.PLAN_AFTER) or _has_any(sentence, P.DATE_TO_COME):
        return "plan"  # "第二期研修班计划于9月开班", "…讲座，具体时间将另行通知"
    if _has_any(sentence[c_start : occ.start], P.RECURRING):
        return "recurring"  # "活动期间，每周六晚还将举办…科普讲座"
    if _has_any(sentence[occ.end : c_end], P.REGISTRATION_OPENS) or _has_any(
        sentence[c_start : occ.start], P.SIGN_UP_VERBS
    ):
        return "registration"  # "第二届…比赛即日起接受报名"
    summary = _PROGRAMME_SUMMARY_RE.search(sentence, occ.start, c_end)
    if _COUNTED_RE.match(occ.title):
        return "programme"  # "将举办20余场专题论坛", "逾30場論壇"
    if _COUNTED_RE.search(sentence, c_start, occ.start) and (
        occ.title.endswith("活动") or not _named_in_full(occ.title)
    ):
        return "programme"  # "20余场专题论坛和对接活动": unnamed sessions after a count
    if summary and summary.start() >= occ.start and not _named_during(sentence, occ):
        return "programme"  # "开展科普讲座、科技展览等200余场活动"
    return ""


def _named_during(sentence: str, occ: Occurrence) -> bool:
    """Whether an event named in full is told in a sentence of its own about the period of another
    ("科博会期间，还将举办国际先进制造业大会、…等6项重大活动"): an event during it, not a summary."""
    return occ.named and _named_in_full(occ.title) and "期间" in _date_anaphor(sentence)


def noun_triggers(text: str) -> list[tuple[int, int, str]]:
    """(start, end, kind) of every event noun in ``text`` that does not name a building ("会议中心")."""
    return [
        (m.start(), m.end(), P.NOUN_TRIGGERS.get(m.group(), kind_of_name(m.group())))
        for m in _NOUN_RE.finditer(text)
        if m.group() != "活动" and not text.startswith(P.NOT_EVENT_AFTER, m.end())
    ]


def _drop_occasions_of_verbs(found: list[Occurrence]) -> list[Occurrence]:
    """Drop "签约仪式" in "在…签约仪式上，12个项目集中签约": the signing is the event."""
    verbs = [o for o in found if not o.occasion]
    return [
        o for o in found if not (o.occasion and any(v.kind == o.kind and v.start > o.start for v in verbs))
    ]


def _drop_verbs_of_named(found: list[Occurrence]) -> list[Occurrence]:
    """Drop "正式发布新一代…" after "…新品发布会…举行": a verb of the named event's own kind is that event."""
    kinds = {o.kind for o in found if o.named and not o.occasion and not o.generic}
    # "招商推介会暨项目签约仪式": each part joined by 暨 is of the event ("…签订投资协议" is its signing)
    kinds |= {
        kind_of_name(part)
        for o in found
        if o.named and not o.occasion and "暨" in o.title
        for part in o.title.split("暨")[1:]
    }
    named = [o for o in found if o.named and not o.occasion]
    if kinds:  # "…媒合会将于…举行，预计有120家企业参展": those taking part in the named event
        found = [o for o in found if o.named or not o.title.endswith(P.PARTICIPATION_VERBS)]
    return [
        o
        for o in found
        if o.named or (o.kind not in kinds and not (o.scene and any(n.start < o.start for n in named)))
    ]


def _clause_occurrences(sentence: str, c_start: int, c_end: int, *, opening: bool) -> list[Occurrence]:
    """Named events of a clause, else its verb events. ``opening``: the sentence's first clause."""
    clause_span = (c_start, c_end)
    floor = c_start + len(_date_anaphor(sentence[c_start:c_end]))
    named = _named_events(sentence, floor, c_end, opening=opening)
    verbs = _verb_events(sentence, floor, c_end, named)
    out = [
        Occurrence(
            kind,
            title,
            s,
            e,
            clause_span,
            strength,
            anaph,
            generic,
            occasion=_is_occasion(sentence, e, c_end),
            named=True,
            organiser=organiser,
            programme=programme,
        )
        for kind, title, s, e, strength, anaph, generic, organiser, programme in named
    ]
    return out + [
        Occurrence(
            kind,
            title,
            s,
            e,
            clause_span,
            strength,
            anaph,
            demonstrative=_DEMONSTRATIVE_RE.match(sentence, floor) is not None,
            scene=strip_adverbs(sentence[floor:s], leading=True) in _SCENE_SUBJECTS,
        )
        for kind, title, s, e, strength, anaph in verbs
    ]


def _is_occasion(sentence: str, stop: int, end: int) -> bool:
    """Whether a named event ending at ``stop`` is only the setting ("…仪式上", "…期间")."""
    verb = next((v for v in P.OCCURRENCE_VERBS if v in sentence[stop:end]), "")
    return sentence.startswith(P.EVENT_LOCATIVES, stop) and not verb


def _named_events(sentence: str, floor: int, end: int, *, opening: bool = False) -> list[tuple]:
    """(kind, title, start, end, strength, anaphoric, generic, organiser, programme) of the event noun
    phrases in a clause.

    A bare name opening the sentence ("活动由…主办", "会议总结了…") refers back to the
    event just reported, like "此次活动"; with a locative ("咖啡节里，…") it does not.
    """
    clause = sentence[floor:end]
    verb = next((v for v in P.OCCURRENCE_VERBS if v in clause), "")
    phrases: list[tuple[int, int]] = []
    for match in _NOUN_RE.finditer(sentence, floor, end):
        if sentence.startswith(P.NOT_EVENT_AFTER, match.end()):
            continue  # "上党门会议中心" is a building
        start = walk_noun_phrase(sentence, match.start(), floor)
        stop = match.end() + (4 if _YEAR_AFTER_RE.match(sentence, match.end()) else 0)  # "创科博览2024"
        if phrases and _joined(sentence, phrases[-1], start, match.end()):
            phrases[-1] = (phrases[-1][0], stop)  # "「AI应用创新竞赛」决赛及颁奖典礼"
        elif phrases and start <= phrases[-1][1] and start >= phrases[-1][0]:
            phrases[-1] = (phrases[-1][0], stop)  # "宣讲会、培训会", "科技节暨…活动"
        elif phrases and phrases[-1][0] >= start:
            phrases[-1] = (start, stop)
        else:
            phrases.append((start, stop))
    out = []
    for start, stop in (span for phrase in phrases for span in _split_mixed_list(sentence, *phrase)):
        item = programme_item(sentence, start, stop)  # "14日下午，“…”分论坛；"
        start = start if item is None else item
        after_verb = sentence.endswith(P.OCCURRENCE_VERBS, floor, start) or (
            start > floor
            and sentence[start - 1] in P.OPEN_QUOTES
            and sentence.endswith(P.OCCURRENCE_VERBS, floor, start - 1)
        )  # "举行「创新论坛2024」"
        start = stop - len(trim_list(sentence[start:stop], object_of_verb=after_verb))
        name = sentence[start:stop]
        anaphor = min((i for i in (name.find(a) for a in P.EVENT_ANAPHORS) if i > 0), default=-1)
        if anaphor > 0:  # "预计今届科技周": the name starts at the anaphor
            start, name = start + anaphor, name[anaphor:]
        if "宣布" in name:
            continue  # "…出席并宣布活动启动": a declaration of the event reported, not a name
        generic = name in P.GENERIC_NAMES
        if generic and sentence.startswith(_DAY_OF_EVENT, stop):
            continue  # "…表示，展览首日同场举行「论坛」": a day of the event told, the forum is the news
        anaphoric = (
            name.startswith(P.EVENT_ANAPHORS)
            or (generic and opening and start == floor and not sentence.startswith(P.EVENT_LOCATIVES, stop))
            or (generic and start == floor and _closes(clause))  # "…开幕，展会将于19日闭幕"
        )
        if item is not None:
            anaphoric = False  # "9:30 开幕式": a programme item of its own day, not the event told before
        elif not anaphoric and (name == "活动" or not _asserted(sentence, start, stop, end, verb)):
            continue
        strength = 0.9 if verb else 0.6
        organiser = _organiser_prefix(sentence, start) if after_verb and not anaphoric and not generic else ""
        kind = kind_of_name(name, verb)
        out.append((kind, name, start, stop, strength, anaphoric, generic, organiser, item is not None))
    return out


def _organiser_prefix(sentence: str, name_start: int) -> str:
    """The organiser a curator puts before an event named as an object: "榆次区人社局" in
    "上周五，榆次区人社局在…基地举办电商直播技能培训"; "" when the name already says whose or
    where it is ("2024年长治市…培训班", "全国科普日…") or no clause before it opens with one.
    """
    name = sentence[name_start : name_start + 8]
    if _OWNED_NAME_RE.match(name) or any(unit in name for unit in P.ADMIN_UNITS[:4]):
        return ""
    lead = _DATELINE_RE.match(sentence)
    found = ""
    for clause_start in [lead.end() if lead else 0] + [
        m.end() for m in _CLAUSE_START_RE.finditer(sentence, 0, name_start)
    ]:
        org = _ORGANISER_RE.match(sentence, clause_start, name_start)
        if org and not org.group(1).startswith(_NOT_ORGANISER_STARTS):
            found = org.group(1)
            partner = _ORGANISER_RE.match(sentence, org.end() + 1, name_start)
            if sentence[org.end() : org.end() + 1] in ("与", "和") and partner:
                found += "与" + partner.group(1)  # "国立台湾大学与日本东京大学…举行…签约仪式"
    return found


def _joined(sentence: str, previous: tuple[int, int], start: int, stop: int) -> bool:
    """Whether a name joined to the previous one by "及"/"和" is part of one event of one kind."""
    gap = sentence[previous[1] : start]
    return gap in ("及", "和", "暨") and kind_of_name(sentence[previous[0] : previous[1]]) == kind_of_name(
        sentence[start:stop]
    )


def _split_mixed_list(sentence: str, start: int, stop: int) -> list[tuple[int, int]]:
    """A list of different kinds of events as separate spans: "举办农产品展销会、科技讲座".

    A list of one kind stays one event ("召开高企申报辅导宣讲会、培训会").
    """
    items = split_top_level(sentence[start:stop])
    tail = _LIST_TAIL_RE.search(items[-1]) if len(items) > 1 else None
    if tail and tail.start() > 0:  # "…推介会、…技能大赛等活动": the list's own events, not an "活动"
        items[-1] = items[-1][: tail.start()]
    if len(items) < 2 or not all(_NOUN_RE.search(item) and generic_head(item) for item in items):
        return [(start, stop)]
    # One kind stays one event ("召开高企申报辅导宣讲会、培训会") unless each item is named in full
    # ("旱区农业科技创新论坛、农业科技成果转化对接会": two meetings).
    if len({kind_of_name(item) for item in items}) == 1 and not all(_named_in_full(item) for item in items):
        return [(start, stop)]
    spans, pos = [], start
    for item in items:
        spans.append((pos, pos + len(item)))
        pos += len(item) + 1
    return spans


def _named_in_full(item: str) -> bool:
    """A list item with a name of its own before its head: "农业科技成果转化对接会", not "培训会"."""
    head = generic_head(item)
    return len(item.strip("“”「」")) - len(head) >= 4


def _asserted(sentence: str, start: int, stop: int, end: int, verb: str) -> bool:
    """Whether a named event is reported as happening, not just named.

    It is when its clause has an occurrence verb ("成功举办", "召开"), when it is a place
    one is at ("运动会上", "咖啡节里"), when it carries an edition ("第十二届…大赛"), or when a day
    is said to be it ("本月19日（星期二）為館慶開放日"). A phrase headed by "活动" needs the verb.
    """
    name = sentence[start:stop]
    if name.endswith("活动"):
        return bool(verb)
    if verb or sentence.startswith(P.EVENT_LOCATIVES, stop) or _DAY_IS_RE.search(sentence, 0, start):
        return True
    return bool(_ORDINAL_RE.search(name))


def _verb_events(sentence: str, floor: int, end: int, named: list[tuple]) -> list[tuple]:
    """(kind, title, start, end, strength, anaphoric) of the verb triggers of a clause not inside a named event.

    A subject opened by "此次"/"本次" ("此次集中签约的23个项目") refers back to the report's event.
    """
    out: list[tuple] = []
    if not _VERB_ANY_RE.search(sentence, floor, end):
        return out
    # A verb inside a quoted name that goes on after the quote ("“太空授课”互动剧场") names a thing.
    names = [
        (q0, q1) for q0, q1 in quoted_ranges(sentence) if q1 + 1 < len(sentence) and _is_cjk(sentence[q1 + 1])
    ]
    if _has_any(sentence[floor:end], P.GOAL_MARKERS) or _EXPECTED_RE.search(sentence, floor, end):
        return out  # "确保项目早开工、早投产": a goal
    for regex, kind, mode, strength in _VERB_RES:
        for match in regex.finditer(sentence, floor, end):
            if sentence.startswith(P.NOT_OCCURRENCE_AFTER, match.end()) or _ANNIVERSARY_RE.match(
                sentence, match.end()
            ):
                continue  # "…以来", "開館十五周年": a time since the opening, not the opening
            if any(q0 <= match.start() and match.end() <= q1 for q0, q1 in names):
                continue
            if any(s <= match.start() < e or s <= match.end() <= e for _, _, s, e, *_ in named):
                continue
            if named and not any(sentence.startswith(P.EVENT_LOCATIVES, e) for _, _, s, e, *_ in named):
                continue  # "科技节…在…开幕": the named event is the occurrence
            if _declared(sentence, floor, match.start()):
                continue  # "部长…出席并宣布活动启动": the ceremony's words, the ceremony is the event
            title = _verb_title(sentence, floor, end, match, mode)
            if match.group().endswith(("揭幕", "开幕")) and title.endswith(match.group()):
                named_kind = kind_of_name(title.removesuffix(match.group()))
                kind = named_kind if named_kind != "other" else kind  # "秋电展揭幕": the fair opens
            purpose = _PURPOSE_RE.match(sentence, match.end(), end) if kind == "signing" else None
            if title and purpose and title.endswith(match.group()):
                title = _cap(title + purpose.group())  # "…与太原理工大学签约共建…联合实验室"
            if "宣布" in title:  # "市长宣布“智慧社区”服务平台正式上线": what was declared
                title = title[title.rfind("宣布") + 2 :]
            if title:
                anaphoric = sentence.startswith(P.EVENT_ANAPHORS, floor)
                out.append((kind, title, match.start(), match.end(), strength, anaphoric))
    return out


def _is_cjk(ch: str) -> bool:
    return "\u4e00" <= ch <= "\u9fff"


def _declared(sentence: str, floor: int, verb_at: int) -> bool:
    """Whether a verb event is an official declaring an event open ("宣布活动启动", "宣布大会开幕"),
    with nothing but a bare name between: the declaration is part of the ceremony reported."""
    at = sentence.rfind("宣布", floor, verb_at)
    return at >= 0 and sentence[at + 2 : verb_at].strip("“”「」") in P.GENERIC_NAMES | {"", "正式"}


def _verb_title(sentence: str, floor: int, end: int, match: re.Match, mode: str) -> str:
    """A title for a verb event, by the trigger's title mode (see VERB_TRIGGERS)."""
    verb = strip_adverbs(match.group(), leading=True)
    if mode == "clause":
        return _cap(sentence[floor:end].strip())
    if mode == "object":
        return _cap(match.group()[2:] if match.group().startswith(("实现", "开展")) else match.group())
    if mode == "phrase":
        partner = sentence.rfind("与", floor, match.start())
        if partner >= 0:
            # Keep a short subject ("晋中市与山西大学签署…"); a long one is a sentence of its own.
            start = floor if partner - floor <= 20 else partner
            signer = strip_adverbs(_ASIDE_BEFORE_PARTNER_RE.sub("", sentence[start:partner]))
            # "…在太原签订…" → "…签订…"
            return _balanced(signer + _VENUE_BEFORE_VERB_RE.sub("", sentence[partner : match.end()]))
        subject = clean_subject(sentence[floor : match.start()])
        return subject + match.group()
    subject = clean_subject(sentence[floor : match.start()])
    subject = subject if len(subject) >= 2 else ""  # "新签约项目57个": "新" is no subject
    counted = _COUNT_AFTER_RE.match(sentence, match.end())
    if not subject and counted:  # "共签约项目120个" → "项目签约(120个项目)"
        return counted_title(f"{counted.group(2)}{counted.group(3)}{counted.group(1)}", verb)
    if not subject:
        subject = _actor(sentence, match.start())
        rest = _PLACE_PP_RE.sub("", sentence[floor : match.start()])
        rest = _BENEFACTIVE_RE.sub("", rest)  # "给果农们现场授课" → "现场授课"
        subject = subject + rest if subject else ""
    return _cap(counted_title(subject, verb)) if subject else ""


def _balanced(title: str) -> str:
    """A title with the quotes it opened closed: "签署的「半导体…备忘录" → "签署「半导体…备忘录」"."""
    for open_mark, close_mark in zip(P.OPEN_QUOTES, P.CLOSE_QUOTES, strict=True):
        if title.count(open_mark) > title.count(close_mark):
            title = title.replace("的" + open_mark, open_mark) + close_mark
    return title


def _cap(title: str) -> str:
    """At most MAX_TITLE characters, keeping the end: the verb and the thing it happened to."""
    return title if len(title) <= MAX_TITLE else title[-MAX_TITLE:]


def _actor(sentence: str, before: int) -> str:
    """The nearest organisation named before ``before`` ("左权农业科技特派团"), or ""."""
    found = ""
    for match in _ORG_RE.finditer(sentence, 0, before):
        start = walk_noun_phrase(sentence, match.end() - 1, 0)
        name = sentence[max(start, match.start()) : match.end()]
        found = name if len(name) >= 3 else found  # "服务团" names an actor, a bare "公司" does not
    return found


def _date_anaphor(text: str) -> str:
    """A clause-initial phrase such as "开幕式上" that dates by the report's last event, or ""."""
    match = _DATE_ANAPHOR_RE.match(text)
    if match is None and _EVENT_ANAPHOR_ENDS_RE.search(text, 0, 20):
        match = _EVENT_ANAPHOR_RE.match(text)
    return match.group() if match else ""


def _is_speech(quoted: str) -> bool:
    """Quoted speech (with clause punctuation, or very long), not a quoted name like “2024台中科技嘉年华”."""
    return len(quoted) > 25 or any(ch in quoted for ch in "，。！？,!?；;")


def _closes(clause: str) -> bool:
    """Whether a clause tells an event ending ("将于19日闭幕", "持续至19日结束")."""
    return _has_any(clause, P.ENDING_VERBS)


def _has_any(text: str, words: tuple[str, ...]) -> bool:
    """Whether any of ``words`` occurs in ``text``."""
    return any(word in text for word in words)
