"""Model-based test of continuous meters, counters and sets (issue 15).

A ``RuleBasedStateMachine`` draws one coordinate domain (ints beyond 2**53 and 2**63,
floats with -0.0, subnormals and 1e+-300, mixed ints and floats, naive datetimes, aware
datetimes in several zones) and then random sequences of constructors (interval lists,
tuples, generators, ``from_arrays`` from lists, NumPy, pandas and pyarrow), ``update``,
``+``, ``-``, ``*``, ``/``, set algebra and conversions. After every step each
collection, built on every backend, is checked: canonical (``_check()``), identical on
both backends bit for bit (``repr`` included) and equal to the exact model of
``pointmodel`` (pieces, spellings, values and their types). The ``check`` rule probes
lookups (``c[x]``, ``in``, ``values_at``, ``contains_many`` from lists, NumPy, pandas
and pyarrow) and statistics against the model.
"""

from __future__ import annotations

from typing import Any

import domains as dm
import pointmodel as pm
import pytest
from harness import budget, on_each, run_on
from hypothesis import strategies as st
from hypothesis.stateful import Bundle, RuleBasedStateMachine, initialize, multiple, rule

pytest.importorskip("pandas")
pytest.importorskip("pyarrow")

from cases import (
    CLASSES,
    Case,
    array_columns,
    assert_refused,
    check_lengths,
    check_lookups,
    check_pieces,
    check_statistics,
    from_arrays_promotes,
    intervals_of,
    refuses,
)

KINDS = st.sampled_from(["meter", "counter", "set"])
FACTORS = st.one_of(
    st.sampled_from([2, -1, 0, 3, 1, 0.5, -0.25, 1.5, 0.1]),
    st.sampled_from([1e308, 1e-308, 5e-324, 10**30]),
)


