"""The markdown model-docs loader: table-reading rules, each dialect's type spellings (taken
from OpenAPI Generator's templates and published samples), the flattened-union warning and
``--spec``. Corpus-wide checks live in test_markdown_corpus.py."""

from __future__ import annotations

from pathlib import Path

import pytest

from generator.errors import ModelgenError
from generator.ir import (
    ANY,
    AliasModel,
    Const,
    EnumModel,
    Field,
    JsonValue,
    ListOf,
    MapOf,
    Nullable,
    ObjectModel,
    Primitive,
    Ref,
    UnionModel,
)
from generator.sources import LoadOptions, load
from generator.sources.markdown.loader import detect, parse_doc
from tests.support.paths import EXAMPLE_SPEC, SHARED, need

SEEDS = SHARED / "seeds"
FOOTER_PHP = (
    "[[Back to Model list]](../../README.md#models) [[Back to API list]]"
    "(../../README.md#endpoints) [[Back to README]](../../README.md)\n"
)
RULE = "------------ | ------------- | ------------- | -------------"


def php_doc(*rows: str, name: str = "Pet") -> str:
    body = "".join(row + "\n" for row in rows)
    return (
        f"# # {name}\n\n## Properties\n\nName | Type | Description | Notes\n{RULE}\n"
        f"{body}\n{FOOTER_PHP}"
    )


def dart_doc(*rows: str, name: str = "Pet", package: str = "petstore") -> str:
    body = "".join(row + "\n" for row in rows)
    return (
        f"# {package}.model.{name}\n\n## Load the model package\n```dart\n"
        f"import 'package:{package}/api.dart';\n```\n\n## Properties\n"
        f"Name | Type | Description | Notes\n{RULE}\n{body}\n"
        "[[Back to Model list]](../README.md#documentation-for-models) [[Back to API list]]"
        "(../README.md#documentation-for-api-endpoints) [[Back to README]](../README.md)\n\n\n"
    )


def plain_doc(*rows: str, name: str = "Pet", intro: str = "") -> str:
    body = "".join(row + "\n" for row in rows)
    return (
        f"# {name}\n\n{intro}## Properties\n\nName | Type | Description | Notes\n{RULE}\n{body}\n"
    )


def one_field(text: str, file: str = "Pet.md") -> Field:
    doc = parse_doc(text, file)
    assert len(doc.model.fields) == 1
    return doc.model.fields[0]


# --- headings and dialects -----------------------------------------------------------------


def test_php_heading_names_the_model_and_type_links_give_the_namespace() -> None:
    doc = parse_doc(
        php_doc("**owner** | [**\\Acme\\Shop\\Model\\Owner**](Owner.md) |  |"), "Pet.md"
    )
    assert doc.model.name == "Pet"
    assert doc.dialect.name == "php"
    assert doc.namespace == "Acme\\Shop"
    assert doc.model.fields[0].type == Ref("Owner")


def test_dart_heading_gives_package_and_dialect() -> None:
    doc = parse_doc(dart_doc("**id** | **int** |  | [optional] ", package="openai_sdk"), "P.md")
    assert (doc.model.name, doc.namespace, doc.dialect.name) == ("Pet", "openai_sdk", "dart")


@pytest.mark.parametrize(
    ("heading", "name", "namespace", "dialect"),
    [
        ("# Petstore::Pet", "Pet", "Petstore", "ruby"),
        ("# Org.OpenAPITools.Model.Pet", "Pet", "Org.OpenAPITools", "csharp"),
    ],
)
def test_ruby_and_csharp_headings(heading: str, name: str, namespace: str, dialect: str) -> None:
    text = f"{heading}\n\n## Properties\n\nName | Type | Description | Notes\n{RULE}\n"
    text += "**id** | **String** |  | [optional] \n"
    doc = parse_doc(text, "Pet.md")
    assert (doc.model.name, doc.namespace, doc.dialect.name) == (name, namespace, dialect)


