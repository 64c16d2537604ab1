"""The target-language registry: one line per language. A language is a module here with an
``emit(models, options) -> dict[str, str]`` function (relative path -> file text) and a template
folder ``templates/<name>/``. Modules are imported only when their language is asked for."""

from __future__ import annotations

import importlib
from collections.abc import Callable
from dataclasses import dataclass

from ..errors import ModelgenError
from ..ir import ModelSet


@dataclass(frozen=True)
class EmitOptions:
    """Options every emitter receives; each reads the ones that concern it."""

    package: str | None = None  # Python package / Dart library name; default from the title
    php_namespace: str | None = None  # default from the spec's title


Emitter = Callable[[ModelSet, EmitOptions], dict[str, str]]

# name -> module under generator.emitters. The one place a language is registered.
EMITTERS: dict[str, str] = {
    "python": "python",
    "dart": "dart",
    "php": "php",
    "docs-php": "docs_php",
    "docs-dart": "docs_dart",
    "docs-python": "docs_python",
}

# What `--lang all` means (the code targets; docs dialects are asked for by name).
ALL = ("python", "dart", "php")


def emitter(name: str) -> Emitter:
    if name not in EMITTERS:
        known = ", ".join(sorted(EMITTERS))
        raise ModelgenError(f"unknown language {name!r} (known: {known}, all)")
    module = importlib.import_module(f"{__name__}.{EMITTERS[name]}")
    emit: Emitter = module.emit
    return emit


def parse_languages(value: str) -> list[str]:
    """``python``, ``python,dart`` or ``all`` -> a list of registered names, in given order."""
    names: list[str] = []
    for part in value.split(","):
        part = part.strip()
        for name in ALL if part == "all" else (part,):
            if name not in EMITTERS:
                emitter(name)  # raises the error listing known names
            if name not in names:
                names.append(name)
    if not names:
        raise ModelgenError("--lang needs at least one language")
    return names
