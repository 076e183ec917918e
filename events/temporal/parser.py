"""Finds temporal expressions in text: one regex scan, then joining the pieces that belong together.

``extract(text, ref)`` is the package's entry point. Plain Python, no Django. The work is
linear in the text: one pass of ``patterns.MASTER`` (a compiled regex), then passes over
the (few) matches. Nothing here reads the clock; ``ref`` is the day to count from.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date, datetime

from . import combine, patterns, surroundings
from .normalize import normalize
from .numerals import read_number
from .reading import Context, Reading
from .resolve import read_year, resolve
from .types import Kind, Mention, Precision

# What a year printed right before can apply to: "2023年除夕", "今年春节", "2024年前三季度".
_TAKES_YEAR = {"lunar", "fest", "holiday", "term", "season", "dur"}
_TAKES_YEAR_OVER_DE = _TAKES_YEAR | {"cal_m"}
_YEARS_AWAY = frozenset(w for w, d in patterns.DURATION_SUFFIXES.items() if d in ("ago", "later"))
_OF = re.compile(rf"{patterns.GAP}的{patterns.GAP}")
_YEAR_ONLY_KEYS = {"y4", "ycn", "y2", "ycn2", "y2z", "ycn2z", "y2r", "y2p", "yrel", "_family"}
# Families whose month is printed: a later bare "11日" is in the month of the last of them.
_PRINTS_MONTH = {"cal_y", "cal_m", "iso", "dotday", "numdate"}
_UNTIL_CHARS = frozenset("至到止")


@dataclass(slots=True)
class Piece:
    """One regex match: its family (a key of ``patterns.FAMILIES``), offsets and groups."""

    family: str
    start: int
    end: int
    groups: dict[str, str]
    year: int | None = None
    year_relative: bool = False
    year_piece: Piece | None = None  # the "2023年" folded into "2023年除夕", kept in case the rest fails
    reading: Reading | None = None
    role: str = ""


def extract(text: str, ref: date) -> list[Mention]:
    """Every temporal expression in ``text``, in text order, resolved against ``ref``.

    Spans index the original ``text``. Never raises on odd input: an impossible date gives a
    mention with ``valid=False`` and no days; non-string or empty text gives [].
    """
    if not isinstance(text, str) or not text:
        return []
    if isinstance(ref, datetime):
        ref = ref.date()
    norm = normalize(text)
    pieces = _attach_years(norm, _drop_recurring(norm, _scan(norm)), ref)
    _resolve_all(norm, pieces, ref)
    _restated_in_body(norm, pieces)
    pieces = combine.join(norm, [p for p in pieces if p.reading is not None], ref)
    for piece in pieces:
        if piece.reading.valid:
            piece.role = surroundings.role_of(norm, piece.start, piece.end, piece.reading)
    return [_mention(text, p) for p in pieces]


def _scan(norm: str) -> list[Piece]:
    pieces = []
    family_groups = patterns.FAMILY_GROUPS
    for match in patterns.MASTER.finditer(norm):
        family = match.lastgroup[2:]
        values = match.groups()
        groups = {"_family": family}
        for index, key in family_groups[family]:
            if values[index] is not None:
                groups[key] = values[index]
        pieces.append(Piece(family, match.start(), match.end(), groups))
    return pieces


def _drop_recurring(norm: str, pieces: list[Piece]) -> list[Piece]:
    """Drop what follows "每年", "每天", "每周一…": "每年3月", "每天晚上8点到9点" name no day.

    The piece right after (touching it) goes, and so does each piece joined on to that one
    as a range or list ("每年9月到11月").
    """
    out: list[Piece] = []
    after: Piece | None = None
    for piece in pieces:
        if piece.family in ("recurring", "recur_pre"):
            after = piece
            continue
        if after is not None and (
            combine.touching(norm, after.end, piece.start) or combine.linked(norm, after.end, piece.start)
        ):
            after = piece
            continue
        after = None
        out.append(piece)
    return out


def _attach_years(norm: str, pieces: list[Piece], ref: date) -> list[Piece]:
    """Fold a bare year into the festival, lunar date, season… printed right after it."""
    out: list[Piece] = []
    for piece in pieces:
        last = out[-1] if out else None
        if (
            last is not None
            and _names_a_year(last)
            and (
                piece.family in (_TAKES_YEAR if last.family == "cal_y" else _TAKES_YEAR_OVER_DE)
                and combine.touching(norm, last.end, piece.start)
                # "明年的5月份", "今年的春节", "两年后的春节": "的" between them.
                or piece.family in _TAKES_YEAR_OVER_DE
                and _OF.fullmatch(norm, last.end, piece.start)
            )
        ):
            year, kind = _year_of(last, ref)
            if year is not None:
                piece.year, piece.year_relative, piece.year_piece = year, kind == Kind.RELATIVE, last
                piece.start = last.start
                out[-1] = piece
                continue
        out.append(piece)
    return out


def _names_a_year(piece: Piece) -> bool:
    """A bare year ("2023年", "明年") or a whole number of years away ("2年后", "三年前")."""
    if piece.family == "cal_y":
        return set(piece.groups) <= _YEAR_ONLY_KEYS
    g = piece.groups
    return piece.family == "dur" and g.get("dur_u2") == "年" and g.get("dur_suf") in _YEARS_AWAY


def _year_of(piece: Piece, ref: date) -> tuple[int | None, Kind]:
    if piece.family == "dur":  # "2年后3月5号" is 5 March two years on
        count = read_number(piece.groups.get("dur_n2", ""))
        if not count:
            return None, Kind.RELATIVE
        sign = 1 if patterns.DURATION_SUFFIXES[piece.groups["dur_suf"]] == "later" else -1
        return ref.year + sign * count, Kind.RELATIVE
    year, kind, _ = read_year(piece.groups, Context(ref))
    return year, kind


def _resolve_all(norm: str, pieces: list[Piece], ref: date) -> None:
    """Resolve in text order, so "当天" and "13日" can lean on what came before."""
    ctx = Context(ref)
    cache: dict[tuple, Reading | None] = {}
    previous: Piece | None = None
    for piece in pieces:
        ctx.year, ctx.year_relative = piece.year, piece.year_relative
        ctx.inherit_year = ctx.inherit_month = None
        if piece.family == "bareday":
            ctx.tense = surroundings.clause_tense(norm, piece.start, piece.end)
        elif piece.family == "cal_m":  # a year-less month or day: only its own clause's future moves it
            if surroundings.speaks_of_future(norm, piece.start, piece.end):
                ctx.tense = "future"
            elif surroundings.leads_future(norm, piece.start, piece.end):
                ctx.tense = "leads-future"  # "1月10日，…将在…开幕": the next clause's future
            else:
                ctx.tense = ""
        else:
            ctx.tense = ""
        if previous is not None and previous.reading is not None and previous.reading.valid:
            if combine.linked(norm, previous.end, piece.start):
                ctx.inherit_year = previous.reading.start.year
                ctx.inherit_month = previous.reading.month
        piece.reading = _resolve_cached(piece, ctx, cache)
        if piece.reading is None and piece.year_piece is not None:
            # "2024年前十三个月" is no date, but its "2024年" still is.
            fallback = piece.year_piece
            ctx.year = None
            piece.family, piece.end, piece.groups = fallback.family, fallback.end, fallback.groups
            piece.reading = _resolve_cached(piece, ctx, cache)
        reading = piece.reading
        dateline = (
            reading is not None
            and reading.valid
            and reading.precision == Precision.DAY
            and reading.start == reading.end
            and surroundings.is_dateline(norm, piece.end)
        )
        if dateline:
            ctx.dateline_day = reading.start
        elif (
            reading is not None
            and reading.valid
            and reading.month
            and piece.family in _PRINTS_MONTH
            and norm[piece.start - 1 : piece.start] not in _UNTIL_CHARS
            and not (
                reading.precision == Precision.DAY
                and reading.kind == Kind.ABSOLUTE
                and surroundings.on_page_line(norm, piece.start, piece.end, reading)
            )
        ):
            # A page's own date ("昆明日报　2023-09-01　第03版") is no month the report printed:
            # "28日，……上线" under it is still read against the publication day. Nor is the end
            # of a span told alone ("持续至2月底", "截至3月"): "13日……开幕" after it is not February's.
            ctx.anchor_month = (reading.start.year, reading.month)
        clue_in_brackets = (
            reading is not None and reading.clue and norm[piece.start - 1 : piece.start] in ("（", "(")
        )
        if (
            reading is not None
            and reading.valid
            and reading.precision != Precision.VAGUE
            and not clue_in_brackets
        ):
            # "（星期六、日）" after a list of days is a clue to them, not a day of its own to count from.
            if reading.precision == Precision.DAY and reading.start == reading.end:
                ctx.anchor_day = reading.start
                if (
                    piece.family == "fest"
                    and "fest_dir" not in piece.groups
                    and "fest_eve" not in piece.groups
                ):
                    ctx.anchor_festival = reading.start
            if piece.family == "holiday":
                ctx.anchor_festival = reading.start  # "国庆假期……节后"
            ctx.anchor_year = reading.start.year
        if reading is not None and not (reading.clue and norm[piece.start - 1 : piece.start] in ("（", "(")):
            # A weekday in brackets ("11月1日（周五）至3日") is a clue to the date before it:
            # the range's end still takes its month from that date.
            previous = piece


def _restated_in_body(norm: str, pieces: list[Piece]) -> None:
    """A headline's bare day that the body prints with its month is that date.

    "大会26日开幕" over a report of the 20th that says "大会将于11月26日至28日……" is
    26 November: a headline has no clause to tell its tense by, and the body has the month.
    Only for a bare day whose month came from ref, on a line without sentence punctuation.
    """
    if not any(p.family == "bareday" for p in pieces):
        return
    printed: dict[int, tuple[int, int]] = {}
    for piece in reversed(pieces):
        r = piece.reading
        if r is None or not r.valid or r.start is None or r.precision != Precision.DAY:
            continue
        if piece.family in _PRINTS_MONTH and r.month:
            printed[r.start.day] = (r.start.year, r.start.month)
        elif piece.family == "bareday" and r.month_inferred and r.start.day in printed:
            if not surroundings.on_headline(norm, piece.start, piece.end):
                continue
            year, month = printed[r.start.day]
            if (year, month) != (r.start.year, r.start.month):
                d = date(year, month, r.start.day)
                piece.reading = r.but(
                    start=d,
                    end=d,
                    edtf_from=d.isoformat(),
                    edtf_to=d.isoformat(),
                    month=month,
                    confidence=0.8,
                )


def _resolve_cached(piece: Piece, ctx: Context, cache: dict[tuple, Reading | None]) -> Reading | None:
    """Resolve, reusing the reading of an identical expression in the same context.

    News repeats its dates ("近年来" five times on a page); a resolver is pure in the
    groups and the context, and nothing changes a reading after it is made (``but`` copies).
    """
    key = (
        tuple(piece.groups.items()),
        ctx.year,
        ctx.year_relative,
        ctx.inherit_year,
        ctx.inherit_month,
        ctx.anchor_day,
        ctx.anchor_year,
        ctx.anchor_festival,
        ctx.anchor_month,
        ctx.tense,
        ctx.dateline_day,
    )
    if key in cache:
        return cache[key]
    try:
        reading = resolve(piece.family, piece.groups, ctx)
    except (ValueError, OverflowError, KeyError):  # a reading we cannot make is no date
        reading = None
    if len(cache) < 4096:
        cache[key] = reading
    return reading


def _mention(text: str, piece: Piece) -> Mention:
    r = piece.reading
    return Mention(
        text=text[piece.start : piece.end],
        span=(piece.start, piece.end),
        start=r.start if r.valid else None,
        end=r.end if r.valid else None,
        precision=r.precision,
        edtf=r.edtf,
        kind=r.kind,
        confidence=r.confidence,
        time=r.time,
        end_time=r.end_time,
        open_end=r.open_end,
        valid=r.valid,
        note=r.note,
        role=piece.role,
    )
