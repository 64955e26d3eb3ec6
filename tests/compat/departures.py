"""The departure table: every intentional difference from 0.4.0 and the calls it excuses.

Rows come from ``/work/shared/DEPARTURES.md`` (W1-W20) and ``docs/compatibility.md``
(ids ``C-...``). A row excuses a difference either because the call carries the row's
tag (calls written to show that departure) or because its predicate recognises the
exact kind of difference (for departures that show up everywhere, such as int sums
printing ``1`` where 0.4.0 printed ``1.0``). Predicates are deliberately narrow: each
checks that *only* the documented aspect differs. Anything else is a gap or
unexplained.
"""

from __future__ import annotations

import json
import math
import re
from collections.abc import Callable
from dataclasses import dataclass, field
from itertools import pairwise
from typing import Any

Outcome = dict[str, Any]


@dataclass(frozen=True)
class Departure:
    id: str
    source: str
    summary: str
    tags: frozenset[str] = field(default_factory=frozenset)
    predicate: Callable[[Any, Outcome, Outcome], bool] | None = None

    def excuses(self, call: Any, old: Outcome, new: Outcome) -> bool:
        if self.tags & call.tags:
            return True
        return self.predicate is not None and self.predicate(call, old, new)


# ---------------------------------------------------------------- helpers


def _norm13(x: Any) -> Any:
    """Fingerprint with integral floats read as ints, bags re-sorted."""
    if isinstance(x, list):
        if len(x) == 2 and x[0] == "float" and isinstance(x[1], str):
            try:
                f = float(x[1])
            except ValueError:
                return x
            if math.isfinite(f) and f.is_integer():
                return ["int", str(int(f))]
            return x
        if len(x) == 2 and x[0] == "bag" and isinstance(x[1], list):
            items = [_norm13(i) for i in x[1]]
            return ["bag", sorted(items, key=lambda i: json.dumps(i, sort_keys=True))]
        return [_norm13(i) for i in x]
    return x


_FLOAT_INT = re.compile(r"(?<![\w.])(-?\d+)\.0(?![\d.eE])")
_BRACES = re.compile(r"\{([^{}]*)\}")


def strip13(text: str) -> str:
    return _FLOAT_INT.sub(r"\1", text)


def sorted_pieces(text: str) -> str:
    """Sort the pieces listed inside every innermost ``{...}`` of a repr."""

    def sort_inner(m: re.Match[str]) -> str:
        parts = re.split(r", (?=Base|Empty)", m.group(1))
        return "{" + ", ".join(sorted(parts)) + "}"

    return _BRACES.sub(sort_inner, text)


def both_ok(old: Outcome, new: Outcome) -> bool:
    return bool(old.get("ok")) and bool(new.get("ok"))


def _types_match(old: Outcome, new: Outcome) -> bool:
    return old["type"] == new["type"] or (old["type"], new["type"]) == ("float", "int")


def representation_only(old: Outcome, new: Outcome) -> list[str] | None:
    """The departures that explain a difference in spelling only, or None.

    W13: an integral float where we give an int. C-SETORDER: set pieces listed in
    another order. W6: meter pieces listed in another order.
    """
    if not both_ok(old, new) or not _types_match(old, new):
        return None
    if _norm13(old["fp"]) != _norm13(new["fp"]):
        return None
    ids = [] if old["fp"] == new["fp"] and old["type"] == new["type"] else ["W13"]
    ro, rn = old["repr"], new["repr"]
    if ro == rn:
        return ids
    if strip13(ro) == strip13(rn):
        return sorted({*ids, "W13"})
    for a, b in ((ro, rn), (old["crepr"], new["crepr"])):
        if sorted_pieces(strip13(a)) == sorted_pieces(strip13(b)):
            order = "C-SETORDER" if "IntervalSet:" in ro else "W6"
            extra = [] if sorted_pieces(a) == sorted_pieces(b) else ["W13"]
            return sorted({*ids, *extra, order})
    return None


# ---- value functions: what a meter/counter/set means, whatever its spelling


def _num(x: Any) -> float | None:
    if isinstance(x, list) and len(x) == 2 and x[0] in ("int", "float"):
        return float(x[1])
    return None


def _pieces(fp: Any) -> list[tuple[list[Any], float]] | None:
    """(interval fingerprint, weight) pairs of a meter-like or set fingerprint."""
    if not (isinstance(fp, list) and fp and fp[0] == "coll") or fp[2][0] != "bag":
        return None
    out = []
    for item in fp[2][1]:
        if item and item[0] == "iv":
            out.append((item, 1.0))
        else:
            key, weight = item
            w = _num(weight)
            if w is None:
                return None
            out.append((key, w))
    return out


