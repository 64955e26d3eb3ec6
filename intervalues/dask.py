"""Scale-out with Dask: combine intervals from a dask DataFrame across a cluster, exactly.

``combine(frame, ...)`` returns a **range-partitioned** dask DataFrame of the combined
step function: partition ``r`` holds the pieces starting in ``[b_r, b_{r+1})``, the
divisions ``b_0 < b_1 < ... < b_R`` are known, and the index holds each piece's start
(the divisions refer to it). The result is canonical across partition boundaries too.

How it runs (nothing gathers the input or the result onto one process):

1. one pass over the partitions returns a small survey of each (row count, NaN/NaT and
   infinity counts, first reversed row, a sample of the starts); the driver turns the
   surveys into the same error a single machine raises, and the samples into range
   boundaries (approximate quantiles of the starts);
2. every interval is clipped to each range it overlaps and sent there (a dask shuffle:
   the peer-to-peer, disk-backed one under ``distributed``); an interval spanning many
   ranges is replicated, once per range;
3. each range is combined on a worker by ``IntervalMeter/IntervalCounter/IntervalSet
   .from_arrays`` (the Rust kernel when installed; it releases the GIL);
4. the joins are mended: each range reports its first and last piece (O(1) each), one
   small task decides which touching equal-valued pieces merge across ranges (chains
   through many ranges included), and each range drops or extends its edge pieces.

Every range sees every interval covering it and clipping changes no value, so each
piece's value is the same exact sum, rounded once, as on one machine: integer results
are exact and float results bit-identical to ``IntervalMeter.from_pandas(...)``.

dask, distributed and pandas are imported only when a function here is called; importing
``intervalues`` never imports this module.
"""

from __future__ import annotations

import glob as _glob
import sys
import time
from typing import Any

from . import _checks
from ._arrays import _column, columns_from_arrays, frame_columns, keys_to_pandas
from ._engine.coords import NUMBER, Domain

__all__ = ["combine", "combine_files", "values_at"]

_KINDS = ("meter", "counter", "set")
_I64_MAX = 2**63 - 1
_SAMPLE = 256  # start-quantile sample points per input partition (at least)


def _imports() -> tuple[Any, Any, Any]:
    try:
        import dask
        import dask.dataframe as dd
        import numpy as np
    except ImportError:
        raise ImportError("intervalues.dask needs dask: pip install 'intervalues[dask]'") from None
    return dask, dd, np


def _class(kind: str) -> Any:
    if kind == "set":
        from .interval_set import IntervalSet

        return IntervalSet
    from .interval_meter import IntervalCounter, IntervalMeter

    return IntervalCounter if kind == "counter" else IntervalMeter


# -- pass 1: survey each input partition --------------------------------------------------
def _keys(part: Any, names: list[str], labels: list[str], promote: bool) -> list[Any]:
    """NumPy key columns of one partition, converted exactly as on one machine."""
    import numpy as np

    cols = [_column(part[n], label) for n, label in zip(names, labels)]
    if promote:  # int and float coordinates: the ints become float64, as on one machine
        for c in cols[:2]:
            if c.kind == "int":
                c.data = c.data.astype(np.float64)
    return [c.data for c in cols]


