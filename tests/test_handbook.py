"""The editors' handbook builds cleanly, offline, and says what the tool really does."""

from __future__ import annotations

import os
import re
import subprocess
import sys

from tests.conftest import ROOT
from vankien import messages


def test_handbook_builds_strictly_without_outside_requests(tmp_path):
    result = subprocess.run(
        [
            sys.executable,
            "-m",
            "mkdocs",
            "build",
            "--strict",
            "-f",
            str(ROOT / "docs/mkdocs.yml"),
            "-d",
            str(tmp_path / "handbook"),
        ],
        capture_output=True,
        text=True,
        env={**os.environ, "NO_MKDOCS_2_WARNING": "1"},
    )
    assert result.returncode == 0, result.stderr
    index = (tmp_path / "handbook/index.html").read_text(encoding="utf-8")
    assert "Sổ tay biên tập viên" in index and "build.py serve" in index
    for page in (tmp_path / "handbook").rglob("*.html"):
        html = page.read_text(encoding="utf-8")
        assert not re.search(r'<(?:link|script)[^>]+(?:href|src)="https?://', html), page


def test_handbook_error_example_is_the_real_message():
    page = (ROOT / "docs/handbook/loi.md").read_text(encoding="utf-8")
    date = messages.BAD_DATE
    assert date.vi.format(value="2022-13-01") in page and date.hint_vi in page
