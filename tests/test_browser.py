"""The built example site in a real browser (Chromium via Playwright): what a reader sees.

Phone width without sideways scroll, nothing fetched from outside the site, the heading
font and stylesheet really loading, the table of contents, the results table, print and
the 404 page. One browser for the whole module; every test opens its own context.
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest

PHONE = {"width": 360, "height": 780}
DESKTOP = {"width": 1280, "height": 900}

HOME = ""
ORG = "so-tttt-tphcm/"
DOC_HCM = "so-tttt-tphcm/dai-hoi-2022/"
DOC_HA_TINH = "chi-doan-so-tttt-ha-tinh/dai-hoi-2022/"
DOC_BINH_TAN = "quan-doan-binh-tan/chuong-trinh-2023/"
DOCUMENTS = [DOC_HCM, DOC_HA_TINH, DOC_BINH_TAN]


@pytest.fixture
def phone(browser):
    context = browser.new_context(viewport=PHONE, device_scale_factor=1, is_mobile=True, has_touch=True)
    yield context
    context.close()


@pytest.fixture
def desktop(browser):
    context = browser.new_context(viewport=DESKTOP)
    yield context
    context.close()


def html_files(site: Path) -> dict[str, Path]:
    """Every HTML page of the built site: URL path relative to the base URL → file."""
    pages = {}
    for file in sorted(site.rglob("*.html")):
        rel = file.relative_to(site).as_posix()
        pages[rel[: -len("index.html")] if rel.endswith("index.html") else rel] = file
    return pages


def page_paths(site: Path) -> list[str]:
    return list(html_files(site))


def document_paths(site: Path) -> list[str]:
    """The pages that show a document (an <article class="document">)."""
    return [
        path
        for path, file in html_files(site).items()
        if '<article class="document"' in file.read_text(encoding="utf-8")
    ]


def test_site_has_the_expected_pages(example_site):
    paths = page_paths(example_site)
    for path in [HOME, ORG, *DOCUMENTS, "404.html"]:
        assert path in paths
    assert sorted(document_paths(example_site)) == sorted(DOCUMENTS + ["en/" + d for d in DOCUMENTS])


# a. Phones: no page scrolls sideways at 360 px.


def test_no_page_scrolls_sideways_on_a_phone(phone, example_site, served_site):
    page = phone.new_page()
    too_wide = {}
    for path in page_paths(example_site):
        response = page.goto(served_site + path, wait_until="load")
        assert response is not None and response.status == 200, path
        width = page.evaluate("document.documentElement.scrollWidth")
        if width > PHONE["width"]:
            # Name the widest elements, so the failure says what to fix.
            culprits = page.evaluate(
                """(limit) => [...document.querySelectorAll('body *')]
                .filter(e => e.getBoundingClientRect().right > limit + 0.5)
                .slice(0, 5)
                .map(e => e.tagName.toLowerCase() + (e.className ? '.' + e.className : '')
                          + ' right=' + Math.round(e.getBoundingClientRect().right))""",
                PHONE["width"],
            )
            too_wide[path] = (width, culprits)
    first = dict(list(too_wide.items())[:5])
    assert not too_wide, f"{len(too_wide)} page(s) wider than {PHONE['width']} px, e.g. {first}"


# b. Nothing leaves 127.0.0.1; the stylesheet and the heading font do load.


def title_fonts(page) -> list[dict]:
    """The fonts Chromium actually used to draw the page's h1 (DevTools protocol)."""
    session = page.context.new_cdp_session(page)
    try:
        session.send("DOM.enable")
        session.send("CSS.enable")
        root = session.send("DOM.getDocument")["root"]["nodeId"]
        h1 = session.send("DOM.querySelector", {"nodeId": root, "selector": "h1"})["nodeId"]
        return session.send("CSS.getPlatformFontsForNode", {"nodeId": h1})["fonts"]
    finally:
        session.detach()


