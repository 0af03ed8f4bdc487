"""Reading the figures out of Vietnamese target wording, and judging results by them.

Pure functions, no I/O.

Vietnamese writes `10.000` for ten thousand and `2,5` for two and a half; targets say
"ít nhất 05 đoàn viên", "hơn 60 lượt", "30-40 suất quà", "05 tỷ đồng", "100% cán bộ
Đoàn, đoàn viên, 80% thanh niên". `parse(text)` finds every such measure and keeps the
words it came from; a text with no figure yields no measure (nothing is guessed).

What is not a measure: references to documents ("Nghị quyết số 31-NQ/TW", "Chỉ thị 05-CT/TW",
"Quyết định 33", "Nghị quyết 01 của Đảng ủy"), dates ("ngày 30/12/2022", "26/3"), years and
spans of years ("năm 2030", "2022 - 2027"), ordinals ("lần thứ 14"), durations and
anniversaries ("kỷ niệm 20 năm", "6 tháng"), list and table numbers ("(3)", "2.", a figure
alone on its line), slogans ("3 nắm - 3 biết - 3 làm", "1+1"), and figures without a unit
inside a quoted name or right after a proper name ("“3 trách nhiệm”", "Tiểu học An Lạc 3").
A ratio written like a date ("24/36") is dropped too.

Choices worth knowing:
- An operator word binds only the figure right after it: in "ít nhất 01 hoạt động ... hoặc
  03 sản phẩm" the 03 is "=".
- A percentage's subject is the noun phrase after it, cut at the first verb, clause end or
  next figure ("100% cán bộ Đoàn, đoàn viên học tập…" → "cán bộ Đoàn, đoàn viên"); a
  percentage followed by a verb ("80% đạt danh hiệu…") has no subject.
- Text is read in NFC with Markdown strong markers (`**`) removed; `raw` is a slice of that.
- "đoàn viên", "đoàn viên ưu tú" and "đồng chí" count the same people (union members; a
  report says "kết nạp 06 đồng chí" for a target of "04 Đoàn viên được kết nạp"), so they
  are comparable; every other unit compares only with itself. Percentages compare with
  percentages whatever their subject.
"""

from __future__ import annotations

import functools
import re
import unicodedata
from dataclasses import dataclass
from decimal import Decimal

from babel.numbers import format_decimal

# Operators, keyed by the words that introduce a figure (compared without case). "phần đầu" is a
# frequent typo for "phấn đấu" in the seeds.
AT_LEAST = (
    "ít nhất",
    "tối thiểu",
    "phấn đấu có",
    "phấn đấu đạt",
    "phấn đấu",
    "phần đầu có",
    "phần đầu",
    "không dưới",
    "từ",
)
MORE_THAN = ("trên", "hơn", "vượt")
ABOUT = ("khoảng", "gần", "xấp xỉ")
AT_MOST = ("tối đa", "không quá", "dưới")
OPERATORS = {"≥": AT_LEAST, ">": MORE_THAN, "~": ABOUT, "≤": AT_MOST}

SCALES = {"nghìn": 1_000, "ngàn": 1_000, "triệu": 1_000_000, "tỷ": 1_000_000_000, "tỉ": 1_000_000_000}

