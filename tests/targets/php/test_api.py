"""What the PHP emitter says it generated: ``Emitted.symbols`` (model -> the classes written for
it, main type first) and ``Emitted.api`` (the public-API listing built from the view models),
cross-checked against the files themselves (the tree-sitter listing) on the shared example and
hostile set and the OpenAI 2.3.0 spec."""

from __future__ import annotations

from collections.abc import Callable
from functools import cache
from pathlib import Path

import jinja2
import jinja2.meta
import pytest

from generator.ir import AliasModel, EnumModel, ModelSet, ObjectModel, UnionModel
from generator.sources import load
from generator.targets import Emitted, Symbol, emit
from generator.targets import listing as lister
from generator.targets.php import markers
from generator.targets.php.api import RULES, listing, php_api
from generator.targets.php.emit import TEMPLATES
from tests.support.models import example, hostile
from tests.support.paths import OPENAI_LATEST_SPEC, OPENAI_SPEC, need

SOURCES: dict[str, Callable[[], ModelSet]] = {
    "example": example,
    "hostile": hostile,
    "openai": lambda: load(need(OPENAI_SPEC)),
    "openai-2026": lambda: load(need(OPENAI_LATEST_SPEC)),
}


@cache
def emitted(source: str) -> Emitted:
    return emit("php", SOURCES[source]())


@pytest.mark.parametrize(
    "source", ["example", "hostile", pytest.param("openai", marks=pytest.mark.slow)]
)
def test_emitted_api_equals_the_listing_read_from_the_files(source: str) -> None:
    result = emitted(source)
    assert result.api, "an empty listing would make this comparison pass vacuously"
    assert list(result.api) == listing(result.files)


@pytest.mark.parametrize(
    "source", ["example", "hostile", pytest.param("openai-2026", marks=pytest.mark.slow)]
)
def test_the_lister_gives_the_symbols_and_listing_of_emit(source: str) -> None:
    """The lister builds the files' signatures alone; on the fixtures and the 2026 spec (3.1:
    consts, type arrays, nullable enums) it says what emit says."""
    listed = lister("php", SOURCES[source]())
    assert listed.files == {}
    assert listed.api and listed.api == emitted(source).api
    assert listed.symbols == emitted(source).symbols


def test_properties_wanting_a_taken_name_are_numbered_in_field_order() -> None:
    from generator.ir import Field, ObjectModel, Primitive, Source

    text = Primitive("string")
    fields = (
        Field("a-b", text, True),
        Field("a_b", text, True),
        Field("additionalProperties", text, False),
    )
    models = ModelSet((ObjectModel("Clash", fields),), Source("t.yaml"), "t")
    props = [i.member for i in lister("php", models).api if i.kind == "field"]
    assert sorted(props) == ["aB", "aB2", "additionalProperties", "additionalProperties2"]
    assert emit("php", models).api == lister("php", models).api


@pytest.mark.parametrize("source", ["example", "hostile"])
def test_every_model_has_its_symbols_and_every_model_file_one_symbol(source: str) -> None:
    models = SOURCES[source]()
    result = emitted(source)
    assert set(result.symbols) == {m.name for m in models.models}
    names = [symbol.name for symbols in result.symbols.values() for symbol in symbols]
    model_files = {
        rel for rel in result.files if rel.endswith(".php") and not markers.is_support_file(rel)
    }
    assert sorted(markers.model_path(name) for name in names) == sorted(model_files)


@pytest.mark.parametrize("source", ["example", "hostile"])
def test_the_first_symbol_is_the_type_the_model_becomes(source: str) -> None:
    result = emitted(source)
    for model in SOURCES[source]().models:
        symbols = result.symbols[model.name]
        main = symbols[0]
        declared = php_api(result.files[markers.model_path(main.name)])[0]
        assert declared.owner == main.name
        if isinstance(model, ObjectModel):
            assert [s.kind for s in symbols] == ["class"]
            assert declared.kind == "class"
        elif isinstance(model, UnionModel):
            assert [s.kind for s in symbols] == ["interface", "factory"]
            assert declared.kind == "interface"
        elif isinstance(model, EnumModel) and main.kind == "enum":
            assert [s.kind for s in symbols] == ["enum", "unknown"]
            assert declared.kind == "enum"
        else:
            assert isinstance(model, AliasModel | EnumModel)
            assert [s.kind for s in symbols] == ["alias"]
            assert declared.kind == "class"


