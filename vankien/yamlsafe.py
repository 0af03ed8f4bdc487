"""The YAML loader for content: text by default, positions kept, duplicates rejected.

YAML 1.1 turns `no` into False, `05` into 5 and `12:30` into 750. Content is text, so
every scalar stays a string except `true`/`false` and `null`/`~`/empty. Every value
carries the line and column where it was written, so validation can point at it.
"""

from __future__ import annotations

import re

import yaml
import yaml.reader

from vankien import messages
from vankien.errors import ContentError

_BaseLoader: type = getattr(yaml, "CSafeLoader", yaml.SafeLoader)  # the C parser: much faster, same marks


class Located:
    """Mixin: where the value starts in its file (1-based line and column)."""

    line: int = 0
    col: int = 0


class YStr(str, Located):
    pass


class YMap(dict, Located):
    """A mapping that also remembers where each key was written."""

    key_pos: dict


class YList(list, Located):
    pass


class YScalar(Located):
    """true/false/null, which cannot subclass bool/None, wrapped with a position."""

    def __init__(self, value):
        self.value = value

    def __repr__(self):
        return f"YScalar({self.value!r})"


class _Loader(_BaseLoader):
    """The C parser when available: only its events are used."""


# Errors that PyYAML finds at the end of the file, about a quote or bracket opened far above.
_UNCLOSED = ("while scanning a quoted scalar", "while parsing a flow")
MAX_DEPTH = 20  # content needs 5 levels (document → results → entry → measures → measure)
_BOOL = re.compile(r"^(?:true|True|TRUE|false|False|FALSE)$")
_NULL = re.compile(r"^(?:~|null|Null|NULL|)$")
_STRING_TAGS = {"tag:yaml.org,2002:str", "!"}


def load(text: str, path: str, line_offset: int = 0) -> tuple[object, list[ContentError]]:
    """Parse `text`; return (value, problems). On any problem that leaves no usable value
    (syntax, a control character, an anchor or alias, nesting deeper than MAX_DEPTH) the
    value is None and the problem says where.

    Values are built from the parser's event stream, without recursion and without ever
    expanding an alias, so no input can make the loader use more than linear time or
    memory ("billion laughs"). `line_offset` is added to every line, for YAML that starts
    further down a file (front matter).
    """
    builder = _Builder(path, line_offset)
    try:
        for event in yaml.parse(text, Loader=_Loader):
            if not builder.feed(event):
                break
    except yaml.reader.ReaderError as exc:
        line, col = _position(text, exc.position)
        char = f"U+{exc.character:04X}" if isinstance(exc.character, int) else repr(exc.character)
        return None, [ContentError(path, line + line_offset, col, messages.CONTROL_CHAR, {"char": char})]
    except yaml.MarkedYAMLError as exc:
        mark = exc.problem_mark or exc.context_mark
        problem = exc.problem or str(exc)
        if exc.context_mark and (exc.context or "").startswith(_UNCLOSED):  # the fix is where it opens
            mark = exc.context_mark  # an unclosed quote or bracket: where it opens, not the end of the file
            problem = f"{problem} ({exc.context} that starts here: is it closed?)"
        line = mark.line + 1 + line_offset if mark else 1 + line_offset
        col = mark.column + 1 if mark else 1
        return None, [ContentError(path, line, col, messages.YAML_SYNTAX, {"problem": problem})]
    except yaml.YAMLError as exc:  # pragma: no cover - the parser marks its errors
        return None, [ContentError(path, 1 + line_offset, 1, messages.YAML_SYNTAX, {"problem": str(exc)})]
    if builder.fatal:
        return None, builder.problems
    return builder.root, builder.problems


def _position(text: str, index: int) -> tuple[int, int]:
    """Line and column of a reader error, whose position counts UTF-8 bytes."""
    before = text.encode("utf-8")[:index].decode("utf-8", "ignore")
    return before.count("\n") + 1, len(before) - (before.rfind("\n") + 1) + 1


