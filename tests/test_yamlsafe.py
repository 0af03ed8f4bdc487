"""The content YAML loader: text stays text, positions are kept, duplicates are errors."""

import pytest

from vankien import yamlsafe

KEEPS_TEXT = [
    ("count: 05", "05"),  # YAML 1.1 would give 5 and lose the leading zero
    ("answer: no", "no"),  # … False
    ("time: 12:30", "12:30"),  # … 750 (sexagesimal)
    ("date: 2022-04-26", "2022-04-26"),  # … a date object
    ("ratio: 2,5", "2,5"),
    ("big: 10.000", "10.000"),  # … the float 10.0
    ("term: VI", "VI"),
    ("flag: yes", "yes"),
    ("version: 1.10", "1.10"),
    ("octal: 0o17", "0o17"),
]


@pytest.mark.parametrize("source, expected", KEEPS_TEXT)
def test_scalars_stay_text(source, expected):
    value, problems = yamlsafe.load(source, "t.yaml")
    assert problems == []
    assert yamlsafe.plain(value) == {source.split(":")[0]: expected}


@pytest.mark.parametrize(
    "source, expected", [("a: true", True), ("a: false", False), ("a: null", None), ("a:", None), ("a: ~", None)]
)
def test_only_true_false_null_are_not_text(source, expected):
    value, _ = yamlsafe.load(source, "t.yaml")
    assert yamlsafe.plain(value)["a"] is expected


def test_every_value_knows_its_line_and_column():
    value, _ = yamlsafe.load("a: 1\nlist:\n  - x\n  - {id: y}\n", "t.yaml", line_offset=1)
    assert (value["a"].line, value["a"].col) == (2, 4)
    assert (value["list"][1]["id"].line, value["list"][1]["id"].col) == (5, 10)
    assert value.key_pos["list"] == (3, 1)


def test_duplicate_key_is_reported_at_the_second_occurrence():
    _, problems = yamlsafe.load("title: A\nkind: plan\ntitle: B\n", "doc.md")
    assert [(p.line, p.col, p.params["key"], p.params["first"]) for p in problems] == [(3, 1, "title", 1)]


def test_syntax_error_points_at_the_line():
    value, problems = yamlsafe.load("a: [1, 2\nb: c\n", "t.yaml", line_offset=1)
    assert value is None
    assert problems[0].line in (2, 3) and "YAML" in problems[0].text("en")
