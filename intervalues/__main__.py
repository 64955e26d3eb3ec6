"""``python -m intervalues``: the command line (see :mod:`intervalues.cli`)."""

import sys

from .cli import main

if __name__ == "__main__":
    sys.exit(main())
