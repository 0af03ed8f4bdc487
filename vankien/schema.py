"""Typed reading of one YAML mapping that records every problem instead of raising.

`Fields(data, path, problems, where)` wraps a mapping from yamlsafe; each accessor
returns a clean Python value (or None) and appends a ContentError pointing at the
offending line when the value is missing or malformed.
"""

from __future__ import annotations

import datetime
import difflib
import re

from vankien import messages
from vankien.errors import ContentError
from vankien.model import Text
from vankien.yamlsafe import Located, YList, YMap, YScalar, YStr

ID_PATTERN = re.compile(r"^[a-z0-9]+(?:-[a-z0-9]+)*$")

WHAT = {  # what a required field holds, for the hint (vi, en)
    "title": ("tiêu đề văn bản", "the document's title"),
    "kind": ("loại văn bản: congress-report, annual-program, plan hoặc resolution", "document kind"),
    "period": ("nhiệm kỳ hoặc năm mà chỉ tiêu áp dụng", "the term or year the targets apply to"),
    "name": ("tên tổ chức, có vi và en", "the organization's name, with vi and en"),
    "level": ("cấp tổ chức", "the organization's level"),
    "id": ("mã ngắn, không dấu", "a short ASCII id"),
    "text": ("nội dung chỉ tiêu, nguyên văn", "the target's wording, verbatim"),
    "target": ("nội dung chỉ tiêu, nguyên văn", "the target's wording, verbatim"),
    "vi": ("nội dung tiếng Việt", "the Vietnamese text"),
    "base_url": ("địa chỉ công khai của site", "the public address of the site"),
}


def suggestion(value: str, allowed) -> tuple[str, str]:
    """(vi, en) " — ý bạn là …?" tails for the closest allowed value, or empty."""
    close = difflib.get_close_matches(str(value), list(allowed), n=1, cutoff=0.6)
    if not close:
        return "", ""
    return f" — có phải ý bạn là “{close[0]}”?", f" — did you mean “{close[0]}”?"


