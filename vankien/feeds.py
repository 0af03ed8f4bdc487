"""Machine-readable views of the site: sitemap with hreflang, Atom feeds per language, robots.txt.

No build time is written anywhere: dates come from the documents, so the same content gives
the same bytes.
"""

from __future__ import annotations

import datetime
from xml.sax.saxutils import escape, quoteattr

from vankien import urls
from vankien.config import Config
from vankien.model import Document, Site


def sitemap(entries: list[tuple[str, dict[str, str]]]) -> bytes:
    """`entries`: (canonical URL, {lang: URL of each language version}) of every page."""
    lines = [
        '<?xml version="1.0" encoding="UTF-8"?>',
        '<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9" xmlns:xhtml="http://www.w3.org/1999/xhtml">',
    ]
    for location, alternates in sorted({(loc, tuple(sorted(alt.items()))) for loc, alt in entries}):
        lines.append(f"  <url><loc>{escape(location)}</loc>")
        for lang, href in alternates:
            lines.append(f'    <xhtml:link rel="alternate" hreflang="{lang}" href={quoteattr(href)}/>')
        lines.append("  </url>")
    lines.append("</urlset>")
    return ("\n".join(lines) + "\n").encode("utf-8")


def _updated(doc: Document) -> datetime.date:
    return doc.issued or datetime.date(doc.period.start, 1, 1)


def atom(site: Site, config: Config, lang: str) -> bytes:
    """The newest documents in `lang` (its localized site), newest first."""
    documents = sorted(site.documents, key=lambda d: (_updated(d), d.org, d.id), reverse=True)
    feed_url = urls.absolute(config.base_url, urls.feed(lang))
    home = urls.absolute(config.base_url, urls.home(lang))
    updated = max((_updated(d) for d in documents), default=datetime.date(2000, 1, 1))
    lines = [
        '<?xml version="1.0" encoding="utf-8"?>',
        f'<feed xmlns="http://www.w3.org/2005/Atom" xml:lang="{lang}">',
        f"  <title>{escape(config.title.get(lang))}</title>",
        f"  <subtitle>{escape(config.description.get(lang))}</subtitle>",
        f'  <link rel="self" href={quoteattr(feed_url)}/>',
        f'  <link rel="alternate" href={quoteattr(home)}/>',
        f"  <id>{escape(feed_url)}</id>",
        f"  <updated>{updated.isoformat()}T00:00:00Z</updated>",
    ]
    for doc in documents:
        link = urls.absolute(config.base_url, urls.document(doc.org, doc.id, lang))
        org = site.organizations[doc.org]
        lines += [
            "  <entry>",
            f"    <title>{escape(doc.title)}</title>",
            f'    <link rel="alternate" href={quoteattr(link)}/>',
            f"    <id>{escape(link)}</id>",
            f"    <updated>{_updated(doc).isoformat()}T00:00:00Z</updated>",
            f"    <author><name>{escape(org.name.get(lang))}</name></author>",
            f"    <summary>{escape(doc.theme or org.name.get(lang))}</summary>",
            "  </entry>",
        ]
    lines.append("</feed>")
    return ("\n".join(lines) + "\n").encode("utf-8")


def robots(config: Config) -> bytes:
    return f"User-agent: *\nAllow: /\nSitemap: {urls.absolute(config.base_url, 'sitemap.xml')}\n".encode()
