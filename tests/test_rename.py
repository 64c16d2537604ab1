"""Naming overrides: a renamed model is renamed everywhere it is used, a renamed property keeps
its JSON name in every language, and an override that names nothing or collides is refused,
naming both sides."""

from __future__ import annotations

import importlib
import sys
from pathlib import Path

import pytest

from generator.errors import ModelgenError
from generator.ir import (
    Discriminator,
    Field,
    ListOf,
    MapOf,
    ModelSet,
    ObjectModel,
    Primitive,
    Ref,
    Source,
    UnionModel,
)
from generator.ir.model import AliasModel, EnumModel, EnumValue
from generator.ir.rename import Rename, Renames, check_renames, rename
from generator.output import write_tree
from generator.targets import emit

STRING = Primitive("string")
HERE = Source("names.toml", line=3)


def models() -> ModelSet:
    base = ObjectModel("Base", (Field("kind", STRING, True), Field("max_tokens", STRING, False)))
    cat = ObjectModel(
        "Cat",
        (
            Field("kind", STRING, True, inherited_from="Base"),
            Field("max_tokens", STRING, False, inherited_from="Base"),
            Field("owner", Ref("Owner"), False),
        ),
        bases=("Base",),
    )
    dog = ObjectModel(
        "Dog", (Field("kind", STRING, True), Field("friends", ListOf(Ref("Cat")), False))
    )
    owner = ObjectModel("Owner", (Field("pets", MapOf(Ref("Pet")), False),))
    pet = UnionModel(
        "Pet",
        (Ref("Cat"), Ref("Dog")),
        Discriminator("kind", (("cat", "Cat"), ("dog", "Dog"))),
    )
    pets = AliasModel("Pets", ListOf(Ref("Pet")))
    colour = EnumModel("Colour", "string", (EnumValue("red"),))
    return ModelSet(
        (base, cat, colour, dog, owner, pet, pets),
        Source("spec.yaml"),
        title="Zoo",
        request_roots=frozenset({"Pet"}),
        response_roots=frozenset({"Pets"}),
    )


def renames(models: dict[str, str] | None = None, **properties: dict[str, str]) -> Renames:
    return Renames(
        {old: Rename(new, HERE) for old, new in (models or {}).items()},
        {m: {w: Rename(n, HERE) for w, n in props.items()} for m, props in properties.items()},
    )


def test_a_renamed_model_is_renamed_wherever_it_is_used() -> None:
    done = rename(models(), renames({"Cat": "Feline", "Pet": "Animal"}))
    by_name = done.by_name()
    assert "Cat" not in by_name and "Pet" not in by_name
    assert [m.name for m in done.models] == sorted(by_name)
    pet = by_name["Animal"]
    assert isinstance(pet, UnionModel)
    assert pet.variants == (Ref("Feline"), Ref("Dog"))
    assert pet.discriminator is not None
    assert pet.discriminator.mapping == (("cat", "Feline"), ("dog", "Dog"))  # tags stay
    dog, owner, pets = by_name["Dog"], by_name["Owner"], by_name["Pets"]
    assert isinstance(dog, ObjectModel) and dog.fields[1].type == ListOf(Ref("Feline"))
    assert isinstance(owner, ObjectModel) and owner.fields[0].type == MapOf(Ref("Animal"))
    assert isinstance(pets, AliasModel) and pets.target == ListOf(Ref("Animal"))
    assert done.request_roots == {"Animal"} and done.response_roots == {"Pets"}


def test_a_renamed_parent_is_renamed_in_bases_and_inherited_fields() -> None:
    cat = rename(models(), renames({"Base": "Animal"})).by_name()["Cat"]
    assert isinstance(cat, ObjectModel)
    assert cat.bases == ("Animal",)
    assert [f.inherited_from for f in cat.fields] == ["Animal", "Animal", None]


def test_a_renamed_property_keeps_its_wire_name_and_its_children_follow() -> None:
    done = rename(models(), renames(Base={"max_tokens": "token_limit"}, Dog={"kind": "sort"}))
    by_name = done.by_name()
    for name in ("Base", "Cat"):
        model = by_name[name]
        assert isinstance(model, ObjectModel)
        assert [(f.name, f.code_name) for f in model.fields][:2] == [
            ("kind", None),
            ("max_tokens", "token_limit"),
        ]
    dog = by_name["Dog"]
    assert isinstance(dog, ObjectModel) and dog.fields[0].code_name == "sort"


