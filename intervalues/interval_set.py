"""`IntervalSet`: covered regions, with closed-interval set algebra.

Continuous sets are sorted, disjoint closed pieces (touching pieces merge; a touching
intersection leaves a one-point piece ``[x;x]``). Difference is the closure of the
difference, so the boundary points of a removed part survive, as in 0.4.0. Discrete sets
are runs, exact across different steps (see ``_runs``).
"""

from __future__ import annotations

from array import array
from collections.abc import Iterable, Iterator
from typing import Any, ClassVar

from ._checks import (
    InvalidTypeError,
    check_factor,
    check_layouts,
    check_use_rust,
    fail,
)
from ._columnar import ColumnarCollection, as_list, plain_numbers
from ._engine import combine, lookup, setops, stats
from ._engine.columns import Layout, Track, TrackId, resolve_zones
from ._engine.coords import domain_of, key_of
from ._engine.lattice import divide, exact, exact_step
from ._engine.runs import Run, intersect, normalize, point_count, subtract_all
from ._engine.setops import SetOp, with_points
from ._engine.sweep import Kind, combine_columns
from ._gather import gather, zoned_layout
from .abstract_interval import AbstractInterval, AbstractIntervalCollection
from .base_interval import BaseInterval, Coordinate, Length, as_interval
from .base_interval_discrete import BaseDiscreteInterval

__all__ = ["IntervalSet"]


def _mixing_op(what: str, other: Any, discrete: bool) -> str:
    """How a set operation combines its operands, for the mixing checks: 0.4.0 raised
    one text when it merged two collections and another when it compared coordinates."""
    single = isinstance(other, (BaseInterval, tuple))
    if what == "union":
        return "merge"
    if what in ("update", "symmetric_difference") or (what == "difference" and not discrete):
        return "compare" if single else "merge"
    return "compare"


