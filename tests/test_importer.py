"""Importing the seeds (plain-text exports of Word files) and a .docx into content files."""

from __future__ import annotations

import re
import zipfile

import pytest

from tests.conftest import ROOT, SEEDS, run_cli
from tests.test_example_site import seed_lines
from vankien import importer

# seed → (organization, document id, targets found, results found, headings in the hand conversion)
SEEDS_EXPECTED = {
    "so-tttt-tphcm-dai-hoi-2022.txt": ("so-tttt-tphcm", "dai-hoi-2022", 9, 5),
    "chi-doan-so-tttt-ha-tinh-dai-hoi-2022.txt": ("chi-doan-so-tttt-ha-tinh", "dai-hoi-2022", 8, 9),
    "quan-doan-binh-tan-chuong-trinh-2023.txt": ("quan-doan-binh-tan", "chuong-trinh-2023", 16, 0),
}


def squash(text: str) -> str:
    """Text without Markdown marks (the seeds' own *italic* and <links> included)."""
    text = re.sub(r"<(https?://[^>]+)>", r"\1", text).replace("*", "")
    return " ".join(re.sub(r"\\(?=[.)])|^#+ |\[\^\d+\]", "", text, flags=re.M).split()).casefold()


def hand_headings(org: str, doc: str) -> int:
    text = (ROOT / "content/documents" / org / f"{doc}.vi.md").read_text(encoding="utf-8")
    return sum(1 for line in text.split("---", 2)[2].splitlines() if line.startswith("#"))


@pytest.mark.parametrize("seed", SEEDS_EXPECTED)
def test_import_keeps_every_paragraph_and_finds_the_structure(seed):
    org, doc, targets, results = SEEDS_EXPECTED[seed]
    imported = importer.import_text(importer.read_source(SEEDS / seed))
    text = squash(importer.render(imported))
    missing = [
        line
        for line in seed_lines(seed)
        if squash(line) not in text and squash(re.sub(r"^\(?\d+[.)]\s*", "", line)) not in text
    ]
    assert missing == []
    assert (len(imported.targets), len(imported.results)) == (targets, results)
    assert imported.headings >= hand_headings(org, doc) - 1  # the hand conversion added one "PHỤ LỤC" heading
    assert "\ufffd" not in importer.render(imported) and "[bookmark:" not in importer.render(imported)


@pytest.mark.parametrize(
    "seed, period, reviews",
    [
        ("so-tttt-tphcm-dai-hoi-2022.txt", "{term: VI, from: 2022, to: 2027}", "{term: V, from: 2017, to: 2022}"),
        ("chi-doan-so-tttt-ha-tinh-dai-hoi-2022.txt", "{from: 2022, to: 2024}", "{term: I, from: 2019, to: 2022}"),
        ("quan-doan-binh-tan-chuong-trinh-2023.txt", "{year: 2023}", None),
    ],
)
def test_import_guesses_the_periods(seed, period, reviews):
    front = importer.import_text(importer.read_source(SEEDS / seed)).front
    assert (front.get("period"), front.get("reviews")) == (period, reviews)


def test_results_keep_the_reports_words_and_assessment():
    results = importer.import_text(importer.read_source(SEEDS / "chi-doan-so-tttt-ha-tinh-dai-hoi-2022.txt")).results
    assert [r["assessment"] for r in results].count("exceeded") == 3
    assert results[2]["assessment_text"] == "Chỉ tiêu này vượt"


def test_imported_file_builds_once_its_title_is_filled(site_factory):
    root = site_factory({"content/organizations/so-tttt-tphcm.yaml": "name: {vi: Đoàn Sở}\nlevel: doan-co-so\n"})
    made = run_cli(root, "import", str(SEEDS / "so-tttt-tphcm-dai-hoi-2022.txt"), "so-tttt-tphcm/dai-hoi-2022")
    assert made.returncode == 0, made.stderr
    assert "61 mục / sections, 9 chỉ tiêu / targets, 5 kết quả / results" in made.stdout
    path = root / "content/documents/so-tttt-tphcm/dai-hoi-2022.vi.md"
    check = run_cli(root, "check")
    assert check.returncode == 1 and "“title”" in check.stderr  # nothing guessed is published unchecked
    path.write_text(
        path.read_text(encoding="utf-8").replace("title:   # điền tiêu đề", "title: Báo cáo"), encoding="utf-8"
    )
    assert run_cli(root, "check").returncode == 0
    again = run_cli(root, "import", str(SEEDS / "so-tttt-tphcm-dai-hoi-2022.txt"), "so-tttt-tphcm/dai-hoi-2022")
    assert again.returncode == 1 and "not overwritten" in again.stderr


W = 'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"'


def make_docx(path):
    def p(*runs):
        return "<w:p>" + "".join(runs) + "</w:p>"

    def t(text):
        return f'<w:r><w:t xml:space="preserve">{text}</w:t></w:r>'

    note = '<w:r><w:footnoteReference w:id="2"/></w:r>'
    cell = lambda text: f"<w:tc>{p(t(text))}</w:tc>"  # noqa: E731
    body = (
        p(t("KẾ HOẠCH"))
        + p(t("Hoạt động tình nguyện năm 2024"))
        + p(t("I. MỤC ĐÍCH"))
        + p(t("Tổ chức 05 hoạt động tình nguyện"), note, t("; vận động đoàn viên tham gia."))
        + p(t("II. HỆ THỐNG CHỈ TIÊU"))
        + p(t("1. Ít nhất 500 lượt đoàn viên tham gia."))
        + "<w:tbl><w:tr>"
        + cell("1")
        + cell("Trồng 200 cây xanh")
        + cell("Trồng 250 cây")
        + cell("Vượt")
        + "</w:tr></w:tbl>"
    )
    document = f"<w:document {W}><w:body>{body}</w:body></w:document>"
    footnotes = (
        f'<w:footnotes {W}><w:footnote w:id="1"><w:p/></w:footnote>'
        f'<w:footnote w:id="2">{p(t("Gồm hiến máu và dọn vệ sinh."))}</w:footnote></w:footnotes>'
    )
    with zipfile.ZipFile(path, "w") as archive:
        archive.writestr("word/document.xml", document)
        archive.writestr("word/footnotes.xml", footnotes)


def test_docx_import_places_footnotes_and_reads_tables(tmp_path):
    make_docx(tmp_path / "ke-hoach.docx")
    imported = importer.import_text(importer.read_source(tmp_path / "ke-hoach.docx"))
    text = importer.render(imported)
    assert "Tổ chức 05 hoạt động tình nguyện[^1]; vận động đoàn viên tham gia." in text
    assert "[^1]: Gồm hiến máu và dọn vệ sinh." in text
    assert imported.front["kind"] == "plan" and imported.front["title"] == "Kế hoạch Hoạt động tình nguyện năm 2024"
    assert [t["text"] for t in imported.targets] == ["Ít nhất 500 lượt đoàn viên tham gia."]
    assert imported.results == [
        {
            "id": "ket-qua-1",
            "target": "Trồng 200 cây xanh",
            "result": "Trồng 250 cây",
            "assessment": "exceeded",
            "assessment_text": "Vượt",
        }
    ]
    assert "## I. MỤC ĐÍCH" in text and "[[targets]]" in text and "[[results]]" in text


def test_unreadable_source_is_an_editor_error(site_factory, tmp_path):
    root = site_factory()
    bad = tmp_path / "hong.docx"
    bad.write_bytes(b"not a zip")
    result = run_cli(root, "import", str(bad), "doan-a/moi")
    assert result.returncode == 1 and "Traceback" not in result.stderr and "cannot read it" in result.stderr
