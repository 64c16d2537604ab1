"""The JSON Schema target (``--lang jsonschema``): one 2020-12 document with a ``$defs`` entry per
model. Pinned by what a 2020-12 validator accepts and rejects, and by the few spellings the
README promises (``type`` arrays for null, ``const`` tags, the ``discriminator`` keyword)."""

from __future__ import annotations

import json
import re
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from generator import cli
from generator.errors import ModelgenError
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
    UnionModel,
)
from generator.sources import load
from generator.targets import Symbol, emit
from generator.targets.jsonschema.emit import FILE, def_ref
from tests.support.models import example, hostile
from tests.support.paths import EXAMPLE_SPEC
from tests.targets.jsonschema.support import (
    Document,
    check,
    document,
    lookup,
    schema_text,
    valid,
)

STRING = Primitive("string")
INT = Primitive("integer")

FIXTURES: dict[str, Callable[[], ModelSet]] = {"example": example, "hostile": hostile}


def model_set(*models: Model) -> ModelSet:
    return ModelSet(models=tuple(sorted(models, key=lambda m: m.name)), source=Source("t.yaml"))


def obj(name: str, *fields: Field, **kwargs: Any) -> ObjectModel:
    return ObjectModel(name, fields, **kwargs)


def one(*models: Model) -> Document:
    doc = document(model_set(*models))
    check(doc)
    return doc


# --- the document as a whole ---------------------------------------------------------------


@pytest.mark.parametrize("fixture", sorted(FIXTURES))
def test_fixture_model_sets_give_documents_valid_under_the_2020_12_meta_schema(
    fixture: str,
) -> None:
    doc = document(FIXTURES[fixture]())
    check(doc)
    assert doc["$schema"] == "https://json-schema.org/draft/2020-12/schema"


@pytest.mark.parametrize("fixture", sorted(FIXTURES))
def test_every_model_is_a_def_under_its_own_name_and_its_symbol_is_a_ref_to_it(
    fixture: str,
) -> None:
    models = FIXTURES[fixture]()
    emitted = emit("jsonschema", models)
    doc = json.loads(emitted.files[FILE])
    assert list(doc["$defs"]) == sorted(m.name for m in models.models)
    assert set(emitted.symbols) == {m.name for m in models.models}
    for name, symbols in emitted.symbols.items():
        assert symbols == (Symbol("def", def_ref(name)),)
        assert lookup(doc, symbols[0].name) == doc["$defs"][name]


def test_the_target_writes_one_file_named_schema_json() -> None:
    assert list(emit("jsonschema", example()).files) == ["schema.json"]


@pytest.mark.parametrize("fixture", sorted(FIXTURES))
def test_generating_twice_gives_the_same_bytes(fixture: str) -> None:
    assert schema_text(FIXTURES[fixture]()) == schema_text(FIXTURES[fixture]())


def test_text_is_two_space_indented_with_a_trailing_newline_and_sorted_keywords() -> None:
    text = schema_text(example())
    assert text.endswith("}\n") and not text.endswith("\n\n")
    assert text.splitlines()[1].startswith('  "')
    doc = json.loads(text)

    def walk(schema: Any) -> None:
        if isinstance(schema, list):
            for item in schema:
                walk(item)
        if not isinstance(schema, dict):
            return
        assert list(schema) == sorted(schema)
        for key, value in schema.items():
            if key in ("properties", "$defs"):
                for sub in value.values():
                    walk(sub)
            elif key not in ("const", "default", "enum", "discriminator"):
                walk(value)

    walk(doc)


def test_properties_keep_declaration_order_and_wire_names() -> None:
    names = ["zeta", "alpha", "event-id", "Mid Word", "$ref"]
    doc = one(obj("M", *(Field(n, STRING, required=False) for n in names)))
    assert list(doc["$defs"]["M"]["properties"]) == names


