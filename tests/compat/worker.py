"""Evaluate a batch of compatibility calls and print one JSON outcome per line.

Runs inside any interpreter that has *an* ``intervalues`` installed: the 0.4.0
reference venv or this repository's venv. Standard library only, no import from
the test suite, so both sides run the very same code on the very same inputs.

Input (stdin): a JSON list of ``{"id": ..., "src": ...}``. ``src`` is Python source;
every statement but the last is executed, the last one is evaluated when it is an
expression (its value is the call's result). Each call gets a fresh namespace with
the prelude below. Output (stdout): one JSON object per call, in order, flushed as
it goes, so the parent can resume after a crash.
"""

from __future__ import annotations

import ast
import dataclasses
import json
import re
import signal
import sys
import traceback
from datetime import datetime, timedelta, tzinfo
from typing import Any

PRELUDE = """
import copy, math, random, typing, pickle
from contextlib import contextmanager
from datetime import datetime, timedelta, timezone
from zoneinfo import ZoneInfo
import intervalues
from intervalues import *
import sys
import intervalues.combine_intervals
# the module, not the function: `import intervalues.combine_intervals as ci` binds the
# package attribute, which `from .combine_intervals import combine_intervals` made the function
ci = sys.modules["intervalues.combine_intervals"]
AMS = ZoneInfo("Europe/Amsterdam")
KRA = ZoneInfo("America/Kralendijk")
NY = ZoneInfo("America/New_York")
UTC = timezone.utc
T0 = datetime(2024, 1, 1, 9)
H = timedelta(hours=1)
M15 = timedelta(minutes=15)
BI = BaseInterval
BDI = BaseDiscreteInterval

@contextmanager
def patched(obj, name, value):
    old = getattr(obj, name)
    setattr(obj, name, value)
    try:
        yield
    finally:
        setattr(obj, name, old)

def show(obj):
    return (type(obj).__name__, repr(obj))

def state(obj):
    # (type, repr) and, for collections, the pieces in iteration order
    pieces = [repr(x) for x in obj] if hasattr(obj, "__iter__") else None
    return (type(obj).__name__, repr(obj), pieces)
"""

TIMEOUT_S = 10
MAX_REPR = 4000
_ADDR = re.compile(r" at 0x[0-9a-fA-F]+")


def _norm(text: str) -> str:
    text = _ADDR.sub(" at 0x?", text)
    return text if len(text) <= MAX_REPR else text[:MAX_REPR] + "...<cut>"


def _mro_names(obj: Any) -> list[str]:
    return [k.__name__ for k in type(obj).__mro__]


def _tz(tz: tzinfo | None) -> str | None:
    if tz is None:
        return None
    return str(getattr(tz, "key", None) or tz)


def bag(items: Any) -> list[Any]:
    """An unordered group of fingerprints: ``["bag", sorted items]``."""
    return ["bag", sorted(items, key=lambda i: json.dumps(i, sort_keys=True))]


def fp(x: Any, depth: int = 0) -> Any:
    """A JSON value fingerprint: type-aware, order-insensitive where order is meaningless."""
    if depth > 8:
        return ["deep", type(x).__name__]
    names = _mro_names(x)
    if x is None or isinstance(x, bool):
        return [type(x).__name__, repr(x)]
    if isinstance(x, int):
        return ["int", str(x)]
    if isinstance(x, float):
        return ["float", repr(x)]
    if isinstance(x, str):
        return ["str", _norm(x)]
    if isinstance(x, datetime):
        return ["datetime", x.isoformat(), _tz(x.tzinfo), x.fold]
    if isinstance(x, timedelta):
        return ["timedelta", x.days, x.seconds, x.microseconds]
    if isinstance(x, type):
        return ["type", x.__name__]
    if "BaseInterval" in names:
        out = [
            "iv",
            type(x).__name__,
            str(getattr(x, "__name__", "")),
            fp(x.start, depth + 1),
            fp(x.stop, depth + 1),
            fp(x.value, depth + 1),
        ]
        if "BaseDiscreteInterval" in names:
            out += [fp(x.step, depth + 1), fp(x.count, depth + 1)]
        return out
    if "AbstractIntervalCollection" in names:
        name = type(x).__name__
        if "IntervalList" in names:
            return ["coll", name, [fp(i, depth + 1) for i in x]]
        if "IntervalSet" in names:
            return ["coll", name, bag(fp(i, depth + 1) for i in x)]
        return ["coll", name, bag([fp(k, depth + 1), fp(v, depth + 1)] for k, v in x.items())]
    if "IntervalPmf" in names:
        return ["pmf", [[fp(k, depth + 1), fp(v, depth + 1)] for k, v in x.items()]]
    if "PriorityIntervalMap" in names:
        return ["pmap", fp(x.default, depth + 1), str(x.tie_policy)]
    if "IntervalMap" in names:
        items = [[fp(k, depth + 1), fp(v, depth + 1)] for k, v in x.items()]
        return ["map", items, fp(x.default, depth + 1)]
    if "PrioritySourceHandle" in names:
        return ["handle"]
    if "FunctionInterval" in names:
        return ["fi", fp(x.start, depth + 1), fp(x.stop, depth + 1)]
    if "IntervalFunction" in names:
        return ["ifn", len(x), fp(x.default, depth + 1)]
    if dataclasses.is_dataclass(x):
        return [
            "dc",
            type(x).__name__,
            [[f.name, fp(getattr(x, f.name), depth + 1)] for f in dataclasses.fields(x)],
        ]
    if isinstance(x, (list, tuple)):
        return [type(x).__name__, [fp(i, depth + 1) for i in x]]
    if isinstance(x, (set, frozenset)):
        return [type(x).__name__, bag(fp(i, depth + 1) for i in x)]
    if isinstance(x, dict) or "Mapping" in names or type(x).__name__ == "mappingproxy":
        return ["mapping", bag([fp(k, depth + 1), fp(v, depth + 1)] for k, v in x.items())]
    if hasattr(x, "__next__"):
        return ["iterator", [fp(i, depth + 1) for _, i in zip(range(10000), x)]]
    if type(x).__name__ in ("dict_keys", "dict_values", "dict_items", "odict_keys"):
        return ["view", bag(fp(i, depth + 1) for i in x)]
    if callable(x):
        return ["callable", str(getattr(x, "__name__", type(x).__name__))]
    return ["object", type(x).__name__, _norm(repr(x))]


