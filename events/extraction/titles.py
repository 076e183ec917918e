"""Noun phrases, titles and keys of events, cut from the sentence's own words.

Titles are in simplified characters (the flat text is converted), whatever the
article's script: a traditional and a simplified print of one report then give the
same titles and keys, and the evidence sentence still shows the original characters.
"""

from __future__ import annotations

import re
from functools import lru_cache

from . import patterns as P

_LEFT_STOPS = tuple(sorted((w for w in P.NP_LEFT_STOPS if w != "暨"), key=len, reverse=True))
# Characters that may sit inside a name besides letters and digits ("山西·太谷", "（初、中级…）").
_NAME_MARKS = "·、“”‘’「」『』《》〈〉-—+"
_MAX_NAME = 60
# A model number such as "JWF1576" is a name: digits touching Latin letters stay.
_NUMBER_WITH_UNIT_RE = re.compile(
    r"(?<![A-Za-z\d.])\d+(?:\.\d+)?(?![A-Za-z\d])(?:余|多)?[年月日号届个名家所项户场人次万亿元大]?"
)
# A place whose name opens with a stop character: "和顺县", "和平区", "和田地区", "和林格尔县".
_STOP_PLACE_RE = re.compile(
    "[" + "".join(P.PLACE_OPENING_STOPS) + r"][\u4e00-\u9fff]{1,3}?(?:地区|县|区|市|镇|乡|旗)"
)
_TRIGGERS_LONGEST_FIRST = tuple(sorted(P.NOUN_TRIGGERS, key=len, reverse=True))


def walk_noun_phrase(text: str, head_start: int, floor: int = 0) -> int:
    """Where the noun phrase whose head noun starts at ``head_start`` begins in ``text``.

    Walks left over name characters and stops at a verb or preposition (NP_LEFT_STOPS:
    "举办", "在", "的"…), at clause punctuation, or at ``floor``. A bracketed aside is
    taken whole ("等级（初、中级技术经纪人）培训班"); "暨" joins two names into one
    ("科技节暨…展示活动"), so the walk goes on past it.
    """
    i = head_start
    while i > floor and head_start - i < _MAX_NAME:
        ch = text[i - 1]
        if ch in "）)":
            opening = max(text.rfind("（", floor, i - 1), text.rfind("(", floor, i - 1))
            if opening < 0:
                break
            i = opening
            continue
        if (
            text.endswith(_LEFT_STOPS, floor, i)
            and not text.startswith(P.NP_STOP_EXCEPTIONS, i - 1)
            and not _place_opens_with_stop(text, i - 1, floor)
            and not _inside_quote(text, i, head_start)
        ):
            break
        if not (is_name_char(ch) or ch in _NAME_MARKS):
            break
        i -= 1
    # A name does not open with a list comma, a closing quote, or a quote it does not close
    # ("「2024台中科技嘉年华」": the walk from 嘉年华 ends inside the quote).
    while i < head_start and (
        text[i] in "、”’」』·-—" or (text[i] in "“‘「『" and not _closes(text, i, head_start))
    ):
        i += 1
    return i


def _inside_quote(text: str, at: int, head_start: int) -> bool:
    """Whether ``at`` stands inside a quoted name the head follows: "“星空下的课堂”亲子观星活动" walks
    past "的" to its opening quote."""
    between = text[at:head_start]
    return sum(between.count(c) for c in "”」』") > sum(between.count(o) for o in "“「『")


def _place_opens_with_stop(text: str, at: int, floor: int) -> bool:
    """Whether the stop character at ``at`` opens a place name: "2023年和顺县…", "在和平区…".

    "和" is a conjunction between two names ("太谷县和祁县"), but where no name stands before it
    (a year, a stop word, punctuation, the start) and a county, district or town follows, it is
    the place's first character: 和顺县, 和平区, 和田地区.
    """
    if not _STOP_PLACE_RE.match(text, at):
        return False
    if at <= floor:
        return True
    before = text[at - 1]
    return (
        not is_name_char(before)
        or before.isdigit()
        or (before in "年届" and at >= 2 and text[at - 2].isdigit())
        or text.endswith(_LEFT_STOPS, floor, at)
    )


