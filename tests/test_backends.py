"""The two backends: the switch, and bit-identical results (differential tests)."""

from __future__ import annotations

import math
from datetime import datetime, timedelta, timezone

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from intervalues import BaseInterval, IntervalCounter, IntervalMeter, IntervalSet
from intervalues._checks import MESSAGES, check_use_rust
from intervalues._engine import accel
from intervalues._engine.combine import use_accel

INSTALL_HINT = MESSAGES["accelerator_missing"][1]
needs_rust = pytest.mark.skipif(not accel.available(), reason="accelerator not installed")


def pieces(coll) -> list[tuple]:
    """Pieces with their exact types and float bits."""
    out = []
    for iv in coll:
        v = iv.value
        out.append((iv.start, iv.stop, type(v), v.hex() if isinstance(v, float) else v))
    return out


class TestSwitch:
    def test_use_rust_must_be_bool_or_none(self):
        with pytest.raises(TypeError, match="use_rust"):
            IntervalMeter([(0, 1)], use_rust="yes")

    @pytest.mark.skipif(accel.available(), reason="accelerator installed")
    def test_use_rust_true_without_accelerator_says_how_to_install(self, monkeypatch):
        monkeypatch.delenv("INTERVALUES_BACKEND", raising=False)
        with pytest.raises(ImportError, match=r"pip install 'intervalues\[rust\]'"):
            IntervalMeter([(0, 1)], use_rust=True)
        assert INSTALL_HINT

    def test_environment_forces_python(self, monkeypatch):
        monkeypatch.setenv("INTERVALUES_BACKEND", "python")
        assert not use_accel(True)

    def test_bad_environment_value(self, monkeypatch):
        monkeypatch.setenv("INTERVALUES_BACKEND", "fortran")
        with pytest.raises(ValueError, match="INTERVALUES_BACKEND"):
            check_use_rust(None)

    @needs_rust
    def test_rust_kernel_is_really_called(self, monkeypatch):
        monkeypatch.delenv("INTERVALUES_BACKEND", raising=False)
        calls = []
        real = accel._rust.combine

        def spy(*args, **kwargs):
            calls.append(args[0])
            return real(*args, **kwargs)

        monkeypatch.setattr(accel._rust, "combine", spy)
        IntervalMeter([(0, 2), (1, 3)], use_rust=True)
        IntervalCounter([(0, 2), (1, 3)], use_rust=True)
        assert calls == ["meter", "counter"]

    @needs_rust
    def test_decimal_float_values_go_through_rust(self, monkeypatch):
        # Regression: float values such as 0.1 (decimal reading != binary value) used
        # to be sent to pure Python; the kernel now sums them by the same decimal rule.
        monkeypatch.delenv("INTERVALUES_BACKEND", raising=False)
        calls = []
        real = accel._rust.combine

        def spy(*args, **kwargs):
            calls.append((args[0], args[5], kwargs.get("float_rule")))
            return real(*args, **kwargs)

        monkeypatch.setattr(accel._rust, "combine", spy)
        m = IntervalMeter([(0, 2, 0.1), (1, 3, 0.2), (1, 3, -0.3)], use_rust=True)
        assert calls == [("meter", "f", "decimal")]
        assert pieces(m) == [(0, 1, float, (0.1).hex()), (2, 3, float, (-0.1).hex())]
        c = IntervalCounter([(0, 2, 0.7), (1, 3, 0.3), (1, 3, 2.675)], use_rust=True)
        assert calls[-1] == ("counter", "f", "decimal")
        assert pieces(c) == [(1, 2, int, 3), (2, 3, int, 2)]

    @needs_rust
    def test_decimal_sums_beyond_the_kernel_fall_back_to_python(self, monkeypatch):
        monkeypatch.delenv("INTERVALUES_BACKEND", raising=False)
        # 5e-324 needs 324 decimals, 1e300 is a whole float beyond 128 bits.
        for value in (5e-324, 1e300):
            ivs = [(0, 2, value), (1, 3, 0.1)]
            rs, py = IntervalMeter(ivs, use_rust=True), IntervalMeter(ivs, use_rust=False)
            assert pieces(rs) == pieces(py)


