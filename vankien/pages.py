"""The pages of the site: which exist, at which URL, from which template, with what context."""

from __future__ import annotations

import dataclasses
from dataclasses import dataclass, field

from vankien import charts, compare, i18n, markdown, opendata_schema, social, urls
from vankien.config import Config
from vankien.filters import do_period
from vankien.model import Document, Organization, Period, Site
from vankien.vocabulary import KINDS, LEVELS


@dataclass(frozen=True)
class Page:
    url: str
    template: str
    context: dict = field(default_factory=dict)
    lang: str = "vi"


def pages(
    site: Site, config: Config, lang: str = "vi", fallbacks: dict | None = None, statuses: dict | None = None
) -> list[Page]:
    """Every page of the site in `lang`, in a stable order. `site` is already localized."""
    fallbacks, statuses = fallbacks or {}, statuses or {}
    latest = sorted(site.documents, key=lambda d: (-d.period.end, -d.period.start, d.org, d.id))
    result = [Page(urls.home(lang), "home.html", {"latest": latest, "roots": _roots(site)}, lang)]
    for org in site.organizations.values():
        context = _org_context(site, org)
        parent = site.organizations.get(org.parent) if org.parent else None
        context["card"] = social.Card(
            config.title.get(lang),
            " · ".join(filter(None, [LEVELS[org.level].get(lang), org.province.get(lang) if org.province else None])),
            org.name.get(lang),
            parent.name.get(lang) if parent else config.description.get(lang),
        )
        result.append(Page(urls.organization(org.id, lang), "organization.html", context, lang))
        if context["table"].rows:
            result.append(Page(urls.embed_organization(org.id, lang), "embed_org.html", context, lang))
    for doc in site.documents:
        context = _doc_context(site, doc, lang)
        context["card"] = social.Card(
            config.title.get(lang),
            f"{KINDS[doc.kind].get(lang)} · {do_period(doc.period, lang)}",
            doc.title,
            site.organizations[doc.org].name.get(lang),
        )
        context["fallback"] = fallbacks.get(doc.key, frozenset())
        context["stale"] = lang != "vi" and bool(statuses.get(doc.key)) and statuses[doc.key].stale
        result.append(Page(urls.document(doc.org, doc.id, lang), "document.html", context, lang))
        if doc.targets or doc.results:
            # The embed shows the tables alone: their titles are h2, under the embed's h1.
            embedded = {**context, "body": markdown.render("")}
            result.append(Page(urls.embed_document(doc.org, doc.id, lang), "embed_document.html", embedded, lang))
    used = compare.topics_used(site)
    result.append(Page(urls.topics(lang), "topics.html", {"used": used}, lang))
    for key in used:
        result.append(
            Page(
                urls.topic(key, lang),
                "topic.html",
                {"topic": site.topics[key], "rows": compare.topic_rows(site, key)},
                lang,
            )
        )
    result.append(Page(urls.matrix(lang), "matrix.html", {"matrix": compare.matrix(site, lang)}, lang))
    result.append(Page(urls.methodology(lang), "methodology.html", {}, lang))
    result.append(Page(urls.data_index(lang), "data.html", {"columns": opendata_schema.FIELDS}, lang))
    result.append(Page(urls.search(lang), "search.html", {}, lang))
    result.append(Page(urls.not_found(lang), "404.html", {}, lang))
    return result


def _roots(site: Site) -> list[Organization]:
    return sorted((o for o in site.organizations.values() if o.parent not in site.organizations), key=lambda o: o.id)


def _org_context(site: Site, org: Organization) -> dict:
    documents = site.documents_of(org.id)
    periods: dict[Period, list[Document]] = {}
    for doc in documents:
        periods.setdefault(doc.period, []).append(doc)
    return {
        "org": org,
        "ancestors": list(reversed(site.ancestors(org.id))),
        "children": [site.organizations[c] for c in site.children.get(org.id, ())],
        "periods": sorted(periods.items(), key=lambda item: item[0], reverse=True),
        "document_count": len(documents),
        "table": compare.term_table(site, org.id),
    }


def _doc_context(site: Site, doc: Document, lang: str) -> dict:
    org = site.organizations[doc.org]
    tally = compare.tally(doc.results)
    return {
        "doc": doc,
        "org": org,
        "ancestors": list(reversed(site.ancestors(org.id))),
        "parent": site.organizations.get(org.parent) if org.parent else None,
        "body": markdown.render(doc.body),
        "topics": site.topics,
        "tally": tally,
        "chart": charts.stacked_bar(tally, lang) if doc.results else None,
    }


def localized_site(site: Site, translations: dict) -> tuple[Site, dict]:
    """The site with English text where translated, and {doc key: fields left in Vietnamese}."""
    documents, fallbacks = [], {}
    for doc in site.documents:
        localized, fallback = i18n.localize(doc, translations.get(doc.key))
        documents.append(localized)
        fallbacks[doc.key] = fallback
    return dataclasses.replace(site, documents=tuple(documents)), fallbacks
