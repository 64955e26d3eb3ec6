"""`IntervalSet`: covered regions, with closed-interval set algebra.

Continuous sets are sorted, disjoint closed pieces (touching pieces merge; a touching
intersection leaves a one-point piece ``[x;x]``). Difference is the closure of the
difference, so the boundary points of a removed part survive, as in 0.4.0. Discrete sets
are runs, exact across different steps (see ``_runs``).
"""

from __future__ import annotations

from bisect import bisect_left, bisect_right
from collections.abc import Iterator
from datetime import timedelta
from typing import Any

from ._arrays import (
    build_from_arrays,
    frame_columns,
    key_points,
    keys_to_numpy,
    keys_to_pandas,
    lookup_many,
    require,
)
from ._coords import check_coordinate, domain_of, key_of
from ._errors import InvalidTypeError
from ._lattice import divide, exact, exact_step
from ._runs import Run, intersect, normalize, point_count, subtract_all
from ._sweep import combine_columns
from ._tracks import Layout, gather
from .abstract_interval import AbstractIntervalCollection
from .base_interval import BaseInterval, as_interval
from .base_interval_discrete import BaseDiscreteInterval

__all__ = ["IntervalSet"]


class IntervalSet(AbstractIntervalCollection):
    """The union of the intervals with a positive value, as disjoint closed pieces.

    >>> s = IntervalSet([BaseInterval(0, 4), BaseInterval(2, 6), BaseInterval(8, 9)])
    >>> s
    IntervalSet:{BaseInterval[0;6], BaseInterval[8;9]}
    >>> s - BaseInterval(3, 5)
    IntervalSet:{BaseInterval[0;3], BaseInterval[5;6], BaseInterval[8;9]}
    >>> s & IntervalSet(BaseInterval(5, 8))
    IntervalSet:{BaseInterval[5;6], BaseInterval[8;8]}
    """

    __slots__ = ("__weakref__", "_layout", "_runs", "_starts", "_stops")

    def __init__(self, data: Any = None, use_rust: bool | None = None) -> None:
        from . import _backend

        _backend.check_use_rust(use_rust)
        layout, cols = gather(data, "IntervalSet")
        self._layout = layout
        self._starts: list[Any] = []
        self._stops: list[Any] = []
        self._runs: list[Run] = []
        if layout.discrete:
            runs: list[Run] = []
            for (step, offset), (s, e, v) in cols.items():
                ks, ke, _ = combine_columns(s, e, v, "set")
                runs.extend((offset + a * step, step, b - a) for a, b in zip(ks, ke))
            self._runs = normalize(runs)
        elif cols:
            s, e, v = cols[None]
            tracks = _backend.build({None: (s, e, v)}, "set", use_rust)
            if None in tracks:
                self._starts, self._stops = list(tracks[None].starts), list(tracks[None].stops)

    # -- construction helpers ---------------------------------------------------------
    @classmethod
    def _make(
        cls, layout: Layout, starts: list[Any], stops: list[Any], runs: list[Run] | None = None
    ) -> IntervalSet:
        new = object.__new__(cls)
        new._layout = layout
        new._starts, new._stops = starts, stops
        new._runs = runs or []
        return new

    def copy(self) -> IntervalSet:
        """An independent copy.

        >>> s = IntervalSet([(0, 2)]); c = s.copy(); c.add((5, 6))
        >>> s, c
        (IntervalSet:{BaseInterval[0;2]}, IntervalSet:{BaseInterval[0;2], BaseInterval[5;6]})
        """
        return type(self)._make(self._layout.copy(), self._starts[:], self._stops[:], self._runs[:])

    def _set_from(self, other: IntervalSet) -> None:
        self._layout, self._starts, self._stops, self._runs = (
            other._layout,
            other._starts,
            other._stops,
            other._runs,
        )

    def _coerce(self, other: Any, what: str) -> IntervalSet:
        if isinstance(other, IntervalSet):
            result = other
        elif isinstance(other, (BaseInterval, tuple)):
            result = IntervalSet(other)
        elif isinstance(other, AbstractIntervalCollection):
            result = IntervalSet(list(other))
        else:
            raise InvalidTypeError(
                f"{what} needs an interval or an interval collection, not {type(other).__name__}"
            )
        layout = self._layout.copy()
        layout.merge(result._layout, f"IntervalSet.{what}")
        return result

    def _joined_layout(self, other: IntervalSet) -> Layout:
        layout = self._layout.copy()
        layout.merge(other._layout, "IntervalSet")
        return layout

    # -- container protocol -------------------------------------------------------------
    @property
    def discrete(self) -> bool:
        """Whether the set is non-empty and made of discrete runs.

        >>> from intervalues import BaseDiscreteInterval
        >>> IntervalSet([BaseDiscreteInterval(0, 4)]).discrete, IntervalSet([(0, 4)]).discrete
        (True, False)
        """
        return bool(self._runs)

    def __len__(self) -> int:
        return len(self._starts) + len(self._runs)

    def __iter__(self) -> Iterator[BaseInterval]:
        """The pieces in order."""
        lay = self._layout
        for a, b in zip(self._starts, self._stops):
            yield lay.interval(None, a, b, 1)
        for r in self._runs:
            yield self._run_interval(r)

    def _run_interval(self, r: Run) -> BaseDiscreteInterval:
        first, step, count = r
        track = (step, first % step)
        k = divide(first - track[1], step)
        return self._layout.interval(track, k, k + count, 1)  # type: ignore[return-value]

    @property
    def data(self) -> set[BaseInterval]:
        """A ``set`` of the pieces (a snapshot, built on demand).

        >>> IntervalSet([(0, 2), (1, 3)]).data
        {BaseInterval[0;3]}
        """
        return set(self)

    @data.setter
    def data(self, value: Any) -> None:
        self.set_data(value)

    def set_data(self, value: Any) -> None:
        """Replace the content by the union of the given intervals.

        >>> s = IntervalSet([(0, 2)]); s.set_data([(5, 7), (6, 9)]); s
        IntervalSet:{BaseInterval[5;9]}
        """
        self._set_from(IntervalSet(list(value)))

    @property
    def bounds(self) -> tuple[Any, Any] | None:
        """``(min start, max stop)`` or ``None``.

        >>> IntervalSet([(0, 2), (5, 7)]).bounds, IntervalSet().bounds
        ((0, 7), None)
        """
        pieces = list(self)
        if not pieces:
            return None
        return min((p.start for p in pieces), key=key_of), max((p.stop for p in pieces), key=key_of)

    # -- membership -------------------------------------------------------------------------
    def _covers_point(self, x: Any) -> bool:
        if self._runs:
            one = _point_run(x)
            return not subtract_all([one], self._runs)
        k = key_of(x)
        i = bisect_left(self._stops, k)
        return i < len(self._starts) and self._starts[i] <= k

    def _check_query(self, x: Any) -> Any:
        if isinstance(x, BaseInterval):
            if self._layout.discrete is not None and x._discrete != self._layout.discrete:
                raise TypeError(
                    "cannot query a discrete set with a continuous interval or vice versa"
                )
            return x
        try:
            x = check_coordinate(x, "x")
        except TypeError as exc:
            raise InvalidTypeError(f"cannot look up {x!r} in an IntervalSet: {exc}") from None
        if self._layout.domain is not None and domain_of(x).kind != self._layout.domain.kind:
            raise InvalidTypeError(
                f"cannot look up {x!r} in a set of {self._layout.domain.describe()}"
            )
        return x

    def __contains__(self, x: Any) -> bool:
        """Whether a coordinate or a whole interval is covered.

        >>> s = IntervalSet(BaseInterval(0, 6))
        >>> 5 in s, BaseInterval(1, 7) in s
        (True, False)
        """
        x = self._check_query(x)
        if isinstance(x, BaseInterval):
            if self.is_empty:
                return False
            return IntervalSet._single(x).issubset(self)
        if self.is_empty:
            return False
        return self._covers_point(x)

    def contains_many(self, points: Any) -> Any:
        """Coverage of many points: NumPy points give a boolean NumPy array (vectorised,
        O(k log n)), anything else a list of bools.

        >>> IntervalSet([(0, 2), (5, 6)]).contains_many([1, 3, 5])
        [True, False, True]
        """
        np, keys = key_points(points, self._layout.domain)
        if np is None:
            return [x in self for x in points]
        if self._runs:
            return np.asarray([x in self for x in points.tolist()], dtype=bool)
        return lookup_many(self._starts, self._stops, keys, np)[1]

    @classmethod
    def from_arrays(
        cls, starts: Any, stops: Any, values: Any = None, *, use_rust: bool | None = None
    ) -> IntervalSet:
        """The covered set of columns (see ``IntervalMeter.from_arrays``).

        >>> IntervalSet.from_arrays([0, 2, 8], [4, 6, 9])
        IntervalSet:{BaseInterval[0;6], BaseInterval[8;9]}
        """
        layout, tracks = build_from_arrays(starts, stops, values, "set", use_rust, cls.__name__)
        tr = tracks.get(None)
        return cls._make(layout, list(tr.starts) if tr else [], list(tr.stops) if tr else [])

    @classmethod
    def from_pandas(
        cls,
        df: Any,
        start: str = "start",
        stop: str = "stop",
        value: str | None = None,
        *,
        use_rust: bool | None = None,
    ) -> IntervalSet:
        """The covered set of a DataFrame's named columns.

        >>> import pandas as pd
        >>> df = pd.DataFrame({"begin": [0, 2, 8], "end": [3, 5, 9]})
        >>> IntervalSet.from_pandas(df, start="begin", stop="end")
        IntervalSet:{BaseInterval[0;5], BaseInterval[8;9]}
        """
        return cls.from_arrays(*frame_columns(df, start, stop, value), use_rust=use_rust)

    def to_arrays(self) -> tuple[Any, Any]:
        """``(starts, stops)`` as NumPy arrays (continuous sets). Needs NumPy.

        >>> [a.tolist() for a in IntervalSet([(0, 4), (2, 6)]).to_arrays()]
        [[0], [6]]
        """
        if self._runs:
            raise TypeError("to_arrays() needs a continuous set")
        dom = self._layout.domain
        return keys_to_numpy(self._starts, dom), keys_to_numpy(self._stops, dom)

    def to_pandas(self) -> Any:
        """A DataFrame with columns ``start`` and ``stop``. Needs pandas.

        >>> IntervalSet([(0, 3), (2, 5), (8, 9)]).to_pandas()
           start  stop
        0      0     5
        1      8     9
        """
        pd = require("pandas", "pandas", "to_pandas()")
        if self._runs:
            raise TypeError("to_pandas() needs a continuous set")
        dom = self._layout.domain
        return pd.DataFrame(
            {"start": keys_to_pandas(self._starts, dom), "stop": keys_to_pandas(self._stops, dom)}
        )

    def to_arrow(self) -> Any:
        """A pyarrow Table ``start``, ``stop`` (continuous sets). Needs pyarrow.

        >>> IntervalSet([(0, 3), (2, 5), (8, 9)]).to_arrow().to_pydict()
        {'start': [0, 8], 'stop': [5, 9]}
        """
        from ._arrow import table

        if self._runs:
            raise TypeError("to_arrow() needs a continuous set")
        cols = {"start": self._starts, "stop": self._stops}
        return table(cols, self._layout.domain, "to_arrow()")

    @classmethod
    def from_arrow(
        cls,
        table: Any,
        start: str = "start",
        stop: str = "stop",
        value: str | None = None,
        *,
        use_rust: bool | None = None,
    ) -> IntervalSet:
        """Build from the named columns of a pyarrow Table.

        >>> import pyarrow as pa
        >>> IntervalSet.from_arrow(pa.table({"start": [0, 2], "stop": [4, 6]}))
        IntervalSet:{BaseInterval[0;6]}
        """
        from ._arrow import frame_columns_arrow

        cols = frame_columns_arrow(table, start, stop, value, "from_arrow()")
        return cls.from_arrays(*cols, use_rust=use_rust)

    @classmethod
    def from_polars(
        cls,
        df: Any,
        start: str = "start",
        stop: str = "stop",
        value: str | None = None,
        *,
        use_rust: bool | None = None,
    ) -> IntervalSet:
        """Build from the named columns of a polars DataFrame, through Arrow.

        >>> import polars as pl
        >>> IntervalSet.from_polars(pl.DataFrame({"start": [0, 2], "stop": [4, 6]}))
        IntervalSet:{BaseInterval[0;6]}
        """
        from ._arrow import frame_columns_arrow

        cols = frame_columns_arrow(df, start, stop, value, "from_polars()")
        return cls.from_arrays(*cols, use_rust=use_rust)

    def to_polars(self) -> Any:
        """A polars DataFrame ``start``, ``stop`` (through :meth:`to_arrow`).

        >>> IntervalSet([(0, 3), (2, 5)]).to_polars()["stop"].to_list()
        [5]
        """
        pl = require("polars", "polars", "to_polars()")
        return pl.from_arrow(self.to_arrow())

    def __getitem__(self, x: Any) -> int:
        """1 if covered, else 0."""
        return 1 if x in self else 0

    def find_which_contains(self, x: Any) -> BaseInterval | bool:
        """The first piece containing ``x``, or ``False``.

        >>> s = IntervalSet([(0, 2), (5, 7)])
        >>> s.find_which_contains(6), s.find_which_contains(3)
        (BaseInterval[5;7], False)
        """
        x = self._check_query(x)
        for piece in self:
            if x in piece:
                return piece
        return False

    # -- the algebra ------------------------------------------------------------------------
    @classmethod
    def _single(cls, iv: BaseInterval) -> IntervalSet:
        """The geometry of one interval, whatever its value (zero length kept as a point)."""
        s = cls()
        s._layout = Layout(domain_of(iv.start), iv._discrete)
        if iv._discrete:
            s._runs = [_run_of(iv)]  # type: ignore[arg-type]
            if isinstance(iv.start, float) or isinstance(iv.step, float):  # type: ignore[attr-defined]
                s._layout.floaty[(exact_step(iv.step), exact(iv.start) % exact_step(iv.step))] = (
                    True  # type: ignore[attr-defined]
                )
        else:
            s._starts, s._stops = [key_of(iv.start)], [key_of(iv.stop)]
        return s

    def _binary(self, other: IntervalSet, op: str) -> IntervalSet:
        layout = self._joined_layout(other)
        for r in self._runs + other._runs:
            track = (r[1], r[0] % r[1])
            layout.floaty.setdefault(track, False)
        if layout.discrete:
            a, b = self._runs, other._runs
            if op == "or":
                runs = normalize(a + b)
            elif op == "and":
                runs = normalize([c for r in a for q in b if (c := intersect(r, q)) is not None])
            else:
                runs = normalize(subtract_all(a, b))
            for r in runs:
                layout.floaty.setdefault((r[1], r[0] % r[1]), False)
            return type(self)._make(layout, [], [], runs)
        s, e = _closed_op(self._starts, self._stops, other._starts, other._stops, op)
        return type(self)._make(layout, s, e)

    def union(self, other: Any) -> IntervalSet:
        """Union with an interval or collection.

        >>> IntervalSet(BaseInterval(0, 1)).union(BaseInterval(1, 2))
        IntervalSet:{BaseInterval[0;2]}
        """
        if isinstance(other, AbstractIntervalCollection) and not isinstance(other, IntervalSet):
            return self._plus(other)
        return self._binary(self._coerce(other, "union"), "or")

    def _plus(self, other: Any) -> IntervalSet:
        """A set plus a meter/counter/list: the positive part of the summed values (W7)."""
        result = IntervalSet(list(self) + list(other))
        self._joined_layout(result)
        return result

    def intersection(self, other: Any) -> IntervalSet:
        """Common coverage (touching pieces give a one-point piece).

        >>> IntervalSet([(0, 4), (6, 8)]).intersection(IntervalSet([(3, 7)]))
        IntervalSet:{BaseInterval[3;4], BaseInterval[6;7]}
        >>> IntervalSet([(0, 2)]).intersection(IntervalSet([(2, 3)]))
        IntervalSet:{BaseInterval[2;2]}
        """
        return self._binary(self._coerce(other, "intersection"), "and")

    def difference(self, other: Any) -> IntervalSet:
        """Geometric difference; boundary points of the removed part survive.

        >>> IntervalSet([(0, 10)]).difference(IntervalSet([(2, 3), (5, 6)]))
        IntervalSet:{BaseInterval[0;2], BaseInterval[3;5], BaseInterval[6;10]}
        """
        return self._binary(self._coerce(other, "difference"), "sub")

    def symmetric_difference(self, other: Any) -> IntervalSet:
        """``(self - other) | (other - self)``.

        >>> s = IntervalSet([BaseInterval(0, 6), BaseInterval(8, 9)])
        >>> s ^ IntervalSet(BaseInterval(5, 8.5))
        IntervalSet:{BaseInterval[0;5], BaseInterval[6;8], BaseInterval[8.5;9]}
        """
        o = self._coerce(other, "symmetric_difference")
        return self._binary(o, "sub")._binary(o._binary(self, "sub"), "or")

    def __or__(self, other: Any) -> IntervalSet:
        try:
            return self.union(other)
        except InvalidTypeError:
            return NotImplemented

    def __add__(self, other: Any) -> IntervalSet:
        return self.__or__(other)

    __radd__ = __add__
    __ror__ = __or__

    def __and__(self, other: Any) -> IntervalSet:
        try:
            return self.intersection(other)
        except InvalidTypeError:
            return NotImplemented

    __rand__ = __and__

    def __sub__(self, other: Any) -> IntervalSet:
        try:
            return self.difference(other)
        except InvalidTypeError:
            return NotImplemented

    def __rsub__(self, other: Any) -> IntervalSet:
        """``interval - set``: the interval's geometry without the set (W7)."""
        return IntervalSet(as_interval(other, "other")) - self

    def __xor__(self, other: Any) -> IntervalSet:
        try:
            return self.symmetric_difference(other)
        except InvalidTypeError:
            return NotImplemented

    __rxor__ = __xor__

    def __ior__(self, other: Any) -> IntervalSet:
        self._set_from(self.union(other))
        return self

    __iadd__ = __ior__

    def __iand__(self, other: Any) -> IntervalSet:
        self._set_from(self.intersection(other))
        return self

    def __isub__(self, other: Any) -> IntervalSet:
        self._set_from(self.difference(other))
        return self

    def __ixor__(self, other: Any) -> IntervalSet:
        self._set_from(self.symmetric_difference(other))
        return self

    def add(self, other: Any) -> None:
        """In-place union with an interval or set.

        >>> s = IntervalSet([(0, 2)]); s.add(BaseInterval(1, 4)); s.add(IntervalSet([(6, 7)])); s
        IntervalSet:{BaseInterval[0;4], BaseInterval[6;7]}
        """
        self._set_from(self.union(other))

    def update(self, other: Any, reverse: bool = False) -> None:
        """In-place union (``reverse=True``: difference).

        >>> s = IntervalSet([(0, 4)]); s.update(IntervalSet([(3, 6)])); s
        IntervalSet:{BaseInterval[0;6]}
        >>> s.update(BaseInterval(1, 2), reverse=True); s
        IntervalSet:{BaseInterval[0;1], BaseInterval[2;6]}
        """
        self._set_from(self.difference(other) if reverse else self.union(other))

    def update_set(self, other: Any, one_by_one: bool = False, reverse: bool = False) -> None:
        """Compatibility name for :meth:`update`.

        >>> s = IntervalSet([(0, 4)]); s.update_set(IntervalSet([(3, 6)])); s
        IntervalSet:{BaseInterval[0;6]}
        """
        self.update(other, reverse)

    def update_interval(self, other: Any, reverse: bool = False) -> None:
        """Compatibility name for :meth:`update` with one interval.

        >>> s = IntervalSet([(0, 4)]); s.update_interval(BaseInterval(1, 2), reverse=True); s
        IntervalSet:{BaseInterval[0;1], BaseInterval[2;4]}
        """
        self.update(as_interval(other, "other"), reverse)

    def intersection_update(self, other: Any) -> None:
        """In-place intersection.

        >>> s = IntervalSet([(0, 4), (6, 8)]); s.intersection_update(IntervalSet([(3, 7)])); s
        IntervalSet:{BaseInterval[3;4], BaseInterval[6;7]}
        """
        self._set_from(self.intersection(other))

    def difference_update(self, other: Any) -> None:
        """In-place difference.

        >>> s = IntervalSet([(0, 4)]); s.difference_update(IntervalSet([(1, 2)])); s
        IntervalSet:{BaseInterval[0;1], BaseInterval[2;4]}
        """
        self._set_from(self.difference(other))

    subtract = difference_update

    def discard(self, other: Any) -> None:
        """Remove the geometry of an interval or set (no error when absent).

        >>> s = IntervalSet([(0, 4)]); s.discard(BaseInterval(3, 9)); s
        IntervalSet:{BaseInterval[0;3]}
        >>> s.discard(BaseInterval(20, 30)); s
        IntervalSet:{BaseInterval[0;3]}
        """
        self._set_from(self.difference(other))

    def symmetric_difference_update(self, other: Any) -> None:
        """In-place symmetric difference.

        >>> s = IntervalSet([(0, 4)]); s.symmetric_difference_update(IntervalSet([(2, 6)])); s
        IntervalSet:{BaseInterval[0;2], BaseInterval[4;6]}
        """
        self._set_from(self.symmetric_difference(other))

    def remove(self, iv: Any) -> None:
        """Remove an exactly stored piece; ``KeyError`` otherwise.

        >>> s = IntervalSet([(0, 2), (5, 7)]); s.remove(BaseInterval(5, 7)); s
        IntervalSet:{BaseInterval[0;2]}
        >>> s.remove(BaseInterval(0, 1))
        Traceback (most recent call last):
            ...
        KeyError: BaseInterval[0;1]
        """
        iv = as_interval(iv, "iv").as_index()
        pieces = list(self)
        if iv not in pieces:
            raise KeyError(iv)
        pieces.remove(iv)
        self._set_from(_rebuild_like(self, pieces))

    def pop(self) -> BaseInterval:
        """Remove and return the last piece.

        >>> s = IntervalSet([(0, 2), (5, 7)])
        >>> s.pop(), s
        (BaseInterval[5;7], IntervalSet:{BaseInterval[0;2]})
        """
        pieces = list(self)
        if not pieces:
            raise KeyError("pop from an empty IntervalSet")
        last = pieces.pop()
        self._set_from(_rebuild_like(self, pieces))
        return last

    def clear(self) -> None:
        """Remove everything.

        >>> s = IntervalSet([(0, 2), (5, 7)]); s.clear(); s.is_empty
        True
        """
        self._set_from(IntervalSet())

    def isdisjoint(self, other: Any) -> bool:
        """No shared point (touching is not disjoint).

        >>> s = IntervalSet([(0, 2)])
        >>> s.isdisjoint(IntervalSet([(3, 4)])), s.isdisjoint(IntervalSet([(2, 4)]))
        (True, False)
        """
        return (self & self._coerce(other, "isdisjoint")).is_empty

    def issubset(self, other: Any) -> bool:
        """Whether every point is covered by ``other``.

        >>> s = IntervalSet([(1, 2), (4, 5)])
        >>> s.issubset(IntervalSet([(0, 6)])), s.issubset(IntervalSet([(0, 3)]))
        (True, False)
        """
        return (self - self._coerce(other, "issubset")).is_empty and (
            self._runs == [] or not subtract_all(self._runs, self._coerce(other, "issubset")._runs)
        )

    def issuperset(self, other: Any) -> bool:
        """Whether ``other`` is covered by this set.

        >>> s = IntervalSet([(0, 6)])
        >>> s.issuperset(IntervalSet([(1, 2), (4, 5)])), s.issuperset(BaseInterval(5, 7))
        (True, False)
        """
        return self._coerce(other, "issuperset").issubset(self)

    def clip(self, iv: Any) -> IntervalSet:
        """The part inside ``iv``.

        >>> IntervalSet([BaseInterval(0, 6), BaseInterval(8, 9)]).clip(BaseInterval(5, 8.5))
        IntervalSet:{BaseInterval[5;6], BaseInterval[8;8.5]}
        """
        return self & IntervalSet._single(as_interval(iv, "iv"))

    def contained_intervals(self, iv: Any) -> list[BaseInterval]:
        """The stored pieces lying fully inside ``iv``, sorted.

        >>> IntervalSet([(0, 1), (2, 3), (4, 6)]).contained_intervals(BaseInterval(0, 5))
        [BaseInterval[0;1], BaseInterval[2;3]]
        """
        iv = as_interval(iv, "iv")
        return sorted(p for p in self if iv.contains(p))

    # -- sizes ------------------------------------------------------------------------------
    def total_length(self) -> Any:
        """The covered length (0 for discrete sets; ``timedelta`` for datetimes).

        >>> IntervalSet([BaseInterval(0, 4), BaseInterval(2, 6)]).total_length()
        6
        """
        if self._runs:
            return 0
        total = sum(b - a for a, b in zip(self._starts, self._stops))
        d = self._layout.domain
        if d is not None and d.kind != "number":
            return timedelta(microseconds=total)
        return total

    def get_length(self, iv: Any = None) -> Any:
        """:meth:`total_length`, or ``iv.get_length()`` if ``iv`` is covered (else 0).

        >>> s = IntervalSet([(0, 4), (6, 7)])
        >>> s.get_length(), s.get_length(BaseInterval(1, 3)), s.get_length(BaseInterval(3, 6))
        (5, 2, 0)
        """
        if iv is None:
            return self.total_length()
        iv = as_interval(iv, "iv")
        return iv.get_length() if iv in self else 0

    def coverage_length(self) -> Any:
        """The covered length (continuous only).

        >>> IntervalSet([(0, 4), (2, 6), (8, 9)]).coverage_length()
        7
        """
        if self._runs:
            raise TypeError("coverage_length() needs continuous intervals")
        return self.total_length()

    def support_point_count(self) -> int:
        """The number of distinct covered points (discrete only).

        >>> from intervalues import BaseDiscreteInterval
        >>> s = IntervalSet([BaseDiscreteInterval(0, 4), BaseDiscreteInterval(3, 6)])
        >>> s.support_point_count()
        7
        """
        if self._starts:
            raise TypeError("support_point_count() needs discrete intervals")
        return point_count(self._runs)

    def check_intervals(self) -> bool:
        """Compatibility: always ``True`` (the stored form is canonical).

        >>> IntervalSet([(0, 2), (1, 3)]).check_intervals()
        True
        """
        return True

    def align_intervals(self) -> None:
        """Compatibility: a no-op.

        >>> s = IntervalSet([(0, 2), (1, 3)]); s.align_intervals(); s
        IntervalSet:{BaseInterval[0;3]}
        """

    # -- comparison and display ---------------------------------------------------------------
    def __mul__(self, factor: Any) -> IntervalSet:
        """An unchanged copy (sets have no weights)."""
        from ._coords import check_factor

        check_factor(factor)
        return self.copy()

    __rmul__ = __mul__

    def __neg__(self) -> IntervalSet:
        return self.copy()

    def __eq__(self, other: object) -> bool:
        if isinstance(other, BaseInterval):
            pieces = list(self)
            return len(pieces) == 1 and other.value == 1 and pieces[0] == other
        if not isinstance(other, IntervalSet):
            return NotImplemented if not isinstance(other, AbstractIntervalCollection) else False
        if self.is_empty and other.is_empty:
            return True
        return list(self) == list(other)

    def __ne__(self, other: object) -> bool:
        eq = self.__eq__(other)
        return eq if eq is NotImplemented else not eq

    def __hash__(self) -> int:
        pieces = list(self)
        if len(pieces) == 1:
            return hash(pieces[0])
        return hash(frozenset(pieces))

    def key_compare(self, other: Any) -> int:
        """-1, 0 or 1 comparing the sorted pieces lexicographically.

        >>> a, b = IntervalSet([(0, 2)]), IntervalSet([(1, 3)])
        >>> a.key_compare(b), b.key_compare(a), a.key_compare(a)
        (-1, 1, 0)
        """
        a, b = list(self), list(self._coerce(other, "key_compare"))
        return (a > b) - (a < b)

    def __lt__(self, other: Any) -> bool:
        return list(self) < list(self._coerce(other, "<"))

    def __le__(self, other: Any) -> bool:
        return list(self) <= list(self._coerce(other, "<="))

    def __gt__(self, other: Any) -> bool:
        return list(self) > list(self._coerce(other, ">"))

    def __ge__(self, other: Any) -> bool:
        return list(self) >= list(self._coerce(other, ">="))

    def __repr__(self) -> str:
        if self.is_empty:
            return "IntervalSet:set()"
        return "IntervalSet:{" + ", ".join(repr(p) for p in self) + "}"

    __str__ = __repr__

    # -- conversions -----------------------------------------------------------------------------
    def as_set(self) -> IntervalSet:
        """A copy.

        >>> s = IntervalSet([(0, 2)])
        >>> s.as_set() == s, s.as_set() is s
        (True, False)
        """
        return self.copy()

    def plot(self, ax: Any = None, **kwargs: Any) -> Any:
        """Draw this collection with matplotlib and return the Axes.

        Needs ``pip install 'intervalues[plot]'``; see ``intervalues.plotting.plot_steps``.

        >>> from matplotlib.figure import Figure
        >>> ax = IntervalSet([(0, 2), (5, 6)]).plot(ax=Figure().add_subplot())
        >>> [float(p.get_extents().x0) for p in ax.collections[0].get_paths()]
        [0.0, 5.0]
        """
        from .plotting import plot_steps

        return plot_steps(self, ax=ax, **kwargs)

    def to_timezone(
        self, tz: Any, *, remove_timezone: bool = False, fold: int | None = None
    ) -> IntervalSet:
        """A copy with every piece converted to another zone.

        >>> from datetime import datetime, timezone
        >>> s = IntervalSet([(datetime(2024, 1, 1), datetime(2024, 1, 2))])
        >>> s.to_timezone(timezone.utc).min()
        datetime.datetime(2024, 1, 1, 0, 0, tzinfo=datetime.timezone.utc)
        """
        pieces = [p.to_timezone(tz, remove_timezone=remove_timezone, fold=fold) for p in self]
        return _rebuild_like(self, pieces)

    def convert_timezone_inplace(
        self, tz: Any, *, remove_timezone: bool = False, fold: int | None = None
    ) -> None:
        """:meth:`to_timezone` in place; unchanged on failure.

        >>> from datetime import datetime, timezone
        >>> s = IntervalSet([(datetime(2024, 1, 1), datetime(2024, 1, 2))])
        >>> s.convert_timezone_inplace(timezone.utc); s.max()
        datetime.datetime(2024, 1, 2, 0, 0, tzinfo=datetime.timezone.utc)
        """
        self._set_from(self.to_timezone(tz, remove_timezone=remove_timezone, fold=fold))


