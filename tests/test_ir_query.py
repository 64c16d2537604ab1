"""The IR queries (``generator.ir.query``), each with each of its policies, on small hand-built
model sets."""

from __future__ import annotations

import datetime

import pytest

from generator.ir import (
    ANY,
    AliasModel,
    Discriminator,
    EnumModel,
    EnumValue,
    Field,
    FreeFormNull,
    ListOf,
    MapOf,
    Model,
    Nullable,
    ObjectModel,
    Primitive,
    Ref,
    TypeRef,
    UnionModel,
    UnknownNull,
    closure,
    edges,
    field_nullable,
    json_kind,
    model_refs,
    resolve,
    resolve_name,
    type_nullable,
    type_text,
)
from generator.ir.query import MAX_TYPE_DEPTH, Home, homes, strong_groups

STR = Primitive("string")

# Pet: a plain object. MaybePet: a nullable object. Vague: an object of unknown nullability.
# PetAlias -> Pet, NullAlias (nullable) -> Pet, ChainToMaybe -> PetAlias2 -> MaybePet,
# AnyAlias -> any, LoopA -> LoopB -> LoopA, NullLoop (nullable) -> LoopC -> NullLoop,
# VagueAlias -> Vague, Nested -> list[MaybePet].
MODELS: dict[str, Model] = {
    m.name: m
    for m in (
        ObjectModel("Pet", ()),
        ObjectModel("MaybePet", (), nullable=Nullable.YES),
        ObjectModel("Vague", (), nullable=Nullable.UNKNOWN),
        AliasModel("PetAlias", Ref("Pet")),
        AliasModel("NullAlias", Ref("Pet"), nullable=Nullable.YES),
        AliasModel("ChainToMaybe", Ref("PetAlias2")),
        AliasModel("PetAlias2", Ref("MaybePet")),
        AliasModel("AnyAlias", ANY),
        AliasModel("LoopA", Ref("LoopB")),
        AliasModel("LoopB", Ref("LoopA")),
        AliasModel("NullLoop", Ref("LoopC"), nullable=Nullable.YES),
        AliasModel("LoopC", Ref("NullLoop")),
        AliasModel("VagueAlias", Ref("Vague")),
        AliasModel("Nested", ListOf(Ref("MaybePet"))),
    )
}
lookup = MODELS.get


# --- resolve ---


@pytest.mark.parametrize(
    ("t", "end"),
    [
        (STR, STR),
        (ListOf(Ref("PetAlias")), ListOf(Ref("PetAlias"))),  # lists are not entered
        (Ref("Pet"), Ref("Pet")),
        (Ref("PetAlias"), Ref("Pet")),
        (Ref("ChainToMaybe"), Ref("MaybePet")),
        (Ref("AnyAlias"), ANY),
        (Ref("Nested"), ListOf(Ref("MaybePet"))),
        (Ref("Missing"), Ref("Missing")),
        (Ref("LoopA"), Ref("LoopA")),  # the alias where the cycle closes
    ],
)
def test_resolve_follows_references_to_aliases_to_what_they_stand_for(
    t: TypeRef, end: TypeRef
) -> None:
    assert resolve(t, lookup)[0] == end


@pytest.mark.parametrize(
    ("name", "unstated", "as_null"),
    [
        ("Pet", False, False),
        ("MaybePet", True, True),
        ("Vague", False, True),
        ("PetAlias", False, False),
        ("NullAlias", True, True),  # the alias itself is nullable
        ("ChainToMaybe", True, True),  # the model at the end is
        ("VagueAlias", False, True),
        ("AnyAlias", False, False),  # free-form is not "stated nullable"
        ("Nested", False, False),  # its items are nullable, the list is not
        ("LoopA", False, False),
        ("NullLoop", True, True),
        ("LoopC", True, True),
        ("Missing", False, False),
    ],
)
def test_resolve_says_whether_a_model_on_the_way_is_nullable_by_the_unknown_policy(
    name: str, unstated: bool, as_null: bool
) -> None:
    assert resolve(Ref(name), lookup, UnknownNull.UNSTATED)[1] is unstated
    assert resolve(Ref(name), lookup, UnknownNull.AS_NULL)[1] is as_null


