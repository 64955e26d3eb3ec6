"""Departure predicates on outcomes the harness cannot produce on every branch.

The accelerator's 0.4.0 entry points (issue 14 item 2) may be missing from a build
(``combine_intervals_float`` is ``None`` without the accelerator); the W2 row must
still excuse exactly the rounding differences below, and nothing else.
"""

from __future__ import annotations

from types import SimpleNamespace

from .departures import DEPARTURES, explain, float_entry_exact

_CALL = "import intervalues_pyrust\nintervalues_pyrust.combine_intervals_float({}, {})"


def _call(rows: str, digits: str) -> SimpleNamespace:
    return SimpleNamespace(id="comb.item2|#test", src=_CALL.format(rows, digits), tags=frozenset())


def _list(text: str) -> dict[str, object]:
    return {"ok": True, "type": "list", "repr": text, "fp": ["list", text]}


def test_w2_excuses_the_32_bit_floats_of_0_4_0() -> None:
    call = _call("[(0.1, 0.3, 1.0), (0.2, 0.4, 2.0)]", "1")
    old = _list(
        "[(0.10000000149011612, 0.20000000298023224, 1.0), (0.20000000298023224, "
        "0.30000001192092896, 3.0), (0.30000001192092896, 0.4000000059604645, 2.0)]"
    )
    new = _list("[(0.1, 0.2, 1.0), (0.2, 0.3, 3.0), (0.3, 0.4, 2.0)]")
    assert float_entry_exact(call, old, new)
    assert explain(call, old, new) == ["W2"]


def test_w2_excuses_halves_rounded_to_even() -> None:
    # round(0.5) == 0 in Python (and in our kernel); 0.4.0's f32 round gave 1.0
    call = _call("[(0.5, 1.5, 1.0)]", "0")
    assert explain(call, _list("[(1.0, 2.0, 1.0)]"), _list("[(0.0, 2.0, 1.0)]")) == ["W2"]


def test_w2_does_not_excuse_other_answers() -> None:
    call = _call("[(0.5, 1.5, 1.0)]", "0")
    old = _list("[(1.0, 2.0, 1.0)]")
    assert not float_entry_exact(call, old, _list("[(0.0, 3.0, 1.0)]"))  # not a rounded input
    assert not float_entry_exact(call, old, _list("[(0.0, 2.0, 5.0)]"))  # value far off
    assert not float_entry_exact(call, old, _list("[(0.0, 2.0, 1.0), (2.0, 3.0, 1.0)]"))
    other = _call("[(0.5, 1.5, 1.0)]", "-1")  # a negative nr_decimal is no rounding
    assert not float_entry_exact(other, old, _list("[(0.0, 2.0, 1.0)]"))
    int_entry = _call("[(0.5, 1.5, 1.0)]", "0").src.replace("_float", "_int")
    assert not float_entry_exact(
        SimpleNamespace(id="x", src=int_entry, tags=frozenset()), old, _list("[(0.0, 2.0, 1.0)]")
    )


def test_w2_is_a_row_of_the_table() -> None:
    assert "W2" in {d.id for d in DEPARTURES}


def _err(exc: str, msg: str, mro: tuple[str, ...] = ()) -> dict[str, object]:
    return {"ok": False, "exc": exc, "msg": msg, "mro": [exc, *mro]}


def _src(src: str) -> SimpleNamespace:
    return SimpleNamespace(id="x|" + src, src=src, tags=frozenset())


def test_w15_excuses_python_internal_errors_on_bad_input() -> None:
    ours = _err("InvalidTypeError", "factor must be an int or float", ("TypeError", "ValueError"))
    old = _err("TypeError", "'>' not supported between instances of 'str' and 'int'")
    assert explain(_src("x * 'a'"), old, ours) == ["W15"]
    old = _err("OverflowError", "cannot convert float infinity to integer")
    new = _err("ValueError", "stop must be finite, got inf")
    assert explain(_src("BDI(0, float('inf'))"), old, new) == ["W15"]


def test_w15_keeps_operator_messages_on_intervals() -> None:
    # an operator refused on an interval keeps 0.4.0's text (decision 1): not excused
    old = _err("TypeError", "unsupported operand type(s) for +: 'int' and 'BaseInterval'")
    new = _err("TypeError", "unsupported operand type(s) for +: 'BaseInterval' and 'int'")
    assert explain(_src("x + 1"), old, new) == []
    # a TypeError must stay a TypeError
    old = _err("TypeError", "'>' not supported between instances of 'str' and 'int'")
    assert explain(_src("x * 'a'"), old, _err("ValueError", "factor")) == []


def test_w15_excuses_an_infinite_value_refused_by_the_interval() -> None:
    old = _err("ValueError", "IntervalPdf weights must be finite and non-negative")
    new = _err("ValueError", "value must be finite, got inf")
    assert explain(_src("IntervalPdf([BI(0, 1, float('inf'))])"), old, new) == ["W15"]
    assert explain(_src("IntervalPdf([BI(0, float('inf'))])"), old, new) == []


def _dt_run(hour: int, count: int) -> list[object]:
    start = ["datetime", f"2024-01-01T{hour:02d}:00:00", None, 0]
    stop = ["datetime", f"2024-01-01T{hour + count - 1:02d}:00:00", None, 0]
    step = ["timedelta", 0, 3600, 0]
    return ["iv", "BaseDiscreteInterval", "", start, stop, ["int", "1"], step, ["int", str(count)]]


def _set(*runs: list[object]) -> dict[str, object]:
    return {
        "ok": True,
        "type": "IntervalSet",
        "repr": "",
        "fp": ["coll", "IntervalSet", ["bag", list(runs)]],
    }


def test_w6_excuses_datetime_points_in_canonical_runs() -> None:
    call = _src("IntervalSet([BDI(T0, count=3, step=H), BDI(T0 + H, count=3, step=H)])")
    split = _set(*(_dt_run(h, 1) for h in (9, 10, 11, 12)))
    assert explain(call, split, _set(_dt_run(9, 4))) == ["W6"]
    assert explain(call, split, _set(_dt_run(9, 3))) == []  # a point lost is no spelling