# Units, longest first so that "suất quà" wins over "suất". Each maps to its canonical form.
UNITS = sorted(
    {
        "%": "%",
        "phần trăm": "%",
        # people
        "đoàn viên ưu tú": "đoàn viên ưu tú",
        "đoàn viên thanh niên": "đoàn viên",
        "đoàn viên": "đoàn viên",
        "đồng chí": "đồng chí",
        "đảng viên": "đảng viên",
        "hội viên": "hội viên",
        "thanh niên": "thanh niên",
        "thanh thiếu nhi": "thanh thiếu nhi",
        "thanh thiếu niên": "thanh thiếu niên",
        "thanh, thiếu niên": "thanh thiếu niên",
        "thiếu niên": "thiếu niên",
        "thiếu nhi": "thiếu nhi",
        "học sinh": "học sinh",
        "sinh viên": "sinh viên",
        "cán bộ": "cán bộ",
        "người": "người",
        "em": "em",
        "gương": "gương",
        "đối tượng": "đối tượng",
        "hộ": "hộ",
        "gia đình": "gia đình",
        "tuổi": "tuổi",
        # organizations and places
        "chi đoàn": "chi đoàn",
        "chi hội": "chi hội",
        "cơ sở đoàn": "cơ sở Đoàn",
        "đoàn thể": "đoàn thể",
        "tổ vay vốn": "tổ vay vốn",
        "tổ": "tổ",
        "phường": "phường",
        "xã": "xã",
        "quận": "quận",
        "huyện": "huyện",
        "quần đảo": "quần đảo",
        "khu dân cư": "khu dân cư",
        "tuyến hẻm": "tuyến hẻm",
        "góc phố": "góc phố",
        "không gian xanh": "không gian xanh",
        "điểm vui chơi": "điểm vui chơi",
        "căn nhà": "căn nhà",
        "căn": "căn nhà",
        # activities and their products
        "lượt": "lượt",
        "lần/năm": "lần/năm",
        "lần": "lần",
        "buổi": "buổi",
        "cuộc": "cuộc",
        "đợt": "đợt",
        "chuyến": "chuyến",
        "lớp": "lớp",
        "diễn đàn": "diễn đàn",
        "chuyên đề": "chuyên đề",
        "hoạt động": "hoạt động",
        "chương trình": "chương trình",
        "đề án": "đề án",
        "công trình": "công trình",
        "phần việc": "phần việc",
        "mô hình": "mô hình",
        "trào lưu": "trào lưu",
        "tiêu chí": "tiêu chí",
        "môn thể thao": "môn thể thao",
        "môn": "môn",
        "sáng kiến": "sáng kiến",
        "ý tưởng": "ý tưởng",
        "giải pháp": "giải pháp",
        "đề tài": "đề tài",
        "góp ý": "góp ý",
        "sản phẩm": "sản phẩm",
        "tin bài": "tin bài",
        "bài viết": "bài viết",
        "trang thông tin": "trang thông tin",
        "tài liệu": "tài liệu",
        "ngày công": "ngày công",
        # things given
        "suất quà": "suất quà",
        "phần quà": "suất quà",
        "suất học bổng": "suất học bổng",
        "suất": "suất",
        "cây xanh": "cây xanh",
        "cây": "cây",
        "đơn vị máu": "đơn vị máu",
        "khẩu trang": "khẩu trang",
        "tờ rơi": "tờ rơi",
        "đầu sách": "đầu sách",
        "tủ sách": "tủ sách",
        "hệ thống": "hệ thống",
        "kính": "kính",
        "bộ": "bộ",
        "tấn": "tấn",
        "đồng": "đồng",
        "đ": "đồng",
    }.items(),
    key=lambda item: -len(item[0]),
)

