"""The package as a user gets it: `pip install .` in a fresh venv and `pipx install .` give a
`vankien` command that builds the example site byte for byte as `python build.py build` does;
the pins, the lock file and the package's declared dependencies agree.

The two installs are the slow part (one fresh venv, one pipx venv; pip's cache makes them
quick after the first run). They build the package the way users do, in pip's isolated build
environment, so they need the package index like any `pip install`.
"""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from tests.conftest import ROOT, run_cli

SUBCOMMANDS = ("build", "check", "new", "import", "translations", "serve")
# What a clone of the repository would not have at its top, or a build leaves behind.
NOT_SOURCE = {".git", ".venv", "node_modules", "site", ".cache", ".pytest_cache", "docs-site", "build", "bench"}


def _not_source(folder: str, names: list[str]) -> set[str]:
    top = Path(folder) == ROOT
    return {
        n
        for n in names
        if n == "__pycache__" or (top and (n in NOT_SOURCE or n.startswith(".site-") or n.endswith(".egg-info")))
    }


def _run(args: list, **kwargs) -> subprocess.CompletedProcess:
    """A command with this process's environment less PYTHONPATH (the installed copy must be the one run)."""
    env = {k: v for k, v in os.environ.items() if k != "PYTHONPATH"} | kwargs.pop("env", {})
    completed = subprocess.run([str(a) for a in args], capture_output=True, text=True, env=env, **kwargs)
    assert completed.returncode == 0, f"{args} failed:\n{completed.stdout[-3000:]}\n{completed.stderr[-3000:]}"
    return completed


@pytest.fixture(scope="module")
def source(tmp_path_factory) -> Path:
    """The repository's files, as a clone has them."""
    folder = tmp_path_factory.mktemp("packaging") / "source"
    shutil.copytree(ROOT, folder, ignore=_not_source)
    return folder


@pytest.fixture(scope="module")
def site_folder(tmp_path_factory) -> Path:
    """An editor's site folder: config.yaml, content/ and the npm packages, no templates or static files."""
    folder = tmp_path_factory.mktemp("packaging") / "my-site"
    folder.mkdir()
    shutil.copy(ROOT / "config.yaml", folder / "config.yaml")
    shutil.copytree(ROOT / "content", folder / "content")
    (folder / "node_modules").symlink_to(ROOT / "node_modules")
    return folder


@pytest.fixture(scope="module")
def pip_installed(source, tmp_path_factory) -> Path:
    """`pip install .` in a new venv; its bin/ folder."""
    venv = tmp_path_factory.mktemp("packaging") / "venv"
    _run([sys.executable, "-m", "venv", venv])
    _run([venv / "bin/python", "-m", "pip", "install", "--disable-pip-version-check", "-q", "."], cwd=source)
    return venv / "bin"


def tree(folder: Path) -> dict[str, bytes]:
    return {p.relative_to(folder).as_posix(): p.read_bytes() for p in sorted(folder.rglob("*")) if p.is_file()}


def test_vankien_builds_the_example_site_as_build_py_does(pip_installed, site_folder, tmp_path):
    located = _run([pip_installed / "python", "-c", "import vankien; print(vankien.__file__)"], cwd=tmp_path)
    assert "site-packages" in located.stdout  # the installed copy, not the repository's

    built = _run([pip_installed / "vankien", "build", "--output", tmp_path / "by-vankien"], cwd=site_folder)
    assert "Đã dựng / built" in built.stdout
    reference = run_cli(ROOT, "build", "--output", str(tmp_path / "by-build-py"))
    assert reference.returncode == 0, reference.stderr

    ours, theirs = tree(tmp_path / "by-vankien"), tree(tmp_path / "by-build-py")
    assert sorted(ours) == sorted(theirs)
    assert [name for name in ours if ours[name] != theirs[name]] == []
    assert any(name.startswith("static/css/") for name in ours)  # the package's static files were used
    assert any(name.startswith("pagefind/") for name in ours)


