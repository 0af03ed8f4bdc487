"""The editor's preview: it rebuilds on save and shows content errors in the browser."""

from __future__ import annotations

import socket
import subprocess
import sys
import time
import urllib.error
import urllib.request

import pytest

from tests.conftest import ROOT

DOC = "content/documents/doan-a/dai-hoi.vi.md"


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def fetch(url: str) -> tuple[int, str]:
    try:
        with urllib.request.urlopen(url, timeout=5) as response:
            return response.status, response.read().decode("utf-8")
    except urllib.error.HTTPError as error:
        return error.code, error.read().decode("utf-8")


def wait_for(predicate, seconds: float = 10.0):
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        value = predicate()
        if value:
            return value
        time.sleep(0.05)
    raise AssertionError("timed out")


@pytest.fixture
def preview(site_factory):
    root = site_factory()
    port = free_port()
    process = subprocess.Popen(
        [sys.executable, str(ROOT / "build.py"), "--root", str(root), "serve", "--port", str(port)],
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
        text=True,
    )
    base = f"http://127.0.0.1:{port}/"

    def up():
        try:
            return fetch(base)[0] == 200
        except OSError:
            return False

    try:
        wait_for(up, 20)
        yield root, base
    finally:
        process.terminate()
        process.wait(5)


def test_preview_serves_pages_with_live_reload_and_rebuilds_on_save(preview):
    root, base = preview
    status, html = fetch(base + "doan-a/dai-hoi/")
    assert status == 200 and "Nội dung." in html and "livereload.js" in html
    path = root / DOC
    path.write_text(path.read_text(encoding="utf-8").replace("Nội dung.", "Đoạn vừa sửa."), encoding="utf-8")
    wait_for(lambda: "Đoạn vừa sửa." in fetch(base + "doan-a/dai-hoi/")[1])


def test_preview_shows_content_errors_then_recovers(preview):
    root, base = preview
    path = root / DOC
    good = path.read_text(encoding="utf-8")
    path.write_text(good.replace("kind: congress-report", "kind: bao-cao"), encoding="utf-8")
    _status, html = wait_for(lambda: (r := fetch(base + "doan-a/dai-hoi/"))[0] == 500 and r)
    assert f"{DOC}:2:7" in html
    assert "không phải giá trị hợp lệ" in html and "is not a valid value" in html
    assert "kind: bao-cao" in html  # the offending source line is quoted
    assert "livereload.js" in html  # so the page reloads by itself once fixed
    path.write_text(good, encoding="utf-8")
    wait_for(lambda: fetch(base + "doan-a/dai-hoi/")[0] == 200)


def test_error_page_points_the_caret_at_the_column(site_factory):
    from vankien import pipeline
    from vankien.errors import BuildFailed
    from vankien.serve import error_page

    root = site_factory({DOC: "---\nkind: plan\ntitle: B\nperiod: {year: 2023}\nissued: 2022-13-01\n---\nX\n"})
    with pytest.raises(BuildFailed) as failed:
        pipeline.run(root, stages=pipeline.CHECK_STAGES)
    page = error_page(failed.value.problems, root)
    source, caret = page.split("<pre>", 1)[1].split("</pre>", 1)[0].split("\n")
    source = source.replace('<span class="ln">', "").replace("</span>", "")
    assert source[caret.index("^") :].startswith("2022-13-01")
