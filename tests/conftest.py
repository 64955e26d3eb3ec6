"""Shared test setup: report which backend runs the suite (INTERVALUES_BACKEND)."""

from __future__ import annotations

import os

import pytest
from hypothesis import HealthCheck, settings

from intervalues._engine import accel
from intervalues._engine.combine import use_accel


def pytest_report_header(config: pytest.Config) -> str:
    forced = os.environ.get("INTERVALUES_BACKEND", "auto")
    return f"intervalues backend: {forced} (accelerator installed: {accel.available()})"


@pytest.fixture
def backend() -> str:
    """The backend the suite runs on: 'python' or 'rust'."""
    return "rust" if use_accel(None) else "python"


# Deep runs of the model suite (tests/model): pytest --hypothesis-profile=long. Each model
# test takes its share of max_examples (tests/model/harness.py); the CI budget is seeded.
# INTERVALUES_LONG_EXAMPLES sets another total (a timing run, or a deep run in chunks).
settings.register_profile(
    "long",
    max_examples=int(os.environ.get("INTERVALUES_LONG_EXAMPLES", "1000000")),
    deadline=None,
    database=None,
    suppress_health_check=list(HealthCheck),
    stateful_step_count=25,
)
