"""PHPDoc types and tags as the SDK reader reads them: the PHPStan / Psalm spellings it
covers, and any other text failing with DocTypeError only."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from generator.targets.php import phpdoc
from generator.targets.php.phpdoc import (
    NULL,
    DocTypeError,
    ShapeEntry,
    TLiteral,
    TName,
    TShape,
    TUnion,
)

STRING = TName("string")


def test_nested_array_shapes_with_optional_and_quoted_keys() -> None:
    parsed = phpdoc.parse_type(
        "array{id: string, 'x-key'?: ?int, data: array<int, array{code: string}>, ...}"
    )
    assert parsed == TShape(
        "array",
        (
            ShapeEntry("id", False, STRING),
            ShapeEntry("x-key", True, TUnion((TName("int"), NULL))),
            ShapeEntry(
                "data",
                False,
                TName(
                    "array", (TName("int"), TShape("array", (ShapeEntry("code", False, STRING),)))
                ),
            ),
        ),
    )


def test_object_shapes_lists_literals_and_suffix_arrays() -> None:
    assert phpdoc.parse_type("object{a: int}") == TShape(
        "object", (ShapeEntry("a", False, TName("int")),)
    )
    assert phpdoc.parse_type("Foo[]|'auto'|null") == TUnion(
        (TName("list", (TName("Foo"),)), TLiteral("auto"), NULL)
    )
    assert phpdoc.parse_type("array{int, string}") == TShape(
        "array", (ShapeEntry(None, False, TName("int")), ShapeEntry(None, False, STRING))
    )
    assert phpdoc.parse_type("callable(int): array{a: int}") == TName("callable")


def test_a_leading_type_stops_before_the_variable_and_description() -> None:
    tag = phpdoc.Tag("param", "array{id: string,  x?: int}  $attributes  the input", 3)
    typed = phpdoc.typed_tag(tag)
    assert typed.variable == "attributes"
    assert isinstance(typed.type, TShape) and len(typed.type.entries) == 2


def test_docblock_tags_join_continuation_lines() -> None:
    tags = phpdoc.tags(
        "/**\n * Summary.\n *\n * @param array{a: int,\n *   b?: string} $x\n"
        " * @phpstan-type Foo = array{c: int}\n */"
    )
    assert [(t.name, t.text, t.line) for t in tags] == [
        ("param", "array{a: int, b?: string} $x", 3),  # lines counted from 0 at "/**"
        ("phpstan-type", "Foo = array{c: int}", 5),
    ]
    alias = phpdoc.alias_tag(tags[1])
    assert alias == ("Foo", TShape("array", (ShapeEntry("c", False, TName("int")),)))
    imported = phpdoc.import_tag(phpdoc.Tag("phpstan-import-type", "A from \\Ns\\B as C", 0))
    assert imported == ("C", "\\Ns\\B", "A")


@pytest.mark.parametrize("text", ["array{a: ", "($x is int ? A : B)", "Foo::BAR", "", "array<"])
def test_types_it_does_not_cover_fail_with_doc_type_error(text: str) -> None:
    with pytest.raises(DocTypeError):
        phpdoc.parse_type(text)


@given(st.text(alphabet="array{}<>()[]|&?:,'\"$ .-\\abcintstrg0123456789_", max_size=40))
def test_any_text_parses_or_fails_with_doc_type_error_only(text: str) -> None:
    try:
        phpdoc.parse_type(text)
    except DocTypeError:
        pass
