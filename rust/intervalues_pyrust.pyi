"""Optional Rust accelerator for ``intervalues``: combine weighted intervals, exactly,
and compute with the canonical step functions that result.

Columns travel as ``bytes`` in native byte order: ``array('q').tobytes()`` for int64
(type code ``"i"``) and ``array('d').tobytes()`` for float64 (type code ``"f"``);
``numpy_array.tobytes()`` works too. A step function is a ``(starts, stops, values)``
tuple of such columns, a set a ``(starts, stops)`` tuple. Import this module through
``intervalues``' backend selection, not directly.

The functions after ``combine`` take *canonical* columns (what ``combine`` returns):
pieces sorted and disjoint (``starts[i] <= stops[i] <= starts[i + 1]``, checked:
``ValueError`` otherwise), no zero values. Each computes exactly what the pure-Python
engine computes on the same columns, to the bit; where the exact answer needs more than
the kernel's fixed-width arithmetic it raises ``KernelOverflow`` and the caller computes
it in Python. Coordinates that both operands spell differently (``-0.0`` / ``0.0``) are
copied as the Python code copies them; no function turns a ``0.0`` into ``-0.0``.
"""

from collections.abc import Sequence
from typing import Literal

Columns = tuple[bytes | bytearray, bytes | bytearray, bytes | bytearray]
"""``(starts, stops, values)`` of a step function."""

SetColumns = tuple[bytes | bytearray, bytes | bytearray]
"""``(starts, stops)`` of a set of closed pieces."""

Code = Literal["i", "f"]
Window = tuple[int | float, int | float]

__version__: str
"""The distribution version (the project's ``VERSION`` file)."""

class KernelOverflow(ArithmeticError):
    """The exact result does not fit the kernel's 64-bit arithmetic.

    Raised when an integer piece value leaves the int64 range or a float sum
    overflows. The input was valid: redo the computation with Python numbers.
    """

def combine(
    kind: Literal["meter", "counter", "set"],
    starts: bytes | bytearray,
    stops: bytes | bytearray,
    values: bytes | bytearray,
    coords: Literal["i", "f"],
    vals: Literal["i", "f"],
    nr_digits: int | None = None,
    float_rule: Literal["decimal", "binary"] = "decimal",
) -> tuple[bytes, bytes, bytes]:
    """Combine weighted intervals into the canonical step function of their sum.

    Interval ``k`` is ``[starts[k], stops[k])`` with weight ``values[k]``. Between two
    consecutive bounds the result's value is the exact sum of the weights covering
    that stretch, then turned into a piece value by ``kind``:

    - ``"meter"``: the sum; pieces whose sum is exactly 0 are dropped;
    - ``"counter"``: the sum truncated toward zero; pieces below 1 are dropped;
    - ``"set"``: 1 where the sum is positive, nothing elsewhere.

    Integer sums are exact. For float values, ``float_rule`` says what a float stands
    for:

    - ``"decimal"`` (the ``intervalues`` rule): a whole float is its exact integer,
      a fractional one the decimal its ``repr`` prints (``0.1`` is one tenth); the
      exact decimal sum is rounded once to the nearest float, so ``0.1 + 0.2`` gives
      ``0.3`` and ``0.1 + 0.2 - 0.3`` cancels. Sums that need more than 38 decimals
      or leave the kernel's 128-bit fixed point raise ``KernelOverflow``;
    - ``"binary"``: a float is its exact binary value; the sum is correctly rounded,
      bit-identical to ``math.fsum`` of the values (``0.30000000000000004``).

    Touching pieces with equal values are merged, so the output is canonical:
    sorted, disjoint, no zero pieces. Zero-length intervals contribute nothing.
    With ``nr_digits=k``, float coordinates and values are first rounded exactly
    like ``round(x, k)``; integers are unchanged. The GIL is released while the
    kernel runs. Cost: O(n log n).

    Args:
        kind: ``"meter"``, ``"counter"`` or ``"set"``.
        starts, stops: interval bounds, int64 or float64 items as ``coords`` says.
        values: interval weights, int64 or float64 items as ``vals`` says.
        coords: ``"i"`` (int64) or ``"f"`` (float64) for ``starts`` and ``stops``.
        vals: ``"i"`` (int64) or ``"f"`` (float64) for ``values``.
        nr_digits: ``None``, or the number of decimals (>= 0) to round floats to.
        float_rule: ``"decimal"`` (default) or ``"binary"``, see above.

    Returns:
        ``(starts, stops, values)`` of the pieces, encoded like the inputs
        (values keep the input value type; counter and set give integral floats
        for float input).

    Raises:
        ValueError: an unknown ``kind``/``coords``/``vals``/``float_rule``, a column
            whose length is not a multiple of 8 bytes, columns of different lengths,
            a start after its stop, or a NaN/infinite float. The message names the
            argument.
        KernelOverflow: the exact result does not fit int64/float64 (or, under the
            decimal rule, the 128-bit fixed point).

    >>> from array import array
    >>> out = combine("meter", array("q", [0, 2]).tobytes(), array("q", [4, 6]).tobytes(),
    ...               array("q", [1, 1]).tobytes(), "i", "i")
    >>> [array("q", column).tolist() for column in out]
    [[0, 2, 4], [2, 4, 6], [1, 2, 1]]
    >>> floats = [array("d", c).tobytes() for c in ([0, 0, 1], [2, 2, 2], [0.1, 0.2, -0.3])]
    >>> array("d", combine("meter", *floats, "f", "f")[2]).tolist()
    [0.3]
    >>> array("d", combine("meter", *floats, "f", "f", float_rule="binary")[2]).tolist()
    [0.30000000000000004, 2.7755575615628914e-17]
    """

