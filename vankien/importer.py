"""`build.py import`: a Word document (.docx) or its plain-text export (.txt) → a content file.

The importer keeps every paragraph word for word and only adds structure: headings from the
document's own numbering (Phần thứ…, I., 1., 1.1., 6.2.1.), list items, the targets list
(under "HỆ THỐNG CHỈ TIÊU") and the results table (tab-separated cells) as front matter, Word
debris removed. What it guesses (title, kind, period) is marked for the editor to check; the
result is a starting point that the validator then checks like any other file.
"""

from __future__ import annotations

import re
import unicodedata
import zipfile
from dataclasses import dataclass, field
from pathlib import Path
from xml.etree import ElementTree

from vankien.vocabulary import normalize_assessment

PART = re.compile(r"^Phần thứ (nhất|hai|ba|tư|năm|sáu)\b", re.IGNORECASE)
ROMAN = re.compile(r"^(?:I|II|III|IV|V|VI|VII|VIII|IX|X|XI|XII)\.\s+\S")
NUMBERED = re.compile(r"^(\d+)\.\s+\S")
SUB = re.compile(r"^\d+\.\d+\.\s+\S")
SUBSUB = re.compile(r"^\d+\.\d+\.\d+\.\s+\S")
BULLET = re.compile(r"^(?:[-–]\s*|\+\s+|[·•]\s*)(?=\S)")
DEBRIS = re.compile(r"\[bookmark:[^\]]*\]")
TARGETS_HEADING = re.compile(r"HỆ THỐNG CHỈ TIÊU", re.IGNORECASE)
RESULTS_HEADING = re.compile(r"(KẾT QUẢ THỰC HIỆN HỆ THỐNG CHỈ TIÊU|ĐÁNH GIÁ MỨC ĐỘ HOÀN THÀNH)", re.IGNORECASE)
TERM = re.compile(r"(?:LẦN THỨ\s+([IVX]+)[,\s]+)?NHIỆM KỲ\s+(?:([IVX]+)\s*)?\(?\s*(\d{4})\s*[-–]\s*(\d{4})")
TARGET_ITEM = re.compile(r"^(?:\((\d+)\)|(\d+)\.)\s+(.+)$")
KIND_WORDS = {"CHƯƠNG TRÌNH", "KẾ HOẠCH", "BÁO CÁO", "NGHỊ QUYẾT", "BÁO CÁO CHÍNH TRỊ"}
HEADER_CELLS = {"tt", "stt", "nội dung", "kết quả", "đánh giá", "chỉ tiêu"}


@dataclass
class Imported:
    """A content file as text, and what the importer found and guessed."""

    front: dict = field(default_factory=dict)
    body: list[str] = field(default_factory=list)
    targets: list[dict] = field(default_factory=list)
    results: list[dict] = field(default_factory=list)
    footnotes: list[str] = field(default_factory=list)
    headings: int = 0
    notes: list[str] = field(default_factory=list)


# -- reading the source ---------------------------------------------------------------


def read_source(path: Path) -> str:
    """The document as text lines, in the shape of a Word plain-text export."""
    if path.suffix.lower() == ".docx":
        return docx_text(path)
    raw = path.read_bytes()
    return raw.decode("utf-8-sig")


W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"


def docx_text(path: Path) -> str:
    """Paragraphs one per line; table cells as tab-led lines, rows apart; footnotes as [^n]."""
    with zipfile.ZipFile(path) as archive:
        body = ElementTree.fromstring(archive.read("word/document.xml")).find(f"{W}body")
        notes = {}
        if "word/footnotes.xml" in archive.namelist():
            for note in ElementTree.fromstring(archive.read("word/footnotes.xml")).iter(f"{W}footnote"):
                text = "".join(t.text or "" for t in note.iter(f"{W}t")).strip()
                if text:
                    notes[note.get(f"{W}id")] = text
    lines: list[str] = []
    order: list[str] = []
    for block in body if body is not None else ():  # a document.xml without a body has no text
        if block.tag == f"{W}p":
            lines.append(_paragraph(block, notes, order))
        elif block.tag == f"{W}tbl":
            for row in block.iter(f"{W}tr"):
                for cell in row.iter(f"{W}tc"):
                    lines.append("\t" + " ".join(_paragraph(p, notes, order) for p in cell.iter(f"{W}p")))
                lines.append("")
    lines.append("")
    lines += [f"[^{index}]: {notes[note_id]}" for index, note_id in enumerate(order, start=1)]
    return "\n".join(lines)


def _paragraph(paragraph, notes: dict, order: list) -> str:
    parts = []
    for node in paragraph.iter():
        if node.tag == f"{W}t":
            parts.append(node.text or "")
        elif node.tag == f"{W}tab":
            parts.append("\t")
        elif node.tag == f"{W}footnoteReference" and node.get(f"{W}id") in notes:
            order.append(node.get(f"{W}id"))
            parts.append(f"[^{len(order)}]")
    return "".join(parts)


