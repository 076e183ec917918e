"""The words the temporal parser knows, as tables, and the one compiled regex built from them.

Vocabulary is data: teaching the parser a phrase should mean adding a row here (and a
test), not a branch in the parser. Plain Python; imports only ``calendars`` for the
festival, solar-term and season names.

Every pattern is linear: alternations of literals and bounded repeats only, never a
repeat of something that itself repeats without bound. Between the tokens of one
expression a short run of whitespace with at most one line break is allowed (``GAP``),
because PDF-extracted newspapers break lines inside dates ("3月\\n11日", "2023 年末").
"""

from __future__ import annotations

import re
from collections.abc import Iterable

from .calendars import FESTIVAL_NAMES, SEASON_NAMES, SOLAR_TERM_NAMES
from .firstchars import first_chars

# ---------------------------------------------------------------- relative words

# Days counted from the reference day (the publication date).
RELATIVE_DAYS: dict[str, int] = {
    "大前天": -3, "前天": -2, "前日": -2, "昨天": -1, "昨日": -1, "昨晚": -1,
    "今天": 0, "今日": 0, "本日": 0, "即日": 0, "今晚": 0, "今晨": 0, "今早": 0, "今夜": 0,
    "昨夜": -1, "昨晨": -1,
    # Cantonese "寻日" is yesterday, "听日" tomorrow ("后日/後日" is left out: "后日本时代").
    "寻日": -1, "听日": 1,
    "明天": 1, "明日": 1, "明晚": 1, "明早": 1, "明晨": 1, "后天": 2, "大后天": 3,
}  # fmt: skip

# Days counted from the last day the text itself mentioned ("3月11日……当天"), or from the
# reference day when there is none.
ANCHORED_DAYS: dict[str, int] = {
    "当天": 0, "当日": 0, "同日": 0, "同一天": 0, "这一天": 0, "当晚": 0,
    "次日": 1, "翌日": 1, "第二天": 1, "前一天": -1, "前一日": -1,
    # Taiwan and Hong Kong write "隔天/隔日" for the next day.
    "隔天": 1, "隔日": 1,
}  # fmt: skip

# Years counted from the reference year. "当年"/"同年"/"次年" follow the last year the text
# mentioned instead (see ANCHORED_YEARS).
RELATIVE_YEARS: dict[str, int] = {
    "大前年": -3, "前年": -2, "去年": -1, "上年": -1, "上一年": -1,
    "今年": 0, "本年": 0, "明年": 1, "来年": 1, "下年": 1, "后年": 2, "大后年": 3,
}  # fmt: skip
ANCHORED_YEARS: dict[str, int] = {
    "当年": 0, "同年": 0, "次年": 1, "翌年": 1, "第二年": 1, "这一年": 0,
}  # fmt: skip

# Newspaper datelines restate the day in brackets: "昨（14）日" is yesterday, the 14th.
PAREN_DAY_WORDS: dict[str, int] = {"前": -2, "昨": -1, "今": 0, "明": 1, "翌": 1}

RELATIVE_MONTHS: dict[str, int] = {
    "上上个月": -2, "上上月": -2, "上月": -1, "上个月": -1, "本月": 0, "这个月": 0, "今个月": 0,
    "下月": 1, "下个月": 1, "下下个月": 2, "下下月": 2,
}  # fmt: skip
# Counted from the month of the last day the text mentioned ("3月11日……次月"), else from ref's.
ANCHORED_MONTHS: dict[str, int] = {"当月": 0, "同月": 0, "次月": 1}

# Week prefixes: "上周" is last week, "下下周" the week after next. Weeks run Monday–Sunday.
WEEK_OFFSETS: dict[str, int] = {
    "上上上": -3, "上上个": -2, "上上": -2, "上个": -1, "上": -1,
    "本": 0, "这个": 0, "这一": 0, "这": 0, "今个": 0, "今": 0,  # "今个星期" (Cantonese), "今星期二"
    "下个": 1, "下": 1, "下下个": 2, "下下": 2, "下下下": 3,
}  # fmt: skip
# Monday is 0, as in date.weekday(); "周日", "星期天" and "礼拜天" are all Sunday.
WEEKDAYS: dict[str, int] = {"一": 0, "二": 1, "三": 2, "四": 3, "五": 4, "六": 5, "日": 6, "天": 6}
# The end of a weekday range: "周五至周末" runs to Sunday.
RANGE_END_WEEKDAYS: dict[str, int] = {**WEEKDAYS, "末": 6}

# "上世纪80年代" is the 1980s when read in the 2000s.
CENTURY_OFFSETS: dict[str, int] = {"上个": -1, "上": -1, "本": 0, "这个": 0, "下个": 1, "下": 1}

QUARTER_OFFSETS: dict[str, int] = {
    "上上个季度": -2, "上季度": -1, "上个季度": -1, "本季度": 0, "下季度": 1, "下个季度": 1, "下下个季度": 2,
}  # fmt: skip
# Two named units at once: "今明两年" is this year and next, "今明两天" today and tomorrow.
RELATIVE_SPANS: dict[str, tuple[str, int, int]] = {
    "今明两年": ("year", 0, 1), "今明两天": ("day", 0, 1), "今明两日": ("day", 0, 1),
    "明后两天": ("day", 1, 2), "明后天": ("day", 1, 2),
}  # fmt: skip

# ---------------------------------------------------------------- parts of a year or month

# Day ranges inside a month: (first day, last day); 31 means "the month's last day".
MONTH_PARTS: dict[str, tuple[int, int]] = {
    "上旬": (1, 10), "中旬": (11, 20), "下旬": (21, 31),
    "上中旬": (1, 20), "中下旬": (11, 31),
    "初": (1, 10), "中": (11, 20), "底": (21, 31), "末": (21, 31), "份": (1, 31),
    "上半月": (1, 15), "下半月": (16, 31),
    # The end of a ten-day part is read as its last three days (fuzzy).
    "上旬末": (8, 10), "中旬末": (18, 20),
    "最后一天": (31, 31), "第一天": (1, 1),
    # "12月月底" repeats the month.
    "月初": (1, 10), "月中": (11, 20), "月底": (21, 31), "月末": (21, 31),
    # "三月头", "下个月头": the start of the month, as Cantonese and Hong Kong papers write 月初.
    "头": (1, 10), "月头": (1, 10),
    # "月尾", "本月尾": the same as 月底 (southern and Hong Kong usage).
    "尾": (21, 31), "月尾": (21, 31),
}  # fmt: skip
# Words that name an exact span (precision day); the others are fuzzy (vague).
EXACT_MONTH_PARTS = frozenset(
    {"上旬", "中旬", "下旬", "上中旬", "中下旬", "份", "最后一天", "第一天", "上半月", "下半月"}
)
# Month parts that stand alone ("月底前完成", "下旬"): of the month last named, else ref's.
BARE_MONTH_PARTS = ("月初", "月中", "月底", "月末", "月尾", "上旬", "中旬", "下旬", "上半月", "下半月")

