"""`IntervalFunction`: evaluate every covering `FunctionInterval` and combine the results.

>>> from intervalues.function_interval import FunctionInterval
>>> fi = FunctionInterval(0, 10, lambda x: x * 2)
>>> f = IntervalFunction([fi, FunctionInterval(5, 15, lambda x: 100)], combine=sum, default=-1)
>>> f(3), f(7), f(12), f(20)
(6, 114, 100, -1)
"""

from __future__ import annotations

import math
import numbers
from collections.abc import Callable, Iterable, Iterator
from typing import Any, cast

from ._checks import fail
from .function_interval import FunctionInterval

__all__ = ["IntervalFunction"]


def _check_number(value: Any, name: str) -> int | float:
    """A finite ``int``/``float`` (``default``, a coordinate, a result), or
    ``TypeError``/``ValueError`` naming it as 0.4.0 did.

    >>> _check_number(2.5, "default")
    2.5
    >>> _check_number(float("nan"), "default")
    Traceback (most recent call last):
    ...
    ValueError: default must be finite: got nan
    """
    if isinstance(value, bool) or not isinstance(value, numbers.Real):
        raise fail("fn_result_type", name=name, type=type(value).__name__, value=value)
    if not isinstance(value, numbers.Integral) and not math.isfinite(value):
        raise fail("fn_result_finite", name=name, value=value)
    return cast("int | float", value)  # a Real: NumPy scalars pass through unchanged


class IntervalFunction:
    """A piecewise function built from :class:`FunctionInterval` pieces.

    ``f(x)`` calls every piece whose closed range contains ``x`` (in the given order, so
    at a shared endpoint both neighbours contribute), checks each result is a finite
    ``int``/``float``, and returns ``combine(tuple_of_results)`` (checked the same way),
    or ``default`` when no piece covers ``x``. ``x`` and ``default`` must be finite
    numbers, as in 0.4.0 (``TypeError``/``ValueError``). Exceptions of the callables
    propagate. ``intervals`` is one piece or an iterable of pieces, snapshotted
    to a tuple. Cost of a call: O(n) containment tests plus the covering calls.

    >>> f = IntervalFunction(FunctionInterval(0, 1, lambda x: 5), combine=max, default=0)
    >>> f(0.5), f(2), len(f)
    (5, 0, 1)
    >>> str(f)
    'IntervalFunction(1 intervals, default=0)'
    """

    __slots__ = ("__weakref__", "_combine", "_default", "_intervals")

    def __init__(
        self,
        intervals: FunctionInterval | Iterable[FunctionInterval],
        combine: Callable[[tuple[int | float, ...]], int | float],
        default: int | float,
    ) -> None:
        if isinstance(intervals, FunctionInterval):
            pieces: tuple[FunctionInterval, ...] = (intervals,)
        else:
            try:
                pieces = tuple(intervals)
            except TypeError:
                raise fail(
                    "fn_intervals_iterable", type=type(intervals).__name__, value=intervals
                ) from None
            for piece in pieces:
                if not isinstance(piece, FunctionInterval):
                    raise fail("fn_intervals_type", type=type(piece).__name__, value=piece)
        if not callable(combine):
            raise fail("not_callable", name="combine", type=type(combine).__name__, value=combine)
        self._intervals = pieces
        self._combine = combine
        self._default = _check_number(default, "default")

    @property
    def intervals(self) -> tuple[FunctionInterval, ...]:
        """The pieces, in order (a tuple snapshot taken at construction).

        >>> len(IntervalFunction([], combine=sum, default=0).intervals)
        0
        """
        return self._intervals

    @property
    def combine(self) -> Callable[[tuple[int | float, ...]], Any]:
        """The combiner applied to the tuple of covering results.

        >>> IntervalFunction([], combine=sum, default=0).combine is sum
        True
        """
        return self._combine

    @property
    def default(self) -> Any:
        """What ``f(x)`` returns where no piece covers ``x``.

        >>> IntervalFunction([], combine=sum, default=-1).default
        -1
        """
        return self._default

    def __call__(self, coordinate: int | float) -> int | float:
        """Evaluate at ``coordinate``: combine the covering pieces' results, or ``default``.

        ``coordinate`` must be a finite ``int``/``float`` (``TypeError``/``ValueError``
        otherwise, as in 0.4.0).

        >>> f = IntervalFunction(
        ...     [FunctionInterval(0, 2, lambda x: x), FunctionInterval(2, 4, lambda x: 10)],
        ...     combine=sum, default=-1)
        >>> f(1), f(2), f(5)
        (1, 12, -1)
        """
        _check_number(coordinate, "coordinate")
        results = tuple(
            _check_number(piece.function(coordinate), "function result")
            for piece in self._intervals
            if piece.contains(coordinate)
        )
        if not results:
            return self._default
        return _check_number(self._combine(results), "combiner result")

    def __iter__(self) -> Iterator[FunctionInterval]:
        """The pieces, in order.

        >>> [fi.start for fi in IntervalFunction([FunctionInterval(1, 2, abs)], sum, 0)]
        [1]
        """
        return iter(self._intervals)

    def __len__(self) -> int:
        """The number of pieces.

        >>> len(IntervalFunction([FunctionInterval(1, 2, abs)] * 3, sum, 0))
        3
        """
        return len(self._intervals)

    def __repr__(self) -> str:
        return (
            f"{type(self).__name__}(intervals={self._intervals!r}, "
            f"combine={self._combine!r}, default={self._default!r})"
        )

    def __str__(self) -> str:
        return f"{type(self).__name__}({len(self._intervals)} intervals, default={self._default!r})"
