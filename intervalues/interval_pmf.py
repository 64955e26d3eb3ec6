"""`IntervalPmf`: probability masses on the points of discrete intervals.

Stored as sorted columns: the points, their masses and the cumulative masses
(``_cum[i]`` is the mass strictly before point ``i``), so the CDF and its inverse are a
``bisect`` away (O(log n)). The object is immutable and compares by value (W18).
"""

from __future__ import annotations

import math
import numbers
import random
from bisect import bisect_left, bisect_right
from collections.abc import Iterable, Iterator, Mapping
from datetime import datetime
from fractions import Fraction
from itertools import accumulate
from types import MappingProxyType
from typing import Any

from ._checks import check_value, fail
from .base_interval import BaseInterval

__all__ = ["IntervalPmf"]


class IntervalPmf:
    """Probability masses on points, built from ``BaseDiscreteInterval``s.

    Every point of an interval receives the interval's value as mass (finite, ``>= 0``);
    masses add up per coordinate and are then normalised to sum to 1. Points of zero mass
    are not stored. Numbers only: continuous intervals, datetimes and non-intervals raise
    ``TypeError``; empty input, a negative or non-finite mass, or a total of 0 raise
    ``ValueError``.

    >>> from intervalues import BaseDiscreteInterval
    >>> pm = IntervalPmf([BaseDiscreteInterval(0, 4, step=2), BaseDiscreteInterval(2, 3, value=2)])
    >>> pm  # doctest: +ELLIPSIS
    IntervalPmf:{0: 0.142857..., 2: 0.428571..., 3: 0.285714..., 4: 0.142857...}
    >>> pm.cumulative(2), pm.inverse_cumulative(0.5)
    (0.5714285714285714, 2)
    """

    __slots__ = ("_cum", "_data", "_masses", "_points")

    _points: list[Any]
    _masses: list[float]
    _cum: list[float]
    _data: dict[Any, float]

    def __init__(self, data: Any) -> None:
        raw = _raw_masses(data)
        points = sorted(x for x, w in raw.items() if w)
        weights = [raw[x] for x in points]
        prefix = [0, *accumulate(weights)]
        total = prefix[-1]
        if not total > 0:
            raise fail("pmf_total", value=total)
        self._points = points
        self._masses = [float(w / total) for w in weights]
        self._cum = [float(c / total) for c in prefix]
        mass_of = dict(zip(points, self._masses))
        # ``data`` lists the points in the order the intervals gave them, as 0.4.0 did
        self._data = {x: mass_of[x] for x in raw if x in mass_of}

    # -- mapping-like access ------------------------------------------------------------
    @property
    def data(self) -> Mapping[Any, float]:
        """A read-only mapping point → mass, in the order the intervals gave the points (as
        0.4.0; writing raises ``TypeError``).

        >>> from intervalues import BaseDiscreteInterval
        >>> d = IntervalPmf(BaseDiscreteInterval(0, 1)).data
        >>> dict(d)
        {0: 0.5, 1: 0.5}
        >>> d[5] = 1.0
        Traceback (most recent call last):
        ...
        TypeError: 'mappingproxy' object does not support item assignment
        """
        return MappingProxyType(self._data)

    def __len__(self) -> int:
        """The number of points with positive mass.

        >>> from intervalues import BaseDiscreteInterval
        >>> len(IntervalPmf(BaseDiscreteInterval(0, 4, step=2)))
        3
        """
        return len(self._points)

    def __iter__(self) -> Iterator[Any]:
        """The points, in increasing order.

        >>> from intervalues import BaseDiscreteInterval
        >>> list(IntervalPmf([BaseDiscreteInterval(4, 6), BaseDiscreteInterval(0, 1)]))
        [0, 1, 4, 5, 6]
        """
        return iter(self._points)

    def __contains__(self, x: object) -> bool:
        """Whether ``x`` is a point with positive mass (never raises).

        >>> from intervalues import BaseDiscreteInterval
        >>> pm = IntervalPmf(BaseDiscreteInterval(0, 4, step=2))
        >>> 2 in pm, 3 in pm, "a" in pm
        (True, False, False)
        """
        try:
            return x in self._data
        except TypeError:
            return False

    def mass_at(self, coordinate: float) -> float:
        """The mass at ``coordinate``: 0 for non-points; non-real → ``TypeError``, NaN →
        ``ValueError``.

        >>> from intervalues import BaseDiscreteInterval
        >>> pm = IntervalPmf(BaseDiscreteInterval(0, 3))
        >>> pm.mass_at(1), pm.mass_at(1.5), pm.mass_at(9)
        (0.25, 0.0, 0.0)
        """
        coordinate = _real(coordinate, "coordinate", _COORDINATE_KEYS)
        return self._data.get(coordinate, 0.0)

    def __getitem__(self, coordinate: float) -> float:
        """``pmf[coordinate]`` is :meth:`mass_at`.

        >>> from intervalues import BaseDiscreteInterval
        >>> IntervalPmf(BaseDiscreteInterval(0, 3))[2]
        0.25
        """
        return self.mass_at(coordinate)

    def items(self) -> list[tuple[float, float]]:
        """``(point, mass)`` pairs in point order (a new list, as in 0.4.0).

        >>> from intervalues import BaseDiscreteInterval
        >>> IntervalPmf(BaseDiscreteInterval(0, 1)).items()
        [(0, 0.5), (1, 0.5)]
        """
        return list(zip(self._points, self._masses))

    def total_mass(self) -> float:
        """Σ masses (1 up to rounding).

        >>> from intervalues import BaseDiscreteInterval
        >>> IntervalPmf(BaseDiscreteInterval(0, 2)).total_mass()
        1.0
        """
        return math.fsum(self._masses)

    # -- distribution -------------------------------------------------------------------
    def cumulative(self, coordinate: float) -> float:
        """P(X <= coordinate). O(log n). ``coordinate`` may be ``±inf``; NaN raises ``ValueError``.

        >>> from intervalues import BaseDiscreteInterval
        >>> pm = IntervalPmf(BaseDiscreteInterval(0, 3))
        >>> pm.cumulative(1), pm.cumulative(-1), pm.cumulative(2.5)
        (0.5, 0.0, 0.75)
        """
        coordinate = _real(coordinate, "coordinate", _COORDINATE_KEYS)
        return self._cum[bisect_right(self._points, coordinate)]

    def inverse_cumulative(self, probability: float) -> float:
        """The smallest point whose CDF reaches ``probability`` (in [0, 1]). O(log n).

        >>> from intervalues import BaseDiscreteInterval
        >>> pm = IntervalPmf(BaseDiscreteInterval(0, 3))
        >>> pm.inverse_cumulative(0.5), pm.inverse_cumulative(0.51), pm.inverse_cumulative(0)
        (1, 2, 0)
        """
        probability = _real(probability, "probability", _PROBABILITY_KEYS)
        if not 0 <= probability <= 1:
            raise fail("pmf_probability_range", value=probability)
        i = bisect_left(self._cum, probability, 1) - 1
        return self._points[min(i, len(self._points) - 1)]

    def sample(self, k: int = 1, rng: random.Random | None = None) -> list[Any]:
        """``k`` independent draws (points), optionally from a ``random.Random``.

        >>> from intervalues import BaseDiscreteInterval
        >>> pm = IntervalPmf(BaseDiscreteInterval(0, 3))
        >>> pm.sample(4, random.Random(7)) == pm.sample(4, random.Random(7))
        True
        >>> set(pm.sample(50, random.Random(1))) <= {0, 1, 2, 3}
        True
        """
        if isinstance(k, bool) or not isinstance(k, int):
            raise fail("pdf_k_type", type=type(k).__name__, value=k)
        if k < 0:
            raise fail("pdf_k_negative", value=k)
        if rng is not None and not isinstance(rng, random.Random):
            raise fail("pdf_rng", type=type(rng).__name__)
        draw = random.random if rng is None else rng.random
        cum, points, last = self._cum, self._points, len(self._points) - 1
        out = []
        for _ in range(k):
            # the first point whose CDF exceeds u: P(point i) = cum[i + 1] - cum[i]
            i = bisect_right(cum, draw(), 1) - 1
            out.append(points[min(i, last)])
        return out

    # -- value semantics (W18) ------------------------------------------------------------
    def __eq__(self, other: object) -> bool:
        """Equal when both are pmfs with the same points and masses.

        >>> from intervalues import BaseDiscreteInterval
        >>> IntervalPmf(BaseDiscreteInterval(0, 3)) == IntervalPmf(BaseDiscreteInterval(0, 3))
        True
        """
        if not isinstance(other, IntervalPmf):
            return NotImplemented
        return self._points == other._points and self._masses == other._masses

    def __hash__(self) -> int:
        """Hash of the ``(point, mass)`` pairs, consistent with ``==``.

        >>> from intervalues import BaseDiscreteInterval
        >>> a, b = IntervalPmf(BaseDiscreteInterval(0, 3)), IntervalPmf(BaseDiscreteInterval(0, 3))
        >>> hash(a) == hash(b)
        True
        """
        return hash(tuple(self.items()))

    def __repr__(self) -> str:
        """``IntervalPmf:{point: mass, ...}``, sorted by point.

        >>> from intervalues import BaseDiscreteInterval
        >>> BaseDiscreteInterval(1, 7, step=3).as_pmf()
        IntervalPmf:{1: 0.3333333333333333, 4: 0.3333333333333333, 7: 0.3333333333333333}
        """
        body = ", ".join(f"{x!r}: {m!r}" for x, m in zip(self._points, self._masses))
        return f"{type(self).__name__}:{{{body}}}"

    __str__ = __repr__