class Fields:
    def __init__(self, data, path: str, problems: list[ContentError], where: str, line: int = 1, col: int = 1):
        self.path, self.problems, self.where = path, problems, where
        self.ok = isinstance(data, YMap)
        self.data = data if self.ok else YMap()
        if not self.ok:
            self.data.key_pos = {}
            if data is not None:
                self._error_at(data, messages.EXPECTED_MAPPING, field=where)
        self.line = getattr(data, "line", line) or line
        self.col = getattr(data, "col", col) or col

    # -- positions and errors -------------------------------------------------

    def pos(self, key: str) -> tuple[int, int]:
        return self.data.key_pos.get(key, (self.line, self.col))

    def error(self, at: str | None, message, **params) -> None:
        """Record `message` at the value of key `at` (or at the mapping itself)."""
        line, col = self.pos(at) if at else (self.line, self.col)
        value = self.data.get(at) if at else None
        if isinstance(value, Located) and value.line and not isinstance(value, (YMap, YList)):
            line, col = value.line, value.col
        self.problems.append(ContentError(self.path, line, col, message, params))

    def _error_at(self, located, message, **params) -> None:
        line, col = getattr(located, "line", 0) or 1, getattr(located, "col", 0) or 1
        self.problems.append(ContentError(self.path, line, col, message, params))

    # -- structure -------------------------------------------------------------

    def allow(self, *keys: str) -> None:
        """Report every key not in `keys`, with a did-you-mean suggestion."""
        for key in self.data:
            if key not in keys:
                vi, en = suggestion(key, keys)
                line, col = self.pos(key)
                self.problems.append(
                    ContentError(
                        self.path,
                        line,
                        col,
                        messages.UNKNOWN_KEY,
                        {"key": key, "allowed": ", ".join(keys), "suggestion": vi, "suggestion_en": en},
                    )
                )

    def missing(self, key: str) -> None:
        what_vi, what_en = WHAT.get(key, ("", ""))
        line, col = self.line, self.col
        self.problems.append(
            ContentError(
                self.path, line, col, messages.MISSING_KEY, {"key": key, "what_vi": what_vi, "what_en": what_en}
            )
        )

    def empty(self, key: str) -> None:
        what_vi, what_en = WHAT.get(key, ("nội dung", "a value"))
        self.error(key, messages.EMPTY_REQUIRED, key=key, what_vi=what_vi, what_en=what_en)

    def _get(self, key: str, required: bool):
        value = self.data.get(key)
        if isinstance(value, YScalar) and value.value is None:
            value = None
        if value is None and required:
            if key in self.data:
                self.empty(key)
            else:
                self.missing(key)
        return value

    def mapping(self, key: str, required: bool = False) -> Fields | None:
        value = self._get(key, required)
        if value is None:
            return None
        if not isinstance(value, YMap):
            self.error(key, messages.EXPECTED_MAPPING, field=key)
            return None
        return Fields(value, self.path, self.problems, key)

    def items(self, key: str) -> list:
        """The list under `key` (empty if absent), or [] with a problem if not a list."""
        value = self._get(key, False)
        if value is None:
            return []
        if not isinstance(value, YList):
            self.error(key, messages.EXPECTED_LIST, field=key)
            return []
        return list(value)

    # -- scalars -----------------------------------------------------------------

    def text(self, key: str, required: bool = False) -> str | None:
        value = self._get(key, required)
        if value is None:
            return None
        if not isinstance(value, YStr):
            self.error(key, messages.EXPECTED_TEXT, field=key)
            return None
        stripped = value.strip()
        if not stripped:
            if required:
                self.empty(key)
            return None
        self._check_debris(value)
        return stripped

    def _check_debris(self, value: YStr) -> None:
        for debris in find_debris(value):
            self._error_at(value, messages.DEBRIS, debris=debris)

    def text_pair(self, key: str, required: bool = False) -> Text | None:
        """A {vi, en} label; a plain string is taken as Vietnamese."""
        value = self._get(key, required)
        if value is None:
            return None
        if isinstance(value, YStr):
            return Text(value.strip()) if value.strip() else None
        pair = self.mapping(key)
        if pair is None:
            return None
        pair.allow("vi", "en")
        vi = pair.text("vi", required=True)
        return Text(vi, pair.text("en")) if vi else None

    def flag(self, key: str) -> bool:
        value = self.data.get(key)
        if value is None:
            return False
        if isinstance(value, YScalar) and isinstance(value.value, bool):
            return value.value
        if isinstance(value, YScalar) and value.value is None:
            return False
        self.error(key, messages.EXPECTED_BOOL, field=key, value=str(value))
        return False

    def choice(self, key: str, allowed, required: bool = False) -> str | None:
        value = self.text(key, required)
        if value is None:
            return None
        if value not in allowed:
            vi, en = suggestion(value, allowed)
            self.error(
                key,
                messages.UNKNOWN_CHOICE,
                value=value,
                field=key,
                allowed=", ".join(allowed),
                suggestion=vi,
                suggestion_en=en,
            )
            return None
        return value

    def choices(self, key: str, allowed) -> list[str]:
        chosen = []
        for value in self.items(key):
            if not isinstance(value, YStr) or value not in allowed:
                vi, en = suggestion(str(value), allowed)
                self._error_at(
                    value,
                    messages.UNKNOWN_CHOICE,
                    value=str(value),
                    field=key,
                    allowed=", ".join(allowed),
                    suggestion=vi,
                    suggestion_en=en,
                )
            else:
                chosen.append(str(value))
        return chosen

    def identifier(self, key: str, required: bool = False) -> str | None:
        value = self.text(key, required)
        if value is not None and not ID_PATTERN.match(value):
            self.error(key, messages.BAD_ID, value=value)
            return None
        return value

    def url(self, key: str, required: bool = False) -> str | None:
        value = self.text(key, required)
        if value is not None and not re.match(r"^https?://[^\s/$.?#][^\s]*$", value):
            self.error(key, messages.BAD_URL, value=value)
            return None
        return value

    def date(self, key: str) -> datetime.date | None:
        value = self.text(key)
        if value is None:
            return None
        try:
            if not re.fullmatch(r"\d{4}-\d{2}-\d{2}", value):
                raise ValueError(value)
            return datetime.date.fromisoformat(value)
        except ValueError:
            self.error(key, messages.BAD_DATE, value=value)
            return None

    def year(self, key: str, required: bool = False) -> int | None:
        value = self.text(key, required)
        if value is None:
            return None
        if not re.fullmatch(r"(19|20|21)\d\d", value):
            self.error(key, messages.BAD_YEAR, value=value)
            return None
        return int(value)

    def count(self, key: str, required: bool = False) -> int | None:
        value = self.text(key, required)
        if value is None:
            return None
        if not value.isdigit():
            self.error(key, messages.BAD_COUNT, value=value)
            return None
        return int(value)


DEBRIS_PATTERN = re.compile(r"\ufffd|\[bookmark:[^\]]*\]")


def find_debris(text: str) -> list[str]:
    """Leftovers of a Word export that content must not carry."""
    return DEBRIS_PATTERN.findall(text)
