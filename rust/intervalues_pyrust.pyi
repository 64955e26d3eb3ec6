"""Optional Rust accelerator for ``intervalues``: combine weighted intervals, exactly.

Columns travel as ``bytes`` in native byte order: ``array('q').tobytes()`` for int64
(type code ``"i"``) and ``array('d').tobytes()`` for float64 (type code ``"f"``);
``numpy_array.tobytes()`` works too. Import this module through ``intervalues``'
backend selection, not directly.
"""

from typing import Literal

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
