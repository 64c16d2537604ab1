"""Enum member names and member docs from ``x-enum-varnames`` / ``x-enumNames`` and
``x-enum-descriptions``: read by the OpenAPI loader into the IR, spelled by each target as its
language spells members, and the generated code still reads back in parity with the spec."""

from __future__ import annotations

import ast
import re
import textwrap
from pathlib import Path

import pytest

from generator.cli import main
from generator.compare.parity import compare
from generator.errors import ModelgenError
from generator.ir import EnumModel, EnumValue, ModelSet, Source
from generator.sources import LoadOptions, load
from generator.sources.openapi import loader as openapi
from generator.targets import emit
from tests.targets.dart.check import parse_problems

HEAD = "openapi: 3.1.0\ninfo: {title: Ops, version: '1'}\npaths: {}\n"

OPERATORS = """\
Operator:
  type: string
  enum: ["=", "!=", "<", null]
  x-enum-varnames: [EQUALS, NOT_EQUALS, LESS_THAN, NONE]
  x-enum-descriptions: [Same value., Different value., null, No operator.]
"""


def write_spec(folder: Path, schemas: str) -> Path:
    body = textwrap.indent(textwrap.dedent(schemas), "    ")
    path = folder / "spec.yaml"
    path.write_text(HEAD + "components:\n  schemas:\n" + body, encoding="utf-8")
    return path


def load_spec(folder: Path, schemas: str, *, strict: bool = False) -> ModelSet:
    return openapi.load(write_spec(folder, schemas), LoadOptions(strict=strict))


def enum(models: ModelSet, name: str) -> EnumModel:
    model = models.by_name()[name]
    assert isinstance(model, EnumModel), model
    return model


def enum_set(*values: EnumValue) -> ModelSet:
    return ModelSet((EnumModel("Operator", "string", values),), Source("ops.yaml"))


# --- the loader ------------------------------------------------------------------------------


def test_varnames_and_descriptions_are_read_aligned_with_the_enum_list(tmp_path: Path) -> None:
    models = load_spec(tmp_path, OPERATORS)
    assert enum(models, "Operator").values == (
        EnumValue("=", "Same value.", "EQUALS"),
        EnumValue("!=", "Different value.", "NOT_EQUALS"),
        EnumValue("<", None, "LESS_THAN"),
    )
    assert models.diagnostics == ()


def test_x_enum_names_is_read_like_varnames(tmp_path: Path) -> None:
    models = load_spec(tmp_path, "Level: {type: integer, enum: [1, 2], x-enumNames: [Low, High]}")
    assert [v.name for v in enum(models, "Level").values or ()] == ["Low", "High"]


def test_a_list_longer_than_the_enum_is_ignored_with_a_warning_at_its_pointer(
    tmp_path: Path,
) -> None:
    models = load_spec(tmp_path, "Op: {type: string, enum: [a, b], x-enum-varnames: [A, B, C]}")
    assert [v.name for v in enum(models, "Op").values or ()] == [None, None]
    [warning] = models.diagnostics
    assert "x-enum-varnames has 3 entries for 2 enum values" in warning.message
    assert warning.source.pointer == "/components/schemas/Op/x-enum-varnames"


def test_a_list_shorter_than_the_enum_names_the_first_values_with_a_warning(
    tmp_path: Path,
) -> None:
    models = load_spec(tmp_path, "Op: {type: string, enum: [a, b], x-enum-varnames: [A]}")
    assert [v.name for v in enum(models, "Op").values or ()] == ["A", None]
    [warning] = models.diagnostics
    assert "x-enum-varnames has 1 entries for 2 enum values" in warning.message
    assert warning.source.pointer == "/components/schemas/Op/x-enum-varnames"


def test_a_list_of_the_wrong_length_is_an_error_with_strict(tmp_path: Path) -> None:
    with pytest.raises(ModelgenError, match="x-enum-descriptions has 3 entries"):
        load_spec(
            tmp_path,
            "Op: {type: string, enum: [a, b], x-enum-descriptions: [x, y, z]}",
            strict=True,
        )


