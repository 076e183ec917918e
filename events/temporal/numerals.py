"""Reads the short Chinese and Arabic numbers found in date expressions (二十三, 二〇二四, 廿三, 11).

Why not cn2an: every date token is one to four characters, and cn2an.cn2an takes about
20 µs a call here (it validates and handles 亿/万, decimals and negatives we never see),
which alone would cost more than the whole regex scan of a news page. The readings needed
are few and closed (digit strings, 十/廿/卅 tens, 两), so a small cached converter is faster
and easier to check; it stops being enough only if dates ever carry 百/千 numbers.
"""

from __future__ import annotations

from functools import lru_cache

DIGITS: dict[str, int] = {
    "〇": 0, "零": 0, "○": 0, "一": 1, "二": 2, "两": 2, "三": 3, "四": 4,
    "五": 5, "六": 6, "七": 7, "八": 8, "九": 9,
}  # fmt: skip

# Tens written as one character: "廿三" is 23, "卅" is 30.
TENS: dict[str, int] = {"十": 10, "廿": 20, "卅": 30}


@lru_cache(maxsize=4096)
def read_number(token: str) -> int | None:
    """The value of a 1–99 numeral or a digit string ("2024", "二〇二四", "十一", "廿三", "初五").

    A leading "初" (lunar days 初一..初十) is skipped. Returns None for anything it cannot
    read, never raises.
    """
    token = token.strip().removeprefix("初")
    if not token:
        return None
    if token.isascii():
        return int(token) if token.isdigit() else None
    if all(ch in DIGITS for ch in token) and len(token) > 1:
        # Digit by digit, as years are written: "二〇二四" is 2024 ("二十" never reaches here).
        return int("".join(str(DIGITS[ch]) for ch in token))
    return _read_tens(token)


def _read_tens(token: str) -> int | None:
    """Read "三", "十", "十一", "二十三", "廿三", "卅" (the 1–99 forms with a tens character)."""
    if len(token) == 1:
        if token in DIGITS:
            return DIGITS[token]
        return TENS.get(token)
    if token[0] in TENS and len(token) == 2 and token[1] in DIGITS:
        return TENS[token[0]] + DIGITS[token[1]]
    if token[0] in DIGITS and len(token) in (2, 3) and token[1] == "十":
        rest = token[2:]
        if rest and rest not in DIGITS:
            return None
        return DIGITS[token[0]] * 10 + (DIGITS[rest] if rest else 0)
    return None
