"""`IntervalMeter` (summed weights) and `IntervalCounter` (integer counts).

Both are step functions stored as sorted columns (see ``_tracks``); lookups are
``bisect`` (O(log n)), updates re-sweep only the stretch they touch, and the stored form
is canonical whatever the history.
"""

from __future__ import annotations

import heapq
import math
from bisect import bisect_left
from collections import Counter
from collections.abc import Iterable, Iterator
from datetime import datetime, timedelta
from typing import Any

from . import _backend
from ._arrays import (
    as_numpy,
    build_from_arrays,
    frame_columns,
    key_points,
    keys_to_numpy,
    keys_to_pandas,
    lookup_many,
    require,
)
from ._coords import (
    NUMBER,
    check_coordinate,
    check_factor,
    check_nr_digits,
    check_value,
    domain_of,
    key_of,
)
from ._errors import InvalidTypeError
from ._lattice import divide, exact
from ._sweep import Kind
from ._tracks import Layout, Track, build_tracks, canonical, gather
from .abstract_interval import AbstractIntervalCollection
from .base_interval import BaseInterval, as_interval

__all__ = ["IntervalCounter", "IntervalMeter"]


class IntervalMeter(AbstractIntervalCollection):
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

    __slots__ = ("__weakref__", "_layout", "_tracks")
    _kind: Kind = "meter"
    __hash__: Any

    def __init__(
        self,
        data: Any = None,
        skip_combine: bool = False,
        use_rust: bool | None = None,
        nr_digits: int | None = None,
    ) -> None:
        check_nr_digits(nr_digits)
        _backend.check_use_rust(use_rust)
        layout, cols = gather(data, type(self).__name__, nr_digits)
        self._layout = layout
        self._tracks = _backend.build(cols, self._kind, use_rust)

    # -- construction helpers -------------------------------------------------------
    @classmethod
    def _from(cls, layout: Layout, tracks: dict[Any, Track]) -> Any:
        new = object.__new__(cls)
        new._layout = layout
        new._tracks = {t: tr for t, tr in tracks.items() if len(tr)}
        return new

    def copy(self) -> Any:
        """An independent copy.

        >>> m = IntervalMeter(BaseInterval(0, 1)); c = m.copy(); c.update(BaseInterval(0, 1))
        >>> m, c
        (IntervalMeter:{BaseInterval[0;1]: 1}, IntervalMeter:{BaseInterval[0;1]: 2})
        """
        return type(self)._from(
            self._layout.copy(), {t: tr.copy() for t, tr in self._tracks.items()}
        )

    def _pieces(self) -> Iterator[tuple[Any, Any, Any, Any]]:
        for t, tr in self._tracks.items():
            yield from ((t, a, b, v) for a, b, v in zip(tr.starts, tr.stops, tr.values))

    # -- container protocol ---------------------------------------------------------
    def __len__(self) -> int:
        return sum(len(tr) for tr in self._tracks.values())

    def __iter__(self) -> Iterator[BaseInterval]:
        """The weighted pieces in order.

        >>> list(IntervalMeter([BaseInterval(0, 4), BaseInterval(2, 6)]))
        [BaseInterval[0;2], BaseInterval[2;4;2], BaseInterval[4;6]]
        """
        interval = self._layout.interval
        for t, a, b, v in self._pieces():
            yield interval(t, a, b, v)

    def keys(self) -> list[BaseInterval]:
        """The pieces with value 1 (the ``Counter`` keys of 0.4.0).

        >>> IntervalMeter([(0, 2, 3), (1, 3)]).keys()
        [BaseInterval[0;1], BaseInterval[1;2], BaseInterval[2;3]]
        """
        interval = self._layout.interval
        return [interval(t, a, b, 1) for t, a, b, _ in self._pieces()]

    def values(self) -> list[Any]:
        """The weights, in piece order.

        >>> IntervalMeter([(0, 2, 3), (1, 3)]).values()
        [3, 4, 1]
        """
        return [v for *_, v in self._pieces()]

    def items(self) -> list[tuple[BaseInterval, Any]]:
        """``(key, weight)`` pairs in piece order.

        >>> IntervalMeter(BaseInterval(0, 1, 3)).items()
        [(BaseInterval[0;1], 3)]
        """
        interval = self._layout.interval
        return [(interval(t, a, b, 1), v) for t, a, b, v in self._pieces()]

    @property
    def data(self) -> Counter[BaseInterval]:
        """A ``Counter`` of unit-valued pieces to weights (a snapshot, built on demand).

        >>> IntervalMeter([(0, 2, 3), (1, 3)]).data
        Counter({BaseInterval[1;2]: 4, BaseInterval[0;1]: 3, BaseInterval[2;3]: 1})
        """
        return Counter(dict(self.items()))

    @data.setter
    def data(self, mapping: Any) -> None:
        self.set_data(mapping)

    def set_data(self, mapping: Any) -> None:
        """Replace the content by a mapping of intervals to weights (recombined).

        >>> m = IntervalMeter(); m.set_data({BaseInterval(0, 2): 3}); m
        IntervalMeter:{BaseInterval[0;2]: 3}
        """
        if not hasattr(mapping, "items"):
            raise TypeError(f"set_data needs a mapping of intervals to weights, got {mapping!r}")
        ivs = [
            as_interval(k, "each key").with_value(check_value(w, "each weight"))
            for k, w in mapping.items()
        ]
        fresh = type(self)(ivs)
        self._layout, self._tracks = fresh._layout, fresh._tracks

    @property
    def bounds(self) -> tuple[Any, Any] | None:
        """``(min start, max stop)`` or ``None`` when empty. O(number of lattices).

        >>> IntervalMeter([(0, 2), (5, 7)]).bounds, IntervalMeter().bounds
        ((0, 7), None)
        """
        if not self._tracks:
            return None
        lay = self._layout
        firsts = [(lay.coordinate(t, tr.starts[0])) for t, tr in self._tracks.items()]
        lasts = [
            lay.coordinate(t, tr.stops[-1] - (t is not None)) for t, tr in self._tracks.items()
        ]
        return min(firsts, key=key_of), max(lasts, key=key_of)

    # -- lookups --------------------------------------------------------------------
    def _value_at_key(self, x: Any) -> Any:
        """The value at a checked coordinate: left piece wins at a shared boundary."""
        total: Any = 0
        for t, tr in self._tracks.items():
            if t is None:
                i = tr.find(key_of(x))
                if i >= 0:
                    return tr.values[i]
                return 0
            k = _lattice_index(t, x)
            if k is not None:
                i = tr.find_half_open(k)
                if i >= 0:
                    total = total + tr.values[i]
        return total

    def _check_point(self, x: Any) -> Any:
        try:
            x = check_coordinate(x, "x")
        except TypeError as exc:
            raise InvalidTypeError(
                f"cannot look up {x!r} in a {type(self).__name__}: {exc}"
            ) from None
        if self._layout.domain is not None and domain_of(x).kind != self._layout.domain.kind:
            raise InvalidTypeError(
                f"cannot look up {x!r} in a {type(self).__name__} "
                f"of {self._layout.domain.describe()}"
            )
        return x

    def _check_interval(self, x: Any) -> BaseInterval:
        iv = as_interval(x, "key")
        dom = self._layout.domain
        if dom is not None and domain_of(iv.start).kind != dom.kind:
            raise InvalidTypeError(
                f"cannot look up {iv!r} in a {type(self).__name__} of {dom.describe()}"
            )
        return iv

    def __getitem__(self, x: Any) -> Any:
        """The value at a coordinate (0 when uncovered); see ``docs`` for intervals.

        For an interval: the weight of the piece containing it, divided by the query's
        value, or 0 when no single piece contains it (0.4.0 behaviour, kept).

        >>> m = IntervalMeter([BaseInterval(0, 1), BaseInterval(1, 2, 3)])
        >>> m[1], m[1.5], m[BaseInterval(1.2, 1.8)]
        (1, 3, 3.0)
        """
        if isinstance(x, (BaseInterval, tuple)):
            iv = self._check_interval(x)
            piece = self._piece_containing(iv)
            if piece is None:
                return 0
            return piece.value / iv.value
        return self._value_at_key(self._check_point(x))

    def _piece_containing(self, iv: BaseInterval) -> BaseInterval | None:
        """The piece containing ``iv``: at a shared boundary a point query takes the left
        piece (W6), a query of positive length the piece it extends into."""
        tr = self._tracks.get(None)
        if tr is not None and not iv._discrete:
            try:
                ka, kb = key_of(iv.start), key_of(iv.stop)
                i = tr.find(ka) if ka == kb else tr.find_half_open(ka)
            except TypeError:
                return None
            if i >= 0 and kb <= tr.stops[i]:
                return self._layout.interval(None, tr.starts[i], tr.stops[i], tr.values[i])
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
                    out.append(self._layout.interval(t, tr.starts[i], tr.stops[i], tr.values[i]))
            else:
                k = _lattice_index(t, x)
                if k is not None:
                    i = tr.find_half_open(k)
                    if i >= 0:
                        out.append(
                            self._layout.interval(t, tr.starts[i], tr.stops[i], tr.values[i])
                        )
        return out

    def values_at(self, points: Iterable[Any]) -> Any:
        """Values at many points (left piece wins at boundaries). O(k log n).

        NumPy/pandas/pyarrow points (numbers or ``datetime64``) give a NumPy array,
        computed without a Python object per point; anything else gives a list.

        >>> IntervalMeter([BaseInterval(0, 4), BaseInterval(2, 6)]).values_at([1, 3, 9])
        [1, 2, 0]
        """
        np, keys = key_points(points, self._layout.domain)
        tr = self._tracks.get(None)
        if np is None:
            points = points if isinstance(points, list) else list(points)
            if tr is not None and _plain_numbers(points):
                return _lookup_list(tr, points)
            return [self._value_at_key(self._check_point(x)) for x in points]
        if self._layout.discrete:
            return np.asarray(self.values_at(list(_numpy_points(points))))
        if tr is None:
            return np.zeros(len(keys), dtype=np.int64)
        idx, hit = lookup_many(tr.starts, tr.stops, keys, np)
        values = as_numpy(tr.values, np)
        return np.where(hit, values[idx], values.dtype.type(0))

    # -- columns in and out -------------------------------------------------------------
    @classmethod
    def from_arrays(
        cls, starts: Any, stops: Any, values: Any = None, *, use_rust: bool | None = None
    ) -> Any:
        """Build from columns: lists, ``array``, NumPy (numbers, ``datetime64``), pandas
        Series or pyarrow arrays. Numeric columns reach the kernel without a Python object
        per interval; NaN/NaT, length mismatches and reversed bounds raise ``ValueError``.

        >>> IntervalMeter.from_arrays([0, 2], [4, 6], [1, 3])
        IntervalMeter:{BaseInterval[0;2]: 1, BaseInterval[2;4]: 4, BaseInterval[4;6]: 3}
        """
        layout, tracks = build_from_arrays(starts, stops, values, cls._kind, use_rust, cls.__name__)
        return cls._from(layout, tracks)

    @classmethod
    def from_pandas(
        cls,
        df: Any,
        start: str = "start",
        stop: str = "stop",
        value: str | None = None,
        *,
        use_rust: bool | None = None,
    ) -> Any:
        """Build from the named columns of a DataFrame (``value=None``: weight 1 each).

        >>> import pandas as pd
        >>> df = pd.DataFrame({"a": [0, 2], "b": [4, 6]})
        >>> IntervalMeter.from_pandas(df, start="a", stop="b")
        IntervalMeter:{BaseInterval[0;2]: 1, BaseInterval[2;4]: 2, BaseInterval[4;6]: 1}
        """
        return cls.from_arrays(*frame_columns(df, start, stop, value), use_rust=use_rust)

    def to_arrays(self) -> tuple[Any, Any, Any]:
        """``(starts, stops, values)`` as NumPy arrays (datetimes as ``datetime64[us]``,
        aware ones in UTC). Needs NumPy.

        >>> [a.tolist() for a in IntervalMeter([(0, 4), (2, 6)]).to_arrays()]
        [[0, 2, 4], [2, 4, 6], [1, 2, 1]]
        """
        starts, stops, values = self._columns()
        dom = self._layout.domain
        np = require("numpy", "numpy", "to_arrays()")
        return keys_to_numpy(starts, dom), keys_to_numpy(stops, dom), np.asarray(values)

    def to_pandas(self) -> Any:
        """A DataFrame with columns ``start``, ``stop``, ``value``. Needs pandas.

        >>> IntervalMeter([(0, 4), (2, 6)]).to_pandas()
           start  stop  value
        0      0     2      1
        1      2     4      2
        2      4     6      1
        """
        pd = require("pandas", "pandas", "to_pandas()")
        starts, stops, values = self._columns()
        dom = self._layout.domain
        return pd.DataFrame(
            {
                "start": keys_to_pandas(starts, dom),
                "stop": keys_to_pandas(stops, dom),
                "value": values,
            }
        )

    def to_arrow(self) -> Any:
        """A pyarrow Table ``start``, ``stop``, ``value`` from the stored columns (no
        object per piece; datetimes as ``timestamp[us]`` in the collection's zone).

        >>> IntervalMeter([(0, 4), (2, 6)]).to_arrow().to_pydict()
        {'start': [0, 2, 4], 'stop': [2, 4, 6], 'value': [1, 2, 1]}
        """
        from ._arrow import table

        s, e, v = self._columns()
        return table({"start": s, "stop": e, "value": v}, self._layout.domain, "to_arrow()")

    @classmethod
    def from_arrow(
        cls,
        table: Any,
        start: str = "start",
        stop: str = "stop",
        value: str | None = None,
        *,
        use_rust: bool | None = None,
    ) -> Any:
        """Build from the named columns of a pyarrow Table (``value=None``: weight 1 each).

        >>> import pyarrow as pa
        >>> IntervalMeter.from_arrow(pa.table({"a": [0, 2], "b": [4, 6]}), "a", "b")
        IntervalMeter:{BaseInterval[0;2]: 1, BaseInterval[2;4]: 2, BaseInterval[4;6]: 1}
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
    ) -> Any:
        """Build from the named columns of a polars DataFrame, through Arrow.

        >>> import polars as pl
        >>> IntervalMeter.from_polars(pl.DataFrame({"start": [0, 2], "stop": [4, 6]}))
        IntervalMeter:{BaseInterval[0;2]: 1, BaseInterval[2;4]: 2, BaseInterval[4;6]: 1}
        """
        from ._arrow import frame_columns_arrow

        cols = frame_columns_arrow(df, start, stop, value, "from_polars()")
        return cls.from_arrays(*cols, use_rust=use_rust)

    def to_polars(self) -> Any:
        """A polars DataFrame ``start``, ``stop``, ``value`` (through :meth:`to_arrow`).

        >>> IntervalMeter([(0, 4), (2, 6)]).to_polars()["value"].to_list()
        [1, 2, 1]
        """
        pl = require("polars", "polars", "to_polars()")
        return pl.from_arrow(self.to_arrow())

    def _columns(self) -> tuple[list[Any], list[Any], list[Any]]:
        """Stored columns as keys (continuous) or first/last point keys (discrete)."""
        if not self._layout.discrete:
            tr = self._tracks.get(None)
            return (tr.starts[:], tr.stops[:], tr.values[:]) if tr else ([], [], [])
        pieces = list(self)
        return (
            [key_of(p.start) for p in pieces],
            [key_of(p.stop) for p in pieces],
            [p.value for p in pieces],
        )

    def __contains__(self, x: Any) -> bool:
        """Whether a coordinate or interval is covered by some piece."""
        if isinstance(x, BaseInterval):
            return self._piece_containing(self._check_interval(x)) is not None
        x = self._check_point(x)
        return bool(self._candidates(x))

    def find_which_contains(self, x: Any) -> BaseInterval | bool:
        """The first stored key containing ``x``, or ``False``.

        >>> m = IntervalMeter([(0, 2), (1, 3)])
        >>> m.find_which_contains(2.5), m.find_which_contains(9)
        (BaseInterval[2;3], False)
        """
        if isinstance(x, BaseInterval):
            piece = self._piece_containing(x)
        else:
            found = self._candidates(self._check_point(x))
            piece = found[0] if found else None
        return piece.as_index() if piece is not None else False

    # -- Counter-like API -------------------------------------------------------------
    def _locate(self, key: Any) -> tuple[Any, int] | None:
        iv = as_interval(key, "key")
        for piece_t, tr in self._tracks.items():
            for i in range(len(tr)):
                if self._layout.interval(piece_t, tr.starts[i], tr.stops[i], 1) == iv.as_index():
                    return piece_t, i
        return None

    def get(self, key: Any, default: Any = None) -> Any:
        """The weight of an exactly stored piece, else ``default``.

        >>> m = IntervalMeter([(0, 2), (1, 3)])
        >>> m.get(BaseInterval(1, 2)), m.get(BaseInterval(0, 3), 0)
        (2, 0)
        """
        loc = self._locate(key)
        return default if loc is None else self._tracks[loc[0]].values[loc[1]]

    def pop(self, key: Any, *default: Any) -> Any:
        """Remove an exactly stored piece and return its weight.

        >>> m = IntervalMeter([BaseInterval(0, 1), BaseInterval(2, 3, 2)])
        >>> m.pop(BaseInterval(2, 3)), m
        (2, IntervalMeter:{BaseInterval[0;1]: 1})
        """
        loc = self._locate(key)
        if loc is None:
            if default:
                return default[0]
            raise KeyError(key)
        tr = self._tracks[loc[0]]
        value = tr.values[loc[1]]
        del tr.starts[loc[1]], tr.stops[loc[1]], tr.values[loc[1]]
        if not len(tr):
            del self._tracks[loc[0]]
        return value

    def popitem(self) -> tuple[BaseInterval, Any]:
        """Remove and return the last piece as ``(key, weight)``.

        >>> m = IntervalMeter([(0, 2), (1, 3)])
        >>> m.popitem(), m
        ((BaseInterval[2;3], 1), IntervalMeter:{BaseInterval[0;1]: 1, BaseInterval[1;2]: 2})
        """
        if not self._tracks:
            raise KeyError(f"popitem(): {type(self).__name__} is empty")
        t = list(self._tracks)[-1]
        tr = self._tracks[t]
        item = (self._layout.interval(t, tr.starts[-1], tr.stops[-1], 1), tr.values[-1])
        tr.starts.pop(), tr.stops.pop(), tr.values.pop()
        if not len(tr):
            del self._tracks[t]
        return item

    def setdefault(self, key: Any, default: Any = 1) -> Any:
        """The weight of a stored piece; else add ``key`` with weight ``default``.

        >>> m = IntervalMeter([(0, 2, 3)])
        >>> m.setdefault(BaseInterval(0, 2)), m.setdefault(BaseInterval(5, 6), 4), m
        (3, 4, IntervalMeter:{BaseInterval[0;2]: 3, BaseInterval[5;6]: 4})
        """
        found = self.get(key)
        if found is not None:
            return found
        self.update(as_interval(key, "key").with_value(default))
        return default

    def clear(self) -> None:
        """Remove everything.

        >>> m = IntervalMeter([(0, 2)]); m.clear(); m
        IntervalMeter:{}
        """
        self._tracks = {}
        self._layout = Layout(None, None)

    def elements(self) -> Iterator[BaseInterval]:
        """Each key repeated as often as its (whole-number) weight.

        >>> list(IntervalMeter([BaseInterval(0, 2), BaseInterval(1, 3)]).elements())
        [BaseInterval[0;1], BaseInterval[1;2], BaseInterval[1;2], BaseInterval[2;3]]
        """
        items = self.items()
        for _, w in items:
            if isinstance(w, float) and not w.is_integer():
                raise ValueError(f"elements() needs whole-number weights, got {w!r}")
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
        interval = self._layout.interval
        return [(interval(t, a, b, 1), v) for t, a, b, v in (pieces[i] for i in order)]

    def total(self) -> Any:
        """Sum of the weights (``Counter.total``).

        >>> IntervalMeter([(0, 2, 3), (1, 3)]).total()
        8
        """
        vals = self.values()
        if any(type(v) is float for v in vals):
            return math.fsum(vals)
        return sum(vals)

    # -- lengths and support ------------------------------------------------------------
    def _length(self, t: Any, a: Any, b: Any) -> Any:
        return b - a if t is None else 0

    def total_length(self) -> Any:
        """Σ piece length × weight (``timedelta`` for datetimes, 0 for discrete).

        >>> IntervalMeter([BaseInterval(0, 4), BaseInterval(2, 6)]).total_length()
        8
        """
        if self._layout.discrete:
            return 0
        tr = self._tracks.get(None)
        if tr is None:
            return self._zero_length()
        total = _exact_sum((b - a) * v for a, b, v in zip(tr.starts, tr.stops, tr.values))
        return self._as_length(total)

    def _zero_length(self) -> Any:
        d = self._layout.domain
        return timedelta(0) if d is not None and d.kind != "number" else 0

    def _as_length(self, k: Any) -> Any:
        d = self._layout.domain
        if d is not None and d.kind != "number":
            return timedelta(microseconds=k)
        return k

    def get_length(self, iv: Any = None) -> Any:
        """:meth:`total_length`, or ``self[iv] * iv.get_length()`` for an interval.

        >>> m = IntervalMeter([(0, 2, 3), (1, 3)])
        >>> m.get_length(), m.get_length(BaseInterval(1, 2))
        (8, 4.0)
        """
        if iv is None:
            return self.total_length()
        iv = as_interval(iv, "iv")
        return self[iv] * iv.get_length()

    @property
    def support(self) -> Any:
        """The covered geometry as an ``IntervalSet``.

        >>> IntervalMeter([BaseInterval(0, 2), BaseInterval(2, 3, 5)]).support
        IntervalSet:{BaseInterval[0;3]}
        """
        return self._regions(lambda v: True)

    def coverage_length(self) -> Any:
        """Length of the support (continuous only).

        >>> IntervalMeter([BaseInterval(0, 4), BaseInterval(2, 6)]).coverage_length()
        6
        """
        if self._layout.discrete:
            raise TypeError(
                "coverage_length() needs continuous intervals; use support_point_count()"
            )
        tr = self._tracks.get(None)
        if tr is None:
            return self._zero_length()
        return self._as_length(_exact_sum(b - a for a, b in zip(tr.starts, tr.stops)))

    def support_point_count(self) -> int:
        """Number of distinct covered points (discrete only).

        >>> from intervalues import BaseDiscreteInterval
        >>> m = IntervalMeter([BaseDiscreteInterval(0, 4), BaseDiscreteInterval(3, 6)])
        >>> m.support_point_count()
        7
        """
        if not self._layout.discrete:
            if self._tracks:
                raise TypeError(
                    "support_point_count() needs discrete intervals; use coverage_length()"
                )
            return 0
        return self.support.support_point_count()

    # -- statistics -----------------------------------------------------------------------
    def _weighted(self, within: Any) -> list[tuple[Any, Any]]:
        """``(value, measure)`` pairs over the domain (``within`` adds uncovered zeros)."""
        from ._statistics import weighted_values

        return weighted_values(self, within)

    def average_value(self, within: Any = None) -> Any:
        """Measure-weighted mean of the weights; with ``within`` uncovered parts count 0.

        >>> m = IntervalMeter([BaseInterval(0, 4), BaseInterval(2, 6)])
        >>> round(m.average_value(), 4), m.average_value(BaseInterval(0, 8))
        (1.3333, 1.0)
        """
        from ._statistics import average

        return average(self._weighted(within))

    def minimum_value(self, within: Any = None) -> Any:
        """Smallest weight over the domain (0 counts where ``within`` is uncovered).

        >>> m = IntervalMeter([(0, 2, 3), (1, 3)])
        >>> m.minimum_value(), m.minimum_value(within=BaseInterval(0, 5))
        (1, 0)
        """
        if within is None and self._tracks:
            return min(min(tr.values) for tr in self._tracks.values())
        return min(v for v, _ in self._nonempty(within))

    def maximum_value(self, within: Any = None) -> Any:
        """Largest weight over the domain.

        >>> IntervalMeter([BaseInterval(0, 4), BaseInterval(2, 6)]).maximum_value()
        2
        """
        if within is None and self._tracks:
            return max(max(tr.values) for tr in self._tracks.values())
        return max(v for v, _ in self._nonempty(within))

    def median_value(self, within: Any = None) -> Any:
        """Measure-weighted median of the weights (a central tie averages the two).

        >>> IntervalMeter([BaseInterval(0, 4), BaseInterval(2, 6)]).median_value()
        1
        """
        from ._statistics import median

        return median(self._nonempty(within))

    def mode_value(self, within: Any = None) -> tuple[Any, ...]:
        """The weights covering the most measure (all of them when tied), ascending.

        >>> IntervalMeter([BaseInterval(0, 4), BaseInterval(2, 6)]).mode_value()
        (1,)
        """
        from ._statistics import mode

        return mode(self._nonempty(within))

    def _nonempty(self, within: Any) -> list[tuple[Any, Any]]:
        pairs = self._weighted(within)
        if not pairs:
            raise ValueError(
                f"statistics of an empty {type(self).__name__} need a non-empty within"
            )
        return pairs

    def regions_at_least(self, minimum: Any) -> Any:
        """``IntervalSet`` of the pieces with weight ``>= minimum``.

        >>> IntervalMeter([BaseInterval(0, 4), BaseInterval(2, 6)]).regions_at_least(2)
        IntervalSet:{BaseInterval[2;4]}
        """

        minimum = _check_threshold(minimum, "minimum")
        return self._regions(lambda v: v >= minimum)

    def _regions(self, keep: Any) -> Any:
        """``IntervalSet`` of the pieces whose value satisfies ``keep`` (from the columns)."""
        from .interval_set import IntervalSet

        tr = self._tracks.get(None)
        if self._layout.discrete or tr is None:
            return IntervalSet([iv.with_value(1) for iv in self if keep(iv.value)])
        starts: list[Any] = []
        stops: list[Any] = []
        for a, b, v in zip(tr.starts, tr.stops, tr.values):
            if keep(v):
                if stops and stops[-1] == a:
                    stops[-1] = b
                else:
                    starts.append(a)
                    stops.append(b)
        return IntervalSet._make(Layout(self._layout.domain, False), starts, stops)

    def regions_below(self, maximum: Any, within: Any = None) -> Any:
        """Pieces with weight ``< maximum``; ``within`` adds uncovered parts if ``maximum > 0``.

        >>> m = IntervalMeter([BaseInterval(0, 4), BaseInterval(2, 6)])
        >>> m.regions_below(2, within=BaseInterval(-2, 8))
        IntervalSet:{BaseInterval[-2;2], BaseInterval[4;8]}
        """
        from .interval_set import IntervalSet

        maximum = _check_threshold(maximum, "maximum")
        low = self._regions(lambda v: v < maximum)
        if within is None:
            return low
        window = IntervalSet(_check_within(self, within).with_value(1))
        low = low & window
        if maximum > 0:
            low = low | (window - self.support)
        return low

    def integrate(self, a: Any, b: Any) -> Any:
        """∫ of the step function over ``[a, b]`` (continuous only).

        >>> IntervalMeter([BaseInterval(0, 4), BaseInterval(2, 6)]).integrate(1, 3)
        3
        """
        if self._layout.discrete:
            raise TypeError("integrate() needs continuous intervals")
        window = BaseInterval(a, b)
        ka, kb = key_of(window.start), key_of(window.stop)
        tr = self._tracks.get(None)
        if tr is None:
            return self._zero_length()
        total = _exact_sum(
            (min(e, kb) - max(s, ka)) * v
            for s, e, v in zip(tr.starts, tr.stops, tr.values)
            if s < kb and e > ka
        )
        return self._as_length(total)

    # -- updates ----------------------------------------------------------------------------
    def _coerce_other(self, other: Any, what: str) -> IntervalMeter:
        if isinstance(other, IntervalMeter):
            return other
        if isinstance(other, AbstractIntervalCollection):
            return IntervalMeter(list(other))
        if isinstance(other, (BaseInterval, tuple)):
            return IntervalMeter(other)
        raise InvalidTypeError(
            f"{what} needs an interval or an interval collection, "
            f"not {type(other).__name__} ({other!r})"
        )

    def update(self, other: Any, times: Any = 1) -> None:
        """Add an interval or collection (scaled by ``times``) in place.

        Only the stretch the new pieces touch is re-swept: O(log n + k log k).

        >>> m = IntervalMeter(BaseInterval(0, 1)); m.update(BaseInterval(1, 2)); m
        IntervalMeter:{BaseInterval[0;2]: 1}
        """
        times = check_factor(times, "times")
        add = self._coerce_other(other, "update")
        layout = self._layout.copy()
        layout.merge(add._layout, type(self).__name__)
        tracks = {t: tr.copy() for t, tr in self._tracks.items()}
        for t, tr in add._tracks.items():
            vals = tr.values if times == 1 else [v * times for v in tr.values]
            mine = tracks.get(t)
            if mine is None:
                mine = tracks[t] = Track([], [], [])
            if len(mine):
                mine.add(tr.starts, tr.stops, vals, self._kind)
            else:
                fresh = build_tracks({t: (tr.starts, tr.stops, vals)}, self._kind)
                if t in fresh:
                    tracks[t] = fresh[t]
        self._layout = layout
        self._tracks = dict(
            sorted(
                ((t, tr) for t, tr in tracks.items() if len(tr)),
                key=lambda kv: (0, 0, 0) if kv[0] is None else (1, *kv[0]),
            )
        )

    def update_meter(self, other: Any, times: Any = 1, one_by_one: bool = False) -> None:
        """Compatibility name for :meth:`update`.

        >>> m = IntervalMeter([(0, 2)]); m.update_meter(IntervalMeter([(1, 3)]), times=2); m
        IntervalMeter:{BaseInterval[0;1]: 1, BaseInterval[1;2]: 3, BaseInterval[2;3]: 2}
        """
        self.update(other, times)

    def update_interval(self, other: Any, times: Any = 1) -> None:
        """Compatibility name for :meth:`update` with one interval.

        >>> m = IntervalMeter([(0, 2)]); m.update_interval(BaseInterval(1, 3)); m
        IntervalMeter:{BaseInterval[0;1]: 1, BaseInterval[1;2]: 2, BaseInterval[2;3]: 1}
        """
        self.update(as_interval(other, "other"), times)

    def check_intervals(self) -> bool:
        """Compatibility: the stored form is always canonical, so this is always ``True``.

        >>> IntervalMeter([(0, 2), (1, 3)]).check_intervals()
        True
        """
        self._check()
        return True

    def align_intervals(self) -> None:
        """Compatibility: a no-op (pieces are always aligned).

        >>> m = IntervalMeter([(0, 2), (1, 3)]); m.align_intervals(); m
        IntervalMeter:{BaseInterval[0;1]: 1, BaseInterval[1;2]: 2, BaseInterval[2;3]: 1}
        """

    def _check(self) -> None:
        """Assert every invariant of the canonical form (used by the tests)."""
        for t, tr in self._tracks.items():
            n = len(tr.starts)
            assert n == len(tr.stops) == len(tr.values) and n > 0
            for i in range(n):
                assert tr.starts[i] < tr.stops[i], (t, i)
                assert tr.values[i] != 0, (t, i)
                if i:
                    assert tr.stops[i - 1] <= tr.starts[i], (t, i)
                    assert not (
                        tr.stops[i - 1] == tr.starts[i] and tr.values[i - 1] == tr.values[i]
                    )

    def subtract(self, other: Any) -> None:
        """In-place ``-=``.

        >>> m = IntervalMeter([(0, 4, 2)]); m.subtract(IntervalMeter([(1, 2)])); m
        IntervalMeter:{BaseInterval[0;1]: 2, BaseInterval[1;2]: 1, BaseInterval[2;4]: 2}
        """
        self.update(other, -1)

    def __add__(self, other: Any) -> Any:
        """Sum with an interval or collection (result: this type).

        >>> IntervalMeter([BaseInterval(0, 4), BaseInterval(2, 6)]) + BaseInterval(4, 9)
        IntervalMeter:{BaseInterval[0;2]: 1, BaseInterval[2;6]: 2, BaseInterval[6;9]: 1}
        """
        new = self.copy()
        try:
            new.update(other)
        except InvalidTypeError:
            return NotImplemented
        return new

    def __radd__(self, other: Any) -> Any:
        if isinstance(other, int) and not isinstance(other, bool) and other == 0:
            return self.copy()
        return self.__add__(other)

    def __iadd__(self, other: Any) -> Any:
        self.update(other)
        return self

    def __sub__(self, other: Any) -> Any:
        """Difference with an interval or collection.

        >>> IntervalMeter([BaseInterval(0, 4), BaseInterval(2, 6)]) - BaseInterval(0, 6)
        IntervalMeter:{BaseInterval[2;4]: 1}
        """
        new = self.copy()
        try:
            new.update(other, -1)
        except InvalidTypeError:
            return NotImplemented
        return new

    def __rsub__(self, other: Any) -> Any:
        """``interval - collection``: the collection subtracted from the interval (W7)."""
        base = type(self)(as_interval(other, "other"))
        return base - self

    def __isub__(self, other: Any) -> Any:
        self.update(other, -1)
        return self

    def _scaled(self, factor: Any) -> dict[Any, Track]:
        out = {}
        for t, tr in self._tracks.items():
            scaled = canonical(Track(tr.starts[:], tr.stops[:], [v * factor for v in tr.values]))
            if len(scaled):
                out[t] = scaled
        return out

    def __mul__(self, factor: Any) -> Any:
        """Scale every weight (``* 0`` gives an empty meter).

        >>> IntervalMeter(BaseInterval(0, 1, 2)) * 1.5
        IntervalMeter:{BaseInterval[0;1]: 3.0}
        """
        factor = check_factor(factor)
        return type(self)._from(self._layout.copy(), self._scaled(factor))

    __rmul__ = __mul__

    def __imul__(self, factor: Any) -> Any:
        new = self * factor
        self._layout, self._tracks = new._layout, new._tracks
        return self

    def __truediv__(self, factor: Any) -> Any:
        """Divide every weight."""
        return self * (1 / check_factor(factor))

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
        if not self._tracks and not other._tracks:  # type: ignore[attr-defined]
            return True
        return (
            self._layout.discrete == other._layout.discrete  # type: ignore[attr-defined]
            and _same_domain(self._layout, other._layout)  # type: ignore[attr-defined]
            and self._tracks == other._tracks  # type: ignore[attr-defined]
        )

    def __ne__(self, other: object) -> bool:
        eq = self.__eq__(other)
        return eq if eq is NotImplemented else not eq

    def __hash__(self) -> int:  # type: ignore[override]
        pieces = list(self)
        if len(pieces) == 1 and pieces[0].value == 1:
            return hash(pieces[0])
        return hash(frozenset(self.items()))

    def key_compare(self, other: Any) -> int:
        """-1, 0 or 1 comparing the sorted weighted pieces lexicographically.

        >>> a, b = IntervalMeter([(0, 2)]), IntervalMeter([(1, 3)])
        >>> a.key_compare(b), b.key_compare(a), a.key_compare(a)
        (-1, 1, 0)
        """
        a, b = list(self), _pieces_of(other)
        return (a > b) - (a < b)

    def __lt__(self, other: Any) -> bool:
        return list(self) < _pieces_of(other)

    def __le__(self, other: Any) -> bool:
        return list(self) <= _pieces_of(other)

    def __gt__(self, other: Any) -> bool:
        return list(self) > _pieces_of(other)

    def __ge__(self, other: Any) -> bool:
        return list(self) >= _pieces_of(other)

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
    def as_my_type(other: Any) -> IntervalMeter:
        """``other`` converted to a meter.

        >>> IntervalMeter.as_my_type(BaseInterval(0, 2, 3))
        IntervalMeter:{BaseInterval[0;2]: 3}
        """
        if isinstance(other, IntervalMeter):
            return other.as_meter()
        return IntervalMeter(other if isinstance(other, BaseInterval) else list(other))

    def plot(self, ax: Any = None, **kwargs: Any) -> Any:
        """Draw this collection with matplotlib and return the Axes.

        Needs ``pip install 'intervalues[plot]'``; see ``intervalues.plotting.plot_steps``.

        >>> from matplotlib.figure import Figure
        >>> ax = IntervalCounter([(0, 2), (1, 3)]).plot(ax=Figure().add_subplot())
        >>> ax.lines[0].get_ydata().tolist()
        [0, 1, 2, 1, 0]
        """
        from .plotting import plot_steps

        return plot_steps(self, ax=ax, **kwargs)

    # -- time zones ---------------------------------------------------------------------------
    def to_timezone(
        self, tz: Any, *, remove_timezone: bool = False, fold: int | None = None
    ) -> Any:
        """A copy with every piece converted to another zone (see ``BaseInterval``).

        >>> from datetime import timezone
        >>> m = IntervalMeter([(datetime(2024, 1, 1), datetime(2024, 1, 2))])
        >>> m.to_timezone(timezone.utc).min()
        datetime.datetime(2024, 1, 1, 0, 0, tzinfo=datetime.timezone.utc)
        """
        converted = [iv.to_timezone(tz, remove_timezone=remove_timezone, fold=fold) for iv in self]
        if not converted:
            return self.copy()
        return type(self)(converted)

    def convert_timezone_inplace(
        self, tz: Any, *, remove_timezone: bool = False, fold: int | None = None
    ) -> None:
        """:meth:`to_timezone` in place; unchanged on failure.

        >>> from datetime import timezone
        >>> m = IntervalMeter([(datetime(2024, 1, 1), datetime(2024, 1, 2))])
        >>> m.convert_timezone_inplace(timezone.utc); m.min()
        datetime.datetime(2024, 1, 1, 0, 0, tzinfo=datetime.timezone.utc)
        """
        new = self.to_timezone(tz, remove_timezone=remove_timezone, fold=fold)
        self._layout, self._tracks = new._layout, new._tracks


class IntervalCounter(IntervalMeter):
    """Integer counts: totals truncated toward zero, counts below 1 dropped.

    >>> IntervalCounter([BaseInterval(0, 4), BaseInterval(2, 6)])
    IntervalCounter:{BaseInterval[0;2]: 1, BaseInterval[2;4]: 2, BaseInterval[4;6]: 1}
    >>> IntervalCounter([BaseInterval(0, 1, 2.7)])
    IntervalCounter:{BaseInterval[0;1]: 2}
    """

    __slots__ = ()
    _kind: Kind = "counter"

    def __init__(
        self, data: Any = None, use_rust: bool | None = None, nr_digits: int | None = None
    ) -> None:
        super().__init__(data, use_rust=use_rust, nr_digits=nr_digits)

    def __mul__(self, factor: Any) -> Any:
        """Scale the counts: ``int(count * factor)``; a factor ``<= 0`` empties it.

        >>> IntervalCounter([BaseInterval(0, 4), BaseInterval(2, 6)]) * 2.5
        IntervalCounter:{BaseInterval[0;2]: 2, BaseInterval[2;4]: 5, BaseInterval[4;6]: 2}
        """
        factor = check_factor(factor)
        if factor <= 0:
            return type(self)._from(self._layout.copy(), {})
        out = {}
        for t, tr in self._tracks.items():
            scaled = canonical(
                Track(tr.starts[:], tr.stops[:], [int(v * factor) for v in tr.values])
            )
            if len(scaled):
                out[t] = scaled
        return type(self)._from(self._layout.copy(), out)

    __rmul__ = __mul__

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
    def as_my_type(other: Any) -> IntervalCounter:  # type: ignore[override]
        """``other`` converted to a counter.

        >>> IntervalCounter.as_my_type(IntervalMeter([(0, 2, 2.5)]))
        IntervalCounter:{BaseInterval[0;2]: 2}
        """
        if isinstance(other, IntervalMeter):
            return IntervalCounter(list(other))
        return IntervalCounter(other if isinstance(other, BaseInterval) else list(other))

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


def _plain_numbers(points: list[Any]) -> bool:
    """Whether every point is a finite int/float (checked at C speed)."""
    types = set(map(type, points))
    if not types <= {int, float}:
        return False
    return float not in types or all(map(math.isfinite, points))


def _lookup_list(tr: Track, points: list[Any]) -> list[Any]:
    """Values at numeric points on a continuous track: one bisect each, left piece wins."""
    starts, stops, values = tr.starts, tr.stops, tr.values
    n = len(stops)
    out = []
    append = out.append
    for x in points:
        i = bisect_left(stops, x)
        append(values[i] if i < n and starts[i] <= x else 0)
    return out


def _numpy_points(points: Any) -> list[Any]:
    """NumPy-like points as Python coordinates (numbers, or datetimes)."""
    arr = points.to_numpy() if hasattr(points, "to_numpy") else points
    if getattr(arr, "dtype", None) is not None and arr.dtype.kind == "M":
        return arr.astype("datetime64[us]").tolist()
    return arr.tolist()


def _pieces_of(other: Any) -> list[BaseInterval]:
    if isinstance(other, BaseInterval):
        return [other]
    if isinstance(other, AbstractIntervalCollection):
        return list(other)
    raise TypeError(f"cannot compare with {type(other).__name__}")


def _same_domain(a: Layout, b: Layout) -> bool:
    da, db = a.domain or NUMBER, b.domain or NUMBER
    return da.kind == db.kind


def _exact_sum(terms: Iterable[Any]) -> Any:
    terms = list(terms)
    if any(type(t) is float for t in terms):
        return math.fsum(terms)
    return sum(terms)


def _check_threshold(x: Any, name: str) -> Any:
    if isinstance(x, bool) or not isinstance(x, (int, float)):
        raise TypeError(f"{name} must be a number, got {x!r}")
    if not math.isfinite(x):
        raise ValueError(f"{name} must be finite, got {x!r}")
    return x


def _check_within(meter: IntervalMeter, within: Any) -> BaseInterval:
    if not isinstance(within, BaseInterval):
        raise TypeError(f"within must be an interval, got {within!r}")
    if meter._layout.discrete is not None and within._discrete != meter._layout.discrete:
        raise TypeError("within must be of the same kind (discrete or continuous) as the meter")
    return within


def _lattice_index(track: Any, x: Any) -> int | None:
    step, offset = track
    if isinstance(x, datetime):
        q = key_of(x) - offset
    else:
        q = exact(x) - offset
    if q % step:
        return None
    return divide(q, step)