def _survey(
    part: Any, names: list[str], labels: list[str], promote: bool, what: str, k: int
) -> dict[str, Any]:
    """What the driver needs from one input partition: small, O(k)."""
    import numpy as np

    out: dict[str, Any] = {"n": len(part), "na": [], "inf": [], "big": [], "error": None}
    out["rev"] = out["sample"] = out["lo"] = out["hi"] = None
    for n in names:
        col = part[n]
        out["na"].append(int(col.isna().sum()))
        kind = col.dtype.kind
        arr = None
        if not out["na"][-1] and kind in "fiu":
            arr = col.to_numpy()
        out["inf"].append(int(np.isinf(arr).sum()) if arr is not None and kind == "f" else 0)
        big = 0
        if arr is not None and kind in "iu" and arr.size:
            big = max(int(arr.max()), -int(arr.min()))
        out["big"].append(big)
    if any(out["na"]) or any(out["inf"]) or not len(part):
        return out
    if any(part[n].dtype.kind == "O" or not _native(part[n]) for n in names):
        try:
            columns_from_arrays(*_triple(part, names), what)
        except (TypeError, ValueError) as exc:
            out["error"] = (type(exc), exc.args)
        return out
    try:
        keys = _keys(part, names, labels, promote)
    except (TypeError, ValueError) as exc:  # reported by the driver from the meta
        out["error"] = (type(exc), exc.args)
        return out
    s, e = keys[0], keys[1]
    bad = np.flatnonzero(s > e)
    if bad.size:
        i = int(bad[0])
        out["rev"] = (i, repr(s[i]), repr(e[i]))
        return out
    at = np.unique(np.linspace(0, len(s) - 1, min(len(s), k)).astype(np.int64))
    out["sample"] = np.partition(s, at)[at]  # order statistics: exact values of s
    out["lo"], out["hi"] = s.min(), e.max()
    return out


def _native(col: Any) -> bool:
    """Whether a column reaches the kernel as machine numbers (not Python objects)."""
    try:
        return _column(col.iloc[:0], "x").kind != "object"
    except (TypeError, ValueError):
        return False


def _triple(part: Any, names: list[str]) -> tuple[Any, Any, Any]:
    return part[names[0]], part[names[1]], (part[names[2]] if len(names) > 2 else None)


def _check(
    surveys: list[dict[str, Any]], meta: Any, names: list[str], labels: list[str], what: str
) -> tuple[list[int], bool]:
    """Raise the error one machine would raise on the whole frame, in the same order of
    checks; return the row offsets of the partitions and whether ints become floats."""
    for j, (name, label) in enumerate(zip(names, labels)):
        na = sum(s["na"][j] for s in surveys)
        col = meta[name]
        if na:
            raise ValueError(f"{label} has {na} missing values (NaN/NaT)")
        _column(col, label)  # dtype errors (booleans, unsupported dtypes)
        inf = sum(s["inf"][j] for s in surveys)
        if inf:
            raise ValueError(f"{label} has {inf} NaN or infinite values")
        if col.dtype.kind == "u" and max(s["big"][j] for s in surveys) > _I64_MAX:
            raise TypeError(
                f"{label} holds integers beyond 64 bits; intervalues.dask needs int64 "
                "columns (one machine keeps them as Python ints: use IntervalMeter.from_pandas)"
            )
    columns_from_arrays(*_triple(meta, names), what)  # type mixing, values as datetimes
    for s in surveys:
        if s["error"] is not None:
            etype, args = s["error"]
            raise etype(*args)
    for name in names:
        if not _native(meta[name]):
            raise TypeError(
                f"intervalues.dask needs numeric or datetime64 columns; column {name!r} "
                f"has dtype {meta[name].dtype} (cast it first, e.g. with astype)"
            )
    kinds = {meta[n].dtype.kind for n in names[:2]}
    promote = "f" in kinds and bool(kinds & {"i", "u"})
    if promote and max(max(s["big"][:2]) for s in surveys) > 2**53:
        raise TypeError(
            "int and float coordinate columns with ints beyond 2**53 are not supported by "
            "intervalues.dask (one machine falls back to Python objects); cast both to one dtype"
        )
    offsets, total = [], 0
    for s in surveys:
        offsets.append(total)
        total += s["n"]
    for s, off in zip(surveys, offsets):
        if s["rev"] is not None:
            i, a, b = s["rev"]
            g = off + i
            raise _checks.fail("array_reversed", i=g, where=what, start=a, stop=b)  # as one machine
    return offsets, promote


