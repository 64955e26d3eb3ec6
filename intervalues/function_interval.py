"""`FunctionInterval`: a closed numeric range bound to a callable (never called eagerly).

>>> fi = FunctionInterval(0, 10, abs)
>>> 3 in fi, 10 in fi, 11 in fi
(True, True, False)
>>> str(fi)
'[0;10] -> <built-in function abs>'
"""

from __future__ import annotations

import math
import numbers
from collections.abc import Callable
from typing import Any

from ._checks import fail

__all__ = ["FunctionInterval"]


def _check_bound(x: Any, name: str) -> int | float:
    """A finite ``int``/``float`` bound, or ``TypeError``/``ValueError`` naming it."""
    if isinstance(x, bool) or not isinstance(x, numbers.Real):
        raise fail("fn_number_type", name=name, type=type(x).__name__, value=x)
    value: int | float = int(x) if isinstance(x, numbers.Integral) else float(x)
    if isinstance(value, float) and not math.isfinite(value):
        raise fail("iv_bound_finite", name=name, value=x)
    return value


def _finite_number(x: Any) -> bool:
    """Whether ``x`` is a finite real number (``bool`` excluded)."""
    if isinstance(x, bool) or not isinstance(x, numbers.Real):
        return False
    if isinstance(x, numbers.Integral):
        return True  # even ints too large for a float
    try:
        return math.isfinite(x)
    except (TypeError, ValueError, OverflowError):
        return False


class FunctionInterval:
    """A closed range ``[start, stop]`` of numbers carrying a callable.

    Bounds must be finite ``int``/``float`` (not ``bool``, not datetimes): bad types
    raise ``TypeError``, non-finite or reversed bounds ``ValueError``; a non-callable
    ``function`` raises ``TypeError``. The callable is stored, not called. Instances are
    read-only and compare by identity.

    >>> fi = FunctionInterval(0, 10, lambda x: x * 2)
    >>> fi.start, fi.stop, fi.function(3)
    (0, 10, 6)
    >>> FunctionInterval(5, 1, abs)
    Traceback (most recent call last):
    ...
    ValueError: interval start must be less than or equal to stop: got start=5 > stop=1
    """

    __slots__ = ("__weakref__", "_function", "_start", "_stop")

    def __init__(self, start: float, stop: float, function: Callable[[float], float]) -> None:
        start = _check_bound(start, "start")
        stop = _check_bound(stop, "stop")
        if start > stop:
            raise fail("iv_reversed", start=start, stop=stop)
        if not callable(function):
            raise fail(
                "not_callable", name="function", type=type(function).__name__, value=function
            )
        self._start = start
        self._stop = stop
        self._function = function

    @property
    def start(self) -> int | float:
        """The lower (closed) bound.

        >>> FunctionInterval(1, 2, abs).start
        1
        """
        return self._start

    @property
    def stop(self) -> int | float:
        """The upper (closed) bound.

        >>> FunctionInterval(1, 2, abs).stop
        2
        """
        return self._stop

    @property
    def function(self) -> Callable[[Any], Any]:
        """The stored callable.

        >>> FunctionInterval(1, 2, abs).function is abs
        True
        """
        return self._function

    def contains(self, coordinate: object) -> bool:
        """Whether ``coordinate`` is a finite number inside ``[start, stop]`` (else ``False``).

        >>> fi = FunctionInterval(0, 1, abs)
        >>> fi.contains(0), fi.contains(1), fi.contains(float("nan")), fi.contains("a")
        (True, True, False, False)
        """
        x: Any = coordinate
        return _finite_number(x) and self._start <= x <= self._stop

    __contains__ = contains

    def copy(self) -> FunctionInterval:
        """A new interval with the same bounds, sharing the callable.

        >>> fi = FunctionInterval(0, 1, abs); c = fi.copy()
        >>> c is fi, c.function is fi.function, (c.start, c.stop)
        (False, True, (0, 1))
        """
        new = object.__new__(type(self))
        new._start, new._stop, new._function = self._start, self._stop, self._function
        return new

    __copy__ = copy

    def __repr__(self) -> str:
        return (
            f"{type(self).__name__}(start={self._start!r}, stop={self._stop!r}, "
            f"function={self._function!r})"
        )

    def __str__(self) -> str:
        return f"[{self._start};{self._stop}] -> {self._function!r}"
