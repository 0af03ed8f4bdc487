"""The pages of the site: which exist, at which URL, from which template, and their facts.

A Page carries what the rest of the build needs to know about it, so nothing downstream
switches on template names or URL shapes: whether it is indexed for search, listed in the
sitemap, a draft, which language versions of it exist (and link back), its embeddable table,
its share card, and the content files it shows (its cache key is made from them). Its
`context` holds only references; `expand` adds the heavy parts (Markdown body, tables) when,
and where (a worker process), the page is rendered.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from typing import TypeVar

from vankien import cache, charts, compare, i18n, markdown, opendata_schema, social, urls
from vankien.config import Config
from vankien.filters import do_period
from vankien.model import Document, Organization, Period, Site
from vankien.vocabulary import KINDS, LEVELS

T = TypeVar("T")

TOPIC_ROWS = 100  # rows on one page of a topic; more rows go on pages 2, 3…
MATRIX_ORGS = 25  # organizations (columns) on one page of the comparison matrix; more go on pages 2, 3…
LATEST = 24  # documents on the home page; every other one is a click away in the organization tree
# Organizations in the home page's tree, at most: whole levels from the top while they fit (the
# top level always); below, an organization shows how many it has under it and its page lists them.
HOME_TREE = 60
ALL_INPUTS = "*"  # a page that shows something of every content file


@dataclass(frozen=True)
class Page:
    url: str
    template: str
    context: dict = field(default_factory=dict)
    lang: str = "vi"
    canonical: str = ""  # the URL search engines should index instead of this one; "" = this page
    alternates: tuple[tuple[str, str], ...] = ()  # (lang, URL) of each version that exists and links back
    indexable: bool = False  # handed to the search indexer
    in_sitemap: bool = False
    embed: str = ""  # the URL of the page's embeddable table
    draft: bool = False
    card: social.Card | None = None  # its own share image; None: the site's
    inputs: tuple[str, ...] = ()  # content files (relative paths) it shows, or ALL_INPUTS

    @property
    def canonical_url(self) -> str:
        return self.canonical or self.url


def site_pages(
    config: Config, localized: dict[str, tuple[Site, dict]], statuses: dict, drafts_listed: bool = False
) -> list[Page]:
    """Every page in every language of `config.languages`, in a stable order.

    `localized`: {lang: (the site in that language, {doc key: fields left in Vietnamese})}.
    A document's English version counts as existing only when its body is translated: an
    untranslated English page points search engines at the Vietnamese one and is not announced.
    """
    languages = list(config.languages)
    source_site = localized[languages[0]][0]
    translated = {
        doc.key: {lang for lang in languages if lang == "vi" or "body" not in localized[lang][1].get(doc.key, ())}
        for doc in source_site.documents
    }
    result = []
    for lang in languages:
        site, fallbacks = localized[lang]
        result += _pages(site, config, lang, languages, fallbacks, statuses, translated)
    return result


def _versions(make, languages) -> tuple[tuple[str, str], ...]:
    return tuple((lang, make(lang)) for lang in languages) if len(languages) > 1 else ()


def _pages(site: Site, config: Config, lang, languages, fallbacks, statuses, translated) -> list[Page]:
    common = ("config.yaml", "content/topics.yaml")
    result = []

    def site_page(make, template, context=None, inputs=(ALL_INPUTS,), **facts) -> None:
        result.append(
            Page(
                make(lang), template, context or {}, lang, alternates=_versions(make, languages), inputs=inputs, **facts
            )
        )

    latest = sorted(site.documents, key=lambda d: (-d.period.end, -d.period.start, d.org, d.id))[:LATEST]
    roots = _roots(site)
    depth, below = _home_tree(site, roots)
    site_page(
        urls.home, "home.html", {"latest": latest, "roots": roots, "depth": depth, "below": below}, in_sitemap=True
    )
    for org in site.organizations.values():
        chain = [org.id, *(a.id for a in site.ancestors(org.id))]
        documents = site.documents_of(org.id)
        inputs = common + tuple(_org_file(site, o) for o in chain + list(site.children.get(org.id, ())))
        inputs += tuple(path for doc in documents for path in _doc_files(doc))
        has_table = any(d.targets or d.results for d in documents)
        embed = urls.embed_organization(org.id, lang) if has_table else ""
        parent = site.organizations.get(org.parent) if org.parent else None
        card = social.Card(
            config.title.get(lang),
            " · ".join(filter(None, [LEVELS[org.level].get(lang), org.province.get(lang) if org.province else None])),
            org.name.get(lang),
            parent.name.get(lang) if parent else config.description.get(lang),
            lang=lang,
        )
        context: dict = {"org": org}
        versions = _versions(lambda other, o=org.id: urls.organization(o, other), languages)
        result.append(
            Page(
                urls.organization(org.id, lang),
                "organization.html",
                context,
                lang,
                alternates=versions,
                indexable=True,
                in_sitemap=True,
                embed=embed,
                card=card,
                inputs=inputs,
            )
        )
        if embed:
            result.append(Page(embed, "embed_org.html", context, lang, inputs=inputs))
    for doc in site.documents:
        org = site.organizations[doc.org]
        chain = [org.id, *(a.id for a in site.ancestors(org.id))]
        inputs = common + _doc_files(doc) + tuple(_org_file(site, o) for o in chain)
        card = social.Card(
            config.title.get(lang),
            f"{KINDS[doc.kind].get(lang)} · {do_period(doc.period, lang)}",
            doc.title,
            org.name.get(lang),
            draft=doc.draft,
            lang=lang,
        )
        untranslated = lang not in translated[doc.key]
        existing = [other for other in languages if other in translated[doc.key]]
        context = {
            "doc": doc,
            "org": org,
            "fallback": fallbacks.get(doc.key, frozenset()),
            "stale": lang != "vi" and bool(statuses.get(doc.key)) and statuses[doc.key].stale,
        }
        embed = urls.embed_document(doc.org, doc.id, lang) if doc.targets or doc.results else ""
        url = urls.document(doc.org, doc.id, lang)
        result.append(
            Page(
                url,
                "document.html",
                context,
                lang,
                canonical=urls.document(doc.org, doc.id, "vi") if untranslated else "",
                alternates=() if untranslated else _versions(lambda o, d=doc: urls.document(d.org, d.id, o), existing),
                indexable=not untranslated,
                in_sitemap=not untranslated,
                embed=embed,
                draft=doc.draft,
                card=card,
                inputs=inputs,
            )
        )
        if embed:
            result.append(
                Page(embed, "embed_document.html", context, lang, canonical=url, draft=doc.draft, inputs=inputs)
            )
    used = compare.topics_used(site)
    site_page(urls.topics, "topics.html", {"used": used}, in_sitemap=True)
    rows = compare.rows_by_topic(site)
    for key in used:
        topic_parts = _parts(rows.get(key, []), TOPIC_ROWS)
        parts = len(topic_parts)
        for part, shown in enumerate(topic_parts, 1):
            identity = cache.fingerprint(
                *(repr((r.org, r.period.key, r.target and r.target.id, r.result and r.result.id)) for r in shown)
            )
            inputs = common + _files_of(site, sorted({row.org for row in shown}))
            inputs += (f"rows:{identity}:{part}/{parts}",)
            site_page(
                lambda other, k=key, n=part: urls.topic_part(k, n, other),
                "topic.html",
                {"topic": site.topics[key], "rows": shown, "part": part, "parts": parts},
                inputs=inputs,
                indexable=part == 1,
                in_sitemap=True,
            )
    matrix_parts = _parts(tuple(compare.matrix_orgs(site)), MATRIX_ORGS)
    parts = len(matrix_parts)
    for part, columns in enumerate(matrix_parts, 1):
        inputs = common + _files_of(site, columns) + (f"orgs:{cache.fingerprint(*columns)}:{part}/{parts}",)
        site_page(
            lambda other, n=part: urls.matrix_part(n, other),
            "matrix.html",
            {"orgs": columns, "part": part, "parts": parts},
            inputs=inputs,
            in_sitemap=True,
        )
    site_page(urls.methodology, "methodology.html", inputs=("config.yaml",), in_sitemap=True)
    site_page(urls.data_index, "data.html", {"columns": opendata_schema.FIELDS}, in_sitemap=True)
    site_page(urls.search, "search.html", inputs=("config.yaml",), in_sitemap=True)
    result.append(Page(urls.not_found(lang), "404.html", {}, lang, inputs=("config.yaml",)))
    return result


def _parts(items: Sequence[T], size: int) -> list[Sequence[T]]:
    """`items` in parts of `size`, in order; one (empty) part when there is no item."""
    return [items[start : start + size] for start in range(0, len(items), size)] or [items[:0]]


def _files_of(site: Site, orgs: Iterable[str]) -> tuple[str, ...]:
    """The content files of `orgs`: their documents (both languages), then the organizations'."""
    orgs = list(orgs)
    return tuple(p for o in orgs for d in site.documents_of(o) for p in _doc_files(d)) + tuple(
        _org_file(site, o) for o in orgs
    )


