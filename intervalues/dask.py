"""Scale-out with Dask: combine intervals from a dask DataFrame across a cluster, exactly.

``combine(frame, ...)`` returns a **range-partitioned** dask DataFrame of the combined
step function: partition ``r`` holds the pieces starting in ``[b_r, b_{r+1})``, the
divisions ``b_0 < b_1 < ... < b_R`` are known, and the index holds each piece's start
(the divisions refer to it). The result is canonical across partition boundaries too.

How it runs (one read pass; nothing gathers the input or the result onto one process):

1. **read**: each input partition is checked (NaN/NaT, infinities, reversed bounds, as
   one machine does), combined on its own by ``IntervalMeter.from_arrays`` (the kernel)
   into an exact partial step function, kept as sorted *events* (each coordinate where
   the partial changes and its exact value after it), and sampled. Only the checks and
   the sample reach the driver; the events stay where they were made;
2. the driver raises the one-machine error, or turns the samples into range boundaries
   (approximate quantiles of the event coordinates);
3. **route**: each partition's events are sliced by the boundaries (binary search; every
   event belongs to exactly one range, nothing is clipped or copied), together with the
   partition's exact value just before each range;
4. **combine each range**: its slices are merged, summed with a cumulative sum, and
   offset by the sum of the partitions' values before the range (a prefix scan that each
   partition already knows locally); the exact totals are rounded once;
5. **mend the joins**: each range reports its first and last piece, one small task
   decides which touching equal-valued pieces merge across ranges, and each range drops
   or extends its edge pieces.

Exactness: values are carried as integers under a power of ten (a float counts as the
decimal it prints as, ``intervalues._engine.partials``), partial sums are exact (``int64`` when
they provably fit, else Python ints), and only each piece's final total is rounded, so
float results are bit-identical to ``IntervalMeter.from_pandas(...)``.

Never hangs: every wait here on a ``distributed`` cluster gives up with ``TimeoutError``
when no worker has been connected for ``intervalues.no-workers-timeout`` (a dask config
value, default 60 s).

dask, distributed and pandas are imported only when a function here is called; importing
``intervalues`` never imports this module.
"""

from __future__ import annotations

import glob as _glob
import itertools
import sys
import time
from typing import Any

from . import _checks
from ._arrays import _column, columns_from_arrays, frame_columns, keys_to_pandas
from ._checks import fail
from ._engine.coords import NUMBER, Domain

__all__ = ["combine", "combine_files", "values_at"]

_KINDS = ("meter", "counter", "set")
_I64_MAX = 2**63 - 1
_SAMPLE = 256  # event-coordinate sample points per input partition (at least)
_GROUP_BYTES = 64 * 2**20  # events (16 bytes each) one task combines, range by range
_WINDOW = 2**20  # events summed at once within a range (the temporaries: ~80 bytes each)
TIMEOUT_SETTING = "intervalues.no-workers-timeout"
_DEFAULT_TIMEOUT = "60s"


def _imports() -> tuple[Any, Any, Any]:
    try:
        import dask
        import dask.dataframe as dd
        import numpy as np
    except ImportError:
        raise fail("missing_extra", what="intervalues.dask", module="dask", extra="dask") from None
    return dask, dd, np


def _class(kind: str) -> Any:
    if kind == "set":
        from .interval_set import IntervalSet

        return IntervalSet
    from .interval_meter import IntervalCounter, IntervalMeter

    return IntervalCounter if kind == "counter" else IntervalMeter


# -- pass 1: read, check, sample and combine each input partition -------------------------
def _keys(part: Any, names: list[str], labels: list[str], promote: bool) -> list[Any]:
    """NumPy key columns of one partition, converted exactly as on one machine."""
    import numpy as np

    cols = [_column(part[n], label) for n, label in zip(names, labels)]
    if promote:  # int and float coordinates: the ints become float64, as on one machine
        for c in cols[:2]:
            if c.kind == "int":
                c.data = c.data.astype(np.float64)
    return [c.data for c in cols]


