"""The Python output is black-stable at 88 without black; at the project's line length (its
``[tool.black]`` or ``[tool.ruff]`` ``line-length``), with ``--line-length``, or with custom
templates, it is formatted by black in-process, so ``black --check`` at that length passes and
``generate --check`` compares like with like."""

from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

import black
import pytest

from generator.cli import main
from generator.errors import ModelgenError
from generator.targets import emit
from generator.targets.python import PythonOptions
from generator.targets.python.emit import TEMPLATES
from generator.targets.python.emit import emit as emit_python
from generator.targets.python.formatting import project_line_length
from tests.support.models import example
from tests.support.paths import EXAMPLE_SPEC


def write(path: Path, text: str) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")
    return path


def length_for(out: Path) -> int | None:
    found = project_line_length(out)
    return None if found is None else found.line_length


def python_files(folder: Path) -> dict[str, str]:
    return {str(p.relative_to(folder)): p.read_text() for p in sorted(folder.rglob("*.py"))}


# --- the project's line length -------------------------------------------------------------


def test_tool_black_line_length_of_the_nearest_project_is_used(tmp_path: Path) -> None:
    write(tmp_path / "pyproject.toml", "[tool.black]\nline-length = 100\n")
    assert length_for(tmp_path / "src" / "generated") == 100


def test_tool_black_without_a_line_length_means_black_s_default(tmp_path: Path) -> None:
    write(tmp_path / "pyproject.toml", "[tool.black]\nline-length = 100\n")
    write(tmp_path / "sub" / "pyproject.toml", "[tool.black]\nskip-string-normalization = 1\n")
    assert length_for(tmp_path / "sub" / "out") is None


def test_tool_ruff_line_length_is_used_when_black_is_not_configured(tmp_path: Path) -> None:
    write(tmp_path / "pyproject.toml", "[tool.ruff]\nline-length = 120\n")
    assert length_for(tmp_path / "out") == 120
    write(tmp_path / "ruff.toml", "line-length = 90\n")  # ruff.toml wins over pyproject.toml
    assert length_for(tmp_path / "out") == 90


def test_black_wins_over_a_nearer_ruff_configuration(tmp_path: Path) -> None:
    write(tmp_path / "pyproject.toml", "[tool.black]\nline-length = 100\n")
    write(tmp_path / "pkg" / "pyproject.toml", "[tool.ruff]\nline-length = 120\n")
    assert length_for(tmp_path / "pkg" / "out") == 100


def test_a_folder_ruff_excludes_keeps_the_default(tmp_path: Path) -> None:
    write(
        tmp_path / "pyproject.toml",
        '[tool.ruff]\nline-length = 100\nextend-exclude = ["out", "gen/models"]\n',
    )
    assert length_for(tmp_path / "out" / "python") is None
    assert length_for(tmp_path / "gen" / "models") is None
    assert length_for(tmp_path / "gen" / "other") == 100


def test_the_walk_stops_at_the_repository_root(tmp_path: Path) -> None:
    write(tmp_path / "pyproject.toml", "[tool.black]\nline-length = 100\n")
    (tmp_path / "repo" / ".git").mkdir(parents=True)
    assert length_for(tmp_path / "repo" / "out") is None


def test_a_line_length_that_is_not_a_number_is_an_error_naming_the_file(tmp_path: Path) -> None:
    write(tmp_path / "pyproject.toml", '[tool.black]\nline-length = "wide"\n')
    with pytest.raises(ModelgenError, match=r"pyproject.toml \[tool.black\] line-length"):
        project_line_length(tmp_path / "out")


# --- formatting ------------------------------------------------------------------------------


def test_without_a_setting_the_output_is_the_fast_path_unchanged_by_black() -> None:
    files = emit("python", example(), package="fast").files
    mode = black.Mode()
    assert all(black.format_str(t, mode=mode) == t for p, t in files.items() if p.endswith(".py"))


def test_project_line_length_100_output_passes_black_check_at_100(tmp_path: Path) -> None:
    write(tmp_path / "pyproject.toml", "[tool.black]\nline-length = 100\n")
    out = tmp_path / "models"
    argv = ["generate", str(EXAMPLE_SPEC), "--lang", "python", "--out", str(out)]
    assert main(argv) == 0
    result = subprocess.run(
        [sys.executable, "-m", "black", "--check", "-l", "100", str(out)],
        capture_output=True,
        text=True,
    )
    assert result.returncode == 0, result.stderr
    fast = emit("python", example(), package="realtime_events_api").files
    formatted = python_files(out)
    assert formatted.keys() <= fast.keys()
    assert any(formatted[p] != fast[p] for p in formatted)  # black did lay it out at 100
    assert main([*argv, "--check"]) == 0


def test_line_length_flag_overrides_the_project_and_formatter_none_keeps_the_fast_path(
    tmp_path: Path,
) -> None:
    write(tmp_path / "pyproject.toml", "[tool.black]\nline-length = 100\n")
    fast = emit("python", example(), package="p").files
    unformatted = emit("python", example(), package="p", out=tmp_path, formatter="none").files
    assert unformatted == fast
    at_79 = emit("python", example(), package="p", out=tmp_path, line_length="79").files
    mode = black.Mode(line_length=79)
    assert all(black.format_str(t, mode=mode) == t for p, t in at_79.items() if p.endswith(".py"))
    assert at_79 != fast


def test_custom_templates_are_formatted_with_black(tmp_path: Path) -> None:
    templates = tmp_path / "templates"
    shutil.copytree(TEMPLATES, templates)
    models = templates / "models.py.jinja"
    text = models.read_text()
    models.write_text(
        text.replace(
            "from __future__ import annotations\n",
            "from __future__ import annotations\nEXTRA = ( 'a' ,'b' )\n\n\n\n",
        )
    )
    files = emit_python(example(), PythonOptions(package="custom"), templates).files
    assert 'EXTRA = ("a", "b")' in files["custom/models.py"]


def test_a_template_that_renders_invalid_python_is_an_error_naming_the_file(
    tmp_path: Path,
) -> None:
    templates = tmp_path / "templates"
    shutil.copytree(TEMPLATES, templates)
    (templates / "py.typed.jinja").write_text("")  # not Python: left alone
    init = templates / "__init__.py.jinja"
    init.write_text(init.read_text() + "\ndef broken(:\n")
    with pytest.raises(ModelgenError) as error:
        emit_python(example(), PythonOptions(package="bad"), templates)
    assert error.value.source is not None and error.value.source.file == "bad/__init__.py"


@pytest.mark.parametrize("value", ["wide", "5", "0"])
def test_a_bad_line_length_flag_exits_2(tmp_path: Path, value: str) -> None:
    argv = ["generate", str(EXAMPLE_SPEC), "--lang", "python", "--out", str(tmp_path / "o")]
    assert main([*argv, "--line-length", value]) == 2


def test_an_unknown_formatter_exits_2(tmp_path: Path) -> None:
    argv = ["generate", str(EXAMPLE_SPEC), "--lang", "python", "--out", str(tmp_path / "o")]
    assert main([*argv, "--formatter", "yapf"]) == 2
