"""Key figures of an event as one Chinese phrase ("签约15个项目，总投资16.7亿元"), for pages and feeds."""

from __future__ import annotations

import math
from decimal import Decimal, localcontext

# Figures: key -> phrase with {n}. Order here is display order; unknown keys follow, sorted.
FIGURE_PHRASES: dict[str, str] = {
    "projects_signed": "签约{n}个项目",
    "investment_yuan": "总投资{n}",
    "exhibitors": "{n}家单位参展",
    "exhibition_zones": "设{n}个展区",
    "participants": "{n}人参加",
    "visitors": "观众{n}人次",
    "enterprises": "{n}家企业",
    "universities": "{n}所高校",
    "high_tech_enterprises": "高新技术企业{n}家",
    "trainings": "培训{n}场",
    "trainees": "培训{n}人次",
    "local_experts": "培养“土专家”{n}名",
    "beneficiary_households": "受益{n}户",
    "selected": "{n}人入选",
}
# Figures that are sums of money in yuan, shown in 万 / 亿.
MONEY_FIGURES = frozenset({"investment_yuan"})


def _format_number(value: int | float) -> str:
    """131 → "131", 16.70 → "16.7": no trailing zeros, no exponent."""
    text = format(Decimal(str(value)).normalize(), "f")
    return text.rstrip("0").rstrip(".") if "." in text else text


def format_money(yuan: int | float) -> str:
    """1670000000 → "16.7亿元", 50000000 → "5000万元", 8000 → "8000元"."""
    for unit, size in (("亿", 100_000_000), ("万", 10_000)):
        if abs(yuan) >= size:
            amount = Decimal(str(yuan))
            # Enough digits for the whole amount: the default 28 made round() raise from about 1e32.
            with localcontext(prec=max(28, amount.adjusted() + 8)):
                return f"{_format_number(round(amount / size, 4))}{unit}元"
    return f"{_format_number(yuan)}元"


def format_figures(figures: dict) -> str:
    """Key figures as one Chinese phrase: "签约15个项目，总投资16.7亿元，131家单位参展".

    Known keys (``FIGURE_PHRASES``) come first in table order; unknown keys follow as
    ``key：value`` so no figure is silently dropped. Non-numeric values (and infinities, NaN) are
    skipped. Empty → "".
    """
    parts: list[str] = []
    known = [key for key in FIGURE_PHRASES if key in figures]
    unknown = sorted(key for key in figures if key not in FIGURE_PHRASES)
    for key in known + unknown:
        value = figures[key]
        if isinstance(value, bool) or not isinstance(value, int | float):
            continue
        # isfinite only for floats: ints may be too big for a float.
        if isinstance(value, float) and not math.isfinite(value):
            continue
        amount = format_money(value) if key in MONEY_FIGURES else _format_number(value)
        parts.append(FIGURE_PHRASES[key].format(n=amount) if key in FIGURE_PHRASES else f"{key}：{amount}")
    return "，".join(parts)
