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

from datetime import datetime
from typing import Any

import domains as dm
import numpy as np
import pointmodel as pm
import pytest
from harness import agree, agree_collections, budget, on_each, run_on
from hypothesis import note
from hypothesis import strategies as st
from hypothesis.stateful import Bundle, RuleBasedStateMachine, initialize, multiple, rule

from intervalues import BaseInterval, IntervalCounter, IntervalMeter, IntervalSet

pd = pytest.importorskip("pandas")
pa = pytest.importorskip("pyarrow")

CLASSES = {"meter": IntervalMeter, "counter": IntervalCounter, "set": IntervalSet}
KINDS = st.sampled_from(["meter", "counter", "set"])
FACTORS = st.one_of(
    st.sampled_from([2, -1, 0, 3, 1, 0.5, -0.25, 1.5, 0.1]),
    st.sampled_from([1e308, 1e-308, 5e-324, 10**30]),
)


class Case:
    """One collection: its model and its objects, one per backend."""

    def __init__(self, kind: str, model: pm.Steps, objs: dict[str, Any]) -> None:
        self.kind = kind
        self.model = model
        self.objs = objs

    def __repr__(self) -> str:
        return f"Case({self.kind}, {self.objs['python']!r})"


def intervals_of(ivs: list[tuple[Any, Any, Any]], form: int) -> Any:
    """The same intervals as objects, tuples, or a generator (W10)."""
    if form == 0:
        return [BaseInterval(a, b, v) for a, b, v in ivs]
    if form == 1:
        return list(ivs)
    return (BaseInterval(a, b, v) for a, b, v in ivs)


def check_pieces(case: Case) -> None:
    """Every backend's collection equals the model: pieces, spelling, value types."""
    objs = case.objs
    agree_collections(objs, "pieces")
    want = case.model.shown()
    got = list(objs["python"])
    note(f"model {want}")
    assert len(got) == len(want), (got, want)
    for iv, (a, b, v) in zip(got, want):
        assert repr(iv.start) == repr(a) and repr(iv.stop) == repr(b), (iv, a, b)
        if case.kind == "set":
            assert iv.value == 1
        else:
            assert pm.same(iv.value, v), (iv, v)


def _columns(ivs: list[tuple[Any, Any, Any]], domain: dm.Domain, how: str) -> Any:
    """``(starts, stops, values, model intervals)`` as columns of library ``how``."""
    starts = [a for a, _, _ in ivs]
    stops = [b for _, b, _ in ivs]
    values = [v for _, _, v in ivs]
    model_ivs = list(ivs)
    if how == "list" or not ivs:
        return starts, stops, values, model_ivs
    if domain.kind == "number":
        types = {type(x) for x in starts + stops}
        if types == {int} and all(-(2**63) <= x < 2**63 for x in starts + stops):
            s, e = np.array(starts, dtype=np.int64), np.array(stops, dtype=np.int64)
        elif types == {float}:
            s, e = np.array(starts), np.array(stops)
        else:
            return starts, stops, values, model_ivs
    elif domain.kind == "naive":
        s = np.array(starts, dtype="M8[us]")
        e = np.array(stops, dtype="M8[us]")
    else:  # one zone per column: that of its first value
        s = pd.Series(pd.to_datetime([x.astimezone(dm.UTC) for x in starts]))
        e = pd.Series(pd.to_datetime([x.astimezone(dm.UTC) for x in stops]))
        s, e = s.dt.tz_convert(starts[0].tzinfo), e.dt.tz_convert(stops[0].tzinfo)
        if how == "arrow":
            s, e = pa.array(s), pa.array(e)
        zs, ze = _column_zone(s), _column_zone(e)  # as the column itself reports it
        starts = [x.astimezone(zs) for x in starts]
        stops = [x.astimezone(ze) for x in stops]
        model_ivs = [(a, b, v) for a, b, (_, _, v) in zip(starts, stops, ivs)]
        how = "done"
    vtypes = {type(v) for v in values}
    if vtypes == {int} and all(-(2**63) <= v < 2**63 for v in values):
        v_col: Any = np.array(values, dtype=np.int64)
    elif vtypes == {float}:
        v_col = np.array(values)
    else:
        v_col = values
    if how == "pandas":
        s, e = pd.Series(s), pd.Series(e)
        v_col = pd.Series(v_col) if not isinstance(v_col, list) else v_col
    elif how == "arrow" and domain.kind != "aware":
        s, e = pa.array(s), pa.array(e)
        v_col = pa.array(v_col) if not isinstance(v_col, list) else v_col
    return s, e, v_col, model_ivs


