"""Columns in and out: lists, ``array``, NumPy, pandas and pyarrow.

NumPy, pandas and pyarrow are optional: they are never imported here unless the caller
passed one of their objects (then they are installed) or asked for one as output.
Inputs are validated as whole columns (NaN, NaT, lengths, reversed bounds, dtypes), and
numeric or datetime64 columns reach the kernel without a Python object per interval.
"""

from __future__ import annotations

import sys
from collections.abc import Iterable
from datetime import timedelta, timezone, tzinfo
from typing import Any

from ._checks import check_use_rust, describe, fail
from ._engine import combine
from ._engine.columns import Layout, Track, TrackId
from ._engine.coords import NUMBER, Domain, from_key
from ._engine.sweep import Kind
from ._gather import gather
from .base_interval import BaseInterval

__all__ = ["Column", "columns_from_arrays", "numpy_or_none"]

_I64_MAX = 2**63 - 1


class Column:
    """One validated input column: ``kind`` is ``"int"``, ``"float"``, ``"naive"``,
    ``"aware"`` or ``"object"``; ``data`` is a NumPy array (``int64``/``float64``, datetimes
    as ``int64`` microseconds) or, for ``"object"``, a list of Python values."""

    __slots__ = ("data", "kind", "name", "tz")

    def __init__(self, name: str, kind: str, data: Any, tz: tzinfo | None = None) -> None:
        self.name = name
        self.kind = kind
        self.data = data
        self.tz = tz

    def __len__(self) -> int:
        return len(self.data)


def numpy_or_none(obj: Any) -> Any:
    """The NumPy module when ``obj`` is a NumPy/pandas/pyarrow object, else ``None``."""
    module = type(obj).__module__.split(".")[0]
    if module in ("numpy", "pandas", "pyarrow"):
        import numpy

        return numpy
    return None


def _column(obj: Any, name: str) -> Column:
    np = numpy_or_none(obj)
    if np is None:
        if isinstance(obj, (str, bytes)) or not isinstance(obj, Iterable):
            raise fail("array_type", name=name, type=type(obj).__name__)
        return Column(name, "object", list(obj))
    module = type(obj).__module__.split(".")[0]
    tz = None
    if module == "pyarrow":
        if obj.null_count:
            raise fail("array_missing", name=name, count=obj.null_count, what="")
        arrow_tz = getattr(obj.type, "tz", None)
        if arrow_tz:
            tz = _zone(arrow_tz)
        obj = obj.to_numpy(zero_copy_only=False)
    elif module == "pandas":
        dtype = obj.dtype
        if getattr(dtype, "tz", None) is not None:
            tz = dtype.tz
            obj = obj.dt.tz_convert("UTC").dt.tz_localize(None)
        if obj.isna().any():
            raise fail("array_missing", name=name, count=int(obj.isna().sum()), what=" (NaN/NaT)")
        obj = obj.to_numpy()
    arr = np.asarray(obj)
    if arr.ndim != 1:
        raise fail("array_shape", name=name, shape=arr.shape)
    kind = arr.dtype.kind
    if kind == "b":
        raise fail("array_dtype", name=name, dtype="booleans")
    if kind in "iu":
        if kind == "u" and arr.size and int(arr.max()) > _I64_MAX:
            return Column(name, "object", arr.tolist())
        return Column(name, "int", arr.astype(np.int64, copy=False))
    if kind == "f":
        arr = arr.astype(np.float64, copy=False)
        bad = ~np.isfinite(arr)
        if bad.any():
            raise fail("array_not_finite", name=name, count=int(bad.sum()))
        return Column(name, "float", arr)
    if kind == "M":
        if np.isnat(arr).any():
            raise fail("array_missing", name=name, count=int(np.isnat(arr).sum()), what=" (NaT)")
        micros = arr.astype("datetime64[us]").astype(np.int64)
        return Column(name, "aware" if tz is not None else "naive", micros, tz)
    if kind == "O":
        return Column(name, "object", arr.tolist())
    raise fail("array_dtype", name=name, dtype=f"dtype {arr.dtype}")


def _zone(name: str) -> tzinfo:
    """A tzinfo from an Arrow zone name: a fixed offset (``"-05:00"``) or an IANA key.

    >>> _zone("-05:00"), _zone("UTC")
    (datetime.timezone(datetime.timedelta(days=-1, seconds=68400)), datetime.timezone.utc)
    """
    if name.upper() in ("UTC", "Z", "+00:00"):
        return timezone.utc
    if name[:1] in "+-" and len(name) == 6 and name[3] == ":":
        sign = -1 if name[0] == "-" else 1
        return timezone(sign * timedelta(hours=int(name[1:3]), minutes=int(name[4:6])))
    from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

    try:
        return ZoneInfo(name)
    except (ZoneInfoNotFoundError, ValueError):
        raise fail("array_time_zone", value=name) from None


