"""One schema per file type: the JSON Schemas and the handbook's field reference are
generated from it and agree with what `check` accepts and refuses."""

import json
import re
from pathlib import Path
from typing import ClassVar

import jsonschema
import pytest
import yaml

from vankien import content, messages, reference, schema, yamlsafe
from vankien.errors import Message
from vankien.schema_check import check

ROOT = Path(__file__).resolve().parent.parent


class Yaml12Loader(yaml.SafeLoader):
    """How an editor's YAML extension reads a file (YAML 1.2 core schema): `2022` is a number,
    `2022-04-26` and `no` are text."""

    yaml_implicit_resolvers: ClassVar[dict] = {}


Yaml12Loader.add_implicit_resolver(
    "tag:yaml.org,2002:bool", re.compile(r"^(?:true|True|TRUE|false|False|FALSE)$"), list("tTfF")
)
Yaml12Loader.add_implicit_resolver(
    "tag:yaml.org,2002:null", re.compile(r"^(?:~|null|Null|NULL|)$"), ["~", "n", "N", ""]
)
Yaml12Loader.add_implicit_resolver("tag:yaml.org,2002:int", re.compile(r"^[-+]?[0-9]+$"), list("-+0123456789"))
Yaml12Loader.add_implicit_resolver(
    "tag:yaml.org,2002:float",
    re.compile(r"^[-+]?(?:\.[0-9]+|[0-9]+(?:\.[0-9]*)?)(?:[eE][-+]?[0-9]+)?$"),
    list("-+.0123456789"),
)


def example_files():
    """(file type, path, YAML text) of every example content file of the repository."""
    found = [("config", ROOT / "config.yaml"), ("topics", ROOT / "content/topics.yaml")]
    found += [("organization", p) for p in sorted((ROOT / "content/organizations").glob("*.yaml"))]
    found += [("document", p) for p in sorted((ROOT / "content/documents").glob("*/*.vi.md"))]
    found += [("translation", p) for p in sorted((ROOT / "content/documents").glob("*/*.en.md"))]
    for kind, path in found:
        text = path.read_text(encoding="utf-8")
        if path.suffix == ".md":
            text = content.split_front_matter(text, path.name, [])[0]
        yield kind, path, text


EXAMPLES = list(example_files())


def validator(kind: str) -> jsonschema.Draft202012Validator:
    published = json.loads((ROOT / "schemas" / f"{kind}.schema.json").read_text(encoding="utf-8"))
    jsonschema.Draft202012Validator.check_schema(published)
    return jsonschema.Draft202012Validator(published)


def test_the_generated_files_are_up_to_date():
    assert reference.stale() == [], "run: python -m vankien.reference"


def test_a_changed_schema_makes_the_reference_stale(tmp_path, monkeypatch):
    (tmp_path / "docs/handbook").mkdir(parents=True)
    (tmp_path / "docs/handbook/content-format.md").write_text("# Content files\n", encoding="utf-8")
    for path, text in reference.expected_files(tmp_path).items():
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding="utf-8")
    assert reference.stale(tmp_path) == []
    monkeypatch.setitem(schema.Document.model_fields["place"].json_schema_extra, "description_vi", "nơi khác")
    try:
        schema.Document.model_rebuild(force=True)
        assert tmp_path / "docs/handbook/content-format.md" in reference.stale(tmp_path)
    finally:
        monkeypatch.undo()
        schema.Document.model_rebuild(force=True)
    assert reference.stale(tmp_path) == []


def test_every_field_of_every_file_type_is_in_the_handbook():
    handbook = (ROOT / "docs/handbook/content-format.md").read_text(encoding="utf-8")
    for model, _, _ in schema.FILE_TYPES.values():
        for name, field in getattr(model, "model_fields", {}).items():
            if name != "root":
                assert f"| `{field.alias or name}` |" in handbook


@pytest.mark.parametrize("kind, path, text", EXAMPLES, ids=[str(e[1].relative_to(ROOT)) for e in EXAMPLES])
def test_the_json_schemas_accept_every_example_file(kind, path, text):
    as_editors_read_it = yaml.load(text, Loader=Yaml12Loader)
    as_vankien_reads_it = yamlsafe.plain(yamlsafe.load(text, path.name)[0])
    for data in (as_editors_read_it, as_vankien_reads_it):
        errors = [e.message for e in validator(kind).iter_errors(data)]
        assert errors == []


@pytest.mark.parametrize("kind, path, text", EXAMPLES[:5] + EXAMPLES[-4:], ids=lambda e: getattr(e, "name", None))
def test_the_json_schemas_name_a_mistyped_field(kind, path, text):
    data = yamlsafe.plain(yamlsafe.load(text, path.name)[0])
    typo = "Nmae" if kind == "topics" else "nmae"  # in topics.yaml any id is a topic: an id has no capitals
    data = {"titel" if key == "title" else key: value for key, value in data.items()} | {typo: "x"}
    errors = " ".join(e.message for e in validator(kind).iter_errors(data))
    assert f"'{typo}'" in errors  # the mistyped field is named
    if kind not in ("topics", "organization"):
        assert "'titel'" in errors


