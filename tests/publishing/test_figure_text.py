"""Tests for events.publishing.figure_text: key figures as one Chinese phrase, money in 万 / 亿."""

import pytest
from hypothesis import given
from hypothesis import strategies as st

from events.publishing.figure_text import format_figures, format_money


@pytest.mark.parametrize(
    ("figures", "expected"),
    [
        ({"projects_signed": 15, "investment_yuan": 1670000000, "exhibitors": 131}, "签约15个项目，总投资16.7亿元，131家单位参展"),
        ({"exhibitors": 131, "projects_signed": 15}, "签约15个项目，131家单位参展"),
        ({"investment_yuan": 50_000_000}, "总投资5000万元"),
        ({"investment_yuan": 8000}, "总投资8000元"),
        ({"investment_yuan": 123_456_789}, "总投资1.2346亿元"),
        ({"trainings": 220, "trainees": 6844, "local_experts": 170}, "培训220场，培训6844人次，培养“土专家”170名"),
        ({"zeta": 2, "alpha": 1.5}, "alpha：1.5，zeta：2"),
        ({"exhibitors": "many", "flag": True}, ""),
        ({}, ""),
        ({"investment_yuan": 10**40}, f"总投资{10**32}亿元"),  # was decimal.InvalidOperation (a 500 on every page)
        ({"investment_yuan": 1e308}, f"总投资{10**300}亿元"),
        ({"exhibitors": float("inf"), "trainees": float("nan"), "investment_yuan": -float("inf")}, ""),
    ],
    ids=[
        "signing", "table-order", "wan", "yuan", "yi-rounded", "training", "unknown-keys", "non-numeric", "empty",
        "huge-money", "largest-float", "not-finite",
    ],
)  # fmt: skip
def test_format_figures_reads_as_chinese(figures, expected):
    assert format_figures(figures) == expected


def test_format_money_uses_the_largest_unit():
    assert [format_money(v) for v in (100_000_000, 10_000, 9_999)] == ["1亿元", "1万元", "9999元"]


@given(
    st.dictionaries(
        st.text(max_size=16),
        st.one_of(
            st.integers(),
            st.floats(),
            st.booleans(),
            st.none(),
            st.text(max_size=3),
            st.integers(10**30, 10**400),
        ),
        max_size=4,
    )
)
def test_format_figures_never_fails(figures):
    assert isinstance(format_figures(figures), str)
