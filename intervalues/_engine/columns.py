"""Columnar storage of step functions: *tracks* of sorted, canonical pieces.

A continuous collection has one track (id ``None``) whose keys are coordinates (numbers,
or integer microseconds for datetimes); pieces ``[start, stop]`` are closed for lookups
with the left piece winning at a shared boundary. A discrete collection has one track per
lattice ``(step, offset)``; its keys are integer point indices and a piece ``(a, b)`` holds
the points ``a .. b-1`` (half-open), so touching runs merge exactly like continuous ones.

A :class:`Layout` says how keys map back to coordinates (the domain, and per lattice
whether the user wrote floats). Nothing here validates user input: callers do, in
``intervalues._checks``.
"""

from __future__ import annotations

from array import array
from bisect import bisect_left, bisect_right
from typing import Any, Literal

from .coords import NUMBER, Domain, from_key
from .lattice import Exact, from_exact, step_from_exact
from .sweep import merge_canonical

__all__ = [
    "Code",
    "Layout",
    "Track",
    "TrackId",
    "check_canonical",
    "code_of",
    "machine",
    "machine_track",
    "owned",
    "pack",
    "sorted_tracks",
    "splice",
]

#: ``None`` for the continuous track, ``(step, offset)`` for a lattice of discrete points.
TrackId = tuple[Exact, Exact] | None

#: The kernel's name of a machine column's item type: ``"i"`` (int64), ``"f"`` (float64).
Code = Literal["i", "f"]

_CODES: dict[str, Code] = {"q": "i", "d": "f"}


def code_of(col: Any) -> Code | None:
    """``"i"``/``"f"`` for a machine column (a typed ``array``, or a read-only
    ``memoryview`` of the kernel's bytes), ``None`` for a list.

    >>> code_of(array("q", [1])), code_of(memoryview(bytes(8)).cast("d")), code_of([1, 0.5])
    ('i', 'f', None)
    """
    if isinstance(col, array):
        return _CODES.get(col.typecode)
    if isinstance(col, memoryview):
        return _CODES.get(col.format)
    return None


def machine(col: Any) -> tuple[Code, bytes] | None:
    """``(code, bytes)`` of a machine column, as the kernel takes it; ``None`` for a list.

    A column the kernel made is a read-only view of its own ``bytes``: those are handed
    back as they are, without a copy (nothing can have changed them). A typed ``array``
    is copied once (``tobytes()``); nothing is cached, so nothing can go stale.

    >>> data = bytes(8)
    >>> machine(memoryview(data).cast("d"))[1] is data, machine(array("q", [1]))[0], machine([1])
    (True, 'i', None)
    """
    code = code_of(col)
    if code is None:
        return None
    if isinstance(col, memoryview):
        data = col.obj
        if type(data) is bytes and len(data) == col.nbytes:
            return code, data
    return code, col.tobytes()


def machine_track(track: Track) -> tuple[Code, Code, tuple[bytes, bytes, bytes]] | None:
    """``(coords, vals, (starts, stops, values))`` of a track the kernel can read (machine
    columns, one coordinate type), or ``None``.

    >>> machine_track(Track([0.0], [1.5], [2]))[:2], machine_track(Track([0], [2**70], [1]))
    (('f', 'i'), None)
    """
    s, e, v = machine(track.starts), machine(track.stops), machine(track.values)
    if s is None or e is None or v is None or s[0] != e[0]:
        return None
    return s[0], v[0], (s[1], e[1], v[1])


def owned(col: Any) -> Any:
    """A writable copy of a column: an ``array`` for a machine column, else a list.

    >>> owned(memoryview(bytes(8)).cast("q")), owned([1, 0.5])
    (array('q', [0]), [1, 0.5])
    """
    if isinstance(col, memoryview):
        out = array(col.format)
        out.frombytes(col.cast("B"))
        return out
    return col[:]


def pack(col: Any) -> Any:
    """A column as a typed ``array`` (``'q'`` for 64-bit ints, ``'d'`` for floats: 8 bytes
    an item, viewable by NumPy without a copy), or a list for big ints and mixed types.
    A read-only view of the kernel's bytes (see :func:`machine`) is kept as it is.

    >>> pack([1, 2]), pack([0.5]), pack([2**70]), pack([1, 0.5])
    (array('q', [1, 2]), array('d', [0.5]), [1180591620717411303424], [1, 0.5])
    """
    if isinstance(col, (array, memoryview)):
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


def splice(col: Any, lo: int, hi: int, new: list[Any]) -> Any:
    """``col[lo:hi] = new``, keeping a typed array when ``new`` fits its type.

    >>> splice(array("q", [1, 2, 3]), 1, 2, [5, 6]), splice(array("q", [1]), 0, 0, [0.5])
    (array('q', [1, 5, 6, 3]), [0.5, 1])
    """
    if isinstance(col, memoryview):  # the kernel's read-only bytes: splice a copy
        col = owned(col)
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
    if code_of(a) is not None and code_of(b) is not None:  # item by item, at C speed
        return memoryview(a) == memoryview(b)
    if type(a) is type(b):
        return bool(a == b)
    return len(a) == len(b) and list(a) == list(b)