@pytest.mark.parametrize(
    ("row", "dialect"),
    [
        ("**id** | Pointer to **int64** |  | [optional] ", "go"),
        ("**tags** | [**Vec<models::Tag>**](Tag.md) |  | [optional]", "rust"),
        ("**name** | **kotlin.String** |  | ", "kotlin"),
        (
            "**tags** | [**Array&lt;Tag&gt;**](Tag.md) |  | [optional] [default to undefined]",
            "typescript",
        ),
        ("**tags** | [**List[Tag]**](Tag.md) |  | [optional] ", "python"),
        ("**tags** | [**List<Tag>**](Tag.md) |  | [optional] ", "java"),
    ],
)
def test_plain_heading_dialect_is_told_by_type_spellings(row: str, dialect: str) -> None:
    assert parse_doc(plain_doc(row), "Pet.md").dialect.name == dialect


def test_python_docs_keep_the_model_description_printed_above_the_table() -> None:
    doc = parse_doc(
        plain_doc("**id** | **int** |  | [optional] ", intro="A pet &amp; its owner.\n\n"), "P.md"
    )
    assert doc.model.description == "A pet & its owner."


# --- type spellings, per dialect (spellings from the generators' samples) -----------------

PHP_TYPES = [
    ("**string**", Primitive("string")),
    ("**int**", Primitive("integer")),
    ("**float**", Primitive("number")),
    ("**bool**", Primitive("boolean")),
    ("**\\DateTime**", Primitive("string", "date-time")),
    ("**\\SplFileObject**", Primitive("string", "binary")),
    ("**object**", ANY),
    ("**mixed**", ANY),
    ("**string[]**", ListOf(Primitive("string"))),
    ("**array<string,string>**", MapOf(Primitive("string"))),
    ("**array<string,mixed>**", MapOf(ANY)),
    ("**array<string,float>[]**", ListOf(MapOf(Primitive("number")))),
    ("[**\\Ns\\Model\\Foo**](Foo.md)", Ref("Foo")),
    ("[**\\Ns\\Model\\Foo[]**](Foo.md)", ListOf(Ref("Foo"))),
    ("[**array<string,\\Ns\\Model\\Foo>**](Foo.md)", MapOf(Ref("Foo"))),
]
DART_TYPES = [
    ("**String**", Primitive("string")),
    ("**int**", Primitive("integer")),
    ("**num**", Primitive("number")),
    ("**double**", Primitive("number", "double")),
    ("**bool**", Primitive("boolean")),
    ("**DateTime**", Primitive("string", "date-time")),
    ("**MultipartFile**", Primitive("string", "binary")),
    ("[**Object**](.md)", ANY),
    ("**List<String>**", ListOf(Primitive("string"))),
    ("**Map<String, String>**", MapOf(Primitive("string"))),
    ("[**Map<String, Object>**](Object.md)", MapOf(ANY)),
    ("[**List<Map<String, num>>**](Map.md)", ListOf(MapOf(Primitive("number")))),
    ("[**List<Foo>**](Foo.md)", ListOf(Ref("Foo"))),
    ("[**Set<Foo>**](Foo.md)", ListOf(Ref("Foo"), unique=True)),
    ("[**Foo**](Foo.md)", Ref("Foo")),
]
PLAIN_TYPES = [
    # Python
    ("**str**", Primitive("string")),
    ("**datetime**", Primitive("string", "date-time")),
    ("**date**", Primitive("string", "date")),
    ("**bytearray**", Primitive("string", "binary")),
    ("**List[str]**", ListOf(Primitive("string"))),
    ("**Dict[str, object]**", MapOf(ANY)),
    ("[**List[Foo]**](Foo.md)", ListOf(Ref("Foo"))),
    ("**Dict[str, Any]**", MapOf(ANY)),
    # Java
    ("**OffsetDateTime**", Primitive("string", "date-time")),
    ("**BigDecimal**", Primitive("number")),
    ("**UUID**", Primitive("string", "uuid")),
    ("**Map<String, Object>**", MapOf(ANY)),
    ("**File**", Primitive("string", "binary")),
    # Go
    ("**[]string**", ListOf(Primitive("string"))),
    ("**map[string]interface{}**", MapOf(ANY)),
    ("[**[]Tag**](Tag.md)", ListOf(Ref("Tag"))),
    ("**time.Time**", Primitive("string", "date-time")),
    ("Pointer to **int64**", Primitive("integer", "int64")),
    ("**\\*os.File**".replace("\\", ""), Primitive("string", "binary")),
    # TypeScript
    ("[**{ [key: string]: Foo; }**](Foo.md)", MapOf(Ref("Foo"))),
    ("[**Array&lt;Team&gt;**](Team.md)", ListOf(Ref("Team"))),
    ("**number**", Primitive("number")),
    ("**any**", ANY),
    # C#
    ("[**Dictionary&lt;string, Property&gt;**](Property.md)", MapOf(Ref("Property"))),
    ("**int?**", Primitive("integer")),
    ("**Guid**", Primitive("string", "uuid")),
    ("**System.IO.Stream**", Primitive("string", "binary")),
    # Ruby
    ("[**Hash<String, Foo>**](Foo.md)", MapOf(Ref("Foo"))),
    ("**Time**", Primitive("string", "date-time")),
    # Kotlin
    ("[**kotlin.collections.List<Foo>**](Foo.md)", ListOf(Ref("Foo"))),
    ("**kotlin.collections.Map<kotlin.String, kotlin.Any>**", MapOf(ANY)),
    ("**java.time.OffsetDateTime**", Primitive("string", "date-time")),
    ("[**inline**](#StatusEnum)", Primitive("string")),
    # Rust
    ("[**Vec<models::Tag>**](Tag.md)", ListOf(Ref("Tag"))),
    ("Option<[**models::Tag**](Tag.md)>", Ref("Tag")),
    ("Option<**String**>", Primitive("string")),
    ("**std::collections::HashMap<String, serde_json::Value>**", MapOf(ANY)),
    ("**uuid::Uuid**", Primitive("string", "uuid")),
    ("**AnyType**", ANY),
]


