"""Write the built site: everything into a temporary folder, then swap it into place.

A build that fails never touches the previous site/; a build that succeeds replaces it
whole, so readers and the preview never see a half-written site.
"""

from __future__ import annotations

import os
import shutil
import tempfile
from collections.abc import Callable
from pathlib import Path


def write_site(output: Path, files: dict[str, bytes], before_swap: Callable[[Path], None] | None = None) -> None:
    """Replace `output` with exactly `files` ({relative path: bytes}), plus what `before_swap`
    adds to the staging folder (the search index); if it raises, nothing is replaced."""
    output = output.resolve()
    output.parent.mkdir(parents=True, exist_ok=True)
    staging = Path(tempfile.mkdtemp(prefix=f".{output.name}-new-", dir=output.parent))
    try:
        for relative, data in sorted(files.items()):
            target = (staging / relative).resolve()
            if staging not in target.parents:  # a path that would escape site/
                raise ValueError(f"refusing to write outside the site: {relative}")
            target.parent.mkdir(parents=True, exist_ok=True)
            target.write_bytes(data)
        if before_swap:
            before_swap(staging)
        os.chmod(staging, 0o755)
        _swap(staging, output)
    except BaseException:
        shutil.rmtree(staging, ignore_errors=True)
        raise


def _swap(staging: Path, output: Path) -> None:
    old = None
    if output.exists():
        old = Path(tempfile.mkdtemp(prefix=f".{output.name}-old-", dir=output.parent))
        os.rmdir(old)
        os.rename(output, old)
    os.rename(staging, output)
    if old is not None:
        shutil.rmtree(old, ignore_errors=True)
