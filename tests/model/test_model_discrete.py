"""Model-based test of discrete (stepped) meters, counters and sets with mixed steps.

Runs of several steps (ints and decimal floats, offsets near 2**64) overlap on different
lattices. The model (``pointmodel.Lattices``) keeps each lattice's values as the library
stores them (W1: discrete collections add per lattice) and reads the point function as
their exact sum. After every step: ``_check()``, bit-identical backends, the stored runs
per lattice equal to the model's, and lookups (exact points, points within the step
tolerance of W19, points off every lattice; lists and NumPy), the point-wise statistics
and regions of issue 15 item 2, and set algebra by membership.
"""

from __future__ import annotations

from fractions import Fraction
from typing import Any

import numpy as np
import pointmodel as pm
from cases import assert_refused, refuses
from harness import agree, agree_collections, bits, budget, on_each, run_on
from hypothesis import note
from hypothesis import strategies as st
from hypothesis.stateful import Bundle, RuleBasedStateMachine, multiple, rule

from intervalues import (
    BaseDiscreteInterval,
    IntervalCounter,
    IntervalMeter,
    IntervalSet,
)

CLASSES = {"meter": IntervalMeter, "counter": IntervalCounter, "set": IntervalSet}
TOL = BaseDiscreteInterval.tol

INT_STEPS = st.sampled_from([1, 2, 3, 6])
FLOAT_STEPS = st.sampled_from([0.5, 0.25, 0.2, 1.5, 3.0])
STARTS = st.one_of(
    st.integers(-4, 8),
    st.sampled_from([0.5, 0.1, 0.3, 1.0, 2.25, -0.5, 0.0]),
    st.sampled_from([2**64 + 1, 2**64 + 3]),
)
VALUES = st.one_of(st.integers(-2, 3), st.sampled_from([0.5, 0.1, -0.2, 1.0, 2**64, 1.7e308]))


@st.composite
def discrete(draw: Any) -> list[tuple[Any, int, Any, Any]]:
    """``(start, count, step, value)`` tuples; float starts get float steps."""
    out = []
    for _ in range(draw(st.integers(0, 4))):
        start = draw(STARTS)
        step = draw(FLOAT_STEPS if type(start) is float else st.one_of(INT_STEPS, FLOAT_STEPS))
        out.append((start, draw(st.integers(1, 5)), step, draw(VALUES)))
    return out


def objects(ivs: list[tuple[Any, int, Any, Any]]) -> list[BaseDiscreteInterval]:
    return [BaseDiscreteInterval(s, step=d, count=c, value=v) for s, c, d, v in ivs]


class Case:
    def __init__(self, kind: str, model: Any, objs: dict[str, Any]) -> None:
        self.kind, self.model, self.objs = kind, model, objs

    def __repr__(self) -> str:
        return f"Case({self.kind}, {self.objs['python']!r})"


def shown(q: Fraction, floaty: bool) -> Any:
    return float(q) if floaty or q.denominator != 1 else int(q)


def set_points(ivs: list[tuple[Any, int, Any, Any]]) -> set[Fraction]:
    """A discrete set: the points where some lattice sums to a positive value."""
    lat = pm.discrete_build("set", ivs)
    return {k for pts in lat.points.values() for k in pts}


def check_runs(case: Case) -> None:
    """Meters and counters: the stored runs per lattice are the model's, bit for bit."""
    agree_collections(case.objs, "runs")
    got = sorted(
        (repr(p.start), repr(p.stop), repr(p.step), p.count, type(p.value).__name__, bits(p.value))
        for p in case.objs["python"]
    )
    note(f"runs {got}")
    want = []
    for first, last, step, v in pm.discrete_runs(case.model):
        f = case.model.floaty.get((step, first % step), False)
        count = int((last - first) / step) + 1
        row = (repr(shown(first, f)), repr(shown(last, f)), repr(shown(step, f)), count)
        want.append((*row, type(v).__name__, bits(v)))
    assert got == sorted(want), (got, want)


def lattice_points(lattices: Any, x: Any) -> list[tuple[Any, Fraction]]:
    """Per lattice, the point ``x`` stands for: exact, or within ``tol * step`` (W19)."""
    out = []
    q = pm.dec(x)
    for step, offset in lattices:
        r = (q - offset) / step
        k = round(r)
        if abs(r - k) <= Fraction(TOL):
            out.append(((step, offset), offset + k * step))
    return out


