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


def _column(col: list[Any]) -> tuple[str, bytes] | None:
    """``(code, bytes)`` for a column of one machine type, or None.

    ``array('q', ...)`` itself refuses floats (``TypeError``) and ints beyond 64 bits
    (``OverflowError``), so the common all-int column needs no separate type scan.
    """
    try:
        return "i", array("q", col).tobytes()
    except OverflowError:  # an int beyond 64 bits: Python keeps it exact
        return None
    except TypeError:
        pass
    if set(map(type, col)) == {float}:  # array('d') would quietly accept ints too
        return "f", array("d", col).tobytes()
    return None


def _combine_rust(
    starts: list[Any], stops: list[Any], values: list[Any], kind: Kind
) -> tuple[Any, Any, Any] | None:
    """One track through the kernel, or None when Python must do it.

    The columns come back as the typed arrays a ``Track`` stores (``'q'``/``'d'``), so
    nothing is converted twice; a counter's or set's float input gives int values.
    """
    if not starts:
        return [], [], []
    coords, raw_stops, vals = _column(starts), _column(stops), _column(values)
    if coords is None or raw_stops is None or vals is None or coords[0] != raw_stops[0]:
        return None  # mixed int/float coordinates keep their types on the Python path
    return combine_bytes(kind, coords[1], raw_stops[1], vals[1], coords[0], vals[0])


def combine_bytes(
    kind: Kind, starts: bytes, stops: bytes, values: bytes, coords: str, vals: str
) -> tuple[Any, Any, Any] | None:
    """The kernel on machine columns (``"i"``: int64, ``"f"``: float64), float values by
    the decimal rule; typed arrays back, or None when the exact answer needs Python.

    A counter's or set's float input gives int values, as the Python kernel does.
    """
    assert _rust is not None
    try:
        s, e, v = _rust.combine(kind, starts, stops, values, coords, vals, float_rule="decimal")
    except _rust.KernelOverflow:
        return None
    typecode = "q" if coords == "i" else "d"
    out_s, out_e = array(typecode), array(typecode)
    out_v = array("q" if vals == "i" else "d")
    out_s.frombytes(s)
    out_e.frombytes(e)
    out_v.frombytes(v)
    if vals == "f" and kind != "meter":  # whole floats: counts and 1s are ints
        try:
            return out_s, out_e, array("q", map(int, out_v))
        except OverflowError:  # a count beyond 64 bits stays an exact Python int
            return out_s, out_e, list(map(int, out_v))
    return out_s, out_e, out_v
