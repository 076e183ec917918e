"""What a report carries across its sentences: its dateline day, durations, the date of "当天上午". Plain Python.

These rules read the article as a reporter wrote it: a dated dateline ("本报太原9月26日讯")
fixes what "今天" means in that report, "为期三天" stretches the event dated just before,
and a clause-initial "当天上午，" takes the last day the report named.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from dataclasses import replace
from datetime import date, timedelta
from functools import cache

from events import temporal
from events.temporal import Precision
from events.temporal.reading import add_months, last_day

from . import patterns as P
from .dating import MIN_MENTION_CONFIDENCE, DateLink, FlatMention, link_from_mention
from .figures import parse_number
from .text import Document, Sentence

_DATELINE_RE = re.compile(P.DATELINE)
_DATELINE_STARTS = ("【", "[", *P.DATELINE_AGENCIES)
_BARE_DAY_RE = re.compile(r"^(\d{1,2})\s*日")
_UNTIL = frozenset("至到止")
_DATELINE_DATE_RE = re.compile(P.DATELINE_DATE)
_DURATION_RE = re.compile(P.DURATION)
_DURATION_MONTHS_RE = re.compile(P.DURATION_MONTHS)
# "昨（14）日", "今(15)日": the parser reads none of these (see fix_for_parser).
_BRACKETED_DAY_RE = re.compile(r"[昨今前明]\s*[（(](\d{1,2})[）)]\s*日")


def fix_for_parser(text: str) -> str:
    """``text`` with forms the temporal parser misses rewritten to same-length forms it reads.

    WORKAROUND (parser gap, reported): "昨（14）日上午" gives no mention at all, though it is
    the commonest dateline form in mainland papers. It is rewritten to "   14日" (spaces
    keep every offset), which the parser reads as the 14th nearest the publication date.
    Skipped when the parser reads the bracketed form itself (checked once, see below).
    """
    if _parser_reads_bracketed_days():
        return text
    return _BRACKETED_DAY_RE.sub(
        lambda m: " " * (len(m.group()) - len(m.group(1)) - 1) + m.group(1) + "日", text
    )


@cache
def _parser_reads_bracketed_days() -> bool:
    """Whether the temporal parser already dates "昨（14）日" (then the workaround stands aside)."""
    probe = date(2024, 10, 15)
    return any(m.start == date(2024, 10, 14) for m in temporal.extract("昨（14）日上午", ref=probe))


def report_starts(sentences: list[Sentence]) -> dict[int, int]:
    """Report number → flat offset of its first sentence."""
    starts: dict[int, int] = {}
    for s in sentences:
        starts.setdefault(s.report, s.start)
    return starts


def anchor_relative_days(doc: Document, mentions: list[FlatMention], ref: date) -> list[FlatMention]:
    """Mentions with "今天/昨日…" re-counted from the report's dated dateline, where it has one.

    "本报太原9月26日讯…今天，大赛…落下帷幕" happened on the 26th even in the paper of the
    27th. The dateline year is the publication year, or the one before when the month/day
    would fall after publication.
    """
    days = _dateline_days(doc, ref)
    if not days:
        return mentions
    out = []
    for f in mentions:
        day = _report_day(doc, days, f.start)
        word = next((w for w in P.RELATIVE_DAY_WORDS if f.mention.text.startswith(w)), "")
        if day is None or not word or f.mention.precision is not Precision.DAY:
            out.append(f)
            continue
        new = day + timedelta(days=P.RELATIVE_DAY_WORDS[word])
        out.append(replace(f, mention=replace(f.mention, start=new, end=new, edtf=new.isoformat())))
    return out


def inherit_months(doc: Document, mentions: list[FlatMention], ref: date | None = None) -> list[FlatMention]:
    """Bare days ("11日上午") re-read in the month of the explicit date just before them in the report.

    WORKAROUND (parser gap, reported): the parser resolves a bare "11日" against the
    publication date, so "3月11日至13日在台中举办，11日上午举行开幕典礼" read in October gives
    10月11日. Reporters write a bare day only right after naming the month, so the day is
    moved into the month (and year) of the last explicit date earlier in the same report
    when the two are more than 20 days apart. Drop once the parser carries the month itself.

    The parser also carries a month across the briefs of an e-paper page ("…展期至12月31日。" then
    the next brief's "11日至13日" read as December). A bare day in a report that names no month
    before it belongs to the page's month: read more than a month away from ``ref``, it is moved
    into ``ref``'s month. A range keeps its length.
    """
    out: list[FlatMention] = []
    last: tuple[int, date] | None = None  # (report, start) of the last mention printing a month
    starts = [s.start for s in doc.sentences]
    for f in mentions:
        m = f.mention
        report = _report_of(doc, starts, f.start)
        if "月" in m.text and m.start is not None and doc.flat[f.start - 1 : f.start] not in _UNTIL:
            last = (report, m.start)  # not the end of a span told alone: "持续至2月底。……13日开幕"
        bare = _BARE_DAY_RE.match(m.text)
        target = None
        if bare and m.start and last and last[0] == report and abs((m.start - last[1]).days) > 20:
            target = last[1]
        elif (
            bare
            and m.start
            and ref
            and (last is None or last[0] != report)
            and _months_apart(m.start, ref) > 1
        ):
            target = ref
        if target is not None:
            try:
                day = target.replace(day=int(bare.group(1)))
            except ValueError:
                out.append(f)
                continue
            end = day + ((m.end or m.start) - m.start)
            edtf = day.isoformat() if end == day else f"{day.isoformat()}/{end.isoformat()}"
            f = replace(f, mention=replace(m, start=day, end=end, edtf=edtf))
        out.append(f)
    return out


def _months_apart(a: date, b: date) -> int:
    return abs((a.year * 12 + a.month) - (b.year * 12 + b.month))


def _report_of(doc: Document, starts: list[int], offset: int) -> int:
    """The report holding flat ``offset`` (``starts``: the sentences' flat starts)."""
    i = bisect_right(starts, offset) - 1
    return doc.sentences[i].report if i >= 0 else 0


def _dateline_days(doc: Document, ref: date) -> dict[int, date]:
    """Flat offset of each dated dateline → its filing day."""
    days: dict[int, date] = {}
    for s in doc.sentences:
        if not doc.flat.startswith(_DATELINE_STARTS, s.start):
            continue  # most sentences: no dateline, no regex
        text = doc.text(s)
        lead = _DATELINE_RE.match(text)
        found = _DATELINE_DATE_RE.search(text, 0, lead.end()) if lead else None
        if not found:
            continue
        try:
            day = date(ref.year, int(found.group(1)), int(found.group(2)))
            if day > ref + timedelta(days=1):
                day = day.replace(year=ref.year - 1)
        except ValueError:
            continue
        days[s.start] = day
    return days


def _report_day(doc: Document, days: dict[int, date], offset: int) -> date | None:
    """The dateline day governing flat ``offset``: the last dated dateline of the same report."""
    starts = [s.start for s in doc.sentences]
    i = bisect_right(starts, offset) - 1
    if i < 0:
        return None
    report = doc.sentences[i].report
    found = None
    for s in doc.sentences[: i + 1]:
        if s.report == report and s.start in days:
            found = days[s.start]
    return found


def last_day_before(mentions: list[FlatMention], start: int, before: int) -> DateLink | None:
    """The last confident day-precision mention in ``[start, before)``, as a discourse link, or None."""
    found = None
    for f in mentions:
        if f.start >= before:
            break
        m = f.mention
        if f.start >= start and m.precision is Precision.DAY and m.confidence >= MIN_MENTION_CONFIDENCE:
            if m.text.strip() not in P.DATE_ANAPHORS:
                found = f
    return found


def as_discourse(link: DateLink, date_text: str) -> DateLink:
    """``link`` re-sourced as a discourse date printed as ``date_text``."""
    return replace(link, source="discourse", date_text=date_text)


def mention_link(found: FlatMention, original: str) -> DateLink:
    """A discourse link from a mention."""
    return replace(link_from_mention(found, original), source="discourse")


def duration_days(sentence: str) -> int:
    """N of "为期N天"/"展期N天" in a flat sentence (N weeks of "为期一周"/"为期两周" in days), or 0."""
    match = _DURATION_RE.search(sentence)
    value = parse_number(match.group(1) or "一") if match else None
    if value and match.group(2) in ("周", "星期"):
        value *= 7
    return int(value) if value and 1 < value <= 60 else 0


def duration_months(sentence: str) -> int:
    """N of "为期N个月" (12 for "为期一年", 6 for "为期半年") in a flat sentence, or 0."""
    match = _DURATION_MONTHS_RE.search(sentence)
    if not match:
        return 0
    count = match.group(1) or "一"
    value = 0.5 if count == "半" else parse_number(count)
    months = int((value or 0) * (12 if match.group(2) == "年" else 1))
    return months if 1 <= months <= 24 else 0


def _months_on(day: date, months: int) -> date:
    """The day before the same day ``months`` later (9月2日 + 3 months → 12月1日); when that
    month has no such day, its last day (1月31日 + one month → 2月29日)."""
    year, month = add_months(day.year, day.month, months)
    end = last_day(year, month)
    return end if day.day > end.day else date(year, month, day.day) - timedelta(days=1)


def stretched(link: DateLink, days: int, *, closing: bool = False, months: int = 0) -> DateLink:
    """A one-day link stretched to ``days`` days ("为期三天" from 5月14日 → 14..16), or ``months``.

    ``closing``: the day is the last one ("…今天闭幕。本届高交会为期5天" → 15..19).
    """
    if link.precision != "day" or link.start != link.end:
        return link
    if months and not closing:  # "9月2日…开班。研修班为期三个月" → 9月2日..12月1日
        start, end = link.start, _months_on(link.start, months)
        return replace(link, start=start, end=end, edtf=f"{start.isoformat()}/{end.isoformat()}")
    if not days:
        return link
    start, end = link.start, link.start + timedelta(days=days - 1)
    if closing:
        start, end = link.start - timedelta(days=days - 1), link.start
        # "12月19日下午5时闭幕…为期3天": the time printed is when it closed, not when it began.
        return replace(
            link,
            start=start,
            end=end,
            edtf=f"{start.isoformat()}/{end.isoformat()}",
            time=None,
            end_time=link.end_time or link.time,
        )
    return replace(link, start=start, end=end, edtf=f"{start.isoformat()}/{end.isoformat()}")
