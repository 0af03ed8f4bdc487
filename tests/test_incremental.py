"""The preview's incremental rebuild: a save redoes only what depends on the saved files, and the
site it leaves is the one a full build of the same content makes."""

from __future__ import annotations

import hashlib
import shutil
import threading
from pathlib import Path

import pytest

from tests.conftest import MINIMAL_FILES
from vankien import compare, fastpath, pipeline, search
from vankien.errors import BuildFailed, ContentError
from vankien.render import Renderer
from vankien.serve import Preview

DOC = "content/documents/doan-a/dai-hoi.vi.md"
EN = "content/documents/doan-a/dai-hoi.en.md"
OTHER = "content/documents/doan-b/ke-hoach.vi.md"
NEW = "content/documents/doan-b/bao-cao-2025.vi.md"
ORG_B = "content/organizations/doan-b.yaml"


def _version(text: str) -> str:
    return hashlib.sha256(text.encode("utf-8")).hexdigest()[:12]


def _english(vi: str, body: str = "## I. PART ONE\n\nContent.\n", title: str = "Test report") -> str:
    return f"---\nsource: {_version(vi)}\ntitle: {title}\ntargets:\n  ket-nap-dang: At least 5 members\n---\n{body}"


OTHER_TEXT = (
    "---\nkind: plan\ntitle: Kế hoạch năm 2024\nperiod: {year: 2024}\n"
    "targets:\n  - id: ho-tro\n    topic: party-admission\n    text: Giới thiệu 03 đoàn viên ưu tú để kết nạp Đảng\n"
    "---\n## I. MỤC ĐÍCH\n\nHỗ trợ thanh niên.\n\n[[targets]]\n"
)


@pytest.fixture
def project(site_factory):
    return site_factory(
        {
            ORG_B: "name: {vi: Đoàn B, en: Union B}\nlevel: doan-co-so\nparent: doan-a\n",
            OTHER: OTHER_TEXT,
            EN: _english(MINIMAL_FILES[DOC]),
        }
    )


def _quiet_catch_up(monkeypatch) -> None:
    """The search index is not compared (and Pagefind is slow): refresh_search writes the data only."""
    monkeypatch.setattr(search, "refresh_index", lambda root, site, files, problems: None)


def _save(preview: Preview, root: Path, path: str, text: str | None) -> pipeline.Build | None:
    if text is None:
        (root / path).unlink()
    else:
        (root / path).parent.mkdir(parents=True, exist_ok=True)
        (root / path).write_text(text, encoding="utf-8")
    build = preview.rebuild(index_now=False, changed={path})
    preview.refresh_search(build)  # what the background thread does after the reload
    return build


def _ways(monkeypatch) -> list[str]:
    """What fastpath made of each save from now on: "bodies" (the saved pages alone), "ahead"
    (the saved documents' pages first, then the pages that show them) or "whole" (the whole site)."""
    ways: list[str] = []
    real = fastpath.save

    def save(*args):
        build = real(*args)
        ways.append("whole" if build is None else "bodies" if build.bodies_only else "ahead")
        return build

    monkeypatch.setattr(fastpath, "save", save)
    return ways


def _tree(folder: Path) -> dict[str, bytes | None]:
    """{path: bytes, or None for a folder}: folders count too (a deleted document's must go)."""
    return {
        p.relative_to(folder).as_posix(): p.read_bytes() if p.is_file() else None
        for p in sorted(folder.rglob("*"))
        if "pagefind" not in p.relative_to(folder).parts
    }


def _full_build(root: Path, tmp_path: Path, name: str) -> dict[str, bytes | None]:
    """A fresh full build of the same project, with no cache, into its own folder."""
    fresh = tmp_path / name
    shutil.copytree(root, fresh, ignore=shutil.ignore_patterns(".cache", "site", "node_modules"), symlinks=True)
    (fresh / "node_modules").symlink_to(root / "node_modules")
    pipeline.run(fresh, fresh / "site", search=False)
    return _tree(fresh / "site")


def _checked(root: Path) -> list[str]:
    """What `check` reports, as path:line:col code."""
    try:
        build = pipeline.run(root, stages=pipeline.CHECK_STAGES)
        problems = build.problems + build.warnings
    except BuildFailed as failed:
        problems = failed.problems
    return _said(problems)


def _said(problems: list[ContentError]) -> list[str]:
    return sorted(f"{p.location} {p.code}" for p in problems)