def _closes(text: str, opening: int, end: int) -> bool:
    """Whether the quote opened at ``opening`` is closed before ``end``."""
    closing = {"“": "”", "‘": "’", "「": "」", "『": "』"}[text[opening]]
    return text.find(closing, opening, end) >= 0


def is_name_char(ch: str) -> bool:
    """A CJK character, an ASCII letter or digit, or "·" — not "①" or other symbols."""
    return "\u4e00" <= ch <= "\u9fff" or (ch.isascii() and ch.isalnum()) or ch == "·"


def trim_list(name: str, *, object_of_verb: bool) -> str:
    """Drop leading list items that are not events: "放声歌唱、校友招商推介会" → "校友招商推介会".

    When the phrase is the object of an occurrence verb the whole list is the event's
    name ("开展测土配肥、优质菌肥进大棚惠农保春耕活动") and nothing is dropped.
    """
    if object_of_verb:
        return name
    items = split_top_level(name)
    keep = len(items)
    while keep > 1 and any(items[keep - 2].endswith(word) for word in P.NOUN_TRIGGERS):
        keep -= 1
    return "、".join(items[keep - 1 :])


def split_top_level(text: str, sep: str = "、") -> list[str]:
    """Split at ``sep`` outside brackets: "A（x、y）、B" → ["A（x、y）", "B"]."""
    parts, depth, current = [], 0, ""
    for ch in text:
        if ch in "（(":
            depth += 1
        elif ch in "）)" and depth:
            depth -= 1
        if ch == sep and depth == 0:
            parts.append(current)
            current = ""
        else:
            current += ch
    parts.append(current)
    return parts


def kind_of_name(name: str, verb: str = "") -> str:
    """The kind of an event from its name: the head of the first name joined by "暨".

    "第一届大学生科技节创新设计比赛决赛" is a competition (its head is 决赛), and
    "科技节暨…成果展示活动" a festival. A phrase headed by the weak word "活动" takes its
    kind from the words inside it ("惠农保春耕活动" → service), or "service" when it was
    "开展"-ed, else "other".
    """
    first = name.split("暨", 1)[0]
    if not any(word in first for word in P.NOUN_TRIGGERS):
        first = name  # "科技成果转化暨招商引资推介会": the head is after "暨"
    elif first in P.CEREMONY_NAMES and "暨" in name:
        first = name.split("暨", 1)[1]  # "开幕式暨项目集中签约仪式": a bare ceremony joined to the event
    head, head_end = "", -1
    for word in P.NOUN_TRIGGERS:
        end = first.rfind(word)
        if end >= 0 and (
            end + len(word) > head_end or (end + len(word) == head_end and len(word) > len(head))
        ):
            head, head_end = word, end + len(word)
    if not head:
        # "「香港秋季电子产品展」", "香港智慧零售展2024"
        return "exhibition" if first.rstrip("0123456789").endswith("展") else "other"
    if head in P.CEREMONY_HEADS:
        inner = kind_of_name(first[: head_end - len(head)])
        if inner != "other":
            return inner  # "2024年朔州市科技活动周启动仪式" is the festival
    if head != "活动":
        return P.NOUN_TRIGGERS[head]
    for word, kind in P.ACTIVITY_KINDS:
        if word in first:
            return kind
    return "service" if verb == "开展" else "other"


def strip_adverbs(text: str, *, leading: bool = False) -> str:
    """``text`` without the adverbs at its end (or start) that only colour the verb: "顺利", "全部"."""
    changed = True
    while changed and text:
        changed = False
        for adverb in P.ADVERBS:
            if leading and text.startswith(adverb) and len(text) > len(adverb):
                text, changed = text[len(adverb) :], True
            elif not leading and text.endswith(adverb):
                text, changed = text[: -len(adverb)], True
    return text