def _boundaries(surveys: list[dict[str, Any]], nranges: int) -> Any:
    """Strictly increasing range boundaries: min start, start quantiles, max stop."""
    import numpy as np

    full = [s for s in surveys if s["sample"] is not None]
    if not full:
        return None
    lo = min(s["lo"] for s in full)
    hi = max(s["hi"] for s in full)
    if not lo < hi:
        return None
    vals = np.concatenate([s["sample"] for s in full])
    weights = np.concatenate([np.full(len(s["sample"]), s["n"] / len(s["sample"])) for s in full])
    order = np.argsort(vals, kind="stable")
    vals, cum = vals[order], np.cumsum(weights[order])
    targets = cum[-1] * np.arange(1, nranges) / nranges
    inner = vals[np.minimum(np.searchsorted(cum, targets), len(vals) - 1)]
    inner = inner[(inner > lo) & (inner < hi)]
    return np.unique(np.concatenate([[lo], inner, [hi]]).astype(vals.dtype))


# -- pass 2: split into ranges, combine each ---------------------------------------------
def _explode(
    part: Any, names: list[str], labels: list[str], promote: bool, bounds: Any, meta: Any
) -> Any:
    """Each interval clipped to every range it overlaps, tagged with the range id."""
    import numpy as np
    import pandas as pd

    if not len(part):
        return meta
    keys = _keys(part, names, labels, promote)
    s, e = keys[0], keys[1]
    keep = s < e  # zero-length intervals add nothing
    s, e = s[keep], e[keep]
    v = keys[2][keep] if len(keys) > 2 else None
    last = len(bounds) - 2
    lo = np.clip(np.searchsorted(bounds, s, side="right") - 1, 0, last)
    hi = np.clip(np.searchsorted(bounds, e, side="left") - 1, 0, last)
    if (lo == hi).all():  # the common case: every interval within one range, no copies
        cols = {"rid": lo.astype(np.int64), "s": s, "e": e}
        if v is not None:
            cols["v"] = v
        return pd.DataFrame(cols)
    count = hi - lo + 1
    row = np.repeat(np.arange(len(s)), count)
    first = np.repeat(np.cumsum(count) - count, count)
    rid = lo[row] + (np.arange(len(row)) - first)
    cols = {
        "rid": rid.astype(np.int64),
        "s": np.maximum(s[row], bounds[rid]),
        "e": np.minimum(e[row], bounds[rid + 1]),
    }
    if v is not None:
        cols["v"] = v[row]
    return pd.DataFrame(cols)


def _combine_range(part: Any, kind: str, use_rust: bool | None, meta: Any) -> Any:
    """One range combined by the single-machine kernel (its pieces are already clipped)."""
    import pandas as pd

    if not len(part):
        return meta
    v = part["v"].to_numpy() if "v" in part.columns else None
    built = _class(kind).from_arrays(
        part["s"].to_numpy(), part["e"].to_numpy(), v, use_rust=use_rust
    )
    arrays = built.to_arrays()
    if kind != "set" and arrays[2].dtype.kind in "uO" and meta["value"].dtype.kind == "i":
        raise OverflowError(
            "a piece's value does not fit int64 (one machine keeps it as a Python int); "
            "combine this data with IntervalMeter.from_pandas, or use float values"
        )
    cols = dict(zip(meta.columns, arrays))
    return pd.DataFrame(cols).astype(meta.dtypes.to_dict())


# -- pass 3: mend the joins ---------------------------------------------------------------
def _edges(part: Any) -> tuple[Any, ...] | None:
    """First and last piece of a combined range, as plain tuples; None when empty."""
    if not len(part):
        return None
    cols = [part[c].to_numpy() for c in part.columns]  # per column: no dtype mixing
    return tuple(c[0] for c in cols), tuple(c[-1] for c in cols), len(part)


def _plan(edges: list[Any]) -> list[tuple[bool, Any]]:
    """Per range: (drop its first piece, new stop of its last piece or None).

    A run of touching equal-valued pieces across ranges is merged into the piece of the
    leftmost range, which may then extend over several following ranges.
    """
    plan: list[list[Any]] = [[False, None] for _ in edges]
    owner = None  # range whose last piece is open to the right
    stop = value = None
    for r, edge in enumerate(edges):
        if edge is None:
            continue
        first, last, n = edge
        if owner is not None and stop == first[0] and value == first[2:]:
            plan[r][0] = True
            stop = first[1]
            plan[owner][1] = stop
            if n == 1:
                continue
        owner, stop, value = r, last[1], last[2:]
    return [(drop, new) for drop, new in plan]


