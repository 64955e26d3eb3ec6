"""Coordinate and value domains: validation, and datetimes as integer microseconds.

Three coordinate domains exist: numbers (``int``/``float``), naive ``datetime`` and
timezone-aware ``datetime``. Inside collections every coordinate is a *key*: numbers stay
as they are, datetimes become integer microseconds since the epoch (aware ones: of their
UTC instant), so one integer kernel serves every domain, in Python and in Rust.
"""

from __future__ import annotations

import math
import numbers
from datetime import datetime, timedelta, timezone, tzinfo
from typing import Any, NamedTuple

from ._errors import InvalidTypeError

__all__ = [
    "NUMBER",
    "Domain",
    "check_coordinate",
    "check_value",
    "domain_of",
    "from_key",
    "key_of",
]

_EPOCH_NAIVE = datetime(1970, 1, 1)
_EPOCH_AWARE = datetime(1970, 1, 1, tzinfo=timezone.utc)
_MICROSECOND = timedelta(microseconds=1)


class Domain(NamedTuple):
    """Which coordinates a collection holds: ``"number"``, ``"naive"`` or ``"aware"``.

    ``tz`` is the zone used to display aware coordinates (the first one seen).
    """

    kind: str
    tz: tzinfo | None = None

    def describe(self) -> str:
        """Human name of the domain, used in error messages."""
        return {
            "number": "numbers",
            "naive": "naive datetimes",
            "aware": "timezone-aware datetimes",
        }[self.kind]

    def compatible(self, other: Domain) -> bool:
        """Whether coordinates of both domains can be compared."""
        return self.kind == other.kind


NUMBER = Domain("number")


def check_coordinate(x: Any, name: str) -> int | float | datetime:
    """Return ``x`` as a valid coordinate or raise ``TypeError``/``ValueError``.

    Integers (not ``bool``) and finite floats are numbers; ``datetime`` objects are
    accepted as they are. NumPy scalars and other ``numbers.Real`` become ``int``/``float``.

    >>> check_coordinate(2, "start")
    2
    >>> check_coordinate(True, "start")
    Traceback (most recent call last):
    ...
    TypeError: start must be an int, float or datetime, not bool (True)
    """
    tx = type(x)
    if tx is int or tx is datetime:
        return x
    if tx is float:
        if x - x != 0.0:  # inf or nan
            raise ValueError(f"{name} must be finite, got {x!r}")
        return x
    if isinstance(x, bool) or not isinstance(x, (numbers.Real, datetime)):
        raise TypeError(f"{name} must be an int, float or datetime, not {type(x).__name__} ({x!r})")
    if isinstance(x, datetime):
        return x
    if isinstance(x, numbers.Integral):
        return int(x)
    f = float(x)
    if not math.isfinite(f):
        raise ValueError(f"{name} must be finite, got {x!r}")
    return f


def check_value(v: Any, name: str = "value") -> int | float:
    """Return ``v`` as a valid weight (finite ``int``/``float``) or raise.

    >>> check_value(2.5)
    2.5
    >>> check_value("a")
    Traceback (most recent call last):
    ...
    TypeError: value must be an int or float, not str ('a')
    """
    tv = type(v)
    if tv is int:
        return v
    if tv is float:
        if v - v != 0.0:
            raise ValueError(f"{name} must be finite, got {v!r}")
        return v
    if isinstance(v, bool) or not isinstance(v, numbers.Real):
        raise TypeError(f"{name} must be an int or float, not {type(v).__name__} ({v!r})")
    if isinstance(v, numbers.Integral):
        return int(v)
    f = float(v)
    if not math.isfinite(f):
        raise ValueError(f"{name} must be finite, got {v!r}")
    return f


def check_nr_digits(nr_digits: Any) -> None:
    """``nr_digits`` must be ``None`` or an ``int >= 0`` (the decimals to round inputs to).

    >>> check_nr_digits(-1)
    Traceback (most recent call last):
    ...
    ValueError: nr_digits must be None or an int >= 0, got -1
    """
    if nr_digits is None:
        return
    if isinstance(nr_digits, bool) or not isinstance(nr_digits, int):
        raise TypeError(f"nr_digits must be None or an int >= 0, got {nr_digits!r}")
    if nr_digits < 0:
        raise ValueError(f"nr_digits must be None or an int >= 0, got {nr_digits}")


def check_factor(v: Any, name: str = "factor") -> int | float:
    """Like :func:`check_value`, raising :class:`InvalidTypeError` for non-numbers."""
    try:
        return check_value(v, name)
    except TypeError as exc:
        raise InvalidTypeError(str(exc)) from None


def domain_of(x: int | float | datetime) -> Domain:
    """The domain of one (validated) coordinate.

    >>> domain_of(3).kind, domain_of(datetime(2024, 1, 1)).kind
    ('number', 'naive')
    """
    if isinstance(x, datetime):
        if x.utcoffset() is None:
            return Domain("naive")
        return Domain("aware", x.tzinfo)
    return NUMBER


def key_of(x: int | float | datetime) -> int | float:
    """The kernel key of a coordinate: the number itself, or integer microseconds.

    >>> key_of(datetime(1970, 1, 1, 0, 0, 1))
    1000000
    """
    if isinstance(x, datetime):
        if x.utcoffset() is None:
            return (x - _EPOCH_NAIVE) // _MICROSECOND
        return (x - _EPOCH_AWARE) // _MICROSECOND
    return x


def from_key(k: int | float, domain: Domain) -> int | float | datetime:
    """Inverse of :func:`key_of` for a domain.

    >>> from_key(1000000, Domain("naive"))
    datetime.datetime(1970, 1, 1, 0, 0, 1)
    """
    kind = domain.kind
    if kind == "number":
        return k
    if kind == "naive":
        return _EPOCH_NAIVE + timedelta(microseconds=k)
    return (_EPOCH_AWARE + timedelta(microseconds=k)).astimezone(domain.tz)


def length_from_key(k: int | float, domain: Domain) -> int | float | timedelta:
    """A length in key units as the user sees it (a ``timedelta`` for datetimes)."""
    if domain.kind == "number":
        return k
    return timedelta(microseconds=k)


def check_same_domain(a: Domain, b: Domain, what: str) -> None:
    """Raise ``TypeError`` when two domains cannot be mixed."""
    if a.kind != b.kind:
        raise TypeError(f"cannot mix {a.describe()} and {b.describe()} in {what}")
