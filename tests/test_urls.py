"""URLs and relative links: every page links correctly wherever it sits."""

import posixpath

import pytest
from hypothesis import given
from hypothesis import strategies as st

from vankien import urls


@pytest.mark.parametrize(
    "page, target, link",
    [
        ("", "so-tttt-tphcm/", "so-tttt-tphcm/"),
        ("so-tttt-tphcm/", "so-tttt-tphcm/dai-hoi-2022/", "dai-hoi-2022/"),
        ("so-tttt-tphcm/dai-hoi-2022/", "", "../../"),
        ("so-tttt-tphcm/dai-hoi-2022/", "static/css/site.css", "../../static/css/site.css"),
        ("so-tttt-tphcm/dai-hoi-2022/", "so-tttt-tphcm/dai-hoi-2022/", "./"),
        ("en/so-tttt-tphcm/", "so-tttt-tphcm/", "../../so-tttt-tphcm/"),
    ],
)
def test_relative_links(page, target, link):
    assert urls.relative(page, target) == link


_SEGMENTS = st.sampled_from(["a", "b", "en", "index.html", "feed.xml", "static", "site.css"])
_URLS = st.builds(lambda parts, folder: "/".join(parts) + ("/" if folder and parts else ""),
                  st.lists(_SEGMENTS, max_size=4), st.booleans())  # fmt: skip


@given(_URLS, _URLS)
def test_a_relative_link_leads_where_the_path_does(page, target):
    """The link, followed from the page's folder, reaches the target's file (as posixpath.relpath says)."""
    expected = posixpath.relpath(urls.output_path(target), posixpath.dirname(urls.output_path(page)) or ".")
    if target == "" or target.endswith("/"):
        expected = expected.removesuffix("index.html") or "./"
    assert urls.relative(page, target) == expected


def test_pages_are_served_as_index_files():
    assert urls.output_path(urls.document("a", "b")) == "a/b/index.html"
    assert urls.output_path(urls.home()) == "index.html"
    assert urls.document("a", "b", "en") == "en/a/b/"
