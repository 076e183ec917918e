"""Property tests: every Gregorian date in every written form round-trips; no text raises."""

from datetime import date

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from events.temporal import extract

REF = date(2024, 3, 15)
CN_DIGITS = "〇一二三四五六七八九"
FULL_WIDTH = str.maketrans("0123456789", "０１２３４５６７８９")


def _cn_small(n: int) -> str:
    """1–31 in Chinese numerals as dates print them: 十, 十一, 二十, 三十一."""
    tens, ones = divmod(n, 10)
    if tens == 0:
        return CN_DIGITS[ones]
    return ("" if tens == 1 else CN_DIGITS[tens]) + "十" + (CN_DIGITS[ones] if ones else "")


def _forms(d: date) -> list[str]:
    arabic = f"{d.year}年{d.month}月{d.day}日"
    return [
        arabic,
        f"{d.year}年{d.month:02d}月{d.day:02d}日",
        "".join(CN_DIGITS[int(c)] for c in str(d.year)) + f"年{_cn_small(d.month)}月{_cn_small(d.day)}日",
        arabic.translate(FULL_WIDTH),
        d.isoformat(),
        f"{d.year}/{d.month}/{d.day}",
        f"{d.year}.{d.month}.{d.day}",
        f"{d.year} 年 {d.month}\n月 {d.day} 日",
    ]


@settings(max_examples=300, deadline=None)
@given(st.dates(min_value=date(1900, 1, 1), max_value=date(2099, 12, 31)))
def test_extract_round_trips_every_written_form_of_a_date(d):
    for form in _forms(d):
        text = f"据悉，{form}，活动举行。"

        mentions = extract(text, ref=REF)

        assert [(m.text, m.start, m.end, m.precision.value) for m in mentions] == [(form, d, d, "day")], form


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.text(alphabet=st.characters(codec="utf-8"), max_size=200), st.dates())
def test_extract_never_raises_on_any_text(text, ref):
    mentions = extract(text, ref=ref)

    assert all(text[m.span[0] : m.span[1]] == m.text for m in mentions)


DATE_ALPHABET = "0123456789〇一二三四五六七八九十年月日号至到—-/.农历闰正腊初廿周星期上下本今明昨后前起来以内天个季度旬末底，（） \n“”十四五期间"


@settings(max_examples=500, deadline=None)
@given(
    st.text(alphabet=DATE_ALPHABET, max_size=60),
    st.dates(min_value=date(1901, 1, 1), max_value=date(2099, 12, 31)),
)
def test_extract_never_raises_on_date_like_noise(text, ref):
    for mention in extract(text, ref=ref):
        assert text[mention.span[0] : mention.span[1]] == mention.text
        assert mention.valid == (mention.start is not None)
        if mention.valid:
            assert mention.start <= mention.end