def test_resolve_by_default_counts_only_stated_nullability() -> None:
    assert resolve(Ref("Vague"), lookup) == (Ref("Vague"), False)


def test_resolve_works_through_any_lookup() -> None:
    """Parity looks models up by a convention-free key, not by exact name."""

    def by_key(name: str) -> Model | None:
        return MODELS.get(name.replace("_", ""))

    assert resolve(Ref("Chain_To_Maybe"), by_key) == (Ref("MaybePet"), True)


# --- type_nullable ---


@pytest.mark.parametrize(
    ("t", "declared", "admits"),
    [
        (STR, False, False),
        (ANY, False, True),
        (Ref("AnyAlias"), False, True),
        (ListOf(ANY), False, False),
        (MapOf(Ref("MaybePet")), False, False),
        (Ref("MaybePet"), True, True),
        (Ref("PetAlias"), False, False),
    ],
)
def test_type_nullable_counts_free_form_values_only_by_the_free_form_policy(
    t: TypeRef, declared: bool, admits: bool
) -> None:
    for unknown in UnknownNull:
        assert type_nullable(t, lookup, unknown=unknown, free_form=FreeFormNull.DECLARED) is (
            declared
        )
        assert type_nullable(t, lookup, unknown=unknown, free_form=FreeFormNull.ADMITS) is admits


@pytest.mark.parametrize("free_form", list(FreeFormNull))
def test_type_nullable_counts_unknown_models_only_by_the_unknown_policy(
    free_form: FreeFormNull,
) -> None:
    for name in ("Vague", "VagueAlias"):
        t = Ref(name)
        assert type_nullable(t, lookup, unknown=UnknownNull.AS_NULL, free_form=free_form)
        assert not type_nullable(t, lookup, unknown=UnknownNull.UNSTATED, free_form=free_form)


# --- field_nullable ---


def field(t: TypeRef, nullable: Nullable) -> Field:
    return Field("f", t, required=True, nullable=nullable)


@pytest.mark.parametrize(
    ("t", "own", "unstated", "as_null"),
    [
        (STR, Nullable.NO, Nullable.NO, Nullable.NO),
        (STR, Nullable.YES, Nullable.YES, Nullable.YES),
        (STR, Nullable.UNKNOWN, Nullable.UNKNOWN, Nullable.YES),  # "cannot say" vs "be safe"
        (Ref("Pet"), Nullable.UNKNOWN, Nullable.UNKNOWN, Nullable.YES),
        (Ref("MaybePet"), Nullable.NO, Nullable.YES, Nullable.YES),  # said on the model
        (Ref("ChainToMaybe"), Nullable.UNKNOWN, Nullable.YES, Nullable.YES),
        (Ref("Vague"), Nullable.NO, Nullable.NO, Nullable.YES),
        (Ref("Vague"), Nullable.UNKNOWN, Nullable.UNKNOWN, Nullable.YES),
        (ANY, Nullable.NO, Nullable.NO, Nullable.NO),  # free-form counts as declared
        (ListOf(Ref("MaybePet")), Nullable.NO, Nullable.NO, Nullable.NO),
    ],
)
def test_field_nullable_combines_the_field_and_the_model_it_names_by_the_unknown_policy(
    t: TypeRef, own: Nullable, unstated: Nullable, as_null: Nullable
) -> None:
    assert field_nullable(field(t, own), lookup, unknown=UnknownNull.UNSTATED) is unstated
    assert field_nullable(field(t, own), lookup, unknown=UnknownNull.AS_NULL) is as_null


# --- type_text ---

UUID = Primitive("string", "uuid")


@pytest.mark.parametrize(
    ("t", "text"),
    [
        (STR, "string"),
        (UUID, "string(uuid)"),
        (Ref("Pet"), "Pet"),
        (ListOf(UUID), "list[string(uuid)]"),
        (ListOf(Ref("Pet"), unique=True), "set[Pet]"),
        (MapOf(ListOf(ANY)), "map[list[any]]"),
    ],
)
def test_type_text_spells_types_with_formats_and_sets_by_default(t: TypeRef, text: str) -> None:
    assert type_text(t) == text


