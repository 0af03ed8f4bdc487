"""The body of a document, line by line: headings, paragraphs, tables, and the targets and results
listed in its sections (see targets.py for what counts as a target or a result)."""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from vankien.importer.sections import BULLETED_NUMBER, RANKS, is_heading, markdown_line, next_style, style_of
from vankien.importer.sources import LINE_BREAK, Row
from vankien.importer.targets import (
    COLUMNS,
    ITEM,
    TARGET_LABEL,
    heading_role,
    item_text,
    plain,
    states_figure,
    table_results,
)

if TYPE_CHECKING:
    from vankien.importer.structure import Imported


class BodyReader:
    """Reads the body line by line, knowing the section it is in ("targets", "results" or None)."""

    def __init__(self, lines: list, styles: list, used: set[int], levels: dict, result: Imported):
        self.lines, self.styles, self.used, self.levels, self.result = lines, styles, used, levels, result
        self.section: str | None = None
        self.section_level = 0  # level 7: a "Chỉ tiêu:" label's own short list
        self.section_mark = ""
        # the numbering of the section's heading: an item numbered so or above ends it
        self.section_style: str | None = None
        self.placed: set[str] = set()
        self.previous_entry: dict | None = None  # the target/result the last line added, for wrapped items
        self.group = ""  # a label line over a group of targets, prefixed to each

    def read(self) -> None:
        """Every line not used by the header, in order; tables are read a whole block of rows at a time."""
        index = 0
        while index < len(self.lines):
            line, style = self.lines[index], self.styles[index]
            index += 1
            if index - 1 in self.used:
                continue
            if isinstance(line, Row):
                rows = [line]
                while index < len(self.lines) and isinstance(self.lines[index], Row):
                    rows.append(self.lines[index])
                    index += 1
                _table(rows, self.section, self.placed, self.result)
                self.previous_entry = None
                continue
            text = line.strip()
            if text and not set(text) <= set("-_*=~ "):
                self._line(text, style, index)

    def _line(self, text: str, style: str | None, index: int) -> None:
        label = TARGET_LABEL.match(text)
        is_item = bool(ITEM.match(text))
        if self.section_style and style and self._ends_section(text, style):
            self.section = self.section_style = None  # "2. …" after the targets of "1.3. Chỉ tiêu:"
        if self.section in ("targets", "results") and is_item and (states_figure(text) or not is_heading(text, style)):
            self.previous_entry = _entry(self.section, item_text(text) or text, self.result, self.placed, self.group)
        elif style is not None and is_heading(text, style, self._next_style(index)) and not label:  # numbered
            self._heading(text, style, index)
        elif label:
            self._label(text, style, label.group(1).strip(), index)
        elif (
            self.section
            and self.previous_entry is not None
            and not is_item
            and (text[:1] in "(,;" or text[:1].islower())
        ):
            self.previous_entry[_key(self.section)] += " " + plain(text)  # an item wrapped over two lines
        elif (
            self.section == "targets"
            and not text.endswith(":")
            and states_figure(text)
            and style is None
            and len(text) < 400
        ):
            self.previous_entry = _entry(self.section, text, self.result, self.placed)
        else:
            self._paragraph(text, is_item)

    def _next_style(self, index: int) -> str | None:
        """The numbering of the next line with text not used by the header (see sections.next_style)."""
        return next_style(self.lines, self.styles, index)

    def _ends_section(self, text: str, style: str) -> bool:
        """A line numbered above the section's heading, or like it ("2." after "1."; not "1)")."""
        assert self.section_style is not None  # called only inside a section with a numbered heading
        rank, section_rank = RANKS.index(style), RANKS.index(self.section_style)
        return rank < section_rank or (rank == section_rank and _mark(text) == self.section_mark)

    def _heading(self, text: str, style: str, index: int) -> None:
        level = self.levels.get(style, 6)
        text = BULLETED_NUMBER.sub("", text)
        text = _join_part_title(self.lines, index, text, style, self.used)
        self.result.body += [f"{'#' * level} {text.replace(LINE_BREAK, ' ')}", ""]
        self.result.headings += 1
        role = heading_role(text)
        self.group = ""
        _theme_under(text, self.lines, index, self.result)
        if role:
            self.section, self.section_level, self.section_style = role, level, style
            self.section_mark = _mark(text)
            _place(role, self.result, self.placed)
        elif self.section and level <= self.section_level:
            self.section = None
        self.previous_entry = None

    def _label(self, text: str, style: str | None, rest: str, index: int) -> None:
        """ "1.3. Chỉ tiêu: …" / "Chỉ tiêu:": the label in the body (a heading when alone on its
        line and numbered, as structure.import_source counts headings), what follows it a target."""
        lead = text[: text.index(":") + 1]
        heading = style is not None and is_heading(text, style, self._next_style(index))
        self.result.body += [f"{'#' * self.levels.get(style, 6)} {lead}" if heading else f"**{lead}**", ""]
        self.result.headings += heading
        if rest:
            self.previous_entry = _entry("targets", item_text(rest) or rest, self.result, self.placed)
        self.section, self.section_level = "targets", self.levels.get(style, 6) if heading else 7
        self.section_style, self.section_mark = style, _mark(text)

    def _paragraph(self, text: str, is_item: bool) -> None:
        self.previous_entry = None
        self.group = self.group if is_item else ""
        if self.section == "targets" and text.rstrip("*").endswith(":") and not is_item:
            self.group = plain(text).rstrip("*").strip()  # "Công trình thanh niên …:" over the items below
        if self.section and self.section_level == 7 and not is_item:
            self.section = None
        for part in text.split(LINE_BREAK):
            if part.strip():
                self.result.body += [markdown_line(part.strip()), ""]


