"""Lookups on canonical columns: one point, many points (lists or NumPy), lattices.

A continuous piece ``[start, stop]`` is closed and the left piece wins at a shared
boundary, so the piece holding ``k`` is the first one whose stop is ``>= k``, if its
start is ``<= k``. Discrete tracks hold integer point indices, half-open.

>>> from intervalues._engine.columns import Track
>>> values_at_list(Track([0, 2], [2, 4], [1, 3]), [0, 2, 3, 9])
[1, 1, 3, 0]
"""

from __future__ import annotations

from array import array
from bisect import bisect_left
from datetime import datetime
from fractions import Fraction
from typing import Any

from .columns import Track
from .coords import key_of
from .lattice import divide, exact

__all__ = ["as_numpy", "lattice_index", "lookup_many", "values_at_list"]


def values_at_list(track: Track, keys: list[Any]) -> list[Any]:
    """Values at numeric keys on a continuous track: one bisect each, 0 when uncovered."""
    starts, stops, values = track.starts, track.stops, track.values
    n = len(stops)
    out: list[Any] = []
    append = out.append
    for x in keys:
        i = bisect_left(stops, x)
        append(values[i] if i < n and starts[i] <= x else 0)
    return out


def as_numpy(col: Any, np: Any) -> Any:
    """A stored column as a NumPy array: a zero-copy view of a typed ``array``."""
    if isinstance(col, array):
        return np.frombuffer(col, dtype=np.int64 if col.typecode == "q" else np.float64)
    return np.asarray(col)


def lookup_many(starts: Any, stops: Any, keys: Any, np: Any) -> tuple[Any, Any]:
    """For each key: the index of the closed piece containing it (left piece wins at a
    shared boundary) and whether there is one. O(k log n), vectorised."""
    st = as_numpy(starts, np)
    en = as_numpy(stops, np)
    idx = np.searchsorted(en, keys, side="left")
    clipped = np.minimum(idx, max(len(en) - 1, 0))
    hit = (idx < len(en)) & (st[clipped] <= keys) if len(en) else np.zeros(len(keys), bool)
    return clipped, hit


def lattice_index(track: tuple[Any, Any], x: int | float | datetime, tol: float = 0) -> int | None:
    """The point index of coordinate ``x`` on lattice ``(step, offset)``, or None when
    ``x`` is not one of its points; a number within ``tol * step`` of a point counts as
    that point (the discrete intervals' membership tolerance).

    >>> lattice_index((2, 1), 7), lattice_index((2, 1), 4), lattice_index((1, 0), 1.0000001, 1e-6)
    (3, None, 1)
    """
    step, offset = track
    q = (key_of(x) if isinstance(x, datetime) else exact(x)) - offset
    if not q % step:
        return divide(q, step)
    if not tol or isinstance(x, datetime):
        return None
    r = Fraction(q) / Fraction(step)
    k = round(r)
    return k if abs(r - k) <= tol else None
