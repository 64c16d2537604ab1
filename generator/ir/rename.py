"""Renaming models and properties: the user's naming overrides, applied to the IR before any
target names anything.

A model rename changes the model's name and every use of it: references in fields,
additional properties, union variants, alias targets, allOf ``bases``, discriminator mapping
targets, ``inherited_from`` and the request/response roots. The wire does not change (model
names are not on the wire; a discriminator's tag values stay).

A property rename changes what code calls a property, never its JSON name: it sets
:attr:`Field.code_name`, which every target spells its own way (``token_limit``,
``tokenLimit``) where it would otherwise spell the wire name. A property inherited from an
allOf parent follows a rename of the parent's property unless the child renames it itself.

Each target still makes the names it generates distinct; a rename that collides with another
name is refused here, naming both: two names collide when they differ only in case and in
characters other than letters and digits (``ChatRequest``, ``chat_request``), as every target
would spell them alike.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass, field, replace

from generator.errors import ModelgenError
from generator.ir.model import (
    NO_SOURCE,
    AliasModel,
    Discriminator,
    Field,
    ListOf,
    MapOf,
    Model,
    ModelSet,
    ObjectModel,
    Ref,
    Source,
    TypeRef,
    UnionModel,
)


@dataclass(frozen=True, slots=True)
class Rename:
    """One override: the new name, and where the user wrote it."""

    new: str
    source: Source = NO_SOURCE


@dataclass(frozen=True)
class Renames:
    """Model name -> its new name; model name -> property wire name -> the property's new name
    (models named as the source names them)."""

    models: Mapping[str, Rename] = field(default_factory=dict)
    properties: Mapping[str, Mapping[str, Rename]] = field(default_factory=dict)

    def __bool__(self) -> bool:
        return bool(self.models or self.properties)

    def over(self, base: Renames) -> Renames:
        """These renames on top of ``base`` (one language's over every language's)."""
        properties = {name: dict(props) for name, props in base.properties.items()}
        for name, props in self.properties.items():
            properties.setdefault(name, {}).update(props)
        return Renames({**base.models, **self.models}, properties)


def collision_key(name: str) -> str:
    """What two names share when every target would spell them alike."""
    return re.sub(r"[^0-9a-z]", "", name.casefold()) or name


def check_renames(models: ModelSet, renames: Renames) -> None:
    """Refuse renames of models or properties ``models`` does not have (a typo must not pass
    silently), and renames that collide with another name, naming both."""
    by_name = models.by_name()
    for name, rename in renames.models.items():
        if name not in by_name:
            raise ModelgenError(f"names: no model is named {name!r}", rename.source)
    final = {name: renames.models[name].new if name in renames.models else name for name in by_name}
    _refuse_collisions(final, renames.models, "model")
    for name, props in renames.properties.items():
        model = by_name.get(name)
        if model is None:
            where = next(iter(props.values())).source if props else NO_SOURCE
            raise ModelgenError(f"names: no model is named {name!r}", where)
        if not isinstance(model, ObjectModel):
            where = next(iter(props.values())).source if props else NO_SOURCE
            kind = {"enum": "an enum", "alias": "an alias"}.get(model.kind, f"a {model.kind}")
            raise ModelgenError(f"names: model {name!r} is {kind}: it has no properties", where)
        wires = {f.name for f in model.fields}
        for wire, rename in props.items():
            if wire not in wires:
                raise ModelgenError(
                    f"names: model {name!r} has no property {wire!r}", rename.source
                )
    for model in models.models:
        if isinstance(model, ObjectModel):
            chosen = _field_renames(model, renames)
            if chosen:
                names = {
                    f.name: chosen[f.name].new if f.name in chosen else f.name for f in model.fields
                }
                _refuse_collisions(names, chosen, f"property of {model.name!r},")


def _refuse_collisions(final: Mapping[str, str], renamed: Mapping[str, Rename], what: str) -> None:
    """``final``: every name -> the name it ends up with; a renamed one may share its key with
    no other."""
    owners: dict[str, str] = {}
    for name in sorted(final, key=lambda n: (n not in renamed, n)):
        key = collision_key(final[name])
        other = owners.get(key)
        if other is None:
            owners[key] = name
            continue
        mine = renamed.get(name) or renamed[other]
        first, second = (other, name) if other in renamed else (name, other)
        raise ModelgenError(
            f"names: {what} {first!r} renamed to {final[first]!r} collides with"
            f" {what} {second!r}"
            + (f" (named {final[second]!r})" if final[second] != second else ""),
            mine.source,
        )


def _field_renames(model: ObjectModel, renames: Renames) -> dict[str, Rename]:
    """Wire name -> rename for the properties of ``model``: its own, or its allOf parent's for
    a property it inherits."""
    own = renames.properties.get(model.name, {})
    chosen: dict[str, Rename] = {}
    for f in model.fields:
        rename = own.get(f.name)
        if rename is None and f.inherited_from is not None:
            rename = renames.properties.get(f.inherited_from, {}).get(f.name)
        if rename is not None:
            chosen[f.name] = rename
    return chosen


def rename(models: ModelSet, renames: Renames) -> ModelSet:
    """``models`` with ``renames`` applied (checked first by :func:`check_renames`), sorted by
    name again. Renames of models the set does not hold are ignored (a filter dropped them)."""
    new = {name: r.new for name, r in renames.models.items() if r.new != name}
    if not new and not renames.properties:
        return models

    def name_of(name: str) -> str:
        return new.get(name, name)

    def type_of(t: TypeRef) -> TypeRef:
        if isinstance(t, Ref):
            return Ref(name_of(t.name)) if t.name in new else t
        if isinstance(t, ListOf):
            item = type_of(t.item)
            return t if item is t.item else replace(t, item=item)
        if isinstance(t, MapOf):
            value = type_of(t.value)
            return t if value is t.value else MapOf(value)
        return t

    def field_of(f: Field, chosen: Mapping[str, Rename]) -> Field:
        changed = replace(f, type=type_of(f.type)) if new else f
        if f.inherited_from in new:
            changed = replace(changed, inherited_from=name_of(f.inherited_from or ""))
        rename_ = chosen.get(f.name)
        if rename_ is not None:
            changed = replace(changed, code_name=rename_.new)
        return changed

    def model_of(model: Model) -> Model:
        if isinstance(model, ObjectModel):
            chosen = _field_renames(model, renames)
            return replace(
                model,
                name=name_of(model.name),
                fields=tuple(field_of(f, chosen) for f in model.fields),
                bases=tuple(name_of(b) for b in model.bases),
                additional=type_of(model.additional) if model.additional is not None else None,
            )
        if isinstance(model, UnionModel):
            discriminator = model.discriminator
            if discriminator is not None:
                discriminator = Discriminator(
                    discriminator.property,
                    tuple(sorted((tag, name_of(target)) for tag, target in discriminator.mapping)),
                    discriminator.inferred,
                )
            return replace(
                model,
                name=name_of(model.name),
                variants=tuple(type_of(v) for v in model.variants),
                discriminator=discriminator,
            )
        if isinstance(model, AliasModel):
            return replace(model, name=name_of(model.name), target=type_of(model.target))
        return replace(model, name=name_of(model.name)) if model.name in new else model

    renamed = tuple(sorted((model_of(m) for m in models.models), key=lambda m: m.name))
    return replace(
        models,
        models=renamed,
        request_roots=frozenset(name_of(n) for n in models.request_roots),
        response_roots=frozenset(name_of(n) for n in models.response_roots),
    )
