"""Statistics of step functions on their columns: values paired with the measure
they cover, and exact sums.

A *pair* is ``(value, measure)``: a piece's value and its length (continuous, in key
units) or point count (discrete). Means are computed with exact rationals and rounded
once; sums of float terms with ``math.fsum``.

>>> from intervalues._engine.columns import Track
>>> t = Track([0, 2], [2, 6], [3, 1])
>>> pairs = continuous_pairs(t)
>>> pairs, average(pairs), median(pairs), mode(pairs)
([(3, 2), (1, 4)], 1.6666666666666667, 1, (1,))
"""

from __future__ import annotations

import math
from bisect import bisect_left, bisect_right
from collections.abc import Callable, Iterable
from fractions import Fraction
from typing import Any

from .columns import Track
from .sweep import scale_values

__all__ = [
    "average",
    "continuous_pairs",
    "exact_dot",
    "exact_sum",
    "integral",
    "median",
    "mode",
    "regions",
]

Pair = tuple[Any, Any]


def exact_sum(terms: Iterable[Any]) -> Any:
    """``sum`` of ints (exact), ``math.fsum`` as soon as a float is involved.

    >>> exact_sum([1, 2]), exact_sum([0.1, 0.2, -0.3])
    (3, 2.7755575615628914e-17)
    """
    terms = list(terms)
    if any(type(t) is float for t in terms):
        return math.fsum(terms)
    return sum(terms)


def overlapping(track: Track, lo: Any = None, hi: Any = None) -> tuple[int, int]:
    """Index range of the pieces overlapping ``[lo, hi]`` (all of them without bounds)."""
    if lo is None:
        return 0, len(track)
    return bisect_left(track.stops, lo), bisect_right(track.starts, hi)


def continuous_pairs(track: Track | None, lo: Any = None, hi: Any = None) -> list[Pair]:
    """``(value, length)`` of each piece; with a window ``[lo, hi]`` the pieces are
    clipped to it and the uncovered length inside it is paired with 0. O(log n + k)."""
    if track is None:
        return [(0, hi - lo)] if lo is not None and hi > lo else []
    i, j = overlapping(track, lo, hi)
    rows = zip(track.starts[i:j], track.stops[i:j], track.values[i:j])
    if lo is None:
        return [(v, b - a) for a, b, v in rows]
    pairs = []
    covered: Any = 0
    for a, b, v in rows:
        x, y = max(a, lo), min(b, hi)
        if x < y:
            pairs.append((v, y - x))
            covered += y - x
    gap = (hi - lo) - covered
    if gap:
        pairs.append((0, gap))
    return pairs


def integral(track: Track, lo: Any = None, hi: Any = None) -> Any:
    """Σ length × value of the pieces, clipped to ``[lo, hi]`` when given: exact, every
    float read as the decimal it prints as (the rule of the sweep), rounded once.

    >>> integral(Track([-1.0, 0.0, 1.5], [0.0, 1.5, 2.5], [1, 0.7, -0.3]))
    1.75
    """
    i, j = overlapping(track, lo, hi)
    rows: Iterable[tuple[Any, Any, Any]] = zip(
        track.starts[i:j], track.stops[i:j], track.values[i:j]
    )
    if lo is not None:
        rows = ((max(a, lo), min(b, hi), v) for a, b, v in rows if a < hi and b > lo)
    starts: list[Any] = []
    stops: list[Any] = []
    values: list[Any] = []
    for a, b, v in rows:
        starts.append(a)
        stops.append(b)
        values.append(v)
    return exact_dot(starts, stops, values)


def exact_dot(starts: list[Any], stops: list[Any], values: list[Any]) -> Any:
    """Σ (stop − start) × value, exact under the decimal reading of floats, rounded once
    (an ``int`` when every number is an ``int``).

    >>> exact_dot([0, 2], [2, 3], [3, 1]), exact_dot([0.0], [0.3], [0.1])
    (7, 0.03)
    """
    if not starts:
        return 0
    coords, c_scale, c_float = scale_values(starts + stops)
    vals, v_scale, v_float = scale_values(values)
    n = len(starts)
    total = sum((b - a) * v for a, b, v in zip(coords[:n], coords[n:], vals))
    if not (c_float or v_float):
        return total
    return total / (c_scale * v_scale)  # int / int: correctly rounded


def regions(track: Track | None, keep: Callable[[Any], bool]) -> tuple[list[Any], list[Any]]:
    """``(starts, stops)`` of the pieces whose value satisfies ``keep``, touching ones
    merged."""
    starts: list[Any] = []
    stops: list[Any] = []
    if track is None:
        return starts, stops
    for a, b, v in zip(track.starts, track.stops, track.values):
        if keep(v):
            if stops and stops[-1] == a:
                stops[-1] = b
            else:
                starts.append(a)
                stops.append(b)
    return starts, stops


def _exact(x: Any) -> Any:
    return Fraction(x) if isinstance(x, float) else x


def average(pairs: list[Pair]) -> float | None:
    """Measure-weighted mean, correctly rounded to a float; None without measure."""
    measure = sum(_exact(w) for _, w in pairs)
    if not measure:
        return None
    total = sum(_exact(v) * _exact(w) for v, w in pairs)
    return float(Fraction(total) / Fraction(measure))


def median(pairs: list[Pair]) -> Any:
    """Measure-weighted median; when the half falls exactly between two values, their
    mean. None without measure."""
    pairs = sorted((v, _exact(w)) for v, w in pairs if w)
    if not pairs:
        return None
    half = Fraction(sum(w for _, w in pairs)) / 2
    running: Any = 0
    for i, (v, w) in enumerate(pairs):
        running += w
        if running > half:
            return v
        if running == half:
            nxt = pairs[i + 1][0] if i + 1 < len(pairs) else v
            if nxt == v:
                return v
            return (v + nxt) / 2
    return pairs[-1][0]


def mode(pairs: list[Pair]) -> tuple[Any, ...]:
    """The values carrying the most measure (all tied ones, ascending)."""
    by_value: dict[Any, Any] = {}
    for v, w in pairs:
        by_value[v] = by_value.get(v, 0) + _exact(w)
    best = max(by_value.values())
    return tuple(sorted(v for v, w in by_value.items() if w == best))
