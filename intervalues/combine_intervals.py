"""The combination functions of 0.4.0: sweep intervals into a meter, set or counter.

As in 0.4.0, the module attributes ``combine_intervals_int`` and
``combine_intervals_float`` are the accelerator's own entry points
(``intervalues_pyrust.combine_intervals_int/_float``), or ``None`` when it is not
installed; :func:`combine_via_rust` calls them through these attributes, so code that
replaces them (a test's spy) sees its replacement called.
"""

from __future__ import annotations

import math
from collections.abc import Callable, Iterable, Sequence
from typing import Any, Literal

from ._checks import check_nr_digits, fail
from ._engine import accel
from ._engine.combine import use_accel
from ._gather import gather
from .base_interval import BaseInterval
from .interval_meter import IntervalCounter, IntervalMeter
from .interval_set import IntervalSet

__all__ = [
    "combine_arrays",
    "combine_intervals",
    "combine_intervals_counter",
    "combine_intervals_counter_discrete",
    "combine_intervals_float",
    "combine_intervals_int",
    "combine_intervals_meter",
    "combine_intervals_meter_discrete",
    "combine_intervals_set",
    "combine_intervals_set_discrete",
    "combine_via_rust",
]

Rows = list[tuple[Any, Any, Any]]

#: ``intervalues_pyrust.combine_intervals_int`` (0.4.0's name), or ``None``.
combine_intervals_int: Callable[[Sequence[tuple[int, int, int]]], Rows] | None = getattr(
    accel.module(), "combine_intervals_int", None
)
#: ``intervalues_pyrust.combine_intervals_float`` (0.4.0's name), or ``None``.
combine_intervals_float: Callable[[Sequence[tuple[float, float, float]], int], Rows] | None = (
    getattr(accel.module(), "combine_intervals_float", None)
)

_TYPES: dict[str, type[IntervalMeter | IntervalSet]] = {
    "meter": IntervalMeter,
    "counter": IntervalCounter,
    "set": IntervalSet,
}


def combine_intervals(
    intervals: Iterable[BaseInterval],
    object_exists: IntervalMeter | IntervalSet | None = None,
    combined_type: Literal["meter", "set", "counter"] = "meter",
    *,
    use_rust: bool | None = None,
) -> IntervalMeter | IntervalSet:
    """Combine intervals into a new meter, set or counter, or into ``object_exists``.

    Discrete and continuous intervals (or numbers and datetimes) cannot be mixed.

    >>> from intervalues import BaseInterval
    >>> combine_intervals([BaseInterval(0, 3), BaseInterval(2, 5)], combined_type="counter")
    IntervalCounter:{BaseInterval[0;2]: 1, BaseInterval[2;3]: 2, BaseInterval[3;5]: 1}
    >>> combine_intervals([])
    IntervalMeter:{}
    """
    return _combine(intervals, object_exists, combined_type, use_rust, "combine_intervals")


def _combine(
    intervals: Any, object_exists: Any, combined_type: Any, use_rust: bool | None, where: str
) -> Any:
    try:
        if object_exists is not None:
            if not isinstance(object_exists, (IntervalMeter, IntervalSet)):
                raise fail(
                    "object_exists_type",
                    value=combined_type,
                    type=type(object_exists).__name__,
                )
            fresh = type(object_exists)(intervals, use_rust=use_rust)
            object_exists.update(fresh)
            return object_exists
        cls = _TYPES.get(combined_type) if isinstance(combined_type, str) else None
        if cls is None:
            raise fail("combined_type", value=combined_type)
        return cls(intervals, use_rust=use_rust)
    except TypeError:
        if isinstance(intervals, (list, tuple)):
            gather(intervals, where)  # 0.4.0 checked the intervals first: raise its text
        raise


def combine_arrays(
    starts: Any,
    stops: Any,
    values: Any = None,
    combined_type: str = "meter",
    *,
    use_rust: bool | None = None,
) -> Any:
    """Combine columns (lists, ``array``, NumPy, pandas, pyarrow) into a meter, set or
    counter, without a Python object per interval on the way to the kernel.

    >>> combine_arrays([0, 2], [3, 5], combined_type="counter")
    IntervalCounter:{BaseInterval[0;2]: 1, BaseInterval[2;3]: 2, BaseInterval[3;5]: 1}
    """
    cls = _TYPES.get(combined_type) if isinstance(combined_type, str) else None
    if cls is None:
        raise fail("combined_type", value=combined_type)
    return cls.from_arrays(starts, stops, values, use_rust=use_rust)


