"""Property-based tests (hypothesis): whatever an editor's machine or a hostile file feeds the
YAML loader, the front matter reader, the figure parser or the importer, the answer is a result
or a clear `path:line:col` error — never a traceback — and a failed build leaves `site/` as it was.

The examples are derandomized (the same inputs on every run, so CI is stable); FUZZ_EXAMPLES
sets how many each property draws (`VANKIEN_FUZZ_EXAMPLES=5000 pytest tests/test_fuzz.py
--hypothesis-show-statistics` to search harder and see the counts).
"""

from __future__ import annotations

import hashlib
import os
import re
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from tests.conftest import make_site
from vankien import importer, numbers, pipeline, yamlsafe
from vankien.errors import BuildFailed, ContentError

FUZZ_EXAMPLES = int(os.environ.get("VANKIEN_FUZZ_EXAMPLES", "300"))
FUZZ = settings(
    max_examples=FUZZ_EXAMPLES,
    deadline=None,
    derandomize=True,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)

# What YAML and front matter are made of, what Vietnamese text holds, and what a broken
# editor, a Word export or an attacker adds: controls, BOMs, odd line breaks.
YAML_PIECES = [
    *"abcxyz019:- \n\n\t'\"[]{}#&*!|>%@`,?~\\.",
    *"ĐđếạỤươ",
    *"\x00\x01\x0b\x0c\x1b\x7f\x85\u2028\u2029\ufeff\u200b\r",
    "---",
    "kind: plan\n",
    "title: ",
    "period: {year: 2024}\n",
    "targets:\n  - id: a\n    text: ",
    "results:\n  - id: r\n    target: x\n    assessment: ",
    "  ",
    "- ",
    "&a ",
    "*a",
    "!!python/object ",
    "<<: ",
    "\n---\n",
]
yaml_text = st.lists(st.sampled_from(YAML_PIECES) | st.text(max_size=3), max_size=40).map("".join)


def _is_clear(problem: ContentError, path_end: str) -> None:
    assert problem.path.endswith(path_end) or problem.path.endswith(".yaml"), problem
    assert problem.line >= 1 and problem.col >= 1, problem
    assert problem.text("en") and problem.text("vi"), problem


@FUZZ
@given(yaml_text)
def test_yaml_loader_gives_a_value_or_clear_errors(text):
    value, problems = yamlsafe.load(text, "content/x.yaml", line_offset=1)
    for problem in problems:
        _is_clear(problem, "x.yaml")
        assert problem.line <= len(re.split("\r\n|[\n\r\x85\u2028\u2029]", text)) + 2  # a line YAML sees
    # A value the validator can read (positions kept), or None: empty, or with its errors above.
    assert value is None or isinstance(value, (yamlsafe.YMap, yamlsafe.YList, yamlsafe.YStr, yamlsafe.YScalar))


@pytest.fixture(scope="module")
def project(tmp_path_factory) -> Path:
    return make_site(tmp_path_factory.mktemp("fuzz"))


@FUZZ
@given(front=yaml_text, body=st.text(max_size=200))
def test_any_front_matter_is_checked_without_a_traceback(project, front, body):
    (project / "content/documents/doan-a/fuzz.vi.md").write_text(f"---\n{front}\n---\n{body}", encoding="utf-8")
    try:
        pipeline.run(project, stages=pipeline.CHECK_STAGES)
    except BuildFailed as failed:
        assert failed.problems
        for problem in failed.problems:
            _is_clear(problem, ".md")
    finally:
        (project / "content/documents/doan-a/fuzz.vi.md").unlink()


def _spaced(text: str) -> str:
    return " ".join(text.split())


TRANSLATION_PIECES = [
    "source: abc\n",
    "title: ",
    "targets:\n  ket-nap-dang: ",
    "targets:\n  khac: x\n",
    "results:\n  ket-nap-dang:\n    target: ",
    "    result: ",
    "theme: ",
    "05 members",
    "1,000",
    "1.000",
    "50%",
]


@FUZZ
@given(
    front=st.lists(st.sampled_from(TRANSLATION_PIECES) | yaml_text, max_size=8).map("".join), body=st.text(max_size=80)
)
def test_any_translation_is_checked_without_a_traceback(project, front, body):
    translation = project / "content/documents/doan-a/dai-hoi.en.md"
    translation.write_text(f"---\n{front}\n---\n{body}", encoding="utf-8")
    try:
        pipeline.run(project, stages=pipeline.CHECK_STAGES)
    except BuildFailed as failed:
        for problem in failed.problems:
            _is_clear(problem, ".md")
    finally:
        translation.unlink()


@FUZZ
@given(st.text(max_size=120) | st.from_regex(r"[~≥>]?\s?[0-9][0-9.,]{0,30}\s?%?\s?(tỷ|triệu|nghìn)?\s?\w{0,10}"))
def test_figure_parser_reads_any_text(text):
    for measure in numbers.parse(text):
        assert measure.raw and _spaced(measure.raw) in _spaced(text)  # the words it was read from
        assert measure.value is not None


@FUZZ
@given(
    st.lists(
        st.text(max_size=80)
        | st.sampled_from(
            importer_lines := [
                "I. KẾT QUẢ",
                "1. Công tác",
                "1.1. Nội dung",
                "a) mục",
                "- Ý",
                "Chỉ tiêu 1: 05 đoàn viên",
                "| a | b |",
                "BÁO CÁO",
                "Nhiệm kỳ 2022 - 2027",
                "Năm 2024",
                "[1] Chú thích",
                "Đạt",
                "Không đạt",
                "\x0b",
                "\x0c",
            ]
        ),
        max_size=30,
    ).map("\n".join)
)
def test_importer_turns_any_text_into_a_file_that_loads_or_says_why(text):
    imported = importer.import_text(text)
    content = importer.render(imported)
    assert content.startswith("---\n")
    front = content.split("\n---\n", 1)[0].removeprefix("---\n")
    value, problems = yamlsafe.load(front, "content/documents/o/d.vi.md", line_offset=1)
    for problem in problems:
        _is_clear(problem, ".md")
    assert value is not None or problems


def _snapshot(site: Path) -> dict[str, str]:
    return {
        str(p.relative_to(site)): hashlib.sha256(p.read_bytes()).hexdigest() for p in site.rglob("*") if p.is_file()
    }


@settings(FUZZ, max_examples=max(FUZZ_EXAMPLES // 10, 10))
@given(front=yaml_text)
def test_site_is_unchanged_after_a_failed_build(project, front):
    site = project / "site"
    if not site.exists():
        pipeline.run(project, site)
    before = _snapshot(site)
    document = project / "content/documents/doan-a/fuzz.vi.md"
    document.write_text(f"---\n{front}\n---\nNội dung.\n", encoding="utf-8")
    try:
        pipeline.run(project, site)
        built = True
    except BuildFailed:
        built = False
    finally:
        document.unlink()
    if built:  # valid by chance: the site was rebuilt; put it back as it was for the next example
        pipeline.run(project, site)
    else:
        assert _snapshot(site) == before
    assert not list(project.glob(".site-*")), "a staging folder was left behind"
