"""The preview's fast path: a save of documents (or of their translations), the commonest edit
by far, served before anything else is rendered.

A save that changed only bodies: everything else on the site is then what it was. Organization
pages, topic and comparison pages, home, feeds, sitemap and open data show a document's title,
figures, dates and targets, never its body (only `document.html` renders it). So after the files
are read and checked again (through the memo: the saved files alone), only the saved documents'
own pages are rendered, in this process, and written in place; the search index catches up after
the reload. Pages not rendered again (an embed, the organization's page…) keep their bytes and
their old key, whose rendering they still are: the next full build renders them under the new
key, to the same bytes. Whether a save is such a save is decided on what it produced, not guessed
from the file: the document checked again must equal the one on the site but for its body, its
translation likewise (and still translated or not), and its pages, made anew, must carry the same
facts (address, alternates, canonical, share card, inputs…) as before.

Any other save of documents (a title, a target's figure, dates, a new document…): the saved
documents' own pages (both languages, and their embeds and share images) are rendered first,
from the new site, and written in place, under the key a full build gives them; the build comes
back with `ahead` = those files, the only ones up to date. The caller reloads the browser, then
brings the rest up to date at once (pipeline.run with the memo: the pages that show the saved
documents, whose keys changed), and until then serves no other page (serve.py waits).

A deleted document, or any save but of documents, returns None: the caller runs the whole
pipeline (still reading and checking only what changed, see incremental.py).
"""

from __future__ import annotations

import copy
import dataclasses
from pathlib import PurePosixPath

from vankien import cache, pipeline, render, social, urls, write
from vankien.errors import BuildFailed
from vankien.incremental import Memo
from vankien.model import Site
from vankien.pages import Page, site_pages

DOCUMENT_TEMPLATES = ("document.html", "embed_document.html")
BODY = {"body", "body_at", "body_line"}  # where a document's body is, or the body itself
BODY_TEMPLATE = "document.html"  # the one page that shows a body (an embed shows the tables alone)


def save(previous: pipeline.Build, memo: Memo, changed: set[str]) -> pipeline.Build | None:
    """The site after a save of `changed` (project paths since `previous`, the build on disk):
    a complete build when only bodies changed (build.bodies_only); else, for documents the site
    still has, a build whose `ahead` names the files written (the saved documents' pages and
    share images) while every other file is still `previous`'s; None for any other save.
    Raises BuildFailed with every problem `check` would report (nothing is written then)."""
    keys = _document_keys(changed)
    if keys is None or previous.renderer is None or not previous.pages:
        return None
    checked = memo.delta(previous.root, changed)
    if checked is not None:
        build = pipeline.Build(previous.root, previous.output, memo=memo)
        build.config, build.site = previous.config, checked.site
        build.translations, build.statuses = checked.translations, checked.statuses
        build.diagnostics.extend(checked.problems)
        if build.problems:
            raise BuildFailed(build.problems + build.warnings)
    else:
        build = pipeline.run(previous.root, previous.output, pipeline.CHECK_STAGES, memo=memo, changed=changed)
    present = {doc.key for doc in build.site.documents}
    if build.config != previous.config or not keys <= present:
        return None
    build.code, build.inputs = memo.code, dict(memo.inputs)
    build.assets, build.in_place, build.index_now = previous.assets, previous.keys, False
    localized = pipeline.localized_sites(build)
    pages = _pages_of(build, localized, keys)
    where = {page.url: index for index, page in enumerate(previous.pages)}
    before = [page for page in previous.pages if page.template in DOCUMENT_TEMPLATES and _key(page) in keys]
    bodies = all(_same_but_body(previous, build, key) for key in keys) and {p.url for p in before} == set(pages)
    build.renderer = previous.renderer
    build.renderer.use_sites(localized)
    build.keys, build.outputs = dict(previous.keys), dict(previous.outputs)
    build.files, build.counts = previous.files, previous.counts
    if bodies and all(_facts(pages[p.url]) == _facts(p) for p in before):
        build.pages = list(previous.pages)
        for url, page in pages.items():
            build.pages[where[url]] = page
        _render(build, [page for page in pages.values() if page.template == BODY_TEMPLATE])
        build.bodies_only = True
        return build
    build.pages = list(pages.values())  # the saved documents' alone: the caller makes the whole list
    build.ahead = _share_images(build, build.pages) | _render(build, build.pages)
    return build


def _document_keys(changed: set[str]) -> set[tuple[str, str]] | None:
    """{(org, doc)} of the documents and translations among `changed`; None if anything else is."""
    keys = set()
    for path in changed:
        parts = PurePosixPath(path).parts
        if len(parts) != 4 or parts[:2] != ("content", "documents") or not parts[3].endswith((".vi.md", ".en.md")):
            return None
        keys.add((parts[2], parts[3].removesuffix(".vi.md").removesuffix(".en.md")))
    return keys


