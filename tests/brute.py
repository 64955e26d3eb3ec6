"""Brute-force reference for the property tests: slow, small and obviously correct.

Nothing here imports ``intervalues``. Inputs are plain tuples:

* continuous: ``(start, stop, value)`` -- a closed interval ``[start; stop]``;
* discrete: ``(start, count, step, value)`` -- the points ``start + i*step``, ``i < count``.

Coordinates may be ints, floats, naive datetimes or aware datetimes. Aware datetimes are
handled by their absolute instant (see :func:`instant`), never by wall time, so that two
spellings of the same moment are one coordinate and DST folds are told apart.

Values are summed exactly: ints with Python ints, anything involving a float through
``fractions.Fraction`` and a single final rounding (``float(Fraction)``), which is what
``math.fsum`` of the covering values returns.

One convention can be switched by an environment variable, to compare the library with
either reading of the docs (the default follows DESIGN.md's "Exact arithmetic"):
``INTERVALUES_BRUTE_FLOAT_SUM=fsum`` (default) sums the binary values of the floats
exactly (``math.fsum``); ``decimal`` reads each float as the shortest decimal it prints
as (``0.1`` is one tenth) before summing exactly.

Every piece produced here carries a set ``kinds`` that says which Python type its value
must have: ``{"int"}`` when every contribution was an int, ``{"float"}`` when every
elementary part of the piece had a float contribution. Touching parts merge only when
their values are equal *and* of one kind (``2`` and ``2.0`` stay apart), so a piece has
exactly one kind.
"""

from __future__ import annotations

import os
from datetime import datetime, timedelta
from fractions import Fraction
from itertools import pairwise

FLOAT_SUM = os.environ.get("INTERVALUES_BRUTE_FLOAT_SUM", "decimal")
assert FLOAT_SUM in ("fsum", "decimal"), FLOAT_SUM

__all__ = [
    "counter_pieces",
    "discrete_counter_runs",
    "discrete_meter_runs",
    "discrete_points",
    "discrete_set_points",
    "exact_sum",
    "instant",
    "integral",
    "meter_pieces",
    "set_contains",
    "set_pieces",
    "value_at",
]


# --------------------------------------------------------------------------- coordinates


def instant(x):
    """A key that compares coordinates the way the library must: aware datetimes by UTC
    instant (as a naive UTC datetime, respecting ``fold``), everything else as is."""
    if isinstance(x, datetime) and x.tzinfo is not None and x.utcoffset() is not None:
        return (x - x.utcoffset()).replace(tzinfo=None, fold=0)
    return x


def _diff(stop, start):
    """Length ``stop - start``: exact ``Fraction`` for numbers, ``timedelta`` for datetimes."""
    if isinstance(start, datetime):
        return instant(stop) - instant(start)
    return Fraction(stop) - Fraction(start)


# --------------------------------------------------------------------------- exact sums


def _is_int(v):
    return isinstance(v, int) and not isinstance(v, bool)


def _exact(v):
    if _is_int(v):
        return v
    if FLOAT_SUM == "fsum" or v.is_integer():  # a whole float is its exact integer
        return Fraction(v)
    return Fraction(repr(v))


def exact_sum(values):
    """Return ``(total, kind)``: the exact int sum when all values are ints (kind "int"),
    otherwise the correctly rounded float of the exact sum (kind "float"). A float
    contributes even when it is ``0.0``: ``1 + 0.0`` is the float ``1.0``."""
    values = list(values)
    if all(_is_int(v) for v in values):
        return sum(values), "int"
    return float(sum((_exact(v) for v in values), Fraction(0))), "float"


# --------------------------------------------------------------------------- continuous


def _elementary_segments(intervals):
    """Yield ``(a, b, covering_values)`` for every open elementary segment ``(a, b)``
    between consecutive boundary instants. Zero-length intervals cover nothing."""
    ivs = [(instant(s), instant(e), v) for s, e, v in intervals]
    ivs = [(s, e, v) for s, e, v in ivs if s < e]
    bounds = sorted({s for s, _, _ in ivs} | {e for _, e, _ in ivs})
    for a, b in pairwise(bounds):
        cover = [v for s, e, v in ivs if s <= a and b <= e]
        yield a, b, cover


def _merge(segments):
    """Merge touching segments with equal values. ``segments``: ``(a, b, value, kinds)``
    in increasing order. Returns a list of ``(a, b, value, kinds)``."""
    out = []
    for a, b, v, kinds in segments:
        if out and out[-1][1] == a and out[-1][2] == v and out[-1][3] == set(kinds):
            pa, _, pv, pk = out[-1]
            out[-1] = (pa, b, pv, pk | kinds)
        else:
            out.append((a, b, v, set(kinds)))
    return out


