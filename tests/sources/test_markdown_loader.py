"""The markdown model-docs loader: table-reading rules, each dialect's type spellings (taken
from OpenAPI Generator's templates and published samples), the flattened-union warning and
``--spec``. Corpus-wide checks live in test_markdown_corpus.py."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from generator.errors import ModelgenError, Warnings
from generator.ir import (
    ANY,
    AliasModel,
    Const,
    EnumModel,
    EnumValue,
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
from generator.sources.markdown.loader import ParsedDoc, detect, parse_doc
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


def table(doc: ParsedDoc) -> ObjectModel:
    assert isinstance(doc.model, ObjectModel), doc.model
    return doc.model


def one_field(text: str, file: str = "Pet.md") -> Field:
    fields = table(parse_doc(text, file)).fields
    assert len(fields) == 1
    return fields[0]


STRICT = Warnings(strict=True)


def strict(text: str, file: str = "Pet.md") -> ParsedDoc:
    return parse_doc(text, file, Warnings(strict=True))


def degraded(doc: ParsedDoc) -> list[tuple[str, int | None, str]]:
    """(code, line, message) of the doc's degradations."""
    return [(d.code, d.source.line, d.message) for d in doc.diagnostics if d.degraded]


# --- headings and dialects -----------------------------------------------------------------


def test_php_heading_names_the_model_and_type_links_give_the_namespace() -> None:
    doc = parse_doc(
        php_doc("**owner** | [**\\Acme\\Shop\\Model\\Owner**](Owner.md) |  |"), "Pet.md"
    )
    assert table(doc).name == "Pet"
    assert doc.dialect.name == "php"
    assert doc.namespace == "Acme\\Shop"
    assert table(doc).fields[0].type == Ref("Owner")


def test_dart_heading_gives_package_and_dialect() -> None:
    doc = parse_doc(dart_doc("**id** | **int** |  | [optional] ", package="openai_sdk"), "P.md")
    assert (table(doc).name, doc.namespace, doc.dialect.name) == ("Pet", "openai_sdk", "dart")


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
    assert (table(doc).name, doc.namespace, doc.dialect.name) == (name, namespace, dialect)


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
    assert table(doc).description == "A pet & its owner."


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


def test_unknown_type_spelling_is_an_error_with_the_line_in_strict_mode() -> None:
    with pytest.raises(ModelgenError, match=r"Pet.md:7: unrecognised type spelling"):
        strict(php_doc("**x** | **array<int,string>** |  |"))


def test_unknown_type_spelling_is_any_json_value_with_a_warning_naming_the_line() -> None:
    doc = parse_doc(php_doc("**x** | **array<int,string>** | keyed by numbers |"), "Pet.md")
    [field] = table(doc).fields
    assert (field.name, field.type, field.description) == ("x", ANY, "keyed by numbers")
    assert degraded(doc) == [
        (
            "unknown-type",
            7,
            "unrecognised type spelling '**array<int,string>**'; read as any JSON value",
        )
    ]


# --- cells, notes and text -------------------------------------------------------------------


def test_required_is_the_absence_of_optional() -> None:
    doc = parse_doc(
        php_doc("**a** | **string** |  |", "**b** | **string** |  | [optional]"), "Pet.md"
    )
    assert [f.required for f in table(doc).fields] == [True, False]


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
    assert table(doc).fields[0].nullable is Nullable.UNKNOWN
    assert table(doc).nullable is Nullable.UNKNOWN


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
    assert [f.source.line for f in table(doc).fields] == [7, 8]
    assert table(doc).source.line == 1
    assert str(table(doc).fields[1].source) == "Pet.md:8"


def test_empty_table_is_an_object_model_without_fields() -> None:
    doc = parse_doc(php_doc(name="Status"), "Status.md")
    assert isinstance(doc.model, ObjectModel)
    assert table(doc).fields == ()
    assert doc.rows == 0


def test_crlf_line_endings_are_read() -> None:
    text = php_doc("**a** | **string** |  | [optional]").replace("\n", "\r\n")
    assert table(parse_doc(text, "Pet.md")).fields[0].required is False


# --- malformed tables: an error with the line, or a warning; columns never shift --------------


