"""The `vankien` console command (pyproject.toml, project.scripts) and `python -m vankien`:
the same command line as `python build.py` (see cli.py)."""

from __future__ import annotations

import sys

from vankien import cli, errors


def main() -> int:
    """Run the command line on this process's arguments; the exit code is cli.main's."""
    sys.argv[0] = "vankien"  # the name usage and help show, for `python -m vankien` too
    errors.PROGRAM[0] = "vankien"  # and the hints that name a command
    return cli.main(sys.argv[1:])


if __name__ == "__main__":
    sys.exit(main())