# -- structure --------------------------------------------------------------------------


def clean(text: str) -> list[str]:
    """NFC lines without Word bookmarks, with the export's broken sentences joined back."""
    text = unicodedata.normalize("NFC", text.replace("\r\n", "\n").replace("\u00a0", " "))
    lines = [DEBRIS.sub("", line).rstrip() for line in text.split("\n")]
    joined: list[str] = []
    for line in lines:
        stripped = line.strip()
        if joined and stripped and not line.startswith("\t") and _continues(stripped) and joined[-1].strip():
            joined[-1] = joined[-1].rstrip() + ("" if stripped[0] in ";,.:)" else " ") + stripped
        else:
            joined.append(line)
    return joined


def _continues(line: str) -> bool:
    """A line the export broke off its sentence: it starts with punctuation or a small letter."""
    return line[0] in ";,.)" or (line[0].islower() and not BULLET.match(line))


def heading_level(line: str, has_parts: bool) -> int | None:
    """The Markdown level of a numbered heading line, or None for body text."""
    base = 2 if has_parts else 1
    if PART.match(line):
        return 2
    if SUBSUB.match(line):
        return base + 4
    if SUB.match(line):
        return base + 3
    if ROMAN.match(line):
        return base + 1
    if NUMBERED.match(line) and len(line) < 160 and not line.rstrip().endswith("."):
        return base + 2
    return None


def import_text(text: str, kind: str | None = None) -> Imported:
    """The content file for a document's text (pure: no files)."""
    result = Imported()
    lines = clean(text)
    lines, result.footnotes = _split_footnotes(lines)
    has_parts = any(PART.match(line.strip()) for line in lines)
    _front(lines, result, kind)
    section = None  # "targets" / "results" while inside those sections
    index = 0
    while index < len(lines):
        line = lines[index].strip()
        index += 1
        if not line or set(line) <= {"-", "_", "*"}:
            continue
        if lines[index - 1].startswith("\t"):
            index = _table(lines, index - 1, result)
            continue
        level = heading_level(line, has_parts)
        if level:
            if PART.match(line):
                while index < len(lines) and lines[index].strip() and lines[index].strip().isupper():
                    line += ": " if not line.endswith(":") else " "
                    line += lines[index].strip()
                    index += 1
            result.body += [f"{'#' * level} {line}", ""]
            result.headings += 1
            section = "results" if RESULTS_HEADING.search(line) else "targets" if TARGETS_HEADING.search(line) else None
            if section == "targets":
                result.body += ["[[targets]]", ""]
            continue
        item = TARGET_ITEM.match(line)
        if section == "targets" and item:
            result.targets.append({"id": f"chi-tieu-{len(result.targets) + 1}", "text": _plain(item.group(3))})
            continue
        result.body += [_markdown_line(line), ""]
    if result.footnotes:
        result.body += [f"[^{n}]: {note}" for n, note in enumerate(result.footnotes, start=1)]
    return result


def _split_footnotes(lines: list[str]) -> tuple[list[str], list[str]]:
    """Footnote texts: `[^n]: …` lines (docx) or, in a text export, lines led by U+FFFD."""
    body, notes = [], []
    for line in lines:
        stripped = line.strip()
        if stripped.startswith("\ufffd"):
            notes.append(stripped.lstrip("\ufffd").strip())
        elif re.match(r"^\[\^\d+\]: ", stripped):
            notes.append(stripped.split(": ", 1)[1])
        else:
            body.append(line.replace("\ufffd", ""))
    return body, notes


def _front(lines: list[str], result: Imported, kind: str | None) -> None:
    """Guess title, kind and period from the opening lines; the editor checks them."""
    opening = [text.strip() for text in lines[:12] if text.strip()]
    first_structure = next((i for i, text in enumerate(opening) if heading_level(text, True)), len(opening))
    before = opening[:first_structure]
    title_lines = []
    if before and before[0].isupper():
        title_lines = [before[0]]
        if len(before) > 1 and before[0].upper() in KIND_WORDS:  # "KẾ HOẠCH" / "Hoạt động tình nguyện…"
            title_lines.append(before[1])
    upper = " ".join(opening).upper()
    guessed = kind or (
        "annual-program" if "CHƯƠNG TRÌNH" in upper else "plan" if "KẾ HOẠCH" in upper else "congress-report"
    )
    result.front["kind"] = guessed
    result.front["title"] = " ".join(t.capitalize() if t.isupper() and len(t.split()) <= 2 else t for t in title_lines)
    for line in title_lines:
        lines.remove(next(text for text in lines if text.strip() == line))
    year = re.search(r"năm (\d{4})", result.front["title"] or "", re.IGNORECASE)
    terms = [
        _term(m)
        for line in [result.front["title"]]
        + [text for text in lines if heading_level(text.strip(), True) or text.isupper()]
        for m in TERM.finditer(line.upper())
    ]
    if guessed == "annual-program" and year:
        result.front["period"] = f"{{year: {year.group(1)}}}"
    elif terms:
        result.front["period"] = max(terms, key=lambda t: (t[1], t[2]))[3]
        earlier = [
            t for t in terms if t[2] <= max(terms, key=lambda t: (t[1], t[2]))[1] and t[3] != result.front["period"]
        ]
        if earlier:
            result.front["reviews"] = max(earlier, key=lambda t: (t[1], t[2]))[3]
    result.notes.append("title, kind and period are guesses: check them")


