"""``modelgen completion SHELL`` prints a completion script built from the parser: commands,
options and their choices complete, paths complete as files and output folders as folders."""

from __future__ import annotations

import argparse
import os
import shlex
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from generator.cli import COMPLETION_SHELLS, build_parser
from tests.support.paths import ROOT


def script(shell: str) -> str:
    done = subprocess.run(
        [sys.executable, "-m", "generator.cli", "completion", shell],
        cwd=ROOT,
        env={**os.environ, "PYTHONPATH": str(ROOT)},
        capture_output=True,
        text=True,
        check=False,
    )
    assert done.returncode == 0, done.stderr
    return done.stdout


def bash_completes(tmp_path: Path, *words: str) -> list[str]:
    """What bash offers for the command line ``words`` (the last one being typed), run in
    ``tmp_path``."""
    bash = shutil.which("bash")
    if bash is None:
        pytest.skip("bash is not installed")
    (tmp_path / "completion.bash").write_text(script("bash"))
    line = " ".join(words)
    program = f"""
source completion.bash
COMP_WORDS=({" ".join(shlex.quote(w) for w in words)})
COMP_CWORD={len(words) - 1}
COMP_LINE={shlex.quote(line)}
COMP_POINT={len(line)}
COMPREPLY=()
_shtab_modelgen
printf '%s\\n' "${{COMPREPLY[@]}}"
"""
    done = subprocess.run(
        [bash, "-c", program], cwd=tmp_path, capture_output=True, text=True, check=False
    )
    assert done.returncode == 0, done.stderr
    return sorted(w.rstrip("/") for w in done.stdout.splitlines() if w)


def test_bash_completes_the_commands(tmp_path: Path) -> None:
    (subparsers,) = (
        a for a in build_parser()._actions if isinstance(a, argparse._SubParsersAction)
    )
    commands = sorted(subparsers.choices)
    assert bash_completes(tmp_path, "modelgen", "") == commands
    assert bash_completes(tmp_path, "modelgen", "gen") == ["generate"]


def test_bash_completes_a_commands_options_and_their_choices(tmp_path: Path) -> None:
    assert {"--format", "--fail-on"} <= set(bash_completes(tmp_path, "modelgen", "diff", "--f"))
    assert bash_completes(tmp_path, "modelgen", "diff", "--format", "") == [
        "github",
        "json",
        "markdown",
        "text",
    ]
    assert bash_completes(tmp_path, "modelgen", "completion", "") == sorted(COMPLETION_SHELLS)


def test_bash_completes_a_source_as_a_file_and_the_output_as_a_folder(tmp_path: Path) -> None:
    (tmp_path / "specs").mkdir()
    (tmp_path / "spec.yaml").write_text("openapi: 3.1.0\n")
    assert bash_completes(tmp_path, "modelgen", "generate", "sp") == ["spec.yaml", "specs"]
    assert bash_completes(tmp_path, "modelgen", "generate", "--out", "sp") == ["specs"]


@pytest.mark.parametrize("shell", COMPLETION_SHELLS)
def test_every_shell_gets_a_script_naming_every_command(shell: str) -> None:
    text = script(shell)
    for command in ("generate", "parity", "diff", "templates", "completion"):
        assert command in text, (shell, command)


def test_the_bash_script_is_valid_bash(tmp_path: Path) -> None:
    bash = shutil.which("bash")
    if bash is None:
        pytest.skip("bash is not installed")
    path = tmp_path / "completion.bash"
    path.write_text(script("bash"))
    done = subprocess.run([bash, "-n", str(path)], capture_output=True, text=True, check=False)
    assert done.returncode == 0, done.stderr
