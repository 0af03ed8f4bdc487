"""Memory that grows with the site only where it must (issue 11: our process ≤ 1 GB at 4,000
documents). Markdown bodies — most of a document — are read from their files when checked or
rendered, never held; open data is written to files one organization at a time. Sizes and
counts, never times."""

from __future__ import annotations

import gc
import tracemalloc

import pytest

from vankien import opendata, pipeline, urls
from vankien.bench import corpus
from vankien.errors import BuildFailed

BASE = "https://example.org/"
UP_TO_PAGES = pipeline.CHECK_STAGES + (pipeline.stage_assets, pipeline.stage_pages)


def _reachable_strings(*roots) -> list[str]:
    """Every str held by `roots` (objects, containers, dataclass fields), each once."""
    seen, found, stack = set(), [], list(roots)
    while stack:
        value = stack.pop()
        if id(value) in seen or isinstance(value, type) or callable(value):
            continue
        seen.add(id(value))
        if isinstance(value, str):
            found.append(value)
        elif isinstance(value, dict):
            stack += [*value.keys(), *value.values()]
        elif isinstance(value, (list, tuple, set, frozenset)):
            stack += list(value)
        elif hasattr(value, "__dict__"):
            stack.append(vars(value))
    return found


def _longest_line(path) -> str:
    body = path.read_text(encoding="utf-8").split("\n---\n", 1)[1]
    return max(body.split("\n"), key=len)


def test_the_built_model_holds_no_body_text_and_still_reads_each_body(tmp_path):
    project = corpus.generate(tmp_path / "project", documents=6, seed=3)
    build = pipeline.run(project, stages=UP_TO_PAGES)
    assert build.renderer is not None
    held = _reachable_strings(build.site, build.translations, build.statuses, build.pages, build.renderer.sites)
    files = sorted((project / "content/documents").rglob("*.md"))
    assert any(f.name.endswith(".en.md") for f in files)
    for path in files:
        paragraph = _longest_line(path)
        assert len(paragraph) > 200, path  # a real paragraph of the body, not a heading
        assert not any(paragraph in text for text in held), f"{path.name}: its body is held in memory"
    for doc in build.site.documents:  # read again, the same text as loaded
        source = (project / doc.source).read_text(encoding="utf-8")
        assert doc.body == source.split("\n---\n", 1)[1]
        assert source.split("\n").index("---", 1) + 2 == doc.body_line


@pytest.fixture(scope="module")
def generated(tmp_path_factory) -> dict:
    """{documents: (its build up to the page list, bytes still held then)} of two generated projects."""
    found = {}
    for documents in (8, 32):
        project = corpus.generate(tmp_path_factory.mktemp("memory") / "project", documents=documents, seed=2)
        gc.collect()
        tracemalloc.start()
        try:
            build = pipeline.run(project, stages=UP_TO_PAGES)
            gc.collect()
            found[documents] = (build, tracemalloc.get_traced_memory()[0])
        finally:
            tracemalloc.stop()
        assert len(build.site.documents) == documents
    return found


def test_memory_held_per_document_once_pages_are_listed_is_bounded(generated):
    """Each generated document is ~110 KB of Markdown (both languages, ~150 KB as text in
    memory) and ~70 KB of parsed front matter; what stays per document — the model, the
    English copy, the pages — is far less. Holding the bodies or the loaded files again
    would double it."""
    per_document = (generated[32][1] - generated[8][1]) / 24
    assert per_document < 110_000, f"{per_document / 1000:.0f} KB held per document"


def _peak(make) -> tuple[object, int]:
    """(what `make()` gives, the most memory it used while making it, in bytes)."""
    gc.collect()
    tracemalloc.start()
    try:
        return make(), tracemalloc.get_traced_memory()[1]
    finally:
        tracemalloc.stop()


def test_open_data_is_written_whole_without_holding_its_table(generated, tmp_path):
    build = generated[32][0]

    def whole_table() -> tuple[bytes, bytes]:  # the table and its two files made in memory at once
        rows = opendata.rows(build.site, build.translations)
        table = [{**row, "url": urls.absolute(BASE, row["url"])} for row in rows]
        return opendata.to_csv(table), opendata.to_json([opendata.typed(row) for row in table])

    (csv_bytes, json_bytes), whole = _peak(whole_table)
    written, peak = _peak(lambda: opendata.write_files(build.site, build.translations, BASE, tmp_path))
    assert written["data/targets.csv"][0].read_bytes() == csv_bytes  # the same bytes
    assert written["data/targets.json"][0].read_bytes() == json_bytes
    orgs = {doc.org for doc in build.site.documents}
    assert {p for p in written if p.startswith("data/orgs/")} == {f"data/orgs/{org}.json" for org in orgs}
    assert peak < whole / 4, f"{peak} bytes used to write what takes {whole} bytes in memory"


@pytest.mark.parametrize("stage", ["validate", "render"])
def test_a_document_saved_again_during_the_build_stops_it_and_says_so(site_factory, stage):
    root = site_factory()
    build = pipeline.Build(root=root, output=root / "site")
    source = root / "content/documents/doan-a/dai-hoi.vi.md"
    stages = iter(pipeline.BUILD_STAGES)
    for step in stages:
        step(build)
        if step.__name__ == ("stage_content" if stage == "validate" else "stage_pages"):
            break
    source.write_text(source.read_text(encoding="utf-8") + "\nThêm một dòng.\n", encoding="utf-8")
    if stage == "validate":
        with pytest.raises(BuildFailed) as failed:
            pipeline.stage_validate(build)
        problems = failed.value.problems
    else:
        pipeline.stage_render(build)
        problems = build.problems
    assert [(p.path, p.code) for p in problems] == [("content/documents/doan-a/dai-hoi.vi.md", "VK018")]
    assert not (root / "site").exists()
