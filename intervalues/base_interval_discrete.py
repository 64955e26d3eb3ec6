"""`BaseDiscreteInterval`: the points ``start, start + step, ..., stop``, each with a value."""

from __future__ import annotations

import math
import numbers
import typing
from collections.abc import Iterable, Mapping
from datetime import datetime, timedelta, tzinfo
from fractions import Fraction
from itertools import pairwise
from typing import TYPE_CHECKING, Any

from ._checks import check_coordinate, check_value, describe, fail
from ._engine.coords import domain_of, key_of
from ._engine.lattice import exact, exact_step, from_exact, step_from_exact
from .base_interval import (
    _BOUND_KEYS,
    BaseInterval,
    Coordinate,
    EmptyInterval,
    _check_split_point,
    _convert_tz,
    _kind,
    as_interval,
)

if TYPE_CHECKING:
    from .interval_pmf import IntervalPmf
    from .interval_set import IntervalSet

__all__ = ["BaseDiscreteInterval"]


class BaseDiscreteInterval(BaseInterval):
    """The arithmetic progression ``start, start + step, ...`` up to ``stop``, weighted.

    Give ``stop`` or ``count``; ``stop`` is snapped down to the last point. Numbers are
    exact in decimal (``0.1 + 3 * 0.2`` is ``0.7``); datetimes need a ``timedelta`` step.
    Numeric membership allows a tolerance of ``tol * step`` (``tol = 1e-6``).

    >>> BaseDiscreteInterval(0, 4, step=2)
    BaseDiscreteInterval[0;4;2]
    >>> BaseDiscreteInterval(0, 2.4, step=0.5), BaseDiscreteInterval(0.1, 0.7, step=0.2)
    (BaseDiscreteInterval[0;2.0;0.5], BaseDiscreteInterval[0.1;0.7;0.2])
    >>> list(BaseDiscreteInterval(1, 7, step=3))
    [(1, 1), (4, 1), (7, 1)]
    """

    __slots__ = ("__dict__", "count", "step")
    _discrete = True
    tol = 1e-6

    step: float | timedelta  # as 0.4.0's annotation
    count: int

    def __init__(
        self,
        loc: typing.Sequence[Coordinate | timedelta] | Coordinate,  # typing's, as 0.4.0
        stop: Coordinate | None = None,
        step: float | timedelta | None = None,
        count: int | None = None,
        value: float | None = None,
    ) -> None:
        first: Any = loc
        count_wins = count is not None  # as in 0.4.0: an explicit count beats a stop
        if isinstance(loc, (tuple, list)):
            fields: list[Any] = list(loc) + [None] * (5 - len(loc))
            if len(loc) > 5 or len(loc) < 1:
                raise fail("dis_loc_sequence", value=loc)
            first, s_stop, s_step, s_count, s_value = fields
            stop = s_stop if stop is None else stop
            step = s_step if step is None else step
            count = s_count if count is None else count
            value = s_value if value is None else value
            count_wins = stop is None  # a sequence's stop beats its count (0.4.0)
            if stop is None and count is None:
                count = 1  # (start, None): one point, as in 0.4.0
        start = check_coordinate(first, "start", ("dis_start_type", "iv_bound_finite"))
        is_dt = isinstance(start, datetime)
        if is_dt and stop is None and count is None:
            raise fail("dis_datetime_needs_end", value=start)
        if step is None:
            if is_dt:
                raise fail("dis_datetime_needs_step", value=step)
            step = 1
        if is_dt:
            if not isinstance(step, timedelta):
                raise fail("dis_datetime_needs_step", value=step)
            if step <= timedelta(0):
                raise fail("dis_step_positive", value=step)
        else:
            if isinstance(step, timedelta):
                key = "dis_timedelta_step" if stop is None else "dis_step_domain"
                raise fail(key, value=step, start=start)
            if isinstance(step, bool) or not isinstance(step, numbers.Real):
                key = "not_a_coordinate" if isinstance(step, bool) else "dis_step_type"
                raise fail(key, name="step", type=type(step).__name__, value=step)
            step = check_coordinate(step, "step", ("dis_step_type", "dis_step_positive"))
            if step <= 0:
                raise fail("dis_step_positive", value=step)
        if count is not None:
            if isinstance(count, bool) or not isinstance(count, numbers.Integral):
                raise fail("dis_count_type", value=count)
            count = int(count)
            if count < 1:
                raise fail("dis_count_min", value=count)
        e_start, e_step = exact(start), exact_step(step)
        if count_wins and stop is not None:
            check_coordinate(stop, "stop", _BOUND_KEYS)  # validated, then the count decides
            stop = None
        if stop is None:
            if count is None:
                count = 2
        else:
            stop = check_coordinate(stop, "stop", _BOUND_KEYS)
            a, b = domain_of(start), domain_of(stop)
            if a.kind != b.kind:
                if a.kind == "number" or b.kind == "number":
                    raise fail("dis_bounds_datetime", start=start, stop=stop)
                raise fail("coords_domain", what="compare", a=describe(a), b=describe(b))
            e_stop = exact(stop)
            if e_stop < e_start:
                raise fail("dis_reversed", start=start, stop=stop)
            q = Fraction(e_stop - e_start) / Fraction(e_step)
            n = math.floor(q)
            if q - n >= 1 - self.tol:
                n += 1
            count = n + 1
        as_float = isinstance(start, float) or isinstance(step, float)
        self.start = start
        self.step = step
        self.count = count
        self.value = 1 if value is None else check_value(value)
        last = from_exact(e_start + (count - 1) * e_step, domain_of(start), as_float)
        if isinstance(start, datetime) and isinstance(last, datetime):
            last = last.astimezone(start.tzinfo) if start.utcoffset() is not None else last
        self.stop = last

    # -- exact views ------------------------------------------------------------------
    def _exact(self) -> tuple[Any, Any]:
        return exact(self.start), exact_step(self.step)

    def _as_float(self) -> bool:
        return isinstance(self.start, float) or isinstance(self.step, float)

    def _point(self, i: int) -> Any:
        e_start, e_step = self._exact()
        p = from_exact(e_start + i * e_step, domain_of(self.start), self._as_float())
        start = self.start
        if (
            isinstance(p, datetime)
            and isinstance(start, datetime)
            and start.utcoffset() is not None
        ):
            p = p.astimezone(start.tzinfo)
        if i == 0:
            return self.start
        return p

    @property
    def point_count(self) -> int:
        """Number of points (``count``).

        >>> BaseDiscreteInterval(0, 4, step=2).point_count
        3
        """
        return self.count

    def coordinate_at(self, index: int) -> Coordinate:
        """The ``index``-th point, ``0 <= index < count`` (no negative indices, as in 0.4.0).

        >>> BaseDiscreteInterval(0, 4, step=2).coordinate_at(1)
        2
        """
        if isinstance(index, bool) or not isinstance(index, numbers.Integral):
            raise fail("dis_index_type", value=index)
        index = int(index)
        if not 0 <= index < self.count:  # no negative indices, as in 0.4.0
            raise fail("dis_index_range", value=index, count=self.count)
        return self._point(index)

    def _offset_of(self, x: Any) -> Fraction | None:
        """``(x - start) / step`` as an exact fraction, or None if x is no coordinate."""
        try:
            x = check_coordinate(x, "x")
        except (TypeError, ValueError):
            return None
        if domain_of(x).kind != domain_of(self.start).kind:
            return None
        e_start, e_step = self._exact()
        return Fraction(exact(x) - e_start) / Fraction(e_step)

    def _index_if_member(self, x: Any) -> int | None:
        q = self._offset_of(x)
        if q is None:
            return None
        k = round(q)
        tol = self.tol if domain_of(self.start).kind == "number" else 0
        if abs(q - k) > tol or not 0 <= k < self.count:
            return None
        return int(k)

    def index_of(self, coordinate: Coordinate) -> int:
        """The index of a member point; ``ValueError`` for non-members.

        >>> BaseDiscreteInterval(1, 7, step=3).index_of(4)
        1
        """
        self._check_query(coordinate, "dis_coordinate_type")
        k = self._index_if_member(coordinate)
        if k is None:
            raise fail("dis_not_a_point", value=coordinate, interval=self)
        return k

    def _check_query(self, x: Any, type_key: str) -> None:
        """A coordinate query must match the interval's domain (checked as 0.4.0 did)."""
        if isinstance(self.start, datetime):
            if not isinstance(x, datetime):
                raise fail("dis_numeric_query", value=x, interval=self)
            self._check_domain(x, "compare")
        elif isinstance(x, datetime):
            raise fail("dis_datetime_query", value=x, interval=self)
        elif isinstance(x, bool) or not isinstance(x, numbers.Real):
            raise fail(type_key, type=type(x).__name__, value=x)

    def clamp(self, value: Coordinate) -> Coordinate:
        """The nearest member point (the lower one on ties).

        >>> BaseDiscreteInterval(1, 7, step=3).clamp(5.5)
        4
        """
        self._check_query(value, "dis_clamp_type")
        if isinstance(value, float) and math.isnan(value):
            raise fail("clamp_nan", interval=self)
        check_coordinate(value, "value")
        q = self._offset_of(value)
        if q is None:  # pragma: no cover - _check_query refused every other domain
            raise fail("coords_domain_value", value=value, what="an interval", kind=_kind(self))
        lo = math.floor(q)
        k = lo if q - lo <= Fraction(1, 2) else lo + 1
        return self._point(min(max(k, 0), self.count - 1))

    def split_at(self, points: Iterable[Coordinate]) -> tuple[BaseDiscreteInterval, ...]:
        """Partition the points at the cuts; a point at or before a cut goes left.

        >>> BaseDiscreteInterval(0, 10).split_at([2.5, 7])
        (BaseDiscreteInterval[0;2;1], BaseDiscreteInterval[3;7;1], BaseDiscreteInterval[8;10;1])
        """
        cuts = set()
        for p in points:
            p = _check_split_point(self, p)
            q = self._offset_of(p)
            if q is None:  # pragma: no cover - _check_split_point refused other domains
                raise fail("coords_domain_value", value=p, what="an interval", kind=_kind(self))
            last = math.floor(q + (self.tol if domain_of(self.start).kind == "number" else 0))
            if 0 <= last < self.count - 1:
                cuts.add(last)
        bounds = [-1, *sorted(cuts), self.count - 1]
        return tuple(self._run(a + 1, b - a) for a, b in pairwise(bounds))

    def _run(self, first: int, count: int, value: Any = None) -> BaseDiscreteInterval:
        return BaseDiscreteInterval(
            self._point(first),
            step=self.step,
            count=count,
            value=self.value if value is None else value,
        )

    def as_pmf(self) -> IntervalPmf:
        """An ``IntervalPmf`` with equal mass on every point (times the value).

        >>> BaseDiscreteInterval(0, 6, step=2).as_pmf()
        IntervalPmf:{0: 0.25, 2: 0.25, 4: 0.25, 6: 0.25}
        """
        from .interval_pmf import IntervalPmf

        return IntervalPmf(self)

    def find_count(self, start: Coordinate, stop: Coordinate, step: float | timedelta) -> int:
        """How many points ``start, start + step, ...`` fit up to ``stop`` (an instance
        method, as in 0.4.0).

        >>> BaseDiscreteInterval(0, 1).find_count(0, 4, 2)
        3
        """
        return BaseDiscreteInterval(start, stop, step=step).count

    def equal_with_tol(self, num1: float, num2: float) -> bool:
        """Whether two numbers differ by at most ``tol * step``.

        >>> iv = BaseDiscreteInterval(0, 1, step=0.1)
        >>> iv.equal_with_tol(0.3, 0.1 + 0.2), iv.equal_with_tol(0.3, 0.4)
        (True, False)
        """
        return abs(num1 - num2) <= self.tol * self.step  # type: ignore[operator]  # numeric

    def is_integer_tol(self, num: float) -> bool:
        """Whether ``num`` is within ``tol`` of an integer.

        >>> iv = BaseDiscreteInterval(0, 1, step=0.1)
        >>> iv.is_integer_tol(0.3 / 0.1), iv.is_integer_tol(2.5)
        (True, False)
        """
        return abs(num - round(num)) <= self.tol

    def get_length(self) -> int:
        """Always 0: discrete intervals have no length.

        >>> BaseDiscreteInterval(0, 10).get_length()
        0
        """
        return 0

    def to_args(self, ign_value: bool = False) -> tuple[Coordinate | timedelta, ...]:
        """``(start, stop)``, ``(start, stop, step, count)`` or the full 5-tuple.

        >>> BaseDiscreteInterval(0, 4, step=2).to_args()
        (0, 4, 2, 3)
        """
        if ign_value or self.value == 1:
            if self.step == 1:
                return (self.start, self.stop)
            return (self.start, self.stop, self.step, self.count)
        return self.to_args_full()

    def _arg_fields(self) -> dict[str, Any]:
        return {**super()._arg_fields(), "step": self.step, "count": self.count}

    @staticmethod
    def _args_of(f: Mapping[str, Any]) -> tuple[Any, ...]:
        if f["value"] != 1:
            return (f["start"], f["stop"], f["step"], f["count"], f["value"])
        return (
            (f["start"], f["stop"], f["step"], f["count"])
            if f["step"] != 1
            else (
                f["start"],
                f["stop"],
            )
        )

    def to_args_full(self) -> tuple[Coordinate | timedelta, ...]:
        """``(start, stop, step, count, value)``.

        >>> BaseDiscreteInterval(1, 7, step=3)()
        (1, 7, 3, 3, 1)
        """
        return (self.start, self.stop, self.step, self.count, self.value)

    def __call__(self) -> tuple[Coordinate | timedelta, ...]:
        return self.to_args_full()

    def copy_with_replace(
        self, replace: Mapping[str, Coordinate | timedelta] | None = None
    ) -> BaseDiscreteInterval:
        """A copy with ``start``/``stop``/``step``/``count``/``value`` replaced.

        >>> BaseDiscreteInterval(0, 4, step=2).copy_with_replace({"stop": 8})
        BaseDiscreteInterval[0;8;2]
        """
        args = {"start": self.start, "stop": self.stop, "step": self.step, "value": self.value}
        replace = replace or {}
        args.update(replace)
        if "count" in replace:
            args["stop"] = None
        return BaseDiscreteInterval(
            args["start"],
            args["stop"],
            step=args["step"],
            count=replace.get("count"),  # type: ignore[arg-type]
            value=args["value"],
        )

    def __iter__(self) -> typing.Iterator[tuple[Coordinate, float]]:  # typing's, as 0.4.0
        for i in range(self.count):
            yield (self._point(i), self.value)

    def _contains_point(self, x: Any) -> bool:
        x = self._query_point(x)  # another domain: TypeError, as 0.4.0
        return x is not None and self._index_if_member(x) is not None

    def contains(self, other: BaseInterval) -> bool:
        """Whether every point of a discrete ``other`` is a point of this interval.

        >>> BaseDiscreteInterval(0, 8, step=2).contains(BaseDiscreteInterval(2, 6, step=4))
        True
        >>> BaseDiscreteInterval(0, 8, step=2).contains(BaseDiscreteInterval(1, 3, step=2))
        False
        """
        other = as_interval(other, "other")
        if not isinstance(other, BaseDiscreteInterval):
            return False
        a, b = domain_of(self.start), domain_of(other.start)
        if a.kind != b.kind:
            raise fail("dis_domain", a=describe(a), b=describe(b))
        first = self._index_if_member(other.start)
        if first is None:
            return False
        if other.count == 1:
            return True
        ratio = Fraction(exact_step(other.step)) / Fraction(exact_step(self.step))
        return ratio.denominator == 1 and first + (other.count - 1) * int(ratio) < self.count

    def __getitem__(self, x: Any) -> int | float:
        if isinstance(x, BaseInterval):
            return self.value / x.value if self.contains(x) else 0
        return self.value if self._contains_point(x) else 0

    def left_borders(self, other: BaseInterval) -> bool:
        """Same step and ``stop + step == other.start``.

        >>> BaseDiscreteInterval(0, 3).left_borders(BaseDiscreteInterval(4, 6))
        True
        >>> BaseDiscreteInterval(0, 3).left_borders(BaseDiscreteInterval(5, 6))
        False
        """
        if not isinstance(other, BaseDiscreteInterval) or other._exact()[1] != self._exact()[1]:
            return False
        return exact(self.stop) + self._exact()[1] == exact(other.start)

    def right_borders(self, other: BaseInterval) -> bool:
        """Same step and ``other.stop + step == start``.

        >>> BaseDiscreteInterval(4, 6).right_borders(BaseDiscreteInterval(0, 3))
        True
        """
        return isinstance(other, BaseDiscreteInterval) and other.left_borders(self)

    def _sort_key(self) -> tuple[Any, ...]:
        return (
            key_of(self.start),
            key_of(self.stop),
            1,
            exact_step(self.step),
            self.count,
            self.value,
        )

    def __hash__(self) -> int:
        return hash(self._sort_key())

    def __str__(self) -> str:
        parts = [str(self.start), str(self.stop), str(self.step)]
        if self.value != 1:
            parts.append(str(self.value))
        return "[" + ";".join(parts) + "]"

    # -- arithmetic -------------------------------------------------------------------
    def __add__(self, other: Any) -> Any:
        """Sum, following 0.4.0's cases: the same points add their values (a zero sum is
        ``EmptyInterval()``, W14); with equal values, a single point next to a run, two
        adjacent runs of one step, or two runs interleaved at half the step give one
        run; every other sum is an ``IntervalMeter``. (0.4.0 extended a run by a point
        one *of its own* steps before it even when the run had another step, which
        lost points: ``[5;5;1] + [6;8;2]`` gave ``[5;7;2]``; here that is a meter.)

        >>> BaseDiscreteInterval(0, 3) + BaseDiscreteInterval(4, 6)
        BaseDiscreteInterval[0;6;1]
        >>> BaseDiscreteInterval(0, 4, step=2) + BaseDiscreteInterval(1, 5, step=2)
        BaseDiscreteInterval[0;5;1]
        >>> BaseDiscreteInterval(0, 1) + BaseDiscreteInterval(5, 6)
        IntervalMeter:{BaseDiscreteInterval[0;1;1]: 1, BaseDiscreteInterval[5;6;1]: 1}
        """
        if isinstance(other, BaseInterval) and not other._discrete:
            self._check_domain(other, "add")
            raise fail("iv_kind_mix", what="add")
        if isinstance(other, (int, float)):
            return NotImplemented  # 0.4.0 named the operands in this order
        if not isinstance(other, BaseDiscreteInterval):
            return super().__add__(other)
        self._check_domain(other, "add")
        if self._sort_key()[:5] == other._sort_key()[:5]:
            return self._with_sum(other, 1)
        joined = self._joined(other) if self.value == other.value else None
        return joined if joined is not None else self._meter_of(self, other)

    def _with_sum(self, other: BaseInterval, sign: int) -> BaseInterval:
        total = self._summed_value(other, sign)
        return self._run(0, self.count, total) if total != 0 else EmptyInterval()

    def _joined(self, other: BaseDiscreteInterval) -> BaseDiscreteInterval | None:
        """The one run holding both runs' points in 0.4.0's cases, or None."""
        (s0, st), (o0, ot) = self._exact(), other._exact()
        s1, o1 = exact(self.stop), exact(other.stop)
        if other.count == 1 and o0 in (s1 + st, s0 - st):
            return self._make(min(s0, o0), st, self.count + 1, self)
        if self.count == 1 and s0 in (o1 + ot, o0 - ot):
            return self._make(min(s0, o0), ot, other.count + 1, self)
        if st != ot or s1 + st < o0 or o1 + st < s0:
            return None
        if s1 + st == o0 or o1 + st == s0:
            return self._make(min(s0, o0), st, self.count + other.count, self)
        half: Fraction | int = Fraction(st) / 2
        if half.denominator == 1:
            half = int(half)
        elif domain_of(self.start).kind != "number":
            return None  # no sub-microsecond steps
        if abs(s0 - o0) == half and abs(s1 - o1) == half:
            return self._make(min(s0, o0), half, self.count + other.count, self)
        return None

    def _make(self, start: Any, step: Any, count: int, like: BaseDiscreteInterval) -> Any:
        """A run from exact keys, in the domain and number type of ``like``."""
        dom = domain_of(like.start)
        as_float = like._as_float()
        return BaseDiscreteInterval(
            from_exact(start, dom, as_float),
            step=step_from_exact(step, dom, as_float),
            count=count,
            value=like.value,
        )

    def __sub__(self, other: Any) -> Any:
        """``x - x`` is ``EmptyInterval()``; otherwise ``self + (-other)`` (see ``__add__``).

        >>> BaseDiscreteInterval(0, 4) - BaseDiscreteInterval(0, 4)
        EmptyInterval[0;0]
        >>> BaseDiscreteInterval(0, 4) - BaseDiscreteInterval(0, 1)
        IntervalMeter:{BaseDiscreteInterval[2;4;1]: 1}
        """
        if isinstance(other, BaseInterval) and not other._discrete:
            raise fail("iv_kind_mix", what="subtract")
        if isinstance(other, (int, float)):  # 0.4.0 swept ``-other`` as an interval
            raise fail("dis_minus_number", left=type(self).__name__, right=type(other).__name__)
        if isinstance(other, BaseDiscreteInterval):
            if self == other:
                return EmptyInterval()
            return self + (-other)
        return super().__sub__(other)

    def intersection_support(self, other: BaseInterval) -> IntervalSet:
        """The common points as an ``IntervalSet`` (discrete with discrete only).

        >>> BaseDiscreteInterval(0, 6, step=2).intersection_support(BaseDiscreteInterval(3, 9))
        IntervalSet:{BaseDiscreteInterval[4;6;2]}
        """
        return super().intersection_support(other)

    def intersection(self, other: BaseInterval) -> Any:
        """An ``IntervalMeter`` with ``self.value * other.value`` on the common points.

        >>> BaseDiscreteInterval(0, 6, step=2).intersection(BaseDiscreteInterval(0, 6, step=3))
        IntervalMeter:{BaseDiscreteInterval[0;6;6]: 1}
        """
        from .interval_meter import IntervalMeter

        other = as_interval(other, "other")
        self._check_kind(other, "intersect")
        common = self.intersection_support(other)
        return IntervalMeter([iv.with_value(self.value * other.value) for iv in common])

    def to_timezone(
        self,
        target_timezone: tzinfo | None,
        *,
        remove_timezone: bool = False,
        fold: int | None = None,
    ) -> BaseDiscreteInterval:
        """A copy in another time zone, refused if the points would change spacing.

        >>> from datetime import datetime, timedelta, timezone
        >>> day = timedelta(days=1)
        >>> iv = BaseDiscreteInterval(datetime(2024, 1, 1), datetime(2024, 1, 3), step=day)
        >>> iv.to_timezone(timezone.utc)
        BaseDiscreteInterval[2024-01-01 00:00:00+00:00;2024-01-03 00:00:00+00:00;1 day, 0:00:00]
        """
        start, stop = _convert_tz(self.start, self.stop, target_timezone, remove_timezone, fold)
        if key_of(stop) - key_of(start) != key_of(self.stop) - key_of(self.start):
            raise fail("tz_spacing")
        if stop.tzinfo is not None and stop.replace(fold=0).utcoffset() == stop.utcoffset():
            stop = stop.replace(fold=0)  # the last point as start + steps gives it (0.4.0)
        new = self.copy()
        new.start, new.stop = start, stop
        return new

    def convert_timezone_inplace(
        self,
        target_timezone: tzinfo | None,
        *,
        remove_timezone: bool = False,
        fold: int | None = None,
    ) -> BaseDiscreteInterval:
        """:meth:`to_timezone`, changing this interval and returning it; unchanged on
        failure.

        >>> from datetime import datetime, timedelta, timezone
        >>> day = timedelta(days=1)
        >>> iv = BaseDiscreteInterval(datetime(2024, 1, 1), datetime(2024, 1, 3), step=day)
        >>> print(iv.convert_timezone_inplace(timezone.utc).start)
        2024-01-01 00:00:00+00:00
        """
        new = self.to_timezone(target_timezone, remove_timezone=remove_timezone, fold=fold)
        self.start, self.stop = new.start, new.stop
        return self
