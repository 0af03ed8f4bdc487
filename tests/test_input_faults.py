"""Hostile or broken input: each a clear path:line:col problem, never a traceback, a hang
or a file dropped in silence; `check` refuses whatever `build` would fail on."""

import os
import time

import pytest

from tests.conftest import run_cli
from vankien import pipeline, yamlsafe
from vankien.errors import BuildFailed

DOC = "content/documents/doan-a/dai-hoi.vi.md"
VALID_FRONT = "kind: congress-report\ntitle: Báo cáo\nperiod: {term: II, from: 2022, to: 2027}\n"


def doc(front: str, body: str = "Nội dung.\n") -> str:
    return f"---\n{front}---\n{body}"


def problems_of(root):
    with pytest.raises(BuildFailed) as failed:
        pipeline.run(root, stages=pipeline.CHECK_STAGES)
    return [(p.path, p.line, p.col, p.code, p.text("en")) for p in failed.value.problems]


# -- nothing dropped in silence (cases empty-front-matter / empty-org-file) -----------------


@pytest.mark.parametrize("front", ["", "# chưa điền\n", "\n\n"])
def test_empty_front_matter_is_reported_not_dropped(site_factory, front):
    root = site_factory({"content/documents/doan-a/trong.vi.md": doc(front, "Nội dung không được xuất bản.\n")})
    found = problems_of(root)
    missing = {p[4] for p in found if p[0].endswith("trong.vi.md") and p[1:3] == (1, 1)}
    assert missing == {f"required field “{key}” is missing" for key in ("kind", "title", "period")}, found


def test_empty_organization_file_is_reported_and_its_documents_are_not_lost(site_factory):
    root = site_factory(
        {
            "content/organizations/doan-b.yaml": "",
            "content/documents/doan-b/x.vi.md": doc("kind: plan\ntitle: Kế hoạch của Đoàn B\nperiod: {year: 2024}\n"),
        }
    )
    found = problems_of(root)
    org = [p for p in found if p[0] == "content/organizations/doan-b.yaml"]
    assert {p[4] for p in org} == {"required field “name” is missing", "required field “level” is missing"}
    assert not any("no organization" in p[4] for p in found)  # the document is not blamed for it
    result = run_cli(root, "check")
    assert result.returncode == 1 and "content/organizations/doan-b.yaml:1:1" in result.stderr


def test_front_matter_that_is_not_a_group_of_fields(site_factory):
    found = problems_of(site_factory({DOC: doc("just a sentence\n")}))
    assert [(p[1], p[3]) for p in found] == [(2, "VK101")]


# -- files that are not content (case emacs-lockfile) --------------------------------------


def test_editor_and_system_files_are_skipped_quietly(site_factory):
    root = site_factory(
        {
            "content/documents/doan-a/.dai-hoi.vi.md.swp": b"\x00binary swap",
            "content/documents/doan-a/dai-hoi.vi.md~": "--- old backup",
            "content/documents/doan-a/#dai-hoi.vi.md#": "autosave",
            "content/organizations/._doan-a.yaml": b"\x00\x05\x16\x07",
            "content/.DS_Store": b"\x00\x00\x00\x01Bud1",
            "content/documents/Thumbs.db": b"\xd0\xcf",
            "content/.git/HEAD": "ref: refs/heads/main",
        }
    )
    os.symlink("editor@host.12345:1700000000", root / "content/documents/doan-a/.#dai-hoi.vi.md")  # Emacs lock
    result = run_cli(root, "check")
    assert result.returncode == 0, result.stderr
    assert result.stderr == ""


def test_things_named_like_documents_that_are_not_files(site_factory, tmp_path):
    root = site_factory()
    folder = root / "content/documents/doan-a"
    (folder / "thu-muc.vi.md").mkdir()
    os.mkfifo(folder / "ong.vi.md")  # reading it would wait forever
    os.symlink("khong-co.vi.md", folder / "gay.vi.md")
    outside = tmp_path / "secret.vi.md"
    outside.write_text(doc(VALID_FRONT), encoding="utf-8")
    os.symlink(outside, folder / "ngoai.vi.md")
    found = {(p[0].rsplit("/", 1)[-1], p[3]) for p in problems_of(root)}
    assert found == {
        ("thu-muc.vi.md", "VK010"),
        ("ong.vi.md", "VK010"),
        ("gay.vi.md", "VK011"),
        ("ngoai.vi.md", "VK012"),
    }


