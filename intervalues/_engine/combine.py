"""The dispatcher: raw columns in, canonical tracks out, on Rust or in Python.

:func:`use_accel` is the one function that decides the backend of a call:
``use_rust=None`` uses the accelerator when it is installed, ``True``/``False`` pick one,
and ``INTERVALUES_BACKEND=python|rust`` forces one for the whole process (arguments are
validated before, in ``intervalues._checks``). The accelerator takes a track only when
its answer is bit-identical to Python's; anything else, and any overflow inside the
kernel, is computed by the pure-Python sweep, exactly. So the choice affects speed only.

>>> build({None: ([0, 2], [4, 6], [1, 1])}, "meter", False)[None].rows()
[(0, 2, 1), (2, 4, 2), (4, 6, 1)]
"""

from __future__ import annotations

from array import array
from bisect import bisect_left, bisect_right
from collections.abc import Mapping, Sequence
from itertools import compress, repeat
from operator import mul
from typing import Any

from . import accel
from .columns import Track, TrackId, code_of, machine_track, sorted_tracks, splice
from .sweep import Kind, combine_columns

__all__ = [
    "RawColumns",
    "add_into",
    "add_track",
    "build",
    "build_arrays",
    "build_python",
    "scale_track",
    "use_accel",
]

RawColumns = tuple[Sequence[Any], Sequence[Any], Sequence[Any]]

# From this many pieces on, an update's re-sweep is worth a trip to the accelerator.
BIG_SPLICE = 4096


def use_accel(use_rust: bool | None) -> bool:
    """Whether this call runs on the accelerator (the one place that decides).

    >>> isinstance(use_accel(None), bool)
    True
    """
    forced = accel.forced_backend()
    if forced in ("python", "rust"):
        return forced == "rust" and accel.available()
    if use_rust is None:
        return accel.available()
    return use_rust and accel.available()


def build_python(cols: Mapping[TrackId, RawColumns], kind: Kind) -> dict[TrackId, Track]:
    """Sweep raw columns into canonical tracks with the pure-Python kernel.

    >>> build_python({None: ([0], [1], [0.5])}, "counter")
    {}
    """
    out = {t: Track(*combine_columns(s, e, v, kind)) for t, (s, e, v) in cols.items()}
    return sorted_tracks(out)


def build(
    cols: Mapping[TrackId, RawColumns], kind: Kind, use_rust: bool | None
) -> dict[TrackId, Track]:
    """Sweep raw per-track columns into canonical tracks on the chosen backend.

    The accelerator takes a track only with uniform coordinate types and uniform value
    types (ints within 64 bits, or floats, which it sums by the same decimal rule).
    """
    if not use_accel(use_rust):
        return build_python(cols, kind)
    out: dict[TrackId, Track] = {}
    rest: dict[TrackId, RawColumns] = {}
    for t, (starts, stops, values) in cols.items():
        result = _combine_machine(starts, stops, values, kind)
        if result is None:
            rest[t] = (starts, stops, values)
        else:
            out[t] = Track(*result)
    out.update(build_python(rest, kind))
    return sorted_tracks(out)


def build_arrays(
    starts: Any, stops: Any, values: Any, kind: Kind, use_rust: bool | None
) -> dict[TrackId, Track]:
    """Sweep machine columns (NumPy int64/float64 or typed ``array``; ``values`` may be a
    list mixing ints and floats): straight to the kernel as bytes when it is used, else
    through the Python kernel."""
    if len(starts) == 0:
        return {}
    if use_accel(use_rust):
        if isinstance(values, list):
            out = _combine_mixed(starts, stops, values, kind)
        else:
            out = accel.combine_bytes(
                kind,
                starts.tobytes(),
                stops.tobytes(),
                values.tobytes(),
                _code(starts),
                _code(values),
            )
        if out is not None:
            return sorted_tracks({None: Track(*out)})
    return build_python({None: (_listed(starts), _listed(stops), _listed(values))}, kind)


def _listed(col: Any) -> list[Any]:
    return col if isinstance(col, list) else col.tolist()


def _code(col: Any) -> accel.TypeCode:
    """The kernel's type code of a machine column: ``"f"`` (float64) or ``"i"`` (int64)."""
    if isinstance(col, array):
        return "f" if col.typecode == "d" else "i"
    return "f" if col.dtype.kind == "f" else "i"