def _mark(text: str) -> str:
    """The shape of a line's number: "1.3." → "#.#.", "2)" → "#)", "II." → "#."."""
    lead = re.match(r"^[(]?(?:[IVX]+|\d+|[a-zđA-H])(?:[./)]\s?(?:\d+[./)]?)*)?", text.strip())
    return re.sub(r"[IVX]+|\d+|[a-zđA-H]", "#", lead.group(0).strip()) if lead else ""


def _key(section: str) -> str:
    return "text" if section == "targets" else "result"


def _entry(section: str, text: str, result: Imported, placed: set[str], group: str = "") -> dict:
    """A target (in a targets section) or a result with its target unknown (in a results section)."""
    _place(section, result, placed)
    if section == "targets":
        text = f"{group} {plain(text)}" if group and not plain(text).startswith(group) else text
        entry = {"id": f"chi-tieu-{len(result.targets) + 1}", "text": plain(text)}
        result.targets.append(entry)
        return entry
    entry = {"id": f"ket-qua-{len(result.results) + 1}", "target": plain(text), "result": plain(text)}
    entry["assessment"] = "not-assessed"
    result.results.append(entry)
    result.guesses.append(f"results.{entry['id']}.target")
    return entry


def _place(role: str, result: Imported, placed: set[str]) -> None:
    if role not in placed:
        placed.add(role)
        result.body += [f"[[{role}]]", ""]


def _join_part_title(lines: list, index: int, text: str, style: str, used: set[int]) -> str:
    """ "Phần thứ nhất" / "PHỤ LỤC" with the title lines under it (upper-case ones, or a first short
    one), as one heading: "Phần thứ nhất: KẾT QUẢ … LẦN THỨ I, NHIỆM KỲ 2019 - 2022"."""
    if style != "part":
        return text
    joined: list[str] = []
    while index < len(lines) and isinstance(lines[index], str) and len(joined) < 4:
        line = lines[index].strip()
        index += 1
        if not line:
            continue
        short_title = not joined and len(line) < 80 and not line.endswith(".")
        if style_of(line) or not (line.isupper() or short_title):
            break
        joined.append(line)
        used.add(index - 1)
    if not joined:
        return text
    return text.rstrip(": ") + ": " + " ".join(joined)


def _table(rows: list[Row], section: str | None, placed: set[str], result: Imported) -> None:
    """A results table (by header or inside a results section) or a Markdown table in the body."""
    entries, leftover = table_results(rows, len(result.results) + 1)
    roles = _roles(rows[0])
    if entries and (
        {"result", "assessment"} & set(roles) or section == "results" or any(e.get("assessment_text") for e in entries)
    ):
        if sum(1 for role in roles if role) >= 2:  # the header row: kept for the editor, as a comment
            result.front.setdefault("table_headers", []).append(" | ".join(rows[0]))
        result.results += entries
        result.body += [line for text in leftover for line in (text, "")]
        _place("results", result, placed)
        return
    width = max(len(row) for row in rows)
    cells = [
        [c.replace(LINE_BREAK, "<br>").replace("|", "\\|") for c in row] + [""] * (width - len(row)) for row in rows
    ]
    result.body += ["| " + " | ".join(cells[0]) + " |", "|" + " --- |" * width]
    result.body += ["| " + " | ".join(row) + " |" for row in cells[1:]] + [""]


def _roles(row: Row) -> list[str]:
    return [COLUMNS.get(" ".join(c.casefold().split()).rstrip(":"), "") for c in row]


THEME_HEADING = re.compile(r"khẩu hiệu|phương châm|chủ đề", re.IGNORECASE)


def _theme_under(heading: str, lines: list, index: int, result: Imported) -> None:
    """The quoted slogan under a "Khẩu hiệu hành động" / "Phương châm" / "Chủ đề" heading → theme
    (a guess; the line stays in the body too)."""
    if "theme" in result.front or not THEME_HEADING.search(heading):
        return
    following = next((line for line in lines[index : index + 3] if isinstance(line, str) and line.strip()), "")
    quoted = re.fullmatch(r"\s*([“\"].+[”\"])\s*\.?\s*", following)
    if quoted:
        result.front["theme"] = quoted.group(1)
        result.guesses.append("theme")
