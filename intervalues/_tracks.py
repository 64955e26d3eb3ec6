"""Columnar storage of step functions: *tracks* of sorted, canonical pieces.

A continuous collection has one track (id ``None``) whose keys are coordinates (numbers,
or integer microseconds for datetimes); pieces ``[start, stop]`` are closed for lookups
with the left piece winning at a shared boundary. A discrete collection has one track per
lattice ``(step, offset)``; its keys are integer point indices and a piece ``(a, b)`` holds
the points ``a .. b-1`` (half-open), so touching runs merge exactly like continuous ones.
"""

from __future__ import annotations

import math
import operator
from array import array
from bisect import bisect_left, bisect_right
from collections.abc import Iterable, Sequence
from datetime import datetime
from typing import Any

from ._coords import NUMBER, Domain, check_same_domain, domain_of, from_key, key_of
from ._lattice import Lattice, divide, exact, exact_step, from_exact, lattice_of, step_from_exact
from ._sweep import Kind, combine_columns, merge_canonical
from .base_interval import BaseInterval, as_interval
from .base_interval_discrete import BaseDiscreteInterval

__all__ = ["Columns", "Layout", "Track", "gather"]

Columns = tuple[list[Any], list[Any], list[Any]]

_START = operator.attrgetter("start")
_STOP = operator.attrgetter("stop")
_VALUE = operator.attrgetter("value")

# From this many pieces on, an update's re-sweep is worth a trip to the accelerator.
_BIG_SPLICE = 4096


def pack(col: Any) -> Any:
    """A column as a typed ``array`` (``'q'`` for 64-bit ints, ``'d'`` for floats: 8 bytes
    an item, viewable by NumPy without a copy), or a list for big ints and mixed types.

    >>> pack([1, 2]), pack([0.5]), pack([2**70]), pack([1, 0.5])
    (array('q', [1, 2]), array('d', [0.5]), [1180591620717411303424], [1, 0.5])
    """
    if isinstance(col, array):
        return col
    if not col:  # an empty column stays a list: callers may append any type to it
        return list(col)
    try:
        return array("q", col)  # refuses floats (TypeError) and big ints (OverflowError)
    except OverflowError:
        return list(col)
    except TypeError:
        pass
    if set(map(type, col)) == {float}:  # array('d') would quietly turn ints into floats
        return array("d", col)
    return list(col)


def _splice(col: Any, lo: int, hi: int, new: list[Any]) -> Any:
    """``col[lo:hi] = new``, keeping a typed array when ``new`` fits its type."""
    if isinstance(col, array):
        types = set(map(type, new))
        fits = types <= {int} if col.typecode == "q" else types <= {float}
        if fits:
            try:
                col[lo:hi] = array(col.typecode, new)
                return col
            except OverflowError:
                pass
        col = list(col)
    col[lo:hi] = new
    return col


def _same(a: Any, b: Any) -> bool:
    if type(a) is type(b) and (not isinstance(a, array) or a.typecode == b.typecode):
        return a == b
    return len(a) == len(b) and list(a) == list(b)


class Track:
    """One sorted column set: ``starts``, ``stops``, ``values`` (canonical after every op).

    Columns are typed arrays where the data allows (see :func:`pack`), lists otherwise.
    """

    __slots__ = ("starts", "stops", "values")

    def __init__(self, starts: Any, stops: Any, values: Any) -> None:
        self.starts = pack(starts)
        self.stops = pack(stops)
        self.values = pack(values)

    def copy(self) -> Track:
        return Track(self.starts[:], self.stops[:], self.values[:])

    def __len__(self) -> int:
        return len(self.starts)

    def __eq__(self, other: object) -> bool:
        return (
            isinstance(other, Track)
            and _same(self.starts, other.starts)
            and _same(self.stops, other.stops)
            and _same(self.values, other.values)
        )

    def find(self, k: Any) -> int:
        """Index of the piece containing ``k`` (closed; left piece wins), or -1. O(log n)."""
        i = bisect_left(self.stops, k)
        if i < len(self.starts) and self.starts[i] <= k:
            return i
        return -1

    def find_half_open(self, k: Any) -> int:
        """Index of the piece with ``start <= k < stop``, or -1. O(log n)."""
        i = bisect_right(self.starts, k) - 1
        if i >= 0 and k < self.stops[i]:
            return i
        return -1

    def add(
        self, starts: Sequence[Any], stops: Sequence[Any], values: Sequence[Any], kind: Kind
    ) -> None:
        """Add pieces, re-sweeping only the stretch they touch. O(log n + k log k + splice)."""
        lo_key = min(starts)
        hi_key = max(stops)
        lo = bisect_left(self.stops, lo_key)  # first piece ending at or after lo_key
        hi = bisect_right(self.starts, hi_key)  # pieces starting after hi_key stay
        cols = (
            [*self.starts[lo:hi], *starts],
            [*self.stops[lo:hi], *stops],
            [*self.values[lo:hi], *values],
        )
        if len(cols[0]) >= _BIG_SPLICE:  # large re-sweeps go to the default backend
            from . import _backend

            swept = _backend.build({None: cols}, kind, None).get(None)
            s, e, v = (swept.starts, swept.stops, swept.values) if swept else ([], [], [])
        else:
            s, e, v = combine_columns(*cols, kind)
        self.starts = _splice(self.starts, lo, hi, s)
        self.stops = _splice(self.stops, lo, hi, e)
        self.values = _splice(self.values, lo, hi, v)