def _combine_mixed(starts: Any, stops: Any, values: list[Any], kind: Kind) -> Any:
    """Values mixing ints and floats on the kernel, with the Python kernel's answer.

    The rule (see ``sweep``): a piece's value is the exact sum of the values covering
    it (a float as the decimal it prints as, an int as itself), rounded once, and an
    ``int`` when only ints cover it. The callers checked that the ints' absolute sum is
    at most 2**53, so every int and every partial int total is exact as a float, and
    the kernel's decimal sum over the values as float64 is that exact sum, rounded
    once. What is left is the type: a meter's value is an int where no float-valued
    interval covers it, and a piece is cut where that changes (:func:`typed_pieces`, as
    in the Python kernel); counts and sets are ints anyway.
    """
    code = _code(starts)
    out = accel.combine_bytes(
        kind, starts.tobytes(), stops.tobytes(), array("d", values).tobytes(), code, "f"
    )
    if out is None or kind != "meter" or not len(out[0]):
        return out
    floats = [type(x) is float for x in values]
    float_starts, float_stops = _selected(starts, floats), _selected(stops, floats)
    ones = (array("q", [1]) * sum(floats)).tobytes()
    cover = accel.combine_bytes("set", float_starts, float_stops, ones, code, "i")
    if cover is None:
        return None
    return typed_pieces(out[0], out[1], out[2], cover[0], cover[1])


def _selected(col: Any, keep: list[bool]) -> bytes:
    """The bytes of the entries of a machine column (typed ``array`` or NumPy; the two
    columns of one call may differ) where ``keep`` is true."""
    if isinstance(col, array):
        return array(col.typecode, compress(col, keep)).tobytes()
    return bytes(col[keep].tobytes())  # NumPy: a boolean mask


def typed_pieces(
    starts: Any, stops: Any, values: Any, cover_starts: Any, cover_stops: Any
) -> tuple[list[Any], list[Any], list[Any]]:
    """The kernel's float-valued pieces with the Python kernel's value types: a float
    where the (sorted, disjoint) float-valued cover ``[cover_starts[j], cover_stops[j])``
    holds the point, an ``int`` elsewhere. A piece the kernel merged across a cover
    boundary is cut there (``3`` and ``3.0`` are two pieces, as in the Python kernel:
    value types do not depend on how the pieces were built). O(n + m).

    >>> typed_pieces([0, 5], [5, 9], [1.0, 3.0], [2], [4])
    ([0, 2, 4, 5], [2, 4, 5, 9], [1, 1.0, 1, 3])
    """
    out_s: list[Any] = []
    out_e: list[Any] = []
    out_v: list[Any] = []
    j = 0
    n = len(cover_starts)
    for a, b, v in zip(starts, stops, values):
        x = a
        while x < b:
            while j < n and cover_stops[j] <= x:
                j += 1
            if j < n and cover_starts[j] <= x:  # x is float-covered up to cover_stops[j]
                value, nxt = v, min(cover_stops[j], b)
            else:
                value, nxt = int(v), (min(cover_starts[j], b) if j < n else b)
            if out_e and out_e[-1] == x and type(out_v[-1]) is type(value) and out_v[-1] == value:
                out_e[-1] = nxt
            else:
                out_s.append(x)
                out_e.append(nxt)
                out_v.append(value)
            x = nxt
    return out_s, out_e, out_v


def _machine(col: Sequence[Any]) -> tuple[accel.TypeCode, bytes] | None:
    """``(code, bytes)`` for a column of one machine type, or None.

    ``array('q', ...)`` itself refuses floats (``TypeError``) and ints beyond 64 bits
    (``OverflowError``), so the common all-int column needs no separate type scan.
    """
    if isinstance(col, array):
        return ("i" if col.typecode == "q" else "f"), col.tobytes()
    try:
        return "i", array("q", col).tobytes()
    except OverflowError:  # an int beyond 64 bits: Python keeps it exact
        return None
    except TypeError:
        pass
    if set(map(type, col)) == {float}:  # array('d') would quietly accept ints too
        return "f", array("d", col).tobytes()
    return None


def _combine_machine(
    starts: Sequence[Any], stops: Sequence[Any], values: Sequence[Any], kind: Kind
) -> tuple[Any, Any, Any] | None:
    """One track through the kernel, or None when Python must do it."""
    if not starts:
        return [], [], []
    coords, raw_stops, vals = _machine(starts), _machine(stops), _machine(values)
    if coords is None or raw_stops is None or vals is None or coords[0] != raw_stops[0]:
        return None  # mixed int/float coordinates keep their types on the Python path
    return accel.combine_bytes(kind, coords[1], raw_stops[1], vals[1], coords[0], vals[0])


