"""The machinery of the model suite: both backends, the budget, and the checks of a step.

Every operation of the suite runs once per backend with the backend *forced* for the
whole call (``INTERVALUES_BACKEND``), so that nothing inside, not even an update's big
re-sweep or a coerced operand, silently takes the other one. The results must agree bit
for bit (``repr`` included), be canonical (the library's own ``_check()``) and equal the
exact model of ``pointmodel``.

Budget: seeded and small in ``make test`` (one seed per backend run of the suite, so the
two runs explore different examples); ``--hypothesis-profile=long`` (registered in
``tests/conftest.py``) runs each test with a share of the profile's ``max_examples``.
"""

from __future__ import annotations

import os
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from typing import Any

from hypothesis import HealthCheck, seed, settings

from intervalues._engine import accel

#: the backends every operation runs on
BACKENDS: tuple[str, ...] = ("python", "rust") if accel.available() else ("python",)

LONG = settings.get_current_profile_name() == "long"

# one seed per pytest run of the suite: the backend runs of `make test` differ
_RUN = os.environ.get("INTERVALUES_BACKEND", "auto").strip().lower() or "auto"
SEED = {"python": 15_001, "rust": 15_002}.get(_RUN, 15_003)


def budget(ci_examples: int, long_share: float, steps: int | None = None) -> Callable[[Any], Any]:
    """Settings for one model test: ``ci_examples`` seeded examples in CI, or
    ``long_share`` of the long profile's ``max_examples``; ``steps`` for state machines."""
    extra = {} if steps is None else {"stateful_step_count": steps}
    if LONG:
        chosen = settings(
            max_examples=max(1, int(settings.default.max_examples * long_share)),
            deadline=None,
            database=None,
            suppress_health_check=list(HealthCheck),
            **extra,
        )
    else:
        chosen = settings(
            max_examples=ci_examples,
            deadline=None,
            database=None,
            derandomize=False,
            suppress_health_check=list(HealthCheck),
            **extra,
        )

    def apply(test: Any) -> Any:
        test = chosen(test)
        return test if LONG else seed(SEED)(test)

    return apply


@contextmanager
def backend(name: str) -> Iterator[None]:
    """Force one backend for everything inside."""
    old = os.environ.get("INTERVALUES_BACKEND")
    os.environ["INTERVALUES_BACKEND"] = name
    try:
        yield
    finally:
        if old is None:
            del os.environ["INTERVALUES_BACKEND"]
        else:
            os.environ["INTERVALUES_BACKEND"] = old


class Outcome:
    """What one call gave on one backend: a value or an exception."""

    __slots__ = ("error", "value")

    def __init__(self, value: Any = None, error: BaseException | None = None) -> None:
        self.value = value
        self.error = error

    def __repr__(self) -> str:
        return f"error {self.error!r}" if self.error is not None else f"value {self.value!r}"


def run_on(name: str, call: Callable[[], Any]) -> Outcome:
    """``call()`` with backend ``name`` forced."""
    with backend(name):
        try:
            return Outcome(call())
        except (ValueError, TypeError, OverflowError, ZeroDivisionError) as exc:
            return Outcome(error=exc)


def on_each(call: Callable[[str], Any]) -> dict[str, Outcome]:
    """``call(backend)`` on every backend, each forced."""
    return {name: run_on(name, lambda n=name: call(n)) for name in BACKENDS}


def pieces(coll: Any) -> list[tuple[Any, ...]]:
    """The pieces of a collection, bit-exact: reprs of the bounds, the value's type and
    bits (floats as hex)."""
    out = []
    for iv in coll:
        v = iv.value
        extra = (iv.step, iv.count) if getattr(iv, "_discrete", False) else ()
        out.append((repr(iv.start), repr(iv.stop), *map(repr, extra), type(v).__name__, bits(v)))
    return out


def bits(v: Any) -> Any:
    return v.hex() if type(v) is float else v


def same_result(a: Any, b: Any) -> bool:
    """Bit-identical results of a query (numbers, bools, tuples, lists, arrays)."""
    if hasattr(a, "tolist") and hasattr(b, "tolist"):
        return a.dtype == b.dtype and same_result(a.tolist(), b.tolist())
    if isinstance(a, (list, tuple)) and isinstance(b, (list, tuple)):
        return type(a) is type(b) and len(a) == len(b) and all(map(same_result, a, b))
    if type(a) is not type(b):
        return False
    if type(a) is float:
        return a.hex() == b.hex() or (a != a and b != b)
    return bool(a == b)


def agree(results: dict[str, Outcome], what: str) -> Outcome:
    """The backends' outcomes must be identical; returns the Python one."""
    first = results["python"]
    for name, got in results.items():
        if first.error is not None or got.error is not None:
            assert type(first.error) is type(got.error), (what, name, first, got)
            assert str(first.error) == str(got.error), (what, name, first, got)
        else:
            assert same_result(first.value, got.value), (what, name, first.value, got.value)
    return first


def agree_collections(objs: dict[str, Any], what: str) -> None:
    """Collections built on each backend: canonical, and identical bit for bit."""
    first = objs["python"]
    for name, obj in objs.items():
        obj._check()
        assert repr(obj) == repr(first), (what, name, repr(first), repr(obj))
        assert pieces(obj) == pieces(first), (what, name)
