"""Model-based tests of single operations: cheap examples, many of them.

Where the state machine (``test_model_continuous``) explores sequences, these tests each
take one operation over fresh random collections of a random domain, so a deep run can
afford a million examples: constructors with lookups and statistics, independence of
input order, binary operations (``update``, ``+``, ``-``, set algebra) and scaling. Every
result is checked as in the machine: ``_check()``, both backends bit for bit, the model.
"""

from __future__ import annotations

import random
from typing import Any

import domains as dm
import pointmodel as pm
import pytest
from harness import agree_collections, budget, on_each, run_on
from hypothesis import given
from hypothesis import strategies as st

pytest.importorskip("pandas")
pytest.importorskip("pyarrow")

from cases import (
    CLASSES,
    Case,
    assert_refused,
    check_lengths,
    check_lookups,
    check_pieces,
    check_statistics,
    intervals_of,
    refuses,
)

KINDS = st.sampled_from(["meter", "counter", "set"])
DOMAINS = st.sampled_from(dm.CONTINUOUS)


def build(kind: str, ivs: list[Any], form: int = 0) -> Case | None:
    """The collection on every backend and its model (None: the model refuses, and every
    backend raised ``ValueError``)."""

    def make(name: str) -> Any:
        return CLASSES[kind](intervals_of(ivs, form), use_rust=name == "rust")

    try:
        model = pm.build(kind, ivs)
    except pm.NotFinite:
        for got in on_each(make).values():
            assert isinstance(got.error, ValueError), got
        return None
    results = on_each(make)
    assert all(r.error is None for r in results.values()), results
    case = Case(kind, model, {n: r.value for n, r in results.items()})
    check_pieces(case)
    return case


def made(kind: str, model_of: Any, make: Any) -> None:
    """A derived collection: refused everywhere, or equal to the model everywhere."""
    try:
        model = model_of()
    except pm.NotFinite:
        for got in on_each(make).values():
            assert isinstance(got.error, ValueError), got
        return
    except ZeroDivisionError:
        for got in on_each(make).values():
            assert isinstance(got.error, ZeroDivisionError), got
        return
    results = on_each(make)
    assert all(r.error is None for r in results.values()), results
    check_pieces(Case(kind, model, {n: r.value for n, r in results.items()}))


@budget(400, 0.30)
@given(domain=DOMAINS, kind=KINDS, data=st.data(), form=st.integers(0, 2))
def test_build_lookup_statistics(domain: dm.Domain, kind: str, data: Any, form: int) -> None:
    ivs = data.draw(dm.intervals(domain), label="intervals")
    case = build(kind, ivs, form)
    if case is None:
        return
    pts = dm.probes(case.model, domain)
    pts = data.draw(st.lists(st.sampled_from(pts), max_size=8, unique_by=repr), label="pts")
    check_lookups(case, domain, pts)
    check_lengths(case, domain)
    if kind != "set":
        check_statistics(case)


@budget(400, 0.20)
@given(domain=DOMAINS, kind=KINDS, data=st.data(), order=st.randoms(use_true_random=False))
def test_input_order_does_not_matter(
    domain: dm.Domain, kind: str, data: Any, order: random.Random
) -> None:
    """Issue 15 items 8 and 9: spelling, zones and values never depend on input order."""
    ivs = data.draw(dm.intervals(domain, max_size=7), label="intervals")
    shuffled = list(ivs)
    order.shuffle(shuffled)
    a, b = build(kind, ivs), build(kind, shuffled)
    if a is None or b is None:
        assert a is None and b is None
        return
    assert repr(a.objs["python"]) == repr(b.objs["python"])


@budget(400, 0.25)
@given(
    domain=DOMAINS,
    kinds=st.tuples(KINDS, KINDS),
    data=st.data(),
    op=st.sampled_from(["update", "+", "-", "|", "&", "sub", "^"]),
    times=st.sampled_from([1, -1, 2, 0.5, 1e308]),
)
def test_binary_operation(
    domain: dm.Domain, kinds: tuple[str, str], data: Any, op: str, times: Any
) -> None:
    a = build(kinds[0], data.draw(dm.intervals(domain), label="a"))
    b = build(kinds[1], data.draw(dm.intervals(domain), label="b"))
    if a is None or b is None:
        return
    if a.kind == "set":
        if b.kind != "set" or op in ("update", "+", "-"):
            return
        setop = {"|": "or", "&": "and", "sub": "sub", "^": "xor"}[op]

        def make_set(n: str) -> Any:
            x, y = a.objs[n], b.objs[n]
            return {"|": x | y, "&": x & y, "sub": x - y, "^": x ^ y}[op]

        made("set", lambda: pm.setop(a.model, b.model, setop), make_set)
        if op in ("|", "&"):  # commutative, bit for bit

            def flipped(n: str) -> Any:
                return b.objs[n] | a.objs[n] if op == "|" else b.objs[n] & a.objs[n]

            for n in a.objs:
                one, two = run_on(n, lambda n=n: make_set(n)), run_on(n, lambda n=n: flipped(n))
                assert repr(one.value) == repr(two.value), (one, two)
        return
    if op not in ("update", "+", "-"):
        return
    if op != "+" and refuses(a.kind, b.kind):  # refused as 0.4.0 refuses it, unchanged
        assert_refused(a.objs, b.objs, lambda x, y: x.update(y, times) if op == "update" else x - y)
        return
    if a.kind == "counter" and b.kind == "counter":
        operand = b.model
    elif b.kind == "set":
        operand = pm.build("meter", [(s, e, 1) for s, e, _ in b.model.shown()])
    else:
        operand = b.model
    factor = times if op == "update" else (1 if op == "+" else -1)

    def make(n: str) -> Any:
        x, y = a.objs[n], b.objs[n]
        if op == "update":
            x = x.copy()
            x.update(y, times)
            return x
        return x + y if op == "+" else x - y

    made(a.kind, lambda: pm.add(a.model, operand, factor), make)


@budget(400, 0.15)
@given(
    domain=DOMAINS,
    kind=st.sampled_from(["meter", "counter"]),
    data=st.data(),
    factor=st.sampled_from([2, -1, 0, 3, 0.5, -0.25, 0.1, 1e308, 1e-308, 5e-324, 10**30]),
    divide=st.booleans(),
)
def test_scaling(domain: dm.Domain, kind: str, data: Any, factor: Any, divide: bool) -> None:
    a = build(kind, data.draw(dm.intervals(domain), label="intervals"))
    if a is None:
        return
    op = "/" if divide else "*"
    before = repr(a.objs["python"])
    made(
        kind,
        lambda: pm.scale(a.model, factor, op),
        lambda n: a.objs[n] / factor if divide else a.objs[n] * factor,
    )
    agree_collections(a.objs, "unchanged")
    assert repr(a.objs["python"]) == before