def test_a_link_inside_the_project_is_followed(site_factory):
    root = site_factory({"shared/b.vi.md": doc(VALID_FRONT)})
    os.symlink(root / "shared/b.vi.md", root / "content/documents/doan-a/b.vi.md")
    build = pipeline.run(root, stages=pipeline.CHECK_STAGES)
    assert {d.id for d in build.site.documents} == {"dai-hoi", "b"}


def test_a_link_to_a_content_folder_does_not_take_the_folder_away(site_factory):
    """A link under documents/ to organizations/ (walked first, in name order) is not where the
    organizations are read from: they are read in their own place, once, and nothing is reported."""
    root = site_factory()
    os.symlink(root / "content/organizations", root / "content/documents/doan-a/to-chuc", target_is_directory=True)
    os.symlink(root / "content/documents", root / "content/documents/doan-a/vong", target_is_directory=True)  # a loop
    build = pipeline.run(root, stages=pipeline.CHECK_STAGES)  # no error (it would raise BuildFailed)
    assert set(build.site.organizations) == {"doan-a"} and {d.id for d in build.site.documents} == {"dai-hoi"}
    assert build.diagnostics.warnings == []


def test_a_folder_that_cannot_be_read_is_reported_not_passed_over(site_factory, monkeypatch):
    root = site_factory({"content/documents/doan-b/dai-hoi.vi.md": doc(VALID_FRONT)})
    locked = str(root / "content/documents/doan-b")
    scandir = os.scandir

    def refusing(path):  # as for a folder chmod 000 (root, who runs the tests, can read anything)
        if str(path) == locked:
            raise PermissionError(13, "Permission denied")
        return scandir(path)

    monkeypatch.setattr(os, "scandir", refusing)
    found = [(p[0], p[3], p[4]) for p in problems_of(root)]
    assert (
        "content/documents/doan-b",
        "VK019",
        "the folder cannot be read: Permission denied; none of its files would be published",
    ) in found


def test_files_in_the_wrong_place_are_reported(site_factory):
    root = site_factory(
        {
            "content/organizations/doan-b.yml": "name: B\nlevel: chi-doan\n",
            "content/documents/ghi-chu.md": "notes",
            # extensions in capitals, as some Windows tools save them: meant as content, never passed over
            "content/organizations/doan-c.YAML": "name: C\nlevel: chi-doan\n",
            "content/documents/doan-a/ke-hoach.VI.MD": doc(VALID_FRONT),
            "content/documents/GHI-CHU.MD": "notes",
        }
    )
    found = problems_of(root)
    assert {(p[0], p[3]) for p in found} == {
        ("content/organizations/doan-b.yml", "VK016"),
        ("content/documents/ghi-chu.md", "VK016"),
        ("content/organizations/doan-c.YAML", "VK016"),
        ("content/documents/doan-a/ke-hoach.VI.MD", "VK014"),
        ("content/documents/GHI-CHU.MD", "VK016"),
    }
    check = run_cli(root, "check").stderr
    assert "rename it to doan-b.yaml" in check and "rename it to doan-c.yaml" in check


def test_other_files_are_a_warning_and_strict_fails_on_warnings(site_factory):
    root = site_factory({"content/anh.png": b"\x89PNG"})
    check = run_cli(root, "check")
    assert check.returncode == 0 and "valid" in check.stdout
    assert "content/anh.png:1:1: cảnh báo:" in check.stderr and "[VK013]" in check.stderr
    strict = run_cli(root, "build", "--strict")
    assert strict.returncode == 1 and "1 warning(s) (--strict)" in strict.stderr
    assert not (root / "site").exists()  # nothing written
    assert run_cli(root, "--strict", "check").returncode == 1  # before or after the command
    quiet = run_cli(root, "check", "-q")
    assert quiet.returncode == 0 and quiet.stdout == quiet.stderr == ""
    verbose = run_cli(root, "check", "-v")
    assert "validate" in verbose.stdout and " s," in verbose.stdout


