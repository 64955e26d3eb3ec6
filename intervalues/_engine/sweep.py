"""The pure-Python kernel: (start, stop, value) columns in, canonical columns out.

The sweep turns every interval into ``+value`` at its start and ``-value`` at its stop,
orders the event coordinates, and emits one piece per stretch between consecutive
coordinates, carrying the running total. The result is *canonical*: sorted, disjoint,
zero pieces dropped, touching neighbours with equal values merged.

Exactness: integer values are summed as Python ints (any size). A float value stands for
the decimal number it prints as (its shortest ``repr``: ``0.1`` is one tenth; a whole
float is its exact integer, so ``2.0**64`` equals ``2**64``), so every
value is an integer times a power of ten; the sweep runs on exact integers under one
common power of ten, and each piece's total is converted back with one correctly rounded
division. So ``0.1 + 0.2 - 0.3`` is exactly ``0``, ``0.1 + 0.2`` is ``0.3``, the result
does not depend on input order, and the Rust kernel gives the same bits.

>>> combine_columns([0, 2], [4, 6], [1, 1], "meter")
([0, 2, 4], [2, 4, 6], [1, 2, 1])
>>> combine_columns([0, 0, 0], [1, 1, 1], [0.1, 0.2, -0.3], "meter")
([], [], [])
"""

from __future__ import annotations

from array import array
from collections.abc import Callable, Sequence
from typing import Literal, TypeAlias, cast

__all__ = [
    "Kind",
    "combine_columns",
    "decimal_total",
    "finish_total",
    "prefer_int_keys",
    "same_value",
    "scale_values",
]

Kind: TypeAlias = Literal["meter", "counter", "set"]
Key: TypeAlias = int | float
Columns: TypeAlias = tuple[list[Key], list[Key], list[int | float]]


def same_value(a: int | float, b: int | float) -> bool:
    """Whether two touching pieces hold the same value *and* type, so they merge.

    ``2`` (only ints cover it) and ``2.0`` (a float covers it) stay apart: merging would
    lose which stretch holds an exact int, and a later update would then depend on
    history.

    >>> same_value(2, 2), same_value(2, 2.0), same_value(0.5, 0.5)
    (True, False, True)
    """
    return a == b and type(a) is type(b)


def _key_types(col: Sequence[Key]) -> set[type]:
    if isinstance(col, array):
        return {int} if col.typecode == "q" else {float}
    return set(map(type, col))


def prefer_int_keys(
    out: Sequence[list[Key]], sources: Sequence[Sequence[Key]]
) -> Sequence[list[Key]]:
    """One spelling per coordinate: where an ``int`` and an equal ``float`` key meet in
    ``sources``, the output columns ``out`` hold the ``int`` (in place), whichever came
    first. O(1) unless the sources mix ints and floats.

    >>> prefer_int_keys([[0.0, 1.0]], [[0.0, 1.0], [0, 2]])
    [[0, 1.0]]
    """
    types: set[type] = set()
    for col in sources:
        types |= _key_types(col)
    if not (int in types and float in types):
        return out
    ints = {k for col in sources for k in col if type(k) is int}
    for col in out:
        for i, k in enumerate(col):
            if type(k) is float and k in ints:  # hash(2.0) == hash(2): an exact match
                col[i] = int(k)
    return out


def decimal_of(v: float) -> tuple[int, int]:
    """``(mantissa, exponent)`` of the number a float value stands for.

    A whole float is its exact integer (so ``2.0**64 == 2**64`` cancels exactly); a
    fractional one is the shortest decimal that prints as it (``0.1`` is one tenth).

    >>> decimal_of(0.1), decimal_of(-2.5e-07), decimal_of(3.0), decimal_of(2.0**64)
    ((1, -1), (-25, -8), (3, 0), (18446744073709551616, 0))
    """
    if v.is_integer():
        return int(v), 0
    mantissa, _, exponent = repr(v).partition("e")
    exp = int(exponent) if exponent else 0
    whole, _, fraction = mantissa.partition(".")
    return int(whole + fraction), exp - len(fraction)


def scale_values(values: Sequence[int | float]) -> tuple[list[int], int, bool]:
    """Exact integer images of ``values`` under one common power of ten.

    Returns ``(scaled, scale, has_float)`` with ``decimal(value) == scaled / scale``;
    ``scale`` is a power of ten (``1`` when no float has decimals).

    >>> scale_values([0.5, 2])
    ([5, 20], 10, True)
    >>> scale_values([1e+20, 3])
    ([100000000000000000000, 3], 1, True)
    """
    if set(map(type, values)) <= {int}:
        return cast(list[int], list(values)), 1, False
    cache: dict[float, tuple[int, int]] = {}
    parts: list[tuple[int, int]] = []
    append = parts.append
    for v in values:
        if type(v) is int:
            append((v, 0))
            continue
        p = cache.get(v)
        if p is None:
            p = cache[v] = decimal_of(v)
        append(p)
    low = min(0, min(e for _, e in parts))
    powers: dict[int, int] = {}
    scaled: list[int] = []
    for m, e in parts:
        shift = e - low
        power = powers.get(shift)
        if power is None:
            power = powers[shift] = 10**shift
        scaled.append(m * power)
    return scaled, 10**-low, True


