"""The command line's error type and exit codes."""

from __future__ import annotations

from typing import Any

from intervalues import _checks

EXIT_OK = 0
EXIT_ERROR = 2  # bad input or options, as argparse uses for usage errors
KINDS = ("meter", "counter", "set")


class CliError(Exception):
    """A problem with the input or the options: printed as one line, exit code 2.

    >>> from intervalues.cli import build_parser
    >>> args = build_parser().parse_args(["combine", "no-such.csv", "--start", "a", "--stop", "b"])
    >>> args.run(args)
    Traceback (most recent call last):
        ...
    intervalues.cli.CliError: no-such.csv: no such file
    """

    __module__ = "intervalues.cli"  # its public path (shown in tracebacks)


def fail(key: str, **fields: Any) -> CliError:
    """The ``CliError`` for message ``key`` of ``_checks.MESSAGES`` (raise it).

    The text is the table's, formatted with ``fields``; the table's exception class is
    left behind, since everything the command line reports is a ``CliError``.

    >>> fail("cli_top", value=0)
    CliError('--top must be at least 1, got 0')
    """
    return CliError(*_checks.fail(key, **fields).args)
