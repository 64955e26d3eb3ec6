"""Columns in and out: lists, ``array``, NumPy, pandas and pyarrow.

NumPy, pandas and pyarrow are optional: they are never imported here unless the caller
passed one of their objects (then they are installed) or asked for one as output.
Inputs are validated as whole columns (NaN, NaT, lengths, reversed bounds, dtypes), and
numeric or datetime64 columns reach the kernel without a Python object per interval.
"""

from __future__ import annotations

import operator
import sys
from array import array
from collections.abc import Iterable
from datetime import timedelta, timezone, tzinfo
from typing import Any

from ._checks import check_use_rust, describe, fail, finite, finite_sums
from ._engine import combine
from ._engine.columns import Layout, Track, TrackId, boundary_keys
from ._engine.coords import NUMBER, Domain, from_key, pick_zone
from ._engine.lookup import as_numpy
from ._engine.setops import with_points
from ._engine.sweep import Kind
from ._gather import gather, plus_zero
from .base_interval import BaseInterval

__all__ = ["Column", "columns_from_arrays", "numpy_or_none"]

_I64_MAX = 2**63 - 1
_EXACT = 2**53  # ints up to this size are exact as float64


class Column:
    """One validated input column: ``kind`` is ``"int"``, ``"float"``, ``"naive"``,
    ``"aware"`` or ``"object"``; ``data`` is a NumPy array (``int64``/``float64``, datetimes
    as ``int64`` microseconds) or, for ``"object"``, a list of Python values."""

    __slots__ = ("data", "kind", "name", "tz", "up")

    def __init__(
        self, name: str, kind: str, data: Any, tz: tzinfo | None = None, up: Any = None
    ) -> None:
        self.name = name
        self.kind = kind
        self.data = data
        self.tz = tz
        #: datetimes: the ceiling in microseconds where ``data`` holds the floor (they
        #: differ for values with sub-microsecond parts); ``None`` otherwise
        self.up = up

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
        if (arr == 0).any():
            arr = arr + 0.0  # one canonical zero: -0.0 + 0.0 is 0.0
        return Column(name, "float", arr)
    if kind == "M":
        if np.isnat(arr).any():
            raise fail("array_missing", name=name, count=int(np.isnat(arr).sum()), what=" (NaT)")
        down, up = _micros(arr, np)
        return Column(name, "aware" if tz is not None else "naive", down, tz, up)
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
    """The column, or ``ValueError`` counting its NaN/infinite entries; ``-0.0`` is
    spelled ``0.0`` (one canonical zero on every path; the caller's array is not changed).

    >>> _finite(Column("x", "float", array("d", [-0.0, 1.5]))).data
    array('d', [0.0, 1.5])
    """
    if not all(map(finite, col.data)):
        bad = sum(1 for x in col.data if not finite(x))
        raise fail("array_not_finite", name=col.name, count=bad)
    if 0 in col.data:  # 0 == -0.0: found at C speed
        zeroed = plus_zero(list(col.data))
        col.data = array("d", zeroed) if isinstance(col.data, array) else zeroed
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


# Python datetimes span years 1 to 9999: keys (microseconds since 1970) in this range
_MIN_KEY = -62135596800000000  # datetime(1, 1, 1)
_MAX_KEY = 253402300799999999  # datetime(9999, 12, 31, 23, 59, 59, 999999)
_MICROS_PER = {"W": 604800 * 10**6, "D": 86400 * 10**6, "h": 3600 * 10**6}
_MICROS_PER.update({"m": 60 * 10**6, "s": 10**6, "ms": 1000, "us": 1})
_PER_MICRO = {"ns": 1000, "ps": 10**6, "fs": 10**9, "as": 10**12}


def _micros(arr: Any, np: Any) -> tuple[Any, Any]:
    """``(floor, ceiling)`` of ``datetime64`` values in integer microseconds, exact for
    every unit; values beyond the years 1 to 9999 are clipped to just outside that range
    (no overflow), so they compare beyond every stored key.

    >>> import numpy as np
    >>> [a.tolist() for a in _micros(np.array([-1500, 2000], dtype="M8[ns]"), np)]
    [[-2, 2], [-1, 2]]
    """
    unit, count = np.datetime_data(arr.dtype)
    if not arr.size or unit == "generic":
        empty = np.zeros(len(arr), dtype=np.int64)
        return empty, empty
    if unit in ("Y", "M"):  # calendar units: numpy knows the days; years past 20000 clip
        span = (20000 if unit == "Y" else 240000) // count + 1
        arr = np.clip(arr.view(np.int64), -span, span).view(arr.dtype).astype("M8[D]")
        unit, count = "D", 1
    if unit in _PER_MICRO:
        raw = arr.astype(f"M8[{unit}]").view(np.int64) if count != 1 else arr.view(np.int64)
        per = _PER_MICRO[unit]
        down = raw // per  # floor, also for negative values
        return down, down + (raw % per != 0)
    factor = _MICROS_PER[unit] * count
    limit = (_MAX_KEY - _MIN_KEY) // factor + 2
    keys = np.clip(arr.view(np.int64), -limit, limit) * factor
    keys = np.clip(keys, _MIN_KEY - 1, _MAX_KEY + 1)
    return keys, keys


