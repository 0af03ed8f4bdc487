"""The official header and closing block of a Đoàn document → front-matter fields.

Vietnamese administrative documents (Nghị định 30/2020/NĐ-CP, Phụ lục I; Hướng dẫn 29-HD/VPTW for
Party and mass organizations) open with two columns: the issuing body (left, over "***" or a rule)
and the motto "ĐOÀN TNCS HỒ CHÍ MINH" (right); then "Số: 53-KH/ĐTN" (left) and
"TP. Hồ Chí Minh, ngày 28 tháng 4 năm 2023" (right); then the kind word (KẾ HOẠCH, CHƯƠNG TRÌNH…)
over the title, and sometimes "Chủ đề: …". They end with "Nơi nhận:" (the distribution list) beside
the signature block (TM./KT. …, role, name). Exports bring the columns as tabs, runs of spaces,
" |" cell marks, table rows, or one after the other; all are read here.
"""

from __future__ import annotations

import re

from vankien.importer.sources import LINE_BREAK, Row

KINDS = {  # the kind word → (document kind, whether the kind is a guess)
    "BÁO CÁO CHÍNH TRỊ": ("congress-report", False),
    "CHƯƠNG TRÌNH": ("annual-program", False),
    "KẾ HOẠCH": ("plan", False),
    "NGHỊ QUYẾT": ("resolution", False),
    "BÁO CÁO": ("congress-report", True),
    "HƯỚNG DẪN": ("plan", True),
    "THÔNG BÁO": ("plan", True),
}
KIND_AT = re.compile(r"(" + "|".join(KINDS) + r")\b[\s:]*")
KIND_WORDS = {word for kind in KINDS for word in kind.split()[:1]}  # "KẾ", "CHƯƠNG"… end an issuer run
KIND_LINE = re.compile(r"^(" + "|".join(KINDS) + r")\b[\s:]*(.*)$")
COLUMNS = re.compile(r"\t+|\s{3,}|\s*\|\s*")
NUMBER = re.compile(
    r"\bS[ốỐ]\s*:?\s*(\d+)\s*([-–/]?)\s*([A-ZĐ][A-Za-zĐđƠơƯư]*(?:\s*[-–/]\s*[A-ZĐ][A-Za-z0-9ĐđƠơƯưÔôẦầ]*)*)"
)
DATE = re.compile(
    r"(?:^|[\s*|])((?:(?:TP|Tp|tp)\.\s*|Thành phố\s+|Thị xã\s+|Thị trấn\s+)?[A-ZĐ][\wÀ-ỹ]*"
    r"(?:(?:\s+|\s*-\s*)(?:[A-ZĐ][\wÀ-ỹ]*|\d{1,2})){0,4})\s*,\s*ngày\s+(\d{1,2})\s+"
    r"tháng\s+(\d{1,2})?\s*năm\s+(\d{4})"
)
MOTTO_END = re.compile(r"\s+ĐOÀN\s+TNCS\s+HỒ\s+CHÍ\s+MINH\s*$")  # the motto column run onto the issuer line
MOTTO = re.compile(  # the right column's motto: the Union's name, or the state's (Hội documents); rules
    r"ĐOÀN\s+TNCS\s+HỒ\s+CHÍ\s+MINH\s*$|^\*+$|^[-_=]{3,}$"
    r"|^CỘNG\s+H(?:ÒA|OÀ)\s+XÃ\s+HỘI\s+CHỦ\s+NGHĨA\s+VIỆT\s+NAM$|^Độc\s+lập\s*[-–]\s*Tự\s+do\s*[-–]\s*Hạnh\s+phúc$"
)
THEME = re.compile(r"^Chủ đề(?: năm)?\s*:\s*(.+)$", re.IGNORECASE)
STARTS_BODY = re.compile(r"^(?:[-–+•]\s*)?(?:Căn cứ|Thực hiện|Thực Chương trình|Năm học|Kính gửi)\b")
SIGNATURE_LEAD = re.compile(r"^(?:TM\.|T/M|KT\.|K/T|TL\.|TUQ\.)\s*\S|^(?:PHÓ )?(?:BÍ THƯ|CHỦ TỊCH|TRƯỞNG BAN)$")
RECIPIENTS = re.compile(r"^Nơi nhận\s*:?\s*(.*)$", re.IGNORECASE)