class Layout:
    """How keys map back to coordinates: the domain, and per lattice the user's number type."""

    __slots__ = ("discrete", "domain", "floaty")

    def __init__(
        self, domain: Domain | None, discrete: bool | None, floaty: dict[Any, bool] | None = None
    ) -> None:
        self.domain = domain
        self.discrete = discrete
        self.floaty: dict[Any, bool] = floaty if floaty is not None else {}

    def copy(self) -> Layout:
        return Layout(self.domain, self.discrete, dict(self.floaty))

    def merge(self, other: Layout, what: str) -> None:
        """Adopt or check another layout (``TypeError`` on mixing)."""
        if other.discrete is None:
            return
        if self.discrete is None:
            self.discrete = other.discrete
            self.domain = other.domain
        else:
            if self.discrete != other.discrete:
                raise TypeError(f"cannot mix discrete and continuous intervals in {what}")
            check_same_domain(self.domain or NUMBER, other.domain or NUMBER, what)
        for k, f in other.floaty.items():
            self.floaty[k] = self.floaty.get(k, False) or f

    # -- keys -> intervals ----------------------------------------------------------
    def coordinate(self, track: Any, k: Any) -> Any:
        domain = self.domain or NUMBER
        if track is None:
            return from_key(k, domain)
        step, offset = track
        return from_exact(offset + k * step, domain, self.floaty.get(track, False))

    def interval(self, track: Any, a: Any, b: Any, value: Any) -> BaseInterval:
        """The user-facing interval of a stored piece (no validation: keys are trusted)."""
        if track is None:
            iv = object.__new__(BaseInterval)
            iv.start = self.coordinate(None, a)
            iv.stop = self.coordinate(None, b)
            iv.value = value
            return iv
        d = object.__new__(BaseDiscreteInterval)
        d.start = self.coordinate(track, a)
        d.stop = self.coordinate(track, b - 1)
        d.step = step_from_exact(track[0], self.domain or NUMBER, self.floaty.get(track, False))
        d.count = b - a
        d.value = value
        return d

    def key(self, x: Any) -> Any:
        """The continuous key of a coordinate of this layout's domain."""
        return key_of(x)