def _function(pieces: list[tuple[list[Any], float]]) -> dict[Any, float] | None:
    """Numeric pieces as {point or (a, b) elementary segment: summed weight}."""
    cont = [(p, w) for p, w in pieces if p[1] == "BaseInterval"]
    disc = [(p, w) for p, w in pieces if p[1] == "BaseDiscreteInterval"]
    out: dict[Any, float] = {}
    total = 0
    for p, w in disc:
        start, step, count = _num(p[3]), _num(p[6]), _num(p[7])
        if start is None or step is None or count is None:
            return None
        total += int(count)
        if total > 20000:
            return None
        for i in range(int(count)):
            pt = round(start + i * step, 9)
            out[pt] = out.get(pt, 0.0) + w
    bounds = []
    for p, _ in cont:
        a, b = _num(p[3]), _num(p[4])
        if a is None or b is None:
            return None
        bounds += [a, b]
    cuts = sorted(set(bounds))
    for a, b in pairwise(cuts):
        mid = (a + b) / 2
        v = sum(w for p, w in cont if _num(p[3]) <= mid <= _num(p[4]))  # type: ignore[operator]
        if v:
            out[(a, b)] = v
    return {k: v for k, v in out.items() if v}


def _close(f: dict[Any, float], g: dict[Any, float], rel: float) -> bool:
    if set(f) != set(g):
        return False
    return all(abs(f[k] - g[k]) <= rel * max(1.0, abs(f[k]), abs(g[k])) for k in f)


def _merged_function(
    old: Outcome, new: Outcome
) -> tuple[dict[Any, float], dict[Any, float]] | None:
    if not both_ok(old, new) or old["type"] != new["type"]:
        return None
    if old["type"] not in ("IntervalMeter", "IntervalCounter", "IntervalPdf"):
        return None
    po, pn = _pieces(old["fp"]), _pieces(new["fp"])
    if po is None or pn is None:
        return None
    fo, fn = _function(po), _function(pn)
    if fo is None or fn is None:
        return None
    # compare on the common refinement: split segments at every breakpoint of both
    return _refine(fo, fn), _refine(fn, fo)


def _refine(f: dict[Any, float], other: dict[Any, float]) -> dict[Any, float]:
    cuts = sorted(
        {k[0] for k in (*f, *other) if isinstance(k, tuple)}
        | {k[1] for k in (*f, *other) if isinstance(k, tuple)}
    )
    out: dict[Any, float] = {k: v for k, v in f.items() if not isinstance(k, tuple)}
    segs = [(k, v) for k, v in f.items() if isinstance(k, tuple)]
    for a, b in pairwise(cuts):
        mid = (a + b) / 2
        for (s, e), v in segs:
            if s <= mid <= e:
                out[(a, b)] = v
                break
    return out


def same_step_function(call: Any, old: Outcome, new: Outcome) -> bool:
    """W6: the same step function spelled with other pieces (exact values)."""
    pair = _merged_function(old, new)
    return pair is not None and pair[0] == pair[1] and representation_only(old, new) is None


def float_residue_only(call: Any, old: Outcome, new: Outcome) -> bool:
    """W12: the same step function up to float rounding of sums (residues, near-ties)."""
    pair = _merged_function(old, new)
    if pair is None or pair[0] == pair[1]:
        return False
    fo, fn = pair
    if not any(not float(v).is_integer() for v in (*fo.values(), *fn.values())):
        # residue-only differences always involve a non-integral float somewhere
        tiny = {k for k, v in fo.items() if abs(v) < 1e-9} | {
            k for k, v in fn.items() if abs(v) < 1e-9
        }
        if not tiny:
            return False
    fo = {k: v for k, v in fo.items() if abs(v) >= 1e-9}
    fn = {k: v for k, v in fn.items() if abs(v) >= 1e-9}
    return _close(fo, fn, 1e-9)


def zero_pieces_dropped(call: Any, old: Outcome, new: Outcome) -> bool:
    """W11: 0.4.0 stored zero-valued (or zero-length) meter/counter pieces we drop."""
    if not both_ok(old, new) or old["type"] != new["type"]:
        return False
    if old["type"] not in ("IntervalMeter", "IntervalCounter"):
        return False
    po, pn = _pieces(old["fp"]), _pieces(new["fp"])
    if po is None or pn is None:
        return False

    def keep(p: list[Any], w: float) -> bool:
        zero_length = p[1] == "BaseInterval" and p[3] == p[4]
        return w != 0 and not zero_length

    kept = [(json.dumps(_norm13(p)), w) for p, w in po if keep(p, w)]
    if len(kept) == len(po):
        return False
    ours = [(json.dumps(_norm13(p)), w) for p, w in pn]
    return sorted(kept) == sorted(ours)


