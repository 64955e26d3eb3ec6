"""The library side of the model suite: collections built on every backend, and the
checks that compare them with the exact model (pieces, lookups, statistics)."""

from __future__ import annotations

import sys
from datetime import datetime, timedelta
from fractions import Fraction
from typing import Any

import domains as dm
import numpy as np
import pandas as pd
import pointmodel as pm
import pyarrow as pa
from harness import agree, agree_collections, on_each, run_on
from hypothesis import note

from intervalues import BaseInterval, IntervalCounter, IntervalMeter, IntervalSet, InvalidTypeError

CLASSES = {"meter": IntervalMeter, "counter": IntervalCounter, "set": IntervalSet}


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


def array_columns(ivs: list[tuple[Any, Any, Any]], domain: dm.Domain, how: str) -> Any:
    """``(starts, stops, values, model intervals)``: the intervals as columns of kind
    ``how`` (``"list"``, ``"numpy"``, ``"pandas"``, ``"arrow"``; Python lists where NumPy
    would need an object dtype), and the intervals the model must see (aware columns
    carry one zone each)."""
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


def from_arrays_promotes(starts: Any, stops: Any, values: Any) -> bool:
    """Whether ``from_arrays`` reads these number columns' ints as floats, as documented
    (docs/compatibility.md, Columns): when the two coordinate columns mix ints and floats
    (an int column with a float one, or a list holding both) and every int is exact as a
    float (``abs <= 2**53``); never when a column needs Python objects (ints beyond 64
    bits alone, anything but ints and floats: the exact Python path takes them)."""
    kinds = [_column_kind(c) for c in (starts, stops)]
    if values is not None:
        kinds.append(_column_kind(values))
    if "object" in kinds or len(starts) == 0:
        return False
    if kinds[0] == kinds[1] != "mixed":
        return False
    ints = [int(x) for c in (starts, stops) for x in _listed(c) if type(x) is not float]
    return all(abs(x) <= 2**53 for x in ints)


def _listed(col: Any) -> list[Any]:
    return col.tolist() if hasattr(col, "tolist") else list(col)


def _column_kind(col: Any) -> str:
    """``"int"``, ``"float"``, ``"mixed"`` or ``"object"``, as ``_arrays`` reads a column."""
    dtype = getattr(col, "dtype", None)
    if dtype is not None and np.dtype(dtype).kind in "iuf":
        return "float" if np.dtype(dtype).kind == "f" else "int"
    items = _listed(col)
    types = {type(x) for x in items}
    if not items or not types <= {int, float}:
        return "object"
    if types == {int}:
        return "int" if all(-(2**63) <= x < 2**63 for x in items) else "object"
    return "float" if types == {float} else "mixed"


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


def check_lookups(case: Case, domain: dm.Domain, pts: list[Any]) -> None:
    """``c[x]``, ``values_at``/``contains_many`` (lists, NumPy, pandas, Arrow) equal the
    model at every point, with the model's value types."""
    model = case.model
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
    check_numpy(case, domain, pts, want)


def check_numpy(case: Case, domain: dm.Domain, pts: list[Any], want: list[Any]) -> None:
    """Lookups from NumPy, pandas and Arrow points equal the model, exactly."""
    kind = domain.kind
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


def check_statistics(case: Case) -> None:
    """Statistics and regions of a meter or counter equal the model's."""
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
        try:
            want = {
                "average_value": lambda: pm.average(pairs),
                "maximum_value": lambda: max(v for v, _ in pairs),
                "minimum_value": lambda: min(v for v, _ in pairs),
                "median_value": lambda: pm.median(pairs),
                "mode_value": lambda: pm.mode(pairs),
            }[name]()
        except OverflowError:  # no float answer: a clear ValueError
            assert isinstance(got.error, ValueError), (name, got)
            continue
        assert got.error is None, (name, got)
        assert got.value == want, (name, got.value, want)
    for t in (1, 2, 0.5):
        got = agree(on_each(lambda n, t=t: _set_pieces(case.objs[n].regions_at_least(t))), "ge")
        show = model.spelling.show
        high = pm.regions(model, lambda v, t=t: v >= t)
        want_r = [(repr(show(a)), repr(show(b))) for a, b in high]
        assert got.value == want_r, (t, got.value, want_r)


_FLOAT_MAX = Fraction(sys.float_info.max)
_U = Fraction(1, 2**53)  # a float rounding: at most this relative error
_TINY = Fraction(5e-324)  # the absolute error of a product that underflows


