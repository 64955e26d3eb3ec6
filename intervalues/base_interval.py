"""`BaseInterval`: one closed interval ``[start, stop]`` carrying a numeric weight."""

from __future__ import annotations

import math
import numbers
import typing
from collections.abc import Iterable, Mapping
from datetime import datetime, timedelta, timezone, tzinfo
from itertools import pairwise
from typing import TYPE_CHECKING, Any, TypeVar

from ._checks import check_coordinate, check_factor, check_value, describe, fail
from ._engine import stats
from ._engine.coords import domain_of, key_of
from ._engine.sweep import finish_total, scale_values
from .abstract_interval import AbstractInterval, AbstractIntervalCollection, Coordinate, Length

if TYPE_CHECKING:
    from .interval_list import IntervalList
    from .interval_meter import IntervalCounter, IntervalMeter
    from .interval_pdf import IntervalPdf
    from .interval_set import IntervalSet

__all__ = ["BaseInterval", "Coordinate", "EmptyInterval", "Length", "UnitInterval"]

_I = TypeVar("_I", bound="BaseInterval")


def _fmt(x: Any) -> str:
    return str(x)


class BaseInterval(AbstractInterval):
    """A closed interval ``[start, stop]`` with a weight ``value`` (default 1).

    Bounds are numbers or datetimes (naive or aware; aware ones compare by instant).
    Construction validates: bad types raise ``TypeError``, non-finite or reversed bounds
    ``ValueError``.

    >>> BaseInterval(0, 2)
    BaseInterval[0;2]
    >>> BaseInterval((0, 2, 5)), BaseInterval(3)
    (BaseInterval[0;2;5], BaseInterval[3;4])
    >>> BaseInterval(2, 4, 3) + BaseInterval(1, 3, 2)
    IntervalMeter:{BaseInterval[1;2]: 2, BaseInterval[2;3]: 5, BaseInterval[3;4]: 3}
    """

    # _label: the name of this one object (EmptyInterval()); copies do not keep it
    __slots__ = ("_label", "start", "stop", "value")
    _discrete = False

    start: Coordinate  # as 0.4.0: get_type_hints(BaseInterval) gives the coordinate type
    stop: Coordinate
    value: Any
    _label: str

    def __init__(
        self,
        loc: typing.Sequence[Coordinate] | Coordinate,  # typing's, as 0.4.0 (== in hints)
        stop: Coordinate | None = None,
        value: float | None = None,
    ) -> None:
        first: Any = loc
        if isinstance(loc, (tuple, list)):
            if not 2 <= len(loc) <= 3:
                raise fail("iv_loc_sequence", value=loc)
            if stop is not None:
                raise fail("iv_stop_twice")
            seq_value: Any = loc[2] if len(loc) == 3 else None
            first, stop = loc[0], loc[1]
            if value is None:
                value = seq_value
        scalar = stop is None and not isinstance(first, str)  # 0.4.0 read a str as (start, stop)
        start = check_coordinate(
            first, "start", ("iv_scalar_type" if scalar else "iv_bound_type", "iv_bound_finite")
        )
        if stop is None:
            if isinstance(start, datetime):
                raise fail("iv_datetime_needs_stop", value=start)
            stop = start + 1
        else:
            stop = check_coordinate(stop, "stop", ("iv_bound_type", "iv_bound_finite"))
        _check_bounds(start, stop)
        self.start = start
        self.stop = stop
        self.value = 1 if value is None else check_value(value)

    # -- small accessors -------------------------------------------------------------
    def get_length(self) -> Length:
        """``(stop - start) * value``; a ``timedelta`` for datetimes.

        >>> BaseInterval(1, 4, 2).get_length()
        6
        """
        start, stop = self.start, self.stop
        try:
            if isinstance(start, datetime):
                return _elapsed(start, stop) * self.value
            return stats.area(start, stop, self.value)
        except OverflowError:  # beyond the float or timedelta range
            raise fail("statistic_not_finite", name="get_length", what=repr(self)) from None

    def min(self) -> Coordinate:
        """The start. ``BaseInterval(1, 4).min()`` is ``1``.

        >>> BaseInterval(1, 4).min()
        1
        """
        return self.start

    def max(self) -> Coordinate:
        """The stop. ``BaseInterval(1, 4).max()`` is ``4``.

        >>> BaseInterval(1, 4).max()
        4
        """
        return self.stop

    def get_value(self) -> int | float:
        """The weight. ``BaseInterval(0, 1, 3).get_value()`` is ``3``.

        >>> BaseInterval(0, 1, 3).get_value(), BaseInterval(0, 1).get_value()
        (3, 1)
        """
        return self.value

    def set_value(self, val: float) -> None:
        """Overwrite the weight in place (prefer :meth:`with_value`).

        >>> iv = BaseInterval(0, 1); iv.set_value(4); iv
        BaseInterval[0;1;4]
        """
        self.value = check_value(val)

    def mult_value(self, val: float) -> None:
        """Multiply the weight in place (prefer ``iv * val``).

        >>> iv = BaseInterval(0, 1, 3); iv.mult_value(2); iv
        BaseInterval[0;1;6]
        """
        self.value = check_value(self.value * check_factor(val))

    def with_value(self: _I, value: float) -> _I:
        """A copy with another weight.

        >>> BaseInterval(0, 1).with_value(5)
        BaseInterval[0;1;5]
        """
        new = self.copy()
        new.value = check_value(value)
        return new

    def as_index(self: _I) -> _I:
        """A copy with weight 1 (the form used as a collection key).

        >>> BaseInterval(0, 2, 5).as_index()
        BaseInterval[0;2]
        """
        return self.with_value(1)

    def copy(self: _I) -> _I:
        """A new equal interval.

        >>> BaseInterval(0, 2, 3).copy()
        BaseInterval[0;2;3]
        """
        new = object.__new__(type(self))
        for slot in _all_slots(type(self)):
            object.__setattr__(new, slot, getattr(self, slot))
        return new

    __copy__ = copy

    def _clone(self: _I) -> _I:
        """A copy that keeps this object's name (``EmptyInterval``), as records do."""
        new = self.copy()
        if hasattr(self, "_label"):
            new._label = self._label
        return new

    def __deepcopy__(self, memo: dict[int, Any]) -> BaseInterval:
        return self._clone()

    def __reduce__(self) -> Any:
        state = tuple(getattr(self, s) for s in _all_slots(type(self)))
        return (_rebuild, (type(self), state, getattr(self, "_label", None)))

    def copy_with_replace(
        self, replace: Mapping[str, Coordinate | timedelta] | None = None
    ) -> BaseInterval:
        """A copy with any of ``start``/``stop``/``value`` replaced (validated).

        >>> BaseInterval(0, 2).copy_with_replace({"stop": 5})
        BaseInterval[0;5]
        """
        args = {"start": self.start, "stop": self.stop, "value": self.value}
        replace = replace or {}
        unknown = set(replace) - set(args)
        if unknown:
            raise fail("iv_unknown_fields", fields=sorted(unknown))
        args.update(replace)
        return type(self)(args["start"], args["stop"], value=args["value"])

    def to_args(self, ign_value: bool = False) -> tuple[Coordinate | timedelta, ...]:
        """``(start, stop)``, or ``(start, stop, value)`` when the value is not 1.

        >>> BaseInterval(0, 2, 3).to_args(), BaseInterval(0, 2).to_args()
        ((0, 2, 3), (0, 2))
        """
        if ign_value or self.value == 1:
            return (self.start, self.stop)
        return (self.start, self.stop, self.value)

    def to_args_and_replace(
        self, replace: Mapping[str, Coordinate | timedelta] | None = None
    ) -> tuple[Coordinate | timedelta, ...]:
        """:meth:`to_args` after replacing fields: only a tuple, so nothing is validated
        (as in 0.4.0; build an interval from it to validate). Unknown fields raise
        ``TypeError``.

        >>> BaseInterval(0, 2, 3).to_args_and_replace({"stop": 5})
        (0, 5, 3)
        """
        fields = self._arg_fields()
        unknown = set(replace or {}) - set(fields)
        if unknown:
            raise fail("iv_unknown_fields", fields=sorted(unknown))
        fields.update(replace or {})
        return self._args_of(fields)

    def _arg_fields(self) -> dict[str, Any]:
        return {"start": self.start, "stop": self.stop, "value": self.value}

    @staticmethod
    def _args_of(f: Mapping[str, Any]) -> tuple[Any, ...]:
        return (f["start"], f["stop"], f["value"]) if f["value"] != 1 else (f["start"], f["stop"])

    # -- conversions ------------------------------------------------------------------
    def as_meter(self) -> IntervalMeter:
        """A one-interval ``IntervalMeter``.

        >>> BaseInterval(0, 1, 2).as_meter()
        IntervalMeter:{BaseInterval[0;1]: 2}
        """
        from .interval_meter import IntervalMeter

        return IntervalMeter(self)

    def as_counter(self) -> IntervalCounter:
        """A one-interval ``IntervalCounter`` (value truncated to an int).

        >>> BaseInterval(0, 1, 2.7).as_counter()
        IntervalCounter:{BaseInterval[0;1]: 2}
        """
        from .interval_meter import IntervalCounter

        return IntervalCounter(self)

    def as_set(self) -> IntervalSet:
        """A one-interval ``IntervalSet`` (the value only decides the sign).

        >>> BaseInterval(0, 1, 5).as_set(), BaseInterval(0, 1, -1).as_set()
        (IntervalSet:{BaseInterval[0;1]}, IntervalSet:set())
        """
        from .interval_set import IntervalSet

        return IntervalSet(self)

    def as_list(self) -> IntervalList:
        """A one-record ``IntervalList``.

        >>> BaseInterval(0, 1, 2).as_list()
        IntervalList:[BaseInterval[0;1;2]]
        """
        from .interval_list import IntervalList

        return IntervalList(self)

    def as_pdf(self) -> IntervalPdf:
        """A normalised ``IntervalPdf`` (numbers only).

        >>> BaseInterval(0, 4, 3).as_pdf()
        IntervalPdf:{BaseInterval[0;4]: 0.25}
        """
        if isinstance(self.start, datetime):
            raise fail("pdf_datetime", value=self)
        from .interval_pdf import IntervalPdf

        return IntervalPdf(self)

    # -- geometry ---------------------------------------------------------------------
    def _keys(self) -> tuple[Any, Any]:
        return key_of(self.start), key_of(self.stop)

    def _check_domain(self, other: Any, what: str) -> None:
        a, b = domain_of(self.start), domain_of(_first_coordinate(other))
        if a.kind != b.kind:
            raise fail("coords_domain", what=what, a=describe(a), b=describe(b))

    def _query_point(self, x: Any) -> Any:
        """A coordinate query: the checked coordinate, or None for a non-coordinate
        (not a member). A coordinate of another domain (numbers against datetimes, naive
        against aware) is refused with ``TypeError``, as 0.4.0 did."""
        try:
            x = check_coordinate(x, "x")
        except (TypeError, ValueError):
            return None
        self._check_domain(x, "compare")
        return x

    def _contains_point(self, x: Any) -> bool:
        x = self._query_point(x)
        return x is not None and key_of(self.start) <= key_of(x) <= key_of(self.stop)

    def __contains__(self, val: object) -> bool:
        """Whether a coordinate or interval lies within ``[start, stop]``.

        >>> 2 in BaseInterval(0, 2), BaseInterval(1, 2) in BaseInterval(0, 2)
        (True, True)
        """
        if isinstance(val, BaseInterval):
            if val._discrete and not self._discrete:
                return self.contains(val)
            return self.contains(val)
        if isinstance(val, AbstractIntervalCollection):
            return all(iv in self for iv in val)
        return self._contains_point(val)

    def contains(self, other: BaseInterval) -> bool:
        """Whether ``other`` lies within this closed range.

        >>> BaseInterval(0, 5).contains(BaseInterval(1, 5))
        True
        """
        other = as_interval(other, "other")
        self._check_domain(other, "compare")
        a, b = self._keys()
        c, d = other._keys()
        return a <= c and d <= b

    def __getitem__(self, index: object) -> float:
        """The value at a coordinate (0 outside); for an interval, ``value / other.value``.

        >>> BaseInterval(0, 2, 6)[1], BaseInterval(0, 2, 6)[BaseInterval(0, 1, 2)]
        (6, 3.0)
        """
        if isinstance(index, BaseInterval):
            if index not in self:
                return 0
            try:
                return self.value / index.value
            except OverflowError:  # an int quotient beyond the float range
                raise fail(
                    "statistic_not_finite", name="value / index.value", what=repr(self)
                ) from None
        return self.value if self._contains_point(index) else 0

    def __iter__(self) -> typing.Iterator[tuple[Coordinate, float]]:  # typing's, as 0.4.0
        """The two sweep events ``(start, +value)`` and ``(stop, -value)``.

        >>> list(BaseInterval(0, 2, 5))
        [(0, 5), (2, -5)]
        """
        yield (self.start, self.value)
        yield (self.stop, -self.value)

    def __call__(
        self,
    ) -> tuple[tuple[Coordinate, float], ...] | tuple[Coordinate | timedelta, ...]:
        """The sweep events as a tuple (a discrete interval gives its arguments).

        >>> BaseInterval(0, 2, 5)()
        ((0, 5), (2, -5))
        """
        return tuple(self)

    def overlaps(self, other: BaseInterval) -> bool:
        """Whether both share at least one point (touching counts).

        >>> BaseInterval(0, 2).overlaps(BaseInterval(2, 3))
        True
        """
        other = as_interval(other, "other")
        self._check_domain(other, "compare")
        a, b = self._keys()
        c, d = other._keys()
        return a <= d and c <= b

    def left_overlaps(self, other: BaseInterval) -> bool:
        """Whether ``other.start`` lies strictly inside this interval.

        >>> a = BaseInterval(0, 3)
        >>> a.left_overlaps(BaseInterval(2, 5)), a.left_overlaps(BaseInterval(3, 5))
        (True, False)
        """
        other = as_interval(other, "other")
        self._check_domain(other, "compare")
        a, b = self._keys()
        return a < key_of(other.start) < b

    def right_overlaps(self, other: BaseInterval) -> bool:
        """Whether ``other.stop`` lies strictly inside this interval.

        >>> a = BaseInterval(0, 3)
        >>> BaseInterval(2, 5).right_overlaps(a), BaseInterval(3, 5).right_overlaps(a)
        (True, False)
        """
        other = as_interval(other, "other")
        self._check_domain(other, "compare")
        a, b = self._keys()
        return a < key_of(other.stop) < b

    def left_borders(self, other: BaseInterval) -> bool:
        """Whether this interval ends where ``other`` starts.

        >>> a, b = BaseInterval(0, 1), BaseInterval(1, 2)
        >>> a.left_borders(b), b.left_borders(a)
        (True, False)
        """
        other = as_interval(other, "other")
        self._check_domain(other, "compare")
        return key_of(self.stop) == key_of(other.start)

    def right_borders(self, other: BaseInterval) -> bool:
        """Whether this interval starts where ``other`` ends.

        >>> a, b = BaseInterval(0, 1), BaseInterval(1, 2)
        >>> b.right_borders(a), a.right_borders(b)
        (True, False)
        """
        other = as_interval(other, "other")
        self._check_domain(other, "compare")
        return key_of(self.start) == key_of(other.stop)

    def borders(self, other: BaseInterval) -> bool:
        """Whether the two touch end to start, either way round.

        >>> BaseInterval(0, 1).borders(BaseInterval(1, 2))
        True
        """
        return self.left_borders(other) or self.right_borders(other)

    def is_disjoint_with(self, other: BaseInterval) -> bool:
        """Whether there is no common point (touching is not disjoint).

        >>> BaseInterval(0, 2).is_disjoint_with(BaseInterval(2, 3))
        False
        """
        return not self.overlaps(other)

    def _check_kind(self, other: BaseInterval, what: str) -> None:
        if self._discrete != other._discrete:
            if what == "intersect":
                raise fail("iv_kind_intersect", a=self, b=other)
            raise fail("iv_kind_mix", what=what)

    def intersection_support(self, other: BaseInterval) -> IntervalSet:
        """The common geometry as an ``IntervalSet`` (values ignored; touching gives a point).

        >>> BaseInterval(0, 2, 3).intersection_support(BaseInterval(2, 5, 4))
        IntervalSet:{BaseInterval[2;2]}
        """
        from .interval_set import IntervalSet

        other = as_interval(other, "other")
        self._check_kind(other, "intersect")
        return IntervalSet(self.as_index()) & IntervalSet(other.as_index())

    def intersection(self, other: BaseInterval) -> IntervalMeter:
        """An ``IntervalMeter`` with ``self.value * other.value`` on the overlap.

        >>> BaseInterval(0, 2, 3).intersection(BaseInterval(1, 5, 4))
        IntervalMeter:{BaseInterval[1;2]: 12}
        """
        from .interval_meter import IntervalMeter

        other = as_interval(other, "other")
        self._check_kind(other, "intersect")
        self._check_domain(other, "intersect")
        if key_of(other.start) > key_of(self.start):
            lo = other.start
        else:
            lo = self.start
        hi = other.stop if key_of(other.stop) < key_of(self.stop) else self.stop
        if key_of(lo) >= key_of(hi):
            return IntervalMeter()
        return IntervalMeter(BaseInterval(lo, hi, self.value * other.value))

    def distance_to(self, other: BaseInterval) -> Length:
        """The gap between the two ranges (0 when they meet); ``timedelta`` for datetimes.

        >>> BaseInterval(0, 2).distance_to(BaseInterval(5, 6))
        3
        """
        other = as_interval(other, "other")
        self._check_domain(other, "measure the distance between")
        if key_of(other.start) > key_of(self.stop):
            return _elapsed(self.stop, other.start)
        if key_of(self.start) > key_of(other.stop):
            return _elapsed(other.stop, self.start)
        return timedelta(0) if isinstance(self.start, datetime) else 0

    def clamp(self, value: Coordinate) -> Coordinate:
        """The nearest point of the closed range.

        >>> BaseInterval(0, 2).clamp(7), BaseInterval(0, 2).clamp(1)
        (2, 1)
        """
        if isinstance(self.start, datetime) or isinstance(value, datetime):
            if not isinstance(value, datetime):  # 0.4.0 compares the domains first
                raise fail("coords_domain_value", value=value, what="an interval", kind=_kind(self))
            self._check_domain(value, "clamp")
        elif isinstance(value, bool) or not isinstance(value, numbers.Real):
            key = "not_a_coordinate" if isinstance(value, bool) else "clamp_type"
            raise fail(key, name="value", type=type(value).__name__, value=value)
        elif isinstance(value, float) and math.isnan(value):
            raise fail("clamp_nan", interval=self)
        value = check_coordinate(value, "value")
        k = key_of(value)
        if k <= key_of(self.start):
            return self.start
        if k >= key_of(self.stop):
            return self.stop
        return value

    def split_at(self, points: Iterable[Coordinate]) -> tuple[BaseInterval, ...]:
        """Pieces cut at the interior points (others ignored), each keeping the value.

        >>> BaseInterval(0, 6, 2).split_at([2, 4, 9])
        (BaseInterval[0;2;2], BaseInterval[2;4;2], BaseInterval[4;6;2])
        """
        cuts = []
        for p in points:
            p = _check_split_point(self, p)
            if key_of(self.start) < key_of(p) < key_of(self.stop):
                cuts.append(p)
        ordered = sorted({key_of(p): p for p in cuts}.items())
        bounds = [self.start, *(p for _, p in ordered), self.stop]
        return tuple(type(self)(a, b, self.value) for a, b in pairwise(bounds))

    # -- comparison -------------------------------------------------------------------
    def _sort_key(self) -> tuple[Any, ...]:
        return (key_of(self.start), key_of(self.stop), 0, 0, 0, self.value)

    def __eq__(self, other: object) -> bool:
        if isinstance(other, BaseInterval):
            if self._discrete != other._discrete:
                return False
            a, b = domain_of(self.start), domain_of(other.start)
            if a.kind != b.kind:
                if self._refuses_domain_equality(other):
                    raise fail("coords_domain", what="compare", a=describe(a), b=describe(b))
                return False
            return self._sort_key() == other._sort_key()
        if isinstance(other, AbstractIntervalCollection):
            return NotImplemented
        return False

    def _refuses_domain_equality(self, other: BaseInterval) -> bool:
        """0.4.0 raised on ``==`` across domains between continuous intervals, and
        between discrete ones of naive and aware datetimes (EmptyInterval() compared
        unequal)."""
        if hasattr(self, "_label") or hasattr(other, "_label"):
            return False
        if not self._discrete:
            return True
        return isinstance(self.start, datetime) and isinstance(other.start, datetime)

    def __hash__(self) -> int:
        k = self._sort_key()
        return hash(k[:2] + k[5:]) if self.value != 1 else hash(k[:2])

    def _cmp_key(self, other: object) -> tuple[tuple[Any, ...], tuple[Any, ...]] | None:
        if not isinstance(other, BaseInterval):
            return None
        self._check_domain(other, "compare")
        return self._sort_key(), other._sort_key()

    def __lt__(self, other: object) -> bool:
        keys = self._cmp_key(other)
        return NotImplemented if keys is None else keys[0] < keys[1]

    def __le__(self, other: object) -> bool:
        keys = self._cmp_key(other)
        return NotImplemented if keys is None else keys[0] <= keys[1]

    def __gt__(self, other: object) -> bool:
        keys = self._cmp_key(other)
        return NotImplemented if keys is None else keys[0] > keys[1]

    def __ge__(self, other: object) -> bool:
        keys = self._cmp_key(other)
        return NotImplemented if keys is None else keys[0] >= keys[1]

    @property
    def __name__(self) -> str:
        """The name an interval prints with: its class name, or ``'EmptyInterval'``.

        >>> BaseInterval(0, 1).__name__, EmptyInterval().__name__
        ('BaseInterval', 'EmptyInterval')
        """
        cls: type = type(self)
        return getattr(self, "_label", cls.__name__)

    def __repr__(self) -> str:
        return f"{self.__name__}{self}"

    def __str__(self) -> str:
        parts = [_fmt(self.start), _fmt(self.stop)]
        if self.value != 1:
            parts.append(_fmt(self.value))
        return "[" + ";".join(parts) + "]"

    # -- arithmetic -------------------------------------------------------------------
    def _meter_of(self, *ivs: BaseInterval) -> Any:
        from .interval_meter import IntervalMeter

        return IntervalMeter(list(ivs))

    def _same_bounds(self, other: BaseInterval) -> bool:
        return self._keys() == other._keys()

    def _summed_value(self, other: BaseInterval, sign: int) -> int | float:
        """``self.value + sign * other.value``, summed exactly by the meter's rule (W12)."""
        scaled, scale, has_float = scale_values([self.value, sign * other.value])
        return finish_total("meter", has_float, scale)(sum(scaled))

    def _with_sum(self, other: BaseInterval, sign: int) -> BaseInterval:
        """``[start;stop]`` carrying the summed value; ``EmptyInterval()`` for 0 (W14)."""
        total = self._summed_value(other, sign)
        return BaseInterval(self.start, self.stop, total) if total != 0 else EmptyInterval()

    def __add__(self, other: Any) -> Any:
        """Sum, following 0.4.0's cases: touching intervals with equal values give one
        merged interval, equal bounds one interval with the summed value (a zero sum is
        ``EmptyInterval()``, W14); every other sum is an ``IntervalMeter``.

        >>> BaseInterval(0, 1) + BaseInterval(1, 2)
        BaseInterval[0;2]
        >>> BaseInterval(0, 2) + BaseInterval(0, 2, 3)
        BaseInterval[0;2;4]
        >>> BaseInterval(0, 2) + BaseInterval(1, 3)
        IntervalMeter:{BaseInterval[0;1]: 1, BaseInterval[1;2]: 2, BaseInterval[2;3]: 1}
        """
        if isinstance(other, AbstractIntervalCollection):
            return NotImplemented  # Python then asks the collection's __radd__
        if isinstance(other, (tuple, list)):
            other = as_interval(other, "other")
        if not isinstance(other, BaseInterval):
            # 0.4.0 answered ``other + self``, so Python names the operands in that order
            return other + self
        self._check_domain(other, "add")  # 0.4.0 compared the coordinates first
        self._check_kind(other, "add")
        if self.value == other.value:
            if key_of(other.start) == key_of(self.stop):
                return BaseInterval(self.start, other.stop, self.value)
            if key_of(self.start) == key_of(other.stop):
                return BaseInterval(other.start, self.stop, self.value)
        if self._same_bounds(other):
            return self._with_sum(other, 1)
        return self._meter_of(self, other)

    def __radd__(self, other: Any) -> Any:
        if other == 0 and not isinstance(other, BaseInterval):  # sum() starts at 0
            return self.copy()
        if isinstance(other, (tuple, list)):
            return as_interval(other, "other") + self
        return NotImplemented

    def __sub__(self, other: Any) -> Any:
        """Difference, following 0.4.0's cases: with equal values and one shared bound the
        remainder is one interval (negative where ``other`` sticks out); equal bounds give
        one interval with the value difference (``x - x`` is ``EmptyInterval()``, W14);
        every other difference is an ``IntervalMeter``.

        >>> BaseInterval(0, 3) - BaseInterval(0, 1)
        BaseInterval[1;3]
        >>> BaseInterval(0, 2) - BaseInterval(0, 2)
        EmptyInterval[0;0]
        >>> BaseInterval(0, 3) - BaseInterval(1, 2)
        IntervalMeter:{BaseInterval[0;1]: 1, BaseInterval[2;3]: 1}
        """
        if isinstance(other, AbstractIntervalCollection):
            return NotImplemented  # Python then asks the collection's __rsub__ (W7)
        if isinstance(other, (tuple, list)):
            other = as_interval(other, "other")
        if not isinstance(other, BaseInterval):
            return NotImplemented
        self._check_domain(other, "subtract")
        self._check_kind(other, "subtract")
        a, b = self._keys()
        c, d = other._keys()
        if self.value == other.value and (a == c) != (b == d):
            v = self.value
            if a == c:
                return (
                    BaseInterval(other.stop, self.stop, v)
                    if d < b
                    else (BaseInterval(self.stop, other.stop, -v))
                )
            return (
                BaseInterval(self.start, other.start, v)
                if a < c
                else (BaseInterval(other.start, self.start, -v))
            )
        if a == c and b == d:
            return self._with_sum(other, -1)
        return self._meter_of(self, -other)

    def __neg__(self) -> BaseInterval:
        """The same interval with the value negated."""
        return self.with_value(-self.value)

    def __mul__(self, factor: Any) -> BaseInterval:
        """Scale the value.

        >>> BaseInterval(0, 1, 2) * 3
        BaseInterval[0;1;6]
        """
        return self.with_value(self.value * check_factor(factor, key="iv_factor"))

    __rmul__ = __mul__

    def __truediv__(self, factor: Any) -> BaseInterval:
        """Divide the value.

        >>> BaseInterval(0, 1, 2) / 4
        BaseInterval[0;1;0.5]
        """
        return self.with_value(self.value / check_factor(factor, key="iv_factor"))

    __idiv__ = __truediv__  # legacy Python 2 name, kept for compatibility

    def _shift(self, d: Any, sign: int) -> BaseInterval:
        if isinstance(self.start, datetime):
            if not isinstance(d, timedelta):
                raise fail("shift_needs_timedelta", value=d)
        elif isinstance(d, timedelta):
            raise fail("shift_timedelta_numeric", value=d)
        else:
            if isinstance(d, datetime):
                raise fail("shift_type", name="shift", type="datetime", value=d)
            d = check_coordinate(d, "shift", ("shift_type", "shift_finite"))
        new = self.copy()
        new.start = check_coordinate(_moved(self.start, sign * d), "start", _BOUND_KEYS)
        new.stop = check_coordinate(_moved(self.stop, sign * d), "stop", _BOUND_KEYS)
        return new

    def __rshift__(self, d: Any) -> BaseInterval:
        """Shift right. ``BaseInterval(0, 1) >> 2`` is ``BaseInterval[2;3]``."""
        return self._shift(d, 1)

    def __lshift__(self, d: Any) -> BaseInterval:
        """Shift left. ``BaseInterval(2, 3) << 2`` is ``BaseInterval[0;1]``."""
        return self._shift(d, -1)

    # -- time zones -------------------------------------------------------------------
    def to_timezone(
        self: _I,
        target_timezone: tzinfo | None,
        *,
        remove_timezone: bool = False,
        fold: int | None = None,
    ) -> _I:  # the type of self, as copy() (0.4.0's annotations)
        """A copy in another time zone.

        Aware bounds keep their instant; naive bounds are read as wall times in ``target_timezone``
        (ambiguous ones need ``fold``, nonexistent ones are rejected);
        ``to_timezone(None, remove_timezone=True)`` strips the zone.

        >>> from datetime import timezone
        >>> BaseInterval(datetime(2024, 1, 1), datetime(2024, 1, 2)).to_timezone(timezone.utc)
        BaseInterval[2024-01-01 00:00:00+00:00;2024-01-02 00:00:00+00:00]
        """
        start, stop = _convert_tz(self.start, self.stop, target_timezone, remove_timezone, fold)
        new = self.copy()
        new.start, new.stop = start, stop
        return new

    def convert_timezone_inplace(
        self,
        target_timezone: tzinfo | None,
        *,
        remove_timezone: bool = False,
        fold: int | None = None,
    ) -> BaseInterval:
        """:meth:`to_timezone`, changing this interval and returning it; unchanged on
        failure.

        >>> from datetime import timezone
        >>> iv = BaseInterval(datetime(2024, 1, 1), datetime(2024, 1, 2))
        >>> iv.convert_timezone_inplace(timezone.utc) is iv, iv
        (True, BaseInterval[2024-01-01 00:00:00+00:00;2024-01-02 00:00:00+00:00])
        """
        self.start, self.stop = _convert_tz(
            self.start, self.stop, target_timezone, remove_timezone, fold
        )
        return self