def test_saves_through_the_incremental_path_build_what_a_full_build_builds(project, tmp_path, monkeypatch):
    _quiet_catch_up(monkeypatch)
    root = project
    preview = Preview(root)
    preview.rebuild(index_now=False)
    assert preview.problems == []
    vi = (root / DOC).read_text(encoding="utf-8")
    other = OTHER_TEXT
    new = OTHER_TEXT.replace("Kế hoạch năm 2024", "Báo cáo năm 2025").replace("{year: 2024}", "{year: 2025}")
    steps = [
        ("body", DOC, (vi := vi.replace("Nội dung.", "Nội dung đã sửa.")), "bodies"),
        ("front matter", DOC, (vi := vi.replace("title: Báo cáo thử", "title: Báo cáo đã đổi tên")), "ahead"),
        ("targets", OTHER, (other := other.replace("03 đoàn viên", "07 đoàn viên")), "ahead"),
        (
            "title",
            OTHER,
            (other := other.replace("title: Kế hoạch năm 2024", "title: Kế hoạch công tác năm 2024")),
            "ahead",
        ),
        ("target figure", OTHER, (other := other.replace("07 đoàn viên", "09 đoàn viên")), "ahead"),
        ("another period", OTHER, (other := other.replace("{year: 2024}", "{year: 2021}")), "ahead"),
        (
            "another term",
            DOC,
            (vi := vi.replace("{term: II, from: 2022, to: 2027}", "{term: I, from: 2017, to: 2022}")),
            "ahead",
        ),
        ("targets removed", OTHER, (other := other.split("targets:")[0] + "---\n## I. MỤC ĐÍCH\n\nHỗ trợ.\n"), "ahead"),
        ("targets again", OTHER, (other := OTHER_TEXT.replace("{year: 2024}", "{year: 2021}")), "ahead"),
        ("translation body", EN, _english(vi, body="## I. PART ONE\n\nEdited content.\n"), "bodies"),
        ("translation title", EN, _english(vi, body="## I. PART ONE\n\nEdited content.\n", title="Renamed"), "ahead"),
        ("new document", NEW, new, "ahead"),
        ("deleted document", OTHER, None, "whole"),
        (
            "organization",
            ORG_B,
            "name: {vi: Đoàn B mới, en: New Union B}\nlevel: doan-co-so\nparent: doan-a\n",
            "whole",
        ),
        ("organization's parent", ORG_B, "name: {vi: Đoàn B mới, en: New Union B}\nlevel: doan-co-so\n", "whole"),
        ("title of a new document", NEW, new.replace("Báo cáo năm 2025", "Báo cáo tổng kết năm 2025"), "ahead"),
    ]
    ways = _ways(monkeypatch)
    for number, (what, path, text, way) in enumerate(steps):
        build = _save(preview, root, path, text)
        assert preview.problems == [] and build is not None, what
        assert ways.pop() == way and not ways, what
        assert _tree(root / "site") == _full_build(root, tmp_path, f"full-{number}"), what
    # an error, shown as check shows it; the site stays as it was; the fix clears it
    before = _tree(root / "site")
    _save(preview, root, NEW, new.replace("kind: plan", "kind: ke-hoach"))
    assert preview.problems and _said(preview.problems) == _checked(root)
    assert _tree(root / "site") == before
    _save(preview, root, NEW, new.replace("Hỗ trợ thanh niên.", "Hỗ trợ thanh niên khởi nghiệp."))
    assert preview.problems == []
    assert _tree(root / "site") == _full_build(root, tmp_path, "full-fixed")


def test_an_error_in_another_document_is_not_missed_by_a_body_save(project, monkeypatch):
    # a save of one body while another document is broken: the broken one is still reported
    _quiet_catch_up(monkeypatch)
    root = project
    preview = Preview(root)
    preview.rebuild(index_now=False)
    _save(preview, root, OTHER, OTHER_TEXT.replace("topic: party-admission", "topic: no-such-topic"))
    broken = _said(preview.problems)
    assert broken and broken == _checked(root)
    text = (root / DOC).read_text(encoding="utf-8")
    _save(preview, root, DOC, text.replace("Nội dung.", "Nội dung khác."))
    assert set(broken) < set(_said(preview.problems)) and _said(preview.problems) == _checked(root)  # + stale


def test_a_body_edit_rechecks_one_document_and_renders_only_its_pages(project, monkeypatch):
    _quiet_catch_up(monkeypatch)
    root = project
    preview = Preview(root)
    preview.rebuild(index_now=False)
    rendered: list[str] = []
    real = Renderer.render
    monkeypatch.setattr(Renderer, "render", lambda self, page: rendered.append(page.url) or real(self, page))
    text = (root / OTHER).read_text(encoding="utf-8")
    build = _save(preview, root, OTHER, text.replace("Hỗ trợ thanh niên.", "Hỗ trợ thanh niên lập nghiệp."))
    assert build is not None and build.bodies_only
    # no other file read or checked, and no site-wide check redone
    checked = {k: n for k, n in preview.memo.counts.items() if k != "terms carried"}
    assert checked == {"read": 1, "documents": 1, "delta": 1}
    # its page in both languages; not its embeds (tables alone), its organization's, topic or home page
    assert sorted(rendered) == ["doan-b/ke-hoach/", "en/doan-b/ke-hoach/"]
    assert "lập nghiệp" in (root / "site/doan-b/ke-hoach/index.html").read_text(encoding="utf-8")


