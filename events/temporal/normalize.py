"""Makes text easier to match without moving any character: traditional → simplified, full-width → ASCII.

Every step keeps the length, so an offset into the normalised text is the same offset
into the original and spans need no mapping. Whitespace is not removed here; the
patterns allow short runs of it between the tokens of one expression instead.
"""

from __future__ import annotations

import re
from functools import lru_cache

try:  # opencc is a declared dependency; the guard only keeps a broken install from hiding all dates.
    import opencc

    _T2S = opencc.OpenCC("t2s")
except Exception:  # pragma: no cover - exercised only without the OpenCC wheel
    _T2S = None

# Full-width digits and the punctuation dates use, plus "○" (often typed for 〇), to the forms
# the patterns expect. One character to one character. "∶" (RATIO) is typed for the colon of a
# time in print ("14∶00-16∶00").
_WIDTH = str.maketrans(
    "０１２３４５６７８９．／－：∶～　○Ｏ",
    "0123456789./-::~ 〇〇",
)
_NEEDS_WIDTH = re.compile("[０-９．／－：∶～　○Ｏ]")


def normalize(text: str) -> str:
    """The same-length text with simplified characters and ASCII digits.

    Falls back to converting character by character when OpenCC's phrase-level
    conversion changes the length (it can merge or split a phrase), so offsets stay valid.
    """
    if _NEEDS_WIDTH.search(text):  # str.translate is slow on CJK text; most text has nothing to change
        text = text.translate(_WIDTH)
    if _T2S is None or text.isascii():
        return text
    try:
        converted = _T2S.convert(text)
    except UnicodeError:  # a lone surrogate ("\ud800") cannot be encoded for OpenCC
        converted = ""
    if len(converted) == len(text):
        return converted
    return "".join(_convert_char(ch) for ch in text)


@lru_cache(maxsize=8192)
def _convert_char(ch: str) -> str:
    """One character through OpenCC, kept as is when the result is not one character."""
    try:
        out = _T2S.convert(ch) if _T2S is not None else ch
    except UnicodeError:
        return ch
    return out if len(out) == 1 else ch
