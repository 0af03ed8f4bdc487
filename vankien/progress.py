"""What a long build is doing and how far it is, on a terminal only.

A bar (rich) appears when standard error is a terminal, `CI` is not set, and the step takes
longer than a second; otherwise nothing is printed, so logs and tests stay quiet.
"""

from __future__ import annotations

import os
import sys
import time
from typing import Any


def wanted() -> bool:
    return sys.stderr.isatty() and not os.environ.get("CI") and not os.environ.get("VANKIEN_QUIET")


class Progress:
    """`with Progress("Rendering pages", total) as bar: … bar.advance(n)`."""

    def __init__(self, label: str, total: int):
        self.label, self.total = label, total
        self.done = 0
        self.started = time.monotonic()
        self._bar: Any = None
        self._task: Any = None

    def __enter__(self) -> Progress:
        return self

    def advance(self, count: int = 1) -> None:
        self.done += count
        if self._bar is None and wanted() and time.monotonic() - self.started > 1.0 and self.done < self.total:
            from rich.progress import BarColumn, MofNCompleteColumn, TextColumn, TimeRemainingColumn
            from rich.progress import Progress as Bar

            self._bar = Bar(
                TextColumn("{task.description}"),
                BarColumn(),
                MofNCompleteColumn(),
                TimeRemainingColumn(),
                transient=True,
                console=None,
            )
            self._bar.start()
            self._task = self._bar.add_task(self.label, total=self.total)
        if self._bar is not None:
            self._bar.update(self._task, completed=self.done)

    def __exit__(self, *exc) -> None:
        if self._bar is not None:
            self._bar.stop()
