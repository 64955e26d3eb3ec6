"""FunctionInterval and IntervalFunction (SPEC §3.14, §4, §7 function rows)."""

from __future__ import annotations

import copy
import math
from datetime import datetime
from fractions import Fraction

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from intervalues.function_interval import FunctionInterval
from intervalues.interval_function import IntervalFunction


def double(x):
    return x * 2


class TestSpecExample:
    def test_example(self):
        fi = FunctionInterval(0, 10, lambda x: x * 2)
        f = IntervalFunction([fi, FunctionInterval(5, 15, lambda x: 100)], combine=sum, default=-1)
        assert (f(3), f(7), f(12), f(20)) == (6, 114, 100, -1)


class TestFunctionInterval:
    def test_attributes(self):
        fi = FunctionInterval(0, 10, double)
        assert (fi.start, fi.stop, fi.function) == (0, 10, double)

    def test_not_evaluated_eagerly(self):
        calls = []
        FunctionInterval(0, 1, lambda x: calls.append(x))
        assert calls == []

    def test_read_only(self):
        fi = FunctionInterval(0, 10, double)
        with pytest.raises(AttributeError):
            fi.start = 3  # type: ignore[misc]

    def test_zero_length_and_floats(self):
        assert 1 in FunctionInterval(1, 1, double)
        assert 0.25 in FunctionInterval(0.0, 0.5, double)

    def test_other_real_bounds(self):
        fi = FunctionInterval(Fraction(1, 2), Fraction(3, 2), double)
        assert (fi.start, fi.stop) == (0.5, 1.5)

    @pytest.mark.parametrize(
        "x, expected",
        [
            (0, True),
            (10, True),
            (5.5, True),
            (-0.1, False),
            (10.1, False),
            (math.nan, False),
            (math.inf, False),
            ("5", False),
            (None, False),
            (True, False),
            (datetime(2024, 1, 1), False),
            (Fraction(1, 2), True),
        ],
    )
    def test_contains(self, x, expected):
        fi = FunctionInterval(0, 10, double)
        assert fi.contains(x) is expected
        assert (x in fi) is expected

    def test_huge_ints(self):
        fi = FunctionInterval(0, 10**400, double)
        assert 10**399 in fi and 10**401 not in fi
        f = IntervalFunction(fi, combine=sum, default=0)
        assert f(10**399) == 2 * 10**399

    def test_copy_shares_callable(self):
        fi = FunctionInterval(0, 10, double)
        for c in (fi.copy(), copy.copy(fi)):
            assert c is not fi
            assert c.function is fi.function
            assert (c.start, c.stop) == (0, 10)

    def test_identity_equality(self):
        a = FunctionInterval(0, 1, double)
        assert a == a and a != a.copy()

    def test_repr_and_str(self):
        fi = FunctionInterval(0, 10, abs)
        assert repr(fi) == "FunctionInterval(start=0, stop=10, function=<built-in function abs>)"
        assert str(fi) == "[0;10] -> <built-in function abs>"
        assert str(FunctionInterval(0, 10, double)).startswith("[0;10] -> <function double at")

    @pytest.mark.parametrize(
        "args, exc",
        [
            (("0", 1, double), TypeError),
            ((0, "1", double), TypeError),
            ((None, 1, double), TypeError),
            ((True, 1, double), TypeError),
            ((0, False, double), TypeError),
            ((datetime(2024, 1, 1), datetime(2024, 1, 2), double), TypeError),
            ((0, 1j, double), TypeError),
            ((math.nan, 1, double), ValueError),
            ((0, math.inf, double), ValueError),
            ((-math.inf, 0, double), ValueError),
            ((2, 1, double), ValueError),
            ((0, 1, 5), TypeError),
            ((0, 1, "double"), TypeError),
            ((0, 1, None), TypeError),
        ],
    )
    def test_errors(self, args, exc):
        with pytest.raises(exc):
            FunctionInterval(*args)

    def test_missing_arguments(self):
        with pytest.raises(TypeError):
            FunctionInterval(0, 1)  # type: ignore[call-arg]