@pytest.mark.parametrize(("cell", "expected"), PHP_TYPES)
def test_php_type_spellings(cell: str, expected: object) -> None:
    assert one_field(php_doc(f"**x** | {cell} |  |")).type == expected


@pytest.mark.parametrize(("cell", "expected"), DART_TYPES)
def test_dart_type_spellings(cell: str, expected: object) -> None:
    assert one_field(dart_doc(f"**x** | {cell} |  | ")).type == expected


@pytest.mark.parametrize(("cell", "expected"), PLAIN_TYPES)
def test_other_generators_type_spellings(cell: str, expected: object) -> None:
    assert one_field(plain_doc(f"**x** | {cell} |  | [optional] ")).type == expected


def test_unknown_type_spelling_is_an_error_with_the_line() -> None:
    with pytest.raises(ModelgenError, match=r"Pet.md:7: unrecognised type spelling"):
        parse_doc(php_doc("**x** | **array<int,string>** |  |"), "Pet.md")


# --- cells, notes and text -------------------------------------------------------------------


def test_required_is_the_absence_of_optional() -> None:
    doc = parse_doc(
        php_doc("**a** | **string** |  |", "**b** | **string** |  | [optional]"), "Pet.md"
    )
    assert [f.required for f in doc.model.fields] == [True, False]


def test_notes_optional_readonly_and_default_combine() -> None:
    field = one_field(
        dart_doc("**x** | **String** | d | [optional] [readonly] [default to 'a b'] ")
    )
    assert (field.required, field.read_only, field.default) == (False, True, Const("a b"))


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("'list'", "list"),
        ("1", 1),
        ("0.8", 0.8),
        ("true", True),
        ("false", False),
        ("const []", []),
        ("const {}", {}),
        ('const ["text"]', ["text"]),
        ("'it\\'s'", "it's"),
    ],
)
def test_default_spellings(text: str, value: JsonValue) -> None:
    field = one_field(dart_doc(f"**x** | **String** |  | [default to {text}]"))
    assert field.default == Const(value)


