"""`IntervalMap`: half-open segments carrying arbitrary payloads, last assignment wins.

A map is three sorted columns -- segment starts, segment stops and payloads -- plus the
coordinate keys used to search them (numbers as they are, datetimes as integer
microseconds of their instant, see :mod:`intervalues._engine.coords`). Segments are half-open
``[start, stop)``, never overlap, and touching neighbours with ``==`` payloads are merged,
so one map has exactly one representation whatever its history.

>>> m = IntervalMap(default="off")
>>> m.assign(0, 10, "a"); m.assign(3, 5, "b"); m.assign(BaseInterval(5, 7), value="a")
>>> m.items()
((BaseInterval[0;3], 'a'), (BaseInterval[3;5], 'b'), (BaseInterval[5;10], 'a'))
>>> m[5], m[10]
('a', 'off')
"""

from __future__ import annotations

from bisect import bisect_left, bisect_right
from collections.abc import Callable, Iterable, Iterator
from typing import Any, Generic, TypeVar

from intervalues._checks import fail
from intervalues.base_interval import BaseInterval, Coordinate

from .segments import (
    ABSENT,
    MISSING,
    Builder,
    common_kind,
    coordinate_of,
    describe_kind,
    elementary,
    same,
)

__all__ = ["IntervalMap", "combine_maps", "resolve_maps"]

Payload = TypeVar("Payload")
W = TypeVar("W")


