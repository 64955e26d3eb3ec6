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

import ast
import json
import math
import re
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import datetime, timedelta
from itertools import pairwise
from typing import Any

from . import oracle

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


def quoted_repr_only(old: Outcome, new: Outcome) -> list[str] | None:
    """An error whose message quotes an operand's repr: the same class (or
    InvalidTypeError for ValueError) and 0.4.0's text once the quoted repr is read with
    W13 (``1`` for ``1.0``) and C-SETORDER (set pieces sorted)."""
    if old.get("ok") or new.get("ok") or old["msg"] in new["msg"]:
        return None
    if old["exc"] != new["exc"] and (old["exc"], new["exc"]) != ("ValueError", "InvalidTypeError"):
        return None
    ids = []
    a, b = old["msg"], new["msg"]
    if strip13(a) != a:
        ids.append("W13")
        a, b = strip13(a), strip13(b)
    if a not in b:
        a, b = sorted_pieces(a), sorted_pieces(b)
        ids.append("C-SETORDER")
    if a not in b:
        return None
    if old["exc"] != new["exc"]:
        ids.append("W15-ITE")
    return ids


def _printed_repr_only(a: str, b: str) -> list[str] | None:
    """``repr(x)``/``str(x)`` returned as a string: the same text once read with W13
    (``1`` for ``1.0``) and with pieces sorted (C-SETORDER for sets, W6 for meters)."""
    if a == b:
        return None
    ids = []
    if strip13(a) != a or strip13(b) != b:
        a, b = strip13(a), strip13(b)
        ids.append("W13")
    if a != b:
        a, b = sorted_pieces(a), sorted_pieces(b)
        ids.append("C-SETORDER" if "IntervalSet:" in a else "W6")
    return ids if a == b else None


def representation_only(old: Outcome, new: Outcome) -> list[str] | None:
    """The departures that explain a difference in spelling only, or None.

    W13: an integral float where we give an int. C-SETORDER: set pieces listed in
    another order. W6: meter pieces listed in another order.
    """
    if not old.get("ok") and not new.get("ok"):
        return quoted_repr_only(old, new)
    if both_ok(old, new) and old["type"] == new["type"] == "str":
        return _printed_repr_only(old["fp"][1], new["fp"][1])
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


def _datetime_run(p: list[Any]) -> tuple[datetime, timedelta] | None:
    """(first point, step) of a datetime discrete run's fingerprint, else None."""
    start, step = p[3], p[6]
    if not (isinstance(start, list) and start[0] == "datetime"):
        return None
    if not (isinstance(step, list) and step[0] == "timedelta"):
        return None
    first = datetime.fromisoformat(start[1])
    return first, timedelta(days=step[1], seconds=step[2], microseconds=step[3])


def _function(pieces: list[tuple[list[Any], float]]) -> dict[Any, float] | None:
    """Numeric pieces as {point or (a, b) elementary segment: summed weight}."""
    cont = [(p, w) for p, w in pieces if p[1] == "BaseInterval"]
    disc = [(p, w) for p, w in pieces if p[1] == "BaseDiscreteInterval"]
    out: dict[Any, float] = {}
    total = 0
    for p, w in disc:
        start, step, count = _num(p[3]), _num(p[6]), _num(p[7])
        when = _datetime_run(p)
        if ((start is None or step is None) and when is None) or count is None:
            return None
        total += int(count)
        if total > 20000:
            return None
        for i in range(int(count)):
            pt = (when[0] + i * when[1]).isoformat() if when else round(start + i * step, 9)  # type: ignore[operator]
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


def same_discrete_points(call: Any, old: Outcome, new: Outcome) -> bool:
    """W6: a discrete set holding the same points in canonical runs, where 0.4.0 kept
    the history's runs (it split datetime runs into single points)."""
    if not (both_ok(old, new) and old["type"] == new["type"] == "IntervalSet"):
        return False
    po, pn = _pieces(old["fp"]), _pieces(new["fp"])
    if not po or not pn or old["fp"] == new["fp"]:
        return False
    if any(p[1] != "BaseDiscreteInterval" for p, _ in (*po, *pn)):
        return False
    fo, fn = _function(po), _function(pn)
    return fo is not None and fo == fn and len(pn) < len(po)


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


#: messages Python itself wrote while 0.4.0 worked on a bad input (no intervalues type
#: named in them: an operator refused *on* an interval keeps 0.4.0's text, decision 1)
_BUILTIN_TYPES = r"'(?:int|float|str|bool|NoneType|datetime\.(?:datetime|timedelta))'"
_INTERNAL = re.compile(
    r"^(?:'[<>]=?' not supported between instances of "
    + _BUILTIN_TYPES
    + " and "
    + _BUILTIN_TYPES
    + r"|can only concatenate str \(not \"(?:int|float|bool|NoneType)\"\) to str"
    + r"|unsupported operand type\(s\) for [-+*/]+: "
    + _BUILTIN_TYPES
    + " and "
    + _BUILTIN_TYPES
    + r"|cannot convert float (?:infinity|NaN) to integer)$"
)


