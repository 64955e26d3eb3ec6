"""Ints mixed with floats in columns stay on the kernel, with the Python kernel's answer.

The rule (``_sweep``): a piece's value is the exact sum of the values covering it (a
float as the decimal it prints as), rounded once, and an ``int`` where only ints cover
it. ``from_arrays`` on such columns must give exactly what the constructor gives on the
same intervals (value types included), on both backends.
"""

from __future__ import annotations

from array import array

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from intervalues import BaseInterval, IntervalCounter, IntervalMeter, IntervalSet, _arrays
from intervalues._engine import accel as _backend

VALUES = st.one_of(
    st.integers(-5, 5),
    st.sampled_from([0.1, 0.2, -0.3, 0.0, 2.5, 1e-7, 3.0, -1.25]),
)


def typed(coll):
    return [(type(p.start), p.start, type(p.stop), p.stop, type(p.value), p.value) for p in coll]


@st.composite
def mixed_rows(draw):
    n = draw(st.integers(1, 30))
    starts = draw(st.lists(st.integers(0, 20), min_size=n, max_size=n))
    lengths = draw(st.lists(st.integers(0, 8), min_size=n, max_size=n))
    values = draw(st.lists(VALUES, min_size=n, max_size=n))
    return starts, [a + b for a, b in zip(starts, lengths)], values


class TestMixedValues:
    @settings(max_examples=300, deadline=None)
    @given(mixed_rows(), st.sampled_from([IntervalMeter, IntervalCounter, IntervalSet]))
    def test_equal_to_the_constructor(self, rows, cls):
        starts, stops, values = rows
        got = cls.from_arrays(starts, stops, values)
        want = cls([BaseInterval(a, b, v) for a, b, v in zip(starts, stops, values)])
        assert typed(got) == typed(want)
        if hasattr(got, "_check"):
            got._check()

    def test_int_only_pieces_stay_ints(self):
        m = IntervalMeter.from_arrays([0, 2, 5], [3, 4, 9], [84, 0.5, 2])
        assert typed(m) == typed(IntervalMeter([(0, 3, 84), (2, 4, 0.5), (5, 9, 2)]))
        assert [type(p.value) for p in m] == [int, float, float, int]

    def test_a_merged_piece_keeps_its_first_stretch_type(self):
        # [0, 2) is 3 (ints only), [2, 4) is 3.0 (a 0.0 float covers): one piece, an int
        m = IntervalMeter.from_arrays([0, 2], [4, 4], [3, 0.0])
        assert typed(m) == [(int, 0, int, 4, int, 3)]
        m = IntervalMeter.from_arrays([0, 0], [4, 2], [3, 0.0])
        assert typed(m) == [(int, 0, int, 4, float, 3.0)]

    def test_decimal_sums_cancel(self):
        m = IntervalMeter.from_arrays([0, 0, 0, 0], [1, 1, 1, 2], [0.1, 0.2, -0.3, 1])
        assert typed(m) == [(int, 0, int, 2, float, 1.0)]  # the first stretch has floats
        m = IntervalMeter.from_arrays([0, 0, 0, 1], [2, 1, 1, 2], [1, 0.1, -0.1, 0.0])
        assert typed(m) == [(int, 0, int, 2, float, 1.0)]

    @pytest.mark.skipif(not _backend.available(), reason="accelerator not installed")
    def test_reaches_the_kernel(self, monkeypatch):
        monkeypatch.delenv("INTERVALUES_BACKEND", raising=False)
        calls = []
        real = _backend.combine_bytes

        def spy(*args):
            calls.append((args[0], args[4], args[5]))
            return real(*args)

        monkeypatch.setattr(_backend, "combine_bytes", spy)
        built = []
        monkeypatch.setattr(_arrays, "_python_columns", lambda *a: built.append(a))
        IntervalMeter.from_arrays([0, 2], [4, 6], [84, 84.5])
        assert calls == [("meter", "i", "f"), ("set", "i", "i")]
        assert not built

    def test_ints_beyond_2_53_stay_exact(self):
        big = 2**53 + 1
        m = IntervalMeter.from_arrays([0, 0], [2, 1], [big, 0.5])
        want = IntervalMeter([(0, 2, big), (0, 1, 0.5)])
        assert typed(m) == typed(want)
        assert m[1.5] == big  # an int piece: exact, not float(big)

    def test_big_int_sum_stays_exact(self):
        values = [2**52, 2**52, 1, 0.5]
        m = IntervalMeter.from_arrays([0, 0, 0, 5], [3, 3, 3, 6], values)
        assert m[1] == 2**53 + 1 and type(m[1]) is int


class TestMixedCoordinates:
    def test_list_of_ints_and_floats_becomes_floats(self):
        m = IntervalMeter.from_arrays([0, 1.5], [2, 3])
        assert typed(m) == [
            (float, 0.0, float, 1.5, int, 1),
            (float, 1.5, float, 2.0, int, 2),
            (float, 2.0, float, 3.0, int, 1),
        ]
        assert m == IntervalMeter([(0, 2), (1.5, 3)])

    def test_beyond_2_53_stays_exact(self):
        big = 2**60 + 1
        m = IntervalMeter.from_arrays([0, 0.5], [big, 1])
        assert m == IntervalMeter([(0, big), (0.5, 1)])
        assert max(p.stop for p in m) == big


class TestTypedArrays:
    @pytest.mark.parametrize(
        "code,values", [("q", [1, 2, 3]), ("i", [1, 2, 3]), ("d", [0.5, 0.1, 2.0])]
    )
    def test_array_columns(self, code, values):
        s, e = array(code, [0, 1, 2]), array(code, [4, 5, 6])
        got = IntervalMeter.from_arrays(s, e, array(code, values))
        want = IntervalMeter([BaseInterval(*t) for t in zip(s, e, values)])
        assert typed(got) == typed(want)

    def test_nan_in_a_list(self):
        with pytest.raises(ValueError, match="values has 1 NaN or infinite values"):
            IntervalMeter.from_arrays([0, 1], [2, 3], [1.0, float("nan")])

    def test_reversed_in_a_list(self):
        with pytest.raises(ValueError, match=r"interval 1 of IntervalMeter has start after stop"):
            IntervalMeter.from_arrays(array("q", [0, 5]), array("q", [1, 2]))

    def test_booleans_are_still_refused(self):
        with pytest.raises(TypeError):
            IntervalMeter.from_arrays([0, 1], [2, 3], [True, 1])
