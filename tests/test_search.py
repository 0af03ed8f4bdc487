"""Search as members use it: on a phone, without diacritics, in Chromium against the built site."""

from __future__ import annotations

import unicodedata
from urllib.parse import quote

import pytest
from playwright import sync_api

from tests.test_browser import CHROMIUM, CHROMIUM_ARGS
from vankien import search


@pytest.mark.parametrize(
    "html, indexed",
    [
        ("Đoàn viên", "D\u0335oàn viên"),
        ("kết nạp Đảng", "kết nạp D\u0335ảng"),
        ("đường", "d\u0335ường"),
        ("doanh nghiệp", "doanh nghiệp"),
    ],
)
def test_indexer_sees_d_with_a_foldable_mark(html, indexed):
    assert search.fold_for_index(html) == indexed


@pytest.fixture(scope="module")
def phone():
    with sync_api.sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        context = browser.new_context(viewport={"width": 360, "height": 780}, is_mobile=True, has_touch=True)
        yield context
        browser.close()


def run_search(phone, base: str, query: str, lang_root: str = "") -> sync_api.Page:
    page = phone.new_page()
    page.goto(f"{base}{lang_root}search/?q={quote(query)}")
    page.wait_for_function("() => document.getElementById('search-status').textContent.length > 0", timeout=15_000)
    return page


def results(page) -> list[dict]:
    return page.eval_on_selector_all(
        ".search-result",
        """items => items.map(item => ({
        title: item.querySelector('h2 a').textContent,
        href: item.querySelector('h2 a').getAttribute('href'),
        sections: [...item.querySelectorAll('.sections a')].map(a => [a.textContent, a.getAttribute('href')]),
        text: item.innerText}))""",
    )


# (query typed by a member, a page the first results must include, words its excerpt must show)
MEMBER_QUERIES = [
    ("doan vien", "/so-tttt-tphcm/", "đoàn viên"),
    ("ket nap dang", "/so-tttt-tphcm/", "kết nạp Đảng"),
    ("Binh Tan", "/quan-doan-binh-tan/", "Bình Tân"),
    ("Ha Huy Tap", "/chi-doan-so-tttt-ha-tinh/dai-hoi-2022/", "Hà Huy Tập"),
    ("ho boi", "/quan-doan-binh-tan/", "hồ bơi"),
    ("chi tieu", "/", "chỉ tiêu"),
    ("duong", "/", "dưỡng"),
    ("Đoàn", "/", "Đoàn"),
    ("ĐOÀN VIÊN", "/so-tttt-tphcm/", "đoàn viên"),
    (unicodedata.normalize("NFD", "đoàn viên"), "/so-tttt-tphcm/", "đoàn viên"),
]


@pytest.mark.parametrize("query, expected, words", MEMBER_QUERIES, ids=[q[0] for q in MEMBER_QUERIES])
def test_vietnamese_without_diacritics_finds_what_the_reader_means(phone, served_site, query, expected, words):
    page = run_search(phone, served_site, query)
    found = results(page)
    assert found, f"no results for {query!r}"
    assert any(expected in r["href"] for r in found[:4]), (query, [r["href"] for r in found])
    assert any(words.casefold() in r["text"].casefold() for r in found), (query, [r["text"][:200] for r in found])
    shown = page.inner_text("main")
    assert "\u0335" not in shown  # what readers see is the published text, no folding marks
    assert page.evaluate("document.documentElement.scrollWidth") <= 360
    page.close()


def test_results_link_to_sections_with_their_headings(phone, served_site):
    page = run_search(phone, served_site, "Ha Huy Tap")
    top = results(page)[0]
    assert top["href"].endswith("/chi-doan-so-tttt-ha-tinh/dai-hoi-2022/")
    assert top["sections"], top
    heading, href = top["sections"][0]
    assert "#" in href and heading.startswith("1. Công tác tuyên truyền")
    page.click(f".search-result .sections a[href='{href}']")
    page.wait_for_url("**#*")
    anchor = href.split("#", 1)[1]
    assert page.evaluate(f"document.getElementById('{anchor}').getBoundingClientRect().top") < 200
    page.close()


