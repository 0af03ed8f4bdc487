"""Word files built in the test (tests/docxmaker.py) with what real documents use: automatic
numbering, content controls, line breaks, non-breaking and soft hyphens, footnotes and endnotes,
merged and empty table cells. One test per case of the import cases (auto numbering, content
control, line break, non-breaking hyphen), then the other features."""

from __future__ import annotations

from tests.conftest import run_cli
from tests.docxmaker import cell, make_docx, numbering_level, p, r, row, table
from vankien import importer, numbers

TARGETS = ["Kết nạp ít nhất 05 đoàn viên mới.", "Tổ chức 01 - 02 lần/năm sinh hoạt chuyên đề.", "Tặng 30 suất quà."]
ROMAN_AND_DECIMAL = (
    '<w:abstractNum w:abstractNumId="0">' + numbering_level(0, "upperRoman", "%1.") + "</w:abstractNum>"
    '<w:abstractNum w:abstractNumId="1">' + numbering_level(0, "decimal", "%1.") + "</w:abstractNum>"
    '<w:num w:numId="1"><w:abstractNumId w:val="0"/></w:num>'
    '<w:num w:numId="2"><w:abstractNumId w:val="1"/></w:num>'
    '<w:num w:numId="3"><w:abstractNumId w:val="1"/>'
    '<w:lvlOverride w:ilvl="0"><w:startOverride w:val="1"/></w:lvlOverride></w:num>'
)


def plan_body(numbered: bool) -> str:
    """The import case's plan: two headings, two tasks, three targets; numbers typed or automatic."""

    def para(label: str, text: str, num: tuple[int, int]) -> str:
        return p(text, numbered=num) if numbered else p(f"{label} {text}")

    return (
        p("KẾ HOẠCH")
        + p("Công tác Đoàn và phong trào thanh niên năm 2024")
        + para("I.", "NHIỆM VỤ TRỌNG TÂM", (1, 0))
        + para("1.", "Tổ chức học tập nghị quyết cho đoàn viên", (2, 0))
        + para("2.", "Đẩy mạnh chuyển đổi số trong chi đoàn", (2, 0))
        + para("II.", "HỆ THỐNG CHỈ TIÊU", (1, 0))
        + "".join(para(f"{n}.", text, (3, 0)) for n, text in enumerate(TARGETS, start=1))
    )


def test_automatic_numbering_imports_like_typed_numbering(tmp_path):
    typed = importer.import_file(make_docx(tmp_path / "literal.docx", plan_body(numbered=False)))
    auto = importer.import_file(make_docx(tmp_path / "auto.docx", plan_body(numbered=True), ROMAN_AND_DECIMAL))
    assert importer.render(auto) == importer.render(typed)
    assert [t["text"] for t in auto.targets] == TARGETS
    assert auto.headings == 4 and "## II. HỆ THỐNG CHỈ TIÊU" in auto.body
    assert "### 2. Đẩy mạnh chuyển đổi số trong chi đoàn" in auto.body


def test_multilevel_numbering_from_a_heading_style(tmp_path):
    """ "1.1." lvlText with %1.%2., numbering given by the paragraph style (Heading 2), a, b, c
    restarting under every parent: as Word shows them."""
    levels = numbering_level(0, "decimal", "%1.") + numbering_level(1, "decimal", "%1.%2.")
    levels += numbering_level(2, "lowerLetter", "%3)")
    numbering = f'<w:abstractNum w:abstractNumId="5">{levels}</w:abstractNum><w:num w:numId="7"><w:abstractNumId w:val="5"/></w:num>'
    styles = (
        '<w:style w:type="paragraph" w:styleId="Heading2"><w:pPr><w:numPr><w:ilvl w:val="1"/>'
        '<w:numId w:val="7"/></w:numPr></w:pPr></w:style>'
    )
    body = (
        p("Công tác giáo dục", numbered=(7, 0))
        + p("Học tập nghị quyết", style="Heading2")
        + p("Đoàn viên", numbered=(7, 2))
        + p("Thanh niên", numbered=(7, 2))
        + p("Giáo dục truyền thống", style="Heading2")
        + p("Thiếu nhi", numbered=(7, 2))
        + p("Công tác tổ chức", numbered=(7, 0))
        + p("Phát triển đoàn viên", style="Heading2")
    )
    imported = importer.import_file(make_docx(tmp_path / "ml.docx", body, numbering, styles=styles))
    headings = [line for line in imported.body if line.startswith("#")]
    assert headings == [
        "## 1. Công tác giáo dục",
        "### 1.1. Học tập nghị quyết",
        "#### a) Đoàn viên",
        "#### b) Thanh niên",
        "### 1.2. Giáo dục truyền thống",
        "#### a) Thiếu nhi",
        "## 2. Công tác tổ chức",
        "### 2.1. Phát triển đoàn viên",
    ]


