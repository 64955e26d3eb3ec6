"""The one door to the optional Rust accelerator, ``intervalues_pyrust``.

This is the only module that imports it (a ruff rule keeps it so). Everything here
speaks bytes: machine columns in (``"i"``: int64, ``"f"``: float64, native byte order),
typed columns out (read-only ``memoryview`` casts of the kernel's own ``bytes``, so a
result costs no copy and goes back to the kernel for free), and ``None`` where the
exact answer needs Python numbers (the kernel's ``KernelOverflow``). Which backend a
call uses is decided elsewhere, once (:func:`intervalues._engine.combine.use_accel`);
the callers pass canonical columns, so the kernel's input errors cannot occur.
"""

from __future__ import annotations

import os
from array import array
from typing import Any, Literal

__all__ = [
    "TypeCode",
    "add_steps",
    "available",
    "combine_bytes",
    "contains_many",
    "coverage",
    "forced_backend",
    "integral",
    "module",
    "regions",
    "scale_steps",
    "set_op",
    "statistic",
    "total",
    "values_at",
    "view",
]

TypeCode = Literal["i", "f"]
Steps = tuple[bytes, bytes, bytes]
"""``(starts, stops, values)`` of a canonical step function, as bytes."""
Pieces = tuple[bytes, bytes]
"""``(starts, stops)`` of canonical closed pieces (a set), as bytes."""
View = Any
"""A read-only ``memoryview`` of the kernel's bytes, cast to ``"q"`` or ``"d"``."""

_rust: Any
try:  # the only import of the accelerator in the package
    import intervalues_pyrust as _rust
except ImportError:  # pragma: no cover - depends on the environment
    _rust = None


def available() -> bool:
    """Whether the accelerator is importable.

    >>> isinstance(available(), bool)
    True
    """
    return _rust is not None


def module() -> Any:
    """The accelerator module itself, or ``None`` (for compatibility attributes).

    >>> module() is None or hasattr(module(), "combine")
    True
    """
    return _rust


def forced_backend() -> str:
    """The ``INTERVALUES_BACKEND`` setting, lower-cased (``""`` when unset; validated in
    ``_checks``).

    >>> forced_backend() in ("", "auto", "python", "rust")
    True
    """
    return os.environ.get("INTERVALUES_BACKEND", "").strip().lower()


def combine_bytes(
    kind: str, starts: bytes, stops: bytes, values: bytes, coords: TypeCode, vals: TypeCode
) -> tuple[Any, Any, Any] | None:
    """The kernel's sweep on machine columns, float values by the decimal rule.

    Returns typed arrays (``'q'``/``'d'``), or ``None`` when the exact answer needs
    Python. A counter's or set's float input gives int values, as the Python kernel does.
    """
    if _rust is None:  # pragma: no cover - callers ask available() first
        return None
    try:
        s, e, v = _rust.combine(kind, starts, stops, values, coords, vals, float_rule="decimal")
    except _rust.KernelOverflow:
        return None
    return _steps_out(kind, s, e, v, coords, vals)


def _steps_out(
    kind: str, s: bytes, e: bytes, v: bytes, coords: TypeCode, vals: TypeCode
) -> tuple[Any, Any, Any]:
    """Result columns as views; a counter's or set's whole floats become ints."""
    out_s, out_e, out_v = view(s, coords), view(e, coords), view(v, vals)
    if vals == "f" and kind != "meter":  # whole floats: counts and 1s are ints
        try:
            return out_s, out_e, array("q", map(int, out_v))
        except OverflowError:  # a count beyond 64 bits stays an exact Python int
            return out_s, out_e, list(map(int, out_v))
    return out_s, out_e, out_v


def view(data: bytes, code: TypeCode) -> View:
    """A kernel result column as a read-only typed sequence, without a copy.

    >>> list(view(array("q", [3, 4]).tobytes(), "i"))
    [3, 4]
    """
    return memoryview(data).cast("q" if code == "i" else "d")


def values_at(steps: Steps, coords: TypeCode, vals: TypeCode, points: bytes, pts: TypeCode) -> View:
    """The value at each (finite) point, ``vals``-typed, 0 where nothing covers it.

    >>> q = lambda *c: array("q", c).tobytes()
    >>> module() is None or list(values_at((q(0), q(2), q(7)), "i", "i", q(1, 3), "i")) == [7, 0]
    True
    """
    return view(_rust.values_at(steps, coords, vals, points, pts), vals)


def contains_many(pieces: Pieces, coords: TypeCode, points: bytes, pts: TypeCode) -> bytes:
    """One byte per (finite) point: 1 when a closed piece covers it.

    >>> q = lambda *c: array("q", c).tobytes()
    >>> module() is None or list(contains_many((q(0), q(2)), "i", q(2, 3), "i")) == [1, 0]
    True
    """
    out: bytes = _rust.contains_many(pieces, coords, points, pts)
    return out