def _survey(part: Any, names: list[str], labels: list[str], promote: bool, what: str) -> Any:
    """What the driver needs to raise the one-machine error: small, O(1); and the key
    columns when the partition is clean (else None)."""
    import numpy as np

    out: dict[str, Any] = {"n": len(part), "na": [], "inf": [], "big": [], "error": None}
    out["rev"] = None
    for n in names:
        col = part[n]
        kind = col.dtype.kind
        out["na"].append(int(col.isna().sum()) if kind not in "iu" else 0)
        arr = None
        if not out["na"][-1] and kind in "fiu":
            arr = col.to_numpy()
        out["inf"].append(int(np.isinf(arr).sum()) if arr is not None and kind == "f" else 0)
        big = 0  # only unsigned and int-with-float columns can be out of range
        if arr is not None and (kind == "u" or (promote and kind == "i")) and arr.size:
            big = max(int(arr.max()), -int(arr.min()))
        out["big"].append(big)
    if any(out["na"]) or any(out["inf"]) or not len(part):
        return out, None
    if any(part[n].dtype.kind == "O" or not _native(part[n]) for n in names):
        try:
            columns_from_arrays(*_triple(part, names), what)
        except (TypeError, ValueError) as exc:
            out["error"] = (type(exc), exc.args)
        return out, None
    if promote and max(out["big"][:2]) > 2**53:
        return out, None  # the driver refuses it
    try:
        keys = _keys(part, names, labels, promote)
    except (TypeError, ValueError) as exc:  # reported by the driver from the meta
        out["error"] = (type(exc), exc.args)
        return out, None
    bad = np.flatnonzero(keys[0] > keys[1])
    if bad.size:
        i = int(bad[0])
        out["rev"] = (i, repr(keys[0][i]), repr(keys[1][i]))
        return out, None
    return out, keys


def _local(
    part: Any,
    names: list[str],
    labels: list[str],
    promote: bool,
    what: str,
    key_dtype: Any,
    use_rust: bool | None,
    k: int,
) -> dict[str, Any]:
    """One input partition: its survey, and its exact partial step function as events
    ``(coords, after, scale)`` with a sample of the coordinates (order statistics)."""
    import numpy as np

    from ._engine.partials import (
        events_from_intervals,
        events_from_pieces,
        fits_int64,
        magnitude,
        pack,
        scaled_values,
    )
    from .interval_meter import IntervalMeter

    arrow = sys.modules.get("pyarrow")
    if arrow is not None:  # the reader's buffers, already copied into the partition
        arrow.default_memory_pool().release_unused()
    out, keys = _survey(part, names, labels, promote, what)
    out["events"] = (("raw", np.empty(0, dtype=key_dtype)), np.empty(0, dtype=np.int64), 0)
    out["n_events"], out["sample"] = 0, None
    if keys is None:
        return out
    s, e = keys[0], keys[1]
    if len(keys) > 2:
        values, scale = scaled_values(keys[2])
    else:
        values, scale = np.ones(len(s), dtype=np.int64), 0
    if values.dtype != object and fits_int64(2 * len(values) * magnitude(values)):
        # the kernel: exact int64 sums (no partial sum can overflow)
        starts, stops, totals = IntervalMeter.from_arrays(
            s, e, values, use_rust=use_rust
        ).to_arrays()
        coords, after = events_from_pieces(starts, stops, totals)
    else:  # Python ints: exact beyond 64 bits
        coords, after = events_from_intervals(s, e, values)
    coords = coords.astype(key_dtype, copy=False)
    out["n_events"] = len(coords)
    if len(coords):
        at = np.unique(np.linspace(0, len(coords) - 1, min(len(coords), k)).astype(np.int64))
        out["sample"] = coords[at]
        out["lo"], out["hi"] = coords[0], coords[-1]
    packed, after = pack(coords, after)
    out["events"] = (packed, after, scale)
    return out


