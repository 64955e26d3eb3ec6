"""An exact point model of intervalues' step functions, for the model-based tests.

Nothing here imports ``intervalues``; it is slow, small and meant to be obviously right.

Coordinates. A coordinate is an ``int``, a ``float``, a naive or an aware ``datetime``.
Its *key* is exact: a number is its exact value (``Fraction``; coordinates are never
rounded, so ``2**53 + 1`` and ``2.0**53`` differ), a datetime is the integer
microseconds of its instant (aware ones: of the UTC instant).

Spelling (issue 15 items 1, 9; issue 14 item 4). One operation shows each key once:

* numbers: where an ``int`` and an equal ``float`` meet among the operation's inputs the
  ``int`` is shown, else the float; a float zero is ``0.0``, never ``-0.0``;
* aware datetimes: a key is shown in the zone of the inputs having a boundary there,
  the first by ``(str, type, repr)`` when several meet; other keys in the first of all
  zones (the *default*).

Values (the documented float rule, see ``intervalues/_engine/sweep.py``). Every float
value counts as the decimal it prints as, a whole float as its exact integer; a piece's
value is the exact sum of the values covering it rounded once to a float when a float
covers it (a float ``0.0`` included), else the exact ``int`` sum. A counter truncates
that value towards zero and keeps counts >= 1; a set keeps the stretches with a positive
exact sum, plus the points ``[x;x]`` of zero-length intervals with a positive value.
Touching pieces merge when their values are equal and of one type (``2`` and ``2.0``
stay apart). A value beyond the float range is refused: :class:`NotFinite`.

Lookups: pieces are closed; the first piece (in order) containing a point gives its
value, so the left piece wins at a shared boundary; uncovered points are 0.

Discrete (stepped) collections are modelled per lattice ``(step, offset)`` in
:class:`Lattices`: each lattice sums its own intervals (W1: discrete collections add
per lattice), and the point function is the exact sum over the lattices.
"""

from __future__ import annotations

import math
from dataclasses import dataclass, field
from datetime import datetime, timedelta, timezone, tzinfo
from fractions import Fraction
from itertools import pairwise
from typing import Any

EPOCH = datetime(1970, 1, 1)
EPOCH_UTC = datetime(1970, 1, 1, tzinfo=timezone.utc)
US = timedelta(microseconds=1)


class NotFinite(Exception):
    """The operation would store a value beyond the float range (the library must
    raise ``ValueError`` and change nothing)."""


# --------------------------------------------------------------------------- numbers
def dec(v: int | float) -> Fraction:
    """The exact number a value counts as: ints as they are, whole floats as their
    integer, other floats as the shortest decimal that prints as them."""
    if type(v) is int:
        return Fraction(v)
    if v.is_integer():
        return Fraction(int(v))
    return Fraction(repr(v))


def total(values: list[int | float]) -> int | float:
    """The stored value of a sum: the exact int, or the exact decimal sum rounded once."""
    if all(type(v) is int for v in values):
        return sum(values)
    exact = sum((dec(v) for v in values), Fraction(0))
    try:
        return float(exact)
    except OverflowError:
        raise NotFinite(f"sum {values!r}") from None


def finite(v: int | float) -> int | float:
    if type(v) is float and not math.isfinite(v):
        raise NotFinite(repr(v))
    return v


def product(v: int | float, factor: int | float, op: str = "*") -> int | float:
    """``v * factor`` (or ``v / factor``) as Python computes it, where an int too large
    to meet a float (Python's ``OverflowError``) is a result beyond the float range."""
    try:
        return finite(v * factor if op == "*" else v / factor)
    except OverflowError:
        raise NotFinite(f"{v!r} {op} {factor!r}") from None


def same(a: Any, b: Any) -> bool:
    """Equal values of one type (floats compared bit for bit)."""
    if type(a) is not type(b):
        return False
    if type(a) is float:
        return a.hex() == b.hex()
    return a == b


