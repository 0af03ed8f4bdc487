"""An editor's mistakes: each reported as path:line:col with a hint, all at once, no traceback."""

import pytest

from tests.conftest import run_cli
from vankien import pipeline
from vankien.errors import BuildFailed

DOC = "content/documents/doan-a/dai-hoi.vi.md"


def problems_of(root):
    with pytest.raises(BuildFailed) as failed:
        pipeline.run(root, stages=pipeline.CHECK_STAGES)
    return [(p.path, p.line, p.col, p.text("en")) for p in failed.value.problems]


def doc(front: str, body: str = "Nội dung.\n") -> str:
    return f"---\n{front}---\n{body}"


VALID_FRONT = "kind: congress-report\ntitle: Báo cáo\nperiod: {term: II, from: 2022, to: 2027}\n"

# (front matter, expected line, expected column, words the English message contains)
MISTAKES = [
    ("kind: congres-report\ntitle: B\nperiod: {year: 2023}\n", 2, 7, "not a valid value for “kind”"),
    (VALID_FRONT + "titel: B\n", 5, 1, "field “titel” is not known"),
    ("kind: plan\nperiod: {year: 2023}\n", 2, 1, "required field “title” is missing"),
    (VALID_FRONT + "issued: 2022-13-01\n", 5, 9, "date “2022-13-01” is not valid"),
    (VALID_FRONT + "issued: 26/4/2022\n", 5, 9, "date “26/4/2022” is not valid"),
    ("kind: plan\ntitle: B\nperiod: {from: 2027, to: 2022}\n", 4, 1, "end year 2022 is before start year 2027"),
    ("kind: plan\ntitle: B\nperiod: {year: 23}\n", 4, 16, "year “23” is not valid"),
    (VALID_FRONT + "draft: maybe\n", 5, 8, "must be true or false"),
    (VALID_FRONT + "title: again\n", 5, 1, "key “title” appears twice"),
    (VALID_FRONT + "targets:\n  - id: a\n    text: X\n  - id: a\n    text: Y\n", 8, 9, "id “a” is used twice"),
    (VALID_FRONT + "targets:\n  - id: a\n    topic: party-admision\n", 7, 12, "topic “party-admision” is not in"),
    (VALID_FRONT + "targets:\n  - id: a\n", 6, 5, "required field “text” is missing"),
    (VALID_FRONT + "targets:\n  - id: Kết Nạp\n    text: X\n", 6, 9, "id “Kết Nạp” is not valid"),
    (
        VALID_FRONT + "results:\n  - id: a\n    target: X\n    assessment: tốt\n",
        8,
        17,
        "“tốt” is not a valid value for “assessment”",
    ),
    (VALID_FRONT + "org: doan-b\n", 5, 6, "differs from the document's folder"),
    (VALID_FRONT + "title: [a\n", 5, 8, "YAML syntax error"),  # where the bracket opens
]


@pytest.mark.parametrize("front, line, col, words", MISTAKES, ids=[m[3][:30] for m in MISTAKES])
def test_mistake_is_reported_where_it_is(site_factory, front, line, col, words):
    root = site_factory({DOC: doc(front)})
    found = problems_of(root)
    assert any(p[0] == DOC and p[1] == line and p[2] == col and words in p[3] for p in found), found


def test_did_you_mean_for_a_near_miss(site_factory):
    root = site_factory({DOC: doc("kind: congres-report\ntitle: B\nperiod: {year: 2023}\n")})
    with pytest.raises(BuildFailed) as failed:
        pipeline.run(root, stages=pipeline.CHECK_STAGES)
    assert "congress-report" in failed.value.problems[0].hint("en")
    assert "có phải ý bạn là “congress-report”" in failed.value.problems[0].hint("vi")


def test_organization_mistakes(site_factory):
    root = site_factory(
        {
            "content/organizations/doan-b.yaml": (
                "name: {vi: B}\nlevel: doan-huyen\nparent: doan-x\nmembers: {count: 1.200, year: 2022}\n"
            ),
            "content/organizations/en.yaml": "name: {vi: E}\nlevel: chi-doan\n",
        }
    )
    found = problems_of(root)
    messages = {(p[0], p[1], p[2]): p[3] for p in found}
    org = "content/organizations/doan-b.yaml"
    assert "“doan-huyen” is not a valid value for “level”" in messages[(org, 2, 8)]
    assert "count “1.200” is not valid" in messages[(org, 4, 18)]
    assert "clashes with a site path" in messages[("content/organizations/en.yaml", 1, 1)]


def test_unknown_parent_and_unknown_document_folder(site_factory):
    root = site_factory(
        {
            "content/organizations/doan-b.yaml": "name: {vi: B}\nlevel: chi-doan\nparent: doan-aa\n",
            "content/documents/doan-c/x.vi.md": doc(VALID_FRONT),
        }
    )
    found = problems_of(root)
    assert ("content/organizations/doan-b.yaml", 3, 9) in [p[:3] for p in found]
    assert any("did you mean “doan-a”" in p for p in problem_hints(root))
    assert any(p[0] == "content/documents/doan-c/x.vi.md" and "no organization “doan-c”" in p[3] for p in found)


def test_parent_loop_is_caught(site_factory):
    root = site_factory(
        {
            "content/organizations/doan-a.yaml": "name: {vi: A}\nlevel: chi-doan\nparent: doan-b\n",
            "content/organizations/doan-b.yaml": "name: {vi: B}\nlevel: chi-doan\nparent: doan-a\n",
        }
    )
    assert any("loop" in p[3] for p in problems_of(root))


