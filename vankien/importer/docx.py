"""A Word file (.docx) → `Source`, read with docx2python.

docx2python reads paragraphs, tables cell by cell (merged and empty cells kept in their own
columns), content controls (w:sdt), line breaks, hyperlinks, footnotes and endnotes. Before it
reads the file, three things Word shows but docx2python does not are written into the XML:
automatic numbering as Word renders it (w:numPr, in the paragraph or its style → the level's
lvlText with its numFmt, e.g. "I.", "1.1.", "a)"; counted per list and level, deeper levels
restarting), non-breaking hyphens (w:noBreakHyphen → "-") and soft hyphens (w:softHyphen → nothing).
Rule source: ECMA-376 Part 1, §17.9 (numbering) and §17.3.3 (run content).
"""

from __future__ import annotations

import io
import re
import warnings
import zipfile
from pathlib import Path

from lxml import etree

from vankien.importer.sources import LINE_BREAK, Row, Source, SourceError

W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
Q = f"{{{W}}}"
NOTE_REF = re.compile(r"----(footnote|endnote)(-?\d+)----")
IMAGE = re.compile(r"----(?:media/[^-]+|Image alt text---->[^<]*<)----?")
LINK = re.compile(r'<a href="([^"]*)">(.*?)</a>')
ROMAN = [(1000, "M"), (900, "CM"), (500, "D"), (400, "CD"), (100, "C"), (90, "XC")]
ROMAN += [(50, "L"), (40, "XL"), (10, "X"), (9, "IX"), (5, "V"), (4, "IV"), (1, "I")]
SYMBOL_BULLETS = {"-", "+", "–", "•", "·", "*", "o"}


def read_docx(path: Path) -> Source:
    """The Word file's body, tables and notes; SourceError when it is not a readable .docx."""
    from docx2python import docx2python

    try:
        prepared = _prepare(path)
        with warnings.catch_warnings(), docx2python(io.BytesIO(prepared), duplicate_merged_cells=False) as document:
            warnings.simplefilter("ignore")  # its notices are for developers; ours go in the summary
            body = document.body_pars
            notes = _notes(document.footnotes_pars, "footnote") | _notes(document.endnotes_pars, "endnote")
    except Exception as problem:  # a damaged or foreign file: any failure to read it is the file's, said plainly
        detail = f"{type(problem).__name__}: {problem}"
        raise SourceError(
            f"không phải tệp Word .docx đọc được ({detail})", f"not a readable .docx ({detail})"
        ) from None
    source = Source()
    order: dict[tuple[str, str], int] = {}
    images = 0

    def text_of(runs: list[str]) -> str:
        nonlocal images
        text = "".join(runs)
        images += len(IMAGE.findall(text))
        text = IMAGE.sub("", text)
        text = LINK.sub(lambda m: m.group(2) if m.group(1) in m.group(2) else f"{m.group(2)} ({m.group(1)})", text)

        def reference(match: re.Match) -> str:
            key = (match.group(1), match.group(2))
            if key not in notes:
                return ""
            order.setdefault(key, len(order) + 1)
            return f"[^{order[key]}]"

        return NOTE_REF.sub(reference, text).replace("\n", LINE_BREAK)

    for block in body:
        is_table = any(par.lineage[1] == "tbl" for row in block for cell in row for par in cell)
        for row in block:
            if is_table:
                source.lines.append(Row(LINE_BREAK.join(text_of(par.run_strings) for par in cell) for cell in row))
                continue
            for cell in row:
                source.lines.extend(text_of(par.run_strings) for par in cell)
        if is_table:
            source.lines.append("")
    source.notes = [notes[key] for key in sorted(order, key=order.__getitem__)]
    if images:
        source.warnings.append(f"{images} hình ảnh không được nhập / images not imported: add them by hand")
    return source


