"""Local preview: build, serve site/ on 127.0.0.1, rebuild and reload the browser on change.

livereload serves pages and pushes reloads; watchfiles notices edits (livereload's own
poller is ~1 s slow and mutes itself after each reload). When the content is invalid
the last good site stays on disk, and every page request shows the problems instead,
in Vietnamese and English, until they are fixed.
"""

from __future__ import annotations

import html
import logging
import mimetypes
import tempfile
import threading
import time
from pathlib import Path

from vankien import pipeline, search
from vankien.errors import BuildFailed, ContentError, summary

WATCHED = ("content", "templates", "static", "config.yaml")


class Preview:
    """The state shared by the rebuild thread and the web server."""

    def __init__(self, root: Path):
        self.root = root
        self.output = root / "site"
        self.problems: list[ContentError] = []
        self.lock = threading.Lock()

    def rebuild(self, index_now: bool = True) -> pipeline.Build | None:
        """Build the site; with index_now=False the search index is refreshed by refresh_search."""
        started = time.perf_counter()
        build = None
        try:
            build = pipeline.run(self.root, self.output, index_now=index_now)
            problems = []
        except BuildFailed as failed:
            problems = failed.problems
        with self.lock:
            self.problems = problems
        elapsed = time.perf_counter() - started
        if problems:
            print(summary(problems), flush=True)
        else:
            print(f"Đã dựng lại / rebuilt in {elapsed * 1000:.0f} ms", flush=True)
        return build

    def refresh_search(self, build: pipeline.Build | None) -> None:
        """Re-index after the browser has reloaded: search catches up a moment later."""
        if build is not None:
            problems: list = []
            search.refresh_index(self.root, self.output, build.files, problems)
            if problems:
                print(summary(problems), flush=True)

    # -- WSGI ---------------------------------------------------------------------

    def __call__(self, environ, start_response):
        path = environ.get("PATH_INFO", "/")
        with self.lock:
            problems = list(self.problems)
        is_page = path.endswith(("/", ".html"))
        if problems and is_page:
            return self._respond(
                start_response,
                "500 Content Error",
                "text/html; charset=utf-8",
                error_page(problems, self.root).encode("utf-8"),
            )
        file = self._resolve(path)
        if file is None:
            missing = self.output / "404.html"
            body = missing.read_bytes() if missing.exists() else b"<html><head></head><body>404</body></html>"
            return self._respond(start_response, "404 Not Found", "text/html; charset=utf-8", body)
        kind = mimetypes.guess_type(file.name)[0] or "application/octet-stream"
        if kind.startswith("text/") or kind in ("application/javascript", "application/json"):
            kind += "; charset=utf-8"
        return self._respond(start_response, "200 OK", kind, file.read_bytes())

    def _resolve(self, path: str) -> Path | None:
        relative = path.lstrip("/")
        candidate = (self.output / relative).resolve()
        site = self.output.resolve()
        if candidate != site and site not in candidate.parents:
            return None
        if candidate.is_dir():
            candidate = candidate / "index.html"
        return candidate if candidate.is_file() else None

    @staticmethod
    def _respond(start_response, status, kind, body: bytes):
        start_response(
            status, [("Content-Type", kind), ("Content-Length", str(len(body))), ("Cache-Control", "no-store")]
        )
        return [body]


def error_page(problems: list[ContentError], root: Path) -> str:
    """A page listing every problem with its source line, in both languages."""
    items = []
    for problem in sorted(problems, key=ContentError.sort_key):
        source = _source_line(root / problem.path, problem.line)
        number = f"{problem.line:>4} "
        excerpt = (
            (
                f'<pre><span class="ln">{number}</span>{html.escape(source)}\n'
                f"{' ' * len(number)}{' ' * max(problem.col - 1, 0)}^</pre>"
            )
            if source is not None
            else ""
        )
        items.append(
            f'<li><p class="where">{html.escape(problem.location)}</p>'
            f"<p><strong>{html.escape(problem.text('vi'))}</strong><br>"
            f'<span lang="en">{html.escape(problem.text("en"))}</span></p>'
            f"{excerpt}"
            f'<p class="hint">Gợi ý: {html.escape(problem.hint("vi"))}<br>'
            f'<span lang="en">Hint: {html.escape(problem.hint("en"))}</span></p></li>'
        )
    count = len(problems)
    return f"""<!doctype html>
<html lang="vi"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>{count} lỗi nội dung — vankien</title>
<style>
body{{font:16px/1.5 system-ui,sans-serif;margin:0;background:#fff5f4;color:#2a1411}}
header{{background:#b3261e;color:#fff;padding:1rem 1.2rem}} h1{{margin:0;font-size:1.3rem}}
main{{padding:1rem 1.2rem;max-width:60rem}} ol{{padding-left:1.2rem}} li{{margin:0 0 1.4rem}}
.where{{font-family:ui-monospace,monospace;font-weight:700;margin:0}} .hint{{color:#5b3a36}}
pre{{background:#fff;border:1px solid #e7bdb8;padding:.6rem;overflow-x:auto;white-space:pre}} .ln{{color:#999}}
</style></head>
<body><header><h1>{count} lỗi trong nội dung — trang chưa được cập nhật</h1>
<p lang="en" style="margin:.3rem 0 0">{count} problem(s) in the content — the site was not updated</p></header>
<main><p>Sửa các lỗi dưới đây rồi lưu tệp: trang sẽ tự tải lại.
<span lang="en">Fix them and save: this page reloads by itself.</span></p>
<ol>{"".join(items)}</ol></main></body></html>
"""


def _source_line(path: Path, line: int) -> str | None:
    try:
        lines = path.read_text(encoding="utf-8", errors="replace").split("\n")
    except OSError:
        return None
    return lines[line - 1] if 0 < line <= len(lines) else None


def _watch(preview: Preview, loop, reload, ready: threading.Event) -> None:
    import watchfiles

    paths = [preview.root / name for name in WATCHED if (preview.root / name).exists()]
    # The first (empty) yield after a short timeout tells us the watcher is in place, so no
    # save made after the preview starts can be missed.
    for changes in watchfiles.watch(*paths, debounce=40, step=20, rust_timeout=300, yield_on_timeout=True):
        if not ready.is_set():
            ready.set()
        if changes:
            build = preview.rebuild(index_now=False)
            loop.add_callback(reload)
            preview.refresh_search(build)


def serve(root: Path, host: str = "127.0.0.1", port: int = 8000) -> int:
    """Build once, then serve with live reload until interrupted."""
    from livereload import Server
    from livereload.handlers import LiveReloadHandler
    from tornado.ioloop import IOLoop

    preview = Preview(root)
    loop = IOLoop.current()
    ready = threading.Event()
    threading.Thread(target=_watch, args=(preview, loop, LiveReloadHandler.reload_waiters, ready), daemon=True).start()
    ready.wait(10)
    preview.rebuild()
    server = Server(app=preview)
    quiet = Path(tempfile.mkdtemp(prefix="vankien-serve-")) / "never-changes"
    quiet.write_text("")
    server.watch(str(quiet))  # keeps livereload from polling the whole folder itself
    logging.getLogger("tornado.access").setLevel(logging.WARNING)
    print(f"Xem trước tại / preview at http://{host}:{port}/  (Ctrl+C để dừng / to stop)", flush=True)
    server.serve(port=port, host=host, debug=False, restart_delay=0)
    return 0