# --------------------------------------------------------------------------- coordinates
def key(x: Any) -> Any:
    """The exact key of a coordinate."""
    if isinstance(x, datetime):
        if x.utcoffset() is None:
            return (x - EPOCH) // US
        return (x - EPOCH_UTC) // US
    return Fraction(x)


def domain_of(x: Any) -> str:
    if isinstance(x, datetime):
        return "naive" if x.utcoffset() is None else "aware"
    return "number"


def zone_rank(tz: tzinfo) -> tuple[str, str, str]:
    t = type(tz)
    return str(tz), f"{t.__module__}.{t.__qualname__}", repr(tz)


def first_zone(zones: Any) -> tzinfo:
    return min(zones, key=zone_rank)


@dataclass
class Spelling:
    """How keys are shown: numbers by their spelled Python number, aware datetimes by
    zone (``zones`` per key, ``default`` for the rest)."""

    domain: str = "number"
    numbers: dict[Any, Any] = field(default_factory=dict)
    zones: dict[Any, tzinfo] = field(default_factory=dict)
    default: tzinfo | None = None

    @classmethod
    def of(cls, coords: list[Any]) -> Spelling:
        """The spelling one operation gives to its input coordinates."""
        sp = cls(domain_of(coords[0]) if coords else "number")
        if sp.domain == "number":
            for x in coords:
                k = key(x)
                cur = sp.numbers.get(k)
                if cur is None or (type(cur) is float and type(x) is int):
                    sp.numbers[k] = x
            for k, x in sp.numbers.items():
                if type(x) is float and x == 0:
                    sp.numbers[k] = 0.0
        elif sp.domain == "aware":
            for x in coords:
                k = key(x)
                cur = sp.zones.get(k)
                if cur is None or zone_rank(x.tzinfo) < zone_rank(cur):
                    sp.zones[k] = x.tzinfo
            sp.default = first_zone({x.tzinfo for x in coords})
        return sp

    @classmethod
    def merge(cls, sources: list[tuple[Spelling, set[Any]]]) -> Spelling:
        """The spelling of a result of several operands, each with its boundary keys."""
        live = [(sp, keys) for sp, keys in sources if keys]
        domain = live[0][0].domain if live else "number"
        out = cls(domain)
        for sp, keys in live:
            for k in keys:
                if domain == "number":
                    x = sp.numbers[k]
                    cur = out.numbers.get(k)
                    if cur is None or (type(cur) is float and type(x) is int):
                        out.numbers[k] = x
                elif domain == "aware":
                    z = sp.zones.get(k, sp.default)
                    cur = out.zones.get(k)
                    if cur is None or zone_rank(z) < zone_rank(cur):
                        out.zones[k] = z
        if domain == "aware":
            out.default = first_zone({sp.default for sp, _ in live})
        return out

    def show(self, k: Any) -> Any:
        """The coordinate shown for key ``k``."""
        if self.domain == "number":
            return self.numbers[k]
        if self.domain == "naive":
            return EPOCH + timedelta(microseconds=k)
        zone = self.zones.get(k, self.default)
        return (EPOCH_UTC + timedelta(microseconds=k)).astimezone(zone)


# --------------------------------------------------------------------------- continuous
@dataclass
class Steps:
    """A continuous meter, counter or set: canonical closed pieces ``(a, b, value)`` on
    exact keys (``a < b``; a set may hold points ``a == b``), and their spelling."""

    kind: str
    pieces: list[tuple[Any, Any, Any]]
    spelling: Spelling

    # -- reading ------------------------------------------------------------------------
    def value_at(self, x: Any) -> Any:
        return self.value_at_key(key(x))

    def value_at_key(self, k: Any) -> Any:
        for a, b, v in self.pieces:
            if a <= k <= b:
                return v
        return 0

    def value_on(self, a: Any, b: Any) -> Any:
        """The value on the open stretch ``(a, b)`` (None when uncovered)."""
        for s, e, v in self.pieces:
            if s <= a and b <= e and s < e:
                return v
        return None

    def boundaries(self) -> set[Any]:
        return {a for a, _, _ in self.pieces} | {b for _, b, _ in self.pieces}

    def shown(self) -> list[tuple[Any, Any, Any]]:
        """The pieces as the library must show them: ``(start, stop, value)``."""
        show = self.spelling.show
        return [(show(a), show(b), v) for a, b, v in self.pieces]

    def points(self) -> list[Any]:
        """Interesting keys: every boundary, and the midpoint of every gap between."""
        bounds = sorted(self.boundaries())
        mids = [(a + b) / 2 for a, b in pairwise(bounds)]
        return bounds + mids

    def measure_pairs(self) -> list[tuple[Any, Any]]:
        """``(value, exact length)`` of each piece (lengths in key units)."""
        return [(v, Fraction(b - a)) for a, b, v in self.pieces if b > a]


