"""Interval maps: half-open segments with payloads, and their priority resolver.

``segments`` holds what both share (columns, the elementary cut, the merging builder);
``interval_map`` the map itself with ``combine_maps``/``resolve_maps``; ``priority`` the
live, layered :class:`PriorityIntervalMap`. The public path is
:mod:`intervalues.interval_map`.
"""

from .interval_map import IntervalMap, combine_maps, resolve_maps
from .priority import (
    PriorityIntervalMap,
    PriorityLookupResult,
    PriorityResolutionExplanation,
    PrioritySourceHandle,
)

__all__ = [
    "IntervalMap",
    "PriorityIntervalMap",
    "PriorityLookupResult",
    "PriorityResolutionExplanation",
    "PrioritySourceHandle",
    "combine_maps",
    "resolve_maps",
]
