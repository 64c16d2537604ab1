"""The Python emitter over the 304 edge-case specs of another generator's test suite
(``dmcg-openapi``): every spec the loader accepts gives a package that compiles, imports with
warnings as errors, resolves its type hints and passes ``mypy --strict``; a sample of every
tenth package is checked with black (black over all of them takes ~30 s of CPU)."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

from generator.errors import ModelgenError
from generator.output import write_tree
from generator.sources import load
from generator.targets import emit
from tests.support.paths import CORPUS, need

DMCG = CORPUS / "dmcg-openapi"

_IMPORT_ALL = """
import dataclasses, importlib, sys, typing
for folder in sys.argv[1:]:
    sys.path.insert(0, folder)
    module = importlib.import_module(folder.rsplit("/d", 1)[1].join(("p", ".models")))
    for name in module.__all__:
        value = getattr(module, name)
        if isinstance(value, type) and dataclasses.is_dataclass(value):
            typing.get_type_hints(value)
"""


@pytest.fixture(scope="module")
def generated(tmp_path_factory: pytest.TempPathFactory) -> list[Path]:
    need(DMCG)
    root = tmp_path_factory.mktemp("dmcg")
    folders: list[Path] = []
    specs = sorted(p for p in DMCG.rglob("*") if p.suffix in (".yaml", ".yml", ".json"))
    for spec in specs:
        try:
            models = load(spec)
        except ModelgenError:
            continue  # the loader's own tests cover what it refuses
        n = len(folders)
        files = emit("python", models, package=f"p{n}").files
        write_tree(root / f"d{n}", files)
        folders.append(root / f"d{n}")
    assert len(folders) > 200
    return folders


@pytest.mark.slow
def test_every_loadable_edge_case_spec_imports_with_warnings_as_errors(
    generated: list[Path],
) -> None:
    result = subprocess.run(
        [sys.executable, "-W", "error", "-c", _IMPORT_ALL, *map(str, generated)],
        capture_output=True,
        text=True,
    )
    assert result.returncode == 0, result.stderr[-3000:]


@pytest.mark.slow
def test_every_loadable_edge_case_spec_passes_mypy_strict(generated: list[Path]) -> None:
    packages = [str(folder / f"p{folder.name[1:]}") for folder in generated]
    result = subprocess.run(
        [sys.executable, "-m", "mypy", "--strict", "--no-incremental", *packages],
        capture_output=True,
        text=True,
    )
    assert result.returncode == 0, result.stdout[-3000:]


@pytest.mark.slow
def test_a_sample_of_edge_case_packages_is_black_stable(generated: list[Path]) -> None:
    result = subprocess.run(
        [sys.executable, "-m", "black", "--check", "--diff", "-q", *map(str, generated[::10])],
        capture_output=True,
        text=True,
    )
    assert result.returncode == 0, result.stdout[-3000:]
