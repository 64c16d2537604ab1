"""Checks a model set must pass before code is generated from it."""

from __future__ import annotations

from collections.abc import Iterable

from generator.errors import ModelgenError
from generator.ir.model import AliasModel, ModelSet, ObjectModel, Source, UnionModel
from generator.ir.query import type_refs


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