class _Builder:
    """Located values from parser events; a stack of open mappings and lists."""

    def __init__(self, path: str, offset: int):
        self.path, self.offset = path, offset
        self.problems: list[ContentError] = []
        self.stack: list[list] = []  # [container, pending key text or None, pending key event]
        self.root = None
        self.documents = 0
        self.fatal = False

    def feed(self, event) -> bool:
        """Take one event; False once the input cannot give a value."""
        if isinstance(event, yaml.DocumentStartEvent):
            self.documents += 1
            if self.documents > 1:
                return self._stop(event, messages.YAML_SYNTAX, problem="a second YAML document (---) follows the first")
        elif isinstance(event, yaml.AliasEvent) or getattr(event, "anchor", None):
            return self._stop(event, messages.YAML_ANCHOR)
        elif isinstance(event, (yaml.MappingStartEvent, yaml.SequenceStartEvent)):
            if len(self.stack) >= MAX_DEPTH:
                return self._stop(event, messages.YAML_TOO_DEEP, limit=MAX_DEPTH)
            container = YMap() if isinstance(event, yaml.MappingStartEvent) else YList()
            if isinstance(container, YMap):
                container.key_pos = {}
            self.stack.append([self._at(container, event), None, None])
        elif isinstance(event, (yaml.MappingEndEvent, yaml.SequenceEndEvent)):
            self._attach(self.stack.pop()[0], None)
        elif isinstance(event, yaml.ScalarEvent):
            self._attach(self._at(_scalar(event), event), event)
        return True

    def _attach(self, value, event) -> None:
        if not self.stack:
            self.root = value
            return
        frame = self.stack[-1]
        container = frame[0]
        if isinstance(container, YList):
            container.append(value)
        elif frame[2] is None:  # this value is a key
            if event is None:
                self._problem(value, messages.YAML_SYNTAX, problem="a key must be plain text, not a list or a group")
                frame[1], frame[2] = None, value
            else:
                frame[1], frame[2] = event.value, event
        else:
            key, key_event = frame[1], frame[2]
            frame[1] = frame[2] = None
            if key is None:
                return  # the key was refused above
            if key == "<<" and key_event.implicit[0]:
                self._problem(key_event, messages.YAML_ANCHOR)
            elif key in container.key_pos:
                first = container.key_pos[key][0]
                self._problem(key_event, messages.DUPLICATE_KEY, key=key, first=first)
            else:
                container.key_pos[key] = self._mark(key_event)
                container[key] = value

    def _mark(self, event_or_value) -> tuple[int, int]:
        if isinstance(event_or_value, Located):
            return event_or_value.line, event_or_value.col
        mark = event_or_value.start_mark
        return mark.line + 1 + self.offset, mark.column + 1

    def _at(self, value, event):
        value.line, value.col = self._mark(event)
        return value

    def _problem(self, where, message, **params) -> None:
        line, col = self._mark(where)
        self.problems.append(ContentError(self.path, line, col, message, params))

    def _stop(self, event, message, **params) -> bool:
        self._problem(event, message, **params)
        self.fatal = True
        return False


def _scalar(event):
    """true/false/null when written plain (or tagged so); everything else is text."""
    tag = event.tag if event.tag not in (None, "!") else None
    plain = event.implicit[0] and tag is None  # written plain: no quotes, no tag
    if (plain and _BOOL.match(event.value)) or (tag == "tag:yaml.org,2002:bool" and _BOOL.match(event.value)):
        return YScalar(event.value.lower() == "true")
    if (plain and _NULL.match(event.value)) or tag == "tag:yaml.org,2002:null":
        return YScalar(None)
    return YStr(event.value)


def plain(value):
    """The value as plain Python (dict/list/str/bool/None), positions dropped."""
    if isinstance(value, dict):
        return {str(k): plain(v) for k, v in value.items()}
    if isinstance(value, list):
        return [plain(v) for v in value]
    if isinstance(value, YScalar):
        return value.value
    return str(value) if isinstance(value, str) else value