def _survey_of(local: dict[str, Any]) -> dict[str, Any]:
    """The small part of a partition's result, for the driver (not the events)."""
    return {key: val for key, val in local.items() if key != "events"}


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
) -> None:
    """Raise the error one machine would raise on the whole frame, in the same order of
    checks (NaN counts and reversed rows counted over the whole frame)."""
    for j, (name, label) in enumerate(zip(names, labels)):
        na = sum(s["na"][j] for s in surveys)
        col = meta[name]
        if na:
            raise fail("array_missing", name=label, count=na, what=" (NaN/NaT)")
        _column(col, label)  # dtype errors (booleans, unsupported dtypes)
        inf = sum(s["inf"][j] for s in surveys)
        if inf:
            raise fail("array_not_finite", name=label, count=inf)
        if col.dtype.kind == "u" and max(s["big"][j] for s in surveys) > _I64_MAX:
            raise fail("dask_big_ints", label=label)
    columns_from_arrays(*_triple(meta, names), what)  # type mixing, values as datetimes
    for s in surveys:
        if s["error"] is not None:
            etype, args = s["error"]
            raise etype(*args)
    for name in names:
        if not _native(meta[name]):
            raise fail("dask_dtype", name=name, dtype=meta[name].dtype)
    if _promotes(meta, names) and max(max(s["big"][:2]) for s in surveys) > 2**53:
        raise fail("dask_promote_big_ints")
    offset = 0
    for s in surveys:
        if s["rev"] is not None:
            i, a, b = s["rev"]
            g = offset + i
            raise fail("array_reversed", i=g, where=what, start=a, stop=b)  # as one machine
        offset += s["n"]


def _promotes(meta: Any, names: list[str]) -> bool:
    """Int and float coordinate columns: the ints become floats, as on one machine."""
    kinds = {meta[n].dtype.kind for n in names[:2]}
    return "f" in kinds and bool(kinds & {"i", "u"})


def _boundaries(surveys: list[dict[str, Any]], nranges: int) -> Any:
    """Strictly increasing range boundaries: the first event coordinate, quantiles of
    the event coordinates (weighted by each partition's event count), the last one."""
    import numpy as np

    full = [s for s in surveys if s["sample"] is not None]
    if not full:
        return None
    lo = min(s["lo"] for s in full)
    hi = max(s["hi"] for s in full)
    vals = np.concatenate([s["sample"] for s in full])
    weights = np.concatenate(
        [np.full(len(s["sample"]), s["n_events"] / len(s["sample"])) for s in full]
    )
    order = np.argsort(vals, kind="stable")
    vals, cum = vals[order], np.cumsum(weights[order])
    targets = cum[-1] * np.arange(1, nranges) / nranges
    inner = vals[np.minimum(np.searchsorted(cum, targets), len(vals) - 1)]
    inner = inner[(inner > lo) & (inner < hi)]
    return np.unique(np.concatenate([[lo], inner, [hi]]).astype(vals.dtype))


# -- route events to ranges, combine each range -------------------------------------------
def _take(local: dict[str, Any], cuts: list[Any]) -> list[tuple[Any, ...]]:
    """One partition's events cut into the ranges ``[cuts[j], cuts[j+1])`` (``None`` at
    an end: unbounded), each as a view (still packed) with the partition's exact value
    just before the range and its first coordinate from the range's end on (None: none)."""
    from ._engine.partials import positions, sliced, unpack

    packed, after, scale = local["events"]
    n = len(after)
    inner = positions(packed, [c for c in cuts if c is not None])
    at = ([0] if cuts[0] is None else []) + inner + ([n] if cuts[-1] is None else [])
    out = []
    for i0, i1 in itertools.pairwise(at):
        before = int(after[i0 - 1]) if i0 else 0
        nxt = unpack(packed, slice(i1, i1 + 1))[0] if i1 < n else None
        out.append((sliced(packed, i0, i1), after[i0:i1], scale, before, nxt))
    return out


def _combine_group(
    chunks: list[list[tuple[Any, ...]]], kind: str, floats: bool, meta: Any
) -> tuple[Any, ...]:
    """Consecutive ranges, one after the other, from every partition's cut: their
    pieces (one frame per range), then the ranges' edges for the mending."""
    frames = tuple(
        _combine_range([cut[j] for cut in chunks], kind, floats, meta)
        for j in range(len(chunks[0]))
    )
    return (*frames, [_edges(f) for f in frames])