def internal_error_replaced(call: Any, old: Outcome, new: Outcome) -> bool:
    """W15: 0.4.0 failed inside Python's own arithmetic or comparisons on a bad input
    (a str factor, a datetime queried in a numeric run, an infinite bound) and the
    message was Python's; we refuse the input with our own message, as a TypeError where
    0.4.0's was one (``except TypeError`` keeps working), else a ValueError."""
    if old.get("ok") or new.get("ok") or not _INTERNAL.match(old["msg"]):
        return False
    want = "TypeError" if old["exc"] == "TypeError" else "ValueError"
    return old["exc"] in ("TypeError", "OverflowError", "ValueError") and want in new["mro"]


_INFINITE_VALUE = re.compile(
    r"^Interval(Pdf|Pmf)\(\[?B(D?)I\((?:[^,()]+, [^,()]+, |.*value=)float\('inf'\)\)\]?\)$"
)


def infinite_value_refused_by_the_interval(call: Any, old: Outcome, new: Outcome) -> bool:
    """W15: an infinite *value* is refused by the interval itself (``BI(0, 1, inf)``),
    before the pdf/pmf constructor that 0.4.0 let judge it; both raise ValueError."""
    return (
        not old.get("ok")
        and not new.get("ok")
        and old["exc"] == new["exc"] == "ValueError"
        and "weights must be finite and non-negative" in old["msg"]
        and new["msg"].startswith("value must be finite")
        and bool(_INFINITE_VALUE.match(call.src.strip()))
    )


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
    0.4.0 failed with an AttributeError on the point); and what follows from the point
    (comparisons, ``issubset``, membership, ``x[p]`` of such sets)."""
    if (
        both_ok(old, new)
        and old["type"] == new["type"]
        and new["type"] in ("tuple", "bool")
        and "IntervalSet(" in call.src
        and _point_literal(call.src)
    ):
        return True  # a comparison, membership or size of sets that hold such a point
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


_COLLECTIONS = ("IntervalSet", "IntervalMeter", "IntervalCounter", "IntervalList")
_ZONE_NAME = re.compile(r"key='([^']+)'")


def _fp_map(fp: Any, f: Any) -> Any:
    """A fingerprint with ``f`` applied to every datetime entry."""
    if isinstance(fp, list):
        if fp and fp[0] == "datetime":
            return f(fp)
        return [_fp_map(x, f) for x in fp]
    return fp


def _no_fold(dt: list[Any]) -> list[Any]:
    return dt[:3]


def _whole(fp: Any) -> Any:
    """A fingerprint with whole floats written as ints (W13: int sums stay ints)."""
    if isinstance(fp, list):
        if len(fp) == 2 and fp[0] == "float" and fp[1].endswith(".0") and "e" not in fp[1]:
            return ["int", fp[1][:-2]]
        return [_whole(x) for x in fp]
    return fp


def _instant(dt: list[Any]) -> list[Any]:
    from datetime import datetime, timezone

    moment = datetime.fromisoformat(dt[1])
    return ["datetime", moment.astimezone(timezone.utc).isoformat() if dt[2] else dt[1]]


def _zone_names(text: str) -> set[str]:
    return set(_ZONE_NAME.findall(text))


def _fold_only(old: Outcome, new: Outcome) -> bool:
    if old["type"] != new["type"] or old["type"] not in _COLLECTIONS:
        return False
    if "fp" not in old or "fp" not in new or old["fp"] == new["fp"]:
        return False
    return bool(_whole(_fp_map(old["fp"], _no_fold)) == _whole(_fp_map(new["fp"], _no_fold)))


def zone_per_boundary(call: Any, old: Outcome, new: Outcome) -> bool:
    """C-ZONES: every boundary is shown in its own zone, order-independently (where zones
    meet at one instant, the first by name; 0.4.0 kept whichever came first): the same
    instants and pieces, only the zones they are shown in differ. The order-independence
    check itself (``repr(a) == repr(b)`` for two input orders) is True where 0.4.0's is
    False."""
    if not both_ok(old, new):
        return False
    # a collection stores instants: each boundary comes back as Python's datetime for
    # its instant and zone (fold 0), where 0.4.0 kept the caller's fold=1 object
    if _fold_only(old, new):
        return True
    if "tz.zones" not in call.tags:
        return False
    if old["type"] == new["type"] == "tuple" and "fp" in old and "fp" in new:  # bounds
        return _fp_map(old["fp"], _instant) == _fp_map(new["fp"], _instant)
    if old["type"] == new["type"] == "list" and ".tzinfo" in call.src:
        # the zones of boundaries: where zones meet at one instant ours is the first by
        # name, 0.4.0's the one seen first; the same boundaries in zones of the input
        return len(old["repr"]) > 2 and _zone_names(new["repr"]) <= _zone_names(old["repr"])
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


_POINT_QUERY = re.compile(r"\[BI\(([^,()]+), \1\)\]$")


def boundary_point_query(call: Any, old: Outcome, new: Outcome) -> bool:
    """W6: ``m[BI(x, x)]`` where pieces meet at ``x``: 0.4.0 summed every piece holding
    the point, we give the left piece's value, as for ``m[x]``."""
    last = call.src.strip().splitlines()[-1]
    return (
        both_ok(old, new)
        and bool(_POINT_QUERY.search(last))
        and old["type"] in ("int", "float")
        and new["type"] in ("int", "float")
    )


_ZERO_VALUED = re.compile(r"^Base(Discrete)?Interval\[[^\]]*;-?0(\.0)?\]$")