def columns_from_arrays(
    starts: Any, stops: Any, values: Any, what: str
) -> tuple[Layout, tuple[Column, Column, Column]] | tuple[Layout, dict[Any, Any]]:
    """Validate three columns; return either machine columns or, for Python objects, the
    per-track raw columns of :func:`intervalues._gather.gather`.

    >>> layout, cols = columns_from_arrays([0, 2], [4, 6], None, "IntervalMeter")
    >>> cols
    {None: ([0, 2], [4, 6], [1, 1])}
    """
    s, e = _column(starts, "starts"), _column(stops, "stops")
    if len(s) != len(e):
        raise fail("array_lengths", a=len(s), b=len(e))
    v = Column("values", "int", None) if values is None else _column(values, "values")
    if values is not None and len(v) != len(s):
        raise fail("array_value_length", a=len(v), b=len(s))
    if v.kind in ("naive", "aware"):
        raise fail("array_datetime_values")
    if "object" in (s.kind, e.kind, v.kind):
        return _python_columns(s, e, v, what)
    if (s.kind in ("naive", "aware")) != (e.kind in ("naive", "aware")):
        raise fail("array_mixed_domains", where=what)
    if s.kind in ("naive", "aware") and s.kind != e.kind:
        raise fail("array_mixed_tz", where=what)
    np = sys.modules["numpy"]
    if {s.kind, e.kind} == {"int", "float"}:  # promote when the ints are exact as floats
        for col in (s, e):
            if col.kind == "int":
                if col.data.size and int(np.abs(col.data).max()) > 2**53:
                    return _python_columns(s, e, v, what)
                col.data, col.kind = col.data.astype(np.float64), "float"
    if v.data is None:
        v.data = np.ones(len(s), dtype=np.int64)
    reversed_at = np.flatnonzero(s.data > e.data)
    if reversed_at.size:
        i = int(reversed_at[0])
        raise fail("array_reversed", i=i, where=what, start=repr(s.data[i]), stop=repr(e.data[i]))
    if s.kind == "naive":
        domain = Domain("naive")
    elif s.kind == "aware":
        domain = Domain("aware", s.tz or e.tz)
    else:
        domain = NUMBER
    return Layout(domain, False), (s, e, v)


def _python_columns(s: Column, e: Column, v: Column, what: str) -> tuple[Layout, dict[Any, Any]]:
    """Columns holding Python objects: build intervals and validate them one by one."""
    starts = _objects(s)
    stops = _objects(e)
    values = [1] * len(starts) if v.data is None else _objects(v)
    ivs = [BaseInterval(a, b, w) for a, b, w in zip(starts, stops, values, strict=True)]
    return gather(ivs, what)


def _objects(col: Column) -> list[Any]:
    if col.kind == "object":
        return list(col.data)
    if col.kind in ("naive", "aware"):
        dom = Domain("naive") if col.kind == "naive" else Domain("aware", col.tz)
        return [from_key(k, dom) for k in col.data.tolist()]
    return col.data.tolist()


def key_points(points: Any, domain: Domain | None) -> tuple[Any, Any]:
    """Lookup points as a NumPy key array: ``(numpy, keys)``; ``(None, None)`` for others."""
    np = numpy_or_none(points)
    if np is None:
        return None, None
    col = _column(points, "points")
    if col.kind == "object":
        return None, None
    want = domain.kind if domain is not None else None
    got = "number" if col.kind in ("int", "float") else col.kind
    if want is not None and got != want:
        assert domain is not None  # want is set only when the domain is
        raise fail("array_points_domain", kind=describe(domain))
    return np, col.data


def build_from_arrays(
    starts: Any, stops: Any, values: Any, kind: Kind, use_rust: bool | None, what: str
) -> tuple[Layout, dict[TrackId, Track]]:
    """Validated columns swept into canonical tracks on the chosen backend."""
    check_use_rust(use_rust)
    layout, cols = columns_from_arrays(starts, stops, values, what)
    if isinstance(cols, dict):
        return layout, combine.build(cols, kind, use_rust)
    s, e, v = cols
    return layout, combine.build_arrays(s.data, e.data, v.data, kind, use_rust)


def require(module: str, extra: str, what: str) -> Any:
    try:
        return __import__(module)
    except ImportError:
        raise fail("missing_extra", what=what, module=module, extra=extra) from None


def frame_columns(df: Any, start: str, stop: str, value: str | None) -> tuple[Any, Any, Any]:
    """The named columns of a DataFrame-like object, with a clear error for a missing one."""
    columns = list(getattr(df, "columns", ()))
    for label, name in (("start", start), ("stop", stop), ("value", value)):
        if name is not None and name not in columns:
            raise fail("frame_column", label=label, name=name, columns=columns)
    return df[start], df[stop], (df[value] if value is not None else None)


def keys_to_numpy(keys: list[Any], domain: Domain | None) -> Any:
    """A NumPy array of stored keys: numbers, or ``datetime64[us]`` (aware: UTC)."""
    np = require("numpy", "numpy", "to_arrays()")
    arr = np.asarray(keys)
    if domain is not None and domain.kind != "number":
        return arr.astype(np.int64).astype("datetime64[us]")
    return arr


def keys_to_pandas(keys: list[Any], domain: Domain | None) -> Any:
    """A pandas column of stored keys (aware datetimes in the collection's zone)."""
    pd = require("pandas", "pandas", "to_pandas()")
    if domain is not None and domain.kind == "aware":
        return pd.to_datetime(keys, unit="us", utc=True).tz_convert(domain.tz)
    if domain is not None and domain.kind == "naive":
        return pd.to_datetime(keys, unit="us")
    return keys
