"""Errors an editor can act on: where (path:line:col), what is wrong, how to fix it.

Every message exists in Vietnamese and English. Content problems are collected, never
raised one by one, so a build reports all of them at once.
"""

from __future__ import annotations

from dataclasses import dataclass, field


class VankienError(Exception):
    """Base of every error the tool raises on purpose."""


class BuildFailed(VankienError):
    """The content has problems; nothing was written."""

    def __init__(self, problems: list[ContentError]):
        super().__init__(f"{len(problems)} problem(s)")
        self.problems = problems


@dataclass(frozen=True)
class Message:
    """One problem in both languages; `{name}` fields are filled from the error's params."""

    vi: str
    en: str
    hint_vi: str = ""
    hint_en: str = ""


@dataclass(frozen=True)
class ContentError:
    """A problem at a place in a content, template or config file."""

    path: str
    line: int
    col: int
    message: Message
    params: dict = field(default_factory=dict, compare=False)

    def text(self, lang: str) -> str:
        return getattr(self.message, lang).format(**self.params)

    def hint(self, lang: str) -> str:
        return getattr(self.message, f"hint_{lang}").format(**self.params)

    @property
    def location(self) -> str:
        return f"{self.path}:{self.line}:{self.col}"

    def format(self) -> str:
        """The terminal form: location, then the message and hint in vi and en."""
        lines = [f"{self.location}: lỗi: {self.text('vi')}", f"    error: {self.text('en')}"]
        if self.message.hint_vi:
            lines.append(f"    gợi ý: {self.hint('vi')}")
            lines.append(f"    hint: {self.hint('en')}")
        return "\n".join(lines)

    def sort_key(self):
        return (self.path, self.line, self.col, self.text("en"))


def summary(problems: list[ContentError]) -> str:
    """All problems, sorted by place, with a closing count line."""
    body = "\n".join(p.format() for p in sorted(problems, key=ContentError.sort_key))
    n = len(problems)
    return f"{body}\n\n{n} lỗi — chưa ghi gì vào site/. / {n} error(s) — nothing was written to site/."
