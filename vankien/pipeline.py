"""The build, as an ordered list of stages. The order listed is the order of execution.

    config → content → validate → translate → assets → pages → render → write (+ search index)

Each stage reads what earlier stages left in the Build and records its problems;
the build stops before `write` when there are any, so a bad input never replaces the
published site.

Nothing is made twice: `render` renders only pages whose key (their content files' digests,
the code's version) has no file in `.cache/pages` yet, and draws only share images missing
from `.cache/share`; `write` links the cached files into the staging folder. A build whose
inputs are all unchanged since the last one (`.cache/last-build.json`) stops before loading
anything.
"""

from __future__ import annotations

import datetime
import hashlib
import shutil
import tempfile
import time
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING

from vankien import (
    assets,
    cache,
    config,
    content,
    feeds,
    i18n,
    messages,
    opendata,
    search,
    social,
    translated_figures,
    urls,
    validate,
    workers,
    write,
)
from vankien.config import Config
from vankien.content import RawContent
from vankien.errors import BuildFailed, ContentError, Diagnostics, Message, from_record, to_record
from vankien.model import Site
from vankien.pages import ALL_INPUTS, Page, localized_site, site_pages
from vankien.render import Renderer

if TYPE_CHECKING:
    from vankien.incremental import Memo


@dataclass
class Build:
    root: Path
    output: Path
    diagnostics: Diagnostics = field(default_factory=Diagnostics)
    timings: dict[str, float] = field(default_factory=dict)
    config: Config = field(init=False)  # set by stage_config
    raw: RawContent | None = None  # set by stage_content, released by stage_translate
    site: Site = field(init=False)  # set by stage_validate
    translations: dict = field(default_factory=dict)
    statuses: dict = field(default_factory=dict)
    assets: dict = field(default_factory=dict)
    pages: list[Page] = field(default_factory=list)
    renderer: Renderer | None = None
    inputs: dict[str, str] = field(default_factory=dict)  # {content file: digest}
    code: str = ""  # cache.code_version
    outputs: dict[str, Path | bytes] = field(default_factory=dict)  # {site path: cached file or bytes}
    keys: dict[str, str] = field(default_factory=dict)  # {site path: key of its content}
    files: write.SiteFiles | None = None  # the written site as {path: bytes}, read when asked
    elapsed: float = 0.0  # wall time of the whole run
    index_now: bool = True  # False: keep the previous search index; the preview refreshes it after reloading
    search: bool = True  # False: no search index at all (the benchmark's "without search")
    in_place: dict | None = None  # the preview: {site path: key} of the site on disk, updated in place
    unchanged: bool = False  # nothing changed since the last build: nothing was done
    counts: dict = field(default_factory=dict)  # pages, documents, organizations
    bodies_only: bool = False  # the preview's save of documents' bodies: their pages alone changed (fastpath.py)
    ahead: set[str] | None = (
        None  # the preview: the site paths written ahead of the rest, which is behind (fastpath.py)
    )
    scratch: list[Path] = field(default_factory=list)  # folders of this build only
    memo: Memo | None = None  # the preview's memory of each file's reading and checks (incremental.py)

    @property
    def problems(self) -> list[ContentError]:
        """The errors so far (the build stops before writing if there are any)."""
        return self.diagnostics.errors

    @property
    def warnings(self) -> list[ContentError]:
        """Reported, but the build goes on (unless --strict)."""
        return self.diagnostics.warnings


def stage_config(build: Build) -> None:
    build.config = config.load(build.root, build.diagnostics)


def stage_content(build: Build) -> None:
    if build.memo is not None:
        build.raw = build.memo.content(build.root, build.diagnostics)
    else:
        build.raw = content.load(build.root, build.diagnostics)


def stage_validate(build: Build) -> None:
    assert build.raw is not None  # read by stage_content
    memo = build.memo
    build.site = validate.build_site(build.raw, build.diagnostics, memo.check_document if memo else None)