class Track:
    """One sorted column set: ``starts``, ``stops``, ``values`` (canonical after every op).

    Columns are machine columns where the data allows (typed arrays, or read-only views
    of the bytes the kernel returned; see :func:`pack` and :func:`machine`), lists
    otherwise. A view is never written: operations build new columns.

    >>> t = Track([0, 4], [2, 6], [1, 3])
    >>> t.find(2), t.find(3), t.find_half_open(4)
    (0, -1, 1)
    """

    __slots__ = ("starts", "stops", "values")

    def __init__(self, starts: Any, stops: Any, values: Any) -> None:
        self.starts = pack(starts)
        self.stops = pack(stops)
        self.values = pack(values)

    def copy(self) -> Track:
        """An independent copy of the three columns (read-only views are shared)."""
        return Track(self.starts[:], self.stops[:], self.values[:])

    def __reduce__(self) -> tuple[Any, ...]:
        return Track, (owned(self.starts), owned(self.stops), owned(self.values))

    def __len__(self) -> int:
        return len(self.starts)

    def __eq__(self, other: object) -> bool:
        return (
            isinstance(other, Track)
            and _same(self.starts, other.starts)
            and _same(self.stops, other.stops)
            and _same(self.values, other.values)
        )

    __hash__ = None  # type: ignore[assignment]  # mutable: unhashable, like list

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

    def rows(self, lo: int = 0, hi: int | None = None) -> list[tuple[Any, Any, Any]]:
        """``(start, stop, value)`` of pieces ``lo .. hi-1``."""
        return list(zip(self.starts[lo:hi], self.stops[lo:hi], self.values[lo:hi]))

    def canonical(self) -> Track:
        """A re-canonicalised copy, after an element-wise change of values."""
        return Track(*merge_canonical(self.starts, self.stops, self.values))


def check_canonical(track: Track, points: bool = False) -> None:
    """Assert the canonical form: equal column lengths, pieces sorted, disjoint,
    non-empty (one-point pieces only where ``points``), values non-zero, and touching
    neighbours with equal values merged. For tests and ``_check()``.

    >>> check_canonical(Track([0, 2], [2, 3], [1, 1]))
    Traceback (most recent call last):
    ...
    AssertionError: piece 1 touches an equal neighbour
    """
    starts, stops, values = track.starts, track.stops, track.values
    n = len(starts)
    assert n == len(stops) == len(values) and n > 0, "columns of different lengths or empty"
    for i in range(n):
        a, b, v = starts[i], stops[i], values[i]
        assert a < b or (points and a == b), f"piece {i} is empty or reversed"
        assert v != 0, f"piece {i} has value 0"
        assert type(v) in (int, float) and v == v, f"piece {i} has value {v!r}"
        if i:
            assert stops[i - 1] <= a, f"piece {i} overlaps its left neighbour"
            if points:
                assert stops[i - 1] < a, f"piece {i} touches its left neighbour"
            assert not (stops[i - 1] == a and values[i - 1] == v), (
                f"piece {i} touches an equal neighbour"
            )


class Layout:
    """How keys map back to coordinates: the domain, and per lattice the user's number type.

    >>> Layout(NUMBER, False).coordinate(None, 3)
    3
    """

    __slots__ = ("discrete", "domain", "floaty")

    def __init__(
        self,
        domain: Domain | None,
        discrete: bool | None,
        floaty: dict[TrackId, bool] | None = None,
    ) -> None:
        self.domain = domain
        self.discrete = discrete
        self.floaty: dict[TrackId, bool] = floaty if floaty is not None else {}

    def copy(self) -> Layout:
        """An independent copy."""
        return Layout(self.domain, self.discrete, dict(self.floaty))

    def merge(self, other: Layout) -> None:
        """Adopt another (already checked compatible) layout's domain and number types."""
        if other.discrete is None:
            return
        if self.discrete is None:
            self.discrete = other.discrete
            self.domain = other.domain
        for k, f in other.floaty.items():
            self.floaty[k] = self.floaty.get(k, False) or f

    def coordinate(self, track: TrackId, k: Any) -> Any:
        """The coordinate of key ``k`` on ``track`` as the user sees it."""
        domain = self.domain or NUMBER
        if track is None:
            return from_key(k, domain)
        step, offset = track
        return from_exact(offset + k * step, domain, self.floaty.get(track, False))

    def step(self, track: tuple[Exact, Exact]) -> Any:
        """The user-facing step of a lattice (``timedelta`` for datetimes)."""
        return step_from_exact(track[0], self.domain or NUMBER, self.floaty.get(track, False))


def sorted_tracks(tracks: dict[TrackId, Track]) -> dict[TrackId, Track]:
    """Non-empty tracks in canonical order: the continuous track, then lattices by
    ``(step, offset)``."""
    items = [(t, tr) for t, tr in tracks.items() if len(tr)]
    items.sort(key=lambda kv: (0, 0, 0) if kv[0] is None else (1, kv[0][0], kv[0][1]))
    return dict(items)
