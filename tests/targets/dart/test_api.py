"""What the Dart emitter says it generated: the symbol table (model -> its Dart names) and the
public-API listing built from its view models, cross-checked against the generated files as
tree-sitter reads them (``api.listing``)."""

from __future__ import annotations

import pytest

from generator.ir import EnumModel, Field, ModelSet, ObjectModel, Primitive, Source, UnionModel
from generator.targets import TYPE_KINDS, ApiItem, Emitted, emit
from generator.targets import listing as target_listing
from generator.targets.dart import markers
from generator.targets.dart.api import RULES, listing
from generator.treesitter import parse
from tests.support.models import example, hostile

# How the listing's header of each kind of main type begins.
MAIN_HEADERS = {"class": "final class", "sealed class": "sealed class"}


@pytest.fixture(scope="module", params=["example", "hostile"])
def emitted(request: pytest.FixtureRequest) -> tuple[ModelSet, Emitted]:
    models = {"example": example, "hostile": hostile}[request.param]()
    return models, emit("dart", models)


def _cross_check(result: Emitted) -> None:
    read = listing(result.files)
    assert read, "the listing read nothing"
    missing = sorted(set(read) - set(result.api))
    extra = sorted(set(result.api) - set(read))
    assert (missing, extra) == ([], [])
    assert list(result.api) == read  # sorted alike, no duplicates


def test_the_emitted_api_is_the_listing_read_from_the_files(
    emitted: tuple[ModelSet, Emitted],
) -> None:
    _cross_check(emitted[1])


@pytest.mark.slow
def test_the_emitted_api_is_the_listing_read_from_the_files_on_openai(
    openai_models: ModelSet,
) -> None:
    _cross_check(emit("dart", openai_models))


@pytest.mark.slow
def test_the_lister_gives_the_symbols_and_api_of_emit_on_the_2026_openai_spec(
    openai_latest_models: ModelSet,
) -> None:
    """The lister builds no view model, only the names, types and defaults the listing needs,
    from the functions emit builds its views with: on the largest spec (families, wrappers,
    enums, typedefs, renamed and defaulted fields) it gives exactly what emit gives."""
    full = emit("dart", openai_latest_models)
    listed = target_listing("dart", openai_latest_models)
    assert listed.files == {}
    assert listed.symbols == full.symbols
    assert listed.api and listed.api == full.api


def _types(items: tuple[ApiItem, ...] | list[ApiItem]) -> dict[str, ApiItem]:
    return {item.owner: item for item in items if item.kind in TYPE_KINDS}


def test_every_model_has_symbols_naming_every_type_generated(
    emitted: tuple[ModelSet, Emitted],
) -> None:
    models, result = emitted
    assert set(result.symbols) == {m.name for m in models.models}
    named = [s.name for symbols in result.symbols.values() for s in symbols]
    assert len(named) == len(set(named)), "a Dart name claimed by two models"
    assert set(named) == set(_types(listing(result.files)))


def test_the_first_symbol_is_the_main_type_of_the_model(
    emitted: tuple[ModelSet, Emitted],
) -> None:
    models, result = emitted
    types = _types(listing(result.files))
    for model in models.models:
        main, *helpers = result.symbols[model.name]
        declared = types[main.name]
        if main.kind == "enum":
            assert declared.kind == "enum" and isinstance(model, EnumModel)
        elif main.kind == "typedef":
            assert declared.kind == "alias"
        else:
            assert declared.signature.startswith(MAIN_HEADERS[main.kind]), (model.name, main)
            assert isinstance(model, ObjectModel if main.kind == "class" else UnionModel)
        for helper in helpers:
            assert helper.kind in ("value", "unknown", "variant"), helper
            assert types[helper.name].kind == "class"


def test_enum_and_union_helpers_are_listed_after_their_main_type() -> None:
    symbols = emit("dart", example()).symbols
    assert [(s.kind, s.name) for s in symbols["Voice"]] == [
        ("enum", "Voice"),
        ("value", "VoiceValue"),
        ("unknown", "VoiceUnknown"),
    ]
    assert [(s.kind, s.name) for s in symbols["ClientEvent"]] == [
        ("sealed class", "ClientEvent"),
        ("unknown", "ClientEventUnknown"),
    ]
    assert [(s.kind, s.name) for s in symbols["SessionCreateRequestMaxOutputTokens"]] == [
        ("sealed class", "SessionCreateRequestMaxOutputTokens"),
        ("variant", "SessionCreateRequestMaxOutputTokensInt"),
        ("variant", "SessionCreateRequestMaxOutputTokensSessionCreateRequestMaxOutputTokensInf"),
    ]
    assert [(s.kind, s.name) for s in symbols["ItemId"]] == [("typedef", "ItemId")]
    assert [(s.kind, s.name) for s in symbols["Session"]] == [("class", "Session")]


def test_a_parameter_default_is_listed_whole() -> None:
    read = listing(emit("dart", example()).files)
    assert ApiItem("AlertEvent", "param", "type", "optional = AlertEventType.alert") in read
    assert ApiItem("SessionUpdateEvent", "param", "type", "optional = 'session.update'") in read


def test_support_part_declares_every_from_schema_argument_the_reader_reads() -> None:
    support = emit("dart", example()).files[markers.SUPPORT_FILE]
    tree = parse("dart", support)
    text = support.encode()
    declared = set()
    for node in tree.root_node.named_children:
        if node.type == "class_definition":
            declared.add((node.child_by_field_name("name") or node).text)
    assert {markers.PRESENT.encode(), markers.FROM_SCHEMA.encode()} <= declared
    body = text[text.index(f"final class {markers.FROM_SCHEMA} ".encode()) :].decode()
    for argument in markers.FROM_SCHEMA_ARGS:
        assert f"this.{argument}" in body, argument


def test_a_schema_name_with_brackets_in_the_annotation_leaves_the_class_header_intact() -> None:
    models = ModelSet(
        (ObjectModel("a)", ()), ObjectModel("b", (Field("a", Primitive("string"), True),))),
        Source("test"),
        title="t",
    )
    result = emit("dart", models)
    headers = {i.owner: i.signature for i in listing(result.files) if i.kind == "class"}
    assert sorted(headers.values()) == ["final class", "final class"]
    _cross_check(result)


# --- the rules diff reads this listing with ---------------------------------------------------


def test_rules_split_a_trailing_question_mark_only() -> None:
    assert RULES.split_null("Unit?") == ("Unit", True)
    assert RULES.split_null("Present<Unit?>?") == ("Present<Unit?>", True)
    assert RULES.split_null("List<Unit?>") == ("List<Unit?>", False)
    # an alias of a nullable type expanded in place of a nullable name admits null once
    assert RULES.alternatives("Map<String, String>??") == {"Map<String,String>?"}


def test_rules_see_the_unknown_and_variant_classes_as_subtypes_of_a_sealed_main_type() -> None:
    """New variants of a sealed class break exhaustive switches: the rules must recognise
    the sealed class and the supertype of each class added to its family."""
    result = emit("dart", example())
    types = _types(result.api)
    families = 0
    for symbols in result.symbols.values():
        main, *helpers = symbols
        if main.kind != "sealed class":
            continue
        families += 1
        assert RULES.sealed(types[main.name].signature)
        for helper in helpers:
            assert main.name in RULES.supertypes(types[helper.name].signature), helper
            assert not RULES.sealed(types[helper.name].signature)
    assert families
