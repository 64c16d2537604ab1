"""Checks a model set must pass before code is generated from it."""

from __future__ import annotations

import re
from dataclasses import replace

from generator.errors import Warnings
from generator.ir.model import (
    ANY,
    AliasModel,
    Discriminator,
    ListOf,
    MapOf,
    Model,
    ModelSet,
    ObjectModel,
    Primitive,
    Ref,
    Source,
    TypeRef,
    UnionModel,
)
from generator.ir.query import type_refs

_ENUM_NAME = re.compile(r"Enum(?:[A-Z0-9_]|$)")


def check_references(models: ModelSet, warnings: Warnings | None = None) -> ModelSet:
    """Code can only be generated for a set that refers to its own models only. A reference to
    a model that is not there (a markdown doc given without the docs it links to, an inline
    enum OpenAPI Generator names but never documents) is degraded: the reference becomes a
    free-form value, or a string where the name says it is an enum (``KindEnum``), with a
    ``missing-model`` warning naming the place; a discriminator mapping entry naming it is
    dropped. With a strict ``warnings`` (or none given), it is an error naming the place,
    before any emitter runs. (Loading such a set is fine: parity and diff compare names and
    need no closure.) Returns the set, repaired, with the warnings added to its diagnostics."""
    warnings = warnings if warnings is not None else Warnings(strict=True)
    names = {model.name for model in models.models}
    found = len(warnings.items)
    repaired: list[Model] = []
    for model in models.models:
        if _known_refs(model, names):
            repaired.append(model)  # nothing to repair (most models: no need to rebuild it)
            continue

        def fix(t: TypeRef, source: Source, what: str, model: Model = model) -> TypeRef:
            return _fix(t, names, warnings, f"{model.name}: {what}", source)

        if isinstance(model, ObjectModel):
            fields = tuple(
                replace(f, type=fixed)
                if (fixed := fix(f.type, f.source, f"property {f.name!r}")) is not f.type
                else f
                for f in model.fields
            )
            additional = model.additional
            if additional is not None:
                additional = fix(additional, model.source, "additionalProperties")
            if fields != model.fields or additional is not model.additional:
                model = replace(model, fields=fields, additional=additional)
        elif isinstance(model, UnionModel):
            variants = tuple(
                dict.fromkeys(fix(v, model.source, "a union variant") for v in model.variants)
            )
            discriminator = model.discriminator
            if discriminator is not None:
                kept = []
                for value, target in discriminator.mapping:
                    if target in names:
                        kept.append((value, target))
                        continue
                    warnings.degrade(
                        f"{model.name}: the discriminator mapping refers to model {target!r},"
                        " which is not among the loaded models",
                        model.source,
                        f"the mapping entry {value!r} is dropped",
                        "missing-model",
                    )
                discriminator = Discriminator(
                    discriminator.property, tuple(kept), discriminator.inferred
                )
            if variants != model.variants or discriminator != model.discriminator:
                model = replace(model, variants=variants, discriminator=discriminator)
        elif isinstance(model, AliasModel):
            aliased = fix(model.target, model.source, "the alias")
            if aliased is not model.target:
                model = replace(model, target=aliased)
        repaired.append(model)
    if len(warnings.items) == found:
        return models
    return replace(
        models,
        models=tuple(repaired),
        diagnostics=(*models.diagnostics, *warnings.items[found:]),
    )


def _known_refs(model: Model, names: set[str]) -> bool:
    """Whether an object or alias model refers to models in ``names`` only (a union is always
    rebuilt: its variants are also made distinct)."""
    if isinstance(model, ObjectModel):
        for f in model.fields:
            if not isinstance(f.type, Primitive) and not _known(f.type, names):
                return False
        return model.additional is None or _known(model.additional, names)
    if isinstance(model, AliasModel):
        return _known(model.target, names)
    return not isinstance(model, UnionModel)


def _known(t: TypeRef, names: set[str]) -> bool:
    return all(name in names for name in type_refs(t))


def _fix(t: TypeRef, names: set[str], warnings: Warnings, what: str, source: Source) -> TypeRef:
    if isinstance(t, Ref):
        if t.name in names:
            return t
        enum = _ENUM_NAME.search(t.name) is not None
        warnings.degrade(
            f"{what} refers to model {t.name!r}, which is not among the loaded models",
            source,
            "read as a string (its name says it is an enum)" if enum else "read as any JSON value",
            "missing-model",
        )
        return Primitive("string") if enum else ANY
    if isinstance(t, ListOf):
        item = _fix(t.item, names, warnings, what, source)
        return t if item is t.item else replace(t, item=item)
    if isinstance(t, MapOf):
        value = _fix(t.value, names, warnings, what, source)
        return t if value is t.value else MapOf(value)
    return t
