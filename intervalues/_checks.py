"""Every validation of user input, and the text of every error it raises.

One table, :data:`MESSAGES`, holds each message once with its exception class; the
validators below and every other module raise through :func:`fail`, so a wording is
changed in one place and tested as a table. This module sits between the public types
and the engine: it may use the engine's pure helpers, never the other way round.

>>> fail("must_be_finite", name="start", value=float("nan"))
ValueError('start must be finite, got nan')
"""

from __future__ import annotations

import math
import numbers
from datetime import datetime
from typing import Any

from ._engine import accel
from ._engine.columns import Layout
from ._engine.coords import NUMBER, Domain

__all__ = [
    "MESSAGES",
    "InvalidTypeError",
    "check_coordinate",
    "check_factor",
    "check_layouts",
    "check_nr_digits",
    "check_same_domain",
    "check_threshold",
    "check_use_rust",
    "check_value",
    "describe",
    "fail",
]


class InvalidTypeError(TypeError, ValueError):
    """A value of the wrong type where intervalues 0.4.0 raised ``ValueError``.

    It subclasses both ``TypeError`` (what it is) and ``ValueError`` (what older code
    catches), so ``except ValueError`` written for 0.4.0 keeps working.

    >>> from intervalues import BaseInterval
    >>> try:
    ...     BaseInterval(0, 1) * "2"
    ... except ValueError as exc:
    ...     print(type(exc).__name__)
    InvalidTypeError
    """


#: key -> (exception class, message template for ``str.format``).
MESSAGES: dict[str, tuple[type[Exception], str]] = {
    # -- numbers and coordinates ---------------------------------------------------------
    "must_be_finite": (ValueError, "{name} must be finite, got {value!r}"),
    "not_a_coordinate": (
        TypeError,
        "{name} must be an int, float or datetime, not {type} ({value!r})",
    ),
    "not_a_number": (TypeError, "{name} must be an int or float, not {type} ({value!r})"),
    "not_a_factor": (InvalidTypeError, "{name} must be an int or float, not {type} ({value!r})"),
    "threshold_type": (TypeError, "{name} must be a number, got {value!r}"),
    "nr_digits_type": (TypeError, "nr_digits must be None or an int >= 0, got {value!r}"),
    "nr_digits_negative": (ValueError, "nr_digits must be None or an int >= 0, got {value}"),
    # -- domains -------------------------------------------------------------------------
    "mixed_domains": (TypeError, "cannot mix {a} and {b} in {what}"),
    "mixed_discrete": (TypeError, "cannot mix discrete and continuous intervals in {what}"),
    # -- gathering intervals -------------------------------------------------------------
    "not_intervals": (
        TypeError,
        "data must be an interval or an iterable of intervals, not {type}",
    ),
    "bounds_not_finite": (ValueError, "intervals of {what} must have finite bounds"),
    "bound_type": (TypeError, "interval bounds must be numbers or datetimes, got {value!r}"),
    "start_after_stop": (ValueError, "interval {i} of {what} has start after stop ({interval!r})"),
    # -- statistics ----------------------------------------------------------------------
    "within_type": (TypeError, "within must be an interval, got {value!r}"),
    "within_kind": (
        TypeError,
        "within must be of the same kind (discrete or continuous) as the meter",
    ),
    # -- backends ------------------------------------------------------------------------
    "use_rust_type": (TypeError, "use_rust must be None, True or False, got {value!r}"),
    "backend_env": (
        ValueError,
        "INTERVALUES_BACKEND must be 'python' or 'rust', got {value!r}",
    ),
    "accelerator_missing": (
        ImportError,
        "the Rust accelerator is not installed; install it with: pip install 'intervalues[rust]'",
    ),
    # -- operands (issue 14, 0.4.0's text) ------------------------------------------------
    # update(), -, -=, ^ and their named forms take only the collection's own type (or an
    # interval); ``cls`` and ``base`` are the classes, printed as 0.4.0 printed them
    "not_of_type": (InvalidTypeError, "Input {other} is not of type {cls} or {base}"),
    "pdf_discrete": (
        TypeError,
        "Discrete intervals require a probability-mass distribution: IntervalPdf needs "
        "continuous intervals (use IntervalPmf for discrete ones)",
    ),
    "pdf_empty": (ValueError, "IntervalPdf requires at least one continuous interval"),
    # IntervalPdf.set_data re-normalises the mapping it is given, in 0.4.0's words
    "pdf_set_empty": (ValueError, "Cannot normalize an empty IntervalPdf"),
    "pdf_set_weight": (
        ValueError,
        "IntervalPdf weights must be finite and non-negative: got {value!r} for {interval!r}",
    ),
    "pdf_set_total": (
        ValueError,
        "IntervalPdf must have finite, positive weighted length: every weight is 0",
    ),
    "level_open": (ValueError, "level must be finite and in (0, 1), got {value!r}"),
    "index_out_of_range": (
        IndexError,
        "discrete interval index out of range: {index} for {count} points",
    ),
    # a query of another domain or kind (0.4.0 refused it where we answered False/0)
    "coordinate_domain": (
        TypeError,
        "coordinates must use the same numeric/datetime domain and timezone awareness: "
        "got {a} and {b}",
    ),
    "datetime_interval_coordinate": (
        TypeError,
        "datetime intervals require datetime coordinates: got {value!r}",
    ),
    "index_of_not_a_number": (
        TypeError,
        "coordinate must be a number: got {type} ({value!r})",
    ),
    "numeric_interval_coordinate": (
        TypeError,
        "datetime coordinates require a datetime interval: got {value!r} for a numeric one",
    ),
    "collection_domain": (
        TypeError,
        "collection intervals must use the same numeric/datetime domain and timezone "
        "awareness: got {a} and {b}",
    ),
    "intersect_kind": (
        TypeError,
        "Cannot intersect discrete and continuous intervals: {what} needs a range of the "
        "records' kind",
    ),
    "set_compare_kind": (
        TypeError,
        "Cannot compare discrete and continuous intervals in an IntervalSet: {what} needs "
        "an interval of the set's kind",
    ),
}