def test_default_language_is_no_longer_used(site_factory):
    root = site_factory({"config.yaml": "title: {vi: Thử}\nbase_url: https://example.org/\ndefault_language: vi\n"})
    check = run_cli(root, "check")
    assert check.returncode == 0 and "config.yaml:3:1: cảnh báo:" in check.stderr and "[VK120]" in check.stderr
    assert run_cli(root, "check", "--strict").returncode == 1


# -- the YAML loader cannot be made to blow up -------------------------------------------


def test_billion_laughs_is_refused_at_once():
    lol = "a: &a [lol, lol, lol, lol, lol, lol, lol, lol, lol]\n" + "".join(
        f"{n}: &{n} [*{p}, *{p}, *{p}, *{p}, *{p}, *{p}, *{p}, *{p}, *{p}]\n"
        for p, n in zip("abcdefgh", "bcdefghi", strict=False)
    )
    started = time.perf_counter()
    value, problems = yamlsafe.load(lol, "t.yaml")
    assert time.perf_counter() - started < 1  # not a benchmark: expanding it would take hours
    assert value is None and [(p.line, p.col, p.code) for p in problems] == [(1, 4, "VK004")]


def test_deep_nesting_is_refused_with_its_line():
    value, problems = yamlsafe.load("a: b\nc: " + "[" * 100_000 + "]" * 100_000 + "\n", "t.yaml")
    assert value is None and (problems[0].line, problems[0].code) == (2, "VK005")


def test_raw_control_character_in_yaml_is_reported_where_it_is(site_factory):
    found = problems_of(site_factory({DOC: doc("kind: plan\ntitle: Báo\x07 cáo\nperiod: {year: 2023}\n")}))
    assert [(p[1], p[2], p[3]) for p in found] == [(3, 11, "VK006")]
    assert "U+0007" in found[0][4]


@pytest.mark.parametrize("escaped", ["\\x07", "\\x85", "\\e", "\\x1b[31m"])
def test_escaped_control_characters_never_reach_the_pages_or_the_feed(site_factory, escaped):
    found = problems_of(site_factory({DOC: doc(f'kind: plan\ntitle: "Báo{escaped} cáo"\nperiod: {{year: 2023}}\n')}))
    assert [(p[1], p[2], p[3]) for p in found] == [(3, 8, "VK006")]


def test_control_character_in_the_body(site_factory):
    found = problems_of(site_factory({DOC: doc(VALID_FRONT, "Dòng một.\n\nDòng\x0c hai.\n")}))
    assert [(p[1], p[2], p[3]) for p in found] == [(8, 5, "VK006")]


def test_unclosed_quote_is_reported_on_its_own_line(site_factory):
    front = 'kind: plan\nperiod: {year: 2023}\ntitle: "Kế hoạch\nplace: Hà Tĩnh\n' + "theme: x\n" * 8
    found = problems_of(site_factory({DOC: doc(front)}))
    assert [(p[1], p[2], p[3]) for p in found] == [(4, 8, "VK002")]
    assert "that starts here: is it closed?" in found[0][4]


@pytest.mark.parametrize("front, line", [("period: {year: 2024\n\n\n", 4), ("period: [2024\n\n\n", 4)])
def test_an_unclosed_bracket_is_reported_where_it_opens(site_factory, front, line):
    found = problems_of(site_factory({DOC: doc("kind: plan\ntitle: Kế hoạch\n" + front)}))
    assert [(p[1], p[3]) for p in found] == [(line, "VK002")]


# -- exit 3 yesterday, a clear problem today ----------------------------------------------


@pytest.mark.parametrize(
    "members, words", [("²", "count “²” is not valid"), ("٣", "count “٣” is not valid"), ("12345678901", "count")]
)
def test_a_count_is_ascii_digits(site_factory, members, words):
    org = f"name: {{vi: Đoàn A}}\nlevel: doan-co-so\nmembers: {{count: '{members}', year: 2022}}\n"
    found = problems_of(site_factory({"content/organizations/doan-a.yaml": org}))
    assert [(p[1], p[3]) for p in found] == [(3, "VK112")] and words in found[0][4]


def test_a_100k_character_word_in_a_title(site_factory):
    found = problems_of(
        site_factory({DOC: doc(f"kind: plan\ntitle: Báo cáo {'a' * 100_000}\nperiod: {{year: 2023}}\n")})
    )
    assert [(p[1], p[2], p[3]) for p in found] == [(3, 8, "VK117")]


