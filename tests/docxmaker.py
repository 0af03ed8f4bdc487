"""A minimal Word file (.docx) written by hand, for the importer tests (python-docx is not a dependency).

`make_docx(path, body, numbering=None, footnotes=None, endnotes=None, styles=None)`: `body` is the
WordprocessingML inside <w:body>; the optional parts are the XML inside <w:numbering>, the footnote
texts by id, the endnote texts by id, and the XML inside <w:styles>. The helpers `p`, `r`, `cell`,
`row`, `table` write the common elements.
"""

from __future__ import annotations

import zipfile
from pathlib import Path
from xml.sax.saxutils import escape

W_NS = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
REL_NS = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
PKG_REL = "http://schemas.openxmlformats.org/package/2006/relationships"
PARTS = {  # part → (relationship type, content type)
    "numbering": ("numbering", "numbering"),
    "footnotes": ("footnotes", "footnotes"),
    "endnotes": ("endnotes", "endnotes"),
    "styles": ("styles", "styles"),
}


def r(text: str = "", extra: str = "") -> str:
    """A run: `extra` XML (w:br, w:noBreakHyphen, w:footnoteReference…) then the text."""
    run_text = f'<w:t xml:space="preserve">{escape(text)}</w:t>' if text else ""
    return f"<w:r>{extra}{run_text}</w:r>"


def p(*runs: str, numbered: tuple[int, int] | None = None, style: str | None = None) -> str:
    """A paragraph of runs (plain strings become runs); `numbered` = (numId, ilvl)."""
    props = ""
    if style:
        props += f'<w:pStyle w:val="{style}"/>'
    if numbered:
        props += f'<w:numPr><w:ilvl w:val="{numbered[1]}"/><w:numId w:val="{numbered[0]}"/></w:numPr>'
    inner = "".join(run if run.startswith("<") else r(run) for run in runs)
    return f"<w:p><w:pPr>{props}</w:pPr>{inner}</w:p>"


def cell(*paragraphs: str, span: int = 1, merge: str | None = None) -> str:
    """A table cell; `span` columns wide (w:gridSpan); `merge` "restart"/"continue" (w:vMerge)."""
    props = f'<w:gridSpan w:val="{span}"/>' if span > 1 else ""
    if merge:
        props += '<w:vMerge w:val="restart"/>' if merge == "restart" else "<w:vMerge/>"
    inner = "".join(par if par.startswith("<w:") else p(par) for par in paragraphs) or "<w:p/>"
    return f"<w:tc><w:tcPr>{props}</w:tcPr>{inner}</w:tc>"


def row(*cells: str) -> str:
    return "<w:tr>" + "".join(c if c.startswith("<w:tc") else cell(c) for c in cells) + "</w:tr>"


def table(*rows: str) -> str:
    return "<w:tbl>" + "".join(rows) + "</w:tbl>"


def numbering_level(ilvl: int, fmt: str, text: str, start: int = 1) -> str:
    return (
        f'<w:lvl w:ilvl="{ilvl}"><w:start w:val="{start}"/><w:numFmt w:val="{fmt}"/><w:lvlText w:val="{text}"/></w:lvl>'
    )


def _notes(kind: str, notes: dict[int, str]) -> str:
    items = "".join(f'<w:{kind} w:id="{i}">{p(text)}</w:{kind}>' for i, text in notes.items())
    return f'<w:{kind}s xmlns:w="{W_NS}" xmlns:r="{REL_NS}"><w:{kind} w:id="-1" w:type="separator"><w:p/></w:{kind}>{items}</w:{kind}s>'


def make_docx(
    path: Path,
    body: str,
    numbering: str | None = None,
    footnotes: dict[int, str] | None = None,
    endnotes: dict[int, str] | None = None,
    styles: str | None = None,
) -> Path:
    """Write the .docx at `path` and return it."""
    parts = {
        "numbering": f'<w:numbering xmlns:w="{W_NS}">{numbering}</w:numbering>' if numbering else None,
        "footnotes": _notes("footnote", footnotes) if footnotes else None,
        "endnotes": _notes("endnote", endnotes) if endnotes else None,
        "styles": f'<w:styles xmlns:w="{W_NS}">{styles}</w:styles>' if styles else None,
    }
    ct = "application/vnd.openxmlformats-officedocument.wordprocessingml"
    overrides = "".join(
        f'<Override PartName="/word/{name}.xml" ContentType="{ct}.{PARTS[name][1]}+xml"/>'
        for name, xml in parts.items()
        if xml
    )
    rels = "".join(
        f'<Relationship Id="rId{i}" Type="{REL_NS}/{PARTS[name][0]}" Target="{name}.xml"/>'
        for i, (name, xml) in enumerate(parts.items(), start=1)
        if xml
    )
    with zipfile.ZipFile(path, "w") as archive:
        archive.writestr(
            "[Content_Types].xml",
            '<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
            '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>'
            '<Default Extension="xml" ContentType="application/xml"/>'
            f'<Override PartName="/word/document.xml" ContentType="{ct}.document.main+xml"/>{overrides}</Types>',
        )
        archive.writestr(
            "_rels/.rels",
            f'<Relationships xmlns="{PKG_REL}"><Relationship Id="rId1" Type="{REL_NS}/officeDocument" '
            'Target="word/document.xml"/></Relationships>',
        )
        archive.writestr("word/_rels/document.xml.rels", f'<Relationships xmlns="{PKG_REL}">{rels}</Relationships>')
        archive.writestr(
            "word/document.xml", f'<w:document xmlns:w="{W_NS}" xmlns:r="{REL_NS}"><w:body>{body}</w:body></w:document>'
        )
        for name, xml in parts.items():
            if xml:
                archive.writestr(f"word/{name}.xml", xml)
    return path
