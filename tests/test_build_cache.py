"""Nothing made twice, nothing trusted that we did not write, nothing lost when a build fails or is killed."""

from __future__ import annotations

import os
import tempfile
from pathlib import Path

import pytest

from vankien import cache, pipeline, search, workers, write
from vankien.errors import BuildFailed

DOC = "content/documents/doan-a/dai-hoi.vi.md"


def _rendered(monkeypatch) -> list[list[str]]:
    """The URLs each build renders, recorded as the builds run."""
    calls: list[list[str]] = []
    real = workers.run

    def recording(job):
        calls.append([job.pages[index].url for index, _ in job.page_files])
        return real(job)

    monkeypatch.setattr(workers, "run", recording)
    return calls


def test_caches_live_in_the_project_private_and_never_in_the_temp_folder(site_factory, tmp_path, monkeypatch):
    shared = tmp_path / "shared-tmp"  # the machine's temp folder, which other users can write
    shared.mkdir()
    monkeypatch.setattr(tempfile, "tempdir", str(shared))
    root = site_factory()
    pipeline.run(root, tmp_path / "out")
    for folder in (root / ".cache", root / ".cache/pages", root / ".cache/share", root / ".cache/templates"):
        assert folder.stat().st_mode & 0o777 == 0o700, folder
    assert os.listdir(shared) == []


def test_a_cache_folder_someone_else_owns_or_can_write_is_not_used(site_factory, tmp_path):
    root = site_factory()
    planted = root / ".cache/templates"
    planted.mkdir(parents=True)
    os.chmod(root / ".cache", 0o700)
    os.chown(planted, 65534, 65534)  # another user's folder, with a file they left there
    (planted / "planted.cache").write_bytes(b"j2\x00not ours")
    assert cache.private_dir(root, "templates") is None
    os.chown(planted, os.getuid(), os.getgid())
    os.chmod(planted, 0o777)  # anyone could plant compiled code in it
    assert cache.private_dir(root, "templates") is None
    # the build goes on without that cache, and still builds the site
    assert (pipeline.run(root, tmp_path / "out").output / "doan-a/dai-hoi/index.html").exists()


def test_a_build_with_nothing_changed_does_nothing(site_factory, tmp_path, monkeypatch):
    root = site_factory()
    output = tmp_path / "out"
    pipeline.run(root, output)
    page = output / "doan-a/dai-hoi/index.html"
    inode = page.stat().st_ino
    calls = _rendered(monkeypatch)
    again = pipeline.run(root, output)
    assert again.unchanged and calls == [] and page.stat().st_ino == inode
    # removing the cache (or the site) is always safe: the next build makes them again
    (root / ".cache/last-build.json").unlink()
    assert not pipeline.run(root, output).unchanged


def test_an_edit_renders_only_the_pages_that_show_that_document(site_factory, tmp_path, monkeypatch):
    other = "content/documents/doan-b/ke-hoach.vi.md"
    root = site_factory(
        {
            "content/organizations/doan-b.yaml": "name: {vi: Đoàn B, en: Union B}\nlevel: doan-co-so\n",
            other: (root_text := (Path(__file__).parent / "cases/hreflang-untranslated.vi.md").read_text("utf-8")),
            "content/topics.yaml": "party-admission:\n  vi: Kết nạp Đảng\n  en: Party admission\n"
            "startup-loans:\n  vi: Vay vốn\n  en: Loans\n",
        }
    )
    output = tmp_path / "out"
    pipeline.run(root, output)
    calls = _rendered(monkeypatch)
    (root / other).write_text(root_text.replace("MỤC ĐÍCH", "MỤC TIÊU"), encoding="utf-8")
    build = pipeline.run(root, output)
    rendered = set(calls[-1])
    assert {"doan-b/ke-hoach/", "en/doan-b/ke-hoach/", "doan-b/", "en/doan-b/"} <= rendered
    assert not rendered & {"doan-a/dai-hoi/", "en/doan-a/dai-hoi/", "doan-a/", "topics/party-admission/"}
    assert "MỤC TIÊU" in (build.output / "doan-b/ke-hoach/index.html").read_text(encoding="utf-8")
    # the preview's way: the same, written in place
    calls.clear()
    (root / other).write_text(root_text.replace("MỤC ĐÍCH", "MỤC ĐÍCH MỚI"), encoding="utf-8")
    preview = pipeline.run(root, output, index_now=False, in_place=build.keys)
    assert "doan-a/dai-hoi/" not in calls[-1]
    assert "MỤC ĐÍCH MỚI" in (preview.output / "doan-b/ke-hoach/index.html").read_text(encoding="utf-8")