def test_type_text_leaves_formats_out_by_the_formats_policy() -> None:
    assert type_text(MapOf(UUID), formats=False) == "map[string]"


def test_type_text_spells_unique_lists_as_lists_by_the_sets_policy() -> None:
    assert type_text(ListOf(STR, unique=True), sets=False) == "list[string]"


def test_type_text_spells_references_by_the_ref_policy() -> None:
    spelt = type_text(MapOf(Ref("Pet")), ref=lambda ref: f"ref:{ref.name}")
    assert spelt == "map[ref:Pet]"


def test_type_text_expands_every_level_by_the_expand_policy() -> None:
    def expand(t: TypeRef) -> TypeRef:
        return resolve(t, lookup)[0]

    assert type_text(ListOf(Ref("PetAlias")), expand=expand) == "list[Pet]"
    assert type_text(Ref("Nested"), expand=expand) == "list[MaybePet]"


def test_type_text_spells_nesting_beyond_the_limit_as_dots() -> None:
    tree = {"Tree": AliasModel("Tree", ListOf(Ref("Tree")))}
    spelt = type_text(Ref("Tree"), expand=lambda t: resolve(t, tree.get)[0])
    assert spelt == "list[" * (MAX_TYPE_DEPTH + 1) + "..." + "]" * (MAX_TYPE_DEPTH + 1)


# --- references and closure ---

GRAPH_MODELS: tuple[Model, ...] = (
    ObjectModel(
        "Owner",
        (Field("pets", ListOf(Ref("Pet")), True), Field("tags", MapOf(Ref("Tag")), False)),
        bases=("Base",),
        additional=Ref("Extra"),
    ),
    UnionModel(
        "Pet",
        (Ref("Cat"), ListOf(Ref("Dog"))),
        discriminator=Discriminator("kind", (("cat", "Cat"), ("fish", "Fish"))),
    ),
    AliasModel("Tag", Ref("Label")),
    EnumModel("Label", "string", (EnumValue("x"),)),
    ObjectModel("Cat", (Field("owner", Ref("Owner"), False),)),
    ObjectModel("Dog", ()),
    ObjectModel("Fish", ()),
    ObjectModel("Base", ()),
    ObjectModel("Extra", (Field("gone", Ref("Dangling"), False),)),
    ObjectModel("Unused", ()),
)


def test_model_refs_names_fields_additional_bases_variants_mapping_and_targets() -> None:
    by_name = {m.name: m for m in GRAPH_MODELS}
    assert list(model_refs(by_name["Owner"])) == ["Pet", "Tag", "Extra", "Base"]
    assert list(model_refs(by_name["Pet"])) == ["Cat", "Dog", "Cat", "Fish"]
    assert list(model_refs(by_name["Tag"])) == ["Label"]
    assert list(model_refs(by_name["Label"])) == []


def test_model_refs_leaves_mapping_targets_out_by_the_mapping_policy() -> None:
    pet = next(m for m in GRAPH_MODELS if m.name == "Pet")
    assert list(model_refs(pet, mapping_targets=False)) == ["Cat", "Dog"]


def test_edges_is_the_reference_graph_by_the_same_policy() -> None:
    graph = edges(GRAPH_MODELS, mapping_targets=False)
    assert graph["Pet"] == ("Cat", "Dog")
    assert graph["Extra"] == ("Dangling",)
    assert set(graph) == {m.name for m in GRAPH_MODELS}


def test_closure_follows_every_reference_and_cycles_once() -> None:
    reached = closure(["Cat"], edges(GRAPH_MODELS))
    assert reached == {"Cat", "Owner", "Pet", "Dog", "Fish", "Tag", "Label", "Extra", "Base"}


def test_closure_without_mapping_targets_does_not_reach_them() -> None:
    assert "Fish" not in closure(["Owner"], edges(GRAPH_MODELS, mapping_targets=False))


