"""The one columnar base of meters, counters, sets and pdfs.

A :class:`ColumnarCollection` is a step function stored as canonical tracks (see
``intervalues._engine.columns``): storage, construction from columns, lookups, array
output, plotting, time zones and the canonical-form check are written here once. Every
change of content ends in :meth:`ColumnarCollection._assign`, the one hook a subclass
overrides to keep more state (the pdf renormalises there and derives its CDF).
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator
from datetime import timedelta
from typing import Any, ClassVar, TypeVar

from ._arrays import build_from_arrays, frame_columns, key_bounds, keys_to_numpy, keys_to_pandas
from ._arrays import require as require_module
from ._checks import check_coordinate, describe, fail, finite, finite_result, finite_sums
from ._engine.columns import Layout, Track, TrackId, check_canonical, owned, sorted_tracks
from ._engine.coords import domain_of, key_of
from ._engine.lookup import as_numpy, lattice_index
from ._engine.sweep import Kind, decimal_total
from ._gather import interval_of
from .abstract_interval import AbstractIntervalCollection, Coordinate
from .base_interval import BaseInterval
from .base_interval_discrete import BaseDiscreteInterval

__all__ = ["ColumnarCollection"]

Self = TypeVar("Self", bound="ColumnarCollection")
Piece = tuple[TrackId, Any, Any, Any]


class ColumnarCollection(AbstractIntervalCollection):
    """Shared storage and behaviour of the step-function collections (not public).

    >>> from intervalues import IntervalMeter, IntervalSet
    >>> issubclass(IntervalMeter, ColumnarCollection), issubclass(IntervalSet, ColumnarCollection)
    (True, True)
    """

    __slots__ = ("__weakref__", "_layout", "_tracks")

    #: how the sweep turns a total into a stored value
    _kind: ClassVar[Kind] = "meter"
    #: whether one-point pieces ``[x;x]`` are part of the content (sets)
    _points: ClassVar[bool] = False

    _layout: Layout
    _tracks: dict[TrackId, Track]

    # -- content: the one hook --------------------------------------------------------------
    def _assign(self, layout: Layout, tracks: dict[TrackId, Track]) -> None:
        """Store new content (canonical tracks); subclasses derive more state here.

        The layout forgets the number types of lattices that hold nothing any more, so an
        emptied lattice leaves no trace in later results."""
        self._tracks = sorted_tracks(tracks)
        if layout.floaty and any(t not in self._tracks for t in layout.floaty):
            layout.floaty = {t: f for t, f in layout.floaty.items() if t in self._tracks}
        self._layout = layout

    @classmethod
    def _from(cls: type[Self], layout: Layout, tracks: dict[TrackId, Track]) -> Self:
        new = object.__new__(cls)
        new._assign(layout, tracks)
        return new

    def _replace_with(self, other: ColumnarCollection) -> None:
        """Take over another collection's content (for in-place operators)."""
        self._assign(other._layout, other._tracks)

    def _take(self, other: Any) -> None:
        self._replace_with(other)

    def copy(self: Self) -> Self:
        """An independent copy.

        >>> from intervalues import IntervalMeter
        >>> m = IntervalMeter(BaseInterval(0, 1)); c = m.copy(); c.update(BaseInterval(0, 1))
        >>> m, c
        (IntervalMeter:{BaseInterval[0;1]: 1}, IntervalMeter:{BaseInterval[0;1]: 2})
        """
        return type(self)._from(
            self._layout.copy(), {t: tr.copy() for t, tr in self._tracks.items()}
        )

    # -- pieces ------------------------------------------------------------------------------
    def _pieces(self) -> Iterator[Piece]:
        """The pieces in coordinate order (discrete runs of several lattices by first
        point, then step)."""
        if len(self._tracks) < 2:
            for t, tr in self._tracks.items():
                yield from ((t, a, b, v) for a, b, v in zip(tr.starts, tr.stops, tr.values))
            return
        pieces = [
            (t, a, b, v)
            for t, tr in self._tracks.items()
            for a, b, v in zip(tr.starts, tr.stops, tr.values)
        ]
        pieces.sort(key=_first_point)
        yield from pieces

    def _interval(self, t: TrackId, a: Any, b: Any, value: Any) -> BaseInterval:
        return interval_of(self._layout, t, a, b, value)

    def __len__(self) -> int:
        return sum(len(tr) for tr in self._tracks.values())

    def __iter__(self) -> Iterator[BaseInterval]:
        """The pieces in order, each with its value.

        >>> from intervalues import IntervalMeter
        >>> list(IntervalMeter([BaseInterval(0, 4), BaseInterval(2, 6)]))
        [BaseInterval[0;2], BaseInterval[2;4;2], BaseInterval[4;6]]
        """
        interval = self._interval
        for t, a, b, v in self._pieces():
            yield interval(t, a, b, v)

    @property
    def bounds(self) -> tuple[Coordinate, Coordinate] | None:
        """``(min start, max stop)`` or ``None`` when empty. O(number of lattices).

        >>> from intervalues import IntervalMeter
        >>> IntervalMeter([(0, 2), (5, 7)]).bounds, IntervalMeter().bounds
        ((0, 7), None)
        """
        if not self._tracks:
            return None
        lay = self._layout
        firsts = [lay.coordinate(t, tr.starts[0]) for t, tr in self._tracks.items()]
        lasts = [
            lay.coordinate(t, tr.stops[-1] - (t is not None)) for t, tr in self._tracks.items()
        ]
        return min(firsts, key=key_of), max(lasts, key=key_of)

    # -- the canonical form ------------------------------------------------------------------
    def _check(self) -> None:
        """Assert every invariant of the canonical form (tests call it after each step)."""
        assert list(self._tracks) == list(sorted_tracks(self._tracks)), "tracks out of order"
        lay = self._layout
        if self._tracks:
            assert lay.discrete is not None, "content without a layout"
            assert (None in self._tracks) != bool(lay.discrete), "track kind vs layout"
        for t, tr in self._tracks.items():
            check_canonical(tr, points=self._points and t is None)
            if self._kind != "meter":
                assert all(type(v) is int and v >= 1 for v in tr.values), (t, "counts")
            if self._kind == "set":
                assert all(v == 1 for v in tr.values), (t, "set values")

    def check_intervals(self) -> bool:
        """Compatibility: the stored form is always canonical, so this is always ``True``.

        >>> from intervalues import IntervalMeter
        >>> IntervalMeter([(0, 2), (1, 3)]).check_intervals()
        True
        """
        self._check()
        return True

    def align_intervals(self) -> None:
        """Compatibility: a no-op (pieces are always aligned).

        >>> from intervalues import IntervalMeter
        >>> m = IntervalMeter([(0, 2), (1, 3)]); m.align_intervals(); m
        IntervalMeter:{BaseInterval[0;1]: 1, BaseInterval[1;2]: 2, BaseInterval[2;3]: 1}
        """

    # -- lookups -------------------------------------------------------------------------------
    def _check_point(self, x: Any, op: str = "") -> Any:
        """A coordinate of this collection's domain: ``InvalidTypeError`` for what is no
        coordinate (with 0.4.0's text for ``op`` ``"in"`` or ``"index"``), ``TypeError``
        for a coordinate of another domain."""
        try:
            x = check_coordinate(x, "x")
        except TypeError:
            key = {"in": "lookup_in", "index": "lookup_index"}.get(op, "lookup_type")
            raise fail(key, value=x, owner=type(self).__name__, type=type(x).__name__) from None
        self._check_query_domain(x, x)
        return x

    def _check_query_domain(self, x: Any, query: Any) -> None:
        """``TypeError`` (0.4.0's text) when coordinate ``x`` of ``query`` is not of this
        collection's domain; an empty collection accepts any domain."""
        dom = self._layout.domain
        if dom is not None and domain_of(x).kind != dom.kind:
            raise fail("lookup_domain", value=query, owner=type(self).__name__, kind=describe(dom))

    def _tol(self) -> Any:
        """The membership tolerance of discrete points, relative to the step (W19): the
        one ``BaseDiscreteInterval`` documents for numbers; datetimes are exact."""
        d = self._layout.domain
        return BaseDiscreteInterval.tol if d is None or d.kind == "number" else 0

    def _value_at(self, x: Any) -> Any:
        """The value at a checked coordinate (0 when uncovered): left piece wins at a
        shared boundary; lattices add up (exactly, by the decimal rule)."""
        found: list[Any] = []
        tol = self._tol()
        for t, tr in self._tracks.items():
            if t is None:
                i = tr.find(key_of(x))
                return tr.values[i] if i >= 0 else 0
            k = lattice_index(t, x, tol)
            if k is not None:
                i = tr.find_half_open(k)
                if i >= 0:
                    found.append(tr.values[i])
        if len(found) < 2:
            return found[0] if found else 0
        with finite_sums(type(self).__name__):
            return decimal_total(found)

    def _numbers(self) -> bool:
        """Whether the coordinates are numbers (so plain numbers are keys as they are)."""
        return self._layout.domain is None or self._layout.domain.kind == "number"

    def _lookup_keys(self, points: Any) -> tuple[Any, Any, Any]:
        """``(numpy, keys, up)`` for NumPy/pandas/pyarrow points of this collection's
        domain: an ``int64``/``float64`` key array (checked finite) and the keys'
        ceilings (the same array but for datetimes finer than a microsecond, whose keys
        are their floors); ``(None, None, None)`` for other points."""
        return key_bounds(points, self._layout.domain)

    def _discrete_values(self, down: Any, up: Any) -> list[Any]:
        """The value at each point ``down <= point <= up`` (key arrays, see
        :meth:`_lookup_keys`) of a discrete collection, point by point: a point between
        two keys is on no lattice."""
        value_at = self._value_at
        return [value_at(d) if d == u else 0 for d, u in zip(down.tolist(), up.tolist())]

    # -- columns in and out -------------------------------------------------------------------
    @classmethod
    def from_arrays(
        cls: type[Self],
        starts: Any,
        stops: Any,
        values: Any = None,
        *,
        use_rust: bool | None = None,
    ) -> Self:
        """Build from columns: lists, ``array``, NumPy (numbers, ``datetime64``), pandas
        Series or pyarrow arrays. Numeric columns reach the kernel without a Python object
        per interval; NaN/NaT, length mismatches and reversed bounds raise ``ValueError``.

        >>> from intervalues import IntervalMeter
        >>> IntervalMeter.from_arrays([0, 2], [4, 6], [1, 3])
        IntervalMeter:{BaseInterval[0;2]: 1, BaseInterval[2;4]: 4, BaseInterval[4;6]: 3}
        """
        layout, tracks = build_from_arrays(starts, stops, values, cls._kind, use_rust, cls.__name__)
        return cls._from(layout, tracks)

    @classmethod
    def from_pandas(
        cls: type[Self],
        df: Any,
        start: str = "start",
        stop: str = "stop",
        value: str | None = None,
        *,
        use_rust: bool | None = None,
    ) -> Self:
        """Build from the named columns of a DataFrame (``value=None``: weight 1 each).

        >>> import pandas as pd
        >>> from intervalues import IntervalMeter
        >>> df = pd.DataFrame({"a": [0, 2], "b": [4, 6]})
        >>> IntervalMeter.from_pandas(df, start="a", stop="b")
        IntervalMeter:{BaseInterval[0;2]: 1, BaseInterval[2;4]: 2, BaseInterval[4;6]: 1}
        """
        return cls.from_arrays(*frame_columns(df, start, stop, value), use_rust=use_rust)

    def _key_columns(self) -> tuple[list[Any], list[Any], list[Any]]:
        """Stored columns as keys (continuous) or first/last point keys (discrete)."""
        if not self._layout.discrete:
            tr = self._tracks.get(None)
            return (owned(tr.starts), owned(tr.stops), owned(tr.values)) if tr else ([], [], [])
        pieces = list(self)
        return (
            [key_of(p.start) for p in pieces],
            [key_of(p.stop) for p in pieces],
            [p.value for p in pieces],
        )

    def _frame(self, with_values: bool) -> Any:
        pd = require_module("pandas", "pandas", "to_pandas()")
        starts, stops, values = self._key_columns()
        dom = self._layout.domain
        data = {"start": keys_to_pandas(starts, dom), "stop": keys_to_pandas(stops, dom)}
        if with_values:
            data["value"] = values
        return pd.DataFrame(data)

    def _numpy_columns(self) -> tuple[Any, Any, Any]:
        np = require_module("numpy", "numpy", "to_arrays()")
        starts, stops, values = self._key_columns()
        dom = self._layout.domain
        return keys_to_numpy(starts, dom), keys_to_numpy(stops, dom), as_numpy(values, np)

    def _table_columns(self) -> dict[str, Any]:
        """The stored columns for a table: ``start``, ``stop`` and (not for sets) ``value``."""
        starts, stops, values = self._key_columns()
        return {"start": starts, "stop": stops, "value": values}

    def to_arrow(self) -> Any:
        """A pyarrow Table ``start``, ``stop`` (and ``value`` but for sets) from the
        stored columns, without an object per piece; datetimes as ``timestamp[us]`` in
        the collection's zone. Needs pyarrow.

        >>> from intervalues import IntervalMeter, IntervalSet
        >>> IntervalMeter([(0, 4), (2, 6)]).to_arrow().to_pydict()
        {'start': [0, 2, 4], 'stop': [2, 4, 6], 'value': [1, 2, 1]}
        >>> IntervalSet([(0, 3), (2, 5), (8, 9)]).to_arrow().to_pydict()
        {'start': [0, 8], 'stop': [5, 9]}
        """
        from ._arrow import table

        return table(self._table_columns(), self._layout.domain, "to_arrow()")

    def to_polars(self) -> Any:
        """A polars DataFrame of the same columns as :meth:`to_arrow` (through Arrow).

        >>> from intervalues import IntervalMeter
        >>> IntervalMeter([(0, 4), (2, 6)]).to_polars()["value"].to_list()
        [1, 2, 1]
        """
        pl = require_module("polars", "polars", "to_polars()")
        return pl.from_arrow(self.to_arrow())

    @classmethod
    def from_arrow(
        cls: type[Self],
        table: Any,
        start: str = "start",
        stop: str = "stop",
        value: str | None = None,
        *,
        use_rust: bool | None = None,
    ) -> Self:
        """Build from the named columns of a pyarrow Table (``value=None``: weight 1 each).

        >>> import pyarrow as pa
        >>> from intervalues import IntervalMeter
        >>> IntervalMeter.from_arrow(pa.table({"a": [0, 2], "b": [4, 6]}), "a", "b")
        IntervalMeter:{BaseInterval[0;2]: 1, BaseInterval[2;4]: 2, BaseInterval[4;6]: 1}
        """
        from ._arrow import frame_columns_arrow

        cols = frame_columns_arrow(table, start, stop, value, "from_arrow()")
        return cls.from_arrays(*cols, use_rust=use_rust)

    @classmethod
    def from_polars(
        cls: type[Self],
        df: Any,
        start: str = "start",
        stop: str = "stop",
        value: str | None = None,
        *,
        use_rust: bool | None = None,
    ) -> Self:
        """Build from the named columns of a polars DataFrame, through Arrow.

        >>> import polars as pl
        >>> from intervalues import IntervalSet
        >>> IntervalSet.from_polars(pl.DataFrame({"start": [0, 2], "stop": [4, 6]}))
        IntervalSet:{BaseInterval[0;6]}
        """
        from ._arrow import frame_columns_arrow

        cols = frame_columns_arrow(df, start, stop, value, "from_polars()")
        return cls.from_arrays(*cols, use_rust=use_rust)

    # -- lengths -------------------------------------------------------------------------------
    def _zero_length(self) -> Any:
        d = self._layout.domain
        return timedelta(0) if d is not None and d.kind != "number" else 0

    def _measure(self, name: str, compute: Callable[[], Any]) -> Any:
        """``compute()`` as a length (see :meth:`_as_length`); a result beyond the float
        or ``timedelta`` range is the clear ``ValueError`` ``"statistic_not_finite"``."""
        with finite_result(name, type(self).__name__):
            return self._as_length(compute())

    def _as_length(self, k: Any) -> Any:
        d = self._layout.domain
        if d is not None and d.kind != "number":
            return timedelta(microseconds=k)
        return k

    # -- pictures and time zones ---------------------------------------------------------------
    def plot(self, ax: Any = None, **kwargs: Any) -> Any:
        """Draw this collection with matplotlib and return the Axes.

        Needs ``pip install 'intervalues[plot]'``; see ``intervalues.plotting.plot_steps``.

        >>> from matplotlib.figure import Figure
        >>> from intervalues import IntervalCounter
        >>> ax = IntervalCounter([(0, 2), (1, 3)]).plot(ax=Figure().add_subplot())
        >>> ax.lines[0].get_ydata().tolist()
        [0, 1, 2, 1, 0]
        """
        from .plotting import plot_steps

        return plot_steps(self, ax=ax, **kwargs)

    def _rebuilt(self: Self, pieces: list[BaseInterval]) -> Self:
        """A collection of this type holding exactly these pieces."""
        make: Any = type(self)  # subclasses take the intervals as their first argument
        return make(pieces) if pieces else self.copy()

    def to_timezone(
        self: Self, target_timezone: Any, *, remove_timezone: bool = False, fold: int | None = None
    ) -> Self:
        """A copy with every piece converted to another zone (see ``BaseInterval``).

        >>> from datetime import datetime, timezone
        >>> from intervalues import IntervalMeter
        >>> m = IntervalMeter([(datetime(2024, 1, 1), datetime(2024, 1, 2))])
        >>> m.to_timezone(timezone.utc).min()
        datetime.datetime(2024, 1, 1, 0, 0, tzinfo=datetime.timezone.utc)
        """
        converted = [
            p.to_timezone(target_timezone, remove_timezone=remove_timezone, fold=fold) for p in self
        ]
        return self._rebuilt(converted)


def _first_point(piece: Piece) -> tuple[Any, Any]:
    """Sort key of a discrete piece: its first point's exact key, then its step."""
    t, a, _, _ = piece
    assert t is not None  # several tracks are lattices
    step, offset = t
    return (offset + a * step, step)


def pieces_of(other: Any) -> list[BaseInterval]:
    """The pieces of an interval or collection, for ordering comparisons."""
    if isinstance(other, BaseInterval):
        return [other]
    if isinstance(other, AbstractIntervalCollection):
        return list(other)
    raise fail("compare_type", type=type(other).__name__)


def plain_numbers(points: list[Any]) -> bool:
    """Whether every point is a finite ``int``/``float`` (checked at C speed).

    >>> plain_numbers([1, 2.5]), plain_numbers([1, float("nan")]), plain_numbers([True])
    (True, False, False)
    """
    types = set(map(type, points))
    if not types <= {int, float}:
        return False
    return float not in types or all(map(finite, points))


def as_list(points: Iterable[Any]) -> list[Any]:
    """``points`` as a list (a list itself is not copied)."""
    return points if isinstance(points, list) else list(points)
