"""Targets (chỉ tiêu) and results (kết quả) wherever a document states them.

- A section whose heading speaks of chỉ tiêu ("HỆ THỐNG CHỈ TIÊU", "Một số chỉ tiêu cơ bản",
  "MỘT SỐ CHỈ TIÊU TRỌNG TÂM"…) lists targets; one that also speaks of kết quả / đánh giá /
  thực hiện reports results. A "Chỉ tiêu:" label under a task starts a short list of its own.
- Items are led by "(1).", "(1)", "1.", "1)", "a)", "-", "+" or a bullet; a line without a mark
  counts when it states a figure (numbers.parse finds one) and does not introduce a list (":").
- Results tables are read by their header row, whatever the column order (TT / Nội dung /
  Chỉ tiêu / Kết quả / Đánh giá); without a header, by position (number, target, result…, assessment).
- Prose (news reports, letters): after a sentence that speaks of chỉ tiêu / phấn đấu / đề ra
  (not of completing targets set elsewhere: "hoàn thành các chỉ tiêu nhiệm kỳ"), each clause
  (split at ";", sentence ends, and between coordinated phrases that each state a figure) that
  states a figure is a target; in a paragraph about the past term (nhiệm kỳ qua, đã đạt…) it is
  a result. These are marked as guesses.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from vankien import numbers
from vankien.importer.sources import LINE_BREAK
from vankien.vocabulary import normalize_assessment

SPEAKS_OF_TARGETS = re.compile(r"chỉ\s+tiêu", re.IGNORECASE)
SPEAKS_OF_RESULTS = re.compile(r"kết\s+quả|đánh\s+giá", re.IGNORECASE)
SPEAKS_OF_MEANS = re.compile(r"giải\s+pháp|nhiệm\s+vụ|tổ\s+chức\s+thực\s+hiện", re.IGNORECASE)
TARGET_LABEL = re.compile(r"^(?:[-–+•]\s*)?(?:\d+(?:\.\d+)*\.?\s*)?Chỉ tiêu(?: phấn đấu)?\s*:\s*(.*)$", re.IGNORECASE)
ITEM = re.compile(r"^(?:\(\d{1,2}\)\.?|\d{1,2}[.)]|[a-zđ]\)|[-–+•●▪]|\*(?!\*))\s*(?=\S)")
PROSE_TRIGGER = re.compile(r"chỉ\s+tiêu|phấn\s+đấu|đề\s+ra|cụ\s+thể\s*:", re.IGNORECASE)
# "thi đua hoàn thành các chỉ tiêu, mục tiêu nhiệm kỳ": targets set elsewhere, named, not stated here
TARGETS_NAMED = re.compile(
    r"(?:hoàn\s+thành|thực\s+hiện)(?:\s+(?:tốt|thắng\s+lợi))?\s+(?:các\s+|những\s+)?chỉ\s+tiêu"
    r"(?!\s*(?::|sau\b|gồm\b|như\s+sau\b|cụ\s+thể\b))",
    re.IGNORECASE,
)
PAST = re.compile(r"nhiệm kỳ qua|nhiệm kỳ vừa qua|đã đạt|kết quả đạt|đã thực hiện|năm qua", re.IGNORECASE)
PROSE_SCORE = re.compile(r"(?:đạt|hoàn thành)(?:\s+và\s+vượt)?\s+(\d+)\s*/\s*(\d+)\s+chỉ\s+tiêu", re.IGNORECASE)
COLUMNS = {  # header cell (casefolded, "nội dung chỉ tiêu" → "target") → column role
    "tt": "number",
    "stt": "number",
    "số tt": "number",
    "nội dung": "target",
    "nội dung chỉ tiêu": "target",
    "chỉ tiêu": "value",
    "chỉ tiêu đề ra": "value",
    "chỉ tiêu nghị quyết": "value",
    "mục tiêu": "value",
    "kết quả": "result",
    "kết quả thực hiện": "result",
    "kết quả đạt được": "result",
    "thực hiện": "result",
    "đánh giá": "assessment",
    "mức độ hoàn thành": "assessment",
    "đánh giá mức độ hoàn thành": "assessment",
    "tỷ lệ": "ratio",
    "ghi chú": "note",
}


def plain(text: str) -> str:
    """Item text without list marks' bold, with its line breaks kept and spaces collapsed."""
    parts = [" ".join(part.replace("**", "").split()).lstrip("* ") for part in text.split(LINE_BREAK)]
    return "\n".join(p for p in parts if p)