class IntervalMap(Generic[Payload]):
    """Half-open segments ``[start, stop)`` mapped to payloads of any type.

    ``assign`` overwrites a range (last assignment wins), ``reset`` removes coverage,
    ``m[x]`` looks a coordinate up in O(log n) and falls back to ``default``. Touching
    segments with ``==`` payloads are merged. Coordinates are numbers or datetimes (one
    domain per map; aware datetimes compare by instant, so the two occurrences of a
    DST-fold wall time stay distinct). A failing call leaves the map unchanged.

    Maps compare by value (same default, same segments, same payloads) and, being
    mutable, are unhashable. ``items=`` pre-fills the map with ``(interval, payload)``
    pairs, assigned in order.

    >>> m = IntervalMap(default=0)
    >>> m.assign(0, 4, 1); m.assign(2, 6, 10)
    >>> m
    IntervalMap(items=((BaseInterval[0;2], 1), (BaseInterval[2;6], 10)), default=0)
    >>> m[1], m[6], 6 in m, len(m)
    (1, 0, False, 2)
    >>> m == IntervalMap(default=0, items=[((0, 2), 1), ((2, 6), 10)])
    True
    """

    __slots__ = ("_kind", "_pv", "_sc", "_sk", "_tc", "_tk", "default")
    __hash__ = None  # type: ignore[assignment]  # mutable: value equality, no hash

    default: Any

    def __init__(
        self,
        default: Payload | None = None,
        *,
        items: Iterable[tuple[Any, Payload]] | None = None,
    ) -> None:
        self.default = default
        self._sk: list[Any] = []  # start keys
        self._tk: list[Any] = []  # stop keys
        self._sc: list[Any] = []  # start coordinates as given
        self._tc: list[Any] = []  # stop coordinates as given
        self._pv: list[Any] = []  # payloads
        self._kind: str | None = None  # domain of the stored coordinates (None: empty)
        if items is not None:
            for pair in items:
                if not isinstance(pair, tuple) or len(pair) != 2:
                    raise fail("map_items", value=pair)
                self.assign(pair[0], value=pair[1])

    @classmethod
    def _from_columns(
        cls,
        default: Any,
        kind: str | None,
        columns: tuple[list[Any], list[Any], list[Any], list[Any], list[Any]],
    ) -> IntervalMap[Any]:
        new = cls.__new__(cls)
        new.default = default
        new._sk, new._tk, new._sc, new._tc, new._pv = columns
        new._kind = kind if columns[0] else None
        return new

    # -- validation -------------------------------------------------------------------
    def _range(self, start: Any, stop: Any, what: str) -> tuple[Any, Any, Any, Any, str]:
        """Validated ``[start, stop)`` for ``what`` (``"assignment"`` or ``"reset"``)."""
        start, a, ka = coordinate_of(start, "start", None)
        stop, b, kb = coordinate_of(stop, "stop", None)
        if ka != kb:
            raise fail("map_bounds_domain", kind=describe_kind(ka), start=start, stop=stop)
        if self._kind is not None and ka != self._kind:
            held, given = describe_kind(self._kind), describe_kind(ka)
            raise fail("map_assign_domain", held=held, given=given)
        if a > b:
            raise fail("map_reversed", start=start, stop=stop)
        if a == b:
            raise fail("map_empty_range", what=what, start=start, stop=stop)
        return start, stop, a, b, ka

    def _interval_bounds(self, interval: Any, name: str) -> tuple[Any, Any, Any]:
        """``(start, stop, payload-or-MISSING)`` of an interval or a bounds tuple."""
        if isinstance(interval, BaseInterval):
            if interval._discrete:
                raise fail("map_discrete", name=name, value=interval)
            return interval.start, interval.stop, interval.value
        if isinstance(interval, (tuple, list)) and 2 <= len(interval) <= 3:
            payload = interval[2] if len(interval) == 3 else MISSING
            return interval[0], interval[1], payload
        raise fail("interval_not_interval", type=type(interval).__name__, value=interval)

    # -- mutation ---------------------------------------------------------------------
    def assign(
        self,
        start: Any,
        stop: Any = MISSING,
        value: Any = MISSING,
        *,
        conflict: str = "replace",
    ) -> None:
        """Map ``[start, stop)`` to ``value``, trimming or splitting what was there.

        Two call forms: ``assign(start, stop, value)`` and ``assign(interval, value=...)``
        (the payload defaults to ``interval.value``; a ``(start, stop[, payload])`` tuple
        works as the interval too, handy for non-numeric payloads). ``conflict`` must be
        ``'replace'``. Empty or reversed ranges raise ``ValueError``; bad coordinates
        ``TypeError``/``ValueError``; the map is then unchanged. Cost: O(log n + k) for
        k segments touched (plus moving the columns' tails).

        >>> m = IntervalMap()
        >>> m.assign(0, 10, "a"); m.assign((3, 5, "b")); m.assign(BaseInterval(5, 7), value="a")
        >>> m.items()
        ((BaseInterval[0;3], 'a'), (BaseInterval[3;5], 'b'), (BaseInterval[5;10], 'a'))
        """
        if conflict != "replace":
            raise fail("map_conflict", value=conflict)
        if isinstance(start, (BaseInterval, tuple, list)):
            if stop is not MISSING:
                raise fail("map_payload_keyword")
            start, stop, payload = self._interval_bounds(start, "interval")
            if value is MISSING:
                value = payload
            if value is MISSING:
                raise fail("map_payload_missing")
        elif stop is MISSING or value is MISSING:
            raise fail("map_assign_arguments")
        start, stop, a, b, kind = self._range(start, stop, "assignment")
        self._splice(a, b, start, stop, value)
        self._kind = kind

    def reset(self, interval: Any, stop: Any = MISSING) -> None:
        """Remove coverage on ``[start, stop)``: those coordinates fall back to ``default``.

        Takes an interval, a ``(start, stop)`` tuple or ``reset(start, stop)``. Empty or
        reversed ranges raise ``ValueError``. Cost: O(log n + k).

        >>> m = IntervalMap(default="-"); m.assign(0, 10, "a"); m.reset(BaseInterval(3, 5))
        >>> m.items(), m[4]
        (((BaseInterval[0;3], 'a'), (BaseInterval[5;10], 'a')), '-')
        """
        if stop is MISSING:
            start, stop, _ = self._interval_bounds(interval, "interval")
        elif isinstance(interval, (BaseInterval, tuple, list)):
            raise fail("map_reset_arguments")
        else:
            start = interval
        start, stop, a, b, _ = self._range(start, stop, "reset")
        self._splice(a, b, start, stop, ABSENT)
        if not self._sk:
            self._kind = None

    def _splice(self, a: Any, b: Any, start: Any, stop: Any, value: Any) -> None:
        """Replace coverage of keys ``[a, b)`` by one segment (or by nothing: ``ABSENT``).

        The replacement is computed first and written with slice assignments, so an
        exception (from a payload's ``==``) leaves the columns untouched.
        """
        sk, tk, sc, tc, pv = self._sk, self._tk, self._sc, self._tc, self._pv
        i = bisect_right(tk, a)  # first segment ending after a
        j = bisect_left(sk, b)  # first segment starting at or after b
        new: list[tuple[Any, Any, Any, Any, Any]] = []
        if i < j and sk[i] < a:
            new.append((sk[i], a, sc[i], start, pv[i]))
        if value is not ABSENT:
            new.append((a, b, start, stop, value))
        if i < j and tk[j - 1] > b:
            new.append((b, tk[j - 1], stop, tc[j - 1], pv[j - 1]))
        lo, hi = i, j
        if value is not ABSENT:
            if lo > 0 and tk[lo - 1] == new[0][0]:
                lo -= 1
                new.insert(0, (sk[lo], tk[lo], sc[lo], tc[lo], pv[lo]))
            if hi < len(sk) and sk[hi] == new[-1][1]:
                new.append((sk[hi], tk[hi], sc[hi], tc[hi], pv[hi]))
                hi += 1
        merged: list[tuple[Any, Any, Any, Any, Any]] = []
        for seg in new:
            if merged and merged[-1][1] == seg[0] and same(merged[-1][4], seg[4]):
                last = merged[-1]
                merged[-1] = (last[0], seg[1], last[2], seg[3], last[4])
            else:
                merged.append(seg)
        sk[lo:hi] = [s[0] for s in merged]
        tk[lo:hi] = [s[1] for s in merged]
        sc[lo:hi] = [s[2] for s in merged]
        tc[lo:hi] = [s[3] for s in merged]
        pv[lo:hi] = [s[4] for s in merged]

    def clear(self) -> None:
        """Remove every segment (the default stays).

        >>> m = IntervalMap(); m.assign(0, 1, "x"); m.clear(); len(m)
        0
        """
        self._sk, self._tk, self._sc, self._tc, self._pv = [], [], [], [], []
        self._kind = None

    def copy(self) -> IntervalMap[Payload]:
        """A shallow copy: new columns, the same payload objects.

        >>> m = IntervalMap(); m.assign(0, 1, [1]); c = m.copy()
        >>> c == m, c.items()[0][1] is m.items()[0][1]
        (True, True)
        """
        new = type(self).__new__(type(self))
        new.default = self.default
        new._sk, new._tk = self._sk[:], self._tk[:]
        new._sc, new._tc, new._pv = self._sc[:], self._tc[:], self._pv[:]
        new._kind = self._kind
        return new

    __copy__ = copy

    # -- lookups ----------------------------------------------------------------------
    def _index(self, k: Any) -> int:
        """Index of the segment covering key ``k``, or -1."""
        i = bisect_right(self._sk, k) - 1
        if i >= 0 and k < self._tk[i]:
            return i
        return -1

    def __getitem__(self, coordinate: Coordinate) -> Payload | None:
        """The payload at coordinate ``coordinate``, or ``default`` where nothing is assigned.

        Bad coordinates raise ``TypeError`` (wrong type or domain) or ``ValueError``
        (non-finite). Cost: O(log n).

        >>> m = IntervalMap(default="off"); m.assign(0, 10, "on")
        >>> m[0], m[9.5], m[10]
        ('on', 'on', 'off')
        """
        x: Any = coordinate
        tx = type(x)
        if (tx is int or (tx is float and x - x == 0.0)) and self._kind in (None, "number"):
            k = x
        else:
            _, k, _ = coordinate_of(x, "coordinate", self._kind)
        i = bisect_right(self._sk, k) - 1
        if i >= 0 and k < self._tk[i]:
            return self._pv[i]
        return self.default

    def __contains__(self, coordinate: object) -> bool:
        """Whether ``coordinate`` is explicitly covered; never raises.

        >>> m = IntervalMap(); m.assign(0, 10, "on")
        >>> 0 in m, 10 in m, "a" in m
        (True, False, False)
        """
        try:
            _, k, _ = coordinate_of(coordinate, "coordinate", self._kind)
        except (TypeError, ValueError):
            return False
        return self._index(k) >= 0

    def _probe(self, k: Any) -> tuple[bool, Any]:
        i = self._index(k)
        return (True, self._pv[i]) if i >= 0 else (False, None)

    def items(self) -> tuple[tuple[BaseInterval, Payload], ...]:
        """A snapshot of ``(segment, payload)`` pairs in order (new interval objects).

        >>> m = IntervalMap(); m.assign(0, 2, "x")
        >>> m.items()
        ((BaseInterval[0;2], 'x'),)
        """
        return tuple((BaseInterval(s, t), p) for s, t, p in zip(self._sc, self._tc, self._pv))

    def __iter__(self) -> Iterator[BaseInterval]:
        """Copies of the segments, in order.

        >>> m = IntervalMap(); m.assign(0, 2, "x"); m.assign(3, 4, "y"); list(m)
        [BaseInterval[0;2], BaseInterval[3;4]]
        """
        return (BaseInterval(s, t) for s, t in zip(self._sc[:], self._tc[:]))

    def _check(self) -> None:
        """Assert the canonical form: equal column lengths, non-empty segments sorted and
        disjoint, keys matching coordinates, touching neighbours with different payloads.
        For tests.

        >>> m = IntervalMap(); m.assign(0, 2, "a"); m.assign(2, 3, "b"); m._check()
        """
        sk, tk, sc, tc, pv = self._sk, self._tk, self._sc, self._tc, self._pv
        assert len(sk) == len(tk) == len(sc) == len(tc) == len(pv), "column lengths"
        assert (self._kind is None) == (not sk), "domain of an empty map"
        for i in range(len(sk)):
            assert sk[i] < tk[i], f"segment {i} is empty or reversed"
            assert coordinate_of(sc[i], "start", self._kind)[1] == sk[i], f"start key {i}"
            assert coordinate_of(tc[i], "stop", self._kind)[1] == tk[i], f"stop key {i}"
            if i:
                assert tk[i - 1] <= sk[i], f"segment {i} overlaps its left neighbour"
                if tk[i - 1] == sk[i]:
                    assert not same(pv[i - 1], pv[i]), f"segment {i} equals its neighbour"

    def __len__(self) -> int:
        """The number of segments.

        >>> m = IntervalMap(); m.assign(0, 2, "x"); m.assign(2, 4, "x"); len(m)
        1
        """
        return len(self._sk)

    # -- equality and display -----------------------------------------------------------
    def __eq__(self, other: object) -> bool:
        """Same default and same segments with ``==`` payloads (W18: value equality).

        >>> a = IntervalMap(); a.assign(0, 2, "x")
        >>> b = IntervalMap(); b.assign(0, 1, "x"); b.assign(1, 2, "x")
        >>> a == b, a == IntervalMap()
        (True, False)
        """
        if not isinstance(other, IntervalMap):
            return NotImplemented
        if self is other:
            return True
        return (
            self._kind == other._kind
            and self._sk == other._sk
            and self._tk == other._tk
            and self.default == other.default
            and self._pv == other._pv
        )

    def __repr__(self) -> str:
        return f"{type(self).__name__}(items={self.items()!r}, default={self.default!r})"

    # -- for combine_maps, resolve_maps and the priority resolver ------------------------
    def _columns(self) -> tuple[list[Any], list[Any], list[Any], list[Any], list[Any]]:
        """Copies of the five columns (callbacks may mutate the map meanwhile)."""
        return self._sk[:], self._tk[:], self._sc[:], self._tc[:], self._pv[:]

    def _domain_kinds(self) -> set[str]:
        return set() if self._kind is None else {self._kind}


