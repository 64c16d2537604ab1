"""One JSON instance per variant of every discriminated union of a model set, built from the IR
alone: the variant's declared properties (required and optional) with plain values, and its
tag set to a value it states itself (its ``const``, else its tag enum's first value, else a
mapping value naming it). Where the variant leaves the tag optional, a second instance leaves
it out. Each instance should decode to the object model it was built from, in every language.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass

from generator.ir import (
    AliasModel,
    EnumModel,
    JsonValue,
    ListOf,
    MapOf,
    Model,
    ModelSet,
    ObjectModel,
    Primitive,
    Ref,
    TypeRef,
    UnionModel,
)

FORMATS: dict[str, str] = {
    "date-time": "2024-01-02T03:04:05Z",
    "date": "2024-01-02",
    "uuid": "123e4567-e89b-12d3-a456-426614174000",
}


@dataclass(frozen=True, slots=True)
class UnionCase:
    union: str
    variant: str  # the union's variant the instance was built for
    expected: str  # the object model it must decode to (a nested union's first object)
    tagged: bool  # whether the instance carries the tag
    tag: str | None  # the tag value it carries
    data: JsonValue

    @property
    def id(self) -> str:
        return f"{self.union}/{self.variant}/{'tag' if self.tagged else 'no-tag'}"


class _TooDeep(Exception):
    pass


class _Builder:
    def __init__(self, by_name: Mapping[str, Model]) -> None:
        self.by_name = by_name

    def value(self, t: TypeRef, depth: int) -> JsonValue:
        if depth > 12:
            raise _TooDeep
        if isinstance(t, Primitive):
            if t.kind == "string":
                return FORMATS.get(t.format or "", "x")
            return {"integer": 1, "number": 1.5, "boolean": True}.get(t.kind, {"free": [1]})
        if isinstance(t, ListOf):
            return [self.value(t.item, depth + 1)] if depth < 4 else []
        if isinstance(t, MapOf):
            return {"k": self.value(t.value, depth + 1)} if depth < 4 else {}
        model = self.by_name[t.name]
        if isinstance(model, ObjectModel):
            return self.object(model, depth, None, True)
        if isinstance(model, EnumModel):
            for v in model.values or ():
                if v.value is not None:
                    return v.value
            return self.value(Primitive(model.base), depth)
        if isinstance(model, UnionModel):
            for variant in model.variants:
                try:
                    return self.value(variant, depth + 1)
                except _TooDeep:
                    continue
            raise _TooDeep
        assert isinstance(model, AliasModel)
        return self.value(model.target, depth + 1)

    def object(
        self, model: ObjectModel, depth: int, tag: tuple[str, str] | None, with_tag: bool
    ) -> dict[str, JsonValue]:
        found: dict[str, JsonValue] = {}
        for f in model.fields:
            if tag is not None and f.name == tag[0]:
                if with_tag:
                    found[f.name] = tag[1]
                continue
            if not f.required and depth >= 2:
                continue
            if f.const is not None:
                found[f.name] = f.const.value
            else:
                found[f.name] = self.value(f.type, depth + 1)
        return found


def own_tag(by_name: Mapping[str, Model], union: UnionModel, name: str) -> str | None:
    """A tag value object model ``name`` states for the union's property."""
    assert union.discriminator is not None
    model = by_name.get(name)
    if isinstance(model, ObjectModel):
        for f in model.fields:
            if f.name != union.discriminator.property:
                continue
            if f.const is not None and isinstance(f.const.value, str):
                return f.const.value
            enum = by_name.get(f.type.name) if isinstance(f.type, Ref) else None
            if isinstance(enum, EnumModel):
                for v in enum.values or ():
                    if isinstance(v.value, str):
                        return v.value
    for value, target in union.discriminator.mapping:
        if target == name:
            return value
    return None


def _first_object(by_name: Mapping[str, Model], name: str, seen: frozenset[str]) -> str | None:
    model = by_name.get(name)
    if isinstance(model, ObjectModel):
        return name
    if isinstance(model, UnionModel) and name not in seen:
        for variant in model.variants:
            if isinstance(variant, Ref):
                found = _first_object(by_name, variant.name, seen | {name})
                if found is not None:
                    return found
    return None


def union_cases(models: ModelSet) -> list[UnionCase]:
    by_name = models.by_name()
    builder = _Builder(by_name)
    cases: list[UnionCase] = []
    for union in models.models:
        if not isinstance(union, UnionModel) or union.discriminator is None:
            continue
        prop = union.discriminator.property
        for variant in dict.fromkeys(v.name for v in union.variants if isinstance(v, Ref)):
            expected = _first_object(by_name, variant, frozenset({union.name}))
            if expected is None:
                continue
            model = by_name[expected]
            assert isinstance(model, ObjectModel)
            tag = own_tag(by_name, union, expected)
            field = next((f for f in model.fields if f.name == prop), None)
            if tag is None or field is None:
                continue
            kinds = [True] if field.required else [True, False]
            for with_tag in kinds:
                try:
                    data = builder.object(model, 0, (prop, tag), with_tag)
                except _TooDeep:
                    continue
                cases.append(UnionCase(union.name, variant, expected, with_tag, tag, data))
    return cases
