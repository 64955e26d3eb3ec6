"""`IntervalMeter` (summed weights) and `IntervalCounter` (integer counts).

Both are step functions stored as sorted columns (see ``intervalues._engine.columns``); lookups are
``bisect`` (O(log n)), updates re-sweep only the stretch they touch, and the stored form
is canonical whatever the history.
"""

from __future__ import annotations

import heapq
import math
from bisect import bisect_left
from collections import Counter
from collections.abc import ItemsView, Iterable, Iterator, KeysView, ValuesView
from contextlib import suppress
from datetime import timedelta
from typing import Any, ClassVar, TypeVar

from ._checks import (
    InvalidTypeError,
    check_factor,
    check_layouts,
    check_nr_digits,
    check_threshold,
    check_use_rust,
    check_value,
    describe,
    fail,
    finite_result,
    finite_sums,
    scaled,
)
from ._columnar import (
    ColumnarCollection,
    as_list,
    pieces_of,
    plain_numbers,
)
from ._engine import combine, lookup, setops, stats
from ._engine.columns import Layout, Track, TrackId, resolve_zones, sorted_tracks
from ._engine.coords import NUMBER, domain_of, key_of
from ._engine.lookup import as_numpy, lattice_index
from ._engine.runs import Run, normalize, pointwise
from ._engine.sweep import Kind, decimal_total
from ._gather import gather
from .abstract_interval import AbstractInterval, AbstractIntervalCollection, Coordinate
from .base_interval import BaseInterval, Length, as_interval
from .interval_set import IntervalSet

__all__ = ["IntervalCounter", "IntervalMeter"]

Self = TypeVar("Self", bound="IntervalMeter")


