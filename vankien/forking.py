"""Worker processes for work on both cores (threads would share one GIL): one way to start them.

Workers are forked, so they start with what the main process holds (the site, the page list,
compiled templates) and are sent nothing big. Ctrl-C goes to the whole process group; only the
main process answers it (it stops the pool, and the build leaves the old site as it was):
workers that took it too would each print a traceback of where they were.
"""

from __future__ import annotations

import multiprocessing
import multiprocessing.pool
import os
import signal


def pool() -> multiprocessing.pool.Pool:
    """A pool of forked workers, one per core, that leave Ctrl-C to the main process.
    Raises OSError when no process can be started."""
    return multiprocessing.get_context("fork").Pool(os.cpu_count(), initializer=_ignore_interrupt)


def _ignore_interrupt() -> None:
    signal.signal(signal.SIGINT, signal.SIG_IGN)
