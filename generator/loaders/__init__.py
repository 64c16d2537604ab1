"""The input registry: every command that takes a source (a spec, a markdown docs folder, a
folder of generated code) goes through :func:`load`. A loader is a module here with
``detect(path) -> bool`` and ``load(path, options) -> ModelSet``; the first whose ``detect``
accepts the path is used, unless ``--from`` names one."""

from __future__ import annotations

import importlib
from dataclasses import dataclass
from pathlib import Path
from types import ModuleType

from ..errors import ModelgenError
from ..ir import ModelSet, Source


@dataclass(frozen=True)
class LoadOptions:
    allow_external_refs: bool = False  # $ref to files outside the spec's folder tree
    allow_remote_refs: bool = False  # $ref to http(s) URLs
    spec: Path | None = None  # a spec that fills what markdown docs cannot say


# name -> module under generator.loaders, in detection order.
LOADERS: dict[str, str] = {
    "openapi": "openapi",
    "python-code": "python_code",
    "dart-code": "dart_code",
    "php-code": "php_code",
    "markdown": "markdown",
    "openapi-generator": "openapi_generator_code",
}


def _module(name: str) -> ModuleType:
    return importlib.import_module(f"{__name__}.{LOADERS[name]}")


def load(path: Path | str, options: LoadOptions | None = None, kind: str | None = None) -> ModelSet:
    path = Path(path)
    options = options or LoadOptions()
    if not path.exists():
        raise ModelgenError("no such file or folder", Source(str(path)))
    if kind is not None:
        if kind not in LOADERS:
            raise ModelgenError(f"unknown input kind {kind!r} (known: {', '.join(LOADERS)})")
        result: ModelSet = _module(kind).load(path, options)
        return result
    for name in LOADERS:
        module = _module(name)
        if module.detect(path):
            detected: ModelSet = module.load(path, options)
            return detected
    raise ModelgenError(
        "not a source modelgen can read (an OpenAPI document, a markdown docs folder,"
        " or generated code)",
        Source(str(path)),
    )
