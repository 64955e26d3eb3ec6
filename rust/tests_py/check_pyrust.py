"""Smoke and differential check of an installed ``intervalues_pyrust`` wheel.

Compares ``intervalues_pyrust.combine`` with a brute-force pure-Python reference
(for floats, ``math.fsum`` over the values covering each elementary segment under
``float_rule="binary"`` and the exact sum of their decimal readings under the default
``"decimal"``; exact ints for ints), bit for bit, on a few thousand random inputs, and
checks the error mapping. Exits non-zero on the first mismatch.

    python tests_py/check_pyrust.py [--cases N]
"""

from __future__ import annotations

import argparse
import math
import random
import struct
import sys
from array import array
from decimal import Decimal
from fractions import Fraction

import intervalues_pyrust as rs

CODES = {"i": "q", "f": "d"}


def encode(code: str, items: list) -> bytes:
    return array(CODES[code], items).tobytes()


def decode(code: str, data: bytes) -> list:
    return array(CODES[code], data).tolist()


def decimal_reading(v: float) -> Fraction:
    """What a float stands for under the decimal rule: its integer, or its repr."""
    return Fraction(int(v)) if v.is_integer() else Fraction(Decimal(repr(v)))


def fits_fixed_point(values: list) -> bool:
    """Whether the decimal rule's i128 fixed point surely holds every running total."""
    readings = [decimal_reading(v) for v in values if v]
    exponents = [Decimal(repr(v)).as_tuple().exponent for v in values if not v.is_integer()]
    decimals = max(0, *(-e for e in exponents))
    return decimals <= 38 and sum(abs(r) for r in readings) * 10**decimals < 2**127


def reference(kind: str, starts: list, stops: list, values: list, vals: str,
              rule: str = "binary") -> tuple:
    """Brute force: the value of every elementary segment, canonicalised."""
    bounds = sorted({*starts, *stops})
    out_starts, out_stops, out_values = [], [], []
    for a, b in zip(bounds, bounds[1:]):
        covering = [v for s, t, v in zip(starts, stops, values) if s <= a and b <= t]
        if vals == "i":
            total = sum(covering)
        elif rule == "binary":
            total = math.fsum(covering)
        else:
            exact = sum(map(decimal_reading, covering), Fraction(0))
            total = float(exact)  # correctly rounded
            if kind == "set":
                total = float(exact > 0)
            elif kind == "meter" and not exact:
                total = 0.0
        if kind == "meter":
            value = total if total != 0 else None
        elif kind == "counter":
            value = math.trunc(total) if math.trunc(total) >= 1 else None
            if value is not None and vals == "f":
                value = float(value)
        else:
            value = (1.0 if vals == "f" else 1) if total > 0 else None
        if value is None:
            continue
        if out_stops and out_stops[-1] == a and out_values[-1] == value:
            out_stops[-1] = b
        else:
            out_starts.append(a)
            out_stops.append(b)
            out_values.append(value)
    return out_starts, out_stops, out_values


def bits(values: list) -> list:
    return [struct.pack("<d", v) if isinstance(v, float) else v for v in values]


def random_case(rng: random.Random, coords: str, vals: str) -> tuple:
    n = rng.randint(0, 30)
    starts, stops, values = [], [], []
    for _ in range(n):
        if coords == "i":
            a, b = sorted((rng.randint(-15, 15), rng.randint(-15, 15)))
        else:
            a, b = sorted((rng.randint(-30, 30) / 4, rng.randint(-30, 30) / 4))
        starts.append(a)
        stops.append(b)
        if vals == "i":
            values.append(rng.randint(-4, 5))
        else:
            # Wide magnitudes and decimal fractions: sums need exact arithmetic.
            values.append(rng.choice([0.1, 0.2, 0.3, 1e16, 1e-16, 1.5, 2.0, 1 / 3])
                          * rng.choice([1, -1, 3, -7, 2**40, 2**-40]))
    return starts, stops, values


