"""The ``modelgen-check`` pre-commit hook (``.pre-commit-hooks.yaml``): run by ``pre-commit
try-repo`` on a project whose generated code is committed, it passes while the code is current
and fails, naming the stale file, once the spec changes.

``try-repo`` installs this checkout into a fresh virtualenv with pip, as a project using the hook
would; the test is marked ``pre_commit`` and skips when pre-commit or git is not installed."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
import yaml

from tests.support.paths import EXAMPLE_SPEC, ROOT

HOOKS = ROOT / ".pre-commit-hooks.yaml"

PYPROJECT = """\
[project]
name = "uses-modelgen"

[tool.modelgen]
source = "realtime.yaml"
lang = "python"
out = "gen"
"""


def pre_commit() -> list[str]:
    if shutil.which("git") is None:
        pytest.skip("git not installed")
    found = subprocess.run(
        [sys.executable, "-m", "pre_commit", "--version"], capture_output=True, text=True
    )
    if found.returncode != 0:
        pytest.skip("pre-commit not installed (pip install pre-commit)")
    return [sys.executable, "-m", "pre_commit"]


def git(repo: Path, *argv: str) -> None:
    subprocess.run(
        ["git", "-c", "user.name=t", "-c", "user.email=t@example.com", *argv],
        cwd=repo,
        check=True,
        capture_output=True,
    )


def test_the_hook_file_declares_modelgen_check_running_generate_check() -> None:
    hooks = yaml.safe_load(HOOKS.read_text())
    (hook,) = (h for h in hooks if h["id"] == "modelgen-check")
    assert hook["entry"] == "modelgen generate --check"
    assert hook["pass_filenames"] is False  # the jobs say what to check, not the staged files
    assert hook["language"] == "python"


@pytest.mark.pre_commit
def test_try_repo_passes_on_current_code_and_fails_after_the_spec_changes(
    tmp_path: Path,
) -> None:
    command = pre_commit()
    project = tmp_path / "project"
    project.mkdir()
    shutil.copyfile(EXAMPLE_SPEC, project / "realtime.yaml")
    (project / "pyproject.toml").write_text(PYPROJECT)
    generated = subprocess.run(
        [sys.executable, "-m", "generator.cli", "generate"],
        cwd=project,
        capture_output=True,
        text=True,
        env={**os.environ, "PYTHONPATH": str(ROOT)},
    )
    assert generated.returncode == 0, generated.stderr
    git(project, "init", "-q")
    git(project, "add", "-A")
    git(project, "commit", "-q", "-m", "generated")
    env = {**os.environ, "PRE_COMMIT_HOME": str(tmp_path / "pre-commit-home")}
    env.pop("PYTHONPATH", None)  # the hook must run the modelgen pre-commit installed

    def try_repo() -> subprocess.CompletedProcess[str]:
        return subprocess.run(
            [*command, "try-repo", str(ROOT), "modelgen-check", "--all-files", "--verbose"],
            cwd=project,
            capture_output=True,
            text=True,
            env=env,
        )

    current = try_repo()
    assert current.returncode == 0, current.stdout + current.stderr
    assert "modelgen generated code is current" in current.stdout
    assert "gen: 4 files: current" in current.stdout

    spec = project / "realtime.yaml"
    text = spec.read_text()
    said = "description: The voice the model speaks with."
    assert said in text
    spec.write_text(text.replace(said, "description: The voice the model answers in.", 1))
    stale = try_repo()
    assert stale.returncode == 1, stale.stdout + stale.stderr
    assert "stale: realtime_events_api/models.py" in stale.stdout
    assert "gen: out of date; run `modelgen generate` to update" in stale.stdout
