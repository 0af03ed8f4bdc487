"""The Jinja environment and the pages of the site (pages.py) as HTML strings, in every language,
with their share images, feeds and sitemap.

Templates never build URLs themselves: they call `url(...)`, which asks urls.py and makes the
link relative to the current page.
"""

from __future__ import annotations

import functools
import hashlib
import os
import tempfile
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import jinja2
from babel.numbers import format_decimal
from markupsafe import Markup

from vankien import anchors, embed, feeds, i18n, markdown, messages, resources, social, urls
from vankien.config import Config
from vankien.errors import ContentError
from vankien.filters import FILTERS
from vankien.model import Document, Site
from vankien.pages import Page, localized_site, pages


def make_environment(templates: list[Path]) -> jinja2.Environment:
    # Compiled templates are cached on disk, keyed by their source's checksum: compiling
    # them is most of a small build's rendering time, and every `serve` rebuild pays it.
    cache = (
        Path(tempfile.gettempdir()) / f"vankien-templates-{hashlib.sha256(str(templates).encode()).hexdigest()[:12]}"
    )
    cache.mkdir(exist_ok=True)
    env = jinja2.Environment(
        loader=jinja2.FileSystemLoader(templates),
        bytecode_cache=jinja2.FileSystemBytecodeCache(str(cache)),
        extensions=["jinja2.ext.i18n"],
        autoescape=True,
        undefined=jinja2.StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
        keep_trailing_newline=True,
    )
    env.filters.update(FILTERS)
    return env


# -- rendering ----------------------------------------------------------------------


class Renderer:
    """Renders pages with shared globals: config, asset fingerprints, the site."""

    def __init__(self, root: Path, config: Config, assets: dict[str, bytes]):
        self.env = make_environment(resources.search_path(root, "templates"))
        self.config = config
        self.fingerprints = {name: hashlib.sha256(data).hexdigest()[:10] for name, data in assets.items()}
        self.site: Site | None = None
        self.fallbacks: dict = {}
        self.result_documents: dict = {}

    def use_language(self, lang: str, site: Site, fallbacks: dict) -> None:
        """Render the following pages in `lang`, from `site` localized to it."""
        # added to the environment by the jinja2.ext.i18n extension, so unknown to the type checker
        self.env.install_gettext_translations(i18n.ui_translations(lang), newstyle=True)  # type: ignore[attr-defined]
        self.site, self.fallbacks = site, fallbacks
        self.result_documents = {id(result): doc for doc in site.documents for result in doc.results}

    def render(self, page: Page) -> str:
        template = self.env.get_template(page.template)
        html = template.render(**self._globals(page), **page.context)
        if page.template in ("document.html", "embed_document.html"):
            html = self._place_tables(html, page)
        return html

    def _globals(self, page: Page) -> dict:
        current, lang = page.url, page.lang
        absolute_links = current.endswith("404.html")  # served at any depth: root-based links
        base_path = "/" + self.config.base_url.split("://", 1)[-1].split("/", 1)[-1] if absolute_links else ""

        def url(target: str) -> str:
            if absolute_links:
                return base_path.rstrip("/") + "/" + target
            return urls.relative(current, target)

        def static(name: str) -> str:
            return url(urls.static(name)) + f"?v={self.fingerprints.get(name, '0')}"

        def lang_attr_of(doc: Document, field: str) -> Markup:
            """` lang="vi"` on a document's text still in Vietnamese on a page in another language."""
            if lang != "vi" and field in self.fallbacks.get(doc.key, ()):
                return Markup(' lang="vi"')
            return Markup("")

        def lang_attr(field: str) -> Markup:
            return lang_attr_of(page.context["doc"], field)

        def lang_attr_of_result(result) -> Markup:
            doc = self.result_documents.get(id(result))
            return lang_attr_of(doc, f"results.{result.id}.result") if doc else Markup("")

        neutral = urls.neutral(current, lang)
        versions = {other: urls.in_language(neutral, other) for other in self.config.languages}
        # An English document page without an English body is the Vietnamese page in substance:
        # point search engines at the original, and do not announce it as an alternate.
        untranslated = "body" in page.context.get("fallback", ())
        alternates = {k: v for k, v in versions.items() if not (untranslated and k != "vi") and not absolute_links}
        canonical_lang = "vi" if untranslated else lang
        share = urls.share_image(
            current if "card" in page.context and "embed" not in page.template else urls.home(lang)
        )
        return {
            "config": self.config,
            "site": self.site,
            "lang": lang,
            "share_image": urls.absolute(self.config.base_url, share),
            "page_url": current,
            "canonical": urls.absolute(self.config.base_url, versions[canonical_lang]),
            "alternates": {k: urls.absolute(self.config.base_url, v) for k, v in alternates.items()},
            "switch": {other: url(versions[other]) for other in self.config.languages if other != lang},
            "url": url,
            "static": static,
            "urls": urls,
            "ids": anchors,
            "lang_attr": lang_attr,
            "embed_url": self._embed_url(page),
            "embed_code": functools.partial(embed.snippet, self._embed_url(page)),
            "embed_message": embed.HEIGHT_MESSAGE,
            "lang_attr_of": lang_attr_of,
            "lang_attr_of_result": lang_attr_of_result,
            "number": lambda value: format_decimal(value, locale=lang),
        }

    def _embed_url(self, page: Page) -> str:
        """The absolute address of the page's embeddable table, if it has one."""
        if page.template == "organization.html":
            return urls.absolute(self.config.base_url, urls.embed_organization(page.context["org"].id, page.lang))
        if page.template == "document.html":
            doc = page.context["doc"]
            return urls.absolute(self.config.base_url, urls.embed_document(doc.org, doc.id, page.lang))
        return ""

    def sitemap_entry(self, page: Page) -> tuple[str, dict[str, str]]:
        """The page's canonical URL and its language versions (as the page itself declares)."""
        context = self._globals(page)
        return context["canonical"], context["alternates"]

    def _place_tables(self, html: str, page: Page) -> str:
        """Put the rendered targets/results tables where the body's [[…]] lines were."""
        for what in ("targets", "results"):
            marker = markdown.PLACEHOLDER.format(what)
            if marker in html:
                table = self.env.get_template(f"_{what}.html").render(**self._globals(page), **page.context)
                html = html.replace(marker, table, 1)
        return html