def zero_interval_is_empty(call: Any, old: Outcome, new: Outcome) -> bool:
    """W14: where 0.4.0 returned a zero-valued interval (``x - x``, ``x + (-x)``) we
    return ``EmptyInterval()``."""
    return (
        both_ok(old, new)
        and old["type"] in ("BaseInterval", "BaseDiscreteInterval")
        and bool(_ZERO_VALUED.match(old["repr"]))
        and new["type"] == "BaseInterval"
        and new["repr"] == "EmptyInterval[0;0]"
    )


_NUMBER_TIMES = re.compile(
    r"unsupported operand type\(s\) for \*=?: '(int|float)' and 'Interval\w+'"
)


def number_times_collection(call: Any, old: Outcome, new: Outcome) -> bool:
    """C-RMUL: ``2 * collection`` works like ``collection * 2`` (0.4.0 had no
    ``__rmul__`` on collections and raised TypeError)."""
    return (
        not old.get("ok")
        and bool(new.get("ok"))
        and old["exc"] == "TypeError"
        and bool(_NUMBER_TIMES.search(old["msg"]))
        and new["type"].startswith("Interval")
    )


# ---- W15 / W1: inputs 0.4.0 accepted silently or swept wrongly

#: call sources that feed 0.4.0 a value W15 refuses: a str, bool, complex or NaN value or
#: bound, a str lookup, a non-interval record, a 4-element interval, a bare number as data
_W15_INPUTS = re.compile(
    r"BI\([^()]*(?:'a'|\bTrue\b|1 \+ 2j|float\('nan'\))"
    r"|\[\s*'a'\s*\]"
    r"|BI\(\[-?\d+, -?\d+, -?\d+, -?\d+\]\)"
    r"|^Interval\w+\(\d+\)$"
)
_DATETIME = re.compile(r"\bT0\b|datetime\(")
_NUMERIC_BI = re.compile(r"BI\(-?\d")


def refused_bad_input(call: Any, old: Outcome, new: Outcome) -> bool:
    """W15: 0.4.0 accepted a bad value (or mixed numbers with datetimes into one
    collection) and returned something; we raise TypeError/ValueError."""
    if not old.get("ok") or new.get("ok"):
        return False
    if not {"TypeError", "ValueError"} & set(new["mro"]):
        return False
    src = call.src.strip()
    if any(_W15_INPUTS.search(line) for line in src.splitlines()):
        return True
    mixed = bool(_DATETIME.search(src)) and bool(_NUMERIC_BI.search(src))
    return mixed and new["exc"] == "TypeError"


_CONTINUOUS_PIECE = re.compile(r"\bBaseInterval\[")


def discrete_swept_as_continuous(call: Any, old: Outcome, new: Outcome) -> bool:
    """W1: 0.4.0 swept discrete intervals with the continuous rule (continuous pieces
    out of discrete input only); we give the discrete answer, or refuse the continuous
    combiner (``combine_intervals_meter`` of discrete intervals) with a TypeError."""
    src = call.src
    if "BDI(" not in src or "BI(" in src.replace("BDI(", "") or not old.get("ok"):
        return False
    if not _CONTINUOUS_PIECE.search(old["repr"]):
        return False
    if not new.get("ok"):
        return new["exc"] == "TypeError" and "combine_intervals_" in src
    return not _CONTINUOUS_PIECE.search(new["repr"])


def _accepted_where(old: Outcome, new: Outcome, exc: str, pattern: str) -> bool:
    """0.4.0 raised ``exc`` with a message matching ``pattern``; we answered."""
    return (
        not old.get("ok")
        and bool(new.get("ok"))
        and old["exc"] == exc
        and bool(re.search(pattern, old["msg"]))
    )


def extension_keyword(call: Any, old: Outcome, new: Outcome) -> bool:
    """C-EXTENSIONS: an added keyword (``use_rust``/``nr_digits`` on counters, sets, pdfs)
    that 0.4.0 did not take."""
    return _accepted_where(
        old, new, "TypeError", r"unexpected keyword argument '(use_rust|nr_digits)'"
    )


def counter_methods_on_floats(call: Any, old: Outcome, new: Outcome) -> bool:
    """W13: ``elements()`` works on meters whose weights 0.4.0 made floats; and
    ``combine_via_rust`` of int-valued intervals takes the int entry point, where 0.4.0's
    default weight ``1.0`` sent them to ``combine_intervals_float`` (a spy on the float
    entry sees no call from us)."""
    if "patched(ci, 'combine_intervals_float'" in call.src and both_ok(old, new):
        return new["repr"].endswith(", [])") and ", 1.0)" in old["repr"]
    return "elements()" in call.src and _accepted_where(
        old, new, "TypeError", r"'float' object cannot be interpreted as an integer"
    )


def floats_through_the_accelerator(call: Any, old: Outcome, new: Outcome) -> bool:
    """W2: the accelerator takes float coordinates and values (0.4.0's integer entry
    point raised TypeError for them)."""
    return ("combine_via_rust(" in call.src or "use_rust=True" in call.src) and _accepted_where(
        old, new, "TypeError", r"'float' object cannot be interpreted as an integer"
    )


