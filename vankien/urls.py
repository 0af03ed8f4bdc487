"""The only place that turns site objects into URLs and output paths.

URLs are relative to the site root and end in `/` for pages (`so-tttt-tphcm/`,
`so-tttt-tphcm/dai-hoi-2022/`); Vietnamese pages sit at the root and English pages
mirror them under `en/`. Pages link to each other with relative URLs, so the site works
under any base path.
"""

from __future__ import annotations

import functools
import posixpath

# First path segments the site uses itself; an organization id may not take them.
RESERVED = frozenset(
    {
        "en",
        "vi",
        "static",
        "data",
        "embed",
        "search",
        "topics",
        "topic",
        "compare",
        "feed",
        "sitemap",
        "methodology",
        "about",
        "index",
        "404",
        "assets",
        "share",
        "pagefind",  # the search bundle's folder
    }
)


def language_root(lang: str, default: str = "vi") -> str:
    return "" if lang == default else f"{lang}/"


def neutral(url: str, lang: str) -> str:
    """The page's path without its language root: the same for every language version."""
    return url.removeprefix(language_root(lang))


def in_language(neutral_url: str, lang: str) -> str:
    return language_root(lang) + neutral_url


def home(lang: str = "vi") -> str:
    return language_root(lang)


def organization(org_id: str, lang: str = "vi") -> str:
    return f"{language_root(lang)}{org_id}/"


def document(org_id: str, doc_id: str, lang: str = "vi") -> str:
    return f"{language_root(lang)}{org_id}/{doc_id}/"


def topics(lang: str = "vi") -> str:
    return f"{language_root(lang)}topics/"


def topic(key: str, lang: str = "vi") -> str:
    return f"{language_root(lang)}topics/{key}/"


def topic_part(key: str, part: int, lang: str = "vi") -> str:
    """Part `part` (from 1) of a topic's rows: the first is the topic page itself."""
    return topic(key, lang) if part <= 1 else f"{topic(key, lang)}{part}/"


def matrix(lang: str = "vi") -> str:
    return f"{language_root(lang)}compare/"


def matrix_part(part: int, lang: str = "vi") -> str:
    """Part `part` (from 1) of the comparison matrix's organizations: the first is the matrix page."""
    return matrix(lang) if part <= 1 else f"{matrix(lang)}{part}/"


def methodology(lang: str = "vi") -> str:
    return f"{language_root(lang)}methodology/"


def search(lang: str = "vi") -> str:
    return f"{language_root(lang)}search/"


def data_index(lang: str = "vi") -> str:
    return f"{language_root(lang)}data/"


def feed(lang: str = "vi") -> str:
    return f"{language_root(lang)}feed.xml"


def embed_organization(org_id: str, lang: str = "vi") -> str:
    return f"{language_root(lang)}embed/{org_id}/"


def embed_document(org_id: str, doc_id: str, lang: str = "vi") -> str:
    return f"{language_root(lang)}embed/{org_id}/{doc_id}/"


def data_file(name: str) -> str:
    """Open-data files live once, under data/, whatever the page's language."""
    return f"data/{name}"


def not_found(lang: str = "vi") -> str:
    return f"{language_root(lang)}404.html"


def static(name: str) -> str:
    return f"static/{name}"


def share_image(page_url: str) -> str:
    """The share image (og:image) of a page: `share/so-tttt-tphcm/dai-hoi-2022.png`."""
    return "share/" + (page_url.rstrip("/").removesuffix(".html") or "index") + ".png"


def output_path(url: str) -> str:
    """The file that serves `url`: directory URLs get index.html."""
    return url + "index.html" if url == "" or url.endswith("/") else url


@functools.lru_cache(maxsize=1 << 16)  # pure, and asked for every link of every page
def relative(from_url: str, to_url: str) -> str:
    """A link from the page at `from_url` to `to_url` (both root-relative): what
    posixpath.relpath gives from the page's folder, without its look at the working directory."""
    base = [part for part in posixpath.dirname(output_path(from_url)).split("/") if part]
    target = [part for part in output_path(to_url).split("/") if part]
    shared = 0
    while shared < min(len(base), len(target)) and base[shared] == target[shared]:
        shared += 1
    link = "/".join([".."] * (len(base) - shared) + target[shared:]) or "."
    if to_url == "" or to_url.endswith("/"):
        link = link.removesuffix("index.html") or "./"
    return link


def absolute(base_url: str, url: str) -> str:
    return base_url.rstrip("/") + "/" + url
