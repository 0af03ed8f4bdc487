"""One figure of a target or result (`Measure`), and Vietnamese numerals as numbers."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from decimal import Decimal


@dataclass(frozen=True)
class Measure:
    """One figure of a target: `op value[–value_max][/of] unit`, with the words around it.

    - `op`: "=", "≥", ">", "<", "~", "≤" or "range" (value–value_max);
    - `value`, `value_max`: Decimals with scale words folded in ("1,6 triệu" → 1600000);
    - `unit`: the counted noun in canonical form ("đoàn viên", "%", "dự án"), None when none;
    - `raw`: the words the figure was read from ("ít nhất 05 đoàn viên");
    - `subject`: for a percentage, who it counts ("cán bộ Đoàn, đoàn viên");
    - `phrase`: what the figure counts, the words after it up to the clause's end
      ("đoàn viên ưu tú được kết nạp Đảng");
    - `lead`: the words before it in its clause ("giới thiệu kết nạp"), used to match topics and results;
    - `of`: the whole of a ratio ("17/20 chỉ tiêu" → value 17, of 20).

    Only op, values, unit and of take part in equality: two readings of the same figure are equal.
    """

    op: str
    value: Decimal
    value_max: Decimal | None
    unit: str | None
    raw: str
    subject: str | None = None
    phrase: str | None = field(default=None, compare=False)
    lead: str | None = field(default=None, compare=False)
    of: Decimal | None = None

    @property
    def low(self) -> Decimal:
        """The smaller bound (the value itself unless a range)."""
        return self.value

    @property
    def high(self) -> Decimal:
        """The upper bound: value_max for a range, else the value."""
        return self.value_max if self.value_max is not None else self.value

    @property
    def context(self) -> str:
        """The words before and after the figure, lower case: what topic keywords are looked for in."""
        return " ".join(filter(None, (self.lead, self.unit, self.phrase, self.subject))).lower()


_DOT_DECIMAL = re.compile(r"\d+\.\d{1,2}")


def to_decimal(figure: str) -> Decimal:
    """`10.000` → 10000, `2,5` → 2.5, `05` → 5 (Vietnamese grouping and decimals), `1.5` → 1.5 (a
    decimal typed with a dot: numbers.DIGITS takes it only before a scale word); number words
    ("hai mươi lăm") → 25. Raises ValueError for words that are not a number."""
    if figure[:1].isdigit():
        if _DOT_DECIMAL.fullmatch(figure):  # "1.5" (triệu): a dot before one or two digits never groups
            return Decimal(figure)
        return Decimal(figure.replace(".", "").replace(",", "."))
    value, used = number_words(figure.split())
    if used != len(figure.split()):
        raise ValueError(f"not a number: {figure!r}")
    return Decimal(value)


DIGIT_WORDS = {
    "một": 1,
    "mốt": 1,
    "hai": 2,
    "ba": 3,
    "bốn": 4,
    "tư": 4,
    "năm": 5,
    "lăm": 5,
    "sáu": 6,
    "bảy": 7,
    "bẩy": 7,
    "tám": 8,
    "chín": 9,
}
# Words that open a number ("tư", "mốt", "lăm" only follow "mươi"/"mười").
FIRST_WORDS = ("một", "hai", "ba", "bốn", "năm", "sáu", "bảy", "bẩy", "tám", "chín", "mười")
NUMBER_WORDS = FIRST_WORDS + ("mốt", "tư", "lăm", "mươi", "trăm", "linh", "lẻ")


def number_words(words: list[str]) -> tuple[int, int]:
    """The longest number at the start of `words` (lower-case syllables) and how many it used.

    "hai mươi lăm" → 25, "mười" → 10, "một trăm linh năm" → 105, "ba" → 3; (0, 0) when the
    first word is no number. Source of the rules: Vietnamese numerals (mươi/mười, mốt, tư, lăm, linh).
    """
    words = [w.lower() for w in words]

    def digit(at: int, after_tens: bool) -> tuple[int, int]:
        if at < len(words) and words[at] in DIGIT_WORDS:
            word = words[at]
            if word in ("mốt", "tư", "lăm") and not after_tens:
                return 0, 0
            if word == "năm" and after_tens:
                return 5, 1
            return DIGIT_WORDS[word], 1
        return 0, 0

    def tens(at: int) -> tuple[int, int]:
        if at < len(words) and words[at] == "mười":
            unit, used = digit(at + 1, True)
            return 10 + unit, 1 + used
        first, used = digit(at, False)
        if used and at + 1 < len(words) and words[at + 1] == "mươi":
            unit, more = digit(at + 2, True)
            return first * 10 + unit, 2 + more
        return first, used

    hundreds, used = digit(0, False)
    if used and len(words) > 1 and words[1] == "trăm":
        at = 2
        if at + 1 < len(words) and words[at] in ("linh", "lẻ"):
            unit, more = digit(at + 1, False)
            if more:
                return hundreds * 100 + unit, at + 2
        rest, more = tens(at)
        return hundreds * 100 + rest, at + more
    return tens(0)