MALFORMED = [
    ("**x** | **string**", "too few cells"),
    ("**x** | **string** | desc", "no notes cell"),
    ("**x** | **string** | desc | [optional] | extra", "no notes cell"),
    ("x | **string** |  |", "does not start with a \\*\\*name\\*\\* cell"),
    ("** ** | **string** |  |", "empty name"),
    ("**x** | desc text | **string** |", "unrecognised type spelling"),
]


@pytest.mark.parametrize(("row", "message"), MALFORMED)
def test_malformed_rows_are_errors_with_file_and_line_in_strict_mode(
    row: str, message: str
) -> None:
    with pytest.raises(ModelgenError, match=message) as error:
        strict(php_doc("**ok** | **string** |  |", row))
    assert str(error.value).startswith("Pet.md:8: ")


@pytest.mark.parametrize(
    ("row", "kept"),
    [
        ("**x** | **string**", ("x", Primitive("string"), True, None)),
        ("**x** | **string** | desc", ("x", Primitive("string"), True, "desc")),
        (
            "**x** | **string** | desc | [optional] | extra",
            ("x", Primitive("string"), True, "desc | [optional] | extra"),
        ),
        ("x | **string** |  |", ("x", Primitive("string"), True, None)),
        ("** ** | **string** |  |", None),
        ("**x** | desc text | **string** |", ("x", ANY, True, "**string**")),
    ],
)
def test_malformed_rows_keep_what_can_be_read_and_warn_with_the_line(
    row: str, kept: tuple[object, ...] | None
) -> None:
    doc = parse_doc(php_doc("**ok** | **string** |  |", row), "Pet.md")
    read = [(f.name, f.type, f.required, f.description) for f in table(doc).fields[1:]]
    assert read == ([kept] if kept is not None else [])
    message = next(m for r, m in MALFORMED if r == row)
    [(_, line, text)] = degraded(doc)
    assert line == 8 and re.search(message, text) and ";" in text


def test_duplicate_rows_are_an_error_naming_both_lines_in_strict_mode() -> None:
    with pytest.raises(ModelgenError, match=r"Pet.md:8: .*'x' is listed twice \(first on line 7\)"):
        strict(php_doc("**x** | **string** |  |", "**x** | **int** |  |"))


def test_a_duplicate_row_is_skipped_with_a_warning_naming_both_lines() -> None:
    doc = parse_doc(php_doc("**x** | **string** |  |", "**x** | **int** |  |"), "Pet.md")
    assert [(f.name, f.type) for f in table(doc).fields] == [("x", Primitive("string"))]
    assert degraded(doc) == [
        (
            "duplicate-row",
            8,
            "property 'x' is listed twice (first on line 7); this row is skipped",
        )
    ]


def test_no_table_is_an_error_in_strict_mode() -> None:
    with pytest.raises(ModelgenError, match="no property table"):
        strict("# # Pet\n\nJust prose.\n")


def test_a_doc_alone_without_a_table_is_skipped_with_a_warning() -> None:
    doc = parse_doc("# # Pet\n\nJust prose.\n", "Pet.md")
    assert doc.model is None
    assert [code for code, _, _ in degraded(doc)] == ["not-a-model-doc"]


NO_RULE = "# # Pet\n\n## Properties\n\nName | Type | Description | Notes\n**x** | **int** |  |\n"


def test_header_without_rule_is_an_error_with_the_line_in_strict_mode() -> None:
    with pytest.raises(ModelgenError, match=r"Pet.md:6: .*rule"):
        strict(NO_RULE)


def test_header_without_rule_reads_the_lines_after_it_with_a_warning() -> None:
    doc = parse_doc(NO_RULE, "Pet.md")
    assert [f.name for f in table(doc).fields] == ["x"]
    assert [(code, line) for code, line, _ in degraded(doc)] == [("bad-table", 6)]


@pytest.mark.parametrize("name", ["ev\u200bent_id", "event\u00a0id", "<b>id</b>", "ev\tent"])
def test_invisible_characters_and_markup_in_names_are_warned(name: str) -> None:
    doc = parse_doc(php_doc(f"**{name}** | **string** |  |"), "Pet.md")
    assert table(doc).fields[0].name == name  # kept exactly, not silently cleaned
    assert [d.code for d in doc.diagnostics if d.code == "suspicious-name"] == ["suspicious-name"]
    assert doc.diagnostics[0].source.line == 7