def kernel_version() -> str:
    """The version of the ``intervalues-core`` Rust crate compiled into this module."""

def values_at(columns: Columns, coords: Code, vals: Code, points: bytes, pts: Code) -> bytes:
    """The step function's value at each point, as a ``vals``-typed column.

    Pieces are closed and the left piece wins at a shared boundary (``i =
    bisect_left(stops, x)``, covered iff ``starts[i] <= x``), as ``Track.find``. An
    uncovered point gets 0 (``0.0`` for float values): canonical values are never
    zero, so ``[v if v else 0 for v in out]`` gives the Python list path's answer.
    Points may be int64 (``"i"``, datetimes as microseconds) or float64 (``"f"``) for
    either coordinate type; int/float comparisons are exact (no int64 is rounded to a
    float: coordinates ``[2**53 + 1, 2**53 + 3]`` do not cover ``2.0**53``).

    Sorted points are answered by one merge, others are radix-sorted with their
    positions, merged and scattered back; parallel over chunks. The GIL is released.
    Cost: O(n + k) (plus O(k) sorting passes for unsorted points).

    Raises:
        ValueError: a bad type code, a column whose length is not a multiple of 8
            bytes, columns of different lengths, non-canonical columns, or a NaN or
            infinite point (``points[3] is not a finite number``).

    >>> from array import array
    >>> cols = tuple(array("q", c).tobytes() for c in ([0, 2], [2, 5], [10, 20]))
    >>> array("q", values_at(cols, "i", "i", array("d", [1.5, 2, 2.5, 7]).tobytes(), "f")).tolist()
    [10, 10, 20, 0]
    """

def contains_many(columns: SetColumns, coords: Code, points: bytes, pts: Code) -> bytes:
    """One byte per point: 1 when some closed piece covers it, else 0.

    ``list(map(bool, out))`` or ``numpy.frombuffer(out, dtype=bool)``. Same rules,
    cost and errors as ``values_at``.

    >>> from array import array
    >>> cols = (array("q", [0, 3]).tobytes(), array("q", [1, 3]).tobytes())
    >>> list(contains_many(cols, "i", array("q", [1, 2, 3]).tobytes(), "i"))
    [1, 0, 1]
    """

