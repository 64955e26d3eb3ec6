"""A brute-force oracle for the departure table: what a call *should* give.

Some differences from 0.4.0 are 0.4.0 giving a wrong answer (a discrete interval scaled
with its step lost, a set stretched across a gap to a zero-length interval, a lookup on
a meter of two lattices that sees one of them). A departure row may excuse such a call
only when this oracle, which knows nothing of either implementation, agrees with us and
not with 0.4.0.

The oracle re-runs the call's source on small models: a number or a point set for
discrete intervals, exact ``Fraction`` arithmetic (floats read as the decimal they print
as, like the sweep), and step functions compared on the open segments between their
breakpoints. Boundary points of continuous pieces are not judged (closed-point questions
belong to W16 and the set-points work). Anything the models do not support makes the
oracle decline (``None``), and then no row excuses the call.
"""

from __future__ import annotations

import ast
import math
from decimal import Decimal
from fractions import Fraction
from itertools import pairwise
from typing import Any

Num = Fraction


def _q(x: Any) -> Fraction:
    if isinstance(x, bool) or not isinstance(x, (int, float, Fraction)):
        raise _Decline
    if isinstance(x, float):
        if not math.isfinite(x):
            raise _Decline
        return Fraction(Decimal(repr(x)))
    return Fraction(x)


class _Decline(Exception):
    """The models cannot answer this call."""


