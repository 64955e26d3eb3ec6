"""The coordinate domains of the model suite, their strategies and their probe points.

Pools are small on purpose, so that equal keys in different spellings meet often: ``0``,
``0.0`` and ``-0.0``; ``2**53 + 1`` next to ``2.0**53``; ``2**63`` and ``2.0**63``; the
same instant in Amsterdam, Kralendijk, Kolkata and UTC (two spellings of UTC).
"""

from __future__ import annotations

import math
from contextlib import suppress
from dataclasses import dataclass
from datetime import datetime, timedelta, timezone
from itertools import pairwise
from typing import Any
from zoneinfo import ZoneInfo

import pointmodel as pm
from hypothesis import strategies as st

BIG_INTS = [
    2**53 - 1,
    2**53,
    2**53 + 1,
    2**53 + 2,
    2**63 - 2,
    2**63 - 1,
    2**63,
    2**63 + 1,
    -(2**63),
    -(2**63) - 1,
    2**64 + 1,
    10**20,
    10**330,  # beyond the float range: meets floats only exactly
    -(10**330),
]
SPECIAL_FLOATS = [
    0.0,
    -0.0,
    0.1,
    0.2,
    0.3,
    0.5,
    1.0,
    1.5,
    2.0,
    5e-324,
    -5e-324,
    1e-310,
    2.2250738585072014e-308,
    1e-300,
    -1e-300,
    1e300,
    -1e300,
    2.0**53,
    2.0**53 + 2,
    9.223372036854775e18,
    2.0**63,
    -(2.0**63),
]
SMALL_INT = st.integers(-6, 6)
SMALL_FLOAT = st.floats(-8, 8, allow_nan=False, allow_infinity=False)

INT_VALUE = st.one_of(
    st.integers(-3, 3), st.integers(-3, 3), st.sampled_from([2**64, -(2**64), 10**20, 10**330])
)
FLOAT_VALUE = st.one_of(
    st.sampled_from([0.1, 0.2, -0.3, 0.5, 1.0, -1.0, 0.0, -0.0, 1e-17, 1e16, -1e16, 2.5]),
    st.sampled_from([0.1, 0.2, -0.3, 0.5, 1.0, -1.0, 0.0, -0.0, 1e-17, 1e16, -1e16, 2.5]),
    st.floats(-100, 100, allow_nan=False, allow_infinity=False),
    st.sampled_from([1e300, -1e300, 1.7e308, 5e-324]),
)
MIXED_VALUE = st.one_of(INT_VALUE, FLOAT_VALUE)
SMALL_VALUE = st.one_of(st.integers(-3, 3), st.sampled_from([0.5, 0.1, -0.2, 2.0, 0.0]))

UTC = timezone.utc
ZONES = [
    UTC,
    ZoneInfo("UTC"),
    ZoneInfo("Europe/Amsterdam"),
    ZoneInfo("America/Kralendijk"),
    ZoneInfo("Asia/Kolkata"),
    timezone(timedelta(hours=-5)),
    timezone(timedelta(hours=5, minutes=45)),
]
# instants around Amsterdam's spring-forward (01:00Z) and fall-back (01:00Z) of 2024
_SPRING = [datetime(2024, 3, 31, tzinfo=UTC) + timedelta(minutes=30 * k) for k in range(7)]
_FALL = [datetime(2024, 10, 27, tzinfo=UTC) + timedelta(minutes=30 * k) for k in range(6)]
INSTANTS = [*_SPRING, *_FALL, _SPRING[1] + timedelta(microseconds=1)]
NAIVE = [
    *(datetime(2024, 3, 31) + timedelta(minutes=30 * k) for k in range(7)),
    datetime(2024, 3, 31, 0, 30, 0, 1),
    datetime(1, 1, 1),
    datetime(9999, 12, 31, 23, 59, 59, 999999),
]


@dataclass(frozen=True)
class Domain:
    """One coordinate domain: how to draw coordinates and weights, and where to probe."""

    name: str
    coord: Any
    value: Any

    def __repr__(self) -> str:
        return self.name

    @property
    def kind(self) -> str:
        return {"naive": "naive", "aware": "aware"}.get(self.name, "number")


INT = Domain("int", st.one_of(SMALL_INT, SMALL_INT, st.sampled_from(BIG_INTS)), INT_VALUE)
FLOAT = Domain("float", st.one_of(st.sampled_from(SPECIAL_FLOATS), SMALL_FLOAT), FLOAT_VALUE)
MIXED = Domain(
    "mixed",
    st.one_of(
        SMALL_INT,
        st.sampled_from(SPECIAL_FLOATS),
        st.sampled_from(BIG_INTS),
        st.sampled_from([0, 1, 2, 0.0, 1.0, 2.0, -0.0]),
    ),
    MIXED_VALUE,
)
NAIVE_DT = Domain("naive", st.sampled_from(NAIVE), SMALL_VALUE)
AWARE_DT = Domain(
    "aware",
    st.builds(lambda t, z: t.astimezone(z), st.sampled_from(INSTANTS), st.sampled_from(ZONES)),
    SMALL_VALUE,
)
CONTINUOUS = [INT, FLOAT, MIXED, NAIVE_DT, AWARE_DT]


@st.composite
def intervals(draw: Any, domain: Domain, max_size: int = 6) -> list[tuple[Any, Any, Any]]:
    """``(start, stop, value)`` tuples with ``start <= stop`` (some of zero length)."""
    out = []
    for _ in range(draw(st.integers(0, max_size))):
        a, b = draw(domain.coord), draw(domain.coord)
        if draw(st.integers(0, 9)) == 0:
            b = a
        if pm.key(b) < pm.key(a):
            a, b = b, a
        out.append((a, b, draw(domain.value)))
    return out


def probes(model: pm.Steps, domain: Domain) -> list[Any]:
    """Query points: every boundary in several spellings, its neighbours, the middle of
    every gap, and points outside."""
    keys = sorted(model.boundaries())
    out: list[Any] = []
    if domain.kind == "number":
        for k in keys:
            out.append(model.spelling.show(k))
            with suppress(OverflowError):  # an int key beyond the float range has no float
                f = float(k)
                out += [f, math.nextafter(f, -math.inf), math.nextafter(f, math.inf)]
            if k.denominator == 1:
                out += [int(k), int(k) - 1, int(k) + 1]
        for a, b in pairwise(keys):
            mid = (a + b) / 2
            with suppress(OverflowError):
                out.append(float(mid))
            out.append(mid.numerator // mid.denominator)  # an int point inside (or at a)
        out += [-(2**70), 2**70, -1e308, 1e308, 0, 0.0]
        return [x for x in out if not (type(x) is float and not math.isfinite(x))]
    if domain.kind == "naive":
        lo, hi = datetime(1, 1, 1), datetime(9999, 12, 31, 23, 59, 59, 999999)
        pts = [model.spelling.show(k) for k in keys] + [datetime(2024, 3, 30), lo, hi]
        for k in keys:
            for d in (-1, 1):
                with suppress(OverflowError):  # past datetime.min or datetime.max
                    pts.append(model.spelling.show(k) + d * pm.US)
        pts += [model.spelling.show((a + b) // 2) for a, b in pairwise(keys)]
        return pts
    pts = []
    for k in keys:
        x = model.spelling.show(k)
        pts += [x, x.astimezone(ZONES[3]), x + pm.US, x - pm.US]
    pts += [model.spelling.show((a + b) // 2) for a, b in pairwise(keys)]
    return [*pts, datetime(2024, 1, 1, tzinfo=UTC)]
