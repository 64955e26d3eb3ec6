"""The combination functions of 0.4.0: sweep intervals into a meter, set or counter."""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any, Literal

from ._checks import InvalidTypeError
from .base_interval import BaseInterval
from .interval_meter import IntervalCounter, IntervalMeter
from .interval_set import IntervalSet

__all__ = [
    "combine_arrays",
    "combine_intervals",
    "combine_intervals_counter",
    "combine_intervals_counter_discrete",
    "combine_intervals_meter",
    "combine_intervals_meter_discrete",
    "combine_intervals_set",
    "combine_intervals_set_discrete",
    "combine_via_rust",
]

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
    if object_exists is not None:
        if not isinstance(object_exists, (IntervalMeter, IntervalSet)):
            raise TypeError(
                f"object_exists must be a meter, counter or set, not {type(object_exists).__name__}"
            )
        fresh = type(object_exists)(intervals, use_rust=use_rust)
        object_exists.update(fresh)
        return object_exists
    cls = _TYPES.get(combined_type) if isinstance(combined_type, str) else None
    if cls is None:
        raise TypeError(f"combined_type must be 'meter', 'counter' or 'set', got {combined_type!r}")
    return cls(intervals, use_rust=use_rust)


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
        raise TypeError(f"combined_type must be 'meter', 'counter' or 'set', got {combined_type!r}")
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
            raise TypeError(
                f"combine_intervals_{kind}{'_discrete' if discrete else ''} needs "
                f"{want} intervals, not {other} ones"
            )
        return combine_intervals(items, object_exists, kind, use_rust=use_rust)  # type: ignore[arg-type]

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

    Falls back to pure Python (with identical results) when it is not. ``nr_digits=k``
    rounds every float coordinate and value to ``k`` decimals first.

    >>> from intervalues import BaseInterval
    >>> combine_via_rust([BaseInterval(0.1, 0.3), BaseInterval(0.2, 0.4)], nr_digits=1)
    IntervalMeter:{BaseInterval[0.1;0.2]: 1, BaseInterval[0.2;0.3]: 2, BaseInterval[0.3;0.4]: 1}
    """
    if isinstance(intervals, (str, bytes)):
        raise InvalidTypeError("intervals must be an iterable of intervals")
    return IntervalMeter(intervals, nr_digits=nr_digits)
