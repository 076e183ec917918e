"""Finds event occurrences in one sentence from the trigger tables in ``patterns.py``.

An occurrence is either a named event (a noun phrase headed by 科技节, 大赛, 培训班…,
asserted by an occurrence verb or a locative: "…决赛成功举办", "咖啡节里") or a verb
event (揭牌, 签约, 投运…) titled from its subject. Plain Python: no Django.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from . import patterns as P
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
_NOUN_RE = re.compile(
    "|".join(sorted(map(re.escape, P.NOUN_TRIGGERS), key=len, reverse=True))
    # and so is an unquoted one straight before its date, place or verb ("…科技展今（5）日起…")
    + "|(?<![发开进拓扩伸施参])展(?=[」”』]|今|昨|于|在|将|\\d|开幕|举办|举行|登场|亮相)"
)
_VERB_RES = tuple((re.compile(rx), kind, mode, strength) for rx, kind, mode, strength in P.VERB_TRIGGERS)
# One pass to skip the many sentences that hold no trigger at all.
_ANY_TRIGGER_RE = re.compile("|".join([_NOUN_RE.pattern] + [rx for rx, *_ in P.VERB_TRIGGERS]))
_DATELINE_RE = re.compile(P.DATELINE)
_PROGRAMME_SUMMARY_RE = re.compile(P.PROGRAMME_SUMMARY)
_HELD_COUNT_RE = re.compile(P.HELD_COUNT)
_COUNTED_RE = re.compile(P.COUNTED_EVENTS)
MAX_TITLE = 60
_VERB_ANY_RE = re.compile("|".join(rx for rx, *_ in P.VERB_TRIGGERS))
# "开幕式上，", "在签约仪式上，", "论坛期间，", "当天上午，": clause-initial, before a comma.
_DATE_ANAPHOR_RE = re.compile(
    r"在?(?:"
    + "|".join(sorted(P.DATE_ANAPHORS, key=len, reverse=True))
    + "|"
    + P.DATE_ANAPHOR_RE
    + r")(?:"
    + "|".join(P.TIMES_OF_DAY)
    + r")?(?=[，,]|$)"
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
    + r")?(?=[，,])|期间(?=将|还|共|举办|举行|开展|组织))"
    # "观摩会上，": a meeting's "上"; "运动会上，运动员们…" is only being at a contest
    + r"|[\u4e00-\u9fff“”「」]{0,12}?(?<!运动)会上(?=[，,])"
)
# "同日举行", "当天召开": a same-day anaphor straight before the occurrence verb, mid-clause.
_INNER_ANAPHOR_RE = re.compile(r"(?:同日|同一天|当天|当日|同期)(?=举行|举办|召开|开展|还|也|又)")
_ORDINAL_RE = re.compile(r"第[0-9零〇一二两三四五六七八九十百]+(?:届|次|期)|首届")
_EXPECTED_RE = re.compile(P.EXPECTED_COMPLETION)
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
    for c_start, c_end in split_clauses(sentence):
        c_start = max(c_start, lead_end)
        if c_start >= c_end:
            continue
        clause = sentence[c_start:c_end]
        if clause.startswith(P.MEANS_OPENERS) or _has_any(clause, P.GENERAL_MARKERS):
            continue
        for occ in _clause_occurrences(sentence, c_start, c_end, opening=c_start == lead_end):
            if any(q0 <= occ.start < q1 for q0, q1 in quotes):
                continue
            if head is not None:
                occ.part = True  # "本届大赛设置…，决赛定于6月18日…举行": kept only with a date of its own
            elif occ.anaphoric and found and found[-1].kind == occ.kind:
                continue  # "第六届科技节在操场开幕，本届科技节为期一周": the one just named
            elif occ.anaphoric:
                head, found = occ, []
                continue
            # Markers up to the end of the occurrence's clause: "…将于6月1日至3日举办，报名截止…"
            # is one event with a deadline after it, not a cumulative statement.
            occ.not_event = _not_event(sentence, c_start, c_end, occ)
            occ.habitual = _has_any(sentence[:c_end], P.CUMULATIVE_MARKERS)
            occ.closing = _has_any(sentence[occ.end : c_end], P.CLOSING_VERBS)
            occ.date_anaphor = anaphor or _date_anaphor(sentence[c_start:c_end])
            if not occ.date_anaphor:  # "贸发局同日举行「创新科技研讨会」": the anaphor inside the clause
                inner = _INNER_ANAPHOR_RE.search(sentence, c_start, occ.start)
                if inner:
                    occ.date_anaphor, occ.anaphor_at = inner.group(), inner.start()
            found.append(occ)
    if head is not None:
        return [head] + [o for o in found if o.named]
    return _drop_verbs_of_named(_drop_occasions_of_verbs(found))


def _not_event(sentence: str, c_start: int, c_end: int, occ: Occurrence) -> str:
    """Why an occurrence in ``sentence[c_start:c_end]`` is no event of its own, or "".

    - "total": a total over a period ("今年以来，已累计举办各类科技培训班46期").
    - "press": a press conference that announces an event ("科普日活动新闻发布会召开", "上月举行记者会");
      the event it announces is reported in its own sentence.
    - "plan": a year's plan of activities ("计划开展…培训").
    - "award": plaques handed to someone at a ceremony ("为首批10个…基地授牌").
    - "programme": a summary of an event's programme ("开展科普讲座、科技展览等200余场活动").
    """
    if _has_any(sentence[:c_end], P.TOTAL_MARKERS) or _HELD_COUNT_RE.search(sentence, c_start, c_end):
        return "total"
    if _has_any(sentence[c_start:c_end], P.PRESS_CONFERENCES):
        return "press"
    if _has_any(sentence[c_start : occ.start], P.PLAN_VERBS):
        return "plan"  # "计划开展女科技工作者培训、交流活动10场以上"
    if sentence.startswith(P.AWARD_VERBS, occ.end - 2) and "为" in sentence[c_start : occ.start]:
        return "award"  # "启动仪式上，县科协为5所“科普示范学校”授牌": plaques handed out at the ceremony
    summary = _PROGRAMME_SUMMARY_RE.search(sentence, occ.start, c_end)
    if (summary and summary.start() >= occ.start) or _COUNTED_RE.match(occ.title):
        return "programme"  # "…等200余场活动", "将举办20余场专题论坛", "逾30場論壇"
    return ""


def noun_triggers(text: str) -> list[tuple[int, int, str]]:
    """(start, end, kind) of every event noun in ``text`` that does not name a building ("会议中心")."""
    return [
        (m.start(), m.end(), P.NOUN_TRIGGERS.get(m.group(), "exhibition"))
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
        )
        for kind, title, s, e, strength, anaph, generic, organiser in named
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
    """(kind, title, start, end, strength, anaphoric, generic, organiser) of the event noun phrases in a clause.

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
        generic = name in P.GENERIC_NAMES
        anaphoric = name.startswith(P.EVENT_ANAPHORS) or (
            generic and opening and start == floor and not sentence.startswith(P.EVENT_LOCATIVES, stop)
        )
        if not anaphoric and (name == "活动" or not _asserted(sentence, start, stop, end, verb)):
            continue
        strength = 0.9 if verb else 0.6
        organiser = _organiser_prefix(sentence, start) if after_verb and not anaphoric and not generic else ""
        out.append((kind_of_name(name, verb), name, start, stop, strength, anaphoric, generic, organiser))
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
    if len(items) < 2 or not all(_NOUN_RE.search(item) and generic_head(item) for item in items):
        return [(start, stop)]
    if len({kind_of_name(item) for item in items}) == 1:
        return [(start, stop)]
    spans, pos = [], start
    for item in items:
        spans.append((pos, pos + len(item)))
        pos += len(item) + 1
    return spans


