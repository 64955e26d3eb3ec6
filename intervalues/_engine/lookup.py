"""Lookups on canonical columns: one point, many points (lists or NumPy), lattices.

A continuous piece ``[start, stop]`` is closed and the left piece wins at a shared
boundary, so the piece holding ``k`` is the first one whose stop is ``>= k``, if its
start is ``<= k``. Discrete tracks hold integer point indices, half-open.

Many points at once go to the kernel when it is used (:func:`values_at_keys`,
:func:`values_at_array`, :func:`covered_keys`, :func:`covered_array`): one merge for
sorted points, a radix sort of the points otherwise, comparisons between int
coordinates and float points exact. The pure-Python path bisects (``bisect`` compares
ints and floats exactly too), and gives the same answers.

>>> from intervalues._engine.columns import Track
>>> values_at_list(Track([0, 2], [2, 4], [1, 3]), [0, 2, 3, 9])
[1, 1, 3, 0]
"""

from __future__ import annotations

from array import array
from bisect import bisect_left
from datetime import datetime
from fractions import Fraction
from itertools import islice
from operator import le
from typing import Any

from . import accel
from .columns import Code, Track, code_of, machine, machine_track
from .combine import use_accel
from .coords import key_of
from .lattice import divide, exact

__all__ = [
    "as_numpy",
    "covered_array",
    "covered_keys",
    "lattice_index",
    "lookup_many",
    "values_at_array",
    "values_at_keys",
    "values_at_list",
]


def values_at_list(track: Track, keys: list[Any]) -> list[Any]:
    """Values at numeric keys on a continuous track, 0 when uncovered: one bisect each,
    over a few stops only when the keys are sorted. O(k log n).

    >>> values_at_list(Track([0, 2], [2, 4], [1, 3]), [3, 1, 2, 9])
    [3, 1, 1, 0]
    """
    starts, values = track.starts, track.values
    n = len(starts)
    return [values[i] if i < n and starts[i] <= x else 0 for x, i in _places(track, keys)]


def _places(track: Track, keys: list[Any]) -> list[tuple[Any, int]]:
    """``(key, bisect_left(stops, key))`` for each key. Sorted keys (checked at C speed)
    walk forward: the next eight stops first, a bisect of the rest only beyond them."""
    stops = track.stops
    if not all(map(le, keys, islice(keys, 1, None))):
        return [(x, bisect_left(stops, x)) for x in keys]
    n = len(stops)
    out: list[tuple[Any, int]] = []
    append = out.append
    i = 0
    for x in keys:
        j = i + 8
        if j < n and stops[j] < x:
            i = bisect_left(stops, x, j + 1)
        else:
            i = bisect_left(stops, x, i, j if j < n else n)
        append((x, i))
    return out


def as_numpy(col: Any, np: Any) -> Any:
    """A column as a NumPy array, exactly: a zero-copy view of a machine column (read-only
    for the kernel's bytes: never write to it); a list as ``int64``/``float64`` when it is
    all of one machine type, else as Python objects (NumPy would turn ``[1, 2**63 + 1]``
    or ``[2**53 + 1, 0.5]`` into inexact floats).

    >>> import numpy as np
    >>> as_numpy(array("q", [1, 2]), np).dtype, as_numpy(memoryview(bytes(8)).cast("d"), np).dtype
    (dtype('int64'), dtype('float64'))
    >>> as_numpy([1, 2**63 + 1], np).dtype, as_numpy([1, 2], np).dtype
    (dtype('O'), dtype('int64'))
    """
    code = code_of(col)
    if code is not None:
        return np.frombuffer(col, dtype=np.int64 if code == "i" else np.float64)
    types = set(map(type, col))
    if types == {float}:
        return np.asarray(col, dtype=np.float64)
    if types <= {int} and all(-(2**63) <= x < 2**63 for x in col):
        return np.asarray(col, dtype=np.int64)
    return np.asarray(col, dtype=object)


def _point_column(keys: list[Any]) -> tuple[Code, bytes] | None:
    """Plain finite numbers as one machine column (ints among floats as floats when
    that is exact: up to 2**53), or ``None`` (ints beyond 64 bits, or beyond 2**53
    among floats: the kernel takes one point type a call)."""
    try:
        return "i", array("q", keys).tobytes()
    except OverflowError:
        return None
    except TypeError:  # floats (array('q') refuses them)
        pass
    ints = [x for x in keys if type(x) is int]
    if ints and not -(2**53) <= min(ints) <= max(ints) <= 2**53:
        return None
    return "f", array("d", keys).tobytes()


