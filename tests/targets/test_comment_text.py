"""Spec text in generated comments (issue 11, item 6): ``/*`` cannot break Dart's grammar,
bidi marks and invisible characters reach no language, and Dart output is ASCII only."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from generator.ir import EnumModel, EnumValue, Field, ModelSet, ObjectModel, Primitive, Source
from generator.naming import ascii_text, clean_text
from generator.targets import emit
from generator.targets.dart.codecs import doc_lines
from generator.treesitter import parse, problems

MARKS = "\u200e\u200f\u061c\u202e\u2066\u2069\u200b\u2060\u2063\u180e\ufeff"


def dart_class_with_docs(text: str) -> str:
    docs = "\n".join("  " + line for line in doc_lines(text))
    return "\n".join([*doc_lines(text), "class A {", docs, "  final int x = 1;", "}", ""])


@pytest.mark.parametrize(
    "text",
    ["/*", "/* unclosed", "  /*", "a\n/*\nb", "\t/*", "/**", "*/ then /*", "/*/", "//* x"],
)
def test_a_block_comment_opener_in_a_description_keeps_dart_parsing(text: str) -> None:
    source = dart_class_with_docs(text)
    assert problems(parse("dart", source)) == [], source


@settings(max_examples=300, deadline=None)
@given(st.text(alphabet=st.sampled_from(["/", "*", " ", "\t", "\n", "a", "\u00e9", "\u200e"])))
def test_any_text_of_comment_markers_in_dart_docs_parses_and_is_ascii(text: str) -> None:
    source = dart_class_with_docs(text)
    assert source.isascii()
    assert problems(parse("dart", source)) == [], source


@pytest.mark.parametrize(
    ("text", "ascii"),
    [
        ("caf\u00e9 na\u00efve", "cafe naive"),
        ("cafe\u0301", "cafe"),  # a combining accent, composed first
        (
            "\u201cquoted\u201d \u2018single\u2019 \u2014 dash\u2026",
            "\"quoted\" 'single' - dash...",
        ),
        ("\u4e2d\u6587 \U0001f600", "\\u{4e2d}\\u{6587} \\u{1f600}"),
        ("\ufb01eld", "field"),
    ],
)
def test_non_ascii_comment_text_is_transliterated_or_escaped(text: str, ascii: str) -> None:
    assert ascii_text(text, lambda char: f"\\u{{{ord(char):x}}}") == ascii


def test_clean_text_drops_every_bidi_mark_and_invisible_format_character() -> None:
    assert clean_text(f"a{MARKS}b") == "ab"


def test_clean_text_drops_nul_from_ascii_text_and_spells_every_line_break_as_newline() -> None:
    assert clean_text("a\0b") == "ab"
    assert clean_text("a\r\nb\rc\vd\fe\x1cf") == "a\nb\nc\nd\ne\nf"
    assert clean_text("plain ascii, no change") == "plain ascii, no change"


def hostile_docs() -> ModelSet:
    text = f"/* opens; marks:{MARKS}; caf\u00e9 \u201cquoted\u201d \u4e2d"
    return ModelSet(
        (
            ObjectModel(
                "Thing",
                (Field("x", Primitive("string"), required=True, description=text),),
                description=text,
            ),
            EnumModel("Kind", "string", (EnumValue("a", description=text),), description=text),
        ),
        Source("test"),
        title="t",
    )


@pytest.mark.parametrize("lang", ["python", "dart", "php"])
def test_no_bidi_mark_or_invisible_character_reaches_any_language(lang: str) -> None:
    files = emit(lang, hostile_docs()).files
    for name, text in files.items():
        assert not set(MARKS) & set(text), name


def test_dart_output_is_ascii_and_parses_whatever_the_descriptions() -> None:
    files = emit("dart", hostile_docs()).files
    for name, text in files.items():
        assert text.isascii(), name
        if name.endswith(".dart"):
            assert problems(parse("dart", text)) == [], name
