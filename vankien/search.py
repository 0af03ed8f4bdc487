"""Search: a Pagefind index per language, built from the pages the site publishes.

Pagefind folds tone marks ("chi tieu" finds "chỉ tiêu") but keeps đ apart from d, so a
reader typing "doan vien" would miss "đoàn viên". The pages handed to the indexer (never
the published ones) therefore spell đ as d + U+0335, a combining mark Pagefind folds away;
the search page folds đ → d in the query and turns d + U+0335 back into đ in what it shows.
"""

from __future__ import annotations

import json
import os
import platform
import re
import shutil
import subprocess
import tempfile
import time
from collections.abc import Mapping
from pathlib import Path

from vankien import folding, messages, searchdata, searchtext
from vankien.errors import ContentError

BUNDLE = "pagefind"  # the index folder inside site/
ENTRY = "pagefind-entry.json"  # Pagefind's list of the bundle's languages
LANG = re.compile(r'<html lang="([A-Za-z-]+)"')
STROKE = "\u0335"
BINARIES = {  # inside the npm package `pagefind`, one platform package each
    ("Linux", "x86_64"): "@pagefind/linux-x64/bin/pagefind_extended",
    ("Linux", "aarch64"): "@pagefind/linux-arm64/bin/pagefind_extended",
    ("Darwin", "arm64"): "@pagefind/darwin-arm64/bin/pagefind_extended",
    ("Darwin", "x86_64"): "@pagefind/darwin-x64/bin/pagefind_extended",
}


def fold_for_index(html: str) -> str:
    """`đoàn` → `d̵oàn`: the indexer sees a plain d, the excerpt keeps a mark to restore."""
    for letter, plain in folding.FOLD_LETTERS.items():
        html = html.replace(letter, plain + STROKE)
    return html


def binary(root: Path) -> Path | None:
    relative = BINARIES.get((platform.system(), platform.machine()))
    path = root / "node_modules" / relative if relative else None
    return path if path and path.exists() else None


def is_indexed(path: str, data: bytes) -> bool:
    """Pages that mark what to index (documents, organizations, topics); the others are not
    even handed to the indexer."""
    return path.endswith(".html") and b"data-pagefind-body" in data


def build_index(root: Path, site_dir: Path, files: Mapping[str, bytes], problems: list[ContentError]) -> None:
    """Write the search bundle into `site_dir/pagefind` from folded copies of the pages.

    Pagefind is run once per language (its indexes are per language anyway): it holds every
    page it indexes in memory until it writes, so one language at a time needs about the memory
    of the largest language instead of all of them (1,000 documents: 1.6 GB instead of 2.3 GB).
    The bundles are then merged into one: their files have distinct names except Pagefind's
    own scripts, which are the same bytes, and `pagefind-entry.json`, whose languages are joined.
    A missing, failing, hanging or silent indexer is reported in `problems` and leaves no bundle.
    """
    pagefind = binary(root)
    if pagefind is None:
        problems.append(
            ContentError(
                "node_modules/pagefind",
                1,
                1,
                messages.MISSING_FILE,
                {
                    "what_vi": "chương trình lập chỉ mục tìm kiếm Pagefind",
                    "what_en": "the Pagefind search indexer",
                    "hint_vi": "chạy `make site` (cài Pagefind từ npm)",
                    "hint_en": "run `make site` (it installs Pagefind from npm)",
                },
            )
        )
        return
    with tempfile.TemporaryDirectory(prefix="vankien-index-") as scratch:
        copies = _write_copies(Path(scratch), files) or {"": Path(scratch)}  # no page: an empty index, as before
        deadline, bundles = time.monotonic() + timeout(), []
        for lang, pages in sorted(copies.items()):
            bundle = Path(scratch) / f"bundle-{lang}"
            problem = _run(pagefind, pages, bundle, deadline)
            if problem is not None:
                problems.append(problem)
                shutil.rmtree(site_dir / BUNDLE, ignore_errors=True)
                return
            bundles.append(bundle)
        _merge(bundles, site_dir / BUNDLE)
    searchdata.write(site_dir / BUNDLE, files)
    searchtext.split(site_dir / BUNDLE)  # after the word list, which reads the fragments' whole text


