"""Folding Vietnamese text to plain letters, and ids made from it: the one place these rules live.

Unicode decomposition takes tone and vowel marks off (`ế` → `e`, `ư` → `u`), but đ/Đ is a
letter of its own with no decomposition: FOLD_LETTERS maps it. The search page reads the same
table (written into the search data by vankien/searchdata.py), never a copy typed in JavaScript.
"""

from __future__ import annotations

import hashlib
import re
import unicodedata

FOLD_LETTERS = {"đ": "d", "Đ": "D"}  # letters that decomposition leaves alone
_TABLE = str.maketrans(FOLD_LETTERS)


def fold(text: str) -> str:
    """Text without diacritics, đ/Đ as d/D: `Kết nạp Đảng` → `Ket nap Dang` (case kept)."""
    decomposed = unicodedata.normalize("NFD", text.translate(_TABLE))
    return "".join(c for c in decomposed if not unicodedata.combining(c))


def slug(text: str, max_words: int | None = None) -> str:
    """Lower-case ASCII words joined by `-`: `Quận Đoàn Bình Tân` → `quan-doan-binh-tan`; `` if none."""
    words = re.findall(r"[a-z0-9]+", fold(text).lower())
    return "-".join(words[:max_words] if max_words else words)


def text_id(text: str) -> str:
    """An id for `text` that no other text shares: its slug when the text is that slug already
    (`quan-huyen`), else the slug and 8 hex digits of the text's SHA-1 (`dang-1f0c…` for
    `Đảng`, another for `Dang`), since folding maps different texts to one slug."""
    plain = slug(text)
    if plain and plain == text:
        return plain
    digest = hashlib.sha1(unicodedata.normalize("NFC", text).encode("utf-8")).hexdigest()[:8]
    return f"{plain}-{digest}" if plain else f"x-{digest}"
