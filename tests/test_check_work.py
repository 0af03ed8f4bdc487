"""The check stages (content → validate → translate → pages) do each piece of work once, and only
the work that can find something: counted here, never timed. At 1,000 documents they took 31 s,
most of it the same figures read again, every body parsed for its footnotes and every
organization's targets matched against every topic once per page that shows them."""

from __future__ import annotations

import random

import pytest

from vankien import compare, content, markdown, numbers, pipeline, prework
from vankien.bench import corpus
from vankien.errors import Diagnostics, to_record

UP_TO_PAGES = pipeline.CHECK_STAGES + (pipeline.stage_assets, pipeline.stage_pages)


def _run(project) -> pipeline.Build:
    build = pipeline.Build(root=project, output=project / "site")
    for stage in UP_TO_PAGES:
        stage(build)
    assert not build.problems
    return build


@pytest.fixture(scope="module")
def project(tmp_path_factory):
    return corpus.generate(tmp_path_factory.mktemp("check-work") / "project", documents=16, seed=4)


@pytest.fixture
def in_one_process(monkeypatch):
    """No reading ahead in worker processes: what this process counts is all the work."""
    monkeypatch.setattr(prework, "AHEAD_AT_LEAST", 10**9)


def test_each_text_of_figures_is_read_once_per_build(project, monkeypatch, in_one_process):
    """validate reads a target's words; the translation check and the topic pages need the same
    figures again: they get them without reading the text a second time."""
    numbers._PARSED.clear()
    read: list[str] = []
    reader = numbers._read_text
    monkeypatch.setattr(numbers, "_read_text", lambda text: read.append(text) or reader(text))
    build = _run(project)
    worded = {t.text for d in build.site.documents for t in d.targets if not t.measures_given}
    assert worded and worded <= set(read)
    assert len(read) == len(set(read)), "a text was read twice"
    assert build.translations, "the translation check (which reads the source figures again) ran"


def test_only_bodies_that_can_hold_a_footnote_are_parsed_for_their_footnotes(project, monkeypatch, in_one_process):
    """A footnote needs `[^`: a body without it is not parsed at all in `check`, and in a body with
    it only the inline runs holding `[^` are (the full Markdown parse is left to rendering)."""
    parsed: list[str] = []
    inline: list[str] = []
    parser = markdown._FOOTNOTE_PARSER
    parse, parse_inline = parser.parse, parser.inline.parse
    monkeypatch.setattr(parser, "parse", lambda src, env=None: parsed.append(src) or parse(src, env))
    monkeypatch.setattr(parser.inline, "parse", lambda src, *rest: inline.append(src) or parse_inline(src, *rest))
    rendered: list[str] = []
    full = markdown._PARSER.parse
    monkeypatch.setattr(markdown._PARSER, "parse", lambda src, env=None: rendered.append(src) or full(src, env))
    _run(project)
    bodies = [r.body for r in content.load(project, Diagnostics()).documents]  # build.raw is let go after check
    with_notes = [b for b in bodies if "[^" in b]
    assert with_notes and len(with_notes) < len(bodies)  # the corpus has both kinds
    assert sorted(parsed) == sorted(with_notes)
    assert inline and all("[^" in run for run in inline)
    assert rendered == []


FOOTNOTE_PIECES = [
    "[^1]",
    "[^1]: note",
    "`[^1]`",
    "    [^1]: code",
    "> [^2]: quoted",
    "- [^1]: in a list",
    "^[inline [^1]]",
    "[x][^1]",
    "[^1]:",
    "\\[^1]",
    "[link [^2]](u)",
    "<http://[^1]>",
    "```\n[^1]\n```",
    "[^2]: y\n    [^1] continued",
    "| a | [^1] |\n|---|---|\n| [^2] | b |",
    "[^1]\n[^1]: a\n[^1]: b",
    "*[^3]*",
    "# title [^1]",
    "1. [^1]",
    "[^1][^2]",
    "plain text",
    "",
]