def item_text(line: str) -> str | None:
    """The item's text without its mark, or None when the line has no item mark."""
    match = ITEM.match(line)
    return line[match.end() :].strip() if match else None


def states_figure(text: str) -> bool:
    """Whether numbers.parse finds a counted figure (a unit, or a percentage) in `text`."""
    return any(m.unit or "%" in (m.raw or "") for m in numbers.parse(text))


def heading_role(heading: str) -> str | None:
    """ "targets" / "results" for a heading about chỉ tiêu, else None."""
    if not SPEAKS_OF_TARGETS.search(heading) and not re.search(r"đánh giá mức độ hoàn thành", heading, re.I):
        return None
    if SPEAKS_OF_MEANS.search(heading) and not re.match(
        r"^\W*(?:[\dIVXA-H]+[.)/]\s*)*(?:các\s+|một\s+số\s+|hệ\s+thống\s+)?chỉ\s+tiêu", heading, re.I
    ):
        return None  # "Nhiệm vụ và giải pháp thực hiện các chỉ tiêu": how, not what
    return "results" if SPEAKS_OF_RESULTS.search(heading) else "targets"


def assessment_of(cell: str) -> str | None:
    """The assessment key of a table cell ("Chỉ tiêu này vượt" → "exceeded"), or None."""
    lowered = cell.lower().strip().removeprefix("chỉ tiêu này").strip().rstrip(".")
    return normalize_assessment(lowered)


def table_results(rows: Sequence[tuple[str, ...]], start_id: int) -> tuple[list[dict], list[str]]:
    """(results, body lines) from a table's rows: results from rows that hold a target; the rows
    that do not (titles, group labels) come back as body lines so nothing is lost."""
    roles: list[str | None] = []
    data = rows
    header = [COLUMNS.get(" ".join(c.casefold().split()).rstrip(":")) for c in rows[0]] if rows else []
    if sum(1 for role in header if role) >= 2:
        roles, data = header, rows[1:]
    results: list[dict] = []
    body: list[str] = []
    for row in data:
        cells = [c.strip() for c in row]
        if not any(cells):
            continue
        entry = _by_roles(cells, roles) if roles else _by_position(cells)
        if entry is None:
            body.append(" | ".join(c for c in cells if c))
            continue
        entry["id"] = f"ket-qua-{start_id + len(results)}"
        results.append(entry)
    return results, body


def _by_roles(cells: list[str], roles: list[str | None]) -> dict | None:
    found: dict[str, list[str]] = {}
    for index, cell in enumerate(cells):
        role = roles[index] if index < len(roles) else None
        if cell:
            found.setdefault(role or "target", []).append(cell)
    target = " ".join(found.get("target", []))
    value = " ".join(found.get("value", []))
    if target and value:
        target = f"{target}: {value}"
    target = target or value
    if not target or len([c for c in cells if c]) < 2:
        return None
    entry = {"target": plain(target)}
    result = " ".join(found.get("result", []) + found.get("ratio", []) + found.get("note", []))
    if result:
        entry["result"] = plain(result)
    word = " ".join(found.get("assessment", []))
    entry["assessment"] = (assessment_of(word) if word else None) or "not-assessed"
    if word:
        entry["assessment_text"] = plain(word)
    return entry


def _by_position(cells: list[str]) -> dict | None:
    cells = [c for c in cells if c]
    if cells and re.fullmatch(r"[\dIVX]+\.?", cells[0]):
        cells = cells[1:]
    if len(cells) < 2:
        return None
    entry = {"target": plain(cells[0])}
    word = cells[-1]
    assessment = assessment_of(word)
    middle = cells[1:-1] if assessment else cells[1:]
    if middle:
        entry["result"] = plain(" ".join(middle))
    entry["assessment"] = assessment or "not-assessed"
    if assessment:
        entry["assessment_text"] = plain(word)
    return entry


