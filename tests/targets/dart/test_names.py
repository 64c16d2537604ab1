"""Dart identifiers, doc comments and string literals for hostile spec names and texts
(bad-inputs.md §A 3, 4, 6, 7, 10 and §B 14-16, 19-23, 25-26)."""

from __future__ import annotations

import re

from hypothesis import given, settings
from hypothesis import strategies as st

from generator.ir import EnumModel, EnumValue, Field, ModelSet, ObjectModel, Primitive, Source
from generator.targets import emit
from generator.targets.dart import DartOptions
from generator.targets.dart.codecs import doc_lines, string_literal
from generator.targets.dart.names import (
    KEYWORDS,
    OBJECT_MEMBERS,
    class_name,
    member_name,
    package_name,
)
from generator.treesitter import parse, problems
from tests.support.models import DART_RESERVED

IDENTIFIER = re.compile(r"^[A-Za-z][A-Za-z0-9_]*$")
STRING = Primitive("string")


def _unescape(literal: str) -> str:
    """The value of a single-quoted Dart literal made of the escapes Dart defines."""
    assert literal[0] == literal[-1] == "'"
    simple = {"n": "\n", "r": "\r", "t": "\t", "\\": "\\", "'": "'", "$": "$"}
    out: list[str] = []
    i = 1
    while i < len(literal) - 1:
        char = literal[i]
        if char != "\\":
            out.append(char)
            i += 1
            continue
        nxt = literal[i + 1]
        if nxt == "u":
            end = literal.index("}", i)
            out.append(chr(int(literal[i + 3 : end], 16)))
            i = end + 1
        else:
            out.append(simple[nxt])
            i += 2
    return "".join(out)


def _one_object(fields: list[str], name: str = "Thing") -> ModelSet:
    return ModelSet(
        (ObjectModel(name, tuple(Field(f, STRING, required=True) for f in fields)),),
        Source("test"),
        title="t",
    )


def _field_names(text: str) -> list[str]:
    return re.findall(r"^  final String (\w+);$", text, re.M)


def test_the_33_reserved_words_are_renamed_as_fields() -> None:
    assert len(DART_RESERVED) == 33
    text = emit("dart", _one_object(DART_RESERVED)).files["lib/src/thing.dart"]
    assert _field_names(text) == [f"{word}_" for word in DART_RESERVED]
    for word in DART_RESERVED:
        assert f"json['{word}']" in text and f"'{word}': {word}_," in text
    assert problems(parse("dart", text)) == []


def test_leading_underscores_give_public_names_that_do_not_collide() -> None:
    text = emit("dart", _one_object(["_id", "id", "_", "__v"])).files["lib/src/thing.dart"]
    names = _field_names(text)
    assert names[1] == "id"
    assert names[0] != "id" and names[0].startswith("id")
    assert all(not n.startswith("_") for n in names)
    assert len(set(names)) == 4
    assert "json['_id']" in text and "'__v': v," in text


def test_members_of_the_generated_class_are_renamed() -> None:
    wanted = ["hashCode", "runtimeType", "toString", "noSuchMethod", "copyWith", "toJson"]
    text = emit("dart", _one_object([*wanted, "fromJson", "thing"])).files["lib/src/thing.dart"]
    names = _field_names(text)
    assert not set(names) & OBJECT_MEMBERS
    assert names[-1] == "thing"
    assert problems(parse("dart", text)) == []


def test_names_differing_only_in_separators_or_case_stay_distinct() -> None:
    wanted = ["foo_bar", "fooBar", "FooBar", "foo-bar", "foo bar", "type", "Type", "a", "A"]
    names = _field_names(emit("dart", _one_object(wanted)).files["lib/src/thing.dart"])
    assert len(set(names)) == len(wanted)
    assert names[1] == "fooBar"  # the name already in Dart form keeps it


def test_built_in_and_core_type_names_become_other_class_names() -> None:
    for name in ["Function", "Type", "Library", "Dynamic", "Mixin", "List", "Object", "Enum"]:
        assert class_name(name) == f"{name}Model"
    assert class_name("pet store") == "PetStore"
    assert class_name("1st") == "Model1st"


def test_enum_values_that_collide_once_sanitised_stay_distinct_and_keep_their_wire_value() -> None:
    values = ["date", "-date", "in stock", "in-stock", "g", "\u03bcg", "a+", "a_plus", "", "1"]
    values += ["-1", "null", "value", "name", "index", "values"]
    models = ModelSet(
        (EnumModel("E", "string", tuple(EnumValue(v) for v in values)),), Source("t"), title="t"
    )
    text = emit("dart", models).files["lib/src/e.dart"]
    members = re.findall(r"^  (\w+)\(('.*')\)[,;]$", text, re.M)
    assert [_unescape(literal) for _, literal in members] == values
    names = [name for name, _ in members]
    assert len(set(names)) == len(names)
    assert not {"value", "values", "index", "name", "null"} & set(names)
    assert all(IDENTIFIER.match(n) for n in names)


def test_package_name_is_a_valid_pub_name() -> None:
    models = _one_object([])
    assert package_name(models, DartOptions(package="Open AI")) == "open_ai"
    assert package_name(models, DartOptions(package="2fa")) == "models_2fa"
    assert package_name(models, DartOptions(package="class")) == "class_models"
    assert package_name(models, DartOptions(package="!!!")) == "models"


@settings(max_examples=200, deadline=None)
@given(st.text())
def test_any_name_gives_a_valid_ascii_member_and_class_name(name: str) -> None:
    for ident in (member_name(name), class_name(name)):
        assert IDENTIFIER.match(ident), ident
        assert ident not in KEYWORDS
        assert len(ident) <= 120
    assert member_name(name)[0].islower()
    assert class_name(name)[0].isupper()


@settings(max_examples=200, deadline=None)
@given(st.text())
def test_any_text_is_a_string_literal_with_the_same_value_and_no_interpolation(text: str) -> None:
    literal = string_literal(text)
    assert literal.isascii()
    assert _unescape(literal) == text
    tree = parse("dart", f"const x = {literal};\n")
    assert problems(tree) == []
    assert b"template_substitution" not in str(tree.root_node).encode()


@settings(max_examples=200, deadline=None)
@given(st.text())
def test_any_text_in_a_doc_comment_stays_a_comment(text: str) -> None:
    source = "\n".join([*doc_lines(text), "class A {}", ""])
    tree = parse("dart", source)
    assert problems(tree) == []
    kinds = [node.type for node in tree.root_node.children]
    assert kinds[-1] == "class_definition"
    assert set(kinds[:-1]) <= {"documentation_comment", "comment"}


@settings(max_examples=30, deadline=None)
@given(st.lists(st.text(max_size=12), max_size=8))
def test_any_field_names_give_a_class_that_parses_with_distinct_fields(names: list[str]) -> None:
    unique = list(dict.fromkeys(names))
    text = emit("dart", _one_object(unique)).files["lib/src/thing.dart"]
    assert problems(parse("dart", text)) == []
    fields = _field_names(text)
    assert len(fields) == len(set(fields)) == len(unique)
    assert all(IDENTIFIER.match(f) and f not in KEYWORDS | OBJECT_MEMBERS for f in fields)
