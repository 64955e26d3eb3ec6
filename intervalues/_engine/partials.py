"""Exact partial step functions: combine pieces of the input apart, sum them exactly later.

A scale-out combine (``intervalues.dask``) sums each part of the input on its own and
adds the parts up afterwards. Adding already rounded float results would round twice, so
the parts carry *exact* sums instead: every value becomes an integer under a power of
ten, ``value == n / 10**k`` (a float counts as the decimal it prints as, the same rule as
the kernel, see ``sweep``), and only the final totals are rounded, once.

A partial step function is held as **events**: sorted distinct coordinates ``coords`` and
``after``, the exact value (times ``10**k``) right after each coordinate, up to the
next one; the value before the first coordinate and after the last is 0. ``after`` is an
``int64`` array, or an ``object`` array of Python ints when a value does not fit 64 bits:
nothing here wraps around.

Pure Python and NumPy; every function takes and returns NumPy arrays.
"""

from __future__ import annotations

from typing import Any

import numpy as np


class Int64Overflow(OverflowError):
    """An integer result does not fit ``int64`` (the caller raises the user's message)."""


__all__ = [
    "MAX_SCALE",
    "canonical",
    "events_from_intervals",
    "events_from_pieces",
    "finish",
    "fits_int64",
    "magnitude",
    "merge_events",
    "pack",
    "positions",
    "scaled_values",
    "sliced",
    "unpack",
]

I64_MAX = 2**63 - 1
MAX_SCALE = 22  # 10**22 is the largest power of ten a float64 holds exactly


def fits_int64(bound: int) -> bool:
    """Whether every integer of magnitude at most ``bound`` fits ``int64``.

    >>> fits_int64(2**63 - 1), fits_int64(2**63)
    (True, False)
    """
    return bound <= I64_MAX


def magnitude(arr: Any) -> int:
    """The largest ``|x|`` of an integer array, as a Python int (0 when empty).

    >>> magnitude(np.array([3, -7])), magnitude(np.array([], dtype=np.int64))
    (7, 0)
    """
    if not len(arr):
        return 0
    if arr.dtype == object:
        return max(abs(int(x)) for x in arr)
    return max(int(arr.max()), -int(arr.min()))


def _as_objects(arr: Any) -> Any:
    """An ``object`` array of Python ints with the values of an integer array."""
    out = np.empty(len(arr), dtype=object)
    out[:] = [int(x) for x in arr]
    return out


def _whole_decimals(values: Any) -> tuple[Any, int] | None:
    """``(n, k)`` with ``decimal(values[i]) == n[i] / 10**k`` in ``int64``, or None.

    Vectorised: for ``k = 0, 1, ..., 22`` the values not yet matched are tried as
    ``rint(v * 10**k)``. A candidate ``m`` is accepted only when ``m / 10**k`` rounds to
    ``v`` (float division of two exact numbers: one rounding) and no other ``k``-decimal
    number does (the spacing of floats at ``v`` is below ``10**-k``): then ``m / 10**k``
    is the shortest decimal printing as ``v``. Whole floats are their exact integers.
    """
    n = len(values)
    scaled = np.zeros(n, dtype=np.int64)
    need = np.zeros(n, dtype=np.int64)
    whole = (values == np.trunc(values)) & (np.abs(values) < 2.0**63)
    scaled[whole] = values[whole].astype(np.int64)
    todo = np.flatnonzero(~whole)
    with np.errstate(over="ignore", invalid="ignore"):  # huge values: inf, never matched
        spacing = np.spacing(np.abs(values[todo]))
        for k in range(1, MAX_SCALE + 1):
            if not todo.size:
                break
            power = 10.0**k  # exact for k <= 22
            v = values[todo]
            m = np.rint(v * power)
            ok = (m / power == v) & (spacing * power < 1.0)
            hit = todo[ok]
            scaled[hit] = m[ok].astype(np.int64)  # |m| < 2**53: exact
            need[hit] = k
            todo, spacing = todo[~ok], spacing[~ok]
    if todo.size:
        return None
    k = int(need.max()) if n else 0
    for j in np.unique(need).tolist():  # bring every value to the common scale 10**k
        if j == k:
            continue
        sel = need == j
        factor = 10 ** (k - j)
        size = magnitude(scaled[sel])
        if not size:  # zeros stay zeros (10**22 itself does not fit int64)
            continue
        if size > I64_MAX // factor:
            return None
        scaled[sel] *= factor
    return scaled, k


