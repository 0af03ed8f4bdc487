"""Headings from a document's own numbering, and body lines as Markdown.

Đoàn documents number their sections with any of: "Phần thứ nhất" / "PHẦN I", "A.", "I." / "I/" /
"I)" / "I" alone before an upper-case heading, "1.", "1.1.", "1.1.1." (final dot optional), "a)".
Each style has a rank (in that order); a heading's Markdown level is 2 + the number of ranks above
it that the document uses, so levels stay consecutive when a document skips a style, and numbering
that restarts under every heading (the usual case) needs nothing special.
"""

from __future__ import annotations

import re

from vankien.importer.sources import LINE_BREAK

ORDINALS = r"(?:nhất|hai|ba|tư|bốn|năm|sáu|bảy|I|II|III|IV|V|VI|VII|1|2|3|4|5|6|7)"
STYLES = (  # (rank name, pattern); order = rank
    ("part", re.compile(rf"^(?:Phần(?: thứ)? {ORDINALS}\b|PHỤ LỤC\b)", re.IGNORECASE)),
    ("letter", re.compile(r"^[A-H][./]\s+\S")),
    ("roman", re.compile(r"^(?:[IVX]{1,5})(?:[./)]\s*|\s+(?=[A-ZĐÀ-Ỹ\"“][A-ZĐÀ-Ỹ ,]{3}))\S")),
    ("number", re.compile(r"^\d{1,2}[./)]\s*(?=\S)(?!\d)")),
    ("sub", re.compile(r"^\d{1,2}\.\d{1,2}\.?\s+\S")),
    ("subsub", re.compile(r"^\d{1,2}\.\d{1,2}\.\d{1,2}\.?\s+\S")),
    ("alpha", re.compile(r"^[a-zđ][.)]\s+\S")),
)
BULLETED_NUMBER = re.compile(r"^[-–+•]\s+(?=\d{1,2}\.\d{1,2}\.)")
RANKS = [name for name, _ in STYLES]
BULLET = re.compile(r"^(?:[-–]\s*|\+\s+|[·•●▪■]\s*)(?=\S)")
LIST_NUMBER = re.compile(r"^\(?\d{1,2}\)\.?\s+|^\d{1,2}[.)]\s+")


def style_of(line: str) -> str | None:
    """The numbering style that leads `line` ("roman", "sub"…), or None. A bullet before a
    multi-level number ("- 2.1.1. Xung kích …:") does not hide it."""
    line = BULLETED_NUMBER.sub("", line)
    for name, pattern in reversed(STYLES):  # the most specific first: 1.1.1. before 1.1. before 1.
        if pattern.match(line):
            return name
    return None


RUN_IN = re.compile(r"^\S+\s+[^:]{1,60}:\s+\S")  # "1.1. Thời gian: Ngày 12/2": a label and its content


def is_heading(line: str, style: str | None, next_style: str | None = None) -> bool:
    """A numbered line is a heading when it reads like a title: short, not a finished sentence, not
    a label with its content after the colon ("1.1. Thời gian: Ngày 12/2"). A short sentence is
    one too when the next numbered line is numbered below it (`next_style`: "1. Phát động đợt
    thi đua." over "1.1. …"): it has sub-items. Parts, letters and Roman numerals are headings
    whatever their length."""
    if style is None:
        return False
    if style in ("part", "roman"):
        return len(line) < 300
    text = line.rstrip()
    if len(text) >= 160 or LINE_BREAK in text or RUN_IN.match(text):
        return False
    if text.endswith("."):
        return next_style is not None and RANKS.index(next_style) > RANKS.index(style)
    return not text.endswith((";", ","))


def next_style(lines: list, styles: list, index: int) -> str | None:
    """The numbering style of the first line with text from `index` on (None: unnumbered, a table
    or the end)."""
    for line, style in zip(lines[index:], styles[index:], strict=False):
        if not isinstance(line, str):
            return None
        if line.strip():
            return style
    return None


def levels_in_use(styles: set[str]) -> dict[str, int]:
    """{style: Markdown level} for the styles a document uses."""
    used = [name for name in RANKS if name in styles]
    return {name: min(2 + index, 6) for index, name in enumerate(used)}


def clean_export_lines(lines: list) -> list:
    """A text export's lines with the sentences it broke joined back: a line that starts with
    punctuation or a small letter (and is not a list item) continues the line before."""
    joined: list = []
    for line in lines:
        if not isinstance(line, str):
            joined.append(line)
            continue
        line = re.sub(r"\[bookmark:[^\]]*\]", "", line.replace("\u00a0", " ")).rstrip()
        stripped = line.strip()
        previous = joined[-1] if joined else None
        if isinstance(previous, str) and previous.strip() and stripped and _continues(stripped):
            joined[-1] = previous.rstrip() + ("" if stripped[0] in ";,.:)" else " ") + stripped
        else:
            joined.append(line)
    return joined


def _continues(line: str) -> bool:
    return line[0] in ";,.)" or (
        line[0].islower() and not BULLET.match(line) and not STYLES[-1][1].match(line) and not line.startswith("đ)")
    )


def markdown_line(line: str) -> str:
    """A body line as Markdown that shows the document's own marks ("- ", "+ ", "1.", "a)")."""
    line = re.sub(r"^\*\*\*\s*(.+?)\*\*$", r"**\1**", line)  # "*** Cấp Quận:**" → "**Cấp Quận:**"
    bullet = BULLET.match(line)
    if bullet:
        marker = "+" if line.startswith("+") else "-"
        return f"{marker} {line[bullet.end() :].strip()}"
    if re.match(r"^\d+[.)]", line):
        return re.sub(r"^(\d+)([.)])", r"\1\\\2", line)  # keep the document's own number
    return line
