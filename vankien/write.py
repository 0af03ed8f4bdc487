"""Write the built site: everything into a staging folder, then swap it into place.

A build that fails never touches the previous site/; a build that succeeds replaces it whole,
so readers and the preview never see a half-written site. Files come from the caches by hard
link (no copy, no memory), or as bytes. The swap is one atomic exchange where the system has
one (Linux renameat2); elsewhere two renames, and a build killed between them is repaired by
the next one (`recover`), which also removes staging folders that killed builds left behind.
The preview updates its site in place instead (`update_in_place`): only the files that changed.
"""

from __future__ import annotations

import ctypes
import ctypes.util
import errno
import os
import shutil
import tempfile
from collections.abc import Callable, Iterator, Mapping
from pathlib import Path

from vankien import cache

RENAME_EXCHANGE = 2
AT_FDCWD = -100


class SiteFiles(Mapping):
    """{relative path: bytes} of a written site, read from disk when asked (never all in memory)."""

    def __init__(self, folder: Path, names: list[str]):
        self.folder, self.names = folder, sorted(names)

    def __getitem__(self, name: str) -> bytes:
        return (self.folder / name).read_bytes()

    def __iter__(self) -> Iterator[str]:
        return iter(self.names)

    def __len__(self) -> int:
        return len(self.names)


def _inside(folder: Path, relative: str) -> Path:
    target = (folder / relative).resolve()
    if folder not in target.parents:  # a path that would escape site/
        raise ValueError(f"refusing to write outside the site: {relative}")
    return target


def _place(target: Path, source: Path | bytes) -> None:
    target.parent.mkdir(parents=True, exist_ok=True)
    if isinstance(source, bytes):
        target.write_bytes(source)
        return
    try:
        os.link(source, target)
    except OSError:  # another file system, or links not allowed: copy
        shutil.copyfile(source, target)


def _staging_prefix(output: Path) -> str:
    return f".{output.name}-new-"


def recover(output: Path) -> None:
    """Repair what a killed build left next to `output`: restore the previous site if only its
    moved-away copy exists, and remove staging folders of builds no longer running."""
    parent = output.parent
    if not parent.is_dir():
        return
    for path in parent.glob(f".{output.name}-old-*"):
        if not output.exists():
            os.rename(path, output)
        else:
            shutil.rmtree(path, ignore_errors=True)
    remove_left_behind(parent, _staging_prefix(output), own=True)


def remove_left_behind(parent: Path, prefix: str, own: bool = False) -> None:
    """Remove the folders `parent/<prefix><pid>-…` whose process is gone (a killed build or
    preview left them); `own`: this process's too (it is not writing one now: a leftover)."""
    for path in parent.glob(prefix + "*"):
        pid = path.name.removeprefix(prefix).split("-", 1)[0]
        if not pid.isdigit() or not _alive(int(pid), own):
            shutil.rmtree(path, ignore_errors=True)


def _alive(pid: int, own_is_gone: bool) -> bool:
    if pid == os.getpid():
        return not own_is_gone
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True
    return True


def write_site(
    output: Path,
    files: Mapping[str, Path | bytes],
    before_swap: Callable[[Path], None] | None = None,
) -> None:
    """Replace `output` with exactly `files` ({relative path: cached file or bytes}), plus what
    `before_swap` adds to the staging folder (the search index); if anything raises (a full
    disk, a read-only folder, a failed index), the previous site stays as it was."""
    output = output.resolve()
    output.parent.mkdir(parents=True, exist_ok=True)
    recover(output)
    staging = Path(tempfile.mkdtemp(prefix=f"{_staging_prefix(output)}{os.getpid()}-", dir=output.parent))
    try:
        for relative, source in files.items():
            _place(_inside(staging, relative), source)
        if before_swap:
            before_swap(staging)
        os.chmod(staging, 0o755)
        _swap(staging, output)
    except BaseException:
        shutil.rmtree(staging, ignore_errors=True)
        raise


def _exchange(first: Path, second: Path) -> bool:
    """Swap two paths in one step (Linux renameat2); False where the system cannot."""
    libc_name = ctypes.util.find_library("c")
    if not libc_name or not hasattr(ctypes.CDLL(libc_name), "renameat2"):
        return False
    libc = ctypes.CDLL(libc_name, use_errno=True)
    result = libc.renameat2(AT_FDCWD, os.fsencode(first), AT_FDCWD, os.fsencode(second), RENAME_EXCHANGE)
    if result == 0:
        return True
    if ctypes.get_errno() in (errno.EINVAL, errno.ENOSYS, errno.ENOTSUP):
        return False
    raise OSError(ctypes.get_errno(), os.strerror(ctypes.get_errno()), str(second))


def _swap(staging: Path, output: Path) -> None:
    if output.is_dir() and not output.is_symlink() and _exchange(staging, output):
        shutil.rmtree(staging, ignore_errors=True)  # now the previous site
        return
    old = None
    if output.exists():
        old = Path(tempfile.mkdtemp(prefix=f".{output.name}-old-", dir=output.parent))
        os.rmdir(old)
        os.rename(output, old)
    os.rename(staging, output)  # killed before this line: recover() puts `old` back
    if old is not None:
        shutil.rmtree(old, ignore_errors=True)


def update_in_place(output: Path, files: Mapping[str, Path | bytes], previous: Mapping[str, str], keys: dict) -> None:
    """The preview's write: in the existing `output`, replace each file whose key changed
    (atomically, one by one) and remove the files no longer built. `previous` and `keys`:
    {relative path: key of its content} of the last and of this build (`keys` may name files
    written later, which are kept)."""
    output = output.resolve()
    for relative, source in files.items():
        if previous.get(relative) == keys.get(relative) and (output / relative).exists():
            continue
        target = _inside(output, relative)
        data = source if isinstance(source, bytes) else source.read_bytes()
        cache.write_atomic(target, data)
    for relative in set(previous) - set(keys):
        (output / relative).unlink(missing_ok=True)
        _remove_empty_folders(output, (output / relative).parent)


def _remove_empty_folders(output: Path, folder: Path) -> None:
    """Remove `folder` and its parents up to `output` while they are empty (a deleted document's
    folders): a full build would not have them."""
    while folder != output and folder.is_relative_to(output):
        try:
            folder.rmdir()
        except OSError:  # not empty, or already gone
            return
        folder = folder.parent
