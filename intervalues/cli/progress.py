"""A one-line progress bar on stderr."""

from __future__ import annotations

import sys
import time

PROGRESS_DELAY = 0.5  # seconds: on a terminal, inputs read faster than this show no bar


class Progress:
    """A one-line progress bar on stderr: ``mode`` is ``"on"`` (always), ``"off"``, or
    ``"auto"`` (only on a terminal, and only once reading takes longer than 0.5 s)."""

    def __init__(self, mode: str) -> None:
        self.mode = mode
        self.label = ""
        self.total = 0
        self.began = 0.0
        self.shown = False
        self.used = False  # whether any bar was drawn
        self.last = 0.0

    def start(self, label: str, total: int) -> None:
        self.label, self.total = label, total
        self.began = self.last = time.monotonic()
        self.shown = False
        if self.mode == "on":
            self._draw(0, 0)

    def update(self, done: int, rows: int, final: bool = False) -> None:
        """Redraw (at most every 0.1 s; ``final``: always, if a bar is on screen)."""
        if self.mode == "off" or (final and not self.shown):
            return
        now = time.monotonic()
        if self.mode == "auto" and not self.shown and now - self.began < PROGRESS_DELAY:
            return
        if self.shown and now - self.last < 0.1 and not final:
            return
        self.last = now
        self._draw(done, rows)

    def _draw(self, done: int, rows: int) -> None:
        self.shown = self.used = True
        if self.total:
            part = min(done / self.total, 1.0)
            filled = round(30 * part)
            bar = f" [{'#' * filled}{'-' * (30 - filled)}] {part:4.0%}"
        else:
            bar = ""
        sys.stderr.write(f"\r{self.label}{bar}  {rows:,} rows")
        sys.stderr.flush()

    def finish(self) -> None:
        if self.shown:
            sys.stderr.write("\n")
            sys.stderr.flush()
        self.shown = False

    def note(self, message: str) -> None:
        """A line about a step without a bar (shown whenever a bar would be)."""
        if self.used:
            sys.stderr.write(message + "\n")
            sys.stderr.flush()