def decimal_total(values: Sequence[int | float]) -> int | float:
    """The exact sum of ``values`` by the decimal rule, rounded once: an ``int`` when all
    are ints, else the float nearest to the sum of the decimals the floats print as.

    >>> decimal_total([0.1, 0.2]), decimal_total([1, 2]), decimal_total([1, 0.0])
    (0.3, 3, 1.0)
    """
    scaled, scale, has_float = scale_values(values)
    total = sum(scaled)
    return total / scale if has_float else total


def finish_total(kind: Kind, has_float: bool, scale: int) -> Callable[[int], int | float]:
    """The function mapping an exact scaled total to the stored value (0 means drop)."""
    if kind == "set":
        return lambda t: 1 if t > 0 else 0
    if not has_float:
        if kind == "meter":
            return lambda t: t
        return lambda t: t if t > 0 else 0
    if kind == "meter":
        return lambda t: t / scale  # int / int is correctly rounded
    return lambda t: max(int(t / scale), 0)


def combine_columns(
    starts: Sequence[Key],
    stops: Sequence[Key],
    values: Sequence[int | float],
    kind: Kind,
) -> Columns:
    """Combine interval columns into canonical step-function columns.

    ``starts[i] <= stops[i]`` must already hold (the callers validate); zero-length
    intervals contribute nothing. Where an int and an equal float coordinate meet, the
    output holds the int (:func:`prefer_int_keys`); touching pieces merge when their
    values are equal and of one type (:func:`same_value`). A float total beyond the
    float range raises ``OverflowError`` (callers turn it into a clear error).
    ``kind`` is ``"meter"`` (sums), ``"counter"`` (sums truncated to ints, counts < 1
    dropped) or ``"set"`` (coverage, value 1).
    A piece's value is an ``int`` when only ints cover it, else a ``float``.
    Cost: O(n log n).

    >>> combine_columns([0, 1], [2, 3], [2.7, -1], "counter")
    ([0, 1], [1, 2], [2, 1])
    """
    scaled, scale, has_float = scale_values(values)
    deltas: dict[Key, int] = {}
    get = deltas.get
    floats: dict[Key, int] = {}  # change in the number of covering float-valued intervals
    mixed = has_float and kind != "set" and any(type(v) is int for v in values)
    for a, b, v in zip(starts, stops, scaled):
        if a < b and v:
            deltas[a] = get(a, 0) + v
            deltas[b] = get(b, 0) - v
    if mixed:
        fget = floats.get
        for a, b, w in zip(starts, stops, values):
            if a < b and type(w) is float:  # a covering 0.0 still makes the sum a float
                floats[a] = fget(a, 0) + 1
                floats[b] = fget(b, 0) - 1
                deltas.setdefault(a, 0)
                deltas.setdefault(b, 0)
    finish = finish_total(kind, has_float, scale)
    as_int = finish_total(kind, False, scale)
    out_starts: list[Key] = []
    out_stops: list[Key] = []
    out_values: list[int | float] = []
    total = 0
    covering_floats = 0
    prev: Key | None = None
    for c in sorted(deltas):
        if total:
            if mixed and not covering_floats:  # only ints cover this stretch: stay exact int
                value = as_int(total // scale)
            else:
                value = finish(total)
            if value:
                if out_values and out_stops[-1] == prev and same_value(out_values[-1], value):
                    out_stops[-1] = c
                else:
                    # prev is a key here: total is 0 before the first coordinate
                    out_starts.append(prev)  # type: ignore[arg-type]
                    out_stops.append(c)
                    out_values.append(value)
        total += deltas[c]
        if mixed:
            covering_floats += floats.get(c, 0)
        prev = c
    prefer_int_keys((out_starts, out_stops), (starts, stops))
    return out_starts, out_stops, out_values


def merge_canonical(starts: list[Key], stops: list[Key], values: list[int | float]) -> Columns:
    """Canonicalise already sorted, disjoint pieces: drop zeros, merge equal touching ones.

    >>> merge_canonical([0, 1, 2], [1, 2, 3], [1, 1, 0])
    ([0], [2], [1])
    """
    out_s: list[Key] = []
    out_e: list[Key] = []
    out_v: list[int | float] = []
    for a, b, v in zip(starts, stops, values):
        if not v or not a < b:
            continue
        if out_v and out_e[-1] == a and same_value(out_v[-1], v):
            out_e[-1] = b
        else:
            out_s.append(a)
            out_e.append(b)
            out_v.append(v)
    return out_s, out_e, out_v
