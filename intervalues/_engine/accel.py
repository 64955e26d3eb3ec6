"""The one door to the optional Rust accelerator, ``intervalues_pyrust``.

This is the only module that imports it (a ruff rule keeps it so). Everything here
speaks bytes: machine columns in (``"i"``: int64, ``"f"``: float64, native byte order),
typed ``array`` columns out, and ``None`` where the exact answer needs Python numbers
(the kernel's ``KernelOverflow``). Which backend a call uses is decided elsewhere, once
(:func:`intervalues._engine.combine.use_accel`).
"""

from __future__ import annotations

import os
from array import array
from typing import Any, Literal

__all__ = ["TypeCode", "available", "combine_bytes", "forced_backend", "module"]

TypeCode = Literal["i", "f"]

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