def test_zero_width_character_in_the_model_name_is_an_error_in_strict_mode() -> None:
    with pytest.raises(ModelgenError, match="invisible"):
        strict(php_doc(name="P\u200bet"))


def test_zero_width_character_in_the_model_name_is_removed_with_a_warning() -> None:
    doc = parse_doc(php_doc(name="P\u200bet"), "Pet.md")
    assert doc.model is not None and doc.model.name == "Pet"
    assert [(code, line) for code, line, _ in degraded(doc)] == [("suspicious-name", 1)]


def test_the_same_model_twice_in_a_folder_is_an_error_in_strict_mode(tmp_path: Path) -> None:
    (tmp_path / "A.md").write_text(php_doc(name="Pet"))
    (tmp_path / "B.md").write_text(php_doc(name="Pet"))
    with pytest.raises(ModelgenError, match="documented twice"):
        load(tmp_path, LoadOptions(strict=True))


def test_the_same_model_twice_in_a_folder_keeps_the_first_with_a_warning(tmp_path: Path) -> None:
    (tmp_path / "A.md").write_text(php_doc("**a** | **int** |  |", name="Pet"))
    (tmp_path / "B.md").write_text(php_doc("**b** | **int** |  |", name="Pet"))
    models = load(tmp_path)
    [pet] = models.models
    assert isinstance(pet, ObjectModel) and [f.name for f in pet.fields] == ["a"]
    [warning] = [d for d in models.diagnostics if d.degraded]
    assert warning.code == "duplicate-model" and warning.source.file == str(tmp_path / "B.md")


# --- folders, detection, the registry -------------------------------------------------------


def test_folder_is_detected_and_readme_and_api_docs_are_skipped(tmp_path: Path) -> None:
    (tmp_path / "Pet.md").write_text(php_doc("**id** | **int** |  |"))
    (tmp_path / "README.md").write_text("# API\n")
    (tmp_path / "PetApi.md").write_text("# PetApi\n\nMethod | HTTP request\n")
    assert detect(tmp_path)
    models = load(tmp_path, LoadOptions(strict=True))  # a warning, as ever, not an error
    assert [m.name for m in models.models] == ["Pet"]
    assert [d.code for d in models.diagnostics] == ["not-a-model-doc"]
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


def test_not_utf8_is_an_error_in_strict_mode(tmp_path: Path) -> None:
    (tmp_path / "Pet.md").write_bytes(php_doc().encode() + b"\xff")
    with pytest.raises(ModelgenError, match="not UTF-8"):
        load(tmp_path / "Pet.md", LoadOptions(strict=True))


def test_not_utf8_is_read_with_replacement_characters_and_a_warning(tmp_path: Path) -> None:
    (tmp_path / "Pet.md").write_bytes(
        php_doc("**a@** | **int** |  |").encode().replace(b"@", b"\xff")
    )
    models = load(tmp_path / "Pet.md")
    [pet] = models.models
    assert isinstance(pet, ObjectModel) and [f.name for f in pet.fields] == ["a\ufffd"]
    assert [d.code for d in models.diagnostics if d.degraded] == ["not-utf8"]


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


# --- every dialect OpenAPI Generator writes (../shared/docs/oag-dialects.md) ------------------