# Canonical units (UNITS) in English, for English pages and data labels.
UNITS_EN = {
    "%": "%",
    "buổi": "sessions",
    "bài viết": "articles",
    "bộ": "sets",
    "chi hội": "association chapters",
    "chi đoàn": "branches",
    "chuyên đề": "thematic sessions",
    "chuyến": "trips",
    "chương trình": "programs",
    "cuộc": "events",
    "cán bộ": "cadres",
    "cây": "trees",
    "cây xanh": "trees",
    "công trình": "projects",
    "căn nhà": "houses",
    "cơ sở Đoàn": "grassroots units",
    "diễn đàn": "forums",
    "em": "children",
    "gia đình": "families",
    "giải pháp": "solutions",
    "góc phố": "street corners",
    "góp ý": "comments",
    "gương": "role models",
    "hoạt động": "activities",
    "huyện": "districts",
    "hệ thống": "systems",
    "học sinh": "pupils",
    "hộ": "households",
    "hội viên": "association members",
    "khu dân cư": "neighbourhoods",
    "không gian xanh": "green spaces",
    "khẩu trang": "face masks",
    "kính": "face shields",
    "lượt": "participations",
    "lần": "times",
    "lần/năm": "times/year",
    "lớp": "classes",
    "mô hình": "models",
    "môn": "subjects",
    "môn thể thao": "sports",
    "ngày công": "work days",
    "người": "people",
    "phường": "wards",
    "phần việc": "tasks",
    "quần đảo": "archipelagos",
    "quận": "districts",
    "sinh viên": "students",
    "suất": "portions",
    "suất học bổng": "scholarships",
    "suất quà": "gift packages",
    "sáng kiến": "initiatives",
    "sản phẩm": "products",
    "thanh niên": "young people",
    "thanh thiếu nhi": "children and youth",
    "thanh thiếu niên": "teenagers and youth",
    "thiếu nhi": "children",
    "thiếu niên": "teenagers",
    "tin bài": "news items",
    "tiêu chí": "criteria",
    "trang thông tin": "websites",
    "trào lưu": "trends",
    "tuyến hẻm": "alleys",
    "tuổi": "years of age",
    "tài liệu": "documents",
    "tấn": "tonnes",
    "tổ": "groups",
    "tổ vay vốn": "loan groups",
    "tờ rơi": "leaflets",
    "tủ sách": "bookcases",
    "xã": "communes",
    "ý tưởng": "ideas",
    "điểm vui chơi": "playgrounds",
    "đoàn thể": "mass organizations",
    "đoàn viên": "members",
    "đoàn viên ưu tú": "outstanding members",
    "đơn vị máu": "units of blood",
    "đảng viên": "Party members",
    "đầu sách": "book titles",
    "đề tài": "research topics",
    "đề án": "schemes",
    "đối tượng": "beneficiaries",
    "đồng": "đồng",
    "đồng chí": "comrades",
    "đợt": "campaigns",
}

# People counted alike (see the module docstring); any other unit is comparable only with itself.
SAME_PEOPLE = frozenset({"đoàn viên", "đoàn viên ưu tú", "đồng chí"})

NUMBER = r"\d{1,3}(?:\.\d{3})+(?:,\d+)?|\d+(?:,\d+)?"
FIGURE = re.compile(
    rf"(?P<first>{NUMBER})(?P<first_percent>\s*%)?(?:\s*[-–]\s*(?P<second>{NUMBER}))?(?P<percent>\s*%)?"
)
# Words right before a figure that make it a reference: "số 31", "lần thứ 14", "Quyết định 33".
REFERENCE_BEFORE = re.compile(
    r"(?:\b(?:số|lần thứ|lần|khóa|khoá|ngày|tháng|năm|nghị quyết|chỉ thị|kết luận|quyết định|nghị định|"
    r"thông tư|thông tri|kế hoạch|công văn|hướng dẫn|đề án|trung ương|tổng đài|điều|khoản|phụ lục)|/)\s*$",
    re.IGNORECASE,
)
PLACE_NAME_BEFORE = re.compile(r"\b(?:Quận|Phường|Khu phố|Ấp)\s*$")  # "Quận 12" is a name, "10 phường" a count
# What right after a figure makes it a reference: "05-CT/TW", "30/12", "6.2", "20 năm", "6 tháng".
REFERENCE_AFTER = re.compile(r"^(?:[-/]\s*[A-ZĐa-zđ]|/\d|\.\d|\s*(?:năm|tháng)\b)")
# Slogans made of figures: "3 nắm - 3 biết - 3 làm", "1+1".
SLOGAN = re.compile(r"\b(\d+)\s+\w+(?:\s*[-–,]\s*\1\s+\w+){2,}|\b\d+\s*\+\s*\d+")
YEAR = re.compile(r"(?:19|20)\d\d")
LOOKBEHIND = 60  # characters before a figure that can hold its operator or reference words

# Where a percentage's subject ends: a verb, a linking word, an operator word.
SUBJECT_END = re.compile(
    r"\b(?:được|đã|đang|sẽ|có|không|đăng ký|tham gia|hoàn thành|xếp loại|đạt|sử dụng|ký|học tập|quán triệt|"
    r"tuyên truyền|thực hiện|tiếp tục|triển khai|tổ chức|xây dựng|tham mưu|cài đặt|duy trì|chủ động|"
    r"vẫn|luôn|đều|cùng|do|nhằm|để|theo|phấn đấu|ít nhất|tối thiểu)\b",
    re.IGNORECASE,
)
CLAUSE_END = re.compile(r"[;:.()\[\]“”\"]|\d")
TRAILING_LINK = re.compile(r"\s+(?:và|hoặc|trong đó)$", re.IGNORECASE)


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
        """The smaller bound (the value itself unless a range)."""
        return self.value

    @property
    def high(self) -> Decimal:
        """The upper bound: value_max for a range, else the value."""
        return self.value_max if self.value_max is not None else self.value