def _write_copies(scratch: Path, files: Mapping[str, bytes]) -> dict[str, Path]:
    """The folded copies of the indexed pages, one folder per language: {language: folder}."""
    folders: dict[str, Path] = {}
    for name, data in files.items():
        if is_indexed(name, data):
            text = data.decode("utf-8")
            found = LANG.search(text)
            lang = found.group(1).split("-")[0].lower() if found else "unknown"
            folders.setdefault(lang, scratch / f"pages-{lang}")
            target = folders[lang] / name
            target.parent.mkdir(parents=True, exist_ok=True)
            target.write_text(fold_for_index(text), encoding="utf-8")
    return folders


def _run(pagefind: Path, pages: Path, bundle: Path, deadline: float) -> ContentError | None:
    """Index `pages` into `bundle`; the problem to report if Pagefind fails, hangs or writes nothing."""
    try:
        completed = subprocess.run(
            [str(pagefind), "--site", str(pages), "--output-path", str(bundle), "--silent"],
            capture_output=True,
            text=True,
            timeout=max(deadline - time.monotonic(), 0.001),
        )
    except subprocess.TimeoutExpired:
        return ContentError("node_modules/pagefind", 1, 1, messages.INDEXER_TIMEOUT, {"seconds": timeout()})
    except OSError as exc:  # not executable, wrong platform
        completed = subprocess.CompletedProcess([], 1, "", f"{type(exc).__name__}: {exc}")
    if completed.returncode != 0:
        output = (completed.stderr or completed.stdout).strip()[-500:] or f"exit {completed.returncode}"
        return ContentError("node_modules/pagefind", 1, 1, messages.INDEXER_FAILED, {"output": output})
    if not (bundle / "pagefind.js").is_file() or not (bundle / ENTRY).is_file():
        return ContentError("node_modules/pagefind", 1, 1, messages.INDEXER_NO_INDEX)
    return None


def _merge(bundles: list[Path], target: Path) -> None:
    """One bundle in `target` from the per-language `bundles` (see build_index)."""
    entry: dict = {}
    for bundle in bundles:
        part = json.loads((bundle / ENTRY).read_text(encoding="utf-8"))
        languages = {**entry.get("languages", {}), **part.get("languages", {})}
        entry = {**part, "languages": dict(sorted(languages.items()))}
        for path in sorted(bundle.rglob("*")):
            if path.is_file() and path.name != ENTRY:
                destination = target / path.relative_to(bundle)
                destination.parent.mkdir(parents=True, exist_ok=True)
                os.replace(path, destination)
    (target / ENTRY).write_text(json.dumps(entry, ensure_ascii=False, separators=(",", ":")), encoding="utf-8")


def timeout() -> float:
    """Seconds the indexer may run (VANKIEN_INDEX_TIMEOUT, default 600): a hung Pagefind fails the build."""
    try:
        return float(os.environ.get("VANKIEN_INDEX_TIMEOUT", "600"))
    except ValueError:
        return 600.0


def carry_over(site_dir: Path, staging: Path) -> None:
    """Put the current site's search bundle into `staging` (a rebuild that indexes later)."""
    if (site_dir / BUNDLE).is_dir():
        shutil.copytree(site_dir / BUNDLE, staging / BUNDLE, copy_function=os.link)  # files never change in place


def refresh_index(root: Path, site_dir: Path, files: Mapping[str, bytes], problems: list[ContentError]) -> None:
    """Rebuild the bundle of an already written site and swap it in (the preview, after reloading)."""
    scratch = Path(tempfile.mkdtemp(prefix=".index-", dir=site_dir.parent))
    try:
        build_index(root, scratch, files, problems)
        if not problems and (scratch / BUNDLE).is_dir():
            old = scratch / "old"
            if (site_dir / BUNDLE).exists():
                os.rename(site_dir / BUNDLE, old)
            os.rename(scratch / BUNDLE, site_dir / BUNDLE)
    finally:
        shutil.rmtree(scratch, ignore_errors=True)
