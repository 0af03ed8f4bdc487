"""The preview's web side (serve.py): the page that shows the content's problems, the port
check, and what livereload is given — its reload handler, and a container that answers each
request in a thread of its own."""

from __future__ import annotations

import contextlib
import errno
import html
import socket
from pathlib import Path

from vankien.errors import ContentError


def error_page(problems: list[ContentError], root: Path) -> str:
    """A page listing every problem with its source line, in both languages."""
    items: list[str] = []
    read: dict[Path, list[str] | None] = {}
    for problem in sorted(problems, key=ContentError.sort_key):
        source = _source_line(root / problem.path, problem.line, read)
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


def _source_line(path: Path, line: int, read: dict[Path, list[str] | None]) -> str | None:
    """Line `line` of `path` (files read once per page: `read`, {path: lines or None})."""
    if path not in read:
        try:
            read[path] = path.read_text(encoding="utf-8", errors="replace").split("\n")
        except OSError:
            read[path] = None
    lines = read[path]
    return lines[line - 1] if lines is not None and 0 < line <= len(lines) else None


def port_problem(host: str, port: int) -> str | None:
    """A plain message when `host:port` cannot be listened on, naming a free port to use instead."""
    try:
        with socket.socket(socket.AF_INET6 if ":" in host else socket.AF_INET) as probe:
            probe.bind((host, port))
    except OSError as exc:
        if exc.errno != errno.EADDRINUSE:
            return f"không mở được / cannot listen on {host}:{port}: {exc.strerror}"
        free = next((p for p in range(port + 1, port + 50) if _free(host, p)), None)
        hint = f" — dùng / use --port {free}" if free else ""
        return f"cổng {port} đang được dùng / port {port} is in use{hint}"
    return None


def _free(host: str, port: int) -> bool:
    try:
        with socket.socket(socket.AF_INET6 if ":" in host else socket.AF_INET) as probe:
            probe.bind((host, port))
        return True
    except OSError:
        return False


def reload_handler(preview):
    """livereload's handler, also reloading a page served before the latest rebuild the
    moment it connects (see serve.py's docstring); `preview`: serve.Preview."""
    from livereload.handlers import LiveReloadHandler
    from tornado import escape

    class PreviewReloadHandler(LiveReloadHandler):
        def on_message(self, message):
            super().on_message(message)
            data = escape.json_decode(message)
            if data.get("command") == "info" and preview.is_stale(str(data.get("url", ""))):
                self.send_message({"command": "reload", "path": "*", "liveCSS": False, "liveImg": True})

    return PreviewReloadHandler


def threaded_container():
    """livereload's WSGI container, answering each request in a thread of its own instead of on
    the server's event loop: a request waiting for the pages a save is still rendering (see
    Preview.__call__) holds up neither the other requests (the saved page, its styles) nor the
    reloads. The answer is written on the event loop, by livereload's own container."""
    from concurrent.futures import ThreadPoolExecutor

    from livereload.server import LiveScriptContainer
    from tornado.ioloop import IOLoop
    from tornado.wsgi import WSGIContainer

    pool = ThreadPoolExecutor(8, thread_name_prefix="vankien-request")

    class ThreadedContainer(LiveScriptContainer):
        def __call__(self, request):
            loop, app, script = IOLoop.current(), self.wsgi_app, self.script
            environ = WSGIContainer(app).environ(request)

            def answer() -> None:
                said: list = []
                try:
                    body = b"".join(app(environ, lambda status, headers, exc_info=None: said.extend((status, headers))))
                except Exception as exc:  # Preview never raises; this is the last resort
                    said[:] = ["500 Internal Server Error", [("Content-Type", "text/plain; charset=utf-8")]]
                    body = f"{type(exc).__name__}: {exc}".encode()

                def canned(_environ, start_response):
                    start_response(*said)
                    return [body]

                loop.add_callback(_write, LiveScriptContainer(canned, script), request)

            pool.submit(answer)

    return ThreadedContainer


def _write(container, request) -> None:
    with contextlib.suppress(Exception):  # the browser went away meanwhile
        container(request)
