"""Statistics of step functions on their columns: values paired with the measure
they cover, and exact sums.

A *pair* is ``(value, measure)``: a piece's value and its length (continuous, in key
units) or point count (discrete). Means are computed with exact rationals and rounded
once; sums of float terms with ``math.fsum``.

The functions on a continuous track (:func:`total`, :func:`integral`,
:func:`coverage`, :func:`statistic`, :func:`threshold_regions`) run in the kernel when
it is used and the columns are machine columns, else in Python on the columns
themselves (``map``/``sum`` at C speed for typed columns, no object per piece where the
answer allows it), with the same answers to the bit.

>>> from intervalues._engine.columns import Track
>>> t = Track([0, 2], [2, 6], [3, 1])
>>> pairs = continuous_pairs(t)
>>> pairs, average(pairs), median(pairs), mode(pairs)
([(3, 2), (1, 4)], 1.6666666666666667, 1, (1,))
"""

from __future__ import annotations

import math
from bisect import bisect_left, bisect_right
from collections.abc import Callable, Iterable, Sequence
from fractions import Fraction
from itertools import chain
from operator import mul, sub
from typing import Any, Literal

from . import accel
from .columns import Track, code_of, machine, machine_track
from .combine import use_accel

__all__ = [
    "Statistic",
    "area",
    "average",
    "continuous_pairs",
    "coverage",
    "exact_sum",
    "finite",
    "float_or_exact",
    "integral",
    "length",
    "median",
    "mode",
    "regions",
    "rounded_once",
    "statistic",
    "threshold_regions",
    "total",
]

Statistic = Literal["average", "median", "mode", "minimum", "maximum"]

Pair = tuple[Any, Any]


_EXACT = 2**53  # every int up to this magnitude is a float exactly


def exact_sum(terms: Iterable[Any]) -> Any:
    """``sum`` of ints (exact); as soon as a float is involved, the exact sum rounded once
    to a float: ``math.fsum``, or exact rationals where fsum cannot (an int beyond 2**53,
    an intermediate overflow); ``OverflowError`` if it is beyond the float range.

    >>> exact_sum([1, 2]), exact_sum([0.1, 0.2, -0.3]), exact_sum([1e308, 1e308, -1e308])
    (3, 2.7755575615628914e-17, 1e+308)
    """
    code = code_of(terms)
    if code is not None and code != "f":  # a typed int column
        return sum(terms)
    if code is None:
        terms = list(terms)
        if not any(type(t) is float for t in terms):
            return sum(terms)
        if any(type(t) is int and not -_EXACT <= t <= _EXACT for t in terms):
            return rounded_once(terms)  # fsum would round such an int to a float first
    return float_or_exact(lambda: math.fsum(terms), lambda: terms)


def rounded_once(terms: Iterable[Any]) -> float:
    """The exact sum of finite ``int``/``float``/``Fraction`` terms rounded once to a
    float; ``OverflowError`` when it is beyond the float range (or a term is infinite).

    >>> rounded_once([10**400, 0.5, -(10**400)])
    0.5
    """
    return float(sum(map(Fraction, terms)))


def float_or_exact(fast: Callable[[], Any], terms: Callable[[], Iterable[Any]]) -> Any:
    """``fast()`` (float arithmetic), or where it leaves the float range on the way
    (``inf``/``nan``, ``OverflowError``, fsum's ``ValueError`` for ``inf - inf``) the exact
    sum of ``terms()`` rounded once (:func:`rounded_once`).

    >>> big = Fraction(1e300) ** 2
    >>> float_or_exact(lambda: 1e300 * 1e300 - 1e300 * 1e300, lambda: [big, -big, 0.5])
    0.5
    """
    try:
        out = fast()
    except (OverflowError, ValueError):
        out = math.inf
    return out if finite(out) else rounded_once(terms())


def area(a: Any, b: Any, v: Any) -> Any:
    """``(b - a) * v`` as Python computes it or, when that leaves the float range on the
    way (an int beyond it meets a float, a product overflows), the exact product rounded
    once; ``OverflowError`` when that is beyond the float range too.

    >>> area(0, 10**330, 5e-324), area(1, 4, 2)
    (4940656.458412466, 6)
    """
    return float_or_exact(lambda: (b - a) * v, lambda: [Fraction(length(a, b)) * Fraction(v)])


def finite(x: Any) -> bool:
    """Whether a computed answer is usable: not a float ``inf``/``nan``.

    >>> finite(10**400), finite(float("inf"))
    (True, False)
    """
    return type(x) is not float or x - x == 0.0


def _typed(track: Track) -> set[Any]:
    """The type codes of a track's three columns (``None`` among them for a list)."""
    return {code_of(track.starts), code_of(track.stops), code_of(track.values)}