DIALECT_TYPES = [
    # C: pointers, list_t with its items named by the link, inline enums ..._e
    ("c", "**char \\***", Primitive("string")),
    ("c", "[**list_t**](tag.md) \\*", ListOf(Ref("tag"))),
    ("c", "[**tag_t**](tag.md) \\*", Ref("tag")),
    ("c", "**pet_kind_KIND_e**", Primitive("string")),
    # Objective-C
    ("objc", "**NSString***", Primitive("string")),
    ("objc", "[**NSArray&lt;OAITag&gt;***](OAITag.md)", ListOf(Ref("OAITag"))),
    ("objc", "**NSDictionary&lt;NSString*, NSNumber*&gt;***", MapOf(Primitive("number"))),
    # Eiffel, Perl, R, Bash
    ("eiffel", "[**LIST [TAG]**](Tag.md)", ListOf(Ref("TAG"))),
    ("eiffel", "**STRING_TABLE [INTEGER_32]**", MapOf(Primitive("integer", "int32"))),
    ("perl", "**ARRAY[string]**", ListOf(Primitive("string"))),
    ("perl", "**HASH[string,int]**", MapOf(Primitive("integer"))),
    ("r", "**map(character)**", MapOf(Primitive("string"))),
    ("r", "[**array[Tag]**](Tag.md)", ListOf(Ref("Tag"))),
    ("bash", "**map[String, string]**", MapOf(Primitive("string"))),
    # JavaScript, Swift, TypeScript without bold
    ("javascript", "**[String]**", ListOf(Primitive("string"))),
    ("javascript", "**{String: Number}**", MapOf(Primitive("number"))),
    ("swift", "[Tag]", ListOf(Ref("Tag"))),
    ("swift", "**[String: Int]**", MapOf(Primitive("integer"))),
    # Julia, PowerShell, Scala, Dart (dio)
    ("julia", "**`Vector{String}`**", ListOf(Primitive("string"))),
    ("julia", "[**`*Tag`**](Tag.md)", Ref("Tag")),
    ("powershell", "**System.Collections.Hashtable**", MapOf(ANY)),
    ("powershell", "[**Tag[]**](Tag.md)", ListOf(Ref("Tag"))),
    ("scala", "**Seq&lt;Map[String, BigDecimal]&gt;**", ListOf(MapOf(Primitive("number")))),
    ("scala", "[**`Kind`**](#`Kind`)", Primitive("string")),
    ("dart", "[**BuiltList&lt;Tag&gt;**](Tag.md)", ListOf(Ref("Tag"))),
    ("dart", "**BuiltMap&lt;String, JsonObject&gt;**", MapOf(ANY)),
    # Java's inline enums, Micronaut's backticks, C#'s nested enums
    ("java", "[**KindEnum**](#KindEnum)", Primitive("string")),
    ("java", "[**List&lt;KindEnum&gt;**](#List&lt;KindEnum&gt;)", ListOf(Primitive("string"))),
    ("java", "`List&lt;String&gt;`", ListOf(Primitive("string"))),
    ("java", "[`Tag`](Tag.md)", Ref("Tag")),
    ("csharp", "**List&lt;Owner.KindEnum&gt;**", ListOf(Ref("KindEnum"))),
    # Go's nullable wrappers; PHP's maps; Python's decimals
    ("go", "[**NullableTag**](Tag.md)", Ref("Tag")),
    ("go", "**NullableString**", Primitive("string")),
    ("go", "[**Nullable*os.File**](File.md)", Primitive("string", "binary")),
    ("php", "**array<string,int>**", MapOf(Primitive("integer"))),
    ("python", "**decimal.Decimal**", Primitive("string", "decimal")),
]


@pytest.mark.parametrize(("dialect", "cell", "expected"), DIALECT_TYPES)
def test_type_spellings_of_every_dialect(dialect: str, cell: str, expected: object) -> None:
    doc = parse_doc(plain_doc(f"**x** | {cell} |  | [optional] "), "Pet.md", dialect=dialect)
    assert doc.dialect.name == dialect
    assert [f.type for f in table(doc).fields] == [expected]
    assert degraded(doc) == []


def test_go_nullable_and_rust_option_on_a_required_property_say_null_is_allowed() -> None:
    go = parse_doc(plain_doc("**x** | [**NullableTag**](Tag.md) |  | "), "P.md", dialect="go")
    rust = parse_doc(plain_doc("**x** | Option<**String**> |  | "), "P.md", dialect="rust")
    plain = parse_doc(plain_doc("**x** | Option<**String**> |  | [optional]"), "P.md")
    assert table(go).fields[0].nullable is Nullable.YES
    assert table(rust).fields[0].nullable is Nullable.YES
    assert table(plain).fields[0].nullable is Nullable.UNKNOWN