def bad_exception_type(call: Any, old: Outcome, new: Outcome) -> bool:
    """W15: 0.4.0 failed with AttributeError/IndexError/recursion/a hang; we raise a
    TypeError or ValueError."""
    if old.get("ok") or new.get("ok"):
        return False
    wrong = {"AttributeError", "IndexError", "RecursionError", "Timeout"}
    return old["exc"] in wrong and bool({"TypeError", "ValueError"} & set(new["mro"]))


def invalid_type_error(call: Any, old: Outcome, new: Outcome) -> bool:
    """W15: InvalidTypeError (TypeError and ValueError) where 0.4.0 raised ValueError,
    with 0.4.0's message contained in ours."""
    return (
        not old.get("ok")
        and not new.get("ok")
        and old["exc"] == "ValueError"
        and new["exc"] == "InvalidTypeError"
        and old["msg"] in new["msg"]
    )


def discrete_continuous_refused(call: Any, old: Outcome, new: Outcome) -> bool:
    """W8: 0.4.0 silently merged discrete with continuous input; we raise TypeError."""
    return (
        bool(old.get("ok"))
        and not new.get("ok")
        and "TypeError" in new["mro"]
        and "discrete" in new["msg"]
        and "continuous" in new["msg"]
    )


# ---- departures of issue 15 and issue 14 items 3-4 (docs/compatibility.md)

_LITERAL = re.compile(r"\bBI\(\s*([-\d.e+]+)\s*,\s*([-\d.e+]+)\s*(?:,\s*([-\d.e+]+)\s*)?\)")
_SET_POINT = re.compile(r"^BaseInterval\[([^;\[\]]+);\1\]$")


def _point_literal(src: str) -> bool:
    """Whether the source writes a zero-length interval with a positive value."""
    for a, b, w in _LITERAL.findall(src):
        try:
            if float(a) == float(b) and (not w or float(w) > 0):
                return True
        except ValueError:
            continue
    return False


def _without_points(text: str) -> str:
    """A set repr with its one-point pieces ``[x;x]`` left out."""

    def drop(m: re.Match[str]) -> str:
        parts = [p for p in re.split(r", (?=Base|Empty)", m.group(1)) if p]
        return "{" + ", ".join(p for p in parts if not _SET_POINT.match(p)) + "}"

    return _BRACES.sub(drop, text)


def set_points_kept(call: Any, old: Outcome, new: Outcome) -> bool:
    """C-POINTS: a set keeps the point ``[x;x]`` of a zero-length interval with a
    positive value where 0.4.0 dropped it (list constructor, ``+``, ``|``, ``^``; 0.4.0
    kept it from one interval and from ``&``): without our points, 0.4.0's set (or
    0.4.0 failed with an AttributeError on the point)."""
    if not (new.get("ok") and new["type"] == "IntervalSet" and _point_literal(call.src)):
        return False
    ours = _without_points(new["crepr"])
    if ours == new["crepr"]:
        return False
    if not old.get("ok"):
        return old["exc"] == "AttributeError" and ours == "IntervalSet:{}"
    if old["type"] != "IntervalSet":
        return False
    return sorted_pieces(strip13(old["crepr"])) == sorted_pieces(strip13(ours))


_AWARE_TEXT = re.compile(r"(\d{4}-\d\d-\d\d \d\d:\d\d:\d\d(?:\.\d+)?[+-]\d\d:\d\d)")


def _instants(text: str) -> str:
    """Aware datetimes of a repr written as their UTC instants."""
    from datetime import datetime, timezone

    def utc(m: re.Match[str]) -> str:
        return datetime.fromisoformat(m.group(1)).astimezone(timezone.utc).isoformat()

    return _AWARE_TEXT.sub(utc, text)


def zone_per_boundary(call: Any, old: Outcome, new: Outcome) -> bool:
    """C-ZONES: every boundary is shown in its own zone, order-independently (where zones
    meet at one instant, the first by name; 0.4.0 kept whichever came first): the same
    instants and pieces, only the zones they are shown in differ. The order-independence
    check itself (``repr(a) == repr(b)`` for two input orders) is True where 0.4.0's is
    False."""
    if "tz.zones" not in call.tags or not both_ok(old, new):
        return False
    if old["type"] == new["type"] == "bool" and "repr(" in call.src:
        return (old["repr"], new["repr"]) == ("False", "True")
    if old["type"] != new["type"] or old["type"] not in ("IntervalSet", "IntervalMeter"):
        return False
    a, b = strip13(_instants(old["crepr"])), strip13(_instants(new["crepr"]))
    return sorted_pieces(a) == sorted_pieces(b)


_STATISTICS = re.compile(
    r"\.(maximum_value|minimum_value|average_value|median_value|mode_value|"
    r"regions_at_least|regions_below|support)\b"
)
_STEPS = re.compile(r"step=([-\d.e+]+)")


