"""Building the collection from the columns, via ``from_arrays``."""

from __future__ import annotations

from typing import Any

from .errors import CliError
from .rows import Rows, as_column


def build(rows: Rows, kind: str) -> Any:
    """The collection of ``kind`` from the columns, via ``from_arrays`` (whose own column
    checks report anything the reader let through)."""
    from intervalues.interval_meter import IntervalCounter, IntervalMeter
    from intervalues.interval_set import IntervalSet

    cls = {"meter": IntervalMeter, "counter": IntervalCounter, "set": IntervalSet}[kind]
    values = rows.values
    if isinstance(rows.starts, list):
        starts, stops = as_column(rows.starts), as_column(rows.stops)
        values = as_column(values) if values is not None else None
    else:
        starts, stops = rows.starts, rows.stops
    try:
        return cls.from_arrays(starts, stops, values)
    except (TypeError, ValueError) as exc:
        raise CliError(f"cannot combine the columns: {exc}") from None