def _full_parse_problems(source: str) -> list:
    """footnote_problems as it was: the labels from a full parse of the body, then the same scan."""
    env: dict = {}
    markdown._PARSER.parse(source, env)
    notes = env.get("footnotes", {})
    referenced = {n["label"] for n in notes.get("list", {}).values() if n.get("label") is not None}
    defined = {key[1:] for key in notes.get("refs", {})}
    problems = []
    fenced = False
    for index, line in enumerate(source.split("\n")):
        if line.lstrip(" ").startswith(("```", "~~~")):
            fenced = not fenced
        if fenced or line.startswith(("    ", "\t")):
            continue
        line = markdown._CODE_SPAN.sub(lambda span: " " * len(span.group()), line)
        definition = markdown._FOOTNOTE_DEFINITION.match(line)
        if definition and definition.group(1) not in referenced:
            problems.append((index, definition.start(1) - 1, definition.group(1), "unused"))
        for reference in markdown._FOOTNOTE_REFERENCE.finditer(line, definition.end() if definition else 0):
            if reference.group(1) not in defined:
                problems.append((index, reference.start() + 1, reference.group(1), "undefined"))
    return problems


def test_the_reduced_footnote_parse_finds_what_a_full_parse_finds():
    """Same problems at the same line and column as parsing the whole body, on bodies mixing
    references and definitions with code, quotes, lists, tables, links and inline notes."""
    rng = random.Random(11)
    for _ in range(1500):
        body = "\n".join(rng.choice(FOOTNOTE_PIECES) for _ in range(rng.randint(1, 7)))
        assert markdown.footnote_problems(body) == _full_parse_problems(body), body


def test_an_organizations_terms_are_matched_to_topics_once_per_site(project, monkeypatch, in_one_process):
    """The topic pages, the topic list, the matrix and every organization's term table share one
    reading of each organization's periods (the matching of targets to topics), per language."""
    calls = []
    targets_for = compare._targets_for
    monkeypatch.setattr(compare, "_targets_for", lambda *args: calls.append(args) or targets_for(*args))
    build = _run(project)
    assert build.renderer is not None
    sites = [site for site, _ in build.renderer.sites.values()]
    terms = sum(len(compare._periods(site.documents_of(org))) for site in sites for org in site.organizations)
    assert len(calls) == terms
    for site in sites:  # what rendering asks for afterwards: nothing is matched again
        compare.matrix(site)
        for org in site.organizations:
            compare.term_table(site, org)
    assert len(calls) == terms


def test_reading_ahead_on_both_cores_changes_no_problem_and_no_page(project, monkeypatch):
    """With the figures and footnotes read ahead in worker processes, this process reads none of
    them again, and the problems (in order, with their locations), the site and its pages are those
    of a build that read everything itself."""
    monkeypatch.setattr(prework, "AHEAD_AT_LEAST", 10**9)
    numbers._PARSED.clear()
    alone = _run(project)
    monkeypatch.setattr(prework, "AHEAD_AT_LEAST", 0)
    monkeypatch.setattr(prework.os, "cpu_count", lambda: 2)
    numbers._PARSED.clear()
    read: list[str] = []
    reader = numbers._read_text
    monkeypatch.setattr(numbers, "_read_text", lambda text: read.append(text) or reader(text))
    parsed: list[str] = []
    parse = markdown._FOOTNOTE_PARSER.parse
    monkeypatch.setattr(markdown._FOOTNOTE_PARSER, "parse", lambda src, env=None: parsed.append(src) or parse(src, env))
    ahead = _run(project)
    worded = {t.text for d in ahead.site.documents for t in d.targets if not t.measures_given}
    assert not worded & set(read) and parsed == []
    assert markdown._FOOTNOTES_AHEAD == {}  # every body read ahead was asked for, then let go
    assert [to_record(p) for p in ahead.diagnostics.warnings] == [to_record(p) for p in alone.diagnostics.warnings]
    assert ahead.site == alone.site
    assert [(p.url, p.template, p.inputs) for p in ahead.pages] == [(p.url, p.template, p.inputs) for p in alone.pages]


def test_the_memory_of_figures_read_is_bounded(monkeypatch):
    """A long preview session reads many texts: only the last PARSED_TEXTS are kept, and a text
    forgotten reads the same when asked again."""
    monkeypatch.setattr(numbers, "PARSED_TEXTS", 3)
    numbers._PARSED.clear()
    texts = [f"Kết nạp {n} đoàn viên mới" for n in range(1, 6)]
    first = [numbers.parse(text) for text in texts]
    assert list(numbers._PARSED) == texts[-3:]
    assert [numbers.parse(text) for text in texts] == first
    assert first[0][0].value == 1 and first[0][0].unit == "đoàn viên"
    numbers._PARSED.clear()