# Month ranges inside a year: (first month, last month).
YEAR_PARTS: dict[str, tuple[int, int]] = {
    "上半年": (1, 6), "前半年": (1, 6), "下半年": (7, 12), "后半年": (7, 12),
    "第一季度": (1, 3), "第二季度": (4, 6), "第三季度": (7, 9), "第四季度": (10, 12),
    "一季度": (1, 3), "二季度": (4, 6), "三季度": (7, 9), "四季度": (10, 12),
    "1季度": (1, 3), "2季度": (4, 6), "3季度": (7, 9), "4季度": (10, 12),
    # Fuzzy: 年初 is read as January–February, 年中 as June–July, 年底/年末 as December
    # (the seeds' curator reads "2023 年末" as December 2023).
    "年初": (1, 2), "初": (1, 2), "年中": (6, 7), "中": (6, 7),
    # "2017年头" is 年初 as Hong Kong writes it ("今年头三个月" is a count: see PART_GUARD).
    "年头": (1, 2), "头": (1, 2),
    "年底": (12, 12), "底": (12, 12), "年末": (12, 12), "末": (12, 12),
    "年终": (12, 12), "岁末": (12, 12), "岁尾": (12, 12), "年尾": (12, 12), "尾": (12, 12),
    "首季度": (1, 3), "首月": (1, 1), "伊始": (1, 1), "暑假": (7, 8), "暑期": (7, 8), "寒假": (1, 2),
    "年度": (1, 12), "度": (1, 12), "全年": (1, 12), "年内": (1, 12), "内": (1, 12),
    # Tech and business news write quarters as "2024年Q3", "今年Q1".
    "Q1": (1, 3), "Q2": (4, 6), "Q3": (7, 9), "Q4": (10, 12),
    # Taiwan writes quarters as "第3季" ("今年第1季營收"); only after a year, since a bare
    # "第3季" is as often a show's third season.
    "第一季": (1, 3), "第二季": (4, 6), "第三季": (7, 9), "第四季": (10, 12),
    "第1季": (1, 3), "第2季": (4, 6), "第3季": (7, 9), "第4季": (10, 12), "首季": (1, 3),
}  # fmt: skip
# "2024Q3" and a bare "Q3" (only before a word that makes it a quarter: "Q3财报").
QUARTER_CONTEXT = (
    r"财报|业绩|季度|营收|净利|利润|收入|出货|销量|交付|期间|以来|末|初|内|[-—–~至到，,。、；;）)\s]|$"
)
FUZZY_YEAR_PARTS = frozenset({
    "年初", "初", "年头", "头", "年中", "中", "年底", "底", "年末", "末", "年终", "岁末", "岁尾", "年尾", "尾",
    "伊始", "暑假", "暑期", "寒假",
})  # fmt: skip

# ---------------------------------------------------------------- vague words

# (days before ref, days after ref): "近日" is read as the ten days up to the reference day.
VAGUE_DAYS: dict[str, tuple[int, int]] = {
    "近日": (-10, 0), "日前": (-10, 0), "前不久": (-30, 0), "不久前": (-30, 0),
    "近期": (-30, 30), "最近": (-30, 0), "近来": (-30, 0),
    # "此前" is "before this": read as the year up to the reference day, and only vaguely.
    "此前": (-365, 0),
    "目前": (0, 0), "截至目前": (0, 0), "现在": (0, 0), "此时": (0, 0), "此刻": (0, 0), "当前": (0, 0), "如今": (0, 0), "眼下": (0, 0), "现阶段": (0, 0),
}  # fmt: skip
# Years back from the reference day: "近年来" is read as 1 January three years before it .. ref.
VAGUE_YEARS: dict[str, int] = {
    "近年来": 3,
    "近年": 3,
    "近些年": 3,
    "近几年": 3,
    "近几年来": 3,
    "这些年": 3,
    "多年来": 10,
}

# ---------------------------------------------------------------- plan periods

# "十四五" is the 14th five-year plan. Plans 3 onward start in 1966 + 5 (n - 3); the first two
# started in 1953 and 1958 (1963–65 was an adjustment period).
PLAN_SUFFIXES: dict[str, str] = {
    "期间": "whole", "时期": "whole", "规划期": "whole", "规划": "whole", "计划": "whole",
    "以来": "since", "末期": "last", "末": "last", "收官之年": "last",
    "初期": "first", "初": "first", "开局之年": "first",
}  # fmt: skip


def plan_first_year(number: int) -> int:
    """First year of the ``number``-th five-year plan (14 → 2021)."""
    return {1: 1953, 2: 1958}.get(number, 1966 + 5 * (number - 3))


# ---------------------------------------------------------------- durations and periods of a day

DURATION_UNITS: dict[str, str] = {
    "天": "day", "周": "week", "个周": "week", "星期": "week", "个星期": "week", "个礼拜": "week",
    "个月": "month", "个多月": "month", "季度": "quarter", "个季度": "quarter", "年": "year",
}  # fmt: skip
DURATION_PREFIXES: dict[str, str] = {
    "今后": "ahead", "未来": "ahead", "此后": "ahead", "过去": "back", "近": "back", "最近": "back",
    "前": "first", "头": "first",
}  # fmt: skip
# "下两个月" is the two whole months after ref's, "上两周" the two whole weeks before its week,
# "下三天"/"后三天" the three days after ref, "上两天" the two before it, "下三年" the three years
# after ref's ("上半年" is a part of the year; "上3天班", "上两年学" are work and school: see
# NEXT_LAST_NOT_AFTER; "后" counts only opening a clause: "最后三天", "开幕后三天" are no "后三天").
NEXT_LAST_PREFIXES: dict[str, str] = {"下": "next", "上": "last", "后": "next"}
NEXT_LAST_UNITS = ("个月", "周", "个周", "个星期", "个季度", "天", "年")
NEXT_LAST_NOT_AFTER = "班课学岗级届雨雪"
DURATION_SUFFIXES: dict[str, str] = {
    "前": "ago", "以前": "ago", "之前": "ago", "后": "later", "以后": "later", "之后": "later",
    "以来": "back", "来": "back", "内": "ahead", "以内": "ahead", "之内": "ahead",
}  # fmt: skip

# Hour offsets for the period words before a time: "下午3点" is 15:00, "晚7时" is 19:00.
# "中午12点" stays 12:00 and "凌晨/早上" keep the hour (see resolve_relative.read_time).
DAY_PERIODS: dict[str, int] = {
    "凌晨": 0, "清晨": 0, "早晨": 0, "早上": 0, "上午": 0, "早": 0,
    "中午": 12, "午间": 12, "下午": 12, "傍晚": 12, "晚上": 12, "晚间": 12, "夜间": 12, "夜里": 12, "深夜": 12, "晚": 12,
    "半夜": 12, "午夜": 12,
}  # fmt: skip

# Festivals and solar terms that are also ordinary words or numbers ("六一" is 61, "大雪" is
# heavy snow, "元宵" is the dumpling): read only with a year before them or a context word after.
# "六一" and "五一" alone are nearly always the holidays in news (numbers are written 61, 51).
# "清明" alone is often "clean" ("政治清明"); "清明节" is always the day.
AMBIGUOUS_FESTIVALS = frozenset(
    {"七一", "八一", "五四", "元宵", "腊八", "小年", "国庆", "圣诞", "二月二", "清明"}
)
AMBIGUOUS_TERMS = frozenset(
    {"雨水", "小雪", "大雪", "霜降", "寒露", "白露", "小寒", "大寒", "小暑", "大暑", "小满", "清明"}
)
AMBIGUOUS_SEASONS = frozenset({"春", "夏", "秋", "冬"})
# Seasons that are usually figures of speech ("资本寒冬", "科技的春天" is left in: rarer):
# read only with a year before them or a time word after.
FIGURATIVE_SEASONS = frozenset({"寒冬", "严冬", "金秋"})
SEASON_CONTEXT = r"时节|季节|时分|之际"
# "今冬", "去冬今春", "明春": a one-character year word before a season.
SEASON_YEAR_WORDS: dict[str, int] = {"今": 0, "去": -1, "明": 1}
# "美好的明天", "辉煌的昨天" are rhetoric, not days; "今日头条" is a name. "前年的今天",
# "上个月的今天" are days: after a year, month or week word "的" is no rhetoric.
# "光明日报", "昆明日报": the names of newspapers, not "tomorrow".
RELATIVE_DAY_GUARD = r"(?!(?<=[光昆黎文])明日报)(?<![好])(?<!(?<![年月前后周])的)(?<!先天)(?P<rday>{words})(?!头条|说法|之星|关注|视点|要闻|话题|快讯|焦点|新闻|播报)"
DAY_CONTEXT = (
    r"节|期间|当天|当日|前夕|假期|长假|小长假|黄金周|前后|之际|这天|那天|时节|节气|到来|来临|过后|以来"
)

# How many days before a festival "X前夕" and "迎X" reach: "国庆前夕" is 09-28..09-30,
# "迎国庆" (events held to greet it) 09-01..09-30.
FESTIVAL_LEAD_DAYS: dict[str, int] = {"前夕": 3, "迎": 30}
# "国庆前后", "春节前后": the festival and this many days either side of it (vague).
FESTIVAL_AROUND_DAYS = 3
# "节前"/"节后" at the start of a clause: the week before / after the last festival the text
# named (no mention when it named none). Mid-word "环节后", "调节后" are not read.
FESTIVAL_SIDES: dict[str, tuple[int, int]] = {"节前": (-7, -1), "节后": (1, 7)}

