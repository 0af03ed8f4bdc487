"""Ranking benchmark (figures printed, never asserted): `python -m vankien.bench.ranking [--documents 1000]`

Types each query of QUERIES into the built search page in Chromium, as a reader would, reads the
results in the order shown and prints the mean reciprocal rank of the page the reader means
within the first ten results (MRR@10), with every query that missed. Run on the example site,
then on a site of N generated documents: copies of the example documents under new
organizations (`generate`), so every query's page still exists among N competitors.
"""

from __future__ import annotations

import argparse
import shutil
import tempfile
import time
from pathlib import Path
from urllib.parse import quote, urlsplit

from vankien import pipeline
from vankien.bench.browser import CHROMIUM, CHROMIUM_ARGS, serve

HCM_DOC = "/so-tttt-tphcm/dai-hoi-2022/"
HT_DOC = "/chi-doan-so-tttt-ha-tinh/dai-hoi-2022/"
BT_DOC = "/quan-doan-binh-tan/chuong-trinh-2023/"

# (language path, what a reader types, the pages they mean: any of them counts)
QUERIES = [
    # organizations by name, with and without "Đoàn", abbreviations spelled out or not
    ("", "Binh Tan", ["/quan-doan-binh-tan/"]),
    ("", "Quận Đoàn Bình Tân", ["/quan-doan-binh-tan/"]),
    ("", "quan doan binh tan", ["/quan-doan-binh-tan/"]),
    ("", "Doan So TT&TT TP.HCM", ["/so-tttt-tphcm/"]),
    ("", "So Thong tin va Truyen thong TP.HCM", ["/so-tttt-tphcm/"]),
    ("", "Chi doan So TTTT Ha Tinh", ["/chi-doan-so-tttt-ha-tinh/"]),
    ("", "Tinh Doan Ha Tinh", ["/tinh-doan-ha-tinh/"]),
    ("", "Thanh Doan TP.HCM", ["/thanh-doan-tphcm/"]),
    ("", "thanh doan thanh pho ho chi minh", ["/thanh-doan-tphcm/"]),
    ("", "Trung uong Doan", ["/trung-uong-doan/"]),
    ("", "Doan Khoi Dan Chinh Dang", ["/doan-khoi-dcd-tphcm/"]),
    ("", "Doan Khoi CCQ&DN tinh Ha Tinh", ["/doan-khoi-ccq-dn-ha-tinh/"]),
    # topics by label
    ("", "ket nap dang", ["/topics/party-admission/"]),
    ("", "Kết nạp Đảng", ["/topics/party-admission/"]),
    ("", "hoc bong", ["/topics/scholarships/"]),
    ("", "ky nang so", ["/topics/digital-skills/"]),
    ("", "guong dien hinh", ["/topics/exemplary-members/"]),
    ("", "hoat dong tinh nguyen", ["/topics/volunteer-activities/"]),
    ("", "von vay", ["/topics/startup-loans/"]),
    ("", "xep loai doan vien", ["/topics/member-rating/"]),
    ("", "sinh hoat chuyen de", ["/topics/thematic-meetings/"]),
    ("", "sang kien", ["/topics/initiatives/"]),
    # words of a document, typed without diacritics
    ("", "Ha Huy Tap", [HT_DOC]),
    ("", "ho boi", [BT_DOC]),
    ("", "do thi thong minh", [HCM_DOC]),
    ("", "Nguyen Le Trung Hieu", [BT_DOC]),
    ("", "tuoi tre Binh Tan 20 nam vung tin", [BT_DOC]),
    ("", "vi dan em than yeu", [BT_DOC, HCM_DOC]),
    ("", "bai hoc kinh nghiem", [HT_DOC, HCM_DOC]),
    ("", "cong tac kiem tra giam sat", [BT_DOC, HCM_DOC]),
    ("", "phong trao thanh nien tinh nguyen", [HT_DOC, HCM_DOC, BT_DOC]),
    ("", "van hoa doc", [HCM_DOC, BT_DOC]),
    # typos
    ("", "ket nap dnag", ["/topics/party-admission/"]),
    ("", "Binh Tna", ["/quan-doan-binh-tan/"]),
    ("", "hoc bogn", ["/topics/scholarships/"]),
    ("", "guong dien hnh", ["/topics/exemplary-members/"]),
    # English pages
    ("en/", "party admission", ["/en/topics/party-admission/"]),
    ("en/", "Binh Tan", ["/en/quan-doan-binh-tan/"]),
    ("en/", "Binh Tan District Youth Union", ["/en/quan-doan-binh-tan/"]),
    ("en/", "HCMC DIC Youth Union", ["/en/so-tttt-tphcm/"]),
    ("en/", "Ho Chi Minh City Youth Union", ["/en/thanh-doan-tphcm/"]),
    ("en/", "Ha Tinh Provincial Youth Union", ["/en/tinh-doan-ha-tinh/"]),
    ("en/", "scholarships", ["/en/topics/scholarships/"]),
    ("en/", "digital skills", ["/en/topics/digital-skills/"]),
    ("en/", "Ha Huy Tap", ["/en" + HT_DOC]),
    ("en/", "smart city", ["/en" + HCM_DOC]),
    ("en/", "lessons learned", ["/en" + HT_DOC, "/en" + HCM_DOC]),
    ("en/", "parti admision", ["/en/topics/party-admission/"]),
]


