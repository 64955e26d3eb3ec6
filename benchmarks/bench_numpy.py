"""The NumPy baseline: a sort-and-cumsum sweep, written the way a competent user would.

Only imported when NumPy is installed. ``meter_sweep`` answers the same question as
``IntervalMeter(...)``: the canonical step function (sorted, disjoint, zero pieces
dropped, equal touching neighbours merged) of the summed weights. Float values are
summed with ``cumsum``, so decimal values like 0.1 drift: equal only for exact inputs.
"""

from __future__ import annotations

import numpy as np


def meter_sweep(
    starts: np.ndarray, stops: np.ndarray, values: np.ndarray
) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """``(starts, stops, values)`` of the pieces of the summed step function."""
    bounds = np.concatenate((starts, stops))
    deltas = np.concatenate((values, -values))
    order = np.argsort(bounds, kind="stable")
    bounds = bounds[order]
    level = np.cumsum(deltas[order])
    # several events at one coordinate: the level after the last of them holds
    last = np.empty(len(bounds), dtype=bool)
    last[:-1] = bounds[1:] != bounds[:-1]
    last[-1] = True
    bounds = bounds[last]
    level = level[last]
    # the stretch [bounds[i], bounds[i + 1]] has value level[i]; drop zeros
    a, b, v = bounds[:-1], bounds[1:], level[:-1]
    keep = v != 0
    a, b, v = a[keep], b[keep], v[keep]
    if len(a) == 0:
        return a, b, v
    # merge touching neighbours with equal values
    first = np.empty(len(a), dtype=bool)
    first[0] = True
    first[1:] = (a[1:] != b[:-1]) | (v[1:] != v[:-1])
    heads = np.flatnonzero(first)
    tails = np.empty_like(heads)
    tails[:-1] = heads[1:] - 1
    tails[-1] = len(a) - 1
    return a[heads], b[tails], v[heads]


def columns(starts: list, stops: list, values: list) -> tuple[np.ndarray, ...]:
    """Python columns as int64/float64 arrays."""
    return tuple(np.asarray(col) for col in (starts, stops, values))


def through_rust(
    combine, starts: np.ndarray, stops: np.ndarray, values: np.ndarray
) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """NumPy arrays in, NumPy arrays out, through the accelerator's ``combine``."""
    coords = "i" if starts.dtype.kind == "i" else "f"
    vals = "i" if values.dtype.kind == "i" else "f"
    s, e, v = combine("meter", starts.tobytes(), stops.tobytes(), values.tobytes(), coords, vals)
    return (
        np.frombuffer(s, dtype=starts.dtype),
        np.frombuffer(e, dtype=stops.dtype),
        np.frombuffer(v, dtype=values.dtype),
    )