def scaled_values(values: Any) -> tuple[Any, int]:
    """Exact integer images of a value column: ``(n, k)`` with ``value == n / 10**k``.

    ``int64`` columns are returned as they are (``k = 0``); a ``float64`` column becomes
    ``int64`` when every value has at most 22 decimals and fits (vectorised), else an
    ``object`` array of Python ints (exact for every float, slower).

    >>> n, k = scaled_values(np.array([0.1, 2.5, -3.0]))
    >>> n.tolist(), k
    ([1, 25, -30], 1)
    >>> n, k = scaled_values(np.array([1e-30, 1.0]))
    >>> n.dtype, n[0], k
    (dtype('O'), 1, 30)
    """
    if values.dtype.kind in "iu":
        return values.astype(np.int64, copy=False), 0
    found = _whole_decimals(values)
    if found is not None:
        return found
    from .sweep import scale_values  # the kernel's own decimal rule, in Python ints

    ints, scale, _ = scale_values(values.tolist())
    out = np.empty(len(ints), dtype=object)
    out[:] = ints
    return out, len(str(scale)) - 1


def events_from_pieces(starts: Any, stops: Any, values: Any) -> tuple[Any, Any]:
    """Events ``(coords, after)`` of canonical pieces (sorted, disjoint, nonzero values).

    >>> c, a = events_from_pieces(np.array([0, 2, 7]), np.array([2, 5, 9]), np.array([1, 3, 1]))
    >>> c.tolist(), a.tolist()
    ([0, 2, 5, 7, 9], [1, 3, 0, 1, 0])
    """
    n = len(starts)
    if not n:
        return starts[:0], values[:0]
    gap = np.ones(n, dtype=bool)  # the piece ends where no piece starts: an event to 0
    gap[:-1] = stops[:-1] != starts[1:]
    pos = np.arange(n) + np.cumsum(gap) - gap
    coords = np.empty(n + int(gap.sum()), dtype=starts.dtype)
    after = np.zeros(len(coords), dtype=values.dtype)
    coords[pos] = starts
    coords[pos[gap] + 1] = stops[gap]
    after[pos] = values
    return coords, after


