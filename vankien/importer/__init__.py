"""`build.py import`: a Word document (.docx) or its plain-text export (.txt) → a content file.

The importer keeps every paragraph, footnote and table cell word for word and adds structure:
the official header and closing block as front matter (header.py), headings from the document's
own numbering (sections.py), targets and results wherever they are stated (targets.py), the
period (periods.py). What it guesses is marked in the file (render.py); `check` fails until the
editor confirms each guess. Reading: sources.py (.txt) and docx.py (.docx, with docx2python).
"""

from __future__ import annotations

from pathlib import Path

from vankien.importer.render import render, summary
from vankien.importer.sources import Source, SourceError, read_source, text_source
from vankien.importer.structure import Imported, import_source

__all__ = [
    "Imported",
    "Source",
    "SourceError",
    "import_file",
    "import_text",
    "project_topics",
    "read_source",
    "render",
    "summary",
]


def import_file(path: Path, kind: str | None = None, topics=None) -> Imported:
    """The content for the document at `path` (.docx or UTF-8 .txt); SourceError if unreadable.
    `topics`: the project's topics ({id: {keywords, units}}) to suggest a topic per target."""
    source = read_source(path)
    if not any("".join(line).strip() for line in source.lines) and not source.notes:  # a Row joins its cells
        raise SourceError("tệp không có chữ nào (tệp trống?)", "the file holds no text (is it empty?)")
    return import_source(source, kind, export=path.suffix.lower() != ".docx", topics=topics)


def import_text(text: str, kind: str | None = None, topics=None) -> Imported:
    """The content for a text export's text (pure: no files)."""
    return import_source(text_source(text), kind, topics=topics)


def project_topics(root: Path) -> dict:
    """{id: {keywords, units}} from ROOT/content/topics.yaml; {} when it is missing or unreadable
    (the import still works: no topic is suggested, and `check` reports the file's problems)."""
    import yaml

    try:
        data = yaml.safe_load((root / "content/topics.yaml").read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError, yaml.YAMLError):
        return {}
    return {key: value for key, value in data.items() if isinstance(value, dict)} if isinstance(data, dict) else {}