def _check_datetimes(col: Column) -> None:
    """Interval bounds from a ``datetime64`` column: whole microseconds within the years
    1 to 9999 (shown in the column's zone), or a ``ValueError`` naming the column."""
    if not len(col.data):
        return
    np = sys.modules["numpy"]
    finer = np.flatnonzero(col.data != col.up)
    if finer.size:
        i = int(finer[0])
        raise fail("datetime64_finer", name=col.name, count=finer.size, i=i)
    lo, hi = int(col.data.min()), int(col.data.max())
    if lo < _MIN_KEY or hi > _MAX_KEY:
        bad = np.flatnonzero((col.data < _MIN_KEY) | (col.data > _MAX_KEY))
        raise fail("datetime64_range", name=col.name, count=bad.size, i=int(bad[0]))
    dom = Domain("aware", col.tz) if col.kind == "aware" else Domain("naive")
    for k in (lo, hi):
        try:
            from_key(k, dom)
        except OverflowError:
            i = int(np.flatnonzero(col.data == k)[0])
            raise fail("datetime64_zone_range", name=col.name, i=i, tz=col.tz) from None


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
    for col in (s, e):
        if col.kind in ("naive", "aware"):
            _check_datetimes(col)
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
    if not exact:  # Python numbers: a NumPy float cannot meet an int beyond the float range
        s.data, e.data, v.data = _listed(s.data), _listed(e.data), _listed(v.data)
    i = _first_reversed(s.data, e.data)
    if i is not None:
        raise fail("array_reversed", i=i, where=what, start=repr(s.data[i]), stop=repr(e.data[i]))
    if s.kind == "aware":
        layout = _zoned(s, e)
    else:
        layout = Layout(Domain("naive") if s.kind == "naive" else NUMBER, False)
    if not exact:  # ints beyond 2**53 with floats: the exact Python kernel, on the columns
        return layout, {None: (s.data, e.data, v.data)}
    return layout, (s, e, v)


def _zoned(s: Column, e: Column) -> Layout:
    """The layout of two aware columns: one zone each (no per-row cost); when they
    differ, the first by ``zone_rank`` is the default and the other column's instants
    keep their own zone (at a shared instant the default wins, as for objects)."""
    zs = {z for z in (s.tz, e.tz) if z is not None}
    default = pick_zone(zs)
    if len(zs) == 1:
        return Layout(Domain("aware", default), False)
    other, mine = (e, s) if s.tz is default else (s, e)
    keys = set(other.data.tolist()) - set(mine.data.tolist())
    zones: dict[int, tzinfo] = {k: other.tz for k in keys if other.tz is not None}
    return Layout(Domain("aware", default), False, zones=zones)


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
    """Lookup points as a NumPy key array: ``(numpy, keys)``; ``(None, None)`` for others
    (datetimes finer than a microsecond give their floor; :func:`key_bounds` is exact)."""
    np, down, _ = key_bounds(points, domain)
    return np, down


def key_bounds(points: Any, domain: Domain | None) -> tuple[Any, Any, Any]:
    """Lookup points as NumPy key arrays ``(numpy, down, up)`` with ``down <= point <=
    up`` (the same array for numbers; microsecond floor and ceiling for datetimes, which
    differ below a microsecond); ``(None, None, None)`` for other points."""
    np = numpy_or_none(points)
    if np is None:
        return None, None, None
    col = _column(points, "points")
    if col.kind == "object":
        return None, None, None
    want = domain.kind if domain is not None else None
    got = "number" if col.kind in ("int", "float") else col.kind
    if want is not None and got != want:
        assert domain is not None  # want is set only when the domain is
        raise fail("array_points_domain", kind=describe(domain))
    return np, col.data, col.data if col.up is None else col.up


def build_from_arrays(
    starts: Any, stops: Any, values: Any, kind: Kind, use_rust: bool | None, what: str
) -> tuple[Layout, dict[TrackId, Track]]:
    """Validated columns swept into canonical tracks on the chosen backend."""
    check_use_rust(use_rust)
    layout, cols = columns_from_arrays(starts, stops, values, what)
    if isinstance(cols, dict):
        with finite_sums(what):
            tracks = combine.build(cols, kind, use_rust)
        if kind == "set" and None in cols:
            tracks = with_points(tracks, *cols[None])
        return layout, tracks
    s, e, v = cols
    with finite_sums(what):
        tracks = combine.build_arrays(s.data, e.data, v.data, kind, use_rust)
    if layout.zones:  # two zones: keep those of the result's boundaries only
        live = boundary_keys(tracks)
        layout.zones = {k: z for k, z in layout.zones.items() if k in live}
    if kind == "set":  # zero-length intervals: a set keeps the point
        keys = _points(s.data, e.data, v.data)
        if keys:
            tracks = with_points(tracks, keys, keys, [1] * len(keys))
    return layout, tracks


def _points(starts: Any, stops: Any, values: Any) -> list[Any]:
    """The starts of zero-length intervals with a positive weight (points of a set).

    >>> _points(array("q", [0, 2]), array("q", [1, 2]), array("q", [1, 1]))
    [2]
    """
    if _is_numpy(starts) and _is_numpy(stops) and _is_numpy(values):
        found = (starts == stops) & (values > 0)
        return starts[found].tolist() if found.any() else []
    # some columns NumPy, some Python objects: Python numbers out, never NumPy scalars
    starts, stops, values = (c.tolist() if _is_numpy(c) else c for c in (starts, stops, values))
    if not any(map(operator.eq, starts, stops)):
        return []
    return [a for a, b, w in zip(starts, stops, values) if a == b and w > 0]


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
    arr = as_numpy(keys, np)  # exact: object dtype where int64/float64 would round
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