def _mend(part: Any, plan: list[tuple[bool, Any]], r: int, domain: Domain, meta: Any) -> Any:
    """Apply the plan to range ``r`` and turn keys into the output dtypes."""
    import pandas as pd

    drop, new_stop = plan[r]
    if drop:
        part = part.iloc[1:]
    if new_stop is not None and len(part):
        part = part.copy()
        part.iloc[-1, part.columns.get_loc("stop")] = new_stop
    if not len(part):
        return meta
    cols = {
        "start": _to_out(part["start"].to_numpy(), domain),
        "stop": _to_out(part["stop"].to_numpy(), domain),
    }
    if "value" in part.columns:
        cols["value"] = part["value"].to_numpy()
    out = pd.DataFrame(cols)
    out.index = pd.Index(cols["start"])
    return out.astype(meta.dtypes.to_dict())


def _to_out(keys: Any, domain: Domain) -> Any:
    if domain.kind == "number":
        return keys
    return keys_to_pandas(keys, domain)


def _domain(meta: Any, names: list[str]) -> Domain:
    s, e = meta[names[0]], meta[names[1]]
    if s.dtype.kind != "M" and getattr(s.dtype, "tz", None) is None:
        return NUMBER
    tz = getattr(s.dtype, "tz", None) or getattr(e.dtype, "tz", None)
    return Domain("aware", tz) if tz is not None else Domain("naive")


def _out_meta(kind: str, domain: Domain, key_dtype: Any, value_dtype: Any) -> Any:
    import pandas as pd

    if domain.kind == "number":
        coord = pd.Series([], dtype=key_dtype)
    else:
        coord = pd.Series(keys_to_pandas(pd.Series([0], dtype="int64").to_numpy(), domain))[:0]
    cols = {"start": coord, "stop": coord.copy()}
    if kind != "set":
        cols["value"] = pd.Series([], dtype=value_dtype)
    out = pd.DataFrame(cols)
    out.index = pd.Index(coord)
    return out


