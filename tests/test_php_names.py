"""PHP names and escaped spec text (bad-inputs §A, §B): hostile schema, property and enum
names and descriptions still give PHP that parses, loads without printing anything, keeps
every JSON key and enum value, and round-trips."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from conftest import need_php
from php_support import dumps, generate, load_all, round_trip, same_json

from generator.emitters import EmitOptions
from generator.emitters.php import (
    case_name,
    check_namespace,
    class_name,
    default_namespace,
    doc_lines,
    emit,
    php_string,
    property_name,
)
from generator.errors import ModelgenError
from generator.ir import (
    Const,
    EnumModel,
    EnumValue,
    Field,
    ModelSet,
    ObjectModel,
    Primitive,
    Ref,
    Source,
)
from generator.output import validate_relpath
from generator.treesitter import parse, problems

STRING = Primitive("string")

RESERVED = [
    "List", "Object", "Empty", "Array", "Match", "Readonly", "Static", "Self", "Parent",
    "Mixed", "Never", "Int", "Null", "Enum", "Iterable", "Callable", "Void", "Bool", "Float",
    "String", "True", "False", "Class", "Function", "Namespace", "Fn", "Print", "Yield",
]  # fmt: skip

HOSTILE_TEXT = [
    "ends a docblock */ here",
    "?> <?php echo 1; ?>",
    "?><?php echo 'x'; ?>",
    "opens /* a comment",
    "{{ 7*7 }} {% raw %} {#",
    "line\rbreak\r\nand\u2028more\u2029and\vthe\fend\x00nul",
    "@param int $x injected tag",
    "bidi \u202e reversed \u2066 isolate",
    "quotes \"double\" 'single' and back\\slash\\",
    "$x ${x} {$x}",
]

ENUM_VALUES = [
    "class", "CLASS", "Class", "", "date", "-date", "in stock", "in-stock", "g", "μg", "a+",
    "a_plus", "1", "?>", "$x", "{$x}", "it's", "back\\", "new\nline", "*/", "null",
]  # fmt: skip

PROPERTY_NAMES = [
    "class", "list", "this", "1st", "200", "", "!", " ", "foo_bar", "fooBar", "FooBar",
    "foo-bar", "foo bar", "type", "Type", "additionalProperties", "json", "fromArray",
    "jsonSerialize", "WIRE_NAMES", "data", "café", "ﬁeld", "field", "\u200bzero", "x" * 300,
    "GLOBALS", "_GET", "__construct",
]  # fmt: skip


def hostile_models() -> ModelSet:
    models: list[ObjectModel | EnumModel] = [
        ObjectModel(name, (Field("value", STRING, True, description=text),), description=text)
        for name, text in zip(
            RESERVED + [n.upper() for n in RESERVED] + [n.lower() for n in RESERVED],
            HOSTILE_TEXT * 9,
            strict=False,
        )
    ]
    models += [
        ObjectModel("Pet", (Field("a", STRING, True), Field("A", STRING, True))),
        ObjectModel("pet", ()),
        ObjectModel("pet_store", ()),
        ObjectModel("PetStore", ()),
        ObjectModel("../etc/passwd", ()),
        ObjectModel("CON", ()),
        ObjectModel("", ()),
        ObjectModel("1st", ()),
        ObjectModel("y" * 300, ()),
        ObjectModel("Support", ()),
        ObjectModel("Json", ()),
        ObjectModel("Absent", ()),
        ObjectModel("UnknownWeird", ()),
        ObjectModel(
            "Everything",
            (
                *(
                    Field(name, STRING, required=i % 2 == 0, description=HOSTILE_TEXT[i % 10])
                    for i, name in enumerate(PROPERTY_NAMES)
                ),
                Field("weird", Ref("Weird"), required=False),
                Field("tag", STRING, required=True, const=Const("it's $x {$x} \\")),
            ),
            description="\n".join(HOSTILE_TEXT),
        ),
        EnumModel(
            "Weird",
            "string",
            tuple(
                EnumValue(v, description=HOSTILE_TEXT[i % 10]) for i, v in enumerate(ENUM_VALUES)
            ),
            description="?> */",
        ),
    ]
    models.sort(key=lambda m: m.name)
    return ModelSet(tuple(models), Source("hostile.yaml"), title="List")


def test_reserved_class_names_are_renamed_in_every_case() -> None:
    for name in RESERVED:
        for variant in (name, name.upper(), name.lower()):
            assert class_name(variant).casefold() == name.casefold() + "model"


def test_class_names_differ_case_insensitively_and_files_too() -> None:
    files = emit(hostile_models(), EmitOptions())
    paths = [p for p in files if p.startswith("src/") and p.count("/") == 1]
    assert len({p.casefold() for p in paths}) == len(paths)
    # one file per object model, one per enum plus its Unknown class
    assert len(paths) == len(hostile_models().models) + 1
    for rel in files:
        validate_relpath(rel)


def test_property_names_are_valid_distinct_and_keep_keywords() -> None:
    assert property_name("class") == "class"
    assert property_name("list") == "list"
    assert property_name("this") == "this_"
    assert property_name("1st").startswith("field")
    assert property_name("") != property_name("!")
    assert property_name("").startswith("field")


def test_class_is_never_an_enum_case_name() -> None:
    for value in ("class", "CLASS", "Class"):
        assert case_name(value).casefold() != "class"


def test_string_literals_never_interpolate_and_round_trip() -> None:
    assert php_string("$x {$x} ${x}") == "'$x {$x} ${x}'"
    assert php_string("it's \\") == "'it\\'s \\\\'"
    assert php_string('a\nb$x"') == '"a\\x0ab\\$x\\""'
    assert php_string("\u202e") == '"\\u{202e}"'


def test_docblock_text_cannot_close_the_comment_or_start_a_tag() -> None:
    lines = doc_lines("a */ b\n@param int $x\r\nc\u2028d")
    assert lines == ["a *\\/ b", "\\@param int $x", "c", "d"]
    assert all("*/" not in line for line in lines)


def test_namespace_option_is_checked_and_default_comes_from_the_title() -> None:
    assert default_namespace("Realtime Events API") == "RealtimeEventsApi\\Model"
    assert default_namespace("List") == "ListApi\\Model"
    assert default_namespace(None) == "Modelgen\\Model"
    assert check_namespace("\\Acme\\Models\\") == "Acme\\Models"
    for bad in ("Acme\\List", "1Acme", "Acme Models", "Acme\\", "Ac-me"):
        if bad == "Acme\\":
            assert check_namespace(bad) == "Acme"
            continue
        with pytest.raises(ModelgenError):
            check_namespace(bad)


def test_hostile_names_and_text_give_php_that_parses() -> None:
    for rel, text in emit(hostile_models(), EmitOptions()).items():
        if rel.endswith(".php"):
            tree = parse("php", text)
            assert problems(tree) == [], rel
            # no "?>" leaves PHP mode: the file is one php_tag and statements
            kinds = {child.type for child in tree.root_node.children}
            assert not kinds & {"text", "text_interpolation"}, rel


def test_hostile_names_and_text_load_silently_and_round_trip(tmp_path: Path) -> None:
    php = need_php()
    models = hostile_models()
    files = generate(models, tmp_path)
    loaded = load_all(php, tmp_path, files)
    assert loaded.returncode == 0, loaded.stderr + loaded.stdout
    assert loaded.stdout == "" and loaded.stderr == ""

    full = {name: f"v{i}" for i, name in enumerate(PROPERTY_NAMES)}
    full["weird"] = "?>"
    full["tag"] = "it's $x {$x} \\"
    required_only = {n: v for i, (n, v) in enumerate(full.items()) if i % 2 == 0}
    required_only["tag"] = full["tag"]
    cases = [("full", "Everything", dumps(full)), ("required", "Everything", dumps(required_only))]
    cases += [(f"enum{i}", "Weird", dumps(v)) for i, v in enumerate(ENUM_VALUES)]
    cases += [("unknown", "Weird", dumps("not listed"))]
    cases += [("badtag", "Everything", dumps({**full, "tag": "other"}))]
    results = round_trip(php, tmp_path, files, models, cases)
    for case_id, _, text in cases[:-1]:
        status, _, out = results[case_id]
        assert status == "ok", (case_id, out)
        assert same_json(json.loads(out), json.loads(text)), case_id
    assert results["badtag"][0] == "error"


def test_enum_cases_are_distinct_and_values_kept() -> None:
    text = emit(hostile_models(), EmitOptions())["src/Weird.php"]
    cases = [line.split()[1] for line in text.splitlines() if line.strip().startswith("case ")]
    assert len(cases) == len(set(c.casefold() for c in cases)) == len(ENUM_VALUES)