def add_steps(
    kind: Literal["meter", "counter", "set"],
    a: Columns,
    b: Columns,
    coords: Code,
    vals: Code,
    subtract: bool = False,
) -> tuple[bytes, bytes, bytes]:
    """``a + b`` (or ``a - b``) of two step functions by one linear merge.

    Bit-identical to ``combine(kind, ...)`` of the concatenated pieces (``b``'s values
    negated to subtract) under the decimal rule, which is what ``IntervalMeter.update``
    and ``IntervalCounter.update`` compute: ints exactly, floats as the decimals they
    print as, each piece rounded once; ``"counter"`` truncates and drops counts below
    1 (float input gives whole floats, as ``combine`` does). Both operands must have
    the same coordinate and value types. Cost: O(n + m), GIL released.

    Raises:
        ValueError: bad codes or non-canonical columns (the message names ``a`` or ``b``).
        KernelOverflow: an int piece beyond int64, or a decimal sum beyond the 128-bit
            fixed point (compute it in Python).

    >>> from array import array
    >>> q = lambda *c: array("q", c).tobytes()
    >>> out = add_steps("meter", (q(0, 4), q(4, 6), q(1, 2)), (q(2), q(5), q(1)), "i", "i")
    >>> [array("q", c).tolist() for c in out]
    [[0, 2, 4, 5], [2, 4, 5, 6], [1, 2, 3, 2]]
    """

def set_op(
    op: Literal["or", "and", "sub", "xor"], a: SetColumns, b: SetColumns, coords: Code
) -> tuple[bytes, bytes]:
    """Union, intersection, closure of the difference, or symmetric difference of two
    sets of closed pieces, exactly as ``interval_set._closed_op`` (and ``xor`` as
    ``(a - b) | (b - a)``): one-point pieces ``[x;x]`` included, touching pieces of a
    union merged, the boundary points of a removed part kept. Output canonical.
    Cost: O(n + m), GIL released.

    Raises:
        ValueError: a bad ``op`` or code, or non-canonical columns.

    >>> from array import array
    >>> q = lambda *c: array("q", c).tobytes()
    >>> [array("q", c).tolist() for c in set_op("and", (q(0), q(2)), (q(2), q(3)), "i")]
    [[2], [2]]
    """

def scale_steps(
    kind: Literal["meter", "counter"],
    columns: Columns,
    coords: Code,
    vals: Code,
    factor: int | float,
) -> tuple[bytes, bytes, bytes, Code]:
    """Every value times ``factor``, in canonical form (zero products dropped, touching
    equal products merged), and the type code of the new values.

    ``"meter"``: Python's ``v * factor`` (int * int exact, ``"i"``; anything with a
    float is one IEEE product after converting the int to the nearest float, ``"f"``).
    ``"counter"``: ``int(v * factor)`` (truncation), always ``"i"``; ``factor <= 0``
    gives an empty counter. Cost: O(n), GIL released.

    Raises:
        ValueError: a float product is infinite ("scaling gives a value that is not
            finite"; nothing is stored), ``kind="set"``, bad codes or columns.
        TypeError: ``factor`` is not an int or float.
        KernelOverflow: an int product (or count) beyond int64, or an int ``factor``
            beyond int64 (compute it in Python).

    >>> from array import array
    >>> q = lambda *c: array("q", c).tobytes()
    >>> s, e, v, code = scale_steps("meter", (q(0, 1), q(1, 2), q(2, 4)), "i", "i", 1.5)
    >>> code, array("d", v).tolist()
    ('f', [3.0, 6.0])
    """

def total(values: bytes, vals: Code) -> int | float:
    """``IntervalMeter.total()`` of a value column: the exact int sum, or ``math.fsum``.

    Raises:
        KernelOverflow: the int sum leaves int128, or a float sum comes near the float
            range (``math.fsum`` may raise there; compute it in Python).

    >>> from array import array
    >>> total(array("d", [0.1, 0.2]).tobytes(), "f")
    0.30000000000000004
    """

