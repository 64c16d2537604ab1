"""How a union is written in Python: its variants (a union that contains itself, directly or
through other unions, is the union of its other variants). The tags a discriminated union's
decoder dispatches on are ``ir.variant_tags``."""

from __future__ import annotations

from collections.abc import Mapping

from generator.errors import ModelgenError
from generator.ir import (
    Model,
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
    kept: set[TypeRef] = set()  # what ``result`` holds, to test without comparing to each
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
            elif variant not in kept:
                kept.add(variant)
                result.append(variant)

    seen.add(model.name)
    add(model.variants)
    if not result:
        raise ModelgenError(f"union {model.name!r} has no variants but itself", model.source)
    return result