def test_names_that_need_escaping_in_a_ref_still_resolve_to_their_def() -> None:
    names = ["a b", "café", "x/y~z", "50%", "a%41", "aA", "q?x#y", 'quote"', "\u202eevil", ""]
    holder = obj("Holder", *(Field(f"f{i}", Ref(n), required=True) for i, n in enumerate(names)))
    doc = one(holder, *(obj(n, Field("v", INT, required=True)) for n in names))
    instance = {f"f{i}": {"v": i} for i in range(len(names))}
    assert valid(doc, "Holder", instance)
    for i in range(len(names)):
        assert not valid(doc, "Holder", {**instance, f"f{i}": {"v": "text"}})
        assert lookup(doc, def_ref(names[i])) == doc["$defs"][names[i]]
        assert URI_REFERENCE.fullmatch(def_ref(names[i])), def_ref(names[i])


# A same-document URI reference (RFC 3986): "#", then fragment characters or %-escapes.
URI_REFERENCE = re.compile(r"#(?:[A-Za-z0-9\-._~!$&'()*+,;=:@/?]|%[0-9A-F]{2})*")


def test_a_model_name_holding_a_lone_surrogate_is_an_error() -> None:
    with pytest.raises(ModelgenError, match="lone surrogate"):
        emit("jsonschema", model_set(obj("bad\ud800name")))


def test_the_cli_writes_schema_json_and_check_finds_it_current(tmp_path: Path) -> None:
    out = tmp_path / "o"
    args = ["generate", str(EXAMPLE_SPEC), "--lang", "jsonschema", "--out", str(out)]
    assert cli.main(args) == 0
    check(json.loads((out / "schema.json").read_text(encoding="utf-8")))
    assert cli.main([*args, "--check"]) == 0


# --- hostile text ----------------------------------------------------------------------------


def _texts(models: ModelSet) -> dict[str, str | None]:
    """Every description of the IR, keyed by where the document keeps it."""
    found: dict[str, str | None] = {}
    for m in models.models:
        found[m.name] = m.description
        if isinstance(m, ObjectModel):
            for f in m.fields:
                found[f"{m.name}.{f.name}"] = f.description
        if isinstance(m, EnumModel) and any(v.description for v in m.values or ()):
            for i, v in enumerate(m.values or ()):
                found[f"{m.name}#{i}"] = v.description
    return found


def _document_texts(doc: Document, models: ModelSet) -> dict[str, str | None]:
    found: dict[str, str | None] = {}
    for m in models.models:
        entry = doc["$defs"][m.name]
        found[m.name] = entry.get("description")
        if isinstance(m, ObjectModel):
            for f in m.fields:
                found[f"{m.name}.{f.name}"] = entry["properties"][f.name].get("description")
        if "x-enum-descriptions" in entry:
            for i, text in enumerate(entry["x-enum-descriptions"]):
                if i < len(entry["enum"]) and entry["enum"][i] is not None:
                    found[f"{m.name}#{i}"] = text
    return found


@pytest.mark.parametrize("fixture", sorted(FIXTURES))
def test_hostile_text_comes_back_equal_in_descriptions(fixture: str) -> None:
    models = FIXTURES[fixture]()
    assert _document_texts(document(models), models) == _texts(models)


def test_unprintable_characters_are_escaped_and_the_file_is_valid_utf8() -> None:
    text = "nul\x00 del\x7f bidi\u202e zero\u200bwidth lone\ud800 sep\u2028 ok: café \U0001d400"
    models = model_set(obj("M", Field("f", STRING, required=True, description=text)))
    written = schema_text(models)
    written.encode("utf-8")  # a lone surrogate written raw could not be encoded
    assert all(c.isprintable() or c == "\n" for c in written)
    assert "café \U0001d400" in written
    assert json.loads(written)["$defs"]["M"]["properties"]["f"]["description"] == text


HOSTILE_CHARS = st.characters(blacklist_categories=())  # surrogates and controls included
NAME_CHARS = st.characters(blacklist_categories=["Cs"])  # a $ref cannot spell a surrogate


@settings(max_examples=60, deadline=None)
@given(
    name=st.text(NAME_CHARS, max_size=12),
    prop=st.text(HOSTILE_CHARS, max_size=12),
    text=st.text(HOSTILE_CHARS, max_size=40),
    values=st.lists(st.text(HOSTILE_CHARS, max_size=8), min_size=1, max_size=4, unique=True),
)
def test_random_names_texts_and_enum_values_stay_valid_and_come_back_equal(
    name: str, prop: str, text: str, values: list[str]
) -> None:
    models = model_set(
        obj(name, Field(prop, Ref(name + "\0enum"), required=True, description=text)),
        EnumModel(name + "\0enum", "string", tuple(EnumValue(v, text) for v in values)),
    )
    doc = one(*models.models)
    entry = doc["$defs"][name]
    assert entry["properties"][prop]["description"] == text
    assert doc["$defs"][name + "\0enum"]["enum"] == values
    assert valid(doc, name, {prop: values[0]})
    assert not valid(doc, name, {prop: values[0] + "\0not listed"})


