"""Reading the figures out of Vietnamese target wording: `parse(text) -> list[Measure]`.

Pure functions, no I/O. Judging results by figures is in `assessment`, writing figures in
`numberformat`; both are re-exported here for callers that import them from `numbers`.

Vietnamese writes `10.000` for ten thousand and `2,5` for two and a half; targets say
"ít nhất 05 đoàn viên", "hơn 60 lượt", "30-40 suất quà", "từ 05 đến 07 đoàn viên", "05 tỷ đồng",
"1,6 triệu thanh niên", "40 ngàn", "ít nhất một công trình", "17/20 chỉ tiêu", "100% cán bộ Đoàn,
đoàn viên, 80% thanh niên". `parse(text)` finds every such measure and keeps the words it came
from; a text with no figure yields no measure (nothing is guessed).

The unit is the counted noun right after the number: one of `units.UNITS` (canonical form), else
the noun as written ("01 ấp khó khăn" → "ấp", "21 dự án khởi nghiệp" → "dự án"); "/năm" after
it makes a rate ("70 đoàn viên ưu tú/năm").

What is not a measure: references to documents ("Nghị quyết số 31-NQ/TW", "Chỉ thị 05-CT/TW",
"Quyết định 33", "148 HD/TWH"), dates ("ngày 30/12/2022", "26/3", "Thứ 2"), years and spans of
years ("năm 2030", "2022 - 2027"), ordinals ("lần thứ 14"), durations and anniversaries
("kỷ niệm 84 năm", "6 tháng", "71 ngày thành lập"), page, list and table numbers ("trang 8",
"(3)", "2.", a figure alone on its line), slogans ("3 nắm - 3 biết - 3 làm", "1+1"), attendance
("167/167 đại biểu"), figures without a unit inside a quoted name or right after a proper name
("“3 trách nhiệm”", "Tiểu học An Lạc 3"), and number words not followed by a listed unit
("một số", "năm học").

Choices worth knowing:
- An operator word binds only the figure right after it: in "ít nhất 01 hoạt động ... hoặc
  03 sản phẩm" the 03 is "=".
- A percentage's subject is the noun phrase after it, cut at the first verb, clause end or
  next figure ("100% cán bộ Đoàn, đoàn viên học tập…" → "cán bộ Đoàn, đoàn viên").
- "a/b" is a ratio when a ≤ b ("17/20 chỉ tiêu", "đạt 8/10"), a date otherwise ("26/3"), after "ngày",
  or when, with no unit, it could be a day and month and no word like "đạt" comes before ("Quốc khánh 2/9").
- Text is read in NFC with Markdown strong markers (`**`) removed and syllables split by a PDF text
  layer joined ("đồ ng chí" → "đồng chí", `figure_words.unsplit`); `raw` is a slice of that.
- The work is linear in the text's length: each figure looks at a bounded window around it.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import replace
from decimal import Decimal

from vankien.figure_words import SCALES, unsplit
from vankien.figure_words import phrase as _phrase
from vankien.figure_words import subject as _subject
from vankien.figure_words import unit as _unit
from vankien.measure import NUMBER_WORDS, Measure, number_words, to_decimal
from vankien.units import UNITS

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
LESS_THAN = ("ít hơn", "thấp hơn", "dưới")  # before MORE_THAN: "ít hơn" ends with "hơn"
MORE_THAN = ("trên", "hơn", "vượt")
ABOUT = ("khoảng", "gần", "xấp xỉ")
AT_MOST = ("tối đa", "không quá")
OPERATORS = {"≥": AT_LEAST, "<": LESS_THAN, ">": MORE_THAN, "~": ABOUT, "≤": AT_MOST}

# Vietnamese figures: "10.000" (dots group thousands), "2,5" (a comma for decimals); and "1.5 triệu",
# a decimal typed with a dot, read so only before a scale word (a dot before one or two digits is
# never grouping; elsewhere, "6.2" is a section and "Cách mạng 4.0" a name).
DIGITS = r"\d{1,3}(?:\.\d{3})+(?:,\d+)?|\d+\.\d{1,2}(?=\s*(?:nghìn|ngàn|triệu|tỷ|tỉ)(?!\w))|\d+(?:,\d+)?"
WORDS = r"(?<!\w)(?:" + "|".join(NUMBER_WORDS) + r")(?:\s+(?:" + "|".join(NUMBER_WORDS) + r"))*(?!\w)"
DASH = r"\s*[-‐‑‒–—−]\s*"  # hyphen, U+2010, non-breaking hyphen U+2011, figure dash, en/em dash, minus
TO = r"\s+(?:đến|tới)\s+"
FIGURE = re.compile(
    rf"(?P<ratio>{DIGITS})\s*/\s*(?P<of>{DIGITS})(?!\s*/\s*\d)"
    rf"|(?P<first>{DIGITS})(?P<first_percent>\s*%)?(?:(?:{DASH}|{TO})(?P<second>{DIGITS}))?(?P<percent>\s*%)?"
    rf"|(?P<wfirst>{WORDS})(?:(?:{DASH}|{TO})(?P<wsecond>{WORDS}))?",
    re.IGNORECASE,
)
# Words right before a figure that make it a reference: "số 31", "lần thứ 14", "Quyết định 33", "trang 8".
REFERENCE_BEFORE = re.compile(
    r"(?:\b(?:số|lần thứ|lần|khóa|khoá|ngày|tháng|năm|thứ|trang|nghị quyết|chỉ thị|kết luận|quyết định|"
    r"nghị định|thông tư|thông tri|kế hoạch|công văn|hướng dẫn|đề án|trung ương|tổng đài|điều|khoản|phụ lục)"
    r"|/)\s*:?\s*$",
    re.IGNORECASE,
)
PLACE_NAME_BEFORE = re.compile(r"\b(?:Quận|Phường|Khu phố|Ấp)\s*$")  # "Quận 12" is a name, "10 phường" a count
# What right after a figure makes it a reference: "05-CT/TW", "30/12", "6.2", "20 năm", "6 tháng",
# "148 HD/TWH", "71 ngày thành lập".
REFERENCE_AFTER = re.compile(
    r"^(?:[-/‑–]\s*[A-ZĐa-zđ]|\s*[-/‑–]\s*[A-ZĐ]{2,}|/\d|\.\d|\s*(?:năm|tháng)\b|\s*[A-ZĐ]{2,}\s*/"
    r"|\s*ngày\s+(?:thành lập|truyền thống|sinh|mất|giải phóng|chiến thắng))"
)
# Slogans made of figures: "3 nắm - 3 biết - 3 làm", "1+1".
SLOGAN = re.compile(r"\b(\d+)\s+\w+(?:\s*[-–,]\s*\1\s+\w+){2,}|\b\d+\s*\+\s*\d+")
YEAR = re.compile(r"(?:19|20)\d\d")
LEAD_START = re.compile(r".*(?:[,;:.()\[\]“”\"…!?]|\s(?:và|hoặc)\s)", re.DOTALL | re.IGNORECASE)
TRAILING_OP = re.compile(r"\s*trở\s+(lên|xuống)(?![^\W\d_])", re.IGNORECASE)
PHRASE_RATE = re.compile(r"[^\W\d_]/(năm|tháng|quý)(?![^\W\d_])", re.IGNORECASE)
PREDICATE_GAP = re.compile(r"[\s,]*(?:(?:và|cùng)\s*)?", re.IGNORECASE)
SHARE_BEFORE = re.compile(r"\b(?:đạt|hoàn thành|có|được|chiếm|tỷ lệ|tỉ lệ)\s*:?\s*$", re.IGNORECASE)
SCALE = re.compile(r"\s*(" + "|".join(SCALES) + r")\b", re.IGNORECASE)
LOOKBEHIND = 60  # characters before a figure that can hold its operator or reference words
LOOKAHEAD = 240  # characters after a figure that can hold its unit and phrase


PARSED_TEXTS = 1 << 16  # texts whose measures are kept: a build reads each text in validate, then in translate
_PARSED: dict[str, tuple[Measure, ...]] = {}  # {text: its measures}, oldest first


def parse(text: str | None) -> list[Measure]:
    """Every measure in `text`, in order of appearance ([] for None or no figure).

    Never raises on any string; time and memory are linear in len(text). A text read before (one
    of the last PARSED_TEXTS distinct ones) is not read again: its measures are kept (Measure is
    immutable), or were read ahead (`vankien.prework`).
    """
    if not text:
        return []
    found = _PARSED.get(text)
    if found is None:
        found = tuple(_read_text(text))
        remember(text, found)
    return list(found)


def known(text: str) -> bool:
    """Whether `parse(text)` would answer from memory, without reading."""
    return text in _PARSED


def remember(text: str, measures) -> None:
    """Keep `measures`, what `text` reads as, for `parse`; the oldest kept text goes past PARSED_TEXTS."""
    if text not in _PARSED and len(_PARSED) >= PARSED_TEXTS:
        del _PARSED[next(iter(_PARSED))]
    _PARSED[text] = tuple(measures)


def _read_text(text: str) -> list[Measure]:
    """`parse` without its memory: every measure in a non-empty `text`, read now."""
    text = unsplit(unicodedata.normalize("NFC", text).replace("**", ""))
    slogans = [match.span() for match in SLOGAN.finditer(text)]
    quotes = [(m.start(), m.group()) for m in re.finditer(r"[“”\"\n]", text)]
    measures: list[Measure] = []
    gaps: list[str] = []
    slogan_at = quote_at = 0
    open_curly = straight = 0
    previous_end = 0
    for match in FIGURE.finditer(text):
        start = match.start()
        while slogan_at < len(slogans) and slogans[slogan_at][1] <= start:
            slogan_at += 1
        if slogan_at < len(slogans) and slogans[slogan_at][0] <= start:
            continue
        while quote_at < len(quotes) and quotes[quote_at][0] < start:
            mark = quotes[quote_at][1]
            if mark == "\n":
                open_curly = straight = 0
            else:
                open_curly += {"“": 1, "”": -1}.get(mark, 0)
                straight += mark == '"'
            quote_at += 1
        window = _Window(text, match, previous_end)
        measure = _read(window, open_curly > 0 or straight % 2 == 1)
        if measure is not None:
            gaps.append(text[previous_end : window.end - len(measure.raw)] if measures else "")
            measures.append(measure)
            previous_end = window.end
    return _share_predicates(measures, gaps)


def _share_predicates(measures: list[Measure], gaps: list[str]) -> list[Measure]:
    """ "100% cán bộ Đoàn, đoàn viên, 80% thanh niên được học tập": a percentage whose words are only
    its subject, followed by another percentage with nothing but a comma or "và" between, shares that
    one's predicate (both count "được học tập"). `gaps[i]`: the text between the raw words of
    measures i-1 and i."""
    shared = list(measures)
    for at in range(len(shared) - 2, -1, -1):
        this, following = shared[at], shared[at + 1]
        if this.unit != "%" or following.unit != "%" or not this.subject or this.phrase != this.subject:
            continue
        gap = gaps[at + 1].lstrip()
        if not gap.startswith(this.subject) or not PREDICATE_GAP.fullmatch(gap[len(this.subject) :]):
            continue
        predicate = following.phrase or ""
        if following.subject and predicate.startswith(following.subject):
            predicate = predicate[len(following.subject) :]
        if predicate.strip(" ,"):
            shared[at] = replace(this, phrase=f"{this.phrase} {predicate.strip(' ,')}")
    return shared


class _Window:
    """The figure's line, bounded around it: what the rules look at (keeps the work linear)."""

    def __init__(self, text: str, match: re.Match, previous_end: int):
        self.match = match
        start, end = match.start(), match.end()
        floor = max(0, start - LOOKBEHIND)
        line_start = text.rfind("\n", floor, start) + 1
        self.starts_line = line_start > floor or floor == 0
        self.before = text[max(line_start, floor) : start]
        line_end = text.find("\n", end, end + LOOKAHEAD)
        self.after = text[end : line_end if line_end >= 0 else end + LOOKAHEAD]
        self.lead_text = text[max(line_start, floor, min(previous_end, start)) : start]
        self.end = end  # where the figure's words end (number, scale, unit), once read