def clean_subject(subject: str) -> str:
    """The core of a subject before a verb trigger, for a title.

    Drops a "在/于…" place phrase and what follows it, takes the object of a disposal
    "将/把" ("我市将21所驻地高校…全部" → "21所驻地高校…"), drops "共有"/"有" and the
    colouring adverbs, and keeps only the head after the last "的" when the subject is long.
    """
    subject = re.sub(r"^位于[^的，]{1,20}的", "", subject)  # "位于…新区的大同市科技馆新馆" → the hall
    for marker in ("在", "于"):
        cut = subject.find(marker)
        if cut >= 0:
            subject = subject[:cut]
    if subject.startswith(("由", "经")) and "的" in subject:
        subject = subject.rsplit("的", 1)[1]  # "由山西农业大学牵头建设的首批10个“科技小院”"
    if subject.startswith(_DEMONSTRATIVES) and "的" in subject:
        subject = subject.rsplit("的", 1)[1]  # "这款融合了…技术的新产品" → "新产品"
    for marker in ("将", "把", "为"):  # "为“山西大学晋中研究院”揭牌": the thing unveiled
        cut = subject.rfind(marker)
        if 0 <= cut < len(subject) - 1:
            subject = subject[cut + 1 :]
    subject = re.sub(r"^(?:共有|还有|另有)", "", subject)
    subject = strip_adverbs(strip_adverbs(subject), leading=True)
    if len(subject) > 30 and "的" in subject:
        subject = subject.rsplit("的", 1)[1]
    subject = subject.strip("、，,:：“”")
    if subject.count("“") > subject.count("”"):
        subject += "”"  # "向10个“科普示范县”授牌": keep the quote the strip cut
    return subject


_DEMONSTRATIVES = ("这款", "这个", "这些", "这项", "这一", "该", "此")
# A counted subject with a short noun: "15个项目", not "21所驻地高校校园及…场馆".
_COUNTED = re.compile(r"^" + P.NUMBER + r"(个|家|所|名|项|批|座)(\w{1,4})$")


def counted_title(subject: str, verb: str) -> str:
    """A title for a counted subject: "15个项目" + "签约" → "项目签约(15个项目)"; else subject + verb."""
    match = _COUNTED.match(subject)
    if match:
        return f"{match.group(3)}{verb}({subject})"
    return subject + verb


def event_key(kind: str, title: str) -> str:
    """``kind:core name``: stable under quotes, spacing, a province prefix and an admin suffix.

    "山西·太谷第二十一届科技节暨…" and "太谷区第二十一届科技节" both give
    "festival:太谷第二十一届科技节". Never contains a date or a count: Arabic numbers with
    their unit go ("2024年晋中市…大赛", "21所驻地高校…"), so a corrected figure or the
    next edition's year does not make a new event; editions in words ("第二十一届") stay.
    """
    name = re.sub(r"[（(][^）)]*[）)]$", "", title)
    name = name.split("暨", 1)[0]
    name = re.sub(r"[“”‘’「」『』《》〈〉\"'\s]", "", name)
    name = _NUMBER_WITH_UNIT_RE.sub("", name) or name
    name = name.rsplit("·", 1)[-1]
    # "太谷区第二十一届" and "太谷第二十一届" name the same edition.
    name = re.sub(r"^(\w{2,8}?)[省市县区](?=第)", r"\1", name)
    return f"{kind}:{name[:40]}"


@lru_cache(maxsize=4096)
def generic_head(name: str) -> str:
    """The trigger word a name ends with ("太谷第二十一届科技节" → "科技节"), or ""."""
    first = name.split("暨", 1)[0]
    return next((word for word in _TRIGGERS_LONGEST_FIRST if first.endswith(word)), "")