def exact_sums_no_overflow_no_residue(call: Any, old: Outcome, new: Outcome) -> bool:
    """W12: 0.4.0's float sums overflowed (weights near 1e308) or left a negative residue
    (-1.1e-16) that its pdf then refused; exact sums give the density."""
    if "1e308" in call.src:
        return _accepted_where(old, new, "ValueError", r"must (have finite|be finite)")
    no_negative_literal = not re.search(r"[(,]\s*-\d", call.src)
    return no_negative_literal and _accepted_where(
        old, new, "ValueError", r"^IntervalPdf weights must be finite and non-negative$"
    )


def interval_operand_honoured(call: Any, old: Outcome, new: Outcome) -> bool:
    """W7: ``set & interval`` (and ``&=``) honours the interval; 0.4.0 crashed with
    AttributeError."""
    return _accepted_where(
        old, new, "AttributeError", r"'BaseInterval' object has no attribute 'data'"
    )


def any_iterable(call: Any, old: Outcome, new: Outcome) -> bool:
    """W10: a generator works where 0.4.0 wanted a sequence; a ``(start, stop)`` tuple
    works where 0.4.0 wanted a BaseInterval."""
    if re.search(r"\(\([-\d.]+, [-\d.]+(, [-\d.]+)?\)\)", call.src) and _accepted_where(
        old, new, "TypeError", r"^interval must be a BaseInterval$"
    ):
        return True
    return " for " in call.src and _accepted_where(
        old, new, "TypeError", r"requires (discrete|continuous) intervals$"
    )


_ONE_PIECE = {
    ("tuple: (False, True)", "tuple: (True, True)"),
    ("int: 2", "int: 1"),
    ("bool: False", "bool: True"),
}


def discrete_one_piece_symmetric(call: Any, old: Outcome, new: Outcome) -> bool:
    """C-ONEPIECE: a one-piece collection and its discrete interval are equal both ways
    (0.4.0: ``collection == interval`` but not ``interval == collection``), so a set
    holds one of them."""
    if "BDI(" not in call.src:
        return False
    last = call.src.strip().splitlines()[-1]
    one_piece = call.id.startswith("coll.one|") or bool(
        re.fullmatch(r"x == Interval(Meter|Counter|Set|List)\(x\)", last)
    )
    return one_piece and (_summary(old), _summary(new)) in _ONE_PIECE


def _summary(outcome: Outcome) -> str:
    return f"{outcome['type']}: {outcome['repr']}" if outcome.get("ok") else ""


_NUMBER = re.compile(r"(?<![\w.])-?\d+(?:\.\d+)?(?:e[-+]?\d+)?(?![\w.])")


def _rounded_numbers(text: str, digits: int) -> str:
    return _NUMBER.sub(lambda m: format(float(m.group(0)), f".{digits}g"), text)


def _same_up_to_last_digits(old: Outcome, new: Outcome) -> bool:
    if not both_ok(old, new) or not _types_match(old, new) or old["repr"] == new["repr"]:
        return False
    return _rounded_numbers(old["repr"], 12) == _rounded_numbers(new["repr"], 12)


def decimal_float_steps(call: Any, old: Outcome, new: Outcome) -> bool:
    """W19: points of a float step are exact decimals (``0.3``, not
    ``0.30000000000000004``); ``0`` where 0.4.0 printed ``0.0``."""
    return bool(re.search(r"step=\d*\.\d", call.src)) and _same_up_to_last_digits(old, new)


def exact_totals(call: Any, old: Outcome, new: Outcome) -> bool:
    """W12: a meter's total length is the exact sum (floats read as decimals), rounded
    once; 0.4.0's float sum differed in the last digits."""
    return (
        "IntervalMeter(" in call.src
        and bool(re.search(r"total_length\(|get_length\(|integrate\(", call.src))
        and _same_up_to_last_digits(old, new)
    )


def value_equality(call: Any, old: Outcome, new: Outcome) -> bool:
    """W18: two pmfs or maps built alike compare equal (0.4.0 compared identity)."""
    last = call.src.strip().splitlines()[-1]
    left, sep, right = last.partition(" == ")
    return (
        bool(sep)
        and left == right
        and (left.startswith(("IntervalPmf(", "IntervalMap(")) or left.endswith(".snapshot()"))
        and (_summary(old), _summary(new)) == ("bool: False", "bool: True")
    )


_RUN = re.compile(r"BaseDiscreteInterval\[([^;\[\]]+);([^;\[\]]+);([^;\[\]]+)")


def _bound(text: str) -> Any:
    """A bound as printed: a number where it reads as one, else the text (datetimes)."""
    try:
        return float(text)
    except ValueError:
        return text.strip()


