"""Reading a source document into lines: a plain-text export (.txt, UTF-8) or a Word file (.docx).

Both come out in one shape, `Source`: `lines` holds the paragraphs in reading order, a Word line
break (Shift+Enter) inside a paragraph kept as LINE_BREAK, and each table row as a `Row` of cell
texts (empty and merged cells in their own columns, so the columns stay aligned); `notes` holds the
footnote and endnote texts, numbered in the order of their references, which read `[^n]` in the text.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass, field
from pathlib import Path

TONED = "àáảãạăằắẳẵặâầấẩẫậèéẻẽẹêềếểễệìíỉĩịòóỏõọôồốổỗộơờớởỡợùúủũụưừứửữựỳýỷỹỵ"
# "ĐOÀ N HỌ C": a PDF text layer's space after a toned vowel, inside the syllable (the syllable's end
# is a final consonant or a glide: Vietnamese syllables end in c, ch, m, n, ng, nh, p, t, i, o, u, y)
SPLIT_SYLLABLE = re.compile(rf"(?<=[{TONED}{TONED.upper()}])\s(ng|nh|ch|c|m|n|p|t|o|i|u|y)(?![\wÀ-ỹ])", re.I)
LINE_BREAK = "\u2028"  # a line break inside a paragraph (Word's w:br); never in a text export


class SourceError(Exception):
    """The file cannot be read as a document: (vi, en) explanation in `args`."""


class Row(tuple):
    """One table row: its cells' texts, left to right."""


@dataclass
class Source:
    """A read document: lines (str, or Row for a table row), notes by number, warnings for the editor."""

    lines: list = field(default_factory=list)  # str or Row
    notes: list[str] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)
    references: int = 0  # footnote references met in the text


def read_source(path: Path) -> Source:
    """The document at `path` (.docx, or text in UTF-8 or UTF-16 with its byte-order mark);
    SourceError when it cannot be read."""
    if path.suffix.lower() == ".docx":
        from vankien.importer.docx import read_docx

        return read_docx(path)
    raw = path.read_bytes()
    # Notepad's "Unicode" and Word's "Unicode text" are UTF-16, always with a byte-order mark.
    encoding = "utf-16" if raw.startswith((b"\xff\xfe", b"\xfe\xff")) else "utf-8-sig"
    try:
        text = raw.decode(encoding)
    except UnicodeDecodeError as problem:
        raise SourceError(
            f"không phải văn bản UTF-8 ({problem.reason} ở byte {problem.start})",
            f"not UTF-8 text ({problem.reason} at byte {problem.start})",
        ) from None
    return text_source(text)


def text_source(text: str) -> Source:
    """A text export: footnotes led by U+FFFD or `[^n]: `, table cells as tab-led lines, rows apart."""
    text = unicodedata.normalize("NFC", text.replace("\r\n", "\n").replace("\r", "\n"))
    source = Source()
    splits = len(SPLIT_SYLLABLE.findall(text))
    if splits >= max(5, len(text.split()) // 20):  # the damage is systematic, not a chance "hộ y tế"
        text = SPLIT_SYLLABLE.sub(r"\1", text)
        source.warnings.append(f"{splits} âm tiết bị tách đã được nối lại / split syllables joined back (PDF text)")
    lines = text.split("\n")
    index = 0
    while index < len(lines):
        line = lines[index]
        if line.startswith("\t") and line.strip():
            index = _tab_block(lines, index, source)
            continue
        after_table = _tab_rows(lines, index, source) if "\t" in line.strip() else 0
        if after_table:
            index = after_table
            continue
        stripped = line.strip()
        if stripped.startswith("\ufffd"):
            source.notes.append(stripped.lstrip("\ufffd").strip())
        elif stripped.startswith("[^") and "]: " in stripped[:8]:
            source.notes.append(stripped.split("]: ", 1)[1])
        else:
            while "\ufffd" in line:  # a footnote reference the export kept as U+FFFD
                line = line.replace("\ufffd", f"[^{_next_reference(source)}]", 1)
            source.lines.append(line)
        index += 1
    return source


def _tab_rows(lines: list[str], index: int, source: Source) -> int:
    """Rows with their cells apart by tabs on one line (Word's own "Plain Text" export of a table):
    a table when the first row names two known columns (TT, Nội dung, Kết quả…) or every row has
    the same three cells or more. Adds the rows and returns the next line, or returns 0."""
    from vankien.importer.targets import COLUMNS

    rows = []
    end = index
    while end < len(lines) and "\t" in lines[end].strip():
        rows.append([cell.strip() for cell in lines[end].strip().split("\t")])
        end += 1
    header = sum(1 for cell in rows[0] if " ".join(cell.casefold().split()).rstrip(":") in COLUMNS)
    if len(rows) < 2 or not (header >= 2 or (len({len(r) for r in rows}) == 1 and len(rows[0]) >= 3)):
        return 0
    source.lines.extend(Row(r) for r in rows)
    source.lines.append("")
    return end


def _next_reference(source: Source) -> int:
    source.references += 1
    return source.references


def _tab_block(lines: list[str], index: int, source: Source) -> int:
    """Tab-led lines, blank lines between rows: a table when two rows or more have two cells or more;
    otherwise (tab-indented paragraphs, e.g. a list of targets) the lines themselves."""
    rows, row, start = [], [], index
    while index < len(lines) and (lines[index].startswith("\t") or not lines[index].strip()):
        cell = lines[index].strip()
        if lines[index].startswith("\t") and cell:
            row.append(cell)
        elif row and not cell:
            rows.append(row)
            row = []
        index += 1
    if row:
        rows.append(row)
    if sum(1 for r in rows if len(r) >= 2) >= 2:
        while len(rows[0]) == 1:  # a title over the table ("Đánh giá mức độ hoàn thành")
            source.lines.append(rows.pop(0)[0])
        source.lines.extend(Row(r) for r in rows)
        source.lines.append("")
    else:
        source.lines.extend(line.strip() for line in lines[start:index])
    return index
