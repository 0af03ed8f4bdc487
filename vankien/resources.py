"""Where a build finds its templates and static files.

A site folder (the one holding config.yaml) may have its own `templates/` and `static/`; a file
there replaces the package's file of the same name, and every other file comes from the
package. The package's copies are `vankien/templates` and `vankien/static` once installed
(pyproject.toml puts them there), and the repository's top-level `templates/` and `static/` in a
source checkout. So `vankien build` in a folder with only config.yaml and content/ builds the
same site as `python build.py build` in the repository.
"""

from __future__ import annotations

from pathlib import Path

PACKAGE = Path(__file__).resolve().parent


def package_dir(name: str) -> Path:
    """The package's own `name` folder ("templates" or "static"): inside the installed package,
    or beside it in a source checkout."""
    installed = PACKAGE / name
    return installed if installed.is_dir() else PACKAGE.parent / name


def search_path(root: Path, name: str) -> list[Path]:
    """The folders to look in for `name`, first match wins: the site's own, then the package's.
    Only existing folders, each once (in the repository both are the same folder)."""
    found: list[Path] = []
    for folder in (root / name, package_dir(name)):
        if folder.is_dir() and folder.resolve() not in found:
            found.append(folder.resolve())
    return found


def files(root: Path, name: str) -> dict[str, Path]:
    """{relative POSIX path: file} under `name`, the site's files replacing the package's."""
    found: dict[str, Path] = {}
    for folder in reversed(search_path(root, name)):
        for path in folder.rglob("*"):
            if path.is_file():
                found[path.relative_to(folder).as_posix()] = path
    return dict(sorted(found.items()))