def discrete_step_lost(call: Any, old: Outcome, new: Outcome) -> bool:
    """W1: 0.4.0 rebuilt discrete runs with step 1 when iterating, scaling or negating
    them (``[0;6;2]`` came back as ``[0;6;1]``, gaining points); ours keep their step,
    and the outcomes differ only there."""
    if (
        not old["ok"]
        and "datetime discrete intervals require an explicit timedelta step" in old["msg"]
        and new["ok"]
        and new["type"] == "BaseDiscreteInterval"
    ):
        return True  # 0.4.0 rebuilt a scaled/negated datetime run without its step
    if not both_ok(old, new):
        return False
    a, b = _summary(old), _summary(new)
    if re.search(r"(== |hash\().*\blist\(x\)", call.src) and "step=" in call.src:
        return (a, b) == ("bool: False", "bool: True")  # 0.4.0's list(x) lost the steps
    lost = {(_bound(s), _bound(e)) for s, e, st in _RUN.findall(a) if st == "1"}
    kept = {(_bound(s), _bound(e)): st for s, e, st in _RUN.findall(b) if st != "1"}
    made = {
        (float(s), float(e))
        for s, e in re.findall(r"BDI\(([-\d.]+), ([-\d.]+), step=[\d.]+", call.src)
    }
    if lost & made and not lost & kept.keys():  # a run of the source came back at step 1
        return True
    if not lost & kept.keys():
        return False
    spell = re.compile(r"BaseDiscreteInterval\[([^;\[\]]+);([^;\[\]]+);1")
    a = spell.sub(
        lambda m: (
            f"BaseDiscreteInterval[{m.group(1)};{m.group(2)};"
            + kept.get((_bound(m.group(1)), _bound(m.group(2))), "1")
        ),
        a,
    )
    a, b = (re.sub(r"(\d)\.0(?=[;\]])", r"\1", t) for t in (a, b))
    return strip13(a) == strip13(b) or sorted_pieces(strip13(a)) == sorted_pieces(strip13(b))


def list_keeps_records(call: Any, old: Outcome, new: Outcome) -> bool:
    """W9: ``IntervalList.append``/``extend``/``+`` keep every record (0.4.0 dropped
    zero-length, zero-valued and discrete ones): ours is 0.4.0's list plus them."""
    if not (both_ok(old, new) and old["type"] == new["type"] == "IntervalList"):
        return False
    if not re.search(r"\.(append|extend|update)\(|\+", call.src):
        return False
    a, b = old["repr"], new["repr"]
    return len(b) > len(a) and b.startswith(a[:-1])


def _discrete_oracle(call: Any, old: Outcome, new: Outcome) -> bool:
    """W1: 0.4.0's answer on discrete input is not the brute-force point-set one, ours
    is (``BDI(5, count=1) + BDI(6, 8, step=2)`` gave ``[5;7;2]``, points 5 and 7)."""
    return "BDI(" in call.src and oracle.wrong_answer_fixed(call, old, new)


def _continuous_oracle(call: Any, old: Outcome, new: Outcome) -> bool:
    """0.4.0's step function is not the brute-force one, ours is (continuous input)."""
    return "BDI(" not in call.src and oracle.wrong_answer_fixed(call, old, new)


_ZERO_PIECE = re.compile(r"BI\(([^,()]+), \1[,)]|BI\([^()]*, (?:0|-[\d.]+)\)")


def zero_or_negative_pieces(call: Any, old: Outcome, new: Outcome) -> bool:
    """W11: with zero-length or non-positive input pieces, 0.4.0 stored or bridged
    them (a set stretched across a gap to a zero-length interval, ``len`` counting
    zero pieces); ours is the brute-force step function."""
    return bool(_ZERO_PIECE.search(call.src)) and _continuous_oracle(call, old, new)


def history_independent(call: Any, old: Outcome, new: Outcome) -> bool:
    """W6: the canonical form makes equal step functions equal whatever their history;
    0.4.0's comparison depended on it (the brute-force answer is ours)."""
    return not _ZERO_PIECE.search(call.src) and _continuous_oracle(call, old, new)


def discrete_spelling(call: Any, old: Outcome, new: Outcome) -> bool:
    """C-DISCRETE-SPELLING: the same point set (the brute-force one), spelled with other
    runs (a one-point run's step, lattices joined or kept apart)."""
    if "BDI(" not in call.src or not call.id.startswith(oracle.AREAS):
        return False
    if not (both_ok(old, new) and old["type"] == new["type"] == "IntervalSet"):
        return False
    model = oracle.evaluate(call.src)
    if model is not None:
        return oracle.agrees(model, new) and oracle.agrees(model, old)
    a, b = oracle.outcome_func(old["fp"]), oracle.outcome_func(new["fp"])
    return a is not None and b is not None and set(a) == set(b)  # the same points


def _lines(call: Any) -> list[str]:
    return call.src.strip().splitlines()


def counter_minus_interval(call: Any, old: Outcome, new: Outcome) -> bool:
    """W5: ``counter - interval`` (``-=``, ``subtract``) subtracts; 0.4.0 left the
    counter unchanged."""
    lines = _lines(call)
    if not lines[0].startswith("x = IntervalCounter(") or not both_ok(old, new):
        return False
    tail = "\n".join(lines[1:])
    direct = re.search(r"x\.subtract\(BI\(|x - BI\(|_y -= BI\(", tail)
    via_y = re.search(r"^y = BI\(", tail, re.M) and re.search(r"x -=? y$", tail, re.M)
    return bool(direct or via_y) and old["type"] == new["type"] == "IntervalCounter"


