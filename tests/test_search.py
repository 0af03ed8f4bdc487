"""Search as members use it: on a phone, without diacritics, in Chromium against the built site."""

from __future__ import annotations

import collections
import gzip
import json
import os
import re
import unicodedata
from collections.abc import Mapping
from pathlib import Path
from urllib.parse import quote, urlsplit

import pytest
from playwright import sync_api

from vankien import pipeline, search, searchdata
from vankien.bench.browser import CHROMIUM, CHROMIUM_ARGS

ROOT = Path(__file__).resolve().parent.parent


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
    assert search.fold_for_index(html.encode()) == indexed.encode()


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


# -- ranking, honest misses, English, chrome left out, state in the URL (issue 10) -------------


@pytest.mark.parametrize(
    "lang_root, query, first",
    [
        ("", "Binh Tan", "Quận Đoàn Bình Tân"),
        ("", "Doan So TT&TT TP.HCM", "Đoàn TNCS Hồ Chí Minh Sở Thông tin và Truyền thông TP. Hồ Chí Minh"),
        ("", "ket nap dang", "Kết nạp Đảng"),
        ("en/", "Binh Tan", "Binh Tan District Youth Union"),
        ("en/", "party admission", "Party admission"),
    ],
)
def test_the_page_named_by_the_query_comes_first(phone, served_site, lang_root, query, first):
    page = run_search(phone, served_site, query, lang_root)
    found = results(page)
    assert found[0]["title"] == first, [r["title"] for r in found]
    assert len(found) > 1  # the pages that merely mention it follow
    page.close()


def test_english_results_fit_a_phone_and_show_no_code(phone, served_site):
    page = run_search(phone, served_site, "Binh Tan", lang_root="en/")
    assert page.evaluate("document.documentElement.scrollWidth") <= 360
    assert "iframe" not in page.inner_text("main") and "/embed/" not in page.inner_text("main")
    page.close()


@pytest.mark.parametrize("lang_root", ["", "en/"])
def test_embed_code_is_not_indexed(phone, served_site, lang_root):
    page = run_search(phone, served_site, "iframe", lang_root)
    assert results(page) == []
    assert "iframe" in page.inner_text("#search-status")  # says it found nothing for it
    page.close()


def test_a_phrase_no_page_holds_is_said_so(phone, served_site):
    page = run_search(phone, served_site, "tiep suc mua thi")
    assert page.inner_text("#search-status") == "Không có trang nào chứa cụm “tiep suc mua thi”."
    assert "“mua”" in page.inner_text("#search-hint")  # the word no page holds
    first = page.eval_on_selector_all("#search-results > li", "items => items.map(i => i.className)")[0]
    assert "search-apart" in first  # anything offered comes under its own line, not as an answer
    page.close()


def test_a_typo_gets_the_nearest_word_and_its_results(phone, served_site):
    page = run_search(phone, served_site, "ket nap dnag")
    hint = page.inner_text("#search-hint")
    assert "“dnag”" in hint and "đảng" in hint, hint
    assert results(page)[0]["title"] == "Kết nạp Đảng"
    page.close()
    page = run_search(phone, served_site, "ket nap dnag", lang_root="en/")  # Vietnamese words on the English page
    assert "Only the Vietnamese pages hold “ket”, “nap”." in page.inner_text("#search-hint")
    page.click("#search-hint a.search-other")
    page.wait_for_function("() => document.querySelectorAll('.search-result').length > 0", timeout=15_000)
    assert results(page)[0]["title"] == "Kết nạp Đảng"
    page.close()


def test_english_search_sends_vietnamese_words_to_the_vietnamese_pages(phone, served_site):
    page = run_search(phone, served_site, "doan vien", lang_root="en/")
    link = page.locator("#search-hint a.search-other")
    assert link.inner_text() == "Search the Vietnamese pages"
    link.click()
    page.wait_for_function("() => document.querySelectorAll('.search-result').length > 0", timeout=15_000)
    assert "/en/" not in page.url and page.input_value("#q") == "doan vien"
    page.close()


def test_english_lead_promises_what_english_search_does(phone, served_site):
    page = phone.new_page()
    page.goto(served_site + "en/search/")
    lead = page.inner_text(".lead")
    assert "“party admission”" in lead and "“Binh Tan”" in lead and "kết nạp" not in lead
    page.close()
    for query, words in [("party admission", "Party admission"), ("Binh Tan", "Binh Tan District Youth Union")]:
        page = run_search(phone, served_site, query, lang_root="en/")
        assert results(page)[0]["title"] == words
        page.close()


def test_english_pages_find_vietnamese_names_typed_without_diacritics(phone, served_site):
    page = run_search(phone, served_site, "Ha Huy Tap", lang_root="en/")
    top = results(page)[0]
    assert top["href"].endswith("/en/chi-doan-so-tttt-ha-tinh/dai-hoi-2022/") and "Hà Huy Tập" in top["text"]
    page.close()


