"""The build, as an ordered list of stages. The order listed is the order of execution.

    config → content → validate → translate → assets → render (pages, open data) → write (+ search index)

Each stage reads what earlier stages left in the Build and records its problems;
the build stops before `write` when there are any, so a bad input never replaces the
published site.
"""

from __future__ import annotations

import time
from dataclasses import dataclass, field
from pathlib import Path

from vankien import assets, config, content, i18n, opendata, render, search, translated_figures, validate, write
from vankien.config import Config
from vankien.content import RawContent
from vankien.errors import BuildFailed, ContentError, Diagnostics
from vankien.model import Site


@dataclass
class Build:
    root: Path
    output: Path
    diagnostics: Diagnostics = field(default_factory=Diagnostics)
    timings: dict[str, float] = field(default_factory=dict)
    config: Config = field(init=False)  # set by stage_config
    raw: RawContent = field(init=False)  # set by stage_content
    site: Site = field(init=False)  # set by stage_validate
    translations: dict = field(default_factory=dict)
    statuses: dict = field(default_factory=dict)
    assets: dict = field(default_factory=dict)
    files: dict = field(default_factory=dict)
    elapsed: float = 0.0  # wall time of the whole run
    index_now: bool = True  # False: keep the previous search index; the preview refreshes it after reloading

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
    build.raw = content.load(build.root, build.diagnostics)


def stage_validate(build: Build) -> None:
    build.site = validate.build_site(build.raw, build.diagnostics)


def stage_translate(build: Build) -> None:
    documents = {d.key: d for d in build.site.documents}
    build.translations = i18n.read_translations(build.raw.documents, documents, build.diagnostics)
    build.statuses = i18n.statuses(build.raw.documents, build.site, build.translations, build.diagnostics)
    build.diagnostics.extend(translated_figures.check(build.raw.documents, build.site, build.translations))


def stage_assets(build: Build) -> None:
    build.assets = assets.collect(build.root, build.problems)


def stage_render(build: Build) -> None:
    pages = render.render_all(build.root, build.config, build.site, build.statuses, build.assets, build.problems)
    build.files = {
        **pages,
        **opendata.files(build.site, build.translations, build.config.base_url),
        **{f"static/{name}": data for name, data in build.assets.items()},
    }


def stage_write(build: Build) -> None:
    def index(staging: Path) -> None:
        started = time.perf_counter()
        search.build_index(build.root, staging, build.files, build.problems)
        build.timings["index"] = time.perf_counter() - started
        if build.problems:
            raise BuildFailed(build.problems)

    def keep_index(staging: Path) -> None:
        search.carry_over(build.output, staging)

    write.write_site(build.output, build.files, before_swap=index if build.index_now else keep_index)


CHECK_STAGES = (stage_config, stage_content, stage_validate, stage_translate)
BUILD_STAGES = CHECK_STAGES + (stage_assets, stage_render, stage_write)


def run(
    root: Path, output: Path | None = None, stages=BUILD_STAGES, index_now: bool = True, strict: bool = False
) -> Build:
    """Run `stages` in order; raise BuildFailed (having written nothing) on any error, and
    with `strict` on any warning too (as `mkdocs build --strict` does)."""
    build = Build(root=root, output=output or root / "site", index_now=index_now)
    started_run = time.perf_counter()
    for stage in stages:
        if stage is stage_render and build.problems:
            break  # rendering invalid content would only add noise
        if stage is stage_write and (build.problems or (strict and build.warnings)):
            break
        started = time.perf_counter()
        stage(build)
        build.timings[stage.__name__.removeprefix("stage_")] = time.perf_counter() - started
    build.elapsed = time.perf_counter() - started_run
    if build.problems or (strict and build.warnings):
        raise BuildFailed(build.problems + build.warnings)
    return build