def test_no_request_leaves_the_site_and_css_and_font_load(desktop, example_site, served_site):
    requests: list[str] = []
    responses: dict[str, int] = {}
    desktop.on("request", lambda request: requests.append(request.url))
    # The first answer for each URL (later visits may revalidate with 304).
    desktop.on("response", lambda response: responses.setdefault(response.url, response.status))
    page = desktop.new_page()
    for path in [HOME, ORG, *document_paths(example_site)]:
        response = page.goto(served_site + path, wait_until="networkidle")
        assert response is not None and response.status == 200, path
        page.evaluate("document.fonts.ready.then(() => true)")

        # The stylesheet applied: the masthead is the Union blue, not an unstyled page.
        background = page.eval_on_selector("header.masthead", "e => getComputedStyle(e).backgroundColor")
        assert background == "rgb(11, 95, 174)", path
        # Be Vietnam Pro, with its Vietnamese subset, is loaded and used for headings.
        heading_font = page.eval_on_selector("h1", "e => getComputedStyle(e).fontFamily")
        assert heading_font.startswith('"Be Vietnam Pro"'), path
        loaded = page.evaluate("""[...document.fonts]
            .filter(f => f.family.replace(/["']/g, '') === 'Be Vietnam Pro' && f.status === 'loaded')
            .length""")
        assert loaded >= 1, f"Be Vietnam Pro not loaded on {path}"
        # 'ệ' lies only in the Vietnamese subset ('Đ', 'ă', 'ơ' also fall in latin-ext, which the
        # browser may rightly never fetch), so this asks exactly "is the Vietnamese subset in?".
        if not path.startswith("en/"):  # an English page may rightly need no Vietnamese glyphs
            assert page.evaluate("""document.fonts.check('600 16px "Be Vietnam Pro"', 'Việt')"""), path
        # Every glyph of the title is drawn with Be Vietnam Pro: no diacritic falls back.
        fonts = title_fonts(page)
        assert [f["familyName"] for f in fonts if f["isCustomFont"]] == ["Be Vietnam Pro SemiBold"], (path, fonts)
        assert all(f["isCustomFont"] for f in fonts), (path, fonts)

    outside = [url for url in requests if not url.startswith(served_site)]
    assert not outside, f"requests outside the site: {outside}"

    css = [url for url in responses if re.search(r"/static/css/site\.css(\?|$)", url)]
    assert css and all(responses[url] == 200 for url in css), responses
    vietnamese_font = [url for url in responses if "be-vietnam-pro-vietnamese-600-normal.woff2" in url]
    assert vietnamese_font and all(responses[url] == 200 for url in vietnamese_font), responses
    assert all(status < 400 for status in responses.values()), {u: s for u, s in responses.items() if s >= 400}


# c. The long HCMC congress report: contents, results table, second part.


@pytest.mark.parametrize("context_name", ["phone", "desktop"])
def test_toc_link_scrolls_to_its_heading(request, served_site, context_name):
    context = request.getfixturevalue(context_name)
    page = context.new_page()
    page.goto(served_site + DOC_HCM, wait_until="load")
    toc = page.locator("nav.toc")
    assert toc.is_visible()
    details = toc.locator("details")
    if details.count() and not details.evaluate("d => d.open"):  # the contents may start folded on phones
        toc.locator("summary").click()
    links = toc.locator("a[href^='#']")
    assert links.count() >= 10

    link = toc.get_by_role("link", name=re.compile(r"^Phần thứ hai"))
    anchor = link.get_attribute("href")[1:]
    heading = page.locator(f"[id='{anchor}']")
    assert heading.evaluate("e => /^H[1-6]$/.test(e.tagName)")
    assert heading.evaluate("e => e.getBoundingClientRect().top") > page.viewport_size["height"]

    link.click()
    page.wait_for_function(
        "id => { const t = document.getElementById(id).getBoundingClientRect().top; return t >= -2 && t < 120; }",
        arg=anchor,
        timeout=3000,
    )
    assert page.evaluate("location.hash") == "#" + anchor

    # Every other contents link points at a heading that exists.
    missing = page.evaluate("""[...document.querySelectorAll('nav.toc a[href^="#"]')]
        .map(a => decodeURIComponent(a.getAttribute('href').slice(1)))
        .filter(id => !document.getElementById(id))""")
    assert not missing, f"contents links without a target: {missing}"

    # And a lower-level one scrolls too.
    link = links.nth(5)
    anchor = link.get_attribute("href")[1:]
    link.click()
    page.wait_for_function(
        "id => { const t = document.getElementById(id).getBoundingClientRect().top;"
        " return t >= -2 && t < innerHeight / 2; }",
        arg=anchor,
        timeout=3000,
    )