def _combine_range(chunks: list[tuple[Any, ...]], kind: str, floats: bool, meta: Any) -> Any:
    """One range's pieces (keys, canonical within the range) from every partition's
    slice: merged events, exact running totals plus the offset, rounded once. A range
    of many events is summed window by window (at most about ``_WINDOW`` events each),
    so the temporaries stay small whatever the range holds."""
    import numpy as np
    import pandas as pd

    from ._engine.partials import (
        Int64Overflow,
        canonical,
        finish,
        merge_events,
        positions,
        unpack,
    )

    coords_out, values_out = [], []
    for lo, hi in itertools.pairwise(_windows(chunks)):
        parts = []
        for packed, after, scale, before, _ in chunks:
            i0 = 0 if lo is None else positions(packed, [lo])[0]
            i1 = len(after) if hi is None else positions(packed, [hi])[0]
            prior = int(after[i0 - 1]) if i0 else before
            parts.append((unpack(packed, slice(i0, i1)), after[i0:i1], scale, prior))
        coords, totals, scale = merge_events(parts)
        coords_out.append(coords)
        try:
            values_out.append(finish(totals, scale, kind, floats))
        except Int64Overflow:
            raise fail("dask_int64") from None
    coords = np.concatenate(coords_out)
    if not len(coords):
        return meta
    values = np.concatenate(values_out)
    stops = np.empty_like(coords)
    stops[:-1] = coords[1:]
    stops[-1] = coords[-1]
    if values[-1]:  # the last piece reaches the first event after the range
        stops[-1] = min(c[4] for c in chunks if c[4] is not None)
    del coords_out, values_out
    starts, stops, values = canonical(coords, stops, values)
    del coords
    cols = {"start": starts, "stop": stops}
    if kind != "set":
        cols["value"] = values.astype(meta["value"].dtype, copy=False)
    return pd.DataFrame(cols, copy=False)


