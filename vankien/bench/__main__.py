"""`python -m vankien.bench WHAT …` (see vankien/bench/__init__.py)."""

import sys

if __name__ == "__main__":
    what = sys.argv[1] if len(sys.argv) > 1 else ""
    if what == "search":
        from vankien.bench.search import main
    elif what == "saves":
        from vankien.bench.saves import main
    elif what == "corpus":
        from vankien.bench.corpus import main
    else:
        from vankien.bench.compare import main
    main()
