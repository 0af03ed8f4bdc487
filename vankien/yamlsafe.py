"""The YAML loader for content: text by default, positions kept, duplicates rejected.

YAML 1.1 turns `no` into False, `05` into 5 and `12:30` into 750. Content is text, so
every scalar stays a string except `true`/`false` and `null`/`~`/empty. Every value
carries the line and column where it was written, so validation can point at it.
"""

from __future__ import annotations

import re

import yaml

from vankien import messages
from vankien.errors import ContentError

try:  # the C parser is much faster and keeps marks just the same
    from yaml import CSafeLoader as _BaseLoader
except ImportError:  # pragma: no cover
    from yaml import SafeLoader as _BaseLoader


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


def _at(value, node, line_offset):
    value.line = node.start_mark.line + 1 + line_offset
    value.col = node.start_mark.column + 1
    return value


class _Loader(_BaseLoader):
    yaml_implicit_resolvers = {}


_Loader.add_implicit_resolver(
    "tag:yaml.org,2002:bool", re.compile(r"^(?:true|True|TRUE|false|False|FALSE)$"), list("tTfF")
)
_Loader.add_implicit_resolver("tag:yaml.org,2002:null", re.compile(r"^(?:~|null|Null|NULL|)$"), ["~", "n", "N", ""])


# Errors that PyYAML finds at the end of the file, about a quote or bracket opened far above.
_UNCLOSED = ("while scanning a quoted scalar", "while parsing a flow")


def load(text: str, path: str, line_offset: int = 0) -> tuple[object, list[ContentError]]:
    """Parse `text`; return (value, problems). On a syntax error the value is None.

    `line_offset` is added to every line, for YAML that starts further down a file
    (front matter).
    """
    try:
        node = yaml.compose(text, Loader=_Loader)
    except yaml.MarkedYAMLError as exc:
        mark = exc.problem_mark or exc.context_mark
        problem = exc.problem or str(exc)
        if exc.context_mark and (exc.context or "").startswith(_UNCLOSED):  # the fix is where it opened
            mark, problem = exc.context_mark, f"{problem} ({exc.context} that starts here: is it closed?)"
        line = mark.line + 1 + line_offset if mark else 1 + line_offset
        col = mark.column + 1 if mark else 1
        return None, [ContentError(path, line, col, messages.YAML_SYNTAX, {"problem": problem})]
    except yaml.reader.ReaderError as exc:  # a control character: YAML refuses the whole text
        before = text[: exc.position]
        line, col = before.count("\n") + 1 + line_offset, len(before.rsplit("\n", 1)[-1]) + 1
        code = ord(exc.character) if isinstance(exc.character, str) else exc.character
        problem = f"control character U+{code:04X} is not allowed"
        return None, [ContentError(path, line, col, messages.YAML_SYNTAX, {"problem": problem})]
    problems: list[ContentError] = []
    if node is None:
        return None, problems
    return _build(node, path, line_offset, problems), problems


def _build(node, path, offset, problems):
    if isinstance(node, yaml.MappingNode):
        return _build_map(node, path, offset, problems)
    if isinstance(node, yaml.SequenceNode):
        items = YList(_build(child, path, offset, problems) for child in node.value)
        return _at(items, node, offset)
    if node.tag == "tag:yaml.org,2002:bool":
        return _at(YScalar(node.value.lower() == "true"), node, offset)
    if node.tag == "tag:yaml.org,2002:null":
        return _at(YScalar(None), node, offset)
    return _at(YStr(node.value), node, offset)


def _build_map(node, path, offset, problems):
    mapping = _at(YMap(), node, offset)
    mapping.key_pos = {}
    for key_node, value_node in node.value:
        if key_node.tag == "tag:yaml.org,2002:merge":
            problems.append(_error(key_node, path, offset, messages.YAML_ANCHOR, {}))
            continue
        key = str(key_node.value)
        line = key_node.start_mark.line + 1 + offset
        if key in mapping.key_pos:
            first = mapping.key_pos[key][0]
            problems.append(_error(key_node, path, offset, messages.DUPLICATE_KEY, {"key": key, "first": first}))
            continue
        mapping.key_pos[key] = (line, key_node.start_mark.column + 1)
        mapping[key] = _build(value_node, path, offset, problems)
    return mapping


def _error(node, path, offset, message, params):
    return ContentError(path, node.start_mark.line + 1 + offset, node.start_mark.column + 1, message, params)


def plain(value):
    """The value as plain Python (dict/list/str/bool/None), positions dropped."""
    if isinstance(value, dict):
        return {str(k): plain(v) for k, v in value.items()}
    if isinstance(value, list):
        return [plain(v) for v in value]
    if isinstance(value, YScalar):
        return value.value
    return str(value) if isinstance(value, str) else value