def _finish(kind: str, cover: list[Any]) -> Any:
    """The stored value of a stretch covered by ``cover`` (None: nothing stored)."""
    if kind == "set":
        return 1 if sum((dec(v) for v in cover), Fraction(0)) > 0 else None
    value = total(cover)
    if kind == "counter":
        value = int(value)
        return value if value >= 1 else None
    return value if value != 0 else None


def _merge(kind: str, segs: list[tuple[Any, Any, Any]]) -> list[tuple[Any, Any, Any]]:
    out: list[tuple[Any, Any, Any]] = []
    for a, b, v in segs:
        if out and out[-1][1] == a and same(out[-1][2], v):
            out[-1] = (out[-1][0], b, v)
        else:
            out.append((a, b, v))
    return out


def _sweep(kind: str, intervals: list[tuple[Any, Any, Any]]) -> list[tuple[Any, Any, Any]]:
    """Canonical pieces of exact-key intervals ``(a, b, value)`` (zero-length ignored)."""
    ivs = [(a, b, v) for a, b, v in intervals if a < b]
    bounds = sorted({a for a, _, _ in ivs} | {b for _, b, _ in ivs})
    segs = []
    for a, b in pairwise(bounds):
        cover = [v for s, e, v in ivs if s <= a and b <= e]
        if cover:
            value = _finish(kind, cover)
            if value is not None:
                segs.append((a, b, value))
    return _merge(kind, segs)


def _with_points(pieces: list[Any], points: list[Any]) -> list[Any]:
    """Set pieces plus the points no piece covers."""
    out = list(pieces)
    for p in sorted(set(points)):
        if not any(a <= p <= b for a, b, _ in out):
            out.append((p, p, 1))
    return sorted(out, key=lambda piece: piece[0])


def build(kind: str, intervals: list[tuple[Any, Any, Any]]) -> Steps:
    """The collection a constructor builds from ``(start, stop, value)`` intervals."""
    coords = [x for s, e, _ in intervals for x in (s, e)]
    spelling = Spelling.of(coords)
    exact = [(key(s), key(e), v) for s, e, v in intervals]
    pieces = _sweep(kind, exact)
    if kind == "set":
        pieces = _with_points(pieces, [a for a, b, v in exact if a == b and v > 0])
    return Steps(kind, pieces, spelling)


def add(a: Steps, b: Steps, times: Any = 1) -> Steps:
    """``a.update(b, times)`` for a meter or counter ``a`` (``b``: the operand's meter)."""
    scaled = [(s, e, v if times == 1 else product(v, times)) for s, e, v in b.pieces]
    bounds = sorted(a.boundaries() | {s for s, _, _ in scaled} | {e for _, e, _ in scaled})
    other = Steps(b.kind, scaled, b.spelling)
    segs = []
    for s, e in pairwise(bounds):
        cover = [v for v in (a.value_on(s, e), other.value_on(s, e)) if v is not None]
        if cover:
            value = _finish(a.kind, cover)
            if value is not None:
                segs.append((s, e, value))
    pieces = _merge(a.kind, segs)
    return Steps(a.kind, pieces, _spell_result(pieces, [a, b]))


def _spell_result(pieces: list[Any], sources: list[Steps]) -> Spelling:
    sp = Spelling.merge([(src.spelling, src.boundaries()) for src in sources])
    if not sources[0].pieces and not any(src.pieces for src in sources):
        sp.domain = sources[0].spelling.domain
    return sp