def total(tracks: Sequence[Track], use_rust: bool | None = None) -> Any:
    """``exact_sum`` of every value of the tracks (``IntervalMeter.total()``). O(n).

    >>> total([Track([0], [1], [0.1]), Track([0], [1], [0.2])])
    0.30000000000000004
    """
    if len(tracks) == 1 and use_accel(use_rust):
        column = machine(tracks[0].values)
        if column is not None:
            out = accel.total(column[1], column[0])
            if out is not None and finite(out):
                return out
    if len(tracks) == 1:
        return exact_sum(tracks[0].values)
    return exact_sum(chain.from_iterable(tr.values for tr in tracks))


def coverage(track: Track, use_rust: bool | None = None) -> Any:
    """``exact_sum`` of the pieces' lengths ``stop - start``. O(n).

    >>> coverage(Track([0.0, 2.0], [1.0, 4.5], [1, 1]))
    3.5
    """
    if use_accel(use_rust):
        s, e = machine(track.starts), machine(track.stops)
        if s is not None and e is not None and s[0] == e[0]:
            out = accel.coverage((s[1], e[1]), s[0])
            if out is not None and finite(out):
                return out
    codes = {code_of(track.starts), code_of(track.stops)}

    def fast() -> Any:
        lengths = map(sub, track.stops, track.starts)
        if None in codes:
            return exact_sum(lengths)
        return math.fsum(lengths) if "f" in codes else sum(lengths)

    return float_or_exact(fast, lambda: map(length, track.starts, track.stops))


def overlapping(track: Track, lo: Any = None, hi: Any = None) -> tuple[int, int]:
    """Index range of the pieces overlapping ``[lo, hi]`` (all of them without bounds)."""
    if lo is None:
        return 0, len(track)
    return bisect_left(track.stops, lo), bisect_right(track.starts, hi)


def length(a: Any, b: Any) -> Any:
    """``b - a`` exactly: an ``int`` for ints, the float difference when it is exact
    (checked error-free, the common case), else a ``Fraction`` (``1e300 - 1e-300``,
    ``2**63 - 1 - 1.0``).

    >>> length(1, 4), length(0.5, 2.0), length(1.0, 2**63 - 1)
    (3, 1.5, Fraction(9223372036854775806, 1))
    """
    if type(a) is int and type(b) is int:
        return b - a
    if type(a) is float and type(b) is float:
        d = b - a  # TwoSum (Knuth): the rounding error of b + (-a) is exactly err
        bp = d - b
        err = (b - (d - bp)) + (-a - bp)
        if err == 0 and d - d == 0:
            return d
    return Fraction(b) - Fraction(a)


def continuous_pairs(track: Track | None, lo: Any = None, hi: Any = None) -> list[Pair]:
    """``(value, length)`` of each piece, lengths exact (see :func:`length`); with a
    window ``[lo, hi]`` the pieces are clipped to it and the uncovered length inside it is
    paired with 0. O(log n + k)."""
    if track is None:
        return [(0, length(lo, hi))] if lo is not None and hi > lo else []
    i, j = overlapping(track, lo, hi)
    rows = zip(track.starts[i:j], track.stops[i:j], track.values[i:j])
    if lo is None:
        return [(v, length(a, b)) for a, b, v in rows]
    pairs = []
    covered: Any = 0
    for a, b, v in rows:
        x, y = max(a, lo), min(b, hi)
        if x < y:
            w = length(x, y)
            pairs.append((v, w))
            covered += _exact(w)
    gap = _exact(length(lo, hi)) - covered
    if gap:
        pairs.append((0, gap))
    return pairs


def integral(track: Track, lo: Any = None, hi: Any = None, use_rust: bool | None = None) -> Any:
    """Σ length × value of the pieces, clipped to ``[lo, hi]`` when given. O(n), or
    O(log n + k) with a window in Python.

    >>> t = Track([0, 2], [2, 4], [1, 3])
    >>> integral(t), integral(t, 1.5, 3)
    (8, 3.5)
    """
    if use_accel(use_rust):
        steps = machine_track(track)
        if steps is not None:
            window = None if lo is None else (lo, hi)
            out = accel.integral(steps[2], steps[0], steps[1], window)
            if out is not None and finite(out):
                return out
    return float_or_exact(  # exact lengths only where the float path overflows
        lambda: _integral(track, lo, hi),
        lambda: (Fraction(n) * Fraction(v) for v, n in continuous_pairs(track, lo, hi) if v),
    )