def test_exact_typing_ranks_the_exact_words_first(phone, served_site):
    page = run_search(phone, served_site, "hồ bơi")
    assert "hồ bơi" in results(page)[0]["text"]
    page.close()


def test_filters_narrow_results_and_show_counts(phone, served_site):
    page = run_search(phone, served_site, "doan vien")
    before = len(results(page))
    page.click("#search-filter-box summary")
    label = page.locator(".filter-option label", has_text="Quận Đoàn Bình Tân")
    assert "(" in label.inner_text()  # a count beside each choice
    label.click()
    page.wait_for_function(f"() => document.querySelectorAll('.search-result').length < {before}")
    assert all("/quan-doan-binh-tan/" in r["href"] for r in results(page))
    page.close()


def test_english_search_finds_english_text(phone, served_site):
    page = run_search(phone, served_site, "party admission", lang_root="en/")
    found = results(page)
    assert found and all("/en/" in r["href"] for r in found)
    assert any("Party" in r["text"] for r in found)
    page.close()


def test_header_box_searches_from_any_page_by_keyboard(phone, served_site):
    page = phone.new_page()
    page.goto(served_site + "so-tttt-tphcm/")
    page.focus("#masthead-q")
    page.keyboard.type("ket nap dang")
    page.keyboard.press("Enter")
    page.wait_for_function("() => document.querySelectorAll('.search-result').length > 0", timeout=15_000)
    assert "/search/" in page.url and page.input_value("#q") == "ket nap dang"
    page.focus("#q")
    for _ in range(12):  # Tab reaches a result link
        page.keyboard.press("Tab")
        if page.evaluate("document.activeElement.closest('.search-result') !== null"):
            break
    assert page.evaluate("document.activeElement.tagName") == "A"
    page.close()


def test_every_counted_result_can_be_reached(phone, served_site):
    page = run_search(phone, served_site, "doan")  # "Đoàn" is on every page
    total = int(page.inner_text("#search-status").split()[0])
    assert total > 10 and len(results(page)) == 10
    page.click("#search-more button")
    page.wait_for_function(f"() => document.querySelectorAll('.search-result').length === {min(total, 20)}")
    if total <= 20:
        assert page.is_hidden("#search-more")
    page.close()


def test_empty_search_offers_examples_not_empty_filters(phone, served_site):
    page = phone.new_page()
    page.goto(served_site + "search/")
    page.wait_for_selector(".search-examples a")
    assert page.is_hidden("#search-filter-box")
    page.click(".search-examples a >> nth=1")
    page.wait_for_function("() => document.querySelectorAll('.search-result').length > 0", timeout=15_000)
    assert page.input_value("#q") == "ket nap dang"
    page.close()


def test_filter_counts_match_the_results(phone, served_site):
    page = run_search(phone, served_site, "ket nap dang")
    page.click("#search-filter-box summary")
    counts = page.eval_on_selector_all(
        "fieldset",
        """sets => sets.map(set => [...set.querySelectorAll('.count')]
        .map(c => parseInt(c.textContent.slice(1))).reduce((a, b) => a + b, 0))""",
    )
    assert max(counts) >= 1, counts  # a filter group counts the results it holds
    page.close()


def test_pages_with_the_syllables_apart_are_set_apart(phone, served_site):
    page = run_search(phone, served_site, "ho boi")
    items = page.eval_on_selector_all("#search-results > li", "items => items.map(i => i.className)")
    assert "search-apart" in " ".join(items)
    apart = next(i for i, name in enumerate(items) if "search-apart" in name)
    before = page.eval_on_selector_all(".search-result", "r => r.map(x => x.innerText)")[:apart]
    assert before and all("hồ bơi" in text for text in before)  # what comes first holds "hồ bơi" itself
    page.close()