def operands_honoured(call: Any, old: Outcome, new: Outcome) -> bool:
    """W7: both operands count: ``interval - collection`` subtracts the collection (0.4.0
    computed ``(-collection) + interval``), ``set ^ interval`` and a set or counter
    with a meter (``+``, ``|``, ``&``, in place too) use the meter's values."""
    if not both_ok(old, new):
        return False
    lines = _lines(call)
    first, last = lines[0], lines[-1]
    y_line = next((ln for ln in lines if ln.startswith("y = ")), "")
    if first.startswith("x = BI(") and y_line.startswith("y = Interval") and last == "x - y":
        return True
    ops = re.fullmatch(r"x (\^|\+|\||&)=? y|x", last)
    if not ops or not any(re.fullmatch(r"x (\^|\+|\||&)=? y", ln) for ln in lines):
        return False
    left_set_or_counter = first.startswith(("x = IntervalSet(", "x = IntervalCounter("))
    interval_or_meter = y_line.startswith(("y = BI(", "y = IntervalMeter("))
    return left_set_or_counter and interval_or_meter


_ZERO_LENGTH = re.compile(r"\b(?:BI\(([^,()]+), \1\)|EmptyInterval\(\))")


def zero_length_not_stored(call: Any, old: Outcome, new: Outcome) -> bool:
    """W11: a zero-length interval (or one of value <= 0) adds nothing to a collection,
    so ``BI(1, 1) == IntervalMeter(BI(1, 1))`` is False and orderings against it
    compare with an empty collection; 0.4.0 stored the point."""
    if not both_ok(old, new):
        return False
    if "coll.points" in call.tags or "intersection_support" in call.src:
        return False  # points in sets: issue 14 item 3, decided there
    if old["type"] == new["type"] == "bool" and _ZERO_LENGTH.search(call.src):
        if "IntervalSet(" in call.src:
            return False
        return bool(re.search(r" (==|<|<=|>|>=) ", _lines(call)[-1]))
    if old["type"] == new["type"] == "IntervalSet" and re.search(
        r"BI\([^()]*, (?:0|-[\d.]+)\)", call.src
    ):
        po, pn = _set_pieces(old), _set_pieces(new)
        return pn is not None and po is not None and pn < po
    return False


def _set_pieces(outcome: Outcome) -> set[str] | None:
    fp = outcome["fp"]
    if fp[0] != "coll" or fp[2][0] != "bag":
        return None
    return {json.dumps(p) for p in fp[2][1]}


def set_order_in_lists(call: Any, old: Outcome, new: Outcome) -> bool:
    """C-SETORDER: a set's pieces in sorted order, also when they are listed
    (``list(s)``, ``s.as_list()``, ``lst + s``) or compared as lists."""
    if "IntervalSet(" not in call.src or not both_ok(old, new):
        return False
    if old["type"] == new["type"] == "bool":
        return "IntervalList(" in call.src and bool(re.search(r" (<|<=|>|>=) ", _lines(call)[-1]))
    if old["type"] != new["type"] or old["type"] not in ("list", "IntervalList"):
        return False
    items = lambda fp: fp[1] if fp[0] == "list" else fp[2]  # noqa: E731
    a, b = items(old["fp"]), items(new["fp"])
    return sorted(map(json.dumps, a)) == sorted(map(json.dumps, b))


def skip_combine_canonical(call: Any, old: Outcome, new: Outcome) -> bool:
    """W6: ``skip_combine=True`` still gives the canonical form (0.4.0 stored the input
    verbatim, duplicates collapsed by its Counter)."""
    return "skip_combine=True" in call.src and both_ok(old, new) and old["type"] == new["type"]


def exact_accelerator(call: Any, old: Outcome, new: Outcome) -> bool:
    """W2: ``combine_via_rust(..., nr_digits=k)`` is exact; 0.4.0 went through 32-bit
    floats (``0.29999998211860657`` for 0.3)."""
    if "combine_via_rust(" not in call.src and "use_rust=True" not in call.src:
        return False
    if not (both_ok(old, new) and old["type"] == new["type"]):
        return False
    return _rounded_numbers(old["repr"], 6) == _rounded_numbers(new["repr"], 6)


def _float_entry_args(src: str) -> tuple[list[tuple[float, ...]], int] | None:
    """The literal ``(rows, nr_decimal)`` of a ``combine_intervals_float(...)`` call."""
    try:
        tree = ast.parse(src.strip().splitlines()[-1], mode="eval")
    except SyntaxError:
        return None
    call = tree.body
    if not (
        isinstance(call, ast.Call)
        and isinstance(call.func, ast.Attribute)
        and call.func.attr == "combine_intervals_float"
        and len(call.args) == 2
        and not call.keywords
    ):
        return None
    try:
        rows, digits = ast.literal_eval(call.args[0]), ast.literal_eval(call.args[1])
    except ValueError:
        return None
    if type(digits) is not int or digits < 0:
        return None
    return [tuple(float(x) for x in row) for row in rows], digits


def float_entry_exact(call: Any, old: Outcome, new: Outcome) -> bool:
    """W2: the accelerator's own ``combine_intervals_float(raw_ivs, nr_decimal)`` rounds
    each input number once to ``nr_decimal`` decimals, as Python's ``round`` does (halves
    to even: 0.5 -> 0), in 64-bit floats; 0.4.0 went through 32-bit floats
    (``0.10000000149011612``) and rounded halves away from zero (0.5 -> 1). Same rows,
    every number within one rounding quantum of 0.4.0's, our boundaries exactly the
    rounded inputs."""
    parsed = _float_entry_args(call.src)
    if parsed is None or not both_ok(old, new):
        return False
    rows, digits = parsed
    a, b = _listed(old), _listed(new)
    if a is None or b is None or len(a) != len(b) or a == b:
        return False
    if any(len(x) != 3 or len(y) != 3 for x, y in zip(a, b)):
        return False
    quantum = 10.0**-digits
    close = all(
        abs(x - y) <= quantum + 1e-6 * max(1.0, abs(y)) for r, s in zip(a, b) for x, y in zip(r, s)
    )
    rounded = {round(c, digits) for row in rows for c in row[:2]}
    ours_exact = all(c in rounded for row in b for c in row[:2])
    return close and ours_exact


