"""Geometry of the timeline's year-by-month density chart (an inline SVG drawn by the template)."""

from __future__ import annotations

from collections.abc import Sequence

from events.selectors.timeline import YearDensity

ROW_HEIGHT = 34  # one year per row
BAR_MAX = 24  # tallest bar, for the busiest month
BAR_WIDTH = 18
BAR_STEP = 26
LEFT = 52  # room for "2024年"
TOP = 16  # room for the month labels
WIDTH = LEFT + 12 * BAR_STEP + 44  # and for "共123件"
MAX_ROWS = 12  # older years are left out of the chart, never out of the list


def density_chart(density: Sequence[YearDensity]) -> dict:
    """Bars and labels for ``density`` (newest year first): a dict the template draws as SVG.

    Bar heights scale to the busiest month; a month with events is at least 2 units tall so
    it never disappears. Empty when there is nothing to draw.
    """
    rows = list(density)[:MAX_ROWS]
    if not rows:
        return {}
    busiest = max(max(row.months) for row in rows) or 1
    out_rows = []
    for index, row in enumerate(rows):
        baseline = TOP + (index + 1) * ROW_HEIGHT - 6
        bars = []
        for month, n in enumerate(row.months, start=1):
            if n:
                height = max(2, round(BAR_MAX * n / busiest))
                bars.append(
                    {
                        "month": month,
                        "n": n,
                        "x": LEFT + (month - 1) * BAR_STEP,
                        "y": baseline - height,
                        "h": height,
                    }
                )
        out_rows.append({"row": row, "baseline": baseline, "label_y": baseline - 4, "bars": bars})
    return {
        "width": WIDTH,
        "height": TOP + len(rows) * ROW_HEIGHT,
        "bar_width": BAR_WIDTH,
        "left": LEFT,
        "right": LEFT + 12 * BAR_STEP,
        "total_x": WIDTH - 2,
        "months": [{"month": m, "x": LEFT + (m - 1) * BAR_STEP + BAR_WIDTH / 2} for m in range(1, 13)],
        "rows": out_rows,
        "omitted": len(density) - len(rows),
    }
