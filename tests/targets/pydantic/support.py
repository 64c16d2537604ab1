"""Helpers shared by the pydantic target's tests: write a package, import it, run mypy with
pydantic's plugin, and validate JSON through a generated class."""

from __future__ import annotations

import importlib
import subprocess
import sys
from pathlib import Path
from types import ModuleType
from typing import Any

from generator.ir import ModelSet, Nullable
from generator.output import write_tree
from generator.targets import Emitted, emit
from generator.targets.pydantic.markers import MODELS_FILE

MYPY_CONFIG = "[mypy]\nplugins = pydantic.mypy\nstrict = True\n"


def write_package(models: ModelSet, folder: Path, package: str) -> tuple[Path, Emitted]:
    """The package for ``models`` written under ``folder``; its folder and what was emitted."""
    emitted = emit("pydantic", models, package=package)
    write_tree(folder, emitted.files)
    return folder / package, emitted


def import_models(package_dir: Path) -> ModuleType:
    """The package's ``models`` module, imported (its parent folder joins ``sys.path``)."""
    parent = str(package_dir.parent)
    if parent not in sys.path:
        sys.path.insert(0, parent)
    return importlib.import_module(f"{package_dir.name}.{MODELS_FILE.removesuffix('.py')}")


def mypy_errors(packages: list[Path], cache: Path) -> list[str]:
    """The error lines of ONE ``mypy --strict`` run with the pydantic plugin over
    ``packages`` (paths shown relative to their common parent)."""
    config = cache / "mypy.ini"
    config.parent.mkdir(parents=True, exist_ok=True)
    config.write_text(MYPY_CONFIG, encoding="utf-8")
    done = subprocess.run(
        [
            sys.executable,
            "-m",
            "mypy",
            "--config-file",
            str(config),
            "--no-incremental",
            "--cache-dir",
            str(cache / ".mypy_cache"),
            *(str(p) for p in packages),
        ],
        capture_output=True,
        text=True,
        timeout=1200,
    )
    lines = [line for line in done.stdout.splitlines() if ": error:" in line]
    assert lines or done.returncode == 0, done.stdout[-2000:] + done.stderr[-2000:]
    return lines


def round_trip(cls: Any, value: Any, nullable: Nullable) -> Any:
    """``value`` validated by ``cls`` (or ``None``, where the model allows null: a class
    cannot hold it) and dumped back as JSON by alias, unset fields left out. Enums, which have
    no ``model_validate``, go through a TypeAdapter like everything else."""
    from pydantic import TypeAdapter

    adapter: TypeAdapter[Any] = TypeAdapter(cls | None if nullable is not Nullable.NO else cls)
    loaded = adapter.validate_python(value)
    return adapter.dump_python(loaded, mode="json", by_alias=True, exclude_unset=True)
