"""`IntervalList`: the raw, ordered record of intervals (no merging, duplicates kept)."""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator
from datetime import datetime, timedelta
from typing import Any

from ._checks import check_coordinate, check_factor, describe, fail, finite_result
from ._engine import stats
from ._engine.coords import domain_of
from .abstract_interval import AbstractIntervalCollection, Coordinate, Length
from .base_interval import BaseInterval, as_interval

__all__ = ["IntervalList"]


class IntervalList(AbstractIntervalCollection):
    """An ordered list of interval records; ``l[x]`` sums the values covering ``x``.

    >>> l = IntervalList([BaseInterval(1, 3), BaseInterval(2, 5), BaseInterval(1, 3)])
    >>> l[2.5], l.at(1)
    (3, BaseInterval[2;5])
    >>> l.as_meter()
    IntervalMeter:{BaseInterval[1;2]: 2, BaseInterval[2;3]: 3, BaseInterval[3;5]: 1}
    """

    __slots__ = ("__weakref__", "_items")

    def __init__(self, data: Iterable[BaseInterval] | BaseInterval | None = None) -> None:
        self._items: list[BaseInterval] = _records(data)

    @property
    def data(self) -> list[BaseInterval]:
        """The records (copies; mutate through the list's methods).

        >>> IntervalList([(0, 2), (1, 3, 2)]).data
        [BaseInterval[0;2], BaseInterval[1;3;2]]
        """
        return [iv._clone() for iv in self._items]

    @data.setter
    def data(self, value: object) -> None:
        self.set_data(value)

    def set_data(self, data: object) -> None:
        """Replace the records.

        >>> l = IntervalList([(0, 2)]); l.set_data([(5, 6), (5, 6)]); l
        IntervalList:[BaseInterval[5;6], BaseInterval[5;6]]
        """
        self._items = _records(data)

    def _take(self, other: Any) -> None:
        self._items = other._items

    def __len__(self) -> int:
        return len(self._items)

    def __iter__(self) -> Iterator[BaseInterval]:
        return (iv._clone() for iv in self._items)

    @property
    def bounds(self) -> tuple[Coordinate, Coordinate] | None:
        """``(min start, max stop)`` or ``None``.

        >>> IntervalList([(1, 3), (0, 2)]).bounds, IntervalList().bounds
        ((0, 3), None)
        """
        if not self._items:
            return None
        self._check_one_domain()
        from ._engine.coords import key_of

        return (
            min((iv.start for iv in self._items), key=key_of),
            max((iv.stop for iv in self._items), key=key_of),
        )

    def _check_one_domain(self) -> None:
        """Aggregates need the records in one domain (a list stores records of any domain)."""
        if self._items:
            first = domain_of(self._items[0].start)
            for iv in self._items:
                d = domain_of(iv.start)
                if d.kind != first.kind:
                    a, b = describe(first), describe(d)
                    raise fail("collection_domain", owner="IntervalList", a=a, b=b)

    def __getitem__(self, other: object) -> float:
        """Not positional: the summed values of the records covering ``other`` (or an
        interval): :meth:`count`."""
        self._check_query(other, "index")
        return self._summed(other, "[]")

    def count(self, item: Coordinate | BaseInterval) -> float:
        """Sum of ``record[item]`` over the records: the values of the records containing a
        coordinate; for an interval, ``value / item.value`` of each record containing it
        (as in 0.4.0, W20).

        >>> l = IntervalList([(0, 2), (1, 3, 2), (1, 3)])
        >>> l.count(1.5), l.count(5), l.count(BaseInterval(1, 2, 2))
        (4, 0, 2.0)
        """
        self._check_query(item)
        return self._summed(item, "count")

    def _summed(self, item: Any, name: str) -> Any:
        """``record[item]`` summed over the records in order (0.4.0's float sum); exactly,
        rounded once, where that sum leaves the float range on the way."""
        terms = [iv[item] for iv in self._items]
        with finite_result(name, "IntervalList"):
            try:
                return sum(terms)
            except OverflowError:  # an int beyond the float range meets a float
                return stats.rounded_once(terms)

    def _check_query(self, x: Any, op: str = "") -> None:
        """``x`` must be a coordinate or interval of the records' domain; ``op`` (``"in"``,
        ``"index"``, ``"filter"``) picks 0.4.0's text for a wrong type."""
        point = x.start if isinstance(x, BaseInterval) else x
        try:
            check_coordinate(point, "x")
        except TypeError:
            keys = {"in": "lookup_in", "index": "lookup_index", "filter": "list_filter_type"}
            raise fail(
                keys.get(op, "lookup_type"), value=x, owner="IntervalList", type=type(x).__name__
            ) from None
        if self._items and domain_of(point).kind != domain_of(self._items[0].start).kind:
            kind = describe(domain_of(self._items[0].start))
            raise fail("lookup_domain", value=x, owner="IntervalList", kind=kind)

    def __contains__(self, other: object) -> bool:
        self._check_query(other, "in")
        return any(other in iv for iv in self._items)

    def at(self, index: int) -> BaseInterval:
        """The record at position ``index``.

        >>> IntervalList([(0, 2), (1, 3)]).at(-1)
        BaseInterval[1;3]
        """
        return self._items[index]._clone()

    def pop(self, __index: int = -1) -> BaseInterval:
        """Remove and return the record at position ``index`` (the last by default).

        >>> l = IntervalList([(0, 2), (1, 3)])
        >>> l.pop(), l
        (BaseInterval[1;3], IntervalList:[BaseInterval[0;2]])
        """
        return self._items.pop(__index)

    def insert(self, __index: int, __object: BaseInterval) -> None:
        """Insert a record before position ``index``.

        >>> l = IntervalList([(0, 2), (1, 3)]); l.insert(0, (5, 6)); l
        IntervalList:[BaseInterval[5;6], BaseInterval[0;2], BaseInterval[1;3]]
        """
        self._items.insert(__index, _record(__object, "insert"))

    def reverse(self) -> None:
        """Reverse the records in place.

        >>> l = IntervalList([(0, 2), (1, 3)]); l.reverse(); l
        IntervalList:[BaseInterval[1;3], BaseInterval[0;2]]
        """
        self._items.reverse()

    def sort(self, key: Callable[[BaseInterval], Any] | None = None, reverse: bool = False) -> None:
        """Sort the records in place.

        >>> l = IntervalList([(4, 6), (0, 1), (1, 4)]); l.sort(); l
        IntervalList:[BaseInterval[0;1], BaseInterval[1;4], BaseInterval[4;6]]
        >>> l.sort(key=lambda iv: iv.get_length(), reverse=True); l
        IntervalList:[BaseInterval[1;4], BaseInterval[4;6], BaseInterval[0;1]]
        """
        self._items.sort(key=key, reverse=reverse)

    def clear(self) -> None:
        """Remove every record.

        >>> l = IntervalList([(0, 2), (1, 3)]); l.clear(); l
        IntervalList:[]
        """
        self._items = []

    def copy(self) -> IntervalList:
        """An independent copy.

        >>> l = IntervalList([(0, 2)]); c = l.copy(); c.append((5, 6))
        >>> l, c
        (IntervalList:[BaseInterval[0;2]], IntervalList:[BaseInterval[0;2], BaseInterval[5;6]])
        """
        return IntervalList(self._items)

    def append(self, other: BaseInterval) -> None:
        """Add one record (kept whatever its length or value, W9).

        >>> l = IntervalList([(0, 2)]); l.append((0, 2)); l.append(BaseInterval(3, 4, -1)); l
        IntervalList:[BaseInterval[0;2], BaseInterval[0;2], BaseInterval[3;4;-1]]
        """
        self._items.append(_record(other, "append"))

    def extend(self, other: Iterable[BaseInterval]) -> None:
        """Add every record of an iterable.

        >>> l = IntervalList([(0, 2)]); l.extend([(1, 3), BaseInterval(5, 6)]); l
        IntervalList:[BaseInterval[0;2], BaseInterval[1;3], BaseInterval[5;6]]
        """
        self._items.extend(_records(other))

    def update(self, other: object, times: float = 1) -> None:
        """Add an interval or the records of a list (or of an iterable of intervals),
        ``times`` times. Other collection types raise ``InvalidTypeError`` (a
        ``ValueError``), as in 0.4.0; ``+`` converts them.

        >>> l = IntervalList([(0, 2)]); l.update(BaseInterval(1, 3), times=2); l
        IntervalList:[BaseInterval[0;2], BaseInterval[1;3], BaseInterval[1;3]]
        """
        if isinstance(other, AbstractIntervalCollection) and not isinstance(other, IntervalList):
            raise fail(
                "update_type",
                value=other,
                cls=IntervalList,
                iv_cls=BaseInterval,
                what="update",
                type=type(other).__name__,
            )
        n = int(check_factor(times, "times"))
        recs = _records(other, "update")
        self._items.extend(recs * n)

    def __add__(self, other: Any) -> IntervalList:
        try:
            recs = _records(other)
        except TypeError:
            return NotImplemented
        return IntervalList(self._items + recs)

    def __radd__(self, other: Any) -> IntervalList:
        # ``interval + list``: the interval is appended, as 0.4.0 did (``list + interval``)
        return IntervalList(self._items + _records(other))

    def __iadd__(self, other: Any) -> IntervalList:
        self._items.extend(_records(other))
        return self

    # no ``list - x``: 0.4.0 refused it (TypeError); ``interval - list`` is W7
    def __rsub__(self, other: Any) -> Any:
        if not isinstance(other, (BaseInterval, tuple)):
            return NotImplemented
        return IntervalList(as_interval(other, "other")).as_meter() - self.as_meter()

    def __mul__(self, n: Any) -> IntervalList:
        """The records repeated ``int(n)`` times."""
        return IntervalList(self._items * int(check_factor(n, "n")))

    __rmul__ = __mul__

    def __imul__(self, n: Any) -> IntervalList:
        self._items = self._items * int(check_factor(n, "n"))
        return self

    def filter_by_coordinate(self, coordinate: Coordinate) -> IntervalList:
        """A new list of the records containing ``coordinate``.

        >>> IntervalList([(0, 2), (1, 3), (5, 6)]).filter_by_coordinate(1.5)
        IntervalList:[BaseInterval[0;2], BaseInterval[1;3]]
        """
        self._check_query(coordinate, "filter")
        return IntervalList([iv for iv in self._items if coordinate in iv])

    def filter_by_range(self, interval: BaseInterval) -> IntervalList:
        """A new list of the records sharing a point with ``interval`` (touching counts;
        discrete records: a represented point, as in 0.4.0).

        >>> IntervalList([(0, 2), (3, 4), (5, 6)]).filter_by_range(BaseInterval(2, 3))
        IntervalList:[BaseInterval[0;2], BaseInterval[3;4]]
        >>> from intervalues import BaseDiscreteInterval as BDI
        >>> IntervalList([BDI(0, 4, step=2), BDI(1, 5, step=2)]).filter_by_range(BDI(4, 4))
        IntervalList:[BaseDiscreteInterval[0;4;2]]
        """
        iv = as_interval(interval, "interval", "interval_not_interval")
        for r in self._items:
            r._check_kind(iv, "intersect")  # as 0.4.0: no discrete with continuous
        if iv._discrete:
            keep = [r for r in self._items if r.overlaps(iv) and r.intersection_support(iv)]
        else:
            keep = [r for r in self._items if r.overlaps(iv)]
        return IntervalList(keep)

    def find_which_contains(self, other: BaseInterval | Coordinate) -> list[BaseInterval]:
        """The records containing ``other``.

        >>> IntervalList([(0, 2), (1, 3), (5, 6)]).find_which_contains(2)
        [BaseInterval[0;2], BaseInterval[1;3]]
        """
        return list(self.filter_by_coordinate(other))  # type: ignore[arg-type]

    def total_length(self) -> Length:
        """Σ of the records' weighted lengths.

        >>> IntervalList([(0, 2), (1, 3, 2)]).total_length()
        6
        """
        self._check_one_domain()
        lengths = [iv.get_length() for iv in self._items]
        if lengths and isinstance(self._items[0].start, datetime):
            # discrete datetime records measure timedelta(0) here, as in 0.4.0
            lengths = [n if isinstance(n, timedelta) else timedelta(0) for n in lengths]
        return sum(lengths[1:], lengths[0]) if lengths else 0

    def get_length(self, index: BaseInterval | None = None) -> Length:
        """:meth:`total_length`, or ``self[index] * index.get_length()``.

        >>> l = IntervalList([(0, 2), (1, 3, 2)])
        >>> l.get_length(), l.get_length(BaseInterval(1, 2))  # l[iv] is a ratio (0.4.0)
        (6, 3.0)
        """
        if index is None:
            return self.total_length()
        iv = as_interval(index, "index")
        return self[iv] * iv.get_length()

    def __eq__(self, other: object) -> bool:
        if isinstance(other, IntervalList):
            return self._items == other._items
        if isinstance(other, BaseInterval):
            return len(self._items) == 1 and self._items[0] == other
        return NotImplemented if not isinstance(other, AbstractIntervalCollection) else False

    def __hash__(self) -> int:
        if len(self._items) == 1:  # hashes like the one record it equals (0.4.0)
            return hash(self._items[0])
        return hash(tuple(self._items))

    def key_compare(self, other: Any) -> bool:
        """Whether the sorted records come before ``other``'s (0.4.0's ``<``).

        >>> a, b = IntervalList([(0, 2)]), IntervalList([(0, 2), (1, 3)])
        >>> a.key_compare(b), b.key_compare(a), a.key_compare(a)
        (True, False, False)
        """
        return sorted(self._items) < sorted(_pieces(other))

    # the records in order against ``other``'s (an interval counts as a one-record list)
    def __lt__(self, other: Any) -> bool:
        return self._items < _pieces(other)

    def __le__(self, other: Any) -> bool:
        return self._items <= _pieces(other)

    def __gt__(self, other: Any) -> bool:
        return self._items > _pieces(other)

    def __ge__(self, other: Any) -> bool:
        return self._items >= _pieces(other)

    def __repr__(self) -> str:
        return "IntervalList:[" + ", ".join(repr(iv) for iv in self._items) + "]"

    __str__ = __repr__

    def as_list(self) -> IntervalList:
        """A copy.

        >>> l = IntervalList([(0, 2), (0, 2)])
        >>> l.as_list(), l.as_list() is l
        (IntervalList:[BaseInterval[0;2], BaseInterval[0;2]], False)
        """
        return self.copy()

    def to_timezone(
        self, target_timezone: Any, *, remove_timezone: bool = False, fold: int | None = None
    ) -> IntervalList:
        """A copy with every record converted.

        >>> from datetime import datetime, timezone
        >>> l = IntervalList([(datetime(2024, 1, 1), datetime(2024, 1, 2))])
        >>> print(l.to_timezone(timezone.utc).min())
        2024-01-01 00:00:00+00:00
        """
        return IntervalList(
            [
                iv.to_timezone(target_timezone, remove_timezone=remove_timezone, fold=fold)
                for iv in self._items
            ]
        )


