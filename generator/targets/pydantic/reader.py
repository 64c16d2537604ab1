"""Reads a package the pydantic target wrote back into a ModelSet (source kind
``pydantic-code``, for ``modelgen parity``), with the Python SDK reader (``python-sdk``): its
pydantic conventions are the ones datamodel-code-generator writes, and it matches classes to a
spec's models the same way (the set keeps the kind ``python-sdk``).

Three things are read differently: datamodel-code-generator writes a union as a
``RootModel`` over the variants (``class Pet(RootModel[Cat | Dog])``), which the SDK reader
reads as an alias of an inline union; here such a class is the union itself, as the spec says.
A class named differently from its schema (``GcsImport`` for ``gcsImport``) gets its schema
name back from the ``SCHEMA_NAMES`` table the emitter writes. And a free-form field (``Any``)
is of unknown nullability: datamodel-code-generator folds ``Any | None`` into ``Any``, so its
code cannot say whether the schema admits null there. ``modelgen parity SPEC
python-sdk:OUT/pydantic`` reads the same package without these steps.
"""

from __future__ import annotations

import ast
from collections import Counter
from collections.abc import Mapping
from dataclasses import replace
from pathlib import Path

from generator.ir import (
    ANY,
    AliasModel,
    Discriminator,
    Field,
    ListOf,
    MapOf,
    Model,
    ModelSet,
    Nullable,
    ObjectModel,
    Ref,
    TypeRef,
    UnionModel,
    model_refs,
)
from generator.sources import LoadOptions
from generator.targets.pydantic.markers import HEADER, MODELS_FILE, SCHEMA_NAMES
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


def schema_names(path: Path) -> dict[str, str]:
    """Class name -> schema name, from the ``SCHEMA_NAMES`` table of each package at or under
    ``path`` (none: every class is named as its schema)."""
    found: dict[str, str] = {}
    for folder in _packages(path):
        tree = ast.parse((folder / MODELS_FILE).read_text(encoding="utf-8"))
        for stmt in tree.body:
            if (
                isinstance(stmt, ast.AnnAssign)
                and isinstance(stmt.target, ast.Name)
                and stmt.target.id == SCHEMA_NAMES
                and stmt.value is not None
            ):
                table = ast.literal_eval(stmt.value)
                if isinstance(table, dict):
                    found.update({str(k): str(v) for k, v in table.items()})
    return found


def _renamed_type(type_: TypeRef, names: Mapping[str, str]) -> TypeRef:
    if isinstance(type_, Ref):
        return Ref(names.get(type_.name, type_.name))
    if isinstance(type_, ListOf):
        return replace(type_, item=_renamed_type(type_.item, names))
    if isinstance(type_, MapOf):
        return replace(type_, value=_renamed_type(type_.value, names))
    return type_


def renamed(models: ModelSet, names: Mapping[str, str]) -> ModelSet:
    """``models`` with the models ``names`` lists (and every reference to them) renamed."""
    if not names:
        return models

    def new(name: str) -> str:
        return names.get(name, name)

    out: list[Model] = []
    for model in models.models:
        if isinstance(model, ObjectModel):
            additional = model.additional
            model = replace(
                model,
                fields=tuple(replace(f, type=_renamed_type(f.type, names)) for f in model.fields),
                bases=tuple(new(b) for b in model.bases),
                additional=None if additional is None else _renamed_type(additional, names),
            )
        elif isinstance(model, UnionModel):
            found = model.discriminator
            discriminator = (
                None
                if found is None
                else Discriminator(
                    found.property,
                    tuple(sorted((tag, new(n)) for tag, n in found.mapping)),
                    found.inferred,
                )
            )
            model = replace(
                model,
                variants=tuple(_renamed_type(v, names) for v in model.variants),
                discriminator=discriminator,
            )
        elif isinstance(model, AliasModel):
            model = replace(model, target=_renamed_type(model.target, names))
        out.append(replace(model, name=new(model.name)))
    return replace(models, models=tuple(sorted(out, key=lambda m: m.name)))


def free_form_null_unknown(models: ModelSet) -> ModelSet:
    """``models`` with every free-form field (typed ``Any``) that does not admit null of
    unknown nullability: datamodel-code-generator writes ``Any`` for ``Any | None`` too."""

    def field(f: Field) -> Field:
        if f.type == ANY and f.nullable is Nullable.NO:
            return replace(f, nullable=Nullable.UNKNOWN)
        return f

    out: list[Model] = []
    for model in models.models:
        if isinstance(model, ObjectModel):
            model = replace(model, fields=tuple(field(f) for f in model.fields))
        elif isinstance(model, AliasModel) and model.target == ANY:
            if model.nullable is Nullable.NO:
                model = replace(model, nullable=Nullable.UNKNOWN)
        out.append(model)
    return replace(models, models=tuple(out))


def load(path: Path, options: LoadOptions) -> ModelSet:
    models = root_unions(sdk_reader.load(path, options))
    return renamed(free_form_null_unknown(models), schema_names(path))