def lattices_point_wise(call: Any, old: Outcome, new: Outcome) -> bool:
    """C-LATTICES (issue 15 item 2): a discrete meter's statistics and regions follow its
    point-wise function, overlapping lattices of different steps summed at shared
    points (0.4.0 looked at each lattice alone)."""
    if "coll.unary.dc" not in call.tags or not both_ok(old, new):
        return False
    if not _STATISTICS.search(call.src) or "BDI(" not in call.src:
        return False
    steps = set()
    for args in re.findall(r"\bBDI\(([^()]*)\)", call.src):
        found = _STEPS.search(args)
        steps.add(float(found.group(1)) if found else 1.0)  # no step=: step 1
    return len(steps) > 1 and old["type"] in (new["type"], "int", "float")


DEPARTURES: list[Departure] = [
    Departure("W1", "DEPARTURES.md", "discrete meters/counters add per lattice", frozenset({"W1"})),
    Departure(
        "W2", "DEPARTURES.md", "exact accelerator; nr_digits rounds or is None", frozenset({"W2"})
    ),
    Departure("W3", "DEPARTURES.md", "accelerator never slower (speed only: excuses no call)"),
    Departure("W4", "DEPARTURES.md", "O(log n) lookups and updates (speed only: excuses no call)"),
    Departure(
        "W5", "DEPARTURES.md", "counter - interval subtracts geometrically", frozenset({"W5"})
    ),
    Departure(
        "W6",
        "DEPARTURES.md",
        "one canonical form (sorted, merged, zero pieces dropped); left value at a boundary",
        frozenset({"W6"}),
        same_step_function,
    ),
    Departure("W7", "DEPARTURES.md", "binary operators honour both operands", frozenset({"W7"})),
    Departure(
        "W8",
        "DEPARTURES.md",
        "discrete + continuous raises TypeError",
        frozenset({"W8"}),
        discrete_continuous_refused,
    ),
    Departure("W9", "DEPARTURES.md", "lists keep every record", frozenset({"W9"})),
    Departure(
        "W10", "DEPARTURES.md", "any iterable and (start, stop[, value]) tuples", frozenset({"W10"})
    ),
    Departure(
        "W11",
        "DEPARTURES.md",
        "one constructor rule; zero pieces never stored",
        frozenset({"W11"}),
        zero_pieces_dropped,
    ),
    Departure(
        "W12",
        "DEPARTURES.md",
        "exact decimal sums: no float residues, near-equal neighbours merge",
        frozenset({"W12"}),
        float_residue_only,
    ),
    Departure("W13", "DEPARTURES.md", "int sums stay int (1, not 1.0)", frozenset({"W13"})),
    Departure("W14", "DEPARTURES.md", "x - x is empty", frozenset({"W14"})),
    Departure(
        "W15",
        "DEPARTURES.md",
        "clear TypeError/ValueError for bad input, never IndexError/AttributeError",
        frozenset({"W15"}),
        bad_exception_type,
    ),
    Departure(
        "W15-ITE",
        "docs/compatibility.md",
        "InvalidTypeError (TypeError and ValueError) where 0.4.0 raised ValueError "
        "(excuses no call until our messages contain 0.4.0's text: see the wording gaps)",
        frozenset(),
        invalid_type_error,
    ),
    Departure("W16", "DEPARTURES.md", "closed semantics kept (excuses no call)"),
    Departure(
        "W17", "DEPARTURES.md", "collections never hold the caller's objects", frozenset({"W17"})
    ),
    Departure("W18", "DEPARTURES.md", "value equality for pmf and maps", frozenset({"W18"})),
    Departure(
        "W19",
        "DEPARTURES.md",
        "exact decimal float steps; tolerance relative to step",
        frozenset({"W19"}),
    ),
    Departure("W20", "DEPARTURES.md", "m[iv] kept (excuses no call)"),
    Departure(
        "C-SETORDER",
        "docs/compatibility.md",
        "sets list their pieces in sorted order",
    ),
    Departure(
        "C-POINTS",
        "docs/compatibility.md",
        "sets keep zero-length intervals as points [x;x], one rule everywhere (issue 14.3)",
        frozenset(),
        set_points_kept,
    ),
    Departure(
        "C-ZONES",
        "docs/compatibility.md",
        "each boundary shown in its own zone, independent of input order (issue 14.4, 15.8)",
        frozenset(),
        zone_per_boundary,
    ),
    Departure(
        "C-LATTICES",
        "docs/compatibility.md",
        "discrete statistics and regions sum overlapping lattices point-wise (issue 15.2)",
        frozenset(),
        lattices_point_wise,
    ),
]


def explain(call: Any, old: Outcome, new: Outcome) -> list[str]:
    """Ids of the departures that excuse this difference (empty: none does)."""
    spelled = representation_only(old, new)
    if spelled is not None and spelled:
        return spelled
    return [row.id for row in DEPARTURES if row.excuses(call, old, new)]