def _pieces(line) -> list[str]:
    """The column pieces of one header line (tabs, runs of spaces, " |" marks, table cells)."""
    cells = list(line) if isinstance(line, Row) else [line]
    return [p.strip() for cell in cells for part in cell.split(LINE_BREAK) for p in COLUMNS.split(part) if p.strip()]


def read_header(lines: list, front: dict, stop: int) -> set[int]:
    """Fill `front` (issuer, number, place, issued, kind, title, theme) from lines[:stop]; the
    indexes of the lines used (they leave the body). `front["guessed"]` lists what was guessed."""
    used: set[int] = set()
    issuer: list[str] = []
    issuer_at: set[int] = set()
    official = False
    guessed = front.setdefault("guessed", [])
    kind_at = None
    cut: dict[int, str] = {}  # a page on one line: the header's part of the line (the rest stays for the body)
    for index, line in enumerate(lines[:stop]):
        text = " ".join(_pieces(line))
        if not text:
            continue
        if len(text) > 200:  # a paragraph, or a whole page on one line: only a header at its start is read
            end = _header_at_start(text, front, issuer, guessed) if kind_at is None and not used else 0
            if end:
                cut[index] = text[:end]
                lines[index] = text[end:].strip()
                official = True
                kind_at = index if "kind" in front else None
            if kind_at is not None or end:
                break
            continue
        number = NUMBER.search(text)
        # the date in its own piece first: a table cell's lines joined would run the motto into the place
        date = next(filter(None, (DATE.search(piece) for piece in _pieces(line))), None) or DATE.search(text)
        if number and "number" not in front:
            _number(number, front)
            used.add(index)
        if date and "issued" not in front:
            _date(date, front)
            used.add(index)
        if kind_at is None:
            kind = _kind_in(text)
            if kind:
                kind_at = index
                used.add(index)
                word, rest = kind
                front["kind"], guess = KINDS[word]
                if guess:
                    guessed.append("kind")
                front["kind_word"] = word
                title_lines = [rest] if rest else []
                used |= _title(lines, index + 1, stop, title_lines)
                title = " ".join(t for t in title_lines if t)
                front["title"] = f"{word.capitalize()} {title}".strip()
                continue
        if kind_at is None and len(text) <= 200:  # issuer pieces beside the number or date too (a Word table)
            pieces = [MOTTO_END.sub("", p).strip() for p in _pieces(line)]
            official = official or any(MOTTO.search(p) or MOTTO_END.search(p) for p in _pieces(line))
            left = [p for p in pieces if p and not MOTTO.search(p) and not NUMBER.search(p) and not DATE.search(p)]
            if left and all(p.isupper() for p in left) and len(" ".join(left)) < 120:
                issuer.extend(left)
                issuer_at.add(index)
                used.add(index)
            elif _pieces(line) and all(MOTTO.search(p) for p in _pieces(line)):
                used.add(index)
        theme = THEME.match(text)
        if theme and "theme" not in front:
            front["theme"] = theme.group(1).strip()
            used.add(index)
    if issuer and (official or "number" in front or "issued" in front):
        if not re.search(r"\b(?:ĐOÀN|HỘI|ĐỘI)\b", " ".join(issuer)):  # "BAN CHẤP HÀNH TRUNG ƯƠNG" of…
            issuer.append("ĐOÀN TNCS HỒ CHÍ MINH")  # …the Union: the motto column completes the name
        front["issuer"] = issuer
    else:
        used -= issuer_at
    shown = {i: lines[i] if isinstance(lines[i], str) else " | ".join(lines[i]) for i in used} | cut
    front["header_lines"] = [shown[i] for i in sorted(shown)]
    return used


