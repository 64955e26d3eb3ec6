"""Parsing one cell: numbers, ISO 8601 or ``--datetime-format`` datetimes, values."""

from __future__ import annotations

import math
import re
from datetime import datetime
from typing import Any

from intervalues._checks import fail

MISSING = frozenset({"", "na", "n/a", "null", "none"})  # lowercased, stripped cells
NOT_A_NUMBER = frozenset({"nan", "nat"})  # skipped with --skip-missing, named in errors


_DATE_LIKE = re.compile(r"\d{1,4}[/.-]\d{1,2}[/.-]\d{1,4}\b")  # 01/02/2024, 1.2.2024 ...


def parse_coordinate(cell: str, datetime_format: str | None = None) -> Any:
    """A start/stop cell as ``int``, ``float`` or ``datetime`` (``ValueError`` if none).

    With ``datetime_format`` the cell must be a datetime in that ``strptime`` format;
    otherwise an int, a finite float or an ISO 8601 datetime (``Z`` means UTC).

    >>> parse_coordinate("2013-06-01 08:30+02:00").isoformat()
    '2013-06-01T08:30:00+02:00'
    >>> parse_coordinate("01/06/2013 08:30", "%d/%m/%Y %H:%M")
    datetime.datetime(2013, 6, 1, 8, 30)
    >>> parse_coordinate("soon")
    Traceback (most recent call last):
    ...
    ValueError: 'soon' is not a number or an ISO 8601 datetime
    """
    if datetime_format is not None:
        try:
            return datetime.strptime(cell, datetime_format)
        except ValueError:
            raise fail("cli_cell_format", cell=cell, format=datetime_format) from None
    try:
        return int(cell)
    except ValueError:
        pass
    try:
        number = float(cell)
    except ValueError:
        pass
    else:
        if not math.isfinite(number):
            raise fail("cli_cell_not_finite", cell=cell)
        return number
    text = cell[:-1] + "+00:00" if cell[-1:] in ("Z", "z") else cell  # 'Z' for Python 3.10
    try:
        return datetime.fromisoformat(text)
    except ValueError:
        if _DATE_LIKE.match(cell):
            example = "%d/%m/%Y %H:%M" if ":" in cell else "%d/%m/%Y"
            raise fail("cli_cell_not_coordinate_hint", cell=cell, example=example) from None
        raise fail("cli_cell_not_coordinate", cell=cell) from None


def parse_value(cell: str) -> int | float:
    """A ``--value`` cell as an ``int`` or a finite ``float``.

    >>> parse_value("3"), parse_value("0.25")
    (3, 0.25)
    """
    try:
        return int(cell)
    except ValueError:
        pass
    try:
        number = float(cell)
    except ValueError:
        raise fail("cli_cell_not_number", cell=cell) from None
    if not math.isfinite(number):
        raise fail("cli_cell_not_finite", cell=cell)
    return number