def _notes(pars, kind: str) -> dict[tuple[str, str], str]:
    """{(kind, id): text} from docx2python's notes, whose first run reads "footnote2)\\t"."""
    notes: dict[tuple[str, str], list[str]] = {}
    current = None
    for block in pars:
        for row in block:
            for cell in row:
                for par in cell:
                    text = "".join(par.run_strings)
                    lead = re.match(rf"{kind}(-?\d+)\)\t", text)
                    if lead:
                        current = (kind, lead.group(1))
                        text = text[lead.end() :]
                        notes[current] = []
                    if current and text.strip():
                        notes[current].append(text.strip())
    return {key: " ".join(texts) for key, texts in notes.items() if texts}


# -- writing what Word shows into the XML ------------------------------------------------


def _prepare(path: Path) -> bytes:
    """The .docx with numbering labels as text and hyphens as Word shows them."""
    out = io.BytesIO()
    with zipfile.ZipFile(path) as archive, zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as copy:
        names = archive.namelist()
        numbering = _Numbering(
            archive.read("word/numbering.xml") if "word/numbering.xml" in names else None,
            archive.read("word/styles.xml") if "word/styles.xml" in names else None,
        )
        for name in names:
            data = archive.read(name)
            if name in ("word/document.xml", "word/footnotes.xml", "word/endnotes.xml"):
                data = _rewrite(data, numbering if name == "word/document.xml" else None)
            copy.writestr(name, data)
    return out.getvalue()


def _rewrite(data: bytes, numbering: _Numbering | None) -> bytes:
    root = etree.fromstring(data)
    for hyphen in list(root.iter(f"{Q}noBreakHyphen")):
        text = etree.Element(f"{Q}t")
        text.text = "-"
        hyphen.addprevious(text)
        _remove(hyphen)
    for soft in list(root.iter(f"{Q}softHyphen")):
        _remove(soft)
    if numbering:
        for paragraph in root.iter(f"{Q}p"):
            label = numbering.label(paragraph)
            if label:
                run = etree.Element(f"{Q}r")
                text = etree.SubElement(run, f"{Q}t")
                text.text = label + " "
                text.set("{http://www.w3.org/XML/1998/namespace}space", "preserve")
                properties = paragraph.find(f"{Q}pPr")
                if properties is not None:
                    properties.addnext(run)
                else:
                    paragraph.insert(0, run)
    return etree.tostring(root, xml_declaration=True, encoding="UTF-8", standalone=True)


def _remove(element: etree._Element) -> None:
    """`element` taken out of its parent (a run's content: never the document's root)."""
    parent = element.getparent()
    assert parent is not None
    parent.remove(element)


# An id attribute as read (numId, abstractNumId, styleId): Word requires it, but a damaged file may
# leave it out, and then it is None (which matches only another missing id).
XmlId = str | None


