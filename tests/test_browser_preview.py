"""In Chromium: the preview reloads the open page by itself when the editor saves."""

from __future__ import annotations

from playwright import sync_api as playwright

from tests.test_serve import DOC, preview  # noqa: F401  (fixture)
from vankien.bench.browser import CHROMIUM_ARGS


def test_open_page_reloads_itself_after_a_save_and_after_a_typo(preview):  # noqa: F811
    root, base = preview
    with playwright.sync_playwright() as p:
        browser = p.chromium.launch(executable_path="/usr/bin/chromium", args=CHROMIUM_ARGS)
        page = browser.new_page()
        page.goto(base + "doan-a/dai-hoi/")
        page.wait_for_function("() => window.LiveReload !== undefined")
        path = root / DOC
        good = path.read_text(encoding="utf-8")
        path.write_text(good.replace("Nội dung.", "Đã sửa trong trình soạn thảo."), encoding="utf-8")
        page.wait_for_function(
            "() => document.body.innerText.includes('Đã sửa trong trình soạn thảo.')", timeout=10_000
        )
        path.write_text(good.replace("title: Báo cáo thử", "title: [Báo cáo thử"), encoding="utf-8")
        page.wait_for_function("() => document.title.includes('lỗi')", timeout=10_000)
        assert DOC in page.inner_text("main")
        path.write_text(good, encoding="utf-8")
        page.wait_for_function("() => document.body.innerText.includes('Nội dung.')", timeout=10_000)
        browser.close()


def test_search_in_the_preview_catches_up_with_an_edit(preview):  # noqa: F811
    root, base = preview
    path = root / DOC
    path.write_text(path.read_text(encoding="utf-8").replace("Nội dung.", "Từ khóa mới: hoàng hôn."), encoding="utf-8")
    with playwright.sync_playwright() as p:
        browser = p.chromium.launch(executable_path="/usr/bin/chromium", args=CHROMIUM_ARGS)
        page = browser.new_page()
        for _ in range(40):  # the index is refreshed just after the page reload
            page.goto(base + "search/?q=hoang%20hon")
            page.wait_for_function("() => document.getElementById('search-status').textContent.length > 0")
            if page.locator(".search-result").count():
                break
            page.wait_for_timeout(250)
        assert "hoàng hôn" in page.inner_text(".search-results")
        browser.close()
