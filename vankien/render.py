"""The Jinja environment and one page (pages.py) as HTML, XML or text.

Templates never build URLs themselves: they call `url(...)`, which asks urls.py and makes the
link relative to the current page. Everything a template needs to know about its page
(alternates, canonical, share image, embed, draft) comes from the Page's facts.
"""

from __future__ import annotations

import functools
import gettext
import hashlib
import re
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

import jinja2
import jinja2.ext
from babel.numbers import format_decimal
from jinja2.nodes import EvalContext
from markupsafe import Markup

from vankien import anchors, cache, embed, i18n, markdown, messages, resources, urls
from vankien.config import Config
from vankien.errors import ContentError
from vankien.filters import FILTERS
from vankien.model import Document, Site
from vankien.pages import Page, expand


def make_environment(root: Path) -> jinja2.Environment:
    """The templates of `root/templates`, then the package's (resources.search_path). Compiled
    templates are cached in `.cache/templates` (a folder only this user can write, see
    cache.private_dir), or not at all."""
    folder = cache.private_dir(root, "templates")
    env = jinja2.Environment(
        loader=jinja2.FileSystemLoader(resources.search_path(root, "templates")),
        # named by this module's digest too: a change to how templates compile (Unindent) is not a
        # change to their source, which alone names Jinja's cached code
        bytecode_cache=jinja2.FileSystemBytecodeCache(str(folder), f"__jinja2_{_COMPILING}_%s.cache")
        if folder
        else None,
        extensions=["jinja2.ext.i18n", Unindent],
        autoescape=jinja2.select_autoescape(("html", "xml"), default_for_string=True, default=True),
        undefined=jinja2.StrictUndefined,
        auto_reload=False,  # one environment per build: no file check each time a page includes a template
        trim_blocks=True,
        lstrip_blocks=True,
        keep_trailing_newline=True,
    )
    env.filters.update(FILTERS)
    env.filters["xml_text"] = xml_text
    return env


class Unindent(jinja2.ext.Extension):
    """HTML templates' lines lose their indentation when compiled: 3–6 % of a page's bytes
    (table rows are indented deep), which no reader sees. Where the line before ends with a
    block tag (`trim_blocks` removes the newline after it) the indentation is the only space
    between two texts, so it becomes one space: whitespace that separated anything still does.
    The text a page shows as written (`<pre>`, `<textarea>`) comes from variables, never from a
    template's own lines (test_render_work checks the templates)."""

    def preprocess(self, source: str, name: str | None, filename: str | None = None) -> str:
        if not (name or "").endswith(".html"):
            return source
        lines = source.split("\n")
        for index in range(1, len(lines)):
            line = lines[index]
            text = line.lstrip(" \t")
            if text != line:
                lines[index] = (" " if lines[index - 1].endswith(("%}", "#}")) else "") + text
        return "\n".join(lines)


_COMPILING = hashlib.sha256(Path(__file__).read_bytes()).hexdigest()[:10]
LINK = "\x1e"  # around a link target in a table rendered for several pages
_LINKS = re.compile(f"{LINK}([^{LINK}]*){LINK}")
LEVEL = "\x1d"  # the heading level of a table's title, in a table rendered for several pages
_GETTEXT = ("_", "gettext", "ngettext", "pgettext", "npgettext")
ORGANIZATION_PAGES = ("organization.html", "embed_org.html")
DOCUMENT_PAGES = ("document.html", "embed_document.html")
_NOT_XML = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff]")


def xml_text(value: str) -> str:
    """`value` without the control characters XML 1.0 forbids (a feed with one is unreadable)."""
    return _NOT_XML.sub("", str(value))


class _MarkedLevels:
    """Stands for a page's body in a shared table: its title's heading level is a marker."""

    @staticmethod
    def table_level(what: str) -> str:
        return LEVEL


_MARKED_LEVELS = _MarkedLevels()


@dataclass(frozen=True)
class Tables:
    """A document's tables, rendered when a template first asks."""

    targets: Callable[[], Markup]
    results: Callable[[], Markup]


