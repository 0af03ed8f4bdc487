"""Two languages: UI catalogs, formats, translations, fallbacks, staleness, switching."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from babel.messages.extract import extract_from_dir
from babel.messages.pofile import read_po

from tests.conftest import ROOT, run_cli
from tests.test_example_site import element_text, parse, public_pages
from vankien import content, i18n, pipeline
from vankien.filters import do_date

DOC = "content/documents/doan-a/dai-hoi.vi.md"
EN = "content/documents/doan-a/dai-hoi.en.md"


def template_messages() -> set:
    method_map = [("templates/**.html", "jinja2")]
    options = {"templates/**.html": {"extensions": "jinja2.ext.i18n"}}
    return {message for _, _, message, _, _ in extract_from_dir(str(ROOT), method_map, options)}


def test_every_template_string_has_a_translation():
    """Into Vietnamese; English pages show the msgids, which are English (no en catalog)."""
    lang = "vi"
    with i18n.catalog_path(lang).open("rb") as handle:
        catalog = read_po(handle, locale=lang)
    missing = []
    for message in template_messages():
        entry = catalog.get(message)
        strings = entry.string if entry else None
        if not entry or not strings or (isinstance(strings, tuple) and not all(strings)) or entry.fuzzy:
            missing.append(message)
    assert missing == [], f"{lang}: untranslated template strings: {missing}"


def test_catalog_has_no_leftover_strings():
    with i18n.catalog_path("vi").open("rb") as handle:
        catalog = read_po(handle, locale="vi")
    used = {m if isinstance(m, str) else m[0] for m in template_messages()}
    assert (
        sorted(
            m.id if isinstance(m.id, str) else m.id[0]
            for m in catalog
            if m.id and (m.id if isinstance(m.id, str) else m.id[0]) not in used
        )
        == []
    )


@pytest.mark.parametrize("lang, text", [("vi", "ngày 26 tháng 4 năm 2017"), ("en", "26 April 2017")])
def test_dates_read_naturally_in_each_language(lang, text):
    import datetime

    assert do_date(datetime.date(2017, 4, 26), lang) == text


def test_numbers_and_units_follow_the_page_language(example_site):
    vi = element_text(example_site / "quan-doan-binh-tan/chuong-trinh-2023/index.html", "chi-tieu-luot-tinh-nguyen")
    en = element_text(example_site / "en/quan-doan-binh-tan/chuong-trinh-2023/index.html", "chi-tieu-luot-tinh-nguyen")
    assert "10.000 lượt" in vi
    assert "10,000 participations" in en and "10.000 lượt" not in en.replace("10.000 lượt đoàn", "")
    vay = element_text(example_site / "en/quan-doan-binh-tan/chuong-trinh-2023/index.html", "chi-tieu-vay-von")
    assert "5 billion dong" in vay


def test_english_term_table_is_all_english(example_site):
    row = element_text(example_site / "en/so-tttt-tphcm/index.html", "chu-de-party-admission")
    for words in (
        "Party admission",
        "≥ 7 members",
        "10 outstanding members",
        "Exceeded",
        "≥ 5 outstanding members",
        "↓ lower",
        "Target",
        "Result",
    ):
        assert words in row, (words, row)
    for vietnamese in ("Chỉ tiêu", "Kết quả", "Vượt", "giảm", "đoàn viên"):
        assert vietnamese not in row.replace(row[row.find("Verbatim") :], ""), (vietnamese, row)
    header = parse(example_site / "en/so-tttt-tphcm/index.html").text
    assert "Term V (2017–2022)" in header and "Members 36 (in 2022)" in header


def test_every_page_switches_to_the_same_page_in_the_other_language(example_site):
    for path in public_pages(example_site):
        relative = path.relative_to(example_site).as_posix()
        html = path.read_text(encoding="utf-8")
        switch = re.search(r'<a class="lang-switch" href="([^"]+)" hreflang="(\w+)"', html)
        assert switch, relative
        if relative.endswith("404.html"):
            continue
        target = (path.parent / switch.group(1)).resolve()
        target = target / "index.html" if target.is_dir() else target
        expected = relative.removeprefix("en/") if relative.startswith("en/") else "en/" + relative
        assert target == (example_site / expected).resolve(), (relative, switch.group(1))


def test_hreflang_is_reciprocal_and_og_locale_is_set(example_site):
    vi = (example_site / "so-tttt-tphcm/dai-hoi-2022/index.html").read_text(encoding="utf-8")
    en = (example_site / "en/so-tttt-tphcm/dai-hoi-2022/index.html").read_text(encoding="utf-8")
    for html in (vi, en):
        assert (
            '<link rel="alternate" hreflang="vi" href="https://vankien.example.org/so-tttt-tphcm/dai-hoi-2022/">'
            in html
        )
        assert (
            '<link rel="alternate" hreflang="en" href="https://vankien.example.org/en/so-tttt-tphcm/dai-hoi-2022/">'
            in html
        )
    assert '<meta property="og:locale" content="vi_VN">' in vi and 'og:locale:alternate" content="en_US"' in vi
    assert '<meta property="og:locale" content="en_US">' in en and 'og:locale:alternate" content="vi_VN"' in en
    assert '<link rel="canonical" href="https://vankien.example.org/en/so-tttt-tphcm/dai-hoi-2022/">' in en


def test_english_document_reads_in_english(example_site):
    page = parse(example_site / "en/so-tttt-tphcm/dai-hoi-2022/index.html")
    assert "HO CHI MINH COMMUNIST YOUTH UNION" in page.text
    assert "has not been translated" not in page.text
    assert "Slogan:" in page.text and "Contents" in page.text
    assert "Results against the targets of term V (2017–2022)" in page.text


# -- inline sites: fallback and staleness ---------------------------------------------------


def version_of(root: Path) -> str:
    return content.load_document(root / DOC, root, []).version


def test_missing_translation_falls_back_with_notice_lang_and_canonical(site_factory, tmp_path):
    root = site_factory()
    pipeline.run(root, tmp_path / "out")
    html = (tmp_path / "out/en/doan-a/dai-hoi/index.html").read_text(encoding="utf-8")
    assert "has not been translated into English yet" in html
    assert '<h1 id="doc-title" lang="vi">Báo cáo thử</h1>' in html
    assert '<div class="doc-text" lang="vi">' in html
    assert 'lang="vi">Ít nhất 05 đoàn viên được kết nạp Đảng</td>' in html
    assert '<link rel="canonical" href="https://example.org/doan-a/dai-hoi/">' in html
    assert 'hreflang="en"' not in html.split("</head>")[0]  # not announced as an English version
    assert "Party admission" in html  # labels are still English
    sitemap = (tmp_path / "out/sitemap.xml").read_text(encoding="utf-8")
    assert "<loc>https://example.org/en/doan-a/dai-hoi/</loc>" not in sitemap  # only the original is listed
    vi_html = (tmp_path / "out/doan-a/dai-hoi/index.html").read_text(encoding="utf-8")
    assert 'lang="vi"' not in vi_html.split("<body", 1)[1].replace('lang="vi">Tiếng Việt', "")


def test_partial_translation_marks_only_what_is_left(site_factory, tmp_path):
    root = site_factory()
    (root / EN).write_text(
        f"---\nsource: {version_of(root)}\ntitle: Test report\n---\n## I. PART ONE\n\nContent.\n", encoding="utf-8"
    )
    build = pipeline.run(root, tmp_path / "out")
    assert build.warnings == []
    html = (tmp_path / "out/en/doan-a/dai-hoi/index.html").read_text(encoding="utf-8")
    assert '<h1 id="doc-title">Test report</h1>' in html and "Content." in html
    assert "has not been translated" not in html
    assert 'lang="vi">Ít nhất 05 đoàn viên được kết nạp Đảng</td>' in html  # the target is not translated yet
    assert '<link rel="canonical" href="https://example.org/en/doan-a/dai-hoi/">' in html


def test_source_edited_after_translation_is_stale_everywhere(site_factory):
    root = site_factory()
    (root / EN).write_text(
        f"---\nsource: {version_of(root)}\ntitle: Test report\ntargets:\n"
        "  ket-nap-dang: At least 05 members admitted to the Party\n---\nContent.\n",
        encoding="utf-8",
    )
    fresh = run_cli(root, "translations", "--strict")
    assert fresh.returncode == 0 and re.search(r"doan-a/dai-hoi +done +3/3", fresh.stdout), fresh.stdout
    source = root / DOC
    source.write_text(source.read_text(encoding="utf-8").replace("Nội dung.", "Nội dung đã sửa."), encoding="utf-8")
    report = run_cli(root, "translations")
    assert report.returncode == 0 and "stale" in report.stdout
    strict = run_cli(root, "translations", "--strict")
    assert strict.returncode == 1
    built = run_cli(root)
    assert built.returncode == 0
    assert f"{EN}:2:1: cảnh báo:" in built.stderr and "changed after this translation" in built.stderr
    html = (root / "site/en/doan-a/dai-hoi/index.html").read_text(encoding="utf-8")
    assert "The Vietnamese original has changed since this translation was made" in html


def test_translation_mistakes_are_editor_errors(site_factory):
    root = site_factory()
    (root / EN).write_text(
        "---\nsource: abc\nperiod: {year: 2023}\ntargets:\n  ket-nap: X\n---\nBody\n", encoding="utf-8"
    )
    (root / "content/documents/doan-a/khong-co.en.md").write_text("---\ntitle: X\n---\n", encoding="utf-8")
    result = run_cli(root, "check")
    assert result.returncode == 1
    assert f"{EN}:3:1:" in result.stderr and "not translatable" in result.stderr
    assert f"{EN}:5:3:" in result.stderr and "id “ket-nap” is not in the source's targets list" in result.stderr
    assert (
        "content/documents/doan-a/khong-co.en.md:1:1:" in result.stderr and "has no Vietnamese source" in result.stderr
    )