class DiscreteMachine(RuleBasedStateMachine):
    cases = Bundle("cases")

    def _made(self, kind: str, model_of: Any, make: Any) -> Any:
        try:
            model = model_of()
        except pm.NotFinite:
            for name, got in on_each(make).items():
                assert isinstance(got.error, ValueError), (name, got)
            return multiple()
        results = on_each(make)
        for name, got in results.items():
            assert got.error is None, (name, got.error)
        case = Case(kind, model, {n: r.value for n, r in results.items()})
        if kind == "set":
            agree_collections(case.objs, "set")
            self._check_members(case)
        else:
            check_runs(case)
        return case

    @rule(target=cases, kind=st.sampled_from(["meter", "counter", "set"]), ivs=discrete())
    def construct(self, kind: str, ivs: Any) -> Any:
        def model() -> Any:
            if kind == "set":
                return set_points(ivs)
            return pm.discrete_build(kind, ivs)

        return self._made(kind, model, lambda n: CLASSES[kind](objects(ivs), use_rust=n == "rust"))

    @rule(case=cases, other=cases, times=st.sampled_from([1, -1, 2, 0.5]))
    def update(self, case: Case, other: Case, times: Any) -> None:
        if case.kind == "set" or other.kind == "set" or case is other:
            return
        before = {n: repr(o) for n, o in case.objs.items()}
        if refuses(case.kind, other.kind):  # counter.update(meter): as 0.4.0, unchanged
            assert_refused(case.objs, other.objs, lambda o, x: o.update(x, times))
            return
        try:
            model = pm.discrete_add(case.model, other.model, times)
        except pm.NotFinite:
            model = None
        for name, obj in case.objs.items():
            got = run_on(name, lambda o=obj, nm=name: o.update(other.objs[nm], times))
            if model is None:
                assert isinstance(got.error, ValueError), got
                assert repr(obj) == before[name]
            else:
                assert got.error is None, got.error
        if model is not None:
            case.model = model
            check_runs(case)

    @rule(target=cases, a=cases, b=cases, op=st.sampled_from(["or", "and", "sub"]))
    def set_algebra(self, a: Case, b: Case, op: str) -> Any:
        if a.kind != "set" or b.kind != "set":
            return multiple()
        model = {"or": a.model | b.model, "and": a.model & b.model, "sub": a.model - b.model}[op]

        def make(n: str) -> Any:
            x, y = a.objs[n], b.objs[n]
            return {"or": x | y, "and": x & y, "sub": x - y}[op]

        return self._made("set", lambda: model, make)

    @rule(target=cases, case=cases, t=st.sampled_from([1, 2, 0.5]))
    def regions(self, case: Case, t: Any) -> Any:
        """Issue 15 item 2: regions follow the point function, whatever the storage."""
        if case.kind == "set":
            return multiple()
        return self._made(
            "set",
            lambda: {k for k, v in case.model.function().items() if v >= t},
            lambda n: case.objs[n].regions_at_least(t),
        )

    @rule(case=cases)
    def statistics(self, case: Case) -> None:
        if case.kind == "set":
            return
        try:
            func = case.model.function()
        except pm.NotFinite:  # the point-wise sum of two lattices is beyond the float range
            for name in ("maximum_value", "minimum_value", "average_value", "median_value"):
                got = agree(on_each(lambda n, nm=name: getattr(case.objs[n], nm)()), name)
                assert isinstance(got.error, ValueError), (name, got)
            return
        pairs = [(v, 1) for v in func.values()]
        for name in ("maximum_value", "minimum_value", "average_value", "median_value"):
            got = agree(on_each(lambda n, nm=name: getattr(case.objs[n], nm)()), name)
            if not pairs:
                assert got.error is not None
                continue
            try:
                want = {
                    "maximum_value": lambda: max(func.values()),
                    "minimum_value": lambda: min(func.values()),
                    "average_value": lambda: pm.average([(v, Fraction(1)) for v, _ in pairs]),
                    "median_value": lambda: pm.median([(v, Fraction(1)) for v, _ in pairs]),
                }[name]()
            except OverflowError:  # no float answer: a clear ValueError
                assert isinstance(got.error, ValueError), (name, got)
                continue
            assert got.error is None and got.value == want, (name, got, want)
        count = agree(on_each(lambda n: case.objs[n].support_point_count()), "points")
        assert count.value == len(func)

    @rule(case=cases, data=st.data())
    def lookups(self, case: Case, data: Any) -> None:
        if case.kind == "set":
            self._check_members(case)
            return
        lattices = list(case.model.points)
        keys = sorted({k for pts in case.model.points.values() for k in pts})
        near = [float(k) + float(step) * 4e-7 for k in keys for step, _ in lattices[:1]]
        pts = [shown(k, True) for k in keys] + [shown(k, False) for k in keys] + near
        pts += [float(k) + 0.37 for k in keys] + [-100, 10**30]
        pts = data.draw(st.lists(st.sampled_from(pts), max_size=10), label="pts")
        want: list[Any] = []
        for x in pts:
            at = [case.model.points[lat].get(p) for lat, p in lattice_points(lattices, x)]
            found = [v for v in at if v is not None]
            try:
                want.append(0 if not found else found[0] if len(found) == 1 else pm.total(found))
            except pm.NotFinite:
                want.append(ValueError)
        got = agree(on_each(lambda n: [case.objs[n][x] for x in pts]), "m[x]")
        if ValueError in want:
            assert isinstance(got.error, ValueError), got
            return
        assert all(pm.same(g, w) for g, w in zip(got.value, want)), (pts, got.value, want)
        floats = [x for x in pts if type(x) is float]
        if floats:
            arr = agree(on_each(lambda n: case.objs[n].values_at(np.array(floats))), "np")
            idx = [i for i, x in enumerate(pts) if type(x) is float]
            assert arr.value.tolist() == [want[i] for i in idx]

    def _check_members(self, case: Case) -> None:
        points = case.model
        probes = [shown(k, False) for k in sorted(points)[:12]] + [0.123, -50, 7.77]
        got = agree(on_each(lambda n: case.objs[n].contains_many(probes)), "contains")
        assert got.value == [pm.dec(x) in points for x in probes], (probes, got.value)
        count = agree(on_each(lambda n: case.objs[n].support_point_count()), "count")
        assert count.value == len(points)


TestDiscrete = budget(250, 0.05, steps=10)(DiscreteMachine).TestCase
