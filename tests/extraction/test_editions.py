"""Editions of recurring events read from titles."""

import pytest

from events.extraction.editions import Edition, series_of


@pytest.mark.parametrize(
    ("title", "expected"),
    [
        ("山西·太谷第二十一届科技节", Edition("山西太谷科技节", 21)),
        ("2025年第二十二届太谷科技节", Edition("太谷科技节", 22)),
        ("第9届“晋创谷”创新创业大赛", Edition("晋创谷创新创业大赛", 9)),
        ("科技节（第三届）", Edition("科技节", 3)),
        ("2024中国（太原）国际能源产业博览会", Edition("中国（太原）国际能源产业博览会", None)),
        ("项目集中签约", None),
        ("第二次签约仪式", None),
        ("第三届", None),
        ("山西·太谷第二十一届科技节暨全国农业科技现代化先行县成果推介活动", Edition("山西太谷科技节", 21)),
        ("全市科技成果推介会暨第三届晋中创新创业大赛", Edition("晋中创新创业大赛", 3)),
        ("2024年科技活动周暨科普日活动启动仪式", Edition("科技活动周", None)),
        ("科技周暨科普日活动", None),
    ],
)
def test_series_of_reads_edition_and_year(title, expected):
    assert series_of(title) == expected