def crepr(x: Any, depth: int = 0) -> str:
    """repr with the pieces of sets/meters sorted (order-insensitive spelling)."""
    names = _mro_names(x)
    if depth > 6:
        return _norm(repr(x))
    if "AbstractIntervalCollection" in names and "IntervalList" not in names:
        name = str(getattr(x, "__name__", type(x).__name__))
        if "IntervalSet" in names:
            parts = sorted(repr(i) for i in x)
        else:
            parts = sorted(f"{k!r}: {v!r}" for k, v in x.items())
        return f"{name}:{{{', '.join(parts)}}}"
    if isinstance(x, tuple):
        inner = ", ".join(crepr(i, depth + 1) for i in x)
        return f"({inner}{',' if len(x) == 1 else ''})"
    if isinstance(x, list):
        return "[" + ", ".join(crepr(i, depth + 1) for i in x) + "]"
    return _norm(repr(x))


class _Timeout(Exception):
    pass


def _alarm(signum: int, frame: Any) -> None:
    raise _Timeout(f"call took longer than {TIMEOUT_S} s")


def _exc(e: BaseException) -> dict[str, Any]:
    try:
        msg = str(e)
    except Exception as inner:  # pragma: no cover - defensive
        msg = f"<str() failed: {inner!r}>"
    return {"ok": False, "exc": type(e).__name__, "mro": _mro_names(e), "msg": _norm(msg)}


def run_one(src: str, base_ns: dict[str, Any]) -> dict[str, Any]:
    ns = dict(base_ns)
    tree = ast.parse(src, mode="exec")
    last = tree.body[-1] if tree.body and isinstance(tree.body[-1], ast.Expr) else None
    body = tree.body[:-1] if last is not None else tree.body
    signal.alarm(TIMEOUT_S)
    try:
        exec(compile(ast.Module(body=body, type_ignores=[]), "<call>", "exec"), ns)
        value = None
        if last is not None:
            value = eval(compile(ast.Expression(last.value), "<call>", "eval"), ns)
        if hasattr(value, "__next__") and not isinstance(value, (str, bytes)):
            value = iter(list(value))  # materialise inside the timeout
    except _Timeout as e:
        return {"ok": False, "exc": "Timeout", "mro": ["Timeout"], "msg": str(e)}
    except BaseException as e:
        if isinstance(e, KeyboardInterrupt):
            raise
        return _exc(e)
    finally:
        signal.alarm(0)
    out: dict[str, Any] = {"ok": True, "type": type(value).__name__}
    try:
        if hasattr(value, "__next__"):
            items = list(value)
            out["type"] = "iterator"
            out["repr"] = _norm(repr(items))
            out["crepr"] = crepr(items)
            out["fp"] = ["iterator", [fp(i) for i in items]]
        else:
            out["repr"] = _norm(repr(value))
            out["crepr"] = crepr(value)
            out["fp"] = fp(value)
    except BaseException as e:
        out["fp_error"] = _exc(e)
        out.setdefault("repr", "<repr failed>")
        out.setdefault("crepr", out["repr"])
        out.setdefault("fp", ["fp-error", type(e).__name__, _norm(str(e))])
    return out


def main() -> None:
    calls = json.load(sys.stdin)
    signal.signal(signal.SIGALRM, _alarm)
    base_ns: dict[str, Any] = {"__name__": "__compat__"}
    exec(compile(PRELUDE, "<prelude>", "exec"), base_ns)
    import intervalues

    header = {
        "header": True,
        "version": getattr(intervalues, "__version__", "?"),
        "file": intervalues.__file__,
        "python": sys.version.split()[0],
    }
    print(json.dumps(header), flush=True)
    for call in calls:
        try:
            result = run_one(call["src"], base_ns)
        except SyntaxError:
            result = {
                "ok": False,
                "exc": "HarnessSyntaxError",
                "mro": [],
                "msg": traceback.format_exc(),
            }
        result["id"] = call["id"]
        print(json.dumps(result), flush=True)


if __name__ == "__main__":
    main()
