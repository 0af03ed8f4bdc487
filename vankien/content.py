"""Read content/ into raw records: decoded, NFC-normalized, front matter split off.

Every file under content/ is either read as content, skipped quietly because it is an
editor's or the system's own (lock, swap and backup files, `.DS_Store`, hidden folders),
or reported: a file in the wrong place, a directory or FIFO named like a document, a
broken symbolic link, a link leading out of the project. Nothing here judges the content
beyond "can it be read"; a record carries the problems met while reading it, and
validate.py reports them with the rest.

A document's Markdown body, most of its file, is not kept: the record says where it is (Body),
and it is read again, in a few hundred microseconds, by the checks and the page that need it.
So memory does not grow with the bodies: at 4,000 documents they are ~0.5 GB of text.
"""

from __future__ import annotations

import functools
import hashlib
import os
import re
import stat
import unicodedata
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from vankien import messages, yamlsafe
from vankien.errors import BuildFailed, ContentError, Diagnostics

# Files and folders that belong to editors and operating systems, never to the site:
# hidden names (.#x Emacs locks, .x.swp Vim swaps, ._x macOS forks, .DS_Store, .git),
# #x# autosaves, x~ backups, ~$x Office locks, Windows thumbnails.
IGNORED = re.compile(r"^[.#]|~$|^~\$|\.(bak|tmp|swp|swo)$|^(Thumbs\.db|desktop\.ini)$", re.IGNORECASE)
_VISIBLE = re.compile(r"\S")  # a character that str.strip() keeps


@dataclass(frozen=True)
class Body:
    """Where a document's Markdown body is: read from its file when asked (`text()`), never held,
    so that memory does not grow with the site (4,000 documents hold ~0.5 GB of bodies).

    `start`: the body's byte offset in the file, or -1 when reading changed the text (a BOM,
    CR line ends, letters not in NFC): then the whole file is read and split again. `stamp`:
    the file's (size, mtime in ns, inode) when it was loaded; a file that differs when its body
    is read was saved during the build, and the build stops (BuildFailed, VK018) rather than
    check or render text it did not load. `blank`: the body is only white space."""

    file: str = ""  # the absolute path; "" for no body (an unreadable file)
    shown: str = ""  # the path as shown to editors
    start: int = 0
    line: int = 1  # the line where the body starts
    blank: bool = True
    stamp: tuple[int, int, int] = (0, 0, 0)

    def text(self) -> str:
        """The body as loaded (NFC, LF line ends); raises BuildFailed if the file has changed since."""
        return _read_body(self) if self.file else ""


NO_BODY = Body()


class HasBody:
    """The body properties of a record that says where its Markdown body is (`body_at`)."""

    body_at: Body

    @property
    def body(self) -> str:
        """The Markdown body, read from its file now (Body.text; BuildFailed if it has changed)."""
        return self.body_at.text()

    @property
    def body_line(self) -> int:
        """The line of its file where the body starts (1-based)."""
        return self.body_at.line


@dataclass(frozen=True)
class RawFile(HasBody):
    """One content file as read: its YAML data and, for documents, where the Markdown body is.

    `problems` are those met while reading (encoding, YAML); when they leave nothing to
    check, `data` is None. `data` is also None for an empty file, with no problem: then
    validation reports every required field as missing."""

    path: str  # relative to the project, as shown to editors
    data: Any  # yamlsafe values (YMap, YList, YStr, YScalar), or None
    body_at: Body = NO_BODY
    version: str = ""  # the text's version (i18n.source_version), for translations to refer to
    problems: tuple[ContentError, ...] = ()

    @property
    def unreadable(self) -> bool:
        return self.data is None and bool(self.problems)


@dataclass(frozen=True)
class RawContent:
    topics: RawFile | None
    organizations: tuple[RawFile, ...]
    documents: tuple[RawFile, ...]


def read_text(path: Path, shown: str, problems: list[ContentError]) -> str | None:
    """The file's text in NFC, or None (with a problem recorded) if it cannot be read or is not UTF-8."""
    try:
        raw = path.read_bytes()
    except OSError as exc:
        problems.append(ContentError(shown, 1, 1, messages.UNREADABLE, {"problem": exc.strerror or str(exc)}))
        return None
    return _decode(raw, shown, problems)


def _decode(raw: bytes, shown: str, problems: list[ContentError]) -> str | None:
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
    front, start, body_line = _front_matter(text, shown, problems)
    return front, text[start:], body_line


