"""Validate located YAML against a schema model; every problem at its `path:line:col`.

pydantic reports each problem with a `loc` (the keys and list indexes leading to the
value); the loader (yamlsafe.py) kept the line and column of every key and value, so
each `loc` is walked down the located data to the place an editor must look at:
the value itself when it is a scalar, the key when the value is a group or a list (or
the key is the problem), the enclosing group when a key is missing.
"""

from __future__ import annotations

import types
import typing
from typing import Annotated, Any, Union

from pydantic import BaseModel, RootModel, ValidationError

from vankien import messages
from vankien.errors import Accepted, ContentError, Outcome, Rejected
from vankien.fieldtypes import suggestion
from vankien.yamlsafe import Located, YList, YMap, YScalar, plain

_SHAPE = {  # pydantic's own error types → the catalogue
    "list_type": "EXPECTED_LIST",
    "dict_type": "EXPECTED_MAPPING",
    "model_type": "EXPECTED_MAPPING",
    "model_attributes_type": "EXPECTED_MAPPING",
    "bool_type": "EXPECTED_BOOL",
    "string_type": "EXPECTED_TEXT",
}


def check(model: type[BaseModel], data, path: str, context: dict | None = None, where=(1, 1)) -> Outcome:
    """`Accepted(model instance)` or `Rejected(every problem found)`.

    `data` is what yamlsafe.load returned (None for an empty file or front matter: then
    every required field is reported missing at `where`). `context` holds what references
    are checked against ("topics", "organizations", "folder", "targets", "results")."""
    if data is None:
        data = YMap()
        data.key_pos, (data.line, data.col) = {}, where
    if not isinstance(data, YMap) and not issubclass(model, RootModel):
        line, col = _place(data, where)
        return Rejected((ContentError(path, line, col, messages.EXPECTED_MAPPING, {"field": _label(model)}),))
    try:
        return Accepted(model.model_validate(plain(data), context=context))
    except ValidationError as exc:
        problems = tuple(_problem(model, data, path, error, where) for error in exc.errors())
        return Rejected(problems)


def _problem(model, data, path: str, error, where) -> ContentError:
    loc = tuple(part for part in error["loc"] if isinstance(part, (str, int)))
    kind = error["type"]
    params = dict(error.get("ctx") or {})
    key = next((part for part in reversed(loc) if isinstance(part, str) and part != "[key]"), _label(model))
    node, parent = _walk(data, loc)
    line, col = _place(node, where)
    if kind == "missing":
        node, _ = _walk(data, loc[:-1])
        line, col = _place(node, where)
        return _missing(model, path, line, col, loc)
    if kind == "extra_forbidden":
        owner = _model_at(model, loc[:-1])
        allowed = _keys(owner)
        line, col = parent.key_pos.get(loc[-1], (line, col)) if isinstance(parent, YMap) else (line, col)
        name = getattr(owner, "unknown_key_message", "UNKNOWN_KEY")
        unknown = str(loc[-1])
        return _error(path, line, col, name, key=unknown, allowed=", ".join(allowed), **suggestion(unknown, allowed))
    at_key = bool(loc) and loc[-1] == "[key]"  # a key refused (topics, translated ids): point at it
    if isinstance(parent, YMap) and (at_key or isinstance(node, (YMap, YList))):  # a group: point at its key
        line, col = parent.key_pos.get(loc[-2] if at_key else loc[-1], (line, col))
    if kind == "MISSING_KEY":  # raised for a whole group (period): at the group itself
        line, col = _place(node, where)
    if kind in _SHAPE and isinstance(node, YScalar) and node.value is None:
        return _empty(model, path, line, col, loc)
    if kind == "EMPTY_REQUIRED":
        return _empty(model, path, line, col, loc)
    name = _SHAPE.get(kind, kind)
    value = str(node.value) if isinstance(node, YScalar) else str(node) if isinstance(node, str) else ""
    if not hasattr(messages, name):
        return _error(path, line, col, "BAD_VALUE", field=key, problem=error["msg"])
    return _error(path, line, col, name, **{"field": key, "value": value, "key": key, **params})


def _missing(model, path: str, line: int, col: int, loc) -> ContentError:
    vi, en = _purpose(model, loc)
    return _error(path, line, col, "MISSING_KEY", key=loc[-1], what_vi=vi, what_en=en)


def _empty(model, path: str, line: int, col: int, loc) -> ContentError:
    vi, en = _purpose(model, loc)
    return _error(path, line, col, "EMPTY_REQUIRED", key=loc[-1], what_vi=vi or "nội dung", what_en=en or "a value")


def _error(path: str, line: int, col: int, name: str, **params) -> ContentError:
    return ContentError(path, line, col, getattr(messages, name), params)


def _walk(data, loc) -> tuple[Any, Any]:
    """(the located value at `loc`, its parent); stops where the data ends."""
    node: Any = data
    parent: Any = None
    for part in loc:
        if part == "[key]":
            break
        if not _holds(node, part):
            break
        parent, node = node, node[part]
    return node, parent


def _holds(node: Any, part: Any) -> bool:
    """Whether `node` has `part`: a key of a mapping, an index within a list."""
    return (isinstance(node, YMap) and isinstance(part, str) and part in node) or (
        isinstance(node, YList) and isinstance(part, int) and part < len(node)
    )


def _place(node, where) -> tuple[int, int]:
    if isinstance(node, Located) and node.line:
        return node.line, node.col
    return where


# -- the model behind a loc: allowed keys and field purposes ------------------------------


def _unwrap(annotation):
    """The model, list or dict type inside Annotated[…] and `X | None`."""
    while True:
        origin = typing.get_origin(annotation)
        if origin is Annotated:
            annotation = typing.get_args(annotation)[0]
        elif origin in (Union, types.UnionType):
            annotation = next(a for a in typing.get_args(annotation) if a is not type(None))
        elif isinstance(annotation, type) and issubclass(annotation, RootModel):
            annotation = annotation.model_fields["root"].annotation
        else:
            return annotation


def _model_at(model, loc) -> type[BaseModel] | None:
    current = _unwrap(model)
    for part in loc:
        origin, args = typing.get_origin(current), typing.get_args(current)
        if isinstance(current, type) and issubclass(current, BaseModel) and isinstance(part, str):
            field = _field(current, part)
            if field is None:
                return None
            current = _unwrap(field.annotation)
        elif origin is list and isinstance(part, int):
            current = _unwrap(args[0])
        elif origin is dict:
            current = _unwrap(args[1])
        else:
            return None
    return current if isinstance(current, type) and issubclass(current, BaseModel) else None


def _field(model: type[BaseModel], key: str):
    for name, field in model.model_fields.items():
        if (field.alias or name) == key:
            return field
    return None


def _keys(model: type[BaseModel] | None) -> list[str]:
    return [field.alias or name for name, field in model.model_fields.items()] if model else []


def _purpose(model, loc) -> tuple[str, str]:
    owner = _model_at(model, loc[:-1])
    field = _field(owner, loc[-1]) if owner and isinstance(loc[-1], str) else None
    if field is None:
        return "", ""
    extra = field.json_schema_extra if isinstance(field.json_schema_extra, dict) else {}
    return extra.get("description_vi", ""), field.description or ""


def _label(model) -> str:
    return {"Document": "document", "Organization": "organization", "Translation": "translation"}.get(
        model.__name__, model.__name__.lower()
    )