def values_at_keys(track: Track, keys: list[Any], use_rust: bool | None = None) -> list[Any]:
    """Values at plain finite numeric keys (``int``/``float``) on a continuous track, 0
    where nothing covers the key: a list, as :func:`values_at_list` gives it. O(n + k)
    on the kernel, O(k log n) in Python.

    >>> values_at_keys(Track([0, 2], [2, 4], [0.5, 3.0]), [1, 2.5, 9])
    [0.5, 3.0, 0]
    """
    if keys and use_accel(use_rust):
        steps, points = machine_track(track), _point_column(keys)
        if steps is not None and points is not None:
            coords, vals, cols = steps
            out = accel.values_at(cols, coords, vals, points[1], points[0]).tolist()
            return [v or 0 for v in out] if vals == "f" else out  # uncovered: int 0
    return values_at_list(track, keys)


def values_at_array(
    track: Track, keys: Any, np: Any, use_rust: bool | None = None, up: Any = None
) -> Any:
    """Values at NumPy keys (``int64``/``float64``, finite) on a continuous track, as a
    NumPy array of the values' type (0 where nothing covers the key). ``up``: the
    ceilings of points finer than their keys (datetimes below a microsecond, see
    :func:`lookup_many`); such points are looked up exactly in Python.

    >>> import numpy as np
    >>> values_at_array(Track([0, 2], [2, 4], [1, 3]), np.array([1.0, 3.5, 9.0]), np).tolist()
    [1, 3, 0]
    """
    exact_keys = up is None or up is keys or bool((up == keys).all())
    steps = machine_track(track) if len(keys) and exact_keys and use_accel(use_rust) else None
    if steps is not None:
        coords, vals, cols = steps
        pts: Code = "i" if keys.dtype.kind == "i" else "f"
        out = accel.values_at(cols, coords, vals, keys.tobytes(), pts)
        return np.frombuffer(out, dtype=np.int64 if vals == "i" else np.float64)
    idx, hit = lookup_many(track.starts, track.stops, keys, keys if up is None else up, np)
    values = as_numpy(track.values, np)
    if not len(values):
        return np.zeros(len(keys), dtype=np.int64)
    return np.where(hit, values[idx], values.dtype.type(0))


def covered_keys(track: Track, keys: list[Any], use_rust: bool | None = None) -> list[bool]:
    """Whether a closed piece covers each plain finite numeric key (sets).

    >>> covered_keys(Track([0, 3], [1, 3], [1, 1]), [1, 2, 3.0])
    [True, False, True]
    """
    if keys and use_accel(use_rust):
        s, e, points = machine(track.starts), machine(track.stops), _point_column(keys)
        if s is not None and e is not None and s[0] == e[0] and points is not None:
            out = accel.contains_many((s[1], e[1]), s[0], points[1], points[0])
            return list(map(bool, out))
    starts = track.starts
    n = len(starts)
    return [i < n and starts[i] <= x for x, i in _places(track, keys)]


def covered_array(
    track: Track, keys: Any, np: Any, use_rust: bool | None = None, up: Any = None
) -> Any:
    """:func:`covered_keys` for NumPy keys: a boolean NumPy array (``up`` as for
    :func:`values_at_array`).

    >>> import numpy as np
    >>> covered_array(Track([0, 3], [1, 3], [1, 1]), np.array([1, 2, 3]), np).tolist()
    [True, False, True]
    """
    exact_keys = up is None or up is keys or bool((up == keys).all())
    use = exact_keys and len(keys) and use_accel(use_rust)
    s, e = (machine(track.starts), machine(track.stops)) if use else (None, None)
    if s is not None and e is not None and s[0] == e[0]:
        pts: Code = "i" if keys.dtype.kind == "i" else "f"
        out = accel.contains_many((s[1], e[1]), s[0], keys.tobytes(), pts)
        return np.frombuffer(out, dtype=bool)
    return lookup_many(track.starts, track.stops, keys, keys if up is None else up, np)[1]


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
    s_code, e_code = code_of(starts), code_of(stops)
    if s_code is None or e_code is None:
        return _lookup_python(starts, stops, down.tolist(), up.tolist(), np)
    up_key, up_ok = _stored(up, e_code, "ceil", np)
    down_key, down_ok = _stored(down, s_code, "floor", np)
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


def _stored(keys: Any, code: Code, rounding: str, np: Any) -> tuple[Any, Any]:
    """``keys`` in a column's type (``"i"``: int64, ``"f"``: float64), rounded down
    (``"floor"``: the largest value <= key) or up (``"ceil"``), exactly; plus a mask of the
    keys for which that value exists (``None``: all of them)."""
    if (code == "i") == (keys.dtype.kind in "iu"):
        return keys, None
    floor = rounding == "floor"
    if code == "i":  # float points, int64 column
        ok = keys >= -_TWO_63 if floor else keys < _TWO_63
        whole = np.floor(keys) if floor else np.ceil(keys)
        inside = np.clip(whole, -_TWO_63, _TWO_63 - 1024.0).astype(np.int64)
        if not floor:
            return inside, ok  # below -2**63 the clip gives the int64 minimum, exactly
        # from 2**63 on the largest int64 <= key is the int64 maximum (no float spells it)
        return np.where(keys >= _TWO_63, np.iinfo(np.int64).max, inside), ok
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