def test_rust_inline_enums_are_strings_told_by_their_description() -> None:
    row = "**modes** | Option<**Vec<Modes>**> | What to return. (enum: text, audio) | [optional]"
    [field] = table(parse_doc(plain_doc(row), "Pet.md", dialect="rust")).fields
    assert (field.type, field.description) == (ListOf(Primitive("string")), "What to return.")


@pytest.mark.parametrize(
    ("row", "name"),
    [
        ("|**_object** | **String** |  |  [optional] |", "_object"),  # Java, framed
        ("| **&#x60;object&#x60;** | **kotlin.String** |  |  [optional] |", "object"),  # Kotlin
        ("**`created_at`** | **`Int64`** |  | [optional] [default to nothing]", "created_at"),
        ("**r#type** | Option<**String**> |  | [optional]", "type"),  # Rust raw identifiers
    ],
)
def test_name_cells_of_every_dialect(row: str, name: str) -> None:
    header = "| Name | Type | Description | Notes |\n| ---- | ---- | ---- | ---- |\n"
    text = f"# Pet\n\n## Properties\n{header if row.startswith('|') else ''}"
    if not row.startswith("|"):
        text += f"Name | Type | Description | Notes\n{RULE}\n"
    doc = parse_doc(text + row + "\n", "Pet.md")
    assert [f.name for f in table(doc).fields] == [name]
    assert degraded(doc) == []


def test_typescript_fetch_two_column_tables_have_optional_properties() -> None:
    text = "# Pet\n\n## Properties\n\nName | Type\n------------ | -------------\n"
    text += "`id` | number\n`tags` | [Array&lt;Tag&gt;](Tag.md)\n"
    doc = parse_doc(text, "Pet.md")
    assert [(f.name, f.type, f.required) for f in table(doc).fields] == [
        ("id", Primitive("number"), False),
        ("tags", ListOf(Ref("Tag")), False),
    ]


def test_julia_and_bash_placeholder_defaults_are_no_defaults() -> None:
    julia = "**x** | **`String`** |  | [optional] [default to nothing]"
    bash = "**x** | **string** |  | [optional] [default to null]"
    assert one_field(plain_doc(julia)).default is None
    assert parse_doc(plain_doc(bash), "P.md", dialect="bash").model is not None
    assert table(parse_doc(plain_doc(bash), "P.md", dialect="bash")).fields[0].default is None


ENUM_BULLETS = (
    "# Color\n\nThe color.\n\n## Enum\n\n* `RED` (value: `'red'`)\n\n"
    '* `DARK_RED` (value: `"dark red"`)\n'
)


def test_enum_docs_with_bullets_are_enums_with_their_values() -> None:
    doc = parse_doc(ENUM_BULLETS, "Color.md")
    assert isinstance(doc.model, EnumModel)
    assert doc.model.values is not None
    assert (doc.model.name, doc.model.base, doc.model.description) == (
        "Color",
        "string",
        "The color.",
    )
    assert [v.value for v in doc.model.values] == ["red", "dark red"]


def test_integer_enum_bullets_and_empty_enum_sections() -> None:
    numbers = parse_doc(
        "# Level\n\n## Enum\n\n* `_1` (value: `1`)\n\n* `_2` (value: `2`)\n", "L.md"
    )
    empty = parse_doc("\n\n# Level\n\n## Enum\n\n\n\n", "Level.md")
    assert isinstance(numbers.model, EnumModel) and numbers.model.base == "integer"
    assert numbers.model.values is not None and [v.value for v in numbers.model.values] == [1, 2]
    assert isinstance(empty.model, EnumModel) and empty.model.values is None


def test_rust_enum_variants_are_enums_or_unions_by_their_columns() -> None:
    enum = "# Color\n\n## Enum Variants\n\n| Name | Value |\n|---- | -----|\n| Red | red |\n"
    union = (
        "# Shape\n\n## Enum Variants\n\n| Name | Description |\n|---- | -----|\n"
        "| Circle |  |\n| Square |  |\n"
    )
    color = parse_doc(enum, "Color.md").model
    shape = parse_doc(union, "Shape.md").model
    assert isinstance(color, EnumModel) and color.values == (EnumValue("red"),)
    assert isinstance(shape, UnionModel) and shape.variants == (Ref("Circle"), Ref("Square"))


