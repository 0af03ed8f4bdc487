"""The embed code as another site's editor uses it: copied from the page's box, pasted into a
page, opened in Chromium. Nothing in a title, short name or base_url may run there, the iframe
has exactly the attributes we meant, and it grows to the height of the table it shows.

The embedded pages are served from the built site under the site's base_url (requests are
intercepted: nothing leaves the machine).
"""

from __future__ import annotations

import html
from pathlib import Path
from urllib.parse import unquote, urlsplit

import pytest

from tests.conftest import make_site
from tests.test_browser import html_files
from vankien import embed, pipeline

EXAMPLE_BASE = "https://vankien.example.org/"
HOST = "https://host.example/"  # the other site, where the code is pasted

HOSTILE_TITLE = 'Kế hoạch "Tháng Thanh niên" onload="alert(\'embed-title\')" x="'
HOSTILE_SHORT_NAME = "Đoàn C\" onload=\"alert('embed-org')\" x=\"</textarea><script>alert('raw')</script>"
HOSTILE_FILES = {
    # A base_url an editor could type by mistake (or an attacker on purpose): quotes and markup.
    "config.yaml": "title: {vi: Thử, en: Test}\nbase_url: 'https://example.org/\"><script>alert(1)</script>/'\n",
    "content/organizations/doan-c.yaml": (
        "name: {vi: Đoàn C}\nshort_name: {vi: '" + HOSTILE_SHORT_NAME.replace("'", "''") + "'}\nlevel: chi-doan\n"
    ),
    "content/documents/doan-c/ke-hoach.vi.md": (
        "---\nkind: plan\ntitle: '" + HOSTILE_TITLE.replace("'", "''") + "'\nperiod: {year: 2024}\n"
        "targets:\n  - id: a\n    text: Ít nhất 05 đoàn viên\n---\nNội dung.\n"
    ),
}


@pytest.fixture(scope="module")
def hostile_site(tmp_path_factory) -> Path:
    root = make_site(tmp_path_factory.mktemp("hostile"), HOSTILE_FILES)
    pipeline.run(root, root / "site")
    return root / "site"


def _serve(context, site: Path, base_url: str, host_page: str) -> list[str]:
    """Route the site's base_url to the built files and HOST to `host_page`; every other
    request is refused and recorded."""
    refused: list[str] = []
    base_path = urlsplit(base_url).path

    def handle(route):
        url = route.request.url
        if url.split("#")[0] == HOST:
            return route.fulfill(status=200, content_type="text/html; charset=utf-8", body=host_page)
        parts = urlsplit(url)
        path = unquote(parts.path)
        if f"{parts.scheme}://{parts.netloc}" == embed.origin(base_url) and path.startswith(base_path):
            file = site / path[len(base_path) :]
            file = file / "index.html" if path.endswith("/") else file
            if file.is_file():
                kind = "text/html; charset=utf-8" if file.suffix == ".html" else None
                return route.fulfill(status=200, body=file.read_bytes(), content_type=kind)
        refused.append(url)
        return route.abort()

    context.route("**/*", handle)
    return refused


def _codes(site: Path) -> dict[str, str]:
    """{page: the code its embed box offers, as the textarea holds it once parsed}."""
    codes = {}
    for path, file in html_files(site).items():
        text = file.read_text(encoding="utf-8")
        start = text.find('<details class="embed-code">')
        if start < 0:
            continue
        textarea = text[text.index(">", text.index("<textarea", start)) + 1 : text.index("</textarea>", start)]
        codes[path] = html.unescape(textarea)
    return codes