def test_a_very_long_word_in_a_title(site_factory):
    found = problems_of(site_factory({DOC: doc(f"kind: plan\ntitle: Báo cáo {'a' * 200}\nperiod: {{year: 2023}}\n")}))
    assert [(p[1], p[2], p[3]) for p in found] == [(3, 8, "VK118")]


def test_a_title_written_on_two_lines_is_one_line(site_factory, tmp_path):
    front = "kind: congress-report\ntitle: |\n  BÁO CÁO\n  Kết quả thực hiện Nghị quyết\nperiod: {year: 2023}\n"
    root = site_factory({DOC: doc(front)})
    build = pipeline.run(root, tmp_path / "out")  # the share image is drawn: no crash
    assert build.site.documents[0].title == "BÁO CÁO Kết quả thực hiện Nghị quyết"
    assert (tmp_path / "out/doan-a/dai-hoi/index.html").exists()


@pytest.mark.parametrize(
    "target",
    [
        "    text: Kết nạp 12345678901234567890123456 đoàn viên\n",
        "    text: Kết nạp đoàn viên\n    measures:\n      - {value: '12345678901234567890123456'}\n",
    ],
)
def test_a_26_digit_figure_is_refused_by_check(site_factory, target):
    root = site_factory({DOC: doc(VALID_FRONT + "targets:\n  - id: a\n" + target)})
    found = problems_of(root)
    assert [p[3] for p in found] == ["VK119"] and found[0][1] in (6, 7, 9)
    assert run_cli(root, "check").returncode == 1


# -- no false follow-on problems -------------------------------------------------------------


@pytest.mark.parametrize(
    "topics",
    [
        "party-admission:\n  vi: Kết nạp Đảng\nKet Nap: {vi: X}\n",  # one bad key among good ones
        "- party-admission\n",  # not a group of fields at all
        "party-admission:\n  vi: [Kết nạp\n",  # not YAML
    ],
)
def test_a_broken_topics_file_is_reported_once_not_at_every_target(site_factory, topics):
    target = "  - id: b\n    topic: party-admission\n    text: Kết nạp 05 đoàn viên\n"
    root = site_factory({"content/topics.yaml": topics, DOC: doc(VALID_FRONT + "targets:\n" + target)})
    found = problems_of(root)
    assert [p[0] for p in found] == ["content/topics.yaml"], found


def test_a_yaml_error_in_the_source_does_not_orphan_its_translation(site_factory):
    root = site_factory(
        {
            DOC: doc("kind: plan\ntitle: [a\nperiod: {year: 2023}\n"),
            "content/documents/doan-a/dai-hoi.en.md": "---\nsource: abc\ntitle: Report\n---\nBody.\n",
        }
    )
    found = problems_of(root)
    assert [p[0] for p in found] == [DOC], found


def test_a_target_missing_its_text_does_not_make_its_translation_wrong(site_factory):
    root = site_factory(
        {
            DOC: doc(VALID_FRONT + "targets:\n  - id: a\n"),
            "content/documents/doan-a/dai-hoi.en.md": "---\nsource: abc\ntargets:\n  a: Admit members\n---\n",
        }
    )
    found = problems_of(root)
    assert [(p[0], p[3]) for p in found] == [(DOC, "VK106")], found


def test_a_translation_without_its_source_is_still_reported(site_factory):
    root = site_factory({"content/documents/doan-a/khong-co.en.md": "---\nsource: abc\n---\n"})
    assert [p[3] for p in problems_of(root)] == ["VK301"]


def test_a_site_with_no_organization_is_refused_by_check_as_by_build(site_factory):
    root = site_factory({"content/organizations/doan-a.yaml": None, "content/documents/doan-a/dai-hoi.vi.md": None})
    check = run_cli(root, "check")
    assert check.returncode == 1 and "content/organizations:1:1:" in check.stderr and "[VK017]" in check.stderr
    assert "build.py new --org" in check.stderr
    build = run_cli(root, "build")
    assert build.returncode == 1 and "[VK017]" in build.stderr and "Pagefind" not in build.stderr
    assert not (root / "site").exists()


