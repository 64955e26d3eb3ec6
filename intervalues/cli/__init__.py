"""The ``intervalues`` command line: combine the intervals in a file and summarise them.

::

    intervalues combine FILE --start COL --stop COL [--value COL] [--kind meter|counter|set]
                             [--out FILE] [--plot FILE.png] [--datetime-format FMT] ...
    python -m intervalues combine ...          (the same)

``FILE`` is a CSV file (also ``.csv.gz``, or a ``.zip`` holding one CSV) or a Parquet file
(``.parquet``/``.pq``, needs pyarrow). Each row is one interval: the ``--start`` and
``--stop`` columns are its bounds (numbers, or datetimes: ISO 8601 including a trailing
``Z``, or ``--datetime-format``), ``--value`` its weight (default 1). The rows are built
into an ``IntervalMeter``, ``IntervalCounter`` or ``IntervalSet`` with ``from_arrays``
(as whole columns), and a summary is printed: rows read, pieces, the peak and where it
is, the busiest stretches, the total measure and the covered length. ``--out`` writes
the combined pieces (``start,stop,value``) as CSV or Parquet, ``--plot`` draws them.

Problems with the input (a missing file, an unknown column, a cell that is not a number
or a datetime, a start after its stop) are reported in one line naming the row and the
column, with exit code 2 and no traceback. ``--skip-missing`` and ``--skip-reversed``
skip such rows instead (and count them in the summary).

The package has one module per step: ``cells`` (parsing one cell), ``rows`` (cells into
checked columns), ``csv_input`` and ``parquet_input`` (reading files), ``progress``,
``build`` (``from_arrays``), ``summary``, ``output`` (``--out``, ``--plot``) and
``commands`` (the argument parser and ``main``).

>>> from intervalues.cli.summary import format_number
>>> format_number(1234567), format_number(0.5), format_number(3.0)
('1,234,567', '0.5', '3.0')
>>> parse_coordinate("2013-01-01T10:00:00Z")
datetime.datetime(2013, 1, 1, 10, 0, tzinfo=datetime.timezone.utc)
>>> parse_coordinate("17"), parse_coordinate("2.5e3")
(17, 2500.0)
"""

from __future__ import annotations

from .cells import parse_coordinate
from .commands import build_parser, main
from .errors import CliError

__all__ = ["CliError", "build_parser", "main", "parse_coordinate"]
