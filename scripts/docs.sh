#!/usr/bin/env bash
# Build the documentation site into site/ with `mkdocs build --strict` (any warning fails).
# Installs the "docs" extra (mkdocs-material, mkdocstrings) into .venv itself, once per
# change of setup.py, so `make test` stays light. Run scripts/bootstrap.sh first.
set -euo pipefail
cd "$(dirname "$0")/.."
PY=.venv/bin/python
stamp=.venv/.docs-$(sha1sum setup.py | cut -c1-12)
if [ ! -f "$stamp" ]; then
  "$PY" -m pip install -q -e '.[docs]'
  touch "$stamp"
fi
echo "== docstrings: every public callable has one"
"$PY" - <<'PYCHECK'
import importlib
import inspect
import sys

modules = ["intervalues", "intervalues.plotting", "intervalues.cli", "intervalues.dask"]
missing, without_example, total, seen = [], [], 0, set()
for name in modules:
    module = importlib.import_module(name)
    for attr in module.__all__:
        obj = getattr(module, attr)
        if not callable(obj):
            continue
        found = [(f"{obj.__module__}.{obj.__qualname__}", obj)]
        if inspect.isclass(obj):
            for klass in obj.__mro__:
                if not klass.__module__.startswith("intervalues"):
                    continue
                for key, value in vars(klass).items():
                    if key.startswith("_"):
                        continue
                    func = value.fget if isinstance(value, property) else value
                    func = getattr(func, "__func__", func)
                    if callable(func):  # named where defined, so inherited ones count once
                        found.append((f"{klass.__module__}.{klass.__qualname__}.{key}", func))
        for qualname, func in found:
            if qualname in seen:
                continue
            seen.add(qualname)
            total += 1
            doc = inspect.getdoc(func)
            if not doc:
                missing.append(qualname)
            elif ">>>" not in doc:
                without_example.append(qualname)
print(f"{total} public callables; {len(missing)} without a docstring; "
      f"{len(without_example)} with a docstring but no >>> example")
for qualname in missing:
    print(f"  no docstring: {qualname}")
sys.exit(1 if missing else 0)
PYCHECK
echo "== mkdocs build --strict"
NO_MKDOCS_2_WARNING=1 "$PY" -m mkdocs build --strict --site-dir site "$@"
echo "site/index.html"