def test_a_changed_share_image_gets_a_new_address(site_factory, tmp_path):
    root = site_factory()
    output = tmp_path / "out"

    def og_image() -> str:
        html = (output / "doan-a/dai-hoi/index.html").read_text(encoding="utf-8")
        return html.split('property="og:image" content="', 1)[1].split('"', 1)[0]

    pipeline.run(root, output)
    first = og_image()
    text = (root / DOC).read_text(encoding="utf-8")
    (root / DOC).write_text(text.replace("Báo cáo thử", "Báo cáo đã đổi tên"), encoding="utf-8")
    pipeline.run(root, output)
    assert og_image() != first and og_image().split("?")[0] == first.split("?")[0]
    assert (output / og_image().split("example.org/")[1].split("?")[0]).stat().st_size > 1000


def test_killed_builds_leave_nothing_behind_and_never_lose_the_site(site_factory, tmp_path):
    root = site_factory()
    output = tmp_path / "out"
    pipeline.run(root, output)
    (output / "marker").write_text("previous site")
    # a build killed while staging, and one killed between the two renames of the swap
    (tmp_path / ".out-new-999999999-abc").mkdir()
    os.rename(output, tmp_path / ".out-old-xyz")
    write.recover(output)
    assert (output / "marker").exists() and not list(tmp_path.glob(".out-*"))
    # the next build also cleans up (and without atomic exchange, swaps by two renames)
    (tmp_path / ".out-new-999999999-def").mkdir()
    (root / DOC).write_text((root / DOC).read_text("utf-8") + "\nThêm.\n", encoding="utf-8")
    pipeline.run(root, output)
    assert not list(tmp_path.glob(".out-*")) and not (output / "marker").exists()


def test_swap_without_atomic_exchange(site_factory, tmp_path, monkeypatch):
    monkeypatch.setattr(write, "_exchange", lambda first, second: False)
    output = tmp_path / "out"
    pipeline.run(site_factory(), output)
    write.write_site(output, {"index.html": b"new"})
    assert (output / "index.html").read_bytes() == b"new" and not list(tmp_path.glob(".out-*"))


def _fake_pagefind(tmp_path: Path, script: str) -> Path:
    path = tmp_path / "pagefind"
    path.write_text("#!/bin/sh\n" + script + "\n")
    path.chmod(0o755)
    return path


@pytest.mark.parametrize("at_once", ["0", "1"])  # languages indexed one after the other, or all at once
@pytest.mark.parametrize(
    "script, says",
    [
        (None, "Pagefind"),  # not installed
        ("echo 'thread main panicked: index too large' >&2; exit 101", "index too large"),
        ("sleep 30", "did not finish within 1"),
        ("exit 0", "wrote no search index"),
    ],
)
def test_search_indexer_faults_are_reported_and_keep_the_old_site(
    site_factory, tmp_path, monkeypatch, script, says, at_once
):
    root = site_factory()
    output = tmp_path / "out"
    pipeline.run(root, output)
    (output / "marker").write_text("previous site")
    fake = _fake_pagefind(tmp_path, script) if script else None
    monkeypatch.setattr(search, "binary", lambda root: fake)
    monkeypatch.setenv("VANKIEN_INDEX_TIMEOUT", "1")
    monkeypatch.setenv("VANKIEN_INDEX_AT_ONCE", at_once)
    (root / DOC).write_text((root / DOC).read_text("utf-8") + "\nThêm.\n", encoding="utf-8")
    with pytest.raises(BuildFailed) as failed:
        pipeline.run(root, output)
    assert says in "\n".join(p.format() for p in failed.value.problems)
    assert (output / "marker").exists() and not list(tmp_path.glob(".out-*"))


