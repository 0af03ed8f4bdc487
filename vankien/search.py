"""Search: a Pagefind index per language, built from the pages the site publishes.

Pagefind folds tone marks ("chi tieu" finds "chỉ tiêu") but keeps đ apart from d, so a
reader typing "doan vien" would miss "đoàn viên". The pages handed to the indexer (never
the published ones) therefore spell đ as d + U+0335, a combining mark Pagefind folds away;
the search page folds đ → d in the query and turns d + U+0335 back into đ in what it shows.
"""

from __future__ import annotations

import contextlib
import json
import os
import platform
import shutil
import subprocess
import tempfile
import time
from collections.abc import Mapping
from pathlib import Path

from vankien import folding, messages, searchdata, write
from vankien.errors import ContentError

BUNDLE = "pagefind"  # the index folder inside site/
ENTRY = "pagefind-entry.json"  # Pagefind's list of the bundle's languages
BINARIES = {  # inside the npm package `pagefind`, one platform package each
    ("Linux", "x86_64"): "@pagefind/linux-x64/bin/pagefind_extended",
    ("Linux", "aarch64"): "@pagefind/linux-arm64/bin/pagefind_extended",
    ("Darwin", "arm64"): "@pagefind/darwin-arm64/bin/pagefind_extended",
    ("Darwin", "x86_64"): "@pagefind/darwin-x64/bin/pagefind_extended",
}
# Pagefind's peak memory per byte of the pages it indexes (1,000 documents: 108 MB → 1.64 GB, 79 MB → 1.14 GB)
PEAK_PER_BYTE = 16
_FOLDED = [(letter.encode(), (plain + searchdata.STROKE).encode()) for letter, plain in folding.FOLD_LETTERS.items()]


def fold_for_index(html: bytes) -> bytes:
    """`đoàn` → `d̵oàn` (UTF-8): the indexer sees a plain d, the excerpt keeps a mark to restore."""
    for letter, marked in _FOLDED:
        html = html.replace(letter, marked)
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

    Pagefind is run once per language (its indexes are per language anyway). It holds every
    page it indexes in memory until it writes, so runs one after the other need the memory of
    the largest language (1,000 documents: 1.6 GB), runs all at once the sum (2.8 GB) but less
    time on two cores; all_at_once decides. As soon as a run ends, this process finishes its
    bundle (searchdata.finish) beside the runs still going, so the same bundle comes out either
    way. The bundles are then merged into one: their files have distinct names except
    Pagefind's own scripts, which are the same bytes, and `pagefind-entry.json`, whose languages
    are joined. A missing, failing, hanging or silent indexer is reported in `problems` and
    leaves no bundle.
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
        folders, facets = _write_copies(Path(scratch), files)
        at_once = all_at_once(sum(size for _, size in folders.values()))
        runs = [(folder, Path(scratch) / f"bundle-{lang}") for lang, folder in _order(folders, at_once)]
        runs = runs or [(Path(scratch), Path(scratch) / "bundle-")]  # no page: an empty index, as before
        problem = _index(pagefind, runs, facets, at_once)
        if problem is not None:
            problems.append(problem)
            shutil.rmtree(site_dir / BUNDLE, ignore_errors=True)
            return
        _merge(sorted(bundle for _, bundle in runs), site_dir / BUNDLE)


def _write_copies(scratch: Path, files: Mapping[str, bytes]) -> tuple[dict[str, tuple[Path, int]], dict]:
    """The folded copies of the indexed pages, one folder per language, {language: (folder, bytes
    written)}, and the filter values of the pages (searchdata.add_facets), each page read once.
    Pagefind keeps each `lang` apart (`en-us`, `en-gb`); a run is given the pages of one
    language (`en`: `en`, `en-us`, `en-gb`)."""
    folders: dict[str, tuple[Path, int]] = {}
    facets: dict[str, dict[str, dict[str, str]]] = {}
    for name, data in files.items():
        if not name.endswith(".html"):
            continue
        lang = searchdata.language(data)
        if b"data-facet" in data:
            searchdata.add_facets(facets, lang, data)
        if is_indexed(name, data):
            run = lang.split("-")[0]
            folder, size = folders.get(run, (scratch / f"pages-{run}", 0))
            target = folder / name
            target.parent.mkdir(parents=True, exist_ok=True)
            folded = fold_for_index(data)
            target.write_bytes(folded)
            folders[run] = (folder, size + len(folded))
    return folders, facets


def _order(folders: dict[str, tuple[Path, int]], at_once: bool) -> list[tuple[str, Path]]:
    """The languages in the order their bundles are waited for and finished. One run at a time:
    largest first, so the largest bundle is finished while the next language is indexed and the
    smallest is left after the last run. All at once: smallest first, the first run to end."""
    sign = 1 if at_once else -1
    return [(lang, folder) for lang, (folder, size) in sorted(folders.items(), key=lambda i: (sign * i[1][1], i[0]))]


