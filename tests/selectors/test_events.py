"""Tests for events.selectors.events: parsing the shared filters and applying them."""

from datetime import date

import pytest
from django.http import QueryDict

from events.models import Article, Event, Evidence, Source
from events.selectors import EventFilters, FilterError, filter_events, filters_to_params, parse_filters


def test_parse_filters_empty_gives_no_filters():
    assert parse_filters({}) == EventFilters()
    assert parse_filters({"kind": "", "from": "  ", "page": "3"}) == EventFilters()


def test_parse_filters_reads_every_field_from_a_querydict():
    params = QueryDict(
        "kind=signing&from=2024-03-01&to=2024-03-31&place=%E9%87%91%E8%B0%B7&q=%E7%A7%91%E6%8A%80"
        "&precision=day&source=%E7%A7%8D%E5%AD%90"
    )

    assert parse_filters(params) == EventFilters(
        kind="signing",
        date_from=date(2024, 3, 1),
        date_to=date(2024, 3, 31),
        place="金谷",
        q="科技",
        precision="day",
        source="种子",
    )


@pytest.mark.parametrize(
    ("raw_from", "raw_to", "expected"),
    [
        ("2024", "2024", (date(2024, 1, 1), date(2024, 12, 31))),
        ("2024-02", "2024-02", (date(2024, 2, 1), date(2024, 2, 29))),
        ("2024-03-11", "2024-03-11", (date(2024, 3, 11), date(2024, 3, 11))),
    ],
    ids=["year", "leap-month", "day"],
)
def test_parse_filters_widens_partial_dates(raw_from, raw_to, expected):
    filters = parse_filters({"from": raw_from, "to": raw_to})

    assert (filters.date_from, filters.date_to) == expected


@pytest.mark.parametrize(
    ("params", "field"),
    [
        ({"kind": "party"}, "kind"),
        ({"precision": "hour"}, "precision"),
        ({"from": "2024-13-01"}, "from"),
        ({"from": "yesterday"}, "from"),
        ({"to": "2024-02-30"}, "to"),
        ({"to": "2024/03/01"}, "to"),
        ({"from": "2024-03-02", "to": "2024-03-01"}, "to"),
        ({"q": "科" * 201}, "q"),
        ({"place": "a\x00b"}, "place"),
        ({"q": "金谷\n广场"}, "q"),  # was a 500 in the feed: the line break reached the calendar name
        ({"source": "晋中\r日报"}, "source"),
        ({"place": "金谷\t广场"}, "place"),
        ({"source": "x" * 500}, "source"),
    ],
    ids=[
        "kind",
        "precision",
        "month-13",
        "word",
        "feb-30",
        "slashes",
        "from-after-to",
        "q-long",
        "nul",
        "q-line-break",
        "source-carriage-return",
        "place-tab",
        "source",
    ],
)
def test_parse_filters_names_the_bad_field(params, field):
    with pytest.raises(FilterError) as caught:
        parse_filters(params)

    assert caught.value.field == field


def test_filters_to_params_round_trips_in_canonical_order():
    filters = parse_filters({"source": "种子", "to": "2024-03", "kind": "festival", "q": " 科技 "})

    params = filters_to_params(filters)

    assert list(params.items()) == [
        ("kind", "festival"),
        ("to", "2024-03-31"),
        ("q", "科技"),
        ("source", "种子"),
    ]
    assert parse_filters(params) == filters


@pytest.fixture
def events(db):
    source = Source.objects.create(name="种子")
    article = Article.objects.create(key="a1", source=source, text="……")
    festival = Event.objects.create(
        title="科技节开幕", kind="festival", start=date(2024, 3, 11), end=date(2024, 3, 11), place="金谷广场"
    )
    signing = Event.objects.create(
        title="项目签约", kind="signing", start=date(2025, 3, 1), end=date(2025, 3, 31), precision="month"
    )
    hidden = Event.objects.create(
        title="被隐藏", kind="festival", start=date(2024, 3, 12), end=date(2024, 3, 12), status="hidden"
    )
    Evidence.objects.create(event=signing, article=article, sentence="签约15个项目", span_start=0, span_end=6)
    Evidence.objects.create(
        event=signing, article=article, sentence="总投资16.7亿元项目", span_start=7, span_end=16
    )
    return {"festival": festival, "signing": signing, "hidden": hidden}


@pytest.mark.parametrize(
    ("params", "expected"),
    [
        ({}, ["festival", "signing"]),
        ({"kind": "festival"}, ["festival"]),
        ({"from": "2025-03-31"}, ["signing"]),
        ({"to": "2024-12-31"}, ["festival"]),
        ({"place": "金谷"}, ["festival"]),
        ({"q": "项目"}, ["signing"]),
        ({"precision": "month"}, ["signing"]),
        ({"source": "种子"}, ["signing"]),
        ({"source": "别的"}, []),
    ],
    ids=["all", "kind", "from", "to", "place", "q-evidence", "precision", "source", "unknown-source"],
)
def test_filter_events_applies_each_filter(events, params, expected):
    found = filter_events(filters=parse_filters(params))

    assert sorted(e.uid for e in found) == sorted(events[name].uid for name in expected)


def test_filter_events_include_hidden_adds_hidden(events):
    found = filter_events(filters=parse_filters({"kind": "festival"}), include_hidden=True)

    assert sorted(e.uid for e in found) == sorted([events["festival"].uid, events["hidden"].uid])