def test_excerpts_start_at_a_word(phone, served_site):
    for query in ("guong dien hinh", "tinh nguyen", "chi tieu", "doan vien"):
        page = run_search(phone, served_site, query)
        excerpts = page.eval_on_selector_all(".excerpt", "ps => ps.map(p => p.textContent)")
        assert excerpts
        for text in excerpts:
            assert re.match(r"(… )?[\w“\"‘(]", text), (query, text)
        page.close()


def test_filters_live_in_the_url_and_survive_reload_and_language(phone, served_site):
    page = run_search(phone, served_site, "doan vien")
    page.click("#search-filter-box summary")
    page.locator(".filter-option label", has_text="Quận Đoàn Bình Tân").click()
    page.wait_for_function("() => location.search.includes('org=quan-doan-binh-tan')")
    page.reload()
    page.wait_for_function("() => document.getElementById('search-status').textContent.length > 0", timeout=15_000)
    assert page.is_checked("#f-org-quan-doan-binh-tan")
    assert results(page) and all("/quan-doan-binh-tan/" in r["href"] for r in results(page))
    page.click(".lang-switch")
    page.wait_for_function("() => document.getElementById('search-status').textContent.length > 0", timeout=15_000)
    assert "/en/search/" in page.url and page.input_value("#q") == "doan vien"
    page.click("#search-filter-box summary")
    assert page.is_checked("#f-org-quan-doan-binh-tan")  # the same organization, in English
    assert "Binh Tan District Youth Union" in page.inner_text("label[for=f-org-quan-doan-binh-tan]")
    page.close()


def test_ids_on_the_search_page_are_unique(phone, served_site):
    page = run_search(phone, served_site, "doan")
    page.click("#search-filter-box summary")
    ids = page.eval_on_selector_all("[id]", "nodes => nodes.map(n => n.id)")
    assert len(ids) == len(set(ids)), sorted({i for i in ids if ids.count(i) > 1})
    labels = page.eval_on_selector_all(
        "label[for]", "ls => ls.map(l => document.querySelectorAll('#' + CSS.escape(l.htmlFor)).length)"
    )
    assert labels and set(labels) == {1}  # every label ticks exactly one box
    page.close()


def test_a_named_page_outside_the_ticked_filters_is_not_shown(phone, served_site):
    page = phone.new_page()
    page.goto(served_site + "search/?q=Binh+Tan&org=so-tttt-tphcm")
    page.wait_for_function("() => document.getElementById('search-status').textContent.length > 0", timeout=15_000)
    found = results(page)
    assert found and all("/so-tttt-tphcm/" in r["href"] for r in found), [r["href"] for r in found]
    page.close()


# -- what a query costs (issue 11) -------------------------------------------------------------


def test_a_query_fetches_the_search_data_compressed(phone, served_site, example_site):
    page = phone.new_page()
    fetched: list[str] = []
    page.on("requestfinished", lambda request: fetched.append(request.url.rsplit("/pagefind/", 1)[-1]))
    page.goto(f"{served_site}search/?q={quote('Binh Tan')}")
    page.wait_for_function("() => document.getElementById('search-status').textContent.length > 0", timeout=15_000)
    assert results(page)[0]["title"] == "Quận Đoàn Bình Tân"  # the names came through the compressed file
    assert {"vankien.vi.json.gz", "vankien-words.vi.json.gz"} <= set(fetched)
    assert not {"vankien.vi.json", "vankien-words.vi.json"} & set(fetched)
    page.close()
    for name in ("vankien.vi.json", "vankien-words.en.json"):
        plain = (example_site / "pagefind" / name).read_bytes()  # for browsers without DecompressionStream
        assert gzip.decompress((example_site / "pagefind" / f"{name}.gz").read_bytes()) == plain


def test_each_language_is_indexed_by_its_own_run_into_one_bundle(site_factory, tmp_path, monkeypatch):
    """Pagefind holds all it indexes in memory: one language a run keeps its peak to the largest language."""
    real, log = search.binary(ROOT), tmp_path / "runs.log"
    wrapper = tmp_path / "pagefind"  # notes the languages of the pages each run is given, then runs Pagefind
    wrapper.write_text(
        # one write per run: the runs may go at once (search.all_at_once)
        f"#!/bin/sh\nlangs=$(grep -rhoE '<html lang=\"[a-z]+\"' \"$2\" | sort -u | tr '\\n' ' ')\n"
        f'echo "$langs" >> {log}\nexec {real} "$@"\n'
    )
    wrapper.chmod(0o755)
    monkeypatch.setattr(search, "binary", lambda root: wrapper)
    site = pipeline.run(site_factory(), tmp_path / "out").output
    runs = sorted(log.read_text().splitlines())
    assert runs == ['<html lang="en" ', '<html lang="vi" '], runs  # two runs, pages of one language each
    entry = json.loads((site / "pagefind/pagefind-entry.json").read_text(encoding="utf-8"))
    assert set(entry["languages"]) == {"vi", "en"}  # one bundle: the search page finds both languages
    for about in entry["languages"].values():
        assert (site / f"pagefind/pagefind.{about['hash']}.pf_meta").is_file() and about["page_count"] > 0


