"""Finds temporal expressions in Chinese news text and resolves them to calendar days.

Plain Python: this package never imports Django or the rest of ``events``.

    >>> from datetime import date
    >>> from events.temporal import extract
    >>> [m.edtf for m in extract("3月11日，农历二月初二，科技节开幕", ref=date(2024, 3, 12))]
    ['2024-03-11']
"""

from .parser import extract
from .types import Kind, Mention, Precision

__all__ = ["Kind", "Mention", "Precision", "__version__", "extract"]

# Bump when a change alters what the parser finds or how it resolves it: ingestion stores
# this with each article and re-reads articles parsed by an older version.
__version__ = "1.19"