def gather(
    items: Any, what: str, nr_digits: int | None = None
) -> tuple[Layout, dict[Any, Columns]]:
    """Validate intervals and split them into raw columns per track.

    ``items`` is one interval (or ``(start, stop[, value])`` tuple) or any iterable of them.
    Raises ``TypeError`` for non-intervals and for mixing discrete/continuous or domains.
    """
    if items is None:
        return Layout(None, None), {}
    if isinstance(items, BaseInterval) or (
        isinstance(items, tuple)
        and 2 <= len(items) <= 3
        and not isinstance(items[0], (BaseInterval, tuple, list))
    ):
        items = [items]
    elif isinstance(items, (str, bytes)) or not isinstance(items, Iterable):
        raise TypeError(
            f"data must be an interval or an iterable of intervals, not {type(items).__name__}"
        )
    ivs = items if type(items) is list else list(items)
    if not ivs:
        return Layout(None, None), {}
    item_types = set(map(type, ivs))
    if item_types == {BaseInterval}:  # the common case, checked at C speed
        discrete = False
    else:
        ivs = [
            x if isinstance(x, BaseInterval) else as_interval(x, "each item of data") for x in ivs
        ]
        discrete = ivs[0]._discrete
        if any(iv._discrete != discrete for iv in ivs):
            raise TypeError(f"cannot mix discrete and continuous intervals in {what}")
    if nr_digits is not None:
        ivs = [_rounded(iv, nr_digits) for iv in ivs]
    if discrete:
        return _gather_discrete(ivs, what)
    starts = list(map(_START, ivs))
    stops = list(map(_STOP, ivs))
    values = list(map(_VALUE, ivs))
    types = set(map(type, starts)) | set(map(type, stops))
    if types <= {int, float}:
        domain = NUMBER
        if float in types and not (
            all(map(math.isfinite, starts)) and all(map(math.isfinite, stops))
        ):
            raise ValueError(f"intervals of {what} must have finite bounds")
    else:
        bad = [x for x in starts + stops if not isinstance(x, datetime)]
        odd = [x for x in bad if type(x) not in (int, float)]
        if odd:
            raise TypeError(f"interval bounds must be numbers or datetimes, got {odd[0]!r}")
        if bad:
            raise TypeError(f"cannot mix numbers and datetimes in {what}")
        domain = _check_domains(starts + stops, what)
        starts = [key_of(x) for x in starts]
        stops = [key_of(x) for x in stops]
    _check_values(values)
    if any(map(operator.gt, starts, stops)):
        i = next(i for i, (a, b) in enumerate(zip(starts, stops)) if a > b)
        raise ValueError(f"interval {i} of {what} has start after stop ({ivs[i]!r})")
    return Layout(domain, False), {None: (starts, stops, values)}


def _rounded(iv: BaseInterval, nr_digits: int) -> BaseInterval:
    def r(x: Any) -> Any:
        return round(x, nr_digits) if isinstance(x, float) else x

    if iv._discrete or isinstance(iv.start, datetime):
        return iv.with_value(r(iv.value))
    new = object.__new__(BaseInterval)
    new.start, new.stop, new.value = r(iv.start), r(iv.stop), r(iv.value)
    if new.start > new.stop:
        new.stop = new.start
    return new


def _check_domains(coords: list[Any], what: str) -> Domain:
    first = domain_of(coords[0])
    for x in coords:
        d = domain_of(x)
        if d.kind != first.kind:
            raise TypeError(f"cannot mix {first.describe()} and {d.describe()} in {what}")
    return first


def _check_values(values: list[Any]) -> None:
    from ._coords import check_value

    types = set(map(type, values))
    if types <= {int, float}:
        if float in types and not all(map(math.isfinite, values)):
            bad = next(v for v in values if not math.isfinite(v))
            raise ValueError(f"values must be finite, got {bad!r}")
        return
    for v in values:
        check_value(v)


def _gather_discrete(ivs: list[BaseInterval], what: str) -> tuple[Layout, dict[Any, Columns]]:
    domain = _check_domains([iv.start for iv in ivs], what)
    layout = Layout(domain, True)
    cols: dict[Any, Columns] = {}
    _check_values([iv.value for iv in ivs])
    for iv in ivs:
        e_start, e_step = exact(iv.start), exact_step(iv.step)  # type: ignore[attr-defined]
        track: Lattice = lattice_of(e_start, e_step)
        k = divide(e_start - track[1], e_step)
        c = cols.get(track)
        if c is None:
            c = cols[track] = ([], [], [])
            layout.floaty[track] = False
        c[0].append(k)
        c[1].append(k + iv.count)  # type: ignore[attr-defined]
        c[2].append(iv.value)
        if isinstance(iv.start, float) or isinstance(iv.step, float):  # type: ignore[attr-defined]
            layout.floaty[track] = True
    return layout, cols


def build_tracks(cols: dict[Any, Columns], kind: Kind) -> dict[Any, Track]:
    """Sweep raw columns into canonical tracks (pure Python kernel)."""
    out = {}
    for t, (s, e, v) in cols.items():
        track = Track(*combine_columns(s, e, v, kind))
        if track.starts:
            out[t] = track
    return dict(sorted(out.items(), key=_track_order))


def _track_order(item: tuple[Any, Track]) -> Any:
    t = item[0]
    return (0, 0, 0) if t is None else (1, t[0], t[1])


def canonical(track: Track) -> Track:
    """Re-canonicalise a track after an element-wise change of values."""
    return Track(*merge_canonical(track.starts, track.stops, track.values))