class IntervalSet(ColumnarCollection):
    """The union of the intervals with a positive value, as disjoint closed pieces.

    >>> s = IntervalSet([BaseInterval(0, 4), BaseInterval(2, 6), BaseInterval(8, 9)])
    >>> s
    IntervalSet:{BaseInterval[0;6], BaseInterval[8;9]}
    >>> s - BaseInterval(3, 5)
    IntervalSet:{BaseInterval[0;3], BaseInterval[5;6], BaseInterval[8;9]}
    >>> s & IntervalSet(BaseInterval(5, 8))
    IntervalSet:{BaseInterval[5;6], BaseInterval[8;8]}
    """

    __slots__ = ()
    _kind: ClassVar[Kind] = "set"
    _points: ClassVar[bool] = True

    def __init__(
        self,
        data: Iterable[BaseInterval] | BaseInterval | None = None,
        *,
        use_rust: bool | None = None,
    ) -> None:
        check_use_rust(use_rust)
        layout, cols = gather(data, "IntervalSet")
        if layout.discrete:
            runs: list[Run] = []
            for t, (s, e, v) in cols.items():
                assert t is not None  # discrete tracks are lattices
                step, offset = t
                ks, ke, _ = combine_columns(s, e, v, "set")
                runs.extend((offset + a * step, step, int(b - a)) for a, b in zip(ks, ke))
            self._assign_runs(layout, normalize(runs))
        else:
            tracks = combine.build(cols, "set", use_rust)
            if None in cols:
                tracks = with_points(tracks, *cols[None])
            self._assign(layout, tracks)

    # -- construction helpers ---------------------------------------------------------
    @classmethod
    def _from_columns(cls, layout: Layout, starts: list[Any], stops: list[Any]) -> IntervalSet:
        """A continuous set of canonical closed pieces (one-point pieces allowed)."""
        tracks: dict[TrackId, Track] = {}
        if len(starts):
            tracks[None] = Track(starts, stops, array("q", [1]) * len(starts))
        return cls._from(layout, tracks)

    @classmethod
    def _from_runs(cls, layout: Layout, runs: list[Run], floaty: bool | None = None) -> IntervalSet:
        """A discrete set of normalised runs (see ``_engine.runs.normalize``); lattices the
        layout does not know show floats when ``floaty`` (default: when any of its
        lattices does)."""
        new = object.__new__(cls)
        new._assign_runs(layout, runs, floaty)
        return new

    def _assign_runs(self, layout: Layout, runs: list[Run], floaty: bool | None = None) -> None:
        """Store normalised runs as one track of point-index pieces per lattice."""
        cols: dict[TrackId, tuple[list[Any], list[Any], list[Any]]] = {}
        if floaty is None:
            floaty = any(layout.floaty.values())
        for first, step, count in runs:
            track = (step, first % step)
            layout.floaty.setdefault(track, floaty)
            k = divide(first - track[1], step)
            c = cols.setdefault(track, ([], [], []))
            c[0].append(k)
            c[1].append(k + count)
            c[2].append(1)
        self._assign(layout, {t: Track(*c) for t, c in cols.items()})

    @property
    def _runs(self) -> list[Run]:
        """The discrete content as runs ``(first, step, count)`` in exact keys, sorted."""
        runs: list[Run] = []
        for t, tr in self._tracks.items():
            if t is not None:
                step, offset = t
                runs.extend((offset + a * step, step, b - a) for a, b in zip(tr.starts, tr.stops))
        return sorted(runs, key=lambda r: (r[0], r[1]))

    def _coerce(self, other: Any, what: str, strict: bool = False) -> IntervalSet:
        """``other`` as a set; ``strict`` (difference, ``^``, ``update``, ...): only a set or
        an interval, as in 0.4.0."""
        if isinstance(other, IntervalSet):
            result = other
        elif isinstance(other, (BaseInterval, tuple)):
            result = IntervalSet(other)
        elif isinstance(other, AbstractIntervalCollection) and not strict:
            result = IntervalSet(list(other))
        else:
            raise fail(
                "update_type",
                value=other,
                cls=IntervalSet,
                iv_cls=BaseInterval,
                what=what,
                type=type(other).__name__,
            )
        op = _mixing_op(what, other, bool(self._layout.discrete))
        kind = {
            "intersection": "intersect",
            "isdisjoint": "compare",
            "issubset": "compare",
            "issuperset": "compare",
        }
        check_layouts(
            self._layout, result._layout, f"IntervalSet.{what}", op, kind.get(what, "mix")
        )
        return result

    def _joined_layout(self, other: IntervalSet) -> Layout:
        check_layouts(self._layout, other._layout, "IntervalSet")
        layout = self._layout.copy()
        layout.merge(other._layout)
        return layout

    # -- container protocol -------------------------------------------------------------
    @property
    def discrete(self) -> bool:
        """Whether the set is non-empty and made of discrete runs.

        >>> from intervalues import BaseDiscreteInterval
        >>> IntervalSet([BaseDiscreteInterval(0, 4)]).discrete, IntervalSet([(0, 4)]).discrete
        (True, False)
        """
        return bool(self._tracks) and bool(self._layout.discrete)

    def _pieces(self) -> Iterator[tuple[TrackId, Any, Any, Any]]:
        """Continuous pieces in order; discrete runs by first point, then step."""
        if not self._layout.discrete:
            yield from super()._pieces()
            return
        for first, step, count in self._runs:
            track = (step, first % step)
            k = divide(first - track[1], step)
            yield track, k, k + count, 1

    @property
    def data(self) -> set[BaseInterval]:
        """A ``set`` of the pieces (a snapshot, built on demand).

        >>> IntervalSet([(0, 2), (1, 3)]).data
        {BaseInterval[0;3]}
        """
        return set(self)

    @data.setter
    def data(self, value: Iterable[BaseInterval]) -> None:
        self.set_data(value)

    def set_data(self, data: Iterable[BaseInterval]) -> None:
        """Replace the content by the union of the given intervals.

        >>> s = IntervalSet([(0, 2)]); s.set_data([(5, 7), (6, 9)]); s
        IntervalSet:{BaseInterval[5;9]}
        """
        self._replace_with(IntervalSet(list(data)))

    # -- membership -------------------------------------------------------------------------
    def _covers_point(self, x: Any) -> bool:
        return bool(self._value_at(x))

    def _check_query(self, x: Any, op: str = "in") -> Any:
        if isinstance(x, BaseInterval):
            if self._layout.discrete is not None and x._discrete != self._layout.discrete:
                raise fail("set_compare_kind", where="a lookup")
            return x
        return self._check_point(x, op)

    def __contains__(self, other: object) -> bool:
        """Whether a coordinate or a whole interval is covered.

        >>> s = IntervalSet(BaseInterval(0, 6))
        >>> 5 in s, BaseInterval(1, 7) in s
        (True, False)
        """
        return self._contains(self._check_query(other, "in"))

    def _contains(self, x: Any) -> bool:
        """Whether a checked coordinate or interval is covered."""
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
        np, keys, up = self._lookup_keys(points)
        tr = self._tracks.get(None)
        if np is None:
            points = as_list(points)
            if tr is not None and plain_numbers(points) and self._numbers():
                return lookup.covered_keys(tr, points)
            return [x in self for x in points]
        if self._layout.discrete:  # the values, point by point
            return np.asarray(self._discrete_values(keys, up), dtype=bool)
        if tr is None:
            return np.zeros(len(keys), dtype=bool)
        return lookup.covered_array(tr, keys, np, up=up)

    def to_arrays(self) -> tuple[Any, Any]:
        """``(starts, stops)`` as NumPy arrays (continuous sets). Needs NumPy.

        >>> [a.tolist() for a in IntervalSet([(0, 4), (2, 6)]).to_arrays()]
        [[0], [6]]
        """
        if self.discrete:
            raise fail("set_columns_discrete", what="to_arrays()")
        return self._numpy_columns()[:2]

    def to_pandas(self) -> Any:
        """A DataFrame with columns ``start`` and ``stop``. Needs pandas.

        >>> IntervalSet([(0, 3), (2, 5), (8, 9)]).to_pandas()
           start  stop
        0      0     5
        1      8     9
        """
        if self.discrete:
            raise fail("set_columns_discrete", what="to_pandas()")
        return self._frame(with_values=False)

    def _table_columns(self) -> dict[str, Any]:
        if self.discrete:
            raise fail("set_columns_discrete", what="to_arrow()")
        starts, stops, _ = self._key_columns()
        return {"start": starts, "stop": stops}

    def __getitem__(self, other: object) -> int:
        """1 if covered, else 0."""
        return 1 if self._contains(self._check_query(other, "index")) else 0

    def find_which_contains(self, other: BaseInterval | Coordinate) -> BaseInterval | bool:
        """The first piece containing ``other``, or ``False``.

        >>> s = IntervalSet([(0, 2), (5, 7)])
        >>> s.find_which_contains(6), s.find_which_contains(3)
        (BaseInterval[5;7], False)
        """
        other = self._check_query(other)
        for piece in self:
            if other in piece:
                return piece
        return False

    # -- the algebra ------------------------------------------------------------------------
    @classmethod
    def _single(cls, iv: BaseInterval) -> IntervalSet:
        """The geometry of one interval, whatever its value (zero length kept as a point)."""
        if domain_of(iv.start).kind == "aware":
            coords = [iv.start, iv.stop]
            layout = zoned_layout(coords, [key_of(x) for x in coords], iv._discrete)
        else:
            layout = Layout(domain_of(iv.start), iv._discrete)
        if not iv._discrete:
            return cls._from_columns(layout, [key_of(iv.start)], [key_of(iv.stop)])
        assert isinstance(iv, BaseDiscreteInterval)
        first, step = exact(iv.start), exact_step(iv.step)
        if isinstance(iv.start, float) or isinstance(iv.step, float):
            layout.floaty[(step, first % step)] = True
        return cls._from_runs(layout, [(first, step, iv.count)])

    def _binary(self, other: IntervalSet, op: SetOp) -> IntervalSet:
        layout = self._joined_layout(other)
        if layout.discrete:
            a, b = self._runs, other._runs
            if op == "or":
                runs = normalize(a + b)
            elif op == "and":
                runs = normalize([c for r in a for q in b if (c := intersect(r, q)) is not None])
            else:
                runs = normalize(subtract_all(a, b))
            result = type(self)._from_runs(layout, runs)
        else:
            s, e = setops.set_algebra(self._tracks.get(None), other._tracks.get(None), op)
            result = type(self)._from_columns(layout, s, e)
        sources = [(self._layout, self._tracks), (other._layout, other._tracks)]
        resolve_zones(result._layout, result._tracks, sources)
        return result

    def union(self, other: IntervalSet | BaseInterval) -> IntervalSet:
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

    def intersection(self, other: IntervalSet | BaseInterval) -> IntervalSet:
        """Common coverage (touching pieces give a one-point piece).

        >>> IntervalSet([(0, 4), (6, 8)]).intersection(IntervalSet([(3, 7)]))
        IntervalSet:{BaseInterval[3;4], BaseInterval[6;7]}
        >>> IntervalSet([(0, 2)]).intersection(IntervalSet([(2, 3)]))
        IntervalSet:{BaseInterval[2;2]}
        """
        return self._binary(self._coerce(other, "intersection"), "and")

    def difference(self, other: IntervalSet | BaseInterval) -> IntervalSet:
        """Geometric difference; boundary points of the removed part survive.

        >>> IntervalSet([(0, 10)]).difference(IntervalSet([(2, 3), (5, 6)]))
        IntervalSet:{BaseInterval[0;2], BaseInterval[3;5], BaseInterval[6;10]}
        """
        return self._binary(self._coerce(other, "difference", strict=True), "sub")

    def symmetric_difference(self, other: IntervalSet | BaseInterval) -> IntervalSet:
        """``(self - other) | (other - self)``.

        >>> s = IntervalSet([BaseInterval(0, 6), BaseInterval(8, 9)])
        >>> s ^ IntervalSet(BaseInterval(5, 8.5))
        IntervalSet:{BaseInterval[0;5], BaseInterval[6;8], BaseInterval[8.5;9]}
        """
        o = self._coerce(other, "symmetric_difference", strict=True)
        if not self._joined_layout(o).discrete:
            return self._binary(o, "xor")
        return self._binary(o, "sub")._binary(o._binary(self, "sub"), "or")

    def __or__(self, other: Any) -> IntervalSet:
        try:
            return self.union(other)
        except InvalidTypeError:
            return NotImplemented

    def __add__(self, other: Any) -> IntervalSet:
        return self.__or__(other)

    __radd__ = __add__

    def __ror__(self, other: Any) -> IntervalSet:
        # another collection on the left: refused, as in 0.4.0 (``meter | set``)
        if isinstance(other, AbstractIntervalCollection):
            return NotImplemented
        return self.__or__(other)

    def __and__(self, other: Any) -> IntervalSet:
        try:
            return self.intersection(other)
        except InvalidTypeError:
            return NotImplemented

    def __rand__(self, other: Any) -> IntervalSet:
        if isinstance(other, AbstractIntervalCollection):
            return NotImplemented
        return self.__and__(other)

    def __sub__(self, other: Any) -> IntervalSet:
        return self.difference(other)  # no NotImplemented: 0.4.0 raised its ValueError here

    def __rsub__(self, other: Any) -> IntervalSet:
        """``interval - set``: the interval's geometry without the set (W7)."""
        if not isinstance(other, (BaseInterval, tuple)):
            return NotImplemented  # ``list - set``: refused, as in 0.4.0
        return IntervalSet(as_interval(other, "other")) - self

    def __xor__(self, other: Any) -> IntervalSet:
        return self.symmetric_difference(other)  # 0.4.0 raised its ValueError here too

    def __rxor__(self, other: Any) -> IntervalSet:
        if isinstance(other, AbstractIntervalCollection):
            return NotImplemented
        return self.__xor__(other)

    def __ior__(self, other: Any) -> IntervalSet:
        self._replace_with(self.union(other))
        return self

    __iadd__ = __ior__

    def __iand__(self, other: Any) -> IntervalSet:
        self._replace_with(self.intersection(other))
        return self

    def __isub__(self, other: Any) -> IntervalSet:
        self._replace_with(self.difference(other))
        return self

    def __ixor__(self, other: Any) -> IntervalSet:
        self._replace_with(self.symmetric_difference(other))
        return self

    def add(self, other: IntervalSet | BaseInterval) -> None:
        """In-place union with an interval or set.

        >>> s = IntervalSet([(0, 2)]); s.add(BaseInterval(1, 4)); s.add(IntervalSet([(6, 7)])); s
        IntervalSet:{BaseInterval[0;4], BaseInterval[6;7]}
        """
        self._update(other)

    def _update(self, other: Any) -> None:
        """In-place union (``add``/``update``): only a set or an interval, as in 0.4.0
        (mixing a single interval is refused with 0.4.0's coordinate text)."""
        self._replace_with(self._binary(self._coerce(other, "update", strict=True), "or"))

    def update(self, other: AbstractInterval, reverse: bool = False) -> None:
        """In-place union (``reverse=True``: difference).

        >>> s = IntervalSet([(0, 4)]); s.update(IntervalSet([(3, 6)])); s
        IntervalSet:{BaseInterval[0;6]}
        >>> s.update(BaseInterval(1, 2), reverse=True); s
        IntervalSet:{BaseInterval[0;1], BaseInterval[2;6]}
        """
        if reverse:
            self._replace_with(self.difference(other))  # type: ignore[arg-type]  # checked there
        else:
            self._update(other)

    def update_set(
        self, other: IntervalSet | BaseInterval, one_by_one: bool = False, reverse: bool = False
    ) -> None:
        """Compatibility name for :meth:`update`.

        >>> s = IntervalSet([(0, 4)]); s.update_set(IntervalSet([(3, 6)])); s
        IntervalSet:{BaseInterval[0;6]}
        """
        self.update(other, reverse)

    def update_interval(self, other: BaseInterval, reverse: bool = False) -> None:
        """Compatibility name for :meth:`update` with one interval.

        >>> s = IntervalSet([(0, 4)]); s.update_interval(BaseInterval(1, 2), reverse=True); s
        IntervalSet:{BaseInterval[0;1], BaseInterval[2;4]}
        """
        self.update(as_interval(other, "other"), reverse)

    def intersection_update(self, other: IntervalSet | BaseInterval) -> None:
        """In-place intersection.

        >>> s = IntervalSet([(0, 4), (6, 8)]); s.intersection_update(IntervalSet([(3, 7)])); s
        IntervalSet:{BaseInterval[3;4], BaseInterval[6;7]}
        """
        self._replace_with(self.intersection(other))

    def difference_update(self, other: IntervalSet | BaseInterval) -> None:
        """In-place difference.

        >>> s = IntervalSet([(0, 4)]); s.difference_update(IntervalSet([(1, 2)])); s
        IntervalSet:{BaseInterval[0;1], BaseInterval[2;4]}
        """
        self._replace_with(self.difference(other))

    subtract = difference_update

    def discard(self, item: IntervalSet | BaseInterval) -> None:
        """Remove the geometry of an interval or set (no error when absent).

        >>> s = IntervalSet([(0, 4)]); s.discard(BaseInterval(3, 9)); s
        IntervalSet:{BaseInterval[0;3]}
        >>> s.discard(BaseInterval(20, 30)); s
        IntervalSet:{BaseInterval[0;3]}
        """
        self._replace_with(self.difference(item))

    def symmetric_difference_update(self, other: IntervalSet | BaseInterval) -> None:
        """In-place symmetric difference.

        >>> s = IntervalSet([(0, 4)]); s.symmetric_difference_update(IntervalSet([(2, 6)])); s
        IntervalSet:{BaseInterval[0;2], BaseInterval[4;6]}
        """
        self._replace_with(self.symmetric_difference(other))

    def remove(self, item: BaseInterval) -> None:
        """Remove an exactly stored piece; ``KeyError`` otherwise.

        >>> s = IntervalSet([(0, 2), (5, 7)]); s.remove(BaseInterval(5, 7)); s
        IntervalSet:{BaseInterval[0;2]}
        >>> s.remove(BaseInterval(0, 1))
        Traceback (most recent call last):
            ...
        KeyError: '[0;1] not in IntervalSet:{BaseInterval[0;2]}'
        """
        given = as_interval(item, "item")
        if self._layout.discrete is not None and given._discrete != self._layout.discrete:
            raise fail("set_mix_kind", where="IntervalSet.remove")
        item = given.as_index()
        pieces = list(self)
        dom = self._layout.domain
        if (dom is not None and domain_of(item.start).kind != dom.kind) or item not in pieces:
            # another domain is not stored either (0.4.0)
            raise fail("set_remove_missing", value=given, owner=self)
        pieces.remove(item)
        self._replace_with(self._rebuilt(pieces))

    def pop(self) -> BaseInterval:
        """Remove and return the last piece.

        >>> s = IntervalSet([(0, 2), (5, 7)])
        >>> s.pop(), s
        (BaseInterval[5;7], IntervalSet:{BaseInterval[0;2]})
        """
        pieces = list(self)
        if not pieces:
            raise fail("set_pop_empty")
        last = pieces.pop()
        self._replace_with(self._rebuilt(pieces))
        return last

    def clear(self) -> None:
        """Remove everything.

        >>> s = IntervalSet([(0, 2), (5, 7)]); s.clear(); s.is_empty
        True
        """
        self._replace_with(IntervalSet())

    def isdisjoint(self, other: IntervalSet | BaseInterval) -> bool:
        """No shared point (touching is not disjoint).

        >>> s = IntervalSet([(0, 2)])
        >>> s.isdisjoint(IntervalSet([(3, 4)])), s.isdisjoint(IntervalSet([(2, 4)]))
        (True, False)
        """
        return (self & self._coerce(other, "isdisjoint")).is_empty

    def issubset(self, other: IntervalSet | BaseInterval) -> bool:
        """Whether every point is covered by ``other``.

        >>> s = IntervalSet([(1, 2), (4, 5)])
        >>> s.issubset(IntervalSet([(0, 6)])), s.issubset(IntervalSet([(0, 3)]))
        (True, False)
        """
        other = self._coerce(other, "issubset")
        return (self - other).is_empty and (
            not self.discrete or not subtract_all(self._runs, other._runs)
        )

    def issuperset(self, other: IntervalSet | BaseInterval) -> bool:
        """Whether ``other`` is covered by this set.

        >>> s = IntervalSet([(0, 6)])
        >>> s.issuperset(IntervalSet([(1, 2), (4, 5)])), s.issuperset(BaseInterval(5, 7))
        (True, False)
        """
        return self._coerce(other, "issuperset").issubset(self)

    def clip(self, interval: BaseInterval) -> IntervalSet:
        """The part inside ``interval``.

        >>> IntervalSet([BaseInterval(0, 6), BaseInterval(8, 9)]).clip(BaseInterval(5, 8.5))
        IntervalSet:{BaseInterval[5;6], BaseInterval[8;8.5]}
        """
        return self & IntervalSet._single(
            as_interval(interval, "interval", "interval_not_interval")
        )

    def contained_intervals(self, interval: BaseInterval) -> tuple[BaseInterval, ...]:
        """The stored pieces lying fully inside ``interval``, sorted (a tuple, as in 0.4.0).

        >>> IntervalSet([(0, 1), (2, 3), (4, 6)]).contained_intervals(BaseInterval(0, 5))
        (BaseInterval[0;1], BaseInterval[2;3])
        """
        interval = as_interval(interval, "interval", "interval_not_interval")
        if self._layout.discrete is not None and interval._discrete != self._layout.discrete:
            raise fail("set_compare_kind", where="IntervalSet.contained_intervals")
        return tuple(sorted(p for p in self if interval.contains(p)))

    # -- sizes ------------------------------------------------------------------------------
    def total_length(self) -> Length:
        """The covered length (``timedelta`` for datetimes); discrete sets measure 0
        (``timedelta(0)`` for datetime points).

        >>> IntervalSet([BaseInterval(0, 4), BaseInterval(2, 6)]).total_length()
        6
        """
        if self._layout.discrete:
            return self._zero_length()  # timedelta(0) for datetime points, as 0.4.0
        tr = self._tracks.get(None)
        if tr is None:
            return self._zero_length()
        return self._measure("total_length", lambda: stats.coverage(tr))

    def get_length(self, index: BaseInterval | None = None) -> Length:
        """:meth:`total_length`, or ``index.get_length()`` if ``index`` is covered (else 0).

        >>> s = IntervalSet([(0, 4), (6, 7)])
        >>> s.get_length(), s.get_length(BaseInterval(1, 3)), s.get_length(BaseInterval(3, 6))
        (5, 2, 0)
        """
        if index is None:
            return self.total_length()
        index = as_interval(index, "index")
        return index.get_length() if index in self else 0

    def coverage_length(self) -> Length:
        """The covered length (continuous only).

        >>> IntervalSet([(0, 4), (2, 6), (8, 9)]).coverage_length()
        7
        """
        if self.discrete:
            raise fail("coverage_length_discrete")
        return self.total_length()

    def support_point_count(self) -> int:
        """The number of distinct covered points (discrete only).

        >>> from intervalues import BaseDiscreteInterval
        >>> s = IntervalSet([BaseDiscreteInterval(0, 4), BaseDiscreteInterval(3, 6)])
        >>> s.support_point_count()
        7
        """
        if None in self._tracks:
            raise fail("support_point_count_continuous")
        return point_count(self._runs)

    # -- comparison and display ---------------------------------------------------------------
    def __mul__(self, factor: float) -> IntervalSet:
        """An unchanged copy (sets have no weights)."""

        check_factor(factor, key="iv_factor")
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

    def key_compare(self, other: Any) -> bool:
        """Whether the sorted pieces come before ``other``'s (0.4.0's ``<``).

        >>> a, b = IntervalSet([(0, 2)]), IntervalSet([(1, 3)])
        >>> a.key_compare(b), b.key_compare(a), a.key_compare(a)
        (True, False, False)
        """
        return list(self) < sorted(self._coerce(other, "key_compare"))

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

    def _rebuilt(self, pieces: list[BaseInterval]) -> IntervalSet:
        """A set of exactly these pieces (one-point pieces kept); empty keeps the layout."""
        if not pieces:
            return type(self)._from(self._layout.copy(), {})
        return type(self)(pieces)  # a set keeps one-point pieces
