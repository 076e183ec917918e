"""Tests for events.publishing.charts: the density chart's bars scale to the busiest month."""

from events.publishing.charts import BAR_MAX, LEFT, MAX_ROWS, density_chart
from events.selectors.timeline import YearDensity


def test_density_chart_scales_bars_and_places_them_by_month():
    chart = density_chart(
        [YearDensity(2024, [0, 0, 10, 0, 0, 0, 0, 0, 0, 0, 0, 1]), YearDensity(2023, [5] + [0] * 11)]
    )

    [first, second] = chart["rows"]
    assert [(b["month"], b["n"], b["h"]) for b in first["bars"]] == [(3, 10, BAR_MAX), (12, 1, 2)]
    assert [(b["month"], b["h"]) for b in second["bars"]] == [(1, BAR_MAX // 2)]
    assert second["bars"][0]["x"] == LEFT
    assert all(b["y"] + b["h"] == row["baseline"] for row in chart["rows"] for b in row["bars"])
    assert chart["height"] > second["baseline"]


def test_density_chart_empty_and_row_limit():
    many = [YearDensity(2000 + i, [1] * 12) for i in range(MAX_ROWS + 3)]

    assert density_chart([]) == {}
    assert (len(density_chart(many)["rows"]), density_chart(many)["omitted"]) == (MAX_ROWS, 3)