def _integral(track: Track, lo: Any, hi: Any) -> Any:
    """:func:`integral` in Python with float arithmetic (``inf`` or ``OverflowError`` when
    a term leaves the float range)."""
    if lo is None and None not in (codes := _typed(track)):
        terms = map(mul, map(sub, track.stops, track.starts), track.values)
        return math.fsum(terms) if "f" in codes else sum(terms)
    i, j = overlapping(track, lo, hi)
    rows = zip(track.starts[i:j], track.stops[i:j], track.values[i:j])
    if lo is None:
        return exact_sum((b - a) * v for a, b, v in rows)
    return exact_sum((min(b, hi) - max(a, lo)) * v for a, b, v in rows if a < hi and b > lo)


def threshold_regions(
    track: Track, threshold: int | float, at_least: bool, use_rust: bool | None = None
) -> tuple[Any, Any]:
    """``(starts, stops)`` of the pieces whose value is ``>= threshold`` (``at_least``)
    or ``< threshold``, compared exactly, touching ones merged. O(n).

    >>> [list(c) for c in threshold_regions(Track([0, 2, 4], [2, 4, 6], [1, 2, 1]), 2, False)]
    [[0, 4], [2, 6]]
    """
    if use_accel(use_rust):
        steps = machine_track(track)
        if steps is not None:
            out = accel.regions(steps[2], steps[0], steps[1], threshold, at_least)
            if out is not None:
                return out
    if at_least:
        return regions(track, lambda v: v >= threshold)
    return regions(track, lambda v: v < threshold)


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
            return midpoint(v, nxt)
    return pairs[-1][0]


def midpoint(a: Any, b: Any) -> float:
    """``(a + b) / 2`` rounded once, without overflow (``a + b`` in floats would give
    ``inf`` for ``1.7e308`` and ``1.6e308``).

    >>> midpoint(1.7e308, 1.6e308), midpoint(1, 2)
    (1.6499999999999999e+308, 1.5)
    """
    if type(a) is int and type(b) is int:
        return (a + b) / 2  # int / int is correctly rounded
    return float((Fraction(a) + Fraction(b)) / 2)


def mode(pairs: list[Pair]) -> tuple[Any, ...]:
    """The values carrying the most measure (all tied ones, ascending)."""
    by_value: dict[Any, Any] = {}
    for v, w in pairs:
        by_value[v] = by_value.get(v, 0) + _exact(w)
    best = max(by_value.values())
    return tuple(sorted(v for v, w in by_value.items() if w == best))


def statistic(
    name: Statistic,
    track: Track | None,
    lo: Any = None,
    hi: Any = None,
    use_rust: bool | None = None,
) -> Any:
    """A measure-weighted statistic of a continuous track's values (``None``: no
    pieces), over ``[lo, hi]`` when given (its uncovered part counting 0): the
    ``average``, ``median``, ``mode`` (a tuple), ``minimum`` or ``maximum``; ``None``
    when there is nothing to measure (the caller raises its own error).

    >>> t = Track([0, 2], [2, 4], [1, 3])
    >>> statistic("median", t), statistic("average", t, 0, 8), statistic("mode", t, 0, 8)
    (2.0, 1.0, (0,))
    """
    if track is not None and use_accel(use_rust):
        steps = machine_track(track)
        if steps is not None:
            window = None if lo is None else (lo, hi)
            out = accel.statistic(name, steps[2], steps[0], steps[1], window)
            if out is not None:
                return out
    if track is not None and lo is None:
        if name == "minimum":
            return min(track.values)
        if name == "maximum":
            return max(track.values)
        if _typed(track) == {"i"}:
            return _int_statistic(name, track)
    pairs = continuous_pairs(track, lo, hi)
    if name == "average":
        return average(pairs)
    if name == "median":
        return median(pairs)
    if not pairs:  # a window whose length rounds to 0 in float arithmetic
        return None
    if name == "mode":
        return mode(pairs)
    values = [v for v, _ in pairs]
    return min(values) if name == "minimum" else max(values)


def _int_statistic(name: Statistic, track: Track) -> Any:
    """Average, median or mode of a track of int columns: no pair per piece (the
    measures grouped by value, exact ints), the same answers as the pair versions."""
    lengths = list(map(sub, track.stops, track.starts))
    if name == "average":
        measure = sum(lengths)
        weighted = sum(map(mul, track.values, lengths))
        return float(Fraction(weighted) / Fraction(measure)) if measure else None
    by_value: dict[int, int] = {}
    get = by_value.get
    for v, w in zip(track.values, lengths):
        by_value[v] = get(v, 0) + w
    if name == "mode":
        best = max(by_value.values())
        return tuple(sorted(v for v, w in by_value.items() if w == best))
    return median(sorted(by_value.items()))