# ---- API surface: signatures and annotations

_EMPTY = "<class 'inspect._empty'>"
#: parameters whose default 0.4.0 documented otherwise: W3 (use_rust=None: automatic,
#: bit-identical), W2 (nr_digits=None: no rounding)
_DEFAULT_CHANGES = {("use_rust", "False", "None"), ("nr_digits", "0", "None")}


def _listed(outcome: Outcome) -> Any:
    if not outcome.get("ok") or outcome["type"] != "list":
        return None
    try:
        return ast.literal_eval(outcome["repr"])
    except (ValueError, SyntaxError):
        return None


def signature_extension(call: Any, old: Outcome, new: Outcome) -> bool:
    """C-EXTENSIONS: our signature accepts every call 0.4.0's accepts, meaning the same:
    0.4.0's parameters in the same order, names and kinds, with the same defaults (or a
    default where 0.4.0 had none); anything more is an added optional parameter. Default
    changes allowed: ``use_rust`` ``False`` -> ``None`` (W3), ``nr_digits`` ``0`` ->
    ``None`` (W2)."""
    if not call.id.startswith("api.signature|"):
        return False
    a, b = _listed(old), _listed(new)
    if not a or not b or len(b) < len(a):
        return False
    for (name, kind, default), (name2, kind2, default2) in zip(a, b):
        if (name, kind) != (name2, kind2):
            return False
        if (
            default != default2
            and default != _EMPTY
            and (name, default, default2) not in (_DEFAULT_CHANGES)
        ):
            return False
    return all(d != _EMPTY or k in ("VAR_POSITIONAL", "VAR_KEYWORD") for _, k, d in b[len(a) :])


_TYPE_TOKEN = re.compile(r"<class '([^']*)'>|[\w.~]+|[\[\],|]")


def _type_tree(text: str) -> Any:
    """A spelling-free form of a printed annotation: unions as sorted tuples, ``typing.``
    and ``collections.abc.`` dropped, ``Optional[X]``/``Union[...]``/``X | Y`` alike."""
    tokens = [m.group(1) or m.group(0) for m in _TYPE_TOKEN.finditer(text)]
    pos = 0

    def name(tok: str) -> str:
        for prefix in ("typing.", "collections.abc."):
            tok = tok.removeprefix(prefix)
        return {"NoneType": "None"}.get(tok, tok)

    def union() -> Any:
        nonlocal pos
        parts = [atom()]
        while pos < len(tokens) and tokens[pos] == "|":
            pos += 1
            parts.append(atom())
        return _flat(parts)

    def atom() -> Any:
        nonlocal pos
        head = name(tokens[pos])
        pos += 1
        if pos < len(tokens) and tokens[pos] == "[":
            pos += 1
            args = [union()]
            while tokens[pos] == ",":
                pos += 1
                args.append(union())
            pos += 1  # ]
            if head == "Optional":
                return _flat([*args, "None"])
            if head == "Union":
                return _flat(args)
            return (head, tuple(args))
        return head

    def _flat(parts: list[Any]) -> Any:
        out: set[Any] = set()
        for p in parts:
            out |= set(p[1]) if isinstance(p, tuple) and p[0] == "|" else {p}
        return ("|", tuple(sorted(out, key=repr))) if len(out) > 1 else out.pop()

    try:
        tree = union()
    except IndexError:
        return None
    return tree if pos == len(tokens) else None


def same_annotations(call: Any, old: Outcome, new: Outcome) -> bool:
    """C-HINTS: the same annotated types, spelled ``X | None`` / ``A | B`` /
    ``collections.abc.Sequence`` where 0.4.0 wrote ``Optional[X]`` / ``Union[A, B]`` /
    ``typing.Sequence``."""
    if not call.id.startswith("api.hints|"):
        return False
    a, b = _listed(old), _listed(new)
    if not a or not b or [k for k, _ in a] != [k for k, _ in b]:
        return False
    trees = [(_type_tree(x), _type_tree(y)) for (_, x), (_, y) in zip(a, b)]
    return all(x is not None and x == y for x, y in trees)