# Names the calendar module does not list, read as one it does, with the context they need:
# bare "十一" is eleven, "十一黄金周" is the National Day holiday.
FESTIVAL_ALIASES: dict[str, tuple[str, str]] = {
    "十一": ("国庆节", r"黄金周|长假|小长假|假期|期间"),
    # "三八当天", "三八期间": Women's Day; bare "三八" is a number or "三八线".
    "三八": ("三八节", r"当天|期间|前夕|之际|这天|前后|来临|到来"),
    # The mid-year online sales festival: "618期间", "618大促".
    "618": ("618购物节", r"大促|购物节|期间|当天|前夕|活动|年中大促"),
    "双11": ("双十一", r"(?![0-9])"), "双12": ("双十二", r"(?![0-9])"),
    # Bare "圣诞" is the day unless a thing of the season follows ("圣诞老人", "圣诞树").
    "圣诞": ("圣诞节", r"(?!老人|老爷爷|树|礼物|装饰|帽|歌|卡|袜|颂|花|灯|市集|集市|主题|元素|气氛|氛围|大餐|套餐|特辑|版|款|系列|节)"),
}  # fmt: skip

# Statutory holidays: a festival followed by a holiday word ("国庆假期", "“五一”假期期间",
# "十一黄金周", "春节期间") is the days off around it, not the festival day. The word before
# the suffix → the festival whose day anchors the holiday.
HOLIDAY_NAMES: dict[str, str] = {
    "元旦": "元旦", "春节": "春节", "清明": "清明节", "清明节": "清明节",
    "五一": "劳动节", "劳动节": "劳动节", "五一劳动节": "劳动节", "国际劳动节": "劳动节",
    "端午": "端午节", "端午节": "端午节", "中秋": "中秋节", "中秋节": "中秋节",
    "国庆": "国庆节", "国庆节": "国庆节", "十一": "国庆节",
    # "中秋国庆假期", "国庆中秋长假": the two holidays told as one (one span in 2020 and 2023).
    "中秋国庆": "中秋国庆", "国庆中秋": "中秋国庆",
}  # fmt: skip
# Holidays told together: their days are the span from the first one's start to the last one's end.
JOINED_HOLIDAYS: dict[str, tuple[str, ...]] = {"中秋国庆": ("中秋节", "国庆节")}
HOLIDAY_SUFFIXES = ("假期期间", "假期", "小长假", "长假", "黄金周", "期间")
# Festival → (its name in the State Council schedule as ``chinesecalendar`` labels it, first
# and last day of the usual holiday counted from the festival day). The offsets are the
# fallback for years the schedule does not cover: 国庆 10-01..10-07, 五一 05-01..05-05,
# 春节 除夕..初六; the three-day holidays move with the weekend, so only the day itself is sure.
HOLIDAYS: dict[str, tuple[str, int, int]] = {
    "元旦": ("New Year's Day", 0, 0), "春节": ("Spring Festival", -1, 5),
    "清明节": ("Tomb-sweeping Day", 0, 0), "劳动节": ("Labour Day", 0, 4),
    "端午节": ("Dragon Boat Festival", 0, 0), "中秋节": ("Mid-autumn Festival", 0, 0),
    "国庆节": ("National Day", 0, 6),
}  # fmt: skip
# Bare names that are solar terms first: "清明时节" is the term; "清明节" stays the festival.
TERM_FESTIVALS = frozenset({"清明"})

# ---------------------------------------------------------------- the master regex


def _alternation(words: Iterable[str]) -> str:
    """The words as one regex, longest first, so "大后天" wins over "后天".

    Built as a trie ("元宵节|元宵" becomes "元宵(?:节)?"): Python's engine tries the branches
    of a flat alternation one by one, so a hundred festival names cost a hundred tries at
    every "中" or "国" in the text; a trie costs one per character. The longer word is still
    preferred (an optional tail is greedy) and the shorter still matches if the rest fails.
    """
    trie: dict = {}
    for word in set(words):
        node = trie
        for ch in word:
            node = node.setdefault(ch, {})
        node[""] = {}
    return _trie_regex(trie)


def _trie_regex(node: dict) -> str:
    kids = [re.escape(ch) + _trie_regex(node[ch]) for ch in sorted(k for k in node if k)]
    if not kids:
        return ""
    if len(kids) == 1 and "" not in node:
        return kids[0]
    inner = "|".join(kids)
    return f"(?:{inner})?" if "" in node else f"(?:{inner})"


# ---------------------------------------------------------------- the words around a mention

# A bare day ("27日") later than the publication day is last month's in a report of what
# happened and stays in ref's month when the clause speaks of the future (see ``surroundings``).
# Words that say a clause reports the past: the verbs news uses for what took place.
PAST_CUES = (
    "举行", "举办", "召开", "签署", "签订", "签约", "开幕", "闭幕", "落幕", "帷幕", "启动",
    "揭牌", "揭幕", "开班", "结业", "开营", "开园", "开馆", "开工", "竣工", "投产", "获悉",
    "了解到", "来到", "走进", "出席", "参加了", "吸引了", "圆满", "已经", "成功举", "颁奖",
    "发布了", "迎来", "落户", "亮相", "收官", "完成了", "看到", "采访", "探访", "走访", "见到",
    "正式上线", "上线运行", "开业", "正式成立", "揭牌成立", "开通", "落成", "启用", "开赛", "开课",
)  # fmt: skip
# Words that keep it ahead: plans, schedules, deadlines ("将于27日举行", "27日起", "27日前").
FUTURE_CUES = (
    "将于", "将在", "将举", "将召", "将开", "将启", "将迎", "将持续", "将", "拟", "计划", "预计",
    "定于", "届时", "即将", "准备", "有望", "报名", "截止", "敬请", "欢迎",
)  # fmt: skip
# A clause that is only a date ("1月10日，") takes the tense of the clause after it when that one
# plainly announces what will happen there: "1月10日，第三届冰雪科技嘉年华将在镜泊湖开幕". Narrower than
# FUTURE_CUES: a bare "将" is as often "把" ("10日，县科协将300册图书送到…").
FUTURE_NEXT_CLAUSE = (
    r"将于|将在|即将|定于|拟于|届时"
    r"|将[^，,。！？!?；;]{0,24}?(?:开幕|举行|举办|召开|启动|开班|开营|开赛|亮相|揭幕|开馆|开园|上线)"
)
# A date-only clause leading a future one moves into the next year only when it would otherwise
# be this long past: an announcement a few days ago ("1月10日，…宣布…将于…") stays.
FUTURE_NEXT_MIN_PAST_DAYS = 60
# Right after the day: "27日起", "27日前完成" look ahead.
FUTURE_AFTER = ("起", "前", "之前", "以前")
# The publication line under a headline dates the page, never an event: a short line carrying
# one of these words ("2022-11-08 09:30 来源：新华网", "发布时间：2024-05-08").
PAGE_LINE_CUES = (
    "来源", "稿源", "发布时间", "发布日期", "发布于", "发表于", "发表时间", "更新时间", "更新日期",
    "更新于", "编辑", "作者", "浏览", "阅读", "点击", "字号", "发稿", "供稿",
)  # fmt: skip
PAGE_LINE_MAX = 80
# A newspaper masthead or PDF page head: "信丰新闻　2024年3月2日　星期六　第3版", "昆明日报　2023-09-01
# 第03版：经济", "香港经济日报　2024年4月17日　A18". A full date standing apart on a short line
# with one of these dates the page (after normalising: 報→报, 聞→闻, full-width space → space).
MASTHEAD_CUE = re.compile(
    r"第[ \t]*[A-Z]?[0-9]{1,3}[ \t]*版|(?:^|[ \t])[A-Z][0-9]{1,2}(?=[ \t]|$)|[报刊闻](?=[ \t]|$)"
    r"|星期[一二三四五六日天]"
)
# A dateline: "新华社北京5月9日电", "东南网5月9日讯" is the day the report was filed.
DATELINE_AFTER = re.compile(r"[ \t]{0,2}(?:电|讯)(?=[\s（(【\[，,：:]|$)")  # not "电子", "电视"
# Endings of an event's name: a printed year right before one ("2022年全国科技活动周",
# "2021杭州数字经济周") is part of the name, not the event's date.
EVENT_NAME_ENDINGS = (
    "科技节", "科普节", "文化节", "艺术节", "电影节", "旅游节", "购物节", "美食节", "读书节",
    "活动周", "科技周", "宣传周", "经济周", "创新周", "时装周", "设计周", "活动月", "宣传月",
    "博览会", "交易会", "展览会", "展销会", "洽谈会", "推介会", "对接会", "发布会", "研讨会",
    "交流会", "座谈会", "表彰会", "运动会", "会议", "大会", "年会", "峰会", "论坛", "大赛", "竞赛",
    "比赛", "锦标赛", "联赛", "挑战赛", "选拔赛", "展会", "会展", "嘉年华", "开放日", "科普日",
    "服贸会", "进博会", "广交会", "高交会", "数博会", "文博会", "农博会", "科博会", "工博会",
    "研修班", "培训班", "训练营", "夏令营", "冬令营", "系列活动", "沙龙", "讲座",
    "特展",
)  # fmt: skip
# What may stand between the year and the ending: no punctuation and no verb or preposition
# ("2023年全市共举办展会" is a count of fairs, not one named fair).
# A quoted title may open the name: "2024年“光谷青年科技人才”研修班".
EVENT_NAME_BODY = rf"(?:[“\"「][^“”\"「」\n]{{1,20}}[”\"」])?[^\s，,。；;：:、！!？?（）()“”\"在于将共了已是为有举办开的]{{0,24}}?(?:{_alternation(EVENT_NAME_ENDINGS)})"
EVENT_NAME = re.compile(EVENT_NAME_BODY)
# A four-digit year printed straight before a name with no "年" ("2021杭州数字经济周") is a
# year only when the name is an event's; a count ("2021家企业") is not.
MEASURE_WORDS = "个家项名人次万亿元件场所座位届期批款辆台套吨米份只条"


