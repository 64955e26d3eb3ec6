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