# -- public API ---------------------------------------------------------------------------
def combine(
    frame: Any,
    start: str = "start",
    stop: str = "stop",
    value: str | None = None,
    *,
    kind: str = "meter",
    npartitions: int | None = None,
    use_rust: bool | None = None,
) -> Any:
    """Combine the intervals of a dask DataFrame into a range-partitioned dask DataFrame.

    ``frame`` is a dask DataFrame (a pandas one is wrapped); ``start``/``stop``/``value``
    name its columns (``value=None``: weight 1 each); ``kind`` is ``"meter"``,
    ``"counter"`` or ``"set"``; ``npartitions`` is the number of coordinate ranges
    (default: the frame's partition count); ``use_rust`` as in ``IntervalMeter``.

    Returns columns ``start, stop, value`` (a set: ``start, stop``) with the pieces'
    starts as the index and known divisions. ``result.compute().reset_index(drop=True)``
    equals ``IntervalMeter.from_pandas(frame.compute(), ...).to_pandas()``, exactly.
    Bad input raises, from this call, the error one machine raises (same class, same
    message). Cost: two passes over the input, one shuffle, O(npartitions) on the driver.

    >>> import pandas as pd
    >>> df = pd.DataFrame({"start": [0, 2, 5], "stop": [3, 4, 6], "w": [1, 2, 5]})
    >>> combine(df, value="w", npartitions=2).compute().reset_index(drop=True)
       start  stop  value
    0      0     2      1
    1      2     3      3
    2      3     4      2
    3      5     6      5
    """
    dask, dd, np = _imports()
    import pandas as pd

    if kind not in _KINDS:
        raise ValueError(f"kind must be 'meter', 'counter' or 'set', got {kind!r}")
    if npartitions is not None and (
        isinstance(npartitions, bool) or not isinstance(npartitions, int) or npartitions < 1
    ):
        raise ValueError(f"npartitions must be None or an int >= 1, got {npartitions!r}")
    _checks.check_use_rust(use_rust)
    if isinstance(frame, pd.DataFrame):
        frame = dd.from_pandas(frame, npartitions=npartitions or 1, sort=False)
    cls = _class(kind)
    what = cls.__name__
    frame_columns(frame, start, stop, value)  # a missing column: the one-machine error
    names = [start, stop] + ([value] if value is not None else [])
    labels = ["starts", "stops", "values"][: len(names)]
    cols = frame[list(dict.fromkeys(names))]
    meta = cols._meta
    nranges = npartitions or cols.npartitions
    kinds = {meta[n].dtype.kind for n in names[:2]}
    promote = "f" in kinds and bool(kinds & {"i", "u"})
    k = max(_SAMPLE, 4 * nranges)
    surveys = dask.compute(
        *[dask.delayed(_survey)(p, names, labels, promote, what, k) for p in cols.to_delayed()]
    )
    _, promote = _check(list(surveys), meta, names, labels, what)
    domain = _domain(meta, names)
    key_dtype = np.float64 if promote or meta[start].dtype.kind == "f" else np.int64
    if kind == "meter" and value is not None and meta[value].dtype.kind == "f":
        value_dtype = np.float64
    else:
        value_dtype = np.int64
    out_meta = _out_meta(kind, domain, key_dtype, value_dtype)
    bounds = _boundaries(list(surveys), nranges)
    if bounds is None:  # no rows, or only zero-length intervals
        return dd.from_pandas(out_meta, npartitions=1)
    bounds = bounds.astype(key_dtype)
    nr = len(bounds) - 1
    emeta = pd.DataFrame(
        {
            "rid": pd.Series([], dtype=np.int64),
            "s": pd.Series([], dtype=key_dtype),
            "e": pd.Series([], dtype=key_dtype),
        }
    )
    if value is not None:
        emeta["v"] = pd.Series([], dtype=np.float64 if meta[value].dtype.kind == "f" else np.int64)
    exploded = cols.map_partitions(_explode, names, labels, promote, bounds, emeta, meta=emeta)
    ranged = exploded.set_index("rid", divisions=tuple(range(nr + 1)), sorted=False)
    kmeta = pd.DataFrame({c: pd.Series([], dtype=key_dtype) for c in ("start", "stop")})
    if kind != "set":
        kmeta["value"] = pd.Series([], dtype=value_dtype)
    combined = ranged.map_partitions(_combine_range, kind, use_rust, kmeta, meta=kmeta)
    parts = combined.to_delayed()
    edges = [dask.delayed(_edges)(p) for p in parts]
    plan = dask.delayed(_plan)(edges)
    mended = [dask.delayed(_mend)(p, plan, r, domain, out_meta) for r, p in enumerate(parts)]
    divisions = tuple(_to_out(bounds, domain).tolist())
    return dd.from_delayed(mended, meta=out_meta, divisions=divisions, verify_meta=False)


def _tail(part: Any) -> tuple[Any, ...] | None:
    """Last piece of a result partition as keys; None when empty."""
    if not len(part):
        return None
    keys = [_column(part[c].iloc[-1:], c).data[0] for c in ("start", "stop")]
    value = part["value"].iloc[-1] if "value" in part.columns else True
    return keys[0], keys[1], value


def _head_tail(part: Any) -> tuple[Any, Any] | None:
    """First start (as a key) and last piece of a result partition; None when empty."""
    if not len(part):
        return None
    return _column(part["start"].iloc[:1], "start").data[0], _tail(part)


def _previous(tails: list[Any]) -> list[Any]:
    """For each partition: the last piece of the nearest non-empty earlier partition."""
    out, prev = [], None
    for t in tails:
        out.append(prev)
        if t is not None:
            prev = t
    return out


