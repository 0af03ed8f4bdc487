"""Read content/ into raw records: decoded, NFC-normalized, front matter split off.

Nothing here judges the content beyond "can it be read"; validate.py does the rest.
"""

from __future__ import annotations

import hashlib
import unicodedata
from dataclasses import dataclass
from pathlib import Path

from vankien import messages, yamlsafe
from vankien.errors import ContentError


@dataclass(frozen=True)
class RawFile:
    """One content file as read: its YAML data and, for documents, the Markdown body."""

    path: str  # relative to the project, as shown to editors
    data: object  # yamlsafe values, or None when unreadable
    body: str = ""
    body_line: int = 1
    version: str = ""  # the text's version (i18n.source_version), for translations to refer to


@dataclass(frozen=True)
class RawContent:
    topics: RawFile | None
    organizations: tuple[RawFile, ...]
    documents: tuple[RawFile, ...]


def read_text(path: Path, shown: str, problems: list[ContentError]) -> str | None:
    """The file's text in NFC, or None (with a problem recorded) if it is not UTF-8."""
    raw = path.read_bytes()
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError as exc:
        before = raw[: exc.start]
        line = before.count(b"\n") + 1
        col = len(before.rsplit(b"\n", 1)[-1].decode("utf-8", "replace")) + 1
        problems.append(ContentError(shown, line, col, messages.NOT_UTF8, {"byte": f"0x{raw[exc.start]:02X}"}))
        return None
    text = text.removeprefix("\ufeff").replace("\r\n", "\n").replace("\r", "\n")
    return unicodedata.normalize("NFC", text)


def split_front_matter(text: str, shown: str, problems: list[ContentError]) -> tuple[str | None, str, int]:
    """(front matter, body, line where the body starts). Front matter is None if absent."""
    lines = text.split("\n")
    if not lines or lines[0].strip() != "---":
        problems.append(ContentError(shown, 1, 1, messages.NO_FRONT_MATTER))
        return None, text, 1
    for index in range(1, len(lines)):
        if lines[index].strip() == "---":
            return "\n".join(lines[1:index]), "\n".join(lines[index + 1 :]), index + 2
    problems.append(ContentError(shown, 1, 1, messages.UNCLOSED_FRONT_MATTER))
    return None, "", len(lines)


def load_yaml_file(path: Path, root: Path, problems: list[ContentError]) -> RawFile:
    shown = _shown(path, root)
    text = read_text(path, shown, problems)
    if text is None:
        return RawFile(shown, None)
    data, found = yamlsafe.load(text, shown)
    problems.extend(found)
    return RawFile(shown, data)


def load_document(path: Path, root: Path, problems: list[ContentError]) -> RawFile:
    shown = _shown(path, root)
    text = read_text(path, shown, problems)
    if text is None:
        return RawFile(shown, None)
    front, body, body_line = split_front_matter(text, shown, problems)
    version = hashlib.sha256(text.encode("utf-8")).hexdigest()[:12]
    if front is None:
        return RawFile(shown, None, body, body_line, version)
    data, found = yamlsafe.load(front, shown, line_offset=1)
    problems.extend(found)
    return RawFile(shown, data, body, body_line, version)


def load(root: Path, problems: list[ContentError]) -> RawContent:
    """Every content file under `root/content`, in a stable order; a file reached through a
    link to outside the project is refused (see `inside_project`)."""
    content = root / "content"
    topics_path = content / "topics.yaml"
    topics = load_yaml_file(topics_path, root, problems) if inside_project(topics_path, root, problems) else None
    organizations = tuple(
        load_yaml_file(p, root, problems)
        for p in sorted((content / "organizations").glob("*.yaml"))
        if inside_project(p, root, problems)
    )
    documents = tuple(
        load_document(p, root, problems)
        for p in sorted((content / "documents").glob("*/*.md"))
        if inside_project(p, root, problems)
    )
    return RawContent(topics, organizations, documents)


def inside_project(path: Path, root: Path, problems: list[ContentError]) -> bool:
    """Whether `path` exists and is really inside the project `root`, links followed.

    A symbolic link (the file's, or a folder's on the way) pointing outside the project would
    publish whatever it points at — another project, /etc/passwd — so it is refused with a
    problem. A path that does not exist is False, a broken link True (reading it reports it).
    """
    try:
        real = path.resolve(strict=True)
    except (OSError, RuntimeError):  # missing, a broken link or a loop of links
        return path.is_symlink()
    if real.is_relative_to(root.resolve()):
        return True
    problems.append(ContentError(_shown(path, root), 1, 1, messages.LINK_OUTSIDE, {"target": str(real)}))
    return False


def _shown(path: Path, root: Path) -> str:
    try:
        return path.relative_to(root).as_posix()
    except ValueError:
        return path.as_posix()
