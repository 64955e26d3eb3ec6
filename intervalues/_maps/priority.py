"""`PriorityIntervalMap`: layer live maps by priority, with provenance.

Public names are exported from :mod:`intervalues.interval_map`.

Each registration holds a *live* reference to a source (an :class:`IntervalMap` or a
nested :class:`PriorityIntervalMap`), a numeric priority and its registration order. At a
coordinate the highest-ranked source that explicitly covers it wins; sources' own
defaults never mask lower layers. Lookups ask every source in rank order (O(S log n) for
S sources); region queries sweep the sources' segments (O(B × S) for B breakpoints).

>>> from intervalues.interval_map import IntervalMap
>>> x = IntervalMap(); x.assign(0, 4, 1)
>>> y = IntervalMap(); y.assign(2, 6, 10)
>>> pmap = PriorityIntervalMap(default="def")
>>> h1, _ = pmap.add(x, 1); h2, _ = pmap.add(y, 5)
>>> pmap[1], pmap[3], pmap[9]
(1, 10, 'def')
>>> pmap.active_regions(h1)
(BaseInterval[0;2],)
>>> pmap.update_priority(h1, 10)
True
>>> pmap[3]
1
"""

from __future__ import annotations

import math
import numbers
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from typing import Any, Generic, TypeVar

from intervalues._checks import fail
from intervalues.base_interval import BaseInterval, Coordinate

from .interval_map import IntervalMap
from .segments import (
    ABSENT,
    MISSING,
    Builder,
    Columns,
    common_kind,
    coordinate_of,
    elementary,
)

__all__ = [
    "PriorityIntervalMap",
    "PriorityLookupResult",
    "PriorityResolutionExplanation",
    "PrioritySourceHandle",
]

Payload = TypeVar("Payload")

_TIE_POLICIES = ("error", "first", "last", "key")


class PrioritySourceHandle:
    """Opaque token for one registration in a :class:`PriorityIntervalMap`.

    Handles compare and hash by identity; they carry no data.

    >>> a, b = PrioritySourceHandle(), PrioritySourceHandle()
    >>> a == a, a == b
    (True, False)
    """

    __slots__ = ("__weakref__",)

    def __repr__(self) -> str:  # 0.4.0's default repr, with the public module path
        return f"<intervalues.interval_map.PrioritySourceHandle object at {id(self):#x}>"


@dataclass(frozen=True)
class PriorityLookupResult:
    """What a priority lookup found: the payload, the winning handle and its priority.

    ``source`` and ``priority`` are ``None`` when no source covers the coordinate and
    ``value`` is the resolver's default.

    >>> PriorityLookupResult("def", None, None).used_default
    True
    """

    value: Any
    source: PrioritySourceHandle | None
    priority: int | float | None

    @property
    def used_default(self) -> bool:
        """Whether no source covered the coordinate (``source is None``).

        >>> PriorityLookupResult(1, PrioritySourceHandle(), 5).used_default
        False
        """
        return self.source is None


@dataclass(frozen=True)
class PriorityResolutionExplanation:
    """A lookup result plus the higher-ranked sources that had a gap at the coordinate.

    ``uncovered_sources`` lists, in rank order, the handles ranked above the winner (all
    handles when the default was used) that do not cover ``coordinate``.

    >>> PriorityResolutionExplanation(3, "def", None, None, ()).used_default
    True
    """

    coordinate: Any
    value: Any
    source: PrioritySourceHandle | None
    priority: int | float | None
    uncovered_sources: tuple[PrioritySourceHandle, ...]

    @property
    def used_default(self) -> bool:
        """Whether no source covered the coordinate (``source is None``).

        >>> PriorityResolutionExplanation(0, 1, PrioritySourceHandle(), 2, ()).used_default
        False
        """
        return self.source is None


class _Registration:
    __slots__ = ("handle", "key", "order", "priority", "source")

    def __init__(
        self,
        handle: PrioritySourceHandle,
        source: Any,
        priority: int | float,
        key: Any,
        order: int,
    ) -> None:
        self.handle = handle
        self.source = source
        self.priority = priority
        self.key = key
        self.order = order