def _run_of(iv: BaseDiscreteInterval) -> Run:
    return (exact(iv.start), exact_step(iv.step), iv.count)


def _point_run(x: Any) -> Run:
    return (exact(x), 1, 1)


def _rebuild_like(template: IntervalSet, pieces: list[BaseInterval]) -> IntervalSet:
    """A set of exactly these pieces (which may include one-point pieces)."""
    out = IntervalSet()
    for p in pieces:
        out = out._binary(IntervalSet._single(p), "or")
    if not pieces:
        out._layout = template._layout.copy()
    return out


def _closed_op(
    a_s: list[Any], a_e: list[Any], b_s: list[Any], b_e: list[Any], op: str
) -> tuple[list[Any], list[Any]]:
    """Union, intersection or closure-of-difference of two canonical closed piece lists."""
    if op == "or":
        pieces = sorted(zip(a_s + b_s, a_e + b_e))
        out_s: list[Any] = []
        out_e: list[Any] = []
        for s, e in pieces:
            if out_e and s <= out_e[-1]:
                if e > out_e[-1]:
                    out_e[-1] = e
            else:
                out_s.append(s)
                out_e.append(e)
        return out_s, out_e
    out_s, out_e = [], []
    if op == "and":
        i = j = 0
        while i < len(a_s) and j < len(b_s):
            lo, hi = max(a_s[i], b_s[j]), min(a_e[i], b_e[j])
            if lo <= hi:
                out_s.append(lo)
                out_e.append(hi)
            if a_e[i] < b_e[j]:
                i += 1
            else:
                j += 1
        return out_s, out_e
    for s, e in zip(a_s, a_e):
        lo = bisect_left(b_e, s)  # B pieces ending at or after s ...
        hi = bisect_right(b_s, e)  # ... and starting at or before e
        if s == e:  # a lone point survives unless some B piece covers it
            if lo >= hi:
                out_s.append(s)
                out_e.append(e)
            continue
        cur = s
        for c, d in zip(b_s[lo:hi], b_e[lo:hi]):
            if c > cur:
                out_s.append(cur)
                out_e.append(c)
            if d > cur:
                cur = d
        if cur < e:
            out_s.append(cur)
            out_e.append(e)
    return _closed_op(out_s, out_e, [], [], "or") if out_s else ([], [])
