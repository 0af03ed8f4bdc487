"""config.yaml → a frozen Config; every problem collected (its schema: schema.Config)."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from vankien import messages, schema
from vankien.content import load_yaml_file
from vankien.errors import Diagnostics
from vankien.model import Text
from vankien.schema_check import check

LANGUAGES = schema.LANGUAGES


@dataclass(frozen=True)
class Config:
    title: Text
    description: Text
    base_url: str  # always ends with "/"
    languages: tuple[str, ...]  # Vietnamese, the source language, is always first and at /


DEFAULT = Config(Text("vankien"), Text(""), "http://127.0.0.1:8000/", LANGUAGES)


def load(root: Path, diagnostics: Diagnostics) -> Config:
    """Read `root/config.yaml`; problems are recorded in `diagnostics` and defaults fill in
    (the build stops on them anyway, but later stages can still run for `check`)."""
    path = root / "config.yaml"
    if not path.exists():
        diagnostics.report(
            "config.yaml",
            1,
            1,
            messages.MISSING_FILE,
            what_vi="tệp config.yaml",
            what_en="config.yaml",
            hint_vi="tạo config.yaml ở thư mục gốc (xem README)",
            hint_en="create config.yaml at the top of the project (see README)",
        )
        return DEFAULT
    raw = load_yaml_file(path, root)
    diagnostics.extend(raw.problems)
    if raw.unreadable:
        return DEFAULT
    found = diagnostics.take(check(schema.Config, raw.data, raw.path))
    if found is None:
        return DEFAULT
    if "default_language" in raw.data:
        # Decided: not made real. Vietnamese is the source of every document (a translation is
        # <doc>.en.md beside <doc>.vi.md) and is served at /, English at /en/; a "default"
        # other than the source would leave untranslated pages with nothing at the root.
        line, col = raw.data.key_pos["default_language"]
        diagnostics.report(
            raw.path,
            line,
            col,
            messages.DEPRECATED_FIELD,
            key="default_language",
            hint_vi="xóa dòng này: tiếng Việt luôn là ngôn ngữ gốc, ở /; tiếng Anh ở /en/",
            hint_en="delete this line: Vietnamese is always the source language, at /; English is at /en/",
        )
    languages = tuple(dict.fromkeys(["vi", *(found.languages or LANGUAGES)]))
    base_url = found.base_url
    return Config(
        title=Text(found.title.vi, found.title.en),
        description=Text(found.description.vi, found.description.en) if found.description else DEFAULT.description,
        base_url=base_url if base_url.endswith("/") else base_url + "/",
        languages=languages,
    )
