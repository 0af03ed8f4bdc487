"""Document bodies: safe HTML, the document's own numbering, stable anchors, a TOC."""

import pytest

from vankien import markdown


def test_raw_html_and_script_links_are_never_rendered():
    body = markdown.render("<script>alert(1)</script>\n\n<img src=x onerror=alert(1)>\n\n[x](javascript:alert(1))")
    assert "<script" not in body.html and "<img" not in body.html
    assert 'href="javascript' not in body.html
    assert "&lt;script&gt;" in body.html


def test_headings_keep_numbering_and_get_stable_anchors():
    source = (
        "## I. KẾT QUẢ\n\n### 1. Công tác giáo dục:\n\n#### 1.1. Tập trung thực hiện\n\n"
        "##### 6.2.1. Công tác cán bộ Đoàn:\n"
    )
    body = markdown.render(source)
    assert [h.text for h in body.headings] == [
        "I. KẾT QUẢ",
        "1. Công tác giáo dục:",
        "1.1. Tập trung thực hiện",
        "6.2.1. Công tác cán bộ Đoàn:",
    ]
    assert [h.anchor for h in body.headings] == [
        "i-ket-qua",
        "1-cong-tac-giao-duc",
        "1-1-tap-trung-thuc-hien",
        "6-2-1-cong-tac-can-bo-doan",
    ]
    assert '<h4 id="1-1-tap-trung-thuc-hien">1.1. Tập trung thực hiện</h4>' in body.html
    assert markdown.render(source).html == body.html  # same input, same anchors


def test_repeated_headings_get_distinct_anchors():
    body = markdown.render("## 1. Công tác giáo dục\n\n## 1. Công tác giáo dục\n")
    assert [h.anchor for h in body.headings] == ["1-cong-tac-giao-duc", "1-cong-tac-giao-duc-2"]


def test_toc_lists_the_top_three_levels_the_document_uses():
    body = markdown.render("## A\n\n### B\n\n#### C\n\n##### D\n")
    assert [h.text for h in body.toc] == ["A", "B", "C"]


@pytest.mark.parametrize(
    "text, slug",
    [
        ("Kết nạp Đảng", "ket-nap-dang"),
        ("ĐOÀN VIÊN", "doan-vien"),
        ("III. KẾT QUẢ THỰC HIỆN HỆ THỐNG CHỈ TIÊU:", "iii-ket-qua-thuc-hien-he-thong-chi-tieu"),
        ("“Tuổi trẻ” & 3.700 lượt", "tuoi-tre-3-700-luot"),
        ("!!!", "muc"),
    ],
)
def test_slugs_fold_vietnamese(text, slug):
    assert markdown.slugify(text) == slug


def test_escaped_numbers_stay_literal_and_footnotes_link_both_ways():
    body = markdown.render("1\\. Củng cố tổ chức[^1].\n\n[^1]: Chú thích.\n")
    assert "<ol" not in body.html
    assert "1. Củng cố tổ chức" in body.html
    assert 'href="#fn1"' in body.html and 'id="fn1"' in body.footnotes_html  # footnotes come apart, after the signature


def test_table_placement_lines_become_markers():
    body = markdown.render("## IV. HỆ THỐNG CHỈ TIÊU\n\n[[targets]]\n\nSau bảng.\n")
    assert body.placements == {"targets"}
    assert markdown.PLACEHOLDER.format("targets") in body.html


def test_placed_table_title_sits_one_level_below_its_section():
    body = markdown.render("## Phần một\n\n### III. KẾT QUẢ\n\n[[results]]\n\n## Phần hai\n\n[[targets]]\n")
    assert (body.table_level("results"), body.table_level("targets")) == (4, 3)
