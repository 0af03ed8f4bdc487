"""A read `Source` → `Imported`: front matter, body lines, targets and results.

Every line of the source lands somewhere: in a front-matter field (header, signature,
distribution), a target or result, or the body (headings, paragraphs, tables, footnotes).
What the importer had to guess is listed in `Imported.guesses` (rendered as `guesses:`).
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from vankien.importer import header, periods
from vankien.importer.body import BodyReader
from vankien.importer.sections import (
    clean_export_lines,
    is_heading,
    levels_in_use,
    next_style,
    style_of,
)
from vankien.importer.sources import LINE_BREAK, Row, Source
from vankien.importer.targets import (
    plain,
    prose_entries,
)
from vankien.topics import suggest_topic


@dataclass
class Imported:
    """A content file in the making: front fields, body lines, targets, results, guesses."""

    front: dict = field(default_factory=dict)
    body: list[str] = field(default_factory=list)
    targets: list[dict] = field(default_factory=list)
    results: list[dict] = field(default_factory=list)
    footnotes: list[str] = field(default_factory=list)
    headings: int = 0
    guesses: list[str] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)


def import_source(source: Source, kind: str | None = None, export: bool = True, topics=None) -> Imported:
    """The content for a read document (pure). `export`: the lines come from a text export,
    whose broken sentences are joined back; `kind` overrides the kind read from the document;
    `topics` ({id: {keywords, units}} as in topics.yaml): a topic is suggested for each target
    and result (vankien.topics.suggest_topic), marked as a guess."""
    result = Imported(footnotes=list(source.notes), notes=list(source.warnings))
    lines = clean_export_lines(source.lines) if export else list(source.lines)
    closing, distribution, signature = header.read_closing(lines)
    lines = lines[:closing]
    styles = [style_of(_text(line)) if isinstance(line, str) else None for line in lines]
    headings_at = [
        i
        for i, line in enumerate(lines)
        if isinstance(line, str) and is_heading(line.strip(), styles[i], next_style(lines, styles, i + 1))
    ]
    for index in _listed(lines, styles, headings_at):  # a numbered list of names is not three sections
        styles[index] = None
    headings_at = [i for i in headings_at if styles[i]]
    stop = min(headings_at[0] if headings_at else len(lines), 40)
    used = header.read_header(lines, result.front, stop)
    _guess_front(lines, stop, used, result, kind)
    signature = signature or _signature_before_appendix(lines, used)
    _draft_mark(lines, used, result)
    if signature:
        result.front["signature"] = signature
    if distribution:
        result.front["distribution"] = distribution
    levels = levels_in_use({style for i in headings_at if (style := styles[i])})
    _body(lines, styles, used, levels, result)
    official = any(key in result.front for key in ("number", "issued", "issuer"))
    if not result.targets and not result.results and result.headings < 2 and not official:
        _prose(result)
    periods.guess(result, lines)
    _report_hidden_text(result)
    if topics:
        _suggest_topics(result, topics)
    if result.footnotes:
        _footnotes(result)
    return result


DRAFT = re.compile(r"^\(?\s*DỰ\s+THẢO\s*\)?$", re.IGNORECASE)


def _draft_mark(lines: list, used: set[int], result: Imported) -> None:
    """A line reading only "DỰ THẢO" makes the document a draft (`draft: true`, not published)."""
    for index, line in enumerate(lines):
        if isinstance(line, str) and DRAFT.match(line.strip()):
            result.front["draft"] = True
            result.front.setdefault("draft_lines", []).append(line.strip())
            used.add(index)


def _signature_before_appendix(lines: list, used: set[int]) -> list[str]:
    """The signing body's upper-case lines just before "PHỤ LỤC" (a report that signs, then
    appends its tables), when the end of the document has no signature block."""
    appendix = next(
        (i for i, line in enumerate(lines) if isinstance(line, str) and line.strip().upper().startswith("PHỤ LỤC")),
        None,
    )
    taken: list[int] = []
    index = (appendix or 0) - 1
    while appendix and index >= 0 and isinstance(lines[index], str) and len(taken) < 3:
        text = lines[index].strip()
        if text and not (text.isupper() and len(text) < 80 and not DRAFT.match(text) and not style_of(text)):
            break
        if text:
            taken.insert(0, index)
        index -= 1
    if not taken or not re.search(r"BAN|TM\.|KT\.|BÍ THƯ|CHỦ TỊCH", " ".join(lines[i] for i in taken)):
        return []
    used.update(taken)
    return [lines[i].strip() for i in taken]


def _listed(lines: list, styles: list, headings_at: list[int]) -> set[int]:
    """Runs of three or more "1." / "a)" headings with nothing between them: a list, not sections."""
    listed: set[int] = set()
    run: list[int] = []
    for index in [*headings_at, len(lines)]:
        previous = run[-1] if run else None
        between = lines[previous + 1 : index] if previous is not None else []
        joined = (
            previous is not None
            and index < len(lines)
            and styles[index] == styles[previous]
            and styles[index] in ("number", "alpha")
            and not any(isinstance(line, Row) or line.strip() for line in between)
            and _ordinal(lines[index]) == _ordinal(lines[previous]) + 1
        )
        if not joined:
            if len(run) >= 3:
                listed.update(run)
            run = []
        if index < len(lines):
            run.append(index)
    return listed


def _ordinal(line: str) -> int:
    """1 for "1." or "a)", 2 for "2." or "b)"…"""
    lead = line.strip()[:3]
    digits = re.match(r"\d+", lead)
    return int(digits.group(0)) if digits else ord(lead[0].lower()) - ord("a") + 1


def _text(line: str) -> str:
    return line.strip().split(LINE_BREAK)[0]


def _guess_front(lines: list, stop: int, used: set[int], result: Imported, kind: str | None) -> None:
    """Title and kind when the header has no kind word: the opening upper-case line, the words seen."""
    front = result.front
    if "title" not in front:
        opening = [(i, lines[i].strip()) for i in range(stop) if isinstance(lines[i], str) and lines[i].strip()]
        opening = [(i, text) for i, text in opening if i not in used]
        if opening and opening[0][1].isupper() and len(opening[0][1]) < 200:
            front["title"] = opening[0][1]
            used.add(opening[0][0])
    if kind:
        front["kind"] = kind
    elif "kind" not in front:
        upper = " ".join(str(line) for line in lines[:15]).upper()
        front["kind"] = (
            "congress-report"
            if re.search(r"ĐẠI HỘI|BÁO CÁO|NHIỆM KỲ", upper)
            else "annual-program"
            if "CHƯƠNG TRÌNH" in upper
            else "plan"
        )
        result.guesses.append("kind")
    elif "kind" in front.pop("guessed", []):
        result.guesses.append("kind")
    front.pop("guessed", None)
    result.guesses.append("title")


def _body(lines: list, styles: list, used: set[int], levels: dict, result: Imported) -> None:
    """Headings, paragraphs, targets and results from the lines not used by the header."""
    BodyReader(lines, styles, used, levels, result).read()


def _prose(result: Imported) -> None:
    """Targets and results stated in running text (see targets.prose_entries); all are guesses."""
    paragraphs = [line for line in result.body if line and not line.startswith(("#", "[[", "|"))]
    targets, results, notes = prose_entries(paragraphs)
    result.notes += notes
    for text in targets:
        entry = {"id": f"chi-tieu-{len(result.targets) + 1}", "text": plain(text)}
        result.targets.append(entry)
        result.guesses.append(f"targets.{entry['id']}")
    for text in results:
        entry = {"id": f"ket-qua-{len(result.results) + 1}", "target": plain(text), "result": plain(text)}
        entry["assessment"] = "not-assessed"
        result.results.append(entry)
        result.guesses.append(f"results.{entry['id']}.target")
    for role, found in (("results", results), ("targets", targets)):
        if found:
            result.body += [f"[[{role}]]", ""]


MOTTO_WORDS = set("số ngày tháng năm đoàn tncs hồ chí minh * *** - –".split()) | set(
    "cộng hòa hoà xã hội chủ nghĩa việt nam độc lập tự do hạnh phúc".split()  # the state's motto
)


def _words(text: str) -> set[str]:
    return {w.strip(".,;:()“”\"'*|").casefold() for w in text.split()} - {""}


def _report_hidden_text(result: Imported) -> None:
    """Notes for the editor when text would be kept only in a comment: the body is empty, or
    header lines hold words that no front-matter field shows (the header reader took too much)."""
    if not any(line.strip() and not line.startswith("[[") for line in result.body):
        result.notes.append(
            "Thân văn bản trống: mọi chữ đã vào đầu văn bản; hãy xem lại tệp / the body is empty: all the text "
            "went to the header; check the file"
        )
    front = result.front
    shown = " ".join(str(front.get(key) or "") for key in ("title", "number", "place", "theme", "kind_word"))
    shown += (
        " "
        + " ".join(front.get("issuer") or [])
        + " "
        + " ".join(part.lstrip("0") for part in str(front.get("issued") or "").split("-"))
    )
    hidden = set()
    for line in front.get("header_lines", []):
        hidden |= _words(line)
    hidden -= _words(shown) | MOTTO_WORDS
    if len(hidden) > 3:
        result.notes.append(
            f"{len(hidden)} từ của đầu văn bản chỉ còn trong chú thích (# đầu văn bản), không trường nào hiện chúng"
            f" / {len(hidden)} words of the header are only in the `# header` comments, no field shows them: "
            + ", ".join(sorted(hidden)[:12])
        )


def _footnotes(result: Imported) -> None:
    """Footnote definitions at the end; a note whose reference the source lost (a text export keeps
    only the notes' texts) is listed as a guess, so that `check` asks the editor to place it."""
    text = "\n".join(result.body) + str(result.targets) + str(result.results)
    referenced = {int(n) for n in re.findall(r"\[\^(\d+)\]", text)}
    result.body += [""] + [f"[^{n}]: {note}" for n, note in enumerate(result.footnotes, start=1)]
    lost = [n for n in range(1, len(result.footnotes) + 1) if n not in referenced]
    if lost:
        result.guesses += [f"footnote {n}: đặt [^{n}] vào chỗ của nó / place [^{n}] where it belongs" for n in lost]
        result.notes.append(
            f"{len(lost)} chú thích không có chỗ tham chiếu trong nguồn / footnotes whose reference the source lost: "
            + ", ".join(f"[^{n}]" for n in lost)
        )


def _suggest_topics(result: Imported, topics) -> None:
    for key, entries, words in (("targets", result.targets, "text"), ("results", result.results, "target")):
        for entry in entries:
            topic = suggest_topic(entry[words], topics)
            if topic:
                entry["topic"] = topic
                result.guesses.append(f"{key}.{entry['id']}.topic")
