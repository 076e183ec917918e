"""MinHash signatures: the same story in other templates is above the threshold, other stories far below."""

from itertools import combinations

from events.reading.charsets import declared_charset
from events.reading.near_dups import (
    DUPLICATE_THRESHOLD,
    band_keys,
    from_hex,
    signature,
    similarity,
    to_hex,
)
from events.reading.pages import extract_article
from tests.reading.news_pages import all_pages


def page_texts() -> list[tuple[str, str]]:
    out = []
    for page in all_pages():
        html = page.data.decode(
            declared_charset(page.data, header=page.content_type.partition("charset=")[2])
        )
        out.append((page.title, extract_article(html).text))
    return out


def test_threshold_separates_reposts_from_other_stories():
    scores = {True: [], False: []}
    for (title_a, text_a), (title_b, text_b) in combinations(page_texts(), 2):
        scores[title_a == title_b].append(similarity(signature(text_a), signature(text_b)))

    assert min(scores[True]) >= DUPLICATE_THRESHOLD > max(scores[False])


def test_signature_round_trip_and_bands():
    text = page_texts()[0][1]
    minhash = signature(text)

    again = from_hex(to_hex(minhash))

    assert (similarity(minhash, again), band_keys(again)) == (1.0, band_keys(minhash))
    assert len(set(band_keys(minhash))) == 16
    assert signature("太短的通知。") is None