def _raw_masses(data: Any) -> dict[Any, Any]:
    """Point → exact total mass given to it, after validating every interval."""
    if isinstance(data, BaseInterval):
        if not data._discrete:
            raise fail("pmf_data_type", type=type(data).__name__, value=data)
        items: list[Any] = [data]
    elif isinstance(data, (str, bytes)) or not isinstance(data, Iterable):
        raise fail("pmf_data_type", type=type(data).__name__, value=data)
    else:
        items = list(data)
    if not items:
        raise fail("pmf_empty")
    raw: dict[Any, Any] = {}
    for iv in items:
        if not isinstance(iv, BaseInterval) or not iv._discrete:
            raise fail("pmf_input_type", type=type(iv).__name__, value=iv)
        if isinstance(iv.start, datetime):
            raise fail("pmf_datetime", value=iv)
        mass = check_value(iv.value, "each interval's value")
        if mass < 0:
            raise fail("pmf_weights", value=mass, interval=iv)
        exact = _exact(mass)
        get = raw.get
        for point, _ in iv:
            raw[point] = get(point, 0) + exact
    return raw


def _exact(mass: int | float) -> int | Fraction:
    """A mass as an exact number: a float counts as the decimal it prints as (like sums in
    meters), so masses 0.1 and 0.2 are exactly 1:2."""
    if type(mass) is int:
        return mass
    as_fraction = Fraction(repr(mass))
    return int(as_fraction) if as_fraction.denominator == 1 else as_fraction


#: Message keys ``(wrong type, NaN)`` with 0.4.0's texts.
_COORDINATE_KEYS = ("pmf_coordinate_type", "pmf_coordinate_nan")
_PROBABILITY_KEYS = ("pmf_probability_type", "pmf_probability_range")


def _real(x: Any, name: str, keys: tuple[str, str]) -> Any:
    if isinstance(x, bool) or not isinstance(x, numbers.Real):
        raise fail(keys[0], name=name, type=type(x).__name__, value=x)
    if not isinstance(x, (int, float)):
        x = float(x)
    if isinstance(x, float) and math.isnan(x):
        raise fail(keys[1], name=name, value=x)
    return x