def _lookup(part: Any, keys: Any, previous: list[Any], r: int, dtype: Any) -> Any:
    """Values (sets: coverage) at sorted ``keys`` within one partition's range."""
    import numpy as np

    is_set = "value" not in part.columns
    out = np.zeros(len(keys), dtype=bool if is_set else dtype)
    if len(part):
        st = _column(part["start"], "start").data
        en = _column(part["stop"], "stop").data
        idx = np.searchsorted(en, keys, side="left")
        clipped = np.minimum(idx, len(en) - 1)
        hit = (idx < len(en)) & (st[clipped] <= keys)
        vals = np.ones(len(en), dtype=bool) if is_set else part["value"].to_numpy()
        out = np.where(hit, vals[clipped], out)
    prev = previous[r]
    if prev is not None:  # a piece from the left reaching into this range wins (left wins)
        reach = keys <= prev[1]
        out = np.where(reach, True if is_set else prev[2], out)
    return out.astype(bool if is_set else dtype)


def values_at(result: Any, points: Any) -> Any:
    """Values of a ``combine`` result at many points; for a set, whether each is covered.

    NumPy points (numbers or ``datetime64``) give a NumPy array, a pandas Series gives a
    Series with the points' index, a list gives a list; the left piece wins at a shared
    boundary, as on one machine. Points are routed by the divisions: each partition
    answers only its own points, plus one small task for the pieces reaching across
    partitions. Cost: one pass over the result's partitions that hold points. Without
    known divisions (say the dataset ``combine_files`` wrote, read back) the partitions
    must be in coordinate order; one extra pass finds where each begins.

    >>> import pandas as pd
    >>> df = pd.DataFrame({"start": [0, 2, 5], "stop": [3, 4, 6]})
    >>> values_at(combine(df, npartitions=2), [1, 2.5, 5.5, 9])
    [1, 2, 1, 0]
    """
    dask, _, np = _imports()
    import pandas as pd

    from ._arrays import key_points

    meta = result._meta
    domain = _domain(meta, ["start", "stop"])
    as_list = isinstance(points, (list, tuple))
    pts = np.asarray(points) if as_list else points
    if isinstance(pts, np.ndarray) and pts.dtype.kind == "O":  # e.g. Timestamps
        pts = pd.Series(list(points))
        pts = pd.to_datetime(pts) if domain.kind != "number" else pts
    got_np, keys = key_points(pts, domain)
    if got_np is None:
        raise TypeError(
            f"points must be a NumPy array, pandas Series or list, not {type(points).__name__}"
        )
    is_set = "value" not in meta.columns
    dtype = bool if is_set else meta["value"].dtype
    out = np.zeros(len(keys), dtype=dtype)
    parts = result.to_delayed()
    if len(keys) and result.known_divisions:
        div = _column(pd.Series(list(result.divisions)), "divisions").data
        owners = list(range(len(parts)))
        tails = [dask.delayed(_tail)(p) for p in parts]
        previous = dask.delayed(_previous)(tails)
    elif len(keys):  # e.g. a dataset read back from Parquet: partitions in order
        edges = dask.compute(*[dask.delayed(_head_tail)(p) for p in parts])
        owners = [i for i, edge in enumerate(edges) if edge is not None]
        div = np.asarray([edges[i][0] for i in owners])
        previous = _previous([edges[i][1] if i in owners else None for i in range(len(parts))])
    if len(keys) and owners:
        if div.dtype != keys.dtype:
            div, keys = div.astype(np.float64), keys.astype(np.float64)
        where = np.clip(np.searchsorted(div, keys, side="right") - 1, 0, len(owners) - 1)
        tasks, slots = [], []
        for j in np.unique(where).tolist():
            sel = np.flatnonzero(where == j)
            r = owners[j]
            tasks.append(dask.delayed(_lookup)(parts[r], keys[sel], previous, r, dtype))
            slots.append(sel)
        for sel, vals in zip(slots, dask.compute(*tasks)):
            out[sel] = vals
    if isinstance(points, pd.Series):
        return pd.Series(out, index=points.index, name="value")
    if as_list:
        return out.tolist()
    return out


def _reader(pattern: str, dd: Any) -> Any:
    low = pattern.lower()
    if low.endswith((".csv", ".csv.gz", ".csv.bz2", ".csv.xz", ".txt")):
        return dd.read_csv(pattern)
    if not _glob.glob(pattern) and "://" not in pattern:
        raise FileNotFoundError(f"no files match {pattern!r}")
    return dd.read_parquet(pattern)


