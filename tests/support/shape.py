"""The normalised shape of a ModelSet, for checking that generated code says what the IR said.

A code reader (``python-code`` and the Dart and PHP ones) cannot recover everything the IR
holds: descriptions, constraints, formats beyond the type spelling, and model-level
nullability (emitters push it onto each reference) are not compared. What is compared, per
model name:

- object: ``{wire name: (type, required, nullable)}``; a ``const`` property's type is the JSON
  kind of its value, ``nullable`` is effective (the field's own, or the referenced model's);
- enum: the non-null values, in order;
- union: the distinct variant types in order (null left out) and the discriminator property;
- alias: the target type.

Types are spelled ``string``/``integer``/``number``/``boolean``/``any``, ``list[T]``,
``map[T]`` and ``ref:Name``.
"""

from __future__ import annotations

from generator.ir import (
    EnumModel,
    ModelSet,
    Nullable,
    ObjectModel,
    Primitive,
    TypeRef,
    UnionModel,
    UnknownNull,
    field_nullable,
    json_kind,
    type_text,
)

Shape = dict[str, tuple[object, ...]]


def type_shape(type_: TypeRef) -> str:
    return type_text(type_, formats=False, sets=False, ref=lambda ref: f"ref:{ref.name}")


def shape(models: ModelSet) -> Shape:
    """Model name -> a tuple describing it (see the module docstring)."""
    by_name = models.by_name()
    result: Shape = {}
    for model in models.models:
        if isinstance(model, ObjectModel):
            fields = []
            for f in model.fields:
                kind = (
                    str(json_kind(f.const.value))
                    if f.const is not None
                    and not (isinstance(f.type, Primitive) and f.type.kind == "any")
                    else type_shape(f.type)
                )
                nullable = kind != "any" and (
                    field_nullable(f, by_name.get, unknown=UnknownNull.AS_NULL) is Nullable.YES
                )
                fields.append((f.name, kind, f.required, nullable))
            result[model.name] = ("object", tuple(fields))
        elif isinstance(model, EnumModel):
            values = tuple(v.value for v in model.values or () if v.value is not None)
            result[model.name] = ("enum", values)
        elif isinstance(model, UnionModel):
            variants: list[str] = []
            for variant in model.variants:
                text = type_shape(variant)
                if text not in variants:
                    variants.append(text)
            prop = model.discriminator.property if model.discriminator else None
            result[model.name] = ("union", tuple(variants), prop)
        else:
            result[model.name] = ("alias", type_shape(model.target))
    return result
