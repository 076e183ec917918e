"""Programme lines that name an event without a verb: the day or hours, then the name (plain Python).

Schedules in previews and notices print one item a line and no verb:

    14日下午，“数据要素流通与交易”分论坛；
    09:00—11:30　“车路云一体化”专题分论坛
    | “中國航天與澳門一號”講座 | 10月12日 | 15:00-16:30 | 澳門科學館會議廳 |

Such a line asserts its event as plainly as "…举行": a name standing alone after its day or
hours (a parenthesised venue may follow), or a table row whose first cell is the name and a
later cell its day. Lines with only hours take the day printed above them (``extract``).
"""

from __future__ import annotations

import re

_DAY = (
    r"(?:\d{1,2}月)?\d{1,2}[日号](?:[（(][^）)]{1,4}[）)])?"
    # a range of days: "5月20日—22日"
    r"(?:\s*[—\-–~至到]\s*(?:\d{1,2}月)?\d{1,2}[日号](?:[（(][^）)]{1,4}[）)])?)?"
    r"(?:上午|下午|晚上|晚间|中午|全天|晚)?"
)
# A list number may open the line, glued to the day when a converter drops the space: "1.5月18日上午，".
_NUMBER = r"(?:\d{1,2}[.．、]|[（(][一二三四五六七八九十\d]{1,2}[）)]|[一二三四五六七八九十]{1,2}、)?"
_HOURS = r"\d{1,2}[:：]\d{2}(?:\s*[-—–~至到]+\s*\d{1,2}[:：]\d{2})?"
# The day and/or hours that open a programme line, and the marks between them and the name.
_LEAD_RE = re.compile(
    r"\W{0,3}" + _NUMBER + r"(?:" + _DAY + r"\s*(?:" + _HOURS + r")?|" + _HOURS + r")[\s，,:：|｜]*"
)
# What may follow the name on its line: a part joined by "暨" ("开幕式暨主旨演讲"), an end mark, a
# venue in brackets.
_TAIL_RE = re.compile(r"(?:暨[\u4e00-\u9fff]{1,10})?[\s；;。.]*(?:[（(][^）)]{1,30}[）)])?[\s；;。.]*$")
_TABLE_LEAD_RE = re.compile(r"[\s|｜]*$")
_TABLE_DAY_RE = re.compile(r"\s*[|｜][^|｜]{0,20}?\d{1,2}[日号]")
_LIST_JOINT = "、"


def programme_item(sentence: str, start: int, stop: int) -> int | None:
    """Where the name ``sentence[start:stop]`` starts when the sentence is a programme line naming
    it (past any hours the name swallowed: "00开幕式" in "09:00—12:00开幕式"), else None.

    Items listed together ("15日，“…”分论坛、“…”推介会") are each an item of the line.
    """
    lead = _LEAD_RE.match(sentence)
    if lead is not None and lead.end() > 0 and any(ch.isdigit() for ch in lead.group()):
        begin = max(start, lead.end())
        before = sentence[lead.end() : begin]
        if before and not before.endswith(_LIST_JOINT):
            return None
        return begin if _TAIL_RE.match(sentence, stop) or sentence.startswith(_LIST_JOINT, stop) else None
    if _TABLE_LEAD_RE.match(sentence[:start]) and _TABLE_DAY_RE.match(sentence, stop):
        return start
    return None