_PERIODS = _alternation(DAY_PERIODS)
GAP = r"[ \t\r\xa0]{0,3}(?:\n[ \t\r\xa0]{0,3})?"
SEP = r"(?:——|[-—–~至到])"
NOT_NUM_BEFORE = r"(?<![0-9.A-Za-z])"
CN_DIGIT = "〇零一二三四五六七八九"
CN_MONTH = r"十[一二三四五六七八九]?|[一二三四五六七八九]"
CN_DAY = r"[二三]十[一二三四五六七八九]?|十[一二三四五六七八九]?|廿[一二三四五六七八九]?|卅一?|[一二三四五六七八九]"
LUNAR_MONTH = r"十[一二]|正|冬|腊|[一二三四五六七八九十]"
LUNAR_DAY = r"初[1-9](?![0-9])|初[一二三四五六七八九十]|二十[一二三四五六七八九]?|三十|廿[一二三四五六七八九]?|卅|十[一二三四五六七八九]?|[一二三四五六七八九]"
# Sexagenary years ("农历甲辰年" is 2024): stem and branch, optionally the zodiac animal.
STEMS = "甲乙丙丁戊己庚辛壬癸"
BRANCHES = "子丑寅卯辰巳午未申酉戌亥"
ZODIAC = "鼠牛虎兔龙蛇马羊猴鸡狗猪"
CN_COUNT = r"[一二两三四五六七八九十]{1,3}"
# "二十几年前", "几十年来", "十几天后": counts with 几 are vague.
# Chinese counts are well-formed numerals ("二十三", "十五"), so "五八年" (1958) is no count.
DURATION_COUNT = (
    r"[0-9]{1,3}|(?:[一二两三四五六七八九]?十[一二三四五六七八九]?|[一二两三四五六七八九])几?|几十|半|几|数"
)
# "两日前", "三日后" count days; "15日前" is "before the 15th", so only small Chinese counts.
DAY_COUNT = r"[一两二三四五六七八九]|几|数"
CN_HOUR = r"二十[一二三四]?|十[一二三四五六七八九]?|[零一二两三四五六七八九]"
CN_MINUTE = r"[一二三四五]?十[一二三四五六七八九]?|零[一二三四五六七八九]|[一二三四五六七八九]"
YEAR4 = r"(?:1[89]|2[01])[0-9]{2}"
# Republic of China years (Taiwan): "民國113年" is 2024 (ROC year + 1911). After "民國" any
# year from 元 (1) to three digits; without it only 100–129 followed by a month ("113年3月"),
# since mainland text never writes a three-digit year and "113年" alone is a count.
ROC_OFFSET = 1911
ROC_YEAR = (
    r"[0-9]{1,3}|[〇零一二三四五六七八九]{2,3}|一百(?:零[一二三四五六七八九]|[一二三四五六七八九]?十[一二三四五六七八九]?)?"
    r"|[一二三四五六七八九]?十[一二三四五六七八九]?|[一二三四五六七八九元]"
)
# A Chinese-numeral month and day without 日 ("五月二十", "二〇一九年十月八") is Gregorian: lunar
# only with a lunar cue (农历/阴历, 正/冬/腊月, a day written 初X/廿X/卅, "闰"), or for the few
# month-days whose festival made the lunar reading the familiar one.
LUNAR_FESTIVAL_DAYS = ("八月十五", "七月十五", "三月三", "正月十五")
CN_DAY_TEENS_UP = r"[二三]十[一二三四五六七八九]?|十[一二三四五六七八九]|廿[一二三四五六七八九]?|卅一?"
# Such a day counts only before punctuation, the end, a time of day or a verb of the event:
# "5月三大运营商" is no date.
CN_DAY_PLAIN = r"[二三]十[一二三四五六七八九]?|十[一二三四五六七八九]?|[一二三四五六七八九]"
# Words that follow only a day, so a day printed without 日 before them is still one:
# "10月22出生", "五月二十上午".
DAY_WITHOUT_RI_WORDS = (
    r"上午|下午|晚上|早上|中午|凌晨|当天|这天|那天|前后|举行|举办|召开|开幕|闭幕|出生|正式|隆重"
)
CN_DAY_PLAIN_NEXT = (
    rf"(?=[，,。；;：:、！!？?\s）)—~-]|$|{DAY_WITHOUT_RI_WORDS}|晚|夜|起|至|到|举|召|开|在|是|为|的|将"
    rf"|{_alternation(FESTIVAL_NAMES)})"  # "三月十二植树节"
)
# "5.20" and "5/20" are far more often numbers (versions, scores, prices, ratios): they are
# dates only after a word that introduces one or before a word that only follows one.
NUMERIC_DATE_BEFORE = "|".join(
    f"(?<={word})"
    for word in ("定于", "将于", "已于", "拟于", "计划于", "时间：", "时间:", "日期：", "日期:", "展期",
                 "档期", "截至", "截止", "起至", "自", "于每年")
)  # fmt: skip
NUMERIC_DATE_AFTER = (
    r"[（(](?:周|星期|礼拜)?[一二三四五六日天][）)]|上午|下午|晚上|晚间|早上|中午|凌晨|晚[0-9]|当天|当日"
    r"|举行|举办|召开|开幕|闭幕|开展|启动|开赛|开班|开营|开播|上映|开售|开始|起(?![步飞价])|前后|之前|以前"
    rf"|{_alternation(FESTIVAL_NAMES)}"  # "7.1建党节"
)
# Nothing a number takes may follow a compact date ("5.20元", "3.1分", "2019.10万", "5.2%").
NUMERIC_DATE_END = r"(?![0-9.%‰/·A-Za-z]|[ \t]?(?:[万亿元角分倍个岁人名家次位件项千百米克吨度秒点股只台套辆]|美元|港元|公里|平方|百分点|小时|分钟|亩))"
# An eight-digit "20190520" is a number after these: "订单号20190520", "编号…".
NUMERIC_DATE_NOT_AFTER = "".join(
    f"(?<!{word})" for word in ("号", "码", "No", "#", "电话：", "电话:", "手机：", "手机:", "账号", "编号")
)
# "2023年中国…" is not mid-2023 and "3月初步完成" not early March: a part word must not start a longer word.
# "11月至今年2月" is a range to February: "至今" before 年/天/日 is "to this …".
OPEN_WORDS = "起至今(?![年天日晚])|起迄今|以来|至今(?![年天日晚])|迄今|起|开始|以后|之后"
# "今年中秋节" is the festival, not mid-year: "中秋", "中元" guard too.
# "年终奖" is a bonus, not December; "5月头条" is a headline, not early May.
PART_GUARD = r"(?![国华方外共央心部文内步次级赛中等秋元奖声条版衔号像])(?!(?<=头)[一二两三四五六七八九十几0-9个])(?!(?<=中)[^，,。；;、：:\s）)前后时左以起至到将的开完实投竣启举召发推正全基期旬上下再进达])"


