"""The command line's error type and exit codes."""

from __future__ import annotations

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