class Renderer:
    """Renders pages with shared globals: config, asset fingerprints, the site in each language."""

    def __init__(self, root: Path, config: Config, fingerprints: dict[str, str], sites: dict[str, tuple[Site, dict]]):
        self.env = make_environment(root)
        self.config = config
        self.fingerprints = fingerprints
        self.sites = sites
        self.share_images: dict[str, str] = {}  # {page URL: share image URL with its digest}
        self._lang: str | None = None
        self._languages: dict[
            str, tuple[dict, dict, str]
        ] = {}  # {lang: (gettext functions, results' documents, "Draft")}
        self._draft = "Draft"
        self._tables: dict = {}
        self._expanded: tuple = (None, {})
        self._result_documents: dict = {}

    def compile_all(self) -> None:
        """Compile every template now (before worker processes fork and inherit them)."""
        for name in self.env.list_templates():
            self.env.get_template(name)

    def _use_language(self, lang: str) -> None:
        """Make the templates speak `lang`. Pages of both languages come mixed (a document's
        versions are rendered together, see workers), so each language's state is made once."""
        if lang == self._lang:
            return
        if lang not in self._languages:
            translations = i18n.ui_translations(lang)
            # added to the environment by the jinja2.ext.i18n extension, so unknown to the type checker
            self.env.install_gettext_translations(translations, newstyle=True)  # type: ignore[attr-defined]
            strings = {name: self.env.globals[name] for name in _GETTEXT if name in self.env.globals}
            site = self.sites[lang][0]
            self._languages[lang] = (
                {**strings, **ui_strings(translations)},
                {id(result): doc for doc in site.documents for result in doc.results},
                translations.gettext("Draft"),
            )
        strings, self._result_documents, self._draft = self._languages[lang]
        self.env.globals.update(strings)
        self._lang = lang

    def render(self, page: Page) -> bytes:
        """The page's bytes (UTF-8). Template errors propagate (see template_problem)."""
        self._use_language(page.lang)
        context = self._expand(page)
        variables = self._globals(page, context)
        if page.template in ORGANIZATION_PAGES:
            context["term_table"] = self._shared("_term_table.html", context["org"].id, page, variables, context)
        if page.template in DOCUMENT_PAGES:
            key, levels = context["doc"].key, context["body"]
            context["tables"] = Tables(  # the same on the page and its embed but for their titles' levels
                lambda: self._shared("_targets.html", key, page, variables, context, levels.table_level("targets")),
                lambda: self._shared("_results.html", key, page, variables, context, levels.table_level("results")),
            )
        html = self.env.get_template(page.template).render(**variables, **context)
        if page.template in DOCUMENT_PAGES:
            html = self._place_tables(html, context["tables"])
        return html.encode("utf-8")

    def render_listing(self, template: str, lang: str, **context) -> bytes:
        """A feed, sitemap or robots.txt: `template` with `context` and the config."""
        self._use_language(lang)
        text = self.env.get_template(template).render(config=self.config, lang=lang, urls=urls, **context)
        return text.encode("utf-8")

    def absolute(self, url: str) -> str:
        return urls.absolute(self.config.base_url, url)

    def _globals(self, page: Page, context: dict) -> dict:
        current, lang = page.url, page.lang
        absolute_links = page.template == "404.html"  # served at any depth: root-based links
        base_path = "/" + self.config.base_url.split("://", 1)[-1].split("/", 1)[-1] if absolute_links else ""
        fallbacks = self.sites[lang][1]

        def url(target: str) -> str:
            if absolute_links:
                return base_path.rstrip("/") + "/" + target
            return urls.relative(current, target)

        def static(name: str) -> str:
            return url(urls.static(name)) + f"?v={self.fingerprints.get(name, '0')}"

        def lang_attr_of(doc: Document, field: str) -> Markup:
            """` lang="vi"` on a document's text still in Vietnamese on a page in another language."""
            if lang != "vi" and field in fallbacks.get(doc.key, ()):
                return Markup(' lang="vi"')
            return Markup("")

        def lang_attr(field: str) -> Markup:
            return lang_attr_of(context["doc"], field)

        def lang_attr_of_result(result) -> Markup:
            doc = self._result_documents.get(id(result))
            return lang_attr_of(doc, f"results.{result.id}.result") if doc else Markup("")

        embed_url = self.absolute(page.embed) if page.embed else ""
        neutral = urls.neutral(current, lang)
        switch = {other: url(urls.in_language(neutral, other)) for other in self.config.languages if other != lang}
        share = self.share_images.get(page.url) or self.share_images.get(urls.home(lang), "")
        return {
            "config": self.config,
            "site": self.sites[lang][0],
            "lang": lang,
            "share_image": self.absolute(share),
            "page_url": current,
            "canonical": self.absolute(page.canonical_url),
            "alternates": {} if absolute_links else {k: self.absolute(v) for k, v in page.alternates},
            "switch": switch,
            "draft_prefix": f"[{self._draft}] " if page.draft else "",
            "url": url,
            "static": static,
            "urls": urls,
            "ids": anchors,
            "lang_attr": lang_attr,
            "embed_url": embed_url,
            "embed_code": functools.partial(embed.snippet, embed_url),
            "embed_message": embed.HEIGHT_MESSAGE,
            "lang_attr_of": lang_attr_of,
            "lang_attr_of_result": lang_attr_of_result,
            "number": lambda value: format_decimal(value, locale=lang),
        }

    def _expand(self, page: Page) -> dict:
        """pages.expand; an organization's page and its embed, rendered one after the other, share
        one (the term table is the costliest part of either)."""
        if page.template not in ORGANIZATION_PAGES:
            return expand(page, self.sites[page.lang][0])
        key = (page.lang, page.context["org"].id)
        if self._expanded[0] != key:
            self._expanded = (key, expand(page, self.sites[page.lang][0]))
        return dict(self._expanded[1])

    def _shared(self, template: str, owner, page: Page, variables: dict, context: dict, level: int = 2) -> Markup:
        """A table shown on a page and on its embed (the costliest part of both), rendered once:
        its links are rendered as markers, then made relative to each page, and its title's
        heading level (`body.table_level`) as a marker, then set to `level`."""
        key = (template, owner, page.lang)
        if key not in self._tables:
            if len(self._tables) > 8:
                self._tables.clear()
            marked = {**variables, "url": lambda target: f"{LINK}{target}{LINK}"}
            self._tables[key] = self.env.get_template(template).render({**marked, **context, "body": _MARKED_LEVELS})
        html = _LINKS.sub(lambda match: variables["url"](match.group(1)), self._tables[key])
        return Markup(html.replace(LEVEL, str(level)))

    @staticmethod
    def _place_tables(html: str, tables: Tables) -> str:
        """Put the rendered targets/results tables where the body's [[…]] lines were."""
        for what, table in (("targets", tables.targets), ("results", tables.results)):
            marker = markdown.PLACEHOLDER.format(what)
            if marker in html:
                html = html.replace(marker, table(), 1)
        return html


