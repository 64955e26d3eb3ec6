"""The one door to the optional Rust accelerator, ``intervalues_pyrust``.

``use_rust=None`` uses the accelerator when it is installed, ``True`` requires it
(``ImportError`` saying how to install it), ``False`` forces pure Python. The environment
variable ``INTERVALUES_BACKEND=python|rust`` forces one backend for the whole process.
Both backends return identical results, so the choice only affects speed.
"""

from __future__ import annotations

import os
from array import array
from typing import Any

from ._sweep import Kind

__all__ = ["INSTALL_HINT", "available", "build", "check_use_rust", "wants_rust"]

INSTALL_HINT = (
    "the Rust accelerator is not installed; install it with: pip install 'intervalues[rust]'"
)

try:  # the only import of the accelerator in the package
    import intervalues_pyrust as _rust
except ImportError:  # pragma: no cover - depends on the environment
    _rust = None


def _has_decimal_rule() -> bool:
    """Whether the accelerator sums floats by the decimal rule (``float_rule=``).

    Older builds only know the binary (fsum) rule; they still get the float columns
    whose decimal reading equals their binary value.
    """
    if _rust is None:
        return False
    try:
        _rust.combine("meter", b"", b"", b"", "f", "f", float_rule="decimal")
    except TypeError:  # pragma: no cover - an accelerator older than this package
        return False
    return True


_DECIMAL_RULE = _has_decimal_rule()


def available() -> bool:
    """Whether the accelerator is importable."""
    return _rust is not None


def _forced() -> str | None:
    value = os.environ.get("INTERVALUES_BACKEND", "").strip().lower()
    if value in ("", "auto"):
        return None
    if value not in ("python", "rust"):
        raise ValueError(f"INTERVALUES_BACKEND must be 'python' or 'rust', got {value!r}")
    return value


def check_use_rust(use_rust: Any) -> None:
    """Validate a ``use_rust`` argument; ``True`` without the accelerator is an error."""
    if use_rust is not None and not isinstance(use_rust, bool):
        raise TypeError(f"use_rust must be None, True or False, got {use_rust!r}")
    if (use_rust is True or _forced() == "rust") and _rust is None:
        raise ImportError(INSTALL_HINT)


def wants_rust(use_rust: bool | None) -> bool:
    """Whether this call should use the accelerator."""
    forced = _forced()
    if forced is not None:
        return forced == "rust"
    if use_rust is None:
        return _rust is not None
    return use_rust


def build(
    cols: dict[Any, tuple[list[Any], list[Any], list[Any]]], kind: Kind, use_rust: bool | None
) -> dict[Any, Any]:
    """Sweep raw per-track columns into canonical tracks on the chosen backend.

    The accelerator takes a track only when its answer is bit-identical to Python's:
    uniform coordinate types and uniform value types (ints within 64 bits, or floats,
    which it sums by the same decimal rule). Anything else, and any overflow inside
    the kernel (ints beyond 64 bits, decimal sums beyond its 128-bit fixed point), is
    computed by the pure-Python kernel, exactly.
    """
    from ._tracks import Track, build_tracks

    if _rust is None or not wants_rust(use_rust):
        return build_tracks(cols, kind)
    out: dict[Any, Any] = {}
    rest: dict[Any, tuple[list[Any], list[Any], list[Any]]] = {}
    for t, (starts, stops, values) in cols.items():
        result = _combine_rust(starts, stops, values, kind)
        if result is None:
            rest[t] = (starts, stops, values)
        elif result[0]:
            out[t] = Track(*result)
    out.update(build_tracks(rest, kind))
    return dict(sorted(out.items(), key=lambda kv: (0, 0, 0) if kv[0] is None else (1, *kv[0])))


def _column(col: list[Any], types: set[type]) -> tuple[str, bytes] | None:
    """``(code, bytes)`` for a column of one machine type, or None."""
    try:
        if types == {int}:
            return "i", array("q", col).tobytes()
        if types == {float}:
            return "f", array("d", col).tobytes()
    except OverflowError:  # an int beyond 64 bits: Python keeps it exact
        return None
    return None


def _decimal_is_binary(values: list[float]) -> bool:
    """Whether every float's shortest decimal equals its binary value (0.5 yes, 0.1 no).

    Only needed for an accelerator without the decimal rule, whose binary sums agree
    with Python's decimal ones exactly for such values.
    """
    from ._sweep import _decimal

    for v in set(values):
        m, e = _decimal(v)
        n, d = v.as_integer_ratio()
        if e >= 0:
            if d != 1 or n != m * 10**e:
                return False
        elif n * 10**-e != m * d:
            return False
    return True


def _combine_rust(
    starts: list[Any], stops: list[Any], values: list[Any], kind: Kind
) -> tuple[Any, Any, Any] | None:
    """One track through the kernel, or None when Python must do it.

    The columns come back as the typed arrays a ``Track`` stores (``'q'``/``'d'``), so
    nothing is converted twice; a counter's or set's float input gives int values.
    """
    if not starts:
        return [], [], []
    coord_types = set(map(type, starts)) | set(map(type, stops))
    coords = _column(starts, coord_types)
    vals = _column(values, set(map(type, values)))
    if coords is None or vals is None:
        return None
    options: dict[str, str] = {}
    if vals[0] == "f":
        if _DECIMAL_RULE:
            options["float_rule"] = "decimal"
        elif not _decimal_is_binary(values):  # pragma: no cover - older accelerator
            return None
    code, raw_starts = coords
    typecode = "q" if code == "i" else "d"
    raw_stops = _column(stops, coord_types)
    if raw_stops is None:
        return None
    assert _rust is not None
    try:
        s, e, v = _rust.combine(kind, raw_starts, raw_stops[1], vals[1], code, vals[0], **options)
    except _rust.KernelOverflow:
        return None
    out_s, out_e = array(typecode), array(typecode)
    out_v = array("q" if vals[0] == "i" else "d")
    out_s.frombytes(s)
    out_e.frombytes(e)
    out_v.frombytes(v)
    if vals[0] == "f" and kind != "meter":  # whole floats: counts and 1s are ints
        try:
            return out_s, out_e, array("q", map(int, out_v))
        except OverflowError:  # a count beyond 64 bits stays an exact Python int
            return out_s, out_e, list(map(int, out_v))
    return out_s, out_e, out_v
