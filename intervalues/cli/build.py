"""Building the collection from the columns, via ``from_arrays``."""

from __future__ import annotations

from typing import Any

from .columns import Rows
from .errors import fail


def build(rows: Rows, kind: str) -> Any:
    """The collection of ``kind`` from the typed columns, via ``from_arrays`` (whose own
    column checks report anything the reader let through)."""
    from intervalues.interval_meter import IntervalCounter, IntervalMeter
    from intervalues.interval_set import IntervalSet

    classes: dict[str, type[IntervalMeter | IntervalSet]] = {
        "meter": IntervalMeter,
        "counter": IntervalCounter,
        "set": IntervalSet,
    }
    cls = classes[kind]
    try:
        return cls.from_arrays(rows.starts, rows.stops, rows.values)
    except (TypeError, ValueError) as exc:
        raise fail("cli_combine", error=exc) from None
    except OverflowError:
        raise fail("cli_combine_overflow") from None
