"""Reads a package the pydantic target wrote back into a ModelSet (source kind
``pydantic-code``, for ``modelgen parity``), with the Python SDK reader (``python-sdk``): its
pydantic conventions are the ones datamodel-code-generator writes, and it matches classes to a
spec's models the same way (the set keeps the kind ``python-sdk``).

One convention is read differently: datamodel-code-generator writes a union as a
``RootModel`` over the variants (``class Pet(RootModel[Cat | Dog])``), which the SDK reader
reads as an alias of an inline union; here such a class is the union itself, as the spec says.
``modelgen parity SPEC python-sdk:OUT/pydantic`` reads the same package without this step.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import replace
from pathlib import Path

from generator.ir import AliasModel, Model, ModelSet, Nullable, Ref, UnionModel, model_refs
from generator.sources import LoadOptions
from generator.targets.pydantic.markers import HEADER, MODELS_FILE
from generator.targets.python import sdk_reader


def _packages(path: Path) -> list[Path]:
    """The generated package folders at or directly under ``path``."""
    if not path.is_dir():
        return []
    found: list[Path] = []
    for folder in [path, *sorted(p for p in path.iterdir() if p.is_dir())]:
        models = folder / MODELS_FILE
        if models.is_file():
            with models.open(encoding="utf-8", errors="replace") as handle:
                if handle.readline().startswith(HEADER):
                    found.append(folder)
    return found


def detect(path: Path) -> bool:
    return bool(_packages(path))


def root_unions(models: ModelSet) -> ModelSet:
    """``models`` with every alias of an inline union that nothing else uses replaced by the
    union, under the alias's name."""
    by_name = models.by_name()
    uses: Counter[str] = Counter()
    for model in models.models:
        uses.update(set(model_refs(model)))
    merged: dict[str, Model] = {}
    dropped: set[str] = set()
    for model in models.models:
        if not isinstance(model, AliasModel) or not isinstance(model.target, Ref):
            continue
        inner = by_name.get(model.target.name)
        if isinstance(inner, UnionModel) and inner.inline and uses[inner.name] == 1:
            nullable = (
                Nullable.YES
                if Nullable.YES in (model.nullable, inner.nullable)
                else (inner.nullable)
            )
            merged[model.name] = replace(
                inner,
                name=model.name,
                nullable=nullable,
                description=model.description or inner.description,
                source=model.source,
                inline=False,
            )
            dropped.add(inner.name)
    kept = tuple(merged.get(m.name, m) for m in models.models if m.name not in dropped)
    return replace(models, models=kept)


def load(path: Path, options: LoadOptions) -> ModelSet:
    return root_unions(sdk_reader.load(path, options))
