"""The render stage does each costly thing once: a table shown on a page and on its embed, an
organization's term table; and compiled templates lose only indentation no reader sees."""

from __future__ import annotations

import gc
import re
import shutil
from collections import Counter

import jinja2

from tests.conftest import MINIMAL_FILES, ROOT
from vankien import compare, markdown, opendata, pipeline, render, workers


def _count_renders(monkeypatch) -> list[str]:
    names: list[str] = []
    original = jinja2.Template.render

    def counting(self, *args, **kwargs):
        names.append(self.name)
        return original(self, *args, **kwargs)

    monkeypatch.setattr(jinja2.Template, "render", counting)
    return names


def test_tables_are_made_once_for_a_page_and_its_embed(site_factory, tmp_path, monkeypatch):
    root = site_factory()
    monkeypatch.setattr(workers, "IN_PROCESS", 10**6)  # rendered in this process, where it can be counted
    renders = _count_renders(monkeypatch)
    built = []
    original = compare.term_table
    monkeypatch.setattr(compare, "term_table", lambda site, org: built.append(org) or original(site, org))
    output = tmp_path / "out"
    pipeline.run(root, output, search=False)
    # one document with targets, one organization, two languages: a page and an embed of each
    assert renders.count("document.html") == renders.count("embed_document.html") == 2
    assert renders.count("_targets.html") == 2  # once per language, not once per page
    assert renders.count("organization.html") == renders.count("embed_org.html") == 2
    assert renders.count("_term_table.html") == 2 and built == ["doan-a", "doan-a"]
    # and each page has its own links and heading level
    page = (output / "doan-a/dai-hoi/index.html").read_text(encoding="utf-8")
    embed = (output / "embed/doan-a/dai-hoi/index.html").read_text(encoding="utf-8")
    assert '<h2 class="table-title"' in page and '<h2 class="table-title"' in embed
    assert 'href="../../topics/party-admission/"' in page
    assert 'href="../../../topics/party-admission/"' in embed
    assert "\x1d" not in page + embed and "\x1e" not in page + embed


def test_unindented_templates_keep_every_space_that_separates_text(tmp_path):
    (tmp_path / "templates").mkdir()
    (tmp_path / "templates/t.html").write_text(
        "<p>\n    <b>a</b>\n    {% if x %}<i>b</i>{% endif %}\n    <i>c</i>\n      {{ x }}\n</p>\n", encoding="utf-8"
    )
    (tmp_path / "templates/t.txt").write_text("  kept\n", encoding="utf-8")
    env = render.make_environment(tmp_path)
    html = env.get_template("t.html").render(x="d")
    assert html == "<p>\n<b>a</b>\n<i>b</i> <i>c</i>\nd\n</p>\n"  # the space after {% endif %} stays
    assert env.get_template("t.txt").render() == "  kept\n"  # only HTML templates


def test_no_template_shows_its_own_lines_as_written():
    """Unindent would change text inside <pre> or <textarea> that spans a template's lines."""
    for path in (ROOT / "templates").glob("*.html"):
        for match in re.finditer(r"<(pre|textarea)\b.*?</\1>", path.read_text(encoding="utf-8"), re.S):
            assert "\n" not in match.group(0), (path.name, match.group(0)[:80])


def test_a_documents_versions_and_embeds_are_rendered_together(site_factory, tmp_path, monkeypatch):
    """One task renders them one after the other: the untranslated English page reuses the
    Vietnamese body just parsed, the embeds the tables just rendered."""
    root = site_factory()
    monkeypatch.setattr(workers, "IN_PROCESS", 10**6)
    tasks: list[list[str]] = []
    original = workers._task

    def recording(task):
        if task[0] == "pages":
            tasks.append([workers._JOB.pages[index].url for index in task[1]])
        return original(task)

    monkeypatch.setattr(workers, "_task", recording)
    parsed = []
    parse = markdown._PARSER.parse
    monkeypatch.setattr(markdown._PARSER, "parse", lambda source, env=None: parsed.append(source) or parse(source, env))
    markdown.render.cache_clear()
    pipeline.run(root, tmp_path / "out", search=False)
    versions = ["doan-a/dai-hoi/", "embed/doan-a/dai-hoi/", "en/doan-a/dai-hoi/", "en/embed/doan-a/dai-hoi/"]
    (task,) = [t for t in tasks if versions[0] in t]
    at = task.index(versions[0])
    assert task[at : at + 4] == versions
    body = MINIMAL_FILES["content/documents/doan-a/dai-hoi.vi.md"].split("---\n")[-1]
    assert sum(1 for source in parsed if source == body) <= 2  # check's footnote pass, and the pages' one


def test_each_body_is_parsed_once_in_a_cold_build(tmp_path, monkeypatch):
    """Markdown is most of a document page's cost: one parse per body, so at most one per
    document and language (an untranslated page shows the Vietnamese body already parsed)."""
    root = tmp_path / "project"
    shutil.copytree(ROOT / "content", root / "content")
    shutil.copy(ROOT / "config.yaml", root / "config.yaml")
    (root / "node_modules").symlink_to(ROOT / "node_modules")  # the share images' font
    monkeypatch.setattr(workers, "IN_PROCESS", 10**6)  # rendered in this process, where it can be counted
    parsed: list[str] = []
    parse = markdown._PARSER.parse
    monkeypatch.setattr(markdown._PARSER, "parse", lambda source, env=None: parsed.append(source) or parse(source, env))
    markdown.render.cache_clear()
    build = pipeline.run(root, tmp_path / "out", search=False)
    shown = {page.context["doc"].body for page in build.pages if page.template == "document.html"}
    bodies = [source for source in parsed if source]  # and the embeds' empty one
    assert Counter(bodies) == Counter(shown)  # each shown body once, nothing else
    assert len(bodies) <= len(build.site.documents) * len(build.config.languages)


def test_workers_and_this_process_write_the_same_site(site_factory, tmp_path, monkeypatch):
    """With workers, the listings and open data are made in this process while they render."""
    root = site_factory()
    made = []
    write_files = opendata.write_files
    monkeypatch.setattr(opendata, "write_files", lambda *args: made.append(args) or write_files(*args))
    sites = {}
    for name, in_process in (("workers", 0), ("here", 10**6)):
        monkeypatch.setattr(workers, "IN_PROCESS", in_process)
        shutil.rmtree(root / ".cache", ignore_errors=True)
        output = tmp_path / name
        pipeline.run(root, output, search=False)
        sites[name] = {p.relative_to(output): p.read_bytes() for p in output.rglob("*") if p.is_file()}
    assert len(made) == 2  # once a build
    assert gc.get_freeze_count() == 0  # what the workers were given is collected again here (the preview lives on)
    assert sites["workers"] == sites["here"] and any(str(path).endswith("targets.csv") for path in sites["here"])
