"""Smoke and differential check of an installed ``intervalues_pyrust`` wheel.

Compares ``intervalues_pyrust.combine`` with a brute-force pure-Python reference
(``math.fsum`` over the values covering each elementary segment for floats, exact
ints for ints), bit for bit, on a few thousand random inputs, and checks the error
mapping. Exits non-zero on the first mismatch.

    python tests_py/check_pyrust.py [--cases N]
"""

from __future__ import annotations

import argparse
import math
import random
import struct
import sys
from array import array

import intervalues_pyrust as rs

CODES = {"i": "q", "f": "d"}


def encode(code: str, items: list) -> bytes:
    return array(CODES[code], items).tobytes()


def decode(code: str, data: bytes) -> list:
    return array(CODES[code], data).tolist()


def reference(kind: str, starts: list, stops: list, values: list, vals: str) -> tuple:
    """Brute force: the value of every elementary segment, canonicalised."""
    bounds = sorted({*starts, *stops})
    out_starts, out_stops, out_values = [], [], []
    for a, b in zip(bounds, bounds[1:]):
        covering = [v for s, t, v in zip(starts, stops, values) if s <= a and b <= t]
        total = math.fsum(covering) if vals == "f" else sum(covering)
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
    for case in range(cases):
        kind = rng.choice(["meter", "counter", "set"])
        coords, vals = rng.choice("if"), rng.choice("if")
        starts, stops, values = random_case(rng, coords, vals)
        got = rs.combine(kind, encode(coords, starts), encode(coords, stops),
                         encode(vals, values), coords, vals)
        got = (decode(coords, got[0]), decode(coords, got[1]), decode(vals, got[2]))
        want = reference(kind, starts, stops, values, vals)
        if got[:2] != want[:2] or bits(got[2]) != bits(want[2]):
            sys.exit(f"case {case} {kind} {coords}{vals} mismatch:\n"
                     f"  input {starts} {stops} {values}\n  rust  {got}\n  python {want}")
    print(f"{cases} random cases: bit-identical to the fsum brute force")


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
