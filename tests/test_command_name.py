"""Hints that name a command name the one the editor typed: `build.py …` in the repository,
`vankien …` once installed (or `python -m vankien`), never the other one."""

from __future__ import annotations

import shutil
import subprocess
import sys

from tests.conftest import ROOT, run_cli


def _project_without_organizations(tmp_path):
    shutil.copy(ROOT / "config.yaml", tmp_path / "config.yaml")
    (tmp_path / "content/organizations").mkdir(parents=True)
    (tmp_path / "content/documents").mkdir()
    return tmp_path


def test_a_hint_names_build_py_when_run_as_build_py(tmp_path):
    checked = run_cli(_project_without_organizations(tmp_path), "check")
    assert checked.returncode == 1
    assert "`build.py new --org org-id --level chi-doan`" in checked.stderr
    assert "vankien new" not in checked.stderr


def test_a_hint_names_vankien_when_run_as_vankien(tmp_path):
    root = _project_without_organizations(tmp_path)
    env = {"PYTHONPATH": str(ROOT)}
    checked = subprocess.run(
        [sys.executable, "-m", "vankien", "--root", str(root), "check"], capture_output=True, text=True, env=env
    )
    assert checked.returncode == 1, checked.stderr
    assert "`vankien new --org org-id --level chi-doan`" in checked.stderr
    assert "`vankien new --org ma-to-chuc --level chi-doan`" in checked.stderr
    assert "build.py" not in checked.stderr
    started = subprocess.run(
        [sys.executable, "-m", "vankien", "--root", str(root), "new", "khong-co/van-ban", "--year", "2025"],
        capture_output=True,
        text=True,
        env=env,
    )
    assert started.returncode == 1 and "`vankien new --org khong-co`" in started.stderr


def test_a_reader_that_stops_early_gets_no_error_message(tmp_path):
    """`build.py translations | head -1`: the pipe closes before everything is printed; the
    command stops quietly, as shell tools do, not with "internal error: BrokenPipeError"."""
    command = [sys.executable, str(ROOT / "build.py"), "--root", str(ROOT), "translations"]
    process = subprocess.Popen(command, stdout=subprocess.PIPE, stderr=subprocess.PIPE)
    assert process.stdout is not None and process.stderr is not None
    process.stdout.close()  # the reader is gone before the first line
    errors = process.stderr.read().decode("utf-8")
    assert process.wait() == 141 and errors == ""


def test_ctrl_c_during_rendering_stops_quietly_and_keeps_the_old_site(tmp_path):
    """Ctrl-C reaches the whole process group, workers included: the build stops with 130 and
    no Python traceback (one per worker, before), and site/ is the one built before."""
    import os
    import signal
    import time

    from vankien.bench import corpus

    project = corpus.generate(tmp_path / "project", documents=40, seed=3)
    assert run_cli(project, "-q", "build").returncode == 0
    before = {p: p.read_bytes() for p in (project / "site").rglob("*") if p.is_file()}
    shutil.rmtree(project / ".cache")  # the next build renders everything again
    command = [sys.executable, str(ROOT / "build.py"), "--root", str(project), "-q", "build"]
    process = subprocess.Popen(command, stdout=subprocess.PIPE, stderr=subprocess.PIPE, start_new_session=True)
    pages = project / ".cache/pages"
    deadline = time.monotonic() + 120
    while not (pages.is_dir() and any(pages.rglob("*.html*"))) and process.poll() is None:
        assert time.monotonic() < deadline
        time.sleep(0.01)
    assert process.poll() is None, "the build ended before it could be interrupted"
    os.killpg(process.pid, signal.SIGINT)  # as a terminal's Ctrl-C does
    _, err = process.communicate(timeout=60)
    assert process.returncode == 130 and "Traceback" not in err.decode("utf-8"), err.decode("utf-8")[-2000:]
    assert {p: p.read_bytes() for p in (project / "site").rglob("*") if p.is_file()} == before


def test_a_project_folder_that_does_not_exist_is_named_as_such(tmp_path):
    checked = run_cli(tmp_path / "khong-co", "check")
    assert checked.returncode == 1 and "does not exist" in checked.stderr and "khong-co" in checked.stderr
    assert "config.yaml not found" not in checked.stderr


def test_ctrl_c_while_the_program_loads_exits_130_without_a_traceback(monkeypatch):
    """Loading the program takes a moment on a busy machine; Ctrl-C then comes before cli.main's
    own handling and must not print a traceback either."""
    import builtins
    import runpy

    import pytest

    real_import = builtins.__import__

    def interrupted(name, *args, **kwargs):
        if name == "vankien.cli":
            raise KeyboardInterrupt
        return real_import(name, *args, **kwargs)

    monkeypatch.setattr(builtins, "__import__", interrupted)
    with pytest.raises(SystemExit) as stopped:
        runpy.run_path(str(ROOT / "build.py"), run_name="__main__")
    assert stopped.value.code == 130