def UnitInterval() -> BaseInterval:
    """``BaseInterval(0, 1)``.

    >>> UnitInterval()
    BaseInterval[0;1]
    """
    return BaseInterval(0, 1)


def EmptyInterval() -> BaseInterval:
    """A zero-length ``[0;0]`` ``BaseInterval`` that prints as ``EmptyInterval`` (as in
    0.4.0, only this object does: its copies print as ``BaseInterval[0;0]``).

    >>> e = EmptyInterval()
    >>> e, type(e).__name__, e == BaseInterval(0, 0), e.copy()
    (EmptyInterval[0;0], 'BaseInterval', True, BaseInterval[0;0])
    """
    empty = BaseInterval(0, 0)
    empty._label = "EmptyInterval"
    return empty


def _all_slots(cls: type) -> list[str]:
    """The data slots of an interval class (``_label`` is not data)."""
    out: list[str] = []
    for c in reversed(cls.__mro__):
        out.extend(s for s in getattr(c, "__slots__", ()) if s != "_label")
    return out


def _elapsed(a: Any, b: Any) -> Any:
    """``b - a`` as elapsed time: aware datetimes by instant (DST-safe), else plain."""
    if isinstance(a, datetime):
        return timedelta(microseconds=key_of(b) - key_of(a))
    return b - a