def to_decimal(figure: str) -> Decimal:
    """`10.000` → 10000, `2,5` → 2.5, `05` → 5 (Vietnamese grouping and decimals)."""
    return Decimal(figure.replace(".", "").replace(",", "."))


# ---------------------------------------------------------------------------------------------
# Parsing


def parse(text: str | None) -> list[Measure]:
    """Every measure in `text`, in order of appearance."""
    if not text:
        return []
    text = unicodedata.normalize("NFC", text).replace("**", "")
    slogans = [match.span() for match in SLOGAN.finditer(text)]
    measures = []
    for match in FIGURE.finditer(text):
        if any(start <= match.start() < end for start, end in slogans):
            continue
        before, after = _line_around(text, match)
        if _is_reference(before, after, match):
            continue
        measure = _measure(match, before, after)
        if measure.unit is None and (_inside_quotes(before) or _after_proper_name(before)):
            continue  # part of a name: "“3 trách nhiệm”", "Trường Tiểu học An Lạc 3"
        measures.append(measure)
    return measures


def _line_around(text: str, match: re.Match) -> tuple[str, str]:
    """The text of the figure's line before and after it (a measure never spans lines)."""
    line_start = text.rfind("\n", 0, match.start()) + 1
    line_end = text.find("\n", match.end())
    return text[line_start : match.start()], text[match.end() : line_end if line_end >= 0 else len(text)]


def _is_reference(before: str, after: str, match: re.Match) -> bool:
    """Whether the figure is a document number, date, year, ordinal, duration or list number."""
    tail = before[-LOOKBEHIND:]
    if REFERENCE_BEFORE.search(tail) or PLACE_NAME_BEFORE.search(tail) or REFERENCE_AFTER.match(after):
        return True
    if re.search(r"[\w/.+-]$", tail):
        return True  # inside a code or a word: "CT/TW", "COVID-19", "B1"
    if _is_list_number(before, after, match):
        return True
    has_percent = match.group("first_percent") or match.group("percent")
    if YEAR.fullmatch(match.group("first")) and not has_percent and _unit(after)[0] is None:
        return True  # a year, or a span of years "2022 - 2027"
    return False


def _is_list_number(before: str, after: str, match: re.Match) -> bool:
    """`2.` or `(3)` opening a line, or a figure alone on its line: the document's own numbering."""
    if match.group("second") or match.group("first_percent") or match.group("percent"):
        return False
    return before.strip() in ("", "(") and (bool(re.match(r"[.)](?!\d)", after)) or not after.strip())


def _inside_quotes(before: str) -> bool:
    """Whether an opening quotation mark before the figure is still open."""
    return before.count("“") > before.count("”") or before.count('"') % 2 == 1


def _after_proper_name(before: str) -> bool:
    """Whether a capitalized word, not opening a sentence, comes right before the figure."""
    found = re.search(r"(\S*)\s+(\w+)\s*$", before[-LOOKBEHIND:])
    return bool(found) and found.group(2)[0].isupper() and not re.search(r"[.:;!?]$|^$", found.group(1))


def _measure(match: re.Match, before: str, after: str) -> Measure:
    """The measure for one figure: operator, values, scale, unit, subject and raw words."""
    first, second = to_decimal(match.group("first")), match.group("second")
    value_max = to_decimal(second) if second else None
    op = "range" if value_max is not None else _operator(before)
    factor, scale_length = _scale(after)
    after = after[scale_length:]
    subject, unit_length = None, 0
    if match.group("first_percent") or match.group("percent"):
        unit, subject = "%", _subject(after)
    else:
        unit, unit_length = _unit(after)
    raw_start = match.start() - len(_operator_words(before))
    raw = match.string[raw_start : match.end() + scale_length + unit_length].strip()
    high = _whole(value_max * factor) if value_max is not None else None
    return Measure(op, _whole(first * factor), high, unit, raw, subject)