def integral(
    columns: Columns, coords: Code, vals: Code, window: Window | None = None
) -> int | float:
    """``total_length()`` (no window): ``_exact_sum((stop - start) * value)``; with
    ``window=(a, b)`` (keys, ints or floats), ``integrate(a, b)``: the same over the
    pieces with ``start < b`` and ``stop > a``, clipped as ``min(stop, b) - max(start,
    a)``. Python arithmetic throughout (an int meeting a float becomes a float), so
    the result type is Python's. Datetime meters: the caller wraps the int in a
    ``timedelta``.

    Raises:
        KernelOverflow: as ``total``.

    >>> from array import array
    >>> q = lambda *c: array("q", c).tobytes()
    >>> cols = (q(0, 2), q(2, 4), q(1, 3))
    >>> integral(cols, "i", "i"), integral(cols, "i", "i", (1.5, 3))
    (8, 3.5)
    """

def coverage(columns: SetColumns, coords: Code) -> int | float:
    """``coverage_length()``: ``_exact_sum(stop - start)`` over the pieces.

    >>> from array import array
    >>> coverage((array("d", [0, 2]).tobytes(), array("d", [1, 4.5]).tobytes()), "f")
    3.5
    """

def average(columns: Columns, coords: Code, vals: Code, within: Window | None = None) -> float:
    """``average_value(within)``: the measure-weighted mean, correctly rounded from the
    exact sums (as ``_statistics.average`` with its ``Fraction`` arithmetic).

    The pairs are ``(value, stop - start)``; with ``within=(lo, hi)`` (keys) the
    pieces are clipped to it and the uncovered measure ``(hi - lo) - covered`` (added
    in piece order, Python arithmetic) counts with the int 0, as
    ``_statistics.weighted_values``.

    Raises:
        ValueError: "the average needs a domain of positive measure" (the same text as
            Python), "within must have a positive length", a ``within`` that is not a
            pair, or bad columns.
        TypeError: a ``within`` bound that is not an int or float.
        KernelOverflow: the mean is beyond the float range, or an int bound beyond int64.

    >>> from array import array
    >>> q = lambda *c: array("q", c).tobytes()
    >>> cols = (q(0, 2, 4), q(2, 4, 6), q(1, 2, 1))
    >>> average(cols, "i", "i"), average(cols, "i", "i", (0, 8))
    (1.3333333333333333, 1.0)
    """

def median(
    columns: Columns, coords: Code, vals: Code, within: Window | None = None
) -> int | float:
    """``median_value(within)``: the measure-weighted median with
    ``_statistics.median``'s tie rule (when the running measure lands exactly on half,
    ``(v + next) / 2``, a float). The result is a column value or the int 0 of the
    window's uncovered part.

    Raises:
        ValueError: "the median needs a domain of positive measure" (no pairs: the
            Python engine checks emptiness first for its own message), and as ``average``.

    >>> from array import array
    >>> q = lambda *c: array("q", c).tobytes()
    >>> median((q(0, 2), q(2, 4), q(1, 3)), "i", "i")
    2.0
    """

def mode(
    columns: Columns, coords: Code, vals: Code, within: Window | None = None
) -> tuple[int | float, ...]:
    """``mode_value(within)``: the values carrying the most measure, all tied ones,
    ascending. Errors as ``median`` ("the mode needs ...").

    >>> from array import array
    >>> q = lambda *c: array("q", c).tobytes()
    >>> mode((q(0, 2), q(2, 4), q(1, 3)), "i", "i", (0, 6))
    (0, 1, 3)
    """

