"""Pin the ``rust`` extra to the accelerator built from the same VERSION."""

from pathlib import Path

from setuptools import setup

_VERSION = Path(__file__).with_name("VERSION").read_text().strip()

_NUMPY = ["numpy>=1.22"]
_PANDAS = ["pandas>=1.5"]
_ARROW = ["pyarrow>=10"]
_POLARS = ["polars>=1.0", *_ARROW]  # to/from_polars go through Arrow
_PLOT = ["matplotlib>=3.5"]
_TEST = ["pytest>=7", "hypothesis>=6"]
_DASK = ["dask[dataframe]>=2024.1", "distributed>=2024.1"]
_DOCS = ["mkdocs-material>=9.5", "mkdocstrings[python]>=0.26"]

setup(
    extras_require={
        "rust": [f"intervalues-pyrust=={_VERSION}"],
        "numpy": _NUMPY,
        "pandas": _PANDAS,
        "arrow": _ARROW,
        "polars": _POLARS,
        "plot": _PLOT,
        # The command line needs nothing extra (its progress bar is built in); this extra
        # adds what it can use: NumPy (fast columns), pyarrow (Parquet), matplotlib (--plot).
        "cli": [*_NUMPY, *_ARROW, *_PLOT],
        "dask": [*_DASK, *_ARROW],
        "test": _TEST,
        # Only `make docs` installs this (scripts/docs.sh); "dev" stays light for `make test`.
        "docs": _DOCS,
        "dev": [
            *_TEST,
            *("ruff>=0.5", "mypy>=1.10", "import-linter>=2.1"),
            *(*_NUMPY, *_PANDAS, *_POLARS, *_PLOT, *_DASK),
        ],
    }
)