# --- objects -------------------------------------------------------------------------------


def test_required_and_nullable_are_kept_apart() -> None:
    doc = one(
        obj(
            "M",
            Field("req", STRING, required=True),
            Field("req_null", STRING, required=True, nullable=Nullable.YES),
            Field("opt", STRING, required=False),
            Field("opt_null", STRING, required=False, nullable=Nullable.YES),
        )
    )
    full = {"req": "a", "req_null": "b", "opt": "c", "opt_null": "d"}
    assert valid(doc, "M", full)
    assert valid(doc, "M", {"req": "a", "req_null": None})
    assert valid(doc, "M", {**full, "opt_null": None})
    assert not valid(doc, "M", {"req": "a"})  # required, even though nullable
    assert not valid(doc, "M", {**full, "req": None})
    assert not valid(doc, "M", {**full, "opt": None})
    assert doc["$defs"]["M"]["required"] == ["req", "req_null"]
    assert doc["$defs"]["M"]["properties"]["req_null"]["type"] == ["string", "null"]


def test_unknown_nullability_counts_as_nullable() -> None:
    doc = one(
        obj("M", Field("f", STRING, required=True, nullable=Nullable.UNKNOWN)),
        obj("N", Field("x", INT, required=False), nullable=Nullable.UNKNOWN),
        obj("Holder", Field("n", Ref("N"), required=True)),
    )
    assert valid(doc, "M", {"f": None})
    assert valid(doc, "N", None)
    assert valid(doc, "Holder", {"n": None})


def test_a_nullable_reference_is_a_ref_beside_a_null_branch() -> None:
    doc = one(
        obj("Target", Field("x", INT, required=True)),
        obj(
            "M",
            Field("maybe", Ref("Target"), required=True, nullable=Nullable.YES),
            Field("never", Ref("Target"), required=False),
        ),
    )
    assert doc["$defs"]["M"]["properties"]["maybe"]["anyOf"] == [
        {"$ref": "#/$defs/Target"},
        {"type": "null"},
    ]
    assert valid(doc, "M", {"maybe": None})
    assert valid(doc, "M", {"maybe": {"x": 1}, "never": {"x": 2}})
    assert not valid(doc, "M", {"maybe": None, "never": None})
    assert not valid(doc, "M", {"maybe": {"x": "1"}})


def test_a_nullable_model_accepts_null_wherever_it_is_referenced() -> None:
    doc = one(
        obj("Maybe", Field("x", INT, required=False), nullable=Nullable.YES),
        obj("M", Field("m", Ref("Maybe"), required=True), Field("l", ListOf(Ref("Maybe")), True)),
    )
    assert valid(doc, "Maybe", None)
    assert valid(doc, "M", {"m": None, "l": [None, {"x": 1}]})
    assert doc["$defs"]["Maybe"]["type"] == ["object", "null"]


def test_additional_properties_follow_the_ir_open_closed_or_typed() -> None:
    doc = one(
        obj("Open", Field("a", INT, required=False)),
        obj("Closed", Field("a", INT, required=False), closed=True),
        obj("Typed", Field("a", INT, required=False), additional=INT),
        obj("DeclaredTrue", Field("a", INT, required=False), additional=ANY),
    )
    extra = {"a": 1, "b": "x"}
    assert valid(doc, "Open", extra) and "additionalProperties" not in doc["$defs"]["Open"]
    assert not valid(doc, "Closed", extra) and valid(doc, "Closed", {"a": 1})
    assert not valid(doc, "Typed", extra) and valid(doc, "Typed", {"a": 1, "b": 2})
    assert valid(doc, "DeclaredTrue", extra)
    assert doc["$defs"]["DeclaredTrue"]["additionalProperties"] is True


