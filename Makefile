# Each target calls one script; the logic lives in scripts/ and can be run on its own.
PYTHON ?= python3

.PHONY: demo test lint bench bench-dask venv clean wheels install-test docs

demo: ## create .venv, install with the accelerator, run the airfield example on real data
	bash scripts/bootstrap.sh && .venv/bin/python examples/airfield_coverage.py

test: ## build the accelerator and run every test: lint, pytest on both backends, cargo
	bash scripts/bootstrap.sh && bash scripts/test.sh

lint: ## ruff on the Python, fmt + clippy on the Rust
	bash scripts/bootstrap.sh && bash scripts/lint.sh

bench: ## speed and memory benchmarks: one table of times and ratios (benchmarks/README.md)
	bash scripts/bootstrap.sh && .venv/bin/python benchmarks/run.py

bench-dask: ## scale-out: 50,000,000 intervals from Parquet on a LocalCluster (docs/dask.md)
	bash scripts/bootstrap.sh && .venv/bin/python benchmarks/bench_dask.py

wheels: ## the four release artefacts in dist/ (zig manylinux2014), audited
	bash scripts/wheels.sh

install-test: ## install dist/ offline into fresh venvs (oldest and newest Python)
	bash scripts/install-test.sh

docs: ## the documentation site in site/: mkdocs build --strict (installs the docs extra)
	bash scripts/bootstrap.sh && bash scripts/docs.sh

venv:
	bash scripts/bootstrap.sh

clean:
	rm -rf .venv build dist *.egg-info .pytest_cache .ruff_cache .hypothesis