def scale(a: Steps, factor: Any, op: str) -> Steps:
    """``a * factor`` (op ``"*"``) or ``a / factor`` (``"/"``) for a meter or counter."""
    if op == "/" and factor == 0:
        raise ZeroDivisionError
    if a.kind == "counter" and (factor <= 0 if op == "*" else factor < 0):
        return Steps(a.kind, [], a.spelling)
    new = [(s, e, product(v, factor, op)) for s, e, v in a.pieces]
    if a.kind == "counter":
        new = [(s, e, int(v)) for s, e, v in new]
    return Steps(a.kind, _merge(a.kind, [p for p in new if p[2] != 0]), a.spelling)


# --------------------------------------------------------------------------- set algebra
def _cells(keys: list[Any]) -> list[tuple[str, Any, Any]]:
    """Points and open stretches between consecutive keys, in order."""
    cells: list[tuple[str, Any, Any]] = []
    for i, k in enumerate(keys):
        if i:
            cells.append(("open", keys[i - 1], k))
        cells.append(("point", k, k))
    return cells


def _member(s: Steps, cell: tuple[str, Any, Any]) -> bool:
    kind, a, b = cell
    if kind == "point":
        return any(x <= a <= y for x, y, _ in s.pieces)
    return any(x <= a and b <= y and x < y for x, y, _ in s.pieces)


def setop(a: Steps, b: Steps, op: str) -> Steps:
    """Closed-set algebra: ``or``, ``and``, ``sub`` (closure of the difference), ``xor``."""
    if op == "xor":
        left, right = setop(a, b, "sub"), setop(b, a, "sub")
        result = setop(left, right, "or")
        return Steps("set", result.pieces, _spell_result(result.pieces, [a, b]))
    keys = sorted(a.boundaries() | b.boundaries())
    cells = _cells(keys)
    ina = [_member(a, c) for c in cells]
    inb = [_member(b, c) for c in cells]
    if op == "or":
        keep = [x or y for x, y in zip(ina, inb)]
    elif op == "and":
        keep = [x and y for x, y in zip(ina, inb)]
    else:
        raw = [x and not y for x, y in zip(ina, inb)]
        keep = list(raw)
        for i, c in enumerate(cells):  # closure: a point next to a kept stretch is kept
            if c[0] == "point" and not raw[i]:
                keep[i] = (i > 0 and raw[i - 1]) or (i + 1 < len(cells) and raw[i + 1])
    pieces: list[tuple[Any, Any, Any]] = []
    start = None
    for i, c in enumerate(cells):
        if keep[i] and start is None:
            start = c[1]
        if start is not None and (not keep[i] or i == len(cells) - 1):
            last = cells[i - 1] if not keep[i] else c
            assert last[0] == "point", "closed sets end at a point"
            pieces.append((start, last[1], 1))
            start = None
    return Steps("set", pieces, _spell_result(pieces, [a, b]))


# --------------------------------------------------------------------------- statistics
def average(pairs: list[tuple[Any, Any]]) -> float | None:
    measure = sum((w for _, w in pairs), Fraction(0))
    if not measure:
        return None
    return float(sum((Fraction(v) * w for v, w in pairs), Fraction(0)) / measure)


def median(pairs: list[tuple[Any, Any]]) -> Any:
    pairs = sorted((v, w) for v, w in pairs if w)
    if not pairs:
        return None
    half = sum((w for _, w in pairs), Fraction(0)) / 2
    running = Fraction(0)
    for i, (v, w) in enumerate(pairs):
        running += w
        if running > half:
            return v
        if running == half:
            nxt = pairs[i + 1][0] if i + 1 < len(pairs) else v
            return v if nxt == v else float((Fraction(v) + Fraction(nxt)) / 2)
    return pairs[-1][0]


def mode(pairs: list[tuple[Any, Any]]) -> tuple[Any, ...]:
    by: dict[Any, Fraction] = {}
    for v, w in pairs:
        by[v] = by.get(v, Fraction(0)) + w
    best = max(by.values())
    return tuple(sorted(v for v, w in by.items() if w == best))