def add_into(
    track: Track,
    starts: Sequence[Any],
    stops: Sequence[Any],
    values: Sequence[Any],
    kind: Kind,
) -> None:
    """Add pieces to ``track`` in place, re-sweeping only the stretch they touch.

    O(log n + k log k + splice); a re-sweep of many pieces goes to the default backend.

    >>> t = Track([0], [4], [1]); add_into(t, [2], [6], [1], "meter"); t.rows()
    [(0, 2, 1), (2, 4, 2), (4, 6, 1)]
    """
    lo = bisect_left(track.stops, min(starts))  # first piece ending at or after the start
    hi = bisect_right(track.starts, max(stops))  # pieces starting after the end stay
    cols = (
        [*track.starts[lo:hi], *starts],
        [*track.stops[lo:hi], *stops],
        [*track.values[lo:hi], *values],
    )
    if len(cols[0]) >= BIG_SPLICE:
        swept = build({None: cols}, kind, None).get(None)
        s, e, v = (swept.starts, swept.stops, swept.values) if swept else ([], [], [])
    else:
        s, e, v = combine_columns(*cols, kind)
    track.starts = splice(track.starts, lo, hi, s)
    track.stops = splice(track.stops, lo, hi, e)
    track.values = splice(track.values, lo, hi, v)


def add_track(
    mine: Track | None, other: Track, kind: Kind, times: Any = 1, use_rust: bool | None = None
) -> Track:
    """``mine + times * other`` as a new canonical track (``mine`` is left unchanged).

    Many pieces (``BIG_SPLICE`` or more between the two in the stretch ``other``
    spans) with ``times`` 1 or -1 go to the kernel's linear merge when both tracks have
    the same machine types: O(n + m). Otherwise only the stretch ``other`` touches is
    re-swept and spliced in (:func:`add_into`): O(log n + k log k + splice). Both give
    the sweep's exact answer.

    >>> add_track(Track([0], [4], [1]), Track([2], [6], [1]), "meter", -1).rows()
    [(0, 2, 1), (4, 6, -1)]
    """
    plain = type(times) is int and times in (1, -1)
    if plain and use_accel(use_rust) and _big(mine, other):
        b = machine_track(other)
        if b is not None:
            coords, vals, theirs = b
            a = machine_track(mine) if mine is not None else (coords, vals, (b"", b"", b""))
            if a is not None and a[:2] == (coords, vals):
                out = accel.add_steps(kind, a[2], theirs, coords, vals, subtract=times == -1)
                if out is not None:
                    return Track(*out)
    values = other.values if times == 1 else [v * times for v in other.values]
    if mine is None:
        return Track(*combine_columns(other.starts, other.stops, values, kind))
    new = mine.copy()
    add_into(new, other.starts, other.stops, values, kind)
    return new


def _big(mine: Track | None, other: Track) -> bool:
    """Whether ``mine + other`` re-sweeps at least ``BIG_SPLICE`` pieces."""
    if len(other) >= BIG_SPLICE or mine is None or not len(other):
        return len(other) >= BIG_SPLICE
    lo = bisect_left(mine.stops, other.starts[0])
    hi = bisect_right(mine.starts, other.stops[-1])
    return hi - lo + len(other) >= BIG_SPLICE


def scale_track(
    track: Track, kind: Kind, factor: int | float, use_rust: bool | None = None
) -> Track:
    """Every value times ``factor`` (a counter's truncated toward zero: ``int(v *
    factor)``), re-canonicalised: zero products dropped, equal touching ones merged.
    O(n). The caller handles a counter's ``factor <= 0`` (empty).

    >>> scale_track(Track([0, 1], [1, 2], [1, 2]), "counter", 0.5).rows()
    [(1, 2, 1)]
    """
    if use_accel(use_rust):
        steps = machine_track(track)
        if steps is not None:
            coords, vals, cols = steps
            out = accel.scale_steps(kind, cols, coords, vals, factor)
            if out is not None:
                return Track(*out)
    if kind == "counter":
        values = [int(v * factor) for v in track.values]
    elif type(factor) is int and factor and code_of(track.values) == "i":
        # Exact non-zero int products of distinct neighbours stay non-zero and distinct:
        # already canonical (pack keeps products beyond 64 bits as Python ints).
        products = list(map(mul, track.values, repeat(factor)))
        return Track(track.starts[:], track.stops[:], products)
    else:
        values = [v * factor for v in track.values]
    return Track(track.starts[:], track.stops[:], values).canonical()