def check_lengths(case: Case, domain: dm.Domain) -> None:
    """``total_length``, ``coverage_length`` (and a meter's ``total()``) agree on every
    backend with the exact answer: exactly for ints (and for ``total()``, the exact sum
    rounded once), else within the float rounding of each ``(b - a) * v`` term; a clear
    ``ValueError`` when the exact answer is beyond the float (or timedelta) range."""
    model = case.model
    shown = model.shown()
    rows = [(a, b, Fraction(1) if case.kind == "set" else Fraction(v)) for a, b, v in model.pieces]
    rows = [(a, b, v) for a, b, v in rows if b > a]
    int_keys = all(type(a) is int and type(b) is int for a, b, _ in shown)
    int_values = int_keys and all(type(v) is int for _, _, v in shown)
    cover = [(a, b, Fraction(1)) for a, b, _ in rows]
    calls: dict[str, Any] = {
        "coverage_length": (cover, int_keys),
        "total_length": (rows, int_values) if case.kind != "set" else (cover, int_keys),
    }
    for name, (terms, ints) in calls.items():
        got = agree(on_each(lambda n, m=name: getattr(case.objs[n], m)()), name)
        exact = sum(((b - a) * v for a, b, v in terms), Fraction(0))
        slack = sum(4 * _U * (abs(a) + abs(b)) * abs(v) + 2 * _TINY for a, b, v in terms)
        slack += _U * abs(exact) + _TINY
        _check_measure(name, got, exact, slack, ints, datetime_keys=domain.kind != "number")
    if case.kind != "set":
        values = [v for _, _, v in shown]
        got = agree(on_each(lambda n: case.objs[n].total()), "total")
        if all(type(v) is int for v in values):
            assert got.error is None and pm.same(got.value, sum(values)), (got, values)
            return
        exact = sum(map(Fraction, values), Fraction(0))
        if abs(exact) > _FLOAT_MAX:  # the exact sum rounds to a float beyond the range?
            try:
                float(exact)
            except OverflowError:
                assert isinstance(got.error, ValueError), ("total", got)
                return
        assert got.error is None and pm.same(got.value, float(exact)), (got, exact)


def _check_measure(
    name: str, got: Any, exact: Fraction, slack: Fraction, ints: bool, datetime_keys: bool
) -> None:
    note(f"{name}: exact {float(exact) if abs(exact) <= _FLOAT_MAX else exact}")
    if datetime_keys:  # microseconds; a timedelta rounds its float to the microsecond
        limit = Fraction(timedelta.max // timedelta(microseconds=1))
        if abs(exact) - slack > limit:
            assert isinstance(got.error, ValueError), (name, got)
            return
        if got.error is None and type(got.value) is int:  # an empty collection has no domain
            assert got.value == 0 == exact, (name, got)
        elif got.error is None:
            us = got.value // timedelta(microseconds=1)
            assert abs(us - exact) <= slack + 1, (name, got.value, exact, slack)
        else:
            assert abs(exact) + slack + 1 >= limit, (name, got)
        return
    if ints:
        assert got.error is None and type(got.value) is int, (name, got)
        assert got.value == exact, (name, got.value, exact)
        return
    if abs(exact) - slack > _FLOAT_MAX:
        assert isinstance(got.error, ValueError), (name, got)
        return
    if got.error is not None:  # only where the exact answer is at the float range's edge
        assert isinstance(got.error, ValueError) and abs(exact) + slack >= _FLOAT_MAX, (name, got)
        return
    assert type(got.value) in (int, float) and pm.finite(got.value) == got.value, (name, got)
    assert abs(Fraction(got.value) - exact) <= slack, (name, got.value, exact, slack)


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


def refuses(kind: str, other: str) -> bool:
    """Whether ``update`` and ``-`` refuse an operand of kind ``other`` on a collection of
    ``kind``: as 0.4.0, they take the collection's own type (or a subclass) or an
    interval, so a meter refuses a set and a counter refuses a meter or a set."""
    return other == "set" or (kind == "counter" and other == "meter")


def assert_refused(objs: dict[str, Any], others: dict[str, Any], change: Any) -> None:
    """``change(obj, other)`` on every backend raises 0.4.0's refusal (its ``ValueError``
    text, as ``InvalidTypeError``) and leaves ``obj`` unchanged (see :func:`refuses`)."""
    for name, obj in objs.items():
        before = repr(obj)
        got = run_on(name, lambda o=obj, x=others[name]: change(o, x))
        assert isinstance(got.error, InvalidTypeError), (name, got)
        assert repr(obj) == before, "changed on failure"
