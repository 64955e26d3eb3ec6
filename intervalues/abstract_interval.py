"""The abstract contracts shared by single intervals and interval collections."""

from __future__ import annotations

import numbers
from abc import ABC, abstractmethod
from datetime import datetime, timedelta, tzinfo
from typing import TYPE_CHECKING, Any, TypeAlias

from ._checks import fail

if TYPE_CHECKING:
    from .base_interval import BaseInterval
    from .interval_list import IntervalList
    from .interval_meter import IntervalCounter, IntervalMeter
    from .interval_pdf import IntervalPdf
    from .interval_set import IntervalSet

__all__ = ["AbstractInterval", "AbstractIntervalCollection"]

#: a coordinate: a number or a datetime (re-exported as ``intervalues.Coordinate``)
Coordinate: TypeAlias = int | float | datetime
#: a (weighted) length: a number, or a ``timedelta`` for datetimes
Length: TypeAlias = float | timedelta


class AbstractInterval(ABC):
    """What every interval-like object offers: conversions, length and bounds.

    >>> from intervalues import BaseInterval
    >>> isinstance(BaseInterval(0, 1), AbstractInterval)
    True
    """

    __slots__ = ()

    @abstractmethod
    def as_counter(self) -> IntervalCounter:
        """This object as an ``IntervalCounter``.

        >>> from intervalues import BaseInterval
        >>> BaseInterval(0, 2, 3).as_counter()
        IntervalCounter:{BaseInterval[0;2]: 3}
        """

    @abstractmethod
    def as_list(self) -> IntervalList:
        """This object as an ``IntervalList``.

        >>> from intervalues import BaseInterval
        >>> BaseInterval(0, 2, 3).as_list()
        IntervalList:[BaseInterval[0;2;3]]
        """

    @abstractmethod
    def as_meter(self) -> IntervalMeter:
        """This object as an ``IntervalMeter``.

        >>> from intervalues import BaseInterval
        >>> BaseInterval(0, 2, 3).as_meter()
        IntervalMeter:{BaseInterval[0;2]: 3}
        """

    @abstractmethod
    def as_set(self) -> IntervalSet:
        """This object as an ``IntervalSet``.

        >>> from intervalues import BaseInterval
        >>> BaseInterval(0, 2, 3).as_set()
        IntervalSet:{BaseInterval[0;2]}
        """

    @abstractmethod
    def as_pdf(self) -> IntervalPdf:
        """This object as a normalised ``IntervalPdf``.

        >>> from intervalues import BaseInterval
        >>> BaseInterval(0, 4).as_pdf()
        IntervalPdf:{BaseInterval[0;4]: 0.25}
        """

    @abstractmethod
    def get_length(self) -> Length:
        """Total (value-weighted) length.

        >>> from intervalues import BaseInterval, IntervalMeter
        >>> BaseInterval(0, 2, 3).get_length(), IntervalMeter([(0, 2), (1, 3)]).get_length()
        (6, 4)
        """

    @abstractmethod
    def max(self) -> Coordinate:
        """Upper bound.

        >>> from intervalues import BaseInterval, IntervalMeter
        >>> BaseInterval(1, 4).max(), IntervalMeter([(0, 2), (5, 7)]).max()
        (4, 7)
        """

    @abstractmethod
    def min(self) -> Coordinate:
        """Lower bound.

        >>> from intervalues import BaseInterval, IntervalMeter
        >>> BaseInterval(1, 4).min(), IntervalMeter([(0, 2), (5, 7)]).min()
        (1, 0)
        """


