# ruff: noqa: E501 - group texts are prose
"""Known gaps: differences from 0.4.0 that are bugs of ours, listed until they are fixed.

Phase 1 of issue 14 maps the differences without fixing them. Each entry of
``known_gaps.json`` names one call, the outcome 0.4.0 gave, the outcome we give and a
group; a call counts as a known gap only while *both* outcomes still read exactly so.
When we change (fixed, or differently wrong) the entry stops matching: the call is then
identical, a departure, or unexplained, and a stale entry fails the suite until the
list is refreshed with ``python tests/compat/regen_gaps.py``.

``GROUPS`` explains each group once: the issue item it belongs to, what differs and
the fix we recommend. ``assign`` sorts a new difference into the first group whose
rule matches (used only by ``regen_gaps.py``).
"""

from __future__ import annotations

import json
import re
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from .departures import Outcome, both_ok

KNOWN_GAPS_FILE = Path(__file__).with_name("known_gaps.json")


@dataclass(frozen=True)
class Group:
    key: str
    item: str
    title: str
    fix: str
    rule: Callable[[Any, Outcome, Outcome], bool]


def _tag(*tags: str) -> Callable[[Any, Outcome, Outcome], bool]:
    return lambda call, old, new: bool(set(tags) & call.tags)


def _area(*prefixes: str) -> Callable[[Any, Outcome, Outcome], bool]:
    return lambda call, old, new: call.id.split("|")[0].startswith(prefixes)


def _both_exc(old: Outcome, new: Outcome) -> bool:
    return not old.get("ok") and not new.get("ok")


def _wording(call: Any, old: Outcome, new: Outcome) -> bool:
    if not _both_exc(old, new) or old["msg"] in new["msg"]:
        return False
    same = old["exc"] == new["exc"] or (
        old["exc"] == "ValueError" and new["exc"] == "InvalidTypeError"
    )
    return same


_BUILTIN = re.compile(
    r"unsupported operand|not supported between|object has no attribute|must be real number"
    r"|object is not|cannot be interpreted|can't multiply|unhashable type|argument"
)


def _builtin_message(call: Any, old: Outcome, new: Outcome) -> bool:
    return _both_exc(old, new) and bool(_BUILTIN.search(old["msg"]))


def _exc_class(call: Any, old: Outcome, new: Outcome) -> bool:
    return _both_exc(old, new)


def _ours_accepts_operator(call: Any, old: Outcome, new: Outcome) -> bool:
    return (
        not old.get("ok")
        and bool(new.get("ok"))
        and (
            "unsupported operand" in old["msg"]
            or (old["exc"] == "ValueError" and old["msg"].startswith("Input "))
            or "object has no attribute 'as_" in old["msg"]
        )
    )


_DOMAIN = re.compile(r"domain|timezone awareness|datetime|Cannot compare discrete|Cannot intersect")


def _mixed_domain_accepted(call: Any, old: Outcome, new: Outcome) -> bool:
    return not old.get("ok") and bool(new.get("ok")) and bool(_DOMAIN.search(old["msg"]))


def _ours_raises(call: Any, old: Outcome, new: Outcome) -> bool:
    return bool(old.get("ok")) and not new.get("ok")


def _old_raises(call: Any, old: Outcome, new: Outcome) -> bool:
    return not old.get("ok") and bool(new.get("ok"))


def _seq(x: Any) -> Any:
    if isinstance(x, list):
        if (
            len(x) == 2
            and x[0] in ("list", "tuple", "iterator", "view", "bag")
            and isinstance(x[1], list)
        ):
            items = [_seq(i) for i in x[1]]
            return ["seq", sorted(items, key=json.dumps) if x[0] in ("bag", "view") else items]
        return [_seq(i) for i in x]
    return x


def _container_type(call: Any, old: Outcome, new: Outcome) -> bool:
    return both_ok(old, new) and old["type"] != new["type"] and _seq(old["fp"]) == _seq(new["fp"])


