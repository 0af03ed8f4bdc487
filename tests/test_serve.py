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
from vankien.serve import is_editor_file

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


def test_a_busy_port_is_said_plainly_before_any_address_is_announced(site_factory):
    # shared case site/serve-port-in-use
    root = site_factory()
    with socket.socket() as busy:
        busy.bind(("127.0.0.1", 0))
        busy.listen()
        port = busy.getsockname()[1]
        completed = subprocess.run(
            [sys.executable, str(ROOT / "build.py"), "--root", str(root), "serve", "--port", str(port)],
            capture_output=True,
            text=True,
            timeout=120,
        )
    assert completed.returncode == 2
    assert f"port {port} is in use" in completed.stderr and "--port " in completed.stderr
    assert "preview at" not in completed.stdout and "internal error" not in completed.stderr


@pytest.mark.parametrize(
    "path, skipped",
    [
        ("content/documents/doan-a/.#dai-hoi.vi.md", True),  # Emacs lock (a dangling symlink)
        ("content/documents/doan-a/.dai-hoi.vi.md.swp", True),  # Vim swap
        ("content/documents/doan-a/dai-hoi.vi.md~", True),  # backup
        ("content/documents/doan-a/#dai-hoi.vi.md#", True),  # Emacs auto-save
        ("content/organizations/._doan-a.yaml", True),  # macOS metadata
        ("content/.DS_Store", True),
        ("content/documents/doan-a/Thumbs.db", True),
        ("content/.git/HEAD", True),
        ("content/documents/doan-a/dai-hoi.vi.md", False),
        ("config.yaml", False),
        ("templates/base.html", False),
    ],
)
def test_the_watcher_ignores_files_that_are_not_content(path, skipped):
    assert is_editor_file(path) is skipped


def test_an_editor_lock_file_does_not_stop_the_preview(preview):
    # shared case site/emacs-lockfile: the lock appears, another file is saved, the lock goes
    root, base = preview
    path = root / DOC
    good = path.read_text(encoding="utf-8")
    lock = path.with_name(".#" + path.name)
    lock.symlink_to("editor@host.12345:1700000000")
    path.write_text(good.replace("Nội dung.", "Lần sửa thứ nhất."), encoding="utf-8")
    wait_for(lambda: "Lần sửa thứ nhất." in fetch(base + "doan-a/dai-hoi/")[1] or fetch(base)[0] == 500, 30)
    lock.unlink()
    path.write_text(good.replace("Nội dung.", "Lần sửa thứ hai."), encoding="utf-8")
    wait_for(lambda: "Lần sửa thứ hai." in fetch(base + "doan-a/dai-hoi/")[1], 30)


def test_a_page_served_before_the_latest_rebuild_is_stale_when_it_connects(site_factory):
    # The flaky reload: a browser whose live-reload connection was not yet made when the rebuild
    # finished missed the reload; it is now reloaded when it connects, if its page is older.
    from vankien.serve import Preview

    preview = Preview(site_factory())
    preview.rebuild(index_now=False)
    start_response = lambda status, headers: None  # noqa: E731
    preview({"PATH_INFO": "/doan-a/dai-hoi/"}, start_response)
    assert not preview.is_stale("http://127.0.0.1:8000/doan-a/dai-hoi/")
    preview.rebuild(index_now=False)
    assert preview.is_stale("http://127.0.0.1:8000/doan-a/dai-hoi/")
    assert not preview.is_stale("http://127.0.0.1:8000/doan-a/")  # never served: nothing to reload
    preview({"PATH_INFO": "/doan-a/dai-hoi/"}, start_response)
    assert not preview.is_stale("http://127.0.0.1:8000/doan-a/dai-hoi/")


def test_the_preview_survives_an_internal_error_and_rebuilds_on_the_next_save(site_factory, monkeypatch):
    from vankien import pipeline
    from vankien.serve import Preview

    preview = Preview(site_factory())
    real = pipeline.run
    monkeypatch.setattr(pipeline, "run", lambda *a, **k: (_ for _ in ()).throw(RuntimeError("bug of ours")))
    assert preview.rebuild() is None
    status = []
    body = b"".join(preview({"PATH_INFO": "/doan-a/dai-hoi/"}, lambda s, h: status.append(s)))
    assert status[0].startswith("500") and b"bug of ours" in body
    monkeypatch.setattr(pipeline, "run", real)
    assert preview.rebuild() is not None and preview.problems == []
