"""The costly pure readings of the check stages, made ahead on both cores.

Validation and the translation check ask, one document after another, for two things that depend
on one text only: the figures of a target's or result's words (`numbers.parse`) and the footnote
problems of a body (`markdown.footnote_problems`). Together they are most of those stages' time.
`read_ahead(raw)` makes them for every document in forked worker processes (threads would share
one GIL) and hands them to the two modules' memories; validation then runs exactly as before, in
this process and in the same order, finding them made. Nothing is decided in a worker: a text
whose reading is missing (a worker failed, a text normalized otherwise than guessed here) is
simply read again when asked, so problems, their order and their locations cannot change.
"""

from __future__ import annotations

import multiprocessing
import os
from collections import Counter

from vankien import forking, markdown, numbers
from vankien.content import RawContent

AHEAD_AT_LEAST = 200  # texts and bodies together: below, forking workers costs more than it saves
CHUNK = 64  # texts or bodies per task

_WORK: tuple[list[str], list[str]] | None = None  # (texts, bodies) the forked workers inherit


def figure_texts(raw: RawContent) -> list[str]:
    """The words `validate` will read figures from: each target's `text`, each result's `target`
    and `result`, stripped as the schema strips them (Prose); distinct, in reading order."""
    texts: dict[str, None] = {}
    for record in raw.documents:
        data = record.data if record.path.endswith(".vi.md") and isinstance(record.data, dict) else {}
        for key, fields in (("targets", ("text",)), ("results", ("target", "result"))):
            entries = data.get(key)
            for entry in entries if isinstance(entries, list) else ():
                for name in fields:
                    value = entry.get(name) if isinstance(entry, dict) else None
                    if isinstance(value, str) and value.strip():
                        texts[str(value).strip()] = None
    return list(texts)


def read_ahead(raw: RawContent) -> None:
    """Read the figures of `figure_texts(raw)` and the footnote problems of every body that can
    hold a footnote, in worker processes, into `numbers` and `markdown`'s memories. Does nothing
    on one core or for a small project (validation reads them as it goes)."""
    global _WORK
    markdown.forget_footnotes()
    texts = [text for text in figure_texts(raw) if not numbers.known(text)]
    asked = Counter(record.body for record in raw.documents if "[^" in record.body)
    bodies = list(asked)
    if len(texts) + len(bodies) < AHEAD_AT_LEAST or (os.cpu_count() or 1) < 2:
        return
    tasks = [("texts", i, i + CHUNK) for i in range(0, len(texts), CHUNK)]
    tasks += [("bodies", i, i + 1) for i in range(len(bodies))]  # a body is as much work as many texts
    _WORK = (texts, bodies)
    try:
        with forking.pool() as pool:
            for kind, start, found in pool.imap_unordered(_task, tasks):
                for offset, made in enumerate(found):
                    if kind == "texts":
                        numbers.remember(texts[start + offset], made)
                    else:
                        markdown.remember_footnotes(bodies[start + offset], made, asked[bodies[start + offset]])
    except (OSError, multiprocessing.ProcessError):
        return  # no workers to be had: validation reads everything itself
    finally:
        _WORK = None


def _task(task: tuple[str, int, int]) -> tuple[str, int, list]:
    kind, start, end = task
    assert _WORK is not None  # set before the workers fork
    texts, bodies = _WORK
    if kind == "texts":
        return kind, start, [tuple(numbers.parse(text)) for text in texts[start:end]]
    return kind, start, [markdown.footnote_problems(body) for body in bodies[start:end]]