def _front_matter(text: str, shown: str, problems: list[ContentError]) -> tuple[str | None, int, int]:
    """(front matter, offset of the body in `text`, line where the body starts). Only the front
    matter's lines are looked at: the body is not split (it is most of the file)."""
    line_end = text.find("\n")
    if (text if line_end < 0 else text[:line_end]).strip() != "---":
        problems.append(ContentError(shown, 1, 1, messages.NO_FRONT_MATTER))
        return None, 0, 1
    front_start, index = line_end + 1, 1
    while line_end >= 0:
        line_start, line_end = line_end + 1, text.find("\n", line_end + 1)
        if (text[line_start:] if line_end < 0 else text[line_start:line_end]).strip() == "---":
            start = len(text) if line_end < 0 else line_end + 1
            return text[front_start : max(front_start, line_start - 1)], start, index + 2
        index += 1
    problems.append(ContentError(shown, 1, 1, messages.UNCLOSED_FRONT_MATTER))
    return None, len(text), index


def load_yaml_file(path: Path, root: Path, problems: list[ContentError] | None = None) -> RawFile:
    """A YAML content file; its reading problems are in the record (and added to `problems` if given)."""
    shown = _shown(path, root)
    found: list[ContentError] = []
    data = None
    text = read_text(path, shown, found)
    if text is not None:
        data, yaml_problems = yamlsafe.load(text, shown)
        found.extend(yaml_problems)
    if problems is not None:
        problems.extend(found)
    return RawFile(shown, data, problems=tuple(found))


def load_document(path: Path, root: Path, problems: list[ContentError] | None = None) -> RawFile:
    """A document or translation: front matter, where the body is, and version; reading problems
    in the record. The body itself is not kept (Body)."""
    shown = _shown(path, root)
    found: list[ContentError] = []
    try:
        with open(path, "rb") as handle:
            stamp = _stamp(os.fstat(handle.fileno()))
            raw = handle.read()
    except OSError as exc:
        found.append(ContentError(shown, 1, 1, messages.UNREADABLE, {"problem": exc.strerror or str(exc)}))
        raw = None
    text = _decode(raw, shown, found) if raw is not None else None
    if text is None:
        if problems is not None:
            problems.extend(found)
        return RawFile(shown, None, problems=tuple(found))
    front, start, body_line = _front_matter(text, shown, found)
    encoded = text.encode("utf-8")
    version = hashlib.sha256(encoded).hexdigest()[:12]
    data = None
    if front is not None:
        data, yaml_problems = yamlsafe.load(front, shown, line_offset=1)
        found.extend(yaml_problems)
    if problems is not None:
        problems.extend(found)
    offset = len(text[:start].encode("utf-8")) if encoded == raw else -1  # -1: reading changed the text
    where = Body(str(path.absolute()), shown, offset, body_line, not _VISIBLE.search(text, start), stamp)
    return RawFile(shown, data, where, version, tuple(found))


def _stamp(info: os.stat_result) -> tuple[int, int, int]:
    return (info.st_size, info.st_mtime_ns, info.st_ino)


def _read_body(body: Body) -> str:
    try:
        if _stamp(os.stat(body.file)) == body.stamp:  # checked at every read, the text cached or not
            return _body_text(body)
    except (OSError, UnicodeDecodeError):
        pass
    raise BuildFailed([ContentError(body.shown, 1, 1, messages.CHANGED_DURING_BUILD)])


@functools.lru_cache(maxsize=8)  # the few bodies being checked or rendered now (one read for several checks)
def _body_text(body: Body) -> str:
    with open(body.file, "rb") as handle:
        if _stamp(os.fstat(handle.fileno())) != body.stamp:
            raise OSError("changed")
        if body.start >= 0:
            handle.seek(body.start)
            return handle.read().decode("utf-8")
        text = _decode(handle.read(), body.shown, [])
    if text is None:
        raise OSError("changed")
    return split_front_matter(text, body.shown, [])[1]


def load(root: Path, diagnostics: Diagnostics) -> RawContent:
    """Every content file under `root/content`, in a stable order; files that are not
    content are skipped (editors' and systems' own) or reported in `diagnostics`."""
    topics, organizations, documents = None, [], []
    for path in _files(root, root / "content", diagnostics):
        relative = path.relative_to(root / "content").parts
        if relative == ("topics.yaml",):
            topics = load_yaml_file(path, root)
        elif len(relative) == 2 and relative[0] == "organizations" and path.suffix == ".yaml":
            organizations.append(load_yaml_file(path, root))
        elif len(relative) == 3 and relative[0] == "documents" and _suffix(path) == ".md":
            documents.append(load_document(path, root))
        else:
            _misplaced(path, root, relative, diagnostics)
    return RawContent(topics, tuple(organizations), tuple(documents))