def test_typescript_undefined_default_means_no_default() -> None:
    row = "**x** | **string** |  | [optional] [default to undefined]"
    assert one_field(plain_doc(row)).default is None


def test_markdown_cannot_state_nullability() -> None:
    doc = parse_doc(php_doc("**x** | **string** |  |"), "Pet.md")
    assert doc.model.fields[0].nullable is Nullable.UNKNOWN
    assert doc.model.nullable is Nullable.UNKNOWN


def test_php_html_entities_and_escaped_quotes_are_decoded() -> None:
    row = (
        "**x** | **string** | Always &#x60;list&#x60;; it&#39;s \\&quot;a\\&quot; "
        "&lt;b&gt; &amp; a&#x3D;b |"
    )
    assert one_field(php_doc(row)).description == 'Always `list`; it\'s "a" <b> & a=b'


def test_dart_text_is_not_html_escaped_but_quotes_are() -> None:
    row = '**x** | **String** | Set to \\"list\\" &amp; `code`.  | '
    assert one_field(dart_doc(row)).description == 'Set to "list" &amp; `code`. '


def test_pipes_inside_a_description_stay_in_the_description() -> None:
    row = "**id** | **string** | One of (&#x60;a&#x60; | &#x60;b&#x60; | c) here. | [optional]"
    field = one_field(php_doc(row))
    assert field.description == "One of (`a` | `b` | c) here."
    assert field.required is False


def test_escaped_pipes_and_pipes_in_backticks_are_description_text() -> None:
    row = "**x** | **String** | a \\| b, `c | d` | [optional] "
    field = one_field(dart_doc(row))
    assert field.description == "a \\| b, `c | d`"
    assert field.required is False


def test_html_in_a_description_is_kept_as_text() -> None:
    row = "**x** | **String** | <b>bold</b> <br/> | "
    assert one_field(dart_doc(row)).description == "<b>bold</b> <br/>"


def test_pipe_before_a_default_in_the_description() -> None:
    row = "**x** | **String** | a | b | [optional] [default to 'c'] "
    field = one_field(dart_doc(row))
    assert (field.description, field.default) == ("a | b", Const("c"))


def test_empty_description_with_and_without_trailing_space() -> None:
    assert one_field(php_doc("**x** | **string** |  |")).description is None
    assert one_field(dart_doc("**x** | **String** |  | ")).description is None


def test_fields_carry_their_row_line_and_the_model_its_heading_line() -> None:
    doc = parse_doc(php_doc("**a** | **string** |  |", "**b** | **int** |  |"), "Pet.md")
    assert [f.source.line for f in doc.model.fields] == [7, 8]
    assert doc.model.source.line == 1
    assert str(doc.model.fields[1].source) == "Pet.md:8"


def test_empty_table_is_an_object_model_without_fields() -> None:
    doc = parse_doc(php_doc(name="Status"), "Status.md")
    assert isinstance(doc.model, ObjectModel)
    assert doc.model.fields == ()
    assert doc.rows == 0


def test_crlf_line_endings_are_read() -> None:
    text = php_doc("**a** | **string** |  | [optional]").replace("\n", "\r\n")
    assert parse_doc(text, "Pet.md").model.fields[0].required is False


# --- malformed tables: an error with the line, or a warning; columns never shift --------------


@pytest.mark.parametrize(
    ("row", "message"),
    [
        ("**x** | **string**", "too few cells"),
        ("**x** | **string** | desc", "no notes cell"),
        ("**x** | **string** | desc | [optional] | extra", "no notes cell"),
        ("x | **string** |  |", "does not start with a \\*\\*name\\*\\* cell"),
        ("** ** | **string** |  |", "empty name"),
        ("**x** | desc text | **string** |", "unrecognised type spelling"),
    ],
)
def test_malformed_rows_are_errors_with_file_and_line(row: str, message: str) -> None:
    with pytest.raises(ModelgenError, match=message) as error:
        parse_doc(php_doc("**ok** | **string** |  |", row), "Pet.md")
    assert str(error.value).startswith("Pet.md:8: ")


