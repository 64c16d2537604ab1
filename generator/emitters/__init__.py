"""The target-language registry: one line per language. A language is a module here with an
``emit(models, options) -> dict[str, str]`` function (relative path -> file text) and a template
folder ``templates/<name>/``. Modules are imported only when their language is asked for."""

from __future__ import annotations

import importlib
from collections.abc import Callable, Iterable
from dataclasses import dataclass

from ..errors import ModelgenError
from ..ir import (
    AliasModel,
    ModelSet,
    ObjectModel,
    Source,
    UnionModel,
    type_refs,
)


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


def check_references(models: ModelSet) -> ModelSet:
    """Code can only be generated for a set that refers to its own models only: a reference to
    a model that is not there (a markdown doc given without the docs it links to, say) is an
    error naming the place that refers to it, before any emitter runs. (Loading such a set is
    fine: parity and diff compare names and need no closure.)"""
    names = {model.name for model in models.models}
    for model in models.models:
        uses: list[tuple[Iterable[str], Source, str]] = []
        if isinstance(model, ObjectModel):
            uses += [(type_refs(f.type), f.source, f"property {f.name!r}") for f in model.fields]
            if model.additional is not None:
                uses.append((type_refs(model.additional), model.source, "additionalProperties"))
        elif isinstance(model, UnionModel):
            uses += [(type_refs(v), model.source, "a union variant") for v in model.variants]
            if model.discriminator is not None:
                targets = [target for _, target in model.discriminator.mapping]
                uses.append((targets, model.source, "the discriminator mapping"))
        elif isinstance(model, AliasModel):
            uses.append((type_refs(model.target), model.source, "the alias"))
        for refs, source, what in uses:
            for name in refs:
                if name not in names:
                    raise ModelgenError(
                        f"{model.name}: {what} refers to model {name!r}, which is not among"
                        " the loaded models",
                        source,
                    )
    return models