def combine_files(
    pattern: str,
    start: str,
    stop: str,
    value: str | None = None,
    *,
    kind: str = "meter",
    scheduler: Any = None,
    out: str | None = None,
    progress: bool = True,
) -> Any:
    """Combine a glob of Parquet or CSV files (``*.csv`` patterns are read as CSV).

    ``scheduler``: ``None`` (the current default: a running ``distributed.Client``, else
    dask's local threads), ``"threads"``, ``"processes"``, ``"synchronous"``, a scheduler
    address such as ``"tcp://host:8786"``, or a ``distributed.Client``. With ``out`` the
    result is written as a partitioned Parquet dataset (one file per range, in order,
    columns ``start, stop, value``) and the written dataset is returned as a dask
    DataFrame (a client opened here for an address is then closed); without it the
    result is persisted (on the client, which stays open) and returned. ``progress`` shows dask's
    progress bar (local schedulers) or the dashboard link and ``distributed.progress``.

    Needs files on disk (and, for the address form, a cluster), so not run as a test:

    >>> r = combine_files("events/*.parquet", "start", "stop", "w")  # doctest: +SKIP
    >>> values_at(r, [1.5, 7.0])  # doctest: +SKIP
    """
    _, dd, _ = _imports()
    client, local = _scheduler(scheduler)
    frame = _reader(pattern, dd)
    say = (lambda msg: print(msg, file=sys.stderr)) if progress else (lambda msg: None)
    if client is not None:
        say(f"intervalues: dask dashboard at {client.dashboard_link}")
    t0 = time.perf_counter()
    with _progress(progress, client, local):
        result = combine(frame, start, stop, value, kind=kind)
    say(
        f"intervalues: surveyed {frame.npartitions} input partitions, "
        f"{result.npartitions} ranges ({time.perf_counter() - t0:.1f} s)"
    )
    if out is not None:
        job = result.to_parquet(
            out, write_index=False, compute=False, name_function=lambda i: f"part.{i:06d}.parquet"
        )
        _run(job, progress, client, local)
        say(f"intervalues: wrote {out} ({time.perf_counter() - t0:.1f} s)")
        if client is not None and isinstance(scheduler, str):
            client.close()  # opened here for an address; the dataset on disk needs none
        return dd.read_parquet(out)
    if client is not None:
        result = client.persist(result)
        if progress:
            from distributed import progress as show

            show(result)
        return result
    with _progress(progress, None, local):
        return result.persist(scheduler=local)


def _scheduler(scheduler: Any) -> tuple[Any, Any]:
    """``(client or None, local scheduler name or None)``."""
    if scheduler is None:
        try:
            from distributed import default_client

            return default_client(), None
        except (ImportError, ValueError):
            return None, None
    if isinstance(scheduler, str) and scheduler in ("threads", "processes", "synchronous"):
        return None, scheduler
    if isinstance(scheduler, str):
        from distributed import Client

        return Client(scheduler), None
    return scheduler, None


class _progress:
    """Dask's ProgressBar around local computations; nothing for a client (see _run)."""

    def __init__(self, on: bool, client: Any, local: Any) -> None:
        self.bar = None
        self.local = local
        if on and client is None:
            from dask.diagnostics import ProgressBar

            self.bar = ProgressBar(out=sys.stderr)

    def __enter__(self) -> _progress:
        import dask

        self.config = dask.config.set(scheduler=self.local) if self.local else None
        if self.config is not None:
            self.config.__enter__()
        if self.bar is not None:
            self.bar.__enter__()
        return self

    def __exit__(self, *exc: Any) -> None:
        if self.bar is not None:
            self.bar.__exit__(*exc)
        if self.config is not None:
            self.config.__exit__(*exc)


def _run(job: Any, progress: bool, client: Any, local: Any) -> None:
    if client is None:
        with _progress(progress, None, local):
            job.compute()
        return
    future = client.compute(job)
    if progress:
        from distributed import progress as show

        show(future)
        print(file=sys.stderr)
    future.result()