def _files(root: Path, folder: Path, diagnostics: Diagnostics, seen: set | None = None):
    """Regular files under `folder`, sorted. A symbolic link inside the project is followed once,
    unless it leads to a folder that is itself under `folder` (read there, in its own place:
    `documents/x/orgs -> ../../organizations` must not take `organizations/` away) or to one
    already read (a loop). A folder that cannot be read is reported (VK019), never passed over."""
    if seen is None:
        seen = _real_folders(folder)
    try:
        entries = sorted(os.scandir(folder), key=lambda e: e.name)
    except OSError as exc:
        if folder != root / "content" or folder.exists():  # no content/ at all: VK017 says what to do
            diagnostics.report(_shown(folder, root), 1, 1, messages.UNREADABLE_FOLDER, problem=exc.strerror or str(exc))
        return
    for entry in entries:
        path = Path(entry.path)
        if IGNORED.search(entry.name):
            continue
        shown = _shown(path, root)
        try:
            mode = os.stat(path).st_mode  # follows a link
        except OSError:
            diagnostics.report(shown, 1, 1, messages.BROKEN_LINK, name=entry.name)
            continue
        real = path.resolve()
        if entry.is_symlink() and not real.is_relative_to(root.resolve()):
            diagnostics.report(shown, 1, 1, messages.LINK_OUTSIDE, name=entry.name, target=str(real))
            continue
        if stat.S_ISDIR(mode):
            if entry.is_symlink():
                if real in seen:
                    continue  # read in its own place, or a loop
                seen.add(real)
            if _suffix(path) in (".md", ".yaml", ".yml"):
                diagnostics.report(shown, 1, 1, messages.NOT_A_FILE, name=entry.name, what="thư mục / a folder")
                continue
            yield from _files(root, path, diagnostics, seen)
        elif stat.S_ISREG(mode):
            yield path
        else:
            diagnostics.report(shown, 1, 1, messages.NOT_A_FILE, name=entry.name, what=_kind(mode))


def _real_folders(folder: Path) -> set[Path]:
    """The folders under `folder` (itself included) reached without following a link, resolved."""
    found = {folder.resolve()}
    for parent, names, _ in os.walk(folder):
        found.update(Path(parent, name).resolve() for name in names if not os.path.islink(os.path.join(parent, name)))
    return found


def _suffix(path: Path) -> str:
    """The extension in small letters: `a.VI.MD` or `x.YAML` (saved so by Windows tools) is meant as
    content: its name is reported as an error, the file is not passed over as a stranger's."""
    return path.suffix.lower()


def _kind(mode: int) -> str:
    if stat.S_ISFIFO(mode):
        return "ống FIFO / a FIFO"
    if stat.S_ISSOCK(mode):
        return "socket"
    return "thiết bị / a device"


def _misplaced(path: Path, root: Path, relative: tuple[str, ...], diagnostics: Diagnostics) -> None:
    shown, name = _shown(path, root), path.name
    if _suffix(path) in (".yml", ".yaml") and path.suffix != ".yaml":
        vi, en = f"đổi tên thành {path.stem}.yaml", f"rename it to {path.stem}.yaml"
    elif _suffix(path) == ".md":
        vi, en = "văn bản nằm ở content/documents/<mã tổ chức>/", "documents go in content/documents/<org-id>/"
    elif _suffix(path) == ".yaml":
        vi, en = "tổ chức nằm ở content/organizations/", "organizations go in content/organizations/"
    else:
        diagnostics.report(
            shown,
            1,
            1,
            messages.UNKNOWN_FILE,
            name=name,
            hint_vi="chuyển tệp ra khỏi content/ nếu không cần",
            hint_en="move it out of content/ unless it is needed",
        )
        return
    diagnostics.report(shown, 1, 1, messages.MISPLACED_FILE, name=name, hint_vi=vi, hint_en=en)


def _shown(path: Path, root: Path) -> str:
    try:
        return path.relative_to(root).as_posix()
    except ValueError:
        return path.as_posix()