def _read(window: _Window, in_quotes: bool) -> Measure | None:
    """The measure of one figure, or None when it is a reference, a name or no figure."""
    match, before = window.match, window.before
    if match.group("wfirst"):
        return _read_words(window)
    if _is_reference(window):
        return None
    if match.group("ratio"):
        return _read_ratio(window, in_quotes)
    measure = _measure(window)
    if (not measure.unit or measure.unit not in _KNOWN) and (in_quotes or _after_proper_name(before)):
        return None  # part of a name: "“3 trách nhiệm”", "Trường Tiểu học An Lạc 3"
    return measure


_KNOWN = frozenset(unit for _, unit in UNITS) | {"%"}


def _is_reference(window: _Window) -> bool:
    """Whether the figure is a document number, date, year, ordinal, duration or list number."""
    match, tail, after = window.match, window.before, window.after
    if REFERENCE_BEFORE.search(tail) or PLACE_NAME_BEFORE.search(tail) or REFERENCE_AFTER.match(after):
        return True
    if re.search(r"[\w/.+-]$", tail):
        return True  # inside a code or a word: "CT/TW", "COVID-19", "B1"
    if _is_list_number(window):
        return True
    first = match.group("first")
    has_percent = match.group("first_percent") or match.group("percent")
    if first and YEAR.fullmatch(first) and not has_percent and _unit(after, listed_only=True)[0] is None:
        return True  # a year, or a span of years "2022 - 2027"
    return False


