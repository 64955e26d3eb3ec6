"""Every error message comes from one module: ``intervalues/_checks.py``.

Lists each ``raise SomeError("text ...")`` (a string literal, f-string, ``%``/``+``
formatting or ``.format`` of a literal as the exception's argument) and each
``warnings.warn("text ...")`` outside ``_checks.py``. Those texts belong in
``_checks.MESSAGES`` and are raised with ``raise fail("key", ...)``. Exit status 1 when
any is found. Run from the repository root: ``python scripts/check_messages.py``;
``--skip PATH`` (repeatable) leaves out a module or package (a path prefix), for code
whose messages have not moved yet.
"""

from __future__ import annotations

import argparse
import ast
import sys
from pathlib import Path

PACKAGE = Path("intervalues")
HOME = PACKAGE / "_checks.py"


def _is_text(node: ast.expr) -> bool:
    """Whether an expression builds message text from a literal."""
    if isinstance(node, ast.Constant):
        return isinstance(node.value, str)
    if isinstance(node, ast.JoinedStr):
        return True
    if isinstance(node, ast.BinOp):
        return _is_text(node.left) or _is_text(node.right)
    if isinstance(node, ast.Call) and isinstance(node.func, ast.Attribute):
        return node.func.attr == "format" and _is_text(node.func.value)
    return False


def _is_fail(call: ast.Call) -> bool:
    func = call.func
    name = func.attr if isinstance(func, ast.Attribute) else getattr(func, "id", "")
    return name == "fail"


def _texts(tree: ast.AST) -> list[tuple[int, str]]:
    found = []
    for node in ast.walk(tree):
        call = None
        if isinstance(node, ast.Raise) and isinstance(node.exc, ast.Call):
            call = node.exc
        elif (
            isinstance(node, ast.Call)
            and isinstance(node.func, ast.Attribute)
            and node.func.attr == "warn"
        ):
            call = node
        if call is not None and _is_fail(call):
            continue  # raise fail("key", ...): the text comes from MESSAGES
        if call is not None and any(_is_text(arg) for arg in call.args):
            found.append((node.lineno, ast.unparse(call)[:90]))
    return found


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--skip", action="append", default=[], metavar="PATH")
    args = parser.parse_args()
    problems = []
    for path in sorted(PACKAGE.rglob("*.py")):
        if path == HOME or any(str(path).startswith(skip) for skip in args.skip):
            continue
        tree = ast.parse(path.read_text(), str(path))
        problems += [f"{path}:{line}: {text}" for line, text in _texts(tree)]
    if problems:
        print(f"{len(problems)} messages written outside {HOME} (move them to MESSAGES):")
        print("\n".join(f"  {p}" for p in problems))
        return 1
    skipped = f" (not checked: {', '.join(args.skip)})" if args.skip else ""
    print(f"every error message comes from {HOME}{skipped}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
