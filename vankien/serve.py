"""Local preview: build, serve site/ on 127.0.0.1, rebuild and reload the browser on change.

livereload serves pages and pushes reloads; watchfiles notices edits (livereload's own
poller is ~1 s slow and mutes itself after each reload). When the content is invalid
the last good site stays on disk, and every page request shows the problems instead,
in Vietnamese and English, until they are fixed.

The preview is one long-running process and remembers, between saves, what each content file
gave (incremental.Memo): a save reads and checks again only the files watchfiles reported, and
redoes the site-wide checks. A save that changed only documents' bodies renders and writes only
their pages (fastpath.py). Any other save of documents (a title, a target's figure…) renders and
writes the saved documents' own pages first, reloads the browser, then at once renders the pages
that show them (organization, topic and comparison pages, home…; the pages whose inputs changed);
until those are written, a request for any page but the saved documents' waits for them, so that
no page is served out of date without saying so. Any other save renders the pages whose inputs
changed and rewrites only those files, in place (a change to config.yaml, templates/ or static/
renders every page again; one to a folder, a link or a file in an odd place of content/ reads all
of content/ again, as a build does). The open data and the search index catch up just after the
browser has reloaded. Nothing stops the preview: an error of ours shows on the page like a
content error, and the next save rebuilds.

A browser whose page was served before the latest rebuild is told to reload as soon as its
live-reload connection is made (not only when the rebuild ends): a page still connecting when
the rebuild finished would otherwise keep the old text until the next save.
"""

from __future__ import annotations

import gc
import logging
import mimetypes
import sys
import tempfile
import threading
import time
from functools import partial
from pathlib import Path

from vankien import fastpath, incremental, messages, pipeline, preview_web, search, urls
from vankien.errors import BuildFailed, ContentError, summary
from vankien.preview_web import error_page

WATCHED = ("content", "templates", "static", "config.yaml")
WAIT = 120  # seconds a request may wait for the pages a save changes (then it is served as it is)


def is_editor_file(path: str) -> bool:
    """Files that are not content: editor locks, swaps and backups, OS metadata, anything hidden
    (`.#x.vi.md`, `.x.swp`, `x~`, `#x#`, `._x`, `.DS_Store`, `Thumbs.db`, `4913`).
    `path` relative to the project."""
    parts = Path(path).parts
    name = parts[-1] if parts else ""
    return (
        any(part.startswith(".") for part in parts)
        or name.startswith("#")
        or name.endswith(("~", ".swp", ".swx", ".tmp", ".bak"))
        or name in ("Thumbs.db", "desktop.ini", "4913")
    )


