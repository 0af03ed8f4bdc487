"""Any bytes an editor (or an attacker) can put in a content file give a site or clear
problems — never a traceback — and whatever `check` accepts, the build renders.

A seeded random mutation fuzzer over the minimal site's files (no extra dependency): each
mutation inserts, deletes or repeats characters and lines chosen from what breaks YAML and
Markdown (quotes, brackets, colons, indentation, anchors, controls, huge numbers, long words)."""

import random

import pytest

from tests.conftest import MINIMAL_FILES
from vankien import pipeline
from vankien.errors import BuildFailed

PIECES = [
    '"',
    "'",
    "[",
    "]",
    "{",
    "}",
    ":",
    ": ",
    "- ",
    "\n",
    "\n  ",
    "\t",
    "&a ",
    "*a",
    "<<: ",
    "!!python/object ",
    "---\n",
    "#",
    "|",
    ">",
    "~",
    "null",
    "true",
    "\x00",
    "\x07",
    "\x1b",
    "\x85",
    "\u2028",
    "\ufeff",
    "\ufffd",
    "²",
    "٣",
    "1.200",
    "2,5",
    "9" * 26,
    "x" * 300,
    "kind: plan\n",
    "title:\n",
    "period: {year: 2023}\n",
    "targets:\n  - id: a\n",
    "    text: 05 đoàn viên\n",
    "    measure: 9\n",
    "topic: khong-co\n",
    "[[targets]]\n",
    "[[results]]\n",
    "Đ",
    "ạ",
    "e\u0301",
]
MUTABLE = ["content/documents/doan-a/dai-hoi.vi.md", "content/organizations/doan-a.yaml", "content/topics.yaml"]


def mutate(text: str, rng: random.Random) -> str:
    for _ in range(rng.randint(1, 4)):
        at = rng.randint(0, len(text))
        action = rng.random()
        if action < 0.6:
            text = text[:at] + rng.choice(PIECES) + text[at:]
        elif action < 0.8:
            text = text[:at] + text[at + rng.randint(1, 20) :]
        else:
            lines = text.split("\n")
            n = rng.randrange(len(lines))
            lines.insert(n, lines[n])
            text = "\n".join(lines)
    return text


CASES = 60


@pytest.mark.parametrize("seed", range(CASES))
def test_mutated_content_gives_a_site_or_clear_problems(site_factory, tmp_path, seed):
    rng = random.Random(seed)
    name = MUTABLE[seed % len(MUTABLE)]
    root = site_factory({name: mutate(MINIMAL_FILES[name], rng)})
    try:
        pipeline.run(root, stages=pipeline.CHECK_STAGES)
    except BuildFailed as failed:
        assert failed.problems
        for problem in failed.problems:
            assert problem.line >= 1 and problem.col >= 1 and problem.code.startswith("VK")
            assert problem.format()  # every message fills its parameters
        return
    # check accepted it: the build must render it too (written to a scratch folder)
    pipeline.run(root, tmp_path / "out", index_now=False)
