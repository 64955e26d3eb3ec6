"""Shared test setup: report which backend runs the suite (INTERVALUES_BACKEND)."""

from __future__ import annotations

import os

import pytest

from intervalues import _backend


def pytest_report_header(config: pytest.Config) -> str:
    forced = os.environ.get("INTERVALUES_BACKEND", "auto")
    return f"intervalues backend: {forced} (accelerator installed: {_backend.available()})"


@pytest.fixture
def backend() -> str:
    """The backend the suite runs on: 'python' or 'rust'."""
    return "rust" if _backend.wants_rust(None) else "python"