def test_duplicate_rows_are_an_error_naming_both_lines() -> None:
    with pytest.raises(ModelgenError, match=r"Pet.md:8: .*'x' is listed twice \(first on line 7\)"):
        parse_doc(php_doc("**x** | **string** |  |", "**x** | **int** |  |"), "Pet.md")


def test_no_table_is_an_error() -> None:
    with pytest.raises(ModelgenError, match="no property table"):
        parse_doc("# # Pet\n\nJust prose.\n", "Pet.md")


def test_header_without_rule_is_an_error_with_the_line() -> None:
    text = "# # Pet\n\n## Properties\n\nName | Type | Description | Notes\n**x** | **int** |  |\n"
    with pytest.raises(ModelgenError, match=r"Pet.md:6: .*rule"):
        parse_doc(text, "Pet.md")


@pytest.mark.parametrize("name", ["ev\u200bent_id", "event\u00a0id", "<b>id</b>", "ev\tent"])
def test_invisible_characters_and_markup_in_names_are_warned(name: str) -> None:
    doc = parse_doc(php_doc(f"**{name}** | **string** |  |"), "Pet.md")
    assert doc.model.fields[0].name == name  # kept exactly, not silently cleaned
    assert [d.code for d in doc.diagnostics if d.code == "suspicious-name"] == ["suspicious-name"]
    assert doc.diagnostics[0].source.line == 7


def test_zero_width_character_in_the_model_name_is_an_error() -> None:
    with pytest.raises(ModelgenError, match="invisible"):
        parse_doc(php_doc(name="P\u200bet"), "Pet.md")


def test_the_same_model_twice_in_a_folder_is_an_error(tmp_path: Path) -> None:
    (tmp_path / "A.md").write_text(php_doc(name="Pet"))
    (tmp_path / "B.md").write_text(php_doc(name="Pet"))
    with pytest.raises(ModelgenError, match="documented twice"):
        load(tmp_path)


# --- folders, detection, the registry -------------------------------------------------------


def test_folder_is_detected_and_readme_and_api_docs_are_skipped(tmp_path: Path) -> None:
    (tmp_path / "Pet.md").write_text(php_doc("**id** | **int** |  |"))
    (tmp_path / "README.md").write_text("# API\n")
    (tmp_path / "PetApi.md").write_text("# PetApi\n\nMethod | HTTP request\n")
    assert detect(tmp_path)
    models = load(tmp_path)
    assert [m.name for m in models.models] == ["Pet"]
    assert [d.code for d in models.diagnostics] == ["warning"]
    assert "PetApi.md" in str(models.diagnostics[0].source)


def test_markdown_knows_descriptions_defaults_and_read_only_only(tmp_path: Path) -> None:
    (tmp_path / "Pet.md").write_text(php_doc("**id** | **int** |  |"))
    assert load(tmp_path).knows == frozenset({"defaults", "read_only", "descriptions"})


def test_from_markdown_forces_the_loader(tmp_path: Path) -> None:
    path = tmp_path / "pet.txt"
    path.write_text(php_doc("**id** | **int** |  |"))
    assert load(path, kind="markdown").models[0].name == "Pet"


def test_oversized_file_is_refused_before_reading(tmp_path: Path) -> None:
    path = tmp_path / "Pet.md"
    with path.open("wb") as handle:
        handle.truncate(10_000_001)
    with pytest.raises(ModelgenError, match="larger than 10 MB"):
        load(path, kind="markdown")


def test_docs_of_several_generators_in_one_folder_are_warned(tmp_path: Path) -> None:
    (tmp_path / "A.md").write_text(php_doc(name="A"))
    (tmp_path / "B.md").write_text(dart_doc(name="B"))
    codes = [d.code for d in load(tmp_path).diagnostics]
    assert "mixed-dialects" in codes


def test_not_utf8_is_an_error(tmp_path: Path) -> None:
    (tmp_path / "Pet.md").write_bytes(php_doc().encode() + b"\xff")
    with pytest.raises(ModelgenError, match="not UTF-8"):
        load(tmp_path / "Pet.md")