def _paste(browser, site: Path, base_url: str, code: str) -> dict:
    """Open a page holding `code` in Chromium; what ran and what the page holds."""
    context = browser.new_context(viewport={"width": 900, "height": 700})
    dialogs: list[str] = []
    host_page = f"<!doctype html><html lang=en><meta charset=utf-8><title>Host</title><body>{code}</body></html>"
    refused = _serve(context, site, base_url, host_page)
    page = context.new_page()
    page.on("dialog", lambda dialog: (dialogs.append(dialog.message), dialog.dismiss()))
    page.goto(HOST)
    page.wait_for_load_state("load")
    frame = page.locator("iframe")
    page.wait_for_function("() => document.querySelector('iframe') && document.querySelector('iframe').style.height")
    found = page.evaluate(
        """() => ({
            children: [...document.body.children].map(e => e.tagName),
            all: document.querySelectorAll('*').length,
            scripts: [...document.scripts].map(s => s.textContent),
            attributes: Object.fromEntries(
                [...document.querySelector('iframe').attributes].map(a => [a.name, a.value])),
            height: document.querySelector('iframe').getBoundingClientRect().height,
        })"""
    )
    inner = frame.element_handle().content_frame()
    inner.wait_for_load_state("load")
    found["content_height"] = inner.evaluate("() => document.documentElement.getBoundingClientRect().height")
    found["height"] = page.evaluate("() => document.querySelector('iframe').getBoundingClientRect().height")
    found["dialogs"], found["refused"] = dialogs, refused
    context.close()
    return found


def _title(file: Path) -> str:
    """The title the code should give its iframe: the document's, or the organization's short name."""
    text = file.read_text(encoding="utf-8")
    if '<h1 id="doc-title"' in text:
        return html.unescape(text.split('<h1 id="doc-title"', 1)[1].split(">", 1)[1].split("</h1>")[0])
    return html.unescape(text.split('<li aria-current="page">', 1)[1].split("</li>")[0])


def _check(found: dict, src: str, title: str) -> None:
    assert found["dialogs"] == []
    assert found["refused"] == []
    assert found["children"] == ["IFRAME", "SCRIPT"]
    assert found["all"] == 7  # html, head, meta, title, body, iframe, script: nothing smuggled in
    assert found["attributes"] == {
        "src": src,
        "title": title,
        "width": "100%",
        "height": str(embed.FALLBACK_HEIGHT),
        "style": found["attributes"]["style"],  # the listener has set its height
        "loading": "lazy",
        "data-vankien-embed": "",
    }
    assert found["attributes"]["style"].startswith("border: 0")
    # The iframe fits the table it shows: no inner scrolling, no blank space.
    assert abs(found["height"] - found["content_height"]) <= 1


def test_every_embed_code_of_the_example_site_pastes_safely_and_fits(browser, example_site):
    codes = _codes(example_site)
    assert len(codes) >= 10  # every organization and document page with a table, in both languages
    for path, code in codes.items():
        embed_path = path.replace("en/", "en/embed/", 1) if path.startswith("en/") else "embed/" + path
        found = _paste(browser, example_site, EXAMPLE_BASE, code)
        _check(found, EXAMPLE_BASE + embed_path, _title(example_site / path / "index.html"))
        assert found["content_height"] != embed.FALLBACK_HEIGHT, path


def test_hostile_titles_and_base_url_stay_text_where_the_code_is_pasted(browser, hostile_site):
    codes = _codes(hostile_site)
    base_url = 'https://example.org/"><script>alert(1)</script>/'
    assert {"doan-c/", "doan-c/ke-hoach/", "en/doan-c/", "en/doan-c/ke-hoach/"} <= set(codes)
    for path, code in codes.items():
        found = _paste(browser, hostile_site, base_url, code)
        title = _title(hostile_site / path / "index.html")
        if "doan-c/" in path:
            assert title == (HOSTILE_TITLE if "ke-hoach" in path else HOSTILE_SHORT_NAME)
        embed_path = path.replace("en/", "en/embed/", 1) if path.startswith("en/") else "embed/" + path
        _check(found, base_url + embed_path, title)


def test_the_code_escapes_every_attribute_and_the_script_string():
    code = embed.snippet('https://a.example/"x</script><b>/embed/d/', "\"'<>&")
    assert 'title="&quot;&#x27;&lt;&gt;&amp;"' in code
    assert code.count("<script>") == 1 and code.count("</script>") == 1
    assert '"https://a.example"' in code  # the origin the listener trusts