def _rebuild(
    cls: type[BaseInterval], state: tuple[Any, ...], label: str | None = None
) -> BaseInterval:
    new: BaseInterval = object.__new__(cls)
    for slot, v in zip(_all_slots(cls), state):
        object.__setattr__(new, slot, v)
    if label is not None:
        new._label = label
    return new


_BOUND_KEYS = ("iv_bound_type", "iv_bound_finite")


def _kind(iv: BaseInterval) -> str:
    return describe(domain_of(iv.start))


def _check_bounds(start: Any, stop: Any) -> None:
    a, b = domain_of(start), domain_of(stop)
    if a.kind != b.kind:
        raise fail("iv_bounds_domain", kind=describe(a), start=start, stop=stop)
    if key_of(start) > key_of(stop):
        raise fail("iv_reversed", start=start, stop=stop)


def _check_split_point(iv: BaseInterval, p: Any) -> Any:
    """A split point of ``iv`` as a coordinate, checked the way 0.4.0 checked it."""
    if isinstance(iv.start, datetime) or isinstance(p, datetime):
        if not isinstance(p, datetime):
            if iv._discrete:
                raise fail("dis_split_type", value=p)
            raise fail("coords_domain_value", value=p, what="an interval", kind=_kind(iv))
        iv._check_domain(p, "split at")
        return p
    if isinstance(p, bool):
        raise fail("split_point_finite", value=p)
    return check_coordinate(p, "points", ("split_point_type", "split_point_finite"))