def add_steps(
    kind: str, a: Steps, b: Steps, coords: TypeCode, vals: TypeCode, subtract: bool
) -> tuple[Any, Any, Any] | None:
    """``a + b`` (``a - b``) of two step functions of the same types, by the sweep's rule
    (a counter's float counts come back as ints, as from :func:`combine_bytes`);
    ``None`` when the exact sum needs Python.

    >>> q = lambda *c: array("q", c).tobytes()
    >>> a, b = (q(0), q(2), q(1)), (q(1), q(3), q(1))
    >>> out = module() and add_steps("meter", a, b, "i", "i", False)
    >>> module() is None or [list(c) for c in out] == [[0, 1, 2], [1, 2, 3], [1, 2, 1]]
    True
    """
    try:
        s, e, v = _rust.add_steps(kind, a, b, coords, vals, subtract=subtract)
    except _rust.KernelOverflow:
        return None
    return _steps_out(kind, s, e, v, coords, vals)


def set_op(op: str, a: Pieces, b: Pieces, coords: TypeCode) -> tuple[View, View]:
    """Union (``"or"``), intersection, closed difference or symmetric difference of two
    sets of closed pieces of the same coordinate type.

    >>> q = lambda *c: array("q", c).tobytes()
    >>> out = module() and set_op("and", (q(0), q(2)), (q(2), q(3)), "i")
    >>> module() is None or [list(c) for c in out] == [[2], [2]]
    True
    """
    s, e = _rust.set_op(op, a, b, coords)
    return view(s, coords), view(e, coords)


def scale_steps(
    kind: str, steps: Steps, coords: TypeCode, vals: TypeCode, factor: int | float
) -> tuple[View, View, View] | None:
    """Every value times ``factor`` (a counter's truncated), canonical; ``None`` when Python
    must do it (an int beyond 64 bits, or a product that is not finite).

    >>> q = lambda *c: array("q", c).tobytes()
    >>> out = module() and scale_steps("meter", (q(0), q(1), q(3)), "i", "i", 0.5)
    >>> module() is None or list(out[2]) == [1.5]
    True
    """
    try:
        s, e, v, code = _rust.scale_steps(kind, steps, coords, vals, factor)
    except (_rust.KernelOverflow, ValueError):  # ValueError: a product is not finite
        return None
    return view(s, coords), view(e, coords), view(v, code)


def total(values: bytes, vals: TypeCode) -> int | float | None:
    """The exact sum of a value column (``math.fsum`` for floats), or ``None``.

    >>> module() is None or total(array("d", [0.1, 0.2]).tobytes(), "f")
    0.30000000000000004
    """
    try:
        out: int | float = _rust.total(values, vals)
    except _rust.KernelOverflow:
        return None
    return out


def integral(
    steps: Steps, coords: TypeCode, vals: TypeCode, window: tuple[Any, Any] | None
) -> int | float | None:
    """Σ length × value, clipped to ``window`` (keys) when given; ``None`` when Python must
    do it.

    >>> q = lambda *c: array("q", c).tobytes()
    >>> module() is None or integral((q(0), q(2), q(3)), "i", "i", (1, 5))
    3
    """
    try:
        out: int | float = _rust.integral(steps, coords, vals, window)
    except _rust.KernelOverflow:
        return None
    return out


def coverage(pieces: Pieces, coords: TypeCode) -> int | float | None:
    """Σ stop - start over closed pieces (``math.fsum`` for floats), or ``None``.

    >>> module() is None or coverage((array("d", [0]).tobytes(), array("d", [1.5]).tobytes()), "f")
    1.5
    """
    try:
        out: int | float = _rust.coverage(pieces, coords)
    except _rust.KernelOverflow:
        return None
    return out


def statistic(
    name: Literal["average", "median", "mode", "minimum", "maximum"],
    steps: Steps,
    coords: TypeCode,
    vals: TypeCode,
    within: tuple[Any, Any] | None,
) -> Any:
    """A measure-weighted statistic of the values (clipped to ``within``, keys, with the
    uncovered part counting 0), or ``None`` when Python must do it: a number beyond the
    kernel's 64 bits, or nothing to measure (Python says which, in its own words).

    >>> q = lambda *c: array("q", c).tobytes()
    >>> module() is None or statistic("median", (q(0, 2), q(2, 4), q(1, 3)), "i", "i", None)
    2.0
    """
    try:
        return getattr(_rust, name)(steps, coords, vals, within)
    except (_rust.KernelOverflow, ValueError):  # ValueError: no measure in the window
        return None


def regions(
    steps: Steps, coords: TypeCode, vals: TypeCode, threshold: int | float, at_least: bool
) -> tuple[View, View] | None:
    """``(starts, stops)`` of the pieces with value ``>= threshold`` (or ``<``), touching
    ones joined; ``None`` when Python must compare (a threshold beyond 64 bits).

    >>> q = lambda *c: array("q", c).tobytes()
    >>> out = module() and regions((q(0, 2), q(2, 4), q(1, 3)), "i", "i", 2, True)
    >>> module() is None or [list(c) for c in out] == [[2], [4]]
    True
    """
    try:
        s, e = _rust.regions(steps, coords, vals, threshold, "at_least" if at_least else "below")
    except _rust.KernelOverflow:
        return None
    return view(s, coords), view(e, coords)
