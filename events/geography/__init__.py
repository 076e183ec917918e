"""Places in news text → China's administrative divisions (plain Python: no Django, no events.models).

    >>> from events.geography import resolve_place
    >>> resolve_place("太原市晋源区美锦氢能科技园").county_code
    '140110'

``regions`` holds the ``Region`` value and the divisions GB/T 2260 gives no city for (Taiwan,
Hong Kong, Macau); ``resolve`` reads a place string with the ``cnloc`` library; ``context``
finds the region an article speaks from (its dateline or outlet), which relative places such as
"我市" and names shared by several counties (城区, 鼓楼区) take.
"""

from .context import article_region
from .regions import Region, region_for_code
from .resolve import resolve_event_region, resolve_place

__all__ = ["Region", "article_region", "region_for_code", "resolve_event_region", "resolve_place"]
