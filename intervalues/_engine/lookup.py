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
    """A column as a NumPy array, exactly: a zero-copy view of a typed ``array``; a list
    as ``int64``/``float64`` when it is all of one machine type, else as Python objects
    (NumPy would turn ``[1, 2**63 + 1]`` or ``[2**53 + 1, 0.5]`` into inexact floats).

    >>> import numpy as np
    >>> as_numpy([1, 2**63 + 1], np).dtype, as_numpy([1, 2], np).dtype
    (dtype('O'), dtype('int64'))
    """
    if isinstance(col, array):
        return np.frombuffer(col, dtype=np.int64 if col.typecode == "q" else np.float64)
    types = set(map(type, col))
    if types == {float}:
        return np.asarray(col, dtype=np.float64)
    if types <= {int} and all(-(2**63) <= x < 2**63 for x in col):
        return np.asarray(col, dtype=np.int64)
    return np.asarray(col, dtype=object)


def lookup_many(starts: Any, stops: Any, down: Any, up: Any, np: Any) -> tuple[Any, Any]:
    """For each point: the index of the closed piece containing it (left piece wins at a
    shared boundary) and whether there is one. O(k log n), vectorised.

    A point is given by ``down <= point <= up`` (NumPy arrays; equal for numbers, the
    floor and ceiling in microseconds for finer datetimes). Comparisons are exact
    whatever the types: int64 points against float64 columns and back are rounded
    towards the point, never through a lossy cast (``2**53 + 1`` is not ``2.0**53``).

    >>> import numpy as np
    >>> from array import array
    >>> pts = np.array([2.0**53])
    >>> lookup_many(array("q", [2**53 + 1]), array("q", [2**53 + 3]), pts, pts, np)[1]
    array([False])
    """
    n = len(stops)
    if not n:
        return np.zeros(len(up), dtype=np.int64), np.zeros(len(up), dtype=bool)
    if not (isinstance(starts, array) and isinstance(stops, array)):
        return _lookup_python(starts, stops, down.tolist(), up.tolist(), np)
    up_key, up_ok = _stored(up, stops.typecode, "ceil", np)
    down_key, down_ok = _stored(down, starts.typecode, "floor", np)
    idx = np.searchsorted(as_numpy(stops, np), up_key, side="left")
    clipped = np.minimum(idx, n - 1)
    hit = (idx < n) & (as_numpy(starts, np)[clipped] <= down_key)
    if up_ok is not None:
        hit &= up_ok
    if down_ok is not None:
        hit &= down_ok
    return clipped, hit


def _lookup_python(
    starts: Any, stops: Any, down: list[Any], up: list[Any], np: Any
) -> tuple[Any, Any]:
    """:func:`lookup_many` for columns of Python numbers (big ints, mixed types): exact."""
    n = len(stops)
    idx = [min(bisect_left(stops, u), n - 1) for u in up]
    hit = [starts[i] <= d and u <= stops[i] for i, d, u in zip(idx, down, up)]
    return np.asarray(idx, dtype=np.int64), np.asarray(hit, dtype=bool)


_TWO_63 = 2.0**63


def _stored(keys: Any, typecode: str, rounding: str, np: Any) -> tuple[Any, Any]:
    """``keys`` in a column's type (``'q'``: int64, ``'d'``: float64), rounded down
    (``"floor"``: the largest value <= key) or up (``"ceil"``), exactly; plus a mask of the
    keys for which that value exists (``None``: all of them)."""
    if (typecode == "q") == (keys.dtype.kind in "iu"):
        return keys, None
    floor = rounding == "floor"
    if typecode == "q":  # float points, int64 column
        ok = keys >= -_TWO_63 if floor else keys < _TWO_63
        whole = np.floor(keys) if floor else np.ceil(keys)
        return np.clip(whole, -_TWO_63, _TWO_63 - 1024.0).astype(np.int64), ok
    near = keys.astype(np.float64)  # int64 points, float64 column: round to nearest ...
    over = near >= _TWO_63  # ... then step once towards the point where it overshot
    back = np.where(over, 0.0, near).astype(np.int64)
    if floor:
        return np.where(over | (back > keys), np.nextafter(near, -np.inf), near), None
    return np.where(~over & (back < keys), np.nextafter(near, np.inf), near), None


def lattice_index(track: tuple[Any, Any], x: int | float | datetime, tol: Any = 0) -> int | None:
    """The point index of coordinate ``x`` on lattice ``(step, offset)``, or None when
    ``x`` is not one of its points. ``tol`` is the membership tolerance relative to the
    step (W19): ``x`` within ``tol * step`` of a point is that point.

    >>> from fractions import Fraction
    >>> lattice_index((2, 1), 7), lattice_index((2, 1), 4)
    (3, None)
    >>> lattice_index((Fraction(1, 5), Fraction(1, 10)), 0.1 + 0.2, 1e-6)
    1
    """
    step, offset = track
    q = (key_of(x) if isinstance(x, datetime) else exact(x)) - offset
    if not q % step:
        return divide(q, step)
    if tol:
        r = Fraction(q) / Fraction(step)
        k = round(r)
        if abs(r - k) <= tol:
            return k
    return None
