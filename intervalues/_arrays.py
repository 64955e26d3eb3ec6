"""Columns in and out: lists, ``array``, NumPy, pandas and pyarrow.

NumPy, pandas and pyarrow are optional: they are never imported here unless the caller
passed one of their objects (then they are installed) or asked for one as output.
Inputs are validated as whole columns (NaN, NaT, lengths, reversed bounds, dtypes), and
numeric or datetime64 columns reach the kernel without a Python object per interval.
"""

from __future__ import annotations

import math
import operator
import sys
from array import array
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
_EXACT = 2**53  # ints up to this size are exact as float64


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
        return _plain_column(obj, name)
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
        return _plain_column(arr.tolist(), name)
    raise fail("array_dtype", name=name, dtype=f"dtype {arr.dtype}")


def _plain_column(obj: Any, name: str) -> Column:
    """Lists, tuples and ``array`` objects as typed ``array`` columns, without NumPy:
    ints within 64 bits as ``'q'``, floats as ``'d'``, ints mixed with floats as a
    ``"mixed"`` list (see :func:`columns_from_arrays`); anything else stays ``"object"``.

    >>> [(c.kind, c.data) for c in (_plain_column([1, 2], "x"), _plain_column([1, 2.5], "x"))]
    [('int', array('q', [1, 2])), ('mixed', [1, 2.5])]
    """
    if isinstance(obj, array) and obj.typecode in "bBhHiIlLqQfd":
        if obj.typecode == "q":
            return Column(name, "int", obj)
        if obj.typecode == "d":
            return _finite(Column(name, "float", obj))
        obj = obj.tolist()
    elif isinstance(obj, (str, bytes)) or not isinstance(obj, Iterable):
        raise fail("array_type", name=name, type=type(obj).__name__)
    items = obj if type(obj) is list else list(obj)
    types = set(map(type, items))
    if not items or not types <= {int, float}:  # bools, datetimes, Decimals...: one by one
        return Column(name, "object", items)
    if types == {int}:
        try:
            return Column(name, "int", array("q", items))
        except OverflowError:  # beyond 64 bits: exact Python ints
            return Column(name, "object", items)
    if types == {float}:
        return _finite(Column(name, "float", array("d", items)))
    return _finite(Column(name, "mixed", items))


def _finite(col: Column) -> Column:
    """The column, or ``ValueError`` counting its NaN/infinite entries."""
    if not all(map(math.isfinite, col.data)):
        bad = sum(1 for x in col.data if not math.isfinite(x))
        raise fail("array_not_finite", name=col.name, count=bad)
    return col


def _max_abs_int(col: Column) -> int:
    """The largest ``abs`` of the column's ints (0 for a float column)."""
    data = col.data
    if col.kind == "mixed":
        return max((abs(x) for x in data if type(x) is int), default=0)
    if col.kind != "int" or not len(data):
        return 0
    if isinstance(data, array):
        return max(max(data), -min(data))
    return max(int(data.max()), -int(data.min()))


def _as_floats(col: Column) -> None:
    """Promote an int or mixed column to float64 in place (callers checked exactness)."""
    if col.kind == "float":
        return
    data = col.data
    col.data = array("d", data) if not _is_numpy(data) else data.astype("float64")
    col.kind = "float"


def _is_numpy(data: Any) -> bool:
    return type(data).__module__ == "numpy"


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
    """Validate three columns; return either machine columns (``Column``s of NumPy or
    ``array`` data) or, for Python objects, the per-track raw columns of
    :func:`intervalues._gather.gather`.

    Ints mixed with floats (in a list, or an int column with a float one) become floats
    when every int is exact as one (``abs <= 2**53``); mixed *values* stay a ``"mixed"``
    list, which the kernel sums exactly (:func:`_build_mixed`). Beyond that the exact
    Python kernel gets the columns.

    >>> layout, (s, e, v) = columns_from_arrays([0, 2], [4, 6.5], None, "IntervalMeter")
    >>> s.data, v.data
    (array('d', [0.0, 2.0]), array('q', [1, 1]))
    >>> columns_from_arrays([0], [2**70], [1], "IntervalMeter")[1]
    {None: ([0], [1180591620717411303424], [1])}
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
    exact = True  # whether the columns can go to the kernel as int64/float64
    if s.kind != e.kind or s.kind == "mixed":  # ints and floats: floats if that is exact
        if max(_max_abs_int(s), _max_abs_int(e)) > _EXACT:
            exact = False
        else:
            _as_floats(s)
            _as_floats(e)
    if v.kind == "mixed" and sum(abs(x) for x in v.data if type(x) is int) > _EXACT:
        exact = False  # a float64 cannot carry these ints' sums (see _build_mixed)
    if v.data is None:
        v.data = _ones(len(s), s.data)
    i = _first_reversed(s.data, e.data)
    if i is not None:
        raise fail("array_reversed", i=i, where=what, start=repr(s.data[i]), stop=repr(e.data[i]))
    if s.kind == "naive":
        domain = Domain("naive")
    elif s.kind == "aware":
        domain = Domain("aware", s.tz or e.tz)
    else:
        domain = NUMBER
    if not exact:  # ints beyond 2**53 with floats: the exact Python kernel, on the columns
        return Layout(domain, False), {None: (_listed(s.data), _listed(e.data), _listed(v.data))}
    return Layout(domain, False), (s, e, v)


def _listed(data: Any) -> list[Any]:
    return data if isinstance(data, list) else data.tolist()


def _ones(n: int, like: Any) -> Any:
    """``n`` int64 ones, as NumPy when ``like`` is NumPy, else as ``array('q')``."""
    if _is_numpy(like):
        return sys.modules["numpy"].ones(n, dtype="int64")
    return array("q", [1]) * n


def _first_reversed(starts: Any, stops: Any) -> int | None:
    """The first index with ``starts[i] > stops[i]``, or None."""
    if _is_numpy(starts) and _is_numpy(stops):
        found = sys.modules["numpy"].flatnonzero(starts > stops)
        return int(found[0]) if found.size else None
    if not any(map(operator.gt, starts, stops)):
        return None
    return next(i for i, (a, b) in enumerate(zip(starts, stops)) if a > b)


def _python_columns(s: Column, e: Column, v: Column, what: str) -> tuple[Layout, dict[Any, Any]]:
    """Columns holding Python objects: build intervals and validate them one by one."""
    starts = _objects(s)
    stops = _objects(e)
    values = [1] * len(starts) if v.data is None else _objects(v)
    ivs = [BaseInterval(a, b, w) for a, b, w in zip(starts, stops, values, strict=True)]
    return gather(ivs, what)


def _objects(col: Column) -> list[Any]:
    if col.kind in ("object", "mixed"):
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