def stage_translate(build: Build) -> None:
    """Read and check the translations; then let the loaded files go (their YAML, ~70 KB a
    document): nothing after the check stages reads them, and the pages need the memory."""
    raw = build.raw
    assert raw is not None  # read by stage_content
    documents = {d.key: d for d in build.site.documents}
    memo, files = build.memo, raw.documents
    build.translations = i18n.read_translations(files, documents, build.diagnostics, memo and memo.check_translation)
    build.statuses = i18n.statuses(files, build.site, build.translations, build.diagnostics)
    figures = memo.figures if memo else translated_figures.check
    build.diagnostics.extend(figures(files, build.site, build.translations))
    if memo:
        memo.forget_others({record.path for record in files})
        memo.remember(build.site, build.translations, build.statuses, build.problems + build.warnings)
    build.raw = None


def stage_assets(build: Build) -> None:
    build.assets = assets.collect(build.root, build.problems)


def stage_pages(build: Build) -> None:
    localized = localized_sites(build)
    build.pages = site_pages(build.config, localized, build.statuses, build.config.drafts_listed)
    fingerprints = {name: _digest(data) for name, data in build.assets.items()}
    build.renderer = Renderer(build.root, build.config, fingerprints, localized)


def localized_sites(build: Build) -> dict[str, tuple[Site, dict]]:
    """{lang: (the site in that language, {doc key: fields left in Vietnamese})}."""
    translations = {key: state.translation for key, state in build.statuses.items() if state.translation}
    localize = (build.memo.localize,) if build.memo else ()
    localized = {
        lang: (build.site, {}) if lang == "vi" else localized_site(build.site, translations, *localize)
        for lang in build.config.languages
    }
    if build.memo:
        build.memo.carry_over(localized)
    return localized


