"""The build's caches, all inside the project's `.cache/` (git-ignored), never in a shared temp folder.

What is cached is plain data that cannot run code: rendered pages and share images (bytes, under
their inputs' fingerprint), and `last-build.json`. Jinja's compiled templates (marshalled code) are
kept only in a folder this user created with mode 0700 and still owns; any other folder is not
trusted and not used.

Keys: `fingerprint(*parts)` of strings; `code_version(root)` changes when any template, module,
catalog or static file changes, so a new version of vankien never serves an old page.
"""

from __future__ import annotations

import hashlib
import json
import os
import stat
import tempfile
from pathlib import Path

PACKAGE = Path(__file__).resolve().parent


def fingerprint(*parts: str) -> str:
    """A 24-hex-digit digest of `parts` (strings, order matters)."""
    digest = hashlib.sha256()
    for part in parts:
        digest.update(part.encode("utf-8", "surrogatepass"))
        digest.update(b"\0")
    return digest.hexdigest()[:24]


def file_digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()[:24]


def tree_digests(folder: Path) -> dict[str, str]:
    """{path relative to `folder`: digest} of every file under it (symbolic links followed)."""
    if not folder.is_dir():
        return {}
    found = {}
    for path in sorted(folder.rglob("*")):
        try:
            if path.is_file():
                found[path.relative_to(folder).as_posix()] = file_digest(path)
        except OSError:
            continue  # vanished or unreadable: content loading reports what matters
    return found


def code_version(root: Path) -> str:
    """Changes when vankien's code, the templates, the catalogs or the static files change."""
    from vankien import resources

    parts = []
    folders = [PACKAGE, *resources.search_path(root, "templates"), *resources.search_path(root, "static")]
    for folder in folders:
        parts += [f"{name}={digest}" for name, digest in tree_digests(folder).items() if "__pycache__" not in name]
    return fingerprint(*parts)


def private_dir(root: Path, name: str) -> Path | None:
    """`root/.cache/name`, created 0700; None when it exists but is not safely ours (another
    owner, or writable by others): the build then runs without that cache."""
    folder = root / ".cache" / name
    try:
        (root / ".cache").mkdir(mode=0o700, exist_ok=True)
        folder.mkdir(mode=0o700, exist_ok=True)
        for path in (root / ".cache", folder):
            info = path.lstat()
            if not stat.S_ISDIR(info.st_mode) or info.st_uid != os.getuid() or info.st_mode & 0o022:
                return None
    except OSError:
        return None
    return folder


def write_atomic(path: Path, data: bytes) -> None:
    """Write `data` so that readers see the old file or the whole new one, never a part."""
    if not path.parent.is_dir():
        path.parent.mkdir(parents=True, exist_ok=True)
    handle, temporary = tempfile.mkstemp(prefix=f".{path.name}.", dir=path.parent)
    try:
        with os.fdopen(handle, "wb") as out:
            out.write(data)
        os.chmod(temporary, 0o644)
        os.replace(temporary, path)
    except BaseException:
        Path(temporary).unlink(missing_ok=True)
        raise


def read_json(path: Path) -> dict:
    """The JSON object in `path`, or {} when missing or unreadable (a cache can always be rebuilt)."""
    try:
        value = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return {}
    return value if isinstance(value, dict) else {}


def write_json(path: Path, value: dict) -> None:
    write_atomic(path, json.dumps(value, ensure_ascii=False, sort_keys=True).encode("utf-8"))