def _is_list_number(window: _Window) -> bool:
    """`2.` or `(3)` opening a line, or a figure alone on its line: the document's own numbering."""
    match, after = window.match, window.after
    if match.group("second") or match.group("first_percent") or match.group("percent") or match.group("ratio"):
        return False
    opens_line = window.starts_line and window.before.strip() in ("", "(")
    return opens_line and (bool(re.match(r"[.)](?!\d)", after)) or not after.strip())


def _after_proper_name(before: str) -> bool:
    """Whether a capitalized word, not opening a sentence, comes right before the figure."""
    found = re.search(r"(\S*)\s+(\w+)\s*$", before)
    return found is not None and found.group(2)[0].isupper() and not re.search(r"[.:;!?]$|^$", found.group(1))


def _measure(window: _Window) -> Measure:
    """The measure for a figure in digits: operator, values, scale, unit, subject, phrase and raw words."""
    match, before, after = window.match, window.before, window.after
    first, second = to_decimal(match.group("first")), match.group("second")
    value_max = to_decimal(second) if second else None
    op = "range" if value_max is not None else _operator(before)
    if value_max is not None and value_max < first:
        value_max = None  # "2022 - 2017"-like: not a range; keep the first figure
        op = _operator(before)
    factor, scale_length = _scale(after)
    rest = after[scale_length:]
    subject, unit_length = None, 0
    unit: str | None
    if match.group("first_percent") or match.group("percent"):
        trailing = TRAILING_OP.match(rest)
        lead = LEAD_START.sub("", window.lead_text[: len(window.lead_text) - len(_operator_words(before))])
        unit, subject = "%", _subject(rest[trailing.end() :] if trailing else rest, lead)
        op = "=" if op == "≥" and first == 100 else op  # "Phấn đấu 100%": all of them, not "≥ 100%"
    else:
        unit, unit_length = _unit(rest)
    high = _whole(value_max * factor) if value_max is not None else None
    return _finish(window, op, _whole(first * factor), high, unit, scale_length + unit_length, subject)