def _windows(chunks: list[tuple[Any, ...]]) -> list[Any]:
    """Boundaries splitting a range's events into windows of about ``_WINDOW`` events
    (``None`` at both ends), from evenly spaced sample coordinates of every chunk."""
    import numpy as np

    from ._engine.partials import unpack

    total = sum(len(c[1]) for c in chunks)
    count = -(-total // _WINDOW)
    if count <= 1:
        return [None, None]
    every = max(1, _WINDOW // 64)  # about 64 sample coordinates per window
    sample = np.sort(np.concatenate([unpack(c[0], slice(every // 2, None, every)) for c in chunks]))
    inner = np.unique(sample[(np.arange(1, count) * len(sample)) // count]).tolist()
    return [None, *inner, None]


# -- mend the joins -----------------------------------------------------------------------
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


# -- the graph ----------------------------------------------------------------------------
class _Plan:
    """The combined ranges (delayed, keys), the mending plan and the output's meta."""

    def __init__(
        self, ranges: list[Any], plan: Any, domain: Domain, meta: Any, divisions: Any
    ) -> None:
        self.ranges, self.plan, self.domain = ranges, plan, domain
        self.meta, self.divisions = meta, divisions

    def parts(self) -> list[Any]:
        """The mended result partitions, delayed."""
        import dask

        if self.divisions is None:
            return [dask.delayed(self.meta)]
        mend = dask.delayed(_mend)
        return [mend(p, self.plan, r, self.domain, self.meta) for r, p in enumerate(self.ranges)]

    def writes(self, fs: Any, root: str) -> list[Any]:
        """One task per range that mends it and writes it as ``part.NNNNNN.parquet``."""
        import dask

        write = dask.delayed(_write)
        if self.divisions is None:
            return [write(self.meta, fs, f"{root}/part.{0:06d}.parquet", self.meta)]
        return [
            write(p, fs, f"{root}/part.{r:06d}.parquet", self.meta, self.plan, r, self.domain)
            for r, p in enumerate(self.ranges)
        ]


def _validate(kind: str, npartitions: Any, use_rust: Any) -> None:
    if kind not in _KINDS:
        raise fail("dask_kind", value=kind)
    if npartitions is not None and (
        isinstance(npartitions, bool) or not isinstance(npartitions, int) or npartitions < 1
    ):
        raise fail("dask_npartitions", value=npartitions)
    _checks.check_use_rust(use_rust)


def _build(
    frame: Any,
    start: str,
    stop: str,
    value: str | None,
    kind: str,
    npartitions: int | None,
    use_rust: bool | None,
    client: Any,
    bar: Any = None,
    hold: list[Any] | None = None,
) -> _Plan:
    """Run the read pass (on ``client`` when given) and lay out the rest of the graph.

    On a cluster the read pass's results stay on the workers as futures, which go into
    ``hold`` (the caller keeps it as long as the events are wanted). The graph refers to
    the read tasks themselves, not to the futures: while ``hold`` lives the scheduler
    finds their results in memory and does not read again (should they be gone, it
    reads again, same result), and no future travels in a message (distributed keeps
    its recent messages, which would keep the events on the workers after the run)."""
    dask, dd, np = _imports()
    import pandas as pd

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
    promote = _promotes(meta, names)
    domain = _domain(meta, names)
    key_dtype = np.dtype(np.float64 if promote or meta[start].dtype.kind == "f" else np.int64)
    floats = value is not None and meta[value].dtype.kind == "f"
    value_dtype = np.float64 if kind == "meter" and floats else np.int64
    out_meta = _out_meta(kind, domain, key_dtype, value_dtype)
    k = max(_SAMPLE, 4 * nranges)
    args = (names, labels, promote, what, key_dtype, use_rust, k)
    # one task per partition that reads it and makes its events (fused with the reader)
    tasks = cols.map_partitions(
        _local, *args, meta=pd.Series([], dtype=object), enforce_metadata=False
    ).to_delayed()
    if client is not None:  # one submission: the events stay, only the surveys come back
        futures = client.compute([*tasks, *(dask.delayed(_survey_of)(t) for t in tasks)])
        locals_: list[Any] = futures[: len(tasks)]
        if hold is not None:
            hold.extend(locals_)
            locals_ = list(tasks)  # refer to the tasks; their results are held
        surveys = _gather(client, futures[len(tasks) :], bar)
        del futures
    else:
        locals_ = list(dask.compute(*tasks))
        surveys = [_survey_of(x) for x in locals_]
    _check(surveys, meta, names, labels, what)
    bounds = _boundaries(surveys, nranges)
    if bounds is None:  # no rows, or only zero-length intervals
        return _Plan([], None, domain, out_meta, None)
    bounds = bounds.astype(key_dtype)
    nr = len(bounds) - 1
    cuts: list[Any] = [None, *bounds[1:-1].tolist(), None]
    kmeta = pd.DataFrame({c: pd.Series([], dtype=key_dtype) for c in ("start", "stop")})
    if kind != "set":
        kmeta["value"] = pd.Series([], dtype=value_dtype)
    # ranges are combined in groups of consecutive ones: each partition's events are cut
    # once per group (P x groups small tasks, not P x ranges), where they are; enough
    # groups for every thread, and for a group's events to stay within _GROUP_BYTES
    ngroups = nr
    if client is not None:
        volume = 16 * sum(s["n_events"] for s in surveys)
        threads = sum(w["nthreads"] for w in client.scheduler_info()["workers"].values())
        ngroups = min(nr, max(2 * threads, -(-volume // _GROUP_BYTES), 2))
    ranges, edges = [], []
    for g in range(ngroups):
        r0, r1 = g * nr // ngroups, (g + 1) * nr // ngroups
        if client is not None:  # cut where the events are; only the cuts move
            take = dask.delayed(_take, pure=False)
            chunks = [take(x, cuts[r0 : r1 + 1]) for x in locals_]
        else:
            chunks = [_take(x, cuts[r0 : r1 + 1]) for x in locals_]
        out = list(dask.delayed(_combine_group, nout=r1 - r0 + 1)(chunks, kind, floats, kmeta))
        ranges.extend(out[:-1])
        edges.append(out[-1])
    plan = dask.delayed(_plan)(dask.delayed(_concat)(edges))
    return _Plan(ranges, plan, domain, out_meta, tuple(_to_out(bounds, domain).tolist()))


def _concat(lists: list[list[Any]]) -> list[Any]:
    return [x for part in lists for x in part]


def _frame(plan: _Plan) -> Any:
    import dask.dataframe as dd

    if plan.divisions is None:
        return dd.from_pandas(plan.meta, npartitions=1)
    return dd.from_delayed(
        plan.parts(), meta=plan.meta, divisions=plan.divisions, verify_meta=False
    )


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
    message). Cost: this call reads the input once (on a cluster, bounded by the dask
    config value ``intervalues.no-workers-timeout``) and keeps each partition's events
    (at most 32 bytes per interval) on the worker that made them for as long as the
    returned object lives; O(partitions + ranges) on the driver.

    >>> import pandas as pd
    >>> df = pd.DataFrame({"start": [0, 2, 5], "stop": [3, 4, 6], "w": [1, 2, 5]})
    >>> combine(df, value="w", npartitions=2).compute().reset_index(drop=True)
       start  stop  value
    0      0     2      1
    1      2     3      3
    2      3     4      2
    3      5     6      5
    """
    _imports()
    _validate(kind, npartitions, use_rust)
    client = _client()
    hold: list[Any] = []
    plan = _build(frame, start, stop, value, kind, npartitions, use_rust, client, None, hold)
    result = _frame(plan)
    if hold:  # the events stay on the workers exactly as long as the result object
        result._intervalues_events = hold
    return result


# -- waiting on a cluster, never without a bound ------------------------------------------
def _client() -> Any:
    """The ``distributed.Client`` that ``dask.compute`` would use now, or None."""
    import dask.base

    owner = getattr(dask.base.get_scheduler(), "__self__", None)
    return owner if type(owner).__name__ == "Client" else None


def _no_workers_timeout() -> float:
    """Seconds to wait while no worker is connected (``intervalues.no-workers-timeout``)."""
    import dask
    from dask.utils import parse_timedelta

    setting = dask.config.get(TIMEOUT_SETTING, None) or _DEFAULT_TIMEOUT
    try:
        seconds = parse_timedelta(setting, default="s")
    except (TypeError, ValueError, KeyError):
        seconds = None
    if seconds is None or not seconds > 0:
        raise fail("dask_timeout_setting", setting=TIMEOUT_SETTING, value=setting)
    return float(seconds)


def _wait(client: Any, futures: list[Any], bar: Any = None) -> None:
    """Wait for ``futures``; raise ``TimeoutError`` (and cancel them) once no worker has
    been connected to the scheduler for ``intervalues.no-workers-timeout``.

    Completion is signalled by the futures' callbacks (no timeouts raised and caught
    inside distributed, whose tracebacks would keep the futures, and so their results
    on the workers, alive until Python's cycle collector runs)."""
    import threading

    limit = _no_workers_timeout()
    poll = min(1.0, limit / 4)
    lock, everything = threading.Lock(), threading.Event()
    left = [len(futures)]

    def one_done(_: Any) -> None:
        with lock:
            left[0] -= 1
            if left[0] <= 0:
                everything.set()

    if not futures:
        return
    for f in futures:
        f.add_done_callback(one_done)
    alone_since = None
    while not everything.wait(poll):
        if bar is not None:
            bar.update(len(futures) - left[0], len(futures))
        now = time.monotonic()
        if client.nthreads():
            alone_since = None
        elif alone_since is None:
            alone_since = now
        elif now - alone_since >= limit:
            client.cancel(futures)
            raise fail("dask_no_workers", limit=f"{limit:g}", setting=TIMEOUT_SETTING)
    if bar is not None:
        bar.update(len(futures), len(futures))


def _gather(client: Any, futures: list[Any], bar: Any = None) -> list[Any]:
    """Results of ``futures`` (errors re-raised), waiting as ``_wait`` does."""
    _wait(client, futures, bar)
    return list(client.gather(futures))


def _compute(*tasks: Any) -> tuple[Any, ...]:
    """``dask.compute``, through ``_gather`` when the scheduler is a cluster."""
    import dask

    client = _client()
    if client is None:
        return dask.compute(*tasks)
    return tuple(_gather(client, client.compute(list(tasks))))


class _Bar:
    """A one-line progress count on stderr for runs on a cluster."""

    def __init__(self, what: str) -> None:
        self.what, self.t0, self.last = what, time.perf_counter(), -1

    def update(self, done: int, total: int) -> None:
        if done == self.last:
            return
        self.last = done
        width = 30
        fill = width * done // max(total, 1)
        sys.stderr.write(
            f"\r[{'#' * fill}{' ' * (width - fill)}] {done}/{total} {self.what} "
            f"| {time.perf_counter() - self.t0:.1f} s"
        )
        if done == total:
            sys.stderr.write("\n")
        sys.stderr.flush()


# -- lookups ------------------------------------------------------------------------------
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
    out: list[Any] = []
    prev = None
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
        raise fail("dask_points_type", type=type(points).__name__)
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
        edges = _compute(*[dask.delayed(_head_tail)(p) for p in parts])
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
        for sel, vals in zip(slots, _compute(*tasks)):
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
        raise fail("dask_no_files", pattern=pattern)
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
    result is written as a partitioned Parquet dataset (one file per range, written by
    the range's task, in order, columns ``start, stop, value``) and the written dataset
    is returned as a dask DataFrame (a client opened here for an address is then
    closed); without it the result is persisted (on the client, which stays open) and
    returned. ``progress`` shows dask's progress bar (local schedulers) or the dashboard
    link and a count of finished tasks (a cluster). On a cluster no wait is unbounded:
    ``TimeoutError`` once no worker has been connected for the dask config value
    ``intervalues.no-workers-timeout`` (default 60 s).

    Needs files on disk (and, for the address form, a cluster), so not run as a test:

    >>> r = combine_files("events/*.parquet", "start", "stop", "w")  # doctest: +SKIP
    >>> values_at(r, [1.5, 7.0])  # doctest: +SKIP
    """
    _imports()
    _validate(kind, None, None)
    client, local = _scheduler(scheduler)
    try:
        return _combine_files(pattern, start, stop, value, kind, client, local, out, progress)
    finally:
        if client is not None and isinstance(scheduler, str) and out is not None:
            client.close()  # opened here for an address; the dataset on disk needs none


def _combine_files(
    pattern: str,
    start: str,
    stop: str,
    value: str | None,
    kind: str,
    client: Any,
    local: Any,
    out: str | None,
    progress: bool,
) -> Any:
    dask, dd, _ = _imports()
    frame = _reader(pattern, dd)
    say = (lambda msg: print(msg, file=sys.stderr)) if progress else (lambda msg: None)
    if client is not None:
        say(f"intervalues: dask dashboard at {client.dashboard_link}")
    t0 = time.perf_counter()

    bar = _Bar("input partitions read") if progress else None
    hold: list[Any] = []  # the read pass's futures, until the rest is submitted
    with _progress(progress, client, local):
        plan = _build(frame, start, stop, value, kind, None, None, client, bar, hold)
    say(
        f"intervalues: read {frame.npartitions} input partitions in one pass, "
        f"{max(len(plan.ranges), 1)} ranges ({time.perf_counter() - t0:.1f} s)"
    )
    if out is not None:
        import fsspec

        fs, root = fsspec.core.url_to_fs(out)
        fs.makedirs(root, exist_ok=True)
        for old in fs.glob(f"{root}/part.*.parquet"):  # a previous run's files
            fs.rm(old)
        writes = plan.writes(fs, root)
        del plan  # from here the graph alone holds the events: each is freed once used
        if client is not None:
            futures = client.compute(writes)
            del writes
            hold.clear()  # submitted: each partition's events now live until used
            _gather(client, futures, _Bar("ranges written") if progress else None)
        else:
            with _progress(progress, None, local):
                dask.compute(*writes)
        say(f"intervalues: wrote {out} ({time.perf_counter() - t0:.1f} s)")
        return dd.read_parquet(out)
    result = _frame(plan)
    del plan
    if client is not None:
        result = client.persist(result)  # the persisted result no longer holds the events
        hold.clear()
        from distributed import futures_of

        _wait(client, futures_of(result), _Bar("ranges combined") if progress else None)
        return result
    with _progress(progress, None, local):
        return result.persist()


def _write(
    part: Any,
    fs: Any,
    path: str,
    meta: Any,
    plan: Any = None,
    r: int = 0,
    domain: Domain = NUMBER,
) -> int:
    """Mend one range (with a plan) and write it as one Parquet file; its piece count."""
    import pyarrow as pa
    import pyarrow.parquet as pq

    if plan is not None:
        part = _mend(part, plan, r, domain, meta)
    table = pa.Table.from_pandas(part if len(part) else meta, preserve_index=False)
    with fs.open(path, "wb") as f:
        pq.write_table(table, f)
    return len(part)


def _scheduler(scheduler: Any) -> tuple[Any, Any]:
    """``(client or None, local scheduler name or None)``."""
    if scheduler is None:
        return _client(), None
    if isinstance(scheduler, str) and scheduler in ("threads", "processes", "synchronous"):
        return None, scheduler
    if isinstance(scheduler, str):
        from distributed import Client

        return Client(scheduler), None
    return scheduler, None


class _progress:
    """Dask's ProgressBar and the local scheduler around local computations; nothing for
    a client (``_Bar`` counts its tasks)."""

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