def test_php_nextgen_ruby_and_julia_union_docs_are_unions() -> None:
    php = (
        "# Shape\n\nThis model is a `oneOf` wrapper.\n\n## oneOf\n\n"
        "- [**\\Acme\\Model\\Circle**](Circle.md)\n- [**\\Acme\\Model\\Square**](Square.md)\n"
    )
    ruby = (
        "# Acme::Shape\n\n## Class instance methods\n\n### `openapi_any_of`\n\n```ruby\n"
        "# [\n#   :'Circle',\n#   :'Square'\n# ]\n```\n\n### build\n"
    )
    julia = (
        "# Shape\n\n## Properties\nName | Type | Description | Notes\n" + RULE + "\n"
        "**value** | This is a oneOf model. The value must be exactly one of the following"
        " types: Circle, Vector{Square} |  | [optional] \n"
    )
    for text, exclusive, variants in [
        (php, True, (Ref("Circle"), Ref("Square"))),
        (ruby, False, (Ref("Circle"), Ref("Square"))),
        (julia, True, (Ref("Circle"), ListOf(Ref("Square")))),
    ]:
        model = parse_doc(text, "Shape.md").model
        assert isinstance(model, UnionModel), text
        assert (model.name, model.variants, model.exclusive) == ("Shape", variants, exclusive)


def test_a_heading_that_cannot_be_read_names_the_model_after_its_file() -> None:
    doc = parse_doc(
        "Pet docs\n\n## Properties\n\nName | Type | Description | Notes\n" + RULE, "Pet.md"
    )
    assert table(doc).name == "Pet"
    assert [code for code, _, _ in degraded(doc)] == ["no-heading"]


def test_c_headings_drop_the_type_suffix_the_links_also_drop() -> None:
    text = "# pet_t\n\n## Properties\nName | Type | Description | Notes\n" + RULE + "\n"
    text += "**tag** | [**tag_t**](tag.md) \\* |  | [optional] \n"
    doc = parse_doc(text, "pet.md", dialect="c")
    assert table(doc).name == "pet" and table(doc).fields[0].type == Ref("tag")


def test_references_by_file_name_find_the_doc_headed_otherwise(tmp_path: Path) -> None:
    # TypeScript heads Error.md "ModelError" but refers to it as Error; Bash heads
    # FooValue.md "Foo_value" and refers to it as FooValue
    (tmp_path / "Error.md").write_text(plain_doc("**code** | **string** |  | ", name="ModelError"))
    (tmp_path / "FooValue.md").write_text(plain_doc("**v** | **string** |  | ", name="Foo_value"))
    (tmp_path / "Pet.md").write_text(
        plain_doc("**e** | **Error** |  | ", "**f** | [**FooValue**](FooValue.md) |  | ")
    )
    pet = load(tmp_path).by_name()["Pet"]
    assert isinstance(pet, ObjectModel)
    assert [f.type for f in pet.fields] == [Ref("ModelError"), Ref("Foo_value")]


def test_the_folder_decides_the_dialect_of_docs_that_do_not_tell(tmp_path: Path) -> None:
    # Ruby spells a date Date; alone, a doc with only "**Date**" reads as a date-time
    ruby = "# Acme::{name}\n\n## Properties\n\n| Name | Type | Description | Notes |\n"
    ruby += "| ---- | ---- | ----------- | ----- |\n| **x** | **{cell}** |  | [optional] |\n"
    (tmp_path / "A.md").write_text(ruby.format(name="A", cell="String"))
    (tmp_path / "B.md").write_text(ruby.format(name="B", cell="Integer"))
    (tmp_path / "C.md").write_text(plain_doc("**day** | **Date** |  | [optional] ", name="C"))
    c = load(tmp_path).by_name()["C"]
    assert isinstance(c, ObjectModel) and c.fields[0].type == Primitive("string", "date")
    alone = load(tmp_path / "C.md").models[0]
    assert isinstance(alone, ObjectModel)
    assert alone.fields[0].type == Primitive("string", "date-time")