def _pieces(other: Any) -> list[BaseInterval]:
    if isinstance(other, IntervalList):
        return other._items
    if isinstance(other, BaseInterval):
        return [other]
    return list(other)


def _record(iv: Any, what: str = "") -> BaseInterval:
    """A copy of one record; ``what`` (``"append"``...) raises 0.4.0's text for a
    non-interval (0.4.0 appended through ``update``)."""
    if what and not isinstance(iv, (BaseInterval, tuple, list)):
        raise fail(
            "update_type",
            value=iv,
            cls=IntervalList,
            iv_cls=BaseInterval,
            what=what,
            type=type(iv).__name__,
        )
    return as_interval(iv, "iv")._clone()


def _records(data: Any, what: str = "") -> list[BaseInterval]:
    """The records of ``data`` (copies); ``what="update"`` raises 0.4.0's ``update`` text."""
    if what == "update" and not isinstance(data, (BaseInterval, tuple, AbstractIntervalCollection)):
        raise fail(
            "update_type",
            value=data,
            cls=IntervalList,
            iv_cls=BaseInterval,
            what="update",
            type=type(data).__name__,
        )
    if data is None:
        return []
    if isinstance(data, BaseInterval) or (
        isinstance(data, tuple)
        and 2 <= len(data) <= 3
        and not isinstance(data[0], (BaseInterval, tuple))
    ):
        return [_record(data)]
    if isinstance(data, (str, bytes)):
        raise fail("not_intervals", type=type(data).__name__)
    try:
        items = list(data)
    except TypeError:
        raise fail("not_intervals", type=type(data).__name__) from None
    return [_record(x) for x in items]