class IntervalMeter(ColumnarCollection):
    """Summed weights of (possibly overlapping) intervals, as disjoint constant pieces.

    ``data`` is one interval, a ``(start, stop[, value])`` tuple or any iterable of them.
    ``use_rust``: ``None`` uses the accelerator when installed, ``True`` requires it,
    ``False`` forces pure Python (results are identical). ``nr_digits=k`` rounds every
    float coordinate and value to ``k`` decimals first. ``skip_combine`` is accepted for
    compatibility; the result is always canonical.

    >>> m = IntervalMeter([BaseInterval(0, 4), BaseInterval(2, 6)])
    >>> m
    IntervalMeter:{BaseInterval[0;2]: 1, BaseInterval[2;4]: 2, BaseInterval[4;6]: 1}
    >>> m[3], m[7], m.total_length()
    (2, 0, 8)
    """

    __slots__ = ()
    _kind: ClassVar[Kind] = "meter"

    def __init__(
        self,
        data: Iterable[BaseInterval] | BaseInterval | None = None,
        skip_combine: bool = False,
        use_rust: bool | None = None,
        nr_digits: int | None = None,
    ) -> None:
        check_nr_digits(nr_digits)
        check_use_rust(use_rust)
        item_key = "skip_combine_items" if skip_combine else "not_an_interval"
        layout, cols = gather(data, type(self).__name__, nr_digits, item_key)
        with finite_sums(type(self).__name__):
            tracks = combine.build(cols, self._kind, use_rust)
        self._assign(layout, tracks)

    def _item_list(self) -> list[tuple[BaseInterval, Any]]:
        interval = self._interval
        return [(interval(t, a, b, 1), v) for t, a, b, v in self._pieces()]

    def keys(self) -> KeysView[BaseInterval]:
        """The pieces with value 1, in piece order: a ``dict`` keys view, like the
        ``Counter`` keys of 0.4.0 (of a snapshot: later changes do not show).

        >>> list(IntervalMeter([(0, 2, 3), (1, 3)]).keys())
        [BaseInterval[0;1], BaseInterval[1;2], BaseInterval[2;3]]
        """
        return dict(self._item_list()).keys()

    def values(self) -> ValuesView[Any]:
        """The weights, in piece order (a ``dict`` values view of a snapshot).

        >>> list(IntervalMeter([(0, 2, 3), (1, 3)]).values())
        [3, 4, 1]
        """
        return dict(self._item_list()).values()

    def items(self) -> ItemsView[BaseInterval, Any]:
        """``(key, weight)`` pairs in piece order (a ``dict`` items view of a snapshot).

        >>> list(IntervalMeter(BaseInterval(0, 1, 3)).items())
        [(BaseInterval[0;1], 3)]
        """
        return dict(self._item_list()).items()

    @property
    def data(self) -> Counter[BaseInterval]:
        """A ``Counter`` of unit-valued pieces to weights (a snapshot, built on demand).

        >>> IntervalMeter([(0, 2, 3), (1, 3)]).data
        Counter({BaseInterval[1;2]: 4, BaseInterval[0;1]: 3, BaseInterval[2;3]: 1})
        """
        return Counter(dict(self.items()))

    @data.setter
    def data(self, mapping: object) -> None:
        self.set_data(mapping)

    def set_data(self, data: object) -> None:
        """Replace the content by a data of intervals to weights (recombined).

        >>> m = IntervalMeter(); m.set_data({BaseInterval(0, 2): 3}); m
        IntervalMeter:{BaseInterval[0;2]: 3}
        """
        if not hasattr(data, "items"):
            raise fail("set_data_mapping", value=data)
        ivs = [
            as_interval(k, "each key").with_value(check_value(w, "each weight"))
            for k, w in data.items()
        ]
        self._replace_with(type(self)(ivs))

    # -- lookups --------------------------------------------------------------------
    def _check_interval(self, x: Any) -> BaseInterval:
        iv = as_interval(x, "key")
        self._check_query_domain(iv.start, iv)
        return iv

    def __getitem__(self, other: object) -> int | float:
        """The value at a coordinate (0 when uncovered); see ``docs`` for intervals.

        For an interval: the weight of the piece containing it, divided by the query's
        value, or 0 when no single piece contains it (0.4.0 behaviour, kept).

        >>> m = IntervalMeter([BaseInterval(0, 1), BaseInterval(1, 2, 3)])
        >>> m[1], m[1.5], m[BaseInterval(1.2, 1.8)], m[BaseInterval(1.2, 1.8, 2)]
        (1, 3, 3, 1.5)
        """
        if isinstance(other, (BaseInterval, tuple)):
            iv = self._check_interval(other)
            piece = self._piece_containing(iv)
            if piece is None:
                return 0
            return piece.value if iv.value == 1 else piece.value / iv.value
        return self._value_at(self._check_point(other, "index"))

    def _piece_containing(self, iv: BaseInterval) -> BaseInterval | None:
        """The piece containing ``iv``: at a shared boundary a point query takes the left
        piece (W6), a query of positive length the piece it extends into."""
        tr = self._tracks.get(None)
        if tr is not None:  # a discrete query is held by a piece holding all its points
            try:
                ka, kb = key_of(iv.start), key_of(iv.stop)
                i = tr.find(ka) if ka == kb else tr.find_half_open(ka)
            except TypeError:
                return None
            if i >= 0 and kb <= tr.stops[i]:
                return self._interval(None, tr.starts[i], tr.stops[i], tr.values[i])
            return None
        for piece in self._candidates(iv.start):
            if piece.contains(iv) if piece._discrete == iv._discrete else False:
                return piece
        return None

    def _candidates(self, x: Any) -> list[BaseInterval]:
        out = []
        for t, tr in self._tracks.items():
            if t is None:
                try:
                    i = tr.find(key_of(x))
                except TypeError:
                    return []
                if i >= 0:
                    out.append(self._interval(t, tr.starts[i], tr.stops[i], tr.values[i]))
            else:
                k = lattice_index(t, x, self._tol())
                if k is not None:
                    i = tr.find_half_open(k)
                    if i >= 0:
                        out.append(self._interval(t, tr.starts[i], tr.stops[i], tr.values[i]))
        return out

    def values_at(self, points: Iterable[Any]) -> Any:
        """Values at many points (left piece wins at boundaries). O(k log n).

        NumPy/pandas/pyarrow points (numbers or ``datetime64``) give a NumPy array,
        computed without a Python object per point; anything else gives a list.

        >>> IntervalMeter([BaseInterval(0, 4), BaseInterval(2, 6)]).values_at([1, 3, 9])
        [1, 2, 0]
        """
        np, keys, up = self._lookup_keys(points)
        tr = self._tracks.get(None)
        if np is None:
            points = as_list(points)
            if tr is not None and plain_numbers(points) and self._numbers():
                return lookup.values_at_keys(tr, points)
            return [self._value_at(self._check_point(x)) for x in points]
        if self._layout.discrete:  # the values, point by point (exact dtype, as stored)
            return as_numpy(self._discrete_values(keys, up), np)
        if tr is None:
            return np.zeros(len(keys), dtype=np.int64)
        return lookup.values_at_array(tr, keys, np, up=up)

    # -- columns out ---------------------------------------------------------------------
    def to_arrays(self) -> tuple[Any, Any, Any]:
        """``(starts, stops, values)`` as NumPy arrays (datetimes as ``datetime64[us]``,
        aware ones in UTC). Needs NumPy.

        >>> [a.tolist() for a in IntervalMeter([(0, 4), (2, 6)]).to_arrays()]
        [[0, 2, 4], [2, 4, 6], [1, 2, 1]]
        """
        return self._numpy_columns()

    def to_pandas(self) -> Any:
        """A DataFrame with columns ``start``, ``stop``, ``value``. Needs pandas.

        >>> IntervalMeter([(0, 4), (2, 6)]).to_pandas()
           start  stop  value
        0      0     2      1
        1      2     4      2
        2      4     6      1
        """
        return self._frame(with_values=True)

    def __contains__(self, other: object) -> bool:
        """Whether a coordinate or interval is covered by some piece."""
        if isinstance(other, BaseInterval):
            return self._piece_containing(self._check_interval(other)) is not None
        other = self._check_point(other, "in")
        return bool(self._candidates(other))

    def find_which_contains(self, other: BaseInterval | Coordinate) -> BaseInterval | bool:
        """The first stored key containing ``other``, or ``False``.

        >>> m = IntervalMeter([(0, 2), (1, 3)])
        >>> m.find_which_contains(2.5), m.find_which_contains(9)
        (BaseInterval[2;3], False)
        """
        if isinstance(other, BaseInterval):
            piece = self._piece_containing(self._check_interval(other))
        else:
            found = self._candidates(self._check_point(other))
            piece = found[0] if found else None
        return piece.as_index() if piece is not None else False

    # -- Counter-like API -------------------------------------------------------------
    def _locate(self, key: Any) -> tuple[TrackId, int] | None:
        """Where an exactly stored piece is: O(log n) for continuous collections."""
        iv = as_interval(key, "key").as_index()
        tr = self._tracks.get(None)
        if tr is not None and not iv._discrete:
            if domain_of(iv.start).kind != (self._layout.domain or domain_of(0)).kind:
                return None
            ka, kb = key_of(iv.start), key_of(iv.stop)
            i = bisect_left(tr.starts, ka)
            if i < len(tr) and tr.starts[i] == ka and tr.stops[i] == kb:
                return None, i
            return None
        for t, tr in self._tracks.items():
            for i in range(len(tr)):
                if self._interval(t, tr.starts[i], tr.stops[i], 1) == iv:
                    return t, i
        return None

    def _remove_piece(self, t: TrackId, i: int) -> None:
        """Remove stored piece ``i`` of track ``t`` (neighbours cannot merge: they were
        apart or had different values before)."""
        tr = self._tracks[t]
        rest = Track(
            [*tr.starts[:i], *tr.starts[i + 1 :]],
            [*tr.stops[:i], *tr.stops[i + 1 :]],
            [*tr.values[:i], *tr.values[i + 1 :]],
        )
        self._assign(self._layout, {**self._tracks, t: rest})

    def get(self, __key: BaseInterval, default: float | None = None) -> float | None:
        """The weight of an exactly stored piece, else ``default``.

        >>> m = IntervalMeter([(0, 2), (1, 3)])
        >>> m.get(BaseInterval(1, 2)), m.get(BaseInterval(0, 3), 0)
        (2, 0)
        """
        loc = self._locate(__key)
        return default if loc is None else self._tracks[loc[0]].values[loc[1]]

    def pop(self, __key: BaseInterval, *default: Any) -> Any:
        """Remove an exactly stored piece and return its weight.

        >>> m = IntervalMeter([BaseInterval(0, 1), BaseInterval(2, 3, 2)])
        >>> m.pop(BaseInterval(2, 3)), m
        (2, IntervalMeter:{BaseInterval[0;1]: 1})
        """
        loc = self._locate(__key)
        if loc is None:
            if default:
                return default[0]
            raise KeyError(__key)
        value = self._tracks[loc[0]].values[loc[1]]
        self._remove_piece(*loc)
        return value

    def popitem(self) -> tuple[BaseInterval, Any]:
        """Remove and return the last piece as ``(key, weight)``.

        >>> m = IntervalMeter([(0, 2), (1, 3)])
        >>> m.popitem(), m
        ((BaseInterval[2;3], 1), IntervalMeter:{BaseInterval[0;1]: 1, BaseInterval[1;2]: 2})
        """
        if not self._tracks:
            raise fail("popitem_empty", owner=type(self).__name__)
        t, a, b, v = list(self._pieces())[-1]  # the last piece in iteration order
        item = (self._interval(t, a, b, 1), v)
        tr = self._tracks[t]
        self._remove_piece(t, bisect_left(tr.starts, a))
        return item

    def setdefault(self, key: BaseInterval, default: float | None = None) -> float | None:
        """The weight of a stored piece; else add ``key`` with weight ``default``.

        ``default=None`` (0.4.0's default) adds nothing, since a piece needs a number,
        and returns ``None``.

        >>> m = IntervalMeter([(0, 2, 3)])
        >>> m.setdefault(BaseInterval(0, 2)), m.setdefault(BaseInterval(5, 6), 4), m
        (3, 4, IntervalMeter:{BaseInterval[0;2]: 3, BaseInterval[5;6]: 4})
        >>> m.setdefault(BaseInterval(8, 9)) is None, len(m)
        (True, 2)
        """
        found = self.get(key)
        if found is not None or default is None:
            return found
        self.update(as_interval(key, "key").with_value(default))
        return default

    def clear(self) -> None:
        """Remove everything.

        >>> m = IntervalMeter([(0, 2)]); m.clear(); m
        IntervalMeter:{}
        """
        self._assign(Layout(None, None), {})

    def elements(self) -> Iterator[BaseInterval]:
        """Each key repeated as often as its (whole-number) weight.

        >>> list(IntervalMeter([BaseInterval(0, 2), BaseInterval(1, 3)]).elements())
        [BaseInterval[0;1], BaseInterval[1;2], BaseInterval[1;2], BaseInterval[2;3]]
        """
        items = self.items()
        for _, w in items:
            if isinstance(w, float) and not w.is_integer():
                raise fail("elements_whole", value=w)
        for key, w in items:
            for _ in range(int(w)):
                yield key.copy()

    def most_common(self, n: int | None = None) -> list[tuple[BaseInterval, Any]]:
        """``(key, weight)`` pairs, largest weight first (ties in coordinate order).

        >>> IntervalMeter([BaseInterval(0, 4), BaseInterval(2, 6)]).most_common(1)
        [(BaseInterval[2;4], 2)]
        """
        pieces = list(self._pieces())
        if n is None:
            order = sorted(range(len(pieces)), key=lambda i: pieces[i][3], reverse=True)
        else:
            order = heapq.nlargest(n, range(len(pieces)), key=lambda i: pieces[i][3])
        interval = self._interval
        return [(interval(t, a, b, 1), v) for t, a, b, v in (pieces[i] for i in order)]

    def total(self) -> int | float:
        """Sum of the weights (``Counter.total``).

        >>> IntervalMeter([(0, 2, 3), (1, 3)]).total()
        8
        """
        if not self._tracks:
            return 0
        with finite_result("total", type(self).__name__):
            return stats.total(list(self._tracks.values()))

    # -- lengths and support ------------------------------------------------------------
    def total_length(self) -> Length:
        """Σ piece length × weight (``timedelta`` for datetimes); discrete meters measure 0
        (``timedelta(0)`` for datetime points).

        >>> IntervalMeter([BaseInterval(0, 4), BaseInterval(2, 6)]).total_length()
        8
        """
        if self._layout.discrete:
            return self._zero_length()  # timedelta(0) for datetime points, as 0.4.0
        tr = self._tracks.get(None)
        if tr is None:
            return self._zero_length()
        return self._measure("total_length", lambda: stats.integral(tr))

    def get_length(self, index: BaseInterval | None = None) -> Length:
        """:meth:`total_length`, or ``self[index] * index.get_length()`` for an interval.

        >>> m = IntervalMeter([(0, 2, 3), (1, 3)])
        >>> m.get_length(), m.get_length(BaseInterval(1, 2))
        (8, 4)
        """
        if index is None:
            return self.total_length()
        index = as_interval(index, "index")
        length = index.get_length()
        value = self[index]
        with finite_result("get_length", type(self).__name__):
            if isinstance(length, timedelta):
                return value * length
            return stats.area(0, length, value)

    @property
    def support(self) -> IntervalSet:
        """The covered geometry as an ``IntervalSet``.

        >>> IntervalMeter([BaseInterval(0, 2), BaseInterval(2, 3, 5)]).support
        IntervalSet:{BaseInterval[0;3]}
        """
        return self._regions(None, True)

    def coverage_length(self) -> Length:
        """Length of the support (continuous only).

        >>> IntervalMeter([BaseInterval(0, 4), BaseInterval(2, 6)]).coverage_length()
        6
        """
        if self._layout.discrete:
            raise fail("coverage_length_discrete")
        tr = self._tracks.get(None)
        if tr is None:
            return self._zero_length()
        return self._measure("coverage_length", lambda: stats.coverage(tr))

    def support_point_count(self) -> int:
        """Number of distinct covered points (discrete only).

        >>> from intervalues import BaseDiscreteInterval
        >>> m = IntervalMeter([BaseDiscreteInterval(0, 4), BaseDiscreteInterval(3, 6)])
        >>> m.support_point_count()
        7
        """
        if not self._layout.discrete:
            if self._tracks:
                raise fail("support_point_count_continuous")
            return 0
        return self.support.support_point_count()

    # -- statistics -----------------------------------------------------------------------
    def _weighted(self, within: Any) -> list[tuple[Any, Any]]:
        """``(value, measure)`` pairs of a discrete meter (point counts of its point-wise
        function: overlapping lattices add up); with ``within`` the meter is clipped to it
        and the uncovered points are paired with 0."""
        window = _check_within(self._layout, within) if within is not None else None
        if window is None:
            return self._nonempty([(v, run[2]) for run, v in self._atoms()])  # run[2] points
        counts: dict[Any, int] = {}
        pts = [p for p, _ in window]
        for v in self.values_at(pts) if self._tracks else [0] * len(pts):
            counts[v] = counts.get(v, 0) + 1
        return list(counts.items())

    def _statistic(self, name: stats.Statistic, within: Any) -> Any:
        """A statistic over the domain (or ``within``, uncovered parts counting 0):
        computed on the columns (kernel or Python) for continuous meters, from the
        pairs of :meth:`_weighted` for discrete ones. Emptiness is checked here; ``None``
        when there is no measure (the average and median say so themselves). A mean or
        median beyond the float range is a ``ValueError``."""
        with finite_result(f"{name}_value", type(self).__name__):
            result = self._measured(name, within)
        if result is None and name not in ("average", "median"):
            raise fail("stats_no_measure", what=f"the {name}")
        return result

    def _measured(self, name: stats.Statistic, within: Any) -> Any:
        window = _check_within(self._layout, within) if within is not None else None
        if self._layout.discrete or (window is not None and window._discrete):
            pairs = self._weighted(within)
            if name in ("average", "median", "mode"):
                return getattr(stats, name)(pairs)
            values = [v for v, _ in pairs]
            return min(values) if name == "minimum" else max(values)
        tr = self._tracks.get(None)
        if window is None:
            if tr is None:
                return self._nonempty([])
            return stats.statistic(name, tr)
        ka, kb = key_of(window.start), key_of(window.stop)
        if ka == kb:
            raise fail("stats_zero_domain", value=window)
        return stats.statistic(name, tr, ka, kb)

    def average_value(self, within: BaseInterval | None = None) -> float:
        """Measure-weighted mean of the weights; with ``within`` uncovered parts count 0.

        >>> m = IntervalMeter([BaseInterval(0, 4), BaseInterval(2, 6)])
        >>> round(m.average_value(), 4), m.average_value(BaseInterval(0, 8))
        (1.3333, 1.0)
        """
        mean = self._statistic("average", within)
        if mean is None:
            raise fail("stats_no_measure", what="the average")
        return mean

    def minimum_value(self, within: BaseInterval | None = None) -> float:
        """Smallest weight over the domain (0 counts where ``within`` is uncovered).

        >>> m = IntervalMeter([(0, 2, 3), (1, 3)])
        >>> m.minimum_value(), m.minimum_value(within=BaseInterval(0, 5))
        (1, 0)
        """
        if within is None and len(self._tracks) == 1:  # one track: over its pieces
            return stats.statistic("minimum", next(iter(self._tracks.values())))
        return self._statistic("minimum", within)

    def maximum_value(self, within: BaseInterval | None = None) -> float:
        """Largest weight over the domain.

        >>> IntervalMeter([BaseInterval(0, 4), BaseInterval(2, 6)]).maximum_value()
        2
        """
        if within is None and len(self._tracks) == 1:  # one track: over its pieces
            return stats.statistic("maximum", next(iter(self._tracks.values())))
        return self._statistic("maximum", within)

    def median_value(self, within: BaseInterval | None = None) -> float:
        """Measure-weighted median of the weights (a central tie averages the two).

        >>> IntervalMeter([BaseInterval(0, 4), BaseInterval(2, 6)]).median_value()
        1
        """
        middle = self._statistic("median", within)
        if middle is None:
            raise fail("stats_no_measure", what="the median")
        return middle

    def mode_value(self, within: BaseInterval | None = None) -> tuple[float, ...]:
        """The weights covering the most measure (all of them when tied), ascending.

        >>> IntervalMeter([BaseInterval(0, 4), BaseInterval(2, 6)]).mode_value()
        (1,)
        """
        return self._statistic("mode", within)

    def _nonempty(self, pairs: list[tuple[Any, Any]]) -> list[tuple[Any, Any]]:
        if not pairs:
            raise fail("stats_empty", owner=type(self).__name__)
        return pairs

    def regions_at_least(self, minimum: float) -> IntervalSet:
        """``IntervalSet`` of the pieces with weight ``>= minimum``.

        >>> IntervalMeter([BaseInterval(0, 4), BaseInterval(2, 6)]).regions_at_least(2)
        IntervalSet:{BaseInterval[2;4]}
        """
        minimum = check_threshold(minimum, "minimum")
        return self._regions(minimum, True)

    def _regions(self, threshold: Any, at_least: bool) -> IntervalSet:
        """``IntervalSet`` of the pieces with value ``>= threshold`` (``at_least``) or
        ``< threshold``; every piece for ``threshold=None`` (from the columns)."""
        from .interval_set import IntervalSet

        tr = self._tracks.get(None)
        if self._layout.discrete:
            if threshold is None:
                runs = normalize([run for run, _ in self._atoms()])
            elif at_least:
                runs = normalize([run for run, v in self._atoms() if v >= threshold])
            else:
                runs = normalize([run for run, v in self._atoms() if v < threshold])
            floaty = any(self._layout.floaty.values())
            layout = Layout(self._layout.domain, True, zones=dict(self._layout.zones))
            return IntervalSet._from_runs(layout, runs, floaty)
        if tr is None:
            return IntervalSet()
        if threshold is None:
            starts, stops = setops.set_algebra(tr, None, "or")
        else:
            starts, stops = stats.threshold_regions(tr, threshold, at_least)
        layout = Layout(self._layout.domain, False, zones=dict(self._layout.zones))
        return IntervalSet._from_columns(layout, starts, stops)

    def _atoms(self) -> list[tuple[Run, Any]]:
        """A discrete meter as its point-wise function: disjoint runs ``(first, step,
        count)`` in exact keys with the sum over all lattices of the values at their
        points (one lattice: its pieces as they are; 0 dropped)."""
        pieces = [
            ((offset + a * step, step, b - a), v)
            for (step, offset), tr in ((t, tr) for t, tr in self._tracks.items() if t)
            for a, b, v in zip(tr.starts, tr.stops, tr.values)
        ]
        if len(self._tracks) < 2:
            return pieces
        with finite_sums(type(self).__name__):
            return pointwise(pieces, decimal_total)

    def regions_below(self, maximum: float, within: BaseInterval | None = None) -> IntervalSet:
        """Pieces with weight ``< maximum``; ``within`` adds uncovered parts if ``maximum > 0``.

        >>> m = IntervalMeter([BaseInterval(0, 4), BaseInterval(2, 6)])
        >>> m.regions_below(2, within=BaseInterval(-2, 8))
        IntervalSet:{BaseInterval[-2;2], BaseInterval[4;8]}
        """
        from .interval_set import IntervalSet

        maximum = check_threshold(maximum, "maximum")
        low = self._regions(maximum, False)
        if within is None:
            return low
        window = IntervalSet(_check_within(self._layout, within, regions=True).with_value(1))
        low = low & window
        if maximum > 0:
            low = low | (window - self.support)
        return low

    def integrate(self, a: Coordinate, b: Coordinate) -> Length:
        """∫ of the step function over ``[a, b]`` (continuous only).

        >>> IntervalMeter([BaseInterval(0, 4), BaseInterval(2, 6)]).integrate(1, 3)
        3
        """
        if self._layout.discrete:
            raise fail("integrate_discrete")
        window = BaseInterval(a, b)
        tr = self._tracks.get(None)
        if tr is None:
            return self._zero_length()
        lo, hi = key_of(window.start), key_of(window.stop)
        return self._measure("integrate", lambda: stats.integral(tr, lo, hi))

    # -- updates ----------------------------------------------------------------------------
    def _coerce_other(self, other: Any, what: str) -> IntervalMeter:
        if isinstance(other, IntervalMeter):
            return other
        if isinstance(other, AbstractIntervalCollection):
            return IntervalMeter(list(other))
        if isinstance(other, (BaseInterval, tuple)):
            return IntervalMeter(other)
        raise fail(
            "update_type",
            value=other,
            cls=type(self),
            iv_cls=BaseInterval,
            what=what,
            type=type(other).__name__,
        )

    def _check_operand(self, other: Any) -> None:
        """``update``, ``-`` and ``-=`` take this type (or a subclass) or an interval, as in
        0.4.0; ``+`` converts any collection first."""
        if not isinstance(other, (type(self), BaseInterval, tuple)):
            raise fail(
                "update_type",
                value=other,
                cls=type(self),
                iv_cls=BaseInterval,
                what="update",
                type=type(other).__name__,
            )

    def update(self, other: object, times: float = 1) -> None:
        """Add an interval or a collection of this type (scaled by ``times``) in place;
        other collection types raise ``InvalidTypeError`` (a ``ValueError``), as in 0.4.0
        (``+`` converts them).

        Only the stretch the new pieces touch is re-swept: O(log n + k log k).

        >>> m = IntervalMeter(BaseInterval(0, 1)); m.update(BaseInterval(1, 2)); m
        IntervalMeter:{BaseInterval[0;2]: 1}
        """
        self._check_operand(other)
        self._update(
            other, times, "compare" if isinstance(other, (BaseInterval, tuple)) else "merge"
        )

    def _update(self, other: Any, times: Any, op: str) -> None:
        """Add an interval or any collection, scaled by ``times`` (``+`` and
        ``update_meter`` take any collection); ``op`` (``"merge"`` or ``"compare"``) picks
        the text 0.4.0 raised for mixed domains (``+`` merged, ``update(interval)``
        compared coordinates)."""
        times = check_factor(times, "times")
        add = self._coerce_other(other, "update")
        check_layouts(self._layout, add._layout, type(self).__name__, op)
        layout = self._layout.copy()
        layout.merge(add._layout)
        tracks = dict(self._tracks)
        for t, tr in add._tracks.items():
            if times != 1:
                scaled(tr.values, times, "times")  # a weight beyond the float range raises
            with finite_sums(type(self).__name__):
                tracks[t] = combine.add_track(tracks.get(t), tr, self._kind, times)
        tracks = sorted_tracks(tracks)
        resolve_zones(layout, tracks, [(self._layout, self._tracks), (add._layout, add._tracks)])
        self._assign(layout, tracks)

    def update_meter(
        self, other: IntervalMeter, times: float = 1, one_by_one: bool = False
    ) -> None:
        """Compatibility name for :meth:`update`.

        >>> m = IntervalMeter([(0, 2)]); m.update_meter(IntervalMeter([(1, 3)]), times=2); m
        IntervalMeter:{BaseInterval[0;1]: 1, BaseInterval[1;2]: 3, BaseInterval[2;3]: 2}
        """
        self._update(other, times, "compare" if one_by_one else "merge")  # any meter-like

    def update_interval(self, other: BaseInterval, times: float = 1) -> None:
        """Compatibility name for :meth:`update` with one interval.

        >>> m = IntervalMeter([(0, 2)]); m.update_interval(BaseInterval(1, 3)); m
        IntervalMeter:{BaseInterval[0;1]: 1, BaseInterval[1;2]: 2, BaseInterval[2;3]: 1}
        """
        self.update(as_interval(other, "other"), times)

    def subtract(self, other: BaseInterval | AbstractIntervalCollection) -> None:
        """In-place ``-=``.

        >>> m = IntervalMeter([(0, 4, 2)]); m.subtract(IntervalMeter([(1, 2)])); m
        IntervalMeter:{BaseInterval[0;1]: 2, BaseInterval[1;2]: 1, BaseInterval[2;4]: 2}
        """
        self.update(other, -1)

    def __add__(self: Self, other: Any) -> Self:
        """Sum with an interval or collection (result: this type).

        >>> IntervalMeter([BaseInterval(0, 4), BaseInterval(2, 6)]) + BaseInterval(4, 9)
        IntervalMeter:{BaseInterval[0;2]: 1, BaseInterval[2;6]: 2, BaseInterval[6;9]: 1}
        """
        new = self.copy()
        try:
            new._update(other, 1, "merge")
        except InvalidTypeError:
            return NotImplemented
        return new

    def __radd__(self: Self, other: Any) -> Self:
        if isinstance(other, int) and not isinstance(other, bool) and other == 0:
            return self.copy()
        return self.__add__(other)

    def __iadd__(self: Self, other: Any) -> Self:
        self._update(other, 1, "merge")
        return self

    def __sub__(self: Self, other: Any) -> Self:
        """Difference with an interval or collection.

        >>> IntervalMeter([BaseInterval(0, 4), BaseInterval(2, 6)]) - BaseInterval(0, 6)
        IntervalMeter:{BaseInterval[2;4]: 1}
        """
        new = self.copy()
        new.update(other, -1)  # no NotImplemented: 0.4.0 raised its ValueError here
        return new

    def __rsub__(self: Self, other: Any) -> Self:
        """``interval - collection``: the collection subtracted from the interval (W7)."""
        if not isinstance(other, (BaseInterval, tuple)):
            return NotImplemented  # ``list - meter``: refused, as in 0.4.0
        base = type(self)(as_interval(other, "other"))
        return base - self

    def __isub__(self: Self, other: Any) -> Self:
        self.update(other, -1)
        return self

    def _scaled(self, factor: int | float, op: str = "*") -> dict[TrackId, Track]:
        """Every track's values multiplied (``op="*"``) or divided (``"/"``) by
        ``factor`` (a counter's truncated), canonical; a non-finite weight raises
        ``ValueError`` and nothing changes."""
        out = {}
        for t, tr in self._tracks.items():
            old = tr.values
            if op == "/":
                quotients = self._counts(scaled(old, factor, "factor", op))
                out[t] = Track(tr.starts[:], tr.stops[:], quotients).canonical()
                continue
            product: Track | None = None
            with suppress(OverflowError):  # a counter's int(inf)
                product = combine.scale_track(tr, self._kind, factor)
            # the kernel refuses non-finite products; Python may have made one
            if product is None or math.inf in product.values or -math.inf in product.values:
                scaled(old, factor, "factor", op)  # raises, naming the weight
            assert product is not None  # scaled() raised for a non-finite product
            out[t] = product
        return out

    def _counts(self, values: list[Any]) -> list[Any]:
        """Scaled weights as stored: a meter keeps them, a counter truncates them."""
        return values

    def __mul__(self: Self, factor: float) -> Self:
        """Scale every weight (``* 0`` gives an empty meter; a weight beyond the float
        range raises ``ValueError`` and nothing changes).

        >>> IntervalMeter(BaseInterval(0, 1, 2)) * 1.5
        IntervalMeter:{BaseInterval[0;1]: 3.0}
        """
        factor = check_factor(factor, key="iv_factor")
        return type(self)._from(self._layout.copy(), self._scaled(factor))

    __rmul__ = __mul__

    def __imul__(self: Self, factor: float) -> Self:
        self._replace_with(self * factor)
        return self

    def __truediv__(self: Self, factor: float) -> Self:
        """Divide every weight (each quotient correctly rounded; ``/ 0`` raises
        ``ZeroDivisionError``).

        >>> IntervalMeter(BaseInterval(0, 1, 3)) / 4
        IntervalMeter:{BaseInterval[0;1]: 0.75}
        """
        factor = check_factor(factor)
        if factor == 0:
            raise fail("divide_by_zero")
        return type(self)._from(self._layout.copy(), self._scaled(factor, "/"))

    # -- comparison ---------------------------------------------------------------------
    def __eq__(self, other: object) -> bool:
        if isinstance(other, BaseInterval):
            pieces = list(self)
            return (
                len(pieces) == 1
                and pieces[0].value == 1
                and pieces[0] == other.as_index()
                and other.value == 1
            )
        if type(other) is not type(self):
            return NotImplemented if not isinstance(other, AbstractIntervalCollection) else False
        assert isinstance(other, IntervalMeter)
        if not self._tracks and not other._tracks:
            return True
        return (
            self._layout.discrete == other._layout.discrete
            and _same_domain(self._layout, other._layout)
            and self._tracks == other._tracks
        )

    def __ne__(self, other: object) -> bool:
        eq = self.__eq__(other)
        return eq if eq is NotImplemented else not eq

    def __hash__(self) -> int:
        # one piece: the hash of its unit key, whatever the weight (0.4.0), so a meter
        # equal to an interval hashes like it
        items = self._item_list()
        if len(items) == 1:
            return hash(items[0][0])
        return hash(frozenset(items))

    def key_compare(self, other: Any) -> bool:
        """Whether the sorted weighted pieces come before ``other``'s (0.4.0's ``<``).

        >>> a, b = IntervalMeter([(0, 2)]), IntervalMeter([(1, 3)])
        >>> a.key_compare(b), b.key_compare(a), a.key_compare(a)
        (True, False, False)
        """
        return sorted(self) < sorted(pieces_of(other))

    def __lt__(self, other: Any) -> bool:
        return list(self) < pieces_of(other)

    def __le__(self, other: Any) -> bool:
        return list(self) <= pieces_of(other)

    def __gt__(self, other: Any) -> bool:
        return list(self) > pieces_of(other)

    def __ge__(self, other: Any) -> bool:
        return list(self) >= pieces_of(other)

    def __repr__(self) -> str:
        body = ", ".join(f"{k!r}: {v!r}" for k, v in self.items())
        return f"{type(self).__name__}:{{{body}}}"

    __str__ = __repr__

    # -- conversions ----------------------------------------------------------------------
    def as_meter(self) -> IntervalMeter:
        """A meter with the same pieces.

        >>> IntervalCounter([(0, 2), (1, 3)]).as_meter()
        IntervalMeter:{BaseInterval[0;1]: 1, BaseInterval[1;2]: 2, BaseInterval[2;3]: 1}
        """
        return IntervalMeter._from(
            self._layout.copy(), {t: tr.copy() for t, tr in self._tracks.items()}
        )

    @staticmethod
    def as_my_type(other: AbstractInterval) -> IntervalMeter:
        """``other`` converted to a meter.

        >>> IntervalMeter.as_my_type(BaseInterval(0, 2, 3))
        IntervalMeter:{BaseInterval[0;2]: 3}
        """
        if isinstance(other, IntervalMeter):
            return other.as_meter()
        return IntervalMeter(other if isinstance(other, BaseInterval) else list(other))  # type: ignore[call-overload]