def month_expr(tag: str) -> str:
    """A month (3月, 三月, 3—5月, 本月) with an optional day (11日, 11—13日, 5号) or part (上旬, 底).

    ``tag`` keeps the group names unique: the same shape follows a year and stands alone.
    """
    return (
        rf"(?:(?:{NOT_NUM_BEFORE}(?P<m1_{tag}>[0-9]{{1,2}})|(?<![{CN_DIGIT}十百千第每几])(?P<mcn_{tag}>{CN_MONTH}|元(?<![美欧日港台澳韩单]元)))"
        rf"(?:{GAP}{SEP}{GAP}(?P<m2_{tag}>[0-9]{{1,2}}|{CN_MONTH}))?{GAP}月(?!初[一二三四五六七八九十]|廿|卅)"
        rf"|(?P<mrel_{tag}>{_alternation([*RELATIVE_MONTHS, *ANCHORED_MONTHS])})"
        # "本（3）月", "下(4)月": the month restated in brackets, as "今（13）日" restates the day.
        rf"|(?P<mpw_{tag}>[本上下])[（(](?P<mp_{tag}>[0-9]{{1,2}}|{CN_MONTH})[）)]{GAP}月)"
        rf"(?:{GAP}(?:(?P<d1_{tag}>[0-9]{{1,2}}|{CN_DAY})(?:{GAP}{SEP}{GAP}(?P<d2_{tag}>[0-9]{{1,2}}|{CN_DAY}))?{GAP}{DAY_WORD}"
        # An Arabic day with no 日 counts only before a range dash, punctuation or the end.
        rf"|(?P<d1b_{tag}>[0-9]{{1,2}})(?={DAY_WITHOUT_RI_NEXT})"
        # "二月十三到十五": a range of such days, the end without 日 too.
        rf"|(?<![0-9])(?P<d1c_{tag}>{CN_DAY_PLAIN}|{CN_DAY}(?=、(?:{CN_DAY})[日号]))(?![{CN_DIGIT}十])"
        rf"(?:{GAP}{SEP}{GAP}(?P<d2c_{tag}>{CN_DAY_PLAIN})(?![{CN_DIGIT}十月]))?{CN_DAY_PLAIN_NEXT}"
        rf"|(?P<mpart_{tag}>{_alternation(MONTH_PARTS)}){PART_GUARD}))?"
    )


# "号" is a day only when no noun follows it: "3号线", "5号楼", "2号文件" are numbers.
DAY_WORD = r"(?:日|号(?![线楼院馆令机文码库位台房厅室车道口门站仓栋床箱件卷期舰星种展场窗通店航选]))"
# "4月27、28日": list items share the last item's 日.
DAY_WITHOUT_RI_NEXT = rf"[至到—~，,。；;）)]|-[0-9]|\s|$|{DAY_WITHOUT_RI_WORDS}|、(?=[0-9]{{1,2}}[日号])"


# Two-digit years before "以后/以前/以来" that are read as years, not spans: "98年以后" is
# after 1998 ("98 years later" is rare in news), while "30年以后" stays thirty years on.
SHORT_YEAR_RELATION = r"8[5-9]|9[0-9]"
# A two-digit year ("95年", "零七年") counts only before a month or a part of the year:
# "15年" alone is fifteen years far more often than 2015.
SHORT_YEAR_NEXT = (
    rf"{GAP}(?:[0-9]{{1,2}}{GAP}月|(?:{CN_MONTH})月|第?[一二三四1-4]季度|首季度|上半年|下半年|底|末|初"
    rf"|前(?:[0-9]{{1,2}}|{CN_COUNT})个?(?:月|季度)|农历|(?:%s))"
)

_unambiguous_festivals = [n for n in FESTIVAL_NAMES if n not in AMBIGUOUS_FESTIVALS]
_unambiguous_terms = [n for n in SOLAR_TERM_NAMES if n not in AMBIGUOUS_TERMS]
# "零六年端午", "20年小寒": a two-digit year also counts before a festival or solar term.
SHORT_YEAR_NEXT = SHORT_YEAR_NEXT % _alternation([*FESTIVAL_NAMES, *SOLAR_TERM_NAMES])
_multi_seasons = [n for n in SEASON_NAMES if n not in AMBIGUOUS_SEASONS | FIGURATIVE_SEASONS]

