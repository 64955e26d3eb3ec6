"""Value statistics of meters: weights paired with the measure they cover."""

from __future__ import annotations

from bisect import bisect_left, bisect_right
from fractions import Fraction
from typing import TYPE_CHECKING, Any

from ._coords import key_of

if TYPE_CHECKING:
    from .interval_meter import IntervalMeter

__all__ = ["average", "median", "mode", "weighted_values"]


def weighted_values(meter: IntervalMeter, within: Any) -> list[tuple[Any, Any]]:
    """``(value, measure)`` pairs: length (continuous, key units) or point count (discrete).

    With ``within``, the meter is clipped to it and its uncovered measure is paired with 0.
    """
    from .interval_meter import _check_within

    discrete = bool(meter._layout.discrete)
    if within is None:
        if discrete:
            return [(iv.value, iv.count) for iv in meter]  # type: ignore[attr-defined]
        return [(v, b - a) for a, b, v in _continuous(meter)]
    window = _check_within(meter, within)
    if discrete or window._discrete:
        counts: dict[Any, int] = {}
        pts = [p for p, _ in window]
        values = meter.values_at(pts) if meter._tracks else [0] * len(pts)
        for v in values:
            counts[v] = counts.get(v, 0) + 1
        return list(counts.items())
    ka, kb = key_of(window.start), key_of(window.stop)
    if ka == kb:
        raise ValueError("within must have a positive length")
    pairs = []
    covered: Any = 0
    for a, b, v in _continuous(meter, ka, kb):
        lo, hi = max(a, ka), min(b, kb)
        if lo < hi:
            pairs.append((v, hi - lo))
            covered += hi - lo
    gap = (kb - ka) - covered
    if gap:
        pairs.append((0, gap))
    return pairs


def _continuous(meter: IntervalMeter, lo: Any = None, hi: Any = None) -> list[tuple[Any, Any, Any]]:
    """The continuous pieces, or only those overlapping ``[lo, hi]`` (O(log n + k))."""
    tr = meter._tracks.get(None)
    if tr is None:
        return []
    i, j = (0, len(tr)) if lo is None else (bisect_left(tr.stops, lo), bisect_right(tr.starts, hi))
    return list(zip(tr.starts[i:j], tr.stops[i:j], tr.values[i:j]))


def _exact(x: Any) -> Any:
    return Fraction(x) if isinstance(x, float) else x


def average(pairs: list[tuple[Any, Any]]) -> Any:
    """Measure-weighted mean, correctly rounded to a float."""
    measure = sum(_exact(w) for _, w in pairs)
    if not measure:
        raise ValueError("the average needs a domain of positive measure")
    total = sum(_exact(v) * _exact(w) for v, w in pairs)
    return float(Fraction(total) / Fraction(measure))


def median(pairs: list[tuple[Any, Any]]) -> Any:
    """Measure-weighted median; when the half falls exactly between two values, their mean."""
    pairs = sorted((v, _exact(w)) for v, w in pairs if w)
    if not pairs:
        raise ValueError("the median needs a domain of positive measure")
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
            mid = (v + nxt) / 2
            return mid
    return pairs[-1][0]


def mode(pairs: list[tuple[Any, Any]]) -> tuple[Any, ...]:
    """The values carrying the most measure (all tied ones, ascending)."""
    by_value: dict[Any, Any] = {}
    for v, w in pairs:
        by_value[v] = by_value.get(v, 0) + _exact(w)
    best = max(by_value.values())
    return tuple(sorted(v for v, w in by_value.items() if w == best))