def prose_clauses(paragraph: str) -> list[str]:
    """A paragraph cut into clauses at ";", at sentence ends (not inside "1.377") and between
    coordinated phrases that each state their own figure (`figure_phrases`)."""
    parts = re.split(r";\s*|(?<=[.…!?])\s+(?=[A-ZĐÀ-Ỹ\d])", paragraph.replace(LINE_BREAK, " "))
    clauses = []
    for part in parts:
        lead, colon, rest = part.rpartition(": ")
        if colon and not states_figure(lead) and states_figure(rest):  # "Đại hội đề ra … gồm: tư vấn …"
            part = rest
        clauses += [phrase.strip(" .…") for phrase in figure_phrases(part) if phrase.strip(" .…")]
    return clauses


COORDINATION = re.compile(r"(,\s+(?:và\s+)?|\s+và\s+)")
# a phrase that measures the one before it ("kết nạp 50 đoàn viên, đạt 120%") is no target of its own
MEASURES_BEFORE = re.compile(r"^(?:đạt|vượt|bằng|tăng|giảm|tương đương|chiếm|gấp|bảo đảm|đảm bảo)\b", re.I)
# "100% Đoàn cấp tỉnh, huyện có …": a percentage and its subject only; the list after it goes on naming the subject
SUBJECT_ONLY = re.compile(r"\s*(?:\S+\s+)?\d+(?:[.,]\d+)?\s*%(?:\s+\S+){0,3}\s*")


def figure_phrases(clause: str) -> list[str]:
    """`clause` cut at ", " and " và " where both sides state a figure of their own: "dạy nghề cho
    40 ngàn thanh niên và giới thiệu việc làm cho 150 ngàn thanh niên" is two targets, while "100%
    tỉnh, thành đoàn, đoàn trực thuộc …" (one figure) and "kết nạp 50 đoàn viên, đạt 120%" (a
    measure of the phrase before it) stay whole. A phrase without a figure stays with its neighbour."""
    pieces = COORDINATION.split(clause)
    phrases = [pieces[0]]
    for separator, piece in zip(pieces[1::2], pieces[2::2], strict=True):
        own = states_figure(piece) and len(piece.split()) >= 3 and not MEASURES_BEFORE.match(piece)
        if (
            own
            and states_figure(phrases[-1])
            and not SUBJECT_ONLY.fullmatch(phrases[-1])
            and not _per(piece, phrases[-1])
        ):
            phrases.append(piece)
        else:
            phrases[-1] += separator + piece
    return phrases


def prose_entries(paragraphs: list[str]) -> tuple[list[str], list[str], list[str]]:
    """(target texts, result texts, notes) stated in prose paragraphs (see the module's docstring)."""
    targets: list[str] = []
    results: list[str] = []
    notes: list[str] = []
    started = False
    for paragraph in paragraphs:
        for score in PROSE_SCORE.finditer(paragraph):
            notes.append(f"kết quả chung / overall: {score.group(0)}")
        past = bool(PAST.search(paragraph))
        started = started or bool(PROSE_TRIGGER.search(TARGETS_NAMED.sub("", paragraph)))
        if not (past or started):
            continue
        for clause in prose_clauses(paragraph):
            if states_figure(clause) and not PROSE_SCORE.search(clause) and not clause.endswith(":"):
                (results if past else targets).append(clause)
    return targets, results, notes


def _per(piece: str, before: str) -> bool:
    """ "mỗi buổi có ít nhất 30 đoàn viên" after "5 buổi sinh hoạt": a measure of each thing the
    phrase before counts, not a target of its own."""
    each = re.match(r"mỗi\s+(\S+)", piece, re.IGNORECASE)
    if each is None:
        return False
    return any(each.group(1).casefold() in (m.unit or "").casefold().split() for m in numbers.parse(before))