def test_results_table_and_second_part(phone, served_site):
    page = phone.new_page()
    page.goto(served_site + DOC_HCM, wait_until="load")
    rows = page.locator("#ket-qua table.cards > tbody > tr")
    assert rows.count() == 5
    for i in range(5):
        # The document's own assessment (a computed second opinion may follow in .disagree).
        badge = rows.nth(i).locator("td > .badge").first
        assert badge.is_visible()
        assert badge.inner_text().strip() == "Đạt"
    assert page.get_by_role("heading", name=re.compile(r"^Phần thứ hai")).is_visible()
    assert page.get_by_role("heading", name=re.compile(r"^Phần thứ nhất")).is_visible()


# d. Printing the Hà Tĩnh report on A4.


def test_print_shows_the_document_alone(desktop, served_site):
    page = desktop.new_page()
    page.goto(served_site + DOC_HA_TINH, wait_until="networkidle")

    page.emulate_media(media="print")
    assert page.locator("h1").is_visible()
    assert not page.locator("header.masthead").is_visible()
    assert page.locator("nav.toc").count() == 0 or not page.locator("nav.toc").is_visible()
    assert not page.locator("footer.site-footer").is_visible()
    assert page.locator("header.official-header").is_visible()

    pdf = page.pdf(format="A4", print_background=True)
    assert pdf.startswith(b"%PDF")
    pages = len(re.findall(rb"/Type\s*/Page\b(?!s)", pdf))
    assert pages >= 5, f"the printed report has only {pages} page(s)"  # 15 today
    # A4 is 595 × 842 points.
    assert re.search(
        rb"/MediaBox\s*\[\s*0\s+0\s+595(\.\d+)?\s+841(\.\d+)?|/MediaBox\s*\[\s*0\s+0\s+595(\.\d+)?\s+842", pdf
    )

    page.emulate_media(media="screen")
    assert page.locator("header.masthead").is_visible()


# e. The 404 page leads home.


def test_404_page_links_home(desktop, served_site):
    page = desktop.new_page()
    response = page.goto(served_site + "404.html", wait_until="load")
    assert response is not None and response.status == 200
    assert page.get_by_role("heading", level=1).inner_text() == "Không tìm thấy trang"
    background = page.eval_on_selector("header.masthead", "e => getComputedStyle(e).backgroundColor")
    assert background == "rgb(11, 95, 174)", "the 404 page is unstyled: its stylesheet link is broken"

    home = page.get_by_role("link", name="Về trang chủ")
    assert home.is_visible()
    with page.expect_navigation() as navigation:
        home.click()
    assert navigation.value is not None and navigation.value.status == 200
    assert page.url == served_site
    assert page.locator("body").inner_text().count("Văn kiện Đoàn") >= 1


def test_contents_button_appears_only_after_the_contents_scroll_away(phone, served_site):
    page = phone.new_page()
    page.goto(served_site + DOC_HCM)
    assert not page.is_visible(".to-toc")  # it would cover the title and slogan
    page.evaluate("window.scrollTo(0, document.body.scrollHeight / 2)")
    page.wait_for_function("() => !document.querySelector('.to-toc').hidden")
    assert page.is_visible(".to-toc")
    page.click(".to-toc")
    page.wait_for_function("() => document.querySelector('#muc-luc').getBoundingClientRect().top < 50")
    page.close()