class Preview:
    """The state shared by the rebuild thread and the web server."""

    def __init__(self, root: Path):
        self.root = root
        self.output = root / "site"
        self.problems: list[ContentError] = []
        self.lock = threading.Lock()
        self.keys: dict | None = None  # {site path: key} of the site on disk, once built
        self.generation = 0.0  # when the latest rebuild ended (time.monotonic)
        self.served: dict[str, float] = {}  # {page path: when last served}
        self.pending: pipeline.Build | None = None  # a build whose data and index are to catch up
        self.refresher: threading.Thread | None = None
        self.memo = incremental.Memo()  # what each content file gave when last read and checked
        self.published: pipeline.Build | None = None  # the build of the site on disk, with its pages
        self.unpublished: set[str] | None = set()  # project paths changed since; None: unknown
        self.building = threading.Lock()  # one rebuild at a time (the watcher's, the warm-up)
        self.report: list[ContentError] | str | None = None  # what the latest rebuild found, to print
        self.ahead: set[str] | None = None  # while a save's dependent pages are rendered: the site paths up to date
        self.caught_up = threading.Condition(self.lock)  # notified when `ahead` is back to None

    def rebuild(
        self, index_now: bool = True, changed: set[str] | None = None, say: bool = True, reload=None
    ) -> pipeline.Build | None:
        """Build the site (after the first build, only what changed, in place); with
        index_now=False the search index is refreshed by refresh_search. `changed`: the project
        paths saved (None: any may have changed). `reload()` is called once the saved pages are
        written: when the saved documents' own pages were written first (fastpath), before the
        pages that depend on them are, which this then does (the build returned is the whole
        site's). What it found is printed, or with say=False kept for `say` (the watcher reloads
        the browser first). Never raises."""
        with self.building:
            build = self._rebuild(index_now, changed)
            if build is not None and build.ahead is not None:
                if reload is not None:
                    reload()
                    reload = None
                try:
                    build = self._rebuild(index_now, set(), announce=False, fast=False)
                finally:
                    with self.lock:
                        self.ahead = None
                        self.caught_up.notify_all()
        if reload is not None:
            reload()
        if say:
            self.say()
        return build

    def say(self) -> None:
        """Print what the latest rebuild found: its problems, or how long it took."""
        with self.lock:
            report, self.report = self.report, None
        if isinstance(report, list):
            print(summary(report), flush=True)
        elif report:
            print(report, flush=True)

    def warm_up(self) -> None:
        """After a start that found nothing changed (and so made no page list): read, check and
        list the whole site now, writing nothing, so that the first save is as quick as the next."""
        with self.building:
            if self.published is None:
                self._rebuild(False, None, announce=False)
        self.say()

    def _rebuild(
        self, index_now: bool, changed: set[str] | None, announce: bool = True, fast: bool = True
    ) -> pipeline.Build | None:
        """One build; `fast`: through fastpath when it can (the whole site's otherwise)."""
        started = time.perf_counter()
        build = None
        if fast:
            self.memo.counts.clear()
        if changed is None or self.unpublished is None:
            self.unpublished = None
        else:
            self.unpublished |= changed
        since = None if self.published is None or self.unpublished is None else set(self.unpublished)
        try:
            if fast and since is not None and self.published is not None:
                build = fastpath.save(self.published, self.memo, since)
            if build is None:
                build = pipeline.run(
                    self.root, self.output, index_now=index_now, in_place=self.keys, memo=self.memo, changed=since
                )
            if not build.unchanged and build.ahead is None:
                self.published, self.unpublished = build, set()
                _settle(whole=since is None)
            problems = []
        except BuildFailed as failed:
            problems = failed.problems
        except Exception as exc:  # a bug of ours: shown like a content problem, the preview goes on
            problems = [internal_problem(exc)]
        with self.lock:
            self.problems = problems
            if build is not None:
                self.keys = dict(build.keys)
                self.ahead = None if problems else build.ahead
            if announce:
                self.generation = time.monotonic()
        elapsed = time.perf_counter() - started
        with self.lock:
            if problems:
                self.report = problems  # formatted when printed (say)
            elif announce:
                self.report = f"Đã dựng lại / rebuilt in {elapsed * 1000:.0f} ms"
        return build

    def catch_up(self, build: pipeline.Build | None) -> None:
        """Hand `build` to the background thread that refreshes the open data and the search
        index, so the next save is rebuilt at once; only the newest build waiting is refreshed."""
        with self.lock:
            self.pending = build
            if self.refresher is None or not self.refresher.is_alive():
                self.refresher = threading.Thread(target=self._refresh_pending, daemon=True)
                self.refresher.start()

    def _refresh_pending(self) -> None:
        while True:
            with self.lock:
                build, self.pending = self.pending, None
                if build is None:
                    self.refresher = None
                    return
            self.refresh_search(build)

    def refresh_search(self, build: pipeline.Build | None) -> None:
        """Re-index after the browser has reloaded: search catches up a moment later."""
        if build is not None and build.files is not None:
            problems: list = []
            try:
                if build.in_place is not None and not build.unchanged and not build.bodies_only:
                    pipeline.write_data(build)
                    with self.lock:  # only the data files' keys: pages may be newer already
                        self.keys = {
                            **(self.keys or {}),
                            **{p: k for p, k in build.keys.items() if pipeline.is_data(p)},
                        }
                search.refresh_index(self.root, self.output, build.files, problems)
            except Exception as exc:
                problems.append(internal_problem(exc))
            if problems:
                print(summary(problems), flush=True)

    def is_stale(self, url: str) -> bool:
        """Was the page at `url` (as the browser reports it) served before the latest rebuild?"""
        path = "/" + url.split("://", 1)[-1].split("/", 1)[-1].split("?")[0].split("#")[0] if "://" in url else url
        with self.lock:
            served = self.served.get(path)
            return served is not None and served < self.generation

    # -- WSGI ---------------------------------------------------------------------

    def __call__(self, environ, start_response):
        path = environ.get("PATH_INFO", "/")
        is_page = path.endswith(("/", ".html"))
        with self.lock:
            if self._behind(path):  # rendered in a moment (see the module's docstring): wait for it
                self.caught_up.wait_for(lambda: self.ahead is None, timeout=WAIT)
            if is_page:
                self.served[path] = time.monotonic()
            problems = list(self.problems)
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

    def _behind(self, path: str) -> bool:
        """Is the file at `path` (a request's) being brought up to date after a save? Only the
        saved documents' own files are up to date then (`ahead`); static files always are, and
        the search index and open data catch up later by design (module docstring)."""
        if self.ahead is None:
            return False
        relative = path.lstrip("/")
        if relative.startswith(("static/", "pagefind/")) or pipeline.is_data(relative):
            return False
        return urls.output_path(relative) not in self.ahead

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


