"""Exception types shared by the whole package."""

from __future__ import annotations

__all__ = ["InvalidTypeError"]


class InvalidTypeError(TypeError, ValueError):
    """A value of the wrong type where intervalues 0.4.0 raised ``ValueError``.

    It subclasses both ``TypeError`` (what it is) and ``ValueError`` (what older code
    catches), so ``except ValueError`` written for 0.4.0 keeps working.

    >>> from intervalues import BaseInterval
    >>> try:
    ...     BaseInterval(0, 1) * "2"
    ... except ValueError as exc:
    ...     print(type(exc).__name__)
    InvalidTypeError
    """