def _digest(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()[:10]


def stage_render(build: Build) -> None:
    """Pages and share images into the caches (only those missing); then the listings and open
    data as bytes. `build.outputs` maps every site path to its cached file or bytes."""
    root, renderer, pages = build.root, build.renderer, build.pages
    assert renderer is not None  # made by stage_pages
    page_dir = cache.private_dir(root, "pages") or _scratch(build, "pages")
    share_dir = cache.private_dir(root, "share") or _scratch(build, "share")
    everything = cache.fingerprint(*(f"{k}={v}" for k, v in sorted(build.inputs.items())))
    cards: dict[str, social.Card] = {}
    for lang in build.config.languages:
        cards[urls.home(lang)] = social.Card(
            build.config.title.get(lang),
            "",
            build.config.description.get(lang),
            build.config.base_url.split("://")[-1].rstrip("/"),
            lang=lang,
        )
    cards.update({page.url: page.card for page in pages if page.card})
    fonts = social.fonts_present(root)
    to_draw = {}
    for url, card in cards.items():
        image = urls.share_image(url)
        source = share_dir / f"{card.digest}.png"
        renderer.share_images[url] = f"{image}?v={card.digest[:10]}"
        if fonts:
            build.outputs[image], build.keys[image] = source, card.digest
            if not source.exists():
                to_draw[card.digest] = (card, source)
    to_render = []
    for index, page in enumerate(pages):
        key = page_key(build, page, everything)
        path = urls.output_path(page.url)
        source = page_dir / f"{key}.html"
        build.outputs[path], build.keys[path] = source, key
        if not source.exists():
            to_render.append((index, source))
    folder = _scratch(build, "data") if build.in_place is None else None

    def listings_and_data() -> tuple[dict[str, bytes], dict[str, tuple[Path, str]]]:
        """Made while the workers render (this process waits for them meanwhile)."""
        data = opendata.write_files(build.site, build.translations, build.config.base_url, folder) if folder else {}
        return _listings(build), data

    job = workers.Job(root, renderer, pages, to_render, list(to_draw.values()), beside=listings_and_data)
    build.diagnostics.extend(workers.run(job))
    if build.problems:
        return
    listings, open_data = job.made
    generated = listings | {f"static/{name}": data for name, data in build.assets.items()}
    for path, data in generated.items():
        build.outputs[path], build.keys[path] = data, _digest(data)
    if folder:  # into files, not memory (hundreds of MB at 4,000 documents)
        for path, (file, sha256) in open_data.items():
            build.outputs[path], build.keys[path] = file, sha256[:10]  # as _digest(its bytes)
    else:  # the preview writes the open data after the reload (write_data); until then the old stays
        assert build.in_place is not None
        build.keys.update({p: k for p, k in build.in_place.items() if is_data(p)})
    build.counts = {
        "pages": sum(1 for page in pages if page.template.endswith(".html")),
        "documents": len(build.site.documents),
        "organizations": len(build.site.organizations),
    }


def page_key(build: Build, page: Page, everything: str) -> str:
    """The key of the page's rendering: the code, its facts, share image and its inputs' digests
    (`everything`: the fingerprint of all inputs, for a page showing something of every file)."""
    renderer = build.renderer
    assert renderer is not None  # made by stage_pages
    parts = (f"{p}={build.inputs.get(p, '-')}" for p in page.inputs) if ALL_INPUTS not in page.inputs else [everything]
    share = renderer.share_images.get(page.url) or renderer.share_images.get(urls.home(page.lang), "")
    return cache.fingerprint(build.code, page.lang, page.url, page.template, share, *parts)


def write_data(build: Build) -> None:
    """The preview, after the browser has reloaded: the open data files of an in-place build."""
    files = opendata.files(build.site, build.translations, build.config.base_url)
    keys = {path: _digest(data) for path, data in files.items()}
    previous = build.in_place or {}
    write.update_in_place(build.output, files, {p: k for p, k in previous.items() if is_data(p)}, keys)
    build.keys.update(keys)


def is_data(path: str) -> bool:
    return path.startswith(urls.data_file("")) and not path.endswith(".html")


def _scratch(build: Build, name: str) -> Path:
    """A folder for this build only, when the project's cache cannot be used (removed at the end)."""
    build.output.parent.mkdir(parents=True, exist_ok=True)
    folder = Path(tempfile.mkdtemp(prefix=f".vankien-{name}-", dir=build.output.parent))
    build.scratch.append(folder)
    return folder


def _listings(build: Build) -> dict[str, bytes]:
    """Feeds, sitemap (or sitemap index and its parts), robots.txt: templates over the page list."""
    renderer, drafts = build.renderer, build.config.drafts_listed
    assert renderer is not None  # made by stage_pages
    out = {}
    for lang in build.config.languages:
        entries = feeds.feed_entries(renderer.sites[lang][0], lang, drafts)
        newest = max((e.updated for e in entries), default=None) or datetime.date(2000, 1, 1)
        out[urls.feed(lang)] = renderer.render_listing(
            "feed.xml", lang, entries=entries, updated=newest, absolute=renderer.absolute
        )
    parts = feeds.sitemap_files(feeds.sitemap_entries(build.pages, drafts))
    for name, entries in parts:
        out[name] = renderer.render_listing("sitemap.xml", "vi", entries=entries, absolute=renderer.absolute)
    if len(parts) > 1:
        out["sitemap.xml"] = renderer.render_listing(
            "sitemap-index.xml", "vi", files=[name for name, _ in parts], absolute=renderer.absolute
        )
    out["robots.txt"] = renderer.render_listing("robots.txt", "vi", absolute=renderer.absolute)
    return out


def stage_write(build: Build) -> None:
    indexed = [urls.output_path(page.url) for page in build.pages if page.indexable]

    def index(staging: Path) -> None:
        started = time.perf_counter()
        search.build_index(build.root, staging, write.SiteFiles(staging, indexed), build.problems)
        build.timings["index"] = time.perf_counter() - started
        if build.problems:
            raise BuildFailed(build.problems)

    def keep_index(staging: Path) -> None:
        search.carry_over(build.output, staging)

    if build.in_place is not None and build.output.is_dir():
        write.update_in_place(build.output, build.outputs, build.in_place, build.keys)
    else:
        try:
            before_swap = (index if build.index_now else keep_index) if build.search else None
            write.write_site(build.output, build.outputs, before_swap=before_swap)
        except OSError as exc:
            build.problems.append(write_problem(build.output, exc))
            raise BuildFailed(build.problems) from None
    build.files = write.SiteFiles(build.output, [p for p in build.outputs if p in indexed or p.endswith(".html")])


def write_problem(output: Path, exc: OSError) -> ContentError:
    """A full disk, a read-only or unwritable output folder: said plainly, the old site kept."""
    return ContentError(
        str(output), 1, 1, messages.CANNOT_WRITE, {"problem": f"{exc.strerror or exc} ({exc.filename or output})"}
    )


CHECK_STAGES = (stage_config, stage_content, stage_validate, stage_translate)
BUILD_STAGES = CHECK_STAGES + (stage_assets, stage_pages, stage_render, stage_write)


def run(
    root: Path,
    output: Path | None = None,
    stages=BUILD_STAGES,
    index_now: bool = True,
    in_place: dict | None = None,
    search: bool = True,
    strict: bool = False,
    memo: Memo | None = None,
    changed: set[str] | None = None,
) -> Build:
    """Run `stages` in order; raise BuildFailed (having written nothing) on any error, and
    with `strict` on any warning too (as `mkdocs build --strict` does).

    A full build whose inputs and code are those of the last successful build into the same,
    untouched output does nothing (build.unchanged). With a `memo` (the preview), files read and
    checked before are read and checked again only if they changed; `changed`: the project paths
    changed since the memo's last build (None: any may have)."""
    build = Build(root=root, output=output or root / "site", index_now=index_now, in_place=in_place, search=search)
    build.memo = memo
    started_run = time.perf_counter()
    full = stages == BUILD_STAGES
    if memo is not None:
        memo.prepare(root, changed)
    if full:
        build.code = memo.code if memo else cache.code_version(root)
        build.inputs = dict(memo.inputs) if memo else _input_digests(root)
        if in_place is None and not strict and _unchanged(build):
            build.elapsed = time.perf_counter() - started_run
            return build
    try:
        for stage in stages:
            if stage in (stage_pages, stage_render, stage_write) and build.problems:
                break  # rendering invalid content would only add noise; nothing is written
            if stage is stage_write and strict and build.warnings:
                break
            started = time.perf_counter()
            stage(build)
            build.timings[stage.__name__.removeprefix("stage_")] = time.perf_counter() - started
    finally:
        for folder in build.scratch:
            shutil.rmtree(folder, ignore_errors=True)
    build.elapsed = time.perf_counter() - started_run
    if build.problems or (strict and build.warnings):
        raise BuildFailed(build.problems + build.warnings)
    if full:
        _remember(build)
    return build


def _input_digests(root: Path) -> dict[str, str]:
    found = {f"content/{name}": digest for name, digest in cache.tree_digests(root / "content").items()}
    if (root / "config.yaml").is_file():
        found["config.yaml"] = cache.file_digest(root / "config.yaml")
    return found


def _state(build: Build) -> dict:
    identity = build.output.stat() if build.output.is_dir() else None
    return {
        "code": build.code,
        "inputs": cache.fingerprint(*(f"{k}={v}" for k, v in sorted(build.inputs.items()))),
        "output": str(build.output.resolve()),
        "site": [identity.st_ino, identity.st_mtime_ns] if identity else None,
        "index": build.index_now and build.search,
    }


def _unchanged(build: Build) -> bool:
    folder = cache.private_dir(build.root, "")
    last = cache.read_json(folder / "last-build.json") if folder else {}
    state = _state(build)
    if not last or state["site"] is None or {k: last.get(k) for k in state} != state:
        return False
    warnings = [from_record(record, _catalogue()) for record in last.get("warnings", [])]
    if not isinstance(last.get("warnings"), list) or None in warnings:
        return False  # a record from older code: build again rather than lose a warning
    build.diagnostics.extend(warnings)  # the last build's warnings, said again
    build.unchanged, build.counts, build.keys = True, last.get("counts", {}), last.get("keys", {})
    return True


def _catalogue() -> dict[str, Message]:
    """{code: message} of every message an editor can meet."""
    from vankien.reference import CATALOGUES

    return {m.code: m for module in CATALOGUES for m in vars(module).values() if isinstance(m, Message)}


def _remember(build: Build) -> None:
    """Record the build for the next one; drop cached pages and images no page uses any more."""
    folder = cache.private_dir(build.root, "")
    if folder and build.in_place is None:
        used = {Path(source).name for source in build.outputs.values() if isinstance(source, Path)}
        for name in ("pages", "share"):
            for path in (folder / name).iterdir() if (folder / name).is_dir() else ():
                if path.name not in used:
                    path.unlink(missing_ok=True)
        cache.write_json(
            folder / "last-build.json",
            {
                **_state(build),
                "counts": build.counts,
                "warnings": [to_record(w) for w in build.warnings],
                "keys": build.keys,
            },
        )
