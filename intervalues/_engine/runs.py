"""Exact set algebra on discrete runs across different steps.

A run is ``(first, step, count)`` in exact keys (decimal ``Fraction``/``int`` numbers,
integer microseconds for datetimes): the points ``first + i * step``. Subtracting a run
with another step leaves periodic holes, expressed as several runs with a multiple step,
e.g. ``{0..10} - {0, 3, 6, 9}`` is ``{1, 4, 7} + {2, 5, 8} + {10}``.
"""

from __future__ import annotations

import math
from collections.abc import Callable
from fractions import Fraction
from typing import Any

from .lattice import rgcd

__all__ = ["Run", "difference", "intersect", "normalize", "point_count", "pointwise"]

Run = tuple[Any, Any, int]


def _last(r: Run) -> Any:
    return r[0] + (r[2] - 1) * r[1]


def _residue(r: Run, b: Run) -> tuple[int, int] | None:
    """``(i0, m)``: point ``i`` of ``r`` lies on ``b``'s grid iff ``i % m == i0``."""
    g = rgcd(r[1], b[1])
    diff = Fraction(b[0] - r[0]) / Fraction(g)
    if diff.denominator != 1:
        return None
    m = int(Fraction(b[1]) / Fraction(g))
    a = int(Fraction(r[1]) / Fraction(g))
    if m == 1:
        return 0, 1
    return (int(diff) * pow(a, -1, m)) % m, m


def _index_range(r: Run, lo: Any, hi: Any) -> tuple[int, int]:
    """Indices of ``r``'s points within ``[lo, hi]`` (clipped to the run)."""
    first = math.ceil(Fraction(lo - r[0]) / Fraction(r[1]))
    last = math.floor(Fraction(hi - r[0]) / Fraction(r[1]))
    return max(first, 0), min(last, r[2] - 1)


def _sub(r: Run, start_index: int, step_factor: int, count: int) -> Run:
    return (r[0] + start_index * r[1], r[1] * step_factor, count)


def intersect(r: Run, b: Run) -> Run | None:
    """The common points of two runs, as one run (or None)."""
    res = _residue(r, b)
    if res is None:
        return None
    i0, m = res
    lo, hi = _index_range(r, b[0], _last(b))
    if lo > hi:
        return None
    first = lo + (i0 - lo) % m
    if first > hi:
        return None
    return _sub(r, first, m, (hi - first) // m + 1)


def difference(r: Run, b: Run) -> list[Run]:
    """``r`` without the points of ``b``."""
    res = _residue(r, b)
    if res is None:
        return [r]
    i0, m = res
    lo, hi = _index_range(r, b[0], _last(b))
    if lo > hi:
        return [r]
    out = []
    if lo > 0:
        out.append(_sub(r, 0, 1, lo))
    for j in range(m):
        if j == i0:
            continue
        first = lo + (j - lo) % m
        if first <= hi:
            out.append(_sub(r, first, m, (hi - first) // m + 1))
    if hi < r[2] - 1:
        out.append(_sub(r, hi + 1, 1, r[2] - 1 - hi))
    return [(f, s if c > 1 else r[1], c) for f, s, c in out]


def subtract_all(runs: list[Run], others: list[Run]) -> list[Run]:
    """Every run of ``runs`` without the points of all ``others``."""
    out = list(runs)
    for b in others:
        out = [piece for r in out for piece in difference(r, b)]
    return out


def point_count(runs: list[Run]) -> int:
    """Number of distinct points covered by the runs."""
    total = 0
    seen: list[Run] = []
    for r in runs:
        total += sum(c for _, _, c in subtract_all([r], seen))
        seen.append(r)
    return total


def merge_lattice(runs: list[Run]) -> list[Run]:
    """Merge overlapping or adjacent runs of one lattice (same step and offset)."""
    runs = sorted(runs)
    out: list[list[Any]] = []
    for f, s, c in runs:
        last = f + (c - 1) * s
        if out and f <= out[-1][0] + out[-1][2] * out[-1][1]:
            prev_last = out[-1][0] + (out[-1][2] - 1) * s
            if last > prev_last:
                out[-1][2] = int(Fraction(last - out[-1][0]) / Fraction(s)) + 1
        else:
            out.append([f, s, c])
    return [(f, s, c) for f, s, c in out]


def normalize(runs: list[Run]) -> list[Run]:
    """Canonical runs: merged per lattice, runs covered by other runs dropped, sorted."""
    by_lattice: dict[Any, list[Run]] = {}
    for r in runs:
        if r[2] > 0:
            by_lattice.setdefault((r[1], r[0] % r[1]), []).append(r)
    merged = [r for group in by_lattice.values() for r in merge_lattice(group)]
    merged.sort(key=lambda r: (-r[2], r[0], r[1]))
    kept: list[Run] = []
    for r in merged:
        if not kept or subtract_all([r], kept):
            kept.append(r)
    return sorted(kept, key=lambda r: (r[0], r[1]))


def pointwise(
    pieces: list[tuple[Run, Any]], total: Callable[[list[Any]], Any]
) -> list[tuple[Run, Any]]:
    """The point-wise sum of valued runs (of any lattices), as disjoint runs ``(run,
    value)`` with ``value = total(values of the runs covering its points)``; runs summing
    to 0 are dropped. Runs of one lattice must not overlap (a canonical track).
    O(atoms x pieces) with a cheap range test; one lattice costs O(pieces).

    >>> pointwise([((0, 2, 4), 1), ((0, 3, 3), 1)], sum)  # {0, 2, 4, 6} and {0, 3, 6}
    [((0, 6, 2), 2), ((2, 2, 1), 1), ((3, 3, 1), 1), ((4, 2, 1), 1)]
    """
    atoms: list[tuple[Run, list[Any]]] = []
    for r, v in pieces:
        first, last = r[0], _last(r)
        rest = [r]
        grown: list[tuple[Run, list[Any]]] = []
        for a, vals in atoms:
            c = None if _last(a) < first or a[0] > last else intersect(a, r)
            if c is None:
                grown.append((a, vals))
                continue
            grown.extend((d, vals) for d in difference(a, c))
            grown.append((c, [*vals, v]))
            rest = subtract_all(rest, [c])
        grown.extend((p, [v]) for p in rest)
        atoms = grown
    out = [(a, total(vals)) for a, vals in atoms]
    return sorted(((a, t) for a, t in out if t), key=lambda item: (item[0][0], item[0][1]))