_FAMILIES: list[tuple[str, str]] = [
    (
        # Recurring times ("每周一至周五", "每月15日", "每天9时") name no particular day: they
        # are matched only so that their parts are not read as dates, and resolve to nothing.
        "recurring",
        # "每逢周六", "逢周四休馆" (Hong Kong, Macau, Taiwan) recur too; "恰逢周六" is one day.
        rf"(?:每(?:逢|个)?|(?<![恰适正喜时又])逢)(?:(?:周|星期|礼拜)[一二三四五六日天](?:{GAP}{SEP}{GAP}(?:周|星期|礼拜)?[一二三四五六日天])?"
        rf"|(?<=每)个?月{GAP}(?:[0-9]{{1,2}}|{CN_DAY}){GAP}[日号](?:{GAP}{SEP}{GAP}(?:[0-9]{{1,2}}|{CN_DAY}){GAP}[日号])?"
        rf"|(?<=每)(?:天|日){GAP}(?:[0-9]{{1,2}}|{CN_HOUR}){GAP}[时点:])",
    ),
    # "每年", "每天", "每月": whatever date or time follows names no particular day either;
    # ``parser`` drops the pieces right after it (and the ends of their ranges).
    ("recur_pre", r"每(?:一|个)?(?:年|天|日|周|星期|礼拜|月|晚|季度)(?:的)?"),
    (
        "pday",
        # Taiwan also restates month and day: "今(5/14)日".
        # Hong Kong and Macau put the 日 inside: "昨（27日）下午".
        rf"(?P<pd_w>{_alternation(PAREN_DAY_WORDS)})[（(](?:(?P<pd_m>1[0-2]|0?[1-9])/)?(?P<pd_n>[0-9]{{1,2}}|{CN_DAY})(?:[日号][）)]|[）)]{GAP}日)",
    ),
    (
        "iso",
        rf"{NOT_NUM_BEFORE}(?P<iso_y>{YEAR4})(?P<iso_s>[-/.])(?P<iso_m>[0-9]{{1,2}})(?P=iso_s)(?P<iso_d>[0-9]{{1,2}})(?![0-9.])",
    ),
    (
        # Compact numeric dates: "2019.10", "2019.10-2021.06" (a CV's months), "20190520", and
        # "5.20", "5/20-5/26" only where the words around them make them dates (NUMERIC_DATE_*).
        "numdate",
        rf"{NOT_NUM_BEFORE}(?<![0-9])(?:(?P<ym_y>{YEAR4})\.(?P<ym_m>1[0-2]|0[1-9]|[1-9])(?![0-9]){NUMERIC_DATE_END}"
        rf"(?:{GAP}{SEP}{GAP}(?:(?P<ym_y2>{YEAR4})\.(?P<ym_m2>1[0-2]|0[1-9]|[1-9])(?![0-9]){NUMERIC_DATE_END}|(?P<ym_now>至今|今)"
        rf"|(?P<ym_y3>{YEAR4})(?![0-9.年月]){NUMERIC_DATE_END}))?"
        # The shape is checked before the words around it: most digits are no date at all.
        rf"|(?=(?:19|20|21|18)[0-9]{{6}}(?![0-9A-Za-z])){NUMERIC_DATE_NOT_AFTER}(?P<c8_y>{YEAR4})(?P<c8_m>0[1-9]|1[0-2])(?P<c8_d>0[1-9]|[12][0-9]|3[01])(?![0-9A-Za-z])"
        rf"|(?=[01]?[0-9][./][0-3]?[0-9](?![0-9]))(?:{NUMERIC_DATE_BEFORE})(?P<dd_m>1[0-2]|0?[1-9])(?P<dd_s>[./])(?P<dd_d>3[01]|[12][0-9]|0?[1-9])(?![0-9]){NUMERIC_DATE_END}"
        rf"(?:{GAP}{SEP}{GAP}(?P<dd_m2>1[0-2]|0?[1-9])(?P=dd_s)(?P<dd_d2>3[01]|[12][0-9]|0?[1-9])(?![0-9]){NUMERIC_DATE_END})?"
        rf"|(?<![0-9.·•/])(?P<de_m>1[0-2]|0?[1-9])(?P<de_s>[./])(?P<de_d>3[01]|[12][0-9]|0?[1-9])(?![0-9]){NUMERIC_DATE_END}"
        rf"(?:{GAP}{SEP}{GAP}(?P<de_m2>1[0-2]|0?[1-9])(?P=de_s)(?P<de_d2>3[01]|[12][0-9]|0?[1-9])(?![0-9]){NUMERIC_DATE_END})?"
        rf"(?={GAP}(?:{NUMERIC_DATE_AFTER})))",
    ),
    (
        "plan",
        r"(?:[“\"「『‘](?P<plan_q>十[一二三四五六七八九]|[一二三四五六七八九十])五[”\"」』’]"
        rf"|(?<![一二三四五六七八九十百千万两0-9])(?P<plan_b>十[一二三四五六七八九]|[一二三四五六七八九十])五(?=期间|时期|规划|计划|以来|末|初)"
        rf"|(?<![一二三四五六七八九十百千万两0-9])(?P<plan_c>十[一二三四五六七八九])五(?![日号月年天个岁人名万亿元])"
        rf"){GAP}(?P<plan_suf>{_alternation(PLAN_SUFFIXES)})?",
    ),
    (
        "decade",
        rf"(?:(?:(?P<cent>[0-9]{{2}}|二十一|二十|十[一二三四五六七八九]|[一二三四五六七八九])|(?P<cent_rel>{_alternation(CENTURY_OFFSETS)}))世纪{GAP}"
        rf"(?:(?:(?P<dec>[1-9]0|[一二三四五六七八九]十)|(?P<dp1>[一二三四五六七八九])(?P<dp2>[一二三四五六七八九])十){GAP}年代)?"
        rf"|{NOT_NUM_BEFORE}(?<![一二三四五六七八九十])(?:(?P<dec_b>[1-9]0|[二三四五六七八九]十)"
        rf"|(?P<dq1>[二三四五六七八九])(?P<dq2>[二三四五六七八九])十){GAP}年代"
        # "1990年代", as Taiwan and Hong Kong write the 1990s.
        rf"|{NOT_NUM_BEFORE}(?P<dec4>1[0-9][0-9]0|20[0-9]0){GAP}年代"
        # "民國70年代" is ROC 70–79: 1981–1990.
        rf"|(?:中华)?民国{GAP}(?P<dec_roc>[1-9]0|[一二三四五六七八九]十){GAP}年代)"
        r"(?P<dec_part>初期|中期|末期|前期|后期|中叶|上半叶|下半叶|初|末)?",
    ),
    (
        "lunar",
        rf"(?:(?P<l_pre>农历|阴历|旧历){GAP}(?:(?:(?P<l_y>{YEAR4}|[{CN_DIGIT}]{{4}})|(?P<l_gz>[{STEMS}][{BRANCHES}])[{ZODIAC}]?){GAP}年{GAP})?(?P<l_leap>闰)?(?P<l_m1>{LUNAR_MONTH}|[0-9]{{1,2}}){GAP}月"
        rf"(?:{GAP}(?P<l_d1>{LUNAR_DAY}|[0-9]{{1,2}})(?:{GAP}[日号])?)?"
        rf"|闰(?P<l_m2>{LUNAR_MONTH}|[0-9]{{1,2}})月(?P<l_d2>{LUNAR_DAY})?"
        rf"|(?P<l_m3>正|冬|腊)月(?P<l_d3>{LUNAR_DAY}|[1-9](?![0-9])|[12][0-9](?![0-9])|30(?![0-9]))?"
        rf"|大年(?P<l_d5>初[一二三四五六七八九十])"
        rf"|(?<![{CN_DIGIT}十])(?P<l_m4>{CN_MONTH})月(?P<l_d4>初[一二三四五六七八九十]|廿[一二三四五六七八九]?|卅)"
        # "八月十五" with no 农历 is still the lunar day its festival made familiar.
        rf"|(?<![{CN_DIGIT}十])(?P<l_fd>{_alternation(LUNAR_FESTIVAL_DAYS)})(?![日号0-9{CN_DIGIT}十]))",
    ),
    (
        "holiday",
        rf"(?:[“\"「『‘](?P<hol_q>{_alternation(HOLIDAY_NAMES)})[”\"」』’]|(?<![{CN_DIGIT}十])(?P<hol>{_alternation(HOLIDAY_NAMES)}))"
        rf"{GAP}(?P<hol_suf>{_alternation(HOLIDAY_SUFFIXES)})",
    ),
    (
        "fest",
        # Number-like names ("六一", "五一") must not be part of a longer numeral ("一九六一年").
        # "迎国庆", "喜迎春节": the days before the festival, read as its 前夕.
        rf"(?P<fest_ying>喜迎|迎)?(?:(?<![{CN_DIGIT}十])|(?![{CN_DIGIT}十]))(?P<fest>{_alternation(_unambiguous_festivals)}"
        rf"|(?:{_alternation(AMBIGUOUS_FESTIVALS)})(?=节|{DAY_CONTEXT})|(?<=年|历|迎)(?:{_alternation(AMBIGUOUS_FESTIVALS)})"
        + "".join(f"|{re.escape(alias)}(?={context})" for alias, (_, context) in FESTIVAL_ALIASES.items())
        + ")"
        rf"(?![{CN_DIGIT}十年月日号岛])"
        rf"(?:{GAP}(?P<fest_dir>前|后){GAP}(?P<fest_n>[0-9]{{1,2}}|{CN_COUNT}){GAP}[天日]|(?P<fest_eve>前夕|前后|前一天|后一天|次日))?",
    ),
    (
        "term",
        rf"(?P<term>{_alternation(_unambiguous_terms)}"
        rf"|(?:{_alternation(AMBIGUOUS_TERMS)})(?={DAY_CONTEXT})|(?<=年)(?:{_alternation(AMBIGUOUS_TERMS)}))",
    ),
    (
        "dur",
        # A count of units with a direction: "15天后", "两个月前", "3年来", "今后两年", "近三年".
        # Bare "3月"/"3日" are never durations (only "个月" and "天" count).
        # "前一天" is the day before (``ANCHORED_DAYS``), not "the first day".
        rf"(?!前一[天日])(?:(?P<dur_pre>{_alternation(DURATION_PREFIXES)}){GAP}(?:(?<=过去|未来|今后)的)?(?P<dur_n>{DURATION_COUNT}){GAP}[余多]?"
        rf"(?P<dur_u>{_alternation(DURATION_UNITS)})(?:{GAP}多?(?P<dur_suf1>以来|来))?"
        rf"|(?<![0-9.])(?!0[0-9]{GAP}年|(?:{SHORT_YEAR_RELATION}){GAP}年(?:以后|以前|之后|之前|以来))(?P<dur_n2>{DURATION_COUNT}){GAP}[余多]?(?P<dur_u2>{_alternation(DURATION_UNITS)})"
        # "七年半后", "一年半前": half a unit more.
        rf"{GAP}(?P<dur_half>半)?多?(?P<dur_suf>{_alternation(DURATION_SUFFIXES)})"
        rf"|(?<![0-9一二两三四五六七八九十月])(?P<dur_n3>{DAY_COUNT})日(?P<dur_suf3>之前|以前|之后|以后|前|后)"
        rf"|(?P<dur_nl>(?<![以之])[上下]|(?:^|(?<=[\s，,。；;：:、（(“\"在的于]))后)(?P<dur_n6>[一两二三四五六七八九十]|[1-9]|1[0-2])"
        rf"(?P<dur_u6>{_alternation(NEXT_LAST_UNITS)})(?![{NEXT_LAST_NOT_AFTER}])"
        # "30日内", "十五日内": within so many days ("15日前" is before the 15th, "日内瓦" Geneva).
        rf"|(?<![0-9.月])(?P<dur_n5>[0-9]{{1,3}}|{CN_COUNT}){GAP}日(?P<dur_suf5>以内|之内|内)(?!瓦)"
        # "1967年前两月": right after a year, "前N月" (no 个) is its first N months, and
        # "2021年后三月" its last N; at the start of a clause "前两月" is ref's year's first two.
        rf"|(?<=年)(?P<dur_pre4>前|头)(?P<dur_n4>[0-9]{{1,2}}|{CN_COUNT})月(?![0-9份])"
        rf"|(?<=年)后(?P<dur_n8>[0-9]{{1,2}}|{CN_COUNT})个?月(?![0-9份])"
        rf"|(?:^|(?<=[，,。；;：:\s]))(?P<dur_pre7>前|头)(?P<dur_n7>[0-9]{{1,2}}|{CN_COUNT})月(?![0-9份]))",
    ),
    (
        "qq",
        rf"(?<![A-Za-z0-9])(?:(?P<qq_y>{YEAR4})[Qq](?P<qq_n>[1-4])|[Qq](?P<qq_b>[1-4])(?={QUARTER_CONTEXT}))(?![0-9A-Za-z])",
    ),
    # "3·15晚会", "6·18": a month and day joined by a middle dot (of ref's year, like "3月15日").
    (
        "dotday",
        r"(?<![0-9.·•/])(?P<dt_m>1[0-2]|[1-9])"
        # Taiwan writes "3/11（一）": a slash counts only before a bracketed weekday (not 3/11 the fraction).
        r"(?:[·•]|/(?=(?:3[01]|[12][0-9]|[1-9])[（(](?:周|星期|礼拜)?[一二三四五六日天][）)]))"
        r"(?P<dt_d>3[01]|[12][0-9]|[1-9])(?![0-9.·•/成倍%万亿元个岁人名家次位件项千百米克吨度分秒])",
    ),
    # "从2015到2017": years without 年 make a range only after 从/自 (else they are counts).
    (
        "yspan",
        rf"(?:(?<=从)|(?<=自))(?P<ys1>{YEAR4})年?{GAP}{SEP}{GAP}(?P<ys2>{YEAR4})(?![0-9.%]|[{MEASURE_WORDS}万亿元])年?",
    ),
    # "2024—2025学年" is the school year: 1 September 2024 .. 31 August 2025.
    ("acad", rf"{NOT_NUM_BEFORE}(?P<ac_y1>{YEAR4}){GAP}{SEP}{GAP}(?P<ac_y2>{YEAR4}){GAP}学年度?"),
    (
        "cal_y",
        # A year (2024年, 二〇二四年, 95年 only before a month, 2021—2025年, 今年, 当年…), then
        # optionally a part of it (上半年, 年末, 第一季度) or a month with a day or month part.
        rf"(?:{NOT_NUM_BEFORE}(?P<y4>{YEAR4})(?:{GAP}{SEP}{GAP}(?P<y4b>{YEAR4}))?{GAP}年"
        rf"|(?:中华)?民国{GAP}(?P<yroc>{ROC_YEAR})(?:{GAP}{SEP}{GAP}(?P<yrocb>{ROC_YEAR}))?{GAP}年"
        # ... or before a part of the year: "115年底完工", "116年上半年启用", "113年第一季" ("113年度预算"
        # stays a lookalike: see tests/temporal/test_news_forms.py).
        rf"|{NOT_NUM_BEFORE}(?P<yroc3>1[0-2][0-9]){GAP}年(?={GAP}(?:(?:[0-9]{{1,2}}|{CN_MONTH}){GAP}月|底|末|初|[上下]半年|第[一二三四1-4]季))"
        # "今（2024）年", "去(2023)年": Taiwan papers restate the year in brackets; the number wins.
        rf"|[今去明前本][（(](?:(?P<y4p>{YEAR4})|(?P<yrocp>1[0-2][0-9]))[）)]{GAP}年"
        rf"|(?<![{CN_DIGIT}])(?P<ycn>[{CN_DIGIT}]{{4}}){GAP}年"
        rf"|{NOT_NUM_BEFORE}(?P<y2>[0-9]{{2}}){GAP}年(?={SHORT_YEAR_NEXT})"
        rf"|(?<![{CN_DIGIT}十])(?P<ycn2>[{CN_DIGIT}]{{2}}){GAP}年(?={SHORT_YEAR_NEXT})"
        # "成立于98年", "在15年": a count of years is not introduced by a preposition of time.
        rf"|(?:(?<=于)|(?<=在)|(?<=自)|(?<=从))(?P<y2p>[0-9]{{2}}){GAP}年(?![内间来里中度前后多余])"
        # "09年", "零九年": a count never starts with a zero, so these are years even alone.
        rf"|{NOT_NUM_BEFORE}(?P<y2z>0[0-9]){GAP}年(?!代)|(?<![{CN_DIGIT}十])(?P<ycn2z>[零〇][{CN_DIGIT}]){GAP}年(?!代)"
        # "98年以后" is after 1998: a span of 85–99 years is rarely said so (see SHORT_YEAR_RELATION).
        rf"|{NOT_NUM_BEFORE}(?P<y2r>{SHORT_YEAR_RELATION}){GAP}年(?=以后|以前|之后|之前|以来)"
        rf"|(?P<yrel>{_alternation([*RELATIVE_YEARS, *ANCHORED_YEARS])}))"
        # "113年度第2季": "度" may stand between the year and its part.
        rf"(?:{GAP}(?:度(?=第|首|上半|下半|Q))?(?P<ypart>{_alternation(YEAR_PARTS)}){PART_GUARD}|{GAP}{month_expr('y')})?"
        rf"(?P<open_y>{OPEN_WORDS})?",
    ),
    ("cal_m", rf"{month_expr('m')}(?P<open_m>{OPEN_WORDS})?"),
    # A day right after a range dash takes the month before it: "12月九号到十五号", "11日至13号".
    (
        "rangeday",
        rf"(?<=[至到—~-])(?P<rd>[0-9]{{1,2}}|{CN_DAY}){GAP}{DAY_WORD}"
        # "7月6号，7号，8号": a day in 号 right after another day, in a list.
        rf"|(?<=[号日][、，,和及与])(?P<rdl>[0-9]{{1,2}}|{CN_DAY}){GAP}{DAY_WORD}",
    ),
    (
        "bareday",
        rf"{NOT_NUM_BEFORE}(?P<bd>[1-9]|[12][0-9]|3[01]){GAP}(?:日(?![游内均间元])"
        # "12号" alone is as often a house or line number; before a range to another day it is one.
        rf"|号(?={GAP}(?:——|[-—–~至到]){GAP}(?:[0-9]{{1,2}}|{CN_DAY}){GAP}{DAY_WORD}))"
        # Taiwan papers write the day in numerals: "廿二日", "二十六日". Only 11–31, since
        # "三日", "十日" are as often spans ("为期十日"); never after a count word.
        rf"|(?<![{CN_DIGIT}十廿卅百千万两几第每初月年期续时约近达共仅了])(?P<bdc>{CN_DAY_TEENS_UP}){GAP}日(?![游内均间元])",
    ),
    (
        "yq",
        rf"{NOT_NUM_BEFORE}(?:(?P<yq>(?:19|20)[0-9]{{2}})(?={GAP}[“\"《「『])"
        rf"|(?P<yqn>(?:19|20)[0-9]{{2}})(?=(?![{MEASURE_WORDS}])[\u4e00-\u9fff])(?={EVENT_NAME_BODY}))",
    ),
    ("qrel", rf"(?P<qrel>{_alternation(QUARTER_OFFSETS)})"),
    ("rspan", rf"(?P<rspan>{_alternation(RELATIVE_SPANS)})"),
    (
        "festside",
        rf"(?:(?<=[，,。；;、：:\s“（(])|^|(?<=[在于至到]))(?P<fside>{_alternation(FESTIVAL_SIDES)})",
    ),
    (
        "ypart",
        r"(?<![一二三四五六七八九十两几每多0-9个大])(?P<ypart_s>上半年|下半年|年初|年底|年末|年尾|年内|第[一二三四]季度|[一二三四]季度|首季度|暑假|寒假)"
        rf"(?P<open_p>{OPEN_WORDS})?",
    ),
    # "下旬" and "月底" with no month before them: of the month the text last named, else ref's.
    (
        "mpart",
        rf"(?<![一二三四五六七八九十两几每多0-9个月岁日])(?P<mpart_s>{_alternation(BARE_MONTH_PARTS)})(?![旬国心央])",
    ),
    ("rday", RELATIVE_DAY_GUARD.format(words=_alternation(RELATIVE_DAYS))),
    # "第三个星期日", "最后一个周五": of the month before it ("6月第3个星期日"), joined in ``combine``.
    (
        "nthwd",
        r"(?:第(?P<nw_n>[1-5一二三四五])|(?P<nw_last>最后一?|倒数第一))个?(?:周|星期|礼拜)(?P<nw_d>[一二三四五六日天])",
    ),
    ("aday", rf"(?P<aday>{_alternation(ANCHORED_DAYS)})"),
    (
        "week",
        rf"(?:(?P<wk_pre>{_alternation(WEEK_OFFSETS)})(?:周|星期|礼拜)(?:(?:周|星期|礼拜)?(?P<wk_d>[一二三四五六日天末])|(?![期年岁边围转刊报]))"
        rf"|(?<![一二两三四五六七八九十每几数半隔第])(?:周|星期|礼拜)(?P<wk_d2>[一二三四五六日天末])"
        # "星期三至四": the end of a weekday range may drop 星期 ("周一到五").
        r"|(?:(?<=周[一二三四五六日天][至到~-])|(?<=星期[一二三四五六日天][至到~-])|(?<=礼拜[一二三四五六日天][至到~-]))"
        r"(?P<wk_d4>[一二三四五六日天])(?![一二三四五六七八九十百千万0-9月日号年点时个次期])"
        # Taiwan's "3月11日（一）", "3/11（一）": a lone weekday character in brackets right after a day.
        r"|(?:(?<=[0-9一二三四五六七八九十][日号][（(])|(?<=[0-9]/[0-9][（(])|(?<=[0-9]/[0-9]{2}[（(]))(?P<wk_d3>[一二三四五六日])(?=[）)]))",
    ),
    ("vague", rf"(?<![0-9一二两三四五六七八九十几数])(?P<vague>{_alternation([*VAGUE_DAYS, *VAGUE_YEARS])})"),
    (
        "season",
        rf"(?:(?P<season>{_alternation(_multi_seasons)}|(?<=年)(?:{_alternation(FIGURATIVE_SEASONS)})"
        rf"|(?:{_alternation(FIGURATIVE_SEASONS)})(?={SEASON_CONTEXT}))(?P<season_suf>{SEASON_CONTEXT})?"
        r"|(?<=年)(?P<season_b>[春夏秋冬])(?=[，,。、；;：\s）)]|$)"
        rf"|(?P<season_rel>{_alternation(SEASON_YEAR_WORDS)})(?P<season_c>[春夏秋冬])(?![节运晚装耕游播茶季天]))",
    ),
    (
        "time",
        # A time of day, optionally with the end of a range ("上午9时至11时", "9:00-17:00",
        # "晚上9~11点"); "9点20" and "9:30" alone are weak: they count only beside a day.
        rf"(?:(?P<t_per>{_PERIODS}){GAP}(?P<t_h>[0-9]{{1,2}}|{CN_HOUR}){GAP}(?:[时点:]){GAP}"
        rf"(?:(?P<t_q>[一三13]刻)|(?P<t_m>[0-9]{{1,2}}|{CN_MINUTE}){GAP}分?|(?P<t_half>半))?(?:许|左右|整)?"
        rf"|(?<![0-9.])(?P<t_h2>[0-9]{{1,2}}|{CN_HOUR}){GAP}[时点]{GAP}(?:(?P<t_m2>[0-9]{{1,2}}|{CN_MINUTE}){GAP}分|(?P<t_half2>半)|(?P<t_q2>[一三13]刻))"
        rf"|(?<![0-9.:])(?P<t_h3>[0-9]{{1,2}})(?:[:]|{GAP}点{GAP})(?P<t_m3>[0-5][0-9])(?::[0-5][0-9])?(?![0-9:.%亿万元个])时?"
        rf"|(?<![0-9.])(?P<t_h4>[0-9]{{1,2}}|{CN_HOUR}){GAP}[时点](?:整|许|左右)?(?![间候期代刻钟])"
        rf"|(?:(?P<t_per5>{_PERIODS}){GAP})?(?<![0-9.:第])(?P<t_h5>[0-9]{{1,2}}|{CN_HOUR})(?={GAP}{SEP}))"
        rf"(?:{GAP}{SEP}{GAP}(?:次日)?(?P<te_per>{_PERIODS})?{GAP}(?P<te_h>[0-9]{{1,2}}|{CN_HOUR})"
        rf"(?:{GAP}[时点]{GAP}(?:(?P<te_m>[0-9]{{1,2}}|{CN_MINUTE}){GAP}分|(?P<te_half>半)|(?P<te_q>[一三13]刻)|(?P<te_m3>[0-5][0-9]))?"
        rf"|:(?P<te_m2>[0-5][0-9])(?::[0-5][0-9])?)(?![0-9:.%亿万元个日号月年])(?:许|左右|整)?)?",
    ),
]