def check_random(cases: int) -> None:
    rng = random.Random(2024)
    overflows = 0
    for case in range(cases):
        kind = rng.choice(["meter", "counter", "set"])
        coords, vals = rng.choice("if"), rng.choice("if")
        rule = rng.choice(["binary", "decimal"])
        starts, stops, values = random_case(rng, coords, vals)
        try:
            got = rs.combine(kind, encode(coords, starts), encode(coords, stops),
                             encode(vals, values), coords, vals, float_rule=rule)
        except rs.KernelOverflow:
            if rule == "binary" or vals == "i" or fits_fixed_point(values):
                raise
            overflows += 1
            continue
        got = (decode(coords, got[0]), decode(coords, got[1]), decode(vals, got[2]))
        want = reference(kind, starts, stops, values, vals, rule)
        if got[:2] != want[:2] or bits(got[2]) != bits(want[2]):
            sys.exit(f"case {case} {kind} {coords}{vals} {rule} mismatch:\n"
                     f"  input {starts} {stops} {values}\n  rust  {got}\n  python {want}")
    print(f"{cases} random cases: bit-identical to the fsum (binary) and exact decimal "
          f"brute force ({overflows} decimal cases beyond the i128 fixed point)")


def check_examples() -> None:
    out = rs.combine("meter", encode("i", [0, 2]), encode("i", [4, 6]),
                     encode("i", [1, 1]), "i", "i")
    assert [decode("i", c) for c in out] == [[0, 2, 4], [2, 4, 6], [1, 2, 1]], out
    out = rs.combine("meter", encode("f", [0.0]), encode("f", [1.0]),
                     encode("f", [2.675]), "f", "f", nr_digits=2)
    assert decode("f", out[2]) == [round(2.675, 2)], out
    out = rs.combine("set", bytearray(encode("f", [0.5])), encode("f", [1.5]),
                     encode("i", [3]), "f", "i")
    assert [decode("f", out[0]), decode("f", out[1]), decode("i", out[2])] == [[0.5], [1.5], [1]]
    tenths = [encode("f", c) for c in ([0, 0, 1], [2, 2, 2], [0.1, 0.2, -0.3])]
    assert decode("f", rs.combine("meter", *tenths, "f", "f")[2]) == [0.3]
    out = rs.combine("meter", *tenths, "f", "f", float_rule="binary")
    assert decode("f", out[2]) == [0.1 + 0.2, math.fsum([0.1, 0.2, -0.3])], out
    print("examples: ok")


def expect(exc: type, message: str, *args, **kwargs) -> None:
    try:
        rs.combine(*args, **kwargs)
    except exc as err:
        assert message in str(err), (message, str(err))
    else:
        sys.exit(f"no {exc.__name__} for {args} {kwargs}")


def check_errors() -> None:
    one, big = encode("i", [1]), encode("i", [2**63 - 1])
    expect(ValueError, "kind", "metre", one, one, one, "i", "i")
    expect(ValueError, "coords", "meter", one, one, one, "x", "i")
    expect(ValueError, "vals", "meter", one, one, one, "i", "q")
    expect(ValueError, "starts", "meter", one[:7], one, one, "i", "i")
    expect(ValueError, "same length", "meter", one + one, one, one, "i", "i")
    expect(ValueError, "start > stop", "meter", encode("i", [2]), one, one, "i", "i")
    expect(ValueError, "stops[0]", "meter", encode("f", [0.0]), encode("f", [math.nan]),
           one, "f", "i")
    expect(ValueError, "nr_digits", "meter", one, one, one, "i", "i", nr_digits=-1)
    expect(ValueError, "float_rule", "meter", one, one, one, "i", "i", float_rule="fsum")
    expect(rs.KernelOverflow, "64 bits", "meter", encode("i", [0, 0]), encode("i", [1, 1]),
           big + one, "i", "i")
    expect(ArithmeticError, "overflow", "meter", encode("f", [0, 0]), encode("f", [1, 1]),
           encode("f", [1.7e308, 1.7e308]), "f", "f")
    assert issubclass(rs.KernelOverflow, ArithmeticError)
    print("errors: ok")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--cases", type=int, default=3000)
    args = parser.parse_args()
    print(f"intervalues_pyrust {rs.__version__} (kernel {rs.kernel_version()})")
    check_examples()
    check_errors()
    check_random(args.cases)


if __name__ == "__main__":
    main()
