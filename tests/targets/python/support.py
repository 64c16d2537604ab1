"""Helpers shared by the Python emitter tests: generate packages once per test session into one
temporary folder, import them, and run mypy once over all of them."""

from __future__ import annotations

import atexit
import functools
import importlib
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path
from types import ModuleType

from generator.ir import ModelSet
from generator.output import write_tree
from generator.targets import emit


@functools.cache
def root() -> Path:
    folder = Path(tempfile.mkdtemp(prefix="modelgen-python-"))
    atexit.register(shutil.rmtree, folder, True)
    sys.path.insert(0, str(folder))
    return folder


_generated: dict[str, Path] = {}


def generate(models: ModelSet, package: str) -> Path:
    """Write the package for ``models`` (once per session) and return its folder."""
    if package not in _generated:
        files = emit("python", models, package=package).files
        out = root() / package
        write_tree(out, files)
        _generated[package] = out / package
    return _generated[package]


def import_package(models: ModelSet, package: str) -> ModuleType:
    folder = generate(models, package)
    sys.path.insert(0, str(folder.parent))
    return importlib.import_module(f"{package}.models")


def import_warnings_as_errors(package_dir: Path) -> subprocess.CompletedProcess[str]:
    """Import the package in a fresh interpreter with every warning an error."""
    return subprocess.run(
        [sys.executable, "-W", "error", "-c", f"import {package_dir.name}"],
        cwd=package_dir.parent,
        capture_output=True,
        text=True,
        timeout=120,
    )


_mypy_results: dict[tuple[str, ...], subprocess.CompletedProcess[str]] = {}


def mypy_strict(packages: list[Path]) -> subprocess.CompletedProcess[str]:
    """``mypy --strict`` over the given generated packages, run once per set."""
    key = tuple(sorted(str(p) for p in packages))
    if key not in _mypy_results:
        _mypy_results[key] = subprocess.run(
            [
                sys.executable,
                "-m",
                "mypy",
                "--strict",
                "--no-incremental",
                "--cache-dir",
                str(root() / ".mypy_cache"),
                *key,
            ],
            capture_output=True,
            text=True,
            timeout=600,
        )
    return _mypy_results[key]