def _asserted(sentence: str, start: int, stop: int, end: int, verb: str) -> bool:
    """Whether a named event is reported as happening, not just named.

    It is when its clause has an occurrence verb ("成功举办", "召开"), when it is a place
    one is at ("运动会上", "咖啡节里"), or when it carries an edition ("第十二届…大赛").
    A phrase headed by "活动" needs the verb.
    """
    name = sentence[start:stop]
    if name.endswith("活动"):
        return bool(verb)
    if verb or sentence.startswith(P.EVENT_LOCATIVES, stop):
        return True
    return bool(_ORDINAL_RE.search(name))


def _verb_events(sentence: str, floor: int, end: int, named: list[tuple]) -> list[tuple]:
    """(kind, title, start, end, strength, anaphoric) of the verb triggers of a clause not inside a named event.

    A subject opened by "此次"/"本次" ("此次集中签约的23个项目") refers back to the report's event.
    """
    out: list[tuple] = []
    if not _VERB_ANY_RE.search(sentence, floor, end):
        return out
    if _has_any(sentence[floor:end], P.GOAL_MARKERS) or _EXPECTED_RE.search(sentence, floor, end):
        return out  # "确保项目早开工、早投产", "预计明年底完工": a goal
    for regex, kind, mode, strength in _VERB_RES:
        for match in regex.finditer(sentence, floor, end):
            if sentence.startswith(P.NOT_OCCURRENCE_AFTER, match.end()):
                continue
            if any(s <= match.start() < e or s <= match.end() <= e for _, _, s, e, *_ in named):
                continue
            if named and not any(sentence.startswith(P.EVENT_LOCATIVES, e) for _, _, s, e, *_ in named):
                continue  # "科技节…在…开幕": the named event is the occurrence
            title = _verb_title(sentence, floor, end, match, mode)
            if match.group().endswith(("揭幕", "开幕")) and title.endswith(match.group()):
                named_kind = kind_of_name(title.removesuffix(match.group()))
                kind = named_kind if named_kind != "other" else kind  # "秋电展揭幕": the fair opens
            purpose = _PURPOSE_RE.match(sentence, match.end(), end) if kind == "signing" else None
            if title and purpose and title.endswith(match.group()):
                title = _cap(title + purpose.group())  # "…与太原理工大学签约共建…联合实验室"
            if title:
                anaphoric = sentence.startswith(P.EVENT_ANAPHORS, floor)
                out.append((kind, title, match.start(), match.end(), strength, anaphoric))
    return out


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
            signer = _ASIDE_BEFORE_PARTNER_RE.sub("", sentence[start:partner])
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


def _has_any(text: str, words: tuple[str, ...]) -> bool:
    """Whether any of ``words`` occurs in ``text``."""
    return any(word in text for word in words)
