"""What the machine-readable listings show, from the page list: Atom feeds per language, the
sitemap (split into a sitemap index past 50,000 URLs), robots.txt. Their markup is in
templates/feed.xml, sitemap.xml, sitemap-index.xml and robots.txt.

No build time is written anywhere: dates come from the documents, so the same content gives
the same bytes.
"""

from __future__ import annotations

import datetime
from dataclasses import dataclass

from vankien import urls
from vankien.model import Document, Site
from vankien.pages import Page

SITEMAP_LIMIT = 50_000  # URLs per sitemap file (sitemaps.org)
# Documents per feed: the newest. A feed reader only looks for what is new since it last came;
# listing every document would grow the feed with the site (1,000 documents: 590 KB per language).
FEED_LIMIT = 50


@dataclass(frozen=True)
class FeedEntry:
    title: str
    url: str  # relative to the site
    updated: datetime.date
    author: str
    summary: str
    draft: bool


def updated(doc: Document) -> datetime.date:
    return doc.issued or datetime.date(doc.period.start, 1, 1)


def feed_entries(site: Site, lang: str, drafts_listed: bool) -> list[FeedEntry]:
    """The newest FEED_LIMIT documents of `site` (localized to `lang`), newest first (by issue date,
    else the start of their period); drafts only if `drafts_listed`."""
    documents = sorted(
        (d for d in site.documents if drafts_listed or not d.draft),
        key=lambda d: (updated(d), d.org, d.id),
        reverse=True,
    )
    return [
        FeedEntry(
            doc.title,
            urls.document(doc.org, doc.id, lang),
            updated(doc),
            site.organizations[doc.org].name.get(lang),
            doc.theme or site.organizations[doc.org].name.get(lang),
            doc.draft,
        )
        for doc in documents[:FEED_LIMIT]
    ]


def sitemap_entries(pages: list[Page], drafts_listed: bool) -> list[tuple[str, tuple[tuple[str, str], ...]]]:
    """(URL, its language versions) of every page listed in the sitemap, each URL once, sorted."""
    found = {}
    for page in pages:
        if page.in_sitemap and (drafts_listed or not page.draft) and page.canonical_url == page.url:
            found[page.url] = page.alternates
    return sorted(found.items())


def sitemap_files(entries: list, limit: int | None = None) -> list[tuple[str, list]]:
    """[(file name, its entries)]: `sitemap.xml` alone, or `sitemap-N.xml` files of `limit` URLs
    (sitemap.xml is then their index)."""
    limit = limit or SITEMAP_LIMIT
    if len(entries) <= limit:
        return [("sitemap.xml", entries)]
    return [
        (f"sitemap-{n + 1}.xml", entries[start : start + limit])
        for n, start in enumerate(range(0, len(entries), limit))
    ]