def test_content_controls_are_read_like_the_body(tmp_path):
    """Block-level content controls (cover pages, agency templates) and inline date controls."""
    sdt = lambda inner: f"<w:sdt><w:sdtPr><w:alias w:val='x'/></w:sdtPr><w:sdtContent>{inner}</w:sdtContent></w:sdt>"  # noqa: E731
    body = (
        sdt(p("CHƯƠNG TRÌNH") + p("Công tác Đoàn và phong trào thanh thiếu nhi năm 2024"))
        + p("I. NHIỆM VỤ TRỌNG TÂM")
        + p("Triển khai học tập nghị quyết đến toàn thể đoàn viên.")
        + p("II. HỆ THỐNG CHỈ TIÊU")
        + sdt(p("1. Kết nạp ít nhất 05 đoàn viên mới.") + p("2. Tặng 30 suất quà cho thiếu nhi."))
        + p("3. Tổ chức 01 - 02 lần/năm sinh hoạt chuyên đề.")
        + p("Ban hành ngày ", f"<w:sdt><w:sdtContent>{r('15/01/2024')}</w:sdtContent></w:sdt>", " tại Hà Tĩnh.")
    )
    imported = importer.import_file(make_docx(tmp_path / "sdt.docx", body))
    assert imported.front["title"] == "Chương trình Công tác Đoàn và phong trào thanh thiếu nhi năm 2024"
    assert imported.front["kind"] == "annual-program" and "kind" not in imported.guesses
    assert [t["text"] for t in imported.targets] == [
        "Kết nạp ít nhất 05 đoàn viên mới.",
        "Tặng 30 suất quà cho thiếu nhi.",
        "Tổ chức 01 - 02 lần/năm sinh hoạt chuyên đề.",
    ]
    assert "Ban hành ngày 15/01/2024 tại Hà Tĩnh." in imported.body


def test_line_breaks_stay_line_breaks(tmp_path):
    br = r(extra="<w:br/>")
    body = (
        p("CHƯƠNG TRÌNH")
        + p("Công tác Đoàn năm 2024")
        + p("I. NHIỆM VỤ TRỌNG TÂM")
        + p("Đẩy mạnh học tập nghị quyết", br, "Tăng cường chuyển đổi số trong chi đoàn")
        + p("II. HỆ THỐNG CHỈ TIÊU")
        + p("1. Kết nạp ít nhất 05 đoàn viên mới", br, "100% chi đoàn sinh hoạt định kỳ.")
        + p("Nơi nhận:", br, "- Thành Đoàn;", br, "- Lưu VP.")
    )
    imported = importer.import_file(make_docx(tmp_path / "br.docx", body))
    target = imported.targets[0]["text"]
    assert target == "Kết nạp ít nhất 05 đoàn viên mới\n100% chi đoàn sinh hoạt định kỳ."
    assert {m.value for m in numbers.parse(target)} == {5, 100}  # glued, "mới100%" hid the 100%
    assert "Đẩy mạnh học tập nghị quyết" in imported.body and "Tăng cường chuyển đổi số trong chi đoàn" in imported.body
    assert imported.front["distribution"] == ["Thành Đoàn;", "Lưu VP."]
    assert "\\n100% chi đoàn" in importer.render(imported)  # one YAML line, the break kept


def test_non_breaking_and_soft_hyphens_read_as_word_shows_them(tmp_path):
    nbh, soft = r(extra="<w:noBreakHyphen/>"), r(extra="<w:softHyphen/>")
    body = (
        p("CHƯƠNG TRÌNH")
        + p("Công tác Đoàn năm 2024")
        + p("I. HỆ THỐNG CHỈ TIÊU")
        + p("1. Tổ chức 01", nbh, "02 lần/năm sinh hoạt chuyên đề.")
        + p("2. Tặng 30", nbh, "40 suất quà cho thiếu", soft, " nhi.")
        + p("3. Kết nạp ít nhất 05 đoàn viên mới.")
    )
    imported = importer.import_file(make_docx(tmp_path / "nbh.docx", body))
    texts = [t["text"] for t in imported.targets]
    assert texts[:2] == ["Tổ chức 01-02 lần/năm sinh hoạt chuyên đề.", "Tặng 30-40 suất quà cho thiếu nhi."]
    ranges = [numbers.parse(text)[0] for text in texts[:2]]
    assert [(m.op, m.value, m.value_max) for m in ranges] == [("range", 1, 2), ("range", 30, 40)]