def _empty_interval_type(call: Any, old: Outcome, new: Outcome) -> bool:
    return (both_ok(old, new) and "_EmptyInterval" in (new["type"], new["repr"])) or (
        both_ok(old, new) and old["type"] == "BaseInterval" and new["type"] == "_EmptyInterval"
    )


def _floats(x: Any) -> list[float]:
    if isinstance(x, list):
        if len(x) == 2 and x[0] == "float" and isinstance(x[1], str):
            return [float(x[1])]
        out: list[float] = []
        for i in x:
            out += _floats(i)
        return out
    return []


def _last_digits(call: Any, old: Outcome, new: Outcome) -> bool:
    if not both_ok(old, new) or old["type"] != new["type"]:
        return False
    a, b = _floats(old["fp"]), _floats(new["fp"])
    if len(a) != len(b) or not a:
        return False
    strip = re.compile(r"-?\d+\.\d+(e-?\d+)?")
    if strip.sub("#", old["repr"]) != strip.sub("#", new["repr"]):
        return False
    return all(abs(x - y) <= 1e-12 * max(1.0, abs(x), abs(y)) for x, y in zip(a, b))


_POINT = re.compile(r"\[([^;\[\]]+);\1\]")


def _points_dropped(call: Any, old: Outcome, new: Outcome) -> bool:
    """A zero-length [x;x] piece 0.4.0 keeps in a set result, which we drop."""
    if not both_ok(old, new):
        return False
    return "IntervalSet" in old["crepr"] and len(_POINT.findall(old["crepr"])) > len(
        _POINT.findall(new["crepr"])
    )


def _single_piece_meter(call: Any, old: Outcome, new: Outcome) -> bool:
    """0.4.0 returns a one-piece IntervalMeter where we return the interval itself."""
    return (
        both_ok(old, new)
        and old["type"] == "IntervalMeter"
        and new["type"] in ("BaseInterval", "BaseDiscreteInterval")
        and old["fp"][2][0] == "bag"
        and len(old["fp"][2][1]) == 1
    )


def _float_for_int(call: Any, old: Outcome, new: Outcome) -> bool:
    return (
        both_ok(old, new)
        and (old["type"], new["type"]) == ("int", "float")
        and float(old["repr"]) == float(new["repr"])
    )


def _empty_interval_name(call: Any, old: Outcome, new: Outcome) -> bool:
    return (
        both_ok(old, new)
        and "EmptyInterval[0;0]" in new["crepr"]
        and new["crepr"].replace("EmptyInterval[0;0]", "BaseInterval[0;0]") == old["crepr"]
    )