def _column_zone(col: Any) -> Any:
    """The zone a pandas or pyarrow column carries (Arrow: a name, read as documented in
    ``intervalues._arrays``: UTC, a fixed offset or an IANA key)."""
    if isinstance(col, pd.Series):
        return col.dt.tz
    name = col.type.tz
    if name.upper() in ("UTC", "Z", "+00:00"):
        return dm.UTC
    if name[:1] in "+-":
        sign = -1 if name[0] == "-" else 1
        return dm.timezone(sign * dm.timedelta(hours=int(name[1:3]), minutes=int(name[4:6])))
    return dm.ZoneInfo(name)


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
        s, e, v, model_ivs = _columns(ivs, self.domain, how)
        values = None if kind == "set" and data.draw(st.booleans()) else v
        if values is None:
            model_ivs = [(a, b, 1) for a, b, _ in model_ivs]

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
        if other.kind != "set" and how == "discard":
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
            kinds = {cols[0].dtype.kind, cols[1].dtype.kind}
            ints = [x for a, b, _ in ivs for x in (a, b) if type(x) is int]
            objects = values is not None and values.dtype.kind == "O"  # then no promotion
            if kinds == {"i", "f"} and not objects and all(abs(x) <= 2**53 for x in ints):
                ivs = [(float(a), float(b), v) for a, b, v in ivs]  # from_arrays promotes
            return pm.build(case.kind, ivs)

        new = self._made(case.kind, model, make)
        if new is not None:
            assert new.objs["python"] == case.objs["python"]
        return self._pushed(new)

    # -- reading them ------------------------------------------------------------------------
    @rule(case=cases, data=st.data())
    def check(self, case: Case, data: Any) -> None:
        model = case.model
        pts = dm.probes(model, self.domain)
        pts = data.draw(st.lists(st.sampled_from(pts), max_size=12, unique_by=repr), label="pts")
        want = [model.value_at(x) for x in pts]
        results = agree(on_each(lambda n: [case.objs[n][x] for x in pts]), "c[x]")
        for x, got, w in zip(pts, results.value, want):
            if case.kind == "set":
                assert got == w, (x, got, w)
            else:
                assert pm.same(got, w), (x, got, w)
        if case.kind == "set":
            got = agree(on_each(lambda n: case.objs[n].contains_many(pts)), "contains_many")
            assert got.value == [bool(w) for w in want]
        else:
            got = agree(on_each(lambda n: case.objs[n].values_at(pts)), "values_at")
            assert all(pm.same(g, w) for g, w in zip(got.value, want)), (got.value, want)
        self._check_numpy(case, pts, want)
        if case.kind != "set":
            self._check_statistics(case)

    def _check_numpy(self, case: Case, pts: list[Any], want: list[Any]) -> None:
        kind = self.domain.kind
        groups: list[tuple[Any, list[int]]] = []
        if kind == "number":
            ints = [i for i, x in enumerate(pts) if type(x) is int and -(2**63) <= x < 2**63]
            floats = [i for i, x in enumerate(pts) if type(x) is float]
            if ints:
                groups.append((np.array([pts[i] for i in ints], dtype=np.int64), ints))
            if floats:
                groups.append((np.array([pts[i] for i in floats]), floats))
        elif kind == "naive":
            idx = list(range(len(pts)))
            if idx:
                groups.append((np.array(pts, dtype="M8[us]"), idx))
            recent = [x for x in pts if x.year == 2024]  # in M8[ns] range
            if recent:  # 1 ns after each: exact comparisons below a microsecond
                arr = np.array(recent, dtype="M8[us]").astype("M8[ns]") + np.timedelta64(1, "ns")
                after = [model_after(case.model, x) for x in recent]
                got = agree(on_each(lambda n: _lookup(case, n, arr)), "ns points")
                assert got.value.tolist() == after, (recent, got.value, after)
        else:
            idx = [i for i, x in enumerate(pts) if x.year == 2024]
            if idx:
                utc = [pts[i].astimezone(dm.UTC) for i in idx]
                groups.append((pd.Series(pd.to_datetime(utc)).dt.tz_convert(dm.ZONES[2]), idx))
                groups.append(
                    (
                        pa.array(
                            np.array([x.replace(tzinfo=None) for x in utc], "M8[us]"),
                            type=pa.timestamp("us", tz="UTC"),
                        ),
                        idx,
                    )
                )
        call = "contains_many" if case.kind == "set" else "values_at"
        for arr, idx in groups:
            got = agree(on_each(lambda n, a=arr: _lookup(case, n, a)), call)
            values = got.value.tolist()
            for i, g in zip(idx, values):
                assert g == (bool(want[i]) if case.kind == "set" else want[i]), (pts[i], g, want[i])
            if kind == "number" and call == "values_at":
                arrow = agree(on_each(lambda n, a=arr: _lookup(case, n, pa.array(a))), "arrow")
                assert arrow.value.tolist() == values

    def _check_statistics(self, case: Case) -> None:
        model = case.model
        pairs = model.measure_pairs()
        calls = {
            "average_value": lambda o: o.average_value(),
            "maximum_value": lambda o: o.maximum_value(),
            "minimum_value": lambda o: o.minimum_value(),
            "median_value": lambda o: o.median_value(),
            "mode_value": lambda o: o.mode_value(),
        }
        for name, call in calls.items():
            got = agree(on_each(lambda n, c=call: c(case.objs[n])), name)
            if not pairs:
                assert got.error is not None, (name, got)
                continue
            want = {
                "average_value": lambda: pm.average(pairs),
                "maximum_value": lambda: max(v for v, _ in pairs),
                "minimum_value": lambda: min(v for v, _ in pairs),
                "median_value": lambda: pm.median(pairs),
                "mode_value": lambda: pm.mode(pairs),
            }[name]()
            assert got.error is None, (name, got)
            assert got.value == want, (name, got.value, want)
        for t in (1, 2, 0.5):
            got = agree(on_each(lambda n, t=t: _set_pieces(case.objs[n].regions_at_least(t))), "ge")
            show = model.spelling.show
            high = pm.regions(model, lambda v, t=t: v >= t)
            want_r = [(repr(show(a)), repr(show(b))) for a, b in high]
            assert got.value == want_r, (t, got.value, want_r)


def _lookup(case: Case, name: str, arr: Any) -> Any:
    obj = case.objs[name]
    return obj.contains_many(arr) if case.kind == "set" else obj.values_at(arr)


def model_after(model: pm.Steps, x: datetime) -> Any:
    """The model's answer 1 ns after ``x`` (a thousandth of a key)."""
    v = model.value_at_key(pm.key(x) + pm.Fraction(1, 1000))
    return bool(v) if model.kind == "set" else v


def _set_pieces(s: Any) -> list[tuple[str, str]]:
    s._check()
    return [(repr(p.start), repr(p.stop)) for p in s]


def _dt(x: Any) -> Any:
    if isinstance(x, np.datetime64):
        return x.astype("M8[us]").item()
    return x


TestContinuous = budget(60, 0.08, steps=12)(ContinuousMachine).TestCase