REFUSED = [  # (file type, YAML): refused by check and by the JSON Schema alike
    ("document", "kind: congres-report\ntitle: B\nperiod: {year: 2023}\n"),
    ("document", "kind: plan\nperiod: {year: 2023}\n"),
    ("document", "kind: plan\ntitle: B\nperiod: {year: 23}\n"),
    ("document", "kind: plan\ntitle: B\nperiod: {year: 2023}\ntargets:\n  - id: Kết Nạp\n    text: X\n"),
    ("document", "kind: plan\ntitle: B\nperiod: {year: 2023}\ndraft: maybe\n"),
    ("document", "kind: plan\ntitle: B\nperiod: {year: 2023}\nissued: 26/4/2022\n"),
    ("organization", "name: {vi: B}\nlevel: doan-huyen\n"),
    ("organization", "name: {vi: B}\nlevel: chi-doan\nmembers: {count: 1.200, year: 2022}\n"),
    ("topics", "Party Admission: {vi: Kết nạp Đảng}\n"),
    ("config", "title: T\nbase_url: example.org\n"),
    ("translation", "title: T\n"),
]


@pytest.mark.parametrize("kind, text", REFUSED)
def test_check_and_the_json_schema_refuse_the_same_mistakes(kind, text):
    data, _problems = yamlsafe.load(text, "x.yaml")
    model = schema.FILE_TYPES[kind][0]
    outcome = check(model, data, "x.yaml")
    assert outcome.__class__.__name__ == "Rejected"
    assert list(validator(kind).iter_errors(yaml.load(text, Loader=Yaml12Loader)))


def test_vscode_applies_the_schemas_to_the_yaml_files():
    settings = json.loads((ROOT / ".vscode/settings.json").read_text(encoding="utf-8"))["yaml.schemas"]
    covered = set()
    for schema_path, globs in settings.items():
        assert (ROOT / schema_path).exists()
        for pattern in globs:
            covered |= {p.relative_to(ROOT).as_posix() for p in ROOT.glob(pattern.lstrip("/"))}
    yaml_files = {p.relative_to(ROOT).as_posix() for p in [ROOT / "config.yaml", *ROOT.glob("content/**/*.yaml")]}
    assert yaml_files <= covered


def test_every_message_has_its_own_code_and_a_severity():
    catalogue = {
        name: m for module in reference.CATALOGUES for name, m in vars(module).items() if isinstance(m, Message)
    }
    codes = [m.code for m in catalogue.values()]
    assert all(re.fullmatch(r"VK\d{3}", c) and c != "VK000" for c in codes)
    assert len(set(codes)) == len(codes), sorted(c for c in codes if codes.count(c) > 1)
    assert {m.severity for m in catalogue.values()} == {"error", "warning"}


def test_every_problem_a_field_type_raises_is_in_the_catalogue():
    source = (ROOT / "vankien/fieldtypes.py").read_text(encoding="utf-8") + (ROOT / "vankien/schema.py").read_text()
    for name in set(re.findall(r'refuse\(\s*"([A-Z_0-9]+)"', source)) | set(re.findall(r'message="([A-Z_]+)"', source)):
        assert isinstance(getattr(messages, name, None), Message), name


def test_unknown_field_did_you_mean_is_generated_from_the_schema():
    data, _ = yamlsafe.load("kind: plan\ntitle: B\nperiod: {yaer: 2023}\nsignture: x\n", "d.md", line_offset=1)
    outcome = check(schema.Document, data, "d.md")
    found = {(p.line, p.col, p.hint("en")) for p in outcome.problems}
    assert any(line == 4 and "did you mean “year”" in hint for line, _, hint in found), found
    assert any(line == 5 and "did you mean “signature”" in hint for line, _, hint in found), found


def test_every_field_says_what_it_holds_in_both_languages():
    """The hint for a missing field and the handbook's table both read it."""
    seen, models = set(), [m for m, _, _ in schema.FILE_TYPES.values()]
    while models:
        model = models.pop()
        for name, field in getattr(model, "model_fields", {}).items():
            if name == "root":
                continue
            assert field.description and field.json_schema_extra.get("description_vi"), f"{model.__name__}.{name}"
        seen.add(model)
        models += [
            m
            for m in (
                schema.Pair,
                schema.Members,
                schema.Period,
                schema.Measure,
                schema.Target,
                schema.Result,
                schema.ResultTexts,
            )
            if m not in seen and m not in models
        ]
