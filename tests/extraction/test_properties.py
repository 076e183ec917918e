"""Property tests: any text is read without error and every span points into the original."""

from datetime import date

from hypothesis import given, settings
from hypothesis import strategies as st

from events.extraction import extract_events
from events.extraction.layout import uncolumn
from events.extraction.text import Document

# Characters news text is made of, weighted towards the ones the extractor reacts to.
ALPHABET = st.sampled_from(
    list(
        "科技节开幕签约揭牌培训活动在于由主办协办广场区村市县第届年月日起本报讯此次当天上，。！？；、“”‘’（）《》 \n\t"
    )
    + list("0123456789")
    + ["\u3000", "……", "開幕", "簽約", "\r\n"]
)
TEXT = st.lists(ALPHABET, max_size=300).map("".join)


@settings(max_examples=150, deadline=None)
@given(TEXT)
def test_document_offsets_always_point_into_the_original(text):
    doc = Document(text)

    assert len(doc.flat) == len(doc.index)
    assert len(set(doc.index)) == len(doc.index)  # each original character read once
    if uncolumn(text) is None:  # two columns side by side are read out of printed order
        assert all(a < b for a, b in zip(doc.index, doc.index[1:], strict=False))
    for s in doc.sentences:
        start, end = doc.original_span(s.start, s.end)
        assert 0 <= start < end <= len(text)


@settings(max_examples=150, deadline=None)
@given(TEXT)
def test_extract_events_never_fails_and_evidence_is_original_text(text):
    for c in extract_events(text, ref=date(2024, 3, 12)):
        assert c.kind and c.key.startswith(c.kind + ":")
        assert c.precision is None or c.start is not None
        for e in c.evidence:
            assert text[e.span[0] : e.span[1]] == e.sentence
            assert e.date_text in e.sentence
