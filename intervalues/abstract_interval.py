"""The abstract contracts shared by single intervals and interval collections."""

from __future__ import annotations

import numbers
from abc import ABC, abstractmethod
from datetime import datetime
from typing import TYPE_CHECKING, Any

from ._checks import fail

if TYPE_CHECKING:
    from .base_interval import BaseInterval
    from .interval_list import IntervalList
    from .interval_meter import IntervalCounter, IntervalMeter
    from .interval_pdf import IntervalPdf
    from .interval_set import IntervalSet

__all__ = ["AbstractInterval", "AbstractIntervalCollection"]


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
    def get_length(self) -> Any:
        """Total (value-weighted) length.

        >>> from intervalues import BaseInterval, IntervalMeter
        >>> BaseInterval(0, 2, 3).get_length(), IntervalMeter([(0, 2), (1, 3)]).get_length()
        (6, 4)
        """

    @abstractmethod
    def max(self) -> Any:
        """Upper bound.

        >>> from intervalues import BaseInterval, IntervalMeter
        >>> BaseInterval(1, 4).max(), IntervalMeter([(0, 2), (5, 7)]).max()
        (4, 7)
        """

    @abstractmethod
    def min(self) -> Any:
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
    def bounds(self) -> tuple[Any, Any] | None:
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

    def min(self) -> Any:
        """Smallest start; ``ValueError`` when empty.

        >>> from intervalues import IntervalSet, BaseInterval
        >>> IntervalSet(BaseInterval(1, 2)).min()
        1
        """
        b = self.bounds
        if b is None:
            raise fail("min_empty", owner=type(self).__name__)
        return b[0]

    def max(self) -> Any:
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

    def find_all_containing(self, x: Any) -> list[Any]:
        """Every iterated interval that contains a coordinate or interval.

        >>> from intervalues import IntervalList, BaseInterval
        >>> IntervalList([BaseInterval(0, 2), BaseInterval(1, 3)]).find_all_containing(2.5)
        [BaseInterval[1;3]]
        """
        from .base_interval import BaseInterval

        if not isinstance(x, (numbers.Real, datetime, BaseInterval)):
            return []
        return [iv for iv in self if x in iv]  # another domain: TypeError, as in 0.4.0

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