def _variant(kind: str, discrete: bool) -> Any:
    def combine(
        intervals: Iterable[BaseInterval],
        object_exists: IntervalMeter | IntervalSet | None = None,
        *,
        use_rust: bool | None = None,
    ) -> IntervalMeter | IntervalSet:
        items = list(intervals) if not hasattr(intervals, "start") else [intervals]
        if any(getattr(iv, "_discrete", discrete) != discrete for iv in items):
            want, other = ("discrete", "continuous") if discrete else ("continuous", "discrete")
            raise fail("variant_kind", name=name, kind=want, other=other)
        return _combine(items, object_exists, kind, use_rust, name)

    name = f"combine_intervals_{kind}{'_discrete' if discrete else ''}"
    combine.__name__ = combine.__qualname__ = name
    combine.__doc__ = (
        f"Combine {'discrete' if discrete else 'continuous'} intervals into an "
        f"Interval{kind.capitalize()} (or into ``object_exists``).\n\n"
        f"    >>> from intervalues import {'BaseDiscreteInterval' if discrete else 'BaseInterval'}"
        " as I\n"
        f"    >>> len({name}([I(0, 3), I(2, 5)])) > 0\n    True\n"
    )
    return combine


combine_intervals_meter = _variant("meter", False)
combine_intervals_set = _variant("set", False)
combine_intervals_counter = _variant("counter", False)
combine_intervals_meter_discrete = _variant("meter", True)
combine_intervals_set_discrete = _variant("set", True)
combine_intervals_counter_discrete = _variant("counter", True)


def combine_via_rust(
    intervals: Iterable[BaseInterval], nr_digits: int | None = None
) -> IntervalMeter:
    """Combine into an ``IntervalMeter`` through the accelerator when installed.

    The result is always ``IntervalMeter(intervals, nr_digits=nr_digits)``, exactly
    (W2). Continuous intervals whose bounds and values are all 64-bit ints go through
    the module attribute ``combine_intervals_int``; all floats, with ``nr_digits``
    given, through ``combine_intervals_float``: each when it is set (a replacement is
    always called; the accelerator's own only when the backend in use is Rust). Input
    those cannot answer exactly (datetimes, discrete intervals, mixed types, -0.0
    bounds, overflow) is combined by ``IntervalMeter`` itself.

    >>> from intervalues import BaseInterval
    >>> combine_via_rust([BaseInterval(0.1, 0.3), BaseInterval(0.2, 0.4)], nr_digits=1)
    IntervalMeter:{BaseInterval[0.1;0.2]: 1, BaseInterval[0.2;0.3]: 2, BaseInterval[0.3;0.4]: 1}
    """
    if isinstance(intervals, (str, bytes)):
        raise fail("combine_via_rust_str", type=type(intervals).__name__)
    check_nr_digits(nr_digits)
    if isinstance(intervals, (list, tuple)):
        rows = _rows(intervals, nr_digits)
        if rows is not None:
            try:
                if rows[0] == "int" and (combine := _entry("combine_intervals_int")) is not None:
                    return IntervalMeter([BaseInterval(*p) for p in combine(rows[1])])
                if rows[0] == "float" and (combine := _entry("combine_intervals_float")):
                    return IntervalMeter([BaseInterval(*p) for p in combine(rows[1], nr_digits)])
            except OverflowError:  # beyond the kernel's 64 bits: Python ints are exact
                pass
    return IntervalMeter(intervals, nr_digits=nr_digits)


def _entry(name: str) -> Any:
    """The module attribute ``name`` when it is to be called: a replacement always, the
    accelerator's own function when the Rust backend is in use."""
    function = globals()[name]
    own = function is getattr(accel.module(), name, None)
    return None if function is None or (own and not use_accel(None)) else function


def _rows(intervals: Sequence[Any], nr_digits: int | None) -> tuple[str, Rows] | None:
    """``("int", rows)`` when every interval is continuous with 64-bit int bounds and
    value, ``("float", rows)`` when all are floats and ``nr_digits`` is given (and no
    bound rounds to a zero, which the kernel spells ``0.0`` and Python may keep as
    ``-0.0``), else ``None``."""
    rows: list[tuple[Any, Any, Any]] = [
        (iv.start, iv.stop, iv.value)
        for iv in intervals
        if type(iv) is BaseInterval and not iv._discrete
    ]
    if not rows or len(rows) != len(intervals):
        return None
    types = {type(x) for row in rows for x in row}
    if types == {int} and all(-(2**63) <= x < 2**63 for row in rows for x in row):
        return "int", rows
    if types == {float} and nr_digits is not None:
        zeros = (round(x, nr_digits) == 0 for a, b, _ in rows for x in (a, b))
        if not any(zeros) and all(math.isfinite(x) for row in rows for x in row):
            return "float", rows
    return None
