"""Property test: random model sets (objects, enums, unions of every kind, aliases, with random
names, texts and cross references) give Dart that parses, uses only names it declares, reads
back to the same shape, and whose public API is the one the emitter reports."""

from __future__ import annotations

import tempfile
from dataclasses import replace
from pathlib import Path

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from generator.ir import (
    ANY,
    AliasModel,
    Discriminator,
    EnumModel,
    EnumValue,
    Field,
    ListOf,
    MapOf,
    Model,
    ModelSet,
    Nullable,
    ObjectModel,
    Primitive,
    Ref,
    Source,
    TypeRef,
    UnionModel,
)
from generator.output import write_tree
from generator.sources import load
from generator.targets import emit
from generator.targets.dart.api import listing
from tests.targets.dart.check import parse_problems, undeclared_names
from tests.targets.dart.test_reader import shape

NAMES = st.text(min_size=1, max_size=10)
PRIMITIVES = st.sampled_from(
    [
        Primitive("string"),
        Primitive("string", "date-time"),
        Primitive("integer"),
        Primitive("number"),
        Primitive("number", "double"),
        Primitive("boolean"),
        ANY,
    ]
)


def _type(names: list[str]) -> st.SearchStrategy[TypeRef]:
    leaves = PRIMITIVES | st.sampled_from(names).map(Ref) if names else PRIMITIVES
    return st.recursive(leaves, lambda inner: inner.map(ListOf) | inner.map(MapOf), max_leaves=3)


@st.composite
def model_sets(draw: st.DrawFn) -> ModelSet:
    names = draw(st.lists(NAMES, min_size=1, max_size=6, unique=True))
    kinds = draw(st.lists(st.sampled_from("oeudan"), min_size=len(names), max_size=len(names)))
    objects = [n for n, k in zip(names, kinds, strict=True) if k in "o"]
    models: list[Model] = []
    for name, kind in zip(names, kinds, strict=True):
        nullable = draw(st.sampled_from([Nullable.NO, Nullable.YES]))
        if kind == "o":
            wires = draw(st.lists(st.text(max_size=8), max_size=5, unique=True))
            fields = []
            for wire in wires:
                ftype = draw(_type(names))
                field_nullable = draw(st.sampled_from([Nullable.NO, Nullable.YES]))
                if ftype == ANY:
                    field_nullable = Nullable.YES  # as the OpenAPI loader says
                fields.append(
                    Field(
                        wire,
                        ftype,
                        required=draw(st.booleans()),
                        nullable=field_nullable,
                        deprecated=draw(st.booleans()),
                        description=draw(st.none() | st.text(max_size=20)),
                    )
                )
            models.append(ObjectModel(name, tuple(fields), description=draw(st.text())))
        elif kind == "n":  # values the source cannot list, or only null
            unlisted = draw(st.sampled_from([None, (EnumValue(None),)]))
            models.append(EnumModel(name, "integer", unlisted, nullable=nullable))
        elif kind == "e":
            values = draw(st.lists(st.text(max_size=6), min_size=1, max_size=5, unique=True))
            models.append(EnumModel(name, "string", tuple(EnumValue(v) for v in values)))
        elif kind == "d" and objects:
            members = draw(st.lists(st.sampled_from(objects), min_size=1, unique=True))
            tags = draw(st.lists(NAMES, min_size=len(members), max_size=len(members), unique=True))
            mapping = tuple(sorted(zip(tags, members, strict=True)))
            models.append(
                UnionModel(name, tuple(map(Ref, members)), Discriminator("type", mapping))
            )
        elif kind in "ud":
            variants = draw(st.lists(_type(names), min_size=1, max_size=4))
            models.append(
                UnionModel(name, tuple(variants), exclusive=draw(st.booleans()), nullable=nullable)
            )
        else:
            target = draw(_type([n for n in names if n != name]))
            models.append(AliasModel(name, target, nullable=nullable))
    return ModelSet(tuple(sorted(models, key=lambda m: m.name)), Source("random"), title="r")


def _aliases_in_cycles(models: ModelSet) -> set[str]:
    """Aliases that reach themselves through aliases: Dart has no type for them (they read
    back as free-form values), so they are left out of the comparison."""
    by_name = models.by_name()

    def refs(t: TypeRef) -> list[str]:
        if isinstance(t, Ref):
            return [t.name]
        if isinstance(t, ListOf):
            return refs(t.item)
        if isinstance(t, MapOf):
            return refs(t.value)
        return []

    cyclic = set()
    for model in models.models:
        if not isinstance(model, AliasModel):
            continue
        todo, seen = refs(model.target), set()
        while todo:
            name = todo.pop()
            target = by_name.get(name)
            if name == model.name:
                cyclic.add(name)
                break
            if name not in seen and isinstance(target, AliasModel):
                seen.add(name)
                todo += refs(target.target)
    return cyclic


def _admits_null(models: ModelSet, t: TypeRef, seen: frozenset[str] = frozenset()) -> bool:
    """Whether null is a value of ``t`` itself: a nullable model, or an alias of one."""
    if not isinstance(t, Ref) or t.name in seen:
        return False
    model = models.by_name()[t.name]
    if model.nullable is Nullable.YES:
        return True
    return isinstance(model, AliasModel) and _admits_null(models, model.target, seen | {t.name})


def _null_explicit(models: ModelSet) -> ModelSet:
    """A field whose type admits null is a nullable field (the OpenAPI loader says so too)."""
    out: list[Model] = []
    for model in models.models:
        if isinstance(model, ObjectModel):
            fields = tuple(
                replace(f, nullable=Nullable.YES) if _admits_null(models, f.type) else f
                for f in model.fields
            )
            model = replace(model, fields=fields)
        out.append(model)
    return replace(models, models=tuple(out))


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(model_sets())
def test_random_models_give_valid_dart_that_reads_back(models: ModelSet) -> None:
    result = emit("dart", models)
    files = result.files
    assert parse_problems(files) == {}
    assert undeclared_names(files) == set()
    assert list(result.api) == listing(files)
    with tempfile.TemporaryDirectory() as tmp:
        write_tree(Path(tmp), files)
        read = load(Path(tmp))
    skip = _aliases_in_cycles(models)
    want = {k: v for k, v in shape(_null_explicit(models)).items() if k not in skip}
    got = {k: v for k, v in shape(read).items() if k not in skip}
    assert got == want