def _doc_files(doc: Document) -> tuple[str, str]:
    return (doc.source, doc.source.removesuffix(".vi.md") + ".en.md")


def _org_file(site: Site, org_id: str) -> str:
    org = site.organizations.get(org_id)
    return org.source if org else f"content/organizations/{org_id}.yaml"


def expand(page: Page, site: Site) -> dict:
    """The page's whole template context: its references plus what is costly to make
    (Markdown body, chart, tables), made only when the page is rendered."""
    context = dict(page.context)
    if page.template in ("organization.html", "embed_org.html"):
        context.update(_org_context(site, context["org"]))
    elif page.template in ("document.html", "embed_document.html"):
        # The embed shows the tables alone (their titles h2, under the embed's h1): its body is not read.
        body = context["doc"].body if page.template == "document.html" else ""
        context.update(_doc_context(site, context["doc"], page.lang, body))
    elif page.template == "matrix.html":
        context["matrix"] = compare.matrix(site, page.lang, context["orgs"])
    return context


def _roots(site: Site) -> list[Organization]:
    return sorted((o for o in site.organizations.values() if o.parent not in site.organizations), key=lambda o: o.id)


def _home_tree(site: Site, roots: list[Organization]) -> tuple[int, dict[str, int]]:
    """(levels of the organization tree the home page shows, {id of an organization on its last
    level: how many organizations are under it}): as many whole levels as hold HOME_TREE
    organizations together, at least the first."""
    levels, shown = [[o.id for o in roots]], len(roots)
    while True:
        following = [kid for org_id in levels[-1] for kid in site.children.get(org_id, ())]
        if not following or shown + len(following) > HOME_TREE:
            break
        levels.append(following)
        shown += len(following)
    return len(levels), {org_id: _descendants(site, org_id) for org_id in levels[-1] if site.children.get(org_id)}


