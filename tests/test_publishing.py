"""Publishing and the container preview run the Makefile's own commands.

No Docker engine or CI runner is at hand here, so these read the files: the GitHub workflow and
the GitLab job run `make test` then `make site` on pushes to main and publish the folder that
`make site` writes; every `make` command of the Dockerfile is one the Makefile can run (checked
with `make -n`), from only the files copied before it.
"""

from __future__ import annotations

import json
import re
import shlex
import shutil
import subprocess

import yaml

from tests.conftest import ROOT


def make_dry_run(folder, args: list[str]) -> subprocess.CompletedProcess:
    return subprocess.run(["make", "-n", *args], cwd=folder, capture_output=True, text=True)


def test_github_workflow_tests_builds_and_publishes_on_push_to_main():
    workflow = yaml.safe_load((ROOT / ".github/workflows/pages.yml").read_text(encoding="utf-8"))
    triggers = workflow[True]  # YAML 1.1 reads the key `on` as true
    assert triggers["push"]["branches"] == ["main"]
    assert workflow["permissions"]["pages"] == "write" and workflow["permissions"]["id-token"] == "write"
    steps = workflow["jobs"]["build"]["steps"]
    runs = [step["run"] for step in steps if "run" in step and step["run"].startswith("make")]
    assert runs == ["make test", "make site"]
    upload = next(step for step in steps if step.get("uses", "").startswith("actions/upload-pages-artifact"))
    assert upload["with"]["path"] == "site"
    assert steps.index(upload) > max(i for i, step in enumerate(steps) if step.get("run") == "make site")
    deploy = workflow["jobs"]["deploy"]
    assert deploy["needs"] == "build" and deploy["steps"][0]["uses"].startswith("actions/deploy-pages")


def test_gitlab_job_tests_builds_and_publishes_on_push_to_main():
    pipeline = yaml.safe_load((ROOT / ".gitlab-ci.yml").read_text(encoding="utf-8"))
    job = pipeline["pages"]  # GitLab publishes the job named pages
    assert job["rules"] == [{"if": '$CI_COMMIT_BRANCH == "main"'}]
    assert job["script"][:2] == ["make test", "make site"]
    assert job["script"][2].startswith("rm -rf public && mv site public")
    assert job["artifacts"]["paths"] == ["public"]


def test_the_ci_images_are_the_debian_and_python_of_the_project():
    workflow = yaml.safe_load((ROOT / ".github/workflows/pages.yml").read_text(encoding="utf-8"))
    pipeline = yaml.safe_load((ROOT / ".gitlab-ci.yml").read_text(encoding="utf-8"))
    dockerfile = (ROOT / "Dockerfile").read_text(encoding="utf-8")
    base = re.search(r"^FROM (\S+)", dockerfile, re.M)[1]
    assert workflow["jobs"]["build"]["container"]["image"] == pipeline["pages"]["image"] == base
    python = re.search(r"python:(\d+\.\d+)-", base)[1]
    assert f">={python}" in (ROOT / "pyproject.toml").read_text(encoding="utf-8")


def dockerfile_instructions() -> list[tuple[str, str]]:
    text = (ROOT / "Dockerfile").read_text(encoding="utf-8").replace("\\\n", " ")
    return [
        (line.split(None, 1)[0], line.split(None, 1)[1])
        for line in text.splitlines()
        if line.strip() and not line.startswith("#")
    ]


def test_dockerfile_installs_and_serves_with_the_makefile_targets(tmp_path):
    instructions = dockerfile_instructions()
    copied_first = next(args for op, args in instructions if op == "COPY").split()[:-1]
    install = next(args for op, args in instructions if op == "RUN" and args.startswith("make "))
    command = json.loads(next(args for op, args in instructions if op == "CMD"))
    assert command[:2] == ["make", "serve"]

    # The install step needs only the files copied before it: its targets resolve in a folder
    # that holds nothing else (a missing prerequisite stops `make -n`).
    for name in copied_first:
        shutil.copy(ROOT / name, tmp_path / name)
    dry = make_dry_run(tmp_path, shlex.split(install)[1:])
    assert dry.returncode == 0, dry.stderr
    assert "pip install" in dry.stdout and "-r requirements.txt" in dry.stdout and "npm ci" in dry.stdout

    serve = make_dry_run(ROOT, command[1:])
    assert serve.returncode == 0, serve.stderr
    assert "build.py serve --host 0.0.0.0" in serve.stdout  # reachable through the published port
    assert re.search(r"^EXPOSE 8000$", (ROOT / "Dockerfile").read_text(encoding="utf-8"), re.M)


def test_compose_mounts_the_editable_folders_into_the_image_workdir():
    compose = yaml.safe_load((ROOT / "compose.yaml").read_text(encoding="utf-8"))
    workdir = next(args for op, args in dockerfile_instructions() if op == "WORKDIR")
    service = compose["services"]["preview"]
    assert service["build"] == "."
    assert "127.0.0.1:8000:8000" in service["ports"]
    mounts = dict(volume.split(":") for volume in service["volumes"])
    assert mounts["./content"] == f"{workdir}/content"
    for host, inside in mounts.items():
        assert (ROOT / host).is_dir() and inside == f"{workdir}/{host.removeprefix('./')}"


def test_docker_build_context_leaves_out_what_the_image_installs():
    ignored = (ROOT / ".dockerignore").read_text(encoding="utf-8").split()
    for name in (".venv", "node_modules", "site", ".git"):
        assert name in ignored