class Func:
    """A step function: continuous pieces ``(a, b, v)`` and discrete points ``{x: v}``,
    with the rule that turns sums into stored values (``meter``, ``counter``, ``set``)."""

    def __init__(
        self,
        cont: list[tuple[Num, Num, Num]],
        pts: dict[Num, Num],
        kind: str,
        lattices: frozenset[tuple[Num, Num]] = frozenset(),
    ):
        if cont and pts:
            raise _Decline  # discrete and continuous never mix
        self.cont, self.pts, self.kind, self.lattices = cont, pts, kind, lattices

    # -- values ----------------------------------------------------------------
    def _rule(self, v: Num) -> Num:
        if self.kind == "set":
            return Fraction(1) if v > 0 else Fraction(0)
        if self.kind == "counter":
            n = int(v)  # truncation toward zero
            return Fraction(n) if n >= 1 else Fraction(0)
        return v

    def cuts(self) -> list[Num]:
        return sorted({a for a, _, _ in self.cont} | {b for _, b, _ in self.cont})

    def raw_at(self, x: Num, open_segment: tuple[Num, Num] | None = None) -> Num:
        if self.pts:
            return self.pts.get(x, Fraction(0))
        if open_segment is not None:
            lo, hi = open_segment
            return sum((v for a, b, v in self.cont if a <= lo and hi <= b), Fraction(0))
        return sum((v for a, b, v in self.cont if a < x < b), Fraction(0))

    def table(self, extra: list[Num] = ()) -> dict[Any, Num]:  # type: ignore[assignment]
        """``{point or (a, b): stored value}``, zeros left out."""
        if self.pts:
            return {x: w for x, v in self.pts.items() if (w := self._rule(v))}
        cuts = sorted(set(self.cuts()) | set(extra))
        out = {}
        for a, b in pairwise(cuts):
            w = self._rule(self.raw_at(a, (a, b)))
            if w:
                out[(a, b)] = w
        return out

    def stored(self) -> Func:
        """This function with its rule applied (a fresh meter-like function)."""
        if self.pts:
            return Func([], self.table(), "meter")
        return Func([(a, b, v) for (a, b), v in self.table().items()], {}, "meter")

    # -- operators ---------------------------------------------------------------
    def _combined(self, other: Any, sign: int) -> Func:
        other = _as_func(other, self.kind)
        s, o = self.stored(), other.stored()
        cont = s.cont + [(a, b, sign * v) for a, b, v in o.cont]
        pts = dict(s.pts)
        for x, v in o.pts.items():
            pts[x] = pts.get(x, Fraction(0)) + sign * v
        return Func(cont, pts, self.kind)

    def __add__(self, other: Any) -> Func:
        if self.kind == "set":
            return self | other
        return self._combined(other, 1)

    __radd__ = __add__

    def __sub__(self, other: Any) -> Func:
        if self.kind == "set":
            return self._setop(other, lambda p, q: p and not q)
        return self._combined(other, -1)

    def __neg__(self) -> Func:
        return self * -1

    def __mul__(self, k: Any) -> Func:
        k = _q(k)
        s = self.stored()
        return Func(
            [(a, b, v * k) for a, b, v in s.cont], {x: v * k for x, v in s.pts.items()}, self.kind
        )

    __rmul__ = __mul__

    def _setop(self, other: Any, keep: Any) -> Func:
        other = _as_func(other, "set")
        s, o = Func(self.cont, self.pts, "set"), Func(other.cont, other.pts, "set")
        if s.pts or o.pts:
            ps, po = s.table(), o.table()
            keys = ps.keys() | po.keys()
            return Func([], {x: Fraction(1) for x in keys if keep(x in ps, x in po)}, "set")
        cuts = sorted(set(s.cuts()) | set(o.cuts()))
        ts, to = s.table(cuts), o.table(cuts)
        cont = [(a, b, Fraction(1)) for a, b in pairwise(cuts) if keep((a, b) in ts, (a, b) in to)]
        return Func(cont, {}, "set")

    def __and__(self, other: Any) -> Func:
        return self._setop(other, lambda p, q: p and q)

    def __or__(self, other: Any) -> Func:
        return self._setop(other, lambda p, q: p or q)

    def __xor__(self, other: Any) -> Func:
        return self._setop(other, lambda p, q: p != q)

    def __eq__(self, other: object) -> bool:  # type: ignore[override]
        if not isinstance(other, Func):
            raise _Decline
        cuts = sorted(set(self.cuts()) | set(other.cuts()))
        return self.table(cuts) == other.table(cuts)

    __hash__ = None  # type: ignore[assignment]

    # -- queries (discrete only: boundary points of continuous pieces are not judged) --
    def __getitem__(self, x: Any) -> Num:
        x = _q(x)
        if self.cont and x in self.cuts():
            raise _Decline  # a boundary point
        return self._rule(self.raw_at(x))

    def __contains__(self, x: Any) -> bool:
        return bool(self[x])

    def contains(self, other: Any) -> bool:
        other = _as_func(other, "set")
        if not (self.pts and other.pts):
            raise _Decline
        return set(other.table()) <= set(self.table())

    def intersection_support(self, other: Any) -> Func:
        return Func(self.cont, self.pts, "set") & other

    def _point_values(self, within: Any) -> list[Num]:
        """The stored value at each distinct point: of a discrete window (uncovered
        points count 0), or of the stored points without one."""
        if not self.pts:
            raise _Decline
        if within is None:
            values = list(self.table().values())
        elif isinstance(within, Func) and within.pts:
            values = [self[x] for x in within.pts]
        else:
            raise _Decline
        if not values:
            raise _Decline
        return sorted(values)

    def average_value(self, within: Any = None) -> Num:
        """Mean over the distinct points (each counted once, with its summed value)."""
        values = self._point_values(within)
        return sum(values, Fraction(0)) / len(values)

    def minimum_value(self, within: Any = None) -> Num:
        return self._point_values(within)[0]

    def maximum_value(self, within: Any = None) -> Num:
        return self._point_values(within)[-1]

    def as_meter(self) -> Func:
        s = self.stored()
        return Func(s.cont, s.pts, "meter")

    def as_set(self) -> Func:
        return Func(self.stored().cont, self.stored().pts, "set")

    def _pieces(self) -> list[tuple[Num, Num, Num]]:
        """Canonical continuous pieces: equal touching neighbours merged."""
        if self.pts:
            raise _Decline
        out: list[tuple[Num, Num, Num]] = []
        for (a, b), v in sorted(self.table().items()):
            if out and out[-1][1] == a and out[-1][2] == v:
                out[-1] = (out[-1][0], b, v)
            else:
                out.append((a, b, v))
        return out

    def __len__(self) -> int:
        return len(self._pieces())

    @property
    def bounds(self) -> tuple[Num, Num] | None:
        p = self._pieces()
        return (p[0][0], p[-1][1]) if p else None

    @property
    def is_empty(self) -> bool:
        return not self.table()

    def total_length(self) -> Num:
        if self.pts:
            raise _Decline
        return sum(((b - a) * v for (a, b), v in self.table().items()), Fraction(0))


def _as_func(x: Any, kind: str) -> Func:
    if isinstance(x, Func):
        return x
    raise _Decline


def _bi(start: Any, stop: Any = None, value: Any = 1) -> Func:
    a, b = _q(start), _q(stop if stop is not None else start + 1)
    if a > b:
        raise _Decline
    return Func([(a, b, _q(value))] if a < b else [], {}, "point")


def _bdi(start: Any, stop: Any = None, step: Any = 1, count: Any = None, value: Any = 1) -> Func:
    s, st = _q(start), _q(step)
    if st <= 0:
        raise _Decline
    if count is None:
        if stop is None:
            count = 2
        else:
            count = int((_q(stop) - s) / st) + 1
    v = _q(value)
    lattice = frozenset({(st, s % st)}) if count > 1 else frozenset()
    return Func([], {s + i * st: v for i in range(count)}, "point", lattice)


