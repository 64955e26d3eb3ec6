"""Arrow tables in and out, and polars through Arrow: columns, never an object per piece.

A collection's stored columns (typed ``array("q"/"d")``, see
``intervalues._engine.columns``) become Arrow arrays over the same bytes (one copy of
the stored column, no Python object per piece); datetimes are ``timestamp[us]`` in the
collection's zone. Tables come in through ``from_arrays``. pyarrow and polars are
optional and imported only here, when asked for.
"""

from __future__ import annotations

from array import array
from datetime import timedelta, tzinfo
from typing import Any

from ._arrays import require
from ._checks import fail
from ._engine.coords import Domain

__all__ = ["arrow_array", "frame_columns_arrow", "table", "zone_name"]


def zone_name(zone: tzinfo | None) -> str:
    """The Arrow name of a zone: its IANA key, ``UTC``, or a fixed offset ``+HH:MM``.

    >>> from datetime import timezone
    >>> zone_name(timezone(timedelta(hours=-5))), zone_name(timezone.utc)
    ('-05:00', 'UTC')
    """
    key = getattr(zone, "key", None)
    if isinstance(key, str):
        return key
    offset = zone.utcoffset(None) if zone is not None else None
    if not offset:
        return "UTC"
    sign = "-" if offset < timedelta(0) else "+"
    minutes = abs(offset) // timedelta(minutes=1)
    return f"{sign}{minutes // 60:02d}:{minutes % 60:02d}"


def arrow_array(col: Any, domain: Domain | None, what: str) -> Any:
    """One stored column as a pyarrow array: a typed ``array`` over its own bytes, a
    list (mixed ints and floats: float64) through ``pyarrow.array``."""
    pa = require("pyarrow", "arrow", what)
    kind = domain.kind if domain is not None else "number"
    if kind == "number":
        arrow_type = None
    elif kind == "naive":
        arrow_type = pa.timestamp("us")
    else:
        arrow_type = pa.timestamp("us", tz=zone_name(domain.tz if domain else None))
    if isinstance(col, array) and col.typecode in "qd":
        if arrow_type is None:
            arrow_type = pa.int64() if col.typecode == "q" else pa.float64()
        return pa.Array.from_buffers(arrow_type, len(col), [None, pa.py_buffer(col)])
    if not len(col):
        return pa.array([], type=arrow_type or pa.int64())
    try:
        arr = pa.array(list(col), type=pa.int64() if arrow_type is not None else None)
    except (OverflowError, pa.ArrowInvalid):
        raise fail("arrow_big_ints", what=what) from None
    return arr.cast(arrow_type) if arrow_type is not None else arr


def table(columns: dict[str, Any], domain: Domain | None, what: str) -> Any:
    """A pyarrow Table of stored columns (``start``/``stop`` are coordinates)."""
    pa = require("pyarrow", "arrow", what)
    return pa.table(
        {
            name: arrow_array(col, domain if name in ("start", "stop") else None, what)
            for name, col in columns.items()
        }
    )


def frame_columns_arrow(
    tab: Any, start: str, stop: str, value: str | None, what: str
) -> tuple[Any, Any, Any]:
    """The named columns of a pyarrow Table (or a polars DataFrame, through Arrow)."""
    module = type(tab).__module__.split(".")[0]
    if module == "polars":
        names = [n for n in (start, stop, value) if n is not None]
        _check_names(list(tab.columns), start, stop, value)
        tab = tab.select(list(dict.fromkeys(names))).to_arrow()
    elif module != "pyarrow" or not hasattr(tab, "column_names"):
        raise fail("arrow_table_type", what=what, type=type(tab).__name__)
    _check_names(list(tab.column_names), start, stop, value)
    return (
        tab.column(start),
        tab.column(stop),
        tab.column(value) if value is not None else None,
    )


def _check_names(columns: list[str], start: str, stop: str, value: str | None) -> None:
    for label, name in (("start", start), ("stop", stop), ("value", value)):
        if name is not None and name not in columns:
            raise fail("arrow_column_missing", label=label, name=name, columns=columns)
