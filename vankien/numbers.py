"""Reading the figures out of Vietnamese target wording. Pure functions, no I/O.

Vietnamese writes `10.000` for ten thousand and `2,5` for two and a half; targets say
"ít nhất 05 đoàn viên", "hơn 60 lượt", "30-40 suất quà", "05 tỷ đồng", "100% cán bộ
Đoàn, đoàn viên, 80% thanh niên". `parse(text)` finds every such measure and keeps the
words it came from; a text with no figure yields no measure (nothing is guessed).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from decimal import Decimal

# Operators, keyed by the words that introduce a figure (compared without case).
AT_LEAST = ("ít nhất", "tối thiểu", "phấn đấu có", "phấn đấu đạt", "phấn đấu", "phần đầu có", "phần đầu",
            "không dưới", "từ")
MORE_THAN = ("trên", "hơn", "vượt")
ABOUT = ("khoảng", "gần", "xấp xỉ")
AT_MOST = ("tối đa", "không quá", "dưới")

SCALES = {"nghìn": 1_000, "ngàn": 1_000, "triệu": 1_000_000, "tỷ": 1_000_000_000, "tỉ": 1_000_000_000}

# Units, longest first so that "suất quà" wins over "suất". Each maps to its canonical form.
UNITS = sorted({
    "%": "%", "phần trăm": "%",
    "đoàn viên ưu tú": "đoàn viên ưu tú", "đoàn viên": "đoàn viên", "thanh niên": "thanh niên",
    "thanh thiếu nhi": "thanh thiếu nhi", "thiếu nhi": "thiếu nhi", "cán bộ": "cán bộ", "đồng chí": "đồng chí",
    "lượt": "lượt", "lần/năm": "lần/năm", "lần": "lần", "sáng kiến": "sáng kiến", "ý tưởng": "ý tưởng",
    "giải pháp": "giải pháp", "mô hình": "mô hình", "suất quà": "suất quà", "suất học bổng": "suất học bổng",
    "suất": "suất", "cây xanh": "cây xanh", "cây": "cây", "đồng": "đồng", "công trình": "công trình",
    "hoạt động": "hoạt động", "gương": "gương", "buổi": "buổi", "cuộc": "cuộc", "diễn đàn": "diễn đàn",
    "chi đoàn": "chi đoàn", "chi hội": "chi hội", "cơ sở đoàn": "cơ sở Đoàn", "tuyến hẻm": "tuyến hẻm",
    "căn": "căn nhà", "căn nhà": "căn nhà", "đơn vị máu": "đơn vị máu", "tổ vay vốn": "tổ vay vốn",
    "tổ": "tổ", "chuyên đề": "chuyên đề", "đợt": "đợt", "lớp": "lớp", "sản phẩm": "sản phẩm",
    "hộ": "hộ", "người": "người", "em": "em", "trang thông tin": "trang thông tin", "bộ": "bộ",
    "khẩu trang": "khẩu trang", "tờ rơi": "tờ rơi", "phần việc": "phần việc", "đề tài": "đề tài",
    "môn thể thao": "môn thể thao", "môn": "môn", "góc phố": "góc phố", "gia đình": "gia đình",
    "đ": "đồng",
}.items(), key=lambda item: -len(item[0]))

NUMBER = r"\d{1,3}(?:\.\d{3})+(?:,\d+)?|\d+(?:,\d+)?"
FIGURE = re.compile(
    rf"(?P<first>{NUMBER})(?:\s*[-–]\s*(?P<second>{NUMBER}))?(?P<percent>\s*%)?"
)
# Figures that are references, not measures: "số 31", "05-CT/TW", dates, years, ordinals.
NOT_A_MEASURE_BEFORE = re.compile(r"(?:\bsố|\blần thứ|\bkhóa|\bkhoá|\bngày|\btháng|\bnăm|/|Nghị quyết|Chỉ thị|Kết luận)\s*$",
                                  re.IGNORECASE)
NOT_A_MEASURE_AFTER = re.compile(r"^(?:[-/]\s*[A-ZĐa-zđ]|/\d|\s*năm\b|\.\d)")


@dataclass(frozen=True)
class Measure:
    """One figure of a target: `op value[–value_max] [scale] unit`, with its raw words."""

    op: str  # "=", "≥", ">", "~", "≤", "range"
    value: Decimal
    value_max: Decimal | None
    unit: str | None
    raw: str
    subject: str | None = None  # for percentages: who ("cán bộ Đoàn, đoàn viên")

    @property
    def low(self) -> Decimal:
        return self.value

    @property
    def high(self) -> Decimal:
        return self.value_max if self.value_max is not None else self.value


def to_decimal(figure: str) -> Decimal:
    """`10.000` → 10000, `2,5` → 2.5, `05` → 5 (Vietnamese grouping and decimals)."""
    return Decimal(figure.replace(".", "").replace(",", "."))


def parse(text: str) -> list[Measure]:
    """Every measure in `text`, in order of appearance."""
    measures = []
    for match in FIGURE.finditer(text):
        before, after = text[: match.start()], text[match.end():]
        if _is_reference(before, after, match):
            continue
        measures.append(_measure(match, before, after))
    return measures


def _is_reference(before: str, after: str, match: re.Match) -> bool:
    first = match.group("first")
    if NOT_A_MEASURE_BEFORE.search(before) or NOT_A_MEASURE_AFTER.match(after):
        return True
    if re.search(r"[\w/.-]$", before) and not before.endswith(" "):
        return True  # inside a code or a word: "CT/TW", "H5N1"
    if not match.group("percent") and re.fullmatch(r"(19|20)\d\d", first) and not match.group("second"):
        return True  # a year
    if match.group("second") and re.fullmatch(r"(19|20)\d\d", first):
        return True  # a span of years "2022 - 2027"
    return False


def _measure(match: re.Match, before: str, after: str) -> Measure:
    first, second = to_decimal(match.group("first")), match.group("second")
    value_max = to_decimal(second) if second else None
    op = "range" if value_max is not None else _operator(before)
    raw_end = match.end()
    scale_match = re.match(r"\s*(" + "|".join(SCALES) + r")\b", after, re.IGNORECASE)
    if scale_match:
        factor = SCALES[scale_match.group(1).lower()]
        first, value_max = first * factor, value_max * factor if value_max is not None else None
        after, raw_end = after[scale_match.end():], raw_end + scale_match.end()
    unit, subject, unit_length = None, None, 0
    if match.group("percent"):
        unit, subject = "%", _subject(after)
    else:
        unit, unit_length = _unit(after)
    raw_start = match.start() - len(_operator_words(before))
    raw = match.string[raw_start:raw_end + unit_length].strip()
    return Measure(op, _whole(first), _whole(value_max) if value_max is not None else None, unit, raw, subject)


def _whole(value: Decimal) -> Decimal:
    """2500000.0 → 2500000: scaled figures keep no spurious decimals."""
    return value.to_integral_value() if value == value.to_integral_value() else value.normalize()


def _operator_words(before: str) -> str:
    tail = before.lower()
    for words in AT_LEAST + MORE_THAN + ABOUT + AT_MOST:
        found = re.search(rf"{re.escape(words)}\s*$", tail)
        if found:
            return before[found.start():]
    return ""


def _operator(before: str) -> str:
    words = _operator_words(before).strip().lower()
    if not words:
        return "="
    if words in AT_LEAST:
        return "≥"
    if words in MORE_THAN:
        return ">"
    if words in ABOUT:
        return "~"
    return "≤"


def _unit(after: str) -> tuple[str | None, int]:
    stripped = after.lstrip()
    lead = len(after) - len(stripped)
    lower = stripped.lower()
    for words, unit in UNITS:
        if lower.startswith(words) and (len(lower) == len(words) or not lower[len(words)].isalnum()):
            return unit, lead + len(words)
    return None, 0


def _subject(after: str) -> str | None:
    """Who a percentage counts: the words after it, up to the verb or the next figure."""
    words = re.split(r"\s+(?:được|đăng ký|tham gia|có|hoàn thành|xếp loại|đạt|sử dụng|ký)\b|[;:.]|\d", after, maxsplit=1)[0]
    words = words.strip(" ,")
    return words or None


def primary(measures: list[Measure]) -> Measure | None:
    """The measure a target is judged by: its first one."""
    return measures[0] if measures else None