class IntervalCounter(IntervalMeter):
    """Integer counts: totals truncated toward zero, counts below 1 dropped.

    >>> IntervalCounter([BaseInterval(0, 4), BaseInterval(2, 6)])
    IntervalCounter:{BaseInterval[0;2]: 1, BaseInterval[2;4]: 2, BaseInterval[4;6]: 1}
    >>> IntervalCounter([BaseInterval(0, 1, 2.7)])
    IntervalCounter:{BaseInterval[0;1]: 2}
    """

    __slots__ = ()
    _kind: ClassVar[Kind] = "counter"

    def __init__(
        self,
        data: Iterable[BaseInterval] | BaseInterval | None = None,
        *,
        use_rust: bool | None = None,
        nr_digits: int | None = None,
    ) -> None:
        super().__init__(data, use_rust=use_rust, nr_digits=nr_digits)

    def __mul__(self: Self, factor: float) -> Self:
        """Scale the counts: ``int(count * factor)``; a factor ``<= 0`` empties it.

        >>> IntervalCounter([BaseInterval(0, 4), BaseInterval(2, 6)]) * 2.5
        IntervalCounter:{BaseInterval[0;2]: 2, BaseInterval[2;4]: 5, BaseInterval[4;6]: 2}
        """
        factor = check_factor(factor, key="iv_factor")
        if factor <= 0:
            return type(self)._from(self._layout.copy(), {})
        return type(self)._from(self._layout.copy(), self._scaled(factor))

    __rmul__ = __mul__

    def __truediv__(self: Self, factor: Any) -> Self:
        """Divide the counts: ``int(count / factor)``; a factor ``< 0`` empties it.

        >>> IntervalCounter([BaseInterval(0, 4, 6)]) / 4
        IntervalCounter:{BaseInterval[0;4]: 1}
        """
        factor = check_factor(factor)
        if factor == 0:
            raise fail("divide_by_zero")
        if factor < 0:
            return type(self)._from(self._layout.copy(), {})
        return type(self)._from(self._layout.copy(), self._scaled(factor, "/"))

    def _counts(self, values: list[Any]) -> list[Any]:
        return [int(v) for v in values]

    def _coerce_other(self, other: Any, what: str) -> IntervalMeter:
        if isinstance(other, IntervalCounter):
            return other
        return super()._coerce_other(other, what)

    def as_counter(self) -> IntervalCounter:
        """A copy.

        >>> c = IntervalCounter([(0, 2), (1, 3)])
        >>> c.as_counter() == c, c.as_counter() is c
        (True, False)
        """
        return self.copy()

    @staticmethod
    def as_my_type(other: AbstractInterval) -> IntervalCounter:
        """``other`` converted to a counter.

        >>> IntervalCounter.as_my_type(IntervalMeter([(0, 2, 2.5)]))
        IntervalCounter:{BaseInterval[0;2]: 2}
        """
        if isinstance(other, IntervalMeter):
            return IntervalCounter(list(other))
        return IntervalCounter(other if isinstance(other, BaseInterval) else list(other))  # type: ignore[call-overload]

    def _cmp(self, other: Any) -> list[BaseInterval]:
        return (
            list(IntervalCounter.as_my_type(other))
            if not isinstance(other, IntervalCounter)
            else list(other)
        )

    def __lt__(self, other: Any) -> bool:
        return list(self) < self._cmp(other)

    def __le__(self, other: Any) -> bool:
        return list(self) <= self._cmp(other)

    def __gt__(self, other: Any) -> bool:
        return list(self) > self._cmp(other)

    def __ge__(self, other: Any) -> bool:
        return list(self) >= self._cmp(other)


def _same_domain(a: Layout, b: Layout) -> bool:
    return (a.domain or NUMBER).kind == (b.domain or NUMBER).kind


def _check_within(layout: Layout, within: Any, regions: bool = False) -> BaseInterval:
    """A ``within=`` window: an interval of the collection's domain and kind
    (discrete/continuous), checked in 0.4.0's order (``regions``: as ``regions_below``)."""
    if not isinstance(within, BaseInterval):
        raise fail("within_type", value=within)
    kind = layout.discrete is not None and within._discrete != layout.discrete
    if kind and regions:
        raise fail("within_kind")
    if layout.domain is not None and domain_of(within.start).kind != layout.domain.kind:
        a, b = describe(domain_of(within.start)), describe(layout.domain)
        if regions:
            raise fail("coords_domain", what="clip to", a=a, b=b)
        raise fail("within_domain", a=a, b=b)
    if kind:
        raise fail("within_kind")
    return within