def test_footnotes_and_endnotes_at_their_references(tmp_path):
    body = (
        p("KẾ HOẠCH")
        + p("Hoạt động tình nguyện năm 2024")
        + p("I. MỤC ĐÍCH")
        + p("Tổ chức 05 hoạt động", r(extra='<w:footnoteReference w:id="2"/>'), "; vận động đoàn viên tham gia.")
        + p("Báo cáo kết quả", r(extra='<w:endnoteReference w:id="3"/>'), " vào cuối năm.")
    )
    docx = make_docx(tmp_path / "notes.docx", body, footnotes={2: "Gồm hiến máu."}, endnotes={3: "Theo mẫu 02."})
    imported = importer.import_file(docx)
    text = importer.render(imported)
    assert "Tổ chức 05 hoạt động[^1]; vận động đoàn viên tham gia." in text
    assert "Báo cáo kết quả[^2] vào cuối năm." in text
    assert "[^1]: Gồm hiến máu." in text and "[^2]: Theo mẫu 02." in text
    assert not any(g.startswith("footnote") for g in imported.guesses)


def test_merged_and_empty_cells_keep_the_columns_of_a_results_table(tmp_path):
    """Columns in any order, read by the header; a merged TT cell, an empty result, a row-spanning group."""
    rows = table(
        row("TT", "Đánh giá", "Nội dung chỉ tiêu", "Kết quả"),
        row(cell("I. Về giáo dục", span=4)),
        row(cell("1", merge="restart"), "Vượt", "Kết nạp 50 đoàn viên mới", "62 đoàn viên"),
        row(cell(merge="continue"), "Đạt", "100% chi đoàn sinh hoạt", cell()),
        row("2", "Không đạt", "Tặng 30 suất quà", "20 suất quà"),
    )
    body = p("BÁO CÁO") + p("Tổng kết năm 2024") + p("I. KẾT QUẢ THỰC HIỆN CHỈ TIÊU") + rows
    imported = importer.import_file(make_docx(tmp_path / "merged.docx", body))
    assert [(e["target"], e.get("result"), e["assessment"]) for e in imported.results] == [
        ("Kết nạp 50 đoàn viên mới", "62 đoàn viên", "exceeded"),
        ("100% chi đoàn sinh hoạt", None, "achieved"),
        ("Tặng 30 suất quà", "20 suất quà", "not-achieved"),
    ]
    rendered = importer.render(imported)
    assert "I. Về giáo dục" in rendered and "TT | Đánh giá | Nội dung chỉ tiêu | Kết quả" in rendered


def test_a_table_that_holds_no_results_stays_a_table(tmp_path):
    body = p("I. LỊCH") + table(row("Tháng", "Hoạt động"), row("3", "Tháng Thanh niên"), row("7", "Hè tình nguyện"))
    imported = importer.import_file(make_docx(tmp_path / "lich.docx", body))
    assert imported.results == []
    assert "| Tháng | Hoạt động |" in imported.body and "| 7 | Hè tình nguyện |" in imported.body


def test_the_header_in_a_table_and_the_imported_file_checks(site_factory, tmp_path):
    header = table(
        row("BAN CHẤP HÀNH ĐOÀN TỈNH HÀ TĨNH", "ĐOÀN TNCS HỒ CHÍ MINH"),
        row(cell(p("Số: 53", r(extra="<w:noBreakHyphen/>"), "KH/TĐTN")), "Hà Tĩnh, ngày 28 tháng 4 năm 2023"),
    )
    body = header + p("KẾ HOẠCH") + p("Tháng Thanh niên năm 2023") + p("I. CHỈ TIÊU") + p("1. Tặng 30 suất quà.")
    docx = make_docx(tmp_path / "kh.docx", body)
    root = site_factory({"content/organizations/tinh-doan-ha-tinh.yaml": "name: {vi: Tỉnh Đoàn}\nlevel: tinh-thanh\n"})
    made = run_cli(root, "import", str(docx), "tinh-doan-ha-tinh/ke-hoach-53")
    assert made.returncode == 0, made.stderr
    text = (root / "content/documents/tinh-doan-ha-tinh/ke-hoach-53.vi.md").read_text(encoding="utf-8")
    for line in ('number: "53-KH/TĐTN"', "issued: 2023-04-28", 'place: "Hà Tĩnh"', "kind: plan"):
        assert line in text
    assert 'title: "Kế hoạch Tháng Thanh niên năm 2023"' in text
    assert '  - "BAN CHẤP HÀNH ĐOÀN TỈNH HÀ TĨNH"' in text


