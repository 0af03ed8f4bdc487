"""What the built pages and files hold for readers and for the programs that read them:
unique ids on every page, placement lines placed (never printed), open data safe to open in a
spreadsheet, with addresses that work outside the site."""

from __future__ import annotations

import csv
import io
import json
from collections import Counter
from html.parser import HTMLParser
from pathlib import Path

import pytest

from tests.conftest import run_cli
from vankien import anchors, csvcells, markdown, pipeline
from vankien.errors import BuildFailed


class _Ids(HTMLParser):
    def __init__(self):
        super().__init__()
        self.ids: Counter = Counter()

    def handle_starttag(self, tag, attrs):
        for name, value in attrs:
            if name == "id":
                self.ids[value] += 1


def duplicate_ids(file: Path) -> dict[str, int]:
    parser = _Ids()
    parser.feed(file.read_text(encoding="utf-8"))
    return {id_: n for id_, n in parser.ids.items() if n > 1}


# Headings that take the words of the page's own parts: the targets section, target and result
# rows, the contents box, the title, footnotes.
COLLIDING = """---
kind: plan
title: Kế hoạch công tác Đoàn năm 2024
period: {year: 2024}
targets:
  - id: ket-nap-dang
    topic: party-admission
    text: Kết nạp ít nhất 05 đoàn viên ưu tú vào Đảng
  - id: title
    text: 500 lượt đoàn viên tham gia hoạt động tình nguyện
---
## Mục đích

Nâng cao chất lượng hoạt động của các cơ sở Đoàn.[^1]

## Chỉ tiêu

[[targets]]

### Chỉ tiêu kết nạp Đảng

Các chi đoàn giới thiệu đoàn viên ưu tú cho cấp ủy xem xét.

### Chỉ tiêu kết nạp Đảng

## Mục lục

## Main

## Doc title

## FN1

## Kết quả

## Tiêu đề chỉ tiêu

[^1]: Theo Điều lệ Đoàn.
"""


def test_every_page_of_the_example_site_has_unique_ids(example_site):
    pages = sorted(example_site.rglob("*.html"))
    assert len(pages) > 50
    assert {str(p.relative_to(example_site)): d for p in pages if (d := duplicate_ids(p))} == {}


def test_heading_anchors_never_take_the_pages_own_ids(site_factory):
    root = site_factory({"content/documents/doan-a/ke-hoach-2024.vi.md": COLLIDING})
    pipeline.run(root, root / "site")
    for lang in ("", "en/"):
        page = root / "site" / lang / "doan-a/ke-hoach-2024/index.html"
        assert duplicate_ids(page) == {}
        html = page.read_text(encoding="utf-8")
        # The contents link to the headings, the chips and open data to the table and its rows.
        assert 'href="#muc-chi-tieu-ket-nap-dang"' in html and '<h3 id="muc-chi-tieu-ket-nap-dang">' in html
        assert '<h3 id="muc-chi-tieu-ket-nap-dang-2">' in html
        assert '<tr id="chi-tieu-ket-nap-dang">' in html and '<section class="target-table" id="chi-tieu"' in html
        assert '<tr id="chi-tieu-title">' in html  # a target whose id is "title" keeps its row id
    body = markdown.render(COLLIDING.split("---\n", 2)[2])
    assert all(not anchors.is_reserved(h.anchor) for h in body.headings)


@pytest.mark.parametrize(
    "slug, anchor",
    [
        ("chi-tieu", "muc-chi-tieu"),
        ("chi-tieu-ket-nap-dang", "muc-chi-tieu-ket-nap-dang"),
        ("ket-qua-thuc-hien", "muc-ket-qua-thuc-hien"),
        ("muc-luc", "muc-muc-luc"),
        ("fnref12", "muc-fnref12"),
        ("ket-qua", "muc-ket-qua"),
        ("i-ket-qua", "i-ket-qua"),  # numbered headings keep their readable anchors
        ("chi-tieu-chu-yeu", "muc-chi-tieu-chu-yeu"),
        ("mainstream", "mainstream"),
    ],
)
def test_reserved_anchors(slug, anchor):
    assert anchors.heading(slug) == anchor
    assert not anchors.is_reserved(anchor)


BODY_AFTER_PARAGRAPH = "## I. Chỉ tiêu\n\nNăm 2024 phấn đấu đạt các chỉ tiêu sau:\n[[targets]]\nĐoạn sau.\n"


def test_placement_line_right_after_a_paragraph_is_placed(site_factory):
    doc = (
        "---\nkind: plan\ntitle: Kế hoạch\nperiod: {year: 2024}\n"
        "targets:\n  - id: ket-nap-dang\n    text: Kết nạp 05 đoàn viên\n---\n" + BODY_AFTER_PARAGRAPH
    )
    root = site_factory({"content/documents/doan-a/ke-hoach.vi.md": doc})
    pipeline.run(root, root / "site")
    html = (root / "site/doan-a/ke-hoach/index.html").read_text(encoding="utf-8")
    assert "[[targets]]" not in html
    assert html.index("phấn đấu đạt các chỉ tiêu sau:") < html.index('id="chi-tieu"') < html.index("Đoạn sau.")