def _check_priority(priority: Any) -> Any:
    """A priority is a finite real number (not ``bool``), kept as given (an ``IntEnum``
    member or a ``Fraction`` stays one, as in 0.4.0)."""
    if isinstance(priority, bool) or not isinstance(priority, numbers.Real):
        raise fail("priority_type", type=type(priority).__name__, value=priority)
    if not isinstance(priority, numbers.Rational) and not math.isfinite(priority):
        raise fail("priority_finite", value=priority)
    return priority


def _check_handle(handle: Any) -> PrioritySourceHandle:
    if not isinstance(handle, PrioritySourceHandle):
        raise fail("handle_type", type=type(handle).__name__, value=handle)
    return handle


class PriorityIntervalMap(Generic[Payload]):
    """Live resolver over several maps: the highest priority with coverage wins.

    ``tie_policy`` decides between equal priorities: ``'error'`` rejects them,
    ``'first'``/``'last'`` prefer the earlier/later registration, ``'key'`` prefers the
    larger ``tie_break_key`` (given to ``add``), then the earlier registration. Sources
    stay live: changing a registered map changes the answers. Equality is identity.

    >>> a = IntervalMap(); a.assign(0, 10, "base")
    >>> b = IntervalMap(); b.assign(4, 6, "override")
    >>> pm = PriorityIntervalMap(default="none", tie_policy="last")
    >>> ha, _ = pm.add(a, 0); hb, _ = pm.add(b, 0)
    >>> pm[5], pm[8], pm[12], 12 in pm
    ('override', 'base', 'none', False)
    >>> pm.snapshot().items()
    ((BaseInterval[0;4], 'base'), (BaseInterval[4;6], 'override'), (BaseInterval[6;10], 'base'))
    """

    __slots__ = ("__weakref__", "_next_order", "_ranked", "_registrations", "_tie", "default")
    __iter__ = None  # no iteration (m[0], m[1], ... would never end)

    default: Any

    def __init__(self, default: Payload | None = None, *, tie_policy: str = "first") -> None:
        if tie_policy not in _TIE_POLICIES:
            raise fail("tie_policy", value=tie_policy)
        self.default = default
        self._tie = tie_policy
        self._registrations: dict[PrioritySourceHandle, _Registration] = {}
        self._ranked: list[_Registration] = []  # highest rank first
        self._next_order = 0

    @property
    def tie_policy(self) -> str:
        """The tie policy chosen at construction (read-only).

        >>> PriorityIntervalMap().tie_policy
        'first'
        """
        return self._tie

    def __repr__(self) -> str:
        n = len(self._ranked)
        return (
            f"<{type(self).__name__} with {n} source{'' if n == 1 else 's'}, "
            f"default={self.default!r}, tie_policy={self._tie!r}>"
        )

    # -- ranking ----------------------------------------------------------------------
    def _rank(self, registrations: Iterable[_Registration]) -> list[_Registration]:
        """Registrations from highest to lowest rank (may raise for incomparable keys)."""
        ranked = sorted(registrations, key=lambda r: r.order, reverse=self._tie == "last")
        if self._tie == "key":
            ranked.sort(key=lambda r: r.key, reverse=True)  # stable: earlier stays first
        ranked.sort(key=lambda r: r.priority, reverse=True)
        return ranked

    def _check_key(self, tie_break_key: Any, *, required: bool) -> Any:
        if self._tie == "key":
            if tie_break_key is MISSING and required:
                raise fail("tie_break_key_required")
            return tie_break_key
        if tie_break_key is not MISSING:
            raise fail("tie_break_key_refused", value=self._tie)
        return None

    def _check_unique(self, priority: int | float, skip: _Registration | None) -> None:
        if self._tie != "error":
            return
        for reg in self._ranked:
            if reg is not skip and reg.priority == priority:
                raise fail("priority_not_unique", value=priority)

    def _check_source(self, source: Any, replacing: _Registration | None) -> Any:
        if not isinstance(source, (IntervalMap, PriorityIntervalMap)):
            raise fail("source_type", type=type(source).__name__, value=source)
        if isinstance(source, PriorityIntervalMap) and source._reaches(self):
            raise fail("priority_cycle")
        kinds = [r.source._domain_kinds() for r in self._ranked if r is not replacing]
        kinds.append(source._domain_kinds())
        common_kind(kinds, "one PriorityIntervalMap")
        return source

    def _reaches(self, target: PriorityIntervalMap[Any]) -> bool:
        """Whether ``target`` is this resolver or one nested in it (at any depth)."""
        stack: list[PriorityIntervalMap[Any]] = [self]
        seen: set[int] = set()
        while stack:
            node = stack.pop()
            if node is target:
                return True
            if id(node) in seen:
                continue
            seen.add(id(node))
            stack.extend(
                r.source for r in node._ranked if isinstance(r.source, PriorityIntervalMap)
            )
        return False

    def _registration(self, handle: Any) -> _Registration:
        reg = self._registrations.get(_check_handle(handle))
        if reg is None:
            raise fail("handle_unknown")
        return reg

    # -- registrations ----------------------------------------------------------------
    def add(
        self, interval_map: Any, priority: Any, *, tie_break_key: Any = MISSING
    ) -> tuple[PrioritySourceHandle, bool]:
        """Register a live ``interval_map`` (or a nested resolver); return
        ``(handle, wins_somewhere)``.

        ``priority`` is a finite real (not ``bool``). ``tie_break_key`` is required with
        ``tie_policy='key'`` and refused otherwise (``TypeError``). Equal priorities under
        ``'error'`` and cycles between resolvers raise ``ValueError``. On failure nothing
        is registered.

        >>> a = IntervalMap(); a.assign(0, 2, "a")
        >>> pm = PriorityIntervalMap()
        >>> handle, wins = pm.add(a, 1)
        >>> wins, pm.add(a, 0)[1]
        (True, False)
        """
        self._check_source(interval_map, None)  # checked in 0.4.0's order
        priority = _check_priority(priority)
        key = self._check_key(tie_break_key, required=True)
        self._check_unique(priority, None)
        handle = PrioritySourceHandle()
        reg = _Registration(handle, interval_map, priority, key, self._next_order)
        ranked = self._rank([*self._ranked, reg])
        self._ranked = ranked
        self._registrations[handle] = reg
        self._next_order += 1
        return handle, self._wins(reg)

    def remove(self, handle: PrioritySourceHandle) -> None:
        """Drop a registration (stale handle → ``KeyError``, non-handle → ``TypeError``).

        >>> a = IntervalMap(); a.assign(0, 2, "a")
        >>> pm = PriorityIntervalMap(default="-"); h, _ = pm.add(a, 1); pm.remove(h); pm[1]
        '-'
        """
        reg = self._registration(handle)
        del self._registrations[reg.handle]
        self._ranked = [r for r in self._ranked if r is not reg]

    def replace(self, handle: PrioritySourceHandle, interval_map: Any) -> None:
        """Swap the source map of a registration, keeping its priority and order.

        >>> a = IntervalMap(); a.assign(0, 2, "a")
        >>> b = IntervalMap(); b.assign(0, 2, "b")
        >>> pm = PriorityIntervalMap(); h, _ = pm.add(a, 1); pm.replace(h, b); pm[1]
        'b'
        """
        if not isinstance(interval_map, (IntervalMap, PriorityIntervalMap)):  # first, as 0.4.0
            raise fail("source_type", type=type(interval_map).__name__, value=interval_map)
        reg = self._registration(handle)
        self._check_source(interval_map, reg)
        reg.source = interval_map

    def update_priority(
        self, handle: PrioritySourceHandle, priority: Any, *, tie_break_key: Any = MISSING
    ) -> bool:
        """Re-rank a registration; return whether it now wins anywhere.

        With ``tie_policy='key'`` the tie-break key may be changed too (omitted: kept).
        The registration order (for ``'first'``/``'last'``) does not change.

        >>> a = IntervalMap(); a.assign(0, 4, "a")
        >>> b = IntervalMap(); b.assign(0, 4, "b")
        >>> pm = PriorityIntervalMap(); ha, _ = pm.add(a, 1); hb, _ = pm.add(b, 2)
        >>> pm.update_priority(ha, 3), pm[0]
        (True, 'a')
        """
        reg = self._registration(handle)
        priority = _check_priority(priority)
        self._check_unique(priority, reg)
        key = self._check_key(tie_break_key, required=False)
        if key is MISSING:
            key = reg.key
        updated = _Registration(reg.handle, reg.source, priority, key, reg.order)
        ranked = self._rank([r for r in self._ranked if r is not reg] + [updated])
        reg.priority, reg.key = priority, key
        self._ranked = [reg if r is updated else r for r in ranked]
        return self._wins(reg)

    # -- lookups ----------------------------------------------------------------------
    def _domain_kinds(self) -> set[str]:
        kinds: set[str] = set()
        for reg in self._ranked:
            kinds |= reg.source._domain_kinds()
        return kinds

    def _key(self, x: Any, name: str = "coordinate") -> tuple[Any, Any]:
        """Validate a coordinate against the live sources' domain: ``(coordinate, key)``."""
        kind = common_kind([self._domain_kinds()], "the sources of one PriorityIntervalMap")
        x, k, _ = coordinate_of(x, name, kind)
        return x, k

    def _probe(self, k: Any) -> tuple[bool, Any]:
        """``(covered, payload)`` at key ``k``: this resolver as a nested source."""
        for reg in self._ranked:
            covered, payload = reg.source._probe(k)
            if covered:
                return True, payload
        return False, None

    def _resolve(self, k: Any) -> tuple[_Registration | None, Any, list[PrioritySourceHandle]]:
        gaps: list[PrioritySourceHandle] = []
        for reg in self._ranked:
            covered, payload = reg.source._probe(k)
            if covered:
                return reg, payload, gaps
            gaps.append(reg.handle)
        return None, self.default, gaps

    def _answer(self, k: Any, with_priority: bool) -> Any:
        reg, value, _ = self._resolve(k)
        if not with_priority:
            return value
        if reg is None:
            return PriorityLookupResult(value, None, None)
        return PriorityLookupResult(value, reg.handle, reg.priority)

    def lookup(self, coordinate: Coordinate, *, with_priority: bool = False) -> Any:
        """The winning payload at ``coordinate`` (or a :class:`PriorityLookupResult`).

        Bad coordinates raise ``TypeError``/``ValueError``. Cost: O(S log n).

        >>> a = IntervalMap(); a.assign(0, 2, "a")
        >>> pm = PriorityIntervalMap(default="-"); h, _ = pm.add(a, 7)
        >>> pm.lookup(1), pm.lookup(1, with_priority=True).priority, pm.lookup(5)
        ('a', 7, '-')
        """
        _, k = self._key(coordinate)
        return self._answer(k, with_priority)

    def __getitem__(self, coordinate: Coordinate) -> Payload | None:
        """``pm[coordinate]`` is ``pm.lookup(coordinate)``.

        >>> PriorityIntervalMap(default=0)[3]
        0
        """
        _, k = self._key(coordinate)
        return self._answer(k, False)

    def lookup_many(
        self, coordinates: Iterable[Coordinate], *, with_priority: bool = False
    ) -> tuple[Any, ...]:
        """Look up several coordinates; every input is validated before any answer.

        >>> a = IntervalMap(); a.assign(0, 2, "a")
        >>> pm = PriorityIntervalMap(default="-"); h, _ = pm.add(a, 1)
        >>> pm.lookup_many([0, 1.5, 2])
        ('a', 'a', '-')
        """
        kind = common_kind([self._domain_kinds()], "the sources of one PriorityIntervalMap")
        keys = []
        for x in coordinates:  # without sources, the points must still share one domain (0.4.0)
            _, k, kind = coordinate_of(x, "coordinate", kind)
            keys.append(k)
        return tuple(self._answer(k, with_priority) for k in keys)

    def explain(self, coordinate: Coordinate) -> PriorityResolutionExplanation:
        """Why ``coordinate`` resolves as it does: winner, priority and the gaps ranked above it.

        >>> a = IntervalMap(); a.assign(0, 2, "a")
        >>> b = IntervalMap(); b.assign(5, 6, "b")
        >>> pm = PriorityIntervalMap(); ha, _ = pm.add(a, 1); hb, _ = pm.add(b, 2)
        >>> e = pm.explain(1)
        >>> e.value, e.source is ha, e.uncovered_sources == (hb,)
        ('a', True, True)
        """
        coordinate, k = self._key(coordinate)
        reg, value, gaps = self._resolve(k)
        if reg is None:
            return PriorityResolutionExplanation(coordinate, value, None, None, tuple(gaps))
        return PriorityResolutionExplanation(
            coordinate, value, reg.handle, reg.priority, tuple(gaps)
        )

    def __contains__(self, coordinate: object) -> bool:
        """Whether some source explicitly covers ``coordinate``; never raises.

        >>> a = IntervalMap(); a.assign(0, 2, "a")
        >>> pm = PriorityIntervalMap(); h, _ = pm.add(a, 1)
        >>> 1 in pm, 2 in pm, "x" in pm
        (True, False, False)
        """
        try:
            _, k = self._key(coordinate)
        except (TypeError, ValueError):
            return False
        return self._probe(k)[0]

    # -- regions ----------------------------------------------------------------------
    def _winning_segments(
        self, upto: _Registration | None = None
    ) -> Iterator[tuple[Any, Any, Any, Any, Any, _Registration]]:
        """Elementary ranges with their winning payload and registration, in order.

        With ``upto``, only the registrations ranked at or above it are swept (lower
        ones cannot change where it wins). Cost: O(B × S).
        """
        common_kind([self._domain_kinds()], "the sources of one PriorityIntervalMap")
        ranked = list(self._ranked)
        if upto is not None:
            ranked = ranked[: ranked.index(upto) + 1]
        for a, b, start, stop, payloads in elementary([r.source._columns() for r in ranked]):
            for reg, payload in zip(ranked, payloads):
                if payload is not ABSENT:
                    yield a, b, start, stop, payload, reg
                    break

    def _wins(self, reg: _Registration) -> bool:
        """Whether a registration wins somewhere (stops at the first such range)."""
        return any(winner is reg for *_, winner in self._winning_segments(reg))

    def _columns(self) -> Columns:
        """This resolver's current resolution as map columns (as a nested source)."""
        builder = Builder()
        for a, b, start, stop, payload, _ in self._winning_segments():
            builder.append(a, b, start, stop, payload)
        return builder.columns

    def active_regions(self, handle: PrioritySourceHandle) -> tuple[BaseInterval, ...]:
        """Half-open regions ``[start, stop)`` where this registration currently wins.

        >>> a = IntervalMap(); a.assign(0, 4, "a")
        >>> b = IntervalMap(); b.assign(2, 6, "b")
        >>> pm = PriorityIntervalMap(); ha, _ = pm.add(a, 1); hb, _ = pm.add(b, 5)
        >>> pm.active_regions(ha), pm.active_regions(hb)
        ((BaseInterval[0;2],), (BaseInterval[2;6],))
        """
        reg = self._registration(handle)
        regions: list[list[Any]] = []
        for a, b, start, stop, _, winner in self._winning_segments(reg):
            if winner is not reg:
                continue
            if regions and regions[-1][1] == a:
                regions[-1][1], regions[-1][3] = b, stop
            else:
                regions.append([a, b, start, stop])
        return tuple(BaseInterval(start, stop) for _, _, start, stop in regions)

    def snapshot(self) -> IntervalMap[Payload]:
        """An independent :class:`IntervalMap` of the current resolution (same default).

        >>> a = IntervalMap(); a.assign(0, 4, 1)
        >>> b = IntervalMap(); b.assign(2, 6, 10)
        >>> pm = PriorityIntervalMap(default=0); _ = pm.add(a, 1); _ = pm.add(b, 5)
        >>> pm.snapshot()
        IntervalMap(items=((BaseInterval[0;2], 1), (BaseInterval[2;6], 10)), default=0)
        """
        kind = common_kind([self._domain_kinds()], "the sources of one PriorityIntervalMap")
        return IntervalMap._from_columns(self.default, kind, self._columns())
