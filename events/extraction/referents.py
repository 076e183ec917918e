"""Which earlier event a mention refers to ("本届能博会", "此次活动", "共同为研究院揭牌", "开幕典礼上"). Plain Python."""

from __future__ import annotations

import re

from . import patterns as P
from .drafts import Draft
from .reports import Reading
from .text import Sentence
from .titles import generic_head
from .triggers import Occurrence


def anchor_of(drafts: list[Draft], report: int, anaphor: str) -> Draft | None:
    """The report's dated event an anaphor such as "开幕典礼上" points to: the last one its
    occasion names ("开幕典礼"), else the last dated one."""
    dated = [d for d in reversed(drafts) if d.report == report and d.link]
    # The body's telling before the headline's: "第五届旱农会下月8日开幕" over "…博览会（简称旱农会）将于下月8日至10日…"
    dated = [d for d in dated if not d.headline] or dated
    if "期间" in anaphor or anaphor.startswith("同期"):
        # "科博会期间", "同期举办的…" is a span: the last event of several days, not a one-day launch
        # or signing told after it
        dated = [d for d in dated if d.link.end > d.link.start] or dated
    occasion = re.sub(
        r"^在|(?:上|期间|现场|当天|当日|结束后|后)(?:上午|下午|中午|晚上|晚间|早上)?$", "", anaphor
    )
    return next((d for d in dated if occasion and occasion in d.title), dated[0] if dated else None)


def clause_dated(reading: Reading, sentence: Sentence, occ: Occurrence) -> bool:
    """Whether the occurrence's clause prints a date of its own ("颁奖仪式将于9月上旬举行"), or the
    sentence opens with a clause that is only its date ("本报讯 22日，位于高新区的首个加氢站建成投用")."""
    lo, hi = sentence.start + occ.clause[0], sentence.start + occ.clause[1]
    if any(f.mention.precision.value != "vague" for f in reading.mentions_in(lo, hi)):
        return True
    lead = reading.mentions_in(sentence.start, lo)
    if not lead or lead[-1].mention.precision.value == "vague":
        return False
    flat = reading.doc.text(sentence)
    rest = flat[: lead[0].start - sentence.start] + flat[lead[-1].end - sentence.start : occ.clause[0]]
    return _DATE_ONLY_LEAD_RE.fullmatch(rest) is not None


# What may stand around the date of a date-only opening clause: a dateline, spaces and a comma.
_DATE_ONLY_LEAD_RE = re.compile(r"(?:" + P.DATELINE + r")?[\s，,]*")


def referent_of(
    drafts: list[Draft], occ: Occurrence, report: int, flat: str = "", dated: bool = False
) -> Draft | None:
    """The earlier draft an anaphoric or bare mention refers to, or None for a new event.

    "本届科技节" refers to the last festival of the report (else of the article: a
    sub-headline may stand between), "此次活动" to the report's last event of any kind; a
    bare "科技节" refers to the last fuller name of that kind in the article that contains it.
    """
    if occ.anaphoric:
        head = generic_head(occ.title)
        if head == "活动":  # "此次活动" is whatever this report is about, never another report's event
            return next((d for d in reversed(drafts) if d.report == report), None)
        same_head = [d for d in drafts if head and generic_head(d.title) == head]
        in_report = [d for d in same_head if d.report == report]
        found = (in_report or same_head or [None])[-1]
        # "本届能博会" after "…能源产业博览会", "此次集中签约": the report's last event of that kind
        return found or next((d for d in reversed(drafts) if d.report == report and d.kind == occ.kind), None)
    if occ.generic and occ.title in P.BARE_CEREMONIES:
        # "…頒獎典禮，典禮定於10月13日下午舉行": the ceremony just named, whatever its kind
        return next((d for d in reversed(drafts) if d.report == report and d.title.endswith(occ.title)), None)
    if occ.generic and occ.title in P.VERB_CEREMONIES:
        # "…科技小院揭牌运行。…揭牌仪式于4月22日在…举行": the ceremony of that unveiling
        found = next((d for d in reversed(drafts) if d.report == report and d.kind == occ.kind), None)
        if found is not None:
            return found
    if occ.generic and occ.title in P.CEREMONY_NAMES and not dated:
        # "举行开幕典礼": part of the report's event
        return next((d for d in reversed(drafts) if d.report == report and d.link), None)
    if occ.generic and occ.date_anaphor.endswith(("期间", "届时")):
        # "期间将举办展览、讲座…": bare parts of the programme of the event it is during
        same = [d for d in reversed(drafts) if d.report == report and d.link]
        return next((d for d in same if d.kind == occ.kind), same[0] if same else None)
    if (occ.generic and occ.date_anaphor and occ.date_anaphor not in P.OTHER_EVENT_ANAPHORS) or occ.occasion:
        # "活动现场，…开展义诊咨询", "开幕首日，农博会现场…": part of the report's event of that kind
        return next(
            (d for d in reversed(drafts) if d.report == report and d.kind == occ.kind and d.link), None
        )
    if occ.generic:  # "参加培训" after "…培训班在太谷区举办": the same training
        return next(
            (d for d in reversed(drafts) if d.kind == occ.kind and occ.title in d.title != occ.title), None
        )
    if not occ.named and occ.kind == "exhibition":  # "届时，我省将组织80余家企业参展": at the report's fair
        found = next(
            (d for d in reversed(drafts) if d.report == report and d.kind in ("exhibition", "festival")), None
        )
        if found is not None:
            return found
    if not occ.named and flat:
        return _verb_referent(drafts, occ, report, flat)
    return _short_form_referent(drafts, occ, report)


# A short form shorter than this is a generic head ("论坛"), handled above.
MIN_SHORT_FORM = 4


def _short_form_referent(drafts: list[Draft], occ: Occurrence, report: int) -> Draft | None:
    """The report's earlier event whose full name ends with this one's, or None.

    "…将同期举办数字产业发展高峰论坛、两岸数字经济青年创业大赛总决赛等活动。其中，高峰论坛定于
    11月8日下午举行，青年创业大赛总决赛将于9日…举行": the short names are the events named in full.
    """
    if len(occ.title) < MIN_SHORT_FORM or occ.anaphoric:
        return None
    return next(
        (
            d
            for d in reversed(drafts)
            if d.report == report
            and d.kind == occ.kind
            and d.title != occ.title
            and d.title.endswith(occ.title)
        ),
        None,
    )


def _verb_referent(drafts: list[Draft], occ: Occurrence, report: int, flat: str) -> Draft | None:
    """The report's earlier event of the same kind whose title holds this verb event's subject, or None.

    "共同为研究院揭牌" after "…产业技术研究院揭牌仪式…举行" is that unveiling.
    """
    core = occ.title.removesuffix(flat[occ.start : occ.end])
    if len(core) < 2 or core == occ.title:
        return None
    return next(
        (
            d
            for d in reversed(drafts)
            if d.report == report and d.kind == occ.kind and core in d.title and len(d.title) > len(occ.title)
        ),
        None,
    )