def _get(preview: Preview, path: str) -> str:
    """The preview's answer to a request for `path`, as text."""
    return b"".join(preview({"PATH_INFO": path}, lambda status, headers: None)).decode("utf-8")


def test_a_title_edit_renders_its_pages_first_then_each_page_that_shows_it_once(project, monkeypatch):
    _quiet_catch_up(monkeypatch)
    root = project
    preview = Preview(root)
    first = preview.rebuild(index_now=False)
    assert first is not None
    rendered: list[str] = []
    real = Renderer.render
    monkeypatch.setattr(Renderer, "render", lambda self, page: rendered.append(page.url) or real(self, page))
    terms: set[str] = set()  # the organizations whose targets by term and topic are made again
    made = compare._targets_for
    monkeypatch.setattr(
        compare, "_targets_for", lambda docs, *rest: terms.update(d.org for d in docs) or made(docs, *rest)
    )
    waiting = threading.Event()
    real_wait = preview.caught_up.wait_for
    monkeypatch.setattr(preview.caught_up, "wait_for", lambda *args, **kw: waiting.set() or real_wait(*args, **kw))
    seen: dict = {}

    def reloaded():  # the saved document's pages are written; the pages that show it are not yet
        seen["first"] = list(rendered)
        seen["own"] = _get(preview, "/doan-b/ke-hoach/")
        seen["css"] = preview._behind("/static/style.css")
        seen["request"] = threading.Thread(target=lambda: seen.setdefault("organization", _get(preview, "/en/doan-b/")))
        seen["request"].start()
        seen["waited"] = waiting.wait(30)  # the organization's page is not served before it is rendered

    text = (root / OTHER).read_text(encoding="utf-8")
    (root / OTHER).write_text(text.replace("Kế hoạch năm 2024", "Kế hoạch năm 2024 (sửa)"), encoding="utf-8")
    build = preview.rebuild(index_now=False, changed={OTHER}, reload=reloaded)
    seen["request"].join(30)
    assert build is not None and not build.bodies_only and preview.problems == [] and build.ahead is None
    assert preview.memo.counts["read"] == 1 and preview.memo.counts["documents"] == 1
    # first the document's own pages, in both languages (its embeds too), served at once
    own = ["doan-b/ke-hoach/", "en/doan-b/ke-hoach/", "embed/doan-b/ke-hoach/", "en/embed/doan-b/ke-hoach/"]
    assert sorted(seen["first"]) == sorted(own) and "Kế hoạch năm 2024 (sửa)" in seen["own"]
    # a request for another page waited for it, and got it up to date; static files never wait
    assert seen["waited"] and "Kế hoạch năm 2024 (sửa)" in seen["organization"] and seen["css"] is False
    # then only the pages that show the document (its files, or every file, among their inputs), each once
    showing = {page.url for page in first.pages if OTHER in page.inputs or "*" in page.inputs}
    assert {"doan-b/", "en/doan-b/"} <= set(rendered) <= showing and len(rendered) == len(set(rendered))
    assert not set(rendered) & {"doan-a/dai-hoi/", "en/doan-a/dai-hoi/"}
    assert terms == {"doan-b"}  # the other organization's are those of the site before the save


def test_a_preview_started_on_an_unchanged_site_warms_up_so_the_first_save_is_quick(project, monkeypatch):
    _quiet_catch_up(monkeypatch)
    root = project
    pipeline.run(root)  # `build` first: the preview then finds nothing changed and makes no page list
    preview = Preview(root)
    started = preview.rebuild()
    assert started is not None and started.unchanged and preview.published is None
    preview.warm_up()  # serve() runs it in the background; a save waits for it
    assert preview.published is not None and preview.problems == []
    text = (root / OTHER).read_text(encoding="utf-8")
    build = _save(preview, root, OTHER, text.replace("Hỗ trợ thanh niên.", "Hỗ trợ thanh niên sáng tạo."))
    assert build is not None and build.bodies_only and dict(preview.memo.counts)["documents"] == 1
    assert "sáng tạo" in (root / "site/doan-b/ke-hoach/index.html").read_text(encoding="utf-8")


def test_a_template_save_renders_every_page_again_without_reading_the_content(project, monkeypatch):
    _quiet_catch_up(monkeypatch)
    root = project
    preview = Preview(root)
    preview.rebuild(index_now=False)
    template = root / "templates/base.html"
    template.write_text(template.read_text(encoding="utf-8").replace("</body>", "<!-- da sua -->\n</body>"), "utf-8")
    build = preview.rebuild(index_now=False, changed={"templates/base.html"})
    assert build is not None and not build.bodies_only and preview.problems == []
    assert preview.memo.counts["read"] == 0 and preview.memo.counts["documents"] == 0  # the content is the same
    for page in ("index.html", "doan-a/dai-hoi/index.html", "en/doan-b/ke-hoach/index.html"):
        assert "<!-- da sua -->" in (root / "site" / page).read_text(encoding="utf-8")