def _same_but_body(previous: pipeline.Build, build: pipeline.Build, key: tuple[str, str]) -> bool:
    """The document and its translation are those on the site but for their bodies (and the
    translation's `source:` version, which only marks it stale on its own page)."""
    old = next((d for d in previous.site.documents if d.key == key), None)
    new = next((d for d in build.site.documents if d.key == key), None)
    if old is None or new is None or not _same_but(old, new, BODY):
        return False
    was, now = previous.translations.get(key), build.translations.get(key)
    if was is None or now is None:
        return was is None and now is None
    return _same_but(was, now, BODY | {"source", "source_line"}) and now.has_body == was.has_body


def _same_but(old, new, ignored: set[str]) -> bool:
    """Two records (dataclasses) alike in every field but the `ignored` ones, which are not read
    (the old body's file has changed: it cannot be read any more)."""
    return all(getattr(old, f.name) == getattr(new, f.name) for f in dataclasses.fields(old) if f.name not in ignored)


def _pages_of(build: pipeline.Build, localized: dict, keys: set[tuple[str, str]]) -> dict[str, Page]:
    """{URL: page} of the documents `keys` in every language, made as site_pages makes them, from
    a site holding only each document and its organization's chain."""
    found = {}
    for key in keys:
        subset = {}
        for lang, (site, fallbacks) in localized.items():
            doc = next(d for d in site.documents if d.key == key)
            chain = [site.organizations[doc.org], *site.ancestors(doc.org)]
            organizations = {org.id: org for org in chain}
            only = Site(organizations, {}, (doc,), {})  # no topics: a document page's facts do not use them
            subset[lang] = (only, {key: fallbacks.get(key, frozenset())})
        for page in site_pages(build.config, subset, build.statuses, build.config.drafts_listed):
            if page.template in DOCUMENT_TEMPLATES and _key(page) == key:
                found[page.url] = page
    return found


def _key(page: Page) -> tuple[str, str] | None:
    doc = page.context.get("doc")
    return doc.key if doc is not None else None


def _facts(page: Page) -> Page:
    """The page without its context: what the rest of the site knows of it."""
    return dataclasses.replace(page, context={})


def _render(build: pipeline.Build, pages: list[Page]) -> set[str]:
    """Render `pages` here (a handful: no workers), into the page cache and the site, in place;
    their site paths."""
    renderer = build.renderer
    assert renderer is not None
    everything = cache.fingerprint(*(f"{k}={v}" for k, v in sorted(build.inputs.items())))
    folder = cache.private_dir(build.root, "pages")
    files: dict = {}
    previous = copy.copy(build.keys)
    for page in pages:
        key, path = pipeline.page_key(build, page, everything), urls.output_path(page.url)
        if key == previous.get(path) and (build.output / path).exists():
            continue
        try:
            data = renderer.render(page)
        except Exception as exc:  # a template bug reads as one, never as a traceback
            raise BuildFailed([render.template_problem(exc)]) from None
        if folder is not None:
            cache.write_atomic(folder / f"{key}.html", data)
        files[path], build.keys[path] = data, key
        build.outputs[path] = folder / f"{key}.html" if folder is not None else data
    write.update_in_place(build.output, files, previous, build.keys)
    return {urls.output_path(page.url) for page in pages}


def _share_images(build: pipeline.Build, pages: list[Page]) -> set[str]:
    """The share images of `pages` (drawn here when the cache has none), as stage_render names
    them, into the site in place; their site paths."""
    renderer = build.renderer
    assert renderer is not None
    fonts, folder = social.fonts_present(build.root), cache.private_dir(build.root, "share")
    files: dict = {}
    previous = dict(build.keys)
    for page in pages:
        if page.card is None:
            continue
        image, digest = urls.share_image(page.url), page.card.digest
        renderer.share_images[page.url] = f"{image}?v={digest[:10]}"
        if not fonts or previous.get(image) == digest:
            continue
        source = folder / f"{digest}.png" if folder is not None else None
        if source is not None and source.exists():
            files[image] = build.outputs[image] = source
        else:
            data = social.draw(build.root, page.card)
            if source is not None:
                cache.write_atomic(source, data)
            files[image] = build.outputs[image] = source if source is not None else data
        build.keys[image] = digest
    write.update_in_place(build.output, files, previous, build.keys)
    return {urls.share_image(page.url) for page in pages if page.card is not None and fonts}