def test_maps_lists_and_free_form_values() -> None:
    doc = one(
        obj(
            "M",
            Field("map", MapOf(INT), required=False),
            Field("list", ListOf(STRING, unique=True), required=False),
            Field("free", ANY, required=False),
            Field("free_map", MapOf(ANY), required=False),
        )
    )
    assert valid(doc, "M", {"map": {"a": 1}, "list": ["x", "y"], "free": None, "free_map": {}})
    assert valid(doc, "M", {"free": [1, {"a": None}], "free_map": {"k": [None]}})
    assert not valid(doc, "M", {"map": {"a": "1"}})
    assert not valid(doc, "M", {"list": ["x", "x"]})
    assert not valid(doc, "M", {"list": "x"})


def test_annotations_defaults_and_formats_are_kept() -> None:
    doc = one(
        obj(
            "M",
            Field(
                "when",
                Primitive("string", "date-time"),
                required=False,
                default=Const("2024-01-01T00:00:00Z"),
                read_only=True,
                deprecated=True,
                description="When.",
            ),
            Field("secret", Primitive("string", "password"), required=False, write_only=True),
            Field("count", Primitive("integer", "int64"), required=False, default=Const(2**70)),
            description="A model.",
            deprecated=True,
        )
    )
    entry = doc["$defs"]["M"]
    assert (entry["description"], entry["deprecated"]) == ("A model.", True)
    assert entry["properties"]["when"] == {
        "default": "2024-01-01T00:00:00Z",
        "deprecated": True,
        "description": "When.",
        "format": "date-time",
        "readOnly": True,
        "type": "string",
    }
    assert entry["properties"]["secret"]["writeOnly"] is True
    assert entry["properties"]["secret"]["format"] == "password"
    assert entry["properties"]["count"]["default"] == 2**70


def test_defaults_json_cannot_hold_are_left_out_with_a_comment() -> None:
    nan = Const(float("nan"))
    doc = one(obj("M", Field("n", Primitive("number"), required=False, default=nan)))
    field = doc["$defs"]["M"]["properties"]["n"]
    assert "default" not in field and "nan" in field["$comment"]


def test_a_const_json_cannot_hold_is_an_error_naming_the_field() -> None:
    models = model_set(obj("M", Field("n", Primitive("number"), True, const=Const(float("inf")))))
    with pytest.raises(ModelgenError, match=r"M\.n: const"):
        emit("jsonschema", models)


CONSTRAINED: list[tuple[Constraints, Any, Any, Any]] = [
    (Constraints(minimum=1), Primitive("integer"), 1, 0),
    (Constraints(minimum=1, exclusive_minimum=True), Primitive("integer"), 2, 1),
    (Constraints(maximum=1.5), Primitive("number"), 1.5, 1.6),
    (Constraints(maximum=1.5, exclusive_maximum=True), Primitive("number"), 1.4, 1.5),
    (Constraints(multiple_of=0.5), Primitive("number"), 2.5, 2.6),
    (Constraints(min_length=2), STRING, "ab", "a"),
    (Constraints(max_length=2), STRING, "ab", "abc"),
    (Constraints(pattern="^a+$"), STRING, "aa", "ab"),
    (Constraints(min_items=1), ListOf(INT), [1], []),
    (Constraints(max_items=1), ListOf(INT), [1], [1, 2]),
    (Constraints(unique_items=True), ListOf(INT), [1, 2], [1, 1]),
    (Constraints(min_properties=1), MapOf(INT), {"a": 1}, {}),
    (Constraints(max_properties=1), MapOf(INT), {"a": 1}, {"a": 1, "b": 2}),
]


@pytest.mark.parametrize(("constraints", "type_", "good", "bad"), CONSTRAINED)
def test_constraints_are_kept_as_2020_12_keywords_on_fields_and_aliases(
    constraints: Constraints, type_: Any, good: Any, bad: Any
) -> None:
    doc = one(
        obj("M", Field("f", type_, required=True, constraints=constraints)),
        AliasModel("A", type_, constraints=constraints),
    )
    assert valid(doc, "M", {"f": good}) and not valid(doc, "M", {"f": bad})
    assert valid(doc, "A", good) and not valid(doc, "A", bad)


