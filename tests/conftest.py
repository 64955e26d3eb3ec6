"""Shared test setup: report which backend runs the suite (INTERVALUES_BACKEND)."""

from __future__ import annotations

import os

import pytest

from intervalues._engine import accel
from intervalues._engine.combine import use_accel


def pytest_report_header(config: pytest.Config) -> str:
    forced = os.environ.get("INTERVALUES_BACKEND", "auto")
    return f"intervalues backend: {forced} (accelerator installed: {accel.available()})"


@pytest.fixture
def backend() -> str:
    """The backend the suite runs on: 'python' or 'rust'."""
    return "rust" if use_accel(None) else "python"