def test_every_word_of_a_word_file_is_in_the_content_file(tmp_path):
    """Header table, automatic numbering, notes, a results table with a merged cell, a data table,
    the closing block: the source's words all end up in the file."""
    from tests.test_importer import words

    header = table(
        row("BAN CHẤP HÀNH ĐOÀN TỈNH HÀ TĨNH", "ĐOÀN TNCS HỒ CHÍ MINH"),
        row("Số: 53-KH/TĐTN", "Hà Tĩnh, ngày 28 tháng 4 năm 2023"),
    )
    texts = {
        "body": ["KẾ HOẠCH", "Tháng Thanh niên năm 2023", "Căn cứ Điều lệ Đoàn."],
        "numbered": ["MỤC ĐÍCH", "Tạo khí thế thi đua", "KẾT QUẢ THỰC HIỆN CHỈ TIÊU"],
        "cells": ["TT", "Nội dung", "Kết quả", "Đánh giá", "1", "Kết nạp 50 đoàn viên", "62 đoàn viên", "Vượt"],
        "data": ["Tháng", "Hoạt động", "3", "Ra quân tình nguyện"],
        "notes": ["Gồm cả đoàn viên khối trường học."],
        "closing": ["Nơi nhận:", "- Thành Đoàn;", "TM. BAN THƯỜNG VỤ", "BÍ THƯ", "Trần Văn B"],
    }
    body = header + "".join(p(t) for t in texts["body"])
    body += p(texts["numbered"][0], numbered=(1, 0)) + p(texts["numbered"][1], numbered=(2, 0))
    body += p(texts["numbered"][2], numbered=(1, 0))
    c = texts["cells"]
    body += table(row(*c[:4]), row(c[4], c[5] + " ", c[6], c[7]))
    body = body.replace(
        "Kết nạp 50 đoàn viên ",
        "Kết nạp 50 đoàn viên" + '</w:t></w:r><w:r><w:footnoteReference w:id="4"/></w:r><w:r><w:t>',
    )
    body += table(row(*texts["data"][:2]), row(*texts["data"][2:]))
    body += p(texts["closing"][0]) + p(texts["closing"][1]) + "".join(p(t) for t in texts["closing"][2:])
    docx = make_docx(tmp_path / "all.docx", body, ROMAN_AND_DECIMAL, footnotes={4: texts["notes"][0]})
    rendered = importer.render(importer.import_file(docx))
    source = words(" ".join(t for group in texts.values() for t in group) + " ĐOÀN TNCS HỒ CHÍ MINH Số: 53-KH/TĐTN")
    source += words("Hà Tĩnh, ngày 28 tháng 4 năm 2023 BAN CHẤP HÀNH ĐOÀN TỈNH HÀ TĨNH")
    output = words(rendered) + ["nơi", "nhận"]  # "Nơi nhận:" → distribution
    assert {w for w in set(source) if source.count(w) > output.count(w)} == set()
    assert "[^1]" in rendered and "[^1]: Gồm cả đoàn viên khối trường học." in rendered


def test_the_header_as_two_cells_with_a_paragraph_per_line(tmp_path):
    """The usual Word template: one table row, the issuer, "***" and the number in the left cell,
    the motto and the date in the right one, a paragraph per line: read as the same lines typed."""
    left = ["TỈNH ĐOÀN HÀ TĨNH", "ĐOÀN XÃ THẠCH HÀ", "***", "Số: 12-BC/ĐTN"]
    right = ["ĐOÀN TNCS HỒ CHÍ MINH", "Thạch Hà, ngày 05 tháng 3 năm 2024"]
    body = table(row(cell(*(p(t) for t in left)), cell(*(p(t) for t in right))))
    body += p("BÁO CÁO") + p("Kết quả công tác Đoàn quý I năm 2024") + p("I. KẾT QUẢ") + p("Đã tổ chức 3 hoạt động.")
    front = importer.import_file(make_docx(tmp_path / "bc.docx", body)).front
    typed = importer.import_text(
        "TỈNH ĐOÀN HÀ TĨNH\tĐOÀN TNCS HỒ CHÍ MINH\nĐOÀN XÃ THẠCH HÀ\n***\n"
        "Số: 12-BC/ĐTN\tThạch Hà, ngày 05 tháng 3 năm 2024\n\nBÁO CÁO\nKết quả công tác Đoàn quý I năm 2024\n\n"
        "I. KẾT QUẢ\n\nĐã tổ chức 3 hoạt động.\n"
    ).front
    for got in (front, typed):
        assert (got["place"], got["issued"], got["number"]) == ("Thạch Hà", "2024-03-05", "12-BC/ĐTN")
        assert got["issuer"] == ["TỈNH ĐOÀN HÀ TĨNH", "ĐOÀN XÃ THẠCH HÀ"]
