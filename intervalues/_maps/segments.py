"""The machinery shared by interval maps and the priority resolver.

Map columns are five parallel lists: segment start keys, stop keys, start coordinates,
stop coordinates and payloads. Segments are half-open ``[start, stop)`` on keys (numbers,
or integer microseconds for datetimes), sorted and disjoint.

>>> b = Builder(); b.append(0, 2, 0, 2, "a"); b.append(2, 4, 2, 4, "a"); b.columns
([0], [4], [0], [4], ['a'])
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from datetime import datetime
from itertools import pairwise
from typing import Any

from intervalues._checks import check_coordinate, describe, fail
from intervalues._engine.coords import Domain, domain_of, key_of

__all__ = [
    "ABSENT",
    "MISSING",
    "Builder",
    "Columns",
    "common_kind",
    "coordinate_of",
    "describe_kind",
    "elementary",
    "kind_of",
    "same",
]

MISSING: Any = object()
ABSENT: Any = object()


def same(a: Any, b: Any) -> bool:
    """Whether two payloads count as equal for merging (``is`` or a truthy ``==``).

    As in 0.4.0, an ``==`` that raises (or whose truth value raises, NumPy arrays)
    propagates: callers compute the merged segments before changing any column, so the
    map is left unchanged.

    >>> same("a", "a"), same(1, 1.0), same("a", "b")
    (True, True, False)
    """
    return a is b or bool(a == b)


def kind_of(x: int | float | datetime) -> str:
    return domain_of(x).kind


def describe_kind(kind: str) -> str:
    """The human name of a domain kind (``"number"`` -> ``"numbers"``)."""
    return describe(Domain(kind))


def coordinate_of(x: Any, name: str, kind: str | None) -> tuple[Any, Any, str]:
    """Validate one coordinate against a map's domain: ``(coordinate, key, kind)``."""
    tx = type(x)
    if tx is int or tx is float:
        x = check_coordinate(x, name, _COORDINATE_KEYS)
        k, xk = x, "number"
    else:
        x = check_coordinate(x, name, _COORDINATE_KEYS)
        k, xk = key_of(x), kind_of(x)
    if kind is not None and xk != kind:
        raise fail("map_coordinate_domain", name=name, kind=describe_kind(kind), value=x)
    return x, k, xk


#: 0.4.0's messages for a coordinate of a map that is no number or datetime, or not finite.
_COORDINATE_KEYS = ("map_coordinate_type", "map_coordinate_finite")


Columns = tuple[list[Any], list[Any], list[Any], list[Any], list[Any]]


def common_kind(kinds: Iterable[set[str]], what: str) -> str | None:
    found: set[str] = set()
    for k in kinds:
        found |= k
    if len(found) > 1:
        names = " and ".join(describe_kind(k) for k in sorted(found))
        raise fail("map_mix", names=names, where=what)
    return next(iter(found), None)


def elementary(sources: list[Columns]) -> Iterator[tuple[Any, Any, Any, Any, list[Any]]]:
    """Cut the union of all breakpoints; yield each elementary range covered somewhere.

    Yields ``(start_key, stop_key, start, stop, payloads)`` with one entry per source
    (``ABSENT`` where it has no coverage). Cost: O(B × S) for B breakpoints, S sources.
    """
    coordinate: dict[Any, Any] = {}
    for sk, tk, sc, tc, _ in sources:
        for k, c in zip(sk, sc):
            coordinate.setdefault(k, c)
        for k, c in zip(tk, tc):
            coordinate.setdefault(k, c)
    points = sorted(coordinate)
    pointers = [0] * len(sources)
    for p, q in pairwise(points):
        payloads = []
        covered = False
        for n, (sk, tk, _, _, pv) in enumerate(sources):
            i = pointers[n]
            size = len(tk)
            while i < size and tk[i] <= p:
                i += 1
            pointers[n] = i
            if i < size and sk[i] <= p:
                payloads.append(pv[i])
                covered = True
            else:
                payloads.append(ABSENT)
        if covered:
            yield p, q, coordinate[p], coordinate[q], payloads


class Builder:
    """Collect ordered segments into map columns, merging touching ``==`` payloads."""

    __slots__ = ("columns",)

    def __init__(self) -> None:
        self.columns: Columns = ([], [], [], [], [])

    def append(self, a: Any, b: Any, start: Any, stop: Any, payload: Any) -> None:
        sk, tk, sc, tc, pv = self.columns
        if tk and tk[-1] == a and same(pv[-1], payload):
            tk[-1] = b
            tc[-1] = stop
            return
        sk.append(a)
        tk.append(b)
        sc.append(start)
        tc.append(stop)
        pv.append(payload)