def _scale(after: str) -> tuple[int, int]:
    """The multiplier of a scale word right after the figure ("05 tỷ"), and its length."""
    found = re.match(r"\s*(" + "|".join(SCALES) + r")\b", after, re.IGNORECASE)
    if not found:
        return 1, 0
    return SCALES[found.group(1).lower()], found.end()


def _whole(value: Decimal) -> Decimal:
    """2500000.0 → 2500000: scaled figures keep no spurious decimals."""
    return value.to_integral_value() if value == value.to_integral_value() else value.normalize()


def _operator_words(before: str) -> str:
    """The operator words ending right before the figure, as written ("Phấn đấu có "), or ""."""
    tail = before[-LOOKBEHIND:]
    lower = tail.lower()
    for words in AT_LEAST + MORE_THAN + ABOUT + AT_MOST:
        found = re.search(rf"(?<!\w){re.escape(words)}\s*$", lower)
        if found:
            return tail[found.start() :]
    return ""


def _operator(before: str) -> str:
    """The operator of a single figure: "≥", ">", "~", "≤", or "=" when no word gives one."""
    words = _operator_words(before).strip().lower()
    for op, vocabulary in OPERATORS.items():
        if words in vocabulary:
            return op
    return "="


def _unit(after: str) -> tuple[str | None, int]:
    """The canonical unit starting `after` (an opening quote may come first), and its length."""
    stripped = after.lstrip().lstrip('“"').lstrip()
    lead = len(after) - len(stripped)
    lower = stripped.lower()
    for words, unit in UNITS:
        if lower.startswith(words) and (len(lower) == len(words) or not lower[len(words)].isalnum()):
            return unit, lead + len(words)
    return None, 0


def _subject(after: str) -> str | None:
    """Who a percentage counts: the noun phrase after it, up to a verb, clause end or figure."""
    clause = CLAUSE_END.split(after, maxsplit=1)[0]
    kept = []
    for part in clause.split(","):
        verb = SUBJECT_END.search(part)
        words = (part[: verb.start()] if verb else part).strip()
        if words:
            kept.append(words)
        if verb or not words:
            break
    subject = TRAILING_LINK.sub("", ", ".join(kept)).strip()
    return subject or None


def primary(measures: list[Measure]) -> Measure | None:
    """The measure a target is judged by: its first one."""
    return measures[0] if measures else None


# ---------------------------------------------------------------------------------------------
# Comparing


def comparable(a: Measure | None, b: Measure | None) -> bool:
    """Whether two measures count the same thing (same canonical unit, or both union members)."""
    if a is None or b is None or not a.unit or not b.unit:
        return False
    unit_a, unit_b = _unit_key(a.unit), _unit_key(b.unit)
    return unit_a == unit_b or (unit_a in SAME_PEOPLE and unit_b in SAME_PEOPLE)


def _unit_key(unit: str) -> str:
    """A unit compared without case or extra spaces, so an editor's "Đoàn viên" is "đoàn viên"."""
    return " ".join(unicodedata.normalize("NFC", unit).lower().split())


def assess(target: Measure | None, result: Measure | None) -> str | None:
    """The assessment key from the numbers ("exceeded", "achieved", "not-achieved"), or None.

    None when either measure is missing or the two don't count the same thing.

    The result's stated figure (its lower bound) is compared with the target's bounds:
    ≥, = and ranges are achieved from the low bound and exceeded above the high one; a
    "more than" target is met only by beating its number, which counts as exceeded; "about"
    allows ±10 %; "at most" is achieved at or below its number. 100 % met with 100 % is achieved.
    """
    if not comparable(target, result):
        return None
    got = result.value
    if target.unit == "%" and target.high == 100 and got == 100:
        return "achieved"
    if target.op == ">":
        return "exceeded" if got > target.value else "not-achieved"
    if target.op == "≤":
        return "achieved" if got <= target.value else "not-achieved"
    if target.op == "~":
        return _assess_about(target.value, got)
    if got > target.high:
        return "exceeded"
    return "achieved" if got >= target.low else "not-achieved"