@pytest.mark.parametrize("at_once", ["0", "1"])
def test_a_language_whose_indexing_fails_after_another_succeeded_leaves_no_bundle(
    site_factory, tmp_path, monkeypatch, at_once
):
    real = search.binary(Path(__file__).resolve().parent.parent)
    fake = _fake_pagefind(tmp_path, f'case "$2" in *pages-en*) echo "en failed" >&2; exit 3;; esac\nexec {real} "$@"')
    monkeypatch.setattr(search, "binary", lambda root: fake)
    monkeypatch.setenv("VANKIEN_INDEX_AT_ONCE", at_once)
    output = tmp_path / "out"
    with pytest.raises(BuildFailed) as failed:
        pipeline.run(site_factory(), output)
    assert "en failed" in "\n".join(p.format() for p in failed.value.problems)
    assert not output.exists() and not list(tmp_path.glob(".out-*"))  # nothing written, no half bundle


def test_a_full_disk_is_reported_plainly_and_keeps_the_old_site(site_factory, tmp_path, monkeypatch):
    root = site_factory()
    output = tmp_path / "out"
    pipeline.run(root, output)
    (output / "marker").write_text("previous site")

    def full(target, source):
        raise OSError(28, "No space left on device", str(target))

    monkeypatch.setattr(write, "_place", full)
    (root / DOC).write_text((root / DOC).read_text("utf-8") + "\nThêm.\n", encoding="utf-8")
    with pytest.raises(BuildFailed) as failed:
        pipeline.run(root, output)
    text = failed.value.problems[0].format()
    assert "No space left on device" in text and "previous site is kept" in text
    assert (output / "marker").exists() and not list(tmp_path.glob(".out-*"))


def test_a_build_without_a_terminal_prints_only_its_summary(site_factory, tmp_path):
    from tests.conftest import run_cli

    completed = run_cli(site_factory(), "build", "--output", str(tmp_path / "out"))
    assert completed.returncode == 0 and completed.stderr == ""
    assert completed.stdout.count("\n") == 1 and "built" in completed.stdout


def test_the_cache_keeps_only_what_the_site_uses(site_factory, tmp_path):
    root = site_factory()
    output = tmp_path / "out"
    pipeline.run(root, output)
    count = len(list((root / ".cache/pages").iterdir()))
    for title in ("Tên mới", "Tên khác"):
        text = (root / DOC).read_text(encoding="utf-8")
        (root / DOC).write_text(text.replace(text.split("title: ")[1].split("\n")[0], title), encoding="utf-8")
        pipeline.run(root, output)
    assert len(list((root / ".cache/pages").iterdir())) == count
    assert len(list((root / ".cache/share").iterdir())) == len(list((output / "share").rglob("*.png")))


def test_a_build_with_nothing_changed_still_says_the_last_builds_warnings(site_factory, tmp_path):
    config = "title: {vi: Thử, en: Test}\nbase_url: https://example.org/\ndefault_language: vi\n"
    root, output = site_factory({"config.yaml": config}), tmp_path / "out"
    first = pipeline.run(root, output)
    assert [w.code for w in first.warnings] == ["VK120"]
    again = pipeline.run(root, output)
    assert again.unchanged, "a warning must not make every later build a full one"
    assert [(w.path, w.line, w.code, w.text("en")) for w in again.warnings] == [
        (w.path, w.line, w.code, w.text("en")) for w in first.warnings
    ]
    with pytest.raises(BuildFailed):  # --strict never takes the shortcut
        pipeline.run(root, output, strict=True)