def test_symbols_of_the_example_name_the_generated_classes() -> None:
    symbols = emitted("example").symbols
    assert symbols["Voice"] == (Symbol("enum", "Voice"), Symbol("unknown", "UnknownVoice"))
    assert symbols["ClientEvent"] == (
        Symbol("interface", "ClientEvent"),
        Symbol("factory", "ClientEventFactory"),
    )
    assert symbols["Bag"] == (Symbol("class", "Bag"),)
    assert symbols["Tags"] == (Symbol("alias", "Tags"),)
    assert symbols["Ratio"] == (Symbol("alias", "Ratio"),)  # floats: PHP cannot back it


def test_symbols_follow_renamed_classes() -> None:
    symbols = emitted("hostile").symbols
    assert symbols["LIST"] == (Symbol("class", "ListModel"),)
    assert symbols["List"] == (Symbol("class", "ListModel_2"),)
    # Models are named in name order: "CON" comes before "con".
    assert symbols["CON"] == (Symbol("class", "ConModel"),)
    assert symbols["con"] == (Symbol("class", "ConModel_2"),)
    assert symbols["Pet"][0].name.casefold() != symbols["pet"][0].name.casefold()
    assert symbols["Weird"] == (Symbol("enum", "Weird"), Symbol("unknown", "UnknownWeird_2"))


def test_api_lists_parameters_with_their_defaults_and_enum_cases_with_values() -> None:
    lines = [item.line() for item in emitted("example").api]
    assert "class Bag: final class implements Anything" in lines
    assert (
        "class SessionCreateRequestTurnDetection: final class implements \\JsonSerializable"
        in lines
    )
    assert "param Bag.additionalProperties: optional = []" in lines
    assert "field Bag.additionalProperties: array" in lines
    assert "param SessionUpdateEvent.type: optional = 'session.update'" in lines
    assert "param SessionCreateRequest.model: required" in lines
    assert "param SessionCreateRequest.turnDetection: optional = Support\\Absent::Value" in lines
    assert "enum Voice: enum: string" in lines
    assert "case Voice.Alloy = 'alloy'" in lines
    assert "interface ClientEvent: interface extends \\JsonSerializable" in lines
    assert "class ClientEventFactory: final class" in lines


def test_type_header_leaves_out_the_name_wherever_it_occurs() -> None:
    (item,) = php_api("<?php final class Value implements Value\\Valued {}")
    assert item.signature == "final class implements Value\\Valued"


# --- the contracts of markers.py -------------------------------------------------------------


def test_templates_receive_only_the_head_the_view_and_the_markers() -> None:
    env = jinja2.Environment()
    for path in sorted(Path(TEMPLATES).glob("*.jinja")):
        names = jinja2.meta.find_undeclared_variables(env.parse(path.read_text()))
        assert names <= {"head", "view", "markers"}, path.name


def test_the_support_runtime_defines_every_helper_decode_expressions_call() -> None:
    json_php = emitted("example").files[markers.support_path("Json")]
    helpers = [
        *markers.DECODE_HELPERS.values(),
        markers.LIST_HELPER,
        markers.MAP_HELPER,
        markers.EXTRA_HELPER,
        markers.CONSTANT_HELPER,
    ]
    for helper in helpers:
        assert f"public static function {helper}(" in json_php, helper
    assert markers.GENERATED in json_php[:300]


def test_every_file_starts_with_the_header_the_reader_detects() -> None:
    for rel, text in emitted("example").files.items():
        if rel.endswith(".php"):
            assert text.startswith(f"<?php\n\n/*\n * {markers.HEADER[0]}\n */\n"), rel


# --- the rules diff reads this listing with ---------------------------------------------------


def test_rules_read_a_leading_question_mark_as_a_null_alternative() -> None:
    assert RULES.split_null("?Unit") == ("Unit", True)
    assert RULES.split_null("Unit|null") == ("Unit", True)
    assert RULES.split_null("string|Unit|Support\\Absent|null") == (
        "string|Unit|Support\\Absent",
        True,
    )
    assert RULES.alternatives("?array") == RULES.alternatives("array|null") == {"array", "null"}
    assert RULES.split_null("array") == ("array", False)


def test_rules_see_no_sealed_types_in_the_generated_code() -> None:
    """PHP cannot close an interface to new classes: a new class is never a breaking subtype."""
    for item in emitted("example").api:
        assert not RULES.sealed(item.signature), item
