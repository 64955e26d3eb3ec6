"""Closed-interval set algebra on sorted, disjoint piece columns.

Pieces are closed ``[start, stop]``; one-point pieces ``[x;x]`` are allowed. Union merges
touching pieces; intersection keeps the touching point; difference is the closure of
the difference (the boundary points of a removed part survive), as in 0.4.0.

>>> closed_op([0], [4], [2], [6], "and"), closed_op([0], [10], [2], [3], "sub")
(([2], [4]), ([0, 3], [2, 10]))

:func:`set_algebra` runs the same operation on two tracks, in the kernel when it is
used and both have machine coordinates of one type, else with :func:`closed_op`.
"""

from __future__ import annotations

from bisect import bisect_left, bisect_right
from typing import Any, Literal

from . import accel
from .columns import Code, Track, machine
from .combine import use_accel

__all__ = ["SetOp", "closed_op", "set_algebra"]

SetOp = Literal["or", "and", "sub", "xor"]


def set_algebra(
    a: Track | None, b: Track | None, op: SetOp, use_rust: bool | None = None
) -> tuple[Any, Any]:
    """``(starts, stops)`` of ``a op b`` for two sets' continuous tracks (``None``: empty).
    O(n + m) in the kernel, one linear pass per operation in Python.

    >>> s, e = set_algebra(Track([0], [4], [1]), Track([2], [6], [1]), "xor")
    >>> list(s), list(e)
    ([0, 4], [2, 6])
    """
    if a is None and b is None:
        return [], []
    if use_accel(use_rust):
        pa, pb = _pieces(a), _pieces(b)
        code = (pa[0] or pb[0]) if pa is not None and pb is not None else None
        if pa is not None and pb is not None and code is not None and pb[0] in (None, code):
            return accel.set_op(op, (pa[1], pa[2]), (pb[1], pb[2]), code)
    if a is None or b is None:  # one side empty: no sort needed, the pieces are in order
        if op == "and" or (a is None and op == "sub"):
            return [], []
        return _joined(a if a is not None else b)  # type: ignore[arg-type]
    return closed_op(a.starts, a.stops, b.starts, b.stops, op)


def _joined(track: Track) -> tuple[list[Any], list[Any]]:
    """A track's pieces with touching ones joined (its union with nothing). O(n)."""
    starts: list[Any] = []
    stops: list[Any] = []
    for a, b in zip(track.starts, track.stops):
        if stops and a <= stops[-1]:
            if b > stops[-1]:
                stops[-1] = b
        else:
            starts.append(a)
            stops.append(b)
    return starts, stops


def _pieces(track: Track | None) -> tuple[Code | None, bytes, bytes] | None:
    """``(code, starts, stops)`` of a track's machine coordinates (no code and no bytes
    for a missing track), or ``None`` when the kernel cannot read them."""
    if track is None:
        return None, b"", b""
    s, e = machine(track.starts), machine(track.stops)
    if s is None or e is None or s[0] != e[0]:
        return None
    return s[0], s[1], e[1]


def closed_op(a_s: Any, a_e: Any, b_s: Any, b_e: Any, op: SetOp) -> tuple[list[Any], list[Any]]:
    """Union, intersection, closure-of-difference or symmetric difference of two
    canonical closed piece lists. O((n + m) log(n + m))."""
    if op == "xor":
        ls, le = closed_op(a_s, a_e, b_s, b_e, "sub")
        rs, re = closed_op(b_s, b_e, a_s, a_e, "sub")
        return closed_op(ls, le, rs, re, "or")
    if op == "or":
        pieces = sorted(zip([*a_s, *b_s], [*a_e, *b_e]))
        out_s: list[Any] = []
        out_e: list[Any] = []
        for s, e in pieces:
            if out_e and s <= out_e[-1]:
                if e > out_e[-1]:
                    out_e[-1] = e
            else:
                out_s.append(s)
                out_e.append(e)
        return out_s, out_e
    out_s, out_e = [], []
    if op == "and":
        i = j = 0
        while i < len(a_s) and j < len(b_s):
            lo, hi = max(a_s[i], b_s[j]), min(a_e[i], b_e[j])
            if lo <= hi:
                out_s.append(lo)
                out_e.append(hi)
            if a_e[i] < b_e[j]:
                i += 1
            else:
                j += 1
        return out_s, out_e
    for s, e in zip(a_s, a_e):
        lo = bisect_left(b_e, s)  # B pieces ending at or after s ...
        hi = bisect_right(b_s, e)  # ... and starting at or before e
        if s == e:  # a lone point survives unless some B piece covers it
            if lo >= hi:
                out_s.append(s)
                out_e.append(e)
            continue
        cur = s
        for c, d in zip(b_s[lo:hi], b_e[lo:hi]):
            if c > cur:
                out_s.append(cur)
                out_e.append(c)
            if d > cur:
                cur = d
        if cur < e:
            out_s.append(cur)
            out_e.append(e)
    return closed_op(out_s, out_e, [], [], "or") if out_s else ([], [])
