"""Shared fixtures: tiny inline sites, the example site built once, a local server."""

from __future__ import annotations

import functools
import http.server
import shutil
import subprocess
import sys
import threading
from pathlib import Path

import pytest
from playwright import sync_api

from vankien import pipeline
from vankien.bench.browser import CHROMIUM, CHROMIUM_ARGS

ROOT = Path(__file__).resolve().parent.parent
SEEDS = ROOT / "tests" / "fixtures" / "seeds"  # plain-text exports of three real Word documents

MINIMAL_FILES = {
    "config.yaml": "title: {vi: Thử, en: Test}\nbase_url: https://example.org/\n",
    "content/topics.yaml": "party-admission:\n  vi: Kết nạp Đảng\n  en: Party admission\n",
    "content/organizations/doan-a.yaml": "name: {vi: Đoàn A, en: Union A}\nlevel: doan-co-so\n",
    "content/documents/doan-a/dai-hoi.vi.md": (
        "---\nkind: congress-report\ntitle: Báo cáo thử\nperiod: {term: II, from: 2022, to: 2027}\n"
        "targets:\n  - id: ket-nap-dang\n    topic: party-admission\n    text: Ít nhất 05 đoàn viên được kết nạp Đảng\n"
        "---\n## I. PHẦN MỘT\n\nNội dung.\n"
    ),
}


def make_site(tmp_path: Path, files: dict[str, str | bytes] | None = None, minimal: bool = True) -> Path:
    """A project folder holding `files` (over a minimal valid site unless minimal=False),
    with the real templates, static files and fonts."""
    root = tmp_path / "project"
    root.mkdir(parents=True, exist_ok=True)
    shutil.copytree(ROOT / "templates", root / "templates", dirs_exist_ok=True)
    shutil.copytree(ROOT / "static", root / "static", dirs_exist_ok=True)
    if not (root / "node_modules").exists():
        (root / "node_modules").symlink_to(ROOT / "node_modules")
    for name, text in {**(MINIMAL_FILES if minimal else {}), **(files or {})}.items():
        path = root / name
        if text is None:
            path.unlink(missing_ok=True)
            continue
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_bytes(text if isinstance(text, bytes) else text.encode("utf-8"))
    return root


def run_cli(root: Path, *args: str) -> subprocess.CompletedProcess:
    """`python build.py --root ROOT ARGS…` as an editor would run it."""
    return subprocess.run(
        [sys.executable, str(ROOT / "build.py"), "--root", str(root), *args], capture_output=True, text=True, cwd=ROOT
    )


@pytest.fixture
def site_factory(tmp_path):
    return functools.partial(make_site, tmp_path)


@pytest.fixture(scope="session")
def example_site(tmp_path_factory) -> Path:
    """The example content of the repository, built once into a temporary folder."""
    output = tmp_path_factory.mktemp("example") / "site"
    pipeline.run(ROOT, output)
    return output


class _QuietHandler(http.server.SimpleHTTPRequestHandler):
    def log_message(self, *args):
        pass


@pytest.fixture(scope="session")
def served_site(example_site):
    """The example site over HTTP on 127.0.0.1; yields its base URL."""
    handler = functools.partial(_QuietHandler, directory=str(example_site))
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{server.server_address[1]}/"
    server.shutdown()


@pytest.fixture(scope="module")
def browser():
    """Debian's Chromium, headless, once per test module."""
    assert Path(CHROMIUM).exists(), (
        f"Chromium not found at {CHROMIUM}: `make test` installs it (apt-get install chromium)"
    )
    with sync_api.sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        yield browser
        browser.close()
