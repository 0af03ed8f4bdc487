"""What the search page needs beside Pagefind's index, read from that index once it is built.

Per language, two JSON files inside the search bundle, each also written gzip-compressed
(`….json.gz`, what the search page fetches: a host may not compress JSON itself; the plain file
is for browsers without DecompressionStream):

- `vankien.<lang>.json` (fetched with the search page): the folding table and the
  abbreviations (vankien/folding.py, vankien/vocabulary.py: the page never re-types them),
  the *names* — each organization and topic page with the spellings of its name a reader may
  type, so a query that is a page's name puts that page first — and the *facets*: each filter
  value with a key that is the same in both languages, for `?org=…&level=…` in the URL.
- `vankien-words.<lang>.json` (fetched with the first query: is every typed word in the index?):
  every indexed word, folded, with its
  most frequent written form and its count, for "did you mean" suggestions.

Everything comes from Pagefind's own fragments (what was indexed, under the ids the search
API returns), so names and words never disagree with the index.
"""

from __future__ import annotations

import collections
import gzip
import html
import json
import os
import re
import threading
from collections.abc import Mapping
from pathlib import Path

from vankien import folding, forking, searchtext
from vankien.vocabulary import ABBREVIATIONS, LEVEL_PREFIXES, LEVEL_SUFFIXES, UNION_WORDS

STROKE = "\u0335"  # the mark the indexer's copy adds to d for đ (vankien/search.py)
# in the page's bytes (the templates put one space between the two attributes)
FACET = re.compile(rb'data-pagefind-filter="([^"]*)"\s+data-facet="([^"]*)"')
LANG = re.compile(rb'<html lang="([A-Za-z-]+)"')
_EDGES = re.compile(r"^[^a-z0-9&]+|[^a-z0-9&.]+$")


def spelled_out(text: str) -> str:
    """Folded, lower case, abbreviations written out, punctuation gone, one space between
    words: `Đoàn Sở TT&TT TP.HCM` → `doan so thong tin va truyen thong thanh pho ho chi minh`.
    static/js/search.js applies the same steps to the query."""
    words = []
    for token in folding.fold(text).lower().split():
        token = _EDGES.sub("", token)
        whole = ABBREVIATIONS.get(token) or ABBREVIATIONS.get(token.replace(".", ""))
        if whole:
            words.append(whole)
        else:
            words.extend(ABBREVIATIONS.get(word, word) for word in re.findall(r"[a-z0-9]+", token))
    return " ".join(" ".join(words).split())


def _without_union(text: str) -> str:
    for words in UNION_WORDS:
        text = re.sub(rf"(^| ){words}(?= |$)", " ", text)
    return " ".join(text.split())


def name_keys(*names: str) -> list[str]:
    """The spellings of an organization's or topic's name a reader may type, spelled out, best
    first: the name, then without the level words (`Quận Đoàn Bình Tân` → `binh tan`,
    `quan binh tan`; `Binh Tan District Youth Union` → `binh tan district`, `binh tan`)."""
    keys: list[str] = []

    def add(key: str) -> None:
        if len(key) >= 3 and key not in keys:
            keys.append(key)

    for name in names:
        full = spelled_out(name)
        add(full)
        add(_without_union(full))
        stripped = full
        for prefix in LEVEL_PREFIXES:
            if stripped.startswith(prefix + " "):
                stripped = stripped[len(prefix) + 1 :]
                break
        changed = True
        while changed:
            changed = False
            for suffix in LEVEL_SUFFIXES:
                if stripped.endswith(" " + suffix):
                    add(stripped)
                    stripped = stripped[: -len(suffix) - 1]
                    changed = True
        add(stripped)
        add(_without_union(stripped))
    return keys


WORD = re.compile(r"[\w&]+")
IN_PROCESS = 200  # at most this many fragments: finished in this process (forking costs more)


def language(page: bytes) -> str:
    """The language Pagefind files a page under: its `<html lang>`, lower case (`pt-BR` →
    `pt-br`, the prefix of its page ids), `unknown` without one."""
    found = LANG.search(page)
    return found.group(1).decode("ascii").lower() if found else "unknown"


def add_facets(found: dict[str, dict[str, dict[str, str]]], lang: str, page: bytes) -> None:
    """Add the filter values of `page` to `found`, {lang: {filter name: {value shown: "param=key"}}},
    from its filter spans: `<span data-pagefind-filter="Tổ chức:Quận Đoàn Bình Tân"
    data-facet="org:quan-doan-binh-tan">` (templates/document.html, organization.html)."""
    for shown, facet in FACET.findall(page):
        filter_name, _, value = html.unescape(shown.decode("utf-8")).partition(":")
        param, _, key = html.unescape(facet.decode("utf-8")).partition(":")
        found.setdefault(lang, {}).setdefault(filter_name, {})[value] = f"{param}={key}"


def unfold(text: str) -> str:
    """The indexer's copy back to the published text: `d̵` → `đ`."""
    for letter, plain in folding.FOLD_LETTERS.items():
        text = text.replace(plain + STROKE, letter)
    return text