class AbstractIntervalCollection(AbstractInterval):
    """Behaviour shared by meters, counters, sets and lists.

    Concrete collections provide ``__iter__`` (the weighted intervals), ``__len__``,
    ``bounds`` and the ``data`` compatibility view; the members here are written on top.

    >>> from intervalues import IntervalMeter, BaseInterval
    >>> m = IntervalMeter([BaseInterval(0, 2), BaseInterval(5, 6)])
    >>> m.bounds, m.is_empty, m.as_single_interval()
    ((0, 6), False, BaseInterval[0;6])
    """

    __slots__ = ()

    #: the 0.4.0 compatibility view of the content (each collection defines it)
    data: Any

    @property
    @abstractmethod
    def bounds(self) -> tuple[Coordinate, Coordinate] | None:
        """``(min start, max stop)``, or ``None`` when empty. O(1).

        >>> from intervalues import IntervalSet
        >>> IntervalSet([(0, 2), (5, 7)]).bounds, IntervalSet().bounds
        ((0, 7), None)
        """

    @abstractmethod
    def __iter__(self) -> Any: ...

    @abstractmethod
    def __len__(self) -> int: ...

    @property
    def is_empty(self) -> bool:
        """Whether nothing is stored.

        >>> from intervalues import IntervalSet
        >>> IntervalSet().is_empty
        True
        """
        return len(self) == 0

    def min(self) -> Coordinate:
        """Smallest start; ``ValueError`` when empty.

        >>> from intervalues import IntervalSet, BaseInterval
        >>> IntervalSet(BaseInterval(1, 2)).min()
        1
        """
        b = self.bounds
        if b is None:
            raise fail("min_empty", owner=type(self).__name__)
        return b[0]

    def max(self) -> Coordinate:
        """Largest stop; ``ValueError`` when empty.

        >>> from intervalues import IntervalSet, BaseInterval
        >>> IntervalSet(BaseInterval(1, 2)).max()
        2
        """
        b = self.bounds
        if b is None:
            raise fail("max_empty", owner=type(self).__name__)
        return b[1]

    def as_single_interval(self) -> BaseInterval:
        """``BaseInterval(min(), max())``.

        >>> from intervalues import IntervalSet, BaseInterval
        >>> IntervalSet([BaseInterval(0, 1), BaseInterval(3, 4)]).as_single_interval()
        BaseInterval[0;4]
        """
        from .base_interval import BaseInterval

        return BaseInterval(self.min(), self.max())

    def get_data(self) -> Any:
        """The ``data`` compatibility view (see ``data``).

        >>> from intervalues import IntervalSet
        >>> IntervalSet([(0, 2), (5, 7)]).get_data() == IntervalSet([(0, 2), (5, 7)]).data
        True
        """
        return self.data

    @abstractmethod
    def set_data(self, data: Any) -> None:
        """Replace the content by ``data`` (what ``data`` holds for this collection type:
        a mapping of intervals to weights for meters, intervals otherwise), recombined
        into the canonical form; a failing call leaves the collection unchanged.

        >>> from intervalues import IntervalMeter, BaseInterval
        >>> m = IntervalMeter(); m.set_data({BaseInterval(0, 2): 3}); m
        IntervalMeter:{BaseInterval[0;2]: 3}
        """

    @abstractmethod
    def to_timezone(
        self,
        target_timezone: tzinfo | None,
        *,
        remove_timezone: bool = False,
        fold: int | None = None,
    ) -> Any:
        """A same-type copy with every interval converted (see ``BaseInterval.to_timezone``).

        >>> from datetime import datetime, timezone
        >>> from intervalues import IntervalSet, BaseInterval
        >>> s = IntervalSet(BaseInterval(datetime(2024, 1, 1), datetime(2024, 1, 2)))
        >>> s.to_timezone(timezone.utc).min()
        datetime.datetime(2024, 1, 1, 0, 0, tzinfo=datetime.timezone.utc)
        """

    def convert_timezone_inplace(
        self,
        target_timezone: tzinfo | None,
        *,
        remove_timezone: bool = False,
        fold: int | None = None,
    ) -> Any:
        """:meth:`to_timezone` in place, returning this collection; unchanged on failure.

        >>> from datetime import datetime, timezone
        >>> from intervalues import IntervalSet, BaseInterval
        >>> s = IntervalSet(BaseInterval(datetime(2024, 1, 1), datetime(2024, 1, 2)))
        >>> s.convert_timezone_inplace(timezone.utc) is s, s.max().tzinfo
        (True, datetime.timezone.utc)
        """
        converted = self.to_timezone(target_timezone, remove_timezone=remove_timezone, fold=fold)
        self._take(converted)
        return self

    def _take(self, other: Any) -> None:
        """Take over the content of ``other`` (same type); collections override it."""
        self.set_data(other.data)

    def __contains__(self, x: object) -> bool:
        """Whether ``x`` (a coordinate or an interval) is covered; each collection
        defines what that means.

        >>> from intervalues import IntervalSet, BaseInterval
        >>> 1 in IntervalSet(BaseInterval(0, 2)), BaseInterval(3, 4) in IntervalSet()
        (True, False)
        """
        return any(x in iv for iv in self)

    @abstractmethod
    def __getitem__(self, x: Any) -> Any:
        """The value at a coordinate (or for an interval); each collection defines it."""

    def find_all_containing(self, value: Coordinate | BaseInterval) -> list[BaseInterval]:
        """Every iterated interval that contains a coordinate or interval.

        >>> from intervalues import IntervalList, BaseInterval
        >>> IntervalList([BaseInterval(0, 2), BaseInterval(1, 3)]).find_all_containing(2.5)
        [BaseInterval[1;3]]
        """
        from .base_interval import BaseInterval

        if not isinstance(value, (numbers.Real, datetime, BaseInterval)):
            return []  # as 0.4.0: nothing contains a non-coordinate
        pieces = list(self)
        if pieces:  # a query of another domain is refused (0.4.0's TypeError)
            pieces[0]._query_point(value.start if isinstance(value, BaseInterval) else value)
        out = []
        for iv in pieces:
            try:
                if value in iv:
                    out.append(iv)
            except TypeError:  # discrete against continuous: contains nothing
                return []
        return out

    def deep_copy(self) -> Any:
        """An independent copy (collections never share interval objects anyway).

        >>> from intervalues import IntervalSet
        >>> s = IntervalSet([(0, 2)]); c = s.deep_copy(); c.add((5, 6))
        >>> s, c
        (IntervalSet:{BaseInterval[0;2]}, IntervalSet:{BaseInterval[0;2], BaseInterval[5;6]})
        """
        return self.copy()

    def __neg__(self) -> Any:
        return self * -1

    @abstractmethod
    def copy(self) -> Any:
        """An independent copy.

        >>> from intervalues import IntervalList, BaseInterval
        >>> IntervalList([BaseInterval(0, 1)]).copy()
        IntervalList:[BaseInterval[0;1]]
        """

    @abstractmethod
    def __mul__(self, factor: Any) -> Any: ...

    # -- conversions: combine the iterated intervals into another collection -------------
    def as_meter(self) -> IntervalMeter:
        """The intervals combined into an ``IntervalMeter``.

        >>> from intervalues import IntervalList
        >>> IntervalList([(0, 2), (1, 3)]).as_meter()
        IntervalMeter:{BaseInterval[0;1]: 1, BaseInterval[1;2]: 2, BaseInterval[2;3]: 1}
        """
        from .interval_meter import IntervalMeter

        return IntervalMeter(list(self))

    def as_counter(self) -> IntervalCounter:
        """The intervals combined into an ``IntervalCounter`` (weights truncated).

        >>> from intervalues import IntervalList
        >>> IntervalList([(0, 2), (1, 3)]).as_counter()
        IntervalCounter:{BaseInterval[0;1]: 1, BaseInterval[1;2]: 2, BaseInterval[2;3]: 1}
        """
        from .interval_meter import IntervalCounter

        return IntervalCounter(list(self))

    def as_set(self) -> IntervalSet:
        """The covered geometry of the positive intervals, as an ``IntervalSet``.

        >>> from intervalues import IntervalList
        >>> IntervalList([(0, 2), (1, 3), (5, 6)]).as_set()
        IntervalSet:{BaseInterval[0;3], BaseInterval[5;6]}
        """
        from .interval_set import IntervalSet

        return IntervalSet(list(self))

    def as_list(self) -> IntervalList:
        """The intervals as an ``IntervalList``.

        >>> from intervalues import IntervalSet
        >>> IntervalSet([(0, 2), (1, 3)]).as_list()
        IntervalList:[BaseInterval[0;3]]
        """
        from .interval_list import IntervalList

        return IntervalList(list(self))

    def as_pdf(self) -> IntervalPdf:
        """The intervals combined into a normalised ``IntervalPdf``.

        >>> from intervalues import IntervalList
        >>> IntervalList([(0, 2), (1, 3)]).as_pdf()
        IntervalPdf:{BaseInterval[0;1]: 0.25, BaseInterval[1;2]: 0.5, BaseInterval[2;3]: 0.25}
        """
        from .interval_pdf import IntervalPdf

        return IntervalPdf(list(self))
