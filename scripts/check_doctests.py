"""List the public callables of intervalues whose docstring has no ``>>>`` example.

Issue 8: every public callable has a docstring with a short, doctested example. This
walks ``intervalues.__all__`` and the ``__all__`` of ``intervalues.dask`` (when dask is
installed), ``intervalues.cli`` and ``intervalues.plotting``; for each class it also
walks the public methods and properties the package itself defines (dunders and members
inherited from builtins or the ABC machinery are skipped). Each object is checked once,
where it is defined, by its own docstring (the one doctest collects).

Exit status 0 when every one has an example, 1 (listing the names) otherwise.
"""

from __future__ import annotations

import importlib
import inspect
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

PACKAGE = "intervalues"
MODULES = ("intervalues", "intervalues.dask", "intervalues.cli", "intervalues.plotting")
OPTIONAL = {"intervalues.dask"}  # skipped, with a note, when its extra is not installed


def _own_doc(obj: object) -> str:
    if isinstance(obj, (staticmethod, classmethod)):
        obj = obj.__func__
    if isinstance(obj, property):
        return (obj.__doc__ or (obj.fget.__doc__ if obj.fget else None)) or ""
    return getattr(obj, "__doc__", None) or ""


def _in_package(obj: object) -> bool:
    if isinstance(obj, (staticmethod, classmethod)):
        obj = obj.__func__
    if isinstance(obj, property):
        obj = obj.fget
    module = getattr(obj, "__module__", None) or ""
    return module == PACKAGE or module.startswith(PACKAGE + ".")


def _members(cls: type) -> list[tuple[str, object]]:
    """Public methods and properties defined in ``cls`` itself (not inherited)."""
    found = []
    for name, value in vars(cls).items():
        if name.startswith("_"):
            continue
        if isinstance(value, property) or (
            (inspect.isfunction(value) or isinstance(value, (staticmethod, classmethod)))
            and _in_package(value)
        ):
            found.append((name, value))
    return found


def missing() -> tuple[list[str], list[str]]:
    """The qualified names lacking a ``>>>`` example, and notes on skipped modules."""
    lacking: list[str] = []
    notes: list[str] = []
    seen: set[int] = set()
    classes: list[type] = []

    def check(qualname: str, obj: object) -> None:
        if id(obj) in seen:
            return
        seen.add(id(obj))
        if ">>>" not in _own_doc(obj):
            lacking.append(qualname)

    for module_name in MODULES:
        try:
            module = importlib.import_module(module_name)
        except ImportError as exc:
            if module_name in OPTIONAL:
                notes.append(f"{module_name} skipped: {exc}")
                continue
            raise
        for name in getattr(module, "__all__", []):
            obj = getattr(module, name)
            if inspect.isclass(obj):
                if not _in_package(obj):
                    continue
                check(f"{obj.__module__}.{obj.__qualname__}", obj)
                for base in obj.__mro__:
                    if _in_package(base) and base not in classes:
                        classes.append(base)
            elif inspect.isfunction(obj) and _in_package(obj):
                check(f"{obj.__module__}.{obj.__qualname__}", obj)
    for cls in classes:
        check(f"{cls.__module__}.{cls.__qualname__}", cls)
        for name, value in _members(cls):
            check(f"{cls.__module__}.{cls.__qualname__}.{name}", value)
    return lacking, notes


def main() -> int:
    lacking, notes = missing()
    for note in notes:
        print(f"note: {note}", file=sys.stderr)
    if lacking:
        print(f"{len(lacking)} public callables have no '>>>' example in their docstring:")
        for name in lacking:
            print(f"  {name}")
        return 1
    print("every public callable has a '>>>' example")
    return 0


if __name__ == "__main__":
    sys.exit(main())