DEPARTURES: list[Departure] = [
    Departure(
        "W1",
        "DEPARTURES.md",
        "discrete meters/counters add per lattice",
        frozenset({"W1"}),
        lambda call, old, new: (
            discrete_swept_as_continuous(call, old, new)
            or discrete_step_lost(call, old, new)
            or _discrete_oracle(call, old, new)
        ),
    ),
    Departure(
        "W2",
        "DEPARTURES.md",
        "exact accelerator; nr_digits rounds or is None",
        frozenset({"W2"}),
        lambda call, old, new: (
            floats_through_the_accelerator(call, old, new)
            or exact_accelerator(call, old, new)
            or float_entry_exact(call, old, new)
        ),
    ),
    Departure("W3", "DEPARTURES.md", "accelerator never slower (speed only: excuses no call)"),
    Departure("W4", "DEPARTURES.md", "O(log n) lookups and updates (speed only: excuses no call)"),
    Departure(
        "W5",
        "DEPARTURES.md",
        "counter - interval subtracts geometrically",
        frozenset({"W5"}),
        counter_minus_interval,
    ),
    Departure(
        "W6",
        "DEPARTURES.md",
        "one canonical form (sorted, merged, zero pieces dropped); left value at a boundary",
        frozenset({"W6"}),
        lambda call, old, new: (
            same_step_function(call, old, new)
            or same_discrete_points(call, old, new)
            or boundary_point_query(call, old, new)
            or history_independent(call, old, new)
            or skip_combine_canonical(call, old, new)
        ),
    ),
    Departure(
        "W7",
        "DEPARTURES.md",
        "binary operators honour both operands",
        frozenset({"W7"}),
        lambda call, old, new: (
            interval_operand_honoured(call, old, new) or operands_honoured(call, old, new)
        ),
    ),
    Departure(
        "W8",
        "DEPARTURES.md",
        "discrete + continuous raises TypeError",
        frozenset({"W8"}),
        discrete_continuous_refused,
    ),
    Departure(
        "W9", "DEPARTURES.md", "lists keep every record", frozenset({"W9"}), list_keeps_records
    ),
    Departure(
        "W10",
        "DEPARTURES.md",
        "any iterable and (start, stop[, value]) tuples",
        frozenset({"W10"}),
        any_iterable,
    ),
    Departure(
        "W11",
        "DEPARTURES.md",
        "one constructor rule; zero pieces never stored",
        frozenset({"W11"}),
        lambda call, old, new: (
            zero_pieces_dropped(call, old, new)
            or zero_or_negative_pieces(call, old, new)
            or zero_length_not_stored(call, old, new)
        ),
    ),
    Departure(
        "W12",
        "DEPARTURES.md",
        "exact decimal sums: no float residues, near-equal neighbours merge",
        frozenset({"W12"}),
        lambda call, old, new: (
            float_residue_only(call, old, new)
            or exact_sums_no_overflow_no_residue(call, old, new)
            or exact_totals(call, old, new)
        ),
    ),
    Departure(
        "W13",
        "DEPARTURES.md",
        "int sums stay int (1, not 1.0); Counter methods work on float weights",
        frozenset({"W13"}),
        counter_methods_on_floats,
    ),
    Departure("W14", "DEPARTURES.md", "x - x is empty", frozenset({"W14"}), zero_interval_is_empty),
    Departure(
        "W15",
        "DEPARTURES.md",
        "clear TypeError/ValueError for bad input, never IndexError/AttributeError",
        frozenset({"W15"}),
        lambda call, old, new: (
            bad_exception_type(call, old, new)
            or refused_bad_input(call, old, new)
            or internal_error_replaced(call, old, new)
            or infinite_value_refused_by_the_interval(call, old, new)
        ),
    ),
    Departure(
        "W15-ITE",
        "docs/compatibility.md",
        "InvalidTypeError (a TypeError and a ValueError) where 0.4.0 raised ValueError, "
        "with 0.4.0's message inside ours",
        frozenset(),
        invalid_type_error,
    ),
    Departure("W16", "DEPARTURES.md", "closed semantics kept (excuses no call)"),
    Departure(
        "W17", "DEPARTURES.md", "collections never hold the caller's objects", frozenset({"W17"})
    ),
    Departure(
        "W18",
        "DEPARTURES.md",
        "value equality for pmf and maps",
        frozenset({"W18"}),
        value_equality,
    ),
    Departure(
        "W19",
        "DEPARTURES.md",
        "exact decimal float steps; tolerance relative to step",
        frozenset({"W19"}),
        decimal_float_steps,
    ),
    Departure("W20", "DEPARTURES.md", "m[iv] kept (excuses no call)"),
    Departure(
        "C-EXTENSIONS",
        "docs/compatibility.md",
        "added optional parameters (use_rust=, nr_digits=, items=, ...); defaults of "
        "use_rust (W3) and nr_digits (W2)",
        frozenset(),
        lambda call, old, new: (
            signature_extension(call, old, new) or extension_keyword(call, old, new)
        ),
    ),
    Departure(
        "C-RMUL",
        "docs/compatibility.md",
        "number * collection works like collection * number",
        frozenset(),
        number_times_collection,
    ),
    Departure(
        "C-HINTS",
        "docs/compatibility.md",
        "annotations spelled X | None where 0.4.0 wrote Optional[X] (same types)",
        frozenset(),
        same_annotations,
    ),
    Departure(
        "C-DISCRETE-SPELLING",
        "docs/compatibility.md",
        "a discrete set's points spelled with other runs (the same point set)",
        frozenset(),
        discrete_spelling,
    ),
    Departure(
        "C-ONEPIECE",
        "docs/compatibility.md",
        "a one-piece collection equals its discrete interval both ways (same hash)",
        frozenset(),
        discrete_one_piece_symmetric,
    ),
    Departure(
        "C-SETORDER",
        "docs/compatibility.md",
        "sets list their pieces in sorted order",
        frozenset(),
        set_order_in_lists,
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