@pytest.mark.parametrize("base_url", ["https://example.org/?fbclid=abc", "https://example.org/vankien/#trang-chu"])
def test_a_site_address_with_a_query_or_fragment_is_refused(site_factory, base_url):
    root = site_factory(
        {
            "config.yaml": f"title: {{vi: Thử}}\nbase_url: {base_url}\n",
            # a fanpage address may keep its query: it is a link, not the base of every page
            "content/organizations/doan-a.yaml": "name: {vi: Đoàn A}\nlevel: doan-co-so\n"
            "fanpage: https://www.facebook.com/profile.php?id=100064\n",
        }
    )
    assert [(p[0], p[1], p[2], p[3]) for p in problems_of(root)] == [("config.yaml", 2, 11, "VK123")]


# -- footnotes that would not print as written -----------------------------------------------


def test_a_footnote_nothing_refers_to_or_a_reference_to_no_footnote_is_an_error(site_factory):
    body = "Kết nạp[^1] và tặng quà[^2]; `[^9]` là mã.\n\n[^1]: Theo Nghị quyết.\n[^3]: Chú thích bị bỏ sót.\n"
    root = site_factory({DOC: doc(VALID_FRONT, body)})
    found = [(p[1], p[2], p[3]) for p in problems_of(root)]  # the body starts on line 6
    assert sorted(found) == [(6, 24, "VK210"), (9, 1, "VK209")], found
    written = body.replace("[^2]", "[^3]")  # the editor places the lost note where it belongs
    translation = "---\nsource: abc\ntitle: Report\n---\nAdmitted[^1].\n\n[^1]: Resolution.\n[^4]: Lost note.\n"
    root = site_factory({DOC: doc(VALID_FRONT, written), "content/documents/doan-a/dai-hoi.en.md": translation})
    assert [(p[0].rsplit("/", 1)[1], p[1], p[2], p[3]) for p in problems_of(root)] == [("dai-hoi.en.md", 8, 1, "VK209")]
    root = site_factory({DOC: doc(VALID_FRONT, written), "content/documents/doan-a/dai-hoi.en.md": None})
    pipeline.run(root, root / "site")
    page = (root / "site/doan-a/dai-hoi/index.html").read_text(encoding="utf-8")
    assert "Chú thích bị bỏ sót." in page and "[^" not in page.replace("<code>[^9]</code>", "")


def test_a_table_placed_twice_is_an_error_at_the_second_mark(site_factory):
    front = VALID_FRONT + "targets:\n  - id: a\n    text: Kết nạp 05 đoàn viên\n"
    root = site_factory({DOC: doc(front, "[[targets]]\n\nVăn bản.\n\n[[targets]]\n")})
    found = [(p[1], p[2], p[3], p[4]) for p in problems_of(root)]  # the body starts on line 9
    assert found == [
        (13, 1, "VK211", "[[targets]] is already on line 9: the table is placed once, this line would be ignored")
    ]


def test_a_mark_that_is_no_table_mark_is_an_error_where_it_stands(site_factory):
    """`[[target]]` (one letter short) or `[[bang chi tieu]]` is replaced by nothing: the page
    would print it. Reported at its column, in the document and in its translation alike."""
    front = VALID_FRONT + "targets:\n  - id: a\n    text: Kết nạp 05 đoàn viên\n"
    body = "[[target]]\n\nXem [[bảng chỉ tiêu]] dưới đây; [[1]] là chú dẫn.\n\n[[targets]]\n"
    root = site_factory({DOC: doc(front, body)})
    found = [(p[1], p[2], p[3], p[4]) for p in problems_of(root)]  # the body starts on line 9
    assert found == [
        (9, 1, "VK212", "[[target]] is not a table mark: the page would print “[[target]]” as it is"),
        (11, 5, "VK212", "[[bảng chỉ tiêu]] is not a table mark: the page would print “[[bảng chỉ tiêu]]” as it is"),
    ]
    translation = "---\nsource: abc\ntitle: Report\n---\n[[Result]]\n"
    root = site_factory({DOC: doc(front, "[[targets]]\n"), "content/documents/doan-a/dai-hoi.en.md": translation})
    found = [(p[0].rsplit("/", 1)[1], p[1], p[2], p[3]) for p in problems_of(root)]
    assert found == [("dai-hoi.en.md", 5, 1, "VK212")]