def test_an_entry_that_is_not_a_string_leaves_only_that_member_unnamed(tmp_path: Path) -> None:
    models = load_spec(tmp_path, "Op: {type: string, enum: [a, b], x-enum-varnames: [A, 3]}")
    assert [v.name for v in enum(models, "Op").values or ()] == ["A", None]
    [warning] = models.diagnostics
    assert warning.source.pointer == "/components/schemas/Op/x-enum-varnames/1"


def test_a_value_that_is_not_a_list_is_ignored_with_a_warning(tmp_path: Path) -> None:
    models = load_spec(tmp_path, "Op: {type: string, enum: [a], x-enum-varnames: A}")
    assert enum(models, "Op").values == (EnumValue("a"),)
    assert "x-enum-varnames must be a list" in models.diagnostics[0].message


def test_an_enum_split_by_value_kind_keeps_each_values_name(tmp_path: Path) -> None:
    models = load_spec(
        tmp_path,
        "Mixed: {type: [string, integer], enum: [a, 1, b, 2],"
        " x-enum-varnames: [AY, ONE, BEE, TWO]}",
    )
    named = {
        v.value: v.name for m in models.models if isinstance(m, EnumModel) for v in m.values or ()
    }
    assert named == {"a": "AY", 1: "ONE", "b": "BEE", 2: "TWO"}
    assert models.diagnostics == ()


# --- the targets -----------------------------------------------------------------------------


def test_python_members_take_the_given_names_upper_snake_cased_and_keep_their_docs() -> None:
    models = enum_set(
        EnumValue("=", "Same value.", "EQUALS"),
        EnumValue("!=", None, "notEquals"),
        EnumValue("<", None, "class"),
    )
    text = emit("python", models, package="ops").files["ops/models.py"]
    tree = ast.parse(text)
    [cls] = [n for n in tree.body if isinstance(n, ast.ClassDef) and n.name == "Operator"]
    members = {
        stmt.targets[0].id: ast.literal_eval(stmt.value)
        for stmt in cls.body
        if isinstance(stmt, ast.Assign) and isinstance(stmt.targets[0], ast.Name)
    }
    assert members == {"EQUALS": "=", "NOT_EQUALS": "!=", "CLASS": "<"}
    assert "#: Same value." in text


def test_dart_members_take_the_given_names_lower_camel_cased_and_distinct() -> None:
    models = enum_set(
        EnumValue("=", "Same value.", "EQUALS"),
        EnumValue("!=", None, "NOT_EQUALS"),
        EnumValue("<", None, "values"),  # a member every Dart enum already has
        EnumValue(">", None, "equals"),  # the same name as another member, once cased
    )
    files = emit("dart", models).files
    assert parse_problems(files) == {}
    text = "\n".join(t for p, t in files.items() if p.endswith("/operator_model.dart"))
    members = dict(re.findall(r"^\s+(\w+)\('([^']*)'", text, re.MULTILINE))
    assert members == {"equals": "=", "notEquals": "!=", "values_2": "<", "equals_2": ">"}
    assert "/// Same value." in text


def test_php_cases_take_the_given_names_pascal_cased() -> None:
    models = enum_set(
        EnumValue("=", "Same value.", "EQUALS"),
        EnumValue("!=", None, "NOT_EQUALS"),
        EnumValue("<", None, "class"),
    )
    files = emit("php", models).files
    text = "\n".join(t for p, t in files.items() if p.endswith("/Operator.php"))
    cases = dict(re.findall(r"^\s+case (\w+) = '([^']*)';", text, re.MULTILINE))
    assert cases == {"Equals": "=", "NotEquals": "!=", "ClassValue": "<"}
    assert "Same value." in text


@pytest.fixture(scope="module")
def generated(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, Path]:
    folder = tmp_path_factory.mktemp("enum-names")
    spec = write_spec(
        folder,
        OPERATORS
        + "Filter: {type: object, properties: {op: {$ref: '#/components/schemas/Operator'}}}\n",
    )
    out = folder / "out"
    assert main(["generate", str(spec), "--lang", "python,dart,php", "--out", str(out)]) == 0
    return spec, out


@pytest.mark.parametrize("language", ["python", "dart", "php"])
def test_generated_code_with_given_names_reads_back_in_parity_with_the_spec(
    generated: tuple[Path, Path], language: str
) -> None:
    spec, out = generated
    report = compare([load(spec), load(out / language)])
    assert list(report.findings()) == []