def test_an_exclusive_bound_is_the_2020_12_number_form() -> None:
    c = Constraints(minimum=0, exclusive_minimum=True, maximum=10)
    doc = one(obj("M", Field("f", INT, required=True, constraints=c)))
    field = doc["$defs"]["M"]["properties"]["f"]
    assert (field["exclusiveMinimum"], field["maximum"]) == (0, 10)
    assert "minimum" not in field


# --- enums and consts ----------------------------------------------------------------------


def test_enums_list_their_values_with_the_base_type() -> None:
    doc = one(
        EnumModel("Colour", "string", (EnumValue("red", "Warm."), EnumValue("blue"))),
        EnumModel("Level", "integer", (EnumValue(1), EnumValue(2)), nullable=Nullable.YES),
        EnumModel("Open", "string", None),
    )
    colour = doc["$defs"]["Colour"]
    assert (colour["type"], colour["enum"]) == ("string", ["red", "blue"])
    assert colour["x-enum-descriptions"] == ["Warm.", None]
    assert valid(doc, "Colour", "red") and not valid(doc, "Colour", "green")
    assert valid(doc, "Level", None) and valid(doc, "Level", 2) and not valid(doc, "Level", 3)
    assert doc["$defs"]["Level"]["type"] == ["integer", "null"]
    assert valid(doc, "Open", "anything") and not valid(doc, "Open", 1)


def test_enum_member_names_go_to_x_enum_varnames_and_load_back(tmp_path: Path) -> None:
    named = EnumModel("Op", "string", (EnumValue("=", "Same.", "EQUALS"), EnumValue("<")))
    doc = one(named)
    assert doc["$defs"]["Op"]["x-enum-varnames"] == ["EQUALS", None]
    path = tmp_path / "op.schema.json"
    path.write_text(json.dumps(doc), encoding="utf-8")
    loaded = load(path).by_name()["Op"]
    assert isinstance(loaded, EnumModel) and loaded.values == named.values


def test_enum_values_of_other_json_types_than_the_base_stay_valid() -> None:
    doc = one(EnumModel("Mixed", "string", (EnumValue(1), EnumValue("1"), EnumValue(True))))
    for value in (1, "1", True):
        assert valid(doc, "Mixed", value)
    assert not valid(doc, "Mixed", 2) and not valid(doc, "Mixed", False)


def test_a_const_field_is_a_const_of_its_type_and_may_be_nullable() -> None:
    doc = one(
        obj(
            "M",
            Field("kind", STRING, required=True, const=Const("pet")),
            Field("tag", STRING, required=False, const=Const("x"), nullable=Nullable.YES),
        )
    )
    kind = doc["$defs"]["M"]["properties"]["kind"]
    assert kind == {"const": "pet", "type": "string"}
    assert valid(doc, "M", {"kind": "pet", "tag": None})
    assert not valid(doc, "M", {"kind": "cat"})
    assert not valid(doc, "M", {"kind": "pet", "tag": "y"})


# --- unions --------------------------------------------------------------------------------


def _pets(discriminator: Discriminator | None, exclusive: bool = True) -> Document:
    return one(
        obj("Cat", Field("kind", STRING, True, const=Const("cat")), Field("lives", INT, True)),
        obj("Dog", Field("kind", STRING, True, const=Const("dog")), Field("lives", INT, True)),
        UnionModel("Pet", (Ref("Cat"), Ref("Dog")), discriminator, exclusive=exclusive),
    )


def test_a_discriminated_union_is_a_one_of_of_refs_whose_variants_carry_a_const_tag() -> None:
    mapping = (("cat", "Cat"), ("dog", "Dog"))
    doc = _pets(Discriminator("kind", mapping))
    pet = doc["$defs"]["Pet"]
    assert pet["oneOf"] == [{"$ref": "#/$defs/Cat"}, {"$ref": "#/$defs/Dog"}]
    assert pet["discriminator"] == {
        "propertyName": "kind",
        "mapping": {"cat": "#/$defs/Cat", "dog": "#/$defs/Dog"},
    }
    for tag, name in mapping:
        assert doc["$defs"][name]["properties"]["kind"]["const"] == tag
        assert lookup(doc, pet["discriminator"]["mapping"][tag]) == doc["$defs"][name]
    assert valid(doc, "Pet", {"kind": "cat", "lives": 9})
    assert not valid(doc, "Pet", {"kind": "cow", "lives": 1})