def _first_coordinate(obj: Any) -> Any:
    if isinstance(obj, BaseInterval):
        return obj.start
    return obj


def as_interval(obj: Any, name: str, key: str = "not_an_interval") -> BaseInterval:
    """``obj`` if it is an interval, a new one from a ``(start, stop[, value])`` tuple.

    ``key`` names the message raised for anything else (formatted with ``name``,
    ``type`` and ``value``); ``name="other"`` raises 0.4.0's ``other must be a
    BaseInterval``.

    >>> as_interval((0, 1, 2), "iv")
    BaseInterval[0;1;2]
    """
    if isinstance(obj, BaseInterval):
        return obj
    if isinstance(obj, (tuple, list)) and 2 <= len(obj) <= 3:
        return BaseInterval(tuple(obj))
    if name == "other" and key == "not_an_interval":
        key = "other_not_interval"
    raise fail(key, name=name, type=type(obj).__name__, value=obj)


def _moved(x: Any, d: Any) -> Any:
    """``x + d``; an aware datetime moves by elapsed time (as 0.4.0: across a DST change
    ``+ timedelta(hours=3)`` is three real hours) and stays in its zone."""
    if isinstance(x, datetime) and x.tzinfo is not None:
        return (x.astimezone(timezone.utc) + d).astimezone(x.tzinfo)
    return x + d


