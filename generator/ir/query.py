"""Queries on the IR, each defined once: what a type or model refers to.

Everything that asks a question of the IR (emitters, parity, diff) asks it here, so that one
question has one answer; where callers legitimately need different answers, the difference is a
named policy argument, not a second implementation.
"""

from __future__ import annotations

from collections.abc import Iterator

from generator.ir.model import (
    AliasModel,
    ListOf,
    MapOf,
    Model,
    ObjectModel,
    Ref,
    TypeRef,
    UnionModel,
)


def type_refs(t: TypeRef) -> Iterator[str]:
    """Names of the models a type refers to (through lists and maps)."""
    if isinstance(t, Ref):
        yield t.name
    elif isinstance(t, ListOf):
        yield from type_refs(t.item)
    elif isinstance(t, MapOf):
        yield from type_refs(t.value)


def model_refs(model: Model) -> Iterator[str]:
    """Names ``model`` references directly: field types, additional properties, bases, union
    variants and discriminator targets, alias targets."""
    if isinstance(model, ObjectModel):
        for f in model.fields:
            yield from type_refs(f.type)
        if model.additional is not None:
            yield from type_refs(model.additional)
        yield from model.bases
    elif isinstance(model, UnionModel):
        for v in model.variants:
            yield from type_refs(v)
        if model.discriminator is not None:
            yield from (name for _, name in model.discriminator.mapping)
    elif isinstance(model, AliasModel):
        yield from type_refs(model.target)
