#!/usr/bin/env python3
"""vankien: build the site from content/ (see README). Thin CLI over the vankien package."""

import sys

from vankien.cli import main

if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