def pack(coords: Any, after: Any) -> tuple[tuple[Any, ...], Any]:
    """Events in less memory: ``(packed coords, after)``, exactly.

    Integer coordinates are stored as ``base + step * q`` with ``q`` in ``uint32``
    (``step``: the greatest common divisor of the offsets, so minute-resolution
    datetimes in microseconds pack too) when the offsets allow; ``after`` as ``int32``
    when every value fits. Typical events then take 8 bytes instead of 16.

    >>> packed, after = pack(np.array([600, 660, 900]), np.array([2, 5, 0]))
    >>> packed[1].dtype, packed[2:], after.dtype
    (dtype('uint32'), (600, 60), dtype('int32'))
    >>> unpack(packed).tolist()
    [600, 660, 900]
    """
    if after.dtype == np.int64 and len(after) and magnitude(after) < 2**31:
        after = after.astype(np.int32)
    if coords.dtype != np.int64 or len(coords) < 2:
        return ("raw", coords), after
    base = int(coords[0])
    offsets = coords - coords[0]  # sorted coordinates: from 0 up, no overflow below 2**63
    if int(offsets[-1]) < 0:
        return ("raw", coords), after
    step = int(np.gcd.reduce(offsets[1:]))
    if step and int(offsets[-1]) // step < 2**32:
        return ("packed", (offsets // step).astype(np.uint32), base, step), after
    return ("raw", coords), after


def unpack(packed: tuple[Any, ...], where: Any = slice(None)) -> Any:
    """The coordinates ``[where]`` (a slice or indices) of packed events, as int64 or
    float64 keys."""
    if packed[0] == "raw":
        return packed[1][where]
    return packed[1][where].astype(np.int64) * packed[3] + packed[2]


def sliced(packed: tuple[Any, ...], i0: int, i1: int) -> tuple[Any, ...]:
    """The packed events ``[i0:i1]``: a view, nothing copied."""
    return (packed[0], packed[1][i0:i1], *packed[2:])


def positions(packed: tuple[Any, ...], bounds: list[Any]) -> list[int]:
    """Where each bound would go among the coordinates, left of equal ones (as
    ``searchsorted(bounds, side="left")``), computed on the packed form exactly.

    >>> packed, _ = pack(np.array([600, 660, 900]), np.array([2, 5, 0]))
    >>> positions(packed, [0, 600, 601, 900, 10**6])
    [0, 0, 1, 2, 3]
    """
    if packed[0] == "raw":
        return packed[1].searchsorted(bounds, side="left").tolist()
    q, base, step = packed[1], packed[2], packed[3]
    top = int(q[-1])
    # the first q with base + step * q >= b, in exact integers, clamped to q's range
    wanted = [min(max(-((base - int(b)) // step), 0), top + 1) for b in bounds]
    inside = np.array([min(t, top) for t in wanted], dtype=q.dtype)  # no cast of q
    found = q.searchsorted(inside, side="left").tolist()
    return [len(q) if t > top else i for t, i in zip(wanted, found)]


def events_from_intervals(starts: Any, stops: Any, values: Any) -> tuple[Any, Any]:
    """Events of the sum of intervals ``[starts[i], stops[i])`` weighted by ``values``.

    Exact for any integer values (``int64``, or an ``object`` array of Python ints; int64
    sums that might not fit are done in Python ints). Zero-length intervals add nothing.

    >>> c, a = events_from_intervals(np.array([0, 1]), np.array([2, 2]), np.array([1, 2]))
    >>> c.tolist(), a.tolist()
    ([0, 1, 2], [1, 3, 0])
    """
    keep = starts < stops
    starts, stops, values = starts[keep], stops[keep], values[keep]
    if values.dtype != object and not fits_int64(2 * len(values) * magnitude(values)):
        values = _as_objects(values)
    coords = np.concatenate([starts, stops])
    deltas = np.concatenate([values, -values])
    return _sum_deltas(coords, deltas, 0)


def _sum_deltas(coords: Any, deltas: Any, base: int, bound: int | None = None) -> tuple[Any, Any]:
    """Events from unsorted ``(coordinate, change)`` pairs and the value before them.

    ``bound``, when given, caps every partial sum of changes at one coordinate. Dense
    integer coordinates with ``bound < 2**53`` are summed per coordinate by ``bincount``
    (float64 sums of integers below ``2**53`` are exact; no sort), else by a sort.
    Every coordinate present is kept, also where the changes cancel: a range's pieces
    start at its first coordinate, where the previous range's last piece stops."""
    if not len(coords):
        return coords, deltas
    if bound is not None and bound < 2**53 and coords.dtype == np.int64 and deltas.dtype != object:
        lo, hi = int(coords.min()), int(coords.max())
        if hi - lo < 4 * len(coords) + 1024:
            offsets = coords - lo
            sums = np.bincount(offsets, weights=deltas)
            where = np.flatnonzero(np.bincount(offsets))  # every coordinate present
            after = np.cumsum(sums[where].astype(np.int64))
            return where + lo, (after + base if base else after)
    order = np.argsort(coords, kind="stable")  # merges sorted runs quickly (timsort)
    coords, deltas = coords[order], deltas[order]
    first = np.flatnonzero(np.concatenate([[True], coords[1:] != coords[:-1]]))
    coords = coords[first]
    after = np.cumsum(np.add.reduceat(deltas, first))
    if base:
        after = after + base
    return coords, after


def _rescaled(arr: Any, factor: int, objects: bool) -> Any:
    """``arr * factor`` exactly: ``object`` when asked to, else ``int64`` (no overflow)."""
    if objects:
        arr = arr if arr.dtype == object else _as_objects(arr)
    elif arr.dtype != np.int64:  # int32 storage, or Python ints that provably fit
        arr = arr.astype(np.int64)
    if factor == 1 or (not objects and factor > I64_MAX):  # the latter: all zeros
        return arr
    return arr * factor


def merge_events(chunks: list[tuple[Any, Any, int, int]]) -> tuple[Any, Any, int]:
    """Sum partial step functions over one coordinate range: ``(coords, totals, k)``.

    Each chunk is ``(coords, after, k, before)``: the events of one partial step function
    within the range, and its value just before the range (all times ``10**k``). The
    result holds the exact totals after each distinct coordinate under the largest scale
    ``10**k`` of the chunks that matter (not zero throughout); ``int64`` when no partial
    sum can leave 64 bits (checked up front from the chunks' magnitudes), else Python
    ints. Chunks of one range come from different parts of the input, so coordinates
    may repeat across chunks; the result's are distinct.

    >>> a = (np.array([0, 5]), np.array([2, 0]), 0, 0)        # 2 on [0, 5)
    >>> b = (np.array([3]), np.array([0]), 1, 5)               # 0.5 before 3
    >>> c, t, k = merge_events([a, b])
    >>> c.tolist(), t.tolist(), k
    ([0, 3, 5], [25, 20, 0], 1)
    """
    live = [c for c in chunks if len(c[0]) or c[3]]
    scale = max((c[2] for c in live), default=0)
    base = sum(c[3] * 10 ** (scale - c[2]) for c in live)
    bound = sum(max(magnitude(c[1]), abs(c[3])) * 10 ** (scale - c[2]) for c in live)
    objects = not fits_int64(2 * bound)
    full = [c for c in live if len(c[0])]
    if not full:
        return chunks[0][0][:0], np.empty(0, dtype=object if objects else np.int64), scale
    if len(full) == 1:  # one chunk: already sorted and distinct, the others are constant
        coords, after, k, before = full[0]
        factor = 10 ** (scale - k)
        others = base - before * factor
        totals = _rescaled(after, factor, objects)
        return coords, (totals + others if others else totals), scale
    deltas = []
    for _, after, k, before in full:
        after = _rescaled(after, 10 ** (scale - k), objects)
        d = np.empty(len(after), dtype=after.dtype)
        d[0] = after[0] - before * 10 ** (scale - k)
        d[1:] = after[1:] - after[:-1]
        deltas.append(d)
    coords, totals = _sum_deltas(
        np.concatenate([c[0] for c in full]), np.concatenate(deltas), base, 2 * bound
    )
    return coords, totals, scale


def finish(totals: Any, k: int, kind: str, floats: bool) -> Any:
    """The stored values of exact totals (``value == total / 10**k``), as the kernel
    finishes them: a meter's float sum rounded once, a counter's truncated toward zero
    (counts below 1 become 0), a set's coverage as 1/0; 0 means no piece.

    Rounding: ``float(t) / 10**k`` is one correctly rounded division when ``|t| < 2**53``
    and ``k <= 22`` (both operands exact); otherwise ``int / int`` true division in
    Python, also correctly rounded. :class:`Int64Overflow` when an integer result does
    not fit ``int64`` (one machine keeps it as a Python int; the caller says so).

    >>> finish(np.array([1, 3, -4]), 1, "meter", True).tolist()
    [0.1, 0.3, -0.4]
    >>> finish(np.array([29, 9, -4]), 1, "counter", True).tolist()
    [2, 0, 0]
    """
    if kind == "set":
        return (totals > 0).astype(np.int64)
    if floats:
        small = totals.dtype != object and k <= MAX_SCALE and magnitude(totals) < 2**53
        if small:
            rounded = totals.astype(np.float64) / 10.0**k
        else:
            scale = 10**k
            rounded = np.array([int(t) / scale for t in totals], dtype=np.float64)
        if kind == "meter":
            return rounded
        counts = np.trunc(np.maximum(rounded, 0.0))
        if len(counts) and counts.max() >= 2.0**63:
            raise _too_big()
        return counts.astype(np.int64)
    if kind == "counter":
        totals = np.maximum(totals, 0)
    if totals.dtype == object:
        if not fits_int64(magnitude(totals)):
            raise _too_big()
        totals = totals.astype(np.int64)
    return totals


def _too_big() -> Int64Overflow:
    return Int64Overflow()


def canonical(starts: Any, stops: Any, values: Any) -> tuple[Any, Any, Any]:
    """Drop zero pieces and merge touching neighbours with equal values.

    >>> s, e, v = canonical(np.array([0, 1, 2, 4]), np.array([1, 2, 4, 5]), np.array([1, 1, 0, 2]))
    >>> s.tolist(), e.tolist(), v.tolist()
    ([0, 4], [2, 5], [1, 2])
    """
    keep = values != 0
    if not keep.all():
        starts, stops, values = starts[keep], stops[keep], values[keep]
    if not len(starts):
        return starts, stops, values
    new = np.ones(len(starts), dtype=bool)
    new[1:] = (stops[:-1] != starts[1:]) | (values[:-1] != values[1:])
    first = np.flatnonzero(new)
    last = np.append(first[1:] - 1, len(starts) - 1)
    return starts[first], stops[last], values[first]
