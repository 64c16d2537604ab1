"""PHP names and escaped spec text (bad-inputs §A, §B): hostile schema, property and enum
names and descriptions still give PHP that parses, loads without printing anything, keeps
every JSON key and enum value, and round-trips."""

from __future__ import annotations

import json
import random
import subprocess
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from generator.errors import ModelgenError
from generator.ir import (
    AliasModel,
    Const,
    EnumModel,
    EnumValue,
    Field,
    JsonValue,
    ModelSet,
    ObjectModel,
    Primitive,
    Source,
    UnionModel,
)
from generator.output import validate_relpath
from generator.targets import emit
from generator.targets.php import markers
from generator.targets.php.escape import doc_lines, php_string
from generator.targets.php.names import (
    case_name,
    check_namespace,
    class_name,
    default_namespace,
    property_name,
)
from generator.treesitter import parse, problems
from tests.support.models import ENUM_VALUES, FIELD_NAMES, PHP_RESERVED, TAG, hostile
from tests.support.paths import need_php
from tests.targets.php.support import dumps, generate, load_all, round_trip, same_json

STRING = Primitive("string")


def test_reserved_class_names_are_renamed_in_every_case() -> None:
    for name in PHP_RESERVED:
        for variant in (name, name.upper(), name.lower()):
            assert class_name(variant).casefold() == name.casefold() + "model"


def _files_of(model: object) -> int:
    """How many files PHP writes for a model: one, plus a factory for a union and an Unknown
    class for an enum PHP can back (string values of a string enum, 64-bit integers of an
    integer or number enum)."""
    if isinstance(model, UnionModel):
        return 2
    if isinstance(model, EnumModel) and model.values is not None:
        values = [v.value for v in model.values if v.value is not None]
        if model.base == "string" and all(isinstance(v, str) for v in values):
            return 2
        if model.base in ("integer", "number") and all(
            type(v) is int and -(2**63) <= v < 2**63 for v in values
        ):
            return 2 if values or model.base == "integer" else 1
    assert isinstance(model, ObjectModel | AliasModel | EnumModel)
    return 1


def test_class_names_differ_case_insensitively_and_files_too() -> None:
    models = hostile()
    files = emit("php", models).files
    paths = [p for p in files if p.startswith("src/") and p.count("/") == 1]
    assert len({p.casefold() for p in paths}) == len(paths)
    assert len(paths) == sum(_files_of(m) for m in models.models)
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
    for rel, text in emit("php", hostile()).files.items():
        if rel.endswith(".php"):
            tree = parse("php", text)
            assert problems(tree) == [], rel
            # no "?>" leaves PHP mode: the file is one php_tag and statements
            kinds = {child.type for child in tree.root_node.children}
            assert not kinds & {"text", "text_interpolation"}, rel


def test_hostile_names_and_text_load_silently_and_round_trip(tmp_path: Path) -> None:
    php = need_php()
    models = hostile()
    files = generate(models, tmp_path)
    loaded = load_all(php, tmp_path, files)
    assert loaded.returncode == 0, loaded.stderr + loaded.stdout
    assert loaded.stdout == "" and loaded.stderr == ""

    holder = models.by_name()['Hostile"""Name']
    assert isinstance(holder, ObjectModel)
    full: dict[str, JsonValue] = {name: f"v{i}" for i, name in enumerate(FIELD_NAMES)}
    full["colour"] = "?>"
    full["tag"] = TAG
    required_only = {f.name: full[f.name] for f in holder.fields if f.required}
    assert len(required_only) > len(FIELD_NAMES) // 2
    everything = 'Hostile"""Name'
    cases = [("full", everything, dumps(full)), ("required", everything, dumps(required_only))]
    cases += [(f"enum{i}", "class", dumps(v)) for i, v in enumerate(ENUM_VALUES)]
    cases += [("unknown", "class", dumps("not listed"))]
    cases += [("badtag", everything, dumps({**full, "tag": "other"}))]
    results = round_trip(php, tmp_path, files, models, cases)
    for case_id, _, text in cases[:-1]:
        status, _, out = results[case_id]
        assert status == "ok", (case_id, out)
        assert same_json(json.loads(out), json.loads(text)), case_id
    assert results["badtag"][0] == "error"


def test_enum_cases_are_distinct_and_values_kept() -> None:
    emitted = emit("php", hostile())
    text = emitted.files[markers.model_path(emitted.symbols["class"][0].name)]
    cases = [line.split()[1] for line in text.splitlines() if line.strip().startswith("case ")]
    assert len(cases) == len(set(c.casefold() for c in cases)) == len(ENUM_VALUES)


def _random_texts(count: int) -> list[str]:
    """Deterministic hostile strings: quotes, backslashes, $, braces, comment markers, control,
    bidi and non-BMP characters (no lone surrogates: they cannot be UTF-8)."""
    rng = random.Random(0)
    alphabet = [
        *"'\"\\${}*/?<>#@\n\r\t\x00\x0b\x0c\x1b\x7f\x85 aZ9_-μé",
        "\u2028", "\u2029", "\u202e", "\u200b", "\ufeff", "😀", "*/", "?>", "<?php", "{$x}",
    ]  # fmt: skip
    return ["".join(rng.choice(alphabet) for _ in range(rng.randint(0, 12))) for _ in range(count)]


def test_string_literals_evaluate_to_their_text_in_php(tmp_path: Path) -> None:
    php = need_php()
    texts = [*_random_texts(300), "", "\\", "'", "\\'", "$x", "{$x}", "${x}", "\\u{41}", "\\x41"]
    script = tmp_path / "literals.php"
    literals = ",\n".join(php_string(text) for text in texts)
    script.write_text(
        f"<?php\necho json_encode([\n{literals}\n], JSON_UNESCAPED_UNICODE);\n",
        encoding="utf-8",
    )
    done = subprocess.run([php, str(script)], capture_output=True, text=True, check=True)
    assert json.loads(done.stdout) == texts


@settings(max_examples=60, derandomize=True, database=None, deadline=None)
@given(st.text(alphabet=st.characters(exclude_categories=["Cs"]), max_size=40))
def test_any_spec_text_as_name_description_or_value_gives_valid_php(text: str) -> None:
    models = ModelSet(
        (
            EnumModel(text or "e", "string", (EnumValue(text), EnumValue(text + "x"))),
            ObjectModel(
                "Holder",
                (Field(text, STRING, True, description=text, const=Const(text)),),
                description=text,
            ),
        ),
        Source("random.yaml"),
        title=text,
    )
    for rel, source in emit("php", models).files.items():
        if rel.endswith(".php"):
            validate_relpath(rel)
            tree = parse("php", source)
            assert problems(tree) == [], (rel, text)
            kinds = {child.type for child in tree.root_node.children}
            assert not kinds & {"text", "text_interpolation"}, (rel, text)