def _collection(kind: str) -> Any:
    def make(data: Any = None) -> Func:
        items = [] if data is None else [data] if isinstance(data, Func) else list(data)
        if not all(isinstance(f, Func) for f in items):
            raise _Decline
        cont = [piece for f in items for piece in f.cont]
        pts: dict[Num, Num] = {}
        for f in items:
            for x, v in f.pts.items():
                pts[x] = pts.get(x, Fraction(0)) + v
        lattices = frozenset().union(*(f.lattices for f in items))
        negative = any(v <= 0 for f in items for v in f.pts.values())
        if kind == "set" and negative and len(lattices) > 1:
            raise _Decline  # sets keep each lattice's positive runs apart (SPEC section 2)
        return Func(cont, pts, kind, lattices)

    return make


_NAMES = {
    "BI": _bi,
    "BDI": _bdi,
    "IntervalMeter": _collection("meter"),
    "IntervalCounter": _collection("counter"),
    "IntervalSet": _collection("set"),
    "range": range,
    "len": len,
}
#: call areas whose sources the models may run (the generated and discrete sections)
AREAS = ("gen.", "dis.binary", "dis.unary", "coll.unary.dc", "coll.unary.dm")


def evaluate(src: str) -> Any:
    """The modelled result of ``src`` (a ``Func``, number, bool, tuple or list), or None."""
    try:
        tree = ast.parse(src)
        *body, last = tree.body
        if not isinstance(last, ast.Expr):
            return None
        ns: dict[str, Any] = {"__builtins__": {}, **_NAMES}
        exec(compile(ast.Module(body=body, type_ignores=[]), "<oracle>", "exec"), ns)
        return eval(compile(ast.Expression(last.value), "<oracle>", "eval"), ns)
    except (_Decline, ZeroDivisionError, TypeError, AttributeError, NameError, ValueError):
        return None


def outcome_func(fp: Any) -> dict[Any, Num] | None:
    """The stored function of an outcome fingerprint (a collection or one interval)."""
    if not isinstance(fp, list) or not fp:
        return None
    if fp[0] == "iv":
        items = [[fp, fp[5]]]
    elif fp[0] == "coll" and fp[2][0] == "bag":
        items = [(i, ["int", "1"]) if i and i[0] == "iv" else i for i in fp[2][1]]
    else:
        return None
    out: dict[Any, Num] = {}
    for key, weight in items:
        w = _num(weight)
        if w is None:
            return None
        if key[1] == "BaseDiscreteInterval":
            start, step, count = _num(key[3]), _num(key[6]), _num(key[7])
            if start is None or step is None or count is None:
                return None
            for i in range(int(count)):
                x = start + i * step
                out[x] = out.get(x, Fraction(0)) + w
        else:
            a, b = _num(key[3]), _num(key[4])
            if a is None or b is None:
                return None
            if a < b:
                out[(a, b)] = out.get((a, b), Fraction(0)) + w
    return {k: v for k, v in out.items() if v}


def _num(x: Any) -> Fraction | None:
    if isinstance(x, list) and len(x) == 2 and x[0] in ("int", "float"):
        return _q(float(x[1]) if x[0] == "float" else int(x[1]))
    return None


def _refined(table: dict[Any, Num], cuts: list[Num]) -> dict[Any, Num]:
    out = {k: v for k, v in table.items() if not isinstance(k, tuple)}
    segs = [(k, v) for k, v in table.items() if isinstance(k, tuple)]
    for a, b in pairwise(cuts):
        for (s, e), v in segs:
            if s <= a and b <= e:
                out[(a, b)] = out.get((a, b), Fraction(0)) + v
    return out


def agrees(model: Any, outcome: dict[str, Any]) -> bool:
    """Whether an outcome is what the model says."""
    if not outcome.get("ok"):
        return False
    if isinstance(model, Func):
        got = outcome_func(outcome["fp"])
        if got is None:
            return False
        if model.kind == "set":  # a point set: runs may overlap, a point counts once
            got = {k: Fraction(1) for k in got}
        want = model.table()
        cuts = sorted(
            {k[i] for t in (got, want) for k in t if isinstance(k, tuple) for i in (0, 1)}
        )
        return _refined(got, cuts) == _refined(want, cuts)
    try:
        value = ast.literal_eval(outcome["repr"])
    except (ValueError, SyntaxError):
        return False
    return _same(model, value)


def _same(model: Any, value: Any) -> bool:
    if isinstance(model, bool) or isinstance(value, bool):
        return type(model) is type(value) and model == value
    if isinstance(model, (Fraction, int)) and isinstance(value, (int, float)):
        return abs(float(model) - value) <= 1e-12 * max(1.0, abs(value))
    if isinstance(model, (list, tuple)) and isinstance(value, (list, tuple)):
        return len(model) == len(value) and all(_same(m, v) for m, v in zip(model, value))
    return False


def wrong_answer_fixed(call: Any, old: dict[str, Any], new: dict[str, Any]) -> bool:
    """The oracle agrees with our outcome and not with 0.4.0's."""
    if not call.id.startswith(AREAS):
        return False
    model = evaluate(call.src)
    if model is None:
        return False
    return agrees(model, new) and not agrees(model, old)
