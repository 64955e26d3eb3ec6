"""Exact arithmetic for discrete (stepped) intervals.

A discrete interval's points are ``start + i * step``. Numbers are read as the decimals
they print as (``0.1`` is one tenth, as a ``Fraction``), datetimes as integer
microseconds, so lattice membership and alignment are exact: ``0.1 + 3 * 0.2`` is ``0.7``.
A *lattice* is ``(step, start mod step)``; points of one lattice are indexed by integers.
"""

from __future__ import annotations

import sys
from datetime import datetime, timedelta
from fractions import Fraction
from typing import TypeAlias

from .coords import Domain, from_key, key_of
from .sweep import decimal_of

__all__ = ["Exact", "Lattice", "exact", "exact_step", "from_exact", "lattice_of", "step_from_exact"]

Exact: TypeAlias = int | Fraction
Lattice: TypeAlias = tuple[Exact, Exact]  # (step, offset) with 0 <= offset < step

_MICROSECOND = timedelta(microseconds=1)


def exact(x: int | float | datetime) -> Exact:
    """The exact key of a coordinate: ints as they are, floats as their decimal.

    >>> exact(0.1), exact(3), exact(2.0)
    (Fraction(1, 10), 3, 2)
    """
    if type(x) is int:
        return x
    if isinstance(x, float):
        m, e = decimal_of(x)
        if e >= 0:
            return m * 10**e
        q = Fraction(m, 10**-e)
        return q.numerator if q.denominator == 1 else q
    return int(key_of(x))  # a datetime: integer microseconds


def exact_step(step: int | float | timedelta) -> Exact:
    """The exact key of a step (``timedelta`` steps in microseconds)."""
    if isinstance(step, timedelta):
        return step // _MICROSECOND
    return exact(step)


_FLOAT_MAX = int(sys.float_info.max)


def from_exact(q: Exact, domain: Domain, as_float: bool) -> int | float | datetime:
    """A coordinate back from its exact key (floats when ``as_float``)."""
    if domain.kind != "number":
        return from_key(int(q), domain)
    if type(q) is not int:
        return float(q)
    if as_float and -_FLOAT_MAX <= q <= _FLOAT_MAX:  # an int beyond the floats stays one
        return float(q)
    return q


def step_from_exact(step: Exact, domain: Domain, as_float: bool) -> int | float | timedelta:
    """A user-facing step from its exact key."""
    if domain.kind != "number":
        return timedelta(microseconds=int(step))
    if as_float or type(step) is not int:
        return float(step)
    return step


def lattice_of(start: Exact, step: Exact) -> Lattice:
    """``(step, start mod step)``: intervals on one lattice share all their points' grid.

    >>> lattice_of(7, 3)
    (3, 1)
    """
    return step, start % step


def divide(a: Exact, b: Exact) -> int:
    """``a / b`` for exact keys known to divide: exact for ints of any size.

    >>> divide(2**64 + 1, 1), divide(Fraction(7, 10), Fraction(1, 10))
    (18446744073709551617, 7)
    """
    if type(a) is int and type(b) is int:
        return a // b
    return int(Fraction(a) / Fraction(b))


def index_on(x: Exact, lattice: Lattice) -> int:
    """Index of an aligned point on its lattice."""
    return divide(x - lattice[1], lattice[0])


def rgcd(a: Exact, b: Exact) -> Exact:
    """Greatest common divisor of two positive rationals (the finest common grid step).

    >>> rgcd(Fraction(1, 2), Fraction(1, 3))
    Fraction(1, 6)
    """
    from math import gcd

    fa, fb = Fraction(a), Fraction(b)
    num = gcd(fa.numerator * fb.denominator, fb.numerator * fa.denominator)
    q = Fraction(num, fa.denominator * fb.denominator)
    return q.numerator if q.denominator == 1 else q