def test_closure_leaves_out_names_the_graph_does_not_hold() -> None:
    graph = edges(GRAPH_MODELS)
    assert closure(["Extra", "Nowhere"], graph) == {"Extra"}
    assert closure([], graph) == set()


def test_strong_groups_join_models_that_refer_to_one_another_and_follow_what_they_reach() -> None:
    graph = edges(GRAPH_MODELS)
    groups = strong_groups(graph)
    assert ["Cat", "Owner", "Pet"] in groups  # Owner -> Pet -> Cat -> Owner
    assert sorted(name for group in groups for name in group) == sorted(graph)
    assert all(len(group) == 1 for group in groups if group != ["Cat", "Owner", "Pet"])
    place = {name: i for i, group in enumerate(groups) for name in group}
    for name, targets in graph.items():
        for target in targets:
            if target in place:  # a dangling reference is not followed
                assert place[target] <= place[name], (name, target)


def test_a_model_only_one_group_refers_to_shares_that_groups_home_through_any_number_of_steps() -> (
    None
):
    # Label is referred to by Tag only, Tag by the Owner/Pet/Cat group only: both live there.
    # Dog is referred to by that group and by Kennel: it keeps a home of its own.
    kennel = ObjectModel("Kennel", (Field("dog", Ref("Dog"), False),))
    found = sorted(homes((*GRAPH_MODELS, kennel)), key=lambda home: home.owners)
    assert found == [
        Home(
            ("Cat", "Owner", "Pet"),
            ("Cat", "Owner", "Pet", "Base", "Extra", "Fish", "Label", "Tag"),
        ),
        Home(("Dog",), ("Dog",)),
        Home(("Kennel",), ("Kennel",)),
        Home(("Unused",), ("Unused",)),
    ]


def test_homes_refer_to_one_another_without_cycles_and_come_after_what_they_refer_to() -> None:
    kennel = ObjectModel("Kennel", (Field("dog", Ref("Dog"), False),))
    models = (*GRAPH_MODELS, kennel)
    found = homes(models)
    place = {name: i for i, home in enumerate(found) for name in home.members}
    assert sorted(place) == sorted(m.name for m in models)
    for name, targets in edges(models).items():
        for target in targets:
            if target in place:
                assert place[target] <= place[name], (name, target)


# --- json_kind ---


@pytest.mark.parametrize(
    ("value", "kind"),
    [
        (None, "null"),
        (True, "boolean"),
        (False, "boolean"),
        (0, "integer"),
        (2**70, "integer"),
        (1.0, "number"),
        (float("inf"), "number"),
        ("", "string"),
        ([], "array"),
        ([1, "a"], "array"),
        ({}, "object"),
        ({"a": None}, "object"),
    ],
)
def test_json_kind_is_the_json_schema_type_of_a_value(value: object, kind: str) -> None:
    assert json_kind(value) == kind


@pytest.mark.parametrize("value", [datetime.date(2024, 1, 1), b"x", (1, 2), {1, 2}, object()])
def test_json_kind_of_a_value_that_is_not_json_is_none(value: object) -> None:
    assert json_kind(value) is None


def test_json_kind_counts_integral_floats_as_integers_by_the_numbers_policy() -> None:
    assert json_kind(1.0, numbers="by-value") == "integer"
    assert json_kind(1.5, numbers="by-value") == "number"
    assert json_kind(True, numbers="by-value") == "boolean"
    assert json_kind(1.0, numbers="by-type") == "number"


# --- resolve_name ---


@pytest.mark.parametrize(
    ("name", "end"),
    [
        ("Pet", "Pet"),  # no alias
        ("PetAlias", "Pet"),
        ("ChainToMaybe", "MaybePet"),  # through two aliases
        ("AnyAlias", "AnyAlias"),  # an alias of a primitive is the end
        ("Nested", "Nested"),  # an alias of a list too
        ("LoopA", "LoopA"),  # the alias where the cycle closes
        ("Missing", "Missing"),
    ],
)
def test_resolve_name_is_the_model_a_chain_of_aliases_leads_to(name: str, end: str) -> None:
    assert resolve_name(name, lookup) == end
