"""Errors an editor can act on: where (path:line:col), what is wrong, how to fix it.

Every message exists in Vietnamese and English and has a stable code (`VK104`) and a
severity, both set in the catalogue (messages.py). Content problems are collected in a
`Diagnostics`, never raised one by one, so a build reports all of them at once.

A check that can fail returns `Accepted(value)` or `Rejected(problems)`; a `Rejected`
without a problem cannot be built, so no check can drop a file without saying why.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Generic, TypeVar

T = TypeVar("T")

ERROR, WARNING = "error", "warning"
_WORDS = {ERROR: ("lỗi", "error"), WARNING: ("cảnh báo", "warning")}


class VankienError(Exception):
    """Base of every error the tool raises on purpose."""


class BuildFailed(VankienError):
    """The content has problems; nothing was written."""

    def __init__(self, problems: list[ContentError]):
        super().__init__(f"{len(problems)} problem(s)")
        self.problems = problems


@dataclass(frozen=True)
class Message:
    """One problem in both languages; `{name}` fields are filled from the error's params.

    `code` is stable across releases (editors search for it); `severity` is "error"
    (the build stops) or "warning" (reported; `build --strict` stops on it)."""

    vi: str
    en: str
    hint_vi: str = ""
    hint_en: str = ""
    code: str = "VK000"
    severity: str = ERROR


# How editors call the command line, for hints that name a command: `build.py` in the
# repository, `vankien` once installed (vankien/__main__.py sets it).
PROGRAM = ["build.py"]


class _Params(dict):
    """A message's params; one left unfilled reads "…" (a problem is always printable), except
    `{program}`, the command editors type (PROGRAM)."""

    def __missing__(self, key: str) -> str:
        return PROGRAM[0] if key == "program" else "…"


@dataclass(frozen=True)
class ContentError:
    """A problem at a place in a content, template or config file."""

    path: str
    line: int
    col: int
    message: Message
    params: dict = field(default_factory=dict, compare=False)

    @property
    def code(self) -> str:
        return self.message.code

    @property
    def severity(self) -> str:
        return self.message.severity

    def text(self, lang: str) -> str:
        return getattr(self.message, lang).format_map(_Params(self.params))

    def hint(self, lang: str) -> str:
        return getattr(self.message, f"hint_{lang}").format_map(_Params(self.params))

    @property
    def location(self) -> str:
        return f"{self.path}:{self.line}:{self.col}"

    def format(self) -> str:
        """The terminal form: location, severity and code, then the message and hint in vi and en."""
        vi, en = _WORDS[self.severity]
        lines = [f"{self.location}: {vi}: {self.text('vi')} [{self.code}]", f"    {en}: {self.text('en')}"]
        if self.message.hint_vi:
            lines.append(f"    gợi ý: {self.hint('vi')}")
            lines.append(f"    hint: {self.hint('en')}")
        return "\n".join(lines)

    def sort_key(self):
        return (self.path, self.line, self.col, self.text("en"))


@dataclass(frozen=True)
class Accepted(Generic[T]):
    """A check passed: here is the value."""

    value: T


@dataclass(frozen=True)
class Rejected:
    """A check failed; `problems` says why (never empty: that is checked when it is made)."""

    problems: tuple[ContentError, ...]

    def __post_init__(self):
        if not self.problems:
            raise ValueError("a rejection must carry at least one problem")


Outcome = Accepted[T] | Rejected


class Diagnostics:
    """Every problem of one run, split by severity.

    `errors` and `warnings` are plain lists, so stages that still take a `problems` list
    can be handed `diagnostics.errors`."""

    def __init__(self) -> None:
        self.errors: list[ContentError] = []
        self.warnings: list[ContentError] = []

    def add(self, problem: ContentError) -> None:
        (self.warnings if problem.severity == WARNING else self.errors).append(problem)

    def extend(self, problems) -> None:
        for problem in problems:
            self.add(problem)

    def report(self, path: str, line: int, col: int, message: Message, **params) -> ContentError:
        """Record `message` at path:line:col and return it."""
        problem = ContentError(path, line, col, message, params)
        self.add(problem)
        return problem

    def take(self, outcome: Outcome[T]) -> T | None:
        """The accepted value, or None once the rejection's problems are recorded here."""
        if isinstance(outcome, Rejected):
            self.extend(outcome.problems)
            return None
        return outcome.value

    def __bool__(self) -> bool:
        return bool(self.errors)


def summary(problems: list[ContentError]) -> str:
    """All problems, sorted by place, with a closing count line."""
    from vankien import messages  # the catalogue imports Message from here

    body = "\n".join(p.format() for p in sorted(problems, key=ContentError.sort_key))
    n = sum(1 for p in problems if p.severity == ERROR)
    warned = len(problems) - n
    if not n:
        return f"{body}\n\n" + messages.NOTHING_WRITTEN_STRICT.format(n=warned)
    also_vi, also_en = (text.format(n=warned) for text in messages.ALSO_WARNINGS) if warned else ("", "")
    return f"{body}\n\n" + messages.NOTHING_WRITTEN.format(n=n, also_vi=also_vi, also_en=also_en)


def to_record(problem: ContentError) -> list:
    """[path, line, col, code, params] — a problem as JSON can keep it (params as text where
    they are not plain JSON values); `from_record` reads it back."""
    params = {
        key: value if isinstance(value, str | int | float | bool) else str(value)
        for key, value in problem.params.items()
    }
    return [problem.path, problem.line, problem.col, problem.code, params]


def from_record(record: list, catalogue: dict[str, Message]) -> ContentError | None:
    """The problem `to_record` wrote, or None when its code is no longer in `catalogue`
    ({code: message})."""
    try:
        path, line, col, code, params = record
        return ContentError(path, int(line), int(col), catalogue[code], dict(params))
    except (KeyError, TypeError, ValueError):
        return None