class ContinuousMachine(RuleBasedStateMachine):
    cases = Bundle("cases")

    @initialize(domain=st.sampled_from(dm.CONTINUOUS))
    def choose(self, domain: dm.Domain) -> None:
        self.domain = domain

    # -- making collections -----------------------------------------------------------------
    def _made(self, kind: str, model_of: Any, make: Any) -> Any:
        """Build on every backend; a model that refuses (a sum beyond the float range)
        means every backend raises ValueError."""
        try:
            model = model_of()
        except pm.NotFinite:
            for name, got in on_each(make).items():
                assert isinstance(got.error, ValueError), (name, got)
            return None
        results = on_each(make)
        for name, got in results.items():
            assert got.error is None, (name, got.error)
        case = Case(kind, model, {n: r.value for n, r in results.items()})
        check_pieces(case)
        return case

    def _pushed(self, case: Case | None) -> Any:
        return multiple() if case is None else case

    @rule(target=cases, kind=KINDS, data=st.data(), form=st.integers(0, 2))
    def construct(self, kind: str, data: Any, form: int) -> Any:
        ivs = data.draw(dm.intervals(self.domain), label="intervals")

        def make(name: str) -> Any:
            return CLASSES[kind](intervals_of(ivs, form), use_rust=name == "rust")

        return self._pushed(self._made(kind, lambda: pm.build(kind, ivs), make))

    @rule(
        target=cases,
        kind=KINDS,
        data=st.data(),
        how=st.sampled_from(["list", "numpy", "pandas", "arrow"]),
    )
    def from_arrays(self, kind: str, data: Any, how: str) -> Any:
        ivs = data.draw(dm.intervals(self.domain), label="intervals")
        s, e, v, model_ivs = array_columns(ivs, self.domain, how)
        values = None if kind == "set" and data.draw(st.booleans()) else v
        if values is None:
            model_ivs = [(a, b, 1) for a, b, _ in model_ivs]
        if self.domain.kind == "number" and from_arrays_promotes(s, e, values):
            model_ivs = [(float(a), float(b), w) for a, b, w in model_ivs]

        def make(name: str) -> Any:
            return CLASSES[kind].from_arrays(s, e, values, use_rust=name == "rust")

        return self._pushed(self._made(kind, lambda: pm.build(kind, model_ivs), make))

    # -- changing them ----------------------------------------------------------------------
    def _operand(self, case: Case, other: Case) -> pm.Steps:
        """The model of ``other`` as ``case.update`` sees it (a meter unless a counter
        updates with a counter)."""
        if case.kind == "counter" and other.kind == "counter":
            return other.model
        if other.kind == "set":
            shown = other.model.shown()
            return pm.build("meter", [(a, b, 1) for a, b, _ in shown])
        return other.model

    def _in_place(self, case: Case, new_model: Any, change: Any) -> None:
        """Apply ``change(obj)`` on every backend; the model's refusal means ValueError
        on every backend and nothing changed."""
        before = {n: repr(o) for n, o in case.objs.items()}
        try:
            model = new_model()
        except pm.NotFinite:
            for name, obj in case.objs.items():
                got = run_on(name, lambda o=obj, nm=name: change(o, nm))
                assert isinstance(got.error, ValueError), (name, got)
                assert repr(obj) == before[name], "changed on failure"
                obj._check()
            return
        for name, obj in case.objs.items():
            got = run_on(name, lambda o=obj, nm=name: change(o, nm))
            assert got.error is None, (name, got.error)
        case.model = model
        check_pieces(case)

    @rule(case=cases, other=cases, times=st.sampled_from([1, 1, -1, 2, 0.5, -0.25, 1e308]))
    def update(self, case: Case, other: Case, times: Any) -> None:
        if case.kind == "set" or case is other:
            return
        if refuses(case.kind, other.kind):
            assert_refused(case.objs, other.objs, lambda o, s: o.update(s, times))
            return
        operand = self._operand(case, other)
        objs = other.objs
        self._in_place(
            case,
            lambda: pm.add(case.model, operand, times),
            lambda o, name: o.update(objs[name], times),
        )

    @rule(target=cases, case=cases, other=cases, sign=st.sampled_from([1, -1]))
    def plus_minus(self, case: Case, other: Case, sign: int) -> Any:
        if case.kind == "set":
            return multiple()
        if sign == -1 and refuses(case.kind, other.kind):
            assert_refused(case.objs, other.objs, lambda o, s: o - s)
            return multiple()
        operand = self._operand(case, other)

        def make(name: str) -> Any:
            a, b = case.objs[name], other.objs[name]
            return a + b if sign == 1 else a - b

        return self._pushed(self._made(case.kind, lambda: pm.add(case.model, operand, sign), make))

    @rule(target=cases, case=cases, factor=FACTORS, divide=st.booleans())
    def scale(self, case: Case, factor: Any, divide: bool) -> Any:
        if case.kind == "set":
            return multiple()
        op = "/" if divide else "*"
        try:
            model_of = pm.scale(case.model, factor, op)
        except ZeroDivisionError:
            for got in on_each(lambda n: case.objs[n] / factor).values():
                assert isinstance(got.error, ZeroDivisionError)
            return multiple()
        except pm.NotFinite:
            model_of = None

        def make(name: str) -> Any:
            return case.objs[name] / factor if divide else case.objs[name] * factor

        def model() -> pm.Steps:
            if model_of is None:
                raise pm.NotFinite
            return model_of

        return self._pushed(self._made(case.kind, model, make))

    @rule(target=cases, a=cases, b=cases, op=st.sampled_from(["or", "and", "sub", "xor"]))
    def set_algebra(self, a: Case, b: Case, op: str) -> Any:
        if a.kind != "set" or b.kind != "set":
            return multiple()
        sym = {"or": "|", "and": "&", "sub": "-", "xor": "^"}[op]

        def make(name: str) -> Any:
            x, y = a.objs[name], b.objs[name]
            return {"|": x | y, "&": x & y, "-": x - y, "^": x ^ y}[sym]

        case = self._made("set", lambda: pm.setop(a.model, b.model, op), make)
        if case is not None and op in ("or", "and"):  # commutative: the same bits
            swapped = on_each(
                lambda n: b.objs[n] | a.objs[n] if op == "or" else b.objs[n] & a.objs[n]
            )
            assert repr(swapped["python"].value) == repr(case.objs["python"]), "not symmetric"
        return self._pushed(case)

    @rule(case=cases, other=cases, how=st.sampled_from(["update", "add", "ior", "discard"]))
    def set_in_place(self, case: Case, other: Case, how: str) -> None:
        if case.kind != "set" or case is other:
            return
        if other.kind != "set" and how != "ior":  # update/add/discard refuse it, as 0.4.0
            assert_refused(case.objs, other.objs, lambda o, x: getattr(o, how)(x))
            return
        shown = [(a, b, 1) for a, b, _ in case.model.shown()] + other.model.shown()

        def model() -> pm.Steps:
            if other.kind == "set":
                return pm.setop(case.model, other.model, "sub" if how == "discard" else "or")
            return pm.build("set", shown)  # a set plus a meter: the positive part of the sum

        objs = other.objs

        def change(o: Any, name: str) -> None:
            x = objs[name]
            if how == "update":
                o.update(x)
            elif how == "add":
                o.add(x)
            elif how == "discard":
                o.discard(x)
            else:
                o |= x

        self._in_place(case, model, change)

    @rule(target=cases, case=cases, to=KINDS)
    def convert(self, case: Case, to: str) -> Any:
        shown = case.model.shown()
        ivs = [(a, b, 1 if case.kind == "set" else v) for a, b, v in shown]

        def make2(name: str) -> Any:
            return CLASSES[to](list(case.objs[name]), use_rust=name == "rust")

        return self._pushed(self._made(to, lambda: pm.build(to, ivs), make2))

    @rule(target=cases, case=cases)
    def arrays_round_trip(self, case: Case) -> Any:
        if case.model.spelling.domain == "aware" or not case.model.pieces:
            return multiple()
        cols = case.objs["python"].to_arrays()
        values = cols[2] if case.kind != "set" else None

        def make(name: str) -> Any:
            return CLASSES[case.kind].from_arrays(cols[0], cols[1], values)

        def model() -> pm.Steps:
            # columns are homogeneous: int64/float64 NumPy, or Python objects
            ivs = [
                (a.item() if hasattr(a, "item") else a, b.item() if hasattr(b, "item") else b, 1)
                for a, b in zip(cols[0], cols[1])
            ]
            if case.kind != "set":
                ivs = [(a, b, v) for (a, b, _), (_, _, v) in zip(ivs, case.model.shown())]
            if case.model.spelling.domain == "naive":
                ivs = [(_dt(a), _dt(b), v) for a, b, v in ivs]
            if case.model.spelling.domain == "number" and from_arrays_promotes(*cols[:2], values):
                ivs = [(float(a), float(b), v) for a, b, v in ivs]  # from_arrays promotes
            return pm.build(case.kind, ivs)

        new = self._made(case.kind, model, make)
        if new is not None:
            assert new.objs["python"] == case.objs["python"]
        return self._pushed(new)

    # -- reading them ------------------------------------------------------------------------
    @rule(case=cases, data=st.data())
    def check(self, case: Case, data: Any) -> None:
        pts = dm.probes(case.model, self.domain)
        pts = data.draw(st.lists(st.sampled_from(pts), max_size=12, unique_by=repr), label="pts")
        check_lookups(case, self.domain, pts)
        check_lengths(case, self.domain)
        if case.kind != "set":
            check_statistics(case)


def _dt(x: Any) -> Any:
    if hasattr(x, "astype"):  # a NumPy datetime64
        return x.astype("M8[us]").item()
    return x


TestContinuous = budget(400, 0.05, steps=12)(ContinuousMachine).TestCase