def render_all(
    root: Path, config: Config, site: Site, statuses: dict, assets: dict[str, bytes], problems: list[ContentError]
) -> dict[str, bytes]:
    """{output path: bytes} for every page in every language; template errors become problems."""
    renderer = Renderer(root, config, assets)
    output = {}
    translations = {key: state.translation for key, state in statuses.items() if state.translation}
    all_pages = []
    fallbacks: dict
    for lang in config.languages:
        if lang == "vi":
            localized, fallbacks = site, {}
        else:
            localized, fallbacks = localized_site(site, translations)
        all_pages.append((lang, localized, fallbacks, pages(localized, config, lang, fallbacks, statuses)))
    sitemap_entries = []
    for lang, localized, fallbacks, language_pages in all_pages:
        renderer.use_language(lang, localized, fallbacks)
        output.update(_render_pages(renderer, language_pages, problems))
        output.update(_share_images(root, config, lang, language_pages))
        output[urls.feed(lang)] = feeds.atom(localized, config, lang)
        sitemap_entries += [
            renderer.sitemap_entry(page)
            for page in language_pages
            if not page.url.endswith("404.html") and "/embed/" not in "/" + page.url
        ]
        if problems:
            break
    output["sitemap.xml"] = feeds.sitemap(sitemap_entries)
    output["robots.txt"] = feeds.robots(config)
    return output


def _share_images(root: Path, config: Config, lang: str, language_pages: list[Page]) -> dict[str, bytes]:
    """A share image per document and organization page, and one for the rest of the site."""
    if not social.fonts_present(root):
        return {}  # reported by assets.collect
    cards = {
        urls.share_image(urls.home(lang)): social.Card(
            config.title.get(lang), "", config.description.get(lang), config.base_url.split("://")[-1].rstrip("/")
        )
    }
    cards.update({urls.share_image(p.url): p.context["card"] for p in language_pages if "card" in p.context})
    # Pillow releases the GIL while it draws and compresses: threads use every core.
    with ThreadPoolExecutor(max_workers=os.cpu_count() or 2) as pool:
        drawn = pool.map(lambda card: social.image(root, card), cards.values())
    return dict(zip(cards, drawn, strict=True))


def _render_pages(renderer: Renderer, language_pages: list[Page], problems) -> dict[str, bytes]:
    output = {}
    for page in language_pages:
        try:
            output[urls.output_path(page.url)] = renderer.render(page).encode("utf-8")
        except jinja2.TemplateSyntaxError as exc:
            problems.append(
                ContentError(f"templates/{exc.name}", exc.lineno, 1, messages.TEMPLATE, {"problem": exc.message})
            )
            break
        except Exception as exc:  # a template bug must read as one, not as a traceback
            line, name = _template_position(exc)
            problems.append(ContentError(name, line, 1, messages.TEMPLATE, {"problem": f"{type(exc).__name__}: {exc}"}))
            break
    return output


def _template_position(exc: Exception) -> tuple[int, str]:
    """The innermost template frame of a runtime template error."""
    tb, found = exc.__traceback__, (1, "templates")
    while tb is not None:
        filename = tb.tb_frame.f_code.co_filename
        if filename.endswith(".html"):
            found = (tb.tb_lineno, "templates/" + Path(filename).name)
        tb = tb.tb_next
    return found