def test_a_variant_that_does_not_state_its_tag_gets_it_pinned_in_its_branch() -> None:
    doc = one(
        obj("Cat", Field("kind", STRING, required=True), Field("lives", INT, False)),
        obj("Dog", Field("kind", STRING, required=True), Field("barks", INT, False)),
        UnionModel(
            "Pet",
            (Ref("Cat"), Ref("Dog")),
            Discriminator("kind", (("cat", "Cat"), ("dog", "Dog"))),
        ),
    )
    assert valid(doc, "Pet", {"kind": "cat"}) and valid(doc, "Pet", {"kind": "dog"})
    assert not valid(doc, "Pet", {"kind": "cow"})
    assert valid(doc, "Cat", {"kind": "cow"})  # the model itself stays as the spec has it


def test_exclusive_unions_are_one_of_and_others_any_of() -> None:
    doc = _pets(None, exclusive=False)
    assert "anyOf" in doc["$defs"]["Pet"] and "oneOf" not in doc["$defs"]["Pet"]
    doc = one(UnionModel("N", (INT, Primitive("number"))))
    assert valid(doc, "N", 1.5) and not valid(doc, "N", 1)  # 1 is both: oneOf rejects it
    doc = one(UnionModel("N", (INT, Primitive("number")), exclusive=False))
    assert valid(doc, "N", 1)


def test_a_nullable_union_accepts_null_exactly_once() -> None:
    doc = one(
        obj("Maybe", Field("x", INT, required=False), nullable=Nullable.YES),
        UnionModel("U", (STRING, INT), nullable=Nullable.YES),
        UnionModel("V", (STRING, Ref("Maybe")), nullable=Nullable.YES),
    )
    assert valid(doc, "U", None) and valid(doc, "U", "a") and not valid(doc, "U", True)
    assert valid(doc, "V", None)  # Maybe already allows it: no second branch for oneOf


def test_a_union_that_contains_itself_lists_its_cycle_and_validation_ends() -> None:
    doc = one(
        UnionModel("A", (STRING, Ref("B"))),
        UnionModel("B", (INT, Ref("A"))),
        UnionModel("Self", (Ref("Self"), Primitive("boolean"))),
        UnionModel("Nothing", ()),
    )
    for name in ("A", "B"):
        assert valid(doc, name, "x") and valid(doc, name, 1)
        assert not valid(doc, name, True)
    assert valid(doc, "Self", True) and not valid(doc, "Self", 1)
    assert not valid(doc, "Nothing", None) and not valid(doc, "Nothing", {})


def test_recursive_models_validate_nested_values() -> None:
    doc = one(
        obj("Tree", Field("value", INT, True), Field("children", ListOf(Ref("Tree")), False)),
        UnionModel("Json", (STRING, ListOf(Ref("Json")), MapOf(Ref("Json"))), exclusive=False),
    )
    assert valid(doc, "Tree", {"value": 1, "children": [{"value": 2, "children": []}]})
    assert not valid(doc, "Tree", {"value": 1, "children": [{"value": "2"}]})
    assert valid(doc, "Json", {"a": ["b", {"c": []}]}) and not valid(doc, "Json", [1])


# --- aliases -------------------------------------------------------------------------------


def test_aliases_are_plain_schemas_under_their_name() -> None:
    doc = one(
        AliasModel("Id", Primitive("string", "uuid"), description="An id."),
        AliasModel("Ids", ListOf(Ref("Id")), nullable=Nullable.YES),
        AliasModel("MaybeId", Ref("Id"), nullable=Nullable.YES),
    )
    assert doc["$defs"]["Id"] == {"description": "An id.", "format": "uuid", "type": "string"}
    assert valid(doc, "Ids", None) and valid(doc, "Ids", ["a"]) and not valid(doc, "Ids", [1])
    assert valid(doc, "MaybeId", None) and valid(doc, "MaybeId", "a")


def test_an_alias_that_refers_to_itself_is_an_error() -> None:
    models = model_set(AliasModel("A", Ref("B")), AliasModel("B", Ref("A")))
    with pytest.raises(ModelgenError, match="loop of aliases"):
        emit("jsonschema", models)