def minimum(
    columns: Columns, coords: Code, vals: Code, within: Window | None = None
) -> int | float:
    """``minimum_value(within)``: the smallest value (with ``within``, over the clipped
    pieces and the int 0 of an uncovered part). Errors as ``median``.

    >>> from array import array
    >>> q = lambda *c: array("q", c).tobytes()
    >>> minimum((q(0, 2), q(2, 4), q(1, 3)), "i", "i"), minimum((q(0,), q(2,), q(1,)), "i", "i", (0, 5))
    (1, 0)
    """

def maximum(
    columns: Columns, coords: Code, vals: Code, within: Window | None = None
) -> int | float:
    """``maximum_value(within)``: the largest value. Errors as ``median``.

    >>> from array import array
    >>> q = lambda *c: array("q", c).tobytes()
    >>> maximum((q(0, 2), q(2, 4), q(1, 3)), "i", "i")
    3
    """

def regions(
    columns: Columns,
    coords: Code,
    vals: Code,
    threshold: int | float,
    which: Literal["at_least", "below"],
) -> tuple[bytes, bytes]:
    """``regions_at_least(threshold)`` / ``regions_below(threshold)`` without
    ``within``: the pieces whose value is ``>= threshold`` (``< threshold``), compared
    exactly, as set columns with touching pieces joined. (``regions_below(...,
    within=w)`` composes from this, ``set_op`` and the meter's support when ``w``'s
    coordinates have the columns' type.)

    >>> from array import array
    >>> q = lambda *c: array("q", c).tobytes()
    >>> s, e = regions((q(0, 2, 4), q(2, 4, 6), q(1, 2, 1)), "i", "i", 2, "below")
    >>> array("q", s).tolist(), array("q", e).tolist()
    ([0, 4], [2, 6])
    """

def combine_intervals_int(raw_ivs: Sequence[tuple[int, int, int]]) -> list[tuple[int, int, int]]:
    """0.4.0's integer entry point: combine ``(start, stop, value)`` tuples of int64
    into the meter's pieces, ``[(start, stop, value), ...]`` sorted, equal touching
    pieces merged, zero pieces dropped.

    Same signature, input shape, output shape and extraction errors as 0.4.0 (a float
    gives ``TypeError: 'float' object cannot be interpreted as an integer``, an int
    beyond 64 bits ``OverflowError``, a list item ``TypeError``, a 2-tuple
    ``ValueError``). Bounds may come in either order (``(3, 1, v)`` is ``[1, 3]``, as
    in 0.4.0). Intentional difference: a piece whose exact sum leaves int64 raises
    ``OverflowError`` where 0.4.0 silently wraps around (W2).

    >>> combine_intervals_int([(0, 2, 1), (1, 3, 2)])
    [(0, 1, 1), (1, 2, 3), (2, 3, 2)]
    """

def combine_intervals_float(
    raw_ivs: Sequence[tuple[float, float, float]], nr_decimal: int
) -> list[tuple[float, float, float]]:
    """0.4.0's float entry point: every coordinate and value rounded to ``nr_decimal``
    decimals (as Python's ``round``), then combined exactly under the package's decimal
    rule; pieces as ``[(start, stop, value), ...]`` of floats.

    Same signature, input and output shapes as 0.4.0. Intentional differences (W2):
    64-bit floats throughout, no 32-bit quantisation (0.4.0 returns
    ``0.10000000149011612`` for ``0.1``), so ``0.1 + 0.2`` at 3 decimals is ``0.3``;
    rounding is Python's (half to even on the exact binary value, so ``2.5`` at 0
    decimals is ``2.0``, not 0.4.0's ``3.0``); ``nr_decimal < 0`` raises ``ValueError``
    (0.4.0 returns ``[]``); a NaN or infinite number raises ``ValueError`` (0.4.0
    returns garbage); a zero coordinate comes back as ``0.0``; a sum beyond the
    kernel's exact range raises ``OverflowError``.

    >>> combine_intervals_float([(0.1, 0.3, 1.0), (0.2, 0.4, 2.0)], 1)
    [(0.1, 0.2, 1.0), (0.2, 0.3, 3.0), (0.3, 0.4, 2.0)]
    """
