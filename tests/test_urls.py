"""URLs and relative links: every page links correctly wherever it sits."""

import pytest

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


def test_pages_are_served_as_index_files():
    assert urls.output_path(urls.document("a", "b")) == "a/b/index.html"
    assert urls.output_path(urls.home()) == "index.html"
    assert urls.document("a", "b", "en") == "en/a/b/"
