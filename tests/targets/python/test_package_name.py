"""The generated Python package's name never hides a module its code imports: a package named
``datetime`` (a spec ``datetime.yaml`` without a title) would import itself instead of the
standard library's ``datetime`` (issue 10)."""

from __future__ import annotations

import ast
import subprocess
import sys
from pathlib import Path

import pytest

from generator import cli
from generator.errors import ModelgenError
from generator.sources import load
from generator.targets import emit
from generator.targets.python import PythonOptions
from generator.targets.python.names import RUNTIME_DEPENDENCIES, SHADOWED_MODULES, package_name
from tests.support.models import example

UNTITLED = """openapi: 3.1.0
info: {version: '1'}
paths: {}
components:
  schemas:
    Stamp:
      type: object
      required: [at, id]
      properties:
        at: {type: string, format: date-time}
        id: {type: string, format: uuid}
        kind: {type: string, enum: [a, b]}
"""


def untitled_spec(folder: Path, stem: str) -> Path:
    spec = folder / f"{stem}.yaml"
    spec.write_text(UNTITLED)
    return spec


@pytest.mark.parametrize(
    "stem", ["datetime", "typing", "enum", "uuid", "dataclasses", "collections", "json"]
)
def test_a_name_derived_from_a_standard_library_module_gets_a_suffix(
    tmp_path: Path, stem: str
) -> None:
    models = load(untitled_spec(tmp_path, stem))
    assert package_name(models, PythonOptions()) == f"{stem}_models"


@pytest.mark.parametrize("stem", ["distutils", "telnetlib", "annotationlib", "compression"])
def test_modules_of_other_python_versions_count_too_so_the_name_is_the_same_everywhere(
    tmp_path: Path, stem: str
) -> None:
    models = load(untitled_spec(tmp_path, stem))
    assert package_name(models, PythonOptions()) == f"{stem}_models"


def test_other_names_are_kept(tmp_path: Path) -> None:
    models = load(untitled_spec(tmp_path, "stamps"))
    assert package_name(models, PythonOptions()) == "stamps"
    assert package_name(example(), PythonOptions()) == "realtime_events_api"


def test_a_package_option_naming_a_standard_library_module_is_refused() -> None:
    with pytest.raises(ModelgenError, match="standard-library module 'typing'"):
        package_name(example(), PythonOptions(package="typing"))


def test_every_module_the_generated_code_imports_is_one_a_package_may_not_be_named() -> None:
    imported: set[str] = set()
    for rel, text in emit("python", example()).files.items():
        if rel.endswith(".py"):
            for node in ast.walk(ast.parse(text)):
                if isinstance(node, ast.Import):
                    imported.update(alias.name.split(".")[0] for alias in node.names)
                elif isinstance(node, ast.ImportFrom) and node.level == 0 and node.module:
                    imported.add(node.module.split(".")[0])
    assert imported  # the check below is not vacuous
    # A new third-party import must be added to RUNTIME_DEPENDENCIES.
    assert imported <= set(sys.stdlib_module_names) | RUNTIME_DEPENDENCIES
    assert imported <= SHADOWED_MODULES


def test_datetime_yaml_without_a_title_generates_an_importable_package(tmp_path: Path) -> None:
    spec = untitled_spec(tmp_path, "datetime")
    out = tmp_path / "out"
    assert cli.main(["generate", str(spec), "--lang", "python", "--out", str(out)]) == 0
    script = (
        "import datetime, uuid, datetime_models as m\n"
        "s = m.Stamp.from_dict({'at': '2024-01-02T03:04:05Z', 'id': str(uuid.UUID(int=1)),"
        " 'kind': 'a'})\n"
        "assert isinstance(s.at, datetime.datetime) and isinstance(s.id, uuid.UUID)\n"
        "assert datetime.__file__ != m.__file__\n"
    )
    done = subprocess.run(
        [sys.executable, "-W", "error", "-c", script],
        cwd=out,
        capture_output=True,
        text=True,
        check=False,
    )
    assert done.returncode == 0, done.stderr