def _convert_tz(
    start: Any, stop: Any, tz: tzinfo | None, remove_timezone: bool, fold: int | None
) -> tuple[datetime, datetime]:
    if not isinstance(start, datetime):
        raise fail("tz_needs_datetimes", what="the interval")
    if fold is not None and (isinstance(fold, bool) or fold not in (0, 1)):
        raise fail("tz_fold_value", value=fold)
    aware = start.utcoffset() is not None
    if remove_timezone:
        if tz is not None:
            raise fail("tz_remove_with_target", tz=tz)
        if not aware:
            raise fail("tz_remove_naive")
        if fold is not None:
            raise fail("tz_fold_aware", value=fold)
        return start.replace(tzinfo=None), stop.replace(tzinfo=None)
    if tz is None:
        raise fail("tz_none_needs_remove")
    if aware:
        if fold is not None:
            raise fail("tz_fold_aware", value=fold)
        return start.astimezone(tz), stop.astimezone(tz)
    return _localize(start, tz, fold, "start"), _localize(stop, tz, fold, "stop")


def _localize(dt: datetime, tz: tzinfo, fold: int | None, name: str) -> datetime:
    first = dt.replace(tzinfo=tz, fold=0)
    second = dt.replace(tzinfo=tz, fold=1)
    roundtrip = first.astimezone(timezone.utc).astimezone(tz).replace(tzinfo=None)
    if (
        roundtrip != dt
        and second.astimezone(timezone.utc).astimezone(tz).replace(tzinfo=None) != dt
    ):
        raise fail("tz_nonexistent", value=dt, tz=tz, name=name)
    if first.utcoffset() != second.utcoffset():
        if fold is None:
            raise fail("tz_ambiguous", value=dt, tz=tz, name=name)
        return second if fold else first
    return second  # one instant either way; 0.4.0 gives the fold=1 spelling