def test_vankien_has_the_subcommands_of_build_py(pip_installed, tmp_path):
    for command in ([pip_installed / "vankien"], [pip_installed / "python", "-m", "vankien"]):
        usage = _run([*command, "--help"], cwd=tmp_path).stdout
        assert usage.startswith("usage: vankien ")
        for name in SUBCOMMANDS:
            assert name in usage
    # a mistake in a site folder reads the same as from build.py: path:line:col, exit code 1
    config = "title: {vi: Thử, en: Test}\nbase_url: https://example.org/\ntitel: Thử\n"
    (tmp_path / "config.yaml").write_text(config, encoding="utf-8")
    checked = subprocess.run([pip_installed / "vankien", "check"], cwd=tmp_path, capture_output=True, text=True)
    assert checked.returncode == 1 and "config.yaml:3:1" in checked.stderr and "Traceback" not in checked.stderr


def test_pipx_install_gives_the_vankien_command(source, site_folder, tmp_path):
    env = {"PIPX_HOME": str(tmp_path / "pipx"), "PIPX_BIN_DIR": str(tmp_path / "bin"), "PIPX_MAN_DIR": str(tmp_path)}
    _run([sys.executable, "-m", "pipx", "install", "--pip-args=--disable-pip-version-check", source], env=env)
    checked = _run([tmp_path / "bin/vankien", "check"], cwd=site_folder)
    assert "content is valid: 3 văn bản / documents" in checked.stdout


# -- pins, lock file, declared dependencies (fast) ---------------------------------------------

PIN = re.compile(r"^([A-Za-z0-9][A-Za-z0-9._-]*)==([^\s;\\]+)")


def pins(path: Path) -> dict[str, str]:
    """{normalized name: version} of the `name==version` lines of a requirements or lock file."""
    found = {}
    for line in path.read_text(encoding="utf-8").splitlines():
        if match := PIN.match(line):
            found[re.sub(r"[-_.]+", "-", match[1]).lower()] = match[2]
    return found


def test_requirements_txt_is_only_pins_so_pip_install_can_read_it():
    """pyproject.toml declares requirements.txt's lines as the package's dependencies."""
    for number, line in enumerate((ROOT / "requirements.txt").read_text(encoding="utf-8").splitlines(), 1):
        assert not line.strip() or line.startswith("#") or PIN.fullmatch(line), f"requirements.txt:{number}: {line}"
    assert 'dependencies = { file = ["requirements.txt"] }' in (ROOT / "pyproject.toml").read_text(encoding="utf-8")


def test_the_lock_file_pins_what_the_requirements_pin():
    wanted = pins(ROOT / "requirements.txt") | pins(ROOT / "requirements-test.txt")
    locked = pins(ROOT / "requirements.lock")
    assert locked == wanted, "requirements*.txt changed: run `make lock`"
    text = (ROOT / "requirements.lock").read_text(encoding="utf-8")
    assert text.count("==") == len(locked) and text.count("==") <= text.count("--hash=sha256:")


def test_a_site_folder_overrides_the_package_templates_and_static_files(site_factory, tmp_path):
    root = site_factory({"static/css/site.css": "body { color: #123456; }\n"})
    (root / "templates/404.html").write_text("{% extends 'base.html' %}{% block content %}Lạc đường{% endblock %}\n")
    shutil.rmtree(root / "static/js")  # the package's scripts are used instead
    (root / "templates/home.html").unlink()  # and its home page template
    assert run_cli(root, "build", "--output", str(tmp_path / "out")).returncode == 0
    assert (tmp_path / "out/static/css/site.css").read_text() == "body { color: #123456; }\n"
    assert "Lạc đường" in (tmp_path / "out/404.html").read_text(encoding="utf-8")
    for script in (ROOT / "static/js").iterdir():
        assert (tmp_path / "out/static/js" / script.name).read_bytes() == script.read_bytes()
    assert (tmp_path / "out/index.html").exists()