GROUPS: list[Group] = [
    Group(
        "pyrust-api",
        "14.2",
        "intervalues_pyrust.combine_intervals_int/_float and the combine_intervals module "
        "attributes are missing",
        "rust/src/lib.rs: add #[pyfunction] combine_intervals_int(raw_ivs: Vec<(i64,i64,i64)>) and "
        "combine_intervals_float(raw_ivs, nr_decimal) backed by the exact kernel (W2: f64 in, f64 out); "
        "intervalues/combine_intervals.py: module attributes combine_intervals_int/_float (None "
        "without the accelerator) and make combine_via_rust call them, so monkeypatching works",
        _tag("item14.2"),
    ),
    Group(
        "set-points",
        "14.3",
        "zero-length closed intervals are dropped from sets built from them",
        "intervalues/interval_set.py constructor/add/update: keep [x;x] pieces (0.4.0 keeps "
        "them; `&` already produces them), merge them into touching pieces, count them in len/in/bounds",
        _tag("item14.3"),
    ),
    Group(
        "set-points-derived",
        "14.3",
        "a result set loses the zero-length [x;x] piece 0.4.0 keeps (as_set, intersection_support, ...)",
        "same fix as set-points: IntervalSet keeps closed zero-length pieces",
        _points_dropped,
    ),
    Group(
        "tz-per-boundary",
        "14.4",
        "aware boundaries are shown in the first zone seen instead of their own zone",
        "intervalues/_coords.py Domain.tz / from_key: store each boundary's tzinfo next to "
        "its instant key (or a per-boundary zone column in _tracks.py) and rebuild datetimes "
        "with their own zone; display must not depend on input order",
        _tag("item14.4"),
    ),
    Group(
        "type-hints",
        "14.5",
        "public annotations do not resolve to concrete types at run time",
        "annotate public signatures with Coordinate/Length (int | float | datetime) instead "
        "of Any; keep `from __future__ import annotations` resolvable (no TYPE_CHECKING-only names)",
        _area("api.hints"),
    ),
    Group(
        "one-piece-equality",
        "14.5",
        "a one-interval collection does not compare/hash like its interval",
        "abstract_interval.py / interval_meter.py / interval_set.py / interval_list.py __eq__ "
        "and __hash__: equal to a BaseInterval with the same bounds when the single piece has "
        "weight 1 (meter/counter/pdf) or always (set/list, as 0.4.0); hash like that interval",
        _area("coll.one"),
    ),
    Group(
        "set-data",
        "14.5",
        "AbstractIntervalCollection.set_data is missing or behaves differently",
        "abstract_interval.py: add set_data(data) replacing the backing container (columns "
        "rebuilt from it; pdf validates and renormalises)",
        _area("api.abc"),
    ),
    Group(
        "function-repr",
        "14.5",
        "IntervalFunction repr differs",
        "interval_function.py __repr__: IntervalFunction(intervals=(...), combine=..., default=...)",
        _area("fn."),
    ),
    Group(
        "priority-map",
        "14.5",
        "PriorityIntervalMap validation and results differ",
        "_priority_map.py (-> intervalues/_maps/): 0.4.0's messages for tie_policy, "
        "tie_break_key, equal priorities, IntEnum/Fraction priorities, stale or foreign "
        "handles (KeyError text), cycles",
        _area("pmap."),
    ),
    Group(
        "maps",
        "14.5",
        "IntervalMap / combine_maps / resolve_maps differ",
        "interval_map.py: 0.4.0's messages; payload from BaseInterval.value (see C-MAP-PAYLOAD "
        "in docs: decide), hashability",
        _area("map."),
    ),
    Group(
        "api-surface",
        "14 (drop-in)",
        "names, members or call forms (parameter names/defaults) differ from 0.4.0",
        "rename parameters to 0.4.0's names (keyword callers break otherwise) and add missing members",
        _area("api."),
    ),
    Group(
        "builtin-message",
        "14.1",
        "0.4.0's message came from Python itself (unsupported operand, comparison, attribute); "
        "ours differs",
        "mostly W15 territory: decide per case whether to reproduce the text (operator order "
        "in 'unsupported operand' messages) or document it under W15 in docs/compatibility.md",
        _builtin_message,
    ),
    Group(
        "wording",
        "14.1",
        "same exception class, but our message does not contain 0.4.0's text",
        "one message module (intervalues/_checks.py): start each message with 0.4.0's text "
        "verbatim (table in compat-gaps.md), our detail after it",
        _wording,
    ),
    Group(
        "exception-class",
        "14.1",
        "a different exception class than 0.4.0 for the same input",
        "raise 0.4.0's class (or InvalidTypeError where it raised ValueError), with its text",
        _exc_class,
    ),
    Group(
        "operator-mixes",
        "14 (W7 scope)",
        "we accept operator mixes 0.4.0 rejects (meter & set, list - interval, meter -= set, ...)",
        "decide: document as part of W7 (both operands honoured) in docs/compatibility.md, or "
        "return NotImplemented so Python raises 0.4.0's TypeError",
        _ours_accepts_operator,
    ),
    Group(
        "mixed-domain",
        "14.5",
        "0.4.0 raises TypeError for mixed numeric/datetime or discrete/continuous input where we answer",
        "validate the coordinate domain (and discrete/continuous kind) of the argument first, "
        "raising 0.4.0's TypeError text",
        _mixed_domain_accepted,
    ),
    Group(
        "ours-rejects",
        "14 (W15 scope)",
        "we raise where 0.4.0 returned a result",
        "review each: a W15 departure (then tag/document it) or a bug to fix",
        _ours_raises,
    ),
    Group(
        "ours-accepts",
        "14 (W15 scope)",
        "0.4.0 raised where we return a result",
        "review each: raise 0.4.0's exception with its text, or document the extension",
        _old_raises,
    ),
    Group(
        "single-piece-sum",
        "14 (drop-in)",
        "interval + interval returns the interval itself where 0.4.0 returns a one-piece IntervalMeter "
        "(adding a zero-length or zero-valued interval, or x + y with one of them empty)",
        "base_interval.py __add__/__sub__: follow 0.4.0's three single-interval cases only "
        "(touching with equal value, same bounds); every other sum is an IntervalMeter",
        _single_piece_meter,
    ),
    Group(
        "float-for-int",
        "14 (drop-in)",
        "we return a float where 0.4.0 returns an int of the same value (e.g. distance 0 vs 0.0)",
        "keep 0.4.0's int results (distance_to uses max(..., 0); lookups return int 0 when uncovered)",
        _float_for_int,
    ),
    Group(
        "empty-interval-name",
        "14 (drop-in)",
        "copies/splits of EmptyInterval() keep the name EmptyInterval where 0.4.0's copies print BaseInterval[0;0]",
        "base_interval.py: copies (copy, split_at, as_index, ...) of EmptyInterval are plain BaseInterval[0;0], as in 0.4.0",
        _empty_interval_name,
    ),
    Group(
        "container-type",
        "14 (drop-in)",
        "same content, other container type (list vs tuple, dict view vs list, ...)",
        "return 0.4.0's container types",
        _container_type,
    ),
    Group(
        "empty-interval-type",
        "14 (drop-in)",
        "EmptyInterval() is a private subclass (_EmptyInterval), not a BaseInterval instance of type BaseInterval",
        "base_interval.py EmptyInterval: return a BaseInterval whose instance __name__ is "
        "'EmptyInterval' (as 0.4.0; docs/compatibility.md says it is kept)",
        _empty_interval_type,
    ),
    Group(
        "float-last-digits",
        "14 (W12 scope)",
        "floats differ in the last digits (statistics/pdf arithmetic in another order)",
        "decide: follow 0.4.0's formula order (math.fsum over the same terms) or document under W12",
        _last_digits,
    ),
    Group(
        "semantics-discrete",
        "14 (drop-in)",
        "different results on discrete intervals",
        "review per call (base_interval_discrete.py, _lattice.py, interval_set.py)",
        _area(
            "dis.",
            "iv.unary.p",
            "iv.unary.q",
            "iv.unary.r",
            "iv.unary.s",
            "iv.unary.t",
            "iv.unary.u",
            "iv.unary.v",
            "iv.unary.w",
            "coll.unary.d",
            "ops.discrete",
        ),
    ),
    Group(
        "semantics-datetime",
        "14.4",
        "different results on datetime intervals",
        "review per call (_coords.py, base_interval.py)",
        _area("tz.", "iv.unary.d", "coll.unary.t", "ops.datetime"),
    ),
    Group(
        "semantics-pdf",
        "14 (drop-in)",
        "different IntervalPdf / IntervalPmf results",
        "review per call (interval_pdf.py, interval_pmf.py)",
        _area("pdf.", "pmf.", "coll.unary.p1"),
    ),
    Group(
        "semantics",
        "14 (drop-in)",
        "different results",
        "review per call",
        lambda call, old, new: True,
    ),
]

GROUP_BY_KEY = {g.key: g for g in GROUPS}


def assign(call: Any, old: Outcome, new: Outcome) -> str:
    for group in GROUPS:
        if group.rule(call, old, new):
            return group.key
    raise AssertionError("the last group matches everything")


def load() -> dict[str, dict[str, Any]]:
    """call id -> {"group", "old", "ours"} from known_gaps.json (empty when absent)."""
    if not KNOWN_GAPS_FILE.is_file():
        return {}
    entries = json.loads(KNOWN_GAPS_FILE.read_text())
    return {e["id"]: e for e in entries}
