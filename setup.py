"""Pin the ``rust`` extra to the accelerator built from the same VERSION."""

from pathlib import Path

from setuptools import setup

_VERSION = Path(__file__).with_name("VERSION").read_text().strip()

_NUMPY = ["numpy>=1.22"]
_PANDAS = ["pandas>=1.5"]
_ARROW = ["pyarrow>=10"]
_TEST = ["pytest>=7", "hypothesis>=6"]

setup(
    extras_require={
        "rust": [f"intervalues-pyrust=={_VERSION}"],
        "numpy": _NUMPY,
        "pandas": _PANDAS,
        "arrow": _ARROW,
        "test": _TEST,
        "dev": [*_TEST, "ruff>=0.5", *_NUMPY, *_PANDAS, *_ARROW],
    }
)
