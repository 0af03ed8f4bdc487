"""config.yaml → a frozen Config; every problem collected."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from vankien import messages
from vankien.content import load_yaml_file
from vankien.errors import ContentError
from vankien.model import Text
from vankien.schema import Fields

LANGUAGES = ("vi", "en")


@dataclass(frozen=True)
class Config:
    title: Text
    description: Text
    base_url: str
    languages: tuple[str, ...]
    default_language: str
    drafts_listed: bool = False  # drafts in the feeds and the sitemap too


def load(root: Path, problems: list[ContentError]) -> Config:
    """Read `root/config.yaml`; missing or wrong values are reported, defaults fill in."""
    path = root / "config.yaml"
    default = Config(Text("vankien"), Text(""), "http://127.0.0.1:8000/", LANGUAGES, "vi")
    if not path.exists():
        problems.append(
            ContentError(
                "config.yaml",
                1,
                1,
                messages.MISSING_FILE,
                {
                    "what_vi": "tệp config.yaml",
                    "what_en": "config.yaml",
                    "hint_vi": "tạo config.yaml ở thư mục gốc (xem README)",
                    "hint_en": "create config.yaml at the top of the project (see README)",
                },
            )
        )
        return default
    raw = load_yaml_file(path, root, problems)
    fields = Fields(raw.data, raw.path, problems, "config")
    if not fields.ok:
        return default
    fields.allow("title", "description", "base_url", "languages", "default_language", "drafts_listed")
    base_url = fields.url("base_url", required=True) or default.base_url
    languages = tuple(fields.choices("languages", LANGUAGES) or LANGUAGES)
    return Config(
        title=fields.text_pair("title", required=True) or default.title,
        description=fields.text_pair("description") or default.description,
        base_url=base_url if base_url.endswith("/") else base_url + "/",
        languages=languages,
        default_language=fields.choice("default_language", LANGUAGES) or "vi",
        drafts_listed=fields.flag("drafts_listed"),
    )
