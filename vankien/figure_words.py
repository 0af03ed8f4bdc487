"""The words around a figure: its unit (the counted noun), a percentage's subject, and the phrase
it counts. Used by `numbers.parse`; pure functions on the text after a figure.

Vietnamese puts the counted noun right after the number ("05 đoàn viên", "01 ấp khó khăn") and a
percentage's subject right after the sign ("80% thanh niên được học tập"). PDF text layers often
split a syllable after a letter with a diacritic ("đồ ng chí", "đoà n viên"): units are matched
across such a split (`SPLIT`), and keywords are compared without it (`unsplit`).
"""

from __future__ import annotations

import re

from vankien.units import UNITS

# A syllable split by a PDF text layer: a space after a lower-case letter with a diacritic, before a
# syllable's final consonant or vowel standing alone ("đồ ng" → "đồng", "nă m" → "năm", "tuổ i" →
# "tuổi", "và o" → "vào"); upper case likewise ("ĐOÀ N" → "ĐOÀN"). None of these tails is a word
# after such a letter ("y" and "u" are left out: "Bộ Y tế", "bộ y tế").
SPLIT = re.compile(
    r"(?<=[^\W\d_A-Za-z]) (?=(?:ng|nh|ch|n|m|c|t|p|i|o|a)(?![^\W\d_]))"
    r"|(?<=[^\W\d_A-Za-z]) (?=(?:NG|NH|CH|N|M|C|T|P|I)(?![^\W\d_]))"
)


def unsplit(text: str) -> str:
    """`text` with syllables split by a PDF text layer joined again ("bao gồ m 05 Đồ ng chí" →
    "bao gồm 05 Đồng chí"); other text unchanged. Source: the text layers in realdocs (doc 07)."""
    return SPLIT.sub("", text)


SCALES = {"nghìn": 1_000, "ngàn": 1_000, "triệu": 1_000_000, "tỷ": 1_000_000_000, "tỉ": 1_000_000_000}

# Where a percentage's subject ends: a verb, a linking word, an operator word.
SUBJECT_END = re.compile(
    r"\b(?:được|đã|đang|sẽ|có|không|đăng ký|tham gia|hoàn thành|xếp loại|đạt|sử dụng|ký|học tập|quán triệt|"
    r"tuyên truyền|thực hiện|tiếp tục|triển khai|tổ chức|xây dựng|tham mưu|cài đặt|duy trì|chủ động|"
    r"vẫn|luôn|đều|cùng|do|nhằm|để|theo|phấn đấu|ít nhất|tối thiểu)\b",
    re.IGNORECASE,
)
RATE_OF = re.compile(r"(?:tỷ|tỉ) lệ\s+(?:số\s+)?(.+)$", re.IGNORECASE)
SUBJECT_NOUN = re.compile(r"\s*[^\W\d_]")  # words right after a percentage: its subject
CLAUSE_END = re.compile(r"[;:.()\[\]“”\"…]|\d")
TRAILING_LINK = re.compile(r"\s+(?:và|hoặc|trong đó)$", re.IGNORECASE)
NEXT_LEAD = re.compile(r"(?:,|\s(?:và|hoặc|trong đó))[^,]*$", re.IGNORECASE)

# Words that never open a counted noun, and words that never continue one (so "01 ấp khó khăn"
# counts "ấp", "21 dự án khởi nghiệp" counts "dự án").
NOT_NOUN = frozenset(
    "và hoặc của các những cho là với trong tại đến tới từ trên dưới về theo năm tháng ngày đã sẽ đang được "
    "có không mỗi mới đều cùng hơn gần khoảng trở lên lần thứ nữa này đó kia ra vào".split()
)
NOT_NOUN_TAIL = NOT_NOUN | frozenset(
    "khó khăn mới tiêu biểu xuất sắc ưu tú trở tham thực tổ xây đạt hoàn tích tiên trọng điểm cấp "
    "khởi nghiệp tình nguyện sáng tạo sinh hoạt".split()
)
NOUN = re.compile(r"\s*(?P<first>[^\W\d_]+)(?:\s+(?P<second>[^\W\d_]+))?")
LEADING_SCALE = re.compile(r"^\s*(?:" + "|".join(SCALES) + r")\b", re.IGNORECASE)


def phrase(after: str) -> str | None:
    """What a figure counts: the words after it up to its clause's end, without the next figure's lead."""
    after = LEADING_SCALE.sub("", after)
    clause = CLAUSE_END.split(after, maxsplit=1)
    words = clause[0]
    if len(clause) > 1 and re.match(r"\d", after[len(words) :]):
        words = NEXT_LEAD.sub("", words)
    words = TRAILING_LINK.sub("", words.strip(" ,-–")).strip(" ,-–")
    return words or None


def unit(after: str, listed_only: bool = False, share: bool = False) -> tuple[str | None, int]:
    """The unit starting `after` (an opening quote may come first) and its length: a listed unit
    in canonical form, else the counted noun as written (one or two syllables), else (None, 0).
    `share`: after a ratio, "số" before a listed unit is skipped ("2/3 số chi đoàn" → "chi đoàn")."""
    stripped = after.lstrip().lstrip('“"').lstrip()
    lead = len(after) - len(stripped)
    lower = stripped.lower()
    if share and lower.startswith("số "):
        listed, length = unit(stripped[3:], listed_only=True)
        if listed is not None:
            return listed, lead + 3 + length
    for words, canonical in UNITS:
        if lower.startswith(words) and (len(lower) == len(words) or not lower[len(words)].isalnum()):
            return canonical, lead + len(words)
    if listed_only or after[:1] not in (" ", "\u00a0"):
        return None, 0  # a noun follows the number after a space
    found = NOUN.match(stripped)
    if not found or not found.group("first")[0].islower() or found.group("first") in NOT_NOUN:
        return None, 0
    second = found.group("second")
    if second and second[0].islower() and second not in NOT_NOUN_TAIL:
        return f"{found.group('first')} {second}", lead + found.end()
    return found.group("first"), lead + found.end("first")


def subject(after: str, lead: str | None = None) -> str | None:
    """Who a percentage counts: the noun phrase after it, up to a verb, clause end or figure; when
    none follows, the one a rate names before it ("Tỷ lệ đoàn viên được đánh giá đạt 100%" →
    "đoàn viên", from `lead`, the words before the figure in its clause)."""
    rate = RATE_OF.match(lead or "")
    if rate and not SUBJECT_NOUN.match(after):
        return subject(rate.group(1))
    clause = CLAUSE_END.split(after, maxsplit=1)[0]
    kept = []
    for part in clause.split(","):
        verb = SUBJECT_END.search(part)
        words = (part[: verb.start()] if verb else part).strip()
        if words:
            kept.append(words)
        if verb or not words:
            break
    words = TRAILING_LINK.sub("", ", ".join(kept)).strip()
    return words or None