def _header_at_start(text: str, front: dict, issuer: list[str], guessed: list[str]) -> int:
    """Read the header fields that open a long line (a whole page exported on one line: issuer,
    "***", date, number, kind word and title, in any order) into `front`/`issuer`; where they end
    in `text` (0 when the line does not open with a number, date or kind word: it is a paragraph)."""
    found: dict = {}
    leading: list[str] = []
    at = 0
    while True:
        at += len(text[at:]) - len(text[at:].lstrip(" *|_-=–"))
        number = NUMBER.match(text, at)
        date = DATE.search(text, max(0, at - 1))
        kind = KIND_AT.match(text, at)
        if number and "number" not in found:
            found["number"], at = number, number.end()
        elif date and date.start(1) == at and "date" not in found:
            found["date"], at = date, date.end()
        elif kind:
            rest = _short_title(text[kind.end() :])
            found["kind"] = (kind.group(1), rest)
            at = kind.end() + len(rest)
            break
        else:
            upper = []
            for word in text[at:].split(" "):
                if not word.isupper() or word.startswith("*") or NUMBER.match(word) or word in KIND_WORDS:
                    break
                upper.append(word)
            if len(upper) < 2 or leading:
                break
            leading = upper
            at += len(" ".join(upper))
    if not ({"number", "date", "kind"} & found.keys()):
        return 0
    if leading:
        issuer.append(" ".join(leading))
    if "number" in found:
        _number(found["number"], front)
    if "date" in found:
        _date(found["date"], front)
    if "kind" in found:
        word, title = found["kind"]
        front["kind"], guess = KINDS[word]
        if guess:
            guessed.append("kind")
        front["kind_word"] = word
        front["title"] = f"{word.capitalize()} {title}".strip()
    return at


def _number(number: re.Match, front: dict) -> None:
    """front["number"] from a NUMBER match, spelt as the site writes it ("53-KH/TĐTN")."""
    digits, letters = number.group(1), re.sub(r"\s*([-–/])\s*", r"\1", number.group(3)).replace("–", "-")
    front["number"] = f"{digits}{number.group(2).replace('–', '-') or '-'}{letters}"


def _date(date: re.Match, front: dict) -> None:
    """front["place"] and, when the month is there, front["issued"] (YYYY-MM-DD) from a DATE match."""
    front["place"] = re.sub(r"^.*\*+\s*", "", date.group(1)).strip()
    if date.group(3):
        front["issued"] = f"{date.group(4)}-{int(date.group(3)):02d}-{int(date.group(2)):02d}"


def _kind_in(text: str) -> tuple[str, str] | None:
    """(kind word, the rest) when the line is the kind word, alone or followed by the title."""
    if text.rstrip(":").upper() in KINDS and len(text) < 25:  # "Kế hoạch" alone, as some exports case it
        return text.rstrip(":").upper(), ""
    match = KIND_LINE.match(text)
    if match:
        return match.group(1), match.group(2).strip()
    return None


def _title(lines: list, index: int, stop: int, title_lines: list[str]) -> set[int]:
    """The lines under the kind word that continue the title; their indexes."""
    used: set[int] = set()
    while index < min(stop, len(lines)) and not str(lines[index]).strip() and not title_lines:
        index += 1
    while index < min(stop, len(lines)) and len(title_lines) < 4:
        line = lines[index]
        text = " ".join(_pieces(line)) if isinstance(line, Row) else line.strip().replace(LINE_BREAK, " ")
        if not text or THEME.match(text) or re.match(r"^[IVX]+[./]\s", text) or len(text) > 250:
            break
        if title_lines and STARTS_BODY.match(text):  # the first line under the kind word is the title's
            break
        title_lines.append(" ".join(text.split()))
        used.add(index)
        index += 1
    return used


def _short_title(title: str) -> str:
    """The title at the start of a page on one line: up to its first year (or 200 characters)."""
    year = re.search(r"năm(?: học)? \d{4}(?:\s*[-–]\s*\d{4})?", title[:300])
    return title[: year.end()] if year else title[:200]


def read_closing(lines: list) -> tuple[int, list[str], list[str]]:
    """(where the closing block starts, distribution list, signature lines) from the last lines:
    "Nơi nhận:" and its "- …" items, beside or before "TM./KT. …", the role and the name."""
    start = None
    for index in range(len(lines) - 1, max(-1, len(lines) - 40), -1):
        pieces = _pieces(lines[index])
        if pieces and (RECIPIENTS.match(pieces[0]) or SIGNATURE_LEAD.match(pieces[0])):
            start = index
    if start is None:
        return len(lines), [], []
    distribution: list[str] = []
    signature: list[str] = []
    seen_recipients = listing = False  # listing: in a one-column list, before the signature block
    for line in lines[start:]:
        for piece in _pieces(line):
            recipients = RECIPIENTS.match(piece)
            if recipients:
                seen_recipients = listing = True
                piece = recipients.group(1).strip()
                if not piece:
                    continue
            if SIGNATURE_LEAD.match(piece):
                listing = False
            if seen_recipients and (piece[0] in "-–+•" or listing):
                distribution.append(piece.lstrip("-–+• ").strip())
            else:
                signature.append(piece)
    return start, distribution, signature