def _term(match: re.Match) -> tuple[str | None, int, int, str]:
    """(roman term, from, to, YAML) of one "NHIỆM KỲ VI (2022 – 2027)" mention."""
    roman = match.group(2) or match.group(1)
    start, end = int(match.group(3)), int(match.group(4))
    term = f"term: {roman}, " if roman else ""
    return roman, start, end, f"{{{term}from: {start}, to: {end}}}"


def _table(lines: list[str], index: int, result: Imported) -> int:
    """Rows of tab-led cells, blank lines between rows → results. Returns the next line."""
    rows, row = [], []
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
    added = 0
    for cells in rows:
        cells = [c for c in cells if c.casefold() not in HEADER_CELLS]
        if cells and re.fullmatch(r"\d+\.?", cells[0]):
            cells = cells[1:]
        if len(cells) < 2:
            result.body += [" ".join(cells), ""] if cells else []
            continue
        entry = {"id": f"ket-qua-{len(result.results) + 1}", "target": _plain(cells[0])}
        if len(cells) > 2:
            entry["result"] = _plain(" ".join(cells[1:-1]))
        word = cells[-1]
        entry["assessment"] = normalize_assessment(_assessment_word(word)) or "not-assessed"
        entry["assessment_text"] = word
        result.results.append(entry)
        added += 1
    if added:
        result.body += ["[[results]]", ""]
    return index


def _assessment_word(cell: str) -> str:
    lowered = cell.lower().removeprefix("chỉ tiêu này").strip()
    return lowered.rstrip(".")


def _plain(text: str) -> str:
    return " ".join(text.replace("**", "").split())


def _markdown_line(line: str) -> str:
    line = re.sub(r"^\*\*\*\s*(.+?)\*\*$", r"**\1**", line)  # "*** Cấp Quận:**" → "**Cấp Quận:**"
    bullet = BULLET.match(line)
    if bullet:
        marker = "+" if line.startswith("+") else "-"
        return f"{marker} {line[bullet.end() :].strip()}"
    if NUMBERED.match(line) or re.match(r"^\d+\)", line):
        return re.sub(r"^(\d+)([.)])", r"\1\\\2", line)  # keep the document's own number
    return line


# -- writing ----------------------------------------------------------------------------


def _yaml_text(value: str) -> str:
    return '"' + value.replace("\\", "\\\\").replace('"', '\\"') + '"'


def render(result: Imported) -> str:
    """The content file's text."""
    out = [
        "---",
        "# Nhập tự động: kiểm tra tiêu đề, loại, kỳ, số văn bản, ngày; gắn chủ đề (topic) cho chỉ tiêu.",
        f"kind: {result.front['kind']}",
        f"title: {_yaml_text(result.front['title'])}" if result.front.get("title") else "title:   # điền tiêu đề",
    ]
    out.append(
        f"period: {result.front['period']}"
        if "period" in result.front
        else "period:   # {year: 2024} hoặc {term: VI, from: 2022, to: 2027}"
    )
    if "reviews" in result.front:
        out.append(f"reviews: {result.front['reviews']}")
    if result.results:
        out.append("results:")
        for entry in result.results:
            out.append(f"  - id: {entry['id']}")
            out.append(f"    target: {_yaml_text(entry['target'])}")
            if "result" in entry:
                out.append(f"    result: {_yaml_text(entry['result'])}")
            out.append(f"    assessment: {entry['assessment']}")
            out.append(f"    assessment_text: {_yaml_text(entry['assessment_text'])}")
    if result.targets:
        out.append("targets:")
        for entry in result.targets:
            out.append(f"  - id: {entry['id']}")
            out.append(f"    text: {_yaml_text(entry['text'])}")
    out.append("---")
    body = "\n".join(result.body).strip() + "\n"
    return "\n".join(out) + "\n" + re.sub(r"\n{3,}", "\n\n", body)


def summary(result: Imported) -> str:
    return (
        f"{result.headings} mục / sections, {len(result.targets)} chỉ tiêu / targets, "
        f"{len(result.results)} kết quả / results, {len(result.footnotes)} chú thích / footnotes"
    )