_DOMAIN_NAMES = {
    "number": "numbers",
    "naive": "naive datetimes",
    "aware": "timezone-aware datetimes",
}


def fail(key: str, **fields: Any) -> Exception:
    """The exception for message ``key``, formatted with ``fields`` (raise it).

    >>> fail("mixed_discrete", what="IntervalSet")
    TypeError('cannot mix discrete and continuous intervals in IntervalSet')
    """
    cls, template = MESSAGES[key]
    return cls(template.format(**fields))


def describe(domain: Domain) -> str:
    """The human name of a coordinate domain, as messages say it.

    >>> describe(Domain("aware"))
    'timezone-aware datetimes'
    """
    return _DOMAIN_NAMES[domain.kind]


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
            raise fail("must_be_finite", name=name, value=x)
        return x
    if isinstance(x, bool) or not isinstance(x, (numbers.Real, datetime)):
        raise fail("not_a_coordinate", name=name, type=type(x).__name__, value=x)
    if isinstance(x, datetime):
        return x
    if isinstance(x, numbers.Integral):
        return int(x)
    f = float(x)
    if not math.isfinite(f):
        raise fail("must_be_finite", name=name, value=x)
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
            raise fail("must_be_finite", name=name, value=v)
        return v
    if isinstance(v, bool) or not isinstance(v, numbers.Real):
        raise fail("not_a_number", name=name, type=type(v).__name__, value=v)
    if isinstance(v, numbers.Integral):
        return int(v)
    f = float(v)
    if not math.isfinite(f):
        raise fail("must_be_finite", name=name, value=v)
    return f


def check_factor(v: Any, name: str = "factor") -> int | float:
    """Like :func:`check_value`, raising :class:`InvalidTypeError` for non-numbers.

    >>> check_factor(2)
    2
    """
    if isinstance(v, bool) or not isinstance(v, numbers.Real):
        raise fail("not_a_factor", name=name, type=type(v).__name__, value=v)
    return check_value(v, name)


def check_threshold(x: Any, name: str) -> int | float:
    """A finite ``int``/``float`` threshold (``bool`` and strings are refused).

    >>> check_threshold(2, "minimum")
    2
    """
    if isinstance(x, bool) or not isinstance(x, (int, float)):
        raise fail("threshold_type", name=name, value=x)
    if not math.isfinite(x):
        raise fail("must_be_finite", name=name, value=x)
    return x


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
        raise fail("nr_digits_type", value=nr_digits)
    if nr_digits < 0:
        raise fail("nr_digits_negative", value=nr_digits)


def check_same_domain(a: Domain, b: Domain, what: str) -> None:
    """Raise ``TypeError`` when coordinates of two domains would be mixed.

    >>> check_same_domain(Domain("number"), Domain("naive"), "IntervalMeter")
    Traceback (most recent call last):
    ...
    TypeError: cannot mix numbers and naive datetimes in IntervalMeter
    """
    if a.kind != b.kind:
        raise fail("mixed_domains", a=describe(a), b=describe(b), what=what)


def check_use_rust(use_rust: Any) -> None:
    """Validate a ``use_rust`` argument and the ``INTERVALUES_BACKEND`` setting.

    ``True`` (or ``INTERVALUES_BACKEND=rust``) without the accelerator is an
    ``ImportError`` that names the install command.

    >>> check_use_rust(False)
    >>> check_use_rust("yes")
    Traceback (most recent call last):
    ...
    TypeError: use_rust must be None, True or False, got 'yes'
    """
    if use_rust is not None and not isinstance(use_rust, bool):
        raise fail("use_rust_type", value=use_rust)
    forced = accel.forced_backend()
    if forced not in ("", "auto", "python", "rust"):
        raise fail("backend_env", value=forced)
    if (use_rust is True or forced == "rust") and not accel.available():
        raise fail("accelerator_missing")


def check_layouts(a: Layout, b: Layout, what: str) -> None:
    """Raise ``TypeError`` when two collections' contents cannot be combined (discrete
    with continuous, or different coordinate domains); empty layouts fit anything.

    >>> check_layouts(Layout(NUMBER, True), Layout(NUMBER, False), "IntervalSet")
    Traceback (most recent call last):
    ...
    TypeError: cannot mix discrete and continuous intervals in IntervalSet
    """
    if a.discrete is None or b.discrete is None:
        return
    if a.discrete != b.discrete:
        raise fail("mixed_discrete", what=what)
    check_same_domain(a.domain or NUMBER, b.domain or NUMBER, what)