def shown_results(page, base: str, lang_root: str, query: str) -> list[str]:
    """The URL paths of the results the search page shows for `query`, in order."""
    page.goto(f"{base}{lang_root}search/?q={quote(query)}")
    page.wait_for_function("() => document.getElementById('search-status').textContent.length > 0", timeout=30_000)
    hrefs = page.eval_on_selector_all(".search-result h2 a", "links => links.map(a => a.href)")
    return [urlsplit(href).path for href in hrefs]


def measure(site: Path, aliases: dict[str, set[str]] | None = None) -> tuple[float, list[tuple]]:
    """(MRR@10, misses) over QUERIES on the built `site`; `aliases` maps a meant page to other
    pages that count as it (the generated copies of a document)."""
    from playwright.sync_api import sync_playwright

    aliases = aliases or {}
    server, base = serve(site)
    total, misses = 0.0, []
    try:
        with sync_playwright() as playwright:
            browser = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
            page = browser.new_page()
            for lang_root, query, meant in QUERIES:
                accepted = set(meant).union(*(aliases.get(m, set()) for m in meant))
                shown = shown_results(page, base, lang_root, query)[:10]
                rank = next((i + 1 for i, path in enumerate(shown) if path in accepted), None)
                total += 1 / rank if rank else 0
                if rank != 1:
                    misses.append((lang_root, query, rank, meant[0], shown[:3]))
            browser.close()
    finally:
        server.shutdown()
    return total / len(QUERIES), misses


def generate(source: Path, dest: Path, documents: int) -> dict[str, set[str]]:
    """A project in `dest` with the example content plus copies of its documents up to
    `documents` in all, three to a new organization (a branch under an example organization);
    returns {example document path: the paths of its copies}, in both languages."""
    shutil.copytree(source / "content", dest / "content")
    shutil.copy(source / "config.yaml", dest / "config.yaml")
    for name in ("templates", "static", "node_modules"):
        (dest / name).symlink_to((source / name).resolve())
    parents = ["so-tttt-tphcm", "quan-doan-binh-tan", "doan-khoi-ccq-dn-ha-tinh", "doan-khoi-dcd-tphcm"]
    places = ["Phú Lâm", "An Lạc", "Tân Tạo", "Bình Hưng Hòa", "Hà Huy", "Thạch Hà", "Cẩm Xuyên", "Đức Thọ"]
    units = [("Bệnh viện", "Hospital"), ("Trường THPT", "High School"), ("Công ty Điện lực", "Power Company")]
    sources = sorted((source / "content" / "documents").glob("*/*.vi.md"))
    copies: dict[str, set[str]] = {}
    for n in range(max(0, documents - len(sources))):
        number, doc = n // len(sources), sources[n % len(sources)]
        org = f"chi-doan-{number}"
        (vi_unit, en_unit), place = units[number % len(units)], places[number % len(places)]
        if n % len(sources) == 0:
            parent = parents[number % len(parents)]
            province = (source / "content" / "organizations" / f"{parent}.yaml").read_text(encoding="utf-8")
            province = province[province.index("province:") :]
            (dest / "content" / "organizations" / f"{org}.yaml").write_text(
                f"name:\n  vi: Chi đoàn {vi_unit} {place} số {number}\n  en: {en_unit} {place} {number} Youth Union"
                f" Branch\nlevel: chi-doan\nparent: {parent}\n{province}",
                encoding="utf-8",
            )
        folder = dest / "content" / "documents" / org
        folder.mkdir(exist_ok=True)
        stem = doc.name.removesuffix(".vi.md")
        for translation in doc.parent.glob(f"{stem}.*.md"):
            shutil.copy(translation, folder / translation.name.replace(stem, f"van-ban-{n}"))
        original = f"/{doc.parent.name}/{stem}/"
        copies.setdefault(original, set()).add(f"/{org}/van-ban-{n}/")
        copies.setdefault("/en" + original, set()).add(f"/en/{org}/van-ban-{n}/")
    return copies


def report(title: str, mrr: float, misses: list[tuple], site: Path | None = None) -> None:
    """Print MRR@10, each query whose page was not first, and the size of the search data files."""
    print(f"\n{title}: MRR@10 = {mrr:.3f} over {len(QUERIES)} queries, {len(misses)} not first")
    if site:
        sizes = {f.name: f.stat().st_size for f in sorted((site / "pagefind").glob("vankien*.json"))}
        print("  search data: " + ", ".join(f"{name} {size / 1024:.0f} KB" for name, size in sizes.items()))
    for lang_root, query, rank, meant, shown in misses:
        print(f"  /{lang_root}search/?q={query!r:40} meant {meant} at {rank or '>10'}; first: {shown[:2]}")


def main() -> None:
    parser = argparse.ArgumentParser(prog="python -m vankien.bench.ranking")
    parser.add_argument("--root", type=Path, default=Path("."))
    parser.add_argument("--documents", type=int, default=1000, help="documents of the generated site (0: skip it)")
    args = parser.parse_args()
    root = args.root.resolve()
    with tempfile.TemporaryDirectory(prefix="vankien-rank-") as scratch:
        build = pipeline.run(root, Path(scratch) / "site")
        report("example site", *measure(build.output), build.output)
        if args.documents:
            project = Path(scratch) / "generated"
            project.mkdir()
            copies = generate(root, project, args.documents)
            started = time.perf_counter()
            build = pipeline.run(project)
            elapsed = time.perf_counter() - started
            print(f"\ngenerated site: {len(build.site.documents)} documents, built in {elapsed:.1f} s")
            report(
                f"generated site ({len(build.site.documents)} documents)", *measure(build.output, copies), build.output
            )


if __name__ == "__main__":
    main()
