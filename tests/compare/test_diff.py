"""The schema comparison on small handwritten pairs of model sets: one pair per change kind,
checking the kind and the wire verdicts."""

from __future__ import annotations

import textwrap
from dataclasses import replace
from pathlib import Path
from typing import Any

import pytest

from generator.compare.diff import Finding, compare
from generator.ir import (
    ANY,
    AliasModel,
    Const,
    Constraints,
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
from tests.compare.spec_pairs import load_spec

STR = Primitive("string")
INT = Primitive("integer")
NUM = Primitive("number")


def src(pointer: str) -> Source:
    return Source("spec.yaml", pointer)


def fld(name: str, t: TypeRef = STR, required: bool = False, **kw: Any) -> Field:
    return Field(name, t, required, source=src(f"/components/schemas/M/properties/{name}"), **kw)


def obj(name: str, *fields: Field, **kw: Any) -> ObjectModel:
    return ObjectModel(name, fields, source=src(f"/components/schemas/{name}"), **kw)


def enum(name: str, *values: str, **kw: Any) -> EnumModel:
    return EnumModel(
        name,
        "string",
        tuple(EnumValue(v) for v in values),
        source=src(f"/components/schemas/{name}"),
        **kw,
    )


def union(name: str, *variants: TypeRef, **kw: Any) -> UnionModel:
    return UnionModel(name, variants, source=src(f"/components/schemas/{name}"), **kw)


def inline(model: Model, pointer: str = "/components/schemas/M/properties/x") -> Model:
    """The model as the loader makes it from a schema nested in a property."""
    return replace(model, source=src(pointer), inline=True)


def both(*models: Model) -> ModelSet:
    """A set whose models are all used by requests and by responses."""
    names = frozenset(m.name for m in models)
    return ModelSet(
        tuple(sorted(models, key=lambda m: m.name)),
        Source("spec.yaml"),
        request_roots=names,
        response_roots=names,
    )


def kinds(findings: list[Finding]) -> list[str]:
    return [f.kind for f in findings]


def only(findings: list[Finding]) -> Finding:
    assert len(findings) == 1, [(f.kind, f.model, f.member) for f in findings]
    return findings[0]


# (id, old models, new models, kind, request level, response level)
CASES: list[tuple[str, list[Model], list[Model], str, str, str]] = [
    ("model added", [obj("A")], [obj("A"), obj("B")], "model.added", "safe", "safe"),
    (
        "model renamed",
        [obj("A", fld("x", INT))],
        [obj("B", fld("x", INT))],
        "model.renamed",
        "safe",
        "safe",
    ),
    (
        "model kind changed",
        [obj("A", fld("x"))],
        [enum("A", "x")],
        "model.kind_changed",
        "breaking",
        "breaking",
    ),
    (
        "property added optional",
        [obj("M")],
        [obj("M", fld("x"))],
        "property.added_optional",
        "safe",
        "safe",
    ),
    (
        "property added required",
        [obj("M")],
        [obj("M", fld("x", required=True))],
        "property.added_required",
        "breaking",
        "safe",
    ),
    (
        "property removed (was required)",
        [obj("M", fld("x", required=True))],
        [obj("M")],
        "property.removed",
        "warning",
        "breaking",
    ),
    (
        "property renamed",
        [obj("M", fld("old_name", INT, True))],
        [obj("M", fld("new_name", INT, True))],
        "property.renamed",
        "breaking",
        "breaking",
    ),
    (
        "became required",
        [obj("M", fld("x"))],
        [obj("M", fld("x", required=True))],
        "property.became_required",
        "breaking",
        "safe",
    ),
    (
        "became optional",
        [obj("M", fld("x", required=True))],
        [obj("M", fld("x"))],
        "property.became_optional",
        "safe",
        "breaking",
    ),
    (
        "became nullable",
        [obj("M", fld("x"))],
        [obj("M", fld("x", nullable=Nullable.YES))],
        "property.became_nullable",
        "safe",
        "breaking",
    ),
    (
        "became non-nullable",
        [obj("M", fld("x", nullable=Nullable.YES))],
        [obj("M", fld("x"))],
        "property.became_non_nullable",
        "breaking",
        "safe",
    ),
    (
        "type changed",
        [obj("M", fld("x", STR))],
        [obj("M", fld("x", INT))],
        "property.type_changed",
        "breaking",
        "breaking",
    ),
    (
        "integer widened to number",
        [obj("M", fld("x", INT))],
        [obj("M", fld("x", NUM))],
        "property.type_widened",
        "safe",
        "breaking",
    ),
    (
        "number narrowed to integer",
        [obj("M", fld("x", NUM))],
        [obj("M", fld("x", INT))],
        "property.type_narrowed",
        "breaking",
        "safe",
    ),
    (
        "format added",
        [obj("M", fld("x", STR))],
        [obj("M", fld("x", Primitive("string", "date-time")))],
        "property.format_added",
        "warning",
        "safe",
    ),
    (
        "format changed",
        [obj("M", fld("x", Primitive("string", "date")))],
        [obj("M", fld("x", Primitive("string", "date-time")))],
        "property.format_changed",
        "warning",
        "warning",
    ),
    (
        "items type changed",
        [obj("M", fld("x", ListOf(STR)))],
        [obj("M", fld("x", ListOf(INT)))],
        "property.items_type_changed",
        "breaking",
        "breaking",
    ),
    (
        "map value widened",
        [obj("M", fld("x", MapOf(INT)))],
        [obj("M", fld("x", MapOf(NUM)))],
        "property.map_value_type_widened",
        "safe",
        "breaking",
    ),
    (
        "additionalProperties closed",
        [obj("M", fld("x"))],
        [obj("M", fld("x"), closed=True)],
        "object.additional_closed",
        "breaking",
        "safe",
    ),
    (
        "additionalProperties opened",
        [obj("M", fld("x"), closed=True)],
        [obj("M", fld("x"))],
        "object.additional_opened",
        "safe",
        "warning",
    ),
    (
        "additionalProperties value type changed",
        [obj("M", additional=STR)],
        [obj("M", additional=INT)],
        "additional.type_changed",
        "breaking",
        "breaking",
    ),
    (
        "enum value added",
        [enum("E", "a")],
        [enum("E", "a", "b")],
        "enum.value_added",
        "safe",
        "warning",
    ),
    (
        "enum value removed",
        [enum("E", "a", "b")],
        [enum("E", "a")],
        "enum.value_removed",
        "breaking",
        "safe",
    ),
    (
        "became enum",
        [obj("M", fld("x", STR)), enum("E", "a")],
        [obj("M", fld("x", Ref("E"))), enum("E", "a")],
        "property.became_enum",
        "breaking",
        "safe",
    ),
    (
        "no longer enum",
        [obj("M", fld("x", Ref("E"))), enum("E", "a")],
        [obj("M", fld("x", STR)), enum("E", "a")],
        "property.no_longer_enum",
        "safe",
        "warning",
    ),
    (
        "const added",
        [obj("M", fld("type"))],
        [obj("M", fld("type", const=Const("a")))],
        "property.const_added",
        "breaking",
        "safe",
    ),
    (
        "const changed",
        [obj("M", fld("type", const=Const("a")))],
        [obj("M", fld("type", const=Const("b")))],
        "property.const_changed",
        "breaking",
        "breaking",
    ),
    (
        "const removed",
        [obj("M", fld("type", const=Const("a")))],
        [obj("M", fld("type"))],
        "property.const_removed",
        "safe",
        "warning",
    ),
    (
        "default added",
        [obj("M", fld("n", INT))],
        [obj("M", fld("n", INT, default=Const(1)))],
        "property.default_added",
        "safe",
        "safe",
    ),
    (
        "default changed",
        [obj("M", fld("n", INT, default=Const(1)))],
        [obj("M", fld("n", INT, default=Const(2)))],
        "property.default_changed",
        "warning",
        "safe",
    ),
    (
        "default removed",
        [obj("M", fld("n", INT, default=Const(1)))],
        [obj("M", fld("n", INT))],
        "property.default_removed",
        "warning",
        "safe",
    ),
    (
        "union variant added",
        [union("U", STR)],
        [union("U", STR, INT)],
        "union.variant_added",
        "safe",
        "breaking",
    ),
    (
        "union variant removed",
        [union("U", STR, INT)],
        [union("U", STR)],
        "union.variant_removed",
        "breaking",
        "safe",
    ),
    (
        "single schema wrapped in a union",
        [obj("M", fld("x", Ref("A"))), obj("A", fld("a"))],
        [obj("M", fld("x", Ref("U"))), obj("A", fld("a")), inline(union("U", Ref("A"), STR))],
        "property.wrapped_in_union",
        "safe",
        "breaking",
    ),
    (
        "union grew through a property",
        [obj("M", fld("x", Ref("U1"))), inline(union("U1", STR))],
        [obj("M", fld("x", Ref("U2"))), inline(union("U2", STR, INT))],
        "property.union_grew",
        "safe",
        "breaking",
    ),
    (
        "discriminator property changed",
        [union("U", Ref("A"), discriminator=Discriminator("type", (("a", "A"),))), obj("A")],
        [union("U", Ref("A"), discriminator=Discriminator("kind", (("a", "A"),))), obj("A")],
        "union.discriminator_changed",
        "breaking",
        "breaking",
    ),
    (
        "discriminator mapping added",
        [
            union("U", Ref("A"), discriminator=Discriminator("type", (("a", "A"),))),
            obj("A"),
        ],
        [
            union("U", Ref("A"), discriminator=Discriminator("type", (("a", "A"), ("b", "A")))),
            obj("A"),
        ],
        "union.mapping_added",
        "safe",
        "breaking",
    ),
    (
        "constraint tightened",
        [obj("M", fld("n", INT, constraints=Constraints(maximum=10)))],
        [obj("M", fld("n", INT, constraints=Constraints(maximum=5)))],
        "property.constraint_tightened",
        "breaking",
        "safe",
    ),
    (
        "constraint loosened",
        [obj("M", fld("s", constraints=Constraints(min_length=3)))],
        [obj("M", fld("s", constraints=Constraints(min_length=1)))],
        "property.constraint_loosened",
        "safe",
        "warning",
    ),
    (
        "pattern changed",
        [obj("M", fld("s", constraints=Constraints(pattern="^a")))],
        [obj("M", fld("s", constraints=Constraints(pattern="^b")))],
        "property.constraint_changed",
        "breaking",
        "warning",
    ),
    (
        "uniqueItems added",
        [obj("M", fld("s", ListOf(STR)))],
        [obj("M", fld("s", ListOf(STR, unique=True)))],
        "property.unique_items_changed",
        "breaking",
        "safe",
    ),
    (
        "multipleOf tightened",
        [obj("M", fld("n", INT, constraints=Constraints(multiple_of=2)))],
        [obj("M", fld("n", INT, constraints=Constraints(multiple_of=4)))],
        "property.constraint_tightened",
        "breaking",
        "safe",
    ),
    (
        "readOnly added",
        [obj("M", fld("id"))],
        [obj("M", fld("id", read_only=True))],
        "property.read_only_added",
        "warning",
        "safe",
    ),
    (
        "writeOnly added",
        [obj("M", fld("pw"))],
        [obj("M", fld("pw", write_only=True))],
        "property.write_only_added",
        "safe",
        "breaking",
    ),
    (
        "deprecated",
        [obj("M", fld("x"))],
        [obj("M", fld("x", deprecated=True))],
        "property.deprecated",
        "warning",
        "warning",
    ),
    (
        "description only",
        [obj("M", fld("x", description="old"))],
        [obj("M", fld("x", description="new"))],
        "property.description_changed",
        "safe",
        "safe",
    ),
    (
        "model removed",
        [obj("A"), obj("B")],
        [obj("A")],
        "model.removed",
        "warning",
        "warning",
    ),
    (
        "model became nullable",
        [obj("M", fld("x"))],
        [obj("M", fld("x"), nullable=Nullable.YES)],
        "model.became_nullable",
        "safe",
        "breaking",
    ),
    (
        "property removed (was optional)",
        [obj("M", fld("x"), fld("y", INT, True))],
        [obj("M", fld("y", INT, True))],
        "property.removed",
        "warning",
        "warning",
    ),
    (
        "format removed",
        [obj("M", fld("x", Primitive("string", "uuid")))],
        [obj("M", fld("x", STR))],
        "property.format_removed",
        "safe",
        "warning",
    ),
    (
        "items narrowed",
        [obj("M", fld("x", ListOf(NUM)))],
        [obj("M", fld("x", ListOf(INT)))],
        "property.items_type_narrowed",
        "breaking",
        "safe",
    ),
    (
        "unwrapped from a union",
        [obj("M", fld("x", Ref("U"))), obj("A", fld("a")), inline(union("U", Ref("A"), STR))],
        [obj("M", fld("x", Ref("A"))), obj("A", fld("a"))],
        "property.unwrapped_from_union",
        "breaking",
        "safe",
    ),
    (
        "union shrank through a property",
        [obj("M", fld("x", Ref("U1"))), inline(union("U1", STR, INT))],
        [obj("M", fld("x", Ref("U2"))), inline(union("U2", STR))],
        "property.union_shrank",
        "breaking",
        "safe",
    ),
    (
        "oneOf became anyOf",
        [union("U", STR, INT)],
        [union("U", STR, INT, exclusive=False)],
        "union.exclusive_changed",
        "warning",
        "warning",
    ),
    (
        "discriminator mapping removed",
        [
            union("U", Ref("A"), discriminator=Discriminator("type", (("a", "A"), ("b", "A")))),
            obj("A"),
        ],
        [union("U", Ref("A"), discriminator=Discriminator("type", (("a", "A"),))), obj("A")],
        "union.mapping_removed",
        "breaking",
        "safe",
    ),
    (
        "discriminator mapping retargeted",
        [
            union("U", Ref("A"), Ref("B"), discriminator=Discriminator("type", (("a", "A"),))),
            obj("A", fld("x")),
            obj("B", fld("y", INT)),
        ],
        [
            union("U", Ref("A"), Ref("B"), discriminator=Discriminator("type", (("a", "B"),))),
            obj("A", fld("x")),
            obj("B", fld("y", INT)),
        ],
        "union.mapping_changed",
        "breaking",
        "breaking",
    ),
    (
        "enum base changed",
        [EnumModel("E", "string", (EnumValue("1"),), source=src("/components/schemas/E"))],
        [EnumModel("E", "integer", (EnumValue("1"),), source=src("/components/schemas/E"))],
        "enum.base_changed",
        "breaking",
        "breaking",
    ),
    (
        "readOnly removed",
        [obj("M", fld("id", read_only=True))],
        [obj("M", fld("id"))],
        "property.read_only_removed",
        "safe",
        "safe",
    ),
    (
        "no longer deprecated",
        [obj("M", fld("x", deprecated=True))],
        [obj("M", fld("x"))],
        "property.undeprecated",
        "safe",
        "safe",
    ),
    (
        "additionalProperties declared",
        [obj("M", fld("x"))],
        [obj("M", fld("x"), additional=ANY)],
        "object.additional_declared",
        "safe",
        "safe",
    ),
    (
        "model wrapped in a union",
        [obj("Pet", fld("name"))],
        [
            union("Pet", Ref("Cat"), Ref("Dog")),
            inline(obj("Cat", fld("name")), "/components/schemas/Pet/oneOf/0"),
            inline(obj("Dog", fld("bark")), "/components/schemas/Pet/oneOf/1"),
        ],
        "model.wrapped_in_union",
        "safe",
        "breaking",
    ),
    (
        "enum became a plain string",
        [enum("E", "a", "b")],
        [AliasModel("E", STR, source=src("/components/schemas/E"))],
        "model.no_longer_enum",
        "safe",
        "warning",
    ),
    (
        "alias target changed",
        [AliasModel("Id", STR, source=src("/components/schemas/Id"))],
        [AliasModel("Id", INT, source=src("/components/schemas/Id"))],
        "alias.type_changed",
        "breaking",
        "breaking",
    ),
]


@pytest.mark.parametrize(
    ("old", "new", "kind", "request_level", "response_level"),
    [pytest.param(*case[1:], id=case[0]) for case in CASES],
)
def test_each_change_kind_is_reported_with_its_wire_verdicts(
    old: list[Model], new: list[Model], kind: str, request_level: str, response_level: str
) -> None:
    finding = only(compare(both(*old), both(*new)))
    assert finding.kind == kind
    assert (finding.request.level, finding.response.level) == (request_level, response_level)
    assert finding.request.reason and finding.response.reason


def test_identical_sets_have_no_findings() -> None:
    models = both(obj("M", fld("x", Ref("E"), True)), enum("E", "a", "b"), union("U", STR, INT))
    assert compare(models, models) == []


def test_description_only_changes_are_marked_and_never_breaking() -> None:
    old = both(obj("M", fld("x"), description="before"))
    new = both(obj("M", fld("x"), description="after"))
    finding = only(compare(old, new))
    assert finding.description_only
    assert finding.level == "safe"


def test_property_moved_into_an_allof_parent_is_not_removed() -> None:
    """allOf is compared after flattening: the loader merged the parent's properties into
    ``fields``; only the change of bases is reported, and it is safe on the wire."""
    old = both(obj("Child", fld("id", required=True), fld("name")), obj("Base", fld("other")))
    new = both(
        obj(
            "Child",
            fld("id", required=True, inherited_from="Base"),
            fld("name"),
            bases=("Base",),
        ),
        obj("Base", fld("id", required=True), fld("other")),
    )
    found = compare(old, new)
    child = [f for f in found if f.model == "Child"]
    assert kinds(child) == ["object.bases_changed"]
    assert child[0].level == "safe"
    assert "property.removed" not in kinds(found)


def test_inline_schema_replaced_by_ref_to_equal_component_is_no_wire_change() -> None:
    """The loader names an inline model after parent + property; replacing it with a $ref to
    an equal component renames the type in code but leaves the wire alone."""
    inline = ObjectModel(
        "ParentMeta",
        (fld("k"),),
        source=src("/components/schemas/Parent/properties/meta"),
    )
    old = both(obj("Parent", fld("meta", Ref("ParentMeta"))), inline)
    new = both(obj("Parent", fld("meta", Ref("Meta"))), obj("Meta", fld("k")))
    found = compare(old, new)
    assert sorted(kinds(found)) == ["model.renamed", "property.type_renamed"]
    for finding in found:
        assert finding.request.level == "safe"
        assert finding.response.level == "safe"
    renamed = next(f for f in found if f.kind == "model.renamed")
    assert (renamed.before, renamed.after, renamed.old_model) == (
        "ParentMeta",
        "Meta",
        "ParentMeta",
    )


def test_inline_map_replaced_by_ref_to_a_nullable_alias_keeps_the_wire() -> None:
    """``{type: object, additionalProperties: string, nullable: true}`` inline, then a
    ``$ref`` to ``Metadata`` with that content: nullability on the field or on the referenced
    schema reads the same."""
    old = both(obj("M", fld("metadata", MapOf(STR), nullable=Nullable.YES)))
    metadata = AliasModel(
        "Metadata", MapOf(STR), nullable=Nullable.YES, source=src("/components/schemas/Metadata")
    )
    new = both(obj("M", fld("metadata", Ref("Metadata"))), metadata)
    found = compare(old, new)
    assert sorted(kinds(found)) == ["model.added", "property.type_renamed"]
    assert all(f.level == "safe" for f in found)


def test_map_of_any_replaced_by_map_of_string_is_a_narrowing() -> None:
    old = both(obj("M", fld("metadata", MapOf(ANY))))
    new = both(obj("M", fld("metadata", MapOf(STR))))
    finding = only(compare(old, new))
    assert finding.kind == "property.map_value_type_narrowed"
    assert (finding.request.level, finding.response.level) == ("breaking", "safe")


def test_renamed_model_with_recursive_content_is_matched() -> None:
    old = both(obj("Node", fld("next", Ref("Node")), fld("v", INT)))
    new = both(obj("TreeNode", fld("next", Ref("TreeNode")), fld("v", INT)))
    finding = only(compare(old, new))
    assert (finding.kind, finding.old_model, finding.model) == (
        "model.renamed",
        "Node",
        "TreeNode",
    )


def test_an_alias_that_contains_itself_is_compared_without_recursing_forever() -> None:
    """``Tree = list[Tree]`` (nested JSON arrays): expanding it in place never ends, so inside
    its own expansion it counts as a reference, as a model would."""
    old = both(obj("M", fld("tree", Ref("Tree"))), AliasModel("Tree", ListOf(Ref("Tree"))))
    new = both(obj("M", fld("tree", Ref("Tree"))), AliasModel("Tree", MapOf(Ref("Tree"))))
    assert compare(old, old) == []
    finding = only(compare(old, new))
    assert (finding.model, finding.kind, finding.before, finding.after) == (
        "Tree",
        "alias.type_changed",
        "list[Tree]",
        "map[Tree]",
    )


def test_models_that_differ_deep_down_are_not_renames() -> None:
    old = both(obj("A", fld("b", Ref("B"))), obj("B", fld("x", INT)))
    new = both(obj("C", fld("b", Ref("B"))), obj("B", fld("x", INT)), obj("D", fld("b", STR)))
    found = compare(old, new)
    renamed = [f for f in found if f.kind == "model.renamed"]
    assert [(f.old_model, f.model) for f in renamed] == [("A", "C")]


def test_new_inline_models_fold_into_the_property_that_brought_them() -> None:
    inline = union("CostsResultUnit", STR, Ref("CostsResultUnitEnum"), nullable=Nullable.YES)
    inline = replace(
        inline, source=src("/components/schemas/CostsResult/properties/unit"), inline=True
    )
    inline_enum = replace(
        enum("CostsResultUnitEnum", "tokens"),
        source=src("/components/schemas/CostsResult/properties/unit/anyOf/1"),
        inline=True,
    )
    old = both(obj("CostsResult", fld("amount", NUM)))
    new = both(
        obj("CostsResult", fld("amount", NUM), fld("unit", Ref("CostsResultUnit"))),
        inline,
        inline_enum,
    )
    finding = only(compare(old, new))
    assert (finding.kind, finding.member) == ("property.added_optional", "unit")


def test_inline_models_are_told_by_their_origin_not_by_their_pointer() -> None:
    """A source with other pointers (markdown lines, code files) says ``inline`` itself."""
    unit = EnumModel("Unit", "string", (EnumValue("tokens"),), source=Source("unit.md", line=3))
    cost = obj("Cost", fld("amount", NUM), fld("unit", Ref("Unit")))
    old = both(obj("Cost", fld("amount", NUM)))
    assert kinds(compare(old, both(cost, replace(unit, inline=True)))) == [
        "property.added_optional"
    ]
    named = sorted(kinds(compare(old, both(cost, unit))))
    assert named == ["model.added", "property.added_optional"]


def test_an_inline_model_no_model_contains_is_reported_on_its_own() -> None:
    """A request or response body, named by the loader after its operation: its appearance
    is the only trace of a new body in the models."""
    body = replace(obj("ListPetsResponseItem", fld("name")), inline=True)
    old = both(obj("Pet", fld("name")))
    new = both(obj("Pet", fld("name")), body)
    finding = only(compare(old, new))
    assert (finding.kind, finding.model) == ("model.added", "ListPetsResponseItem")


def test_response_only_model_cannot_break_requests() -> None:
    models_old = [obj("Resp", fld("x")), obj("Req")]
    models_new = [obj("Resp", fld("x", required=True)), obj("Req")]
    old = ModelSet(
        tuple(models_old),
        Source("s"),
        request_roots=frozenset({"Req"}),
        response_roots=frozenset({"Resp"}),
    )
    new = replace(old, models=tuple(models_new))
    finding = only(compare(old, new))
    assert finding.kind == "property.became_required"
    assert finding.request == finding.request.__class__("safe", "no request uses this model")
    assert finding.response.level == "safe"


def test_reachability_follows_fields_lists_unions_and_aliases() -> None:
    """A change deep down is judged by the operations that reach it through every kind of
    edge; a model no operation reaches gets n/a on the wire."""
    leaf_old = obj("Leaf", fld("x"))
    leaf_new = obj("Leaf", fld("x", required=True))
    rest: list[Model] = [
        obj("Root", fld("items", ListOf(Ref("Wrap")))),
        AliasModel("Wrap", Ref("Choice"), source=src("/components/schemas/Wrap")),
        union("Choice", Ref("Child"), INT),
        obj("Child", fld("leaf", Ref("Leaf"))),
        obj("Orphan", fld("y")),
    ]
    old = ModelSet((leaf_old, *rest), Source("s"), request_roots=frozenset({"Root"}))
    new = replace(old, models=(leaf_new, *rest))
    finding = only(compare(old, new))
    assert finding.request.level == "breaking"
    assert finding.response.level == "safe"
    orphan_old = replace(old, models=(leaf_old, *rest))
    orphan_new = replace(old, models=(leaf_old, *rest[:-1], obj("Orphan", fld("y", INT))))
    orphan = only(compare(orphan_old, orphan_new))
    assert orphan.request.level == orphan.response.level == "n/a"


def test_sources_that_do_not_know_operations_give_unknown_wire_verdicts() -> None:
    old = ModelSet((obj("M"),), Source("docs"), knows=frozenset({"descriptions"}))
    new = replace(old, models=(obj("M", fld("x", required=True)),))
    finding = only(compare(old, new))
    assert finding.request.level == "n/a"
    assert "does not say" in finding.request.reason


def test_fingerprints_are_stable_and_distinct() -> None:
    old = both(obj("M", fld("a"), fld("b")))
    new = both(obj("M", fld("a", INT), fld("b", INT)))
    first, second = compare(old, new), compare(old, new)
    assert [f.fingerprint for f in first] == [f.fingerprint for f in second]
    assert len({f.fingerprint for f in first}) == 2
    assert all(len(f.fingerprint) == 12 for f in first)


def test_findings_are_grouped_by_model_and_worst_first() -> None:
    old = both(obj("B", fld("x")), obj("A", fld("y", description="d"), fld("z")))
    new = both(obj("B", fld("x", INT)), obj("A", fld("y", description="e")))
    found = compare(old, new)
    assert [(f.model, f.kind) for f in found] == [
        ("A", "property.removed"),
        ("A", "property.description_changed"),
        ("B", "property.type_changed"),
    ]


# --- small spec pairs through the real loader -------------------------------------------------


@pytest.mark.parametrize(
    ("version", "spelling"),
    [
        ("3.1.0", "note: {type: [string, 'null']}"),
        ("3.1.0", "note: {oneOf: [{type: 'null'}, {type: string}]}"),
        ("3.1.0", "note: {anyOf: [{type: string}, {type: 'null'}]}"),
    ],
)
def test_nullable_spellings_compare_equal(tmp_path: Path, version: str, spelling: str) -> None:
    nullable = "note: {type: string, nullable: true}"
    old = load_spec(tmp_path, "old", f"Thing:\n  type: object\n  properties:\n    {nullable}\n")
    new = load_spec(
        tmp_path, "new", f"Thing:\n  type: object\n  properties:\n    {spelling}\n", version
    )
    nullability = [f for f in compare(old, new) if "nullable" in f.kind]
    assert nullability == []


def test_loaded_property_moved_into_allof_parent_is_not_removed(tmp_path: Path) -> None:
    old = load_spec(
        tmp_path,
        "old",
        "Thing:\n  type: object\n  required: [id]\n  properties:\n"
        "    id: {type: string}\n    name: {type: string}\n",
    )
    new = load_spec(
        tmp_path,
        "new",
        "Base:\n  type: object\n  required: [id]\n  properties:\n    id: {type: string}\n"
        "Thing:\n  allOf:\n    - $ref: '#/components/schemas/Base'\n"
        "    - type: object\n      properties:\n        name: {type: string}\n",
    )
    found = [(f.model, f.kind) for f in compare(old, new)]
    assert ("Thing", "property.removed") not in found
    assert ("Thing", "object.bases_changed") in found


def test_loaded_inline_object_replaced_by_equal_ref_is_safe_on_the_wire(tmp_path: Path) -> None:
    inline = "  type: object\n  properties:\n    k: {type: integer}\n"
    old = load_spec(
        tmp_path,
        "old",
        "Thing:\n  type: object\n  properties:\n    meta:\n" + textwrap.indent(inline, "    "),
    )
    new = load_spec(
        tmp_path,
        "new",
        "Thing:\n  type: object\n  properties:\n    meta: {$ref: '#/components/schemas/Meta'}\n"
        "Meta:\n" + inline,
    )
    found = compare(old, new)
    assert {f.kind for f in found} == {"model.renamed", "property.type_renamed"}
    assert all(f.request.level == f.response.level == "safe" for f in found)


@pytest.mark.parametrize(
    ("version", "spelling"),
    [
        ("3.0.3", "allOf: [{$ref: '#/components/schemas/Other'}, {nullable: true}]"),
        ("3.1.0", "oneOf: [{$ref: '#/components/schemas/Other'}, {type: 'null'}]"),
    ],
)
def test_nullable_reference_spellings_compare_equal(
    tmp_path: Path, version: str, spelling: str
) -> None:
    other = "Other:\n  type: object\n  properties:\n    k: {type: integer}\n"
    old = load_spec(
        tmp_path,
        "old",
        "Thing:\n  type: object\n  properties:\n"
        "    o: {$ref: '#/components/schemas/Other', nullable: true}\n" + other,
    )
    new = load_spec(
        tmp_path,
        "new",
        f"Thing:\n  type: object\n  properties:\n    o: {{{spelling}}}\n" + other,
        version,
    )
    wire = [f for f in compare(old, new) if f.request.level != "safe" or f.response.level != "safe"]
    assert wire == []


def test_facets_one_side_cannot_state_are_not_compared() -> None:
    """Markdown docs know no formats, nullability or JSON names: against a spec, those are
    not changes; what both sides state still is."""
    spec = both(
        obj(
            "M",
            fld("event_id", Primitive("string", "uuid"), True, nullable=Nullable.YES),
            fld("count", INT),
        )
    )
    docs_knows = frozenset({"descriptions", "enum_values", "defaults"})
    docs = replace(
        both(obj("M", fld("eventId", STR, True, nullable=Nullable.UNKNOWN), fld("count", STR))),
        knows=docs_knows,
    )
    finding = only(compare(docs, spec))
    assert (finding.kind, finding.member) == ("property.type_changed", "count")


def test_unrelated_properties_of_the_same_type_are_not_renames() -> None:
    old = both(obj("M", fld("color"), fld("size"), fld("keep")))
    new = both(obj("M", fld("colour"), fld("weight"), fld("keep")))
    found = sorted((f.kind, f.before or "", f.after or "") for f in compare(old, new))
    assert found == [
        ("property.added_optional", "", "string"),
        ("property.removed", "string", ""),
        ("property.renamed", "color", "colour"),
    ]