def _read_words(window: _Window) -> Measure | None:
    """A figure in words ("ít nhất một", "từ hai đến ba", "hai mươi lăm"): kept only before a listed unit."""
    match, before, after = window.match, window.before, window.after
    if re.search(r"[\w/.+-]$", before):
        return None
    low, used = number_words(match.group("wfirst").split())
    if not used:
        return None
    consumed = " ".join(match.group("wfirst").split()[:used])
    high, rest = None, after
    if match.group("wsecond") and used == len(match.group("wfirst").split()):
        high_value, high_used = number_words(match.group("wsecond").split())
        if high_used == len(match.group("wsecond").split()) and high_value > low:
            high = Decimal(high_value)
    if high is None and (match.group("wsecond") or used < len(match.group("wfirst").split())):
        window.end = match.start() + len(consumed)  # "một năm": only "một" is the number
        rest = match.string[window.end : window.end + LOOKAHEAD]
    factor, scale_length = _scale(rest)
    unit, unit_length = _unit(rest[scale_length:], listed_only=True)
    if unit is None or (factor == 1 and re.match(r"\s*lần\s+nữa", rest)):
        return None
    op = "range" if high is not None else _operator(before)
    window.after = rest
    high = _whole(high * factor) if high else None
    return _finish(window, op, _whole(Decimal(low) * factor), high, unit, scale_length + unit_length, None)


def _read_ratio(window: _Window, in_quotes: bool) -> Measure | None:
    """ "17/20 chỉ tiêu", "8/10": a ratio; "26/3" (larger first) is a date; "167/167 đại biểu" attendance."""
    match, after = window.match, window.after
    part, whole = to_decimal(match.group("ratio")), to_decimal(match.group("of"))
    if part > whole or whole == 0:
        return None
    unit, unit_length = _unit(after, share=True)
    if unit == "đại biểu" or (unit is None and (in_quotes or _after_proper_name(window.before))):
        return None
    if unit is None and part <= 31 and whole <= 12 and not SHARE_BEFORE.search(window.before):
        return None  # "Quốc khánh 2/9": a day and month; "đạt 8/10" is a share
    return _finish(window, _operator(window.before), part, None, unit, unit_length, None, of=whole)


