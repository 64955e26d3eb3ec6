"""The engine room: step functions as columns, and everything computed on them.

This package is closed: it imports nothing from the package above it (an import-linter
contract in ``make lint`` enforces it). It holds no user-facing messages and validates
nothing: callers check input in ``intervalues._checks`` first.

- ``columns``: :class:`~intervalues._engine.columns.Track` (typed columns), the layout,
  the canonical-form check;
- ``combine``: the dispatcher, raw columns in, canonical tracks out, Rust or Python;
- ``accel``: the only importer of the Rust accelerator, bytes in and out;
- ``sweep``: the pure-Python kernel; ``coords``, ``lattice``, ``runs``: coordinates,
  exact discrete grids and runs; ``lookup``, ``setops``, ``stats``: operations on columns.
"""
