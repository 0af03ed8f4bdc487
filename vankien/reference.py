"""What the schemas (schema.py) publish: a JSON Schema per file type in `schemas/`, and
the field reference of the handbook (docs/handbook/content-format.md, between markers);
and the table of problem codes of the catalogue (docs/handbook/loi.md).

    python -m vankien.reference           write both
    python -m vankien.reference --check   exit 1 if either is stale (the tests run this check)

The JSON Schemas describe the files as an editor's YAML extension reads them (YAML 1.2:
`2022` is a number there); VS Code's YAML extension applies them through
`.vscode/settings.json`. Front matter (documents, translations) has a schema too, for
tools that read front matter; editors validate it with `build.py check`.
"""

from __future__ import annotations

import argparse
import copy
import json
import re
import sys
from pathlib import Path

from vankien import figure_messages, messages
from vankien.errors import Message
from vankien.schema import FILE_TYPES

ROOT = Path(__file__).resolve().parent.parent
SCHEMAS = ROOT / "schemas"
HANDBOOK = ROOT / "docs/handbook/content-format.md"
BEGIN = "<!-- BEGIN field reference: generated from vankien/schema.py by `python -m vankien.reference` -->"
END = "<!-- END field reference -->"
CODES_BEGIN = "<!-- BEGIN codes: generated from vankien/messages.py by `python -m vankien.reference` -->"
CODES_END = "<!-- END codes -->"
CATALOGUES = (messages, figure_messages)  # figures' messages travel with the figures' rules (issue 8)
BASE = "https://vankien.example.org/schemas/"  # an identifier only; nothing is fetched


def json_schemas() -> dict[str, dict]:
    """{file name in schemas/: JSON Schema (draft 2020-12)} for each file type."""
    found = {}
    for name, (model, where, front_matter) in FILE_TYPES.items():
        schema = copy.deepcopy(model.model_json_schema(by_alias=True))
        _bilingual(schema)
        what = "front matter of " if front_matter else ""
        schema = {
            "$schema": "https://json-schema.org/draft/2020-12/schema",
            "$id": f"{BASE}{name}.schema.json",
            **schema,
            "title": f"vankien {name}",
            "description": f"The {what}{where}. Generated from vankien/schema.py; do not edit.",
        }
        found[f"{name}.schema.json"] = schema
    return found


def _bilingual(node) -> None:
    """`description` in Vietnamese — English (what an editor's tooltip shows); no internal keys left."""
    if isinstance(node, dict):
        vi = node.pop("description_vi", None)
        node.pop("x-kind", None)
        if vi and "description" in node:
            node["description"] = f"{vi} — {node['description']}"
        for value in node.values():
            _bilingual(value)
    elif isinstance(node, list):
        for value in node:
            _bilingual(value)


def field_reference() -> str:
    """The generated Markdown: one table per file type and per group of fields inside it."""
    out = [BEGIN, "", "## Field reference", ""]
    out.append("Every field of every file, generated from the schemas. A field not listed here is an error.")
    out.append("Published as JSON Schemas in `schemas/` (VS Code's YAML extension uses them for the `.yaml` files).")
    for name, (model, where, front_matter) in FILE_TYPES.items():
        schema = model.model_json_schema(by_alias=True)
        defs = schema.get("$defs", {})
        out += ["", f"### {name} — `{where}`{' (front matter)' if front_matter else ''}", ""]
        out += _table(schema, defs)
        for def_name in _used_defs(schema, defs):
            out += ["", f"#### {name}: {def_name}", ""]
            out += _table(defs[def_name], defs)
    return "\n".join(out + ["", END])


def _used_defs(schema: dict, defs: dict) -> list[str]:
    order: list[str] = []

    def visit(node):
        if isinstance(node, dict):
            ref = node.get("$ref")
            if ref and ref.split("/")[-1] not in order:
                order.append(ref.split("/")[-1])
                visit(defs[ref.split("/")[-1]])
            for value in node.values():
                visit(value)
        elif isinstance(node, list):
            for value in node:
                visit(value)

    visit(schema.get("properties", schema.get("patternProperties", {})))
    return order


