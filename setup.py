"""Pin the ``rust`` extra to the accelerator built from the same VERSION."""

from pathlib import Path

from setuptools import setup

_VERSION = Path(__file__).with_name("VERSION").read_text().strip()

setup(
    extras_require={
        "rust": [f"intervalues-pyrust=={_VERSION}"],
        "test": ["pytest>=7", "hypothesis>=6"],
        "dev": ["pytest>=7", "hypothesis>=6", "ruff>=0.5"],
    }
)