def _assess_about(value: Decimal, got: Decimal) -> str:
    """An "about" target: achieved within ±10 % of its value, else exceeded or not achieved."""
    margin = abs(value) / 10
    if got > value + margin:
        return "exceeded"
    return "achieved" if got >= value - margin else "not-achieved"


def match_result(target_measures: list[Measure], result_measures: list[Measure]) -> tuple[Measure, Measure] | None:
    """The pair to assess: the target's first measure and the first comparable result measure."""
    target = primary(target_measures)
    for result in result_measures:
        if comparable(target, result):
            return target, result
    return None


def trend(previous: Measure | None, new: Measure | None) -> str:
    """How a target moved from one period to the next: "new", "dropped", "↑", "=", "↓" or "≠".

    "new" when there was no previous target (even if there is no new one either), "dropped"
    when there is no new one, "≠" when the two count different things; otherwise the upper
    bounds are compared.
    """
    if previous is None:
        return "new"
    if new is None:
        return "dropped"
    if not comparable(previous, new):
        return "≠"
    if new.high > previous.high:
        return "↑"
    return "=" if new.high == previous.high else "↓"


# ---------------------------------------------------------------------------------------------
# Writing


DISPLAY_SCALES = {"vi": (("tỷ", 10**9), ("triệu", 10**6)), "en": (("billion", 10**9), ("million", 10**6))}
OP_PREFIX = {"=": "", "range": "", "≥": "≥ ", ">": "> ", "~": "~ ", "≤": "≤ "}


@functools.lru_cache(maxsize=1 << 14)  # measures are frozen; pages show the same ones many times
def format_value(measure: Measure, lang: str = "vi") -> str:
    """The measure for a table cell: "≥ 7 đoàn viên", "30–40 suất quà", "100%", "5 tỷ đồng".

    Numbers are grouped for `lang` ("10.000" in vi, "10,000" in en); a value in whole or
    two-decimal millions or billions keeps its scale word ("2,5 triệu đồng"). Units are in
    `lang` (English names in UNITS_EN), Vietnamese where no translation exists.
    """
    locale = "en" if lang == "en" else "vi"
    scale_word, divisor = _display_scale(measure, locale)
    number = _format_number(measure.value / divisor, locale)
    if measure.value_max is not None:
        number += "–" + _format_number(measure.value_max / divisor, locale)
    words = [OP_PREFIX.get(measure.op, "") + number, scale_word]
    if measure.unit == "%":
        return " ".join(filter(None, words)) + "%"
    unit = UNITS_EN.get(measure.unit, measure.unit) if lang == "en" and measure.unit else measure.unit
    if lang == "en" and unit and measure.value == 1 and measure.value_max is None:
        unit = _singular(unit)
    return " ".join(filter(None, words + [unit]))


def _singular(unit: str) -> str:
    """`1 activities` reads `1 activity`: the English unit for a count of one. The noun that
    takes the plural is the first word before "of" ("units of blood"), else the last."""
    if unit == "times/year":
        return "time/year"
    words = unit.split(" ")
    at = 0 if "of" in words else len(words) - 1
    for plural, single in (("ies", "y"), ("ches", "ch"), ("sses", "ss"), ("s", "")):
        if words[at].endswith(plural) and words[at] not in ("đồng", "series"):
            words[at] = words[at][: -len(plural)] + single
            break
    return " ".join(words)


def _display_scale(measure: Measure, locale: str) -> tuple[str, int]:
    """The largest scale word (tỷ, triệu) in which every bound has at most two decimals."""
    if measure.unit == "%":
        return "", 1
    bounds = [measure.value] + ([measure.value_max] if measure.value_max is not None else [])
    for word, divisor in DISPLAY_SCALES[locale]:
        if measure.high >= divisor and all((bound * 100 / divisor) % 1 == 0 for bound in bounds):
            return word, divisor
    return "", 1


def _format_number(value: Decimal, locale: str) -> str:
    """A number with the locale's grouping and decimal mark, all its decimals kept."""
    return format_decimal(_whole(Decimal(value)), locale=locale, decimal_quantization=False)