def ui_strings(translations: gettext.NullTranslations) -> dict[str, Callable]:
    """The templates' `_`, `gettext` and `ngettext` for one language: what jinja2.ext.i18n's
    newstyle functions give (Markup under autoescape, always %-formatted, `num` set), without
    their cost. Theirs take the template context, which Jinja copies on every call made inside
    a loop (a table row's labels: 700,000 calls at 1,000 documents); these take only the
    autoescape setting, and keep each fixed string translated and formatted once."""
    fixed: dict[tuple[str, bool], str] = {}

    @jinja2.pass_eval_context
    def gettext_(eval_ctx: EvalContext, string: str, **variables) -> str:
        if not variables:
            key = (string, eval_ctx.autoescape)
            if key not in fixed:
                fixed[key] = (Markup if key[1] else str)(translations.gettext(string)) % {}
            return fixed[key]
        text = translations.gettext(string)
        return (Markup(text) if eval_ctx.autoescape else text) % variables

    @jinja2.pass_eval_context
    def ngettext_(eval_ctx: EvalContext, singular: str, plural: str, num: int, **variables) -> str:
        variables.setdefault("num", num)
        text = translations.ngettext(singular, plural, num)
        return (Markup(text) if eval_ctx.autoescape else text) % variables

    return {"_": gettext_, "gettext": gettext_, "ngettext": ngettext_}


def template_problem(exc: Exception) -> ContentError:
    """A template bug, as the editor-facing problem it becomes (never a traceback)."""
    if isinstance(exc, jinja2.TemplateSyntaxError):
        return ContentError(f"templates/{exc.name}", exc.lineno, 1, messages.TEMPLATE, {"problem": exc.message})
    line, name = _template_position(exc)
    return ContentError(name, line, 1, messages.TEMPLATE, {"problem": f"{type(exc).__name__}: {exc}"})


def _template_position(exc: Exception) -> tuple[int, str]:
    """The innermost template frame of a runtime template error."""
    tb, found = exc.__traceback__, (1, "templates")
    while tb is not None:
        filename = tb.tb_frame.f_code.co_filename
        if filename.endswith((".html", ".xml", ".txt")):
            found = (tb.tb_lineno, "templates/" + Path(filename).name)
        tb = tb.tb_next
    return found
