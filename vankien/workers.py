"""Pages and share images made in worker processes (both cores; threads would share one GIL).

Each page is rendered into the page cache under its key (pipeline.stage_render decides which
are missing); each share image is drawn once per card digest. Pages go to the workers grouped by
what they show (a document's page and embed in every language, `_owner`). Workers are forked after the
site, the page list and the compiled templates are in memory, so nothing big is sent to them:
a task is a list of indexes, an answer the problems met. Small jobs (the preview's saves) run
in this process, where starting workers would cost more than the work.
"""

from __future__ import annotations

import gc
import os
from collections.abc import Callable
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from vankien import cache, forking, render, social, urls
from vankien.errors import BuildFailed, ContentError
from vankien.pages import Page
from vankien.progress import Progress

CHUNK = 16  # pages per task: small enough to balance, large enough to amortize
IN_PROCESS = 24  # at most this many items: no workers


@dataclass
class Job:
    root: Path
    renderer: render.Renderer
    pages: list[Page]
    page_files: list[tuple[int, Path]]  # (index in pages, cache file) of the pages to render
    cards: list[tuple[social.Card, Path]]  # share images to draw
    beside: Callable[[], Any] | None = None  # work for this process while the workers render
    made: Any = None  # what `beside` returned


_JOB: Job | None = None  # what forked workers inherit


def _render_pages(indexes: list[int]) -> list[ContentError]:
    job = _JOB
    assert job is not None  # set before the workers fork
    files = dict(job.page_files)
    for index in indexes:
        try:
            data = job.renderer.render(job.pages[index])
        except BuildFailed as exc:  # a content file saved again since it was loaded (content.Body)
            return list(exc.problems)
        except Exception as exc:  # a template bug reads as one, never as a traceback
            return [render.template_problem(exc)]
        cache.write_atomic(files[index], data)
    return []


def _draw(cards: list[tuple[social.Card, Path]]) -> list[ContentError]:
    assert _JOB is not None  # set before the workers fork
    for card, target in cards:
        cache.write_atomic(target, social.draw(_JOB.root, card))
    return []


def _task(task: tuple[str, list]) -> tuple[int, list[ContentError]]:
    kind, items = task
    return len(items), (_render_pages(items) if kind == "pages" else _draw(items))


def run(job: Job) -> list[ContentError]:
    """Render and draw everything `job` lists into the cache; the problems met (a template
    error stops the job at its first occurrence in each task). `job.beside` runs meanwhile in
    a thread of this process, which otherwise only waits (after the workers fork: a fork never
    copies a running thread); its result goes to `job.made`, its exception is raised here
    (unless there are problems: then nothing is made)."""
    global _JOB
    indexes = sorted((index for index, _ in job.page_files), key=lambda index: _owner(job.pages[index]))
    tasks: list[tuple[str, list]] = [("pages", indexes[i : i + CHUNK]) for i in range(0, len(indexes), CHUNK)]
    cards = sorted(job.cards, key=lambda item: _heading(item[0]))  # those sharing a top together (social._png)
    tasks += [("cards", cards[i : i + CHUNK]) for i in range(0, len(cards), CHUNK)]
    total = len(indexes) + len(job.cards)
    problems: list[ContentError] = []
    _JOB = job
    try:
        with Progress("Dựng trang / rendering", total) as progress:
            if total <= IN_PROCESS or (os.cpu_count() or 1) < 2:
                answers = map(_task, tasks)
                for count, found in answers:
                    problems += found
                    progress.advance(count)
                job.made = job.beside() if job.beside and not problems else None
                return _first(problems)
            job.renderer.compile_all()
            # What the workers inherit (the site, the pages, the templates: every object now) is
            # left out of their garbage collections, each of which walked it all (a fifth of
            # their time went to full collections), and so stays shared with this process.
            gc.freeze()
            try:
                with forking.pool() as pool, ThreadPoolExecutor(1) as side:
                    beside = side.submit(job.beside) if job.beside else None
                    for count, found in pool.imap_unordered(_task, tasks):
                        problems += found
                        progress.advance(count)
                    job.made = beside.result() if beside and not problems else None  # a failed build needs none
            finally:
                gc.unfreeze()  # this process goes on (the preview): its garbage is collected again
    finally:
        _JOB = None
    return _first(problems)


def _owner(page: Page) -> str:
    """What a page shows, the same for its language versions and its embed (`so-tttt-tphcm/dai-hoi-2022/`):
    rendered one after the other, in one task, they share the document's parsed body (an
    untranslated English page shows the Vietnamese one) and its tables."""
    return urls.neutral(page.url, page.lang).removeprefix("embed/")


def _heading(card: social.Card) -> tuple:
    """What a share image shows above its title: cards drawn one after the other with the same
    compress those rows once."""
    return (card.lang, card.site, card.draft, card.eyebrow)


def _first(problems: list[ContentError]) -> list[ContentError]:
    """The same template bug met by several workers is reported once."""
    seen, unique = set(), []
    for problem in problems:
        if problem.location not in seen:
            seen.add(problem.location)
            unique.append(problem)
    return unique