def test_a_child_may_rename_an_inherited_property_its_own_way() -> None:
    done = rename(
        models(), renames(Base={"max_tokens": "token_limit"}, Cat={"max_tokens": "cat_limit"})
    )
    cat = done.by_name()["Cat"]
    assert isinstance(cat, ObjectModel) and cat.fields[1].code_name == "cat_limit"


@pytest.mark.parametrize(
    ("overrides", "message"),
    [
        (renames({"Cow": "Bovine"}), "no model is named 'Cow'"),
        (renames(Cow={"a": "b"}), "no model is named 'Cow'"),
        (renames(Dog={"legs": "b"}), "model 'Dog' has no property 'legs'"),
        (renames(Pet={"kind": "b"}), "model 'Pet' is a union: it has no properties"),
        (
            renames({"Cat": "Dog"}),
            "model 'Cat' renamed to 'Dog' collides with model 'Dog'",
        ),
        (
            renames({"Cat": "owner"}),
            "model 'Cat' renamed to 'owner' collides with model 'Owner'",
        ),
        (
            renames({"Cat": "Feline", "Dog": "FELINE"}),
            "model 'Cat' renamed to 'Feline' collides with model 'Dog' (named 'FELINE')",
        ),
        (
            renames(Cat={"max_tokens": "owner"}),
            "property of 'Cat', 'max_tokens' renamed to 'owner' collides with property of"
            " 'Cat', 'owner'",
        ),
        (
            renames(Base={"max_tokens": "Owner"}),
            "property of 'Cat', 'max_tokens' renamed to 'Owner' collides",
        ),
    ],
)
def test_an_override_that_names_nothing_or_collides_is_refused_where_it_is_written(
    overrides: Renames, message: str
) -> None:
    with pytest.raises(ModelgenError) as caught:
        check_renames(models(), overrides)
    assert message in str(caught.value)
    assert str(caught.value).startswith("names.toml:3: ")


def test_swapping_two_names_is_no_collision() -> None:
    overrides = renames({"Cat": "Dog", "Dog": "Cat"})
    check_renames(models(), overrides)
    done = rename(models(), overrides).by_name()
    cat = done["Cat"]
    assert isinstance(cat, ObjectModel) and [f.name for f in cat.fields] == ["kind", "friends"]


@pytest.mark.parametrize(
    ("language", "names"),
    [
        ("python", {"Feline": {"owner", "token_limit", "kind", "additional_properties"}}),
        ("dart", {"Feline": {"owner", "tokenLimit", "kind"}}),
        ("php", {"Feline": {"owner", "tokenLimit", "kind", "additionalProperties"}}),
    ],
)
def test_every_language_spells_a_renamed_property_its_own_way(
    language: str, names: dict[str, set[str]]
) -> None:
    overrides = renames({"Cat": "Feline"}, Base={"max_tokens": "token_limit"})
    emitted = emit(language, rename(models(), overrides))
    fields = {
        item.member for item in emitted.api if item.owner == "Feline" and item.kind == "field"
    }
    assert fields == names["Feline"]
    assert "Cat" not in emitted.symbols and "Feline" in emitted.symbols
    assert any('"max_tokens"' in text or "'max_tokens'" in text for text in emitted.files.values())


def test_generated_python_reads_and_writes_the_wire_name(tmp_path: Path) -> None:
    overrides = renames({"Cat": "Feline"}, Base={"max_tokens": "token_limit"})
    write_tree(tmp_path, emit("python", rename(models(), overrides), package="zoo_renamed").files)
    sys.path.insert(0, str(tmp_path))
    try:
        generated = importlib.import_module("zoo_renamed.models")
    finally:
        sys.path.remove(str(tmp_path))
    data = {"kind": "cat", "max_tokens": "5"}
    cat = generated.Feline.from_dict(data)
    assert cat.token_limit == "5"
    assert cat.to_dict() == data
    assert type(generated.pet_from_json(data)).__name__ == "Feline"
