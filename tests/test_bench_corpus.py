"""The benchmark's generated projects are valid content: a benchmark that cannot build its corpus
measures nothing (the generated project once failed `check` after `measure: N` choices landed)."""

from __future__ import annotations

from vankien import pipeline
from vankien.bench import corpus


def test_a_generated_project_passes_check_with_no_error(tmp_path):
    project = corpus.generate(tmp_path / "project", documents=20, seed=1)
    build = pipeline.run(project, stages=pipeline.CHECK_STAGES)  # raises BuildFailed on any error
    documents = list((project / "content" / "documents").rglob("*.vi.md"))
    assert len(documents) == 20
    assert len(build.site.documents) == 20