def regions(s: Steps, keep: Any) -> list[tuple[Any, Any]]:
    """Closed stretches where the value satisfies ``keep`` (touching ones merged)."""
    out: list[tuple[Any, Any]] = []
    for a, b, v in s.pieces:
        if keep(v):
            if out and out[-1][1] == a:
                out[-1] = (out[-1][0], b)
            else:
                out.append((a, b))
    return out


# --------------------------------------------------------------------------- discrete
@dataclass
class Lattices:
    """A discrete meter or counter: per lattice ``(step, offset)`` the value at each of
    its points (exact keys), as the library stores it; ``floaty`` says per lattice
    whether its coordinates are shown as floats."""

    kind: str
    points: dict[tuple[Any, Any], dict[Any, Any]]
    floaty: dict[tuple[Any, Any], bool]

    def value_at_key(self, k: Any) -> Any:
        found = [pts[k] for (step, offset), pts in self.points.items() if k in pts]
        if not found:
            return 0
        return found[0] if len(found) == 1 else total(found)

    def function(self) -> dict[Any, Any]:
        """The point function: every covered point with its summed value (0 dropped)."""
        keys = {k for pts in self.points.values() for k in pts}
        out = {k: self.value_at_key(k) for k in keys}
        return {k: v for k, v in out.items() if v != 0}


def exact_decimal(x: Any) -> Any:
    """A discrete coordinate's exact key: numbers as the decimals they print as."""
    if isinstance(x, datetime):
        return key(x)
    return dec(x)


def discrete_build(kind: str, intervals: list[tuple[Any, int, Any, Any]]) -> Lattices:
    """From ``(start, count, step, value)`` discrete intervals (numbers), per lattice."""
    contrib: dict[tuple[Any, Any], dict[Any, list[Any]]] = {}
    floaty: dict[tuple[Any, Any], bool] = {}
    for start, count, step, value in intervals:
        s, d = exact_decimal(start), exact_decimal(step)
        lattice = (d, s % d)
        pts = contrib.setdefault(lattice, {})
        floaty[lattice] = floaty.get(lattice, False) or type(start) is float or type(step) is float
        for i in range(count):
            pts.setdefault(s + i * d, []).append(value)
    return _lattice_values(kind, contrib, floaty)


def _lattice_values(kind: str, contrib: dict[Any, dict[Any, list[Any]]], floaty: Any) -> Lattices:
    points: dict[tuple[Any, Any], dict[Any, Any]] = {}
    for lattice, pts in contrib.items():
        kept = {}
        for k, cover in pts.items():
            v = _finish(kind, cover)
            if v is not None:
                kept[k] = v
        if kept:
            points[lattice] = kept
    return Lattices(kind, points, {t: f for t, f in floaty.items() if t in points})


def discrete_add(a: Lattices, b: Lattices, times: Any = 1) -> Lattices:
    contrib: dict[Any, dict[Any, list[Any]]] = {}
    for src, mult in ((a, 1), (b, times)):
        for lattice, pts in src.points.items():
            for k, v in pts.items():
                contrib.setdefault(lattice, {}).setdefault(k, []).append(
                    v if mult == 1 else product(v, mult)
                )
    floaty = dict(a.floaty)
    for t, f in b.floaty.items():
        floaty[t] = floaty.get(t, False) or f
    return _lattice_values(a.kind, contrib, floaty)


def discrete_runs(lat: Lattices) -> list[tuple[Any, Any, Any, Any]]:
    """Per lattice, maximal runs of consecutive points with one value (of one type):
    ``(first, last, step, value)`` sorted by first point, then step."""
    out = []
    for (step, _), pts in lat.points.items():
        run = None
        for k in sorted(pts):
            v = pts[k]
            if run and run[1] + step == k and same(run[3], v):
                run = (run[0], k, step, run[3])
            else:
                if run:
                    out.append(run)
                run = (k, k, step, v)
        if run:
            out.append(run)
    return sorted(out, key=lambda r: (r[0], r[1], r[2]))
