"""Benchmarks: figures printed, never asserted. `python -m vankien.bench search [--site DIR]`

search: index size per language, indexing time, and the bytes a reader's browser fetches
for a query and its first five results (Chromium, cold cache, search page excluded).
"""

from __future__ import annotations

import argparse
import time
from pathlib import Path
from urllib.parse import quote

from vankien import pipeline, search
from vankien.bench.browser import CHROMIUM, CHROMIUM_ARGS, serve

QUERIES = ("doan vien", "ket nap dang", "Binh Tan", "Ha Huy Tap", "ho boi")


def _size(path: Path) -> int:
    return sum(p.stat().st_size for p in path.rglob("*") if p.is_file())


def kind_of(url: str) -> str:
    """What a file of the search bundle is, for the table of bytes per query."""
    path = url.split("?", 1)[0].split("/pagefind/", 1)[-1]
    name = path.rsplit("/", 1)[-1]
    folders = {"fragment": "fragments", "index": "index chunks", "filter": "filters"}
    if "/" in path:
        return folders.get(path.split("/", 1)[0], path.split("/", 1)[0])
    if name.startswith("vankien-words."):
        return "word list (vankien-words)"
    if name.startswith("vankien."):
        return "names and facets (vankien)"
    if name.endswith(".pf_meta"):
        return "index meta (pf_meta)"
    if name.startswith("wasm."):
        return "wasm"
    return name


def bytes_per_query(base: str, queries=QUERIES, by_kind: dict | None = None) -> dict[str, tuple[int, int]]:
    """{query: (bytes fetched from the index, results)} with a cold cache for each query;
    `by_kind`, if given, is filled with {query: {kind of file: (files, bytes)}} (see kind_of)."""
    from playwright.sync_api import Request, sync_playwright

    figures = {}
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        for query in queries:
            context = browser.new_context()
            page = context.new_page()
            fetched: list[Request] = []

            def keep(request: Request, fetched: list[Request] = fetched) -> None:
                if "/pagefind/" in request.url:
                    fetched.append(request)

            page.on("requestfinished", keep)
            page.goto(f"{base}search/?q={quote(query)}")
            page.wait_for_function("() => document.getElementById('search-status').textContent.length > 0")
            page.wait_for_load_state("networkidle")
            sizes = [(r.url, r.sizes()["responseBodySize"] + r.sizes()["responseHeadersSize"]) for r in fetched]
            figures[query] = (sum(size for _, size in sizes), page.locator(".search-result").count())
            if by_kind is not None:
                kinds: dict[str, tuple[int, int]] = {}
                for url, size in sizes:
                    files, total = kinds.get(kind_of(url), (0, 0))
                    kinds[kind_of(url)] = (files + 1, total + size)
                by_kind[query] = kinds
            context.close()
        browser.close()
    return figures


def bench_search(root: Path, site: Path | None) -> None:
    if site is None:
        started = time.perf_counter()
        build = pipeline.run(root)
        site = build.output
        print(
            f"build {time.perf_counter() - started:.2f} s, of which search index {build.timings.get('index', 0):.2f} s"
        )
    bundle = site / search.BUNDLE
    print(f"index: {_size(bundle) / 1024:.0f} KB in {bundle}")
    for index in sorted((bundle / "index").glob("*")) if (bundle / "index").exists() else ():
        print(f"  {index.name}")
    for entry in sorted(bundle.glob("pagefind.*.pf_meta")):
        print(f"  {entry.name}: {entry.stat().st_size / 1024:.1f} KB")
    server, base = serve(site)
    try:
        by_kind: dict[str, dict[str, tuple[int, int]]] = {}
        for query, (size, count) in bytes_per_query(base, by_kind=by_kind).items():
            print(f"query {query!r:16} {size / 1024:7.1f} KB fetched, {count} results shown")
            for kind, (files, total) in sorted(by_kind[query].items(), key=lambda item: -item[1][1]):
                print(f"    {kind:28} {files:3} files {total / 1024:7.1f} KB")
    finally:
        server.shutdown()


def main() -> None:
    parser = argparse.ArgumentParser(prog="python -m vankien.bench")
    parser.add_argument("what", choices=["search"])
    parser.add_argument("--root", type=Path, default=Path("."))
    parser.add_argument("--site", type=Path, help="an already built site (default: build ROOT now)")
    args = parser.parse_args()
    bench_search(args.root.resolve(), args.site)


if __name__ == "__main__":
    main()