def test_placement_mark_inside_text_is_reported_at_its_line_and_column(site_factory):
    doc = (
        "---\nkind: plan\ntitle: Kế hoạch\nperiod: {year: 2024}\n"
        "targets:\n  - id: a\n    text: Kết nạp 05 đoàn viên\n---\nCác chỉ tiêu: [[targets]]\n\n[[ Results ]]\n"
    )
    root = site_factory({"content/documents/doan-a/ke-hoach.vi.md": doc})
    with pytest.raises(BuildFailed) as failed:
        pipeline.run(root, root / "site")
    found = {(p.path.split("/")[-1], p.line, p.col) for p in failed.value.problems}
    assert ("ke-hoach.vi.md", 9, 15) in found and ("ke-hoach.vi.md", 11, 1) in found
    result = run_cli(root, "check")
    assert result.returncode == 1 and "must stand alone on its line" in result.stdout + result.stderr


HOSTILE_TEXTS = {
    "a": '=HYPERLINK("http://evil.example/","Bấm vào đây")',
    "b": "+1+cmd|' /C calc'!A0",
    "c": "-2+3+cmd|' /C calc'!A0",
    "d": "@SUM(1+1)*cmd|' /C calc'!A0",
    "e": "\tTAB=1+1",  # a CR in a text is refused by check (a control character)
}


def test_csv_cells_never_open_as_formulas_and_json_keeps_the_text(site_factory):
    targets = "".join(f"  - id: {key}\n    text: {json.dumps(text)}\n" for key, text in HOSTILE_TEXTS.items())
    doc = "---\nkind: congress-report\ntitle: Báo cáo\nperiod: {term: II, from: 2022, to: 2027}\ntargets:\n"
    root = site_factory({"content/documents/doan-a/dai-hoi.vi.md": doc + targets + "---\nNội dung.\n"})
    pipeline.run(root, root / "site")
    table = list(csv.DictReader(io.StringIO((root / "site/data/targets.csv").read_text(encoding="utf-8-sig"))))
    cells = {row["id"]: row["text_vi"] for row in table}
    exact = {row["id"]: row["text_vi"] for row in json.loads((root / "site/data/targets.json").read_bytes())}
    for key in "abcd":
        assert exact[key] == HOSTILE_TEXTS[key] and cells[key] == "'" + HOSTILE_TEXTS[key]
    # A leading tab, trimmed by the loader or kept: never a formula.
    assert cells["e"] in ("TAB=1+1", "'\tTAB=1+1")
    # Every cell of every row, whatever its column: nothing starts a formula.
    for row in table:
        for value in row.values():
            assert not value.startswith(csvcells.FORMULA_STARTS) or value in ("=", "-") or value.lstrip("-").isdigit()


@pytest.mark.parametrize(
    "value, cell",
    [
        ("-5", "-5"),
        ("-0.25", "-0.25"),
        ("=", "="),
        ("==1", "'==1"),
        ("-x", "'-x"),
        ("\t=1", "'\t=1"),
        ("\r=1", "'\r=1"),
        ("ok", "ok"),
        ("", ""),
    ],
)
def test_csv_cell(value, cell):
    assert csvcells.cell(value) == cell


def test_open_data_urls_are_absolute(example_site):
    table = list(csv.DictReader(io.StringIO((example_site / "data/targets.csv").read_text(encoding="utf-8-sig"))))
    assert table and all(row["url"].startswith("https://vankien.example.org/") for row in table)
    # Every row's address is its row on the document page.
    unresolved = []
    for row in table:
        page, anchor = row["url"].removeprefix("https://vankien.example.org/").split("#")
        if f'id="{anchor}"' not in (example_site / page / "index.html").read_text(encoding="utf-8"):
            unresolved.append(row["url"])
    assert unresolved == []
    exact = json.loads((example_site / "data/targets.json").read_bytes())
    assert [row["url"] for row in exact] == [row["url"] for row in table]


@pytest.mark.parametrize("lang_root", ["", "en/"])
def test_the_embed_box_comes_after_the_document_not_inside_its_text(example_site, lang_root):
    html = (example_site / lang_root / "quan-doan-binh-tan/chuong-trinh-2023/index.html").read_text(encoding="utf-8")
    # "Nơi nhận" (the recipients), the signature, the end of the document, then the page's tools.
    recipients = html.index("Nơi nhận" if lang_root == "" else "Recipients")
    assert recipients < html.index('class="signature"') < html.index("</article>")
    assert html.index("</article>") < html.index('<details class="embed-code">')


def test_every_page_names_its_icon_so_no_browser_asks_for_favicon_ico(example_site):
    """A page without `<link rel="icon">` makes the browser request /favicon.ico, a 404 on the
    site and an error in the console of every site an embed is pasted into."""
    missing = [
        str(page.relative_to(example_site))
        for page in example_site.rglob("*.html")
        if "pagefind" not in page.parts and '<link rel="icon" href="' not in page.read_text(encoding="utf-8")
    ]
    assert missing == []