def test_not_utf8_is_reported_with_its_line(site_factory):
    root = site_factory({DOC: ("---\nkind: plan\ntitle: B\u00e1o c\u00e1o\n---\nD\u00f2ng 1\n").encode("latin-1")})
    found = problems_of(root)
    assert found[0][:3] == (DOC, 3, 9) and "not UTF-8" in found[0][3]


def test_word_debris_is_refused(site_factory):
    root = site_factory({DOC: doc(VALID_FRONT, "Đoạn một\n\n[bookmark: _Hlk123]Đoạn hai \ufffd.\n")})
    found = problems_of(root)
    assert [(p[1], p[2]) for p in found if "Word export" in p[3]] == [(8, 1), (8, 29)]


def test_missing_front_matter_and_unclosed_front_matter(site_factory):
    root = site_factory({DOC: "# Tiêu đề\n", "content/documents/doan-a/b.vi.md": "---\nkind: plan\n"})
    found = problems_of(root)
    assert any("no YAML front matter" in p[3] for p in found)
    assert any("no closing ---" in p[3] for p in found)


def test_decomposed_unicode_is_normalized_on_load(site_factory, tmp_path):
    decomposed = "Ke\u0302\u0301t na\u0323p \u0110a\u0309ng"  # "Kết nạp Đảng" typed in NFD
    root = site_factory({DOC: doc(VALID_FRONT, f"{decomposed} nhiều lần.\n")})
    build = pipeline.run(root, tmp_path / "out")
    html = (tmp_path / "out/doan-a/dai-hoi/index.html").read_text(encoding="utf-8")
    assert "Kết nạp Đảng nhiều lần." in html
    assert build.site.documents[0].body.startswith("Kết nạp Đảng")


def test_all_problems_at_once_with_exit_1_no_traceback_and_site_untouched(site_factory):
    root = site_factory()
    first = run_cli(root)
    assert first.returncode == 0, first.stderr
    before = {p.relative_to(root / "site"): p.read_bytes() for p in (root / "site").rglob("*") if p.is_file()}
    (root / DOC).write_text(
        doc("kind: plan\ntitle: B\nperiod: {year: 20233}\nissued: 2022-02-30\ntitel: x\n"), encoding="utf-8"
    )
    (root / "content/organizations/doan-a.yaml").write_text("name: {vi: A}\nlevel: doan\n", encoding="utf-8")
    second = run_cli(root)
    assert second.returncode == 1
    assert "Traceback" not in second.stderr
    for where in (f"{DOC}:4:16", f"{DOC}:5:9", f"{DOC}:6:1", "content/organizations/doan-a.yaml:2:8"):
        assert where in second.stderr, second.stderr
    assert "gợi ý:" in second.stderr and "hint:" in second.stderr
    assert "4 error(s)" in second.stderr
    after = {p.relative_to(root / "site"): p.read_bytes() for p in (root / "site").rglob("*") if p.is_file()}
    assert after == before
    assert not list(root.glob(".site-*"))  # no half-written folder left behind


def test_check_command_writes_nothing(site_factory):
    root = site_factory()
    result = run_cli(root, "check")
    assert result.returncode == 0 and "valid" in result.stdout
    assert not (root / "site").exists()


def test_template_bug_is_reported_not_a_traceback(site_factory):
    root = site_factory()
    (root / "templates/home.html").write_text(
        "{% extends 'base.html' %}{% block content %}{{ nothing.here }}{% endblock %}"
    )
    result = run_cli(root)
    assert result.returncode == 1 and "Traceback" not in result.stderr
    assert "templates/home.html:1:" in result.stderr and "nothing" in result.stderr


def problem_hints(root):
    with pytest.raises(BuildFailed) as failed:
        pipeline.run(root, stages=pipeline.CHECK_STAGES)
    return [p.hint("en") for p in failed.value.problems]


def test_new_document_starts_from_a_template_that_asks_to_be_filled(site_factory):
    root = site_factory()
    made = run_cli(root, "new", "doan-a/chuong-trinh-2025", "--kind", "annual-program", "--year", "2025")
    assert made.returncode == 0, made.stderr
    path = root / "content/documents/doan-a/chuong-trinh-2025.vi.md"
    assert "kind: annual-program" in path.read_text(encoding="utf-8")
    check = run_cli(root, "check")  # an unfilled title never reaches the site
    assert check.returncode == 1 and "content/documents/doan-a/chuong-trinh-2025.vi.md:4:" in check.stderr
    assert "“title”" in check.stderr
    text = path.read_text(encoding="utf-8").replace("title:        #", "title: Chương trình 2025 #")
    path.write_text(text, encoding="utf-8")
    assert run_cli(root, "check").returncode == 0
    again = run_cli(root, "new", "doan-a/chuong-trinh-2025", "--year", "2025")
    assert again.returncode == 1 and "not overwritten" in again.stderr


def test_new_organization_and_unknown_organization(site_factory):
    root = site_factory()
    missing = run_cli(
        root, "new", "doan-moi/dai-hoi", "--kind", "congress-report", "--term", "I", "--from", "2024", "--to", "2029"
    )
    assert missing.returncode == 1 and "build.py new --org doan-moi" in missing.stderr
    assert run_cli(root, "new", "--org", "doan-moi", "--level", "doan-co-so").returncode == 0
    assert (
        run_cli(
            root,
            "new",
            "doan-moi/dai-hoi",
            "--kind",
            "congress-report",
            "--term",
            "I",
            "--from",
            "2024",
            "--to",
            "2029",
        ).returncode
        == 0
    )
    check = run_cli(root, "check")
    assert check.returncode == 1  # the placeholders must be filled before anything is published
    assert "content/organizations/doan-moi.yaml:2:" in check.stderr and "“vi”" in check.stderr