def _table(schema: dict, defs: dict) -> list[str]:
    rows = ["| field | required | value | what it holds |", "| --- | --- | --- | --- |"]
    properties = schema.get("properties")
    if properties is None:  # topics: a map of ids
        value: dict = next(iter(schema.get("patternProperties", {}).values()), {})
        rows.append(f"| *topic id* (a-z, 0-9 and -) | | {_kind(value)} | one topic of the codebook |")
        return rows
    required = set(schema.get("required", ()))
    for key, prop in properties.items():
        vi = prop.get("description_vi", "")
        what = prop.get("description", "") + (f" (*{vi}*)" if vi else "")
        if prop.get("deprecated"):
            what = "**no longer used**: " + what
        rows.append(f"| `{key}` | {'yes' if key in required else ''} | {_kind(prop)} | {what} |")
    return rows


def _kind(prop: dict) -> str:
    if "x-kind" in prop:
        return prop["x-kind"]
    if "$ref" in prop:
        name = prop["$ref"].split("/")[-1]
        return f"group: {name}"
    if "enum" in prop:
        return "one of " + ", ".join(f"`{v}`" for v in prop["enum"])
    if "anyOf" in prop:
        kinds = [_kind(p) for p in prop["anyOf"] if p.get("type") != "null"]
        return " or ".join(dict.fromkeys(kinds)) or "anything"
    if prop.get("type") == "array":
        return f"list of {_kind(prop.get('items', {}))}"
    if prop.get("type") == "object":
        return f"id → {_kind(prop.get('additionalProperties', {}))}"
    if prop.get("type") == "boolean":
        return "`true` or `false`"
    return prop.get("type", "anything")


def render_handbook(current: str) -> str:
    """`current` with the text between the markers replaced (appended when there are none)."""
    return _between(current, BEGIN, END, field_reference())


def code_table() -> str:
    """Every message of the catalogue with its code and severity, for the handbook's error page."""
    rows = [CODES_BEGIN, "", "| mã / code | mức / severity | lỗi | error |", "| --- | --- | --- | --- |"]
    catalogue = sorted((m.code, m) for module in CATALOGUES for m in vars(module).values() if isinstance(m, Message))
    for code, m in catalogue:
        severity = "lỗi / error" if m.severity == "error" else "cảnh báo / warning"
        vi, en = (re.sub(r"\{\w+\}", "…", text).replace("|", "\\|") for text in (m.vi, m.en))
        rows.append(f"| {code} | {severity} | {vi} | {en} |")
    return "\n".join(rows + ["", CODES_END])


def _between(current: str, begin: str, end: str, generated: str) -> str:
    if begin in current and end in current:
        before, rest = current.split(begin, 1)
        return before + generated + rest.split(end, 1)[1]
    return current.rstrip("\n") + "\n\n" + generated + "\n"


def expected_files(root: Path = ROOT) -> dict[Path, str]:
    """{path: text} of every generated file."""
    files = {
        root / "schemas" / name: json.dumps(schema, ensure_ascii=False, indent=2) + "\n"
        for name, schema in json_schemas().items()
    }
    handbook = root / "docs/handbook/content-format.md"
    files[handbook] = render_handbook(handbook.read_text(encoding="utf-8"))
    errors = root / "docs/handbook/loi.md"
    if errors.exists():
        files[errors] = _between(errors.read_text(encoding="utf-8"), CODES_BEGIN, CODES_END, code_table())
    return files


def stale(root: Path = ROOT) -> list[Path]:
    """The generated files that differ from what the schemas give now."""
    return [
        path
        for path, text in expected_files(root).items()
        if not path.exists() or path.read_text(encoding="utf-8") != text
    ]


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--check", action="store_true", help="exit 1 if a generated file is stale")
    args = parser.parse_args(argv)
    if args.check:
        old = stale()
        for path in old:
            print(f"{path.relative_to(ROOT)} is stale: run python -m vankien.reference", file=sys.stderr)
        return 1 if old else 0
    for path, text in expected_files().items():
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding="utf-8")
        print(f"wrote {path.relative_to(ROOT)}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
