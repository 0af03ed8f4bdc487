#!/usr/bin/env python3
"""vankien: build the site from content/ (see README). Thin CLI over the vankien package."""

import sys

if __name__ == "__main__":
    try:
        from vankien.cli import main
    except KeyboardInterrupt:  # Ctrl-C while the program is still loading: no traceback either
        sys.exit(130)
    sys.exit(main(sys.argv[1:]))