# --- flattened unions -------------------------------------------------------------------------


@pytest.mark.parametrize("seed", ["php-RealtimeClientEvent.md", "dart-RealtimeClientEvent.md"])
def test_both_seeds_load_and_warn_flattened_union(seed: str) -> None:
    models = load(need(SEEDS / seed))
    model = models.models[0]
    assert isinstance(model, ObjectModel)
    assert model.name == "RealtimeClientEvent"
    assert len(model.fields) == 11
    warnings = [d for d in models.diagnostics if d.code == "flattened-union"]
    assert len(warnings) == 1
    assert "RealtimeClientEvent" in warnings[0].message
    assert "conversation.item.create" in warnings[0].message
    assert warnings[0].source.line == 1


def test_variants_in_the_folder_are_evidence_of_a_flattened_union(tmp_path: Path) -> None:
    (tmp_path / "Click.md").write_text(
        php_doc(
            "**type** | **string** | Always &#x60;click&#x60;. |",
            "**x** | **int** |  |",
            name="Click",
        )
    )
    (tmp_path / "Scroll.md").write_text(
        php_doc(
            "**type** | **string** | Always &#x60;scroll&#x60;. |",
            "**dy** | **int** |  |",
            name="Scroll",
        )
    )
    (tmp_path / "Action.md").write_text(
        php_doc(
            "**type** | **string** | Always &#x60;click&#x60;. |",
            "**x** | **int** |  |",
            "**dy** | **int** |  |",
            name="Action",
        )
    )
    warnings = [d for d in load(tmp_path).diagnostics if d.code == "flattened-union"]
    assert [w.message.split()[0] for w in warnings] == ["Action"]
    assert "Click (`click`), Scroll (`scroll`)" in warnings[0].message


def test_a_single_event_named_after_its_type_is_not_flagged(tmp_path: Path) -> None:
    (tmp_path / "ResponseAudioDeltaEvent.md").write_text(
        php_doc(
            "**type** | **string** | The event type, must be &#x60;response.audio.delta&#x60;. |",
            "**response_id** | **string** |  |",
            "**item_id** | **string** |  |",
            "**output_index** | **int** |  |",
            "**content_index** | **int** |  |",
            "**delta** | **string** |  |",
            name="ResponseAudioDeltaEvent",
        )
    )
    assert load(tmp_path).diagnostics == ()


def test_an_allof_child_is_not_a_flattened_union(tmp_path: Path) -> None:
    # Base pins nothing; two unrelated parents: composition by allOf, not a union.
    (tmp_path / "A.md").write_text(php_doc("**a** | **string** |  |", name="A"))
    (tmp_path / "B.md").write_text(php_doc("**b** | **string** |  |", name="B"))
    (tmp_path / "C.md").write_text(
        php_doc("**a** | **string** |  |", "**b** | **string** |  |", name="C")
    )
    assert load(tmp_path).diagnostics == ()


# --- --spec -------------------------------------------------------------------------------------

SPEC = """openapi: 3.0.3
info: {title: Pets, version: '1'}
paths: {}
components:
  schemas:
    Pet:
      type: object
      required: [pet_id]
      properties:
        pet_id: {type: string, format: uuid}
        born_at: {type: string, format: date-time, nullable: true}
        status: {type: string, enum: [available, sold]}
        tag: {$ref: '#/components/schemas/Tag'}
    Tag:
      type: string
      enum: [a, b]
    Animal:
      oneOf:
        - $ref: '#/components/schemas/Pet'
        - $ref: '#/components/schemas/Wild'
    Wild:
      type: object
      properties:
        habitat: {type: string}
"""