def meter_pieces(intervals):
    """Canonical meter: exact totals, zero totals dropped, equal touching neighbours merged.
    Coordinates are returned as :func:`instant` keys."""
    segs = []
    for a, b, cover in _elementary_segments(intervals):
        if not cover:
            continue
        total, kind = exact_sum(cover)
        if total != 0:
            segs.append((a, b, total, {kind}))
    return _merge(segs)


def counter_pieces(intervals):
    """Canonical counter: ``int()`` of the (rounded) total, counts >= 1 kept, merged."""
    segs = []
    for a, b, cover in _elementary_segments(intervals):
        if not cover:
            continue
        total, _ = exact_sum(cover)
        count = int(total)
        if count >= 1:
            segs.append((a, b, count, {"int"}))
    return _merge(segs)


def set_pieces(intervals):
    """Canonical set: stretches with total > 0, merged whenever they touch (value 1),
    plus the points ``[x;x]`` of zero-length intervals with a positive value that no
    stretch covers (a set keeps them, issue 14)."""
    segs = []
    for a, b, cover in _elementary_segments(intervals):
        if not cover:
            continue
        total, _ = exact_sum(cover)
        if total > 0:
            segs.append((a, b, 1, {"int"}))
    pieces = _merge(segs)
    points = {instant(s) for s, e, v in intervals if instant(s) == instant(e) and v > 0}
    for p in points:
        if not any(a <= p <= b for a, b, _, _ in pieces):
            pieces.append((p, p, 1, {"int"}))
    return sorted(pieces, key=lambda piece: piece[0])


def value_at(pieces, x):
    """Point lookup on canonical pieces: the leftmost closed piece containing ``x``
    (so the left piece at a shared boundary), else 0."""
    x = instant(x)
    for a, b, v, _ in pieces:
        if a <= x <= b:
            return v
    return 0


def set_contains(intervals, x):
    """Membership of ``x`` in the union of the closed, positive-valued intervals
    (zero-length ones are points; valid when all values are > 0)."""
    x = instant(x)
    return any(instant(s) <= x <= instant(e) and v > 0 for s, e, v in intervals)


def integral(pieces):
    """Exact integral of canonical pieces: ``Fraction`` for numbers, ``timedelta`` for
    datetimes (values must then be ints)."""
    if pieces and isinstance(pieces[0][0], datetime):
        total = timedelta(0)
        for a, b, v, _ in pieces:
            total += (b - a) * v
        return total
    return sum((_diff(b, a) * Fraction(v) for a, b, v, _ in pieces), Fraction(0))


# --------------------------------------------------------------------------- discrete


def discrete_points(intervals):
    """``{lattice: {point: [values]}}`` with ``lattice = (step, start % step)``."""
    lattices = {}
    for start, count, step, value in intervals:
        pts = lattices.setdefault((step, start % step), {})
        for i in range(count):
            pts.setdefault(start + i * step, []).append(value)
    return lattices


def _runs(lattices, transform):
    """Build maximal runs per lattice. ``transform(values) -> (value, kind) | None``
    (None drops the point). Returns sorted ``(first, last, step, value, kinds)``."""
    out = []
    for (step, _), pts in lattices.items():
        run = None
        for p in sorted(pts):
            t = transform(pts[p])
            if t is None:
                if run:
                    out.append(run)
                run = None
                continue
            v, kind = t
            if run and run[1] + step == p and run[3] == v and run[4] == {kind}:
                run = (run[0], p, step, run[3], run[4] | {kind})
            else:
                if run:
                    out.append(run)
                run = (p, p, step, v, {kind})
        if run:
            out.append(run)
    return sorted(out, key=lambda r: (r[0], r[1], r[2]))


def discrete_meter_runs(intervals):
    """Per-lattice canonical meter runs ``(first, last, step, value, kinds)``."""

    def tr(values):
        total, kind = exact_sum(values)
        return None if total == 0 else (total, kind)

    return _runs(discrete_points(intervals), tr)


def discrete_counter_runs(intervals):
    """Per-lattice canonical counter runs (``int()`` truncation, counts >= 1)."""

    def tr(values):
        count = int(exact_sum(values)[0])
        return (count, "int") if count >= 1 else None

    return _runs(discrete_points(intervals), tr)


def discrete_set_points(intervals):
    """All points where some lattice has a positive total."""
    covered = set()
    for pts in discrete_points(intervals).values():
        for p, values in pts.items():
            if exact_sum(values)[0] > 0:
                covered.add(p)
    return covered
