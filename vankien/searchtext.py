"""Pagefind's fragments without the whole text of long pages.

Pagefind stores each page's whole text in its fragment (a document: 15–18 KB compressed), and
a search loads ten fragments at once, for titles and excerpts. An excerpt needs only the words
around the matches, so after indexing the fragment of a long page keeps its first
INLINE_WORDS words (the title and opening, where most excerpts fall) and the rest goes to
`text/<page id>.<n>.pf_text` files of CHUNK_WORDS words each (gzip-compressed, the words
joined by single spaces). The fragment says so in `vankien_text`; static/js/search.js fetches
only the files an excerpt falls in.

Words are the word positions Pagefind's locations count: the text split at whitespace as the
search page splits it (search-text.js WORD_SEPARATORS, JavaScript's `\\s` without U+FEFF).
"""

from __future__ import annotations

import gzip
import json
import os
import re
from pathlib import Path

INLINE_WORDS = 1500
CHUNK_WORDS = 3000
SIGNATURE = b"pagefind_dcd"
# JavaScript's /[^\S\uFEFF]+/: the characters of \s, U+FEFF left out.
SEPARATORS = re.compile("[\t\n\v\f\r \u00a0\u1680\u2000-\u200a\u2028\u2029\u202f\u205f\u3000]+")
_PYTHON_ONLY = re.compile("[\x1c-\x1f\x85]")  # whitespace to str.split, not to JavaScript


def words_of(text: str) -> list[str]:
    """`text` split into word positions, as the page splits it (SEPARATORS). str.split is the
    same split, and faster, but for five characters it also splits at and for the empty first
    and last words it drops."""
    if _PYTHON_ONLY.search(text):
        return SEPARATORS.split(text)
    words = text.split()
    if text[:1].isspace() or not text:
        words.insert(0, "")
    if text[-1:].isspace():
        words.append("")
    return words


def read_fragment(path: Path) -> dict:
    """A fragment file's JSON: one page (`{"url": …}`) or a group (page id → page)."""
    raw = gzip.decompress(path.read_bytes())
    return json.loads(raw[len(SIGNATURE) :] if raw.startswith(SIGNATURE) else raw)


def pages_of(data: dict, stem: str) -> list[tuple[str, dict]]:
    """(page id, page) of a fragment file's JSON; a single page's id is the file's stem."""
    if "url" in data:
        return [(stem, data)]
    return [(key, value) for key, value in data.items() if isinstance(value, dict) and "url" in value]


def write_fragment(path: Path, data: dict) -> None:
    """`data` as the fragment file `path`, compressed as Pagefind does; a new file, not the old one
    rewritten (a bundle's files may be linked)."""
    text = json.dumps(data, ensure_ascii=False, separators=(",", ":")).encode("utf-8")
    fresh = path.with_suffix(".new")
    fresh.write_bytes(gzip.compress(SIGNATURE + text, compresslevel=4, mtime=0))
    os.replace(fresh, path)


def move_text(bundle: Path, page_id: str, fragment: dict, words: list[str]) -> int:
    """Keep the first INLINE_WORDS of `words` (the page's `content`, words_of) in `fragment` and
    write the rest to `bundle/text/<page id>.<n>.pf_text` (the folder must exist); the number of
    text files written (0: a short page, `fragment` unchanged)."""
    if len(words) <= INLINE_WORDS:
        return 0
    fragment["content"] = " ".join(words[:INLINE_WORDS])
    fragment["vankien_text"] = {"id": page_id, "words": len(words), "inline": INLINE_WORDS, "chunk": CHUNK_WORDS}
    written = 0
    for number, start in enumerate(range(INLINE_WORDS, len(words), CHUNK_WORDS)):
        part = " ".join(words[start : start + CHUNK_WORDS]).encode("utf-8")
        (bundle / "text" / f"{page_id}.{number}.pf_text").write_bytes(gzip.compress(part, compresslevel=4, mtime=0))
        written += 1
    return written


def read_text(bundle: Path, fragment: dict) -> str:
    """A fragment's whole text again, its text files joined back (for tests and tools)."""
    about = fragment.get("vankien_text")
    if not about:
        return fragment.get("content", "")
    parts = [fragment["content"]]
    for number in range((about["words"] - about["inline"] + about["chunk"] - 1) // about["chunk"]):
        parts.append(gzip.decompress((bundle / "text" / f"{about['id']}.{number}.pf_text").read_bytes()).decode())
    return " ".join(parts)
