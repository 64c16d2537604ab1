"""How a union is written in Python: its variants (a union that contains itself, directly or
through other unions, is the union of its other variants) and, for a discriminated union, the
(tag, variant) pairs its decoder dispatches on."""

from __future__ import annotations

from collections.abc import Mapping

from generator.errors import ModelgenError
from generator.ir import (
    EnumModel,
    Model,
    ObjectModel,
    Ref,
    TypeRef,
    UnionModel,
    resolve_name,
)


def resolve(by_name: Mapping[str, Model], name: str) -> str:
    """``name``, or the model an alias chain (``A = B``) leads to."""
    return resolve_name(name, by_name.get)


def nested_unions(by_name: Mapping[str, Model], name: str) -> set[str]:
    """The unions reachable from union ``name`` through variants that are unions."""
    found: set[str] = set()
    todo = [name]
    while todo:
        model = by_name.get(todo.pop())
        if not isinstance(model, UnionModel):
            continue
        for variant in model.variants:
            if isinstance(variant, Ref) and isinstance(by_name.get(variant.name), UnionModel):
                if variant.name not in found:
                    found.add(variant.name)
                    todo.append(variant.name)
    return found


def union_cycle(by_name: Mapping[str, Model], model: UnionModel) -> set[str]:
    """The unions that contain ``model`` and are contained by it, directly or through
    other unions (``A = str | B``, ``B = int | A``): such a cycle adds no values."""
    reach = nested_unions(by_name, model.name)
    if model.name not in reach:
        return set()
    return {u for u in reach if model.name in nested_unions(by_name, u)}


def variants(by_name: Mapping[str, Model], model: UnionModel) -> list[TypeRef]:
    """The variants, with unions of the same cycle replaced by their own variants (a
    union that contains itself is the union of its other variants)."""
    cycle = union_cycle(by_name, model)
    result: list[TypeRef] = []
    seen: set[str] = set()

    def add(found: tuple[TypeRef, ...]) -> None:
        for variant in found:
            resolved = resolve(by_name, variant.name) if isinstance(variant, Ref) else ""
            if resolved in cycle or resolved == model.name:
                if resolved not in seen:
                    seen.add(resolved)
                    target = by_name[resolved]
                    assert isinstance(target, UnionModel)
                    add(target.variants)
            elif variant not in result:
                result.append(variant)

    seen.add(model.name)
    add(model.variants)
    if not result:
        raise ModelgenError(f"union {model.name!r} has no variants but itself", model.source)
    return result


def tagged_variants(
    by_name: Mapping[str, Model], model: UnionModel
) -> list[tuple[str | None, str]]:
    """(tag, model name) pairs for a discriminated union: the declared mapping first,
    then the tags the variants state themselves (a const or a one-value enum property),
    looking through variants that are unions; ``None`` for a variant with no tag."""
    assert model.discriminator is not None
    prop = model.discriminator.property
    cycle = union_cycle(by_name, model) | {model.name}
    pairs: list[tuple[str | None, str]] = [
        (tag, target) for tag, target in model.discriminator.mapping if target not in cycle
    ]
    seen: set[str] = {model.name}

    def visit(name: str) -> None:
        if name in seen:
            return
        seen.add(name)
        target = by_name.get(name)
        if isinstance(target, UnionModel):
            for variant in target.variants:
                if isinstance(variant, Ref):
                    visit(variant.name)
            return
        tags: list[str | None] = []
        if isinstance(target, ObjectModel):
            for f in target.fields:
                if f.name != prop:
                    continue
                if f.const is not None and isinstance(f.const.value, str):
                    tags.append(f.const.value)
                elif isinstance(f.type, Ref):
                    enum = by_name.get(f.type.name)
                    if isinstance(enum, EnumModel) and enum.values:
                        tags.extend(v.value for v in enum.values if isinstance(v.value, str))
        for tag in tags or [None]:
            if (tag, name) not in pairs:
                pairs.append((tag, name))

    for variant in model.variants:
        if isinstance(variant, Ref):
            visit(variant.name)
    return pairs
