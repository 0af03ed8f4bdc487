"""The preview's save → served page, by kind of save: figures printed, never asserted.

    python -m vankien.bench saves PROJECT [--kind title|figure|body] [--edits 5] [--build BUILD.py]

Starts `build.py serve` on PROJECT (a copy: its documents are edited, then put back), waits for
the site, then saves one document `--edits` times (one save first, not counted, so that the
preview's warm-up is over) and polls, every 5 ms, its page until the edit shows, and then its
organization's page (which lists its title). Between saves it waits for the open data and the
search index to catch up (the server idle, no `.index-*` folder left), so that each save finds a
quiet preview.
Prints each time and the medians, in seconds. `--build`: another checkout's build.py (before and
after a change, each on its own copy of the project: a change of code renders every page again).
"""

from __future__ import annotations

import argparse
import os
import re
import signal
import socket
import statistics
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
NUMBER = re.compile(r"(?<![\d.,/-])(\d{2,3})(?= [^\W\d_])")  # a figure and its unit in a target's text ("78 tỷ")


def edit(text: str, kind: str, number: int) -> tuple[str, str]:
    """(the document's text after the `number`-th edit of `kind`, a string its page then shows)."""
    if kind == "body":
        marker = f"Dauvet{number}x{time.time_ns() % 100000}"
        return text + f"\n\n{marker}\n", marker
    head, sep, rest = text.partition("\n---\n")
    if kind == "title":
        marker = f"Sửa {number} lần {time.time_ns() % 100000}"
        lines = head.split("\n")
        at = next(i for i, line in enumerate(lines) if line.startswith("title: "))
        title = lines[at].removeprefix("title: ").strip().strip('"')
        title = re.sub(r" \(Sửa \d+ lần \d+\)$", "", title)
        lines[at] = f'title: "{title} ({marker})"'
        return "\n".join(lines) + sep + rest, marker
    lines = head.split("\n")
    for at, line in enumerate(lines):
        found = NUMBER.search(line) if line.strip().startswith("text: ") else None
        if found:
            figure = str(100 + (number * 37 + time.time_ns()) % 800)
            changed = line[: found.start()] + figure + line[found.end() :]
            lines[at] = changed
            words = changed[changed.index("text: ") + 6 :].strip('"')
            start = max(0, words.find(figure) - 12)
            return "\n".join(lines) + sep + rest, words[start : words.find(figure) + len(figure) + 8]
    raise ValueError("no target with a plain figure in this document")


def _get(url: str) -> str:
    try:
        return urllib.request.urlopen(url, timeout=5).read().decode("utf-8")
    except OSError:
        return ""


def _wait_for(url: str, marker: str, started: float, limit: float = 120) -> float:
    while time.perf_counter() - started < limit:
        if marker in _get(url):
            return time.perf_counter() - started
        time.sleep(0.005)
    return float("nan")


def _quiet(project: Path, server: int, limit: float = 600) -> None:
    """Until the preview is idle: the search index has caught up (refresh_index works in a
    `.index-*` folder) and the server process (pid `server`) used no CPU for a second (the open
    data is written before the index starts)."""
    deadline = time.monotonic() + limit
    used, idle = _cpu(server), 0
    while time.monotonic() < deadline and idle < 4:
        time.sleep(0.25)
        now = _cpu(server)
        idle = idle + 1 if now - used < 0.02 and not any(project.glob(".index-*")) else 0
        used = now


def _cpu(pid: int) -> float:
    """Seconds of CPU the process has used so far (0 when it is gone)."""
    try:
        fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
    except OSError:
        return 0.0
    return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")


def measure(
    project: Path, kind: str, edits: int, document: int = 3, build: Path = ROOT / "build.py"
) -> list[tuple[float, float]]:
    """[(seconds to the edited page, seconds to its organization's page)] for `edits` saves."""
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    server = subprocess.Popen(
        [sys.executable, str(build), "--root", str(project), "serve", "--port", str(port)],
        stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, env={**os.environ, "CI": "1"}, start_new_session=True,
    )  # fmt: skip
    candidates = sorted((project / "content/documents").glob("*/*.vi.md"))
    source = candidates[document]
    if kind == "figure":
        source = next(p for p in candidates[document:] if _has_figure(p.read_text(encoding="utf-8")))
    org, name = source.parent.name, source.name.removesuffix(".vi.md")
    base = f"http://127.0.0.1:{port}/"
    page, org_page = f"{base}{org}/{name}/", f"{base}{org}/"
    original = source.read_text(encoding="utf-8")
    times = []
    try:
        started = time.perf_counter()
        _wait_for(page, "<", started, 900)
        print(f"served after {time.perf_counter() - started:.1f} s: {page}", flush=True)
        for number in range(edits + 1):
            _quiet(project, server.pid)
            text, marker = edit(original, kind, number)
            _write(source, text)
            started = time.perf_counter()
            own = _wait_for(page, marker, started)
            listed = _wait_for(org_page, marker, started) if kind == "title" else float("nan")
            if number:
                times.append((own, listed))
                print(f"{kind} save {number}: page {own:.3f} s, organization page {listed:.3f} s", flush=True)
    finally:
        _write(source, original)
        _quiet(project, server.pid)
        os.killpg(server.pid, signal.SIGTERM)
        server.wait(30)
    return times


def _write(path: Path, text: str) -> None:
    """Save as most editors do, whole (a new file renamed over the old one): a file caught half
    written by the watcher on a loaded machine would time the error and its repair."""
    temporary = path.with_name(f".{path.name}.saving")
    temporary.write_text(text, encoding="utf-8")
    os.replace(temporary, path)


def _has_figure(text: str) -> bool:
    head = text.partition("\n---\n")[0]
    return any(NUMBER.search(line) for line in head.split("\n") if line.strip().startswith("text: "))


def main() -> None:
    parser = argparse.ArgumentParser(prog="python -m vankien.bench saves")
    parser.add_argument("project", type=Path)
    parser.add_argument("--kind", choices=("title", "figure", "body"), default="title")
    parser.add_argument("--edits", type=int, default=5)
    parser.add_argument("--build", type=Path, default=ROOT / "build.py")
    arguments = parser.parse_args(sys.argv[2:])
    times = measure(arguments.project.resolve(), arguments.kind, arguments.edits, build=arguments.build.resolve())
    print(
        f"median {arguments.kind} save → served: page {statistics.median(t[0] for t in times):.3f} s, "
        f"organization page {statistics.median(t[1] for t in times):.3f} s",
        flush=True,
    )