def _index(pagefind: Path, runs: list[tuple[Path, Path]], facets: dict, at_once: bool) -> ContentError | None:
    """Index each (pages, bundle) of `runs` (all at once, or each started when the one before
    ended) and finish each bundle (searchdata.finish) as soon as its run ends, while the others
    index (the last one in processes of its own, on all cores); the problem to report if
    Pagefind fails, hangs or writes nothing. Runs still going when this returns or raises are
    killed."""
    deadline = time.monotonic() + timeout()
    indexers = [Indexer(pagefind, pages, bundle) for pages, bundle in runs]
    with contextlib.ExitStack() as running:
        for indexer in indexers if at_once else indexers[:1]:
            running.enter_context(indexer)
        for number, indexer in enumerate(indexers):
            problem = indexer.wait(deadline)
            if problem is not None:
                return problem
            if not at_once and number + 1 < len(indexers):
                running.enter_context(indexers[number + 1])
            last = number == len(indexers) - 1  # no run left beside it: all cores
            searchdata.finish(indexer.bundle, facets, all_cores=last)
    return None


class Indexer:
    """One Pagefind run indexing `pages` into `bundle`, started on entering, killed on leaving
    if still running. Its output goes to files (a pipe it filled would stop it)."""

    def __init__(self, pagefind: Path, pages: Path, bundle: Path):
        self.command = [str(pagefind), "--site", str(pages), "--output-path", str(bundle), "--silent"]
        self.bundle, self.logs = bundle, [bundle.with_name(f"{bundle.name}.{name}") for name in ("err", "out")]
        self.process: subprocess.Popen | None = None
        self.failed_to_start = ""

    def __enter__(self) -> Indexer:
        with self.logs[0].open("wb") as stderr, self.logs[1].open("wb") as stdout:
            try:
                self.process = subprocess.Popen(self.command, stdout=stdout, stderr=stderr)
            except OSError as exc:  # not executable, wrong platform
                self.failed_to_start = f"{type(exc).__name__}: {exc}"
        return self

    def __exit__(self, *exc_info) -> None:
        if self.process is not None and self.process.poll() is None:
            self.process.kill()
            self.process.wait()

    def wait(self, deadline: float) -> ContentError | None:
        """Wait for the run to end by `deadline` (time.monotonic); the problem to report, if any."""
        if self.process is None:
            return ContentError(
                "node_modules/pagefind", 1, 1, messages.INDEXER_FAILED, {"output": self.failed_to_start}
            )
        try:
            code = self.process.wait(timeout=max(deadline - time.monotonic(), 0.001))
        except subprocess.TimeoutExpired:
            return ContentError("node_modules/pagefind", 1, 1, messages.INDEXER_TIMEOUT, {"seconds": timeout()})
        if code != 0:
            logs = [log.read_bytes().decode("utf-8", "replace").strip() for log in self.logs]
            said = (logs[0] or logs[1])[-500:] or f"exit {code}"  # what it said on stderr, else on stdout
            return ContentError("node_modules/pagefind", 1, 1, messages.INDEXER_FAILED, {"output": said})
        if not (self.bundle / "pagefind.js").is_file() or not (self.bundle / ENTRY).is_file():
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
            destination = target / path.relative_to(bundle)
            if path.is_dir():
                destination.mkdir(parents=True, exist_ok=True)
            elif path.name != ENTRY:
                destination.parent.mkdir(parents=True, exist_ok=True)
                os.replace(path, destination)
    (target / ENTRY).write_text(json.dumps(entry, ensure_ascii=False, separators=(",", ":")), encoding="utf-8")


def all_at_once(page_bytes: int) -> bool:
    """Whether the languages are indexed all at once rather than one after the other (see
    build_index). VANKIEN_INDEX_AT_ONCE=1 or 0 decides; otherwise all at once when Pagefind's
    runs together would need (PEAK_PER_BYTE × `page_bytes`, the bytes of all the pages handed
    to it) at most half the memory available now (Linux's MemAvailable; elsewhere never)."""
    chosen = os.environ.get("VANKIEN_INDEX_AT_ONCE", "")
    if chosen in ("0", "1"):
        return chosen == "1"
    try:
        with open("/proc/meminfo", encoding="ascii") as meminfo:
            available = next(int(line.split()[1]) * 1024 for line in meminfo if line.startswith("MemAvailable:"))
    except (OSError, StopIteration, ValueError, IndexError):
        return False
    return PEAK_PER_BYTE * page_bytes <= available // 2


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
    """Rebuild the bundle of an already written site and swap it in (the preview, after reloading).
    Works in a `.index-<pid>-…` folder beside the site (a rename away from it); one left by a
    preview that was killed meanwhile (its process is gone) is removed first."""
    write.remove_left_behind(site_dir.parent, ".index-")
    scratch = Path(tempfile.mkdtemp(prefix=f".index-{os.getpid()}-", dir=site_dir.parent))
    try:
        build_index(root, scratch, files, problems)
        if not problems and (scratch / BUNDLE).is_dir():
            old = scratch / "old"
            if (site_dir / BUNDLE).exists():
                os.rename(site_dir / BUNDLE, old)
            os.rename(scratch / BUNDLE, site_dir / BUNDLE)
    finally:
        shutil.rmtree(scratch, ignore_errors=True)