def test_spec_fills_nullability_formats_enums_and_wire_names(tmp_path: Path) -> None:
    spec = tmp_path / "spec.yaml"
    spec.write_text(SPEC)
    docs = tmp_path / "docs"
    docs.mkdir()
    (docs / "Pet.md").write_text(
        dart_doc(
            "**petId** | **String** |  | ",
            "**bornAt** | **DateTime** |  | [optional] ",
            "**status** | **String** |  | [optional] ",
            "**tag** | [**Tag**](Tag.md) |  | [optional] ",
        )
    )
    (docs / "Tag.md").write_text(dart_doc(name="Tag"))
    models = load(docs, LoadOptions(spec=spec))
    by_name = models.by_name()
    pet = by_name["Pet"]
    assert isinstance(pet, ObjectModel)
    assert [f.name for f in pet.fields] == ["pet_id", "born_at", "status", "tag"]
    assert pet.fields[0].type == Primitive("string", "uuid")
    assert pet.fields[1].nullable is Nullable.YES
    assert pet.fields[0].nullable is Nullable.NO
    status = pet.fields[2].type
    assert isinstance(status, Ref)
    enum = by_name[status.name]
    assert isinstance(enum, EnumModel) and enum.values is not None
    assert [v.value for v in enum.values] == ["available", "sold"]
    tag = by_name["Tag"]
    assert isinstance(tag, EnumModel)
    assert "nullable" in models.knows and "wire_names" in models.knows


def test_spec_union_replaces_a_flattened_table_with_a_warning(tmp_path: Path) -> None:
    spec = tmp_path / "spec.yaml"
    spec.write_text(SPEC)
    docs = tmp_path / "docs"
    docs.mkdir()
    (docs / "Animal.md").write_text(
        php_doc(
            "**pet_id** | **string** |  |",
            "**habitat** | **string** |  | [optional]",
            name="Animal",
        )
    )
    models = load(docs, LoadOptions(spec=spec))
    animal = models.by_name()["Animal"]
    assert isinstance(animal, UnionModel)
    assert {"Pet", "Wild"} <= set(models.by_name())
    codes = [d.code for d in models.diagnostics]
    assert codes.count("flattened-union") == 1


def test_spec_disagreement_keeps_the_docs_type_and_warns(tmp_path: Path) -> None:
    spec = tmp_path / "spec.yaml"
    spec.write_text(SPEC)
    docs = tmp_path / "docs"
    docs.mkdir()
    (docs / "Pet.md").write_text(php_doc("**pet_id** | **int** |  |", "**extra** | **int** |  |"))
    models = load(docs, LoadOptions(spec=spec))
    pet = models.by_name()["Pet"]
    assert isinstance(pet, ObjectModel)
    assert pet.fields[0].type == Primitive("integer")
    messages = [d.message for d in models.diagnostics if d.code == "spec-mismatch"]
    assert any("pet_id" in m and "integer" in m for m in messages)
    assert any("extra is not a property" in m for m in messages)
    assert any("born_at is in the spec but not in the docs" in m for m in messages)


def test_spec_must_be_a_spec(tmp_path: Path) -> None:
    (tmp_path / "Pet.md").write_text(php_doc())
    with pytest.raises(ModelgenError, match="must be an OpenAPI document"):
        load(tmp_path / "Pet.md", LoadOptions(spec=tmp_path / "Pet.md"))


def test_spec_alias_spelled_inline_is_accepted(tmp_path: Path) -> None:
    spec = tmp_path / "spec.yaml"
    spec.write_text(
        SPEC
        + "    Box:\n      type: object\n      properties:\n"
        + "        meta: {$ref: '#/components/schemas/Meta'}\n"
        + "    Meta:\n      type: object\n      additionalProperties: {type: string}\n"
    )
    (tmp_path / "Box.md").write_text(
        php_doc("**meta** | **array<string,string>** |  |", name="Box")
    )
    models = load(tmp_path / "Box.md", LoadOptions(spec=spec))
    box = models.by_name()["Box"]
    assert isinstance(box, ObjectModel)
    meta = box.fields[0].type
    assert meta == Ref("Meta") or meta == MapOf(Primitive("string"))
    assert not [d for d in models.diagnostics if d.code == "spec-mismatch"]
    assert isinstance(models.by_name().get("Meta", AliasModel("x", ANY)), AliasModel | ObjectModel)


def test_example_schema_is_not_detected_as_markdown() -> None:
    assert not detect(EXAMPLE_SPEC)