def _descendants(site: Site, org_id: str) -> int:
    kids = site.children.get(org_id, ())
    return len(kids) + sum(_descendants(site, kid) for kid in kids)


def _org_context(site: Site, org: Organization) -> dict:
    documents = site.documents_of(org.id)
    periods: dict[Period, list[Document]] = {}
    for doc in documents:
        periods.setdefault(doc.period, []).append(doc)
    return {
        "ancestors": list(reversed(site.ancestors(org.id))),
        "children": [site.organizations[c] for c in site.children.get(org.id, ())],
        "periods": sorted(periods.items(), key=lambda item: item[0], reverse=True),
        "document_count": len(documents),
        "table": compare.term_table(site, org.id),
    }


def _doc_context(site: Site, doc: Document, lang: str, body: str) -> dict:
    org = site.organizations[doc.org]
    tally = compare.tally(doc.results)
    return {
        "ancestors": list(reversed(site.ancestors(org.id))),
        "parent": site.organizations.get(org.parent) if org.parent else None,
        "body": markdown.render(body),
        "topics": site.topics,
        "tally": tally,
        "chart": charts.stacked_bar(tally, lang) if doc.results else None,
    }


def localized_site(site: Site, translations: dict, localize=i18n.localize) -> tuple[Site, dict]:
    """The site with English text where translated, and {doc key: fields left in Vietnamese}.
    `localize`: i18n.localize, or one that remembers (the preview)."""
    documents, fallbacks = [], {}
    for doc in site.documents:
        localized, fallback = localize(doc, translations.get(doc.key))
        documents.append(localized)
        fallbacks[doc.key] = fallback
    return dataclasses.replace(site, documents=tuple(documents)), fallbacks