class _Numbering:
    """Word's list numbering: numId → abstractNum levels (start, numFmt, lvlText), counted as read."""

    def __init__(self, numbering_xml: bytes | None, styles_xml: bytes | None):
        self.levels: dict[XmlId, dict[int, tuple[int, str, str]]] = {}  # abstractNumId → ilvl → level
        self.nums: dict[XmlId, tuple[XmlId, dict[int, int]]] = {}  # numId → (abstractNumId, start overrides)
        self.style_num: dict[XmlId, tuple[XmlId, int]] = {}
        self.counters: dict[XmlId, dict[int, int]] = {}
        if numbering_xml:
            root = etree.fromstring(numbering_xml)
            for abstract in root.iter(f"{Q}abstractNum"):
                levels = self.levels.setdefault(abstract.get(f"{Q}abstractNumId"), {})
                for level in abstract.iter(f"{Q}lvl"):
                    start = level.find(f"{Q}start")
                    fmt = level.find(f"{Q}numFmt")
                    text = level.find(f"{Q}lvlText")
                    levels[int(level.get(f"{Q}ilvl", "0"))] = (
                        int(start.get(f"{Q}val", "1")) if start is not None else 1,
                        fmt.get(f"{Q}val", "decimal") if fmt is not None else "decimal",
                        text.get(f"{Q}val", "") if text is not None else "",
                    )
            for num in root.iter(f"{Q}num"):
                abstract_id = num.find(f"{Q}abstractNumId")
                overrides = {
                    int(o.get(f"{Q}ilvl", "0")): int(s.get(f"{Q}val", "1"))
                    for o in num.iter(f"{Q}lvlOverride")
                    for s in o.iter(f"{Q}startOverride")
                }
                if abstract_id is not None:
                    self.nums[num.get(f"{Q}numId")] = (abstract_id.get(f"{Q}val"), overrides)
        if styles_xml:
            for style in etree.fromstring(styles_xml).iter(f"{Q}style"):
                found = self._num_pr(style.find(f"{Q}pPr"))
                if found:
                    self.style_num[style.get(f"{Q}styleId")] = found

    def __bool__(self) -> bool:
        return bool(self.nums)

    @staticmethod
    def _num_pr(properties: etree._Element | None) -> tuple[XmlId, int] | None:
        if properties is None:
            return None
        num_pr = properties.find(f"{Q}numPr")
        if num_pr is None:
            return None
        num_id, ilvl = num_pr.find(f"{Q}numId"), num_pr.find(f"{Q}ilvl")
        if num_id is None:
            return None
        return num_id.get(f"{Q}val"), int(ilvl.get(f"{Q}val", "0")) if ilvl is not None else 0

    def label(self, paragraph) -> str | None:
        """The number Word shows before `paragraph` ("II.", "1.2.", "a)", "-"), and remove w:numPr
        so that docx2python does not add its own; None for a paragraph without numbering."""
        properties = paragraph.find(f"{Q}pPr")
        found = self._num_pr(properties)
        if found is None and properties is not None:
            style = properties.find(f"{Q}pStyle")
            found = self.style_num.get(style.get(f"{Q}val")) if style is not None else None
        if found is None:
            return None
        num_pr = properties.find(f"{Q}numPr")
        if num_pr is not None:
            properties.remove(num_pr)
        num_id, ilvl = found
        if num_id not in self.nums or num_id == "0":
            return None
        abstract, overrides = self.nums[num_id]
        levels = self.levels.get(abstract, {})
        if ilvl not in levels:
            return None
        counter = self.counters.setdefault(num_id if overrides else abstract, {})
        start = overrides.get(ilvl, levels[ilvl][0])
        counter[ilvl] = counter[ilvl] + 1 if ilvl in counter else start
        for deeper in [k for k in counter if k > ilvl]:
            del counter[deeper]
        fmt, text = levels[ilvl][1], levels[ilvl][2]
        if fmt == "bullet":
            return text if text in SYMBOL_BULLETS else "-"
        if fmt == "none":
            return text or None

        def number(match: re.Match) -> str:
            level = int(match.group(1)) - 1
            value = counter.get(level, levels.get(level, (1,))[0])
            return _format(value, levels.get(level, (1, "decimal", ""))[1])

        return re.sub(r"%(\d)", number, text) or None


def _format(value: int, fmt: str) -> str:
    """`value` in a Word numFmt (decimal, decimalZero, upper/lowerRoman, upper/lowerLetter)."""
    if fmt in ("upperRoman", "lowerRoman"):
        roman = ""
        for size, letters in ROMAN:
            while value >= size:
                roman, value = roman + letters, value - size
        return roman if fmt == "upperRoman" else roman.lower()
    if fmt in ("upperLetter", "lowerLetter"):
        letter = chr(ord("A") + (value - 1) % 26) * ((value - 1) // 26 + 1)
        return letter if fmt == "upperLetter" else letter.lower()
    if fmt == "decimalZero":
        return f"{value:02d}"
    return str(value)