class TestIntervalFunction:
    def test_single_interval(self):
        f = IntervalFunction(FunctionInterval(0, 1, lambda x: 5), combine=max, default=0)
        assert (f(0.5), f(2), len(f)) == (5, 0, 1)

    def test_any_iterable_snapshotted(self):
        pieces = [FunctionInterval(0, 1, lambda x: 1)]
        f = IntervalFunction(iter(pieces), combine=sum, default=0)
        pieces.append(FunctionInterval(0, 1, lambda x: 2))
        assert f(0.5) == 1 and len(f) == 1
        assert isinstance(f.intervals, tuple)

    def test_shared_endpoint_both_contribute(self):
        f = IntervalFunction(
            [FunctionInterval(0, 2, lambda x: 1), FunctionInterval(2, 4, lambda x: 10)],
            combine=sum,
            default=0,
        )
        assert (f(2), f(1.9), f(2.1)) == (11, 1, 10)

    def test_insertion_order(self):
        seen = []

        def record(name):
            def fn(x):
                seen.append(name)
                return 0

            return fn

        f = IntervalFunction(
            [FunctionInterval(5, 9, record("b")), FunctionInterval(0, 9, record("a"))],
            combine=lambda results: len(results),
            default=0,
        )
        assert f(6) == 2
        assert seen == ["b", "a"]

    def test_combine_receives_tuple(self):
        got = []
        f = IntervalFunction(
            [FunctionInterval(0, 1, lambda x: 1), FunctionInterval(0, 1, lambda x: 2.5)],
            combine=lambda rs: got.append(rs) or 0,
            default=0,
        )
        f(0.5)
        assert got == [(1, 2.5)]

    # 0.4.0 validates the default and the coordinate (decision 8: follow 0.4.0)
    @pytest.mark.parametrize(
        ("default", "exc", "text"),
        [
            ("none", TypeError, "default must be an int or float"),
            (None, TypeError, "default must"),
            (True, TypeError, "default must"),
            (math.nan, ValueError, "default must be finite"),
        ],
    )
    def test_default_is_a_finite_number(self, default, exc, text):
        with pytest.raises(exc, match=text):
            IntervalFunction([FunctionInterval(0, 1, double)], combine=sum, default=default)

    @pytest.mark.parametrize(
        ("x", "exc", "text"),
        [
            ("x", TypeError, "coordinate must be an int or float"),
            (None, TypeError, "coordinate"),
            (True, TypeError, "coordinate"),
            (math.nan, ValueError, "coordinate must be finite"),
            (math.inf, ValueError, "coordinate must be finite"),
        ],
    )
    def test_coordinate_is_a_finite_number(self, x, exc, text):
        f = IntervalFunction([FunctionInterval(0, 1, double)], combine=sum, default=-1)
        assert f(5) == -1
        with pytest.raises(exc, match=text):
            f(x)

    def test_empty_function(self):
        f = IntervalFunction([], combine=sum, default=7)
        assert f(0) == 7 and len(f) == 0 and list(f) == []

    def test_iter_len(self):
        pieces = [FunctionInterval(0, 1, double), FunctionInterval(2, 3, double)]
        f = IntervalFunction(pieces, combine=sum, default=-1)
        assert list(f) == pieces and len(f) == 2
        assert f.combine is sum and f.default == -1

    def test_str_and_repr(self):
        pieces = [FunctionInterval(0, 1, abs), FunctionInterval(2, 3, abs)]
        f = IntervalFunction(pieces, combine=sum, default=-1)
        assert str(f) == "IntervalFunction(2 intervals, default=-1)"
        assert repr(f) == (
            "IntervalFunction(intervals=(FunctionInterval(start=0, stop=1, "
            "function=<built-in function abs>), FunctionInterval(start=2, stop=3, "
            "function=<built-in function abs>)), combine=<built-in function sum>, "
            "default=-1)"
        )
        assert (
            str(IntervalFunction(pieces[0], sum, 0)) == "IntervalFunction(1 intervals, default=0)"
        )

    def test_fraction_results_accepted(self):
        f = IntervalFunction(
            [FunctionInterval(0, 1, lambda x: Fraction(1, 3))], combine=sum, default=0
        )
        assert f(0) == Fraction(1, 3)

    @pytest.mark.parametrize(
        "result, exc",
        [
            ("1", TypeError),
            (None, TypeError),
            (True, TypeError),
            ([1], TypeError),
            (1j, TypeError),
            (math.nan, ValueError),
            (math.inf, ValueError),
        ],
    )
    def test_bad_function_results(self, result, exc):
        f = IntervalFunction([FunctionInterval(0, 1, lambda x: result)], combine=sum, default=0)
        with pytest.raises(exc):
            f(0.5)
        assert f(5) == 0  # not covered: the function is not called

    @pytest.mark.parametrize(
        "result, exc",
        [("1", TypeError), (None, TypeError), (False, TypeError), (-math.inf, ValueError)],
    )
    def test_bad_combine_results(self, result, exc):
        f = IntervalFunction(
            [FunctionInterval(0, 1, lambda x: 1)], combine=lambda rs: result, default=0
        )
        with pytest.raises(exc):
            f(0.5)

    def test_callable_exceptions_propagate(self):
        def boom(x):
            raise ZeroDivisionError("boom")

        f = IntervalFunction([FunctionInterval(0, 1, boom)], combine=sum, default=0)
        with pytest.raises(ZeroDivisionError):
            f(0.5)

        g = IntervalFunction([FunctionInterval(0, 1, double)], combine=boom, default=0)
        with pytest.raises(ZeroDivisionError):
            g(0.5)

    @pytest.mark.parametrize(
        "intervals",
        [5, None, [FunctionInterval(0, 1, double), (0, 1)], ["x"], "ab"],
    )
    def test_bad_intervals(self, intervals):
        with pytest.raises(TypeError):
            IntervalFunction(intervals, combine=sum, default=0)

    def test_bad_combine(self):
        with pytest.raises(TypeError):
            IntervalFunction([], combine=5, default=0)

    def test_missing_arguments(self):
        with pytest.raises(TypeError):
            IntervalFunction([])  # type: ignore[call-arg]
        with pytest.raises(TypeError):
            IntervalFunction([], sum)  # type: ignore[call-arg]


@settings(max_examples=200, deadline=None)
@given(
    st.lists(
        st.tuples(st.integers(-5, 5), st.integers(0, 5), st.integers(-3, 3)),
        max_size=6,
    ),
    st.floats(-7, 12, allow_nan=False),
)
def test_matches_brute_force(pieces, x):
    """f(x) is sum(slope * x over the closed pieces containing x), or the default."""
    fis = [FunctionInterval(a, a + w, lambda t, s=s: s * t) for a, w, s in pieces]
    f = IntervalFunction(fis, combine=sum, default=-12345)
    covering = [s * x for a, w, s in pieces if a <= x <= a + w]
    assert f(x) == (sum(covering) if covering else -12345)
