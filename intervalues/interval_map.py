"""`IntervalMap` (half-open segments with payloads, last assignment wins) and the priority
resolver `PriorityIntervalMap`, with `combine_maps` and `resolve_maps`.

The implementation lives in :mod:`intervalues._maps`; this is its public path.

>>> m = IntervalMap(default="off")
>>> m.assign(0, 10, "a"); m.assign(3, 5, "b")
>>> m.items()
((BaseInterval[0;3], 'a'), (BaseInterval[3;5], 'b'), (BaseInterval[5;10], 'a'))
"""

from ._maps import (
    IntervalMap,
    PriorityIntervalMap,
    PriorityLookupResult,
    PriorityResolutionExplanation,
    PrioritySourceHandle,
    combine_maps,
    resolve_maps,
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