def _check_maps(maps: Any, key: str) -> list[IntervalMap[Any]]:
    """The maps of ``maps`` (an iterable); ``key`` names 0.4.0's message for an item."""
    if isinstance(maps, IntervalMap):
        raise fail("maps_one_map")
    try:
        found = list(maps)
    except TypeError:
        raise fail("maps_iterable", type=type(maps).__name__) from None
    for m in found:
        if not isinstance(m, IntervalMap):
            raise fail(key, type=type(m).__name__, value=m)
    return found


def combine_maps(
    maps: Iterable[IntervalMap[Any]], combine: Callable[[tuple[Any, ...]], W], absent: Any
) -> IntervalMap[W]:
    """Combine maps pointwise: ``combine(payloads)`` on every range covered somewhere.

    The union of all breakpoints cuts the line into elementary ranges; on each range
    covered by at least one map, ``combine`` receives a tuple with one payload per map
    (input order, ``absent`` where a map has no coverage; the maps' defaults are
    ignored). The result is a new map with default ``absent``; ranges no map covers stay
    uncovered. Cost: O(B × M) for B breakpoints and M maps, plus the ``combine`` calls.

    >>> x = IntervalMap(); x.assign(0, 4, 1)
    >>> y = IntervalMap(); y.assign(2, 6, 10)
    >>> combine_maps([x, y], combine=tuple, absent=None).items()
    ((BaseInterval[0;2], (1, None)), (BaseInterval[2;4], (1, 10)), (BaseInterval[4;6], (None, 10)))
    """
    found = _check_maps(maps, "maps_type")
    if not callable(combine):
        raise fail("not_callable", name="combine", type=type(combine).__name__, value=combine)
    kind = common_kind((m._domain_kinds() for m in found), "combine_maps")
    builder = Builder()
    for a, b, start, stop, payloads in elementary([m._columns() for m in found]):
        args = tuple(absent if p is ABSENT else p for p in payloads)
        builder.append(a, b, start, stop, combine(args))
    return IntervalMap._from_columns(absent, kind, builder.columns)


def resolve_maps(maps: Iterable[IntervalMap[Any]], default: Any = None) -> IntervalMap[Any]:
    """Flatten maps in precedence order: the first map covering a range wins there.

    The result is an independent map (new columns; payload objects shared) with the
    given ``default``; the input maps' defaults are ignored. Cost: O(B × M).

    >>> x = IntervalMap(); x.assign(0, 4, 1)
    >>> y = IntervalMap(); y.assign(2, 6, 10)
    >>> resolve_maps([y, x], default=0).items()
    ((BaseInterval[0;2], 1), (BaseInterval[2;6], 10))
    """
    found = _check_maps(maps, "resolve_maps_type")
    kind = common_kind((m._domain_kinds() for m in found), "resolve_maps")
    builder = Builder()
    for a, b, start, stop, payloads in elementary([m._columns() for m in found]):
        winner = next(p for p in payloads if p is not ABSENT)
        builder.append(a, b, start, stop, winner)
    return IntervalMap._from_columns(default, kind, builder.columns)