def _finish(window: _Window, op, value, value_max, unit, length, subject, of=None) -> Measure:
    """The Measure with its raw words, phrase (what it counts) and lead (the words before it);
    moves `window.end` past the figure's words. A rate written after the unit ("/năm", "/suất")
    or ending what it counts ("01 - 02 thiếu nhi có hoàn cảnh khó khăn/năm") joins the unit; "trở
    lên" / "trở xuống" right after the figure make it "≥" / "≤" ("95% trở lên")."""
    match, after = window.match, window.after
    words = _operator_words(window.before)  # kept in `raw` ("từ 05 đến 07 …"), even where a range has no operator
    if unit and unit != "%":
        unit, rate = _rate(unit, after, length)
        length += rate
    trailing = TRAILING_OP.match(after, length)
    if trailing:
        op = {"lên": "≥", "xuống": "≤"}[trailing.group(1).lower()] if op in ("=", "≥", "≤") else op
        after = after[:length] + after[trailing.end() :]
    raw = match.string[match.start() - len(words) : window.end + length + (trailing.end() - length if trailing else 0)]
    raw = raw.strip()
    window.end = match.start() - len(words) + len(raw)
    before = window.lead_text[: len(window.lead_text) - len(words)]
    lead = LEAD_START.sub("", before).strip(" ,-–") or None
    phrase = _phrase(after)
    if subject and (phrase is None or len(phrase) < len(subject)):
        phrase = subject  # the next figure's lead took part of it: "100% đoàn viên, thanh niên tham gia ít nhất 01 …"
    per = PHRASE_RATE.search(phrase or "") if unit and unit != "%" and "/" not in unit else None
    return Measure(op, value, value_max, f"{unit}/{per.group(1)}" if per else unit, raw, subject, phrase, lead, of)


def _rate(unit: str, after: str, length: int) -> tuple[str, int]:
    """ "70 đoàn viên ưu tú/năm", "500.000 đồng/suất": the unit per period or per counted thing
    (a listed unit), and the length of "/năm"; (unit, 0) when no rate follows."""
    slash = re.match(r"\s*/\s*", after[length:])
    if not slash or "/" in unit:
        return unit, 0
    rest = after[length + slash.end() :]
    period = re.match(r"(năm|tháng|quý|tuần|học kỳ)(?![^\W\d_])", rest, re.IGNORECASE)
    if period:
        return f"{unit}/{period.group(1).lower()}", slash.end() + period.end()
    per, per_length = _unit(rest, listed_only=True)
    if per is None or per == "%" or rest[:1].isspace():
        return unit, 0
    return f"{unit}/{per}", slash.end() + per_length


def _scale(after: str) -> tuple[int, int]:
    """The multiplier of a scale word right after the figure ("05 tỷ"), and its length."""
    found = SCALE.match(after)
    if not found:
        return 1, 0
    return SCALES[found.group(1).lower()], found.end()


def _whole(value: Decimal) -> Decimal:
    """2500000.0 → 2500000: scaled figures keep no spurious decimals."""
    return value.to_integral_value() if value == value.to_integral_value() else value.normalize()


_OPERATOR_WORDS = tuple(
    (words, re.compile(rf"(?<!\w){re.escape(words)}\s*$"))
    for words in AT_LEAST + LESS_THAN + MORE_THAN + ABOUT + AT_MOST
)


def _operator_words(before: str) -> str:
    """The operator words ending right before the figure, as written ("Phấn đấu có "), or ""."""
    lower = before.lower()
    tail = lower.rstrip()  # a pattern can match only where the text, less its closing spaces, ends with its words
    for words, pattern in _OPERATOR_WORDS:
        if tail.endswith(words) and (found := pattern.search(lower)):
            return before[found.start() :]
    return ""


def _operator(before: str) -> str:
    """The operator of a single figure: "≥", ">", "<", "~", "≤", or "=" when no word gives one."""
    words = _operator_words(before).strip().lower()
    for op, vocabulary in OPERATORS.items():
        if words in vocabulary:
            return op
    return "="


from vankien.assessment import assess, comparable, trend  # noqa: E402
from vankien.numberformat import format_value, subject_en  # noqa: E402

__all__ = [
    "Measure",
    "assess",
    "comparable",
    "format_value",
    "parse",
    "subject_en",
    "to_decimal",
    "trend",
]