def _bundle(site: Path) -> dict[str, bytes]:
    return {
        str(p.relative_to(site / "pagefind")): p.read_bytes()
        for p in sorted((site / "pagefind").rglob("*"))
        if p.is_file()
    }


def test_the_bundle_is_the_same_whether_languages_are_indexed_one_after_the_other_or_at_once(
    tmp_path, monkeypatch, example_site
):
    bundles = {}
    for at_once in ("0", "1"):  # one at a time finishing the last bundle in this process, at once in forked ones
        monkeypatch.setenv("VANKIEN_INDEX_AT_ONCE", at_once)
        monkeypatch.setattr(searchdata, "IN_PROCESS", 1_000_000 if at_once == "0" else 0)
        monkeypatch.setattr(os, "cpu_count", lambda: 2)
        monkeypatch.setattr(searchdata.threading, "active_count", lambda: 1)  # even beside served_site's thread
        bundles[at_once] = _bundle(pipeline.run(ROOT, tmp_path / f"out-{at_once}").output)
    assert any(name.startswith("text/") for name in bundles["0"])  # a long page's text moved out too
    assert bundles["0"] == bundles["1"] == _bundle(example_site)  # byte for byte


def test_each_page_and_each_fragment_is_read_once(site_factory, tmp_path, monkeypatch):
    """Indexing reads each page once (folded copy and filter values) and each fragment once
    (long texts moved out and words counted in one pass)."""
    reads: collections.Counter = collections.Counter()
    read_bytes, build_index = Path.read_bytes, search.build_index

    class CountedFiles(Mapping):
        def __init__(self, files):
            self.files = files

        def __getitem__(self, name):
            reads[name] += 1
            return self.files[name]

        def __iter__(self):
            return iter(self.files)

        def __len__(self):
            return len(self.files)

    def counted_read(path):
        if path.suffix == ".pf_fragment":
            reads[path.name] += 1
        return read_bytes(path)

    monkeypatch.setattr(Path, "read_bytes", counted_read)
    monkeypatch.setattr(
        search,
        "build_index",
        lambda root, site, files, problems: build_index(root, site, CountedFiles(files), problems),
    )
    site = pipeline.run(site_factory(), tmp_path / "out").output
    fragments = {path.name for path in (site / "pagefind/fragment").iterdir()}
    assert fragments and fragments <= set(reads)
    assert any(name.endswith("index.html") for name in reads)
    assert set(reads.values()) == {1}, [name for name, count in reads.items() if count > 1]


def test_a_long_page_sends_only_the_text_its_excerpts_show(phone, served_site, example_site):
    page = phone.new_page()
    fetched: list[str] = []
    page.on("requestfinished", lambda request: fetched.append(request.url.rsplit("/pagefind/", 1)[-1]))
    page.goto(f"{served_site}search/?q={quote('Cam Nhuong')}")  # far down the Hà Tĩnh report
    page.wait_for_function("() => document.getElementById('search-status').textContent.length > 0", timeout=15_000)
    page.wait_for_load_state("networkidle")
    top = results(page)[0]
    assert top["href"].endswith("/chi-doan-so-tttt-ha-tinh/dai-hoi-2022/") and "Cẩm Nhượng" in top["text"]
    texts = [name.removeprefix("text/") for name in fetched if name.startswith("text/")]
    assert texts, fetched  # the excerpt's words came from the page's text files
    page_id = texts[0].split(".")[0]
    written = {path.name for path in (example_site / "pagefind/text").glob(f"{page_id}.*.pf_text")}
    assert set(texts) < written, (texts, written)  # not the whole text
    page.close()


def test_targets_are_found_in_their_documents_not_in_the_copies_on_organization_pages(phone, served_site):
    page = run_search(phone, served_site, "ho boi")
    hrefs = [urlsplit(r["href"]).path for r in results(page)]
    assert "/quan-doan-binh-tan/chuong-trinh-2023/" in hrefs
    assert "/quan-doan-binh-tan/" not in hrefs, hrefs  # its term table copies the target: not indexed again
    page.close()


def test_a_preview_killed_while_indexing_leaves_no_scratch_folder_behind(tmp_path):
    """refresh_index works beside the site; a folder left by a killed preview (its process gone)
    is removed by the next one, one of a live process is not."""
    site_dir = tmp_path / "site"
    site_dir.mkdir()
    dead = tmp_path / ".index-999999999-abc"  # no such process
    alive = tmp_path / f".index-{os.getpid()}-def"
    for folder in (dead, alive):
        (folder / "pages").mkdir(parents=True)
    problems: list = []
    page = '<!doctype html><html lang="vi"><body><main data-pagefind-body><h1>Đoàn</h1></main></body></html>'
    search.refresh_index(ROOT, site_dir, {"index.html": page.encode("utf-8")}, problems)
    assert problems == [] and (site_dir / "pagefind/pagefind.js").is_file()
    assert not dead.exists() and alive.exists()
    assert sorted(p.name for p in tmp_path.iterdir()) == [alive.name, "site"]
