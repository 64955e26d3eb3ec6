"""The one door to the optional Rust accelerator, ``intervalues_pyrust``.

``use_rust=None`` uses the accelerator when it is installed, ``True`` requires it
(``ImportError`` saying how to install it), ``False`` forces pure Python. The environment
variable ``INTERVALUES_BACKEND=python|rust`` forces one backend for the whole process.
Both backends return identical results, so the choice only affects speed.
"""

from __future__ import annotations

import os
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
    """Sweep raw per-track columns into canonical tracks on the chosen backend."""
    from ._tracks import build_tracks

    return build_tracks(cols, kind)