ints = st.integers(-50, 50)
big = st.integers(-(2**70), 2**70)
dyadic = st.sampled_from([0.5, 0.25, -1.5, 2.0, 3.75, 1e300, -1e300, 8.0])
decimal = st.sampled_from([0.1, 0.2, -0.3, 1.1, 2.675, 1e-7])
# Exact ties between shortest reprs, whole floats beyond 2**64, values beyond the
# kernel's 128-bit fixed point (5e-324, 1e300: Python takes over), long reprs.
decimal_corners = st.sampled_from(
    [0.1, -0.3, 1428270122127.7812, 4503599627370495.5, 2.0**64, -1e20, 1e-20, 5e-324,
     1e300, 0.1 + 0.2, 1 / 3, 9007199254740992.0, 1.0]
)  # fmt: skip


def interval_lists(coord, value):
    return st.lists(
        st.tuples(coord, coord, value).map(lambda t: (min(t[0], t[1]), max(t[0], t[1]), t[2])),
        max_size=25,
    )


CASES = {
    "ints": interval_lists(ints, ints),
    "big ints": interval_lists(big, big),
    "float coords": interval_lists(st.floats(-100, 100, allow_nan=False), ints),
    "dyadic values": interval_lists(ints, dyadic),
    "decimal values": interval_lists(ints, decimal),
    "decimal corner values": interval_lists(ints, decimal_corners),
    "decimal values, float coords": interval_lists(st.floats(-100, 100), decimal),
    "mixed values": interval_lists(ints, st.one_of(ints, dyadic, decimal)),
}


@needs_rust
@pytest.mark.parametrize("case", sorted(CASES))
@pytest.mark.parametrize("cls", [IntervalMeter, IntervalCounter, IntervalSet])
def test_rust_and_python_identical(case, cls, monkeypatch):
    monkeypatch.delenv("INTERVALUES_BACKEND", raising=False)

    @settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
    @given(CASES[case])
    def check(tuples):
        ivs = [BaseInterval(a, b, v) for a, b, v in tuples]
        try:
            py = cls(ivs, use_rust=False)
        except OverflowError:
            with pytest.raises(OverflowError):
                cls(ivs, use_rust=True)
            return
        rs = cls(ivs, use_rust=True)
        assert pieces(rs) == pieces(py)
        assert rs == py

    check()


@needs_rust
def test_datetimes_identical(monkeypatch):
    monkeypatch.delenv("INTERVALUES_BACKEND", raising=False)
    t0 = datetime(2024, 3, 31, tzinfo=timezone.utc)
    ivs = [
        BaseInterval(t0 + timedelta(minutes=7 * i), t0 + timedelta(minutes=11 * i + 5))
        for i in range(200)
    ]
    assert pieces(IntervalMeter(ivs, use_rust=True)) == pieces(IntervalMeter(ivs, use_rust=False))


@needs_rust
def test_overflow_falls_back_to_exact_python(monkeypatch):
    monkeypatch.delenv("INTERVALUES_BACKEND", raising=False)
    ivs = [BaseInterval(0, 2, 2**62), BaseInterval(1, 3, 2**62)]
    m = IntervalMeter(ivs, use_rust=True)
    assert m[1.5] == 2**63
    assert math.isclose(float(m[0.5]), 2.0**62)


@needs_rust
@pytest.mark.parametrize("cls", [IntervalMeter, IntervalCounter, IntervalSet])
def test_discrete_runs_identical(cls, monkeypatch):
    """Discrete runs go through the kernel per lattice, in index space."""
    from intervalues import BaseDiscreteInterval

    monkeypatch.delenv("INTERVALUES_BACKEND", raising=False)

    @settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
    @given(
        st.lists(
            st.tuples(
                st.integers(-30, 30),
                st.integers(1, 6),
                st.sampled_from([1, 2, 3, 0.5]),
                st.one_of(st.integers(-3, 3), st.sampled_from([0.1, 0.25, -0.3])),
            ),
            max_size=15,
        )
    )
    def check(runs):
        ivs = [BaseDiscreteInterval(s, count=c, step=k, value=v) for s, c, k, v in runs]
        py, rs = cls(ivs, use_rust=False), cls(ivs, use_rust=True)
        assert pieces(rs) == pieces(py)
        assert [(p.step, p.count) for p in rs] == [(p.step, p.count) for p in py]

    check()
