"""A Griffe extension for the API reference: show the docstrings' doctests as code.

The library's docstrings are plain text in the reST habit (``code``, :meth:`name`,
``text::`` before an indented block) with doctests, not Markdown. mkdocstrings renders
docstrings as Markdown, where a ``>>>`` line would become a block quote; this extension
rewrites each docstring once, after Griffe has loaded the package:

* a doctest block (``>>>`` lines, their ``...`` continuations and the expected output,
  up to a blank line) becomes a fenced ``python`` code block;
* ``:meth:`x```, ``:func:`x```, ``:class:`x``` and similar roles become ```x```;
* a paragraph ending in ``::`` ends in ``:`` (the indented block after it is already
  code in Markdown).

The source files are never touched; ``mkdocs.yml`` loads this file by path.
"""

from __future__ import annotations

import re
from typing import Any

import griffe

_ROLE = re.compile(r":(?:meth|func|class|attr|mod|data|exc|obj):`~?([^`]+)`")


def markdown_from_docstring(text: str) -> str:
    r"""The docstring ``text`` with doctest blocks fenced and reST roles made Markdown.

    >>> markdown_from_docstring("See :meth:`f`::")
    'See `f`:'
    >>> markdown_from_docstring("Add.\n\n" + ">>" + "> 1 + 1\n2").splitlines()[2::3]
    ['```python', '```']
    """
    out: list[str] = []
    in_doctest = False
    for line in text.splitlines():
        stripped = line.strip()
        if not in_doctest and stripped.startswith(">>>"):
            out.append("```python")
            in_doctest = True
        elif in_doctest and not stripped:
            out.append("```")
            in_doctest = False
        if not in_doctest:
            line = _ROLE.sub(r"`\1`", line)
            if line.endswith("::") and not line.endswith(":::"):
                line = line[:-1]
        out.append(line)
    if in_doctest:
        out.append("```")
    return "\n".join(out)


class DoctestFences(griffe.Extension):
    """Rewrite every loaded object's docstring with :func:`markdown_from_docstring`."""

    def on_object(self, *, obj: griffe.Object, **kwargs: Any) -> None:
        """Called once per object when the whole package has been loaded."""
        _rewrite(obj)

    def on_package(self, *, pkg: griffe.Module, **kwargs: Any) -> None:
        """Called for the package itself (``on_object`` does not cover the root)."""
        _rewrite(pkg)


def _rewrite(obj: griffe.Object) -> None:
    """Rewrite one docstring, once (a second call finds the fences and leaves it)."""
    if obj.docstring is not None and "```python" not in obj.docstring.value:
        obj.docstring.value = markdown_from_docstring(obj.docstring.value)
