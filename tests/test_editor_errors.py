"""What an editor reads when the content is wrong: one error per mistake, at its line — no
follow-on errors about a translation because its Vietnamese source has a problem of its own."""

from __future__ import annotations

import re

import pytest

from tests.conftest import run_cli

SOURCE_BAD_YAML = (
    '---\nkind: plan\ntitle: Kế hoạch\nperiod: {year: 2024}\ntheme: "Tuổi trẻ\n'
    "targets:\n  - id: a\n    text: Ít nhất 05 đoàn viên\n  - id: b\n    text: 300 lượt\n"
    "signature: |\n  BÍ THƯ\n  Nguyễn Văn A\n---\nNội dung.\n"
)
SOURCE_TARGET_WITHOUT_TEXT = (
    "---\nkind: plan\ntitle: Kế hoạch\nperiod: {year: 2024}\n"
    "targets:\n  - id: a\n  - id: b\n    text: Ít nhất 05 đoàn viên\n"
    "results:\n  - id: r\n    assessment: dat\n---\nNội dung.\n"
)
TRANSLATION = "---\nsource: abc\ntitle: Plan\ntargets:\n  a: At least 5 members\n  b: 300 times\n---\nContent.\n"


def errors(result) -> list[str]:
    return [line.strip() for line in result.stdout.splitlines() + result.stderr.splitlines() if "error:" in line]


def test_yaml_error_in_the_source_is_reported_once_at_the_line_of_the_open_quote(site_factory):
    root = site_factory(
        {"content/documents/doan-a/k.vi.md": SOURCE_BAD_YAML, "content/documents/doan-a/k.en.md": TRANSLATION}
    )
    result = run_cli(root, "check")
    assert result.returncode == 1
    assert len(errors(result)) == 1, result.stdout + result.stderr
    assert "content/documents/doan-a/k.vi.md:5:8:" in result.stdout + result.stderr  # the quote opens on line 5
    assert "k.en.md" not in result.stdout + result.stderr  # no "this translation has no Vietnamese source"


def test_a_target_without_text_is_the_only_error(site_factory):
    translation = TRANSLATION.replace("---\nContent", "results:\n  r:\n    target: Result\n---\nContent")
    root = site_factory(
        {
            "content/documents/doan-a/k.vi.md": SOURCE_TARGET_WITHOUT_TEXT,
            "content/documents/doan-a/k.en.md": translation,
        }
    )
    result = run_cli(root, "check")
    assert result.returncode == 1
    output = result.stdout + result.stderr
    assert "content/documents/doan-a/k.vi.md:6:5:" in output and "“text”" in output  # the target lacking text
    assert "k.en.md" not in output  # the translation is not blamed for the source's mistakes


def test_a_translation_of_no_document_is_still_reported(site_factory):
    root = site_factory({"content/documents/doan-a/khong-co.en.md": TRANSLATION})
    result = run_cli(root, "check")
    assert result.returncode == 1 and "no Vietnamese source" in result.stdout + result.stderr


def test_a_translated_id_the_source_never_had_is_still_reported(site_factory):
    root = site_factory(
        {"content/documents/doan-a/dai-hoi.en.md": "---\nsource: abc\ntargets:\n  khong-co: Nothing\n---\n"}
    )
    result = run_cli(root, "check")
    assert result.returncode == 1 and "not in the source's targets" in result.stdout + result.stderr


@pytest.mark.parametrize(
    "yaml_text, line",
    [
        ("kind: plan\ntitle: 'Kế hoạch\nperiod: {year: 2024}\n\n\n\n", 3),
        ("kind: plan\ntitle: Kế hoạch\nperiod: {year: 2024\n\n\n", 4),
        ("kind: plan\ntitle: Kế hoạch\nperiod: [2024\n\n\n", 4),
    ],
)
def test_an_unclosed_quote_or_bracket_is_reported_where_it_opens(site_factory, yaml_text, line):
    root = site_factory({"content/documents/doan-a/k.vi.md": "---\n" + yaml_text + "---\nNội dung.\n"})
    result = run_cli(root, "check")
    assert result.returncode == 1
    assert f"content/documents/doan-a/k.vi.md:{line}:" in result.stdout + result.stderr


def test_a_link_to_outside_the_project_is_refused_not_published(site_factory, tmp_path):
    secret = tmp_path / "outside" / "secret.vi.md"
    secret.parent.mkdir()
    secret.write_text(
        "---\nkind: plan\ntitle: Bí mật\nperiod: {year: 2024}\n---\nMật khẩu: hunter2\n", encoding="utf-8"
    )
    root = site_factory()
    (root / "content/documents/doan-a/lien-ket.vi.md").symlink_to(secret)
    (root / "content/documents/doan-b").symlink_to(secret.parent, target_is_directory=True)
    (root / "content/documents/doan-a/ban-sao.vi.md").symlink_to(root / "content/documents/doan-a/dai-hoi.vi.md")
    result = run_cli(root, "build")
    assert result.returncode == 1
    output = result.stdout + result.stderr
    assert "content/documents/doan-a/lien-ket.vi.md:1:1:" in output and "link to outside the project" in output
    assert re.search(r"content/documents/doan-b\S*:1:1:", output)  # the linked folder, or the file in it
    assert "ban-sao" not in output  # a link inside the project is fine
    assert not (root / "site").exists() or "hunter2" not in "".join(
        p.read_text(errors="replace") for p in (root / "site").rglob("*.html")
    )


def test_a_placement_mark_inside_a_translated_sentence_is_reported(site_factory):
    translation = "---\nsource: abc\ntitle: Report\n---\n## I. PART ONE\n\nThe targets: [[targets]]\n"
    root = site_factory({"content/documents/doan-a/dai-hoi.en.md": translation})
    result = run_cli(root, "check")
    assert result.returncode == 1
    assert "content/documents/doan-a/dai-hoi.en.md:7:14:" in result.stdout + result.stderr