def _settle(whole: bool) -> None:
    """After a build: what it made to keep (every file's reading and checks, the site, the page
    list: ~440,000 objects at 1,000 documents) is put out of the cyclic garbage collector's sight
    (gc.freeze), so that the full collections a save sets off (0.3 s each at 1,000 documents,
    nearly one a save) look only at what the saves made since. After a build of the whole site
    (`whole`: rare, slow anyway) everything is collected first; after a save, the few cycles it
    left (~500 objects) are frozen with the rest until the next render in worker processes
    unfreezes all (workers.run), when they are collected."""
    if whole:
        gc.unfreeze()
        gc.collect()
    gc.freeze()


def internal_problem(exc: Exception) -> ContentError:
    return ContentError("vankien", 1, 1, messages.TEMPLATE, {"problem": f"{type(exc).__name__}: {exc}"})


def _watch(preview: Preview, loop, reload, ready: threading.Event) -> None:
    import watchfiles

    paths = [preview.root / name for name in WATCHED if (preview.root / name).exists()]
    # The first (empty) yield after a short timeout tells us the watcher is in place, so no
    # save made after the preview starts can be missed.
    while True:
        try:
            for changes in watchfiles.watch(
                *paths,
                watch_filter=lambda change, path: not is_editor_file(_relative(path, preview.root)),
                debounce=40,
                step=20,
                rust_timeout=300,
                yield_on_timeout=True,
            ):
                if not ready.is_set():
                    ready.set()
                if changes:
                    saved = _saved(changes, preview.root)
                    build = preview.rebuild(
                        index_now=False, changed=saved, say=False, reload=partial(loop.add_callback, reload)
                    )
                    preview.say()  # after the reload: 10,000 warnings take a while to print
                    preview.catch_up(build)
        except Exception as exc:  # the watcher itself failed (a folder removed…): start it again
            print(f"theo dõi tệp bị lỗi / watching failed: {type(exc).__name__}: {exc}", file=sys.stderr, flush=True)
            time.sleep(0.5)
            paths = [preview.root / name for name in WATCHED if (preview.root / name).exists()]


def _saved(changes, root: Path) -> set[str] | None:
    """The project paths of watchfiles' `changes` ({(change, absolute path)}); None when one is
    not under `root` as given (a link on the way): then anything may have changed."""
    found = set()
    for _, path in changes:
        try:
            found.add(Path(path).relative_to(root).as_posix())
        except ValueError:
            return None
    return found


def _relative(path: str, root: Path) -> str:
    try:
        return Path(path).relative_to(root).as_posix()
    except ValueError:
        return Path(path).name


def serve(root: Path, host: str = "127.0.0.1", port: int = 8000) -> int:
    """Build once, then serve with live reload until interrupted. 2 when the port is taken."""
    import livereload.server
    from livereload import Server
    from tornado.ioloop import IOLoop

    problem = preview_web.port_problem(host, port)
    if problem:
        print(f"lỗi / error: {problem}", file=sys.stderr)
        return 2
    preview = Preview(root)
    handler = preview_web.reload_handler(preview)
    livereload.server.LiveReloadHandler = handler  # the handler the server registers
    livereload.server.LiveScriptContainer = preview_web.threaded_container()  # the container it answers pages with
    loop = IOLoop.current()
    ready = threading.Event()
    threading.Thread(target=_watch, args=(preview, loop, handler.reload_waiters, ready), daemon=True).start()
    ready.wait(10)
    preview.rebuild()
    threading.Thread(target=preview.warm_up, daemon=True).start()
    server = Server(app=preview)
    quiet = Path(tempfile.mkdtemp(prefix="vankien-serve-")) / "never-changes"
    quiet.write_text("")
    server.watch(str(quiet))  # keeps livereload from polling the whole folder itself
    logging.getLogger("tornado.access").setLevel(logging.WARNING)
    print(f"Xem trước tại / preview at http://{host}:{port}/  (Ctrl+C để dừng / to stop)", flush=True)
    server.serve(port=port, host=host, debug=False, restart_delay=0)
    return 0