def finish(bundle: Path, facets: Mapping[str, dict[str, dict[str, str]]], all_cores: bool = False) -> None:
    """Finish the bundle of one indexer run in one pass over its fragments, each read once: long
    texts moved out of the fragments (vankien/searchtext.py) and, per language, `vankien.<lang>.json`
    and `vankien-words.<lang>.json` written (see above). `facets` as add_facets collects them.
    With `all_cores`, more than IN_PROCESS fragments and no other thread in this process (a fork
    copies only the calling thread), forked workers (vankien/forking.py) take a run of fragments
    each; their names and words are joined in fragment order, so the files are the same."""
    paths = sorted((bundle / "fragment").glob("*.pf_fragment"))
    (bundle / "text").mkdir(exist_ok=True)
    processes = os.cpu_count() or 1
    if all_cores and processes > 1 and len(paths) > IN_PROCESS and threading.active_count() == 1:
        size = -(-len(paths) // processes)
        tasks = [(bundle, paths[start : start + size], facets) for start in range(0, len(paths), size)]
        with forking.pool() as pool:
            parts = pool.map(_read_pass, tasks)
    else:
        parts = [_read_pass((bundle, paths, facets))]
    names: dict[str, list] = collections.defaultdict(list)
    tokens: dict[str, collections.Counter] = collections.defaultdict(collections.Counter)
    for part_names, part_tokens in parts:  # in fragment order: the order words are first met is kept
        for lang, found in part_names.items():
            names[lang] += found
        for lang, counted in part_tokens.items():
            tokens[lang].update(counted)
    for lang in sorted(set(names) | set(tokens)):
        common = {
            "fold": folding.FOLD_LETTERS,
            "mark": STROKE,
            "abbreviations": ABBREVIATIONS,
            "union": list(UNION_WORDS),
            "names": sorted(names[lang], key=lambda n: n[1]),
            "facets": facets.get(lang, {}),
        }
        _write_json(bundle / f"vankien.{lang}.json", json.dumps(common, ensure_ascii=False))
        table = word_table(tokens[lang])
        _write_json(bundle / f"vankien-words.{lang}.json", json.dumps(table, ensure_ascii=False, separators=(",", ":")))


def _read_pass(task: tuple[Path, list[Path], Mapping]) -> tuple[dict[str, list], dict[str, collections.Counter]]:
    """Move the long texts out of the fragment files `paths` of `bundle`; the names and the
    whitespace-separated tokens (counted, in the order met) of their pages, per language."""
    bundle, paths, facets = task
    names: dict[str, list] = collections.defaultdict(list)
    tokens: dict[str, collections.Counter] = collections.defaultdict(collections.Counter)
    for path in paths:
        data, changed = searchtext.read_fragment(path), False
        for page_id, fragment in searchtext.pages_of(data, path.stem):
            lang = page_id.split("_", 1)[0]
            meta = fragment.get("meta", {})
            if meta.get("name"):  # organization and topic pages (templates: data-pagefind-meta="name:…")
                names[lang].append(_name(page_id, fragment, facets.get(lang, {})))
            words = searchtext.words_of(fragment.get("content", ""))
            tokens[lang].update(words)  # Counter.update counts in C; words are made of whole tokens
            tokens[lang].update(" ".join(str(v) for v in meta.values()).split())
            changed = searchtext.move_text(bundle, page_id, fragment, words) > 0 or changed
        if changed:
            searchtext.write_fragment(path, data)
    return dict(names), dict(tokens)


def _name(page_id: str, fragment: dict, shown: dict[str, dict[str, str]]) -> list:
    """[page id, url, title, kind, spellings of the name, "param=key" of its filter values]."""
    meta = fragment["meta"]
    title = unfold(meta.get("title", ""))
    page_facets = sorted(
        shown[unfold(name)][unfold(value)]
        for name, values in fragment.get("filters", {}).items()
        for value in values
        if unfold(value) in shown.get(unfold(name), {})
    )
    keys = name_keys(title, unfold(meta["name"]))
    return [page_id, fragment["url"], title, unfold(meta.get("kind", "")), keys, page_facets]


def word_table(tokens: collections.Counter) -> list[list]:
    """[[folded word, its most frequent written form, count], …] sorted, from the pages' text
    split at whitespace: `tokens` counts each whitespace-separated token, in the order met. A
    word never spans whitespace, so each distinct token is unfolded, lowered and cut into words
    once, and the counts (and the order words are first met, which breaks ties) are those of the
    whole text cut into words."""
    counts: collections.Counter = collections.Counter()
    for token, count in tokens.items():
        for word in WORD.findall(unfold(token).lower()):
            counts[word] += count
    words: dict[str, tuple[str, int]] = {}
    for word, count in counts.most_common():
        plain = folding.fold(word)
        if re.fullmatch(r"[a-z0-9&]+", plain):
            best = words.get(plain)
            words[plain] = (best[0] if best else word, (best[1] if best else 0) + count)
    return [[plain, shown, count] for plain, (shown, count) in sorted(words.items())]


def _write_json(path: Path, text: str) -> None:
    """`path` and its gzip-compressed copy `path.gz` (the same bytes on every build: no timestamp)."""
    data = text.encode("utf-8")
    path.write_bytes(data)
    path.with_name(path.name + ".gz").write_bytes(gzip.compress(data, compresslevel=9, mtime=0))