def _guarded(body: str) -> str:
    prefix = first_chars(body)
    return f"(?={prefix})(?:{body})" if prefix else body


def _chunked(families: list[tuple[str, str]], size: int) -> str:
    """The families as one alternation, in order, in runs of ``size`` behind a shared guard.

    At a position no family in a run can start at, the engine skips the whole run with one
    character-class test instead of one per family. Runs keep the families' order, so the
    earlier family still wins where two match at the same place.
    """
    runs = []
    for i in range(0, len(families), size):
        run = families[i : i + size]
        body = "|".join(f"(?P<F_{name}>{_guarded(pattern)})" for name, pattern in run)
        prefix = first_chars("|".join(f"(?:{pattern})" for _, pattern in run))
        runs.append(f"(?={prefix})(?:{body})" if prefix else f"(?:{body})")
    return "|".join(runs)


FAMILIES: tuple[str, ...] = tuple(name for name, _ in _FAMILIES)
_ALL_FIRST = first_chars("|".join(f"(?:{body})" for _, body in _FAMILIES))
MASTER = re.compile((f"(?={_ALL_FIRST})" if _ALL_FIRST else "") + f"(?:{_chunked(_FAMILIES, 3)})")

# What may stand between two expressions that belong together.
# "3月11日起至17日", "即日起至4月30日": a "起" before the dash still makes a range.
# "今年最后一天", "下个月的第一天", "本周首日": one end of the month, year or week named before.
UNIT_END_DAY = re.compile(
    r"[ \t]{0,2}的?(?P<which>第一天|第一日|头一天|首日|最后一天|最后一日|末日|(?P<month>第一个月|首月|最后一个月))"
)
# "从一月八日持续到20日", "5月1日延续至3日": a verb of lasting joins the two ends too.
RANGE_GAP = re.compile(rf"{GAP}起?(?:——|[-—–~至到]|一直到|直至|直到|(?:一直)?(?:持续|延续)(?:到|至)){GAP}")
LIST_GAP = re.compile(rf"{GAP}(?:[、和及与]|以及){GAP}")
# "2016年与2018年间", "2016年和2018年之间": two items of a list are the ends of a range.
BETWEEN = re.compile(r"之?间")
CLUE_GAP = re.compile(r"[\s，,（(]{0,3}")
CLUE_CLOSE = re.compile(r"[ \t]{0,2}[）)]")
BRACKETED_CLUE = re.compile(r"[ \t]{0,2}[（(][^（）()\n]{1,12}[）)]")
RANGE_OPENERS = ("从", "自", "由", "于")

# Group names a tag makes unique ("m1_y" after a year, "m1_m" alone) and the plain name the
# resolvers read.
TAGGED_GROUPS = frozenset(
    {"m1", "mcn", "m2", "mrel", "mpw", "mp", "d1", "d1b", "d1c", "d2", "d2c", "mpart", "open"}
)


def _family_groups() -> dict[str, tuple[tuple[int, str], ...]]:
    """For each family, (group index, resolver key) of the groups inside it, for a fast scan."""
    by_index = sorted((index, name) for name, index in MASTER.groupindex.items())
    out: dict[str, list[tuple[int, str]]] = {}
    family = None
    for index, name in by_index:
        if name.startswith("F_"):
            family = name[2:]
            out[family] = []
            continue
        base, _, tag = name.rpartition("_")
        out[family].append((index - 1, base if base in TAGGED_GROUPS and tag in ("y", "m") else name))
    return {key: tuple(value) for key, value in out.items()}


FAMILY_GROUPS = _family_groups()
